"""svpol.annotate_dataset and `svpol annotate-dataset`: entity and topic columns on Hugging Face datasets."""

import os
import random
import time

import pytest
from batch_fixtures import document
from typer.testing import CliRunner

import svpol
from svpol.cli import app
from svpol.labels import TOPIC_LABELS

datasets = pytest.importorskip("datasets", reason="the datasets package is not installed")


@pytest.fixture(scope="module")
def dataset():
    rng = random.Random(5)
    texts = [document(rng, 2) for _ in range(30)] + [None, "   "]
    return datasets.Dataset.from_dict({"text": texts, "year": list(range(2000, 2032))})


def test_adds_entity_and_topic_columns_like_svpol_annotate(dataset, batch_nlp):
    out = svpol.annotate_dataset(dataset, nlp=batch_nlp, batch_size=8)
    assert out.column_names == ["text", "year", "entities", "topics"]
    assert out["year"] == dataset["year"]
    expected = list(svpol.annotate([t for t in dataset["text"][:30]], nlp=batch_nlp))
    for row, ref in zip(out.select(range(30)), expected):
        assert [(e["start"], e["end"], e["label"], e["text"]) for e in row["entities"]] == [
            (e["start"], e["end"], e["label"], e["text"]) for e in ref["entities"]
        ]
        assert all(row["text"][e["start"] : e["end"]] == e["text"] for e in row["entities"])
        assert row["topics"] == pytest.approx(ref["topics"])
        assert set(row["topics"]) == set(TOPIC_LABELS)
    assert sum(len(e) for e in out["entities"]) > 30
    # rows without text: no entities, null topics
    assert out[30]["entities"] == [] and out[30]["topics"] is None and out[31]["topics"] is None


def test_num_proc_runs_that_many_processes(dataset, batch_nlp):
    from spacy.language import Language

    # A component that writes its process id into the topic scores shows where each row ran;
    # it takes its time, so that one process cannot take both halves before the other starts.
    @Language.component("test_pid_topic")
    def pid_topic(doc):
        time.sleep(0.05)
        doc.cats = {label: 0.0 for label in TOPIC_LABELS}
        doc.cats["budget"] = float(os.getpid())
        return doc

    from svpol.tokenizer import blank

    pid_nlp = blank()
    pid_nlp.add_pipe("test_pid_topic")
    single = svpol.annotate_dataset(dataset, nlp=pid_nlp, batch_size=4)
    double = svpol.annotate_dataset(dataset, nlp=pid_nlp, batch_size=4, num_proc=2)
    pids = lambda ds: {t["budget"] for t in ds["topics"] if t is not None}  # noqa: E731
    assert pids(single) == {float(os.getpid())}
    assert len(pids(double)) == 2 and float(os.getpid()) not in pids(double)
    # and the annotation does not depend on it
    assert svpol.annotate_dataset(dataset, nlp=batch_nlp, num_proc=2)["entities"] == svpol.annotate_dataset(dataset, nlp=batch_nlp)["entities"]


def test_paths_and_dataset_dicts(tmp_path, dataset, batch_nlp):
    dataset.save_to_disk(str(tmp_path / "saved"))
    dataset.to_parquet(str(tmp_path / "data.parquet"))
    datasets.DatasetDict({"train": dataset, "test": dataset.select(range(3))}).save_to_disk(str(tmp_path / "splits"))
    reference = svpol.annotate_dataset(dataset, nlp=batch_nlp)["entities"]
    assert svpol.annotate_dataset(tmp_path / "saved", nlp=batch_nlp)["entities"] == reference
    assert svpol.annotate_dataset(str(tmp_path / "data.parquet"), nlp=batch_nlp)["entities"] == reference
    splits = svpol.annotate_dataset(tmp_path / "splits", nlp=batch_nlp)
    assert splits["train"]["entities"] == reference and splits["test"]["entities"] == reference[:3]


def test_bad_arguments(tmp_path, dataset, batch_nlp):
    with pytest.raises(ValueError, match="no column 'body'"):
        svpol.annotate_dataset(dataset, nlp=batch_nlp, text_column="body")
    with pytest.raises(ValueError, match="not strings"):
        svpol.annotate_dataset(dataset, nlp=batch_nlp, text_column="year")
    with pytest.raises(ValueError, match="already has a column 'entities'"):
        svpol.annotate_dataset(svpol.annotate_dataset(dataset, nlp=batch_nlp), nlp=batch_nlp)
    with pytest.raises(ValueError, match="neither a dataset saved with save_to_disk nor"):
        svpol.annotate_dataset(tmp_path, nlp=batch_nlp)
    (tmp_path / "a.csv").write_text("text\nHej\n")
    with pytest.raises(ValueError, match="not a dataset"):
        svpol.annotate_dataset(tmp_path / "a.csv", nlp=batch_nlp)
    with pytest.raises(TypeError):
        svpol.annotate_dataset(["a text"], nlp=batch_nlp)


def test_cli_writes_parquet_and_save_to_disk(tmp_path, dataset, batch_model_dir, batch_nlp):
    dataset.save_to_disk(str(tmp_path / "in"))
    reference = svpol.annotate_dataset(dataset, nlp=batch_nlp)
    result = CliRunner().invoke(
        app, ["annotate-dataset", str(tmp_path / "in"), "-o", str(tmp_path / "out.parquet"), "-m", str(batch_model_dir), "--num-proc", "2"]
    )
    assert result.exit_code == 0, result.output
    assert "32 rows annotated" in result.output
    written = datasets.Dataset.from_parquet(str(tmp_path / "out.parquet"))
    assert written["entities"] == reference["entities"]
    result = CliRunner().invoke(app, ["annotate-dataset", str(tmp_path / "out.parquet"), "-o", str(tmp_path / "again"), "-m", str(batch_model_dir)])
    assert result.exit_code == 2 and "already has a column 'entities'" in result.output
    result = CliRunner().invoke(app, ["annotate-dataset", str(tmp_path / "in"), "-o", str(tmp_path / "saved"), "-m", str(batch_model_dir)])
    assert result.exit_code == 0, result.output
    assert datasets.load_from_disk(str(tmp_path / "saved"))["topics"] == reference["topics"]
    result = CliRunner().invoke(app, ["annotate-dataset", str(tmp_path / "in"), "-o", str(tmp_path / "saved"), "-m", str(batch_model_dir)])
    assert result.exit_code == 2 and "exists" in result.output
    result = CliRunner().invoke(app, ["annotate-dataset", str(tmp_path / "nope"), "-o", str(tmp_path / "x.parquet")])
    assert result.exit_code == 2 and "no such file or folder" in result.output
