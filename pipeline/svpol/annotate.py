"""Annotating a stream of records: normalize, run the pipeline, export.

Long documents are cut at paragraph boundaries (else line, sentence or word
boundaries) into chunks of at most ``max_chars`` characters so that one huge
input does not blow the model's memory; entities and paragraphs of the chunks
are stitched back with offsets in the raw text, and the document's topics are
the chunks' topics averaged with their lengths as weights (see
:class:`svpol.export.DocumentBuilder`). Each chunk is exported as soon as the
model returns it, into compact results, so a huge document holds neither all
its chunks' Docs nor its output record's objects until the record is built; the
clean text's offset map is let go as soon as the record is built.

Memory is bounded by characters in flight, not only by documents: a batch for
the model holds at most ``batch_size`` texts and at most :data:`BATCH_CHARS`
characters (or one text of up to ``max_chars``), so 32 chunks of 100,000
characters are never in flight at once; a record is normalized only when its
batch needs it.
"""

import logging
from collections import deque
from dataclasses import dataclass
from typing import Deque, Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language
from spacy.tokens import Doc

from .export import DocumentBuilder
from .intake import Record
from .kb import to_iso_date
from .text import chunks, normalize

logger = logging.getLogger(__name__)

MAX_CHARS = 100_000
# The most characters in a batch for the model, and in a batch of records sent to a worker (a text
# longer than this goes alone; the model's texts are at most max_chars). Each 100,000 characters in flight cost about 270 MB with the
# shipped model (a 2 MB text: 1.99 GB peak with batches of 500,000 characters, 0.64 GB with one chunk).
BATCH_CHARS = 100_000


@dataclass
class AnnotateStats:
    """Counts kept while annotating: documents, words (tokens that are not space or punctuation), raw characters."""

    documents: int = 0
    words: int = 0
    chars: int = 0


def annotate_records(
    records: Iterable[Record],
    nlp: Language,
    *,
    batch_size: int = 32,
    n_process: int = 1,
    max_chars: int = MAX_CHARS,
    stats: Optional[AnnotateStats] = None,
) -> Iterator[dict]:
    """Annotate records with ``nlp`` and yield one output dict per record, in input order.

    Args:
        records: the records to annotate (read lazily).
        nlp: the pipeline.
        batch_size: texts per batch of ``nlp.pipe``.
        n_process: processes for ``nlp.pipe``.
        max_chars: the longest text given to the model in one piece.
        stats: if given, updated as records are done.
    """
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if n_process == 0 or n_process < -1:
        raise ValueError(f"n_process must be positive or -1 (all CPUs), got {n_process}")
    # The builders of the records whose chunks are in flight, oldest first, and their numbers
    # of chunks; nlp.pipe keeps the input order.
    pending: Deque[Tuple[DocumentBuilder, int]] = deque()
    batch_chars = max(max_chars, BATCH_CHARS)

    def texts() -> Iterator[Tuple[Doc, int]]:
        for record in records:
            clean, offset_map = normalize(record.raw)
            spans = chunks(clean, max_chars) or [(0, 0)]
            pending.append((DocumentBuilder(offset_map, record), len(spans)))
            del offset_map  # the builder's reference is the only one: it lets go of the map when done
            # A record's date (e.g. a JSONL field "date") lets the politicians component
            # read a person's party at that date from the knowledge base.
            date = _record_date(record)
            for start, end in spans:
                doc = nlp.make_doc(clean[start:end])
                if date is not None and Doc.has_extension("date"):
                    doc._.date = date
                yield doc, start

    def batches() -> Iterator[List[Tuple[Doc, int]]]:
        batch: List[Tuple[Doc, int]] = []
        chars = 0
        for item in texts():
            doc = item[0]
            size = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
            if batch and chars + size > batch_chars:
                yield batch
                batch, chars = [], 0
            batch.append(item)
            chars += size
            if len(batch) >= batch_size:
                yield batch
                batch, chars = [], 0
        if batch:
            yield batch

    if n_process == 1:
        # Batches bounded by characters as well as by texts.
        annotated: Iterable[Tuple[Doc, int]] = (
            item for batch in batches() for item in nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
        )
    else:
        annotated = nlp.pipe(texts(), as_tuples=True, batch_size=batch_size, n_process=n_process)
    done_chunks = words = 0
    for doc, offset in annotated:
        builder, n_chunks = pending[0]
        # Each chunk is exported as it comes, so its Doc is freed with its batch.
        builder.add(offset, doc)
        words += sum(1 for t in doc if not (t.is_space or t.is_punct))
        done_chunks += 1
        if done_chunks < n_chunks:
            continue
        pending.popleft()
        if stats is not None:
            stats.documents += 1
            stats.chars += len(builder.record.raw)
            stats.words += words
        done_chunks = words = 0
        yield builder.build()


def _record_date(record: Record) -> Optional[str]:
    """The record's ``date`` field as an ISO date, or None (a malformed one is reported, not fatal)."""
    value = record.extras.get("date")
    if value is None:
        return None
    try:
        return to_iso_date(value) if isinstance(value, str) else None
    except ValueError as err:
        logger.warning("%s: date ignored: %s", record.id, err)
        return None
