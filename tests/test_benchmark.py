"""svpol.benchmark on a tiny pipeline: texts, word counts, the reference pipeline, the result shape."""

import pytest
import spacy
from spacy.tokens import DocBin

from svpol.benchmark import benchmark, count_words, format_benchmark, read_texts, reference_pipeline, words_per_second
from svpol.labels import ENTITY_LABELS, TOPIC_LABELS

TEXTS = ["Karin Holm (V) vill ge 2 mnkr till polisen.", "Skolan behöver fler lärare.\n\nBudgeten räcker inte."]


def test_read_texts_and_count(tmp_path):
    nlp = spacy.blank("sv")
    DocBin(docs=[nlp(t) for t in TEXTS]).to_disk(tmp_path / "a.spacy")
    (tmp_path / "b.txt").write_text("Ett två tre.", encoding="utf8")
    texts = read_texts([tmp_path])
    assert texts == TEXTS + ["Ett två tre."]
    assert read_texts([tmp_path], limit=1) == TEXTS[:1]
    assert count_words(TEXTS) == 9 + 7


def test_reference_pipeline_has_labels():
    nlp = reference_pipeline(ENTITY_LABELS, TOPIC_LABELS)
    assert nlp.pipe_names == ["tok2vec", "ner", "textcat_multilabel"]
    doc = nlp(TEXTS[0])
    assert set(doc.cats) == set(TOPIC_LABELS)


def test_benchmark_result(tmp_path):
    model = reference_pipeline(ENTITY_LABELS, TOPIC_LABELS)
    model.to_disk(tmp_path / "m")
    result = benchmark(str(tmp_path / "m"), TEXTS * 5, n_process=(1,), repeats=1, memory=False)
    assert result["words"] == count_words(TEXTS) * 5
    assert result["pipelines"]["svpol"]["words_per_second_n_process=1"] > 0
    assert result["ratio"]["n_process=1"] > 0
    assert "reference" in format_benchmark(result)


def test_words_per_second_with_a_worker_pool(monkeypatch):
    nlp = reference_pipeline(ENTITY_LABELS, TOPIC_LABELS)
    assert words_per_second(nlp, TEXTS * 4, n_process=1) > 0
    # Several processes run in svpol's worker pool (plain dicts come back), not nlp.pipe(n_process=...).
    monkeypatch.setattr(type(nlp), "_multiprocessing_pipe", None)
    assert words_per_second(nlp, TEXTS * 4, n_process=2, batch_size=2) > 0
    with pytest.raises(ValueError, match="n_process"):
        words_per_second(nlp, TEXTS, n_process=0)

