"""The course on a JupyterHub: Moodle login (LTI 1.3), one account per person, limits.

`LTIAuthenticator` logs people in from the course's Moodle and puts them in the ``instructors``
or ``students`` group; `CourseAuthenticator` adds local accounts for remote learners, approved by
an instructor. `CourseSpawner` starts each person's JupyterLab as their own Unix account, with a
private home, per-user memory and CPU limits (`UserLimits`) and their issued credentials copied
into ``~/Certificats`` (`deliver_credentials`). ``deploy/server/`` holds the hub's configuration
(``make hub``).
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
from ._credentials import (
    CREDENTIALS_FOLDER,
    README_FILE,
    CredentialDelivery,
    deliver_credentials,
)
from ._kernel import MEMORY_NOTICE, memory_notice
from ._limits import CgroupError, UserLimits, cgroup_version, memory_limit, oom_kills
from ._local import (
    APPROVAL_SCOPE,
    LOCAL_PREFIX,
    CourseAuthenticator,
    LocalNameError,
    local_username,
)
from ._settings import LOCAL_SIGNUP_MODES, HubSettings, HubSettingsError, hub_settings
from ._spawner import CourseSpawner, ensure_account, reserve_port, runtime_dir

__all__ = [
    "APPROVAL_SCOPE",
    "COURSE_ID",
    "COURSE_SERVICE",
    "CREDENTIALS_FOLDER",
    "GRADER_ACCOUNT",
    "INSTRUCTORS_GROUP",
    "INSTRUCTOR_ROLES",
    "LEARNER_ROLES",
    "LOCAL_PREFIX",
    "LOCAL_SIGNUP_MODES",
    "MEMORY_NOTICE",
    "README_FILE",
    "STUDENTS_GROUP",
    "CgroupError",
    "CourseAuthenticator",
    "CourseSpawner",
    "CredentialDelivery",
    "HubSettings",
    "HubSettingsError",
    "LTIAuthenticator",
    "LocalNameError",
    "UserLimits",
    "cgroup_version",
    "course_groups",
    "deliver_credentials",
    "ensure_account",
    "hub_settings",
    "local_username",
    "memory_limit",
    "memory_notice",
    "oom_kills",
    "prepare_course",
    "reserve_port",
    "runtime_dir",
    "student_nbgrader_config",
    "unix_username",
]
