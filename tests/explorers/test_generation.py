import re
import time
from functools import cache

import numpy as np
import pytest

from esn_teach.datasets import make_clinical_notes
from esn_teach.explorers import GenerationExplorer
from esn_teach.generative import NGramModel

PROMPTS = ["Traitement : metformine, un comprimé de", "Examen :"]


@cache
def _model():
    return NGramModel(3).fit(make_clinical_notes(n_samples=200, random_state=0).frame["text"])


def test_controls_drive_the_table_and_the_continuation():
    explorer = GenerationExplorer(_model(), PROMPTS)
    assert set(explorer.controls) == {"prompt", "temperature", "tirage"}
    assert explorer.slider.description == "Température"
    html = explorer.output.value
    assert "Probabilité à la température choisie" in html and "Suite tirée au sort" in html
    top = explorer.state["top"]
    assert top["p_temperature"].is_monotonic_decreasing
    np.testing.assert_allclose(top["p"], top["p_temperature"])  # temperature 1
    explorer.controls["temperature"].value = 0.3
    assert explorer.state["top"]["p_temperature"].iloc[0] > explorer.state["top"]["p"].iloc[0]
    explorer.controls["prompt"].value = PROMPTS[1]
    assert explorer.state["prompt"] == "Examen :"


def test_same_setting_same_text_and_french_numbers():
    a = GenerationExplorer(_model(), PROMPTS, temperature=1.2, draw=4)
    b = GenerationExplorer(_model(), PROMPTS, temperature=1.2, draw=4)
    assert a.state["continuation"] == b.state["continuation"]
    assert "température 1,2" in a.output.value
    body = a.output.value.split("<tbody>")[1].split("</tbody>")[0]
    assert "%" in body and re.search(r">\d+,\d", body) and not re.search(r">\d+\.\d", body)


def test_bad_arguments():
    with pytest.raises(TypeError, match="NGramModel"):
        GenerationExplorer(None, PROMPTS)
    with pytest.raises(ValueError, match="prompts"):
        GenerationExplorer(_model(), [])
    with pytest.raises(ValueError, match="temperature"):
        GenerationExplorer(_model(), PROMPTS, temperature=5)


@pytest.mark.slow  # a timing measure; the 100 ms target is measured in bench/bench_modules.py
def test_update_is_fast():
    explorer = GenerationExplorer(_model(), PROMPTS)
    times = []
    for value in np.linspace(0.1, 2.0, 20):
        start = time.thread_time()
        explorer.update(PROMPTS[0], float(value), 3)
        times.append(time.thread_time() - start)
    assert np.percentile(times, 95) < 0.5
