"""Annotation jobs: one job per output at a time, atomic publishing, a manifest, reruns that redo only what changed.

A job annotating into ``OUTPUT`` holds an exclusive lock on ``OUTPUT.lock``
(``fcntl.flock``) for its whole life: a second job on the same output is
refused at once (:class:`OutputLocked`) and touches none of the first job's
files. The kernel releases the lock when a job dies, even by ``kill -9``.

The job writes to ``OUTPUT.partial`` and keeps a journal ``OUTPUT.checkpoint``
(JSON lines). Every ``checkpoint_every`` documents (or ``checkpoint_seconds``)
the writer makes what it wrote durable (flush and fsync) and the journal
records, after that, how far the job got: the input files done (with their
fingerprints), how many records of the file in progress are written, and the
writer's state (bytes or parts written). When the job ends the output is
finished (parts merged, index written) and published: renamed onto ``OUTPUT``
(``os.replace`` for a file; an atomic exchange, ``renameat2(RENAME_EXCHANGE)``,
where ``OUTPUT`` already exists, so that ``OUTPUT`` always holds either the
previous complete output or the new one). Then ``OUTPUT.manifest.json`` is
written and the journal removed.

The manifest says what ``OUTPUT`` was made from: every input file (resolved
path, size, sha256 of its bytes, how many documents it gave, its errors) in
output order, the model (name, meta name and version, components) and the
options that change the output (format, ``max_chars``, ``dedupe``). A rerun on
a finished output compares: when nothing changed it does nothing; otherwise a
new output is built that keeps the records of unchanged inputs (read back from
the old output), annotates new and changed inputs, and leaves out removed ones
(:attr:`JobResult.changes`). That rebuild is an ordinary job: interrupted or
killed, rerunning continues it. A change of model or of an option annotates
everything again; an html report cannot be read back and is rebuilt whole.

Rerunning the same command continues an interrupted or killed job: the writer
cuts the staging output back to the last journalled state (a truncated last
line, a half-written part, documents written after the last checkpoint all
go), files already done are not read again, and the file in progress skips the
records already written. Engines yield documents in input order, so what is
written is always a prefix of the input, and every document ends up in the
output exactly once. A journal line cut short by the crash is ignored.

A checkpoint only continues the same job: the same inputs, output format,
model, ``max_chars`` and ``dedupe``; batch size, processes and engine may
change. ``overwrite=True`` starts afresh (the old output stays in place until
the new one replaces it). Inputs that gave no document are not marked done, so
an interrupted job reads them again; failed lines of a .jsonl file that was
done are replayed from the journal, so the summary of a rerun still counts them.

Document ids are unique in an output (they key the tables of the parquet and
csv formats): before anything is written every input is scanned (and hashed),
and a job whose inputs share an id (``1`` and ``"1"`` are the same id) is
refused with both places named (:class:`DuplicateIdError`), unless
``dedupe=True``, which keeps the first and skips the others with a warning. An
input file given twice (``a.txt a.txt``, or a file and its folder) is read once.
"""

import ctypes
import errno
import hashlib
import json
import logging
import os
import shutil
import socket
import sys
import time
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple, Union

from .intake import SUFFIXES, InputError, Record, input_files, iter_records
from .journal import Journal
from .writers import NEEDS_TEXT, Writer, format_of, fsync_dir, open_writer, remove_working_files
from .writers.files import write_atomic
from .writers.readback import READABLE, read_records

logger = logging.getLogger(__name__)

VERSION = 2
MANIFEST_VERSION = 1
PARTIAL_SUFFIX = ".partial"
JOURNAL_SUFFIX = ".checkpoint"
LOCK_SUFFIX = ".lock"
MANIFEST_SUFFIX = ".manifest.json"
# Where the previous output waits while a new one is renamed in, where an atomic exchange is not available.
PREVIOUS_SUFFIX = ".previous"
# Duplicate ids named in the error, at most.
MAX_DUPLICATES_NAMED = 5


class CheckpointError(Exception):
    """The job cannot run: its checkpoint belongs to another job, its output was changed, or its inputs are unusable."""


class OutputLocked(CheckpointError):
    """Another job is writing the same output."""


class DuplicateIdError(CheckpointError):
    """Inputs share document ids (and ``dedupe`` is off)."""


@dataclass
class JobResult:
    """What a job did.

    Attributes:
        output: the output path.
        status: ``complete``, ``interrupted`` or ``exists`` (a finished output
            whose manifest matches the inputs and options: nothing was done).
        documents: documents annotated by this run.
        words: their words (tokens that are not space or punctuation).
        seconds: time this run spent annotating.
        total_documents: documents in the output, earlier runs included.
        failures: every input that failed (``PATH[:LINE]: reason``), those
            replayed from an earlier run's checkpoint or manifest included.
        resumed: the run continued a checkpoint.
        copied: documents kept from the previous output (unchanged inputs of a rerun).
        changes: for a rerun on a finished output: how many input files were
            ``unchanged``, ``changed``, ``new`` and ``removed``; and ``reason`` when
            everything is annotated again (options or model changed). None for a first run.
        duplicates: documents skipped because an earlier document had their id (``dedupe``).
        to_annotate: documents this run is to annotate (known after the inputs are scanned).
    """

    output: str
    status: str = "complete"
    documents: int = 0
    words: int = 0
    seconds: float = 0.0
    total_documents: int = 0
    failures: List[str] = field(default_factory=list)
    resumed: bool = False
    copied: int = 0
    changes: Optional[Dict[str, Any]] = None
    duplicates: int = 0
    to_annotate: Optional[int] = None

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
    # Manifest fields: size and sha256 of the bytes (None: could not be read).
    size: Optional[int] = None
    sha256: Optional[str] = None

    def manifest_entry(self) -> Dict[str, Any]:
        return {
            "path": self.key,
            "size": self.size,
            "sha256": self.sha256,
            "documents": self.skip + self.written,
            "errors": list(self.errors),
        }


@dataclass
class _Copy:
    """Records of an unchanged input to take from the previous output: ``count`` from index ``start``."""

    start: int
    count: int


@dataclass
class _Scanned:
    """An input file as scanned before the job: its fingerprint, its documents, and the records to skip."""

    key: str
    size: Optional[int]
    sha256: Optional[str]
    documents: int = 0
    # Lines of a .jsonl file whose record repeats an earlier id (dedupe); None in it: the whole file.
    skip: Set[Optional[int]] = field(default_factory=set)
    # Some skipped record's first occurrence is in another file: its records depend on other inputs.
    depends: bool = False


@dataclass
class _Scan:
    files: Dict[str, _Scanned] = field(default_factory=dict)
    duplicates: List[Tuple[str, str, str]] = field(default_factory=list)  # (id, first, again)
    repeated: List[str] = field(default_factory=list)


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


def lock_path(output: Union[str, Path]) -> Path:
    """The lock file a job holds while it works on ``OUTPUT``: ``OUTPUT.lock``."""
    return Path(str(output) + LOCK_SUFFIX)


def manifest_path(output: Union[str, Path]) -> Path:
    """The manifest of a finished output: ``OUTPUT.manifest.json``."""
    return Path(str(output) + MANIFEST_SUFFIX)


def read_manifest(output: Union[str, Path]) -> Optional[Dict[str, Any]]:
    """The manifest of a finished output, or None if it has none (or an unreadable one)."""
    try:
        manifest = json.loads(manifest_path(output).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("svpol_manifest") != MANIFEST_VERSION:
        return None
    return manifest


class OutputLock:
    """An exclusive lock on ``OUTPUT.lock`` (``fcntl.flock``), held while a job works on ``OUTPUT``.

    The lock file holds the pid, host and start time of the job holding it, for
    the message another job gets. It is removed on release; a job that died
    leaves it behind, unlocked, and the next job takes it over.

    Raises:
        OutputLocked: another job holds the lock (from :meth:`acquire`).
    """

    def __init__(self, output: Union[str, Path]) -> None:
        self.output = str(output)
        self.path = lock_path(output)
        self._fd: Optional[int] = None

    def acquire(self) -> None:
        try:
            import fcntl
        except ImportError:  # not POSIX: no locking
            return
        while True:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as e:
                if e.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise
                try:
                    holder = os.read(fd, 200).decode("utf-8", "replace").strip()
                finally:
                    os.close(fd)
                raise OutputLocked(
                    f"{self.output} is being written by another svpol job ({holder or 'lock ' + str(self.path)}); "
                    "wait for it to finish, or write to another output"
                ) from None
            # The job that held the lock may have removed the file between our open and flock.
            try:
                same = os.path.samestat(os.fstat(fd), os.stat(self.path))
            except FileNotFoundError:
                same = False
            if same:
                break
            os.close(fd)
        stamp = time.strftime("%Y-%m-%d %H:%M:%S", time.localtime())
        os.ftruncate(fd, 0)
        os.write(fd, f"pid {os.getpid()} on {socket.gethostname()} since {stamp}\n".encode())
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            # Removed while still held, so that no other job can hold a lock on the removed file.
            self.path.unlink(missing_ok=True)
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> "OutputLock":
        self.acquire()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.release()


def _input_files(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, InputError]]:
    """The files of the inputs, in the order :func:`svpol.intake.iter_records` reads them, each file once."""
    seen: Set[str] = set()
    for path in paths:
        files = input_files(path)
        if not files:
            # Let intake name the problem (an empty folder) in its own words.
            yield from (item for item in iter_records([path]) if isinstance(item, InputError))
        for file in files:
            key = str(file.resolve())
            if key in seen:
                continue
            seen.add(key)
            yield file


def _fingerprint(path: Path) -> Tuple[Optional[int], Optional[str]]:
    """Size and sha256 of a file's bytes; (None, None) if it cannot be read."""
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as f:
            while True:
                block = f.read(1 << 20)
                if not block:
                    break
                digest.update(block)
                size += len(block)
    except OSError:
        return None, None
    return size, digest.hexdigest()


def _scan(inputs: Sequence[Union[str, Path]], dedupe: bool) -> _Scan:
    """Fingerprint every input file, count its documents and find repeated document ids.

    A .txt or .pdf file's id is its path; a .jsonl record's its ``id`` (as a
    string) or ``PATH:LINE``. With ``dedupe`` the first document of an id is
    kept and the later ones are marked to skip.
    """
    scan = _Scan()
    first: Dict[str, Tuple[str, str]] = {}  # id -> (where, file key)
    seen: Set[str] = set()
    for path in inputs:
        for file in input_files(path):
            key = str(file.resolve())
            if key in seen:
                scan.repeated.append(str(file))
                continue
            seen.add(key)
            if not file.is_file():
                continue
            size, sha = _fingerprint(file)
            entry = scan.files[key] = _Scanned(key, size, sha)
            suffix = file.suffix.lower()
            if suffix not in SUFFIXES:
                continue
            if suffix == ".jsonl":
                docs = ((rec.id, f"{rec.source}:{rec.line}", rec.line) for rec in iter_records([file], quiet=True)
                        if isinstance(rec, Record))
            else:
                docs = iter([(str(file), str(file), None)])
            for rid, where, line in docs:
                if rid in first:
                    scan.duplicates.append((rid, first[rid][0], where))
                    entry.skip.add(line)
                    entry.depends = entry.depends or first[rid][1] != key
                    continue
                first[rid] = (where, key)
                entry.documents += 1
    return scan


def _duplicates_message(scan: _Scan) -> str:
    named = "; ".join(f"id {rid!r} in {a} and {b}" for rid, a, b in scan.duplicates[:MAX_DUPLICATES_NAMED])
    more = len(scan.duplicates) - MAX_DUPLICATES_NAMED
    rest = f" and {more} more" if more > 0 else ""
    return (
        f"duplicate document ids: {named}{rest}; ids must be unique in an output (they key its tables); "
        "give the records unique ids, or rerun with --dedupe to keep the first of each"
    )


def _differences(old: Dict[str, Any], new: Dict[str, Any]) -> List[str]:
    return sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))


def _options(job: Dict[str, Any]) -> Dict[str, Any]:
    """What of a job decides each document's record: everything but the inputs."""
    return {k: v for k, v in job.items() if k != "inputs"}


def _plan(
    old: Dict[str, Any], job: Dict[str, Any], scan: _Scan, order: List[str], fmt: str
) -> Tuple[Dict[str, Any], Dict[str, Tuple[_Copy, Dict[str, Any]]]]:
    """Compare a finished output's manifest with this job: the changes, and the unchanged files to copy.

    Args:
        old: the manifest of the finished output.
        job: this job's identity (inputs and options).
        scan: this job's inputs, scanned.
        order: the keys of this job's input files in input order.
        fmt: this job's format.

    Returns:
        ``changes`` (counts, and ``reason`` when everything is redone) and, per
        key of an unchanged file, the records to copy and its old manifest entry.
    """
    entries = old.get("files", [])
    known = {e["path"]: e for e in entries}
    changes: Dict[str, Any] = {"unchanged": 0, "changed": 0, "new": 0, "removed": len(set(known) - set(order))}
    redo = _differences(_options(old.get("job", {})), _options(job))
    if redo:
        changes["reason"] = f"{', '.join(redo)} changed"
    elif fmt not in READABLE:
        changes["reason"] = f"an output in {fmt} cannot be read back"
    starts: Dict[str, int] = {}
    index = 0
    for e in entries:
        starts[e["path"]] = index
        index += e["documents"]
    copies: Dict[str, Tuple[_Copy, Dict[str, Any]]] = {}
    for key in order:
        e = known.get(key)
        now = scan.files.get(key)
        if e is None:
            changes["new"] += 1
        elif now is None or now.sha256 is None or (now.size, now.sha256) != (e["size"], e["sha256"]) or now.depends:
            changes["changed"] += 1
        else:
            changes["unchanged"] += 1
            copies[key] = (_Copy(starts[key], e["documents"]), e)
    if "reason" in changes:
        copies = {}
    return changes, copies


def run_job(
    inputs: Sequence[Union[str, Path]],
    engine: Any,
    output: Union[str, Path],
    fmt: Optional[str] = None,
    *,
    overwrite: bool = False,
    dedupe: bool = False,
    checkpoint_every: int = 1000,
    checkpoint_seconds: float = 60.0,
    on_error: Optional[Callable[[str], None]] = None,
    on_document: Optional[Callable[[], None]] = None,
    on_progress: Optional[Callable[[JobResult], None]] = None,
    nlp: Any = None,
) -> JobResult:
    """Annotate ``inputs`` into ``output`` with ``engine``, resumably, and redo only what changed.

    Args:
        inputs: files and folders, as for :func:`svpol.intake.iter_records`.
        engine: a :class:`svpol.engines.LocalEngine` or ``DaskEngine``.
        output: the output path; ``-`` writes JSON lines to standard output (not resumable, no lock or manifest).
        fmt: the output format (default: from the suffix).
        overwrite: annotate everything afresh, discarding any checkpoint; the
            previous output is replaced only when the new one is complete.
        dedupe: keep the first document of each id and skip later ones, instead of refusing the job.
        checkpoint_every: documents between checkpoints.
        checkpoint_seconds: longest time between checkpoints.
        on_error: called with ``PATH[:LINE]: reason`` for each failed input (default: print to stderr).
        on_document: called after each document annotated (progress).
        on_progress: called with the result so far after each document annotated
            (``to_annotate`` is set from the start: progress and ETA).
        nlp: the pipeline whose tokenizer makes the Docs of the ``spacy`` format.

    Raises:
        OutputLocked: another job is writing ``output``.
        DuplicateIdError: inputs share ids and ``dedupe`` is off (nothing is written).
        CheckpointError: the checkpoint belongs to another job, or the output was changed.
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

    def annotate(writer: Writer, scan: _Scan, **kwargs: Any) -> None:
        _annotate_into(
            writer, inputs, engine, fmt, result, fail, on_document, on_progress, scan,
            checkpoint_every=checkpoint_every, checkpoint_seconds=checkpoint_seconds, **kwargs,
        )

    if str(output) == "-":
        scan = _checked_scan(inputs, dedupe)
        result.to_annotate = sum(f.documents for f in scan.files.values())
        with open_writer("-", fmt) as writer:
            annotate(writer, scan)
        return result

    with OutputLock(output):
        return _run_locked(inputs, engine, Path(output), fmt, result, fail, annotate, overwrite=overwrite,
                           dedupe=dedupe, nlp=nlp)


def _checked_scan(inputs: Sequence[Union[str, Path]], dedupe: bool) -> _Scan:
    scan = _scan(inputs, dedupe)
    if scan.duplicates and not dedupe:
        raise DuplicateIdError(_duplicates_message(scan))
    for path in scan.repeated:
        logger.warning("%s: given more than once; read once", path)
    for rid, first, again in scan.duplicates[:MAX_DUPLICATES_NAMED]:
        logger.warning("%s: duplicate id %r skipped (kept the first, %s)", again, rid, first)
    if len(scan.duplicates) > MAX_DUPLICATES_NAMED:
        logger.warning("%d more documents with duplicate ids skipped", len(scan.duplicates) - MAX_DUPLICATES_NAMED)
    return scan


def _run_locked(
    inputs: Sequence[Union[str, Path]],
    engine: Any,
    final: Path,
    fmt: str,
    result: JobResult,
    fail: Callable[[str], None],
    annotate: Callable[..., None],
    *,
    overwrite: bool,
    dedupe: bool,
    nlp: Any,
) -> JobResult:
    staging = staging_path(final)
    journal = Journal(journal_path(final))
    if overwrite:
        _remove(staging)
        remove_working_files(staging, fmt)
        journal.remove()
    job = {
        "inputs": [str(Path(p).resolve()) for p in inputs],
        "format": fmt,
        "model": engine.model_info(),
        "max_chars": engine.max_chars,
        "dedupe": dedupe,
    }
    last: Optional[Dict[str, Any]] = None
    done: Set[str] = set()
    files_done: List[Dict[str, Any]] = []
    copies: Dict[str, Tuple[_Copy, Dict[str, Any]]] = {}
    if journal.path.exists():
        entries = journal.read()
        if not entries or "svpol_checkpoint" not in entries[0]:
            raise CheckpointError(f"{journal.path}: not an svpol checkpoint (use --overwrite to start afresh)")
        if entries[0]["svpol_checkpoint"] != VERSION:
            raise CheckpointError(
                f"{journal.path}: a checkpoint of another svpol version; use --overwrite to start afresh"
            )
        changed = _differences(entries[0]["job"], job)
        if changed:
            raise CheckpointError(
                f"{journal.path}: belongs to a different job ({', '.join(changed)} differ); "
                "rerun the original command, or use --overwrite to start afresh"
            )
        result.resumed = True
        result.changes = entries[0].get("changes")
        copies = {key: (_Copy(*plan[:2]), plan[2]) for key, plan in entries[0].get("copy", {}).items()}
        for entry in entries[1:]:
            done.update(entry.get("done", ()))
            files_done.extend(entry.get("files", ()))
            for message in entry.get("errors", ()):
                fail(message)
            if "writer" in entry:
                last = entry
        if entries[-1].get("complete"):
            # The job finished but died before publishing its output or its manifest.
            _finish_publish(staging, final, fmt, journal, entries[-1])
            result.total_documents = last["documents"] if last else 0
            return result
        scan = _checked_scan(inputs, dedupe)
    else:
        scan = _checked_scan(inputs, dedupe)
        header: Dict[str, Any] = {"svpol_checkpoint": VERSION, "job": job}
        if (final.exists() or final.is_symlink()) and not overwrite:
            old = read_manifest(final)
            if old is None:
                raise CheckpointError(
                    f"{final} exists but has no svpol manifest ({manifest_path(final).name}), so svpol cannot tell "
                    "what it holds; use --overwrite to replace it, or write to another output"
                )
            order = [str(f.resolve()) for f in _input_files(inputs) if isinstance(f, Path)]
            changes, copies = _plan(old, job, scan, order, fmt)
            result.changes = changes
            kept = [key for key in order if key in copies and copies[key][0].count]
            before = [e["path"] for e in old.get("files", []) if e["documents"]]
            if not changes["changed"] and not changes["new"] and not changes["removed"] \
                    and "reason" not in changes and kept == before:
                result.status = "exists"
                result.total_documents = old.get("documents", 0)
                for key in order:
                    for message in copies[key][1].get("errors", ()):
                        fail(message)
                return result
            header["changes"] = changes
            header["copy"] = {key: [c.start, c.count, e] for key, (c, e) in copies.items()}
        _remove(staging)
        remove_working_files(staging, fmt)
        journal.start(header)
    result.to_annotate = sum(
        f.documents for key, f in scan.files.items() if key not in done and key not in copies
    )
    try:
        writer = open_writer(staging, fmt, state=last["writer"] if last else None, nlp=nlp)
    except ValueError as e:
        raise CheckpointError(f"{e} (use --overwrite to start afresh)") from e
    result.total_documents = last["documents"] if last else 0
    words_before = last["words"] if last else 0
    current = tuple(last["current"]) if last and last.get("current") else None
    if current:
        result.to_annotate = max(0, result.to_annotate - (current[1] if current[0] not in copies else 0))
    completed: List[Dict[str, Any]] = []
    try:
        annotate(
            writer, scan, done=done, current=current, journal=journal, words_before=words_before,
            copies=copies, old_output=final, completed=completed, nlp=nlp,
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
    writer.cleanup()
    manifest = _manifest(final, job, files_done + completed, result.total_documents)
    stat = os.stat(staging)
    complete = {"complete": True, "manifest": manifest, "staging": [stat.st_dev, stat.st_ino]}
    journal.append(complete)
    _finish_publish(staging, final, fmt, journal, complete)
    return result


def _manifest(final: Path, job: Dict[str, Any], files: List[Dict[str, Any]], documents: int) -> Dict[str, Any]:
    from . import __version__

    # A file read again after an interruption (one that gave no document) counts once, where it was last done.
    by_key: Dict[str, Dict[str, Any]] = {}
    for entry in files:
        by_key.pop(entry["path"], None)
        by_key[entry["path"]] = entry
    return {
        "svpol_manifest": MANIFEST_VERSION,
        "output": str(final.resolve()),
        "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "svpol_version": __version__,
        "job": job,
        "documents": documents,
        "files": list(by_key.values()),
    }


def _finish_publish(staging: Path, final: Path, fmt: str, journal: Journal, complete: Dict[str, Any]) -> None:
    """Publish a finished staging output (unless a run that died already did), write the manifest, end the journal."""
    mark = complete.get("staging")
    published = False
    if mark and (final.exists() or final.is_symlink()):
        stat = os.stat(final)
        published = [stat.st_dev, stat.st_ino] == mark
    if not published:
        remove_working_files(staging, fmt)
        if not staging.exists():
            raise CheckpointError(
                f"{journal.path}: the job finished but its output {staging} is gone; use --overwrite to start afresh"
            )
        _publish(staging, final)
    # What is left: the previous output (moved aside, or at the staging path after an exchange).
    for leftover in (staging, Path(str(final) + PREVIOUS_SUFFIX)):
        if leftover.exists() or leftover.is_symlink():
            _remove(leftover)
    if complete.get("manifest"):
        write_atomic(manifest_path(final), (json.dumps(complete["manifest"], ensure_ascii=False, indent=1) + "\n").encode())
    fsync_dir(final.parent)
    journal.remove()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux ``renameat2(RENAME_EXCHANGE)``); False where that is not available."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _publish(staging: Path, final: Path) -> None:
    """Put the finished staging output at the output path, atomically.

    A file replaces a file with ``os.replace``; where a folder is involved the
    two are exchanged (the previous output then sits at the staging path, to be
    removed). Without an atomic exchange, the previous output is first renamed
    to ``OUTPUT.previous``: only then is there a moment without ``OUTPUT``.
    """
    exists = final.exists() or final.is_symlink()
    if not exists or (staging.is_file() and final.is_file() and not final.is_symlink()):
        os.replace(staging, final)
    elif not _exchange(staging, final):
        previous = Path(str(final) + PREVIOUS_SUFFIX)
        _remove(previous)
        os.replace(final, previous)
        os.replace(staging, final)
    fsync_dir(final.parent)


class _OldOutput:
    """The records of the previous output, read forward; reopened if a rerun takes them out of order."""

    def __init__(self, path: Path, fmt: str, nlp: Any) -> None:
        self.path, self.fmt, self.nlp = path, fmt, nlp
        self._records: Optional[Iterator[Dict[str, Any]]] = None
        self._pos = 0

    def take(self, start: int, count: int) -> Iterator[Dict[str, Any]]:
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


def _annotate_into(
    writer: Writer,
    inputs: Sequence[Union[str, Path]],
    engine: Any,
    fmt: str,
    result: JobResult,
    fail: Callable[[str], None],
    on_document: Optional[Callable[[], None]],
    on_progress: Optional[Callable[[JobResult], None]],
    scan: _Scan,
    *,
    done: Optional[Set[str]] = None,
    current: Optional[Tuple[str, int]] = None,
    journal: Optional[Journal] = None,
    words_before: int = 0,
    copies: Optional[Dict[str, Tuple[_Copy, Dict[str, Any]]]] = None,
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
    submitted: Deque[Tuple[_File, Union[Record, _Copy]]] = deque()
    needs_text = fmt in NEEDS_TEXT
    old = _OldOutput(old_output, fmt, nlp) if copies and old_output is not None else None

    def records() -> Iterator[Record]:
        for item in _input_files(inputs):
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
                submitted.append((entry, _Copy(copy.start + entry.skip, entry.read)))
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
        while submitted and isinstance(submitted[0][1], _Copy):
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
