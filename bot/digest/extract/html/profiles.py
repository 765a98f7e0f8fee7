"""An extraction profile per page type, in one settings object each.

rs-trafilatura's idea: what is main content depends on the kind of page. trafilatura's choice
of one content block suits articles; a service page, a forum thread, a listing of cards or a
collection of products spreads its content over many blocks, which the page's whole main
region (region.py) keeps. A profile says when the region's text replaces trafilatura's (when
it holds more than `region_over_words` times as many words; None: never) and which of the
region's lines are chrome: lines under `min_line_words` words (user panels, labels), and lines
of at most `link_line_words` words that are mostly link text ("Get started", "Log in").
A product page drops its reviews, ratings and recommended products (`more_chrome`: class or id
words of chrome for this type only), which are no part of the product's description: from its
region, and from the tree trafilatura reads (rs-trafilatura's per-type boilerplate selectors).
A block read twice (a page's desktop and mobile copies, a forum's quoted opening post) counts
twice against the page's words: service, product, forum and collection pages read each line
once (`repeat_min_words`; sixth session).
Where the title comes from differs too: a service page's <h1> is often a slogan. All chosen per type on WCXB's tune part, with the type the classifier predicts (cross-validated).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageProfile:
    region_over_words: float | None = None
    min_line_words: int = 1
    link_line_words: int = 0
    link_line_share: float = 0.5  # a short line more than half of whose text is links is a button or a menu
    headline_first: bool = True  # the title is the visible <h1> when the <title> speaks of it, else the <title>
    more_chrome: frozenset[str] = frozenset()
    # Lines of this many words or more are read once (region.drop_repeated_lines), from trafilatura's
    # answer and the region's alike; None: repeats kept (a manual repeats its code lines).
    repeat_min_words: int | None = None
    # The page's og:description leads the text when it holds this many words or more and the text
    # lacks at least a third of them (region.with_missing_lead; seventh session); None: never.
    lead_min_words: int | None = None
    # A run of cards (sibling elements of one shape with a link or heading) is read whole, whatever
    # its class words or hiding say (listing.py; ninth session).
    keep_cards: bool = False
    # Class or id words that are no chrome for this type (listing.py reads them; region.py's own list
    # stays as it is for every other type).
    less_chrome: frozenset[str] = frozenset()
    # With keep_cards: a card's hidden parts stay only when they are tab panels, accordion bodies or
    # slides (listing.is_panel), and its parts named chrome by class words only with this many words of
    # letters or more (0: all stay). A service page's hidden tabs and testimonials are content, its hidden
    # alternate prices, demo graphics and "Best value" badges are not (tenth session).
    hidden_card_panels_only: bool = False
    card_part_min_words: int = 0
    # A thread's posts found by their platform's markup (forum.thread_text) are the text, in place of both
    # trafilatura's answer and the region, when two or more are found (twelfth session, forums2).
    thread_posts: bool = False
    # With keep_cards: a card's name (a link line of at most `link_line_words` words in the page's own grid
    # of cards) is no menu label and stays, when the page has at most `card_name_max_links` links of that
    # text (a menu label is a link in the menu too), it is read once in the region (a button, "Add to
    # cart", repeats in every card) and its card has no other such name; a carousel or a run under
    # "related"/"you may also like" shows other products (listing.card_names, names_to_spare; thirteenth
    # session, listing4). 0: off.
    card_name_max_links: int = 0
    # With keep_cards: an element named chrome by its class or id words alone (no chrome tag, role or
    # hiding) that holds the page's own grid (the largest run of cards that is no carousel) and this share
    # of the region's text or more is a layout wrapper and stays (listing.cards_wrappers; thirteenth
    # session listing3, carousel guard fourteenth session listing5). None: off.
    cards_wrapper_share: float | None = None
    # With keep_cards: a region that is a grid of short lines (listing.holds_a_grid: names and prices, no
    # sentence) counts as text, for the choice and for the final "no article text" check (fourteenth session).
    grid_is_text: bool = False
    # With keep_cards: the region's status lines (listing.is_status_line: "1-24 of 672 products", "Sort by",
    # "Filters") are dropped (seventeenth session, listing9, bench/listing9_study.py).
    status_lines_out: bool = False


# A forum post's signature (the poster's links and motto under every post) is no part of the thread;
# the only line chrome a study of the region's lines found to gain on every fold (eighth session).
_FORUM_CHROME = frozenset({"signature"})
# A listing's filters and sort bars are no part of its cards (rs-trafilatura's listing profile).
_LISTING_CHROME = frozenset("filter filters facet facets refine refinements sort sorting sortby".split())
_PRODUCT_CHROME = frozenset("review reviews rating ratings recommend recommended recommendations similar upsell upsells recently viewed".split())


# A chrome-named wrapper of the page's own grid that holds this share of the region's text stays (listing.py;
# chosen on WCXB's tune part, fourteenth session, bench/listing5_study.py: 0.3 with carousels and menus out).
CARDS_WRAPPER_SHARE = 0.3


PROFILES: dict[str, PageProfile] = {
    "article": PageProfile(),
    # No short-line cut on documentation and forum pages: the fifteenth session's audit (bench/audit6_study.py) found
    # it carried by one tune site on documentation pages and losing on tune forum pages (35 pages down, 19 up).
    "documentation": PageProfile(region_over_words=1.5, headline_first=False),
    # Service pages keep their cards' hidden panels and named parts whole, and on collection pages the class word
    # "header" is chrome again: the audit found the narrower settings carried by one or two tune sites.
    "service": PageProfile(region_over_words=1.0, link_line_words=5, headline_first=False, repeat_min_words=3, keep_cards=True),
    "product": PageProfile(region_over_words=2.0, min_line_words=3, link_line_words=5, more_chrome=_PRODUCT_CHROME, repeat_min_words=3),
    "forum": PageProfile(
        region_over_words=2.0, link_line_words=5, more_chrome=_FORUM_CHROME, repeat_min_words=3, lead_min_words=15, thread_posts=True
    ),
    "listing": PageProfile(
        region_over_words=0.0,
        headline_first=False,
        more_chrome=_LISTING_CHROME,
        keep_cards=True,
        cards_wrapper_share=CARDS_WRAPPER_SHARE,
        grid_is_text=True,
        status_lines_out=True,
    ),
    "collection": PageProfile(
        region_over_words=1.2,
        link_line_words=3,
        repeat_min_words=5,
        more_chrome=_LISTING_CHROME,
        keep_cards=True,
        card_name_max_links=1,
        cards_wrapper_share=CARDS_WRAPPER_SHARE,
        grid_is_text=True,
        status_lines_out=True,
    ),
}
