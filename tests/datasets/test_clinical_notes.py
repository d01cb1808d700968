import pandas as pd
import pytest

from esn_teach.datasets import REFERENCE_DOSES, dose_in_mg, make_clinical_notes
from esn_teach.datasets._clinical_notes import HARD_CASES


def test_reproducible_and_synthetic():
    a = make_clinical_notes(n_samples=50, random_state=3)
    b = make_clinical_notes(n_samples=50, random_state=3)
    pd.testing.assert_frame_equal(a.frame, b.frame)
    pd.testing.assert_frame_equal(a.entities, b.entities)
    assert a.frame.attrs["synthetic"] is True
    other = make_clinical_notes(n_samples=50, random_state=4).frame["text"]
    assert not a.frame["text"].equals(other)


def test_entity_spans_point_at_their_text():
    notes = make_clinical_notes(n_samples=300, random_state=0)
    texts = notes.frame.set_index("note_id")["text"]
    for row in notes.entities.itertuples():
        assert texts[row.note_id][row.start : row.end] == row.text
    counts = notes.entities.groupby(["note_id", "kind"]).size().unstack(fill_value=0)
    assert (counts["date"] == notes.frame.set_index("note_id")["n_dates"]).all()
    assert (counts["nom"] == notes.frame.set_index("note_id")["n_names"]).all()


def test_every_hard_case_is_planted_and_none_without_hard_share():
    planted = set(make_clinical_notes(n_samples=400, random_state=0).entities["case"])
    assert planted == {"standard", *HARD_CASES}
    plain = make_clinical_notes(n_samples=200, hard_share=0, random_state=0).entities
    assert set(plain["case"]) == {"standard"}


def test_each_note_prescribes_a_reference_dose():
    notes = make_clinical_notes(n_samples=200, random_state=1)
    for row in notes.frame.itertuples():
        assert (row.dose, row.unit) in REFERENCE_DOSES[row.drug]
        assert f"Traitement : {row.drug}, un comprimé de {row.dose} {row.unit} " in row.text
    assert notes.reference_doses == {d: list(v) for d, v in REFERENCE_DOSES.items()}


def test_dose_in_mg():
    assert dose_in_mg("1", "g") == 1000
    assert dose_in_mg("2,5", "mg") == 2.5
    assert dose_in_mg("50", "µg") == pytest.approx(0.05)
    assert dose_in_mg("matin", "mg") != dose_in_mg("matin", "mg")  # NaN
    assert dose_in_mg("5", "jour") != dose_in_mg("5", "jour")


def test_bad_arguments():
    with pytest.raises(ValueError, match="hard_share"):
        make_clinical_notes(hard_share=1.5)
    with pytest.raises(TypeError, match="n_samples"):
        make_clinical_notes(n_samples="10")


def test_each_name_has_its_role_and_each_doctor_follows_dr():
    notes = make_clinical_notes(n_samples=200, random_state=3)
    entities = notes.entities
    assert set(entities.loc[entities["kind"] == "date", "role"]) == {"date"}
    names = entities[entities["kind"] == "nom"]
    assert set(names["role"]) == {"patient", "proche", "médecin"}
    assert set(names.loc[names["role"] == "proche", "case"]) == {"prénom sans civilité"}
    texts = notes.frame.set_index("note_id")["text"]
    for row in names[names["role"] == "médecin"].itertuples():
        assert texts[row.note_id][: row.start].endswith("avec le Dr ")
