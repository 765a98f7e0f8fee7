"""Cue patterns for hedged, conditional and attributed claims in languages other than English.

Only patterns: the learned scorer is English, so here any hedged cue makes a
sentence hedged. The patterns follow the English rules where a language
allows: a modal of possibility in its "could/might" form is a hedge, the
plain "can" (German "kann", Spanish "puede", Swedish "kan") is not, since it
mostly states an ability; approximations ("rund", "environ") are not hedges
here, because a round figure is no doubt about the claim; a conditional's
consequence ("würde") counts only beside a condition ("wenn"). Where a
language marks hearsay with a verb form (the French, Italian, Spanish and
Portuguese conditional of rumour, the Dutch "zou", the German "soll ... haben"),
that form is a hedge, and a consequence when the sentence holds a condition.

Each pattern names the word beginnings it needs (its triggers, see
`cue_lexicon.CuePattern`): every match holds a letter run that starts with one
of them. Words inside patterns begin after \\b, a space, a hyphen or an
apostrophe, so a trigger can be any word of the pattern.
"""

from __future__ import annotations

import re
from typing import Sequence

from bot.digest.hedges.cue_lexicon import CueLexicon, CuePattern, cue_pattern
from bot.digest.models import HedgeKind

_FLAGS = re.IGNORECASE
# Where a clause can begin: the start of the sentence or right after an opening quote or bracket
# (no letter, digit, space, hyphen or apostrophe before: "tornou-se" is a pronoun), or after a comma,
# semicolon or colon and a space.
_CLAUSE_START = r"(?:(?<![\w\s'’-])|(?<=[,;:] ))"

_Spec = tuple[str, HedgeKind, str, Sequence[str]]


def _lexicon(
    code: str,
    specs: Sequence[_Spec],
    consequence: str | None = None,
    reported: str | None = None,
) -> CueLexicon:
    patterns: tuple[CuePattern, ...] = tuple(
        cue_pattern(f"{code}:{name}", kind, pattern, triggers) for name, kind, pattern, triggers in specs
    )
    return CueLexicon(
        language=code,
        patterns=patterns,
        consequence=re.compile(consequence, _FLAGS) if consequence else None,
        consequence_name=f"{code}:cond:consequence",
        reported=re.compile(reported, _FLAGS) if reported else None,
    )


def _alt(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


# --- German -----------------------------------------------------------------------------------------

_DE_SAID = (
    "sagte", "sagten", "sagt", "sagen", "erklärte", "erklärten", "betonte", "betonten", "betont", "berichtete",
    "berichteten", "berichtet", "bestätigte", "bestätigten", "warnte", "warnten", "kritisierte", "kritisierten",
    "mitteilte", "mitteilten", "teilte", "teilten", "äußerte", "äußerten", "meinte", "versicherte", "unterstrich",
    "ergänzte", "schreibt", "schrieb", "zitiert", "zitierte", "kündigte", "kündigten", "räumte", "bekräftigte",
)
_DE_EXPERTS = (
    "Experten", "Expertinnen", "Beobachter", "Kritiker", "Fachleute", "Analysten", "Wissenschaftler", "Forscher",
    "Stimmen", "Ökonomen", "Anwohner", "Insider", "Beobachterinnen", "Politiker",
)
GERMAN = _lexicon(
    "de",
    (
        ("modal:könnte", "hedged", r"\bkönnte(?:n|st|t)?\b", ("könnt",)),
        ("modal:dürfte", "hedged", r"\bdürfte(?:n|st|t)?\b", ("dürft",)),
        ("adv:epistemic", "hedged",
         r"\b(?:möglicherweise|vielleicht|womöglich|eventuell(?:e[nrsm]?)?|(?:un)?wahrscheinlich(?:e[nrsm]?|keit)?|"
         r"vermutlich(?:e[nrsm]?)?|mutmaßlich(?:e[nrsm]?)?|angeblich(?:e[nrsm]?)?|offenbar|anscheinend|scheinbar|"
         r"voraussichtlich|unter\s+Umständen|dem\s+Anschein\s+nach)\b",
         ("möglicherweise", "vielleicht", "womöglich", "eventuell", "wahrscheinlich", "unwahrscheinlich",
          "vermutlich", "mutmaßlich", "angeblich", "offenbar", "anscheinend", "scheinbar", "voraussichtlich",
          "umständen", "anschein")),
        # "es ist möglich, dass ..." or "... ist möglich." but not "es ist möglich, Karten zu kaufen" (an ability).
        ("adj:possible", "hedged",
         r"\b(?:es\s+ist|ist\s+es|wäre|sei|scheint)\s+(?:\w+\s+)?(?:möglich|denkbar|nicht\s+ausgeschlossen)\b"
         r"(?=,?\s+(?:dass|ob)\b|\s*[.;!?]|\s*$)|\bnicht\s+(?:\w+\s+)?auszuschließen\b",
         ("möglich", "denkbar", "ausgeschlossen", "auszuschließen")),
        ("verb:seem", "hedged", r"\b(?:scheint|scheinen|schien|schienen)\b", ("schein", "schien")),
        # Reported speech: "soll ... gesagt haben", "sollen ... verletzt worden sein" (not "soll 2025 fertig sein").
        ("reported:soll", "hedged",
         r"\bsollen?\b(?=[^.;:!?]{0,80}?\b(?:\w+(?:t|en)\s+haben|(?:worden|gewesen)\s+sein)\b)", ("soll",)),
        ("adv:reportedly", "hedged",
         r"\b(?:Berichten|Gerüchten|Medienberichten|Schätzungen)\s+zufolge\b|\bGerüchte?n?\b|\bschätzungsweise\b|"
         r"\bnach\s+(?:ersten|vorläufigen|bisherigen|unbestätigten)\s+(?:Erkenntnissen|Angaben|Informationen|Ermittlungen|Berichten)\b",
         ("berichten", "gerücht", "medienberichten", "schätzung", "ersten", "vorläufigen", "bisherigen", "unbestätigten")),
        ("adj:unclear", "hedged",
         r"\b(?:unklar|ungewiss|ungeklärt|unbestätigt(?:e[nrsm]?)?|fraglich|nicht\s+(?:ganz\s+|völlig\s+|endgültig\s+)?"
         r"(?:klar|bekannt|geklärt|sicher,\s+ob|bestätigt))\b",
         ("unklar", "ungewiss", "ungeklärt", "unbestätigt", "fraglich", "klar", "bekannt", "geklärt", "sicher",
          "bestätigt")),
        ("verb:suppose", "hedged",
         r"\b(?:wird|werden|wurde|wurden)\s+(?:\w+\s+){0,3}?(?:vermutet|angenommen|befürchtet|geschätzt|spekuliert|"
         r"gemutmaßt)\b|\bvermut(?:e|en|et|ete|eten)\b|\bspekul\w+|\bSpekulation\w*",
         ("vermut", "angenommen", "befürchtet", "geschätzt", "spekul", "gemutmaßt")),
        ("passive:gilt-als", "hedged", r"\b(?:gilt|gelten|galt|galten)\s+als\b", ("gilt", "gelten", "galt")),
        ("weasel:some-say", "hedged",
         r"\b(?:einige|manche|viele|mehrere|zahlreiche|etliche|andere)\s+(?:\w+\s+)?" + _alt(*_DE_EXPERTS)
         + r"\s+(?:glauben|meinen|vermuten|befürchten|fürchten|bezweifeln|gehen\s+davon\s+aus|halten\s+es)\b",
         tuple(w.lower() for w in _DE_EXPERTS)),
        ("weasel:critics", "hedged", r"\bKritiker(?:innen)?\s+(?:befürchten|fürchten|bezweifeln|meinen|glauben)\b",
         ("kritiker",)),
        # --- conditional
        ("cond:if", "conditional", r"\b(?:wenn|falls|sofern)\b", ("wenn", "falls", "sofern")),
        ("cond:in-case", "conditional",
         r"\bim\s+Falle?\s+(?:eines|einer|von|dass)\b|\bfür\s+den\s+Fall\b|\bvorausgesetzt\b|\bes\s+sei\s+denn\b|"
         r"\bunter\s+der\s+(?:Bedingung|Voraussetzung)\b",
         ("fall", "vorausgesetzt", "denn", "bedingung", "voraussetzung")),
        # --- attributed
        # "laut" as a preposition: before a name or an article ("laut Polizei", "laut dem Bericht"), not "zu laut".
        ("attr:laut", "attributed",
         r"\blaut\b(?=\s+(?:(?-i:[A-ZÄÖÜ])|(?:dem|der|den|des|einem|einer|eines|ihrem|ihrer|seinem|seiner|eigenen?)\b))",
         ("laut",)),
        ("attr:zufolge", "attributed", r"\bzufolge\b", ("zufolge",)),
        ("attr:nach-angaben", "attributed",
         r"\bnach\s+(?:eigenen\s+|offiziellen\s+)?(?:Angaben|Auskunft|Informationen|Einschätzung|Ansicht|Darstellung|"
         r"Aussagen?|Worten|Erkenntnissen|Berechnungen|Daten)\b",
         ("angaben", "auskunft", "informationen", "einschätzung", "ansicht", "darstellung", "aussage", "worten",
          "erkenntnissen", "berechnungen", "daten")),
        ("attr:heißt-es", "attributed", r"\b(?:heißt|hieß)\s+es\b|\bes\s+(?:heißt|hieß)\b", ("heißt", "hieß")),
        ("attr:so", "attributed", r"(?<=, )so\s+(?:(?:der|die|das)\s+)?(?-i:[A-ZÄÖÜ])[\w-]*", ("so",)),
        ("attr:said", "attributed", r"\b" + _alt(*_DE_SAID) + r"\b", _DE_SAID),
    ),
    consequence=r"\b(?:würde|würden|würdest|wäre|wären|hätte|hätten)\b",
)

# --- French -----------------------------------------------------------------------------------------

_FR_PARTICIPLES = (
    "déclaré", "dit", "affirmé", "indiqué", "précisé", "expliqué", "annoncé", "souligné", "assuré", "confirmé",
    "ajouté", "rapporté", "confié", "averti", "raconté", "rappelé", "reconnu", "admis", "insisté", "martelé",
    "estimé", "jugé", "dénoncé", "déploré", "relevé", "noté", "signalé", "prévenu", "commenté", "répondu", "écrit",
    "fait savoir", "tweeté", "lancé", "observé",
)
_FR_PRESENT = (
    "déclare", "dit", "affirme", "explique", "ajoute", "précise", "indique", "souligne", "estime", "assure",
    "raconte", "rappelle", "confie", "poursuit", "résume", "insiste", "observe", "note", "relève", "commente",
    "lance", "confirme", "reconnaît", "admet", "avance", "prévient", "martèle", "rapporte", "annonce",
)
_FR_EXPERTS = (
    "experts", "observateurs", "analystes", "spécialistes", "critiques", "habitants", "riverains", "élus",
    "scientifiques", "économistes", "chercheurs", "sources", "commentateurs", "voix",
)
FRENCH = _lexicon(
    "fr",
    (
        ("modal:pourrait", "hedged", r"\bpourr(?:ait|aient|ais|ions|iez)\b", ("pourr",)),
        ("adv:epistemic", "hedged",
         r"\b(?:peut-être|probablement|vraisemblablement|apparemment|éventuellement|potentiellement|présumément|"
         r"prétendument|supposément)\b",
         ("peut", "probablement", "vraisemblablement", "apparemment", "éventuellement", "potentiellement",
          "présumément", "prétendument", "supposément")),
        ("adj:epistemic", "hedged",
         r"\b(?:présumée?s?|prétendue?s?|supposée?s?|soupçonnée?s?|éventuel(?:le)?s?|potentiel(?:le)?s?|"
         r"(?:im)?probables?|vraisemblables?|hypothétiques?|incertaine?s?|incertitudes?|hypothèses?)\b",
         ("présum", "prétendu", "suppos", "soupçonn", "éventuel", "potentiel", "probable", "improbable",
          "vraisemblable", "hypoth", "incertain", "incertitude")),
        ("it-is:possible", "hedged",
         r"\bil\s+se\s+peut\b|\bil\s+(?:est|serait|n['’]est\s+pas)\s+(?:possible|probable|vraisemblable|plausible|"
         r"envisageable|exclu|impossible)\b|\bpossible\s+que\b|\bpas\s+exclu\b",
         ("peut", "possible", "probable", "vraisemblable", "plausible", "envisageable", "exclu", "impossible")),
        ("verb:seem", "hedged",
         r"\b(?:semble|semblent|semblait|semblaient|semblerait|sembleraient)\b|\bpara[îi]t-il\b|\bil\s+para[îi]t\b|"
         r"\bpara[îi]trait\b",
         ("sembl", "paraît", "parait", "paraîtrait", "paraitrait")),
        ("noun:rumour", "hedged",
         r"\brumeurs?\b|\bselon\s+toute\s+(?:vraisemblance|probabilité)\b|\bdit-on\b|\bon\s+dit\s+que\b",
         ("rumeur", "vraisemblance", "probabilité", "dit")),
        ("adj:unclear", "hedged",
         r"\bon\s+ignore\b|\breste\s+(?:à\s+savoir|flou|incertain|à\s+déterminer|à\s+confirmer|à\s+voir)\b|"
         r"\bn['’]est\s+pas\s+(?:encore\s+)?(?:clair|connu|certain|établi|confirmé)\b|\bnon\s+confirmée?s?\b|"
         r"\bdifficile\s+de\s+savoir\b",
         ("ignore", "reste", "clair", "connu", "certain", "établi", "confirmé", "savoir")),
        ("noun:doubt", "hedged",
         r"\bdout(?:e|es|ent|eux|euse|euses)\b(?<!\baucun doute)(?<!\bnul doute)(?<!\bpas de doute)",
         ("dout",)),
        ("passive:epistemic", "hedged",
         r"\b(?:est|sont|était|étaient|serait|seraient|a\s+été|ont\s+été)\s+(?:\w+\s+)?(?:soupçonnée?s?|présumée?s?|"
         r"supposée?s?|réputée?s?|censée?s?|estimée?s?\s+à|considérée?s?\s+comme)\b|"
         r"\bon\s+(?:estime|pense|croit|soupçonne|suppose|craint|redoute|évoque)\b",
         ("soupçonn", "présum", "suppos", "réput", "censé", "estim", "considér", "pense", "croit", "craint",
          "redoute", "évoque")),
        ("weasel:some-say", "hedged",
         r"\b(?:certains|certaines|plusieurs|de\s+nombreux|nombreux|beaucoup\s+d['’]|des|d['’]autres)\s*"
         + _alt(*_FR_EXPERTS)
         + r"\s+(?:\w+\s+)?(?:estiment|pensent|croient|craignent|redoutent|jugent|doutent|soupçonnent|évoquent)\b",
         _FR_EXPERTS),
        # --- conditional: "si" before a subject ("si le projet", "s'il"), not the intensifier ("si grand")
        ("cond:si", "conditional",
         r"(?<!\bcomme )\b(?:si\b(?=\s+(?:le|la|les|l['’]|un|une|des|du|on|nous|vous|je|tu|j['’]|c['’]|ce|ces|cet|"
         r"cette|cela|ça|leur|leurs|son|sa|ses|mon|ma|mes|notre|nos|votre|vos|rien|aucun|aucune|personne|tout|tous|"
         r"chacun|\d|(?-i:[A-ZÉÈÀÂÎÔ])))|s['’]ils?\b)",
         ("si", "s")),
        ("cond:other", "conditional",
         r"\bau\s+cas\s+où\b|\bdans\s+le\s+cas\s+où\b|\bà\s+condition\s+(?:que|qu['’]|de)|\bpourvu\s+qu|"
         r"\ben\s+cas\s+de\b|\bà\s+moins\s+qu|\bsauf\s+si\b",
         ("cas", "condition", "pourvu", "moins", "sauf")),
        # --- attributed
        ("attr:selon", "attributed", r"\bselon\b(?!\s+que\b)", ("selon",)),
        ("attr:d-après", "attributed", r"\bd['’]après\b", ("après",)),
        ("attr:said", "attributed",
         # Not the passive: "ont été admis à l'hôpital" (were admitted), "a été annoncé" (was announced).
         r"\b(?:a|ont|avait|avaient)(?:-t-(?:il|elle|on)|-(?:ils|elles))?\s+(?:(?!été\b)\w+\s+)?" + _alt(*_FR_PARTICIPLES)
         + r"\b",
         tuple(p.split()[0] for p in _FR_PARTICIPLES)),
        ("attr:inverted", "attributed",
         r"\b" + _alt(*_FR_PRESENT) + r"(?:nt)?-(?:t-)?(?:il|elle|ils|elles|on)\b", _FR_PRESENT),
        ("attr:says-that", "attributed", r"\b" + _alt(*_FR_PRESENT) + r"(?:nt)?\s+que\b", _FR_PRESENT),
        ("attr:source", "attributed",
         r"\bcitée?s?\s+par\b|\bde\s+source\s+(?:policière|judiciaire|proche|gouvernementale|officielle|diplomatique|"
         r"syndicale|militaire|sûre)\b|\bdans\s+un\s+communiqué\b",
         ("cité", "source", "communiqué")),
    ),
    consequence=r"\b(?:\w+erai(?:en)?t|(?:se|au|pour|dev|fau|fe|i|voud|vaud|sau|viend|tiend|prend|mett|permett|"
    r"obtiend)rai(?:en)?t)\b",
    # Conditionnel de rumeur: "le suspect serait", "il aurait tué" (not "aurait dû", "aurait fallu").
    reported=r"\b(?:serai(?:en)?t|aurai(?:en)?t)\b(?!\s+(?:dû|voulu|aimé|souhaité|préféré|fallu|mieux)\b)",
)

# --- Spanish ----------------------------------------------------------------------------------------

_ES_SAID = (
    "dijo", "dijeron", "afirmó", "afirmaron", "declaró", "declararon", "aseguró", "aseguraron", "explicó",
    "explicaron", "señaló", "señalaron", "indicó", "indicaron", "añadió", "añadieron", "informó", "informaron",
    "anunció", "anunciaron", "advirtió", "advirtieron", "precisó", "subrayó", "destacó", "confirmó", "confirmaron",
    "reconoció", "manifestó", "sostuvo", "agregó", "apuntó", "detalló", "comentó", "aseveró", "insistió", "relató",
    "expresó", "admitió", "denunció", "recalcó", "resaltó", "puntualizó",
)
_ES_PRESENT = (
    "afirma", "asegura", "explica", "señala", "dice", "sostiene", "advierte", "indica", "declara", "admite",
    "reconoce", "destaca", "subraya", "recuerda", "apunta", "insiste", "relata", "cuenta", "añade", "comenta",
)
_ES_PARTICIPLES = (
    "dicho", "afirmado", "declarado", "asegurado", "explicado", "señalado", "indicado", "añadido", "informado",
    "anunciado", "advertido", "precisado", "subrayado", "destacado", "confirmado", "reconocido", "manifestado",
    "sostenido", "apuntado", "comentado",
)
_ES_EXPERTS = (
    "expertos", "analistas", "críticos", "observadores", "especialistas", "vecinos", "científicos", "economistas",
    "investigadores", "fuentes", "testigos",
)
_ES_CONDITIONALS = (
    "sería", "habría", "podría", "tendría", "haría", "debería", "estaría", "costaría", "permitiría", "supondría",
    "iría", "daría", "querría", "vendría", "pondría", "saldría", "valdría", "bastaría", "necesitaría",
)
SPANISH = _lexicon(
    "es",
    (
        ("modal:podría", "hedged", r"\bpodr(?:ía|ían|íamos|ías)\b", ("podr",)),
        ("modal:puede-que", "hedged", r"\bpuede\s+(?:ser\s+)?que\b", ("puede",)),
        ("adv:epistemic", "hedged",
         r"\b(?:quizás?|tal\s+vez|posiblemente|probablemente|previsiblemente|presuntamente|supuestamente|"
         r"aparentemente|seguramente|presumiblemente|potencialmente|eventualmente|al\s+parecer|según\s+parece|"
         r"a\s+lo\s+mejor|por\s+lo\s+visto)\b",
         ("quiz", "vez", "posiblemente", "probablemente", "previsiblemente", "presuntamente", "supuestamente",
          "aparentemente", "seguramente", "presumiblemente", "potencialmente", "eventualmente", "parecer", "parece",
          "mejor", "visto")),
        ("adj:epistemic", "hedged",
         r"\b(?:presunt[oa]s?|supuest[oa]s?|posibles?|(?:im)?probables?|incierto|incierta|inciertos|inciertas|"
         r"dudos[oa]s?|hipotétic[oa]s?|hipótesis|eventual(?:es)?|potencial(?:es)?)\b"
         r"(?<!\bpor supuesto)(?<!\bantes posible)(?<!\blo posible)(?<!\bhacer posible)(?<!\bhace posible)"
         r"(?<!\bhizo posible)(?<!\bhan hecho posible)(?<!\bha hecho posible)",
         ("presunt", "supuest", "posible", "probable", "improbable", "incierto", "incierta", "dudos", "hipot", "hipót",
          "eventual", "potencial")),
        ("verb:seem", "hedged", r"\bparec(?:e|en|ía|ían|ió|iera)\b", ("parec",)),
        ("adj:unclear", "hedged",
         r"\bno\s+(?:está|es|queda)\s+(?:del\s+todo\s+|aún\s+|todavía\s+)?(?:claro|confirmado|seguro)\b|"
         r"\bse\s+desconoce\b|\bincertidumbres?\b|\bsin\s+confirmar\b|\bno\s+se\s+sabe\b|\bno\s+se\s+descarta\b|"
         r"\bdudas?\b(?<!\bsin duda)(?<!\bcabe duda)(?<!\bninguna duda)",
         ("claro", "confirmado", "seguro", "desconoce", "incertidumbre", "confirmar", "sabe", "descarta", "duda")),
        ("passive:epistemic", "hedged",
         r"\bse\s+(?:cree|creía|sospecha|sospechaba|estima|estimaba|especula|rumorea|rumora|presume|supone|suponía|"
         r"calcula|teme|temía|dice|decía)\b|\brumor(?:es)?\b|\bespecul\w+|\bsugiere(?:n)?\s+que\b|\bapunta(?:n)?\s+a\s+que\b",
         ("cree", "creía", "sospecha", "estima", "especula", "rumor", "presume", "supone", "calcula", "teme", "dice",
          "decía", "sugiere", "apunta")),
        ("weasel:some-say", "hedged",
         r"\b(?:algunos|algunas|varios|varias|muchos|muchas|numerosos|ciertos|otros)\s+" + _alt(*_ES_EXPERTS)
         + r"\s+(?:\w+\s+)?(?:creen|consideran|sostienen|temen|opinan|advierten|estiman|sugieren|especulan|dudan)\b",
         _ES_EXPERTS),
        # --- conditional
        ("cond:si", "conditional", r"(?<!\bcomo )\bsi\b(?!\s+bien\b)", ("si",)),
        ("cond:other", "conditional",
         r"\ben\s+caso\s+de(?:\s+que)?\b|\bsiempre\s+(?:y\s+cuando|que)\b|\ba\s+menos\s+que\b|\bsalvo\s+que\b|"
         r"\bcon\s+tal\s+de\s+que\b|\ba\s+condición\s+de\s+que\b|\ben\s+el\s+supuesto\s+de\s+que\b",
         ("caso", "siempre", "menos", "salvo", "tal", "condición", "supuesto")),
        # --- attributed
        ("attr:según", "attributed", r"\bsegún\b", ("según",)),
        ("attr:de-acuerdo", "attributed",
         r"\bde\s+acuerdo\s+(?:con|a)\b|\bconforme\s+a\b|\ba\s+juicio\s+de\b|\ben\s+palabras\s+de\b|"
         r"\ben\s+opinión\s+de\b|\bcitad[oa]s?\s+por\b|\ben\s+un\s+comunicado\b",
         ("acuerdo", "conforme", "juicio", "palabras", "opinión", "citad", "comunicado")),
        ("attr:said", "attributed", r"\b" + _alt(*_ES_SAID) + r"\b", _ES_SAID),
        ("attr:has-said", "attributed",
         r"\bha(?:n|bía|bían)?\s+" + _alt(*_ES_PARTICIPLES) + r"\b", _ES_PARTICIPLES),
        ("attr:says", "attributed",
         r"\b" + _alt(*_ES_PRESENT) + r"n?\s+que\b|(?<=[,\"”»] )" + _alt(*_ES_PRESENT) + r"n?\b", _ES_PRESENT),
    ),
    consequence=r"\b" + _alt(*_ES_CONDITIONALS) + r"n?\b",
    # Condicional de rumor: "el autor habría huido", "estaría implicado".
    reported=r"\b(?:habría|habrían|sería|serían|estaría|estarían)\b",
)

# --- Italian ----------------------------------------------------------------------------------------

_IT_PARTICIPLES = (
    "detto", "dichiarato", "affermato", "spiegato", "sottolineato", "annunciato", "aggiunto", "precisato",
    "confermato", "riferito", "ricordato", "assicurato", "commentato", "osservato", "evidenziato", "ribadito",
    "rivelato", "raccontato", "scritto", "avvertito", "denunciato", "reso noto", "fatto sapere",
)
_IT_SAID = (
    "dice", "dicono", "afferma", "affermano", "spiega", "spiegano", "sottolinea", "dichiara", "racconta",
    "riferisce", "sostiene", "sostengono", "aggiunge", "precisa", "osserva", "assicura", "conferma", "avverte",
    "commenta", "ribadisce", "evidenzia", "disse", "dichiarò", "affermò", "spiegò", "sottolineò", "annunciò",
    "aggiunse", "precisò", "confermò", "riferì", "ricordò", "assicurò", "commentò", "osservò", "ribadì", "rivelò",
    "raccontò", "scrisse", "avvertì",
)
_IT_EXPERTS = (
    "esperti", "analisti", "critici", "osservatori", "specialisti", "residenti", "cittadini", "scienziati",
    "economisti", "ricercatori", "fonti", "testimoni", "commentatori",
)
ITALIAN = _lexicon(
    "it",
    (
        ("modal:potrebbe", "hedged", r"\bpotre(?:bbe|bbero|i|sti|mmo|ste)\b|\bpuò\s+darsi\b", ("potre", "darsi")),
        ("adv:epistemic", "hedged",
         r"\b(?:forse|probabilmente|presumibilmente|verosimilmente|apparentemente|presuntamente|eventualmente|"
         r"potenzialmente|plausibilmente|a\s+quanto\s+(?:pare|sembra|risulta))\b",
         ("forse", "probabilmente", "presumibilmente", "verosimilmente", "apparentemente", "presuntamente",
          "eventualmente", "potenzialmente", "plausibilmente", "pare", "sembra", "risulta")),
        ("adj:epistemic", "hedged",
         r"\b(?:presunt[oaie]|ipotetic[oaie]|ipotetiche|ipotesi|(?:im)?probabil[ei]|possibil[ei]|incert[oaie]|"
         r"incertezz[ae]|eventual[ei]|potenzial[ei]|dubbi[oa]?|sospett[oaie])\b"
         r"(?<!\bprima possibile)(?<!\breso possibile)(?<!\brendere possibile)(?<!\brende possibile)"
         r"(?<!\bsenza dubbio)(?<!\bsenza alcun dubbio)(?<!\bpiù possibile)",
         ("presunt", "ipotetic", "ipotesi", "probabil", "improbabil", "possibil", "incert", "eventual", "potenzial",
          "dubbi", "sospett")),
        ("verb:seem", "hedged",
         r"\b(?:sembra|sembrano|sembrava|sembravano|sembrerebbe|sembrerebbero|pare|paiono|pareva|parrebbe)\b",
         ("sembr", "pare", "paiono", "parrebbe")),
        ("noun:rumour", "hedged",
         r"\bsecondo\s+(?:alcune\s+|le\s+prime\s+|nuove\s+)?(?:indiscrezioni|voci)\b|\bindiscrezion[ei]\b|\bvoci\b(?=\s+(?:di|che|non|secondo|insistenti|circolate|circolano))|"
         r"\bsi\s+vocifera\b|\brumors?\b",
         ("indiscrezion", "voci", "vocifera", "rumor")),
        ("adj:unclear", "hedged",
         r"\bnon\s+(?:è|e['’]|sono)\s+(?:ancora\s+)?(?:chiaro|noto|certo|confermat[oa]|escluso)\b|"
         r"\bresta\s+da\s+(?:vedere|capire|chiarire|stabilire)\b|\bnon\s+si\s+sa\b|\bnon\s+si\s+esclude\b|"
         r"\bnon\s+(?:è\s+)?escluso\b",
         ("chiaro", "noto", "certo", "confermat", "escluso", "vedere", "capire", "chiarire", "stabilire", "sa",
          "esclude")),
        ("passive:epistemic", "hedged",
         r"\bsi\s+(?:ritiene|pensa|crede|teme|stima|ipotizza|sospetta|dice|presume|suppone|calcola)\b|"
         r"\b(?:è|sono|era|erano|viene|vengono)\s+(?:\w+\s+)?(?:ritenut[oaie]|stimat[oaie]|sospettat[oaie])\b|"
         r"\bipotizz\w+",
         ("ritiene", "pensa", "crede", "teme", "stima", "ipotizza", "sospetta", "dice", "presume", "suppone",
          "calcola", "ritenut", "stimat", "sospettat", "ipotizz")),
        ("weasel:some-say", "hedged",
         r"\b(?:alcuni|alcune|molti|molte|diversi|diverse|numerosi|vari|certi|altri)\s+" + _alt(*_IT_EXPERTS)
         + r"\s+(?:\w+\s+)?(?:ritengono|credono|temono|pensano|stimano|ipotizzano|dubitano)\b",
         _IT_EXPERTS),
        # --- conditional ("anche se" is mostly "although", "come se" is "as if", "se ne" a pronoun)
        ("cond:se", "conditional", r"(?<!\banche )(?<!\bcome )\bse\b(?!\s+(?:ne|stess[oaie])\b)", ("se",)),
        ("cond:other", "conditional",
         r"\bqualora\b|\bnel\s+caso\s+(?:in\s+cui|che|di)\b|\bin\s+caso\s+di\b|\ba\s+patto\s+che\b|\bpurché\b|"
         r"\ba\s+condizione\s+che\b|\ba\s+meno\s+che\b|\bsalvo\s+che\b",
         ("qualora", "caso", "patto", "purch", "condizione", "meno", "salvo")),
        # --- attributed ("secondo" before an article, pronoun or name, not the ordinal "secondo posto")
        ("attr:secondo", "attributed",
         r"\bsecondo\b(?=\s+(?:il|lo|la|i|gli|le|l['’]|un|una|uno|quanto|me|te|lui|lei|loro|noi|voi|fonti|alcuni|"
         r"molti|dati|stime|(?-i:[A-Z])))",
         ("secondo",)),
        ("attr:stando", "attributed",
         r"\bstando\s+a\b|\ba\s+detta\s+d\w*|\bcome\s+(?:riferisce|riportato|riferito)\b|\bcitat[oaie]\s+da\b|"
         r"\bin\s+una\s+nota\b",
         ("stando", "detta", "riferisce", "riportato", "riferito", "citat", "nota")),
        ("attr:has-said", "attributed",
         r"\b(?:ha|hanno|aveva|avevano)\s+(?:\w+\s+)?" + _alt(*_IT_PARTICIPLES) + r"\b",
         tuple(p.split()[0] for p in _IT_PARTICIPLES)),
        ("attr:said", "attributed", r"\b" + _alt(*_IT_SAID) + r"\b", _IT_SAID),
    ),
    consequence=r"\b\w+(?:rebbe|rebbero)\b",
    # Condizionale di cronaca: "l'uomo avrebbe aggredito", "sarebbe stato visto".
    reported=r"\b(?:sarebbe|sarebbero|avrebbe|avrebbero|starebbe|starebbero)\b",
)

# --- Portuguese -------------------------------------------------------------------------------------

_PT_SAID = (
    "disse", "disseram", "afirmou", "afirmaram", "declarou", "declararam", "explicou", "explicaram", "referiu",
    "referiram", "indicou", "indicaram", "adiantou", "adiantaram", "acrescentou", "sublinhou", "salientou",
    "garantiu", "garantiram", "confirmou", "confirmaram", "anunciou", "anunciaram", "revelou", "avançou", "contou",
    "frisou", "destacou", "defendeu", "admitiu", "reconheceu", "assegurou", "alertou", "informou", "informaram",
    "esclareceu", "observou", "lembrou", "reiterou", "comentou", "ressaltou",
)
_PT_PRESENT = (
    "diz", "afirma", "explica", "refere", "garante", "defende", "considera", "sublinha", "salienta", "admite",
    "alerta", "adianta", "acrescenta", "lembra", "observa", "sustenta", "assegura", "aponta", "avisa",
)
_PT_EXPERTS = (
    "especialistas", "analistas", "críticos", "observadores", "peritos", "moradores", "residentes", "cientistas",
    "economistas", "investigadores", "pesquisadores", "fontes", "testemunhas", "comentadores",
)
_PT_CONDITIONALS = (
    "seria", "teria", "poderia", "haveria", "estaria", "faria", "iria", "daria", "deveria", "custaria", "permitiria",
    "precisaria", "conseguiria", "ficaria", "passaria",
)
PORTUGUESE = _lexicon(
    "pt",
    (
        ("modal:poderia", "hedged", r"\bpoderi(?:a|am|amos)\b|\bpode(?:rá|rão|m)?\s+(?:ser\s+que|vir\s+a)\b",
         ("poderi", "pode")),
        ("adv:epistemic", "hedged",
         r"\b(?:talvez|possivelmente|provavelmente|presumivelmente|alegadamente|supostamente|aparentemente|"
         r"eventualmente|potencialmente|porventura|ao\s+que\s+(?:parece|tudo\s+indica)|tudo\s+indica\s+que)\b",
         ("talvez", "possivelmente", "provavelmente", "presumivelmente", "alegadamente", "supostamente",
          "aparentemente", "eventualmente", "potencialmente", "porventura", "parece", "indica")),
        ("adj:epistemic", "hedged",
         r"\b(?:alegad[oa]s?|supost[oa]s?|presumíve(?:l|is)|possíve(?:l|is)|(?:im)?prováve(?:l|is)|incert[oa]s?|"
         r"incertezas?|duvidos[oa]s?|hipotétic[oa]s?|hipóteses?|eventua(?:l|is)|potencia(?:l|is))\b"
         r"(?<!\brápido possível)(?<!\bcedo possível)(?<!\bo possível)(?<!\btornar possível)(?<!\btornou possível)"
         r"(?<!\btorna possível)(?<!\bmais possível)",
         ("alegad", "supost", "presumíve", "possíve", "prováve", "improváve", "incert", "duvidos", "hipot", "hipót",
          "eventua", "potencia")),
        ("verb:seem", "hedged", r"\bparec(?:e|em|ia|iam|eu)\b", ("parec",)),
        ("adj:unclear", "hedged",
         r"\bnão\s+(?:está|é|ficou)\s+(?:ainda\s+)?(?:claro|confirmad[oa]|conhecid[oa]|certo)\b|\bdesconhece-se\b|"
         r"\bnão\s+se\s+sabe\b|\bnão\s+(?:está|é)\s+(?:de\s+)?excluíd[oa]\b|\bsem\s+confirmação\b|"
         r"\bdúvidas?\b(?<!\bsem dúvida)(?<!\bqualquer dúvida)(?<!\bnenhuma dúvida)",
         ("claro", "confirmad", "conhecid", "certo", "desconhece", "sabe", "excluíd", "confirmação", "dúvida")),
        ("passive:epistemic", "hedged",
         r"\b(?:acredita|estima|suspeita|especula|pensa|teme|calcula|presume|diz)-se\b|"
         r"\bse\s+(?:acredita|estima|suspeita|especula|pensa|teme|calcula|presume|diz)\b|\brumor(?:es)?\b|"
         r"\bboatos?\b|\bespecul\w+",
         ("acredita", "estima", "suspeita", "especula", "pensa", "teme", "calcula", "presume", "diz", "rumor",
          "boato", "especul")),
        # The perfect future of hearsay: "terá morrido", "terão sido detidos".
        ("reported:terá", "hedged",
         r"\bter(?:á|ão)\s+(?:\w+\s+)?(?:sido|\w+(?:ado|ido|ada|ida|ados|idos|adas|idas))\b",
         ("terá", "terão")),
        ("weasel:some-say", "hedged",
         r"\b(?:alguns|algumas|vários|várias|muitos|muitas|diversos|diversas|certos|outros)\s+" + _alt(*_PT_EXPERTS)
         + r"\s+(?:\w+\s+)?(?:acreditam|consideram|temem|receiam|estimam|sugerem|admitem|duvidam)\b",
         _PT_EXPERTS),
        # --- conditional: "se" opening a clause before a subject or a future subjunctive, not the pronoun
        ("cond:se", "conditional",
         r"(?:" + _CLAUSE_START + r"|(?<=\bmesmo )|(?<=\bsó )|(?<=\bapenas )|(?<=\be )|(?<=\bmas )|(?<=\bou )|"
         r"(?<=\bque )|(?<=\bporque ))\bse\b(?!-)(?=\s+(?:o|a|os|as|um|uma|não|nada|ninguém|houver|for|forem|tiver|"
         r"tiverem|puder|quiser|vier|fizer|estiver|estiverem|eu|ele|ela|eles|elas|nós|você|isso|isto|tudo|algo|"
         r"alguém|\d|(?-i:[A-ZÁÉÍÓÚ])|\w+(?:ar|er|ir)(?:em)?\b))",
         ("se",)),
        ("cond:other", "conditional",
         r"\bem\s+caso\s+de\b|\ba\s+menos\s+que\b|\ba\s+não\s+ser\s+que\b|\bcontanto\s+que\b|"
         r"\b(?:na|sob)\s+condição\s+de\b|" + _CLAUSE_START + r"caso\b(?!\s+(?:de|da|do|dos|das|em|foi|é|está)\b)",
         ("caso", "menos", "ser", "contanto", "condição")),
        # --- attributed ("segundo" before an article, pronoun or name, not the ordinal)
        ("attr:segundo", "attributed",
         r"\bsegundo\b(?=\s+(?:o|a|os|as|um|uma|ele|ela|eles|elas|fontes?|dados|números|estimativas|informações|"
         r"(?-i:[A-ZÁÉÍÓÚÂÊÔÃÕ])))",
         ("segundo",)),
        ("attr:de-acordo", "attributed",
         r"\bde\s+acordo\s+com\b|\bconforme\b(?=\s+(?:o|a|os|as|dados|informações|(?-i:[A-Z])))|"
         r"\bna\s+opinião\s+de\b|\bcitad[oa]s?\s+(?:por|pel[oa]s?)\b|\bnas\s+palavras\s+de\b|"
         r"\bem\s+(?:comunicado|declarações)\b",
         ("acordo", "conforme", "opinião", "citad", "palavras", "comunicado", "declarações")),
        ("attr:said", "attributed", r"\b" + _alt(*_PT_SAID) + r"\b", _PT_SAID),
        ("attr:says", "attributed",
         r"\b" + _alt(*_PT_PRESENT) + r"m?\s+que\b|(?<=[,\"”»] )" + _alt(*_PT_PRESENT) + r"m?\b", _PT_PRESENT),
    ),
    consequence=r"\b" + _alt(*_PT_CONDITIONALS) + r"m?\b",
    reported=r"\b(?:seria|seriam|teria|teriam|estaria|estariam)\b",
)

# --- Dutch ------------------------------------------------------------------------------------------

_NL_SAID = (
    "zei", "zeiden", "zegt", "zeggen", "verklaarde", "verklaarden", "verklaart", "liet weten", "laat weten",
    "lieten weten", "meldt", "meldde", "meldden", "stelde", "stelt", "stelden", "benadrukte", "benadrukt",
    "bevestigde", "bevestigt", "vertelde", "vertelt", "schrijft", "schreef", "waarschuwde", "waarschuwt", "aldus",
    "deelde mee", "maakte bekend", "maakt bekend", "beweert", "beweerde", "erkende", "erkent",
)
_NL_EXPERTS = (
    "experts", "deskundigen", "critici", "waarnemers", "analisten", "wetenschappers", "economen", "bewoners",
    "omwonenden", "insiders", "bronnen",
)
DUTCH = _lexicon(
    "nl",
    (
        ("modal:zou-kunnen", "hedged", r"\bzou(?:den)?\s+(?:\w+\s+){0,3}?(?:kunnen|mogen)\b", ("zou",)),
        ("adv:epistemic", "hedged",
         r"\b(?:misschien|wellicht|(?:on)?waarschijnlijk|vermoedelijk|kennelijk|blijkbaar|ogenschijnlijk|"
         r"schijnbaar|allicht|naar\s+verluidt|naar\s+alle\s+waarschijnlijkheid|naar\s+schatting|vermeende?|"
         r"mogelijkerwijs)\b",
         ("misschien", "wellicht", "waarschijnlijk", "onwaarschijnlijk", "vermoedelijk", "kennelijk", "blijkbaar",
          "ogenschijnlijk", "schijnbaar", "allicht", "verluidt", "waarschijnlijkheid", "schatting", "vermeend",
          "mogelijkerwijs")),
        # "mogelijk" as "possibly" or "possible (cause)", not "mogelijk maken", "zo snel mogelijk", nor at the end
        # of a clause ("dat maakt de reis mogelijk.", "is niet mogelijk.").
        ("adj:possible", "hedged",
         r"(?<!\bsnel )(?<!\bspoedig )(?<!\bveel )(?<!\bzoveel )(?<!\bgoed )(?<!\bweinig )(?<!\bmin )(?<!\bvroeg )"
         r"(?<!\blang )(?<!\bkort )(?<!\bniet )(?<!\bmeer )(?<!\bhoog )(?<!\blaag )\bmogelijke?\b"
         r"(?!\s+(?:ge)?ma(?:ken|akt|akte|akten)\b)(?!\s*(?:[.,;:!?)]|$))",
         ("mogelijk",)),
        ("verb:seem", "hedged", r"\b(?:lijkt|lijken|leek|leken|schijnt|schijnen|scheen)\b(?!\s+op\b)",
         ("lijk", "leek", "leken", "schijn", "scheen")),
        ("adj:unclear", "hedged",
         r"\b(?:onduidelijk|onzeker(?:heid)?|onbevestigde?|ongewis|onbekend(?=,?\s+(?:is\s+)?(?:of|hoe|waarom|wanneer|"
         r"wie|wat))|niet\s+(?:duidelijk|bekend|zeker|bevestigd|uitgesloten)|nog\s+maar\s+de\s+vraag)\b",
         ("onduidelijk", "onzeker", "onbevestigd", "ongewis", "onbekend", "duidelijk", "bekend", "zeker", "bevestigd",
          "uitgesloten", "vraag")),
        ("noun:rumour", "hedged", r"\bgerucht(?:en)?\b|\bspeculati(?:e|es)\b|\bspeculeer\w*|\bgespeculeerd\b",
         ("gerucht", "speculati", "speculeer", "gespeculeerd")),
        ("passive:epistemic", "hedged",
         r"\bwordt\s+(?:\w+\s+)?(?:aangenomen|vermoed|gevreesd|verondersteld|geschat|gezegd|beweerd)\b|"
         r"\bvermoed(?:t|en|de|den)\b",
         ("aangenomen", "vermoed", "gevreesd", "verondersteld", "geschat", "gezegd", "beweerd")),
        ("weasel:some-say", "hedged",
         r"\b(?:sommige|veel|enkele|diverse|verschillende|andere)\s+" + _alt(*_NL_EXPERTS)
         + r"\s+(?:\w+\s+)?(?:denken|vrezen|menen|geloven|betwijfelen|vermoeden)\b",
         _NL_EXPERTS),
        # --- conditional: "als" opening a clause before a subject (not "als voorzitter", "zo groot als")
        ("cond:als", "conditional",
         r"(?:" + _CLAUSE_START + r"|(?<=\ben )|(?<=\bmaar )|(?<=\book )|(?<=\bzelfs )|(?<=\balleen )|(?<=\bpas )|"
         r"(?<=\bdat ))\bals\b(?=\s+(?:de|het|een|er|je|jij|we|wij|ze|zij|hij|men|u|ik|dat|dit|die|deze|alles|"
         r"niemand|iemand|iedereen|hun|haar|zijn|mijn|ons|onze|uw)\b)",
         ("als",)),
        ("cond:other", "conditional",
         r"\b(?:indien|mits|tenzij|ingeval)\b|\bop\s+voorwaarde\s+dat\b|\bin\s+(?:het\s+)?geval\s+(?:dat|van)\b|"
         r"\bstel\s+dat\b",
         ("indien", "mits", "tenzij", "ingeval", "voorwaarde", "geval", "stel")),
        # --- attributed
        ("attr:volgens", "attributed", r"\bvolgens\b|\bnaar\s+eigen\s+zeggen\b", ("volgens", "zeggen")),
        ("attr:said", "attributed", r"\b" + _alt(*_NL_SAID) + r"\b", tuple(w.split()[0] for w in _NL_SAID)),
    ),
    # "zou": hearsay ("de man zou de vrouw hebben aangevallen"), or a consequence ("als ..., zou ...").
    reported=r"\bzou(?:den)?\b",
)

# --- Russian ----------------------------------------------------------------------------------------

_RU_PAST_SAID = (
    "сказал", "заявил", "сообщил", "рассказал", "отметил", "подчеркнул", "пояснил", "добавил", "признал",
    "подтвердил", "уточнил", "заметил", "указал", "объяснил", "написал", "предупредил", "напомнил",
)
_RU_PRESENT_SAID = (
    "считает", "говорит", "заявляет", "сообщает", "отмечает", "утверждает", "пишет", "передает", "передаёт",
    "цитирует", "подчеркивает", "подчёркивает", "поясняет", "уверяет",
)
_RU_EXPERTS = ("эксперт", "аналитик", "специалист", "наблюдател", "критик", "учен", "экономист", "жител", "источник")
RUSSIAN = _lexicon(
    "ru",
    (
        # "может" as in the brief: possibility as often as ability in news ("может привести к"); "не может" is not.
        ("modal:может", "hedged",
         r"(?<!\bне )\b(?:может|могут)\b|\b(?:мог|могла|могло|могли)\s+бы\b|\bбы\s+(?:мог|могла|могло|могли)\b",
         ("может", "могут", "мог")),
        ("adv:epistemic", "hedged",
         r"\b(?:возможно|вероятно|маловероятно|вероятнее\s+всего|по-видимому|видимо|якобы|"
         r"предположительно|наверное|наверно|будто\s+бы|кажется|казалось|не\s+исключено|скорее\s+всего|"
         r"судя\s+по\s+всему|по\s+всей\s+(?:видимости|вероятности)|вряд\s+ли)\b",
         ("возможно", "вероятно", "маловероятно", "вероятнее", "видимо", "якобы", "предположительно", "наверн",
          "будто", "кажется", "казалось", "исключено", "всего", "судя", "видимости", "вероятности", "вряд")),
        ("adj:epistemic", "hedged",
         r"\b(?:возможн(?:ый|ая|ое|ые|ых|ым|ыми|ую|ого|ому|ой)|вероятн(?:ый|ая|ое|ые|ых|ым|ую|ого|ой|ость|ости)|"
         r"предполагаем\w*|предполож\w+|сомнени[ея]|сомнения|сомнительн\w+)\b",
         ("возможн", "вероятн", "предполага", "предполож", "сомнени", "сомнительн")),
        ("adv:reportedly", "hedged",
         r"\bпо\s+(?:предварительным|некоторым|неофициальным|неподтвержд[её]нным|непроверенным)\s+(?:данным|"
         r"сведениям|сообщениям|информации|оценкам)\b|\bпо\s+оценкам\b|\bпо\s+слухам\b|\bслух(?:и|ов|ам)\b|"
         r"\bсообщается\b",
         ("предварительным", "некоторым", "неофициальным", "неподтвержд", "непроверенным", "оценкам", "слух",
          "сообщается")),
        ("adj:unclear", "hedged",
         r"\b(?:неизвестно|неясно|непонятно|пока\s+не\s+ясно|не\s+ясно|под\s+вопросом|не\s+уточняется)\b",
         ("неизвестно", "неясно", "непонятно", "ясно", "вопросом", "уточняется")),
        ("passive:epistemic", "hedged",
         r"\b(?:считается|считалось|предполагается|предполагалось|полагают|как\s+считают)\b",
         ("считается", "считалось", "предполагается", "предполагалось", "полагают", "считают")),
        ("weasel:some-say", "hedged",
         r"\b(?:некоторые|многие|ряд|отдельные|часть)\s+(?:\w+\s+)?" + _alt(*(s + r"\w*" for s in _RU_EXPERTS))
         + r"\s+(?:\w+\s+)?(?:считают|полагают|опасаются|предполагают|не\s+исключают|сомневаются|допускают)\b|"
         r"\b(?:эксперт|аналитик|критик|наблюдател)\w*\s+(?:считают|полагают|опасаются|предполагают|"
         r"не\s+исключают|допускают)\b",
         _RU_EXPERTS),
        # --- conditional
        ("cond:если", "conditional",
         r"\bесли\b|\bв\s+(?:том\s+)?случае\b|\bпри\s+условии\b|\bразве\s+что\b",
         ("если", "случае", "условии", "разве")),
        # --- attributed
        ("attr:по-словам", "attributed",
         r"\bпо\s+(?:словам|данным|информации|сообщению|сообщениям|мнению|оценке|заявлению|утверждению|подсч[её]там|"
         r"версии|сведениям)\b|\bсогласно\b|\bсо\s+ссылкой\s+на\b",
         ("словам", "данным", "информации", "сообщени", "мнению", "оценке", "заявлени", "утверждени", "подсч",
          "версии", "сведениям", "согласно", "ссылкой")),
        ("attr:said", "attributed",
         r"\b" + _alt(*_RU_PAST_SAID) + r"(?:а|и|о)?\b|\b" + _alt(*_RU_PRESENT_SAID) + r"\b|"
         r"\b(?:сообщают|сообщили|пишут|отмечают|заявляют|говорят|утверждают)\b",
         (*_RU_PAST_SAID, *_RU_PRESENT_SAID, "сообща", "пишут", "отмечают", "заявляют", "говорят", "утверждают")),
    ),
    consequence=r"\bбы\b",
)

# --- Swedish, Danish, Norwegian ----------------------------------------------------------------------

_SV_SAID = (
    "säger", "sa", "sade", "uppger", "uppgav", "berättar", "berättade", "skriver", "skrev", "meddelar", "meddelade",
    "förklarar", "förklarade", "konstaterar", "konstaterade", "betonar", "betonade", "varnar", "varnade",
    "bekräftar", "bekräftade", "hävdar", "hävdade", "menar", "menade", "framhåller", "framhöll", "understryker",
    "underströk", "påpekar", "påpekade",
)
_SV_EXPERTS = ("experter", "bedömare", "kritiker", "analytiker", "forskare", "ekonomer", "invånare", "boende", "källor")
SWEDISH = _lexicon(
    "sv",
    (
        ("modal:skulle-kunna", "hedged", r"\bskulle\s+(?:\w+\s+)?kunna\b|\bkan\s+komma\s+att\b|\bkunde\b",
         ("skulle", "komma", "kunde")),
        ("adv:epistemic", "hedged",
         r"\b(?:kanske|troligen|troligtvis|sannolikt|osannolikt|förmodligen|antagligen|möjligen|möjligtvis|"
         r"eventuellt|tydligen|synbarligen|till\s+synes|enligt\s+uppgift(?:er)?|påstådda?|påstått|misstänkta?|"
         r"misstänkt|lär\s+ha)\b",
         ("kanske", "troligen", "troligtvis", "sannolikt", "osannolikt", "förmodligen", "antagligen", "möjligen",
          "möjligtvis", "eventuellt", "tydligen", "synbarligen", "synes", "uppgift", "påstådd", "påstått", "misstänkt",
          "lär")),
        ("adj:unclear", "hedged", r"\b(?:oklart|osäkert|ovisst|ovisshet|osäkerhet(?:en)?|inte\s+klart)\b",
         ("oklart", "osäker", "ovisst", "ovisshet", "klart")),
        ("passive:reported", "hedged",
         r"\b(?:sägs|uppges|påstås|misstänks|antas|tros|befaras|uppskattas|spekuleras)\b",
         ("sägs", "uppges", "påstås", "misstänks", "antas", "tros", "befaras", "uppskattas", "spekuleras")),
        ("verb:seem", "hedged", r"\b(?:verkar|verkade|tycks|tycktes|förefaller|föreföll)\b(?!\s+för\b)",
         ("verka", "tycks", "tycktes", "förefaller", "föreföll")),
        ("noun:rumour", "hedged", r"\brykte(?:n|na|t|s)?\b|\bspekulation\w*", ("rykte", "spekulation")),
        ("weasel:some-say", "hedged",
         r"\b(?:vissa|många|flera|somliga|andra)\s+" + _alt(*_SV_EXPERTS)
         + r"\s+(?:\w+\s+)?(?:tror|befarar|fruktar|tvivlar|misstänker)\b",
         _SV_EXPERTS),
        ("cond:om", "conditional",
         _CLAUSE_START + r"om\b|(?<=\boch )om\b|(?<=\bmen )om\b|(?<=\bäven )om\b|(?<=\bbara )om\b|"
         r"\b(?:ifall|såvida)\b|\bförutsatt\s+att\b|\bi\s+händelse\s+av\b",
         ("om", "ifall", "såvida", "förutsatt", "händelse")),
        ("attr:enligt", "attributed", r"\benligt\b", ("enligt",)),
        ("attr:said", "attributed", r"\b" + _alt(*_SV_SAID) + r"\b", _SV_SAID),
    ),
    consequence=r"\b(?:skulle|vore)\b",
)

_DA_SAID = (
    "siger", "sagde", "oplyser", "oplyste", "fortæller", "fortalte", "skriver", "skrev", "meddeler", "meddelte",
    "forklarer", "forklarede", "understreger", "understregede", "advarer", "advarede", "bekræfter", "bekræftede",
    "påpeger", "påpegede", "udtaler", "udtalte", "konstaterer", "konstaterede", "mener",
)
_DA_EXPERTS = ("eksperter", "kritikere", "iagttagere", "analytikere", "forskere", "økonomer", "borgere", "beboere", "kilder")
DANISH = _lexicon(
    "da",
    (
        # "kunne" as "could" (not the infinitive "at kunne", "vil kunne", nor the perfect "har kunnet").
        ("modal:kunne", "hedged",
         r"(?<!\bat )(?<!\bvil )(?<!\bskal )\bkunne\b|\bkan\s+komme\s+til\s+at\b", ("kunne", "komme")),
        ("adv:epistemic", "hedged",
         r"\b(?:måske|muligvis|formentlig|formodentlig|sandsynligvis|usandsynligt|antageligt?|angiveligt?|"
         r"tilsyneladende|vistnok|efter\s+sigende|eventuelt|potentielt|mistænkte?|formodede?|påståede?|påstået|"
         r"tvivlsomt|sandsynligt)\b",
         ("måske", "muligvis", "formentlig", "formodentlig", "sandsynlig", "usandsynlig", "antagelig", "angivelig",
          "tilsyneladende", "vistnok", "sigende", "eventuelt", "potentielt", "mistænkt", "formode", "påstå",
          "tvivlsomt")),
        # "det er muligt, at ..." or "... er muligt." but not "muligt at se" (an ability).
        ("adj:possible", "hedged",
         r"\bmuligt\b(?<!\bsom muligt)(?<!\bdet muligt)(?<!\bikke muligt)(?=,\s+at\b|\s*[.;!?]|\s*$)",
         ("muligt",)),
        ("adj:unclear", "hedged", r"\b(?:uklart|usikkert|uvist|usikkerhed(?:en)?|ikke\s+klart)\b",
         ("uklart", "usikker", "uvist", "klart")),
        ("passive:reported", "hedged",
         r"\b(?:siges|menes|antages|formodes|skønnes|frygtes|rygtes|påstås)\b|"
         r"\bskulle\s+(?:efter\s+sigende\s+)?have\b",
         ("siges", "menes", "antages", "formodes", "skønnes", "frygtes", "rygtes", "påstås", "skulle")),
        ("verb:seem", "hedged", r"\bser\s+ud\s+til\b|\bsynes\s+at\b|\blader\s+til\b", ("ud", "synes", "lader")),
        ("noun:rumour", "hedged", r"\brygte(?:r|rne|t)?\b|\bspekulation\w*", ("rygte", "spekulation")),
        ("weasel:some-say", "hedged",
         r"\b(?:nogle|mange|flere|visse|andre)\s+" + _alt(*_DA_EXPERTS)
         + r"\s+(?:\w+\s+)?(?:tror|frygter|tvivler|formoder)\b",
         _DA_EXPERTS),
        ("cond:hvis", "conditional",
         r"\b(?:hvis|såfremt|medmindre)\b|\bforudsat\s+at\b|\bi\s+tilfælde\s+af\b|\bi\s+fald\b",
         ("hvis", "såfremt", "medmindre", "forudsat", "tilfælde", "fald")),
        ("attr:ifølge", "attributed", r"\bifølge\b", ("ifølge",)),
        ("attr:said", "attributed", r"\b" + _alt(*_DA_SAID) + r"\b", _DA_SAID),
    ),
    consequence=r"\bville\b",
)

_NO_SAID = (
    "sier", "sa", "opplyser", "opplyste", "forteller", "fortalte", "skriver", "skrev", "melder", "meldte",
    "forklarer", "forklarte", "understreker", "understreket", "advarer", "advarte", "bekrefter", "bekreftet",
    "påpeker", "påpekte", "uttaler", "uttalte", "konstaterer", "konstaterte", "mener",
)
_NO_EXPERTS = (
    "eksperter", "kritikere", "observatører", "analytikere", "forskere", "økonomer", "innbyggere", "beboere", "kilder",
)
NORWEGIAN = _lexicon(
    "no",
    (
        ("modal:kunne", "hedged",
         r"(?<!\bå )(?<!\bvil )(?<!\bskal )\bkunne\b|\bkan\s+komme\s+til\s+å\b", ("kunne", "komme")),
        ("adv:epistemic", "hedged",
         r"\b(?:kanskje|muligens|trolig|sannsynligvis|usannsynlig|antakelig|antageligvis|angivelig|tilsynelatende|"
         r"visstnok|etter\s+sigende|eventuelt|potensielt|mistenkte?|påståtte?|påstått|tvilsomt|formodentlig)\b",
         ("kanskje", "muligens", "trolig", "sannsynlig", "usannsynlig", "antakelig", "antagelig", "angivelig",
          "tilsynelatende", "visstnok", "sigende", "eventuelt", "potensielt", "mistenkt", "påstå", "tvilsomt",
          "formodentlig")),
        ("adj:possible", "hedged",
         r"\bmulig\b(?<!\bsom mulig)(?<!\bdet mulig)(?<!\bikke mulig)(?!\s+å\b)", ("mulig",)),
        ("adj:unclear", "hedged", r"\b(?:uklart|usikkert|uvisst|usikkerhet(?:en)?|ikke\s+klart)\b",
         ("uklart", "usikker", "uvisst", "klart")),
        ("passive:reported", "hedged",
         r"\b(?:sies|menes|antas|anslås|fryktes|påstås|ryktes)\b|"
         # "skal ha" before a participle is hearsay ("skal ha truet"); "skal ha rett til" is a right.
         r"\bskal\s+(?:\w+\s+)?ha\b(?=\s+(?!rett\b)\w+(?:et|t|dd)\b)",
         ("sies", "menes", "antas", "anslås", "fryktes", "påstås", "ryktes", "skal")),
        ("verb:seem", "hedged", r"\bser\s+ut\s+til\b|\bsynes\s+å\b|\blater\s+til\b", ("ut", "synes", "later")),
        ("noun:rumour", "hedged", r"\brykte(?:r|ne|t)?\b|\bspekulasjon\w*", ("rykte", "spekulasjon")),
        ("weasel:some-say", "hedged",
         r"\b(?:noen|mange|flere|enkelte|andre)\s+" + _alt(*_NO_EXPERTS)
         + r"\s+(?:\w+\s+)?(?:tror|frykter|tviler|anslår)\b",
         _NO_EXPERTS),
        ("cond:hvis", "conditional",
         r"\b(?:hvis|dersom)\b|\bmed\s+mindre\b|\bforutsatt\s+at\b|\bi\s+tilfelle\b|" + _CLAUSE_START + r"om\b",
         ("hvis", "dersom", "mindre", "forutsatt", "tilfelle", "om")),
        ("attr:ifølge", "attributed", r"\bifølge\b", ("ifølge",)),
        ("attr:said", "attributed", r"\b" + _alt(*_NO_SAID) + r"\b", _NO_SAID),
    ),
    consequence=r"\bville\b",
)

# --- Polish, Czech ----------------------------------------------------------------------------------

_PL_PAST_SAID = (
    "powiedział", "poinformował", "oświadczył", "zaznaczył", "podkreślił", "dodał", "przekazał", "wyjaśnił",
    "napisał", "podał", "przyznał", "zapowiedział", "stwierdził", "ocenił", "zauważył", "przypomniał", "ostrzegł",
    "potwierdził", "tłumaczył", "mówił", "twierdził",
)
_PL_PLURAL_SAID = (
    "powiedzieli", "poinformowali", "oświadczyli", "zaznaczyli", "podkreślili", "dodali", "przekazali",
    "wyjaśnili", "napisali", "podali", "przyznali", "zapowiedzieli", "stwierdzili", "ocenili", "zauważyli",
    "przypomnieli", "potwierdzili", "mówili", "twierdzili",
)
_PL_PRESENT_SAID = (
    "mówi", "mówią", "twierdzi", "twierdzą", "podkreśla", "zaznacza", "przekonuje", "tłumaczy", "wyjaśnia",
    "ocenia", "zauważa", "informuje", "podaje", "podają", "przyznaje", "dodaje", "ostrzega",
)
_PL_EXPERTS = ("eksper", "analityk", "krytyc", "obserwator", "specjali", "mieszka", "naukowc", "ekonomi")
POLISH = _lexicon(
    "pl",
    (
        ("modal:mógłby", "hedged", r"\b(?:mógłby|mogłaby|mogłoby|mogliby|mogłyby|mógłbym|mogłabym|mogłybyśmy|"
         r"moglibyśmy)\b",
         ("mógłby", "mogłaby", "mogłoby", "mogliby", "mogłyby", "mógłbym", "mogłabym", "mogłybyśmy", "moglibyśmy")),
        ("adv:epistemic", "hedged",
         r"\b(?:być\s+może|prawdopodobnie|najprawdopodobniej|przypuszczalnie|rzekomo|podobno|ponoć|chyba|zapewne|"
         r"najwyraźniej|jakoby|niewykluczone|ewentualnie|potencjalnie|możliwe(?=,?\s+(?:że|iż|jest))|"
         r"prawdopodobn[ayei]|prawdopodobieństwo|rzekom[ayei]|domniema(?:ny|na|ne|nego|nej|nym))\b",
         ("być", "prawdopodob", "najprawdopodobniej", "przypuszczalnie", "rzekom", "podobno", "ponoć", "chyba",
          "zapewne", "najwyraźniej", "jakoby", "niewykluczone", "ewentualnie", "potencjalnie", "możliwe",
          "domniema")),
        ("adj:unclear", "hedged",
         r"\b(?:nie\s+wiadomo|niejasne|niepewn\w*|niepotwierdzon\w*|nie\s+jest\s+jasne)\b",
         ("wiadomo", "niejasne", "niepewn", "niepotwierdzon", "jasne")),
        ("passive:epistemic", "hedged",
         r"\b(?:wydaje|wydają|wydawało|wydawał|wydawała|zdaje)\s+się\b|\b(?:szacuje|uważa|sądzi|przypuszcza|"
         r"mówi|spekuluje)\s+się\b|\bwedług\s+szacunków\b|\bspekulacj\w*|\bplotk\w*|\bpogłosk\w*",
         ("wydaje", "wydają", "wydawało", "wydawał", "zdaje", "szacuje", "uważa", "sądzi", "przypuszcza", "mówi",
          "spekul", "szacunków", "plotk", "pogłosk")),
        ("weasel:some-say", "hedged",
         r"\b(?:niektórzy|część|wielu|liczni)\s+(?:\w+\s+)?" + _alt(*(s + r"\w*" for s in _PL_EXPERTS))
         + r"\s+(?:\w+\s+)?(?:uważa(?:ją)?|sądz(?:i|ą)|obawia(?:ją)?\s+się|przypuszcza(?:ją)?|wątpi(?:ą)?)\b",
         _PL_EXPERTS),
        ("cond:jeśli", "conditional",
         r"\b(?:jeśli|jeżeli|jeśliby|gdyby|gdybyśmy)\b|\bo\s+ile\b|\bw\s+(?:przypadku|razie)\b|"
         r"\bpod\s+warunkiem\b|\bchyba\s+że\b",
         ("jeśli", "jeżeli", "gdyby", "ile", "przypadku", "razie", "warunkiem", "że")),
        ("attr:według", "attributed",
         r"\bwedług\b|\bzdaniem\b|\bjak\s+(?:wynika\s+z|podaje|podają|informuje)\b|\bpowołując\s+się\s+na\b|"
         r"\bcytowan\w+",
         ("według", "zdaniem", "wynika", "podaj", "informuje", "powołując", "cytowan")),
        ("attr:said", "attributed",
         r"\b" + _alt(*_PL_PAST_SAID) + r"(?:a|o|y)?\b|\b" + _alt(*_PL_PLURAL_SAID) + r"\b|\b"
         + _alt(*_PL_PRESENT_SAID) + r"\b",
         (*_PL_PAST_SAID, *_PL_PLURAL_SAID, *_PL_PRESENT_SAID)),
    ),
    consequence=r"\b\w+(?:łby|łaby|łoby|liby|łyby)\b|\bby\b",
)

_CS_SAID = (
    "uvedl", "řekl", "sdělil", "oznámil", "prohlásil", "dodal", "upozornil", "vysvětlil", "potvrdil", "napsal",
    "informoval", "zdůraznil", "konstatoval", "poznamenal", "připomněl", "tvrdil", "varoval",
)
_CS_PRESENT_SAID = (
    "uvádí", "tvrdí", "říká", "říkají", "dodává", "upozorňuje", "vysvětluje", "potvrzuje", "zdůrazňuje", "míní",
    "konstatuje", "píše", "varuje", "uvádějí",
)
_CS_EXPERTS = ("odborník", "expert", "kritik", "analytik", "pozorovatel", "vědc", "ekonom", "obyvatel")
CZECH = _lexicon(
    "cs",
    (
        ("modal:mohl-by", "hedged",
         r"\b(?:by|bych|bys|bychom|byste)\s+(?:se\s+|si\s+)?moh(?:l|la|lo|li|ly)\b|"
         r"\bmoh(?:l|la|lo|li|ly)\s+(?:by|bych|bys|bychom|byste)\b",
         ("moh",)),
        ("adv:epistemic", "hedged",
         r"\b(?:možná|pravděpodobně|pravděpodobn[ýáé]|pravděpodobnost|nejspíš|nejspíše|snad|údajně|údajn[ýáéí]|prý|"
         r"zřejmě|patrně|asi(?!\s+\d)|potenciálně|potenciální|eventuálně|eventuální|domněl\w+|podle\s+všeho|"
         r"podle\s+odhadů|odhadem)\b",
         ("možná", "pravděpodob", "nejspíš", "snad", "údajn", "prý", "zřejmě", "patrně", "asi", "potenciáln",
          "eventuáln", "domněl", "všeho", "odhad")),
        ("adj:unclear", "hedged",
         r"\b(?:nejist[éýá]|nejistota|nejasn[éýá]|není\s+(?:zatím\s+|dosud\s+)?(?:jasné|zřejmé|známo|vyloučeno)|"
         r"neví\s+se|nevylučuje\s+se)\b",
         ("nejist", "nejasn", "jasné", "zřejmé", "známo", "vyloučeno", "neví", "nevylučuje")),
        ("passive:epistemic", "hedged",
         r"\b(?:zdá|zdají|zdálo)\s+se\b|\bse\s+zdá\b|\b(?:odhaduje|předpokládá|spekuluje)\s+se\b|"
         r"\bmá\s+se\s+za\s+to\b|\bspekulac\w+|\bfám[ay]\b|\bdohad\w*",
         ("zdá", "zdají", "zdálo", "odhaduje", "předpokládá", "spekul", "za", "fám", "dohad")),
        ("weasel:some-say", "hedged",
         r"\b(?:někteří|mnozí|řada|část)\s+(?:\w+\s+)?" + _alt(*(s + r"\w*" for s in _CS_EXPERTS))
         + r"\s+(?:\w+\s+)?(?:se\s+domnívají|soudí|se\s+obávají|odhadují|předpokládají|pochybují)\b",
         _CS_EXPERTS),
        ("cond:pokud", "conditional",
         r"\b(?:pokud|jestli|jestliže|kdyby|kdybychom|kdybyste|ledaže)\b|\bv\s+případě\b|"
         r"\bza\s+předpokladu\b|\bpod\s+podmínkou\b|\b\w+-li\b",
         ("pokud", "jestli", "kdyby", "ledaže", "případě", "předpokladu", "podmínkou", "li")),
        ("attr:podle", "attributed",
         r"\bpodle\b|\bjak\s+(?:uvedl\w*|uvádí|řekl\w*|sdělil\w*|informoval\w*|píše|napsal\w*|oznámil\w*)\b|"
         r"\bs\s+odkazem\s+na\b|\bcitovan\w+",
         ("podle", "uvedl", "uvádí", "řekl", "sdělil", "informoval", "píše", "napsal", "oznámil", "odkazem",
          "citovan")),
        ("attr:said", "attributed",
         r"\b" + _alt(*_CS_SAID) + r"(?:a|o|i|y)?\b|\b" + _alt(*_CS_PRESENT_SAID) + r"\b",
         (*_CS_SAID, *_CS_PRESENT_SAID)),
    ),
    consequence=r"\b(?:by|bych|bys|bychom|byste)\b",
)

# ISO 639-1 code (as the language detector gives it) -> lexicon.
LEXICONS: dict[str, CueLexicon] = {
    "de": GERMAN,
    "fr": FRENCH,
    "es": SPANISH,
    "it": ITALIAN,
    "pt": PORTUGUESE,
    "nl": DUTCH,
    "ru": RUSSIAN,
    "sv": SWEDISH,
    "da": DANISH,
    "no": NORWEGIAN,
    "nb": NORWEGIAN,
    "nn": NORWEGIAN,
    "pl": POLISH,
    "cs": CZECH,
}
