"""PERSON span repair after ``ner``: titles out of the span, the Riksdag's place suffix in.

A statistical ``ner`` trained mostly on running text puts a capitalised office in front of a
name into the PERSON span (``Statsrådet Anna Berg``, ``Finansminister Per Ek``,
``Kultur- och demokratiminister Eva Lind``), and sometimes tags the office alone. The
guidelines keep titles out of PERSON spans, and the enricher ``svpol_politicians`` reads the
office in front of the name as ``span._.role``, so this component:

- cuts leading office words off a PERSON span (``Statsrådet Anna Berg`` -> ``Anna Berg``);
- drops a PERSON entity that is an office and nothing else (``Energi- och näringsminister``);
- joins the Riksdag's way of telling members apart, ``Anna Berg i Luleå (M)``, into one
  PERSON span (the place is part of the member's official name), replacing an entity the
  place may have had.
"""

from __future__ import annotations

import re
from typing import List, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .politicians import base_role

PERSON = "PERSON"
# "(M)", "(fp)", "(-)" right after the place of "Anna Berg i Luleå (M)".
_PARTY_BRACKET_RE = re.compile(r"\(\s*(?:[A-Za-zÅÄÖåäö]{1,3}|-)\s*\)")


def leading_role_length(span: Span) -> int:
    """How many tokens at the start of ``span`` form an office ("Statsrådet", "Kultur- och
    demokratiminister"); the longest such prefix, 0 if none."""
    for k in range(len(span), 0, -1):
        if base_role(span[:k].text):
            return k
    return 0


def _place_suffix_end(doc: Doc, ent: Span) -> Optional[int]:
    """The token end of "i <Place>" after ``ent`` when a party bracket follows it, else None."""
    i = ent.end
    if i + 2 >= len(doc) or doc[i].text != "i" or not doc[i + 1].text[:1].isupper():
        return None
    end = i + 2
    while end < len(doc) and doc[end].text[:1].isupper() and doc[end].is_alpha:  # "i Västra Frölunda"
        end += 1
    rest = doc.text[doc[end - 1].idx + len(doc[end - 1]):doc[end - 1].idx + len(doc[end - 1]) + 12]
    return end if _PARTY_BRACKET_RE.match(rest.lstrip()) and rest[:1].isspace() else None


class PersonSpans:
    """Repairs PERSON spans (see the module docstring)."""

    def __init__(self, name: str = "person_spans") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)  # read once: the getter scans every token
        repaired: List[Span] = []
        changed = False
        for ent in ents:
            if ent.label_ != PERSON:
                repaired.append(ent)
                continue
            k = leading_role_length(ent)
            if k == len(ent):
                changed = True
                continue
            if k:
                ent = Span(doc, ent.start + k, ent.end, PERSON)
                changed = True
            end = _place_suffix_end(doc, ent)
            if end is not None:
                ent = Span(doc, ent.start, end, PERSON)
                changed = True
            repaired.append(ent)
        if changed:
            # An entity swallowed by "Anna Berg i Luleå" (the place, or a name ner read in it) goes:
            # only a joined span can overlap another, and it is the longer one.
            doc.ents = filter_spans(repaired)
        return doc


@Language.factory(
    "svpol_person_spans",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={},
)
def make_person_spans(nlp: Language, name: str) -> PersonSpans:
    """Create the PERSON span repair (stateless)."""
    return PersonSpans(name)
