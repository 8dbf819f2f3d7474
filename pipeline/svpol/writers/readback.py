"""Reading a finished output back as output records, for a rerun that keeps the records of unchanged inputs.

:func:`read_records` yields the records of a ``jsonl``, ``parquet``, ``csv`` or
``spacy`` output in the order they were written; writing them again with the
writer of the same format gives the same rows, lines or Docs (``spacy``
records carry their raw ``text``). The ``html`` report cannot be read back
(:data:`READABLE` lacks it), so a rerun into an html report annotates every input again.
"""

import json
from pathlib import Path
from typing import Any, Dict, Iterator, List, Optional, Union

from .formats import format_of

# Formats whose records read_records can give back.
READABLE = frozenset({"jsonl", "parquet", "csv", "spacy"})


def read_records(path: Union[str, Path], fmt: Optional[str] = None, *, nlp: Any = None) -> Iterator[Dict[str, Any]]:
    """The output records of a finished output, in output order.

    Args:
        path: the output file or folder.
        fmt: its format (default: from the suffix).
        nlp: for ``spacy``: a pipeline whose vocab reads the Docs (default: the svpol tokenizer).

    Raises:
        ValueError: the format cannot be read back (``html``).
    """
    fmt = format_of(path, fmt)
    if fmt == "jsonl":
        return _jsonl(Path(path))
    if fmt in ("parquet", "csv"):
        return _tables(Path(path), fmt)
    if fmt == "spacy":
        return _docbin(Path(path), nlp)
    raise ValueError(f"{path}: {fmt} output cannot be read back as records")


def _jsonl(path: Path) -> Iterator[Dict[str, Any]]:
    with open(path, "rb") as f:
        for line in f:
            yield json.loads(line)


def _tables(path: Path, fmt: str) -> Iterator[Dict[str, Any]]:
    from .schema import TOPIC_PREFIX
    from .tables import read_tables

    tables = read_tables(path, fmt)
    entities: Dict[str, List[Dict[str, Any]]] = {}
    for row in tables["entities"].to_pylist():
        entities.setdefault(row.pop("doc_id"), []).append(row)
    for row in tables["documents"].to_pylist():
        record: Dict[str, Any] = {
            "id": row["id"],
            "source": row["source"],
            "entities": entities.get(row["id"], []),
            "topics": {
                name[len(TOPIC_PREFIX):]: value
                for name, value in row.items()
                if name.startswith(TOPIC_PREFIX) and value is not None
            },
            "paragraphs": json.loads(row["paragraphs"]) if row["paragraphs"] else [],
        }
        # null without svpol_structure, and in outputs written before the column existed
        structure = row.get("structure")
        record["structure"] = None if structure is None else json.loads(structure)
        if row["extras"]:
            record.update(json.loads(row["extras"]))
        yield record


def _docbin(path: Path, nlp: Any) -> Iterator[Dict[str, Any]]:
    from spacy.tokens import DocBin, Span

    from ..labels import ENTITY_ATTRIBUTES

    if nlp is None:
        from ..tokenizer import blank

        nlp = blank()
    for doc in DocBin(store_user_data=True).from_disk(path).get_docs(nlp.vocab):
        meta = dict(doc.user_data.get("svpol") or {})
        ents = []
        for span in doc.ents:
            ent: Dict[str, Any] = {
                "start": span.start_char,
                "end": span.end_char,
                "label": span.label_,
                "text": span.text,
                "score": span._.score if Span.has_extension("score") else None,
            }
            for name in ENTITY_ATTRIBUTES.get(span.label_, ()):
                ent[name] = span._.get(name) if Span.has_extension(name) else None
            ents.append(ent)
        record: Dict[str, Any] = {
            "id": meta.pop("id", None),
            "source": meta.pop("source", None),
            "entities": ents,
            "topics": dict(doc.cats),
            "paragraphs": meta.pop("paragraphs", []),
        }
        record.update(meta)
        record["text"] = doc.text
        yield record
