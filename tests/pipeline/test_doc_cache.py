"""svpol.doc_cache: a Doc's text built once and kept while the Doc lives."""

import gc

import spacy

from svpol.doc_cache import _TEXTS, doc_text


def test_doc_text_is_the_docs_text_also_after_retokenizing():
    nlp = spacy.blank("sv")
    doc = nlp("Kommunstyrelsen i Ekby  beslutade\n\nom 1 200 kr.")
    assert doc_text(doc) == doc.text
    with doc.retokenize() as retokenizer:  # merging tokens keeps the characters
        retokenizer.merge(doc[0:3])
    assert doc_text(doc) == doc.text
    assert doc_text(nlp("")) == ""


def test_the_text_goes_with_the_doc():
    nlp = spacy.blank("sv")
    doc = nlp("En text som glöms.")
    doc_text(doc)
    gc.collect()  # docs of earlier tests that only wait for the collector go first
    before = len(_TEXTS)
    del doc
    gc.collect()
    assert len(_TEXTS) == before - 1


def test_the_svpol_tokenizer_hands_over_its_input():
    from svpol.tokenizer import blank

    text = "Anslaget är 1 200 000 kr. Sedan  beslutade\n\nnämnden."
    doc = blank()(text)  # spaced thousands merged, "kr." split at the sentence's end
    assert doc in _TEXTS and _TEXTS[doc] == text == doc.text
    assert doc_text(doc) is _TEXTS[doc]
