"""Load the French named-entity recogniser of spaCy quickly (module 14, section 6).

``spacy.load("fr_core_news_sm")`` imports ``spacy.lang.fr``, whose import compiles
``TOKEN_MATCH``: one case-insensitive regular expression over some 400 hyphenated French
words (« faux-vampire », « vingt-quatre »), about 2.3 s on the course machines, more than
everything else the module computes. Only the entity recogniser is needed here, so this
loads the package's own weights (``tok2vec`` and ``ner``) and its own tokenizer rules
(prefixes, suffixes, infixes, exceptions) into spaCy's language-neutral class (« xx »),
leaving out that one expression. On the module's 100 notes the tokens differ only for
hyphenated numbers written in words (« vingt-quatre » is split in three), and the
entities labelled « personne » are the same (``tests/generative/test_ner.py``).
"""

from __future__ import annotations

from typing import Any

#: The pipeline components not needed to find entities (not loaded at all).
UNUSED_COMPONENTS = ("parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter")


def load_french_ner(name: str = "fr_core_news_sm") -> Any:
    """Load ``tok2vec`` and ``ner`` of a French spaCy package, without ``spacy.lang.fr``.

    Parameters
    ----------
    name : str, default="fr_core_news_sm"
        An installed French spaCy pipeline package.

    Returns
    -------
    spacy.language.Language
        A pipeline whose ``pipe_names`` are ``["tok2vec", "ner"]``; its tokenizer uses
        the package's rules except the hyphenated-word ``token_match``.
    """
    import spacy
    from spacy.util import get_package_path, get_package_version

    nlp = spacy.load(
        name,
        config={"nlp": {"lang": "xx"}},
        exclude=[*UNUSED_COMPONENTS, "tokenizer"],
    )
    data = get_package_path(name) / f"{name}-{get_package_version(name)}"
    tokenizer: Any = nlp.tokenizer  # spacy.tokenizer.Tokenizer (typed as a callable)
    tokenizer.from_disk(data / "tokenizer", exclude=["vocab", "token_match"])
    return nlp
