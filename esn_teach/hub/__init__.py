"""The course on a JupyterHub: Moodle login (LTI 1.3), one account per person, limits.

`LTIAuthenticator` logs people in from the course's Moodle and puts them in the ``instructors``
or ``students`` group; `CourseSpawner` starts each person's JupyterLab as their own Unix account,
with a private home and per-user memory and CPU limits (`UserLimits`). ``deploy/server/`` holds the
hub's configuration (``make hub``).
"""

from ._auth import (
    INSTRUCTOR_ROLES,
    INSTRUCTORS_GROUP,
    LEARNER_ROLES,
    STUDENTS_GROUP,
    LTIAuthenticator,
    course_groups,
    unix_username,
)
from ._course import (
    COURSE_ID,
    COURSE_SERVICE,
    GRADER_ACCOUNT,
    prepare_course,
    student_nbgrader_config,
)
from ._kernel import MEMORY_NOTICE, memory_notice
from ._limits import CgroupError, UserLimits, cgroup_version, memory_limit, oom_kills
from ._settings import HubSettings, HubSettingsError, hub_settings
from ._spawner import CourseSpawner, ensure_account, reserve_port, runtime_dir

__all__ = [
    "COURSE_ID",
    "COURSE_SERVICE",
    "GRADER_ACCOUNT",
    "INSTRUCTORS_GROUP",
    "INSTRUCTOR_ROLES",
    "LEARNER_ROLES",
    "MEMORY_NOTICE",
    "STUDENTS_GROUP",
    "CgroupError",
    "CourseSpawner",
    "HubSettings",
    "HubSettingsError",
    "LTIAuthenticator",
    "UserLimits",
    "cgroup_version",
    "course_groups",
    "ensure_account",
    "hub_settings",
    "memory_limit",
    "memory_notice",
    "oom_kills",
    "prepare_course",
    "reserve_port",
    "runtime_dir",
    "student_nbgrader_config",
    "unix_username",
]
