"""Realistic browser pastes of short news articles in several languages (issue 11, item 2).

Each paste is what select-all and copy give on a small news site: menus, the
headline, a byline and date lines, the paragraphs with an advertisement line or
two between them, then share buttons, a cookie banner, related links and the
footer. The cleaner must return the headline as the title and every paragraph,
and none of the clutter. Before this test, the opening paragraph (French,
English), the first two paragraphs (German), the closing paragraph (French) or
three of four paragraphs (Spanish) were lost, and date lines became titles.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from bot.digest.extract.paste import clean_paste


@dataclass(frozen=True)
class NewsPaste:
    header: list[str]  # menus above the headline
    title: str
    meta: list[str]  # byline, dates, reading time, share buttons
    paragraphs: list[str]
    inserts: dict[int, str]  # clutter line placed before paragraph i
    footer: list[str]

    def text(self) -> str:
        body: list[str] = []
        for i, paragraph in enumerate(self.paragraphs):
            if i in self.inserts:
                body.append(self.inserts[i])
            body.append(paragraph)
        return "\n".join([*self.header, self.title, *self.meta, *body, *self.footer])

    def clutter(self) -> list[str]:
        return [*self.header, *self.meta, *self.inserts.values(), *self.footer]


FRENCH = NewsPaste(
    header=["Aller au contenu principal", "Le Quotidien du Sud-Ouest", "Menu", "Rechercher", "Se connecter", "S'abonner",
            "Actualité", "Politique", "Économie", "Société", "Culture", "Sports", "Environnement"],
    title="La sécheresse menace les vignobles du Bordelais",
    meta=["Par Claire Dumas", "Publié le 14 août 2024 à 07h12", "Mis à jour le 14 août 2024 à 09h45", "Lecture 4 min."],
    paragraphs=[
        "Les viticulteurs du Bordelais s'inquiètent d'une troisième année de sécheresse consécutive, qui pourrait réduire la récolte de près d'un tiers selon la chambre d'agriculture de la Gironde.",
        "Depuis le début du mois de juin, il n'est tombé que douze millimètres de pluie sur la rive gauche de la Garonne, contre une moyenne de soixante-dix millimètres sur la même période ces trente dernières années.",
        "« Les vignes les plus jeunes souffrent déjà, leurs racines ne vont pas assez profond pour trouver de l'eau », explique Jean-Marc Lafitte, qui exploite vingt hectares près de Saint-Émilion.",
        "La préfecture a pris mardi un arrêté limitant l'irrigation aux heures les plus fraîches de la journée, une mesure que plusieurs syndicats agricoles jugent insuffisante face à l'ampleur de la crise.",
        "Les vendanges pourraient commencer avec dix jours d'avance, ce qui obligerait les domaines à recruter leurs saisonniers plus tôt que prévu.",
    ],
    inserts={},
    footer=["Partager", "Facebook", "Twitter", "E-mail", "Nous respectons votre vie privée",
            "Nous utilisons des cookies pour améliorer votre expérience, mesurer l'audience et vous proposer des contenus personnalisés.",
            "Tout accepter", "Tout refuser", "Paramétrer les cookies", "Lire aussi", "Vendanges 2024 : les premières estimations",
            "Le prix de l'eau augmente en Gironde", "Mentions légales", "Politique de confidentialité", "© 2024 Le Quotidien du Sud-Ouest"],
)

GERMAN = NewsPaste(
    header=["Zum Inhalt springen", "Nachrichten", "Startseite", "Politik", "Wirtschaft", "Wissen", "Sport", "Anmelden", "Abonnieren", "Wissen"],
    title="Forscher entdecken neue Fischart im Bodensee",
    meta=["Von Markus Weber", "12.03.2024, 14:32 Uhr", "Teilen", "Kommentare"],
    paragraphs=[
        "Im Bodensee haben Forscher der Universität Konstanz eine bisher unbekannte Fischart entdeckt. Die etwa zwanzig Zentimeter langen Tiere leben in einer Tiefe von mehr als hundert Metern und wurden bei einer Routineuntersuchung mit einem Tauchroboter gefilmt.",
        "Die Wissenschaftler vermuten, dass sich die Art erst nach der letzten Eiszeit von ihren Verwandten im Rhein getrennt hat. Genetische Untersuchungen sollen in den kommenden Monaten zeigen, wie eng die Verwandtschaft tatsächlich ist.",
        "Nach Angaben des Instituts ist der Bestand bislang stabil, die Tiere ernähren sich vor allem von Kleinkrebsen und Insektenlarven. Fischer am Bodensee hatten schon vor Jahren von ungewöhnlichen Fängen in großer Tiefe berichtet.",
        "Möglicherweise gibt es in anderen tiefen Alpenseen ähnliche Arten, die bisher übersehen wurden, sagte die Biologin Anna Keller. Sie plant bereits Untersuchungen im Genfersee und im Lago Maggiore.",
        "Das Forschungsprojekt wird vom Land Baden-Württemberg bis zum Jahr 2026 mit insgesamt 1,2 Millionen Euro gefördert.",
    ],
    inserts={2: "Anzeige"},
    footer=["Mehr zum Thema", "Bodensee: Wasserstand auf Rekordtief", "Neue Vogelart im Schwarzwald gesichtet", "Newsletter abonnieren",
            "Impressum", "Datenschutz", "Kontakt", "© 2024 Nachrichten Online GmbH"],
)

ENGLISH = NewsPaste(
    header=["Skip to main content", "The Morning Ledger", "Sections", "Search", "Sign in", "Subscribe", "World", "Business", "Science", "Opinion", "Science"],
    title="Coral reefs recover faster than expected after bleaching",
    meta=["By Sarah Lin", "June 3, 2024", "5 min read", "Share"],
    paragraphs=[
        "Coral reefs off the coast of western Australia have recovered from a severe bleaching event in less than a decade, far faster than scientists had predicted, according to a study published on Monday.",
        "The researchers surveyed more than 200 reef sites between 2016 and 2023 and found that live coral cover had returned to about 90 percent of its level before the heat wave of 2016.",
        "The team credits the remote location of the reefs, which are far from farm runoff and heavy fishing, for the quick recovery.",
        "\"These reefs had a lot going for them,\" said Dr. James Porter, a marine ecologist at the University of Western Australia who led the study. \"Most reefs around the world do not have that luxury.\"",
        "The scientists warned that more frequent heat waves could still overwhelm even the healthiest reefs, and called for deep cuts in greenhouse gas emissions.",
    ],
    inserts={2: "Advertisement"},
    footer=["Advertisement", "Related Coverage", "Great Barrier Reef suffers fifth mass bleaching", "How scientists grow coral in the lab",
            "Most Popular", "The best hiking trails in the Alps", "Why your coffee costs more this year", "Terms of Service", "Privacy Policy",
            "© 2024 The Morning Ledger"],
)

SPANISH = NewsPaste(
    header=["Ir al contenido", "El Diario del Norte", "Menú", "Buscar", "Iniciar sesión", "Suscríbete", "Internacional", "España", "Economía",
            "Sociedad", "Cultura", "Deportes"],
    title="El Gobierno aprueba un plan para reducir las listas de espera sanitarias",
    meta=["Por Lucía Fernández", "Madrid - 21 mayo 2024 - 10:15 CEST", "Compartir"],
    paragraphs=[
        "El Consejo de Ministros aprobó este martes un plan de choque dotado con 600 millones de euros para reducir las listas de espera en los hospitales públicos antes de finales de 2025.",
        "El plan prevé contratar a más de 3.000 profesionales sanitarios y ampliar el horario de los quirófanos por las tardes y los fines de semana en las comunidades autónomas que se adhieran.",
        "Según el Ministerio de Sanidad, más de 800.000 pacientes esperan actualmente una operación, y el tiempo medio de espera supera los cuatro meses.",
        "Las comunidades deberán presentar sus propuestas antes de septiembre para recibir la primera parte de los fondos.",
    ],
    inserts={2: "Publicidad"},
    footer=["Publicidad", "Noticias relacionadas", "La huelga de médicos se extiende a tres comunidades", "Sanidad publica los datos de vacunación",
            "Aviso legal", "Política de privacidad", "© 2024 El Diario del Norte"],
)

CHINESE = NewsPaste(
    header=["首页", "新闻", "科技", "登录", "注册"],
    title="科学家在云南发现新的恐龙化石",
    meta=["2024年5月12日 10:30", "分享"],
    paragraphs=[
        "中国科学院古脊椎动物与古人类研究所的研究人员近日在云南省禄丰市发现了一具保存完好的恐龙化石，这具化石距今约一亿九千万年。",
        "研究团队表示，这是该地区近十年来发现的最完整的早侏罗世恐龙骨架之一，对研究恐龙的早期演化具有重要意义。",
        "据介绍，化石全长约八米，包括头骨、脊椎和四肢骨骼，研究人员推测它可能是一种新的蜥脚型类恐龙。",
    ],
    inserts={},
    footer=["相关文章", "云南发现古代鱼类化石", "评论"],
)

JAPANESE = NewsPaste(
    header=["ホーム", "ニュース", "ログイン"],
    title="東京の桜、平年より一週間早く満開に",
    meta=["2024年3月28日 9時15分", "シェア"],
    paragraphs=[
        "気象庁は二十八日、東京都心の桜が満開になったと発表しました。平年より七日早く、去年より四日遅い満開となりました。",
        "靖国神社にある標本木では、八割以上のつぼみが開いたことが確認されたということです。",
        "気象庁によりますと、今週末は各地で花見を楽しむ人で混雑が予想されるということです。",
    ],
    inserts={},
    footer=["関連記事", "コメント"],
)

PASTES = {"fr": FRENCH, "de": GERMAN, "en": ENGLISH, "es": SPANISH, "zh": CHINESE, "ja": JAPANESE}


@pytest.mark.parametrize("language", sorted(PASTES))
def test_every_paragraph_is_kept(language: str) -> None:
    paste = PASTES[language]
    body = clean_paste(paste.text()).body.split("\n\n")
    assert body == paste.paragraphs


@pytest.mark.parametrize("language", sorted(PASTES))
def test_headline_is_the_title_not_a_date_line(language: str) -> None:
    paste = PASTES[language]
    assert clean_paste(paste.text()).title == paste.title


@pytest.mark.parametrize("language", sorted(PASTES))
def test_no_clutter_is_kept(language: str) -> None:
    paste = PASTES[language]
    result = clean_paste(paste.text())
    kept = set(result.body.split("\n\n")) | {result.title}
    assert not kept & set(paste.clutter())


def test_hedged_claim_at_the_end_survives() -> None:
    assert "Möglicherweise gibt es in anderen tiefen Alpenseen" in clean_paste(GERMAN.text()).body


def test_cookie_banner_is_not_kept_once_the_date_lines_are_gone() -> None:
    assert "cookies" not in clean_paste(FRENCH.text()).body
