"""The quick loader of spaCy's French entity recogniser finds the same persons."""

import sys

import pytest

from esn_teach.datasets import make_clinical_notes
from esn_teach.generative import load_french_ner

spacy = pytest.importorskip("spacy")
pytest.importorskip("fr_core_news_sm")


def _persons(nlp, texts):
    return [
        [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PER"]
        for doc in nlp.pipe(texts)
    ]


def test_quick_loader_finds_the_same_persons_as_the_full_pipeline():
    texts = make_clinical_notes(n_samples=100, random_state=14).frame["text"].tolist()
    quick = load_french_ner()
    assert quick.pipe_names == ["tok2vec", "ner"]
    assert quick.tokenizer.token_match is None
    # French tokenizer rules kept: elision and abbreviations split as in French.
    assert [t.text for t in quick("l'équipe du Dr. Petit")] == [
        "l'",
        "équipe",
        "du",
        "Dr.",
        "Petit",
    ]
    full = spacy.load(
        "fr_core_news_sm",
        exclude=["parser", "lemmatizer", "morphologizer", "attribute_ruler", "senter"],
    )
    assert _persons(quick, texts) == _persons(full, texts)


def test_quick_loader_does_not_import_spacy_lang_fr():
    import subprocess

    code = (
        "import sys; from esn_teach.generative import load_french_ner; load_french_ner(); "
        "print('spacy.lang.fr' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
