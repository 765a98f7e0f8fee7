"""The page's main region as text, block by block, without its chrome.

trafilatura picks one content block and scores paragraphs; pages that are not articles (a
forum thread, a product, a listing of cards, a service page) spread their content over many
short blocks it drops. Here the page's main region (`<main>`, `[role=main]`, else the body)
is read whole, less what is chrome by its tag or by its class and id (navigation, header,
footer, forms, buttons, cookie and share bars, breadcrumbs): one line per block.
"""

from __future__ import annotations

import re
from copy import deepcopy

from lxml import html as lxml_html

_BLOCKS = frozenset(
    "p div li ul ol h1 h2 h3 h4 h5 h6 tr td th table dl dt dd section article blockquote pre br figcaption "
    "header footer main aside details summary address caption".split()
)
_CHROME_TAGS = ("nav", "header", "footer", "aside", "form", "button", "select", "option", "noscript", "svg",
                "iframe", "script", "style", "template", "dialog", "label", "input", "textarea", "menu", "object", "video", "audio", "canvas")
# Class or id words of chrome; matched as whole words of the attribute (split at - _ and spaces).
_CHROME_WORDS = frozenset(
    "nav navbar navigation menu menubar breadcrumb breadcrumbs cookie cookies consent gdpr newsletter subscribe "
    "share sharing social footer header masthead sidebar skip modal popup overlay banner toolbar pagination pager "
    "related promo advert ads ad sponsored signup login".split()
)
_SPLIT = re.compile(r"[\s_\-]+")
_SPACES = re.compile(r"[ \t\u00a0\r\f\v]+")
_MAIN_XPATH = "//main | //*[@role='main']"


def _is_chrome(element: lxml_html.HtmlElement) -> bool:
    if element.tag in _CHROME_TAGS:
        return True
    if element.get("aria-hidden") == "true" or element.get("hidden") is not None or element.get("role") in ("navigation", "banner", "contentinfo", "dialog", "search"):
        return True
    style = (element.get("style") or "").replace(" ", "").lower()
    if "display:none" in style:
        return True
    words = set(_SPLIT.split(((element.get("class") or "") + " " + (element.get("id") or "")).lower()))
    return bool(words & _CHROME_WORDS)


def main_region(tree: lxml_html.HtmlElement) -> lxml_html.HtmlElement | None:
    """The page's declared main region (the largest `<main>`/`[role=main]`), else its body."""
    found = [element for element in tree.xpath(_MAIN_XPATH) if isinstance(element.tag, str)]
    if found:
        return max(found, key=lambda element: len(element.text_content()))
    return tree.find("body")


def strip_chrome(region: lxml_html.HtmlElement) -> lxml_html.HtmlElement:
    """A copy of `region` without its chrome."""
    region = deepcopy(region)
    doomed = [element for element in region.iterdescendants() if isinstance(element.tag, str) and _is_chrome(element)]
    for element in doomed:
        if element.getparent() is not None and not any(a in doomed for a in ()):
            element.drop_tree()
    return region


def block_text(element: lxml_html.HtmlElement) -> str:
    """The text of an element, one line per block element, blank lines between."""
    element = deepcopy(element)
    for child in element.iter():
        if isinstance(child.tag, str) and child.tag in _BLOCKS:
            child.tail = "\n" + (child.tail or "")
            child.text = "\n" + (child.text or "")
    lines = [_SPACES.sub(" ", line).strip() for line in element.text_content().splitlines()]
    return "\n\n".join(line for line in lines if line)


def region_text(tree: lxml_html.HtmlElement) -> str:
    region = main_region(tree)
    if region is None:
        return ""
    return block_text(strip_chrome(region))
