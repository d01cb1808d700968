import math

import numpy as np
import pytest

from esn_teach.datasets import make_clinical_notes
from esn_teach.generative import (
    END,
    NGramModel,
    detokenize,
    prescription_audit,
    tokenize,
)
from esn_teach.generative._ngram import apply_temperature, perplexity

CORPUS = ["le chat dort .", "le chat mange .", "le chien dort ."]


def test_tokenize_keeps_numbers_dates_and_words():
    assert tokenize("Traitement : ramipril, un comprimé de 2,5 mg le 02/05/23.") == [
        "Traitement", ":", "ramipril", ",", "un", "comprimé", "de", "2,5", "mg", "le",
        "02/05/23", ".",
    ]  # fmt: skip
    assert tokenize("l'équipe vingt-quatre") == ["l'équipe", "vingt-quatre"]
    assert detokenize(["Bonjour", ",", "M", ".", "Moreau", END]) == "Bonjour, M. Moreau"


def test_probabilities_are_counted_shares_mixed_by_weight():
    model = NGramModel(2, weights=(0.0, 1.0)).fit(CORPUS)
    p = model.next_probabilities("le")
    index = {t: i for i, t in enumerate(model.vocabulary)}
    assert p[index["chat"]] == pytest.approx(2 / 3)
    assert p[index["chien"]] == pytest.approx(1 / 3)
    mixed = NGramModel(2, weights=(0.5, 0.5)).fit(CORPUS).next_probabilities("le")
    unigram = 2 / 15  # "chat": 2 of the 15 tokens (END included)
    assert mixed[index["chat"]] == pytest.approx(0.5 * unigram + 0.5 * 2 / 3)
    assert mixed.sum() == pytest.approx(1)
    # An unseen context falls back on the unigram shares.
    assert model.next_probabilities("zèbre").sum() == pytest.approx(1)


def test_temperature():
    p = [0.6, 0.3, 0.1]
    np.testing.assert_allclose(apply_temperature(p, 1), p)
    cold = apply_temperature(p, 0.5)
    assert cold[0] == pytest.approx(0.36 / 0.46)
    assert apply_temperature(p, 2)[0] < 0.6 < cold[0]
    with pytest.raises(ValueError, match="temperature"):
        apply_temperature(p, 0)


def test_perplexity_is_the_inverse_geometric_mean():
    assert perplexity([0.5, 0.5]) == pytest.approx(2)
    probs = [0.5, 0.2, 0.8, 0.25]
    assert perplexity(probs) == pytest.approx(math.prod(probs) ** (-1 / 4))
    with pytest.raises(ValueError):
        perplexity([0.0, 0.5])


def test_generation_is_reproducible_for_a_seed():
    model = NGramModel(3).fit(make_clinical_notes(n_samples=100, random_state=0).frame["text"])
    a = model.generate("Examen :", temperature=1.0, random_state=5)
    assert a == model.generate("Examen :", temperature=1.0, random_state=5)
    assert len(a) <= 20
    greedy = model.generate("Examen :", temperature=0.05, random_state=1, max_tokens=3)
    assert greedy == model.generate("Examen :", temperature=0.05, random_state=2, max_tokens=3)


def test_prescription_audit_classes_every_dose():
    notes = make_clinical_notes(n_samples=300, random_state=14)
    model = NGramModel(3).fit(notes.frame["text"])
    audit = prescription_audit(
        model, notes.reference_doses, [0.2, 1.0], n_per_drug=100, random_state=0
    )
    assert len(audit) == 2 * 10 * 100
    assert set(audit["verdict"]) <= {"dose du corpus", "dose hors corpus", "pas une dose"}
    invented = audit[audit["verdict"] == "dose hors corpus"]
    assert len(invented) > 0 and invented["unit"].isin(["mg", "g", "µg"]).all()
    # The trigram cannot see the drug behind « un comprimé de »: even when cold, it
    # writes doses of other drugs.
    cold = audit[audit["temperature"] == 0.2]
    assert (cold["verdict"] == "dose hors corpus").mean() > 0.3


_AUDIT_SCRIPT = """
from esn_teach.datasets import make_clinical_notes
from esn_teach.generative import NGramModel, prescription_audit
notes = make_clinical_notes(n_samples=120, random_state=14)
model = NGramModel(n=3).fit(notes.frame["text"])
audit = prescription_audit(model, notes.reference_doses, [0.5, 1.0, 2.0], n_per_drug=60,
                           random_state=14)
print(audit.to_csv(index=False))
print(model.generate("Traitement : paracétamol, un comprimé de", temperature=1.5,
                     random_state=3))
"""


def test_audit_does_not_depend_on_python_string_hashing():
    # Module 14 shows the audit's shares with three decimals and promises the same notes
    # and figures at every run: this process and a fresh one with another hash seed must
    # agree (iterating over a set of strings once made the shares drift, 0,151 against 0,144).
    import contextlib
    import io
    import os
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    here = io.StringIO()
    with contextlib.redirect_stdout(here):
        exec(_AUDIT_SCRIPT, {})
    seed = "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(root)}
    other = subprocess.run(
        [sys.executable, "-c", _AUDIT_SCRIPT],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    assert "dose hors corpus" in here.getvalue()
    assert here.getvalue() == other
