"""Product pages: the product's name put back when the answer lacks it (seventeenth session, product9;
issue 9 target 1).

WCXB's annotators open a product page's text with the product's name (its `<h1>`), but extract_html
strips a first line equal to the page's title (trafilatura repeats an article's headline), and
trafilatura's block often starts below the name: on 13 of the 70 WCXB tune pages typed product the
answer lacks a word of the name. Putting the name first there gained in 4 of 5 host folds on tune
(bench/product9_study.py). A name already read in full anywhere in the answer is not added again.
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from bot.digest.extract.html.region import _is_chrome

_WORD = re.compile(r"\w+")


def _words(text: str) -> set[str]:
    return {word.lower() for word in _WORD.findall(text)}


def product_name(tree: lxml_html.HtmlElement) -> str:
    """The text of the body's first `<h1>` that lies in no chrome (a menu's or a pop-up's heading is not the
    product's name), spaces folded; "" when there is none."""
    for heading in tree.iterfind(".//body//h1"):
        ancestors = [a for a in heading.iterancestors() if a.tag not in ("body", "html")]
        if not any(_is_chrome(ancestor) for ancestor in ancestors):
            return " ".join(heading.text_content().split())
    return ""


def with_product_name(text: str, name: str) -> str:
    """`text` with the product's `name` (product_name, read before the profile's chrome is dropped: a name's
    wrapper may be named for its rating stars) as its first line when some word of the name is nowhere in it."""
    name_words = _words(name)
    if not name_words or name_words <= _words(text):
        return text
    return f"{name}\n\n{text}"
