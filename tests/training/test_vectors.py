"""training.vectors: training text without dev documents, vectors folder for [initialize] vectors."""

import json

import pytest
import spacy
from spacy.tokens import DocBin
from model_fixtures import write_corpus
from tei_fixtures import write_archive
from typer.testing import CliRunner

from training.interpellations import ARCHIVE_NAME
from training.vectors import app, training_lines


@pytest.fixture()
def data(tmp_path):
    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    data_dir = tmp_path / "data"
    archive = data_dir / ARCHIVE_NAME
    archive.parent.mkdir(parents=True)
    write_archive(archive)
    return corpus, data_dir


def test_training_lines_hold_train_docs_and_only_train_split_interpellations(data):
    corpus, data_dir = data
    with_archive = list(training_lines(corpus, data_dir, seed=0, dev_fraction=0.0))
    # dev_fraction 1.0 puts every interpellation in dev: none may be read.
    without = list(training_lines(corpus, data_dir, seed=0, dev_fraction=1.0))
    train_docs = DocBin().from_disk(corpus / "train.spacy").get_docs(spacy.blank("sv").vocab)
    assert without == [" ".join(token.text for token in doc if not token.is_space) for doc in train_docs]
    extra = with_archive[len(without):]
    assert len(extra) == 3  # title and two paragraphs of the made-up interpellation
    assert extra[0].startswith("Interpellation 2020/21:999")
    assert "2,5 miljarder kronor" in extra[1]


def test_cli_writes_a_vectors_folder(data, tmp_path):
    pytest.importorskip("floret")
    corpus, data_dir = data
    out = tmp_path / "vectors"
    result = CliRunner().invoke(app, ["--data-dir", str(data_dir), "--corpus", str(corpus), "-o", str(out),
                                      "--dim", "8", "--min-count", "1", "--epochs", "1", "--max-words", "20",
                                      "--interpellation-dev", "0"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "vectors.json").read_text())
    assert report["kept_words"] == 20 and report["lines"] > 3
    vocab = spacy.load(out / "model").vocab
    assert vocab.vectors.shape == (20, 8)
    assert vocab.has_vector(".")  # the most frequent token is kept


def test_cli_errors_name_the_missing_input(tmp_path):
    result = CliRunner().invoke(app, ["--corpus", str(tmp_path / "nothing"), "-o", str(tmp_path / "v")])
    assert result.exit_code == 2
    assert "train.spacy: not found" in result.output


def test_ner_stage_overrides_put_static_vectors_in_the_tok2vec(tmp_path):
    import numpy
    from spacy.training.initialize import init_nlp
    from spacy.vectors import Vectors

    from svpol.tokenizer import blank
    from training.paths import REPO
    from training.stage_data import split_training_data
    from training.stages import stage_overrides

    corpus = tmp_path / "corpus"
    write_corpus(corpus)
    words = ["Ordföranden", "kommunstyrelsen", "mnkr", "."]
    vec_nlp = blank("sv")
    vec_nlp.vocab.vectors = Vectors(strings=vec_nlp.vocab.strings, data=numpy.ones((len(words), 8), dtype="float32"),
                                    keys=[vec_nlp.vocab.strings.add(w) for w in words])
    vec_nlp.to_disk(tmp_path / "vectors")
    data = split_training_data(corpus, tmp_path / "stages", 1000)
    stages = stage_overrides(corpus, data, topics_steps=1, ner_steps=1, vectors=tmp_path / "vectors")
    assert stages["topics"]["paths.vectors"] == str(tmp_path / "vectors")
    config = spacy.util.load_config(REPO / "configs" / "cpu.cfg", overrides=stages["ner"], interpolate=False)
    nlp = init_nlp(config)
    assert nlp.vocab.vectors.shape == (len(words), 8)
    assert "static_vectors" in {layer.name for layer in nlp.get_pipe("tok2vec").model.walk()}
    doc = nlp("Ordföranden föreslår 0,6 mnkr.")
    assert doc.tensor.shape[0] == len(doc)
    assert stage_overrides(corpus, data, topics_steps=1, ner_steps=1)["ner"].get("paths.vectors") is None
