"""What kind of page this is: article, documentation, service, product, forum, listing or collection.

WCXB's seven types (rs-trafilatura's idea: classify the page, then extract with a profile for
its type). The features are structural and general: the address's shape and words, the types
the page declares (JSON-LD `@type`, Open Graph `og:type`, microdata), and statistics of its tree
(paragraphs, link density, repeated sibling cards, post and comment markup, code blocks, price
and cart marks). A one-against-the-rest logistic model per type, trained on WCXB's tune part
(`python -m bench.train_page_type DATA_DIR`), picks the most likely type; a close call between article
and service with short paragraphs is read as a service page (close_call_type).
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass
from operator import itemgetter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np
from lxml import etree
from lxml import html as lxml_html

from bot.digest.extract.html.metadata import json_ld_documents
from bot.digest.extract.html.prune import JUSTEXT_BLOCKS, gaps_body, space_before_gap, space_before_inline_gaps
from bot.digest.model_files import ModelFileError, package_model_path, read_model_file

PAGE_TYPES = ("article", "documentation", "service", "product", "forum", "listing", "collection")
MODEL_KIND = "page-type"
MODEL_FORMAT = 1
MODEL_FILE = "page_type_model.json"
TRAINER = "bench.train_page_type"

_URL_WORDS = {
    "url_forum": "forum forums community discuss discussion thread threads topic topics t viewtopic showthread questions question answers board boards bbs reddit r comments",
    "url_docs": "docs doc documentation api reference manual guide guides wiki learn tutorial tutorials reference developer developers library man",
    "url_product": "product products p dp item items sku buy pd",
    "url_collection": "collections collection category categories c shop catalog catalogue store brands brand department",
    "url_listing": "blog news tag tags archive archives events courses programs search page list directory resources articles posts stories jobs",
    "url_service": "services service solutions solution pricing features platform about contact company business enterprise",
}
_URL_WORD_SETS = {name: frozenset(words.split()) for name, words in _URL_WORDS.items()}
_URL_TOKEN = re.compile(r"[a-z0-9]+")
_DATE_PATH = re.compile(r"/(19|20)\d\d/(\d\d?/)?")
_LD_TYPES = {
    "ld_article": {"Article", "NewsArticle", "BlogPosting", "Report", "AnalysisNewsArticle", "OpinionNewsArticle", "LiveBlogPosting", "ScholarlyArticle"},
    "ld_tech": {"TechArticle", "APIReference", "HowTo", "SoftwareSourceCode"},
    "ld_product": {"Product", "ProductGroup", "Offer", "AggregateOffer", "IndividualProduct", "Vehicle", "Book", "SoftwareApplication"},
    "ld_list": {"ItemList", "CollectionPage", "OfferCatalog", "SearchResultsPage", "ListItem"},
    "ld_forum": {"DiscussionForumPosting", "QAPage", "Question", "Answer", "Comment"},
    "ld_service": {"Service", "LocalBusiness", "ProfessionalService", "FAQPage", "Organization", "Corporation", "MedicalBusiness", "FinancialService"},
    "ld_webpage": {"WebPage", "AboutPage", "ContactPage"},
}
_CLASS_WORDS = {
    "cls_post": "post posts message messages reply replies comment comments thread topic answer answers postbody post-body userinfo username avatar signature vote votes upvote",
    "cls_product": "product price prices cart basket addtocart add-to-cart buy sku variant quantity qty stock checkout wishlist rating reviews",
    "cls_card": "card cards tile tiles grid item items teaser teasers listing result results entry entries feed",
    "cls_docs": "docs doc documentation toc sidebar sphinx markdown highlight api reference headerlink admonition version edit",
    "cls_service": "hero cta feature features benefits testimonial testimonials pricing plan plans service services solution solutions",
}
_CLASS_WORD_SETS = {name: frozenset(words.split()) for name, words in _CLASS_WORDS.items()}
# Most class and id strings hit no vocabulary (one test against all of them spares the five).
_ANY_CLASS_WORD = frozenset().union(*_CLASS_WORD_SETS.values())
_CLASS_SPLIT = re.compile(r"[\s_]+|(?<=[a-z])-(?=[a-z])")
_PRICE = re.compile(r"(?:[$€£¥]\s?\d|\d(?:[.,]\d\d)?\s?(?:€|EUR|USD|GBP)\b)")
# _PRICE's first half: all it finds in a text where no currency (€, EUR, USD, GBP) can follow a number.
_PRICE_SIGN = re.compile(r"[$€£¥]\s?\d")
_CURRENCIES_AFTER = ("€", "EUR", "USD", "GBP")
_WORD = re.compile(r"\w+")
_COUNTED_HEADINGS = frozenset({"h1", "h2", "h3", "h4"})
_COUNTED_TAGS = ("article", "time", "pre", "code", "table", "img", "button", "li")
# Tags _PageMarks.see reads (besides any element's itemtype and role).
_MARKED_TAGS = frozenset({"main", "meta", "link", "textarea", "input", "script"})
# A close call between article and service (eighteenth session, service10; bench/types10_study.py --close-call):
# a page the model reads as an article, with service the runner-up within this many logits, is read as a
# service page, whose profile keeps the blocks beside the main one (service pages spread their text over
# many), unless its paragraphs average ARTICLE_PARAGRAPH_WORDS words or more (an article's prose). Both chosen
# on WCXB's tune part by the answer's word F1 over host folds, with the page's address and without it; the
# paragraph guard also spares prose read with no address, whose article lead is smaller (a ScrapingHub page
# the service profile reads with its teasers, the project's seed article).
SERVICE_CLOSE_CALL_MARGIN = 1.5
ARTICLE_PARAGRAPH_WORDS = 35.0
# The least lead, in logits, that certain_type takes as certain: far above the rounding of two ways
# of summing the same 47 products, far below any real lead (0.79 the least on the ScrapingHub sample).
CERTAIN_MARGIN = 1e-6

FEATURES: tuple[str, ...] = (
    *_URL_WORDS,
    "url_depth",
    "url_slug_words",
    "url_date",
    "url_is_root",
    *_LD_TYPES,
    "og_article",
    "og_product",
    "og_website",
    "microdata_product",
    "microdata_forum",
    *_CLASS_WORDS,
    "log_words",
    "log_paragraphs",
    "mean_paragraph_words",
    "paragraph_word_share",
    "link_word_share",
    "log_headings",
    "linked_heading_share",
    "log_articles",
    "log_time",
    "log_code",
    "log_tables",
    "log_prices",
    "log_repeated",
    "repeated_share",
    "log_images",
    "log_buttons",
    "has_main",
    "log_list_items",
    "has_password",
    "has_textarea",
)


_COLUMN = {name: column for column, name in enumerate(FEATURES)}


def _log(count: float) -> float:
    return math.log1p(count)


def _url_features(url: str) -> dict[str, float]:
    parts = urlsplit(url.lower()) if url else None
    host = parts.hostname or "" if parts else ""
    path = parts.path if parts else ""
    tokens = set(_URL_TOKEN.findall(host.split(".")[0] if host.count(".") >= 2 else "")) | set(_URL_TOKEN.findall(path))
    segments = [s for s in path.split("/") if s]
    last = segments[-1] if segments else ""
    features = {name: float(bool(tokens & words)) for name, words in _URL_WORD_SETS.items()}
    features["url_depth"] = float(len(segments))
    features["url_slug_words"] = float(len(re.findall(r"[a-z]+", last)))
    features["url_date"] = float(bool(_DATE_PATH.search(path)))
    features["url_is_root"] = float(bool(url) and not segments)  # an unknown address is no home page
    return features


def _declared_types(tree: lxml_html.HtmlElement, json_ld: list[Any] | None = None) -> set[str]:
    found: set[str] = set()
    for data in json_ld_documents(tree) if json_ld is None else json_ld:
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                kind = item.get("@type")
                found.update(str(k) for k in (kind if isinstance(kind, list) else [kind]) if k)
                stack.extend(v for v in item.values() if isinstance(v, (dict, list)))
    return found


def _text(element: lxml_html.HtmlElement) -> str:
    """`element.text_content()`, without its XPath call where the element has no children."""
    return element.text_content() if len(element) else element.text or ""


def _vocabularies(class_and_id: str) -> tuple[str, ...]:
    """The class-word vocabularies (_CLASS_WORDS' names, in order) one of whose words is a token
    of an element's class and id."""
    lowered = class_and_id.lower()
    # Most class and id strings hit no vocabulary, and splitting at every white space, underscore and
    # hyphen tells so at a third of _CLASS_SPLIT's cost: a token that is a vocabulary word is letters
    # alone (a hyphen between letters always splits), bounded by what splits here too, so it is also
    # one of these pieces.
    if _ANY_CLASS_WORD.isdisjoint(lowered.replace("_", " ").replace("-", " ").split()):
        return ()
    tokens = _CLASS_SPLIT.split(lowered)
    if _ANY_CLASS_WORD.isdisjoint(tokens):
        return ()
    return tuple(name for name, vocabulary in _CLASS_WORD_SETS.items() if not vocabulary.isdisjoint(tokens))


def _has_element_child(parent: lxml_html.HtmlElement) -> bool:
    """`parent.find("*") is not None` (a search of 3 to 10 us) answered from its first child mostly:
    comments are gone, so the first child is nearly always an element."""
    return len(parent) > 0 and (isinstance(parent[0].tag, str) or parent.find("*") is not None)


def _larger_group(parent: lxml_html.HtmlElement, best: tuple[int, int]) -> tuple[int, int]:
    """The group of same-tag, same-class children of `parent` holding text, as (items, words), if it
    has more items than `best`; else `best`."""
    if len(parent) <= best[0] and _has_element_child(parent):  # no group here can have more items
        return best
    signatures = [f"{child.tag}.{child.get('class') or ''}" for child in parent.iterchildren(etree.Element)]
    # Counter.most_common(1)'s choice: the first signature with the highest count.
    signature, count = max(Counter(signatures).items(), key=itemgetter(1))
    if count < 3 or count <= best[0]:
        return best
    words = [len(_WORD.findall(_text(child))) for child, other in zip(parent.iterchildren(etree.Element), signatures) if other == signature]
    if sum(1 for w in words if w >= 3) >= 3:
        return max(best, (sum(1 for w in words if w >= 3), sum(words)))
    return best


def repeated_items(body: lxml_html.HtmlElement) -> tuple[int, int]:
    """(items, words) of the largest group of same-tag, same-class siblings holding text:
    the cards of a listing, the posts of a thread, the products of a collection."""
    best = (0, 0)
    for parent in body.iter():
        if isinstance(parent.tag, str) and len(parent) >= 3:
            best = _larger_group(parent, best)
    return best


def page_address(tree: lxml_html.HtmlElement, url: str | None) -> str:
    """The page's address: `url`, else the one it declares (a saved page read from a file has no
    address of its own; its Open Graph or canonical link names it)."""
    return _first_address(url, tree.xpath("//meta[@property='og:url']/@content | //link[@rel='canonical']/@href"))


def _first_address(url: str | None, declared: list[str]) -> str:
    return url or next((address.strip() for address in declared if address.strip()), "")


class _PageMarks:
    """What page_features reads from any element of the page, in document order: the addresses it
    declares (og:url, canonical link), its Open Graph and microdata types, a main region, a password
    field, a text area; and, for the article step's FAQ rule (`article.declares_faq`, which would walk
    the tree twice more), whether a script names "FAQPage". Fed by the walk that counts the body's
    elements (one XPath search of the whole tree per mark cost more than that walk)."""

    def __init__(self) -> None:
        self.addresses: list[str] = []
        self.og_types: list[str] = []
        self.itemtypes: list[str] = []
        self.main = self.password = self.textarea = self.faq_script = False
        self.paragraphs: list[lxml_html.HtmlElement] = []  # every <p> of the page, in document order

    def see(self, element: lxml_html.HtmlElement, tag: str) -> None:
        itemtype = element.get("itemtype")
        if itemtype is not None:
            self.itemtypes.append(itemtype)
        if tag == "main" or element.get("role") == "main":
            self.main = True
        if tag == "meta":
            content = element.get("content")
            if content is not None and element.get("property") == "og:url":
                self.addresses.append(content)
            elif content is not None and element.get("property") == "og:type":
                self.og_types.append(content)
        elif tag == "link":
            href = element.get("href")
            if href is not None and element.get("rel") == "canonical":
                self.addresses.append(href)
        elif tag == "textarea":
            self.textarea = True
        elif tag == "input" and element.get("type") == "password":
            self.password = True
        elif tag == "script" and not self.faq_script and "FAQPage" in (element.text or ""):
            self.faq_script = True

    def see_tree(self, tree: lxml_html.HtmlElement) -> None:
        for element in tree.iter():
            tag = element.tag
            if isinstance(tag, str):
                self.see(element, tag)
                if tag == "p":
                    self.paragraphs.append(element)


def page_features(tree: lxml_html.HtmlElement, url: str | None, json_ld: list[Any] | None = None) -> dict[str, float]:
    """The classifier's features of a parsed page (scripts other than JSON-LD may be gone); without
    `url`, the address the page declares. `json_ld`: its JSON-LD scripts, already parsed."""
    return _page_features(tree, url, json_ld, groups=True).features


@dataclass
class _Features:
    """page_features' answer, and what classify_page needs to bound or fill in the repeated-group
    features when the walk left them out (`groups=False`: both 0 until `with_groups`)."""

    features: dict[str, float]
    parents: list[lxml_html.HtmlElement]  # the elements with 3 children or more, in document order
    words: int  # the body's words
    marks: _PageMarks  # what the walk read from the page's marked elements

    @property
    def most_children(self) -> int:
        """The most children of an element (the repeated items' bound; 2 where none has 3)."""
        return max(map(len, self.parents), default=2)

    def with_groups(self) -> dict[str, float]:
        """The features with the repeated group searched for among `parents`, as the walk searches."""
        best = (0, 0)
        for parent in self.parents:
            if len(parent) > best[0] or not _has_element_child(parent):
                best = _larger_group(parent, best)
        _set_groups(self.features, *best, self.words)
        return self.features


def _set_groups(features: dict[str, float], items: int, item_words: int, words: int) -> None:
    features["log_repeated"] = _log(items)
    features["repeated_share"] = min(1.0, item_words / words) if words else 0.0


def _page_features(tree: lxml_html.HtmlElement, url: str | None, json_ld: list[Any] | None, groups: bool, space_gaps: bool = False) -> _Features:
    """page_features, with the repeated-group search in its walk only when `groups`; with `space_gaps`,
    `prune.space_before_inline_gaps(tree)` done first, by this walk where it walks the same body.

    That pass only appends a space to a text that white space follows in the body's text (an inline
    element's last text, before its white-space tail): no count of words, no heading's emptiness and no
    element changes, so counting each element before the pass has reached its descendants gives the same
    features; the texts read whole (the body's, the repeated groups') are read after the walk."""
    declared = _declared_types(tree, json_ld)
    body = tree.find("body")
    if body is None:
        body = tree
    marks = _PageMarks()
    if body is not tree:  # the root and what lies outside the body (the head), in document order
        marks.see(tree, tree.tag)
        if tree.tag == "p":
            marks.paragraphs.append(tree)
        after = False
        for child in tree:
            if child is body:
                after = True
            elif not after:
                marks.see_tree(child)
    # One walk over the body for every per-element count: each walk makes a Python object per element.
    class_counts = dict.fromkeys(_CLASS_WORDS, 0)
    vocabularies_of: dict[str, tuple[str, ...]] = {}  # class and id -> the vocabularies they hit; pages repeat them
    tags = dict.fromkeys(_COUNTED_TAGS, 0)
    paragraphs: list[int] = []
    link_texts: list[str] = []
    headings = linked = 0
    items, item_words = 0, 0
    parents: list[lxml_html.HtmlElement] = []
    see = marks.see
    paragraph_elements = marks.paragraphs  # the head's before, what follows the body after
    gaps = space_gaps and gaps_body(tree) is body
    if space_gaps and not gaps:  # a tree whose body the pass reads otherwise (a fragment): its own walk first
        space_before_inline_gaps(tree)
    for element in body.iter(etree.Element):
        tag = element.tag
        if gaps:  # space_before_inline_gaps' test, then its work
            tail = element.tail
            if tail and tag not in JUSTEXT_BLOCKS and tail.isspace():
                space_before_gap(element)
        if tag in tags:
            tags[tag] += 1
        if tag in _MARKED_TAGS or element.get("itemtype") is not None or element.get("role") == "main":
            see(element, tag)
        class_name, identifier = element.get("class"), element.get("id")
        if class_name or identifier:  # an element with neither builds no string
            class_and_id = (class_name or "") + " " + (identifier or "")
            names = vocabularies_of.get(class_and_id)
            if names is None:
                names = vocabularies_of[class_and_id] = _vocabularies(class_and_id)
            for name in names:
                class_counts[name] += 1
        children = len(element)
        # _larger_group's own first test, here to spare the call: no group of a parent with no more
        # children than the largest group so far can be larger.
        if children >= 3 and (not groups or children > items or not _has_element_child(element)):
            if groups:
                items, item_words = _larger_group(element, (items, item_words))
            else:  # searched later if the type is not certain without it
                parents.append(element)
        if tag == "p":
            paragraph_elements.append(element)
            count = len(_WORD.findall(_text(element)))
            if count >= 5:
                paragraphs.append(count)
        elif tag == "a":
            link_texts.append(_text(element))
        elif tag in _COUNTED_HEADINGS and _text(element).strip():
            headings += 1
            parent = element.getparent()
            linked += element.find(".//a") is not None or parent is not None and parent.tag == "a"
    # No word runs across the spaces that join the links' texts: the sum of each link's word count.
    link_words = len(_WORD.findall(" ".join(link_texts)))
    if body is not tree:
        for child in body.itersiblings():
            marks.see_tree(child)
    features = _url_features(_first_address(url, marks.addresses))
    for name, kinds in _LD_TYPES.items():
        features[name] = float(bool(declared & kinds))
    og_type = " ".join(marks.og_types).lower()
    features["og_article"] = float("article" in og_type)
    features["og_product"] = float("product" in og_type)
    features["og_website"] = float("website" in og_type)
    itemtypes = " ".join(marks.itemtypes).lower()
    features["microdata_product"] = float("schema.org/product" in itemtypes or "schema.org/offer" in itemtypes)
    features["microdata_forum"] = float(any(k in itemtypes for k in ("discussionforumposting", "schema.org/comment", "schema.org/answer", "qapage")))
    for name, count in class_counts.items():
        features[name] = _log(count)
    text = body.text_content()
    words = len(_WORD.findall(text))
    features["log_words"] = _log(words)
    features["log_paragraphs"] = _log(len(paragraphs))
    features["mean_paragraph_words"] = _log(sum(paragraphs) / len(paragraphs)) if paragraphs else 0.0
    features["paragraph_word_share"] = min(1.0, sum(paragraphs) / words) if words else 0.0
    features["link_word_share"] = min(1.0, link_words / words) if words else 0.0
    features["log_headings"] = _log(headings)
    features["linked_heading_share"] = linked / headings if headings else 0.0
    features["log_articles"] = _log(tags["article"])
    features["log_time"] = _log(tags["time"])
    features["log_code"] = _log(tags["pre"] + tags["code"])
    features["log_tables"] = _log(tags["table"])
    features["log_prices"] = _log(len((_PRICE if any(code in text for code in _CURRENCIES_AFTER) else _PRICE_SIGN).findall(text)))
    _set_groups(features, items, item_words, words)  # both 0 without the search (`groups` False)
    features["log_images"] = _log(tags["img"])
    features["log_buttons"] = _log(tags["button"])
    features["has_main"] = float(marks.main)
    features["log_list_items"] = _log(tags["li"])
    features["has_password"] = float(marks.password)
    features["has_textarea"] = float(marks.textarea)
    return _Features(features, parents, words, marks)


def feature_vector(features: dict[str, float]) -> np.ndarray:
    return np.array([features[name] for name in FEATURES], dtype=float)


class PageTypeModel:
    """One logistic model per page type over the same features; the highest logit wins."""

    def __init__(self, payload: dict) -> None:
        models = payload["models"]
        self.types = tuple(payload["types"])
        self.mean = np.array(payload["mean"], dtype=float)
        self.scale = np.array(payload["scale"], dtype=float)
        self.weights = np.array([models[kind]["weights"] for kind in self.types], dtype=float)
        self.bias = np.array([models[kind]["bias"] for kind in self.types], dtype=float)

    def scores(self, vector: np.ndarray) -> dict[str, float]:
        logits = self.weights @ ((vector - self.mean) / self.scale) + self.bias
        return dict(zip(self.types, (float(v) for v in logits)))

    def classify(self, features: dict[str, float]) -> str:
        scores = self.scores(feature_vector(features))
        return max(scores, key=scores.__getitem__)

    def page_type(self, features: dict[str, float]) -> str:
        """`classify`'s type with the close call between article and service decided (close_call_type)."""
        return close_call_type(self.scores(feature_vector(features)), features)

    def certain_type(self, features: dict[str, float], highest: dict[str, float]) -> str | None:
        """The type `classify` gives whatever value in [0, highest[name]] each feature named in
        `highest` takes (their values in `features` are not read), or None when those values could
        change it. The logits are linear in each feature: the type that leads with all of them at 0
        leads everywhere if its lead over every other type stays above what the most adverse
        corner takes away (a margin for rounding kept)."""
        leader, lead = self._least_leads(features, highest)
        lead[leader] = np.inf
        return self.types[leader] if bool((lead > CERTAIN_MARGIN).all()) else None

    def clear_of(self, features: dict[str, float], highest: dict[str, float], kind: str, other: str, margin: float) -> bool:
        """Whether `kind`'s logit stays more than `margin` above `other`'s whatever value in
        [0, highest[name]] each feature named in `highest` takes (a rounding margin kept, as in
        certain_type): then close_call_type cannot turn a certain article into a service page, and the
        repeated-group search that would decide it is not needed (scan_page)."""
        _, lead = self._least_leads(features, highest, self.types.index(kind))
        return bool(lead[self.types.index(other)] - margin > CERTAIN_MARGIN)

    def _least_leads(self, features: dict[str, float], highest: dict[str, float], leader: int | None = None) -> tuple[int, np.ndarray]:
        """`leader` (default: the type leading with the `highest` features at 0) and its least lead over
        each type, whatever value in [0, highest[name]] each of those features takes (see certain_type)."""
        vector = feature_vector(features)
        columns = [_COLUMN[name] for name in highest]
        vector[columns] = 0.0
        logits = self.weights @ ((vector - self.mean) / self.scale) + self.bias
        leader = int(logits.argmax()) if leader is None else leader
        # Each other type's logit minus the leader's, per unit of each open feature; its worst gain.
        per_unit = (self.weights[:, columns] - self.weights[leader, columns]) / self.scale[columns]
        worst_gain = np.maximum(per_unit * list(highest.values()), 0.0).sum(axis=1)
        return leader, logits[leader] - logits - worst_gain


def may_switch_to_service(features: dict[str, float]) -> bool:
    """Whether an article with these features could be read as a service page (close_call_type): its
    paragraphs average under ARTICLE_PARAGRAPH_WORDS words (0 where it has none). Reads no repeated-group feature."""
    return features["mean_paragraph_words"] < math.log1p(ARTICLE_PARAGRAPH_WORDS)


def close_call_type(scores: dict[str, float], features: dict[str, float]) -> str:
    """The leading type of `scores`, but a page led by article whose runner-up is service within
    SERVICE_CLOSE_CALL_MARGIN logits, and whose paragraphs are short (may_switch_to_service), is a service page."""
    leader, runner_up = sorted(scores, key=scores.__getitem__, reverse=True)[:2]
    if leader == "article" and runner_up == "service" and scores[leader] - scores[runner_up] < SERVICE_CLOSE_CALL_MARGIN and may_switch_to_service(features):
        return "service"
    return leader


def load_model(path: Path | None = None) -> PageTypeModel:
    """The model in `path` (default: the shipped file); ModelFileError when it does not fit this code."""
    path = path or package_model_path("bot.digest.extract.html", MODEL_FILE)
    payload = read_model_file(path, MODEL_KIND, MODEL_FORMAT, FEATURES, TRAINER).payload
    try:
        model = PageTypeModel(payload)
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelFileError(f"model file {path}: payload lacks or garbles {exc}; rebuild it with `python -m {TRAINER} DATA_DIR`") from exc
    if model.types != PAGE_TYPES or model.weights.shape != (len(PAGE_TYPES), len(FEATURES)) or model.mean.shape != (len(FEATURES),):
        raise ModelFileError(f"model file {path}: not one model per page type over {len(FEATURES)} features; rebuild it with `python -m {TRAINER} DATA_DIR`")
    return model


@functools.lru_cache(maxsize=1)
def shipped_model() -> PageTypeModel:
    return load_model()


@dataclass(frozen=True)
class PageScan:
    """classify_page's answer and what its walk saw that a later step reads: whether a script names
    "FAQPage", every element's itemtype in document order (the tree's `//@itemtype`), and every `<p>`
    in document order (`tree.iter("p")`, a walk of the whole tree: 0.14 ms on a news page)."""

    page_type: str
    faq_script: bool
    itemtypes: tuple[str, ...]
    paragraphs: tuple[lxml_html.HtmlElement, ...]


def classify_page(tree: lxml_html.HtmlElement, url: str | None, json_ld: list[Any] | None = None) -> str:
    """The page's type (`scan_page(...).page_type`)."""
    return scan_page(tree, url, json_ld).page_type


def scan_page(tree: lxml_html.HtmlElement, url: str | None, json_ld: list[Any] | None = None, space_gaps: bool = False) -> PageScan:
    """The page's type, one of PAGE_TYPES (`json_ld`: the page's JSON-LD scripts, already parsed):
    `shipped_model().page_type(page_features(...))`, with the repeated-group search (a sixth of the
    features' time) left out where its two features cannot change the answer: log_repeated is at
    most log(1 + the most children of an element), repeated_share at most 1 (35 of bench.speed's 40
    ScrapingHub pages, 70 % of all WCXB dev and ScrapingHub pages); elsewhere the group is searched
    among the elements with three children or more that the walk kept, as the walk would have. A certain
    article with short paragraphs is searched too unless its lead over service stays above the close call's
    margin at any value of the two (PageTypeModel.clear_of; 89 of 91 such ScrapingHub pages are spared).
    `space_gaps`: `prune.space_before_inline_gaps(tree)` is done too, in the same walk of the body
    (0.2 ms a page less than its own walk; see `_page_features`)."""
    model = shipped_model()
    partial = _page_features(tree, url, json_ld, groups=False, space_gaps=space_gaps)
    highest = {"log_repeated": _log(partial.most_children), "repeated_share": 1.0}
    certain = model.certain_type(partial.features, highest)
    # A certain article may still be a close call with service (close_call_type), unless its lead over
    # service stays above SERVICE_CLOSE_CALL_MARGIN whatever the groups hold: else read whole.
    if certain == "article" and may_switch_to_service(partial.features) and not model.clear_of(
        partial.features, highest, "article", "service", SERVICE_CLOSE_CALL_MARGIN
    ):
        certain = None
    kind = certain or model.page_type(partial.with_groups())
    marks = partial.marks
    return PageScan(kind, marks.faq_script, tuple(marks.itemtypes), tuple(marks.paragraphs))
