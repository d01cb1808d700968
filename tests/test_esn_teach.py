"""The top-level package: its version and its map of subpackages."""

from __future__ import annotations

import pkgutil
import re
import tomllib
from pathlib import Path

import esn_teach

ROOT = Path(__file__).resolve().parents[1]


def test_version_is_the_one_in_pyproject():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert esn_teach.__version__ == pyproject["project"]["version"]


def test_every_subpackage_is_on_the_map():
    subpackages = {info.name for info in pkgutil.iter_modules(esn_teach.__path__) if info.ispkg}
    assert len(subpackages) >= 9
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `esn_teach/` |"))
    for name in subpackages:
        assert f":mod:`esn_teach.{name}`" in (esn_teach.__doc__ or ""), name
        assert f"`{name}`" in row, name


def test_readme_states_module_01s_real_scale() -> None:
    """The Moodle-import instructions give module 01's total: a wrong one would misscale grades."""
    from esn_teach.course import read_module

    module = read_module(ROOT / "notebooks" / "01_evaluer_test_diagnostique.py")
    total = module.autograded_points + sum(module.written.values())
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    stated = re.search(r"barème du module \((\d+) points pour le module 01\)", readme)
    assert stated, "README.md ne donne plus le barème du module 01"
    assert int(stated.group(1)) == total
