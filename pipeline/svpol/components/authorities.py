"""AUTHORITY enrichment: canonical name, kind and id of every AUTHORITY entity.

Sets ``span._.canonical`` ("SÄPO" -> "Säkerhetspolisen"), ``span._.kind`` (one of
``svpol.kb.AUTHORITY_KINDS``: state_agency, government, parliament, ministry,
court, region, municipality, municipal_body, police) and ``span._.authority_id``
(organisation number of a state agency, ``kommun:<code>``, ``region:<code>``;
None where the KB has none). Entities the KB does not know keep None.
"""

from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Span

from ..kb import EntityEnricher, span_assigns
from ..labels import ENTITY_ATTRIBUTES


class AuthorityEnricher(EntityEnricher):
    """Links AUTHORITY entities to the KB (serialized with the authority table)."""

    default_name = "authorities"
    default_label = "AUTHORITY"
    extensions = ENTITY_ATTRIBUTES["AUTHORITY"]
    kb_parts = ("authorities",)

    def enrich(self, ent: Span) -> None:
        # a heading's capitals read in ordinary case: "KULTUR- OCH FRITIDSNÄMNDEN"
        authority = self.kb.match_authority(ent.text) or (
            self.kb.match_authority(ent.text.capitalize()) if ent.text.isupper() and len(ent.text) > 6 else None)
        ent._.canonical = authority.canonical if authority else None
        ent._.kind = authority.kind if authority else None
        ent._.authority_id = authority.id if authority else None


@Language.factory(
    "svpol_authorities",
    assigns=span_assigns(AuthorityEnricher.extensions),
    requires=["doc.ents"],
    default_config={"label": "AUTHORITY", "kb_path": None},
)
def make_authorities(nlp: Language, name: str, label: str, kb_path: Optional[str]) -> AuthorityEnricher:
    """Create the authority enricher."""
    return AuthorityEnricher(name, label, kb_path)
