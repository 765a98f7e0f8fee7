"""bench.articles_study's promo-block study: the answer's last block and the cut it makes, on a page built here."""

from lxml import html as lxml_html

from bench.articles_study import last_block, promo_rows

PARAGRAPHS = [  # 20 words or more each: the article's long lines
    "The river rose three metres overnight and the old bridge closed before dawn, the council said on Monday morning after a night of heavy rain.",
    "Engineers inspected the piers at first light and found the stone footings sound, though debris had piled up against the upstream side of the arches.",
    "Residents on the east bank were told to expect the crossing to reopen by the weekend if the water keeps falling as the forecasters expect it will.",
]
PROMO = "Subscribe to our newsletter and get the latest updates in your inbox."
# The box sits inside the body's element, where the eighth session's cut after the article's frame does not reach.
PAGE = (
    "<html><body><div id='main'><article><div class='body'>"
    + "".join(f"<p>{text}</p>" for text in PARAGRAPHS)
    + f"<div class='box'><h3>Stay in touch</h3><p>{PROMO}</p><form><input name='email'></form></div>"
    + "</div></article></div></body></html>"
)


def test_last_block_is_the_box_after_the_article_paragraphs() -> None:
    tree = lxml_html.fromstring(PAGE)
    block = last_block(tree, [*PARAGRAPHS, "Stay in touch", PROMO])
    assert block is not None and block.get("class") == "box"


def test_last_block_stops_below_the_article_text() -> None:
    tree = lxml_html.fromstring(PAGE)
    block = last_block(tree, PARAGRAPHS)
    assert block is not None and block.tag == "p"  # the last paragraph's parent holds the other long lines


def test_promo_rows_scores_the_cut_of_the_box() -> None:
    raw = "\n".join([*PARAGRAPHS, "Stay in touch", PROMO])
    truth = "\n".join(PARAGRAPHS)
    page = {"id": "x", "type": "article", "tree": PAGE, "raw": raw, "art": raw, "final": raw, "truth": truth}
    (row,) = promo_rows([page])
    assert row["form"] and row["cta"] > 0.1 and row["tag"] == "div"
    assert row["share"] > 0.8 and row["gain"] > 0  # dropping the box brings the answer to the truth


def test_site_folds_keep_a_site_together() -> None:
    from bench.articles_study import fold_of

    urls = {"a": "https://www.example.com/one", "b": "https://example.com/two", "c": "https://other.org/x"}
    pages = [{"id": key} for key in urls]
    for salt in ("a", "b", "c", "d"):
        assert fold_of(pages[0], urls, salt) == fold_of(pages[1], urls, salt)  # one host, "www." aside
    assert {fold_of(page, urls, None) for page in pages} <= set(range(5))


def test_buckets_name_the_lost_and_the_extra_lines() -> None:
    from bench.articles_study import page_buckets

    lost = "The footbridge upstream stays shut until the engineers have checked its cables and the railings once more."
    page_html = PAGE.replace("</div></article>", f"</div><figure><figcaption>{lost}</figcaption></figure></article>")
    answer = "\n".join([*PARAGRAPHS, PROMO])
    truth = "\n".join([*PARAGRAPHS, lost])
    buckets = page_buckets({"tree": page_html, "truth": truth}, answer)
    assert buckets == {("P", "p", "tail"): [3], ("R", "caption", "tail"): [3]}
