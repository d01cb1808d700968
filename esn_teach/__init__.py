"""esn_teach: the helper library of the esn-teach course kit.

Subpackages (imported on demand, to keep ``import esn_teach`` light):

- :mod:`esn_teach.checks` — checks for nbgrader test cells, French messages;
- :mod:`esn_teach.evaluation` — diagnostic-test metrics on scikit-learn;
- :mod:`esn_teach.plotting` — accessible plotting defaults;
- :mod:`esn_teach.explorers` — ipywidgets explorers used in the modules;
- :mod:`esn_teach.course` — the nbgrader pipeline behind the ``esn-teach`` CLI.
"""

from esn_teach._formatting import fr_number, fr_percent

__all__ = ["__version__", "fr_number", "fr_percent"]

__version__ = "0.1.0"
