"""Resumable annotation jobs: staging output, a checkpoint journal, and resume.

A job annotating into ``OUTPUT`` writes to ``OUTPUT.partial`` and keeps a
journal ``OUTPUT.checkpoint`` (JSON lines). Every ``checkpoint_every``
documents (or ``checkpoint_seconds``) the writer makes what it wrote durable
(flush and fsync) and the journal records, after that, how far the job got:
the input files done, how many records of the file in progress are written,
and the writer's state (bytes or parts written). When the job ends, the output
is finished (parts merged, index written) and renamed to ``OUTPUT``, and the
journal is removed. So ``OUTPUT`` is always complete, and anything called
``OUTPUT.partial`` is clearly not.

Rerunning the same command continues an interrupted or killed job: the writer
cuts the staging output back to the last journalled state (a truncated last
line, a half-written part, documents written after the last checkpoint all
go), files already done are not read again, and the file in progress skips the
records already written. Engines yield documents in input order, so what is
written is always a prefix of the input, and every document ends up in the
output exactly once. A journal line cut short by the crash is ignored.

A checkpoint only continues the same job: the same inputs, output format,
model and ``max_chars``; batch size, processes and engine may change.
``overwrite=True`` starts afresh. Inputs that failed are not marked done, so a
rerun reads them again (a fixed file is then annotated); failed lines of a
.jsonl file that was done are replayed from the journal, so the summary of a
rerun still counts them.
"""

import os
import shutil
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple, Union

from .intake import InputError, Record, input_files, iter_records
from .journal import Journal
from .writers import NEEDS_TEXT, Writer, format_of, fsync_dir, open_writer, remove_working_files

VERSION = 1
PARTIAL_SUFFIX = ".partial"
JOURNAL_SUFFIX = ".checkpoint"


class CheckpointError(Exception):
    """The checkpoint cannot be continued: it belongs to another job, or the output was changed."""


@dataclass
class JobResult:
    """What a job did.

    Attributes:
        output: the output path.
        status: ``complete``, ``interrupted`` or ``exists`` (a finished output
            without a checkpoint: nothing was done).
        documents: documents annotated by this run.
        words: their words (tokens that are not space or punctuation).
        seconds: time this run spent annotating.
        total_documents: documents in the output, earlier runs included.
        failures: every input that failed (``PATH[:LINE]: reason``), those
            replayed from an earlier run's checkpoint included.
        resumed: the run continued a checkpoint.
    """

    output: str
    status: str = "complete"
    documents: int = 0
    words: int = 0
    seconds: float = 0.0
    total_documents: int = 0
    failures: List[str] = field(default_factory=list)
    resumed: bool = False

    @property
    def words_per_second(self) -> float:
        """Words per second of this run."""
        return self.words / self.seconds if self.seconds > 0 else 0.0


@dataclass
class _File:
    """An input file in flight: records read in this run, written, and its errors."""

    key: str
    skip: int
    read: int = 0
    written: int = 0
    reading: bool = True
    errors: List[str] = field(default_factory=list)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)


def staging_path(output: Union[str, Path]) -> Path:
    """Where a job writes until it is finished: ``OUTPUT.partial``."""
    return Path(str(output) + PARTIAL_SUFFIX)


def journal_path(output: Union[str, Path]) -> Path:
    """The checkpoint journal of a job: ``OUTPUT.checkpoint``."""
    return Path(str(output) + JOURNAL_SUFFIX)


def _input_files(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, InputError]]:
    """The files of the inputs, in the order :func:`svpol.intake.iter_records` reads them."""
    for path in paths:
        files = input_files(path)
        if not files:
            # Let intake name the problem (an empty folder) in its own words.
            yield from (item for item in iter_records([path]) if isinstance(item, InputError))
        yield from files


def _differences(old: Dict[str, Any], new: Dict[str, Any]) -> List[str]:
    return sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))


def run_job(
    inputs: Sequence[Union[str, Path]],
    engine: Any,
    output: Union[str, Path],
    fmt: Optional[str] = None,
    *,
    overwrite: bool = False,
    checkpoint_every: int = 1000,
    checkpoint_seconds: float = 60.0,
    on_error: Optional[Callable[[str], None]] = None,
    on_document: Optional[Callable[[], None]] = None,
    nlp: Any = None,
) -> JobResult:
    """Annotate ``inputs`` into ``output`` with ``engine``, resumably.

    Args:
        inputs: files and folders, as for :func:`svpol.intake.iter_records`.
        engine: a :class:`svpol.engines.LocalEngine` or ``DaskEngine``.
        output: the output path; ``-`` writes JSON lines to standard output (not resumable).
        fmt: the output format (default: from the suffix).
        overwrite: discard an existing output and checkpoint and start afresh.
        checkpoint_every: documents between checkpoints.
        checkpoint_seconds: longest time between checkpoints.
        on_error: called with ``PATH[:LINE]: reason`` for each failed input (default: print to stderr).
        on_document: called after each document written (progress).
        nlp: the pipeline whose tokenizer makes the Docs of the ``spacy`` format.

    Raises:
        CheckpointError: the checkpoint belongs to another job or its output was changed.
        ValueError: unknown format.
        OSError: the output cannot be written.
        KeyboardInterrupt: after checkpointing what was written.
    """
    if checkpoint_every < 1:
        raise ValueError(f"checkpoint_every must be at least 1, got {checkpoint_every}")
    fmt = format_of(output, fmt)
    report = on_error or (lambda message: print(message, file=sys.stderr))
    result = JobResult(output=str(output))

    def fail(message: str) -> None:
        result.failures.append(message)
        report(message)

    if str(output) == "-":
        writer = open_writer("-", fmt)
        with writer:
            _annotate_into(
                writer, inputs, engine, fmt, result, fail, on_document,
                checkpoint_every=checkpoint_every, checkpoint_seconds=checkpoint_seconds,
            )
        return result

    final = Path(output)
    staging = staging_path(output)
    journal = Journal(journal_path(output))
    if overwrite:
        for path in (final, staging):
            _remove(path)
            remove_working_files(path, fmt)
        journal.remove()
    job = {
        "inputs": [str(Path(p).resolve()) for p in inputs],
        "format": fmt,
        "model": engine.model_info(),
        "max_chars": engine.max_chars,
    }
    header = {"svpol_checkpoint": VERSION, "job": job}
    last: Optional[Dict[str, Any]] = None
    done: Set[str] = set()
    if journal.path.exists():
        entries = journal.read()
        if not entries or entries[0].get("svpol_checkpoint") != VERSION:
            raise CheckpointError(f"{journal.path}: not an svpol checkpoint (use --overwrite to start afresh)")
        changed = _differences(entries[0]["job"], job)
        if changed:
            raise CheckpointError(
                f"{journal.path}: belongs to a different job ({', '.join(changed)} differ); "
                "rerun the original command, or use --overwrite to start afresh"
            )
        result.resumed = True
        for entry in entries[1:]:
            done.update(entry.get("done", ()))
            for message in entry.get("errors", ()):
                fail(message)
            if "writer" in entry:
                last = entry
        if entries[-1].get("complete"):
            # The job finished but died before renaming its output.
            remove_working_files(staging, fmt)
            if staging.exists():
                _publish(staging, final)
            journal.remove()
            result.total_documents = last["documents"] if last else 0
            return result
    elif final.exists():
        result.status = "exists"
        return result
    else:
        _remove(staging)
        remove_working_files(staging, fmt)
        journal.start(header)
    try:
        writer = open_writer(staging, fmt, state=last["writer"] if last else None, nlp=nlp)
    except ValueError as e:
        raise CheckpointError(f"{e} (use --overwrite to start afresh)") from e
    result.total_documents = last["documents"] if last else 0
    words_before = last["words"] if last else 0
    current = tuple(last["current"]) if last and last.get("current") else None
    try:
        _annotate_into(
            writer, inputs, engine, fmt, result, fail, on_document,
            done=done, current=current, journal=journal, words_before=words_before,
            checkpoint_every=checkpoint_every, checkpoint_seconds=checkpoint_seconds,
        )
    except KeyboardInterrupt:
        result.status = "interrupted"
        writer.abort()
        journal.close()
        raise
    except BaseException:
        writer.abort()
        journal.close()
        raise
    writer.finish()
    journal.append({"complete": True})
    writer.cleanup()
    _publish(staging, final)
    journal.remove()
    return result


def _publish(staging: Path, final: Path) -> None:
    """Rename the finished staging output to the output path."""
    _remove(final)
    os.replace(staging, final)
    fsync_dir(final.parent)


def _annotate_into(
    writer: Writer,
    inputs: Sequence[Union[str, Path]],
    engine: Any,
    fmt: str,
    result: JobResult,
    fail: Callable[[str], None],
    on_document: Optional[Callable[[], None]],
    *,
    done: Optional[Set[str]] = None,
    current: Optional[Tuple[str, int]] = None,
    journal: Optional[Journal] = None,
    words_before: int = 0,
    checkpoint_every: int,
    checkpoint_seconds: float,
) -> None:
    """Annotate the inputs not yet done into ``writer``, checkpointing into ``journal`` if given.

    Args:
        done: keys (resolved paths) of the files an earlier run finished.
        current: the file an earlier run was in, and how many of its documents it wrote.
        words_before: words annotated by earlier runs.
    """
    done = done or set()
    files: Deque[_File] = deque()
    submitted: Deque[Tuple[_File, Record]] = deque()
    needs_text = fmt in NEEDS_TEXT

    def records() -> Iterator[Record]:
        for item in _input_files(inputs):
            if isinstance(item, InputError):
                fail(str(item))
                continue
            key = str(item.resolve())
            if key in done:
                continue
            entry = _File(key, skip=current[1] if current and current[0] == key else 0)
            files.append(entry)
            seen = 0
            for rec in iter_records([item]):
                if isinstance(rec, InputError):
                    entry.errors.append(str(rec))
                    fail(str(rec))
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
        completed = []
        while files and not files[0].reading and files[0].written == files[0].read:
            entry = files.popleft()
            # A file that gave no document is not done: a rerun reads it again.
            if entry.skip + entry.read:
                completed.append(entry)
        state = writer.commit()
        if journal is not None:
            head = files[0] if files else None
            cur = [head.key, head.skip + head.written] if head and head.skip + head.written else None
            journal.append(
                {
                    "documents": result.total_documents,
                    "words": words_before + result.words,
                    "done": [f.key for f in completed],
                    "errors": [e for f in completed for e in f.errors],
                    "current": cur,
                    "writer": state,
                }
            )
        written_since = 0
        last_commit = time.monotonic()

    start = time.perf_counter()
    try:
        for out, words in engine.annotate(records()):
            entry, rec = submitted.popleft()
            if needs_text:
                out["text"] = rec.raw
            in_writer = True
            writer.write(out)
            in_writer = False
            entry.written += 1
            result.documents += 1
            result.total_documents += 1
            result.words += words
            written_since += 1
            if on_document is not None:
                on_document()
            if written_since >= checkpoint_every or time.monotonic() - last_commit >= checkpoint_seconds:
                in_writer = True
                commit()
                in_writer = False
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
