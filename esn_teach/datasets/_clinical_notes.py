"""Synthetic French clinical notes, with their names, dates and prescriptions marked up.

Used by module 14 (generative AI in health): a small language model is trained on
the notes, its generated prescriptions are checked against the doses of the
corpus, and two de-identifiers (rules, a spaCy pipeline) are scored on the names
and dates the generator planted, hard cases included.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd
from sklearn.utils import Bunch

from esn_teach._validation import check_finite_scalar

from ._base import RandomStateLike, build_bunch, check_random_state, mark_synthetic

#: Drug → doses written in the corpus (value, unit). Strengths chosen to look like
#: common tablet strengths; invented for teaching, never checked as a prescribing
#: reference.
REFERENCE_DOSES: dict[str, tuple[tuple[str, str], ...]] = {
    "paracétamol": (("500", "mg"), ("1", "g")),
    "amoxicilline": (("500", "mg"), ("1", "g")),
    "metformine": (("500", "mg"), ("850", "mg"), ("1000", "mg")),
    "ramipril": (("2,5", "mg"), ("5", "mg"), ("10", "mg")),
    "bisoprolol": (("1,25", "mg"), ("2,5", "mg"), ("5", "mg")),
    "atorvastatine": (("10", "mg"), ("20", "mg"), ("40", "mg")),
    "furosémide": (("20", "mg"), ("40", "mg")),
    "lévothyroxine": (("25", "µg"), ("50", "µg"), ("75", "µg")),
    "apixaban": (("2,5", "mg"), ("5", "mg")),
    "amlodipine": (("5", "mg"), ("10", "mg")),
}

_UNIT_IN_MG = {"mg": 1.0, "g": 1000.0, "µg": 0.001}

#: Kinds of hard cases planted among the names and dates (French labels, as shown).
HARD_CASES: tuple[str, ...] = (
    "nom qui est un mot courant",
    "nom qui est une ville",
    "prénom sans civilité",
    "surnom",
    "initiales",
    "date en lettres",
)

_FIRST_F = ("Sandrine", "Nathalie", "Camille", "Inès", "Aïcha", "Sophie", "Chloé", "Valérie")
_FIRST_M = ("Julien", "Karim", "Thomas", "Michel", "Hugo", "Éric", "Yanis", "Patrick")
_SURNAMES = (
    "Moreau", "Garcia", "Lefebvre", "Nguyen", "Benali", "Girard", "Fontaine", "Hoarau",
    "Mercier", "Rousseau", "Da Silva", "Lambert",
)  # fmt: skip
_WORD_SURNAMES = ("Petit", "Blanc", "Boulanger", "Marchand", "Rose", "Sage", "Lebrun")
_TOWN_SURNAMES = ("Paris", "Lyon", "Nancy", "Valence", "Florence", "Lourdes", "Nice")
_NICKNAMES = ("Dédé", "Mimi", "Jojo", "Nanou", "Bébert", "Loulou")
_MONTHS = (
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
)  # fmt: skip
_DAY_WORDS = {
    1: "premier", 2: "deux", 3: "trois", 4: "quatre", 5: "cinq", 6: "six", 7: "sept",
    8: "huit", 9: "neuf", 10: "dix", 11: "onze", 12: "douze", 13: "treize", 14: "quatorze",
    15: "quinze", 16: "seize", 17: "dix-sept", 18: "dix-huit", 19: "dix-neuf", 20: "vingt",
    21: "vingt et un", 22: "vingt-deux", 23: "vingt-trois", 24: "vingt-quatre",
    25: "vingt-cinq", 26: "vingt-six", 27: "vingt-sept", 28: "vingt-huit",
}  # fmt: skip
_YEAR_WORDS = {
    2023: "deux mille vingt-trois",
    2024: "deux mille vingt-quatre",
    2025: "deux mille vingt-cinq",
}
_REASONS = (
    "une douleur thoracique", "une toux fébrile", "un suivi de diabète de type 2",
    "une hypertension artérielle", "une dyspnée d'effort", "une infection urinaire",
    "un bilan de fatigue", "une fibrillation atriale", "une insuffisance cardiaque",
    "des douleurs lombaires",
)  # fmt: skip
_HISTORY = (
    "hypertension artérielle", "diabète de type 2", "tabagisme sevré", "asthme",
    "hypothyroïdie", "dyslipidémie", "fibrillation atriale", "aucun antécédent notable",
)  # fmt: skip
_EXAMS = (
    "examen clinique sans particularité", "auscultation pulmonaire normale",
    "souffle systolique discret", "œdèmes des membres inférieurs",
    "tension artérielle à 150/90", "abdomen souple et indolore",
)  # fmt: skip
_FREQUENCIES = (
    "matin et soir", "une fois par jour", "trois fois par jour", "le matin",
    "le soir au coucher", "pendant sept jours",
)  # fmt: skip
_SERVICES = (
    "de cardiologie", "de médecine interne", "de pneumologie", "d'endocrinologie", "de gériatrie",
)  # fmt: skip

_LABELS_FR: dict[str, str] = {
    "note_id": "numéro de la note",
    "service": "service",
    "text": "texte de la note",
    "drug": "médicament prescrit",
    "dose": "dose prescrite (valeur)",
    "unit": "unité de la dose",
    "n_names": "noms de personnes dans la note",
    "n_dates": "dates dans la note",
}

_SOURCE = (
    "Synthetic, invented notes. Real drug names (INN) with doses chosen to look like common "
    "tablet strengths, not checked as a prescribing reference; invented names, dates, "
    "reasons and findings. No real person."
)


def dose_in_mg(value: str, unit: str) -> float:
    """Return a dose written ``value`` ``unit`` (``"2,5"``, ``"mg"``) in milligrams.

    Parameters
    ----------
    value : str
        The number, with a decimal comma or point.
    unit : str
        ``"mg"``, ``"g"`` or ``"µg"``.

    Returns
    -------
    float
        The dose in mg, or NaN if ``value`` is not a number or ``unit`` is unknown.
    """
    try:
        number = float(str(value).replace(",", "."))
    except ValueError:
        return float("nan")
    return number * _UNIT_IN_MG.get(str(unit), float("nan"))


class _Note:
    """Accumulates a note's text and the spans of its names and dates."""

    def __init__(self) -> None:
        self.text = ""
        self.entities: list[tuple[str, int, int, str, str, str]] = []

    def add(self, text: str) -> None:
        self.text += text

    def entity(self, kind: str, text: str, case: str, role: str = "") -> None:
        start = len(self.text)
        self.text += text
        self.entities.append((kind, start, len(self.text), text, case, role or kind))


def _date_numeric(rng: np.random.Generator) -> str:
    day, month = int(rng.integers(1, 29)), int(rng.integers(1, 13))
    year = int(rng.integers(2023, 2026))
    style = rng.integers(3)
    if style == 0:
        return f"{day:02d}/{month:02d}/{year}"
    if style == 1:
        return f"{day} {_MONTHS[month - 1]} {year}"
    return f"{day:02d}/{month:02d}/{year % 100:02d}"


def _date_words(rng: np.random.Generator) -> str:
    day, month = int(rng.integers(1, 29)), int(rng.integers(1, 13))
    year = int(rng.integers(2023, 2026))
    text = f"{_DAY_WORDS[day]} {_MONTHS[month - 1]}"
    return text + (f" {_YEAR_WORDS[year]}" if rng.random() < 0.5 else "")


def _write_note(rng: np.random.Generator, hard_share: float) -> tuple[_Note, dict[str, Any]]:
    note = _Note()
    female = bool(rng.random() < 0.5)
    service = str(rng.choice(_SERVICES))

    def hard() -> bool:
        return bool(rng.random() < hard_share / 3)

    # Heading and date of the visit.
    note.add(f"Compte rendu de consultation, service {service}, du ")
    if hard():
        note.entity("date", _date_words(rng), "date en lettres")
    else:
        note.entity("date", _date_numeric(rng), "standard")
    note.add(". ")
    # The patient, after a title.
    note.add("Mme " if female else "M. ")
    first = str(rng.choice(_FIRST_F if female else _FIRST_M))
    draw = rng.random()
    if draw < hard_share / 3:
        note.entity("nom", str(rng.choice(_WORD_SURNAMES)), "nom qui est un mot courant", "patient")
    elif draw < 2 * hard_share / 3:
        note.entity("nom", str(rng.choice(_TOWN_SURNAMES)), "nom qui est une ville", "patient")
    elif draw < hard_share:
        initials = f"{first[0]}. {str(rng.choice(_SURNAMES))[0]}."
        note.entity("nom", initials, "initiales", "patient")
    else:
        note.entity("nom", f"{first} {rng.choice(_SURNAMES)}", "standard", "patient")
    age = int(rng.integers(25, 90))
    note.add(f", {age} ans, est vu{'e' if female else ''} pour {rng.choice(_REASONS)}. ")
    note.add(f"Antécédents : {rng.choice(_HISTORY)}. Examen : {rng.choice(_EXAMS)}. ")
    # Relatives and nicknames: no title before them.
    if rng.random() < hard_share:
        relative_female = bool(rng.random() < 0.5)
        note.add(
            ("Accompagnée" if female else "Accompagné")
            + (" de sa fille " if relative_female else " de son fils ")
        )
        name = str(rng.choice(_FIRST_F if relative_female else _FIRST_M))
        note.entity("nom", name, "prénom sans civilité", "proche")
        note.add(". ")
    if rng.random() < hard_share / 2:
        note.add("Se fait appeler ")
        note.entity("nom", str(rng.choice(_NICKNAMES)), "surnom", "patient")
        note.add(" par l'équipe. ")
    # The prescription.
    drug = str(rng.choice(list(REFERENCE_DOSES)))
    doses = REFERENCE_DOSES[drug]
    value, unit = doses[int(rng.integers(len(doses)))]
    note.add(f"Traitement : {drug}, un comprimé de {value} {unit} {rng.choice(_FREQUENCIES)}. ")
    # Follow-up with a doctor.
    note.add("Prochain rendez-vous le ")
    if hard():
        note.entity("date", _date_words(rng), "date en lettres")
    else:
        note.entity("date", _date_numeric(rng), "standard")
    note.add(" avec le Dr ")
    if rng.random() < hard_share / 3:
        doctor_first = str(rng.choice(_FIRST_F + _FIRST_M))
        initials = f"{doctor_first[0]}. {str(rng.choice(_SURNAMES))[0]}."
        note.entity("nom", initials, "initiales", "médecin")
    else:
        note.entity("nom", str(rng.choice(_SURNAMES)), "standard", "médecin")
    note.add(".")
    return note, {"service": service, "drug": drug, "dose": value, "unit": unit}


def make_clinical_notes(
    *,
    n_samples: int = 400,
    hard_share: float = 0.3,
    random_state: RandomStateLike = None,
) -> Bunch:
    """Generate short French clinical notes with their names, dates and prescription.

    Each note is a consultation report: the date of the visit, the patient after
    a title (« M. », « Mme »), age, reason, history, findings, one prescription
    (« Traitement : metformine, un comprimé de 850 mg matin et soir. »), the date of the next
    visit and the doctor's name. Names and dates are recorded with their position
    (the answer key of a de-identifier). Hard cases are planted: surnames that
    are common words (« Mme Petit ») or towns (« M. Valence »), initials, a
    relative's first name without a title, a nickname, a date written in words
    (« douze mars deux mille vingt-quatre »).

    Parameters
    ----------
    n_samples : int, default=400
        Number of notes.
    hard_share : float, default=0.3
        In [0, 1]: how often hard cases are planted (0: only « M. Prénom Nom »
        and dates in figures; a relative or nickname appears with probability
        ``hard_share`` or half of it, each other hard case about a third of it).
    random_state : None, int or numpy.random.Generator, default=None
        Seed or generator, for reproducibility.

    Returns
    -------
    sklearn.utils.Bunch
        ``frame``: one row per note (``note_id``, ``service``, ``text``, ``drug``,
        ``dose``, ``unit``, ``n_names``, ``n_dates``); ``entities``: one row per
        name or date (``note_id``, ``kind`` « nom » or « date », ``start``,
        ``end``, ``text``, ``case`` « standard » or one of :data:`HARD_CASES`, ``role``
        « patient », « proche » or « médecin » for a name, « date » for a date);
        ``reference_doses``: drug → list of doses (value, unit) written in the
        corpus; ``DESCR``: the data card.

    Raises
    ------
    ValueError
        If ``n_samples`` or ``hard_share`` is out of range.
    TypeError
        If an argument has the wrong type.
    """
    n = check_finite_scalar(n_samples, "n_samples", numbers.Integral, min_val=1)
    hard_share = check_finite_scalar(
        hard_share, "hard_share", numbers.Real, min_val=0.0, max_val=1.0
    )
    rng = check_random_state(random_state)
    rows: list[dict[str, Any]] = []
    entities: list[tuple[Any, ...]] = []
    for note_id in range(int(n)):
        note, fields = _write_note(rng, float(hard_share))
        kinds = [kind for kind, *_ in note.entities]
        rows.append(
            {
                "note_id": note_id,
                "service": fields["service"].removeprefix("de ").removeprefix("d'"),
                "text": note.text,
                "drug": fields["drug"],
                "dose": fields["dose"],
                "unit": fields["unit"],
                "n_names": kinds.count("nom"),
                "n_dates": kinds.count("date"),
            }
        )
        entities.extend((note_id, *entity) for entity in note.entities)
    frame = pd.DataFrame(rows)
    mark_synthetic(frame, source=_SOURCE, labels_fr=_LABELS_FR, random_state=random_state)
    frame.attrs["hard_share"] = float(hard_share)
    entity_frame = pd.DataFrame(
        entities, columns=["note_id", "kind", "start", "end", "text", "case", "role"]
    )
    return build_bunch(
        frame,
        feature_names=["text"],
        target_name=None,
        card="clinical_notes",
        labels_fr=_LABELS_FR,
        as_frame=True,
        entities=entity_frame,
        reference_doses={drug: list(doses) for drug, doses in REFERENCE_DOSES.items()},
    )
