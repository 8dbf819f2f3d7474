"""The spacy format: a ``DocBin`` of Docs of the raw text with the entities, attributes, topics and metadata."""

import shutil
from pathlib import Path
from typing import Any, Dict, Optional, Union

from ..labels import ENTITY_ATTRIBUTES
from .base import State, Writer
from .files import fsync_dir, write_atomic
from .formats import PART, remove_working_files, working_files
from .schema import record_extras


def record_doc(record: Dict[str, Any], nlp: Any) -> Any:
    """A spaCy Doc of the record's raw text with its entities, attributes, topics and metadata.

    Output records do not hold the raw text, so ``record["text"]`` must be added
    (``svpol.jobs.run_job`` does that for the formats in :data:`NEEDS_TEXT`).

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
    meta.update({k: v for k, v in record_extras(record).items() if k != "text"})
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
            from ..tokenizer import blank

            nlp = blank()
        self.path = str(path)
        self._nlp = nlp
        self._parts_dir = working_files(path, "spacy")[0]
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
        return self._parts_dir / (PART.format(index) + ".spacy")

    def write(self, record: Dict[str, Any]) -> None:
        """Add the record's Doc to the current part."""
        if "text" not in record:
            raise ValueError(f"{record.get('id')}: the spacy format needs the record's raw 'text'")
        self._bin.add(record_doc(record, self._nlp))

    def commit(self) -> State:
        """Write the Docs added since the last commit as one part; the state is the number of parts."""
        from spacy.tokens import DocBin

        if len(self._bin):
            write_atomic(self._part(self._parts), self._bin.to_bytes())
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
        write_atomic(Path(self.path), merged.to_bytes())

    def cleanup(self) -> None:
        """Remove the part files."""
        remove_working_files(self.path, "spacy")
