"""The hedge marker outside English: cue patterns per language, on sentences of our own.

Each language has hedged, attributed and conditional sentences and plain ones,
among them the false friends (the month "Mai"/"mai", the ability "kann",
"puede", "kan", the ordinal "secondo"/"segundo", the comparison "als").
"""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.hedges.cue_lexicon import ENGLISH, CueLexicon
from bot.digest.hedges.hedge_marker import mark_hedge
from bot.digest.hedges.multilingual_cues import LEXICONS
from tests.helpers.growth import grows_linearly

# (language, sentence, expected kind or None, a cue the hedge must quote or None)
CASES: list[tuple[str, str, str | None, str | None]] = [
    # German
    ("de", "Der Bürgermeister könnte bereits im Herbst zurücktreten.", "hedged", "könnte"),
    ("de", "Die Täter sollen das Geld in einem Schließfach versteckt haben.", "hedged", "sollen"),
    ("de", "Angeblich war der Vertrag schon im Januar unterschrieben.", "hedged", "Angeblich"),
    ("de", "Die Ursache des Brandes ist noch unklar.", "hedged", "unklar"),
    ("de", "Laut Polizei wurden drei Personen leicht verletzt.", "attributed", "Laut"),
    ("de", "Der Umbau kostet nach Angaben der Stadt 4 Millionen Euro.", "attributed", "nach Angaben"),
    ("de", "Das Museum bleibt bis März geschlossen, sagte eine Sprecherin.", "attributed", "sagte"),
    ("de", "Wenn der Fluss weiter steigt, würde die Altstadt überflutet.", "conditional", "würde"),
    ("de", "Im Mai eröffnet die neue Bibliothek am Marktplatz.", None, None),
    ("de", "Jeder Besucher kann die Ausstellung kostenlos besuchen.", None, None),
    ("de", "Die Brücke soll 2026 fertig sein.", None, None),
    ("de", "Die Musik war den Nachbarn viel zu laut.", None, None),
    ("de", "Es ist durchaus möglich, dass der Termin platzt.", "hedged", "Es ist durchaus möglich"),
    ("de", "Es ist möglich, online Karten zu kaufen.", None, None),
    # French
    ("fr", "Le ministre pourrait annoncer sa démission dès lundi.", "hedged", "pourrait"),
    ("fr", "Le suspect aurait pris la fuite à bord d'une voiture volée.", "hedged", "aurait"),
    ("fr", "Selon toute vraisemblance, le match sera reporté.", "hedged", "Selon toute vraisemblance"),
    ("fr", "Il semble que la réforme ait eu peu d'effet.", "hedged", "semble"),
    ("fr", "Selon la préfecture, la manifestation a réuni 5 000 personnes.", "attributed", "Selon"),
    ("fr", "D'après le maire, les travaux dureront deux ans.", "attributed", "D'après"),
    ("fr", "« Nous ne céderons pas », a déclaré la ministre.", "attributed", "a déclaré"),
    ("fr", "Si le gouvernement augmentait les taxes, les prix seraient plus élevés.", "conditional", "seraient"),
    ("fr", "Le festival aura lieu en mai sur la place du village.", None, None),
    ("fr", "Le musée est si grand qu'il faut deux jours pour le visiter.", None, None),
    ("fr", "La nouvelle ligne de tramway relie la gare à l'université.", None, None),
    # The passive "ont été admis" (were admitted to hospital) reports no one's words; "a admis" (admitted) does.
    ("fr", "Trois blessés ont été admis à l'hôpital de Nantes.", None, None),
    ("fr", "Le plan de relance a été annoncé mardi.", None, None),
    ("fr", "Le ministre a admis que le plan avait échoué.", "attributed", "a admis"),
    # Spanish
    ("es", "La empresa podría despedir a doscientos trabajadores.", "hedged", "podría"),
    ("es", "El presunto autor del robo fue detenido ayer.", "hedged", "presunto"),
    ("es", "Al parecer, el incendio comenzó en la cocina.", "hedged", "Al parecer"),
    ("es", "Según el ayuntamiento, las obras terminarán en junio.", "attributed", "Según"),
    ("es", "El alcalde dijo que el parque abrirá en verano.", "attributed", "dijo"),
    ("es", "Si llueve mañana, el concierto se celebrará en el pabellón.", "conditional", "Si"),
    ("es", "Cualquier vecino puede participar en la reunión.", None, None),
    ("es", "El mercado abre todos los días a las ocho.", None, None),
    ("es", "Por supuesto, el museo es gratuito los domingos.", None, None),
    # Italian
    ("it", "Il sindaco potrebbe dimettersi entro la fine del mese.", "hedged", "potrebbe"),
    ("it", "L'uomo avrebbe aggredito il vicino dopo una lite.", "hedged", "avrebbe"),
    ("it", "Secondo indiscrezioni, la squadra cambierà allenatore.", "hedged", "Secondo indiscrezioni"),
    ("it", "Secondo la polizia, l'incendio è di origine dolosa.", "attributed", "Secondo"),
    ("it", "Il ministro ha dichiarato che i fondi arriveranno a luglio.", "attributed", "ha dichiarato"),
    ("it", "Se il governo approva la legge, i prezzi scenderebbero.", "conditional", "scenderebbero"),
    ("it", "La squadra è arrivata al secondo posto in classifica.", None, None),
    ("it", "Non è mai stato così facile prenotare un treno.", None, None),
    ("it", "Anche se pioveva, la gara è iniziata puntuale.", None, None),
    # Portuguese
    ("pt", "A empresa poderia fechar a fábrica no próximo ano.", "hedged", "poderia"),
    ("pt", "O suspeito terá fugido para Espanha.", "hedged", "terá fugido"),
    ("pt", "Alegadamente, o contrato foi assinado sem concurso.", "hedged", "Alegadamente"),
    ("pt", "Segundo a polícia, o acidente causou dois feridos.", "attributed", "Segundo"),
    ("pt", "O ministro disse que a ponte abre em março.", "attributed", "disse"),
    ("pt", "Se o governo aprovar a lei, os preços vão baixar.", "conditional", "Se"),
    ("pt", "O atleta ficou em segundo lugar na maratona.", None, None),
    ("pt", "A cidade tornou-se um destino turístico popular.", None, None),
    ("pt", "Qualquer pessoa pode visitar o museu gratuitamente.", None, None),
    # Dutch
    ("nl", "De man zou de vrouw hebben bedreigd.", "hedged", "zou"),
    ("nl", "Mogelijk wordt de wedstrijd uitgesteld.", "hedged", "Mogelijk"),
    ("nl", "Naar verluidt wil de club de trainer ontslaan.", "hedged", "Naar verluidt"),
    ("nl", "Het lijkt erop dat de brand is aangestoken.", "hedged", "lijkt"),
    ("nl", "Volgens de politie raakte niemand gewond.", "attributed", "Volgens"),
    ("nl", "De school gaat in augustus open, zei de wethouder.", "attributed", "zei"),
    ("nl", "Als de dijk doorbreekt, zou het dorp onder water lopen.", "conditional", "zou"),
    ("nl", "Als voorzitter leidt hij de vergadering.", None, None),
    ("nl", "Het nieuwe station maakt reizen naar Utrecht mogelijk.", None, None),
    ("nl", "Het museum lijkt op een groot schip.", None, None),
    # Russian
    ("ru", "Пожар, возможно, начался из-за неисправной проводки.", "hedged", "возможно"),
    ("ru", "Подозреваемый якобы скрылся за границей.", "hedged", "якобы"),
    ("ru", "Стройка может затянуться до следующего года.", "hedged", "может"),
    ("ru", "По словам мэра, мост откроют в июне.", "attributed", "По словам"),
    ("ru", "Новую школу построят к сентябрю, сообщил губернатор.", "attributed", "сообщил"),
    ("ru", "Если цены вырастут, жители переехали бы в пригород.", "conditional", "Если"),
    ("ru", "Музей открыт каждый день, кроме понедельника.", None, None),
    ("ru", "Он не может приехать на встречу.", None, None),
    # Swedish
    ("sv", "Bron kan komma att stängas i sommar.", "hedged", "kan komma att"),
    ("sv", "Mannen uppges ha flytt utomlands.", "hedged", "uppges"),
    ("sv", "Förmodligen blir matchen inställd.", "hedged", "Förmodligen"),
    ("sv", "Enligt polisen skadades ingen.", "attributed", "Enligt"),
    ("sv", "Skolan öppnar i augusti, säger rektorn.", "attributed", "säger"),
    ("sv", "Om priserna stiger skulle många flytta.", "conditional", "Om"),
    ("sv", "Alla kan låna böcker på biblioteket.", None, None),
    ("sv", "Hon höll ett föredrag om stadens historia.", None, None),
    # Danish
    ("da", "Ulven er angiveligt set nær byen.", "hedged", "angiveligt"),
    ("da", "Projektet kunne blive dyrere end ventet.", "hedged", "kunne"),
    ("da", "Ifølge kommunen åbner svømmehallen i maj.", "attributed", "Ifølge"),
    ("da", "Hvis regnen fortsætter, ville festivalen blive aflyst.", "conditional", "Hvis"),
    ("da", "Du kan købe billetter på stationen.", None, None),
    ("da", "Det er vigtigt at kunne svømme.", None, None),
    ("da", "Det er muligt, at broen lukker i vinter.", "hedged", "muligt"),
    ("da", "Det var muligt at se solformørkelsen fra byen.", None, None),
    # Norwegian
    ("no", "Brannen startet trolig i kjelleren.", "hedged", "trolig"),
    ("no", "Mannen skal ha truet en ansatt.", "hedged", "skal ha"),
    ("no", "Ifølge politiet ble ingen skadet.", "attributed", "Ifølge"),
    ("no", "Vi er svært fornøyde, sier ordføreren.", "attributed", "sier"),
    ("no", "Dersom prisene øker, ville mange flytte.", "conditional", "Dersom"),
    ("no", "Alle skal ha rett til barnehageplass.", None, None),
    ("no", "Man kan kjøpe billetter på nett.", None, None),
    # Polish
    ("pl", "Prawdopodobnie remont potrwa do końca roku.", "hedged", "Prawdopodobnie"),
    ("pl", "Sprawca rzekomo uciekł za granicę.", "hedged", "rzekomo"),
    ("pl", "Most mógłby zostać otwarty już w czerwcu.", "hedged", "mógłby"),
    ("pl", "Według policji nikt nie został ranny.", "attributed", "Według"),
    ("pl", "Szkoła zostanie otwarta we wrześniu, powiedział burmistrz.", "attributed", "powiedział"),
    ("pl", "Jeśli ceny wzrosną, wielu mieszkańców wyprowadziłoby się z miasta.", "conditional", "Jeśli"),
    ("pl", "Każdy może wypożyczyć książki w bibliotece.", None, None),
    ("pl", "Muzeum jest otwarte codziennie oprócz poniedziałku.", None, None),
    # Czech
    ("cs", "Stavba by mohla být hotová už v létě.", "hedged", "by mohla"),
    ("cs", "Pachatel prý utekl do zahraničí.", "hedged", "prý"),
    ("cs", "Požár pravděpodobně způsobila vadná elektroinstalace.", "hedged", "pravděpodobně"),
    ("cs", "Podle policie nebyl nikdo zraněn.", "attributed", "Podle"),
    ("cs", "Škola se otevře v září, řekl starosta.", "attributed", "řekl"),
    ("cs", "Pokud ceny porostou, lidé by se stěhovali z města.", "conditional", "Pokud"),
    ("cs", "Na nádraží stojí asi 20 autobusů.", None, None),
    ("cs", "Muzeum je otevřeno každý den kromě pondělí.", None, None),
]


@pytest.mark.parametrize("code, sentence, kind, cue", CASES)
def test_marks_our_sentences(code: str, sentence: str, kind: str | None, cue: str | None) -> None:
    hedge = mark_hedge(sentence, code)
    if kind is None:
        assert hedge is None, hedge
        return
    assert hedge is not None and hedge.kind == kind, hedge
    assert cue in hedge.cues, hedge
    assert all(text in sentence for text in hedge.cues)  # quoted verbatim


def test_every_language_has_each_kind_and_a_plain_sentence() -> None:
    for code in {c for c, *_ in CASES}:
        kinds = {kind for c, _, kind, _ in CASES if c == code}
        assert {"hedged", "attributed", "conditional", None} <= kinds, code


def test_language_codes() -> None:
    sentence = "Der Bürgermeister könnte zurücktreten."
    assert mark_hedge(sentence, "DE") == mark_hedge(sentence, "de-AT") == mark_hedge(sentence, "de")
    assert mark_hedge("Brannen startet trolig i kjelleren.", "nb") is not None
    assert mark_hedge("Segundo a polícia, ninguém ficou ferido.", "pt-br") is not None
    assert mark_hedge("Wali huenda akajiuzulu.", "sw") is None  # no patterns for Swahili
    assert mark_hedge("", "fr") is None


def test_a_condition_turns_hearsay_into_a_consequence() -> None:
    assert mark_hedge("Le maire serait favorable au projet.", "fr").kind == "hedged"  # conditionnel de rumeur
    assert mark_hedge("Si le projet échouait, le maire serait désavoué.", "fr").kind == "conditional"
    assert mark_hedge("De burgemeester zou zijn afgetreden.", "nl").kind == "hedged"
    # Without a condition a German "würde" is no cue at all.
    assert mark_hedge("Das würde die Stadt viel Geld kosten.", "de") is None


# --- the trigger filter changes nothing

_ALL_LEXICONS: list[CueLexicon] = [ENGLISH, *dict.fromkeys(LEXICONS.values())]


def _vocabulary(lexicon: CueLexicon) -> list[str]:
    """The lexicon's own words (from its patterns' text) plus its triggers: text the patterns can match."""
    words = set()
    for pattern in lexicon.patterns:
        words.update(pattern.triggers)
        words.update(re.findall(r"[^\W\d_]{2,}", pattern.regex.pattern))
    return sorted(words)


@pytest.mark.parametrize("lexicon", _ALL_LEXICONS, ids=lambda lexicon: lexicon.language)
def test_trigger_filter_keeps_every_match_on_random_text(lexicon: CueLexicon) -> None:
    vocabulary = _vocabulary(lexicon) + ["the", "Der", "la", "1990", "X", "Müller", "Paris"]
    glue = [" ", " ", " ", ", ", ". ", "-", "'", " « ", "\n", "’"]
    rng = random.Random(lexicon.language)
    for _ in range(400):
        parts = []
        for _ in range(rng.randint(1, 14)):
            word = rng.choice(vocabulary)
            word = word.capitalize() if rng.random() < 0.2 else word.upper() if rng.random() < 0.05 else word
            parts.append(word + rng.choice(glue))
        sentence = "".join(parts)
        assert lexicon.find_cues(sentence) == lexicon.find_cues(sentence, prefilter=False), sentence


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=80))
def test_trigger_filter_keeps_every_match_on_any_text(text: str) -> None:
    for lexicon in _ALL_LEXICONS:
        assert lexicon.find_cues(text) == lexicon.find_cues(text, prefilter=False)


def test_trigger_filter_on_our_sentences() -> None:
    for code, sentence, *_ in CASES:
        lexicon = LEXICONS[code]
        assert lexicon.find_cues(sentence) == lexicon.find_cues(sentence, prefilter=False)


# --- linear time on sentences full of cues (a pasted list can be one long "sentence")


@pytest.mark.parametrize(
    "code, unit",
    [("en", "if it could, they said, "), ("es", "si "), ("it", ", se "), ("de", "wenn es könnte, sagte er, ")],
)
def test_many_cues_take_linear_time(code: str, unit: str) -> None:
    linear, small, large = grows_linearly(lambda n: mark_hedge(unit * n, code))
    assert linear, (small, large)
