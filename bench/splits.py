"""The split rules of every data set, in one place, fixed before anything was tuned.

WCXB (HTML pages and the browser pastes of its article pages share one rule, so a
page held out as HTML is held out as a paste too): sha1(id) mod 100 < 70 is the
tune part, the rest is held out. Per type on the dev split that holds out
article 227, service 39, product 39, collection 43, listing 45, forum 26 and
documentation 21 of 1,497 pages.
"""

from __future__ import annotations

from bench.fitting import hash_bucket

WCXB_TUNE_SHARE = 70  # percent of WCXB pages in the tune part


def wcxb_part(page_id: str) -> str:
    """'tune' or 'held-out', fixed by a hash of the page id."""
    return "tune" if hash_bucket(page_id) < WCXB_TUNE_SHARE else "held-out"
