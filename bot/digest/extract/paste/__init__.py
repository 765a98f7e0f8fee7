"""Clean text that a user pasted from a web page (select all, copy, paste).

A browser paste holds the article plus the page's chrome: menus, "Recent
Articles" link lists, share and follow buttons, cookie notes, footers and
comment sections. Plain text has no markup to tell them apart, so the cleaner
works line by line, one idea a module:

- `wraps`: hard-wrapped text (email, terminals) is rejoined into paragraphs,
  only when most lines end close to one detected wrap width;
- `phrases` (with `phrases.json`): the word tables of chrome, section headings,
  counters and calls to action, in several languages;
- `features`: each non-blank line's hand-made features;
- `scoring`: two logistic regressions give each line its article probability
  (`model` reads the learned weights and typed decoding settings);
- `regions`: a Viterbi pass makes article regions, closing sections and
  whole-line chrome are cut, weak edges trimmed;
- `title`: a third regression picks the headline near the body's start;
- `promo`: disclosures, author bios, datelines and calls to action inside the article;
- `cleaner`: the steps in order.

Every step is linear in the input (no backtracking-prone regexes); any `str` is accepted.
"""

from bot.digest.extract.paste.cleaner import CleanedPaste, clean_paste
from bot.digest.extract.paste.promo import is_promo_line
from bot.digest.extract.paste.wraps import detect_wrap_width, rejoin_hard_wraps

__all__ = ["CleanedPaste", "clean_paste", "detect_wrap_width", "is_promo_line", "rejoin_hard_wraps"]
