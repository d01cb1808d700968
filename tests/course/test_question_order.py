"""Questions are numbered in the order students meet them (the progress table lists them so)."""

from __future__ import annotations

import re

import pytest
from esn_fixtures import MODULE_PATHS

from esn_teach.course import read_module
from esn_teach.course._outline import question_titles

NUMBER = re.compile(r"^Question (\d+)([a-z]?)\b")


@pytest.mark.parametrize("path", MODULE_PATHS, ids=lambda p: p.stem)
def test_question_numbers_follow_the_module(path):
    titles = list(question_titles(read_module(path).notebook).values())
    numbers = []
    for title in titles:
        found = NUMBER.match(title)
        assert found, f"{path.name} : question sans numéro ({title!r})"
        numbers.append((int(found[1]), found[2]))
    assert numbers == sorted(numbers), f"{path.name} : questions dans le désordre : {titles}"
    assert sorted({n for n, _ in numbers}) == list(range(1, len({n for n, _ in numbers}) + 1))
