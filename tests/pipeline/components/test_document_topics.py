"""svpol_document_topics: a document gets the topics one of its paragraphs is clearly about."""

import pytest
import spacy

from svpol.components.document_topics import DocumentTopics

SCHOOL = "Nämnden beslutar att bygga en ny skola i centrum med plats för fler elever och lärare."
ROAD = "Kommunstyrelsen ger tekniska förvaltningen i uppdrag att bygga om vägen mellan Ekby och Norrby."
HEADING = "Paragraf 12"


def _doc(parts, cats, paragraph_topics):
    """A doc of the paragraphs ``parts`` (blank lines between) with its and its paragraphs' topic scores."""
    nlp = spacy.blank("sv")
    text = "\n\n".join(parts)
    doc = nlp.make_doc(text)
    doc.cats = dict(cats)
    paragraphs, start = [], 0
    for part, topics in zip(parts, paragraph_topics):
        paragraphs.append({"start": start, "end": start + len(part), "topics": dict(topics)})
        start += len(part) + 2
    doc._.paragraphs = paragraphs
    return nlp, doc


def test_a_paragraph_well_above_the_document_lifts_its_topic():
    nlp, doc = _doc([SCHOOL, ROAD], {"education": 0.5, "transport": 0.2},
                    [{"education": 0.9, "transport": 0.05}, {"education": 0.1, "transport": 0.8}])
    doc = nlp.add_pipe("svpol_document_topics")(doc)
    assert doc.cats == pytest.approx({"education": 0.7, "transport": 0.6})
    # the paragraphs keep their own scores
    assert [p["topics"]["transport"] for p in doc._.paragraphs] == [0.05, 0.8]


def test_a_short_line_and_a_single_paragraph_lend_nothing():
    nlp, doc = _doc([HEADING, SCHOOL], {"budget": 0.1, "education": 0.6},
                    [{"budget": 0.95, "education": 0.0}, {"budget": 0.1, "education": 0.6}])
    assert nlp.add_pipe("svpol_document_topics")(doc).cats == {"budget": 0.1, "education": 0.6}
    nlp, doc = _doc([SCHOOL], {"education": 0.3}, [{"education": 0.9}])
    assert nlp.add_pipe("svpol_document_topics")(doc).cats == {"education": 0.3}


def test_the_margin_and_the_length_are_settings():
    nlp, doc = _doc([HEADING, SCHOOL], {"budget": 0.1}, [{"budget": 0.95}, {"budget": 0.1}])
    component = nlp.add_pipe("svpol_document_topics", config={"margin": 0.0, "min_words": 2})
    assert component(doc).cats == {"budget": 0.95}
    with pytest.raises(ValueError, match="margin"):
        DocumentTopics("document_topics", margin=1.5)
    with pytest.raises(ValueError, match="min_words"):
        DocumentTopics("document_topics", min_words=0)
