"""svpol_procedural_topics: no topics for attendance lists, signature and notice blocks."""

import pytest
import spacy
from model_fixtures import entity_doc

from svpol.components.procedural_topics import ProceduralTopics

ATTENDANCE = "Beslutande Anna Berg (S) Per Ek (M) Eva Lund (C) Justerande Per Ek"
SPANS = [("Anna Berg", "PERSON"), ("S", "PARTY"), ("Per Ek", "PERSON"), ("M", "PARTY"), ("Eva Lund", "PERSON"),
         ("C", "PARTY")]


def _doc(text, spans, cats):
    nlp = spacy.blank("sv")
    doc = entity_doc(nlp, text, spans)
    doc.cats = dict(cats)
    return nlp, doc


def test_an_attendance_list_gets_no_topic():
    nlp, doc = _doc(ATTENDANCE, SPANS, {"social_services": 0.8, "budget": 0.6})
    doc = nlp.add_pipe("svpol_procedural_topics")(doc)
    assert doc.cats == {"social_services": 0.0, "budget": 0.0}


def test_officials_with_their_occupations_are_a_list_too():
    text = ("Övriga närvarande tjänstemän Anna Berg Fastighetsekonom Per Ek Upphandlare Eva Lund Trädgårdstekniker "
            "enligt följande lista i dag")
    nlp, doc = _doc(text, [("Anna Berg", "PERSON"), ("Per Ek", "PERSON"), ("Eva Lund", "PERSON")], {"environment": 0.6})
    doc = nlp.add_pipe("svpol_procedural_topics")(doc)
    assert doc.cats == {"environment": 0.0}


def test_a_protocols_notice_of_posting_gets_no_topic_without_names():
    # the block names its board only; the cue is the form's own wording (rounds 49-55)
    text = "ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag. Organ Omsorgsnämnden"
    nlp, doc = _doc(text, [], {"elderly_care": 0.7, "budget": 0.4})
    assert nlp.add_pipe("svpol_procedural_topics")(doc).cats == {"elderly_care": 0.0, "budget": 0.0}
    # ... but not a long text that goes on past it
    long_text = text + " " + " ".join(["Nämnden beslutar om nya avgifter inom hemtjänsten för äldre."] * 12)
    nlp, doc = _doc(long_text, [], {"elderly_care": 0.7})
    assert nlp.add_pipe("svpol_procedural_topics")(doc).cats == {"elderly_care": 0.7}


def test_running_text_and_a_riksdag_title_keep_their_topics():
    text = "Anna Berg (S), Per Ek (M) och Eva Lund (C) vill satsa mer pengar på skolans elevhälsa och lärarnas löner."
    nlp, doc = _doc(text, SPANS, {"education": 0.9})
    assert nlp.add_pipe("svpol_procedural_topics")(doc).cats == {"education": 0.9}
    title = "Interpellation 2020/21:5 Skyddet av Anna Berg av Per Ek (M) till Utrikesminister Eva Lund (C)"
    nlp, doc = _doc(title, [("Anna Berg", "PERSON"), ("Per Ek", "PERSON"), ("M", "PARTY"), ("Eva Lund", "PERSON"),
                            ("C", "PARTY")], {"defence": 0.7})
    assert nlp.add_pipe("svpol_procedural_topics")(doc).cats == {"defence": 0.7}


def test_only_the_procedural_paragraph_of_a_document_loses_its_topics():
    body = "Nämnden beslutar att bygga en ny skola i centrum med plats för fler elever."
    text = ATTENDANCE + "\n\n" + body
    nlp, doc = _doc(text, SPANS, {"education": 0.9})
    doc._.paragraphs = [{"start": 0, "end": len(ATTENDANCE), "topics": {"education": 0.7}},
                        {"start": len(ATTENDANCE) + 2, "end": len(text), "topics": {"education": 0.9}}]
    doc = nlp.add_pipe("svpol_procedural_topics")(doc)
    assert [p["topics"] for p in doc._.paragraphs] == [{"education": 0.0}, {"education": 0.9}]
    assert doc.cats == {"education": 0.9}  # the document as a whole is not procedural


def test_settings_are_checked():
    with pytest.raises(ValueError, match="min_persons"):
        ProceduralTopics("procedural_topics", min_persons=0)
    with pytest.raises(ValueError, match="min_share"):
        ProceduralTopics("procedural_topics", min_share=1.5)
