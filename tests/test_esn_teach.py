"""The top-level package: its version and its map of subpackages."""

from __future__ import annotations

import pkgutil
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
