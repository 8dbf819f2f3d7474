"""Writing output records. Only this module knows file formats.

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
- ``spacy`` (``.spacy``): a spaCy ``DocBin`` of Docs of the raw text with the
  entities, their attributes as Span extensions, the topics as ``doc.cats`` and
  ``doc.user_data["svpol"]`` holding id, source, paragraphs and passed-through fields.
- ``html`` (``.html``): a folder with a displaCy entity view per document
  (``docs/NNNNNN.html``, with its topics and entity attributes) and ``index.html``.

Every writer writes records with ``write`` and makes them durable with
``commit``, which returns a small JSON-able state. A writer opened with that
state continues exactly after the last commit, dropping anything written
later (a truncated line, a half-written part file): this is what makes
``svpol.checkpoint`` jobs resumable. ``finish`` completes the format (merges
parts, writes the index page), ``cleanup`` removes working files, and
``close`` does all three.
"""

import html
import json
import os
import shutil
import sys
from pathlib import Path
from typing import IO, Any, Dict, Iterable, List, Optional, Sequence, Tuple, Union

import pyarrow as pa

from .labels import ENTITY_ATTRIBUTES, ENTITY_LABELS, TOPIC_LABELS

State = Dict[str, Any]

# Attribute columns of the entity table: the union of all labels' attributes, in label order.
ATTRIBUTE_NAMES: Tuple[str, ...] = tuple(dict.fromkeys(a for attrs in ENTITY_ATTRIBUTES.values() for a in attrs))
# Attributes holding numbers, and lists of strings; every other attribute is a string.
_NUMERIC_ATTRIBUTES = frozenset({"amount_sek"})
_LIST_ATTRIBUTES = frozenset({"members"})
# The csv format writes a list attribute as its items joined with this separator: "S|V|MP".
LIST_SEPARATOR = "|"
TOPIC_PREFIX = "topic_"
# The two tables of the parquet and csv formats, in this order.
TABLES = ("entities", "documents")
_PART = "part-{:06d}"
# displaCy colours for the svpol labels (spaCy's defaults lack PARTY and AUTHORITY).
COLORS = {
    "PERSON": "#aa9cfc",
    "PARTY": "#fc9ce7",
    "AUTHORITY": "#7aecec",
    "ORG": "#bfeeb7",
    "LOC": "#feca74",
    "MONEY": "#e4e7d2",
}


def entity_fields() -> List[pa.Field]:
    """The columns of an entity (without ``doc_id``): also the struct of the dataset ``entities`` column."""
    fields = [
        pa.field("start", pa.int64()),
        pa.field("end", pa.int64()),
        pa.field("label", pa.string()),
        pa.field("text", pa.string()),
        pa.field("score", pa.float64()),
    ]
    fields += [pa.field(name, _attribute_type(name)) for name in ATTRIBUTE_NAMES]
    return fields


def _attribute_type(name: str) -> pa.DataType:
    if name in _NUMERIC_ATTRIBUTES:
        return pa.float64()
    if name in _LIST_ATTRIBUTES:
        return pa.list_(pa.string())
    return pa.string()


def entity_schema() -> pa.Schema:
    """Schema of the entity table."""
    return pa.schema([pa.field("doc_id", pa.string()), *entity_fields()])


def document_schema() -> pa.Schema:
    """Schema of the document table."""
    return pa.schema(
        [
            pa.field("id", pa.string()),
            pa.field("source", pa.string()),
            pa.field("n_entities", pa.int64()),
            *[pa.field(TOPIC_PREFIX + label, pa.float64()) for label in TOPIC_LABELS],
            pa.field("paragraphs", pa.string()),
            pa.field("extras", pa.string()),
        ]
    )


def entity_row(entity: Dict[str, Any]) -> Dict[str, Any]:
    """One entity of an output record as a row of :func:`entity_fields` (absent attributes are None).

    Raises:
        ValueError: a list attribute (``members``) that is not a list.
    """
    row = {f.name: entity.get(f.name) for f in entity_fields()}
    for name in ATTRIBUTE_NAMES:
        value = row[name]
        if value is None:
            continue
        # Components may hand over ints or other scalars; the table column types are fixed.
        if name in _NUMERIC_ATTRIBUTES:
            row[name] = float(value)
        elif name in _LIST_ATTRIBUTES:
            if not isinstance(value, (list, tuple)):
                raise ValueError(f"entity attribute {name!r} must be a list of strings, not {value!r}")
            row[name] = [str(item) for item in value]
        else:
            row[name] = str(value)
    return row


def join_list(items: Sequence[str]) -> str:
    """A list attribute as one string, as the csv and html formats write it: ``S|V|MP``.

    Raises:
        ValueError: an item holds :data:`LIST_SEPARATOR`, so the string could not be split back.
    """
    bad = [item for item in items if LIST_SEPARATOR in item]
    if bad:
        raise ValueError(f"list items {bad} contain {LIST_SEPARATOR!r}, the csv list separator")
    return LIST_SEPARATOR.join(items)


def split_list(text: str) -> List[str]:
    """The items of a string written by :func:`join_list` (``""`` is the empty list)."""
    return text.split(LIST_SEPARATOR) if text else []


def _csv_schema(schema: pa.Schema) -> pa.Schema:
    """``schema`` with its list columns as strings: the columns of a csv file."""
    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_list(f.type) else f for f in schema])


def _map_lists(table: pa.Table, schema: pa.Schema, convert: Any) -> pa.Table:
    """``table`` with ``convert`` applied to each non-null value of its list columns, cast to ``schema``."""
    for i, field in enumerate(table.schema):
        if field.name in _LIST_ATTRIBUTES:
            values = [None if v is None else convert(v) for v in table.column(i).to_pylist()]
            table = table.set_column(i, schema.field(field.name), pa.array(values, schema.field(field.name).type))
    return table


def topic_row(record: Dict[str, Any]) -> Dict[str, Optional[float]]:
    """The record's topic scores for every topic label (None where the pipeline gave none).

    Raises:
        ValueError: the record has a topic that is not in ``labels.TOPIC_LABELS``.
    """
    topics = record.get("topics") or {}
    unknown = set(topics) - set(TOPIC_LABELS)
    if unknown:
        raise ValueError(
            f"{record.get('id')}: topics {sorted(unknown)} are not svpol topic labels; "
            "the table formats have one column per label of svpol.labels.TOPIC_LABELS"
        )
    return {label: (None if topics.get(label) is None else float(topics[label])) for label in TOPIC_LABELS}


def _extras(record: Dict[str, Any]) -> Dict[str, Any]:
    from .export import RESERVED_KEYS

    return {k: v for k, v in record.items() if k not in RESERVED_KEYS}


def record_tables(records: Sequence[Dict[str, Any]]) -> Tuple[pa.Table, pa.Table]:
    """The entity table and the document table of output records."""
    ent_cols: Dict[str, List[Any]] = {f.name: [] for f in entity_schema()}
    doc_cols: Dict[str, List[Any]] = {f.name: [] for f in document_schema()}
    for record in records:
        for entity in record["entities"]:
            ent_cols["doc_id"].append(record["id"])
            for name, value in entity_row(entity).items():
                ent_cols[name].append(value)
        doc_cols["id"].append(record["id"])
        doc_cols["source"].append(record.get("source"))
        doc_cols["n_entities"].append(len(record["entities"]))
        for label, score in topic_row(record).items():
            doc_cols[TOPIC_PREFIX + label].append(score)
        doc_cols["paragraphs"].append(json.dumps(record.get("paragraphs", []), ensure_ascii=False))
        extras = _extras(record)
        doc_cols["extras"].append(json.dumps(extras, ensure_ascii=False) if extras else None)
    return (
        pa.Table.from_pydict(ent_cols, schema=entity_schema()),
        pa.Table.from_pydict(doc_cols, schema=document_schema()),
    )


def read_tables(path: Union[str, Path], fmt: Optional[str] = None) -> Dict[str, pa.Table]:
    """Read the ``entities`` and ``documents`` tables of a parquet or csv output folder.

    Args:
        path: the output folder.
        fmt: ``parquet`` or ``csv``; default from the suffix.
    """
    fmt = format_of(path, fmt)
    path = Path(path)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return {name: pq.read_table(path / f"{name}.parquet") for name in TABLES}
    if fmt == "csv":
        import pyarrow.csv as pcsv

        out = {}
        for name, schema in zip(TABLES, (entity_schema(), document_schema())):
            convert = pcsv.ConvertOptions(
                column_types=_csv_schema(schema), strings_can_be_null=True, quoted_strings_can_be_null=False
            )
            table = pcsv.read_csv(path / f"{name}.csv", convert_options=convert)
            out[name] = _map_lists(table, schema, split_list)
        return out
    raise ValueError(f"{path}: read_tables reads parquet or csv output, not {fmt}")


def fsync_dir(path: Path) -> None:
    """Make renames and new files in ``path`` durable (a no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file, so that ``path`` is whole or absent."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _truncate(path: Path, size: int) -> None:
    """Cut ``path`` back to ``size`` bytes (the last committed state)."""
    if not path.exists() or path.stat().st_size < size:
        raise ValueError(f"{path}: shorter than its checkpoint ({size} bytes): the output was changed or removed")
    with open(path, "r+b") as f:
        f.truncate(size)


class Writer:
    """Base class of the writers: ``write`` records, ``commit``, and ``close`` (or use as a context manager).

    Subclasses take ``(path, state=None)``; ``state`` is a value ``commit`` returned
    for the same path, to continue after it.
    """

    path: str

    def write(self, record: Dict[str, Any]) -> None:
        """Write one output record (durable only after :meth:`commit`)."""
        raise NotImplementedError

    def commit(self) -> State:
        """Flush and sync everything written so far; return the state to resume from."""
        raise NotImplementedError

    def finish(self) -> None:
        """Commit and complete the format (merge parts, write indexes); release open files."""
        self.commit()

    def cleanup(self) -> None:
        """Remove working files that :meth:`finish` no longer needs (safe to repeat)."""

    def abort(self) -> None:
        """Release open files without completing the format (after an error or interruption)."""

    def close(self) -> None:
        """Finish the output and remove working files."""
        self.finish()
        self.cleanup()

    def __enter__(self) -> "Writer":
        return self

    def __exit__(self, exc_type: Any, *exc: Any) -> None:
        if exc_type is None:
            self.close()
        else:
            self.abort()


class JsonlWriter(Writer):
    """Writes one JSON object per line; state: the committed size in bytes."""

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        self.path = str(path)
        self._stdout = self.path == "-"
        self._file: IO[bytes]
        if self._stdout:
            if state:
                raise ValueError("standard output cannot be resumed")
            self._file = sys.stdout.buffer
        elif state:
            _truncate(Path(path), state["bytes"])
            self._file = open(path, "ab")
        else:
            self._file = open(path, "wb")

    def write(self, record: Dict[str, Any]) -> None:
        """Write one record as a line of JSON."""
        self._file.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))

    def commit(self) -> State:
        """Flush and fsync the file; the state is its size."""
        self._file.flush()
        if self._stdout:
            return {}
        os.fsync(self._file.fileno())
        return {"bytes": self._file.tell()}

    def finish(self) -> None:
        """Flush and close the file (standard output is only flushed)."""
        self.commit()
        self.abort()

    def abort(self) -> None:
        """Close the file."""
        if not self._stdout and not self._file.closed:
            self._file.close()


class _FolderWriter(Writer):
    """A writer whose output is a folder; records are buffered until :meth:`commit`."""

    def __init__(self, path: Union[str, Path]) -> None:
        self.path = str(path)
        self.folder = Path(path)
        self.folder.mkdir(parents=True, exist_ok=True)
        self._buffer: List[Dict[str, Any]] = []

    def write(self, record: Dict[str, Any]) -> None:
        """Buffer one record until the next commit."""
        self._buffer.append(record)


class CsvWriter(_FolderWriter):
    """Writes ``entities.csv`` and ``documents.csv`` (with a header) by appending at each commit."""

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        super().__init__(path)
        for name in TABLES:
            file = self.folder / f"{name}.csv"
            if state:
                _truncate(file, state[name])
            else:
                file.write_bytes(b"")

    def commit(self) -> State:
        """Append the buffered records to both tables and fsync; the state is the files' sizes."""
        import pyarrow.csv as pcsv

        state = {}
        for name, table in zip(TABLES, record_tables(self._buffer)):
            table = _map_lists(table, _csv_schema(table.schema), join_list)
            file = self.folder / f"{name}.csv"
            with open(file, "ab") as f:
                # An empty commit still writes the header of a new file.
                if table.num_rows or f.tell() == 0:
                    sink = pa.BufferOutputStream()
                    pcsv.write_csv(table, sink, pcsv.WriteOptions(include_header=f.tell() == 0))
                    f.write(sink.getvalue().to_pybytes())
                    f.flush()
                    os.fsync(f.fileno())
                state[name] = f.tell()
        self._buffer = []
        return state


class ParquetWriter(_FolderWriter):
    """Writes ``entities.parquet`` and ``documents.parquet``.

    Each commit writes one part file per table (``.parts/<table>/part-NNNNNN.parquet``,
    whole or absent); :meth:`finish` streams the parts into the two files, one
    row group per part, and :meth:`cleanup` removes the parts.
    """

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        super().__init__(path)
        self._parts_dir = _working_files(path, "parquet")[0]
        self._parts = state["parts"] if state else 0
        for name in TABLES:
            # A run that died after its last commit may have left later parts or a finished file.
            (self.folder / f"{name}.parquet").unlink(missing_ok=True)
            table_dir = self._parts_dir / name
            if not state and table_dir.exists():
                shutil.rmtree(table_dir)
            table_dir.mkdir(parents=True, exist_ok=True)
            for part in table_dir.iterdir():
                if not part.name.endswith(".parquet") or int(part.name[5:11]) >= self._parts:
                    part.unlink()
            missing = [i for i in range(self._parts) if not self._part(name, i).exists()]
            if missing:
                raise ValueError(f"{table_dir}: part {missing[0]} of the checkpoint is missing")

    def _part(self, table: str, index: int) -> Path:
        return self._parts_dir / table / (_PART.format(index) + ".parquet")

    def commit(self) -> State:
        """Write the buffered records as one new part per table; the state is the number of parts."""
        import pyarrow.parquet as pq

        if self._buffer:
            for name, table in zip(TABLES, record_tables(self._buffer)):
                sink = pa.BufferOutputStream()
                pq.write_table(table, sink)
                _write_atomic(self._part(name, self._parts), sink.getvalue().to_pybytes())
                fsync_dir(self._part(name, self._parts).parent)
            self._parts += 1
            self._buffer = []
        return {"parts": self._parts}

    def finish(self) -> None:
        """Commit, then stream the parts of each table into one Parquet file."""
        import pyarrow.parquet as pq

        self.commit()
        for name, schema in zip(TABLES, (entity_schema(), document_schema())):
            final = self.folder / f"{name}.parquet"
            tmp = final.with_name(final.name + ".tmp")
            with pq.ParquetWriter(tmp, schema) as out:
                for i in range(self._parts):
                    out.write_table(pq.read_table(self._part(name, i), schema=schema))
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, final)
        fsync_dir(self.folder)

    def cleanup(self) -> None:
        """Remove the part files."""
        remove_working_files(self.path, "parquet")


def record_doc(record: Dict[str, Any], nlp: Any) -> Any:
    """A spaCy Doc of the record's raw text with its entities, attributes, topics and metadata.

    Output records do not hold the raw text, so ``record["text"]`` must be added
    (``svpol.checkpoint.run_job`` does that for the formats in :data:`NEEDS_TEXT`).

    Args:
        record: an output record with a ``text`` field.
        nlp: a pipeline whose tokenizer and vocab make the Doc.
    """
    from spacy.tokens import Span
    from spacy.util import filter_spans

    doc = nlp.make_doc(record["text"])
    spans = []
    for ent in record["entities"]:
        span = doc.char_span(ent["start"], ent["end"], label=ent["label"], alignment_mode="expand")
        if span is None:
            continue
        for name in ("score", *ENTITY_ATTRIBUTES.get(ent["label"], ())):
            if not Span.has_extension(name):
                Span.set_extension(name, default=None)
            span._.set(name, ent.get(name))
        spans.append(span)
    # Entities of the same record never overlap; token alignment can make neighbours touch.
    doc.ents = filter_spans(spans)
    doc.cats = {label: float(score) for label, score in (record.get("topics") or {}).items()}
    meta = {"id": record["id"], "source": record.get("source"), "paragraphs": record.get("paragraphs", [])}
    meta.update({k: v for k, v in _extras(record).items() if k != "text"})
    doc.user_data["svpol"] = meta
    return doc


class DocBinWriter(Writer):
    """Writes a spaCy ``DocBin`` file (``.spacy``) of :func:`record_doc` Docs.

    Records must carry their raw ``text``. A DocBin cannot be appended to, so each
    commit writes a part (``<path>.parts/part-NNNNNN.spacy``) and :meth:`finish`
    merges the parts into ``path`` (in memory: for very large jobs prefer jsonl or parquet).

    Args:
        path: the ``.spacy`` file.
        state: a state from :meth:`commit` to continue from.
        nlp: pipeline whose tokenizer makes the Docs (default: the svpol tokenizer).
    """

    def __init__(self, path: Union[str, Path], state: Optional[State] = None, nlp: Any = None) -> None:
        from spacy.tokens import DocBin

        if nlp is None:
            from .tokenizer import blank

            nlp = blank()
        self.path = str(path)
        self._nlp = nlp
        self._parts_dir = _working_files(path, "spacy")[0]
        self._parts = state["parts"] if state else 0
        if not state and self._parts_dir.exists():
            shutil.rmtree(self._parts_dir)
        self._parts_dir.mkdir(parents=True, exist_ok=True)
        for part in self._parts_dir.iterdir():
            if not part.name.endswith(".spacy") or int(part.name[5:11]) >= self._parts:
                part.unlink()
        missing = [i for i in range(self._parts) if not self._part(i).exists()]
        if missing:
            raise ValueError(f"{self._parts_dir}: part {missing[0]} of the checkpoint is missing")
        self._bin = DocBin(store_user_data=True)

    def _part(self, index: int) -> Path:
        return self._parts_dir / (_PART.format(index) + ".spacy")

    def write(self, record: Dict[str, Any]) -> None:
        """Add the record's Doc to the current part."""
        if "text" not in record:
            raise ValueError(f"{record.get('id')}: the spacy format needs the record's raw 'text'")
        self._bin.add(record_doc(record, self._nlp))

    def commit(self) -> State:
        """Write the Docs added since the last commit as one part; the state is the number of parts."""
        from spacy.tokens import DocBin

        if len(self._bin):
            _write_atomic(self._part(self._parts), self._bin.to_bytes())
            fsync_dir(self._parts_dir)
            self._parts += 1
            self._bin = DocBin(store_user_data=True)
        return {"parts": self._parts}

    def finish(self) -> None:
        """Commit, then merge the parts into one DocBin file."""
        from spacy.tokens import DocBin

        self.commit()
        merged = DocBin(store_user_data=True)
        for i in range(self._parts):
            merged.merge(DocBin(store_user_data=True).from_bytes(self._part(i).read_bytes()))
        _write_atomic(Path(self.path), merged.to_bytes())

    def cleanup(self) -> None:
        """Remove the part files."""
        remove_working_files(self.path, "spacy")


_PAGE = """<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; max-width: 70em; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
td, th {{ border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }}
.bar {{ display: inline-block; height: 0.8em; background: #7aecec; }}
</style></head>
<body>
{body}
</body>
</html>
"""


def _topics_html(topics: Dict[str, float]) -> str:
    if not topics:
        return "<p>No topic scores (the pipeline has no topic classifier).</p>"
    rows = "".join(
        f'<tr><td>{html.escape(label)}</td><td>{score:.2f}</td>'
        f'<td><span class="bar" style="width:{score * 10:.1f}em"></span></td></tr>'
        for label, score in sorted(topics.items(), key=lambda item: -item[1])
    )
    return f'<table class="topics"><tr><th>topic</th><th>score</th><th></th></tr>{rows}</table>'


def _entities_html(entities: Sequence[Dict[str, Any]]) -> str:
    rows = []
    for ent in entities:
        attrs = ", ".join(
            f"{name}={join_list(ent[name]) if name in _LIST_ATTRIBUTES else ent[name]}"
            for name in ENTITY_ATTRIBUTES.get(ent["label"], ())
            if ent.get(name) is not None
        )
        score = "" if ent.get("score") is None else f"{ent['score']:.2f}"
        rows.append(
            f"<tr><td>{ent['start']}–{ent['end']}</td><td>{html.escape(ent['label'])}</td>"
            f"<td>{html.escape(ent['text'])}</td><td>{score}</td><td>{html.escape(attrs)}</td></tr>"
        )
    return (
        '<table class="entities"><tr><th>offsets</th><th>label</th><th>text</th><th>score</th>'
        f"<th>attributes</th></tr>{''.join(rows)}</table>"
    )


def document_html(record: Dict[str, Any], *, index_href: Optional[str] = None) -> str:
    """A page for one record: displaCy's entity view of the raw text, its topics and entity table.

    The record must carry its raw ``text``.
    """
    from spacy import displacy

    ents = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in record["entities"]]
    markup = displacy.render(
        {"text": record["text"], "ents": ents, "title": None},
        style="ent",
        manual=True,
        page=False,
        jupyter=False,
        options={"colors": COLORS, "ents": list(ENTITY_LABELS)},
    )
    back = f'<p><a href="{html.escape(index_href)}">← all documents</a></p>' if index_href else ""
    source = f"<p>Source: {html.escape(str(record.get('source') or ''))}</p>"
    body = (
        f"{back}<h1>{html.escape(str(record['id']))}</h1>{source}"
        f"<h2>Topics</h2>{_topics_html(record.get('topics') or {})}"
        f"<h2>Entities ({len(ents)})</h2>{markup}{_entities_html(record['entities'])}"
    )
    return _PAGE.format(title=html.escape(str(record["id"])), body=body)


class HtmlWriter(_FolderWriter):
    """Writes an HTML report folder: ``docs/NNNNNN.html`` per document and ``index.html``.

    Records must carry their raw ``text``. Pages are written at each commit; the
    index rows are kept in ``.index.jsonl`` until :meth:`finish` writes ``index.html``.
    """

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        super().__init__(path)
        self._docs = self.folder / "docs"
        self._rows_file = _working_files(path, "html")[0]
        self._count = state["documents"] if state else 0
        if state:
            _truncate(self._rows_file, state["index_bytes"])
        else:
            self._rows_file.write_bytes(b"")
            (self.folder / "index.html").unlink(missing_ok=True)
            if self._docs.exists():
                shutil.rmtree(self._docs)
        self._docs.mkdir(exist_ok=True)
        for page in self._docs.iterdir():
            # pages after the checkpoint, and temporary files of a page cut short
            if not (page.name.endswith(".html") and page.name[:6].isdigit()) or int(page.name[:6]) > self._count:
                page.unlink()

    def commit(self) -> State:
        """Write the pages of the buffered records and their index rows; the state counts them."""
        rows = []
        for record in self._buffer:
            if "text" not in record:
                raise ValueError(f"{record.get('id')}: the html format needs the record's raw 'text'")
            self._count += 1
            name = f"{self._count:06d}.html"
            _write_atomic(self._docs / name, document_html(record, index_href="../index.html").encode("utf-8"))
            labels: Dict[str, int] = {}
            for ent in record["entities"]:
                labels[ent["label"]] = labels.get(ent["label"], 0) + 1
            top = sorted((record.get("topics") or {}).items(), key=lambda item: -item[1])[:3]
            row = {"page": f"docs/{name}", "id": str(record["id"]), "source": record.get("source"), "labels": labels, "top": top}
            rows.append(json.dumps(row, ensure_ascii=False) + "\n")
        self._buffer = []
        with open(self._rows_file, "ab") as f:
            f.write("".join(rows).encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
            size = f.tell()
        return {"documents": self._count, "index_bytes": size}

    def finish(self) -> None:
        """Commit, then write ``index.html`` listing every document."""
        self.commit()
        rows = []
        with open(self._rows_file, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                counts = ", ".join(f"{label} {n}" for label, n in row["labels"].items())
                top = ", ".join(f"{html.escape(label)} {score:.2f}" for label, score in row["top"])
                rows.append(
                    f'<tr><td><a href="{html.escape(row["page"])}">{html.escape(row["id"])}</a></td>'
                    f"<td>{html.escape(str(row['source'] or ''))}</td><td>{counts}</td><td>{top}</td></tr>"
                )
        body = (
            f"<h1>svpol report: {len(rows)} documents</h1>"
            '<table class="index"><tr><th>document</th><th>source</th><th>entities</th><th>top topics</th></tr>'
            f"{''.join(rows)}</table>"
        )
        _write_atomic(self.folder / "index.html", _PAGE.format(title="svpol report", body=body).encode("utf-8"))

    def cleanup(self) -> None:
        """Remove the index rows file."""
        remove_working_files(self.path, "html")


_WRITERS = {"jsonl": JsonlWriter, "parquet": ParquetWriter, "csv": CsvWriter, "spacy": DocBinWriter, "html": HtmlWriter}
FORMATS = tuple(_WRITERS)
_SUFFIXES = {f".{fmt}": fmt for fmt in FORMATS}
# Formats whose writers need each record's raw text (the CLI adds it as "text").
NEEDS_TEXT = frozenset({"spacy", "html"})
# Formats written as a folder rather than a file.
FOLDER_FORMATS = frozenset({"parquet", "csv", "html"})


def _working_files(path: Union[str, Path], fmt: str) -> List[Path]:
    """Files and folders a writer keeps only while it works (parts, index rows)."""
    if fmt == "parquet":
        return [Path(path) / ".parts"]
    if fmt == "spacy":
        return [Path(str(path) + ".parts")]
    if fmt == "html":
        return [Path(path) / ".index.jsonl"]
    return []


def remove_working_files(path: Union[str, Path], fmt: str) -> None:
    """Remove the working files of a ``fmt`` output at ``path`` (safe to repeat)."""
    for work in _working_files(path, fmt):
        if work.is_dir():
            shutil.rmtree(work)
        else:
            work.unlink(missing_ok=True)


def format_of(path: Union[str, Path], fmt: Optional[str] = None) -> str:
    """The output format for ``path``: ``fmt`` if given, else from the suffix (``-`` is JSON lines).

    Raises:
        ValueError: unknown format or suffix.
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r} (known: {', '.join(FORMATS)})")
        if str(path) == "-" and fmt != "jsonl":
            raise ValueError(f"only jsonl can be written to standard output, not {fmt}")
        return fmt
    if str(path) == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ValueError(
            f"{path}: cannot tell the output format from the suffix (known: {', '.join(_SUFFIXES)}); use --format"
        )
    return _SUFFIXES[suffix]


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
