"""Extraction with a profile per page type: posts, product descriptions and list items are kept,
menus, forms, user panels and footers are not."""

from __future__ import annotations

from bot.digest.extract.html.profiles import PROFILES
from bot.digest.extract.html.region import drop_repeated_lines, region_text
from bot.digest.extract.html_extractor import _parse, extract_html
from tests.digest.extract.html import pages

CHROME = ("Privacy Policy", "Sign up for our newsletter", "About us", "Log in")


def _no_chrome(text: str) -> None:
    for snippet in CHROME:
        assert snippet not in text


def test_a_forum_thread_keeps_every_post_and_drops_user_panels() -> None:
    article = extract_html(pages.FORUM, "thread.html", "https://forum.coffee.example/t/espresso-machine-leaking/1234")
    for post in pages.FORUM_POSTS:
        assert post in article.text
    assert "Posts: 37" not in article.text and "Post reply" not in article.text
    _no_chrome(article.text)


def test_a_product_page_keeps_its_description_and_specifications() -> None:
    article = extract_html(pages.PRODUCT, "product.html", "https://shop.example.com/products/trailblazer-40")
    assert pages.PRODUCT_DESCRIPTION in article.text
    assert "40 litres" in article.text and "Recycled ripstop nylon" in article.text
    assert "Add to cart" not in article.text
    _no_chrome(article.text)


def test_a_product_pages_region_drops_its_reviews_and_recommended_products() -> None:
    extra = """<section class="customer-reviews"><h2>Customer Reviews</h2><p>Based on 4,567 reviews</p>
    <div class="review"><p>Great pack, I carried it for two weeks through the mountains and it held up well.</p></div></section>
    <section class="recommended-products"><h2>You may also like</h2><p>The Summit 30 daypack with a padded laptop sleeve and rain cover.</p></section>"""
    html = pages.PRODUCT.replace("</div></main>", extra + "</div></main>")
    product = PROFILES["product"]
    text = region_text(_parse(html), product.min_line_words, product.link_line_share, product.link_line_words, product.more_chrome)
    assert pages.PRODUCT_DESCRIPTION in text and "Recycled ripstop nylon" in text
    assert "Customer Reviews" not in text and "carried it for two weeks" not in text and "Summit 30" not in text
    assert "carried it for two weeks" in region_text(_parse(html))  # chrome on product pages only


REVIEWS = """<section id="reviews" class="product-reviews"><h2>Ratings &amp; Reviews</h2>
<div class="review-item"><h3>Carried it across the Alps</h3><p>I carried this pack for two weeks through the mountains and it held up well in
rain and snow; the hip belt kept the weight off my shoulders on every long climb, and the side pockets held two bottles.</p></div>
<div class="review-item"><h3>Good, but the zips stick</h3><p>After a month of daily commuting the main zip began to stick in the cold,
although customer service sent a replacement slider within a week and the pack has been fine since then, so four stars.</p></div>
<div class="review-item"><h3>Too small for winter</h3><p>It is a fine pack for summer trips, but with a winter sleeping bag and a stove
there is no room left for food, so I returned it for the larger model, which fits everything I need for three nights.</p></div></section>"""


def test_a_product_pages_reviews_stay_out_of_its_text() -> None:
    html = pages.PRODUCT.replace("</div></main>", REVIEWS + "</div></main>")
    article = extract_html(html, "product.html", "https://shop.example.com/products/trailblazer-40")
    assert pages.PRODUCT_DESCRIPTION in article.text and "Recycled ripstop nylon" in article.text
    assert "carried this pack for two weeks" not in article.text and "zips stick" not in article.text


def test_a_listing_keeps_every_card() -> None:
    article = extract_html(pages.LISTING, "news.html", "https://riverside.example.gov/news")
    for title, snippet in pages.LISTING_ITEMS:
        assert title in article.text and snippet in article.text
    _no_chrome(article.text)


def test_a_collection_keeps_every_product_card_and_drops_the_filters() -> None:
    article = extract_html(pages.COLLECTION, "shirts.html", "https://threadco.example.com/collections/mens-shirts")
    assert "woven from organic cotton" in article.text
    for name, _ in pages.COLLECTION_ITEMS:
        assert name in article.text
    assert "Add to cart" not in article.text and "Sort by" not in article.text
    _no_chrome(article.text)


def test_an_article_stays_trafilaturas_article() -> None:
    article = extract_html(pages.ARTICLE, "river.html", "https://valleytimes.example.com/2025/06/03/river-falls")
    assert article.text.split("\n\n")[:4] == list(pages.ARTICLE_PARAGRAPHS)
    assert "Drought hits farms" not in article.text
    _no_chrome(article.text)


def test_the_main_region_drops_chrome_by_tag_class_and_role() -> None:
    html = """<html><body><div role="navigation">Home Shop</div><main><h1>Opening hours</h1>
    <div class="cookie-banner">We use cookies</div><p>Monday to Friday, nine to five.</p>
    <div class="share-buttons">Share on social media</div><p style="display: none">hidden text</p>
    <ul><li>Saturday: ten to two</li><li>Sunday: closed</li></ul></main><footer>Imprint</footer></body></html>"""
    assert region_text(_parse(html)) == "Opening hours\n\nMonday to Friday, nine to five.\n\nSaturday: ten to two\n\nSunday: closed"


def test_region_lines_break_at_unicode_line_separators_and_measure_links() -> None:
    html = "<html><body><main><p>First line\u2028second line</p><p><a href='/x'>Get started</a></p></main></body></html>"
    assert "\u2028" not in region_text(_parse(html))
    assert region_text(_parse(html), max_link_share=0.5, link_line_words=3) == "First line\n\nsecond line"


def test_a_service_page_keeps_every_section_drops_its_buttons_and_takes_the_title_not_the_slogan() -> None:
    article = extract_html(pages.SERVICE, "payroll.html", "https://payrollpilot.example.com/")
    for title, text in pages.SERVICE_FEATURES:
        assert title in article.text and text in article.text
    assert "payday now takes ten minutes" in article.text and "$40 a month" in article.text
    assert "Get started" not in article.text and "Book a demo" not in article.text
    _no_chrome(article.text)
    assert article.title == "Payroll Software for Small Business"


def test_repeated_lines_are_read_once_and_short_labels_stay() -> None:
    text = "A long sentence of the post.\n\nReply\n\nA LONG SENTENCE of the post.\n\nReply\n\nThe answer."
    assert drop_repeated_lines(text, 3) == "A long sentence of the post.\n\nReply\n\nReply\n\nThe answer."
    assert drop_repeated_lines("No repeats here.\n\n\nat all", 3) == "No repeats here.\n\n\nat all"  # untouched


def test_a_forum_threads_quoted_opening_post_is_read_once() -> None:
    quoting = pages._post(5, "lurker", "</p><blockquote class=\"quote\"><p>" + pages.FORUM_POSTS[0] + "</p></blockquote><p>Same here since the last descaling, following this thread.")
    html = pages.FORUM.replace("</div>\n<div class=\"pagination\">", quoting + "</div>\n<div class=\"pagination\">")
    article = extract_html(html, "thread.html", "https://forum.coffee.example/t/espresso-machine-leaking/1234")
    assert "following this thread" in article.text
    assert article.text.count(pages.FORUM_POSTS[0]) == 1
    assert PROFILES["forum"].repeat_min_words is not None and PROFILES["article"].repeat_min_words is None


def test_a_forum_threads_summary_leads_when_the_posts_lack_it_and_not_twice() -> None:
    lead = "Howdy everyone, I am new to astronomy and would love advice on choosing my first telescope for planets and galaxies."
    meta = f'<meta property="og:description" content="{lead}">'
    html = pages.FORUM.replace("<head>", "<head>" + meta, 1)
    assert meta in html
    article = extract_html(html, "thread.html", "https://forum.coffee.example/t/espresso-machine-leaking/1234")
    assert article.text.startswith(lead) and pages.FORUM_POSTS[0] in article.text
    # a summary the posts already hold is not repeated
    own = f'<meta property="og:description" content="{pages.FORUM_POSTS[0]}">'
    article = extract_html(pages.FORUM.replace("<head>", "<head>" + own, 1), "thread.html", "https://forum.coffee.example/t/espresso-machine-leaking/1234")
    assert article.text.count(pages.FORUM_POSTS[0]) == 1
    assert PROFILES["forum"].lead_min_words is not None and PROFILES["article"].lead_min_words is None


def test_a_forum_posts_signature_stays_out_and_its_body_stays_in() -> None:
    motto = "Visit my roastery blog for daily espresso experiments and grinder reviews"
    signed = pages._post(5, "roaster", f"Same leak here, the gasket was the culprit after descaling.</p><div class=\"post-signature\"><p>{motto}</p></div><p>")
    html = pages.FORUM.replace("</div>\n<div class=\"pagination\">", signed + "</div>\n<div class=\"pagination\">")
    assert motto in html
    article = extract_html(html, "thread.html", "https://forum.coffee.example/t/espresso-machine-leaking/1234")
    assert "the gasket was the culprit" in article.text and motto not in article.text
    assert "signature" in PROFILES["forum"].more_chrome and "signature" not in PROFILES["service"].more_chrome
