"""Turning annotated Docs into the output record (the schema of docs/DESIGN.md).

Only this module knows the output schema. Offsets in the output refer to the
raw input text (``record.raw``): clean-text offsets of the Doc are mapped back
through the :class:`~svpol.text.OffsetMap`.

Attributes set by later components are read from Span and Doc extensions when
they exist: ``span._.score``, the attributes of ``labels.ENTITY_ATTRIBUTES``
(``span._.party``, ``span._.amount_sek``, ``span._.members`` as a list, ...)
and ``doc._.paragraphs`` (a list of ``{"start", "end", "topics"}`` in the Doc's
offsets). Missing extensions give ``None`` attributes, so every entity of a
label has the same keys whatever the pipeline.
"""

import logging
from typing import Any, Dict, List, Sequence, Tuple

from spacy.tokens import Doc, Span

from .components.structure import merge_structures, structure_record
from .intake import Record
from .labels import ENTITY_ATTRIBUTES
from .text import OffsetMap, paragraphs

logger = logging.getLogger(__name__)

RESERVED_KEYS = ("id", "source", "entities", "topics", "paragraphs", "structure")


def doc_to_dict(doc: Doc, offset_map: OffsetMap, record: Record) -> Dict[str, Any]:
    """Build the output record of one document annotated as a single Doc.

    Args:
        doc: the annotated Doc of the clean text.
        offset_map: the map from the clean text to ``record.raw``.
        record: the input record; its extras are passed through.
    """
    return chunks_to_dict([(0, doc)], offset_map, record)


def chunks_to_dict(parts: Sequence[Tuple[int, Doc]], offset_map: OffsetMap, record: Record) -> Dict[str, Any]:
    """Build the output record of a document annotated in chunks.

    Args:
        parts: ``(offset, doc)`` for each chunk, where ``offset`` is the chunk's
            start in the clean text, in text order.
        offset_map: the map from the clean text to ``record.raw``.
        record: the input record; its extras are passed through.

    Document topics are the chunk topics averaged with the chunks' lengths as weights.
    """
    builder = DocumentBuilder(offset_map, record)
    for offset, doc in parts:
        builder.add(offset, doc)
    return builder.build()


class DocumentBuilder:
    """Builds the output record of a document from its chunks one at a time.

    Each chunk's Doc can be freed once added, so a huge document never holds
    the Docs of all its chunks at once (see :func:`chunks_to_dict`).

    Args:
        offset_map: the map from the clean text to ``record.raw``.
        record: the input record; its extras are passed through.
    """

    def __init__(self, offset_map: OffsetMap, record: Record) -> None:
        self.offset_map = offset_map
        self.record = record
        self.entities: List[Dict[str, Any]] = []
        self.paragraphs: List[Dict[str, Any]] = []
        self._topic_sums: Dict[str, float] = {}
        self._total = 0
        self._structures: List[Any] = []  # svpol_structure, one per chunk (None where it did not run)

    def add(self, offset: int, doc: Doc) -> None:
        """Add the next chunk: its Doc and its start in the clean text."""
        for span in doc.ents:
            self.entities.append(_entity(span, offset, self.offset_map, self.record.raw))
        self.paragraphs.extend(_paragraphs(doc, offset, self.offset_map))
        self._structures.append(_structure(doc, offset, self.offset_map))
        weight = len(doc.text)
        self._total += weight
        for label, score in doc.cats.items():
            self._topic_sums[label] = self._topic_sums.get(label, 0.0) + float(score) * weight

    def build(self) -> Dict[str, Any]:
        """The output record of the chunks added so far."""
        record = self.record
        total = self._total
        topics = {label: (s / total if total else 0.0) for label, s in self._topic_sums.items()}
        out: Dict[str, Any] = {
            "id": record.id,
            "source": record.source,
            "entities": self.entities,
            "topics": topics,
            "paragraphs": self.paragraphs,
            "structure": merge_structures(self._structures),
        }
        for key, value in record.extras.items():
            if key in RESERVED_KEYS:
                logger.warning("%s: input field %r is replaced by the annotation's %r", record.id, key, key)
                continue
            out[key] = value
        return out


def _jsonable(value: Any) -> Any:
    # lists (an alliance's members) are copied, so the record does not share the Span's list
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    # numpy / cupy scalars from model outputs
    if hasattr(value, "item") and callable(value.item):
        return value.item()
    return value


def _entity(span: Span, offset: int, offset_map: OffsetMap, raw: str) -> Dict[str, Any]:
    start, end = offset_map.to_raw(span.start_char + offset, span.end_char + offset)
    score = _jsonable(span._.score) if Span.has_extension("score") else None
    ent: Dict[str, Any] = {
        "start": start,
        "end": end,
        "label": span.label_,
        "text": raw[start:end],
        "score": score,
    }
    for name in ENTITY_ATTRIBUTES.get(span.label_, ()):
        ent[name] = _jsonable(getattr(span._, name)) if Span.has_extension(name) else None
    return ent


def _paragraphs(doc: Doc, offset: int, offset_map: OffsetMap) -> List[Dict[str, Any]]:
    found = doc._.paragraphs if Doc.has_extension("paragraphs") else None
    if found is None:
        found = [{"start": s, "end": e, "topics": {}} for s, e in paragraphs(doc.text)]
    out = []
    for para in found:
        start, end = offset_map.to_raw(para["start"] + offset, para["end"] + offset)
        topics = {label: float(score) for label, score in para.get("topics", {}).items()}
        out.append({"start": start, "end": end, "topics": topics})
    return out


def _structure(doc: Doc, offset: int, offset_map: OffsetMap) -> Any:
    """``doc._.structure`` (svpol_structure, docs/structure.md) with raw offsets, or None."""
    return structure_record(doc, lambda start, end: offset_map.to_raw(start + offset, end + offset))
