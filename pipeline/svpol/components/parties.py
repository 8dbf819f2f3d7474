"""PARTY enrichment: the canonical party (or alliance) of every PARTY entity.

Sets ``span._.party_id`` ("S", "M", ..., "FI"; alliances "ALLIANSEN", "TIDO",
"RODGRONA"), ``span._.party_name`` (the official name, "Moderata
samlingspartiet") and, for alliances, ``span._.members`` (member party ids).
Surfaces the KB does not know keep None.
"""

from __future__ import annotations

from typing import Dict, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..kb import KBComponent, check_entity_label

for _name in ("party_id", "party_name", "members"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class PartyEnricher(KBComponent):
    """Normalizes PARTY entities to canonical parties (serialized with the party table)."""

    kb_parts = ("parties",)

    def __init__(self, name: str = "parties", label: str = "PARTY", kb_path: Optional[str] = None) -> None:
        self.name = name
        self.label = check_entity_label(label)
        self.kb_path = kb_path

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            if ent.label_ != self.label:
                continue
            party = self.kb.match_party(ent.text)
            ent._.party_id = party.id if party else None
            ent._.party_name = party.name if party else None
            ent._.members = list(party.members) if party and party.is_alliance else None
        return doc

    def cfg(self) -> Dict[str, object]:
        return {"label": self.label}

    def set_cfg(self, cfg: Dict[str, object]) -> None:
        self.label = str(cfg["label"])


@Language.factory(
    "svpol_parties",
    assigns=["span._.party_id", "span._.party_name", "span._.members"],
    requires=["doc.ents"],
    default_config={"label": "PARTY", "kb_path": None},
)
def make_parties(nlp: Language, name: str, label: str, kb_path: Optional[str]) -> PartyEnricher:
    """Create the party enricher."""
    return PartyEnricher(name, label, kb_path)
