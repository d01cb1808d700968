"""French and EU health-data law as data, for module 10 (may I sell, share, reuse?).

- :data:`REFERENCES` — the provisions quoted (RGPD, code de la santé publique, loi
  Informatique et Libertés, HDS order), each with text, article, date and URL;
- :data:`CNIL_DECISIONS` — real CNIL sanctions in health (number, date, amount,
  facts), only those checked at a primary or official source; :data:`PRINCIPLES`,
  the principles module 10 asks students to match them with (the answer key is
  not in the package);
- :data:`SCENARIOS` — scenario cards from French health practice, each walked
  through the five :data:`LEGAL_QUESTIONS` to a verdict among :data:`VERDICTS`;
- :func:`load_scenarios` — cards kept outside the package (those module 10's
  graded questions ask about, in the course repository), checked like the
  packaged ones;
- :data:`LEGAL_FACTS_LAST_CHECKED` — the one date on which all of this was last checked;
- :data:`AI_ACT_QUESTIONS`, :data:`AI_ACT_OBLIGATIONS`, :data:`AI_SYSTEMS` and
  :func:`classify_ai_system` — module 13's AI Act classification path (prohibited?
  medical device? MDR class? Annex III use? talks to people?), the obligations that
  follow with their dates, and the explorer's system cards (``ai_act.toml``);
- :func:`draw_cards` — each student's own cards in module 13's evaluated session
  (one variant per slot of a pool, in a shuffled order, from the student's seed);
- :func:`normalise_answer` — a student's answer in any standard citation form
  (« L. 1461-1 », « art. 9.2.j ») rewritten as the key the module's checks expect.

The facts themselves are data files a jurist can review without reading
Python: ``esn_teach/law/data/references.toml`` (with the date of the last
check), ``decisions.toml`` (with :data:`PRINCIPLES`) and ``scenarios.toml``
(with :data:`LEGAL_QUESTIONS`), each opening with a French comment that
explains its fields. They are read once, at import, and checked: a malformed
entry raises :class:`LawDataError`, naming the file and the entry.

Teaching material, not legal advice.
"""

from esn_teach.law._ai_act import (
    AI_ACT_CATEGORIES,
    AI_ACT_OBLIGATIONS,
    AI_ACT_QUESTIONS,
    AI_SYSTEMS,
    UNANSWERED,
    AiActOutcome,
    AiActQuestion,
    AiSystem,
    Obligation,
    ai_system,
    classify_ai_system,
)
from esn_teach.law._answers import normalise_answer
from esn_teach.law._cards import CardDraw, draw_cards
from esn_teach.law._decisions import CNIL_DECISIONS, PRINCIPLES, CnilDecision, decision
from esn_teach.law._load import LawDataError
from esn_teach.law._references import (
    LEGAL_FACTS_LAST_CHECKED,
    REFERENCES,
    LegalReference,
    reference,
)
from esn_teach.law._scenarios import (
    IDENTIFICATION_LEVELS,
    LEGAL_QUESTIONS,
    SCENARIOS,
    STATUSES,
    VERDICTS,
    LegalQuestion,
    Scenario,
    Step,
    load_scenarios,
    scenario,
)

__all__ = [
    "AI_ACT_CATEGORIES",
    "AI_ACT_OBLIGATIONS",
    "AI_ACT_QUESTIONS",
    "AI_SYSTEMS",
    "CNIL_DECISIONS",
    "IDENTIFICATION_LEVELS",
    "LEGAL_FACTS_LAST_CHECKED",
    "LEGAL_QUESTIONS",
    "PRINCIPLES",
    "REFERENCES",
    "SCENARIOS",
    "STATUSES",
    "UNANSWERED",
    "VERDICTS",
    "AiActOutcome",
    "AiActQuestion",
    "AiSystem",
    "CardDraw",
    "CnilDecision",
    "LawDataError",
    "LegalQuestion",
    "LegalReference",
    "Obligation",
    "Scenario",
    "Step",
    "ai_system",
    "classify_ai_system",
    "decision",
    "draw_cards",
    "load_scenarios",
    "normalise_answer",
    "reference",
    "scenario",
]
