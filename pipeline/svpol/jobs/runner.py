"""The job runner: :func:`run_job` annotates inputs into an output, resumably, and redoes only what changed.

The job writes to ``OUTPUT.partial`` and keeps a journal ``OUTPUT.checkpoint``
(JSON lines; :mod:`svpol.jobs.checkpoints`). When the job ends the output is
finished (parts merged, index written) and published (:mod:`svpol.jobs.publish`),
the manifest written (:mod:`svpol.jobs.manifest`) and the journal removed.

Rerunning the same command continues an interrupted or killed job: the writer
cuts the staging output back to the last journalled state (a truncated last
line, a half-written part, documents written after the last checkpoint all
go), files already done are not read again, and the file in progress skips the
records already written, so every document ends up in the output exactly once.
A journal line cut short by the crash is ignored.

A checkpoint only continues the same job: the same inputs, output format,
model, ``max_chars`` and ``dedupe``; batch size, processes and engine may
change. ``overwrite=True`` starts afresh (the old output stays in place until
the new one replaces it). Inputs that gave no document are not marked done, so
an interrupted job reads them again; failed lines of a .jsonl file that was
done are replayed from the journal, so the summary of a rerun still counts them.
"""

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Set, Tuple, Union

from ..journal import Journal
from ..writers import Writer, format_of, open_writer, remove_working_files
from .checkpoints import annotate_into
from .errors import CheckpointError
from .lock import OutputLock
from .manifest import Copy, build_manifest, differences, plan_rerun, read_manifest
from .paths import journal_path, manifest_path, remove_path, staging_path
from .publish import finish_publish
from .scan import Scan, checked_scan, unique_input_files

VERSION = 2


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

    def annotate(writer: Writer, scan: Scan, **kwargs: Any) -> None:
        annotate_into(
            writer, inputs, engine, fmt, result, fail, on_document, on_progress, scan,
            checkpoint_every=checkpoint_every, checkpoint_seconds=checkpoint_seconds, **kwargs,
        )

    if str(output) == "-":
        scan = checked_scan(inputs, dedupe)
        result.to_annotate = sum(f.documents for f in scan.files.values())
        with open_writer("-", fmt) as writer:
            annotate(writer, scan)
        return result

    with OutputLock(output):
        return _run_locked(inputs, engine, Path(output), fmt, result, fail, annotate, overwrite=overwrite,
                           dedupe=dedupe, nlp=nlp)


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
    """Run the job on ``final`` with its lock held: resume or start the journal, annotate, publish."""
    staging = staging_path(final)
    journal = Journal(journal_path(final))
    if overwrite:
        remove_path(staging)
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
    copies: Dict[str, Tuple[Copy, Dict[str, Any]]] = {}
    if journal.path.exists():
        entries = journal.read()
        if not entries or "svpol_checkpoint" not in entries[0]:
            raise CheckpointError(f"{journal.path}: not an svpol checkpoint (use --overwrite to start afresh)")
        if entries[0]["svpol_checkpoint"] != VERSION:
            raise CheckpointError(
                f"{journal.path}: a checkpoint of another svpol version; use --overwrite to start afresh"
            )
        changed = differences(entries[0]["job"], job)
        if changed:
            raise CheckpointError(
                f"{journal.path}: belongs to a different job ({', '.join(changed)} differ); "
                "rerun the original command, or use --overwrite to start afresh"
            )
        result.resumed = True
        result.changes = entries[0].get("changes")
        copies = {key: (Copy(*plan[:2]), plan[2]) for key, plan in entries[0].get("copy", {}).items()}
        for entry in entries[1:]:
            done.update(entry.get("done", ()))
            files_done.extend(entry.get("files", ()))
            for message in entry.get("errors", ()):
                fail(message)
            if "writer" in entry:
                last = entry
        if entries[-1].get("complete"):
            # The job finished but died before publishing its output or its manifest.
            finish_publish(staging, final, fmt, journal, entries[-1])
            result.total_documents = last["documents"] if last else 0
            return result
        scan = checked_scan(inputs, dedupe)
    else:
        scan = checked_scan(inputs, dedupe)
        header: Dict[str, Any] = {"svpol_checkpoint": VERSION, "job": job}
        if (final.exists() or final.is_symlink()) and not overwrite:
            old = read_manifest(final)
            if old is None:
                raise CheckpointError(
                    f"{final} exists but has no svpol manifest ({manifest_path(final).name}), so svpol cannot tell "
                    "what it holds; use --overwrite to replace it, or write to another output"
                )
            order = [str(f.resolve()) for f in unique_input_files(inputs) if isinstance(f, Path)]
            changes, copies = plan_rerun(old, job, scan, order, fmt)
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
        remove_path(staging)
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
    manifest = build_manifest(final, job, files_done + completed, result.total_documents)
    stat = os.stat(staging)
    complete = {"complete": True, "manifest": manifest, "staging": [stat.st_dev, stat.st_ino]}
    journal.append(complete)
    finish_publish(staging, final, fmt, journal, complete)
    return result
