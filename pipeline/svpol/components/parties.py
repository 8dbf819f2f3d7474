"""PARTY enrichment: the canonical party (or alliance) of every PARTY entity.

Sets ``span._.party_id`` ("S", "M", ..., "FI"; alliances "ALLIANSEN", "TIDO",
"RODGRONA"), ``span._.party_name`` (the official name, "Moderata
samlingspartiet") and, for alliances, ``span._.members`` (member party ids).
Surfaces the KB does not know keep None.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Span

from ..kb import EntityEnricher, span_assigns
from ..labels import ENTITY_ATTRIBUTES


class PartyEnricher(EntityEnricher):
    """Normalizes PARTY entities to canonical parties (serialized with the party table)."""

    default_name = "parties"
    default_label = "PARTY"
    extensions = ENTITY_ATTRIBUTES["PARTY"]
    kb_parts = ("parties",)

    def enrich(self, ent: Span) -> None:
        party = self.kb.match_party(ent.text)
        if party is None and len(ent) == 2:
            # a local branch, the party's name and its place: "Liberalerna Ekby" is L's (entity_rules)
            party = self.kb.match_party(ent[0].text)
        ent._.party_id = party.id if party else None
        ent._.party_name = party.name if party else None
        ent._.members = list(party.members) if party and party.is_alliance else None


@Language.factory(
    "svpol_parties",
    assigns=span_assigns(PartyEnricher.extensions),
    requires=["doc.ents"],
    default_config={"label": "PARTY", "kb_path": None},
)
def make_parties(nlp: Language, name: str, label: str, kb_path: Optional[str]) -> PartyEnricher:
    """Create the party enricher."""
    return PartyEnricher(name, label, kb_path)
