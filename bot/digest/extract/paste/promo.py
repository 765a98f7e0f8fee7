"""Promotional lines that sit inside the article's region and read like prose to the line scorer.

Affiliate and sponsorship disclosures, author bios, datelines, "Related: ..."
links, template paths and short calls to action ("Get the FREE eBook!").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.digest.extract.paste.features import SENTENCE_END, URL, PasteLine, is_plain
from bot.digest.extract.paste.phrases import CTA_TARGETS, CTA_VERBS, WORD, line_words, lower_words
from bot.digest.extract.paste.wraps import BULLET_START

# Affiliate and sponsorship disclosures ("We may earn commission from links on this page") and invitations
# to contact the site's sales team: branches, each with the cues (lower-cased) one of which every match of it holds.
_DISCLOSURE_BRANCHES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("commission", "compensation", "affiliate"), r"(?:earns?|receive|get)(?: us)? (?:a |an )?(?:small )?(?:commissions?|compensation|affiliate)"),
    (("affiliate",), r"affiliate (?:links?|commissions?|partners?|disclosure)"),
    (("supported by",), r"supported by (?:commissions|readers|our readers)"),
    (("independently",), r"chosen independently|independently (?:chosen|selected)"),
    (("commission",), r"commissions? from (?:links|providers|purchases)"),
    (("sponsor",), r"\bsponsor (?:this|our) |(?:this|the) (?:post|article|episode|newsletter) is sponsored"),
    (("if you",), r"if you (?:liked|enjoyed|like|enjoy) this (?:post|article|blog|story|guide|newsletter)"),
    (("small favo",), r"a small favou?r to ask"),
    (("no spam",), r"\bno spam\b"),
    (("hesitate to",), r"(?:do not|don't|don’t) hesitate to (?:reach out|contact|get in touch)"),
    (("get in touch with",), r"\bget in touch with (?:us|our)\b"),
)


def _alternation(branches: Sequence[tuple[tuple[str, ...], str]]) -> re.Pattern[str]:
    """All the branches in one case-insensitive regex (what runs on a line that is not plain)."""
    return re.compile("|".join(pattern for _, pattern in branches), re.I)


def _cued_branches(branches: Sequence[tuple[tuple[str, ...], str]]) -> tuple[tuple[tuple[str, ...], re.Pattern[str]], ...]:
    """Each branch's cues with the branch alone, compiled: on a plain line only the branches whose cue it holds run,
    each far cheaper than the whole alternation (which tries every branch at every position)."""
    return tuple((cues, re.compile(pattern, re.I)) for cues, pattern in branches)


def _all_cues(branches: Sequence[tuple[tuple[str, ...], str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(cue for cues, _ in branches for cue in cues))


_DISCLOSURE = _alternation(_DISCLOSURE_BRANCHES)
_DISCLOSURE_PARTS = _cued_branches(_DISCLOSURE_BRANCHES)
# Every branch of _DISCLOSURE holds one of these (lower-cased).
_DISCLOSURE_CUES = _all_cues(_DISCLOSURE_BRANCHES)
# Disclosures speak for the site ("we", "I", "our", "this post"); prose about affiliate marketing does not.
_FIRST_PERSON = re.compile(r"\b(?:we|I|us|our|my|this (?:post|page|article|site|blog|episode|newsletter))\b", re.I)
# Author bios: "Jane Doe is a freelance writer who...", "Dennis Moons is the founder and lead instructor at ...".
AUTHOR_BIO = re.compile(
    r"(?:[A-Z][\w.'’-]*\s){2,4}(?:is|was|has been)\s(?:a|an|the|our)\s(?:[\w'’-]+\s){0,5}"
    r"(?:writer|editor|reporter|journalist|founder|co-founder|author|contributor|correspondent|columnist|"
    r"freelancer|blogger|instructor|consultant|expert|strategist|ceo|host)\b"
)
# A bio under the author's first name only ("Irene is an experienced writer with ..."): writing roles only, since
# "Veed is a video editor" or "Paris is a host city" are article sentences.
_FIRST_NAME_BIO = re.compile(
    r"(?!(?:Who|What|Which|This|That|It|There|Here)\b)[A-Z][\w'’-]+ (?:is|was|has been) (?:a|an|the|our) (?:[\w'’-]+ ){0,5}"
    r"(?:writer|reporter|journalist|author|contributor|blogger|columnist)\b"
)
# The bio's next sentences: "He's a Google Ads expert with ...", "She has written for ...".
_BIO_MORE = re.compile(r"(?:he|she|they)(?:'s|’s| is| was| has| have| writes| lives| holds)\b", re.I)
# Datelines and post navigation: "Posted by David at December 16, 2025", "PrevPreviousThe Sweet Truth ...".
_POSTED = re.compile(r"(?:posted|published|written|last updated)\s(?:by|on|in)\s|prev\s?previous|next\s?post\b|previous\s?post\b", re.I)
_POSTED_ON = re.compile(r"(?:posted|published) (?:on|in) ", re.I)
# Consent banners: "We use cookies to ...", "Nous utilisons des cookies ...", "Diese Website verwendet Cookies".
_CONSENT = re.compile(
    r"\b(?:we(?: and our partners)? use|this (?:web)?site uses|nous utilisons|ce site utilise|wir verwenden|wir nutzen|"
    r"diese (?:web)?seite verwendet|diese website (?:verwendet|nutzt)|utilizamos|usamos|este sitio(?: web)? utiliza|"
    r"utilizziamo|usiamo|questo sito utilizza|wij gebruiken|deze (?:web)?site gebruikt|używamy)\b[^.]{0,60}\bcookies?\b",
    re.I,
)
# The site speaking to the reader inside the article's region: form consent ("By submitting this form, you
# authorize ..."), social follows ("follow us on Facebook"), newsletter nudges ("Don't miss any news from us!"),
# "Help me spread the word".
_SITE_CALL_BRANCHES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("submitting", "completing", "sending", "clicking", "signing up", "subscribing"),
     r"\bby (?:submitting|completing|sending|clicking|signing up|subscribing)\b[^.]{0,60}?\byou(?: hereby)? (?:agree|authori[sz]e|consent|acknowledge|accept)"),
    ((" us on", " me on"),
     r"\b(?:follow|like|join|find) (?:us|me) on (?:facebook|twitter|instagram|tiktok|linkedin|youtube|pinterest|threads|bluesky|mastodon|x)\b"),
    (("miss",),
     r"\b(?:don[’']?t|do not|never) miss (?:any|a|an|out on)? ?(?:\w+ )?(?:news|updates?|posts?|stories|articles|issues?|episodes?|recipes?) (?:from us|from our)"),
    (("spread the word",), r"\bhelp (?:me|us) spread the word\b"),
    # Paywalls: "This article is exclusive to STAT+ subscribers", "Already have an account? Log in", "Unlock this article".
    (("subscribers",), r"\bexclusive to .{0,40}subscribers"),
    (("have an account",), r"\balready have an account\W{0,3}\s*(?:log|sign) ?in"),
    (("unlock this",), r"\bunlock this (?:article|story)"),
    (("subscribe to",), r"\bsubscribe to (?:continue|read)"),
)
_SITE_CALL = _alternation(_SITE_CALL_BRANCHES)
_SITE_CALL_PARTS = _cued_branches(_SITE_CALL_BRANCHES)
# Notices every site of a kind shows: the US government's banner ("An official website of the United States
# government", "Here's how you know", "Official websites use .gov") and review sites' testing notes ("We independently
# test everything we recommend.", "Buying through links on our site supports our work.").
_SITE_NOTICE = re.compile(
    r"an official website of the\b|here[’']?s how you know\b|official websites use \.gov|secure \.gov websites use https"
    r"|\bwe independently (?:test|review|research|evaluate|vet|select|choose)|\bbuying through (?:our |the )?links\b",
    re.I,
)
_SITE_NOTICE_CUES = ("official website", "how you know", ".gov", "independently", "buying through")
_SITE_CALL_CUES = _all_cues(_SITE_CALL_BRANCHES)
# A list of the author's other posts: "Recently by Jeffrey Zeldman", "More by Rowan Jacobsen" (the name capitalised).
_MORE_BY = re.compile(r"(?:[Rr]ecently|[Mm]ore|[Oo]ther (?:posts|articles|stories)) by [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}$")
# Post navigation ("Previous: Paying for the rides ...", "Next article: ...") and the page's image credit
# ("Feature image by Girlfriend Collective, all other images via brands mentioned.").
_NAVIGATION_OR_CREDIT = re.compile(
    r"(?:previous|next)(?: (?:post|article|story))?: "
    r"|(?:feature[d]?|header|cover|hero|lead|top|main) (?:image|photo|picture)s? (?:by|via|credit|courtesy)\b",
    re.I,
)
_LEAD_IN = re.compile(r"(?:related|read also|also read|see also|read more|more|recommended|further reading)\s?:", re.I)
# Template paths and similar one-token lines with several slashes: "/content/site/fragments/article-details".
_PATH_LINE = re.compile(r"/?[a-z0-9_.-]+(?:/[a-z0-9_.-]+){2,}/?")
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")

# The patterns is_promo_line matches at a line's start run only on lines whose first character can begin a match:
# an ASCII character outside a pattern's first letters (both cases under IGNORECASE: no ASCII letter folds to another
# ASCII letter) cannot; any other character always runs it ("ſ" folds to "s", "K" to "k"). Most lines skip most of
# the eight calls (features.py gates its start patterns so too).
_ASCII = frozenset(map(chr, range(128)))
_LEAD_IN_CANNOT_START = _ASCII - set("rasmfRASMF")  # related, read also, also read, see also, read more, more, ...
_MORE_BY_CANNOT_START = _ASCII - set("RrMmOo")  # [Rr]ecently, [Mm]ore, [Oo]ther
_NAVIGATION_CANNOT_START = _ASCII - set("pnfhcltmPNFHCLTM")  # previous, next, feature(d), header, cover, hero, lead, top, main
_CAPITAL_CANNOT_START = _ASCII - set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")  # AUTHOR_BIO, _FIRST_NAME_BIO: [A-Z], case-sensitive
_POSTED_CANNOT_START = _ASCII - set("pwlnPWLN")  # posted, published, written, last updated, prev, next, previous
_PATH_CANNOT_START = _ASCII - set("/abcdefghijklmnopqrstuvwxyz0123456789_.-")  # _PATH_LINE, case-sensitive
_BULLET_CANNOT_START = _ASCII - set("-*>0123456789")  # BULLET_START (its other marks and digits are not ASCII)


def _is_call_to_action(sentence: str) -> bool:
    head = sentence[:300]
    first = WORD.search(head)  # findall's first word: most sentences fail on it, so the rest is split only for a call verb
    if first is None or first.group().lower() not in CTA_VERBS:
        return False
    lowered = [w.lower() for w in WORD.findall(head)]
    return len(lowered) <= 12 and not sentence.rstrip().endswith(".") and any(w in CTA_TARGETS for w in lowered[1:])


def _cued_search(pattern: re.Pattern[str], cues: Sequence[str], sample: str, lowered: str | None) -> bool:
    """features.search_with_cues with the lower-cased sample made once for all four searches (None: the
    sample is not plain, so the regex always runs)."""
    if lowered is not None and not any(map(lowered.__contains__, cues)):
        return False
    return bool(pattern.search(sample))


def _cued_any(
    pattern: re.Pattern[str], cues: Sequence[str], parts: Sequence[tuple[Sequence[str], re.Pattern[str]]], sample: str,
    lowered: str | None,
) -> bool:
    """_cued_search, with a plain sample (`lowered` known) that holds a cue searched by the branches whose cues it
    holds (`parts`), one by one, instead of by the whole alternation: the same answer (the alternation matches
    somewhere exactly when one of its branches does, and a branch only where it holds one of its cues)."""
    if lowered is None:
        return bool(pattern.search(sample))
    if not any(map(lowered.__contains__, cues)):
        return False
    return any(branch.search(sample) for branch_cues, branch in parts if any(map(lowered.__contains__, branch_cues)))


def is_promo_line(text: str) -> bool:
    """A disclosure, consent banner, author bio, dateline, "Related: ..." link or short call to action, wherever it stands."""
    sample = text[:600]
    words = line_words(text, 600)
    if not words or len(words) > 60:
        return False
    lowered = sample.lower() if is_plain(sample) else None  # the four cued searches below share it
    first = sample[0]  # the start patterns run only where it can begin a match
    disclosure = _cued_any(_DISCLOSURE, _DISCLOSURE_CUES, _DISCLOSURE_PARTS, sample, lowered)
    if (
        (disclosure and _FIRST_PERSON.search(sample)) or (first not in _LEAD_IN_CANNOT_START and _LEAD_IN.match(sample))
        or _cued_search(_CONSENT, ("cookie",), sample, lowered)
    ):
        return True
    if _cued_any(_SITE_CALL, _SITE_CALL_CUES, _SITE_CALL_PARTS, sample, lowered) or _cued_search(
        _SITE_NOTICE, _SITE_NOTICE_CUES, sample, lowered
    ):
        return True
    if (first not in _MORE_BY_CANNOT_START and _MORE_BY.match(sample)) or (
        first not in _NAVIGATION_CANNOT_START and _NAVIGATION_OR_CREDIT.match(sample)
    ):
        return True
    if first not in _CAPITAL_CANNOT_START:
        if len(words) <= 40 and AUTHOR_BIO.match(sample):
            return True
        if len(text) <= 400 and _FIRST_NAME_BIO.match(sample):
            return True
    if first not in _POSTED_CANNOT_START and _POSTED.match(sample) and (
        len(words) <= 14 or len(words) <= 40 and _POSTED_ON.match(sample) and not SENTENCE_END.search(sample)
    ):
        return True  # "Posted on November 25, 2024 in College of Health Sciences, General, ...": a list, not a sentence
    if first not in _PATH_CANNOT_START and _PATH_LINE.fullmatch(sample) and not URL.match(sample):
        return True
    if len(words) > 20 or (first not in _BULLET_CANNOT_START and BULLET_START.match(sample)):
        return False
    # A call's sentence opens with a call verb; sentences split at whitespace, so that verb is one of the line's words.
    if not any(map(CTA_VERBS.__contains__, lower_words(text, 600))):
        return False
    # "Stop Searching & Start Winning. Talk To Our Experts": the last sentence is the call.
    sentences = _SENTENCE_SPLIT.split(sample.strip())
    return len(sentences) <= 2 and (_is_call_to_action(sentences[0]) or _is_call_to_action(sentences[-1]))


def drop_promos(lines: Sequence[PasteLine], keep: list[bool]) -> list[bool]:
    """Drop kept promotional lines (see is_promo_line) and the sentences about the author that follow a bio."""
    keep = list(keep)
    in_bio = False
    for i, line in enumerate(lines):
        if not keep[i]:
            in_bio = False
            continue
        if in_bio and _BIO_MORE.match(line.text):
            keep[i] = False
            continue
        in_bio = len(line.text) <= 400 and line.text[:1] not in _CAPITAL_CANNOT_START and bool(AUTHOR_BIO.match(line.text))
        if is_promo_line(line.text):
            keep[i] = False
    return keep


# The reader addressed or the site speaking ("you", "our"): a closing line that says so much of them is a call.
_ADDRESS_WORDS = frozenset(("you", "your", "yours", "we", "our", "us"))
_CLOSING_LINES = 2  # the article's last kept lines looked at
_CLOSING_ADDRESS_SHARE = 0.3
_CLOSING_MAX_WORDS = 40
_CLOSING_MIN_KEPT = 8  # a short article's last lines are too large a share of it to risk
# The article's very last kept line is dropped when it is one short question ("Need more Backpacking Equipment
# advice?", "Was the article useful?"): a pitch, a feedback prompt, or a FAQ heading whose answer was not kept
# (None: off). Chosen on WCXB tune, out of fold (6, 8, 10, 12 words; thirteenth session).
CLOSING_QUESTION_WORDS: int | None = 8


def _lone_question(text: str, n_words: int) -> bool:
    """One sentence of at most CLOSING_QUESTION_WORDS words, ending with a question mark."""
    if CLOSING_QUESTION_WORDS is None or n_words > CLOSING_QUESTION_WORDS or not text.rstrip().endswith("?"):
        return False
    return len(_SENTENCE_SPLIT.split(text.strip()[:600])) == 1


def drop_closing_calls(lines: Sequence[PasteLine], keep: list[bool]) -> list[bool]:
    """Drop a closing call to action among the article's last two kept lines: a line of at most 40 words that opens
    with a call verb ("Check Your Health", "Get quotes from top-rated pros.") or of which 30% of the words
    address the reader or speak for the site ("We can improve your MBA profile ...", "How can we help?"); and
    the very last kept line when it is a lone short question (`_lone_question`).

    Such lines use the article's own words, so the line scorer keeps them; at the very end of the article they
    are the site's pitch (chosen on the WCXB tune pastes' out-of-fold scores: of the kept lines it drops, 20 are
    chrome and 9 article; 4 leaking pages of 501 less; the question: 1 leaking page less, F1 up in both halves).
    """
    kept = [i for i, k in enumerate(keep) if k]
    if len(kept) < _CLOSING_MIN_KEPT:
        return keep
    keep = list(keep)
    for i in kept[-_CLOSING_LINES:]:
        words = lower_words(lines[i].text, 600)
        if not words or len(words) > _CLOSING_MAX_WORDS:
            continue
        if words[0] in CTA_VERBS or sum(map(_ADDRESS_WORDS.__contains__, words)) >= _CLOSING_ADDRESS_SHARE * len(words):
            keep[i] = False
        elif i == kept[-1] and _lone_question(lines[i].text, len(words)):
            keep[i] = False
    return keep


# A testimonial's signature line: first names and an initial ("Mallory R.", "A. Rae V. B.", "— John D., Austin"), or a
# dash and a name ("— Jane Cooper").
ATTRIBUTION = re.compile(
    r"[-–—~]?\s*(?:[A-Z][\w'’-]*\.?\s+){1,4}[A-Z]\.(?:,\s*\w[\w ,]{0,30})?"
    r"|[-–—~]\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}(?:,\s*\w[\w ,]{0,30})?"
)
_ATTRIBUTION_MAX_CHARS = 60
_WALL_SIZE = 3  # signed quotes in a row make a wall; one or two are an article quoting people
_WALL_GAP = 4  # ... each at most this many lines below the one before (the quote, maybe a heading or stars)


# ATTRIBUTION's first branch holds an initial ("R."), its second opens with a dash: a line with neither cannot match,
# which one substring scan tells (most lines; the regex's nested repeats cost microseconds a line, and it runs on all).
_ATTRIBUTION_DASHES = "-–—~"


def is_attribution(text: str) -> bool:
    return (
        len(text) <= _ATTRIBUTION_MAX_CHARS and ("." in text or text[:1] in _ATTRIBUTION_DASHES)
        and ATTRIBUTION.fullmatch(text) is not None
    )


def drop_testimonials(lines: Sequence[PasteLine], keep: list[bool]) -> list[bool]:
    """Drop a testimonial wall: three or more signature lines ("Mallory R."), each at most four lines below the one
    before, with the quotes between and right above them.

    Clinics', agencies' and shops' pages show one inside or under the article; the line scorer keeps the quotes,
    which read as prose. Chosen on the WCXB tune pastes (out-of-fold scores): see docs/quality/pastes.md,
    eleventh session.
    """
    signed = [i for i, line in enumerate(lines) if is_attribution(line.text)]
    walls: list[list[int]] = []
    for i in signed:
        if walls and i - walls[-1][-1] <= _WALL_GAP:
            walls[-1].append(i)
        else:
            walls.append([i])
    keep = list(keep)
    for wall in walls:
        if len(wall) < _WALL_SIZE:
            continue
        # The first quote: the lines above the first signature, as far as the gap between signatures reaches.
        step = max(b - a for a, b in zip(wall, wall[1:]))
        for i in range(max(0, wall[0] - step + 1), wall[-1] + 1):
            keep[i] = False
    return keep
