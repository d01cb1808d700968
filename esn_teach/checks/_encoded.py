"""Text carried in a notebook cell without being readable there: solutions, guides, messages.

A self-paced release carries each question's solution and each reflection's
marking guide; every student version carries the messages of its visible
checks, which name the mistake of each wrong option and would give a
multiple-choice answer away by elimination. They are written compressed and
base64-encoded, and decoded when the learner asks (a button) or when the check
runs. This is not a secret: anyone can decode them. It only keeps them from
being read by accident, or instead of thinking.
"""

from __future__ import annotations

import base64
import zlib

__all__ = ["decode_text", "encode_text"]


def encode_text(text: str) -> str:
    """Return ``text`` compressed and base64-encoded: not read by accident in a cell.

    Parameters
    ----------
    text : str

    Returns
    -------
    str
        ASCII letters, digits, ``+``, ``/`` and ``=`` only.
    """
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 9)).decode("ascii")


def decode_text(encoded: str) -> str:
    """Inverse of :func:`encode_text`.

    Parameters
    ----------
    encoded : str

    Returns
    -------
    str
    """
    return zlib.decompress(base64.b64decode(encoded)).decode("utf-8")
