"""The sweep's checks flag what a reader would call broken, and leave a sound digest alone."""

from __future__ import annotations

from typing import Any

from bench.sweep import DOUBLE_MARK, Item, check

ITEM = Item("wcxb-article", "0001", ".html", "<html></html>", truth="word " * 80, url="https://www.example.com/a/story")
TEXT = "Officers defected overnight. The group included 33 soldiers.\n\nIt may be a general, reports say."


def digest(**changes: Any) -> dict[str, Any]:
    result: dict[str, Any] = {
        "source": "a.html", "title": "Three officers defect", "language": "en", "text": TEXT, "url": None,
        "author": "Jane Doe", "date": "2024-05-01", "language_note": None,
        "summary": [{"text": "Officers defected overnight.", "index": 0, "hedge": None, "soft_cues": []},
                    {"text": "It may be a general, reports say.", "index": 2, "hedge": {"kind": "hedged", "cues": ["may"]}, "soft_cues": []}],
        "figures": [{"text": "33", "value": 33.0, "counts": "soldiers", "approximate": False, "sentence": 1, "kind": "count", "quote": ""}],
        "hedges": [{"text": "It may be a general, reports say.", "index": 2, "kind": "hedged", "cues": ["may"], "soft_cues": []}],
        "stats": {"words_in": 15, "words_out": 10}, "error": None,
    }
    result.update(changes)
    return result


def kinds(result: dict[str, Any]) -> set[str]:
    return {kind for kind, _ in check(ITEM, result)}


def test_a_sound_digest_is_not_flagged() -> None:
    assert kinds(digest()) == set()


def test_broken_digests_are_flagged() -> None:
    assert "error.on_text" in kinds(digest(error="No article text was found on the page."))
    assert "title.home" in kinds(digest(title="Home"))
    assert "title.site_name" in kinds(digest(title="Example"))
    assert "author.odd" in kinds(digest(author="Sign In"))
    assert "summary.empty" in kinds(digest(summary=[], stats={"words_in": 15, "words_out": 0}))
    hedged = digest(hedges=[{"text": "Officers defected overnight.", "index": 0, "kind": "hedged", "cues": ["some"], "soft_cues": []}])
    assert "hedge.cue_not_in_sentence" in kinds(hedged)
    assert "stats.words_out" in kinds(digest(stats={"words_in": 15, "words_out": 3}))
    chrome = [{"text": "We use cookies to improve your experience.", "index": 0, "hedge": None, "soft_cues": []}]
    assert {"summary.chrome", "summary.not_in_text"} <= kinds(digest(summary=chrome, stats={"words_in": 15, "words_out": 7}))


def _figure(text: str, value: float, counts: str, kind: str = "count") -> dict[str, Any]:
    return {"text": text, "value": value, "counts": counts, "approximate": False, "sentence": 1, "kind": kind, "quote": ""}


def test_the_twelfth_sessions_kinds_are_flagged() -> None:
    titled = Item("wcxb-listing", "0002", ".html", "", truth="word " * 80, url="https://news.example.com/", title="Daily Lodging Report")
    assert {"title.generic", "title.unrelated"} <= {kind for kind, _ in check(titled, digest(title="Search"))}
    assert "title.unrelated" not in {kind for kind, _ in check(titled, digest(title="The Daily Lodging Report"))}
    assert "author.role" in kinds(digest(author="Staff Writer"))
    assert "author.role" in kinds(digest(author="admin"))
    assert "author.role" not in kinds(digest(author="Jane Staffordshire"))
    assert "author.site_name" in kinds(digest(author="TaxSlayerPro.com"))
    assert "date.future" in kinds(digest(date="2031-01-01"))
    assert "date.before_1990" in kinds(digest(date="1970-01-01"))
    text = "We counted 0 people.\n\n$30 in card rewards are yours.\n\nThe 4-in/4-out box."
    figures = [_figure("0", 0.0, "people"), {**_figure("$30", 30.0, "card rewards", "money"), "sentence": 1}, {**_figure("4-in", 4.0, "in"), "sentence": 2}]
    found = kinds(digest(text=text + "\n\n" + TEXT, figures=figures))
    assert {"figure.zero", "figure.promotion", "figure.counts_stopword"} <= found
    hedged = {"text": "What does some_func(A) do?", "index": 0, "kind": "hedged", "cues": ["some"], "soft_cues": []}
    assert "hedge.cue_in_identifier" in kinds(digest(hedges=[hedged]))
    code = [{"text": "name = name.listAppend( user.firstName, \" \" );", "index": 0, "hedge": None, "soft_cues": []}]
    assert "summary.code" in kinds(digest(summary=code))
    midway = [{"text": "with our comprehensive web-based software package.", "index": 0, "hedge": None, "soft_cues": []}]
    assert "summary.lowercase_start" in kinds(digest(summary=midway))


def test_the_thirteenth_sessions_kinds_are_flagged() -> None:
    text = "Embrace the convenience of a mobile tax office\n\nwith our comprehensive software package.\n\n" + TEXT
    midway = [{"text": "with our comprehensive software package.", "index": 1, "hedge": None, "soft_cues": []}]
    assert {"summary.lowercase_start", "summary.begun_midway"} <= kinds(digest(text=text, summary=midway))
    glued = "Official websites use .gov website belongs to an official government organization.\n\n" + TEXT
    piece = [{"text": "gov website belongs to an official government organization.", "index": 1, "hedge": None, "soft_cues": []}]
    assert "summary.begun_midway" in kinds(digest(text=glued, summary=piece))
    named = "This guide shows how to set up a proxy.\n\nnginx has one master process.\n\n" + TEXT
    name = [{"text": "nginx has one master process.", "index": 1, "hedge": None, "soft_cues": []}]
    found = kinds(digest(text=named, summary=name))
    assert "summary.lowercase_start" in found and "summary.begun_midway" not in found  # a name after a full sentence
    marked = [{"text": ", and then the rain came.", "index": 0, "hedge": None, "soft_cues": []}]
    assert "summary.opens_with_mark" in kinds(digest(text="It was late, and then the rain came.\n\n" + TEXT, summary=marked))


def test_sweep4_kinds_are_flagged() -> None:
    taxslayer = Item("wcxb-service", "4876", ".html", "", truth="word " * 80, url="https://www.taxslayerpro.com/compare")
    assert "author.site_address" in {kind for kind, _ in check(taxslayer, digest(author="TaxSlayerPro com"))}
    assert "author.site_address" not in {kind for kind, _ in check(taxslayer, digest(author="Tax Slayer"))}
    podcasts = Item("wcxb-listing", "4380", ".html", "", truth="word " * 80, url="https://worldpodcast.network/")
    assert "author.site_address" not in {kind for kind, _ in check(podcasts, digest(author="World Podcast Network"))}
    assert "author.role" in kinds(digest(author="Webmaster"))
    for skip in ("Skip to main content", "Skip navigation", "Jump to content"):
        assert "title.skip_link" in kinds(digest(title=skip)), skip
    assert "title.skip_link" not in kinds(digest(title="Skip the line at the museum"))


def test_sweep5_kinds_are_flagged() -> None:
    cleveland = Item("scrapinghub", "35b1", ".html", "", truth="word " * 80, url="https://www.cleveland.com/a.html")
    assert "author.site_credit" in {kind for kind, _ in check(cleveland, digest(author="Troy L. Smith, Cleveland.com"))}
    assert "author.site_credit" in {kind for kind, _ in check(cleveland, digest(author="Troy L. Smith | cleveland"))}
    assert "author.site_credit" not in {kind for kind, _ in check(cleveland, digest(author="Troy L. Smith"))}
    assert "author.site_credit" not in {kind for kind, _ in check(cleveland, digest(author="Cleveland.com"))}  # site_address's
    nj = Item("scrapinghub", "3f65", ".html", "", truth="word " * 80, url="https://www.nj.com/a.html")
    assert "author.site_credit" in {kind for kind, _ in check(nj, digest(author="Amy Kuperinsky | NJ Advance Media for NJ.com"))}
    declared = Item("scrapinghub", "x", ".html", '<meta property="og:site_name" content="ScienceAlert">', url="https://www.sciencealert.com/a")
    assert "author.site_credit" in {kind for kind, _ in check(declared, digest(author="Jane Doe, ScienceAlert"))}
    assert "author.site_credit" not in {kind for kind, _ in check(declared, digest(author="Victor Tangermann, Futurism"))}


def _said(*texts: str) -> dict[str, Any]:
    """A digest whose text and summary are these sentences."""
    summary = [{"text": t, "index": i, "hedge": None, "soft_cues": []} for i, t in enumerate(texts)]
    text = "\n\n".join(texts)
    return digest(text=text, summary=summary, figures=[], hedges=[], stats={"words_in": 0, "words_out": 0})


def test_sweep6_summary_chrome_is_the_sites_phrasing_not_its_words_in_prose() -> None:
    for chrome in ("Click here to get more information or download this game.", "We use cookies to improve your experience.",
                   "Please enable JavaScript to view the comments.", "Log in to comment.", "Read our privacy policy."):
        assert "summary.chrome" in kinds(_said(chrome)), chrome
    for prose in ("Pour an egg-nog, grab the cookies, and get a towel as we go through the best books of 2025.",
                  "It also persists cookies across all requests made from the Session instance.",
                  "The Fetch API provides a JavaScript interface for making HTTP requests.",
                  "One login, no double entry, and complete visibility into your hourly workforce.",
                  "The promise of Google Stadia: rock-solid performance streamed to your browser."):
        assert "summary.chrome" not in kinds(_said(prose)), prose


def test_sweep6_a_manual_page_named_in_prose_is_no_code() -> None:
    assert "summary.code" not in kinds(_said("See systemd.unit(5) for details."))
    assert "summary.code" in kinds(_said("name = name.listAppend( user.firstName, \" \" );"))
    assert "summary.code" in kinds(_said("Call os.path.join(a, b) then fs.open(p) == 0;"))


def _summary_of(*sentences: str, text: str | None = None, **changes: Any) -> dict[str, Any]:
    """A digest whose summary is these sentences, standing in its text one a line."""
    body = text if text is not None else "\n".join(sentences)
    summary = [{"text": s, "index": i, "hedge": None, "soft_cues": []} for i, s in enumerate(sentences)]
    return digest(text=body, summary=summary, hedges=[], figures=[], stats={"words_in": len(body.split()), "words_out": len(" ".join(sentences).split())}, **changes)


def test_the_sixteenth_sessions_kinds_are_flagged() -> None:
    assert "summary.question_line" in kinds(_summary_of("How do I choose?", "The desk rises to 48 inches."))
    menu = ("Skip to main content Skip to navigation Support the Guardian Fund Independent Journalism Print Subscriptions Search Jobs "
            "Sign In Europe Edition UK Edition US Edition Australia Edition International Edition The Guardian Back To Home News "
            "Opinion Sport Culture Lifestyle World Europe Climate Crisis Ukraine Environment Science Global Development Football")
    assert "summary.menu_run" in kinds(_summary_of(menu))
    assert "summary.price_row" in kinds(_summary_of("Sale price: $24.50Original price: $35.00Limited Time!"))
    assert "summary.teaser_cut" in kinds(_summary_of("Every year, players train relentlessly to battle through and emerge..."))
    assert "summary.cut_at_unit" in kinds(_summary_of("Large Capacity: Includes a 72 oz.", "Pitcher for big batches."))
    assert "summary.store_banner" in kinds(_summary_of("Call for in-store availability!"))
    assert "summary.markup" in kinds(_summary_of("*br**br* Certification number: 17.HUS.08214.Hohenstein."))
    assert "summary.markup" in kinds(_summary_of("Googleâ€™s AI Overviews now appear for 16 percent of searches."))
    assert "summary.repeats_title" in kinds(_summary_of("The FCC is now soliciting public comment.", title="FCC Chair to Europe. The FCC is now soliciting public comment."))
    french = "Le barbecue est livré avec une grille et des pieds pour une cuisson sur la terrasse dans le jardin. " * 5
    assert "language.misread" in kinds(_summary_of("Le barbecue est livré avec une grille.", text=french))
    hedge = {"text": "- Some widgets may require a network connection.", "index": 5, "kind": "hedged", "cues": ["may"], "soft_cues": []}
    # the check flags a list item shown with the renderer's mark and its own; since the renderers drop the item's own
    # (render.py uses front_rules.shown_text for hedged claims too), the rendered digest is not flagged
    assert DOUBLE_MARK.match("- - Some widgets may require a network connection. _(hedged: **may**)_")
    assert not DOUBLE_MARK.match("- Some widgets may require a network connection. _(hedged: **may**)_")
    assert "render.double_mark" not in kinds(digest(hedges=[hedge]))
    notice = {"text": "If you don't know how to turn on Javascript, click here for help.", "index": 5, "kind": "conditional", "cues": ["If"], "soft_cues": []}
    assert "hedge.chrome" in kinds(digest(hedges=[notice]))


def test_the_sixteenth_sessions_kinds_leave_sound_sentences_alone() -> None:
    sound = _summary_of(
        "Will exercise reverse permanent MS damage, or only slow it down as the years go by?",  # a question of 15 words
        "Bey's work is held in major public collections, including the Addison Gallery of American Art; the Art Institute of "
        "Chicago; the Brooklyn Museum; the Detroit Institute of Arts; the Museum of Modern Art; the Studio Museum in Harlem; "
        "the National Gallery of Art; and the Whitney Museum of American Art in New York City.",
        "The shares rose from $10 to $12 on Friday.",
        "He said he was thinking... and then he stopped.",
        "Teachers gathered at the Statehouse to call for better pay.",
        "The hoop earrings weigh 8 oz. in all.",
    )
    found = kinds(sound)
    for kind in ("summary.question_line", "summary.menu_run", "summary.price_row", "summary.teaser_cut", "summary.cut_at_unit",
                 "summary.store_banner", "summary.markup", "summary.repeats_title", "language.misread", "render.double_mark",
                 "hedge.chrome"):
        assert kind not in found, kind
    assert "summary.question_line" not in kinds(_summary_of("So what went wrong there?", text="Then it broke. So what went wrong there? Nobody knew."))


def _in_sentence(sentence: str, *figures: dict[str, Any]) -> dict[str, Any]:
    text = "Officers defected overnight. " + sentence + "\n\nIt may be a general, reports say."
    return digest(text=text, figures=list(figures))


def test_figures8_reader_kinds_are_flagged() -> None:
    assert "figure.timestamp_ago" in kinds(_in_sentence("8 hours ago, JGD said so.", _figure("8 hours", 8, "hours", "duration")))
    assert "figure.names_number" in kinds(_in_sentence("It needs DirectX 11 level cards.", _figure("11", 11, "level")))
    assert "figure.identifier" in kinds(_in_sentence("Certification number: 17.HUS.08214.Hohenstein.", _figure("17", 17, "")))
    assert "figure.in_compound" in kinds(_in_sentence("It has 24/7 support.", _figure("24/7", 24, "support")))
    rated = _in_sentence("It has 5-star reviews and 4-star ratings.", _figure("5-star", 5, "star"), _figure("4-star", 4, "star"))
    assert "figure.ratings" in kinds(rated)


def test_figures8_reader_kinds_leave_amounts_alone() -> None:
    sound = [
        _in_sentence("The repair took 8 hours in all.", _figure("8 hours", 8, "hours", "duration")),
        _in_sentence("Trips took him to 12 of Mexico's 31 states.", _figure("31", 31, "states")),
        _in_sentence("On Monday, 13 people were hurt.", _figure("13", 13, "people")),
        _in_sentence("Profit rose to A$458.4m in all.", _figure("A$458.4m", 458.4e6, "dollars", "money")),
        _in_sentence("It has a 5-star rating.", _figure("5-star", 5, "star")),
    ]
    for result in sound:
        assert not {k for k in kinds(result) if k.startswith("figure.")} - {"figure.counts_nothing"}, result["text"]


def test_the_seventeenth_sessions_article_kinds() -> None:
    from bench.sweep import check_article_bullets

    def found(*sentences: str, text: str | None = None) -> set[str]:
        return {kind for kind, _ in check_article_bullets(ITEM, _summary_of(*sentences, text=text))}

    assert "summary.caption_credit" in found("Credit: Getty Images / fizkes In today's landscape, leaders must adapt.")
    assert "summary.byline" in found("Updated: December 9, 2024If you are serving food, choose a caterer.")
    assert "summary.byline" in found("By Jane Doe | Reporter")
    assert found("ST. JOSEPH, Mich. (AP) — Michigan health authorities report a sixth death.") == {"summary.dateline"}
    assert found("WASHINGTON (AP) — New uncertainty hangs over the primary.") == {"summary.dateline"}
    assert "summary.read_more" in found(">> Related: NordPass Password Manager Review NordVPN Speed - Very Good.")
    quote = 'Then she stopped. "Are you for Ukraine or for Russia?" Alex Shiroki\'s boss asked him Thursday.'
    assert "summary.speaker_tag_alone" in found("Alex Shiroki's boss asked him Thursday.", text=quote)
    assert "summary.quote_alone" in found('"Are you for Ukraine or for Russia?"', text=quote)
    assert "summary.dependent_opening" in found("They can handle high to low light.", text="Pothos\nThey can handle high to low light.")
    # sound bullets: a study "published" in a journal, a demonstrative before its noun, a quotation with its speaker
    assert not found("The study, published January 24 in Psychiatry Research, included 89 patients.",
                     "This guide breaks down why short videos work.", '"We will protect our lands," the mayor said.')
