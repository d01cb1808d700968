"""JupyterHub configuration of the course on one Linux server (``make hub``)."""

#
# Settings come from environment variables (see deploy/server/README.md, in French):
#   ESN_HUB_DIR          state of the hub (database, secrets), default /srv/esn-teach/hub
#   ESN_HUB_URL          public address the proxy listens on, default http://127.0.0.1:8000
#   ESN_HUB_API_PORT     port of the hub's own API on 127.0.0.1, default 8081
#   ESN_LTI_ISSUER, ESN_LTI_CLIENT_ID, ESN_LTI_AUTHORIZE_URL, ESN_LTI_JWKS_URL
#                        the Moodle platform's LTI 1.3 details (required)
#   ESN_MEM_LIMIT        memory per person, default 1G; ESN_CPU_LIMIT cores per person, default 1
#   ESN_IDLE_TIMEOUT     seconds before an idle server is stopped, default 3600
#   ESN_IDLE_CHECK_EVERY seconds between two checks for idle servers (and activity reports),
#                        default ESN_IDLE_TIMEOUT / 12, between 5 and 300
#   ESN_LOCAL_SIGNUP     local accounts for remote learners: approbation (default), ouvert, non
#   ESN_COURSE_DIR       the course (grader account's), default /srv/esn-teach/cours
#   ESN_EXCHANGE_DIR     nbgrader's exchange, default /srv/nbgrader/exchange
#   ESN_COURSE_SERVICE_PORT  port of the instructors' course service on 127.0.0.1, default 8082
#   ESN_GRADER_ACCOUNT   the Unix account that owns the course, default grader-esn-teach
import hashlib
import os
import secrets
import shutil
import sys
from pathlib import Path

from esn_teach.hub import (
    APPROVAL_SCOPE,
    COURSE_SERVICE,
    INSTRUCTORS_GROUP,
    CourseAuthenticator,
    CourseSpawner,
    HubSettingsError,
    ensure_account,
    hub_settings,
    prepare_course,
    runtime_dir,
    student_nbgrader_config,
)

c = get_config()  # noqa: F821 - provided by JupyterHub when it reads this file

try:
    settings = hub_settings(os.environ)
except HubSettingsError as error:
    print(error, file=sys.stderr)
    sys.exit(2)
project = Path(__file__).resolve().parents[2]
venv_bin = Path(sys.executable).parent
state = settings.state_dir
state.mkdir(parents=True, exist_ok=True, mode=0o700)
# Students' Jupyter settings, where every account can read them (the project may not be).
# One folder per hub (its state folder's digest): two hubs from the same venv (a test suite, a
# pilot beside production) never read each other's exchange from this shared place.
hub_key = hashlib.sha256(str(state.resolve()).encode()).hexdigest()[:12]
student_config = Path(sys.prefix) / f"etc/esn-teach/hub-{hub_key}/jupyter-etudiant"
shutil.copytree(project / "etc/jupyter-etudiant", student_config, dirs_exist_ok=True)
student_nbgrader_config(student_config, settings.exchange_dir)
for path in [student_config.parent, student_config, *student_config.rglob("*")]:
    path.chmod(0o755 if path.is_dir() else 0o644)
# Every kernel of a hub user says, in French, when the memory limit stopped the previous one.
ipython_config = Path(sys.prefix) / "etc/ipython"
ipython_config.mkdir(parents=True, exist_ok=True)
(ipython_config / "ipython_kernel_config.py").write_text(
    "# Written by the hub (deploy/server/jupyterhub_config.py).\n"
    "c = get_config()  # noqa: F821\n"
    "c.InteractiveShellApp.extensions = ['esn_teach.hub._kernel']\n"
)
for path in (ipython_config, *ipython_config.iterdir()):
    path.chmod(0o755 if path.is_dir() else 0o644)
# The course, owned by the grader account, and the nbgrader exchange.
course_root = prepare_course(
    project, settings.course_dir, settings.exchange_dir, grader=settings.grader_account
)

# The hub and its proxy: public address, API on loopback, state in ESN_HUB_DIR.
c.JupyterHub.bind_url = settings.public_url
c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{settings.api_port}"
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")
c.ConfigurableHTTPProxy.command = [
    str(project / "deploy/server/node_modules/.bin/configurable-http-proxy")
]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.template_paths = [str(settings.templates_dir)]

# Login from Moodle (LTI 1.3): whoever the course launches with a course role may enter.
# Remote learners outside Moodle sign up for a local account (libre-...), which an instructor
# approves on /hub/authorize (ESN_LOCAL_SIGNUP); approved, they log in with a password.
c.JupyterHub.authenticator_class = CourseAuthenticator
c.CourseAuthenticator.local_signup = settings.local_signup
c.LTI13Authenticator.issuer = settings.lti_issuer
c.LTI13Authenticator.client_id = set(settings.lti_client_ids)
c.LTI13Authenticator.authorize_url = settings.lti_authorize_url
c.LTI13Authenticator.jwks_endpoint = settings.lti_jwks_url
c.LTI13Authenticator.tool_name = "Cours IA et santé (École de santé numérique)"
c.LTI13Authenticator.tool_description = "Les carnets du cours, dans JupyterLab."
c.Authenticator.allow_all = True
c.Authenticator.enable_auth_state = True
crypt_key = state / "crypt_key"
if not crypt_key.exists():
    crypt_key.write_text(secrets.token_hex(32))
    crypt_key.chmod(0o600)
c.CryptKeeper.keys = [crypt_key.read_text().strip()]

# One Unix account per person, private home, memory and CPU capped per person.
c.JupyterHub.spawner_class = CourseSpawner
c.Spawner.cmd = [str(venv_bin / "jupyterhub-singleuser")]
c.Spawner.default_url = "/lab"
# Kernels talk to their server over Unix sockets in the user's private runtime folder, not TCP
# ports on 127.0.0.1: no other account can reach them, and a class starting 30 kernels in the
# same seconds cannot be given the same port twice (jupyter_client binds port 0 and releases it).
KERNEL_TRANSPORT = "--KernelManager.transport=ipc"
c.Spawner.args = [KERNEL_TRANSPORT]
c.Spawner.mem_limit = settings.mem_limit
c.Spawner.cpu_limit = settings.cpu_limit
c.Spawner.environment = {"PATH": f"{venv_bin}:/usr/local/bin:/usr/bin:/bin"}
c.CourseSpawner.student_config_path = str(student_config)
c.CourseSpawner.course_root = str(course_root)  # issued credentials go to ~/Certificats
# A whole class logs in at the start of a session: on a small server thirty JupyterLab servers
# starting together can take a minute or two to answer. Wait as long as Zero to JupyterHub
# does by default (300 s) before giving up on a student's server.
c.Spawner.http_timeout = 300
c.Spawner.start_timeout = 300

# Idle servers are stopped (their files stay): jupyterhub-idle-culler as a hub service. It
# checks every ESN_IDLE_CHECK_EVERY seconds; servers and the proxy report activity to the hub
# as often, so a server in use is never seen idle for longer than that.
c.JupyterHub.last_activity_interval = settings.idle_check_every
c.CourseSpawner.activity_interval = settings.idle_check_every
# The course (formgrader, terminal for esn-teach) runs as the grader account, as a hub service
# that the instructors group may open (nbgrader's set-up for several instructors).
c.JupyterHub.services = [
    {
        "name": "idle-culler",
        "command": [
            sys.executable,
            "-m",
            "jupyterhub_idle_culler",
            f"--timeout={settings.idle_timeout}",
            f"--cull-every={settings.idle_check_every}",
        ],
    },
    {
        "name": COURSE_SERVICE,
        "url": f"http://127.0.0.1:{settings.course_service_port}",
        "display": True,
        "oauth_no_confirm": True,
        "user": settings.grader_account,
        "cwd": str(settings.course_dir),
        "command": [str(venv_bin / "jupyterhub-singleuser"), KERNEL_TRANSPORT],
        "environment": {
            "PATH": f"{venv_bin}:/usr/local/bin:/usr/bin:/bin",
            "HOME": str(Path("/home") / settings.grader_account),
            "JUPYTERHUB_DEFAULT_URL": "/lab",
            "ESN_TEACH_COURSE": str(course_root),
            "ESN_TEACH_NOTEBOOKS": str(settings.course_dir / "notebooks"),
            "ESN_EXCHANGE_DIR": str(settings.exchange_dir),
            "JUPYTER_RUNTIME_DIR": str(runtime_dir(ensure_account(settings.grader_account))),
        },
    },
]
c.JupyterHub.custom_scopes = {
    APPROVAL_SCOPE: {
        "description": "Approuver, refuser les comptes locaux et changer leur mot de passe."
    }
}
c.JupyterHub.load_roles = [
    {
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    },
    {
        "name": "course-instructors",
        "scopes": [f"access:services!service={COURSE_SERVICE}", APPROVAL_SCOPE],
        "groups": [INSTRUCTORS_GROUP],
    },
]
