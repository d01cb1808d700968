"""The course on the hub: a grader account, the course folder, the nbgrader exchange.

nbgrader's documented set-up for several instructors on one JupyterHub: the course belongs to a
grader account, whose JupyterLab (with the formgrader) runs as a hub service that the
``instructors`` group may open; students and instructors trade notebooks through the exchange.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

from ._spawner import ensure_account

__all__ = [
    "COURSE_ID",
    "COURSE_SERVICE",
    "GRADER_ACCOUNT",
    "prepare_course",
    "student_nbgrader_config",
]

COURSE_ID = "esn-teach"
GRADER_ACCOUNT = "grader-esn-teach"
COURSE_SERVICE = "cours-esn-teach"


def _chown_tree(path: Path, uid: int, gid: int) -> None:
    os.chown(path, uid, gid)
    for child in path.rglob("*"):
        os.lchown(child, uid, gid)


def prepare_course(
    project: Path, course_dir: Path, exchange_dir: Path, *, grader: str = GRADER_ACCOUNT
) -> Path:
    """Create the grader account, the course folder and the exchange, if missing.

    The course folder starts as a copy of the project's module sources (``notebooks/``) and
    nbgrader configuration (``grading/nbgrader_config.py``); instructors then work in it from
    the course service (build, release, grade). An existing course folder is left as it is, so
    a hub restart never overwrites their work. The exchange belongs to root (mode 1777, as
    nbgrader requires, with the sticky bit); its course folder belongs to the grader account,
    which creates ``outbound`` (readable by all), ``inbound`` (students may drop copies in it
    but not list or read it) and ``feedback`` at the first release, with nbgrader's own
    permissions.

    Parameters
    ----------
    project : Path
        The esn-teach project (source of the course's first copy).
    course_dir : Path
        The course folder (``notebooks/`` and ``grading/``), private to the grader account.
    exchange_dir : Path
        nbgrader's exchange root.
    grader : str, default "grader-esn-teach"
        The Unix account that owns the course.

    Returns
    -------
    Path
        The nbgrader course root (``course_dir / "grading"``).
    """
    account = ensure_account(grader)
    if not (course_dir / "grading").is_dir():
        course_dir.mkdir(parents=True, exist_ok=True)
        shutil.copytree(project / "notebooks", course_dir / "notebooks", dirs_exist_ok=True)
        (course_dir / "grading").mkdir(exist_ok=True)
        shutil.copy2(project / "grading/nbgrader_config.py", course_dir / "grading")
        # The course service's JupyterLab opens on course_dir: nbgrader (formgrader, commands
        # run from there) finds the course through this file.
        (course_dir / "nbgrader_config.py").write_text(
            "# The nbgrader course is in grading/ (its nbgrader_config.py sets the root).\n"
            "load_subconfig('grading/nbgrader_config.py')  # noqa: F821\n"
        )
        _chown_tree(course_dir, account.pw_uid, account.pw_gid)
    os.chmod(course_dir, 0o700)
    exchange_dir.mkdir(parents=True, exist_ok=True)
    # nbgrader requires its exchange root to be writable by all (mode 777); the sticky bit
    # keeps anyone from removing or replacing what they do not own, such as the course's folder
    # created here before a student could create it.
    os.chown(exchange_dir, 0, 0)
    os.chmod(exchange_dir, 0o1777)
    course_exchange = exchange_dir / COURSE_ID
    course_exchange.mkdir(exist_ok=True)
    os.chown(course_exchange, account.pw_uid, account.pw_gid)
    os.chmod(course_exchange, 0o755)
    return course_dir / "grading"


def student_nbgrader_config(config_dir: Path, exchange_dir: Path) -> Path:
    """Write the students' ``nbgrader_config.py``: the course and the exchange to use."""
    path = config_dir / "nbgrader_config.py"
    path.write_text(
        "# Written by the hub (esn_teach.hub): the course students fetch and submit to.\n"
        "c = get_config()  # noqa: F821\n"
        f"c.CourseDirectory.course_id = {COURSE_ID!r}\n"
        f"c.Exchange.root = {str(exchange_dir)!r}\n"
    )
    path.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    return path
