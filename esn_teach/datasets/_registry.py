"""Synthetic French patient registry and voter list, for re-identification exercises."""

from __future__ import annotations

import numbers
from functools import cache

import numpy as np
import pandas as pd
from sklearn.utils import Bunch

from esn_teach._validation import check_finite_scalar, fr_items, received

from ._base import (
    RandomStateLike,
    build_bunch,
    check_as_frame_args,
    check_random_state,
    mark_synthetic,
)

#: Real départements (code, name) used by the generator, with an invented sampling
#: weight (roughly "large", "medium" or "small" département).
DEPARTEMENTS: tuple[tuple[str, str, float], ...] = (
    ("06", "Alpes-Maritimes", 3.0),
    ("11", "Aude", 1.0),
    ("12", "Aveyron", 0.8),
    ("13", "Bouches-du-Rhône", 5.0),
    ("2A", "Corse-du-Sud", 0.4),
    ("30", "Gard", 2.0),
    ("31", "Haute-Garonne", 4.0),
    ("33", "Gironde", 4.0),
    ("34", "Hérault", 3.5),
    ("35", "Ille-et-Vilaine", 3.0),
    ("44", "Loire-Atlantique", 3.5),
    ("48", "Lozère", 0.2),
    ("59", "Nord", 6.0),
    ("66", "Pyrénées-Orientales", 1.3),
    ("67", "Bas-Rhin", 3.0),
    ("69", "Rhône", 5.0),
    ("75", "Paris", 5.5),
    ("81", "Tarn", 1.0),
    ("93", "Seine-Saint-Denis", 4.5),
    ("971", "Guadeloupe", 1.0),
    ("974", "La Réunion", 2.3),
)

#: ICD-10 codes (WHO) with a French label and an invented frequency weight (skewed).
ICD10_CODES: tuple[tuple[str, str, float], ...] = (
    ("I10", "Hypertension essentielle", 30.0),
    ("E11.9", "Diabète de type 2 sans complication", 18.0),
    ("J18.9", "Pneumopathie, sans précision", 12.0),
    ("I50.9", "Insuffisance cardiaque, sans précision", 10.0),
    ("N39.0", "Infection des voies urinaires, siège non précisé", 9.0),
    ("I48.9", "Fibrillation et flutter auriculaires, sans précision", 8.0),
    ("O80", "Accouchement unique et spontané", 8.0),
    ("J44.1", "BPCO avec épisode aigu", 6.0),
    ("S72.0", "Fracture du col du fémur", 5.0),
    ("K80.2", "Calcul de la vésicule biliaire sans cholécystite", 4.0),
    ("I21.9", "Infarctus aigu du myocarde, sans précision", 4.0),
    ("I63.9", "Infarctus cérébral, sans précision", 3.5),
    ("F32.9", "Épisode dépressif, sans précision", 3.0),
    ("K35.8", "Appendicite aiguë, autre et sans précision", 3.0),
    ("C50.9", "Tumeur maligne du sein, sans précision", 2.5),
    ("C34.9", "Tumeur maligne des bronches ou du poumon, sans précision", 2.0),
    ("A41.9", "Sepsis, sans précision", 2.0),
    ("G40.9", "Épilepsie, sans précision", 1.5),
    ("E66.9", "Obésité, sans précision", 1.5),
    ("M17.1", "Autres gonarthroses primaires", 1.2),
    ("B20", "Maladie due au VIH, à l'origine de maladies infectieuses et parasitaires", 0.3),
)

ICD10_PATTERN = r"^[A-TV-Z][0-9]{2}(\.[0-9])?$"
"""Regular expression every generated diagnosis code matches."""

#: Period of admissions (fixed, so that no date is in the future).
ADMISSION_START = np.datetime64("2019-01-01", "D")
ADMISSION_END = np.datetime64("2024-12-31", "D")

_FIRST_NAMES_F = (
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Christine",
    "Monique", "Valérie", "Sandrine", "Sophie", "Céline", "Julie", "Camille", "Léa",
    "Manon", "Chloé", "Emma", "Inès", "Sarah", "Aïcha", "Fatima", "Nadia", "Laura",
)  # fmt: skip
_FIRST_NAMES_M = (
    "Jean", "Philippe", "Michel", "Alain", "Patrick", "Nicolas", "Christophe", "Pierre",
    "Christian", "Éric", "Frédéric", "Laurent", "Stéphane", "David", "Julien", "Thomas",
    "Lucas", "Hugo", "Louis", "Nathan", "Mohamed", "Karim", "Yanis", "Kevin",
)  # fmt: skip
_SURNAMES = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois",
    "Moreau", "Laurent", "Simon", "Michel", "Lefebvre", "Leroy", "Roux", "David",
    "Bertrand", "Morel", "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine",
    "Rousseau", "Vincent", "Muller", "Lefèvre", "Faure", "André", "Mercier", "Blanc",
    "Guérin", "Boyer", "Garnier", "Chevalier", "François", "Legrand", "Gauthier", "Garcia",
    "Perrin", "Robin", "Clément", "Morin", "Nicolas", "Henry", "Roussel", "Mathieu",
    "Benali", "Nguyen", "Da Silva", "Hoarau", "Payet", "Rivière",
)  # fmt: skip

_REGISTRY_LABELS_FR: dict[str, str] = {
    "pseudonym": "pseudonyme du patient",
    "sex": "sexe",
    "birth_date": "date de naissance",
    "age": "âge à l'admission (années)",
    "departement": "code du département",
    "departement_name": "département",
    "postcode": "code postal",
    "admission_date": "date d'admission",
    "diagnosis": "diagnostic principal (CIM-10)",
    "diagnosis_label": "libellé du diagnostic",
}

_VOTER_LABELS_FR: dict[str, str] = {
    "last_name": "nom",
    "first_name": "prénom",
    "sex": "sexe",
    "birth_date": "date de naissance",
    "postcode": "code postal",
}

_SOURCE = (
    "Synthetic, invented distributions. Real French département codes and names, real WHO "
    "ICD-10 codes; postcodes well-formed but synthetic. No real person."
)


@cache
def _postcode_table() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return (postcode, département index, weight) arrays, fixed across calls."""
    rng = np.random.default_rng(20_160_126)
    codes: list[str] = []
    dept_index: list[int] = []
    weights: list[float] = []
    for i, (code, _, weight) in enumerate(DEPARTEMENTS):
        if code == "75":
            local = [f"750{k:02d}" for k in range(1, 21)]
        elif code == "2A":
            local = [
                f"20{k:03d}" for k in sorted(rng.choice(np.arange(0, 190, 5), 12, replace=False))
            ]
        elif len(code) == 3:
            local = [
                f"{code}{k:02d}"
                for k in sorted(rng.choice(np.arange(0, 100, 10), 8, replace=False))
            ]
        else:
            n_local = max(4, round(6 * weight))
            ks = sorted(rng.choice(np.arange(0, 1000, 10), n_local, replace=False))
            local = [f"{code}{k:03d}" for k in ks]
        share = rng.dirichlet(np.full(len(local), 0.8))
        codes.extend(local)
        dept_index.extend([i] * len(local))
        weights.extend((weight * share).tolist())
    w = np.array(weights)
    return np.array(codes), np.array(dept_index), w / w.sum()


def _draw_people(
    rng: np.random.Generator, n: int, *, adults_only: bool = False
) -> dict[str, np.ndarray]:
    """Draw sex, admission date, age, birth date and postcode (vectorised)."""
    female = rng.random(n) < 0.52
    span = int((ADMISSION_END - ADMISSION_START).astype(int))
    admission = ADMISSION_START + rng.integers(0, span + 1, n).astype("timedelta64[D]")
    child = (rng.random(n) < 0.08) & (not adults_only)
    age_years = np.where(
        child,
        rng.integers(0, 18, n),
        np.clip(np.round(rng.normal(62, 19, n)), 18, 102).astype(np.int64),
    )
    # birth date = admission - age years - a random number of days within that year
    days_old = np.floor(age_years * 365.2425 + rng.random(n) * 365.0).astype(np.int64)
    birth = admission - days_old.astype("timedelta64[D]")
    postcodes, dept_index, weights = _postcode_table()
    which = rng.choice(len(postcodes), size=n, p=weights)
    return {
        "female": female,
        "admission": admission,
        "birth": birth,
        "postcode": postcodes[which],
        "postcode_index": which,
        "dept": dept_index[which],
    }


def _age_at(birth: np.ndarray, when: np.ndarray) -> np.ndarray:
    """Exact age in completed years (vectorised)."""
    b = pd.DatetimeIndex(birth)
    w = pd.DatetimeIndex(when)
    before_birthday = (w.month < b.month) | ((w.month == b.month) & (w.day < b.day))
    return (w.year - b.year - before_birthday.astype(int)).to_numpy().astype(np.int64)


def make_french_registry(
    *,
    n_samples: int = 5_000,
    random_state: RandomStateLike = None,
    as_frame: bool = True,
) -> Bunch:
    """Generate a pseudonymised French hospital registry (one admission per patient).

    Columns: a pseudonym, sex, birth date, age at admission, département (real
    codes and names), a synthetic but well-formed postcode of that département,
    admission date (2019-2024, never in the future, always after birth) and a
    principal diagnosis (real ICD-10 codes, skewed frequencies). Most rows are
    unique on (birth date, sex, postcode): the registry is pseudonymised, not
    anonymous.

    Parameters
    ----------
    n_samples : int, default=5_000
        Number of patients.
    random_state : None, int or numpy.random.Generator, default=None
        Seed or generator, for reproducibility: anything
        :func:`numpy.random.default_rng` accepts, except a boolean.
    as_frame : bool, default=True
        Return pandas objects (else numpy arrays).

    Returns
    -------
    sklearn.utils.Bunch
        ``frame`` (the registry), ``data`` (the same columns; there is no target),
        ``quasi_identifiers`` (``["birth_date", "sex", "postcode"]``),
        ``DESCR`` and ``labels_fr``.

    Raises
    ------
    ValueError
        If ``n_samples`` < 1.
    TypeError
        If an argument has the wrong type.
    """
    as_frame, _ = check_as_frame_args(as_frame, False)
    n = check_finite_scalar(n_samples, "n_samples", numbers.Integral, min_val=1)
    rng = check_random_state(random_state)
    people = _draw_people(rng, n)

    codes = np.array([c for c, _, _ in ICD10_CODES])
    labels = np.array([lab for _, lab, _ in ICD10_CODES])
    weights = np.array([w for _, _, w in ICD10_CODES])
    obstetric = np.char.startswith(codes, "O")
    age = _age_at(people["birth"], people["admission"])
    diag = rng.choice(len(codes), size=n, p=weights / weights.sum())
    # Obstetric codes only for women aged 15-49; others redraw from non-obstetric codes.
    eligible = people["female"] & (age >= 15) & (age <= 49)
    bad = obstetric[diag] & ~eligible
    w_other = np.where(obstetric, 0.0, weights)
    diag[bad] = rng.choice(len(codes), size=int(bad.sum()), p=w_other / w_other.sum())

    # Pseudonyms: an affine bijection of the row number modulo 10**8 (unique, unordered).
    multiplier = int(rng.integers(10**6, 10**7)) * 10 + 3  # ends in 3: coprime with 10**8
    offset = int(rng.integers(0, 10**8))
    pseudonym = (np.arange(n, dtype=np.int64) * multiplier + offset) % 10**8

    dept_codes = [c for c, _, _ in DEPARTEMENTS]
    dept_names = [name for _, name, _ in DEPARTEMENTS]
    frame = pd.DataFrame(
        {
            "pseudonym": pseudonym,
            # pandas-stubs accepts only an Index of categories; pandas converts a list itself.
            "sex": pd.Categorical.from_codes(people["female"].astype(np.int8), ["M", "F"]),  # type: ignore[call-overload]
            "birth_date": pd.to_datetime(people["birth"]).astype("datetime64[ns]"),
            "age": age,
            "departement": pd.Categorical.from_codes(people["dept"], dept_codes),  # type: ignore[call-overload]
            "departement_name": pd.Categorical.from_codes(people["dept"], dept_names),  # type: ignore[call-overload]
            "postcode": pd.Categorical.from_codes(
                people["postcode_index"], categories=_postcode_table()[0].tolist()
            ),
            "admission_date": pd.to_datetime(people["admission"]).astype("datetime64[ns]"),
            "diagnosis": pd.Categorical.from_codes(diag, codes.tolist()),
            "diagnosis_label": pd.Categorical.from_codes(diag, labels.tolist()),
        }
    )
    mark_synthetic(frame, source=_SOURCE, labels_fr=_REGISTRY_LABELS_FR, random_state=random_state)
    result = build_bunch(
        frame,
        feature_names=list(frame.columns),
        target_name=None,
        card="french_registry",
        labels_fr=_REGISTRY_LABELS_FR,
        as_frame=as_frame,
        quasi_identifiers=["birth_date", "sex", "postcode"],
    )
    assert isinstance(result, Bunch)
    return result


def make_voter_list(
    registry: pd.DataFrame,
    *,
    overlap: float = 0.3,
    n_others: int | None = None,
    error_rate: float = 0.25,
    random_state: RandomStateLike = None,
    as_frame: bool = True,
) -> Bunch:
    """Generate an electoral-roll-like table that shares people with ``registry``.

    A share ``overlap`` of the registry's adult patients appears in the list, with
    a synthetic name, their real (synthetic) birth date, sex and postcode; other
    people, drawn from the same distributions, are added. Like real public
    profiles, a share ``error_rate`` of the rows is inexact: half of them (on
    average) carry a birth date shifted by 1 to 365 days, the others another
    postcode (a move, a typing error). Rows are shuffled. Joining on (birth date,
    sex, postcode) re-identifies many patients: this is a linkage attack.

    Parameters
    ----------
    registry : pandas.DataFrame
        A frame from :func:`make_french_registry`.
    overlap : float, default=0.3
        Share of the registry's adults (18 or older at admission) listed, in [0, 1].
    n_others : int or None, default=None
        Number of people who are not in the registry (``None`` = as many as the
        listed patients; 0 allowed).
    error_rate : float, default=0.25
        Share of rows whose birth date or postcode is inexact, in [0, 1]; 0 gives
        a list that copies the registry exactly.
    random_state : None, int or numpy.random.Generator, default=None
        Seed or generator, for reproducibility: anything
        :func:`numpy.random.default_rng` accepts, except a boolean.
    as_frame : bool, default=True
        Return pandas objects (else numpy arrays).

    Returns
    -------
    sklearn.utils.Bunch
        ``frame`` with ``last_name``, ``first_name``, ``sex``, ``birth_date`` and
        ``postcode``; ``true_pseudonym`` (the answer key, **not** in ``frame``:
        the registry pseudonym of each row, -1 for people not in the registry);
        ``inexact`` (also not in ``frame``: True where the row's birth date or
        postcode is not the person's own).

    Raises
    ------
    ValueError
        If ``registry`` lacks the needed columns or an argument is out of range.
    TypeError
        If ``registry`` is not a DataFrame or an argument has the wrong type.
    """
    as_frame, _ = check_as_frame_args(as_frame, False)
    if not isinstance(registry, pd.DataFrame):
        raise TypeError(
            "« registry » doit être le tableau pandas (DataFrame) renvoyé par "
            f"make_french_registry(...).frame ; {received(registry)}."
        )
    needed = ["pseudonym", "sex", "birth_date", "postcode", "age"]
    missing = [c for c in needed if c not in registry.columns]
    if missing:
        raise ValueError(
            f"il manque à « registry » les colonnes {fr_items(missing, len(missing))} ; "
            "utilisez make_french_registry().frame."
        )
    overlap = check_finite_scalar(overlap, "overlap", numbers.Real, min_val=0.0, max_val=1.0)
    error_rate = check_finite_scalar(
        error_rate, "error_rate", numbers.Real, min_val=0.0, max_val=1.0
    )
    rng = check_random_state(random_state)

    adults = np.flatnonzero(registry["age"].to_numpy() >= 18)
    n_listed = round(overlap * len(adults))
    listed = np.sort(rng.choice(adults, size=n_listed, replace=False))
    n_extra = (
        n_listed
        if n_others is None
        else check_finite_scalar(n_others, "n_others", numbers.Integral, min_val=0)
    )
    others = _draw_people(rng, n_extra, adults_only=True)

    sex = np.concatenate(
        [registry["sex"].to_numpy().astype(str)[listed], np.where(others["female"], "F", "M")]
    )
    birth = np.concatenate(
        [registry["birth_date"].to_numpy().astype("datetime64[D]")[listed], others["birth"]]
    )
    postcode = np.concatenate(
        [registry["postcode"].to_numpy().astype(str)[listed], others["postcode"]]
    )
    truth = np.concatenate(
        [registry["pseudonym"].to_numpy()[listed], np.full(n_extra, -1, dtype=np.int64)]
    )
    total = n_listed + n_extra
    female = sex == "F"
    first_f = np.array(_FIRST_NAMES_F)[rng.integers(0, len(_FIRST_NAMES_F), total)]
    first_m = np.array(_FIRST_NAMES_M)[rng.integers(0, len(_FIRST_NAMES_M), total)]
    last = np.array(_SURNAMES)[rng.integers(0, len(_SURNAMES), total)]
    order = rng.permutation(total)
    # Inexact profiles, drawn after everything else: the exact rows stay as before.
    inexact = rng.random(total) < error_rate
    wrong_date = inexact & (rng.random(total) < 0.5)
    wrong_place = inexact & ~wrong_date
    shift = rng.integers(1, 366, total) * np.where(rng.random(total) < 0.5, -1, 1)
    birth = np.where(wrong_date, birth + shift.astype("timedelta64[D]"), birth)
    all_postcodes, _, weights = _postcode_table()
    other_place = all_postcodes[rng.choice(len(all_postcodes), size=total, p=weights)]
    # Another postcode than the person's own (redrawn once; the rare tie is kept exact).
    moved = wrong_place & (other_place != postcode)
    postcode = np.where(moved, other_place, postcode)
    inexact = wrong_date | moved

    frame = pd.DataFrame(
        {
            "last_name": last[order],
            "first_name": np.where(female, first_f, first_m)[order],
            "sex": pd.Categorical(sex[order], categories=["M", "F"]),
            "birth_date": pd.to_datetime(birth[order]).astype("datetime64[ns]"),
            "postcode": pd.Series(postcode[order], dtype="object"),
        }
    )
    mark_synthetic(frame, source=_SOURCE, labels_fr=_VOTER_LABELS_FR, random_state=random_state)
    result = build_bunch(
        frame,
        feature_names=list(frame.columns),
        target_name=None,
        card="voter_list",
        labels_fr=_VOTER_LABELS_FR,
        as_frame=as_frame,
        true_pseudonym=truth[order],
        inexact=inexact[order],
    )
    assert isinstance(result, Bunch)
    return result
