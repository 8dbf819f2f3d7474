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
from array import array
from typing import Any, Dict, Iterator, List, Optional, Sequence, Tuple

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

    Each chunk's Doc can be freed once added: the builder keeps only compact
    results (an entity as a tuple of its values, paragraph offsets and topic
    scores in arrays), so that a huge document costs far less than its output
    record until :meth:`build` makes the record (see :func:`chunks_to_dict`).
    Equal strings (labels, attribute values, entity texts such as a name said
    again and again) are shared by the record's entities.

    Args:
        offset_map: the map from the clean text to ``record.raw``.
        record: the input record; its extras are passed through.
    """

    def __init__(self, offset_map: OffsetMap, record: Record) -> None:
        self.offset_map: Optional[OffsetMap] = offset_map
        self.record = record
        # (start, end, label, score, *attribute values) per entity, raw offsets.
        self._entities: List[Tuple[Any, ...]] = []
        # Per paragraph: start and end (raw offsets) in _bounds, its topic labels (a tuple
        # shared by the paragraphs that have the same labels) and their scores in _scores.
        self._bounds = array("q")
        self._topic_labels: List[Tuple[str, ...]] = []
        self._scores = array("d")
        self._strings: Dict[str, str] = {}
        self._labels: Dict[Tuple[str, ...], Tuple[str, ...]] = {}
        self._topic_sums: Dict[str, float] = {}
        self._total = 0
        self._structures: List[Any] = []  # svpol_structure, one per chunk (None where it did not run)

    def add(self, offset: int, doc: Doc) -> None:
        """Add the next chunk: its Doc and its start in the clean text."""
        if self.offset_map is None:
            raise ValueError(f"{self.record.id}: a chunk added after the record was built")
        offset_map = self.offset_map
        share = self._share
        has_score = Span.has_extension("score")  # svpol_confidence registers it; asked once per chunk
        for span in doc.ents:
            start, end = offset_map.to_raw(span.start_char + offset, span.end_char + offset)
            score = _jsonable(span._.score) if has_score else None
            values = [
                share(_jsonable(getattr(span._, name))) if Span.has_extension(name) else None
                for name in ENTITY_ATTRIBUTES.get(span.label_, ())
            ]
            self._entities.append((start, end, share(span.label_), score, *values))
        for start, end, topics in _paragraphs(doc, offset, offset_map):
            self._bounds.extend((start, end))
            labels = tuple(topics)
            self._topic_labels.append(self._labels.setdefault(labels, labels))
            self._scores.extend(float(score) for score in topics.values())
        self._structures.append(_structure(doc, offset, offset_map))
        weight = len(doc.text)
        self._total += weight
        for label, score in doc.cats.items():
            self._topic_sums[label] = self._topic_sums.get(label, 0.0) + float(score) * weight

    def build(self) -> Dict[str, Any]:
        """The output record of the chunks added; the builder lets go of it and of the offset map."""
        record = self.record
        total = self._total
        topics = {label: (s / total if total else 0.0) for label, s in self._topic_sums.items()}
        out: Dict[str, Any] = {
            "id": record.id,
            "source": record.source,
            "entities": self._entity_dicts(),
            "topics": topics,
            "paragraphs": self._paragraph_dicts(),
            "structure": merge_structures(self._structures),
        }
        for key, value in record.extras.items():
            if key in RESERVED_KEYS:
                logger.warning("%s: input field %r is replaced by the annotation's %r", record.id, key, key)
                continue
            out[key] = value
        self.offset_map = None
        self._structures = []
        self._strings = {}
        return out

    def _share(self, value: Any) -> Any:
        """An equal string seen before in this document instead of ``value`` (other values as they are)."""
        return self._strings.setdefault(value, value) if isinstance(value, str) else value

    def _entity_dicts(self) -> List[Dict[str, Any]]:
        """The entities as output dicts; each compact tuple is replaced in place, so both never exist whole."""
        entities, self._entities = self._entities, []
        raw = self.record.raw
        for i, (start, end, label, score, *values) in enumerate(entities):
            ent: Dict[str, Any] = {
                "start": start,
                "end": end,
                "label": label,
                "text": self._share(raw[start:end]),
                "score": score,
            }
            ent.update(zip(ENTITY_ATTRIBUTES.get(label, ()), values))
            entities[i] = ent
        return entities

    def _paragraph_dicts(self) -> List[Dict[str, Any]]:
        """The paragraphs as output dicts (``start``, ``end``, ``topics``)."""
        bounds, scores = self._bounds, self._scores
        out = []
        at = 0
        for i, labels in enumerate(self._topic_labels):
            topics = dict(zip(labels, scores[at : at + len(labels)]))
            at += len(labels)
            out.append({"start": bounds[2 * i], "end": bounds[2 * i + 1], "topics": topics})
        self._bounds, self._topic_labels, self._scores = array("q"), [], array("d")
        return out


def _jsonable(value: Any) -> Any:
    # lists (an alliance's members) are copied, so the record does not share the Span's list
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    # numpy / cupy scalars from model outputs
    if hasattr(value, "item") and callable(value.item):
        return value.item()
    return value


def _paragraphs(doc: Doc, offset: int, offset_map: OffsetMap) -> Iterator[Tuple[int, int, Dict[str, Any]]]:
    """``(raw start, raw end, topics)`` of each paragraph of a chunk (no topics without svpol_paragraph_topics)."""
    found = doc._.paragraphs if Doc.has_extension("paragraphs") else None
    if found is None:
        found = [{"start": s, "end": e, "topics": {}} for s, e in paragraphs(doc.text)]
    for para in found:
        start, end = offset_map.to_raw(para["start"] + offset, para["end"] + offset)
        yield start, end, para.get("topics", {})


def _structure(doc: Doc, offset: int, offset_map: OffsetMap) -> Any:
    """``doc._.structure`` (svpol_structure, docs/structure.md) with raw offsets, or None."""
    return structure_record(doc, lambda start, end: offset_map.to_raw(start + offset, end + offset))
