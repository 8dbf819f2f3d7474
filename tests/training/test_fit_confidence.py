"""`python -m training fit-confidence`: calibrating the shipped pipeline's confidence component."""

import json
from pathlib import Path

import spacy
from spacy.tokens import DocBin

from training.fit_confidence import calibrate

SHIPPED = Path(__file__).resolve().parents[2] / "models" / "sv_svpol_cnn"


def test_the_dev_texts_strings_do_not_grow_the_written_pipeline(tmp_path):
    nlp = spacy.blank("sv")
    docs = []
    for i in range(6):
        doc = nlp.make_doc(f"Zyxbertha Qwollnik{i} (S) föreslår att kommunstyrelsen i Ekby får {i + 1} mnkr.")
        doc.ents = [doc.char_span(0, doc.text.index(" (S)"), "PERSON")]
        docs.append(doc)
    dev = tmp_path / "dev.spacy"
    DocBin(docs=docs).to_disk(dev)
    record = calibrate(SHIPPED, dev, tmp_path / "out", n_fit=3, n_eval=3)
    assert record["fitted_on"].startswith("3 docs")
    written = tmp_path / "out"
    assert (written / "vocab" / "strings.json").read_bytes() == (SHIPPED / "vocab" / "strings.json").read_bytes()
    meta = json.loads((written / "meta.json").read_text(encoding="utf8"))
    assert meta["svpol"]["confidence_calibration"]["measured_on"].startswith("3 other docs")
    assert "Zyxbertha" not in spacy.load(written).vocab.strings


def test_a_written_pipeline_keeps_only_the_strings_of_its_vectors(tmp_path):
    import numpy

    from training.fit_confidence import write_pipeline

    nlp = spacy.blank("sv")
    for word in ("kommunen", "budget"):
        nlp.vocab.set_vector(word, numpy.ones(4, dtype="float32"))
    nlp.add_pipe("svpol_money")
    nlp("Qwollnik-Ekby fick 3 mnkr.")  # the text's strings join the store
    assert "Qwollnik-Ekby" in nlp.vocab.strings
    write_pipeline(nlp, tmp_path / "out")
    assert sorted(json.loads((tmp_path / "out" / "vocab" / "strings.json").read_text(encoding="utf8"))) == [
        "budget", "kommunen"]
    loaded = spacy.load(tmp_path / "out")
    assert loaded.pipe_names == ["svpol_money"] and [t.text for t in loaded("Ekby fick 3 mnkr.")] == [
        "Ekby", "fick", "3", "mnkr", "."]
    assert numpy.array_equal(loaded.vocab["budget"].vector, numpy.ones(4, dtype="float32"))
    assert loaded.vocab.strings[loaded.vocab.strings["budget"]] == "budget"
