"""UTF-8 shown as Latin-1 or cp1252 ("Investorâ\x80\x99s"), repaired for HTML titles and pastes alike."""

from __future__ import annotations

import re

# A lead byte's letter, then a continuation byte's. Only such text is handed to ftfy, which decides
# whether and how to repair it.
_MOJIBAKE_HINT = re.compile("[ÂÃâ][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]")


def repair_mojibake(text: str) -> str:
    """`text` with mis-decoded UTF-8 repaired ("Investor’s"); unchanged when it shows no hint of it."""
    if not _MOJIBAKE_HINT.search(text):
        return text
    import ftfy  # only here: importing it costs 80 ms, and few texts need it

    return ftfy.fix_encoding(text)
