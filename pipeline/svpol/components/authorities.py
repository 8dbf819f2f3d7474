"""AUTHORITY enrichment: canonical name, kind and id of every AUTHORITY entity.

Sets ``span._.canonical`` ("SÄPO" -> "Säkerhetspolisen"), ``span._.kind`` (one of
``svpol.kb.AUTHORITY_KINDS``: state_agency, government, parliament, ministry,
court, region, municipality, municipal_body, police) and ``span._.authority_id``
(organisation number of a state agency, ``kommun:<code>``, ``region:<code>``;
None where the KB has none). Entities the KB does not know keep None.
"""

from __future__ import annotations

from typing import Dict, Optional

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..kb import KBComponent, check_entity_label

for _name in ("canonical", "kind", "authority_id"):
    if not Span.has_extension(_name):
        Span.set_extension(_name, default=None)


class AuthorityEnricher(KBComponent):
    """Links AUTHORITY entities to the KB (serialized with the authority table)."""

    kb_parts = ("authorities",)

    def __init__(self, name: str = "authorities", label: str = "AUTHORITY", kb_path: Optional[str] = None) -> None:
        self.name = name
        self.label = check_entity_label(label)
        self.kb_path = kb_path

    def __call__(self, doc: Doc) -> Doc:
        for ent in doc.ents:
            if ent.label_ != self.label:
                continue
            authority = self.kb.match_authority(ent.text)
            ent._.canonical = authority.canonical if authority else None
            ent._.kind = authority.kind if authority else None
            ent._.authority_id = authority.id if authority else None
        return doc

    def cfg(self) -> Dict[str, object]:
        return {"label": self.label}

    def set_cfg(self, cfg: Dict[str, object]) -> None:
        self.label = str(cfg["label"])


@Language.factory(
    "svpol_authorities",
    assigns=["span._.canonical", "span._.kind", "span._.authority_id"],
    requires=["doc.ents"],
    default_config={"label": "AUTHORITY", "kb_path": None},
)
def make_authorities(nlp: Language, name: str, label: str, kb_path: Optional[str]) -> AuthorityEnricher:
    """Create the authority enricher."""
    return AuthorityEnricher(name, label, kb_path)
