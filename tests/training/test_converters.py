"""NER set readers and tag conversion (fixtures written here, not cut from the data)."""

import json

import pytest
from spacy.vocab import Vocab

from training.converters import (
    ConversionError,
    ReadReport,
    guess_spaces,
    read_klintan,
    read_suc,
    read_uner,
    sentence_to_doc,
    spaces_from_text,
    tags_to_spans,
)


def test_iob2_keeps_adjacent_entities_apart():
    tags = ["B-PER", "I-PER", "B-PER", "O", "B-LOC", "I-LOC"]
    assert tags_to_spans(tags, "iob2") == [(0, 2, "PER"), (2, 3, "PER"), (4, 6, "LOC")]


def test_iob2_stray_inside_tag_starts_a_span():
    assert tags_to_spans(["O", "I-ORG", "I-ORG", "I-PER"], "iob2") == [(1, 3, "ORG"), (3, 4, "PER")]


def test_io_merges_adjacent_entities_of_one_type():
    # Two persons in a row cannot be told apart in IO data: a known limit of those sets.
    tags = ["PER", "PER", "PER", "O", "ORG", "LOC"]
    assert tags_to_spans(tags, "io") == [(0, 3, "PER"), (4, 5, "ORG"), (5, 6, "LOC")]


def test_bad_scheme_and_bad_tag_raise():
    with pytest.raises(ValueError):
        tags_to_spans(["O"], "bio")
    with pytest.raises(ValueError):
        tags_to_spans(["PER"], "iob2")


def test_read_uner_doc_ids_spaces_and_tags(tmp_path):
    path = tmp_path / "x.iob2"
    path.write_text(
        "# newdoc id = D1\n# sent_id = D1-1\n# text = Anna Ek bor i Lund, sa hon.\n"
        "1\tAnna\tB-PER\t-\t-\n2\tEk\tI-PER\t-\t-\n3\tbor\tO\t-\t-\n4\ti\tO\t-\t-\n"
        "5\tLund\tB-LOC\t-\t-\n6\t,\tO\t-\t-\n7\tsa\tO\t-\t-\n8\thon\tO\t-\t-\n9\t.\tO\t-\t-\n\n"
        "# sent_id = D1-2\n# text = Ja.\n1\tJa\tO\t-\t-\n2\t.\tO\t-\t-\n\n"
        "# newdoc id = D2\n# text = Nej\n1\tNej\tO\t-\t-\n",
        encoding="utf-8",
    )
    sents = list(read_uner(path))
    assert [s.doc_id for s in sents] == ["uner:D1", "uner:D1", "uner:D2"]
    doc = sentence_to_doc(Vocab(), sents[0])
    assert doc.text == "Anna Ek bor i Lund, sa hon."
    assert tags_to_spans(sents[0].tags, "iob2") == [(0, 2, "PER"), (4, 5, "LOC")]


def test_read_uner_short_line_is_an_error(tmp_path):
    path = tmp_path / "bad.iob2"
    path.write_text("1\tAnna\n", encoding="utf-8")
    with pytest.raises(ConversionError, match=r"bad.iob2:1"):
        list(read_uner(path))


def test_read_klintan_zero_is_outside_tabs_spaces_and_malformed_line(tmp_path):
    path = tmp_path / "k.txt"
    path.write_text(
        "Polisen\t0\nsöker\t0\nKalle    PER\nKula PER\n.\t0\n\n"
        "xq\n"  # the malformed line: a token without a label
        "Volvo\tORG\n\u00adhuset 0\n",
        encoding="utf-8",
    )
    report = ReadReport()
    sents = list(read_klintan(path, report, block_size=1))
    assert [s.words for s in sents] == [["Polisen", "söker", "Kalle", "Kula", "."], ["xq", "Volvo", "huset"]]
    assert sents[0].tags == ["O", "O", "PER", "PER", "O"]
    assert sents[1].tags == ["O", "ORG", "O"]
    assert len(report.malformed) == 1 and report.malformed[0].startswith(f"{path}:7:")
    assert [s.doc_id for s in sents] == ["klintan:b00000", "klintan:b00001"]
    assert tags_to_spans(sents[0].tags, "io") == [(2, 4, "PER")]


def test_read_klintan_blocks_group_consecutive_sentences(tmp_path):
    path = tmp_path / "k.txt"
    path.write_text("".join(f"Ord{i} 0\n\n" for i in range(5)), encoding="utf-8")
    assert [s.doc_id for s in read_klintan(path, block_size=2)] == [
        "klintan:b00000", "klintan:b00000", "klintan:b00001", "klintan:b00001", "klintan:b00002"]


def test_read_suc_and_length_mismatch(tmp_path):
    path = tmp_path / "s.jsonl"
    rows = [{"id": 0, "tokens": ["Det", "kostar", "500", "kronor", "."], "ner_tags": ["O", "O", "MSR", "MSR", "O"]}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    (sent,) = list(read_suc(path))
    assert tags_to_spans(sent.tags, "io") == [(2, 4, "MSR")]
    assert sentence_to_doc(Vocab(), sent).text == "Det kostar 500 kronor."
    path.write_text(json.dumps({"tokens": ["a", "b"], "ner_tags": ["O"]}) + "\n", encoding="utf-8")
    with pytest.raises(ConversionError, match=r"s.jsonl:1"):
        list(read_suc(path))


def test_space_helpers():
    assert guess_spaces(["Hej", "(", "S", ")", ",", "du", "."]) == [True, False, False, False, True, False, False]
    assert spaces_from_text(["t ex", "här", "."], "t ex här.") == [True, False, False]
    assert spaces_from_text(["a", "b"], "a c") is None
