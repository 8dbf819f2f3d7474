"""Writing output records. Only this package knows file formats.

Formats (``--format``, or from the output's suffix):

- ``jsonl`` (``.jsonl``, or ``-`` for standard output): one record per line, UTF-8.
- ``parquet`` (``.parquet``) and ``csv`` (``.csv``): a folder holding two tables,
  ``entities`` (one row per entity: ``doc_id, start, end, label, text, score``
  and one column per entity attribute, present even where empty) and ``documents``
  (one row per document: ``id, source, n_entities``, a ``topic_<label>`` column
  per topic, and the paragraphs and passed-through input fields as JSON strings).
  Written with pyarrow. List attributes (an alliance's ``members``) are
  ``list<string>`` in Parquet and the items joined with ``|`` in CSV (``S|V|MP``;
  an empty cell is null, ``""`` an empty list); :func:`read_tables` reads both as lists.
  The ``documents`` table also holds each record's ``structure`` as JSON. When records
  carry a ``structure`` (``svpol_structure`` in the pipeline), the folder also holds the
  structure tables :data:`STRUCTURE_TABLES` (``items``, ``sections``, ``decisions``,
  ``proposals``, ``votes``, ``ballots``, ``reservations``, ``attendance``; see
  :mod:`.structure_tables`), keyed by ``doc_id`` with raw-text offsets like ``entities``;
  without any structure they are not written.
- ``spacy`` (``.spacy``): a spaCy ``DocBin`` of Docs of the raw text with the
  entities, their attributes as Span extensions, the topics as ``doc.cats`` and
  ``doc.user_data["svpol"]`` holding id, source, paragraphs and passed-through fields.
- ``html`` (``.html``): a folder with a displaCy entity view per document
  (``docs/NNNNNN.html``, with its topics and entity attributes) and ``index.html``.

Every writer writes records with ``write`` and makes them durable with
``commit``, which returns a small JSON-able state. A writer opened with that
state continues exactly after the last commit, dropping anything written
later (a truncated line, a half-written part file): this is what makes
``svpol.jobs`` resumable. ``finish`` completes the format (merges
parts, writes the index page), ``cleanup`` removes working files, and
``close`` does all three.

Modules: ``base`` (the :class:`Writer` interface), ``formats`` (format names,
suffixes, working files), ``files`` (fsync and atomic writes), ``schema`` (the
table columns of a record), ``structure_tables`` (the structure tables' columns and rows), and a module per format: ``jsonl``, ``tables``
(parquet and csv), ``docbin`` (spacy), ``html``. This module opens the writer
for a format.
"""

from pathlib import Path
from typing import Any, Dict, Iterable, Optional, Union

from .base import State, Writer
from .docbin import DocBinWriter, record_doc
from .files import fsync_dir
from .formats import FOLDER_FORMATS, FORMATS, NEEDS_TEXT, format_of, remove_working_files
from .html import COLORS, HtmlWriter, document_html
from .jsonl import JsonlWriter
from .schema import (
    ATTRIBUTE_NAMES,
    LIST_SEPARATOR,
    TOPIC_PREFIX,
    document_schema,
    entity_fields,
    entity_row,
    entity_schema,
    join_list,
    split_list,
    topic_row,
)
from .structure_tables import STRUCTURE_TABLES, structure_rows, structure_schema
from .tables import TABLES, CsvWriter, ParquetWriter, read_tables, record_tables, table_schema

__all__ = [
    "ATTRIBUTE_NAMES",
    "COLORS",
    "FOLDER_FORMATS",
    "FORMATS",
    "LIST_SEPARATOR",
    "NEEDS_TEXT",
    "STRUCTURE_TABLES",
    "TABLES",
    "TOPIC_PREFIX",
    "CsvWriter",
    "DocBinWriter",
    "HtmlWriter",
    "JsonlWriter",
    "ParquetWriter",
    "State",
    "Writer",
    "document_html",
    "document_schema",
    "entity_fields",
    "entity_row",
    "entity_schema",
    "format_of",
    "fsync_dir",
    "join_list",
    "open_writer",
    "read_tables",
    "record_doc",
    "record_tables",
    "remove_working_files",
    "split_list",
    "structure_rows",
    "structure_schema",
    "table_schema",
    "topic_row",
    "write_records",
]

_WRITERS = {"jsonl": JsonlWriter, "parquet": ParquetWriter, "csv": CsvWriter, "spacy": DocBinWriter, "html": HtmlWriter}


def open_writer(
    path: Union[str, Path], fmt: Optional[str] = None, *, state: Optional[State] = None, nlp: Any = None
) -> Writer:
    """Open a writer for ``path`` in format ``fmt`` (default: from the suffix).

    Args:
        path: output file or folder (``-``: standard output, jsonl only).
        fmt: one of :data:`FORMATS`.
        state: a state returned by the writer's ``commit`` to continue after.
        nlp: for ``spacy``: the pipeline whose tokenizer makes the Docs.

    Raises:
        ValueError: unknown format, or output that does not match ``state``.
        OSError: the output cannot be created.
    """
    fmt = format_of(path, fmt)
    if fmt == "spacy":
        return DocBinWriter(path, state, nlp=nlp)
    return _WRITERS[fmt](path, state)


def write_records(records: Iterable[Dict[str, Any]], path: Union[str, Path], fmt: Optional[str] = None) -> int:
    """Write output records to ``path`` in one go; returns how many were written."""
    n = 0
    with open_writer(path, fmt) as writer:
        for record in records:
            writer.write(record)
            n += 1
    return n
