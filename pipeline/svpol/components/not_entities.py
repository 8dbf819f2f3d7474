"""Removes entities that are written like names but are never entities: law abbreviations.

``LSS``, ``SoL``, ``LVU``, ``PBL`` look like the agency acronyms ``SÄPO`` and ``FHS`` to a
statistical ``ner``, which then tags them AUTHORITY or ORG; ANNOTATION.md has no label
for laws. This component runs after ``ner`` and drops every entity whose text, without a
genitive (``LSS:s``), is one of ``texts`` (default: ``svpol.kb.LAW_ABBREVIATIONS``).
Exact, case-sensitive matches only: ``Sol`` or ``sol`` are other words.
"""

from __future__ import annotations

from typing import FrozenSet, Iterable, Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..kb import LAW_ABBREVIATIONS


class NotEntities:
    """Drops entities whose whole text is a known non-entity."""

    def __init__(self, name: str, texts: Optional[Iterable[str]] = None) -> None:
        """Create the component.

        Args:
            name: component name in the pipeline.
            texts: the texts that are never entities; None for the law abbreviations of the KB.
        """
        words = tuple(LAW_ABBREVIATIONS if texts is None else texts)
        if not all(isinstance(w, str) and w.strip() for w in words):
            raise ValueError(f"texts must be non-empty strings, got {words!r}")
        self.name = name
        self.texts: FrozenSet[str] = frozenset(words)

    def is_not_entity(self, text: str) -> bool:
        """Whether ``text`` (also as a genitive: "LSS:s") is never an entity."""
        return text in self.texts or (text.endswith(":s") and text[:-2] in self.texts)

    def __call__(self, doc: Doc) -> Doc:
        ents = list(doc.ents)  # read once: the getter scans every token
        kept = [ent for ent in ents if not self.is_not_entity(ent.text)]
        if len(kept) != len(ents):
            doc.ents = kept
        return doc


@Language.factory(
    "svpol_not_entities",
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"texts": None},
)
def make_not_entities(nlp: Language, name: str, texts: Optional[list]) -> NotEntities:
    """Create the non-entity filter (stateless: its list is in the config)."""
    return NotEntities(name, texts)
