"""esn_teach: the helper library of the esn-teach course kit.

Subpackages (imported on demand, to keep ``import esn_teach`` light):

- :mod:`esn_teach.checks` — checks for nbgrader test cells, French messages;
- :mod:`esn_teach.evaluation` — diagnostic-test metrics on scikit-learn;
- :mod:`esn_teach.datasets` — calibrated synthetic cohorts and the real data shipped
  with the package, each with its data card (the repository's top-level ``datasets/``
  folder is only the French index of those cards);
- :mod:`esn_teach.privacy` — re-identification measures and generalisation;
- :mod:`esn_teach.law` — French and EU health-data law as dated data;
- :mod:`esn_teach.generative` — a small word n-gram language model trained in the notebook
  (next-word probabilities, temperature, sampling) and the audit of the doses it invents;
- :mod:`esn_teach.plotting` — accessible plotting defaults;
- :mod:`esn_teach.explorers` — ipywidgets explorers used in the modules;
- :mod:`esn_teach.course` — module sources, build, release and the nbgrader course layout;
- :mod:`esn_teach.grading` — autograding, feedback, reports and grade export (depends on
  :mod:`esn_teach.course`, never the reverse; the repository's top-level ``grading/``
  folder is the nbgrader course it works on);
- :mod:`esn_teach.certificates` — verifiable micro-certificates (Open Badges 3.0, VC-JWT)
  issued from the gradebook (depends on :mod:`esn_teach.grading`);
- :mod:`esn_teach.assignments` — the students' « Mes devoirs » page, a Jupyter server
  extension over nbgrader's exchange (fetch, hand in, feedback, in French; depends on
  :mod:`esn_teach.course`; :mod:`esn_teach.grading` writes the due dates it shows);
- :mod:`esn_teach.hub` — the course on a JupyterHub: Moodle login (LTI 1.3), one Unix account
  and memory/CPU limits per person, the grader account and nbgrader exchange (needs the
  ``hub`` extra; ``deploy/server/`` holds the hub's configuration).

The ``esn-teach`` command (:mod:`esn_teach.cli`) calls these subpackages.
"""

from importlib.metadata import PackageNotFoundError, version

from esn_teach._formatting import fr_number, fr_percent, fr_table

__all__ = ["__version__", "fr_number", "fr_percent", "fr_table"]

try:
    __version__ = version("esn-teach")  # one place: pyproject.toml
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = "0+inconnue"
