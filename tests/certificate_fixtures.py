"""A small graded gradebook (nbgrader's API, no notebook executed) and issuer keys.

Modules 03 and 06 of the real course, each with two autograded test cells
(5 points each) and one written reflection (3 points). Learners:

- ``alice``: 100 % and 80 %, reflections graded → certified;
- ``bruno``: 100 % and 60 % in module 06 → below the criteria;
- ``chloe``: 100 % and 100 %, but her module 06 reflection waits for grading;
- ``david``: like alice, but no e-mail in the gradebook;
- ``emma``: like alice, but a module 03 question is « À examiner » without a grade;
- ``farid``: like alice, but his module 03 reflection was left blank (nbgrader scored 0).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from esn_fixtures import NOTEBOOKS, make_course
from nbgrader.api import Gradebook

from esn_teach.course import Course
from esn_teach.grading._outcomes import SubmissionOutcome, SubmissionResult, write_results
from esn_teach.grading._runner import results_path

MODULES = ("03_cout_et_besoin", "06_mesurer_equite")
EMAILS = {
    "alice": "Alice.Martin@example.org",
    "bruno": "bruno.petit@example.org",
    "chloe": "chloe.durand@example.org",
    "emma": "emma.leroy@example.org",
    "farid": "farid.benali@example.org",
}
ISSUER = "https://ecole.example.org/sante-numerique"

DECLARATION = f"""
[emetteur]
nom = "École de santé numérique — Université de Montpellier"
id = "{ISSUER}"
courriel = "contact@ecole.example.org"
verification = "{ISSUER}/certificats"

[certificats.ethique-test]
nom = "Attestation — Éthique et données de santé"
description = "Atteste la réussite des modules 03 et 06."
validite_annees = 2

[[certificats.ethique-test.modules]]
module = "03"
autocorrige_min = 70
reflexion_notee = true

[[certificats.ethique-test.modules]]
module = "06"
autocorrige_min = 70
reflexion_notee = true

[[certificats.ethique-test.competences]]
nom = "V4 — Prudence, esprit critique et inclusivité"
referentiel = "Valeurs de l'École de santé numérique"
code = "V4"
url = "{ISSUER}/valeurs#V4"
"""


@dataclass
class GradedBook:
    root: Path
    course: Course
    declaration: Path


def _grade(book: Gradebook, module: str, student: str, cell: str, **values: object) -> None:
    grade = book.find_grade(cell, module, module, student)
    for key, value in values.items():
        setattr(grade, key, value)


def make_gradebook(base: Path) -> GradedBook:
    root = make_course(base / "grading")
    course = Course(root, NOTEBOOKS)
    declaration = base / "certificats.toml"
    declaration.write_text(DECLARATION, encoding="utf-8")
    with Gradebook(course.db_url, course.course_id) as book:
        for module in MODULES:
            book.add_assignment(module)
            book.add_notebook(module, module)
            for cell in ("q1", "q2"):
                book.add_grade_cell(cell, module, module, max_score=5, cell_type="code")
            book.add_grade_cell("reflexion", module, module, max_score=3, cell_type="markdown")
        for student in ("alice", "bruno", "chloe", "david", "emma", "farid"):
            book.add_student(
                student,
                first_name=student.capitalize(),
                last_name="Test",
                email=EMAILS.get(student),
            )
            for module in MODULES:
                book.add_submission(module, student)
                second = 5.0
                if module == MODULES[1] and student == "alice":
                    second = 3.0  # 80 %
                if module == MODULES[1] and student == "bruno":
                    second = 1.0  # 60 %
                _grade(book, module, student, "q1", auto_score=5.0, needs_manual_grade=False)
                _grade(book, module, student, "q2", auto_score=second, needs_manual_grade=False)
                if student == "chloe" and module == MODULES[1]:
                    _grade(book, module, student, "reflexion", needs_manual_grade=True)
                elif student == "farid" and module == MODULES[0]:
                    _grade(
                        book, module, student, "reflexion", auto_score=0.0, needs_manual_grade=False
                    )
                else:
                    _grade(
                        book,
                        module,
                        student,
                        "reflexion",
                        manual_score=2.0,
                        needs_manual_grade=False,
                    )
                if student == "emma" and module == MODULES[0]:
                    _grade(book, module, student, "q2", auto_score=0.0)
        book.db.commit()
    write_results(
        results_path(root, MODULES[0]),
        [
            SubmissionResult("emma", MODULES[0], SubmissionOutcome.TAMPERED, to_examine=["q2"]),
        ],
    )
    return GradedBook(root, course, declaration)
