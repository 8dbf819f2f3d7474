"""Annotating a job's inputs into its writer, with checkpoints in the journal.

Every ``checkpoint_every`` documents (or ``checkpoint_seconds``) the writer
makes what it wrote durable (flush and fsync) and the journal records, after
that, how far the job got: the input files done (with their fingerprints), how
many records of the file in progress are written, and the writer's state
(bytes or parts written). Engines yield documents in input order, so what is
written is always a prefix of the input: a rerun cuts the staging output back
to the last journalled state, skips the files done, and skips the records of
the file in progress that are already written (see :mod:`svpol.jobs.runner`).
Unchanged inputs of a rerun on a finished output are copied from the previous
output instead of annotated.
"""

import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Deque, Dict, Iterator, List, Optional, Sequence, Set, Tuple, Union

from ..intake import InputError, Record, iter_records
from ..journal import Journal
from ..writers import NEEDS_TEXT, Writer
from ..writers.readback import read_records
from .errors import CheckpointError
from .manifest import Copy
from .scan import Scan, unique_input_files

if TYPE_CHECKING:  # runner imports this module
    from .runner import JobResult


@dataclass
class _File:

    key: str
    skip: int
    read: int = 0
    written: int = 0
    reading: bool = True
    errors: List[str] = field(default_factory=list)
    # Manifest fields: size and sha256 of the bytes (None: could not be read).
    size: Optional[int] = None
    sha256: Optional[str] = None

    def manifest_entry(self) -> Dict[str, Any]:
        """The file's entry in the manifest (and in the journal once it is done)."""
        return {
            "path": self.key,
            "size": self.size,
            "sha256": self.sha256,
            "documents": self.skip + self.written,
            "errors": list(self.errors),
        }


class _OldOutput:
    """The records of the previous output, read forward; reopened if a rerun takes them out of order."""

    def __init__(self, path: Path, fmt: str, nlp: Any) -> None:
        self.path, self.fmt, self.nlp = path, fmt, nlp
        self._records: Optional[Iterator[Dict[str, Any]]] = None
        self._pos = 0

    def take(self, start: int, count: int) -> Iterator[Dict[str, Any]]:
        """The ``count`` records from index ``start``."""
        if self._records is None or start < self._pos:
            self._records = read_records(self.path, self.fmt, nlp=self.nlp)
            self._pos = 0
        while self._pos < start:
            next(self._records)
            self._pos += 1
        for _ in range(count):
            record = next(self._records, None)
            if record is None:
                raise CheckpointError(f"{self.path}: shorter than its manifest says; use --overwrite to start afresh")
            self._pos += 1
            yield record


def annotate_into(
    writer: Writer,
    inputs: Sequence[Union[str, Path]],
    engine: Any,
    fmt: str,
    result: "JobResult",
    fail: Callable[[str], None],
    on_document: Optional[Callable[[], None]],
    on_progress: Optional[Callable[["JobResult"], None]],
    scan: Scan,
    *,
    done: Optional[Set[str]] = None,
    current: Optional[Tuple[str, int]] = None,
    journal: Optional[Journal] = None,
    words_before: int = 0,
    copies: Optional[Dict[str, Tuple[Copy, Dict[str, Any]]]] = None,
    old_output: Optional[Path] = None,
    completed: Optional[List[Dict[str, Any]]] = None,
    nlp: Any = None,
    checkpoint_every: int,
    checkpoint_seconds: float,
) -> None:
    """Annotate the inputs not yet done into ``writer``, checkpointing into ``journal`` if given.

    Args:
        scan: the inputs as scanned (fingerprints, duplicates to skip).
        done: keys (resolved paths) of the files an earlier run finished.
        current: the file an earlier run was in, and how many of its documents it wrote.
        words_before: words annotated by earlier runs.
        copies: unchanged files whose records are taken from ``old_output`` instead of annotated.
        completed: receives the manifest entry of every file finished in this run.
    """
    done = done or set()
    copies = copies or {}
    completed = completed if completed is not None else []
    files: Deque[_File] = deque()
    submitted: Deque[Tuple[_File, Union[Record, Copy]]] = deque()
    needs_text = fmt in NEEDS_TEXT
    old = _OldOutput(old_output, fmt, nlp) if copies and old_output is not None else None

    def records() -> Iterator[Record]:
        for item in unique_input_files(inputs):
            if isinstance(item, InputError):
                fail(str(item))
                continue
            key = str(item.resolve())
            if key in done:
                continue
            entry = _File(key, skip=current[1] if current and current[0] == key else 0)
            scanned = scan.files.get(key)
            if entry.skip and len(current) >= 4:
                # The fingerprint from when the file was started: if it changed since, its
                # first documents came from the old bytes, and the next rerun must see a change.
                entry.size, entry.sha256 = current[2], current[3]
            elif scanned is not None:
                entry.size, entry.sha256 = scanned.size, scanned.sha256
            files.append(entry)
            if key in copies:
                copy, old_entry = copies[key]
                entry.size, entry.sha256 = old_entry["size"], old_entry["sha256"]
                entry.errors = list(old_entry.get("errors", ()))
                for message in entry.errors:
                    fail(message)
                entry.read = copy.count - entry.skip
                entry.reading = False
                submitted.append((entry, Copy(copy.start + entry.skip, entry.read)))
                continue
            skip = scanned.skip if scanned is not None else set()
            seen = 0
            for rec in iter_records([item]):
                if isinstance(rec, InputError):
                    entry.errors.append(str(rec))
                    fail(str(rec))
                    continue
                if skip and rec.line in skip:
                    result.duplicates += 1
                    continue
                seen += 1
                if seen <= entry.skip:
                    continue
                entry.read += 1
                submitted.append((entry, rec))
                yield rec
            entry.reading = False

    written_since = 0
    last_commit = time.monotonic()
    in_writer = False

    def commit() -> None:
        nonlocal written_since, last_commit
        finished = []
        while files and not files[0].reading and files[0].written == files[0].read:
            finished.append(files.popleft())
        completed.extend(f.manifest_entry() for f in finished)
        # A file that gave no document is not done: a rerun reads it again.
        finished = [f for f in finished if f.skip + f.read]
        state = writer.commit()
        if journal is not None:
            head = files[0] if files else None
            cur = [head.key, head.skip + head.written, head.size, head.sha256] if head and head.skip + head.written else None
            journal.append(
                {
                    "documents": result.total_documents,
                    "words": words_before + result.words,
                    "done": [f.key for f in finished],
                    "files": [f.manifest_entry() for f in finished],
                    "errors": [e for f in finished for e in f.errors],
                    "current": cur,
                    "writer": state,
                }
            )
        written_since = 0
        last_commit = time.monotonic()

    def written(entry: _File) -> None:
        nonlocal written_since, in_writer
        entry.written += 1
        result.total_documents += 1
        written_since += 1
        if written_since >= checkpoint_every or time.monotonic() - last_commit >= checkpoint_seconds:
            in_writer = True
            commit()
            in_writer = False

    def copy_ready() -> None:
        nonlocal in_writer
        while submitted and isinstance(submitted[0][1], Copy):
            entry, copy = submitted.popleft()
            for record in old.take(copy.start, copy.count):
                in_writer = True
                writer.write(record)
                in_writer = False
                result.copied += 1
                written(entry)

    start = time.perf_counter()
    try:
        for out, words in engine.annotate(records()):
            copy_ready()
            entry, rec = submitted.popleft()
            if needs_text:
                out["text"] = rec.raw
            in_writer = True
            writer.write(out)
            in_writer = False
            del out, rec  # a long document's record is not kept while the next document is annotated
            result.documents += 1
            result.words += words
            written(entry)
            if on_document is not None:
                on_document()
            if on_progress is not None:
                on_progress(result)
        copy_ready()
        commit()
    except BaseException:
        # What was written is whole documents: keep it, unless the writer itself failed midway.
        if not in_writer:
            try:
                commit()
            except Exception:  # the original error matters more; the previous checkpoint stands
                pass
        raise
    finally:
        result.seconds = time.perf_counter() - start
