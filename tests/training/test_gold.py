"""training.gold: stand-off gold, placing annotators' mentions, joining, agreement, attribute scores.

The texts here are written for these tests; the real gold is joined with ../shared/data only in
tests/training/test_gold_scores.py.
"""

import pytest
from spacy.training import Example

from svpol.evaluate import GOLD_ATTRIBUTES_KEY, score_attributes
from svpol.tokenizer import blank
from training import gold
from training.interpellations import Interpellation

TEXT = "Interpellation 2001/02:7 av Eva Ek (s) till statsrådet Per Lind om Göteborg–Borås och 3 miljarder kronor"


def test_mentions_in_reading_order_become_offsets_and_repeats_are_separate():
    mentions = [{"text": "Eva Ek", "label": "PERSON", "party": "s"}, {"text": "s", "label": "PARTY"},
                {"text": "Per Lind", "label": "PERSON"}, {"text": "Göteborg", "label": "LOC"},
                {"text": "Borås", "label": "LOC"}, {"text": "3 miljarder kronor", "label": "MONEY", "amount_sek": 3e9}]
    placed, problems = gold.place_entities(TEXT, mentions)
    assert problems == []
    assert [TEXT[e["start"]:e["end"]] for e in placed] == [m["text"] for m in mentions]
    # "s" is found as a whole word (in "(s)"), not inside "statsrådet" or "kronor".
    assert placed[1]["start"] == TEXT.index("(s)") + 1
    assert placed[0]["party"] == "s" and placed[-1]["amount_sek"] == 3e9
    twice, _ = gold.place_entities("Ek och Ek", [{"text": "Ek", "label": "PERSON"}] * 2)
    assert [(e["start"], e["end"]) for e in twice] == [(0, 2), (7, 9)]


def test_problems_are_reported_not_guessed():
    _, problems = gold.place_entities(TEXT, [{"text": "Anna", "label": "PERSON"},
                                             {"text": "Eva Ek", "label": "PARTI"}])
    assert [p.message.split()[0] for p in problems] == ["PERSON", "unknown"]
    _, problems = gold.place_entities(TEXT, [{"text": "Eva Ek", "label": "PERSON"},
                                             {"text": "Ek", "label": "PERSON"}])
    assert "overlaps" in problems[0].message or "not found" in problems[0].message


def test_doc_tokens_are_cut_at_gold_boundaries():
    nlp = blank()
    placed, _ = gold.place_entities(TEXT, [{"text": "Göteborg", "label": "LOC"}, {"text": "Borås", "label": "LOC"}])
    doc = gold.make_doc(nlp, TEXT, placed)
    assert [(e.text, e.label_) for e in doc.ents] == [("Göteborg", "LOC"), ("Borås", "LOC")]
    assert doc.text == TEXT


def _standoff(text, annotator, mentions, topics=()):
    placed, problems = gold.place_entities(text, mentions)
    assert not problems
    return {"doc": "ipq-200102--0007", "para": 0, "sha1": gold.sha1(text), "annotator": annotator,
            "entities": placed, "topics": list(topics)}


def test_join_checks_paragraph_and_span_fingerprints(monkeypatch):
    ip = Interpellation("ipq-200102--0007", "200102", TEXT, ["Första stycket."])
    monkeypatch.setattr(gold, "iter_interpellations", lambda archive: iter([ip]))
    record = _standoff(TEXT, "a1", [{"text": "Eva Ek", "label": "PERSON"}], ["budget"])
    (joined,) = gold.join([record], "unused")
    assert (joined.text, joined.topics, joined.split) == (TEXT, ["budget"], gold.split_of(ip.doc_id))
    changed = dict(record, entities=[dict(record["entities"][0], start=1)])
    with pytest.raises(ValueError, match="no longer matches"):
        gold.join([changed], "unused")
    with pytest.raises(ValueError, match="paragraph text changed"):
        gold.join([dict(record, sha1="0" * 12)], "unused")


def test_final_records_prefer_the_adjudicated_one_and_agreement_counts_pairs():
    a = _standoff(TEXT, "a1", [{"text": "Eva Ek", "label": "PERSON"}, {"text": "Göteborg", "label": "LOC"}],
                  ["transport"])
    b = _standoff(TEXT, "a4", [{"text": "Eva Ek", "label": "PERSON"}, {"text": "Göteborg", "label": "ORG"}],
                  ["transport", "budget"])
    adjudicated = dict(b, annotator="adjudicated")
    assert gold.final_records([a, b, adjudicated]) == [adjudicated]
    result = gold.agreement([a, b, adjudicated])
    assert result["paragraphs"] == 1
    assert result["entities"]["PERSON"]["f1"] == 1.0
    assert result["entities"]["LOC"]["f1"] == 0.0 and result["entities"]["ORG"]["f1"] == 0.0
    assert result["topics_micro"] == pytest.approx(2 / 3)
    assert result["topics_identical"] == 0.0


def test_split_is_fixed_by_the_document_id():
    assert gold.split_of("ipq-200102--0007") == gold.split_of("ipq-200102--0007")
    splits = {gold.split_of(f"ipq-{i}") for i in range(200)}
    assert splits == {"train", "dev", "test"}


def test_attribute_scores_compare_through_the_knowledge_base():
    nlp = blank()
    nlp.add_pipe("svpol_politicians")
    nlp.add_pipe("svpol_money")
    text = "Anna Berg (fp) vill ge 3 miljarder kronor och Per Ek (m) 2 mnkr."
    placed, _ = gold.place_entities(text, [
        {"text": "Anna Berg", "label": "PERSON", "party": "L"}, {"text": "3 miljarder kronor", "label": "MONEY",
                                                                   "amount_sek": 3e9},
        {"text": "Per Ek", "label": "PERSON", "party": "S"}, {"text": "2 mnkr", "label": "MONEY", "amount_sek": 2e6}])
    reference = gold.make_doc(nlp, text, placed)
    predicted = nlp.make_doc(text)
    predicted.ents = [predicted.char_span(e["start"], e["end"], e["label"]) for e in placed[:3]]
    for _, proc in nlp.pipeline:
        predicted = proc(predicted)
    assert reference.user_data[GOLD_ATTRIBUTES_KEY][0] == [0, 9, "party", "L"]
    scores = score_attributes([Example(predicted, reference)])
    # fp is L; Per Ek is (m), not S; the second amount was not found.
    assert scores["party"] == {"gold": 2, "found": 2, "right": 1, "accuracy": 0.5, "accuracy_found": 0.5}
    assert scores["amount_sek"]["right"] == 1 and scores["amount_sek"]["gold"] == 2


def test_topic_only_records_keep_entities_missing_and_written_paragraphs_are_checked(tmp_path):
    nlp = blank()
    record, problems = gold.convert({"doc": "ipq-1", "para": 2, "sha1": "x", "text": "Skolan behöver lärare."},
                                    {"key": "ipq-1#2", "topics": ["education"]}, "t1", topics_only=True)
    assert problems == [] and "entities" not in record and record["topics"] == ["education"]
    _, problems = gold.convert({"doc": "ipq-1", "para": 2, "sha1": "x", "text": "Text."},
                               {"key": "ipq-1#2", "topics": "education"}, "t1", topics_only=True)
    assert [p.message for p in problems] == ["topics must be a list, got 'education'"]
    (doc,) = gold.to_docs(nlp, [gold.GoldParagraph("ipq-1", 2, "train", "Skolan behöver lärare.", None,
                                                   ["education"])])
    assert not doc.has_annotation("ENT_IOB") and doc.cats["education"] == 1.0
    (tmp_path / "written.jsonl").write_text(
        '{"text": "Budgeten för skolan höjs med 2 mnkr.", "topics": ["budget", "education"]}\n'
        '{"text": "Närvarande: Anna Berg (S), ordförande.", "topics": []}\n', encoding="utf-8")
    docs = gold.written_docs(nlp, tmp_path)
    assert [sorted(k for k, v in d.cats.items() if v) for d in docs] == [["budget", "education"], []]
    assert docs[1].user_data[gold.SOURCE_KEY]["doc"] == "written-written-2"
    (tmp_path / "written.jsonl").write_text('{"text": "Idrott.", "topics": ["sport"]}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"written.jsonl:1: .*unknown: \['sport'\]"):
        gold.written_docs(nlp, tmp_path)
