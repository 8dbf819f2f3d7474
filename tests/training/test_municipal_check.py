"""training.municipal_check: hand-annotated municipal records -> a DocBin that svpol evaluate scores."""

import json

import pytest
import spacy
from spacy.tokens import DocBin
from typer.testing import CliRunner

from svpol.evaluate import GOLD_ATTRIBUTES_KEY
from training.municipal_check import app, error_lines, read_records, standoff_lines

# Invented paragraphs in the annotators' format.
TEXT = "Ekby kommunfullmäktige: Anna Berg (S) föreslår 0,6 mnkr till Ekby IF."
RECORD = {"id": "t-001", "url": "https://example.invalid/protokoll", "place": "Ekby", "kind": "protokoll",
          "text": TEXT,
          "entities": [{"start": 0, "end": 22, "label": "AUTHORITY", "text": "Ekby kommunfullmäktige"},
                       {"start": 24, "end": 33, "label": "PERSON", "text": "Anna Berg", "party": "S"},
                       {"start": 35, "end": 36, "label": "PARTY", "text": "S"},
                       {"start": 47, "end": 55, "label": "MONEY", "text": "0,6 mnkr", "amount_sek": 600000},
                       {"start": 61, "end": 68, "label": "ORG", "text": "Ekby IF"}],
          "topics": ["budget"]}


def _write(path, *records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_convert_keeps_entities_topics_and_attributes(tmp_path):
    records = _write(tmp_path / "gold.jsonl", RECORD)
    result = CliRunner().invoke(app, ["convert", str(records), "-o", str(tmp_path / "gold.spacy")])
    assert result.exit_code == 0, result.output
    doc = next(DocBin().from_disk(tmp_path / "gold.spacy").get_docs(spacy.blank("sv").vocab))
    assert [(e.text, e.label_) for e in doc.ents] == [(e["text"], e["label"]) for e in RECORD["entities"]]
    assert doc.cats["budget"] == 1.0 and doc.cats["safety"] == 0.0
    assert sorted(map(tuple, doc.user_data[GOLD_ATTRIBUTES_KEY])) == [(24, 33, "party", "S"), (47, 55, "amount_sek", 600000)]


def test_standoff_has_offsets_and_labels_but_no_text(tmp_path):
    (line,) = standoff_lines(_write(tmp_path / "gold.jsonl", RECORD))
    assert "24-33 PERSON" in line and "47:55=600000" in line and "https://example.invalid/protokoll" in line
    assert "Anna" not in line and "mnkr" not in line


@pytest.mark.parametrize("change, message", [
    ({"entities": [{"start": 0, "end": 4, "label": "PLACE"}]}, "unknown entity label"),
    ({"entities": [{"start": 0, "end": 4, "label": "LOC", "text": "Ekbx"}]}, "the record says 'Ekbx'"),
    ({"entities": [{"start": 0, "end": 999, "label": "LOC"}]}, "outside the text"),
    ({"entities": [{"start": 0, "end": 22, "label": "AUTHORITY"}, {"start": 5, "end": 10, "label": "LOC"}]}, "overlapping"),
    ({"topics": ["sport"]}, "unknown topics"),
])
def test_bad_records_name_the_file_line_and_problem(tmp_path, change, message):
    path = _write(tmp_path / "gold.jsonl", RECORD, {**RECORD, **change})
    with pytest.raises(ValueError, match=message) as err:
        list(read_records(path))
    assert f"{path}:2" in str(err.value)
    result = CliRunner().invoke(app, ["convert", str(path), "-o", str(tmp_path / "x.spacy")])
    assert result.exit_code == 1 and message.split("'")[0] in result.output and "Traceback" not in result.output


def test_errors_lists_misses_spurious_entities_and_wrong_attributes(tmp_path):
    # the rules-only pipeline (no ner): no persons; the amount is found, but the record says another value
    record = {**RECORD, "entities": [{**e, "amount_sek": 700000} if e["label"] == "MONEY" else e
                                     for e in RECORD["entities"]]}
    lines = list(error_lines("rules", _write(tmp_path / "gold.jsonl", record)))
    assert lines[0] == "t-001 Ekby"
    assert "  FN PERSON    'Anna Berg'" in lines
    assert "  AMOUNT_SEK '0,6 mnkr' gold=700000 found=600000.0" in lines
    assert any(line.startswith("  FP AUTHORITY 'kommunfullmäktige'") for line in lines)
    # the party letters are right, and a record without errors prints nothing
    assert not any("PARTY " in line for line in lines)
    clean = {**RECORD, "text": "Inget här.", "entities": []}
    assert list(error_lines("rules", _write(tmp_path / "clean.jsonl", clean))) == []
    result = CliRunner().invoke(app, ["errors", "rules", str(tmp_path / "missing.jsonl")])
    assert result.exit_code == 1 and "missing.jsonl" in result.output and "Traceback" not in result.output


def test_convert_pages_joins_a_pages_paragraphs_into_one_document(tmp_path):
    second = {"id": "t-002", "url": RECORD["url"], "text": "Ekby skola får nya lärare.",
              "entities": [{"start": 0, "end": 10, "label": "ORG", "text": "Ekby skola"}], "topics": ["education"]}
    alone = {**second, "id": "t-003", "url": "https://example.invalid/other"}
    first = _write(tmp_path / "a.jsonl", RECORD, second)
    other = _write(tmp_path / "b.jsonl", alone)
    result = CliRunner().invoke(app, ["convert", str(first), str(other), "--pages", "-o", str(tmp_path / "p.spacy")])
    assert result.exit_code == 0, result.output
    docs = list(DocBin().from_disk(tmp_path / "p.spacy").get_docs(spacy.blank("sv").vocab))
    # a page of one paragraph is no document of several
    assert len(docs) == 1 and docs[0].text == TEXT + "\n\n" + second["text"]
    assert [e.text for e in docs[0].ents][-1] == "Ekby skola"
    assert {t for t, v in docs[0].cats.items() if v} == {"budget", "education"}
    # without --pages: one document per paragraph from both files
    result = CliRunner().invoke(app, ["convert", str(first), str(other), "-o", str(tmp_path / "r.spacy")])
    assert len(DocBin().from_disk(tmp_path / "r.spacy")) == 3
