import pytest

from esn_teach import privacy as pv
from esn_teach.datasets import make_clinical_notes

TEXT = (
    "Vu le 12/03/2024 puis le 3 avril 2025. Mme Sandrine Garcia, accompagnée de son fils "
    "Karim. Rendez-vous le douze mars avec le Dr L. M. et le Dr Petit."
)


def test_rules_find_titles_and_dates_in_figures_only():
    spans = pv.rule_spans(TEXT)
    found = {TEXT[s:e] for _, s, e in spans}
    assert {"12/03/2024", "3 avril 2025", "Sandrine Garcia", "Petit"} <= found
    assert not {"Karim", "douze mars", "L. M."} & found


def test_mark_detected_needs_an_overlap_of_the_same_kind():
    notes = make_clinical_notes(n_samples=30, random_state=2)
    frame = notes.frame
    spans = {i: pv.rule_spans(t) for i, t in zip(frame["note_id"], frame["text"], strict=True)}
    detected = pv.mark_detected(notes.entities, spans)
    standard = notes.entities["case"] == "standard"
    assert detected[standard].all()
    hard = notes.entities["case"].isin(["date en lettres", "initiales", "surnom"])
    assert not detected[hard].any()
    wrong_kind = {
        i: [("nom", s, e) for kind, s, e in v if kind == "date"] for i, v in spans.items()
    }
    dates = notes.entities["kind"] == "date"
    assert not pv.mark_detected(notes.entities, wrong_kind)[dates].any()


@pytest.mark.slow  # loads spaCy's French pipeline (seconds)
def test_spacy_pipeline_finds_persons_but_no_dates():
    spacy = pytest.importorskip("spacy")
    nlp = spacy.load(
        "fr_core_news_sm",
        exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"],
    )
    assert "DATE" not in nlp.get_pipe("ner").labels
    [spans] = pv.spacy_spans([TEXT], nlp)
    assert all(kind == "nom" for kind, _, _ in spans)
    assert any("Garcia" in TEXT[s:e] for _, s, e in spans)


def test_entity_spans_keep_the_chosen_labels():
    from types import SimpleNamespace as Ns

    doc = Ns(
        ents=[
            Ns(label_="PER", start_char=0, end_char=5),
            Ns(label_="MISC", start_char=10, end_char=19),
            Ns(label_="LOC", start_char=25, end_char=31),
        ]
    )
    assert pv.entity_spans([doc]) == [[("nom", 0, 5)]]
    assert pv.entity_spans([doc], ["PER", "MISC"]) == [[("nom", 0, 5), ("nom", 10, 19)]]
    assert pv.entity_spans([doc], []) == [[]]
