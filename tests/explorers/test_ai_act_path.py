import re
import time

import numpy as np
import pytest
from bs4 import BeautifulSoup

from esn_teach.explorers import AiActPathExplorer
from esn_teach.law import AI_ACT_QUESTIONS, AI_SYSTEMS, UNANSWERED, ai_system, reference

COURSE_ANSWERS = {s.key: dict(s.answers) for s in AI_SYSTEMS}


def _answer(explorer, answers):
    for key, value in answers.items():
        explorer.controls[key].value = value  # what a student does


def _text(explorer):
    return BeautifulSoup(explorer.output.value, "html.parser").get_text()


def test_controls_are_french_dropdowns_and_a_checkbox():
    explorer = AiActPathExplorer()
    assert list(explorer.controls) == ["systeme", *(q.key for q in AI_ACT_QUESTIONS), "analyse"]
    for question in AI_ACT_QUESTIONS:
        control = explorer.controls[question.key]
        description = control.description.replace("\u202f", " ")
        assert control.value == UNANSWERED and question.question in description
    assert explorer.controls["analyse"].description == "Comparer avec l'analyse du cours"
    assert explorer.state["category"] is None
    assert "Répondez aux étapes 1, 2, 4, 5" in _text(explorer)
    assert explorer.controls["analyse"].disabled  # no course answers before one's own


def test_the_legal_texts_are_folded_and_dates_written_in_words():
    explorer = AiActPathExplorer(system="chatbot_rdv")
    _answer(explorer, COURSE_ANSWERS["chatbot_rdv"])
    assert not explorer.controls["analyse"].disabled
    soup = BeautifulSoup(explorer.output.value, "html.parser")
    folded = soup.find("details")
    assert folded is not None and "pour le marquage du paragraphe 2" in folded.get_text()
    assert "Les textes qui s'appliquent" in folded.find("summary").get_text()
    assert "depuis le 2 août 2026" in _text(explorer)
    assert not re.search(r"(depuis le|à partir du) \d+/", _text(explorer))
    explorer.controls["analyse"].value = True
    explorer.controls["systeme"].value = "radio_thorax"  # another card: answers and comparison go
    assert explorer.controls["analyse"].value is False and explorer.controls["analyse"].disabled


def test_the_chest_x_ray_card_walked_as_the_course_does_is_high_risk_through_annex_i():
    explorer = AiActPathExplorer(system="radio_thorax")
    _answer(explorer, COURSE_ANSWERS["radio_thorax"])
    assert explorer.state["category"] == "haut risque"
    assert explorer.state["routes"] == ("annexe I",)
    shown = _text(explorer)
    assert "▲ HAUT RISQUE" in shown and "à partir du 2 août 2028 (à venir)" in shown
    assert "règlement sur l'IA, article 26" in shown  # the hospital's duties, with the article
    assert reference("IA 26").date_label in shown
    assert "pas un conseil juridique" in shown


def test_every_card_walked_with_the_course_answers_agrees_with_the_analysis():
    explorer = AiActPathExplorer()
    for key, answers in COURSE_ANSWERS.items():
        explorer.controls["systeme"].value = key
        _answer(explorer, {**answers, "analyse": True})
        assert explorer.state["differences"] == [], key
        assert "Vos réponses sont celles du cours." in _text(explorer)
        explorer.controls["analyse"].value = False


def test_a_wellness_app_taken_for_a_device_is_shown_where_it_differs():
    explorer = AiActPathExplorer(system="appli_bien_etre")
    wrong = {**COURSE_ANSWERS["appli_bien_etre"], "dispositif": "oui", "classe": "IIa"}
    _answer(explorer, {**wrong, "analyse": True})
    assert explorer.state["category"] == "haut risque"
    assert explorer.state["differences"] == ["dispositif", "classe"]
    assert "diffèrent de celles du cours aux étapes 2, 3" in _text(explorer)
    assert "considérant 19" in _text(explorer)


def test_choosing_another_card_clears_the_answers():
    explorer = AiActPathExplorer()
    _answer(explorer, COURSE_ANSWERS["radio_thorax"])
    explorer.controls["systeme"].value = "chatbot_rdv"
    assert set(explorer.state["answers"].values()) == {UNANSWERED}
    assert ai_system("chatbot_rdv").title in _text(explorer)


def test_a_prohibited_practice_stops_the_path():
    explorer = AiActPathExplorer()
    explorer.controls["interdit"].value = "oui"
    assert explorer.state["category"] == "interdit"
    assert explorer.state["obligations"] == ["interdiction"]
    assert "✖ PRATIQUE INTERDITE" in _text(explorer)


def test_unknown_or_duplicate_cards_are_refused():
    with pytest.raises(ValueError, match="système inconnu"):
        AiActPathExplorer(system="nope")
    with pytest.raises(ValueError, match="clé différente"):
        AiActPathExplorer([AI_SYSTEMS[0], AI_SYSTEMS[0]])


def test_callback_is_fast():
    explorer = AiActPathExplorer()
    times = []
    for key in COURSE_ANSWERS:
        for name, value in [("systeme", key), *COURSE_ANSWERS[key].items(), ("analyse", True)]:
            start = time.thread_time()
            explorer.controls[name].value = value
            times.append(time.thread_time() - start)
        explorer.controls["analyse"].value = False
    # CPU time of this thread, with a generous bound: wall time failed under load (other
    # processes). The 100 ms target is measured side by side in bench/bench_modules.py.
    assert np.percentile(times, 95) < 0.5


def test_no_class_is_asked_of_what_is_not_a_device():
    # Student review d11: « non » at step 2 left step 3 on « … » and the comparison
    # counted it as a difference, although the path shows « sans objet ».
    explorer = AiActPathExplorer(system="appli_bien_etre")
    assert "sans objet" not in explorer.state.get("answers", {}).values()
    text = _text(explorer)
    assert "à répondre après l'étape 2" in text
    assert "sans objet (pas un dispositif médical)" not in text
    answers = {**COURSE_ANSWERS["appli_bien_etre"], "classe": UNANSWERED, "analyse": True}
    _answer(explorer, answers)
    assert explorer.state["differences"] == []
    assert "Vos réponses sont celles du cours." in _text(explorer)
    assert "sans objet (pas un dispositif médical)" in _text(explorer)
