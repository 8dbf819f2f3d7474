"""Cost that grows linearly with document length: doubling a document must not much more than double
the time of `svpol_politicians` or `svpol_paragraph_topics` (both once rebuilt the whole text, or
copied the whole Doc, per entity or per paragraph)."""

import gc
import statistics
import time

import spacy
from spacy.tokens import Span

from svpol.labels import TOPIC_LABELS

# Doubling the length may cost at most this factor (linear: 2; the old code: 3 to 4 at these sizes).
MAX_RATIO = 2.3
ROUNDS = 7

PARAGRAPH = (
    "Ordföranden Karin Lindqvist (S) föreslår att nämnden avsätter 3 mnkr till arbetet. "
    "Jonas Ek (M) yrkar avslag, och Lindqvist svarar att Magdalena Andersson ska informeras."
)
NAMES = ("Karin Lindqvist", "Jonas Ek", "Lindqvist", "Magdalena Andersson")


def text_of(paragraphs: int) -> str:
    return "\n\n".join([PARAGRAPH] * paragraphs)


def ratio(run, small: int) -> float:
    """Median time at 2 * ``small`` paragraphs over median time at ``small`` (rounds interleaved).

    The machine may be busy (a CI run measured 2.48 once where quiet runs give 1.9-2.2): up to two
    more measurements are taken while the result is over :data:`MAX_RATIO`, and the lowest counts.
    """
    run(small)  # warm up (knowledge base, model)
    best = float("inf")
    for _ in range(3):
        times = {small: [], 2 * small: []}
        for _ in range(ROUNDS):
            for n in times:
                times[n].append(run(n))
        best = min(best, statistics.median(times[2 * small]) / statistics.median(times[small]))
        if best < MAX_RATIO:
            break
    return best


def timed(call, doc) -> float:
    """Seconds ``call(doc)`` takes, without a garbage collection of earlier garbage in between."""
    gc.collect()
    gc.disable()
    try:
        start = time.perf_counter()
        call(doc)
        return time.perf_counter() - start
    finally:
        gc.enable()


def person_doc(nlp, paragraphs: int):
    """A doc of ``paragraphs`` paragraphs with every name of :data:`NAMES` a PERSON (a surname alone too)."""
    text = text_of(paragraphs)
    doc = nlp.make_doc(text)
    found = []
    for name in NAMES:
        start = text.find(name)
        while start >= 0:
            found.append((start, start + len(name)))
            start = text.find(name, start + len(name))
    ents, end = [], -1
    for start, stop in sorted(found, key=lambda s: (s[0], -s[1])):
        if start >= end:  # "Lindqvist" inside "Karin Lindqvist" is not another entity
            ents.append(doc.char_span(start, stop, label="PERSON"))
            end = stop
    doc.ents = ents
    return doc


def test_politicians_cost_is_linear_in_document_length():
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_politicians")

    def run(paragraphs: int) -> float:
        return timed(component, person_doc(nlp, paragraphs))

    # the component did its work
    doc = component(person_doc(nlp, 2))
    assert [e._.party for e in doc.ents][:2] == ["S", "M"]
    assert ratio(run, 1000) < MAX_RATIO


def test_paragraph_topics_cost_is_linear_in_document_length():
    nlp = spacy.blank("sv")
    textcat = nlp.add_pipe("textcat_multilabel")
    for label in TOPIC_LABELS:
        textcat.add_label(label)
    nlp.add_pipe("svpol_paragraph_topics")
    nlp.initialize()
    component = nlp.get_pipe("svpol_paragraph_topics")

    def run(paragraphs: int) -> float:
        doc = nlp.make_doc(text_of(paragraphs))
        # entities, as a real pipeline has them: the old per-paragraph copy read them all
        doc.ents = [Span(doc, i, i + 2, label="PERSON") for i in range(0, len(doc) - 2, 10)]
        return timed(component, doc)

    doc = component(nlp.make_doc(text_of(3)))
    assert len(doc._.paragraphs) == 3 and set(doc._.paragraphs[0]["topics"]) == set(TOPIC_LABELS)
    assert ratio(run, 400) < MAX_RATIO


def test_paragraph_docs_are_the_docs_span_as_doc_gives():
    import numpy

    from svpol.components.paragraph_topics import paragraph_docs
    from svpol.text import paragraphs

    nlp = spacy.blank("sv")
    doc = nlp.make_doc(text_of(4) + "\n\n   \n\nSista stycket.")
    # entities inside paragraphs, and one across a paragraph break (cut by both edges)
    cross = doc.char_span(doc.text.index("informeras") , doc.text.index("Ordföranden", 10) + 11, alignment_mode="expand")
    doc.ents = [Span(doc, 2, 4, label="PERSON"), Span(doc, cross.start, cross.end, label="ORG")]
    spans = paragraphs(doc.text)
    got = paragraph_docs(doc, spans)
    for (start, end), para in zip(spans, got):
        want = doc.char_span(start, end, alignment_mode="expand").as_doc()
        head = doc._get_array_attrs()
        assert para.text == want.text
        assert numpy.array_equal(para.to_array(head), want.to_array(head))
        assert [(e.start, e.end, e.label_) for e in para.ents] == [(e.start, e.end, e.label_) for e in want.ents]
