"""Plain text that is already clean comes back whole, and no body sentence becomes the title."""

from __future__ import annotations

from bot.digest.extract.paste import clean_paste

NEWS = (
    "The European Central Bank kept its main interest rate unchanged on Thursday, saying inflation was falling "
    "more slowly than it had expected in the spring. Prices in the euro area rose 2.6 percent in the year to May, "
    "up from 2.4 percent in April. Economists had expected the bank to wait until September before cutting rates "
    "again. The bank's president said the governing council would decide meeting by meeting. Markets barely moved "
    "after the announcement. Some analysts believe a cut in July is still possible if wage growth slows."
)

WIKIPEDIA = [
    "The Danube is the second-longest river in Europe, after the Volga.",
    "It flows through much of Central and Southeastern Europe.",
    "It rises in the Black Forest in Germany.",
    "It flows into the Black Sea.",
    "Its drainage basin covers parts of nineteen countries.",
    "It was once a long-standing frontier of the Roman Empire.",
    "Today it connects ten countries.",
    "The river has been an important international waterway for centuries.",
    "Several capitals lie on its banks, including Vienna and Budapest.",
    "It is navigable by ocean ships from the Black Sea to Brăila in Romania.",
    "Hydroelectric dams along the river produce much of the region's power.",
    "Fishing was once an important trade along its lower course.",
    "The Iron Gates gorge forms part of the border between Serbia and Romania.",
    "Many species of sturgeon once lived in the river.",
    "Pollution fell sharply after the 1990s.",
    "Its delta is a protected biosphere reserve.",
    "The Danube appears in many works of music and literature.",
    "Johann Strauss II wrote a famous waltz about it.",
]

BIOMEDICAL = [
    "We measured serum cytokine levels in 48 patients with sepsis.",
    "Interleukin-6 was elevated in all patients at admission.",
    "These results suggest that early IL-6 levels may predict mortality.",
    "No association was found with age or sex.",
    "Further studies are needed to confirm this finding.",
    "Patients were followed for 28 days.",
    "Twelve patients died during follow-up.",
    "The area under the curve was 0.81.",
    "Sensitivity and specificity were 75% and 80%, respectively.",
    "Our findings are consistent with earlier reports.",
    "Samples were stored at -80 °C until analysis.",
    "Statistical analysis was performed with R.",
]


def test_one_paragraph_without_headline_is_kept_whole() -> None:
    result = clean_paste(NEWS)
    assert result.title == ""
    assert result.body == NEWS


def test_title_line_then_a_sentence_a_paragraph() -> None:
    text = "The Danube\n\n" + "\n\n".join(WIKIPEDIA)
    result = clean_paste(text)
    assert result.title == "The Danube"
    assert result.body.split("\n\n") == WIKIPEDIA


def test_a_sentence_a_line_without_title_keeps_every_sentence_and_no_title() -> None:
    for sentences in (WIKIPEDIA, BIOMEDICAL):
        for joiner in ("\n", "\n\n"):
            result = clean_paste(joiner.join(sentences))
            assert result.title == ""
            assert result.body.split("\n\n") == sentences


def test_a_question_opening_untitled_text_is_not_taken_for_a_title() -> None:
    sentences = ["What do you need to map a billion stars?", *WIKIPEDIA]
    result = clean_paste("\n".join(sentences))
    assert result.title == ""
    assert result.body.split("\n\n") == sentences


def test_a_question_headline_over_paragraphs_is_the_title() -> None:
    paragraphs = [" ".join(WIKIPEDIA[i : i + 3]) for i in range(0, len(WIKIPEDIA), 3)]
    for headline in ("Can the Danube be saved?", "Angry fishermen ask: 'Where are the sturgeon?'"):
        result = clean_paste(headline + "\n\n" + "\n\n".join(paragraphs))
        assert result.title == headline
        assert result.body.split("\n\n") == paragraphs


def test_chinese_headline_without_spaces_is_the_title() -> None:
    sentences = [
        "中国科学院的研究人员近日在云南省发现了一具保存完好的恐龙化石。",
        "研究团队表示，这是该地区近十年来发现的最完整的恐龙骨架之一。",
        "化石全长约八米，包括头骨、脊椎和四肢骨骼。",
    ]
    result = clean_paste("科学家在云南发现新的恐龙化石\n\n" + "\n\n".join(sentences))
    assert result.title == "科学家在云南发现新的恐龙化石"
    assert result.body.split("\n\n") == sentences
