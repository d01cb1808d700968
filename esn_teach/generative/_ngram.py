"""Word n-gram language model with interpolated orders and a temperature."""

from __future__ import annotations

import math
import numbers
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from esn_teach._validation import check_finite_scalar, received
from esn_teach.datasets._base import RandomStateLike, check_random_state
from esn_teach.datasets._clinical_notes import dose_in_mg

__all__ = [
    "END",
    "NGramModel",
    "apply_temperature",
    "detokenize",
    "perplexity",
    "prescription_audit",
    "tokenize",
]

#: The token that ends a note (the model can choose to stop).
END = "<fin>"
_START = "<début>"

# A number (« 2,5 », « 150/90 », « 02/05/23 »), a word with its hyphens and
# apostrophes (« l'équipe », « vingt-quatre »), or one punctuation sign.
_TOKEN = re.compile(r"\d+(?:,\d+)?(?:/\d+)*|\w+(?:[-'’]\w+)*|[^\w\s]")
_NUMBER = re.compile(r"^\d+(?:,\d+)?$")
#: How :func:`prescription_audit` starts a prescription, as the corpus writes it.
PRESCRIPTION_PROMPT = "Traitement : {drug}, un comprimé de"
#: Default weights of the unigram, bigram and trigram estimates (sum to 1).
DEFAULT_WEIGHTS = {1: (1.0,), 2: (0.2, 0.8), 3: (0.1, 0.3, 0.6), 4: (0.1, 0.2, 0.3, 0.4)}


def tokenize(text: str) -> list[str]:
    """Cut ``text`` into words, numbers and punctuation signs (the model's tokens).

    Parameters
    ----------
    text : str
        French text.

    Returns
    -------
    list of str
        The tokens, in order; case and accents are kept.
    """
    if not isinstance(text, str):
        raise TypeError(f"« text » doit être un texte ; {received(text)}.")
    return _TOKEN.findall(text)


def detokenize(tokens: Iterable[str]) -> str:
    """Write tokens back as text: no space before « . » and « , », none after « ’ ».

    Parameters
    ----------
    tokens : iterable of str
        Tokens, as produced by :func:`tokenize` or a model (:data:`END` is dropped).

    Returns
    -------
    str
        The text.
    """
    text = " ".join(token for token in tokens if token != END)
    return re.sub(r" ([.,)])", r"\1", text).replace("( ", "(")


def apply_temperature(probabilities: Any, temperature: float) -> np.ndarray:
    """Reshape next-token probabilities with a temperature.

    Each probability is raised to the power ``1 / temperature``, then all are
    divided by their sum: below 1 the most probable tokens gain, above 1 the
    distribution flattens and rare tokens gain.

    Parameters
    ----------
    probabilities : array-like of float
        Non-negative numbers that sum to 1.
    temperature : float
        Strictly positive.

    Returns
    -------
    numpy.ndarray
        The new probabilities, summing to 1.
    """
    temperature = check_finite_scalar(
        temperature,
        "temperature",
        numbers.Real,
        min_val=0.0,
        max_val=100.0,
        include_boundaries="right",
    )
    p = np.asarray(probabilities, dtype=float)
    if p.ndim != 1 or p.size == 0 or np.any(p < 0) or not np.isfinite(p).all():
        raise ValueError("« probabilities » doit être une liste de nombres positifs ou nuls.")
    with np.errstate(divide="ignore"):
        logits = np.log(p) / float(temperature)
    logits -= logits.max()
    weights = np.exp(logits)
    return weights / weights.sum()


def perplexity(probabilities: Any) -> float:
    """Perplexity of a text from the probability the model gave to each of its tokens.

    ``exp`` of the mean of ``-ln p``: the inverse of the geometric mean of the
    probabilities. A model that always hesitated between ``k`` equally likely
    tokens has perplexity ``k``.

    Parameters
    ----------
    probabilities : array-like of float
        One probability per token, each in (0, 1].

    Returns
    -------
    float
        The perplexity, at least 1.
    """
    p = np.asarray(probabilities, dtype=float)
    if p.ndim != 1 or p.size == 0 or np.any(p <= 0) or np.any(p > 1):
        raise ValueError(
            "« probabilities » doit contenir au moins une probabilité, chacune entre 0 "
            "(exclu) et 1."
        )
    return float(np.exp(-np.log(p).mean()))


class NGramModel:
    """A word n-gram language model: the probability of the next word given the previous ones.

    Counted on a corpus: the share of times each word followed the same
    ``n - 1`` words (the trigram estimate, for ``n = 3``), mixed with the share
    after the last word alone (bigram) and the share of the word in the whole
    corpus (unigram), with ``weights``. The mix gives every known word a small
    probability everywhere, which is how the model can write a fluent sequence it
    never read. When a context was never seen, its weight goes to the shorter ones.

    Parameters
    ----------
    n : int, default=3
        Length of the word sequences counted (2 to 4).
    weights : sequence of float, optional
        Weight of the 1-, 2-, …, n-word estimates; by default
        ``(0.1, 0.3, 0.6)`` for ``n = 3``.

    Attributes
    ----------
    vocabulary : list of str
        The tokens the model can write, :data:`END` included.
    n_tokens : int
        Number of tokens read during :meth:`fit`.
    """

    def __init__(self, n: int = 3, weights: Sequence[float] | None = None) -> None:
        self.n = int(check_finite_scalar(n, "n", numbers.Integral, min_val=2, max_val=4))
        chosen = DEFAULT_WEIGHTS[self.n] if weights is None else tuple(weights)
        if len(chosen) != self.n or any(w < 0 for w in chosen) or sum(chosen) <= 0:
            raise ValueError(
                f"« weights » doit contenir {self.n} poids positifs ou nuls, un par ordre."
            )
        self.weights = tuple(float(w) / sum(chosen) for w in chosen)
        self.vocabulary: list[str] = []
        self.n_tokens = 0

    def fit(self, texts: Iterable[str]) -> NGramModel:
        """Count the word sequences of ``texts`` (one text per note).

        Parameters
        ----------
        texts : iterable of str
            The training corpus.

        Returns
        -------
        NGramModel
            The model itself, fitted.
        """
        counts: list[defaultdict[tuple[str, ...], Counter[str]]] = [
            defaultdict(Counter) for _ in range(self.n)
        ]
        n_tokens = 0
        for text in texts:
            tokens = [_START] * (self.n - 1) + tokenize(text) + [END]
            n_tokens += len(tokens) - (self.n - 1)
            for i in range(self.n - 1, len(tokens)):
                for order in range(self.n):  # order 0 = unigram (empty context)
                    counts[order][tuple(tokens[i - order : i])][tokens[i]] += 1
        if n_tokens == 0:
            raise ValueError("« texts » ne contient aucun texte : rien à apprendre.")
        self.vocabulary = sorted(counts[0][()])
        self._index = {token: i for i, token in enumerate(self.vocabulary)}
        self._tables: list[dict[tuple[str, ...], tuple[np.ndarray, np.ndarray]]] = []
        for order in range(self.n):
            table = {}
            for context, counter in counts[order].items():
                idx = np.fromiter((self._index[t] for t in counter), dtype=np.int64)
                freq = np.fromiter(counter.values(), dtype=float)
                table[context] = (idx, freq / freq.sum())
            self._tables.append(table)
        self._unigram = np.zeros(len(self.vocabulary))
        idx, p = self._tables[0][()]
        self._unigram[idx] = p
        self.n_tokens = n_tokens
        return self

    def _check_fitted(self) -> None:
        if not self.vocabulary:
            raise ValueError("le modèle n'a pas encore appris : appelez d'abord fit(textes).")

    def context_of(self, text_or_tokens: str | Sequence[str]) -> tuple[str, ...]:
        """Return the last ``n - 1`` tokens of a prompt (padded at the start of a note).

        Parameters
        ----------
        text_or_tokens : str or sequence of str
            The prompt, as text or tokens.

        Returns
        -------
        tuple of str
            The context the model looks at.
        """
        tokens = tokenize(text_or_tokens) if isinstance(text_or_tokens, str) else text_or_tokens
        padded = [_START] * (self.n - 1) + list(tokens)
        return tuple(padded[len(padded) - (self.n - 1) :])

    def next_probabilities(self, context: str | Sequence[str]) -> np.ndarray:
        """Probability of each token of :attr:`vocabulary` after ``context``.

        Parameters
        ----------
        context : str or sequence of str
            The text so far (only its last ``n - 1`` tokens count).

        Returns
        -------
        numpy.ndarray
            One probability per vocabulary token, summing to 1.
        """
        self._check_fitted()
        ctx = self.context_of(context)
        p = self._unigram * self.weights[0]
        used = self.weights[0]
        for order in range(1, self.n):
            found = self._tables[order].get(ctx[len(ctx) - order :])
            if found is not None:
                idx, probs = found
                p[idx] += self.weights[order] * probs
                used += self.weights[order]
        if used == 0:  # only weightless orders: fall back on the corpus shares
            return self._unigram.copy()
        return p / used

    def top_next(
        self, context: str | Sequence[str], *, temperature: float = 1.0, k: int = 8
    ) -> pd.DataFrame:
        """List the ``k`` most probable next tokens, at temperature 1 and at ``temperature``.

        Parameters
        ----------
        context : str or sequence of str
            The text so far.
        temperature : float, default=1.0
            Strictly positive.
        k : int, default=8
            Number of tokens listed.

        Returns
        -------
        pandas.DataFrame
            Columns ``token``, ``p`` (temperature 1) and ``p_temperature``, sorted by
            decreasing ``p_temperature``.
        """
        p = self.next_probabilities(context)
        q = apply_temperature(p, temperature)
        order = np.argsort(-q, kind="stable")[:k]
        return pd.DataFrame(
            {
                "token": [self.vocabulary[i] for i in order],
                "p": p[order],
                "p_temperature": q[order],
            }
        )

    def generate(
        self,
        prompt: str | Sequence[str],
        *,
        temperature: float = 1.0,
        max_tokens: int = 20,
        random_state: RandomStateLike = None,
    ) -> list[str]:
        """Draw a continuation of ``prompt``, one token at a time.

        Parameters
        ----------
        prompt : str or sequence of str
            The beginning of the text.
        temperature : float, default=1.0
            Strictly positive; low values almost always take the most probable token.
        max_tokens : int, default=20
            Stop after this many tokens (or at :data:`END`).
        random_state : None, int or numpy.random.Generator
            Seed: the same prompt, temperature and seed give the same text.

        Returns
        -------
        list of str
            The generated tokens (without the prompt).
        """
        rng = check_random_state(random_state)
        tokens = tokenize(prompt) if isinstance(prompt, str) else list(prompt)
        out: list[str] = []
        for _ in range(int(max_tokens)):
            q = apply_temperature(self.next_probabilities(tokens + out), temperature)
            token = self.vocabulary[int(rng.choice(len(q), p=q))]
            out.append(token)
            if token == END:
                break
        return out

    def token_probabilities(self, text: str, *, prompt: str = "") -> list[tuple[str, float]]:
        """Give the probability the model gives to each token of ``text``, in turn.

        Parameters
        ----------
        text : str
            The text scored (tokens unknown to the model get probability 0).
        prompt : str, default=""
            Text before it, used as context only.

        Returns
        -------
        list of (str, float)
            Each token with its probability.
        """
        self._check_fitted()
        before = tokenize(prompt)
        scored = []
        for token in tokenize(text):
            p = self.next_probabilities(before)
            i = self._index.get(token)
            scored.append((token, float(p[i]) if i is not None else 0.0))
            before.append(token)
        return scored


def prescription_audit(
    model: NGramModel,
    reference_doses: Mapping[str, Sequence[tuple[str, str]]],
    temperatures: Sequence[float],
    *,
    prompt: str = PRESCRIPTION_PROMPT,
    n_per_drug: int = 200,
    random_state: RandomStateLike = None,
) -> pd.DataFrame:
    """Let the model complete a prescription of each drug and check the dose it writes.

    For each drug and temperature, ``n_per_drug`` continuations of two tokens
    (a dose and its unit) are drawn. Each prescription is classed: « dose du
    corpus » (same amount, in mg, as a dose the corpus writes for this drug),
    « dose hors corpus » (a number and a unit, fluent, but not such an amount), or
    « pas une dose » (the word after the drug is not a number, or no unit follows it).

    Parameters
    ----------
    model : NGramModel
        A fitted model.
    reference_doses : mapping
        Drug → doses ``(value, unit)`` found in the corpus.
    temperatures : sequence of float
        The temperatures compared.
    prompt : str, default=PRESCRIPTION_PROMPT
        The beginning of the prescription, with ``{drug}`` where the drug's name goes.
    n_per_drug : int, default=200
        Prescriptions drawn per drug and temperature.
    random_state : None, int or numpy.random.Generator
        Seed.

    Returns
    -------
    pandas.DataFrame
        One row per prescription drawn: ``temperature``, ``drug``, ``dose``,
        ``unit``, ``verdict``.
    """
    rng = check_random_state(random_state)
    n = int(check_finite_scalar(n_per_drug, "n_per_drug", numbers.Integral, min_val=1))
    vocabulary = np.array(model.vocabulary, dtype=object)
    frames = []
    for temperature in temperatures:
        for drug, doses in reference_doses.items():
            allowed = {round(dose_in_mg(v, u), 6) for v, u in doses}
            start = tokenize(prompt.format(drug=drug))
            q = apply_temperature(model.next_probabilities(start), temperature)
            first = vocabulary[rng.choice(len(q), size=n, p=q)]
            units = np.full(n, "", dtype=object)
            # Sorted, never a set: the order in which the seeded generator draws the
            # units must not depend on Python's string hashing (PYTHONHASHSEED).
            for value in sorted(set(first)):
                if _NUMBER.match(value):
                    where = np.flatnonzero(first == value)
                    q2 = apply_temperature(model.next_probabilities([*start, value]), temperature)
                    units[where] = vocabulary[rng.choice(len(q2), size=where.size, p=q2)]
            verdict = []
            for value, unit in zip(first, units, strict=True):
                mg = dose_in_mg(value, unit) if _NUMBER.match(value) else math.nan
                if math.isnan(mg):
                    verdict.append("pas une dose")
                elif round(mg, 6) not in allowed:
                    verdict.append("dose hors corpus")
                else:
                    verdict.append("dose du corpus")
            frames.append(
                pd.DataFrame(
                    {
                        "temperature": float(temperature),
                        "drug": drug,
                        "dose": first,
                        "unit": units,
                        "verdict": verdict,
                    }
                )
            )
    return pd.concat(frames, ignore_index=True)
