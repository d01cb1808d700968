"""Skin-lesion features across Fitzpatrick skin types I-VI (sampling bias)."""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np
import pandas as pd
from sklearn.utils import Bunch

from esn_teach._validation import check_finite_scalar

from ._base import (
    RandomStateLike,
    build_bunch,
    check_as_frame_args,
    check_random_state,
    check_shares,
    mark_synthetic,
)

FITZPATRICK_TYPES: tuple[str, ...] = ("I", "II", "III", "IV", "V", "VI")

#: Default share of each skin type, I to VI: dominated by light skin, as in the
#: dermatology image collections the course discusses. Invented numbers (the
#: per-type counts of real collections were not verified).
DEFAULT_TYPE_SHARES: tuple[float, ...] = (0.20, 0.35, 0.25, 0.12, 0.05, 0.03)

FEATURES: tuple[str, ...] = (
    "skin_lightness",
    "diameter_mm",
    "asymmetry",
    "border_irregularity",
    "colour_contrast",
    "colour_variegation",
    "evolution",
)

# At presentation_shift = 1: the colour signal of malignancy on type VI is
# (1 - _COLOUR_FADE) times that on type I, and the shape signal (asymmetry, border)
# gains _SHAPE_EXTRA on type VI. Invented values.
_COLOUR_FADE = 0.8
_SHAPE_EXTRA = 0.12

_LABELS_FR: dict[str, str] = {
    "fitzpatrick": "phototype de Fitzpatrick (I à VI)",
    "skin_lightness": "clarté de la peau autour de la lésion (0 à 100)",
    "diameter_mm": "diamètre (mm)",
    "asymmetry": "asymétrie (0 à 1)",
    "border_irregularity": "irrégularité des bords (0 à 1)",
    "colour_contrast": "contraste de couleur lésion / peau",
    "colour_variegation": "hétérogénéité des couleurs",
    "evolution": "évolution récente rapportée (1 = oui)",
    "malignant": "lésion maligne (1 = oui)",
}

_SOURCE = (
    "Synthetic, invented parameters. Illustrates under-representation of dark skin types in "
    "dermatology data (e.g. Groh 2021, Fitzpatrick17k; Daneshjou 2022, DDI); no published "
    "figure is reproduced."
)


def make_skin_lesions(
    *,
    n_samples: int = 10_000,
    type_shares: Any = DEFAULT_TYPE_SHARES,
    presentation_shift: float = 1.0,
    prevalence: float = 0.2,
    random_state: RandomStateLike = None,
    as_frame: bool = True,
    return_X_y: bool = False,  # noqa: N803
) -> Bunch | tuple[Any, Any]:
    """Generate lesion measurements across Fitzpatrick skin types I to VI.

    Each lesion has a skin type (drawn with ``type_shares``), a measured skin
    lightness, shape features (diameter, asymmetry, border irregularity, reported
    evolution) linked to malignancy on every skin type, and colour features
    (lesion/skin contrast, colour variegation). When ``presentation_shift`` > 0,
    malignancy shows less in colour and more in shape on darker skin: a model
    trained mostly on light skin leans on colour and misses more cancers on
    types V-VI; adding dark-skin lesions to the training set narrows the gap.

    Parameters
    ----------
    n_samples : int, default=10_000
        Number of lesions.
    type_shares : sequence of 6 floats or mapping, default=(0.20, 0.35, 0.25, 0.12, 0.05, 0.03)
        Relative share of skin types I to VI (normalised to sum to 1; a mapping
        must have the keys ``"I"`` to ``"VI"``). The default, dominated by light
        skin, is invented. Use it to build a training set with a given mix, and
        equal shares to build a balanced test set.
    presentation_shift : float, default=1.0
        How much the colour signal of malignancy fades from type I to type VI, in
        [0, 1]: at 1, the colour signal on type VI is 20 % of that on type I and the
        shape signal (asymmetry, border) is 2.7 times stronger; at
        ``0`` every skin type presents identically and the error rates no longer
        depend on the training mix.
    prevalence : float, default=0.2
        Share of malignant lesions, in (0, 1), identical for all skin types.
    random_state : None, int or numpy.random.Generator, default=None
        Seed or generator, for reproducibility: anything
        :func:`numpy.random.default_rng` accepts, except a boolean.
    as_frame : bool, default=True
        Return pandas objects (else numpy arrays).
    return_X_y : bool, default=False
        Return ``(data, target)``: the seven features and ``malignant``.

    Returns
    -------
    sklearn.utils.Bunch or tuple
        ``frame`` has ``fitzpatrick`` (I to VI), the features and ``malignant``;
        ``groups`` is the ``fitzpatrick`` column (not a feature).

    Raises
    ------
    ValueError
        If a size, share or probability is out of range.
    TypeError
        If an argument has the wrong type.
    """
    as_frame, return_x_y = check_as_frame_args(as_frame, return_X_y)
    n = check_finite_scalar(n_samples, "n_samples", numbers.Integral, min_val=1)
    shares = check_shares(type_shares, "type_shares", FITZPATRICK_TYPES)
    presentation_shift = check_finite_scalar(
        presentation_shift, "presentation_shift", numbers.Real, min_val=0.0, max_val=1.0
    )
    prevalence = check_finite_scalar(
        prevalence,
        "prevalence",
        numbers.Real,
        min_val=0.0,
        max_val=1.0,
        include_boundaries="neither",
    )
    rng = check_random_state(random_state)

    skin = rng.choice(len(FITZPATRICK_TYPES), size=n, p=shares)
    darkness = skin / (len(FITZPATRICK_TYPES) - 1)  # 0 (type I) to 1 (type VI)
    y = rng.random(n) < prevalence
    noise = rng.standard_normal((n, 7))
    lightness = np.clip(80 - 55 * darkness + 5 * noise[:, 0], 0, 100).round(1)
    # shape features: same signal for every skin type
    diameter = np.clip(np.exp(np.log(4.5) + 0.22 * y + 0.35 * noise[:, 1]), 1, 40).round(1)
    # shape signal: present on every skin type, stronger on dark skin when shifted
    shape_signal = 0.07 + _SHAPE_EXTRA * presentation_shift * darkness
    asymmetry = np.clip(0.30 + shape_signal * y + 0.15 * noise[:, 2], 0, 1).round(3)
    border = np.clip(0.30 + shape_signal * y + 0.15 * noise[:, 3], 0, 1).round(3)
    evolution = (rng.random(n) < np.where(y, 0.30, 0.18)).astype(np.int64)
    # colour features: strong signal on light skin, fading on dark skin
    colour_signal = 1.0 - _COLOUR_FADE * presentation_shift * darkness
    contrast = np.clip(1.0 + 1.3 * y * colour_signal + 0.8 * noise[:, 4], 0, None).round(3)
    variegation = np.clip(1.5 + 1.2 * y * colour_signal + 0.8 * noise[:, 5], 0, None).round(3)

    frame = pd.DataFrame(
        {
            # pandas-stubs accepts only an Index of categories; pandas converts a list itself.
            "fitzpatrick": pd.Categorical.from_codes(skin, categories=list(FITZPATRICK_TYPES)),  # type: ignore[call-overload]
            "skin_lightness": lightness,
            "diameter_mm": diameter,
            "asymmetry": asymmetry,
            "border_irregularity": border,
            "colour_contrast": contrast,
            "colour_variegation": variegation,
            "evolution": evolution,
            "malignant": y.astype(np.int64),
        }
    )
    mark_synthetic(frame, source=_SOURCE, labels_fr=_LABELS_FR, random_state=random_state)
    frame.attrs["type_shares"] = dict(zip(FITZPATRICK_TYPES, shares.tolist(), strict=True))
    return build_bunch(
        frame,
        feature_names=FEATURES,
        target_name="malignant",
        card="skin_lesions",
        labels_fr=_LABELS_FR,
        as_frame=as_frame,
        return_X_y=return_x_y,
        groups=frame["fitzpatrick"] if as_frame else frame["fitzpatrick"].to_numpy(),
    )
