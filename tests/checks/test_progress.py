"""A learner's progress: recorded by the verification cells, kept in their files, read back."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pytest

from esn_teach import checks
from esn_teach.checks import _progress

MODULE = "01_exemple"
SOLUTION = checks.encode_text("sensibilite = vp / (vp + fn)")


@pytest.fixture
def progress_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh progress file, and a kernel that remembers nothing."""
    path = tmp_path / "home" / "progression.json"
    monkeypatch.setenv(checks.PROGRESS_ENV, str(path))
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setattr(_progress, "_memory", {"version": 1, "modules": {}})
    monkeypatch.setattr(_progress, "_warned", [])
    monkeypatch.setattr(_progress, "_shown", {})
    return path


def verify(value: float, *, name: str = "sensibilite") -> None:
    """What a wrapped verification cell does."""
    with checks.question(MODULE, name):
        checks.check_number(value, name=name, expected=0.8)


def attempt(value: object, *, name: str = "sensibilite") -> None:
    with contextlib.suppress(checks.CheckFailed):
        verify(value, name=name)  # type: ignore[arg-type]


def state(path: Path, name: str = "sensibilite") -> dict:
    """The question's state and attempts (fingerprints of the answers tried left out)."""
    found = json.loads(path.read_text(encoding="utf-8"))["modules"][MODULE]["questions"][name]
    return {key: value for key, value in found.items() if key != "tried"}


def test_each_outcome_is_recorded_with_its_attempts(progress_file: Path) -> None:
    attempt(...)
    assert state(progress_file) == {"state": "todo", "attempts": 0}
    attempt(0.2)
    assert state(progress_file) == {"state": "incorrect", "attempts": 1}
    verify(0.8)
    assert state(progress_file) == {"state": "correct", "attempts": 2}
    attempt(...)  # a fresh copy checked again does not undo what was achieved
    assert state(progress_file) == {"state": "correct", "attempts": 2}
    assert oct(progress_file.stat().st_mode & 0o777) == "0o600"


def test_only_distinct_well_formed_answers_are_attempts(progress_file: Path) -> None:
    """Checking the same wrong answer twice, or a slip of notation, is not trying twice."""
    attempt(0.2)
    attempt(0.2)
    assert state(progress_file) == {"state": "incorrect", "attempts": 1}
    attempt("0,8")  # a text: a slip of notation, its message says how to write it
    attempt((0, 8))  # « 0,8 » typed as Python: two values
    # Not a verdict either (students of 03 and 08: « ✘ à revoir » beside « 0 essai »).
    assert state(progress_file) == {"state": "malformed", "attempts": 1}
    assert not checks.reveal_solution(MODULE, "sensibilite", SOLUTION)[0]
    attempt(0.3)
    assert state(progress_file) == {"state": "incorrect", "attempts": 2}
    verify(0.8)
    verify(0.8)
    assert state(progress_file) == {"state": "correct", "attempts": 3}
    # Fingerprints, never the answers (not a substring test: a timestamp such as
    # 1796460660.383 would contain « 0.3 »).
    leaves = list(_leaves(json.loads(progress_file.read_text(encoding="utf-8"))))
    assert not [leaf for leaf in leaves if isinstance(leaf, float) and leaf in (0.2, 0.3)]
    assert not [
        leaf
        for leaf in leaves
        if isinstance(leaf, str) and any(a in leaf for a in ("0.2", "0.3", "0,2", "0,3"))
    ]


def _leaves(value: object):
    """Every number and text stored, at any depth (keys included)."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from _leaves(item)
    elif isinstance(value, list):
        for item in value:
            yield from _leaves(item)
    else:
        yield value


def test_the_check_still_fails_as_before(progress_file: Path) -> None:
    with pytest.raises(checks.IncorrectAnswer):
        verify(0.2)
    with pytest.raises(checks.NotAttempted):
        verify(...)  # type: ignore[arg-type]
    with pytest.raises(NameError), checks.question(MODULE, "autre"):
        raise NameError("x")
    assert "autre" not in json.loads(progress_file.read_text())["modules"][MODULE]["questions"]


def test_progress_survives_a_new_kernel(
    progress_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    verify(0.8)
    monkeypatch.setattr(_progress, "_memory", {"version": 1, "modules": {}})  # a new kernel
    found = checks.load_progress()["modules"][MODULE]["questions"]["sensibilite"]
    assert found["state"] == "correct"


def test_an_evaluated_session_records_answered_not_correct(progress_file: Path) -> None:
    with checks.question(MODULE, "q", evaluation=True):
        checks.check_form(0.3, name="q", kind="number")
    assert state(progress_file, "q")["state"] == "recorded"


@pytest.mark.parametrize(
    "variable, value", [("NBGRADER_EXECUTION", "autograde"), (checks.PROGRESS_ENV, "off")]
)
def test_nothing_is_written_while_grading_or_when_off(
    progress_file: Path, monkeypatch: pytest.MonkeyPatch, variable: str, value: str
) -> None:
    monkeypatch.setenv(variable, value)
    verify(0.8)
    assert checks.progress_path() is None
    assert not progress_file.exists()


def test_a_corrupt_file_reads_as_empty_and_is_rewritten(progress_file: Path) -> None:
    progress_file.parent.mkdir(parents=True)
    progress_file.write_text("{pas du json", encoding="utf-8")
    assert checks.load_progress()["modules"] == {}
    verify(0.8)
    assert state(progress_file)["state"] == "correct"


def test_unwritable_path_keeps_progress_in_memory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "fichier"
    blocker.write_text("")
    monkeypatch.setenv(checks.PROGRESS_ENV, str(blocker / "progression.json"))  # not a folder
    monkeypatch.delenv("NBGRADER_EXECUTION", raising=False)
    monkeypatch.setattr(_progress, "_memory", {"version": 1, "modules": {}})
    monkeypatch.setattr(_progress, "_warned", [])
    attempt(0.2)
    attempt(0.3)
    err = capsys.readouterr().err
    assert err.count("ne peut pas être enregistrée") == 1  # said once
    found = checks.load_progress()["modules"][MODULE]["questions"]["sensibilite"]
    assert (found["state"], found["attempts"]) == ("incorrect", 2)
    assert checks.reveal_solution(MODULE, "sensibilite", checks.encode_text("x = 1"))[0]


def test_the_solution_opens_only_after_trying(progress_file: Path) -> None:
    shown, text = checks.reveal_solution(MODULE, "sensibilite", SOLUTION)
    assert not shown and "Essayez d'abord" in text and "vp / (vp + fn)" not in text
    attempt(...)  # the untouched placeholder is not an attempt
    attempt(0.2)
    shown, text = checks.reveal_solution(MODULE, "sensibilite", SOLUTION)
    assert not shown and "Vous avez essayé une réponse." in text
    attempt(0.3)
    shown, text = checks.reveal_solution(MODULE, "sensibilite", SOLUTION)
    assert shown and "sensibilite = vp / (vp + fn)" in text
    assert state(progress_file)["solution_seen"] is True


def test_a_correct_answer_opens_the_solution_at_once(progress_file: Path) -> None:
    verify(0.8)
    assert checks.reveal_solution(MODULE, "sensibilite", SOLUTION)[0]
    html = _progress._table_html(MODULE, ["sensibilite"], None, checks.load_progress())
    assert "juste</td>" in html  # solved alone, then compared: no « après la solution »


def test_a_copied_solution_is_marked_as_such(progress_file: Path) -> None:
    attempt(0.2)
    attempt(0.3)
    assert checks.reveal_solution(MODULE, "sensibilite", SOLUTION)[0]
    verify(0.8)
    html = _progress._table_html(MODULE, ["sensibilite"], None, checks.load_progress())
    assert "\u2714 juste (après avoir vu la solution)" in html


def test_the_button_shows_the_solution_when_clicked(progress_file: Path) -> None:
    box = checks.solution_button(MODULE, "sensibilite", SOLUTION)
    button, output = box.children
    assert button.description == "Voir la solution"
    button.click()
    assert "Essayez d'abord" in output.outputs[0]["data"]["text/markdown"]
    attempt(0.2)
    attempt(0.3)
    button.click()
    assert len(output.outputs) == 1
    assert "vp / (vp + fn)" in output.outputs[0]["data"]["text/markdown"]


def test_solutions_are_encoded_not_in_clear() -> None:
    text = "seuil = float(np.quantile(p, 0.05))"
    encoded = checks.encode_text(text)
    assert "seuil" not in encoded and "quantile" not in encoded
    assert checks.decode_text(encoded) == text


def test_time_spent_counts_activity_not_long_pauses(
    progress_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = [1_000_000.0]
    monkeypatch.setattr(_progress.time, "time", lambda: clock[0])
    attempt(0.2)
    clock[0] += 300  # five minutes later
    attempt(0.3)
    clock[0] += 3 * 3600  # the next day, say
    verify(0.8)
    entry = json.loads(progress_file.read_text())["modules"][MODULE]
    assert entry["seconds"] == 300


def test_the_module_table_is_french_and_not_colour_only(progress_file: Path) -> None:
    attempt(0.2)
    verify(0.8, name="q2")
    html = _progress._table_html(
        MODULE, ["sensibilite", "q2", "q3"], 45, checks.load_progress(), reflections=1
    )
    assert "1 juste, 1 à revoir, 1 à faire (sur 3 questions autocorrigées)" in html
    assert "plus 1 réflexion rédigée, non suivie ici" in html
    assert "\u2718 à revoir" in html and "\u2714 juste" in html and "\u2014 à faire" in html
    assert "Durée estimée du module, lecture comprise (un calcul, pas une norme) : 45" in html
    assert "<caption>" in html and "scope='col'" in html
    assert "color" not in html
    # As the module's header: the in-class part, then what comes after the session.
    html = _progress._table_html(
        MODULE, ["sensibilite", "q2", "q3"], 95, checks.load_progress(), 1, in_class=60
    )
    assert "60\u00a0min en séance, puis 35\u00a0min après" in html
    # A slip of notation is shown as such and counted « à faire », not « à revoir ».
    attempt("0,8", name="q3")
    html = _progress._table_html(MODULE, ["sensibilite", "q2", "q3"], 45, checks.load_progress())
    assert "1 juste, 1 à revoir, 1 à faire" in html
    assert "\u2718 mal écrite (ne compte pas comme un essai)" in html


def test_a_partly_right_question_is_to_revise(progress_file: Path) -> None:
    """Partial credit (some items right) is recorded « à revoir », not « juste »."""
    with checks.question(MODULE, "roles"):
        checks.check_choices(
            {"a": "oui", "b": "non", "c": "A"},
            name="roles",
            options=["oui", "non", "A", "B"],
            expected={"a": "oui", "b": "oui", "c": "A"},
            points=2,
        )
    recorded = checks.load_progress()["modules"][MODULE]["questions"]["roles"]
    assert recorded["state"] == "incorrect"


def test_the_course_map_lists_each_module(
    progress_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = []
    monkeypatch.setattr(_progress, "_display", lambda obj, **kw: shown.append(obj.data))
    verify(0.8)
    checks.course_progress(
        {
            MODULE: {
                "title": "Module 01 — Exemple",
                "questions": ["sensibilite", "q2"],
                "minutes": 60,
            },
            "03_autre": {"title": "Module 03 — Autre", "questions": ["a"], "minutes": 50},
        }
    )
    (html,) = shown
    assert "Module 01 — Exemple</th><td>en cours</td><td>1 / 2</td><td>1</td>" in html
    assert "Module 03 — Autre</th><td>pas encore ouvert</td><td>0 / 1</td>" in html
    # One name for one measure: the map's column is what each module's table calls it.
    module_table = _progress._table_html(MODULE, ["sensibilite"], 60, checks.load_progress())
    for page in (html, module_table):
        assert "Temps mesuré entre vos cellules exécutées" in page
    assert "activité" not in html


def test_the_table_updates_after_each_verification(
    progress_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []
    monkeypatch.setattr(_progress, "_display", lambda obj, **kw: calls.append((obj.data, kw)))
    checks.show_progress(MODULE, ["sensibilite"], minutes=30)
    verify(0.8)
    assert calls[0][1] == {"display_id": f"esn-progression-{MODULE}"}
    assert calls[-1][1] == {"display_id": f"esn-progression-{MODULE}", "update": True}
    assert "\u2014 à faire" in calls[0][0] and "\u2714 juste" in calls[-1][0]


def test_the_guide_button_shows_the_marking_guide(progress_file: Path) -> None:
    guide = checks.encode_text("*Guide de correction* : 1 point si le biais est nommé.")
    box = checks.guide_button(MODULE, "reflexion", guide)
    button, output = box.children
    assert button.description == "Voir le guide d'auto-évaluation"
    button.click()
    shown = output.outputs[0]["data"]["text/markdown"]
    assert "Guide d'auto-évaluation" in shown and "1 point si le biais est nommé" in shown
    assert state(progress_file, "reflexion")["guide_seen"] is True


def test_a_cell_that_cannot_judge_keeps_the_question_to_do(progress_file: Path, capsys) -> None:
    """« Non jugée » (a condition of the check unmet) is not « juste »."""
    with checks.question(MODULE, "risque"):
        checks.not_judged("corrigez d'abord la question 2.", name="risque")
    assert "Non jugée (risque) : corrigez d'abord la question 2." in capsys.readouterr().out
    questions = checks.load_progress()["modules"][MODULE]["questions"]
    assert questions["risque"]["state"] == "todo"
    assert not checks.passed("risque")
    with checks.question(MODULE, "risque"):  # judged the next time: recorded as such
        checks.check_number(0.1, name="risque", expected=0.1)
    questions = checks.load_progress()["modules"][MODULE]["questions"]
    assert questions["risque"]["state"] == "correct"


def test_an_evaluated_session_table_gives_no_verdict(progress_file: Path) -> None:
    """Nothing is judged during an evaluated session: its summary counts answered questions and
    questions to do, never « 0 juste, 0 à revoir » (read as a verdict by two students)."""
    module = MODULE + checks.EVALUATED_PROGRESS
    with checks.question(module, "sensibilite", evaluation=True):
        pass
    html = _progress._table_html(module, ["sensibilite", "seuil"], None, checks.load_progress())
    assert "1 répondue, 1 à faire" in html
    assert "juste" not in html.split("(sur")[0] and "à revoir" not in html
