"""Map source NER labels to svpol's labels and add what the sources leave untagged.

Source labels map as follows (see docs/data.md for the reasons):

- PER -> PERSON, LOC -> LOC;
- ORG -> PARTY, AUTHORITY or ORG by the knowledge base (``match_party``,
  ``match_authority``); a span with a bracketed part (``statens invandrarverk ( SIV )``)
  is split into the name and the abbreviation, as ANNOTATION.md asks;
- SUC MSR -> MONEY only where the money patterns (``svpol.components.money``) find an
  amount inside it, with the pattern's span; other MSR (``10 km``, ``55 procent``) -> O;
- MISC, TME, WRK, EVN, OBJ -> O;
- SUC's rare mixed tags LOCPRS, ORGPRS, LOCORG (automatic, often wrong: ``Columbus``
  as LOCPRS) -> missing: the tokens are neither entity nor O, so they do not train.

Then the rule tagger adds PARTY, AUTHORITY and MONEY wherever the source has no entity:
the sources tag ``regeringen``, ``polisen``, ``(S)`` and ``500 kronor`` as O (or MISC),
while our guidelines tag them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from spacy.language import Language
from spacy.tokens import Doc, Span

from svpol.kb import KnowledgeBase

from .converters import TokenSpan

# (start char, end char, label)
CharSpan = Tuple[int, int, str]

DIRECT = {"PER": "PERSON", "LOC": "LOC"}
TO_OUTSIDE = frozenset({"MISC", "TME", "WRK", "EVN", "OBJ"})
TO_MISSING = frozenset({"LOCPRS", "ORGPRS", "LOCORG"})
RULE_LABELS = ("PARTY", "AUTHORITY", "MONEY")
# Public bodies the knowledge base does not list (historical agencies in the 1970s-90s texts,
# local administrations): shapes of Swedish authority names. Only applied to spans a source
# already tags ORG, never to running text.
_AGENCY_SHAPE = re.compile(
    r"^(?:statens|kungl\. maj:t|riksförsäkrings|länsstyrelsen)|"
    r"(?:styrelsen|verket|myndigheten|inspektionen|nämnden|nämnd|departementet|ämbetet|domstolen|domstol|"
    r"kontoret|byrån|polisen|länsstyrelsen)s?(?: i [a-zåäö].*)?$"
)
# Lower-case ORG spans that name a kind of thing, not one organisation (ANNOTATION.md: not tagged).
_GENERIC_LOWER = re.compile(r"^(?:polis|.*(?:tjänst|tjänsten|skola|skolan|skolor|universitet|universitetet|"
                            r"rörelse|rörelsen|organisation|organisationen|landstinget|kommunen|staden))s?$")


@dataclass
class MappingStats:
    """Counts per source label before mapping and per svpol label after, plus ORG decisions."""

    before: Counter = field(default_factory=Counter)
    after: Counter = field(default_factory=Counter)
    added_by_rules: Counter = field(default_factory=Counter)
    org_examples: Dict[str, List[str]] = field(default_factory=dict)

    def note_org(self, label: str, text: str, limit: int = 200) -> None:
        """Remember a mapped ORG span (for the by-eye check in the data card)."""
        bucket = self.org_examples.setdefault(label, [])
        if len(bucket) < limit and text not in bucket:
            bucket.append(text)


class RuleTagger:
    """PARTY, AUTHORITY and MONEY spans by the pipeline's own rule component.

    Wraps ``svpol_entity_rules`` (its ``find``), so that training data and the rules of
    the pipeline agree, and the knowledge base for classifying spans the sources tag ORG.
    """

    def __init__(self, kb: KnowledgeBase, nlp: Language) -> None:
        import svpol.components.entity_rules  # noqa: F401  (registers the factory)

        self.kb = kb
        self.nlp = nlp
        # Created, not added: the caller's pipeline is left as it is.
        self.component = nlp.create_pipe("svpol_entity_rules")

    def find(self, doc: Doc) -> List[CharSpan]:
        """Character spans of PARTY, AUTHORITY and MONEY entities in ``doc`` (not modified).

        ``doc`` must share the vocab of the ``nlp`` the tagger was made with.
        """
        return [(s.start_char, s.end_char, s.label_) for s in self.component.find(doc)]

    def classify(self, text: str) -> Optional[str]:
        """PARTY or AUTHORITY if the knowledge base knows ``text`` as one, else None."""
        if self.kb.match_party(text) is not None:
            return "PARTY"
        if self.kb.match_authority(text) is not None:
            return "AUTHORITY"
        return None


def split_bracketed(doc: Doc, start: int, end: int) -> List[Tuple[int, int]]:
    """Split a token span around brackets: ``statens invandrarverk ( SIV )`` -> name, ``SIV``."""
    parts: List[Tuple[int, int]] = []
    i = start
    for k in range(start, end + 1):
        if k == end or doc[k].text in ("(", ")"):
            if k > i:
                parts.append((i, k))
            i = k + 1
    return parts


class LabelMapper:
    """Turns a source sentence's spans into svpol entities on a Doc (see the module doc)."""

    def __init__(self, rules: RuleTagger) -> None:
        self.rules = rules

    def org_label(self, text: str) -> Optional[str]:
        """PARTY, AUTHORITY or ORG for a span the source tags ORG; None where our guidelines
        tag nothing (generic lower-case words such as ``socialtjänsten``, ``universitetet``,
        ``landstinget``)."""
        label = self.rules.classify(text)
        if label:
            return label
        # A bare municipality name tagged ORG is nearly always a sports club in these sets
        # ("Mora besegrade Karlskoga"), so it stays ORG; EU bodies are international: ORG.
        lowered = text.lower()
        if _AGENCY_SHAPE.search(lowered) and not lowered.startswith(("europeiska", "läroverk")):
            return "AUTHORITY"
        if text == lowered and _GENERIC_LOWER.match(text):
            return None
        return "ORG"

    def apply(self, doc: Doc, spans: Sequence[TokenSpan], stats: MappingStats) -> Doc:
        """Set ``doc``'s entities from source ``spans`` and the rules; returns ``doc``."""
        ents: List[Span] = []
        missing: List[Span] = []
        money = [(s, e) for s, e, label in self.rules.find(doc) if label == "MONEY"]
        for start, end, source_label in spans:
            stats.before[source_label] += 1
            if source_label in DIRECT:
                ents.append(Span(doc, start, end, DIRECT[source_label]))
            elif source_label == "ORG":
                for s, e in split_bracketed(doc, start, end):
                    span = doc[s:e]
                    label = self.org_label(span.text)
                    stats.note_org(label or "O", span.text)
                    if label:
                        ents.append(Span(doc, s, e, label))
            elif source_label == "MSR":
                span = doc[start:end]
                for s, e in money:
                    if s >= span.start_char and e <= span.end_char:
                        money_span = doc.char_span(s, e, "MONEY", alignment_mode="contract")
                        if money_span is not None:
                            ents.append(money_span)
            elif source_label in TO_MISSING:
                missing.append(doc[start:end])
            elif source_label not in TO_OUTSIDE:
                raise ValueError(f"no mapping for source label {source_label!r}")
        taken = {i for span in ents + missing for i in range(span.start, span.end)}
        for s, e, label in self.rules.find(doc):
            span = doc.char_span(s, e, label, alignment_mode="contract")
            if span is None or not len(span) or any(i in taken for i in range(span.start, span.end)):
                continue
            ents.append(span)
            taken.update(range(span.start, span.end))
            stats.added_by_rules[label] += 1
        doc.set_ents(ents, missing=missing, default="outside")
        for ent in doc.ents:
            stats.after[ent.label_] += 1
        return doc
