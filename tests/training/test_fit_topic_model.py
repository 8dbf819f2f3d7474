"""`python -m training fit-topic-model`: the text topic model fitted on hand-annotated paragraphs."""

import json

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from model_fixtures import TOPIC_GOLD_TEXTS as TEXTS
from model_fixtures import write_topic_docs
from svpol.labels import TOPIC_LABELS
from training.__main__ import app
from training.fit_topics import fit_topic_model

def test_fit_topic_model_writes_a_pipeline_with_the_text_model(tmp_path, batch_model_dir):
    train = write_topic_docs(tmp_path / "topics-train.spacy")
    record = fit_topic_model(batch_model_dir, [train], tmp_path / "out", hashed_features=512, static_vectors=False,
                             folds=3)
    assert record["n_docs"] == 24
    assert record["crossfit_micro"]["f"] > 0.9  # three separable topics, each fold sees the others' copies
    assert (tmp_path / "out" / "topic_evidence" / "text_model.npz").is_file()
    meta = json.loads((tmp_path / "out" / "meta.json").read_text(encoding="utf8"))
    assert set(meta["svpol"]["topic_thresholds"]) == set(TOPIC_LABELS)
    nlp = spacy.load(tmp_path / "out")
    assert nlp.get_pipe("topic_evidence").text_model.hashed_features == 512
    cats = nlp(TEXTS["transport"]).cats
    assert cats["transport"] > 0.5 > cats["budget"]


def test_fit_topic_model_refuses_dev_and_test_sets(tmp_path, batch_model_dir):
    dev = write_topic_docs(tmp_path / "gold-dev.spacy", copies=1)
    result = CliRunner().invoke(app, ["fit-topic-model", str(batch_model_dir), str(dev), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "not for fitting" in result.output
    assert not (tmp_path / "o").exists()


def test_fit_topic_model_fits_the_grid_point_with_the_best_crossfit_score(tmp_path, batch_model_dir):
    train = write_topic_docs(tmp_path / "topics-train.spacy")
    record = fit_topic_model(batch_model_dir, [train], tmp_path / "out", hashed_features=512, static_vectors=False,
                             l2_hashed=[3.0, 0.03], folds=3)
    assert [g["l2_hashed"] for g in record["grid"]] == [3.0, 0.03]
    best = max(record["grid"], key=lambda g: g["crossfit_micro_f"])
    assert record["l2_hashed"] == best["l2_hashed"]
    assert record["crossfit_micro"]["f"] == best["crossfit_micro_f"]
    meta = json.loads((tmp_path / "out" / "meta.json").read_text(encoding="utf8"))
    assert meta["svpol"]["topic_calibration"]["l2_hashed"] == best["l2_hashed"]


def test_fit_topic_model_command_prints_the_grid(tmp_path, batch_model_dir):
    train = write_topic_docs(tmp_path / "topics-train.spacy")
    result = CliRunner().invoke(app, ["fit-topic-model", str(batch_model_dir), str(train), "-o", str(tmp_path / "o"),
                                      "--hashed-features", "512", "--no-static-vectors", "--folds", "3",
                                      "--l2-hashed", "3", "--l2-hashed", "0.03"])
    assert result.exit_code == 0, result.output
    assert "blend 0, l2 hashed 3: cross-validated micro F1" in result.output
    assert "blend 0, l2 hashed 0.03: cross-validated micro F1" in result.output
    assert "fitted: blend 0, l2 hashed" in result.output


def test_fit_topic_model_refuses_a_blend_outside_zero_to_one(tmp_path, batch_model_dir):
    train = write_topic_docs(tmp_path / "topics-train.spacy")
    with pytest.raises(ValueError, match="blend must be between 0 and 1.0, got 1.5"):
        fit_topic_model(batch_model_dir, [train], tmp_path / "out", hashed_features=512, static_vectors=False,
                        blend=[0.5, 1.5])


def test_distilled_paragraphs_teach_the_text_model_but_never_choose_thresholds(tmp_path, batch_model_dir):
    from training.gold import SOURCE_KEY

    train = write_topic_docs(tmp_path / "topics-train.spacy")
    # soft labels for a topic the hand-annotated paragraphs never name
    text = "Hyresrätterna och bostadsbristen kräver fler nya lägenheter i kommunen."
    nlp = spacy.blank("sv")
    soft = []
    for n in range(12):
        doc = nlp.make_doc(text)
        doc.cats = {label: 0.9 if label == "housing" else 0.05 for label in TOPIC_LABELS}
        doc.user_data[SOURCE_KEY] = {"doc": f"ipq-distilled-{n}", "annotator": "distilled:test"}
        soft.append(doc)
    distilled = tmp_path / "topics-distilled.spacy"
    DocBin(docs=soft, store_user_data=True).to_disk(distilled)
    settings = dict(hashed_features=512, static_vectors=False, folds=3)
    without = fit_topic_model(batch_model_dir, [train], tmp_path / "without", **settings)
    record = fit_topic_model(batch_model_dir, [train], tmp_path / "with", distilled=[distilled], **settings)
    # only the hand-annotated paragraphs are held out and scored (the distilled topic is none of theirs)
    assert (record["n_docs"], record["n_distilled"]) == (24, 12)
    assert record["crossfit_micro"] == without["crossfit_micro"]
    housing = [spacy.load(tmp_path / name).get_pipe("topic_evidence").text_model.predict([{}], [text])[0][
        TOPIC_LABELS.index("housing")] for name in ("without", "with")]
    assert housing[1] > 0.5 > housing[0]


def test_a_topic_lexicon_is_fitted_stored_and_read_back(tmp_path, batch_model_dir):
    import numpy

    train = write_topic_docs(tmp_path / "topics-train.spacy")
    words = sorted({w.lower().strip(".,") for text in TEXTS.values() for w in text.split() if len(w) > 3})
    logits = numpy.random.default_rng(0).normal(size=(len(words), len(TOPIC_LABELS)))
    numpy.savez(tmp_path / "lexicon.npz", words=numpy.asarray(words), logits=logits)
    record = fit_topic_model(batch_model_dir, [train], tmp_path / "out", hashed_features=512, static_vectors=False,
                             folds=3, lexicon=tmp_path / "lexicon.npz")
    assert record["lexicon"] == {"file": "lexicon.npz", "words": len(words)}
    nlp = spacy.load(tmp_path / "out")
    assert nlp.config["components"]["topic_evidence"]["lexicon"] is True
    table = nlp.get_pipe("topic_evidence").text_model.lexicon_table
    assert table is not None and len(table.keys) == len(words)
    numpy.savez(tmp_path / "bad.npz", words=numpy.asarray(words), logits=logits[:, :3])
    result = CliRunner().invoke(app, ["fit-topic-model", str(batch_model_dir), str(train), "-o", str(tmp_path / "o"),
                                      "--lexicon", str(tmp_path / "bad.npz")])
    assert result.exit_code == 1 and "one column per topic" in result.output
