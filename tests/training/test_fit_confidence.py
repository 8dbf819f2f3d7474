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
