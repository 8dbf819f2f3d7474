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
    svpol_wps = result["pipelines"]["svpol"]["words_per_second_n_process=1"]
    reference_wps = result["pipelines"]["reference"]["words_per_second_n_process=1"]
    assert svpol_wps > 0 and reference_wps > 0
    assert result["ratio"] == {"n_process=1": round(svpol_wps / reference_wps, 3)}
    assert result["texts"] == 10 and "peak_rss_mb" not in result["pipelines"]["svpol"]
    table = format_benchmark(result)
    assert "reference" in table and f"{result['texts']} texts, {result['words']} words" in table


def test_words_per_second_with_a_worker_pool(monkeypatch):
    nlp = reference_pipeline(ENTITY_LABELS, TOPIC_LABELS)
    assert words_per_second(nlp, TEXTS * 4, n_process=1) > 0
    # Several processes run in svpol's worker pool (plain dicts come back), not nlp.pipe(n_process=...).
    monkeypatch.setattr(type(nlp), "_multiprocessing_pipe", None)
    assert words_per_second(nlp, TEXTS * 4, n_process=2, batch_size=2) > 0
    with pytest.raises(ValueError, match="n_process"):
        words_per_second(nlp, TEXTS, n_process=0)



def test_benchmark_without_a_model_loads_what_svpol_load_loads(tmp_path, monkeypatch):
    import svpol.benchmark as bm

    model = reference_pipeline(ENTITY_LABELS, TOPIC_LABELS)
    model.add_pipe("sentencizer")  # tells this pipeline apart from the reference
    model.to_disk(tmp_path / "env-model")
    monkeypatch.setenv("SVPOL_MODEL", str(tmp_path / "env-model"))
    probed = []
    monkeypatch.setattr(bm, "peak_memory_mb", lambda model, *args: probed.append(model) or 1.0)
    result = benchmark(None, TEXTS, n_process=(1,), repeats=1)
    assert result["pipelines"]["svpol"]["components"] == ["tok2vec", "ner", "textcat_multilabel", "sentencizer"]
    assert result["pipelines"]["reference"]["components"] == ["tok2vec", "ner", "textcat_multilabel"]
    # The memory probe measures the same pipeline (None would be the reference), then the reference.
    assert probed == [str(tmp_path / "env-model"), None]


def test_benchmark_cli_without_a_model_found_exits_2(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    import svpol.benchmark as bm
    from svpol.cli import app
    from svpol.loading import ModelNotFoundError

    def not_found():
        raise ModelNotFoundError("no trained svpol pipeline found")

    monkeypatch.setattr(bm, "find_model", not_found)
    (tmp_path / "a.txt").write_text("Skolan behöver fler lärare.", encoding="utf8")
    result = CliRunner().invoke(app, ["benchmark", str(tmp_path / "a.txt"), "--repeats", "1"])
    assert result.exit_code == 2
    assert "no trained svpol pipeline found" in result.stderr
