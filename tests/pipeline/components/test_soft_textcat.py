"""svpol_soft_textcat_multilabel: spaCy's multi-label classifier, trainable on soft targets."""

import pytest
import spacy
from spacy.training import Example

import svpol.components  # noqa: F401  (registers the factory)

TEXTS = ["skolan och lärarna", "polisen och brotten", "skolan och polisen"]
# Soft targets: what a teacher's scores look like.
TARGETS = [{"education": 0.9, "safety": 0.1}, {"education": 0.05, "safety": 0.8}, {"education": 0.5, "safety": 0.5}]


def examples(nlp):
    return [Example.from_dict(nlp.make_doc(t), {"cats": c}) for t, c in zip(TEXTS, TARGETS)]


def test_spacy_textcat_refuses_soft_targets_which_is_why_this_exists():
    nlp = spacy.blank("sv")
    nlp.add_pipe("textcat_multilabel")
    with pytest.raises(ValueError, match="E851"):
        nlp.initialize(lambda: examples(nlp))


def test_learns_soft_targets_and_survives_a_round_trip(tmp_path):
    # Deterministic whatever ran before: the weights' initialisation and dropout use the global seed.
    spacy.util.fix_random_seed(0)
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_soft_textcat_multilabel", name="textcat_multilabel")
    optimizer = nlp.initialize(lambda: examples(nlp))
    for _ in range(200):
        nlp.update(examples(nlp), sgd=optimizer)
    for text, target in zip(TEXTS, TARGETS):
        cats = nlp(text).cats
        for label, value in target.items():
            assert cats[label] == pytest.approx(value, abs=0.1), (text, label)
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    assert loaded.get_pipe_meta("textcat_multilabel").factory == "svpol_soft_textcat_multilabel"
    assert loaded(TEXTS[2]).cats == pytest.approx(nlp(TEXTS[2]).cats)


def test_refuses_targets_outside_0_1():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_soft_textcat_multilabel")
    bad = [Example.from_dict(nlp.make_doc("skolan"), {"cats": {"education": 1.5}})]
    with pytest.raises(ValueError, match=r"education=1\.5 outside \[0, 1\]"):
        nlp.initialize(lambda: bad)
