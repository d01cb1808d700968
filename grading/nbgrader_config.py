# nbgrader configuration of the esn-teach course.
#
# This folder is the nbgrader course root. `source/` is generated from
# ../notebooks by `esn-teach build`; `release/`, `submitted/`, `autograded/`,
# `feedback/` and `gradebook.db` are produced by nbgrader. None of them is
# committed. Plain `nbgrader` commands and the formgrader work here too:
#   cd grading && nbgrader generate_assignment 01_evaluer_test_diagnostique
import os

c = get_config()
here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.root = here
c.CourseDirectory.course_id = "esn-teach"
# SQLite gradebook by default. A PostgreSQL server works too (driver psycopg2), e.g.
# "postgresql+psycopg2://user:password@localhost/esn_teach", given here or in the environment
# variable ESN_TEACH_GRADEBOOK_URL (on Kubernetes, from a Secret: deploy/README.md).
c.CourseDirectory.db_url = os.environ.get("ESN_TEACH_GRADEBOOK_URL") or (
    "sqlite:///" + os.path.join(here, "gradebook.db")
)

# The exchange students fetch modules from and submit to, on a hub (deploy/server/):
# nbgrader's default is /srv/nbgrader/exchange.
if os.environ.get("ESN_EXCHANGE_DIR"):
    c.Exchange.root = os.environ["ESN_EXCHANGE_DIR"]

# Time allowed to each cell when nbgrader executes a notebook (seconds).
c.Execute.timeout = 120
c.Execute.interrupt_on_timeout = True

# What students see in place of the solutions (French, and the cell stays
# runnable: the answer cell keeps its "name = ..." placeholder line).
c.ClearSolutions.code_stub = {
    "python": "# VOTRE RÉPONSE : remplacez chaque ... ci-dessus par votre réponse, "
    "puis exécutez la cellule."
}
c.ClearSolutions.text_stub = "VOTRE RÉPONSE ICI (double-cliquez sur cette cellule pour écrire)."

# Feedback in French (also from the formgrader's own button): esn-teach's
# template and preprocessor, which hide hidden tests, tracebacks and the marking guides.
from esn_teach.grading import configure_feedback  # noqa: E402

configure_feedback(c)
