"""`python -m training tune-thresholds`: per-label topic thresholds re-chosen on the whole pipeline's scores."""

import json

from typer.testing import CliRunner

from model_fixtures import write_topic_docs
from svpol.labels import TOPIC_LABELS
from training.__main__ import app
from training.fit_topics import tune_topic_thresholds


def _meta(path):
    return json.loads((path / "meta.json").read_text(encoding="utf8"))


def test_tune_thresholds_rewrites_only_the_thresholds_of_a_copy(tmp_path, batch_model_dir):
    dev = write_topic_docs(tmp_path / "gold-dev.spacy", copies=2)
    record = tune_topic_thresholds(batch_model_dir, [dev], tmp_path / "out")
    assert record["n_docs"] == 6 and record["tuned_on"] == [f"{tmp_path.name}/gold-dev.spacy"]
    meta, before = _meta(tmp_path / "out"), _meta(batch_model_dir)
    assert meta["svpol"]["topic_thresholds"] == record["chosen"]
    assert set(record["chosen"]) == set(TOPIC_LABELS)
    # choosing on the docs scored can only do as well as the thresholds it replaces, or better
    assert record["chosen_micro_f"] >= record["previous_micro_f"]
    assert meta["svpol"]["topic_thresholds_record"] == record
    # everything but the thresholds is the model's own; the model itself is untouched
    for key in set(meta) - {"svpol"}:
        assert meta[key] == before[key]
    for key in set(meta["svpol"]) - {"topic_thresholds", "topic_threshold_global", "topic_thresholds_record"}:
        assert meta["svpol"][key] == before["svpol"][key]
    assert "topic_thresholds_record" not in before.get("svpol", {})
    assert (tmp_path / "out" / "topic_evidence").is_dir() == (batch_model_dir / "topic_evidence").is_dir()


def test_tune_thresholds_refuses_a_test_set_and_an_existing_output(tmp_path, batch_model_dir):
    test = write_topic_docs(tmp_path / "gold-test.spacy", copies=1)
    result = CliRunner().invoke(app, ["tune-thresholds", str(batch_model_dir), str(test), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "chooses nothing" in result.output
    assert not (tmp_path / "o").exists()
    dev = write_topic_docs(tmp_path / "gold-dev.spacy", copies=1)
    (tmp_path / "o").mkdir()
    result = CliRunner().invoke(app, ["tune-thresholds", str(batch_model_dir), str(dev), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2 and "exists" in result.output


def test_tune_thresholds_command_prints_the_scores_and_names_a_file_without_topics(tmp_path, batch_model_dir):
    dev = write_topic_docs(tmp_path / "gold-dev.spacy", copies=2)
    result = CliRunner().invoke(app, ["tune-thresholds", str(batch_model_dir), str(dev), "-o", str(tmp_path / "o")])
    assert result.exit_code == 0, result.output
    assert "6 paragraphs; micro F1" in result.output and "cross-fitted" in result.output
    import spacy
    from spacy.tokens import DocBin

    empty = tmp_path / "no-topics.spacy"
    DocBin(docs=[spacy.blank("sv")("Ingen rubrik.")]).to_disk(empty)
    result = CliRunner().invoke(app, ["tune-thresholds", str(batch_model_dir), str(empty), "-o", str(tmp_path / "p")])
    assert result.exit_code == 1 and "no-topics.spacy: no docs with topic labels" in result.output
