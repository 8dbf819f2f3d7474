"""A Doc's text, built once per Doc.

spaCy rebuilds ``Doc.text`` from the tokens on every read, and most svpol components search
the text with regular expressions. A Doc's text never changes (retokenizing merges and splits
tokens, not characters), so it is kept here for as long as the Doc lives; the svpol tokenizer
hands over its input, so a Doc it made is never rebuilt at all.
"""

import weakref

from spacy.tokens import Doc

_TEXTS: "weakref.WeakKeyDictionary[Doc, str]" = weakref.WeakKeyDictionary()


def doc_text(doc: Doc) -> str:
    """``doc.text``, built on the first call for ``doc`` and remembered while ``doc`` lives."""
    text = _TEXTS.get(doc)
    if text is None:
        text = _TEXTS[doc] = doc.text
    return text


def remember_text(doc: Doc, text: str) -> None:
    """Remember ``text`` as ``doc``'s text: the tokenizer knows it, so no component needs to rebuild it."""
    _TEXTS[doc] = text
