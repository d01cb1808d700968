"""What a self-paced notebook carries for selfgrade is read defensively: anyone may share one."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import pytest
from esn_fixtures import cli

from esn_teach.checks import encode_solution
from esn_teach.course import CourseError, read_self_paced


def carrying(payload: dict) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["esn_teach"] = {
        "mode": "autonome",
        "selfgrade": encode_solution(json.dumps(payload)),
    }
    return notebook


@pytest.mark.parametrize("module", ["../../../tmp/evil", "01_x/../../y", "01_x\n", "évaluer"])
def test_a_module_name_that_is_not_one_is_refused(module, tmp_path: Path, capsys) -> None:
    notebook = carrying({"module": module, "source": "# %%\n", "config": "c = get_config()\n"})
    with pytest.raises(CourseError, match="abîmées"):
        read_self_paced(notebook)
    path = tmp_path / "partage.ipynb"
    nbformat.write(notebook, path)
    assert cli(tmp_path, "selfgrade", str(path)) == 2
    assert "nom de module invalide" in capsys.readouterr().err
    assert not list(Path("/tmp").glob("evil*"))


def test_a_damaged_payload_is_refused_in_french() -> None:
    notebook = carrying({"module": "01_x"})
    with pytest.raises(CourseError, match="champs manquants"):
        read_self_paced(notebook)
    notebook.metadata["esn_teach"]["selfgrade"] = "pas du base64"
    with pytest.raises(CourseError, match="récupérez une copie neuve"):
        read_self_paced(notebook)
