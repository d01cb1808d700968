"""What a self-paced notebook carries for selfgrade is read defensively: anyone may share one.

It carries data, never code: a crafted notebook must not run anything on the
learner's machine when they self-grade it, and is refused in French.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from esn_fixtures import MODULE_NAMES, NOTEBOOKS, REPO, cli, make_course
from traitlets.config import Config

from esn_teach.checks import encode_text
from esn_teach.course import (
    Course,
    CourseError,
    SelfGradeSettings,
    SelfPacedPayload,
    read_self_paced,
)
from esn_teach.grading._feedback import feedback_is_configured
from esn_teach.grading._selfgrade import _config_text


def carrying(payload: dict) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["esn_teach"] = {
        "mode": "autonome",
        "selfgrade": encode_text(json.dumps(payload)),
    }
    return notebook


def course_settings() -> dict:
    """The settings of the project's own course, as a release writes them."""
    course = Course(REPO / "grading", NOTEBOOKS)
    return SelfGradeSettings.from_config(course.config(), course_id=course.course_id).to_data()


def genuine(**settings: object) -> dict:
    """A well-formed payload of a real module, with some settings replaced."""
    module = MODULE_NAMES[0]
    source = (NOTEBOOKS / f"{module}.py").read_text(encoding="utf-8")
    return {"module": module, "source": source, "settings": course_settings() | settings}


def refused(notebook: nbformat.NotebookNode, tmp_path: Path, capsys) -> str:
    """Self-grade ``notebook`` through the CLI; require a refusal and return its message."""
    path = tmp_path / "partage.ipynb"
    nbformat.write(notebook, path)
    assert cli(tmp_path, "selfgrade", str(path)) == 2
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    assert "Note des questions" not in captured.out  # nothing graded
    return captured.err


def test_the_settings_are_read_from_the_course_configuration() -> None:
    course = Course(REPO / "grading", NOTEBOOKS)
    config = course.config()
    settings = SelfGradeSettings.from_config(config, course_id=course.course_id)
    assert settings.timeout == config.Execute.timeout == 120
    assert settings.text_stub == config.ClearSolutions.text_stub
    assert dict(settings.code_stub) == config.ClearSolutions.code_stub
    assert settings.course_id == "esn-teach"
    assert SelfGradeSettings.from_data(json.loads(json.dumps(settings.to_data()))) == settings


@pytest.mark.parametrize("timeout", [0, 7200, None])
def test_a_release_refuses_a_configuration_it_cannot_carry(timeout) -> None:
    config = Config()
    config.Execute.timeout = timeout
    with pytest.raises(CourseError, match=r"nbgrader_config\.py.*« timeout ».*Execute\.timeout"):
        SelfGradeSettings.from_config(config, course_id="esn-teach")


def test_release_autonome_refuses_a_timeout_it_cannot_carry(tmp_path: Path, capsys) -> None:
    root = make_course(tmp_path / "grading")
    with (root / "nbgrader_config.py").open("a", encoding="utf-8") as config:
        config.write("c.Execute.timeout = 7200\n")
    assert cli(root, "release", "--autonome") == 2
    message = capsys.readouterr().err
    assert "ne convient pas à une publication en autonomie" in message
    assert "7200 s, alors qu'il doit être compris entre 1 et 3\u00a0600 secondes" in message
    assert not (root / "release").exists()


def test_a_genuine_payload_is_read() -> None:
    payload = read_self_paced(carrying(genuine()))
    assert isinstance(payload, SelfPacedPayload)
    assert payload.module == MODULE_NAMES[0]
    assert payload.settings.to_data() == course_settings()


@pytest.mark.parametrize("module", ["../../../tmp/evil", "01_x/../../y", "01_x\n", "évaluer"])
def test_a_module_name_that_is_not_one_is_refused(module, tmp_path: Path, capsys) -> None:
    notebook = carrying(genuine() | {"module": module})
    with pytest.raises(CourseError, match="abîmées"):
        read_self_paced(notebook)
    assert "nom de module invalide" in refused(notebook, tmp_path, capsys)
    assert not list(Path("/tmp").glob("evil*"))


def test_a_damaged_payload_is_refused_in_french() -> None:
    notebook = carrying({"module": "01_x"})
    with pytest.raises(CourseError, match="champs manquants"):
        read_self_paced(notebook)
    notebook.metadata["esn_teach"]["selfgrade"] = "pas du base64"
    with pytest.raises(CourseError, match="récupérez une copie neuve"):
        read_self_paced(notebook)
    with pytest.raises(CourseError, match="champ inconnu : programme"):
        read_self_paced(carrying(genuine() | {"programme": "print(1)"}))


def test_an_old_copy_carrying_a_configuration_program_is_never_run(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The former format carried nbgrader_config.py as text; selfgrade executed it."""
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "pirate.txt"
    config = (REPO / "grading" / "nbgrader_config.py").read_text(encoding="utf-8")
    config += f"\nopen({str(marker)!r}, 'w').close()\n"
    old = genuine()
    del old["settings"]
    notebook = carrying(old | {"config": config})
    with pytest.raises(CourseError, match="ancienne version"):
        read_self_paced(notebook)
    message = refused(notebook, tmp_path, capsys)
    assert "ancienne version de la publication en autonomie" in message
    assert "téléchargez une nouvelle copie du module depuis le cours" in message
    assert not marker.exists()


def test_a_setting_of_the_wrong_type_is_refused_and_never_run(
    tmp_path: Path, capsys, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "pirate.txt"
    timeout = f"open({str(marker)!r}, 'w').close() or 120"  # text where seconds are expected
    notebook = carrying(genuine(timeout=timeout))
    message = refused(notebook, tmp_path, capsys)
    assert "partage.ipynb" in message and "abîmées" in message
    assert (
        "réglage « timeout » invalide : un nombre entier de secondes est attendu, pas une "
        "chaîne de caractères" in message
    )
    assert not marker.exists()


@pytest.mark.parametrize(
    ("settings", "problem"),
    [
        ({"timeout": 0}, "« timeout » invalide : 0 s"),
        ({"timeout": -5}, "« timeout » invalide : -5 s"),
        ({"timeout": 3601}, "entre 1 et 3\u00a0600 secondes"),
        ({"timeout": 12.5}, "pas un nombre décimal"),
        ({"timeout": True}, "pas un booléen"),
        ({"text_stub": 3}, "« text_stub » invalide : un texte est attendu"),
        ({"text_stub": "x" * 1001}, "1\u00a0001 caractères, au plus 1\u00a0000"),
        ({"code_stub": {"python": ["..."]}}, "« code_stub['python'] » invalide"),
        ({"code_stub": "# ..."}, "« code_stub » invalide : un dictionnaire"),
        ({"code_stub": {"py thon/..": "# ..."}}, "langage 'py thon/..'"),
        ({"course_id": "../../ailleurs"}, "« course_id » invalide"),
        ({"course_id": 7}, "« course_id » invalide"),
        ({"importer": "os"}, "réglage inconnu : importer"),
    ],
)
def test_an_absurd_setting_is_refused(settings: dict, problem: str) -> None:
    with pytest.raises(CourseError, match="abîmées") as refusal:
        read_self_paced(carrying(genuine(**settings)))
    assert problem in str(refusal.value)


def test_a_missing_setting_is_refused() -> None:
    payload = genuine()
    del payload["settings"]["text_stub"]
    with pytest.raises(CourseError, match="réglage manquant : text_stub"):
        read_self_paced(carrying(payload))


def test_the_temporary_configuration_holds_literals_only(tmp_path: Path) -> None:
    """Hostile but well-typed stubs end up as text in the course, never as code."""
    marker = tmp_path / "pirate.txt"
    attack = f"'\"\"\"\nopen({str(marker)!r}, 'w').close()\n#"
    settings = SelfGradeSettings.from_data(
        course_settings() | {"code_stub": {"python": attack}, "text_stub": attack + "\\"}
    )
    root = tmp_path / "cours"
    root.mkdir()
    (root / "nbgrader_config.py").write_text(_config_text(root, settings), encoding="utf-8")
    config = Course(root, NOTEBOOKS).config()
    assert not marker.exists()
    assert config.ClearSolutions.code_stub == {"python": attack}
    assert config.ClearSolutions.text_stub == attack + "\\"
    assert config.Execute.timeout == settings.timeout
    assert config.CourseDirectory.course_id == settings.course_id
    assert config.CourseDirectory.db_url == f"sqlite:///{root / 'gradebook.db'}"
    assert feedback_is_configured(config)  # the feedback configuration is kept
