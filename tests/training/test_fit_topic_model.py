"""`python -m training fit-topic-model`: the text topic model fitted on hand-annotated paragraphs."""

import json

import spacy
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
