"""Training-mix explorer: share of skin types V-VI in training → per-group false-negative rate.

Module 05 trains one logistic regression per training mix on the synthetic
lesions of :func:`esn_teach.datasets.make_skin_lesions`, chooses each model's
threshold on a validation split drawn like its training set, and counts the
cancers each model misses on one balanced test set. The training is done once,
before the explorer is shown (:func:`training_mix_grid`, about a second); the
slider then only looks up a precomputed row and redraws, well under 100 ms.
"""

from __future__ import annotations

import numbers
from dataclasses import dataclass

import ipywidgets as widgets
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_pipeline
from sklearn.preprocessing import StandardScaler

from esn_teach._formatting import fr_count, fr_number, fr_percent
from esn_teach._validation import check_finite_scalar
from esn_teach.datasets import make_skin_lesions
from esn_teach.datasets._skin import DEFAULT_TYPE_SHARES, FEATURES
from esn_teach.evaluation import proportion_ci
from esn_teach.explorers._blit import blit_png, freeze_background
from esn_teach.explorers._controls import show_explorer
from esn_teach.explorers._figure import ExplorerFigure, side_by_side
from esn_teach.explorers._table import new_table_id, styled_table
from esn_teach.plotting import LINESTYLES, MARKERS, PALETTE, accessible_style

__all__ = [
    "DEFAULT_V_VI_SHARE",
    "OVERALL",
    "TYPE_GROUPS",
    "V_VI_SHARES",
    "MixModel",
    "SkinVariant",
    "TrainingMixExplorer",
    "fit_lesion_model",
    "missed_by_group",
    "sensitivity_threshold",
    "skin_variant",
    "train_on_mix",
    "training_mix",
    "training_mix_grid",
]

#: The three groups of skin types the module compares (French labels).
TYPE_GROUPS: dict[str, tuple[str, ...]] = {
    "I–II": ("I", "II"),
    "III–IV": ("III", "IV"),
    "V–VI": ("V", "VI"),
}
#: Label of the row that counts every test lesion.
OVERALL = "Tous"
#: Shares of skin types V and VI in the training set, from 0 to 48 % by 4 points.
V_VI_SHARES: tuple[float, ...] = tuple(round(0.04 * i, 2) for i in range(13))
#: Share of types V and VI in the generator's default mix (5 % + 3 %).
DEFAULT_V_VI_SHARE = round(float(sum(DEFAULT_TYPE_SHARES[4:])), 6)
#: z for a two-sided 95 % interval (normal approximation of the gap between two rates).
_Z95 = 1.96

_STYLES = (
    (PALETTE["blue"], MARKERS[0], LINESTYLES[0]),
    (PALETTE["bluish_green"], MARKERS[2], LINESTYLES[2]),
    (PALETTE["vermillion"], MARKERS[1], LINESTYLES[1]),
)
_NARROW_NBSP = "\u202f"


def _signed(value: float) -> str:
    """One decimal, French comma, true minus sign for a negative value."""
    return fr_number(value, 1).replace("-", "\u2212")


def training_mix(v_vi_share: float) -> tuple[float, ...]:
    """Return the shares of types I to VI when types V and VI make ``v_vi_share`` of the set.

    Types I to IV keep the proportions of the generator's default mix among
    themselves, and so do types V and VI (5 to 3): at the default share, 8 %,
    the mix is the default one.

    Parameters
    ----------
    v_vi_share : float
        Share of types V and VI together, in [0, 1].

    Returns
    -------
    tuple of 6 floats
        Shares of types I to VI, summing to 1.
    """
    share = check_finite_scalar(v_vi_share, "v_vi_share", numbers.Real, min_val=0.0, max_val=1.0)
    light = np.asarray(DEFAULT_TYPE_SHARES[:4], dtype=float)
    dark = np.asarray(DEFAULT_TYPE_SHARES[4:], dtype=float)
    mix = np.concatenate([light / light.sum() * (1 - share), dark / dark.sum() * share])
    return tuple(float(value) for value in mix)


def fit_lesion_model(frame: pd.DataFrame) -> Pipeline:
    """Fit the module's model: a logistic regression on the seven standardised measurements.

    Parameters
    ----------
    frame : pandas.DataFrame
        Lesions from :func:`esn_teach.datasets.make_skin_lesions` (``frame``).

    Returns
    -------
    sklearn.pipeline.Pipeline
        ``StandardScaler`` then ``LogisticRegression``; the skin type is not a feature
        (the measured skin lightness is).
    """
    model = make_pipeline(StandardScaler(), LogisticRegression())
    return model.fit(frame[list(FEATURES)], frame["malignant"])


def sensitivity_threshold(y_true: object, scores: object, sensitivity: float) -> float:
    """Return the highest threshold that flags at least ``sensitivity`` of the cancers.

    A lesion is flagged when its score is at or above the threshold. Computed on
    a validation split, never on the test set.

    Parameters
    ----------
    y_true : array-like of 0/1
        1 for a cancer.
    scores : array-like of float
        The model's scores, same length.
    sensitivity : float
        Share of cancers to flag, in (0, 1].

    Returns
    -------
    float

    Raises
    ------
    ValueError
        If there is no cancer, or the lengths differ.
    """
    check_finite_scalar(
        sensitivity,
        "sensitivity",
        numbers.Real,
        min_val=0.0,
        max_val=1.0,
        include_boundaries="right",
    )
    y = np.asarray(y_true).astype(bool)
    s = np.asarray(scores, dtype=float)
    if y.shape != s.shape:
        raise ValueError("y_true et scores doivent avoir la même longueur.")
    positive = np.sort(s[y])
    if positive.size == 0:
        raise ValueError("Aucun cancer dans les données de validation : seuil impossible.")
    # Leave out at most floor((1 - sensitivity) * n) cancers below the threshold.
    k = int(np.floor((1 - sensitivity) * positive.size + 1e-9))
    return float(positive[min(k, positive.size - 1)])


@dataclass(frozen=True)
class MixModel:
    """A model trained on one mix of skin types, with its threshold.

    Attributes
    ----------
    v_vi_share : float
        Share of types V and VI in its training and validation sets.
    model : sklearn.pipeline.Pipeline
        From :func:`fit_lesion_model`.
    threshold : float
        From :func:`sensitivity_threshold` on the validation split.
    train, validation : pandas.DataFrame
        The lesions it was trained on, and those its threshold was chosen on.
    """

    v_vi_share: float
    model: Pipeline
    threshold: float
    train: pd.DataFrame
    validation: pd.DataFrame


def train_on_mix(
    v_vi_share: float,
    *,
    n_train: int = 20_000,
    n_validation: int = 5_000,
    sensitivity: float = 0.9,
    random_state: int = 0,
) -> MixModel:
    """Draw a development set with this mix, split it, train, choose the threshold.

    The development set (``n_train + n_validation`` lesions) is drawn once with
    :func:`training_mix` and split in two: the first ``n_train`` lesions train
    the model, the others (drawn the same way) choose the threshold that flags
    ``sensitivity`` of their cancers.

    Parameters
    ----------
    v_vi_share : float
        Share of types V and VI, in [0, 1].
    n_train, n_validation : int
        Sizes of the two splits.
    sensitivity : float, default=0.9
        Share of validation cancers the threshold must flag.
    random_state : int, default=0
        Seed of the generator; the same seed for every share reuses the same
        random numbers, so that curves across shares are smooth.

    Returns
    -------
    MixModel
    """
    check_finite_scalar(n_train, "n_train", numbers.Integral, min_val=10)
    check_finite_scalar(n_validation, "n_validation", numbers.Integral, min_val=10)
    check_finite_scalar(random_state, "random_state", numbers.Integral)
    data = make_skin_lesions(
        n_samples=int(n_train) + int(n_validation),
        type_shares=training_mix(v_vi_share),
        random_state=int(random_state),
    )
    assert not isinstance(data, tuple)  # return_X_y is False: a Bunch
    frame = data.frame
    train = frame.iloc[: int(n_train)].reset_index(drop=True)
    validation = frame.iloc[int(n_train) :].reset_index(drop=True)
    model = fit_lesion_model(train)
    scores = model.predict_proba(validation[list(FEATURES)])[:, 1]
    threshold = sensitivity_threshold(validation["malignant"], scores, sensitivity)
    return MixModel(float(v_vi_share), model, threshold, train, validation)


def missed_by_group(model: Pipeline, threshold: float, test: pd.DataFrame) -> pd.DataFrame:
    """Count the cancers of ``test`` the model misses, per group of skin types and overall.

    Parameters
    ----------
    model : sklearn.pipeline.Pipeline
        A fitted model (``predict_proba``).
    threshold : float
        Flag when the score is at or above it.
    test : pandas.DataFrame
        Test lesions (``fitzpatrick``, the features, ``malignant``).

    Returns
    -------
    pandas.DataFrame
        Index: the groups of :data:`TYPE_GROUPS` then :data:`OVERALL`; columns
        ``cancers``, ``missed`` (ints) and ``fnr`` (``missed / cancers``).
    """
    scores = model.predict_proba(test[list(FEATURES)])[:, 1]
    cancer = test["malignant"].to_numpy() == 1
    missed = cancer & (scores < threshold)
    types = test["fitzpatrick"].astype(str).to_numpy()
    rows = {}
    for label, members in [*TYPE_GROUPS.items(), (OVERALL, None)]:
        keep = np.ones(len(test), bool) if members is None else np.isin(types, members)
        n_cancers, n_missed = int((cancer & keep).sum()), int((missed & keep).sum())
        rows[label] = {
            "cancers": n_cancers,
            "missed": n_missed,
            "fnr": n_missed / n_cancers if n_cancers else float("nan"),
        }
    return pd.DataFrame.from_dict(rows, orient="index")


def training_mix_grid(
    test: pd.DataFrame,
    *,
    shares: tuple[float, ...] = V_VI_SHARES,
    n_train: int = 20_000,
    n_validation: int = 5_000,
    sensitivity: float = 0.9,
    random_state: int = 0,
) -> pd.DataFrame:
    """Train one model per share of types V-VI and count what each misses on ``test``.

    Parameters
    ----------
    test : pandas.DataFrame
        The test lesions, the same for every model (a balanced set).
    shares : tuple of float, default=V_VI_SHARES
        Shares of types V and VI in training, increasing.
    n_train, n_validation, sensitivity, random_state
        Passed to :func:`train_on_mix`.

    Returns
    -------
    pandas.DataFrame
        One row per share and group: ``share``, ``group``, ``cancers``, ``missed``,
        ``fnr``.
    """
    if len(shares) < 2 or list(shares) != sorted(set(shares)):
        raise ValueError("shares : au moins deux parts, croissantes et distinctes.")
    frames = []
    for share in shares:
        trained = train_on_mix(
            share,
            n_train=n_train,
            n_validation=n_validation,
            sensitivity=sensitivity,
            random_state=random_state,
        )
        counts = missed_by_group(trained.model, trained.threshold, test)
        frames.append(counts.rename_axis("group").reset_index().assign(share=float(share)))
    grid = pd.concat(frames, ignore_index=True)
    return grid[["share", "group", "cancers", "missed", "fnr"]]


class TrainingMixExplorer:
    """Slide the share of skin types V-VI in training; read each group's missed cancers.

    The models are trained beforehand (:func:`training_mix_grid`): one row per
    share and group. The slider moves over the grid's shares; the table gives,
    for the chosen share, each group's false-negative rate with its 95 % Wilson
    interval, and a sentence states the gap between groups V-VI and I-II in
    points with its own 95 % interval (difference of two proportions, normal
    approximation), with no verdict: reading the interval is the student's
    task (module 05, question 4). The figure draws each group's rate against
    the share once; an update only moves the marker line and points (Agg
    blitting): well under 100 ms.

    Parameters
    ----------
    grid : pandas.DataFrame
        From :func:`training_mix_grid`.
    share : float, default=DEFAULT_V_VI_SHARE
        Initial share (the nearest share of the grid).
    n_train : int, optional
        Size of each training set, written in the caption when given.

    Attributes
    ----------
    slider : ipywidgets.IntSlider
        The share of types V and VI, in whole percentage points (``8`` for 8 %).
    table : ipywidgets.HTML
        The rates, intervals and the gap sentence.
    figure_view : ExplorerFigure
    image : ipywidgets.Image
    figure : matplotlib.figure.Figure
    widget : ipywidgets.VBox
    controls : dict
        ``{"part_v_vi": slider}``.
    state : dict
        ``share``, ``fnr`` (group → rate), ``gap_points`` and ``gap_interval``
        (low, high), in points.
    """

    def __init__(
        self,
        grid: pd.DataFrame,
        *,
        share: float = DEFAULT_V_VI_SHARE,
        n_train: int | None = None,
    ) -> None:
        if not isinstance(grid, pd.DataFrame) or not {
            "share",
            "group",
            "cancers",
            "missed",
            "fnr",
        } <= set(grid.columns):
            raise TypeError(
                "grid doit être le tableau rendu par training_mix_grid (colonnes share, group, "
                "cancers, missed, fnr)."
            )
        check_finite_scalar(share, "share", numbers.Real, min_val=0.0, max_val=1.0)
        self.grid = grid
        self.shares = np.array(sorted(grid["share"].unique()), dtype=float)
        if self.shares.size < 2:
            raise ValueError("grid : au moins deux parts de phototypes V–VI.")
        self.groups = [*TYPE_GROUPS, OVERALL]
        self._by_share = {
            round(float(s), 6): part.set_index("group").loc[self.groups]  # type: ignore[arg-type]
            for s, part in grid.groupby("share")
        }
        self.n_train = n_train
        self._build_figure()
        # In whole percentage points: an IntSlider writes its value without a decimal point.
        percent = np.round(100 * self.shares).astype(int)
        if not np.allclose(percent, 100 * self.shares):
            raise ValueError("grid : les parts doivent être des pourcentages entiers.")
        self.slider = widgets.IntSlider(
            value=round(100 * self._nearest(share)),
            min=int(percent[0]),
            max=int(percent[-1]),
            step=int(np.min(np.diff(percent))),
            description="Part des phototypes V et VI dans l'entraînement (%)",
            continuous_update=True,
            style={"description_width": "initial"},
            layout=widgets.Layout(width="80%"),
        )
        self.table = widgets.HTML()
        self.figure_view = ExplorerFigure()
        self.image = self.figure_view.image
        self.controls: dict[str, widgets.ValueWidget] = {"part_v_vi": self.slider}
        self.slider.observe(self._on_change, names="value")
        self.widget = widgets.VBox([self.slider, side_by_side(self.table, self.figure_view.widget)])
        self.state: dict[str, object] = {}
        self._table_id = new_table_id()
        # Every view is drawn once here (intervals, tables, figures): a slider move only
        # looks one up, which keeps the callback far under 100 ms.
        self._views = {round(float(s), 6): self._render(float(s)) for s in self.shares}
        self.update(self.slider.value / 100)

    def _nearest(self, share: float) -> float:
        return float(self.shares[int(np.argmin(np.abs(self.shares - float(share))))])

    def _build_figure(self) -> None:
        percent = 100 * self.shares
        with accessible_style():
            self.figure = Figure(figsize=(5.4, 4.2), layout="constrained")
            self._canvas = FigureCanvasAgg(self.figure)
            ax = self.figure.add_subplot()
            top = 0.0
            for (label, _), (colour, marker, dash) in zip(
                TYPE_GROUPS.items(), _STYLES, strict=True
            ):
                rates = 100 * np.array(
                    [self._by_share[round(s, 6)].loc[label, "fnr"] for s in self.shares]
                )
                top = max(top, float(np.nanmax(rates)))
                ax.plot(
                    percent,
                    rates,
                    color=colour,
                    marker=marker,
                    linestyle=dash,
                    markersize=4,
                    label=f"phototypes {label}",
                )
            overall = 100 * np.array(
                [self._by_share[round(s, 6)].loc[OVERALL, "fnr"] for s in self.shares]
            )
            ax.plot(
                percent,
                overall,
                color=PALETTE["black"],
                linestyle=":",
                linewidth=1.5,
                label="tous les phototypes",
            )
            ax.set_xlim(percent[0] - 1, percent[-1] + 1)
            ax.set_ylim(0, 1.2 * top)
            ax.xaxis.set_major_locator(MaxNLocator(integer=True))
            ax.yaxis.set_major_locator(MaxNLocator(integer=True))
            ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _: fr_number(v, 0)))
            ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fr_number(v, 0)))
            ax.set_title("Cancers manqués selon la part des phototypes V–VI\nà l'entraînement")
            ax.set_xlabel("Part des phototypes V et VI dans l'entraînement (%)")
            ax.set_ylabel("Taux de faux négatifs (%)")
            ax.legend(loc="upper right", fontsize=8)
            self._points = []
            self._labels = []
            for colour, marker, _ in _STYLES:
                (point,) = ax.plot([], [], color=colour, marker=marker, markersize=10, ls="none")
                text = ax.annotate(
                    "",
                    (0, 0),
                    xytext=(8, 0),
                    textcoords="offset points",
                    ha="left",
                    va="center",
                    fontsize=9,
                    fontweight="bold",
                    color=colour,
                )
                self._points.append(point)
                self._labels.append(text)
            self._vline = ax.axvline(0, color=PALETTE["black"], linestyle="--", linewidth=1)
            self._animated = [self._vline, *self._points, *self._labels]
            for artist in self._animated:
                artist.set_animated(True)
            self._background = freeze_background(self._canvas)

    def _on_change(self, change: dict) -> None:
        self.update(self.slider.value / 100)

    def compute(self, share: float) -> pd.DataFrame:
        """Return the rows of the grid at the share nearest ``share`` (groups, then overall)."""
        return self._by_share[round(self._nearest(share), 6)]

    def update(self, share: float) -> dict[str, object]:
        """Show the models trained with ``share`` (snapped to the grid) of types V-VI.

        Parameters
        ----------
        share : float
            Share of types V and VI in training.

        Returns
        -------
        dict
            The new :attr:`state`.
        """
        state, png, alt, html = self._views[round(self._nearest(share), 6)]
        self.state = dict(state)
        self.figure_view.show(png, alt)
        self.table.value = html
        return self.state

    def _render(self, share: float) -> tuple[dict[str, object], bytes, str, str]:
        """Compute what the explorer shows at ``share``: state, PNG, text alternative, HTML."""
        rows = self.compute(share)
        fnr = {group: float(rows.at[group, "fnr"]) for group in self.groups}  # type: ignore[arg-type]
        gap = 100 * (fnr["V–VI"] - fnr["I–II"])
        cancers = {group: float(rows.at[group, "cancers"]) for group in ("V–VI", "I–II")}  # type: ignore[arg-type]
        variance = sum(fnr[g] * (1 - fnr[g]) / n for g, n in cancers.items())
        margin = 100 * _Z95 * variance**0.5
        interval = (gap - margin, gap + margin)
        state = {"share": share, "fnr": fnr, "gap_points": gap, "gap_interval": interval}
        for index, group in enumerate(TYPE_GROUPS):
            y = 100 * fnr[group]
            self._points[index].set_data([100 * share], [y])
            self._labels[index].xy = (100 * share, y)
            self._labels[index].set_text(fr_number(y, 1))
        self._vline.set_xdata([100 * share, 100 * share])
        png = blit_png(self._canvas, self._background, self._animated)
        html = self._table_html(share, rows, gap, interval)
        return state, png, self._describe(share, fnr, gap), html

    def _describe(self, share: float, fnr: dict[str, float], gap: float) -> str:
        rates = " ; ".join(f"{group} {fr_percent(fnr[group])}" for group in self.groups)
        return (
            "Courbes du taux de faux négatifs (cancers manqués parmi les cancers du test "
            "équilibré), une par groupe de phototypes, selon la part des phototypes V et VI "
            f"dans l'entraînement, de {fr_percent(self.shares[0], 0)} à "
            f"{fr_percent(self.shares[-1], 0)}. À {fr_percent(share, 0)} (ligne verticale) : "
            f"{rates}. Écart V–VI moins I–II : {fr_number(gap, 1)} points."
        )

    def _table_html(
        self, share: float, rows: pd.DataFrame, gap: float, interval: tuple[float, float]
    ) -> str:
        cells = {}
        for group in self.groups:
            cancers = int(rows.at[group, "cancers"])  # type: ignore[arg-type]
            missed = int(rows.at[group, "missed"])  # type: ignore[arg-type]
            low, high = proportion_ci(missed, cancers) if cancers else (float("nan"),) * 2
            cells[group] = {
                "Cancers manqués": f"{fr_count(missed)} sur {fr_count(cancers)}",
                "Taux de faux négatifs": fr_percent(missed / cancers) if cancers else "non défini",
                "Intervalle à 95 %": f"{fr_percent(low)} à {fr_percent(high)}",
            }
        frame = pd.DataFrame.from_dict(cells, orient="index")
        frame.index = [
            f"phototypes {group}" if group != OVERALL else "tous les phototypes"
            for group in self.groups
        ]
        size = f" de {fr_count(self.n_train)} lésions" if self.n_train else ""
        table = styled_table(
            frame,
            caption=(
                f"Modèle entraîné sur un jeu{size} dont {fr_percent(share, 0)} de phototypes "
                "V et VI ; test équilibré (même nombre de lésions par phototype)"
            ),
            table_id=f"{self._table_id}_mix",
            corner="Groupe",
            text_columns=list(frame.columns),
        ).to_html()
        gap_text, low_text, high_text = (_signed(value) for value in (gap, *interval))
        sentence = (
            f"<b>Écart V–VI moins I–II</b>{_NARROW_NBSP}: {gap_text} points (taux des "
            f"phototypes V–VI moins taux des phototypes I–II){_NARROW_NBSP}; intervalle à "
            f"95{_NARROW_NBSP}% de l'écart{_NARROW_NBSP}: {low_text} à {high_text} points."
        )
        return (
            table
            + f"<p>{sentence}</p>"
            + "<p style='font-size:90%'>Données synthétiques : jamais d'usage clinique.</p>"
        )

    def _ipython_display_(self) -> None:
        show_explorer(self.widget)


@dataclass(frozen=True)
class SkinVariant:
    """One student's seeds for module 05's evaluated session (see :func:`skin_variant`).

    Attributes
    ----------
    seed : int
        The training seed (``GRAINE``); the balanced test uses ``seed + 1``.
    editor_test_seed : int
        The seed of the vendor's test set (``GRAINE_TEST_EDITEUR``).
    editor_test_size : int
        The number of lesions of the vendor's test set (``N_TEST_EDITEUR``): 2 000 on half the
        slots of the pool, 10 000 on the other half (review d22).
    """

    seed: int
    editor_test_seed: int
    editor_test_size: int


#: The pool of seed slots (training seed, vendor's test seed, vendor's test size), vetted by
#: tests/skin_vetting.py: with each, the module's questions read as its texts say, and no named
#: mistake of questions 1, 2 and 4a comes close to a key. Sorted by training seed. Copies that
#: draw the same slot share their lesions. Review d18: a margin of a point around 0 for
#: question 4b, clear-cut types I and II for question 3a. Review d22: 82 slots (a room of 30
#: expects 435 / 82 pairs of copies on the same slot), about half of them with a vendor's test
#: of 10 000 lesions (question 3b's key varies), about half of each key of question 4b.
#: Review d23: training seed 664290049 is back, with a new vendor's test (its former one put a
#: named mistake of question 2 within 0,0025 of the key).
_SEED_PAIRS: tuple[tuple[int, int, int], ...] = (
    (7315058, 509614738, 2000),
    (11066222, 869103872, 10000),
    (15403647, 417219610, 10000),
    (19417482, 731857840, 2000),
    (19946078, 854199415, 2000),
    (43200311, 868542188, 2000),
    (48816144, 88810773, 10000),
    (59148118, 753883826, 2000),
    (76513729, 322934826, 2000),
    (85088172, 1017292398, 2000),
    (91416039, 486578700, 2000),
    (91631686, 676154213, 10000),
    (96655082, 874079683, 2000),
    (116062735, 1014424591, 2000),
    (128969859, 817961538, 10000),
    (146829917, 680807248, 10000),
    (148399856, 402067567, 10000),
    (164398360, 1036072623, 10000),
    (169668119, 136271089, 2000),
    (187288205, 243183698, 10000),
    (188648850, 880482319, 2000),
    (195631991, 427605556, 2000),
    (196421712, 581068812, 10000),
    (198646113, 675379059, 2000),
    (203773534, 1061904818, 2000),
    (207114881, 824878289, 10000),
    (210577136, 739715054, 10000),
    (211943625, 1065307461, 2000),
    (213812951, 909723252, 2000),
    (217959773, 430818205, 10000),
    (219226814, 839441785, 10000),
    (228336599, 999018520, 2000),
    (236378367, 505487184, 2000),
    (250183017, 826146669, 10000),
    (307495633, 765251465, 10000),
    (313366783, 935660250, 2000),
    (333695509, 267624261, 10000),
    (334753365, 1029959435, 2000),
    (339190686, 451909088, 10000),
    (351022333, 197531754, 10000),
    (352657633, 325428607, 10000),
    (357985500, 734947572, 2000),
    (377042837, 857718214, 2000),
    (402404179, 613672983, 10000),
    (408614544, 496562876, 2000),
    (435016590, 608572059, 10000),
    (444403563, 332500430, 10000),
    (457176318, 719011696, 10000),
    (465131533, 216634226, 10000),
    (473656301, 737430691, 10000),
    (480299558, 705161981, 10000),
    (486912223, 976815341, 2000),
    (522152915, 717353013, 10000),
    (538708088, 447357953, 2000),
    (541155168, 429094541, 10000),
    (541840438, 2685086, 10000),
    (543441190, 433489001, 2000),
    (546347062, 668828581, 2000),
    (577688210, 373468605, 10000),
    (580949207, 781638649, 10000),
    (586850382, 539965042, 2000),
    (623712544, 669536013, 10000),
    (664290049, 208122804, 2000),
    (682156354, 780343259, 10000),
    (689937804, 735438196, 2000),
    (725796052, 10778685, 10000),
    (748695613, 663349915, 2000),
    (767043417, 575671692, 2000),
    (769663755, 281789416, 2000),
    (790645780, 495656157, 10000),
    (825280259, 345721256, 2000),
    (850059695, 903598731, 2000),
    (893061990, 74405471, 2000),
    (893933608, 897886, 10000),
    (899985487, 467579291, 10000),
    (960076967, 667895655, 10000),
    (972201991, 84374916, 2000),
    (979115777, 696877552, 2000),
    (981288183, 305509062, 2000),
    (1020352288, 847489383, 2000),
    (1022596944, 312417368, 10000),
    (1023734918, 129113756, 2000),
)


def skin_variant(student_seed: int) -> SkinVariant:
    """Return a student's seeds for module 05's evaluated session.

    The slot of the pool is drawn from the student's seed alone
    (``default_rng([student_seed, 5])``): no model is trained, and nothing about the copy's
    answers is computed here (review 07, finding 1: the keys are in the notebook's hidden
    tests, the vetting of the pool in the test suite).

    Parameters
    ----------
    student_seed : int
        From :func:`esn_teach.checks.student_seed`.

    Returns
    -------
    SkinVariant
    """
    check_finite_scalar(student_seed, "student_seed", numbers.Integral, min_val=0)
    slot = int(np.random.default_rng([int(student_seed), 5]).integers(len(_SEED_PAIRS)))
    seed, editor_test_seed, editor_test_size = _SEED_PAIRS[slot]
    return SkinVariant(int(seed), int(editor_test_seed), int(editor_test_size))
