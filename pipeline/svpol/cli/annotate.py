"""`svpol annotate`: annotate files and folders, resumably, into any output format."""

import logging
import signal
import sys
import time
from pathlib import Path
from typing import List, Optional

import typer

from ..jobs import CheckpointError, JobResult, run_job, staging_path
from ..engines import ENGINES, LocalEngine
from ..loading import RULES, ModelError, load
from ..writers import FORMATS, format_of
from ._app import app


def _fail(message: str) -> None:
    """Report a usage error or unusable model and exit with code 2."""
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(2)


@app.command("annotate")
def annotate_cli(
    inputs: List[Path] = typer.Argument(..., help="Files (.txt, .pdf, .jsonl) and folders of them."),
    output: Path = typer.Option(
        ...,
        "--output",
        "-o",
        help="Output file or folder, format from --format or the suffix (.jsonl, .parquet, .csv, .spacy, .html); "
        "- for JSON lines on standard output.",
    ),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", help=f"Output format: {', '.join(FORMATS)} (default: from the output's suffix)."
    ),
    model: Optional[str] = typer.Option(
        None,
        "--model",
        "-m",
        help="Pipeline folder, package, or rules (as --rules-only) (default: $SVPOL_MODEL, the installed sv_svpol_cnn, "
        "the checkout's models/sv_svpol_cnn; none found: exit 2).",
    ),
    rules_only: bool = typer.Option(
        False, "--rules-only", help="No trained model: the rule-based pipeline (PARTY, AUTHORITY, MONEY; no topics)."
    ),
    batch_size: int = typer.Option(32, "--batch-size", min=1, help="Texts per batch (per task with --engine dask)."),
    n_process: int = typer.Option(
        1, "--n-process", min=-1, help="Processes (-1: all CPUs); with --engine dask and no --scheduler: local workers."
    ),
    gpu_id: int = typer.Option(-1, "--gpu-id", "-g", help="GPU to use, -1 for CPU."),
    overwrite: bool = typer.Option(False, "--overwrite", help="Discard an existing output or checkpoint and start afresh."),
    engine: str = typer.Option("local", "--engine", help=f"Where the pipeline runs: {' or '.join(ENGINES)}."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", help="Dask scheduler address (tcp://host:8786) for --engine dask."
    ),
    checkpoint_every: int = typer.Option(1000, "--checkpoint-every", min=1, help="Documents between checkpoints."),
    dedupe: bool = typer.Option(
        False, "--dedupe", help="Keep the first document of each id and skip later ones (default: refuse the job)."
    ),
    progress_every: float = typer.Option(
        30.0, "--progress-every", min=0, help="Seconds between progress lines when stderr is not a terminal (0: none)."
    ),
) -> None:
    """Annotate documents: entities, topics and paragraphs of each, in JSON lines, Parquet, CSV, DocBin or HTML.

    The job locks OUTPUT.lock (a second job on the same output is refused), writes
    OUTPUT.partial and a checkpoint OUTPUT.checkpoint, puts the output at OUTPUT
    when it is complete and records its inputs in OUTPUT.manifest.json. Rerunning
    the same command after an interruption continues where it stopped; rerunning
    it on a finished output annotates only new and changed inputs and drops removed
    ones. Bad inputs are named on stderr and skipped. Exit code 0: all inputs done,
    1: some inputs failed, 2: usage error, unusable model, duplicate ids or output
    in use, 130: interrupted.
    """
    if n_process == 0:
        _fail("--n-process must be positive or -1")
    if engine not in ENGINES:
        _fail(f"--engine must be one of {', '.join(ENGINES)}, not {engine!r}")
    if scheduler is not None and engine != "dask":
        _fail("--scheduler needs --engine dask")
    try:
        fmt = format_of(output, fmt)
    except ValueError as e:
        _fail(f"cannot write {output}: {e}")
    if str(output) != "-" and not output.resolve().parent.is_dir():
        _fail(f"cannot write {output}: folder {output.parent} does not exist")
    if str(output) == "-" and overwrite:
        _fail("--overwrite needs an output path, not -")
    if rules_only:
        if model is not None:
            _fail("--rules-only and --model exclude each other")
        model = RULES
    warnings = _setup_logging()
    nlp = None
    try:
        if engine == "dask":
            from ..engines import DaskEngine

            runner = DaskEngine(
                model, scheduler=scheduler, n_workers=n_process if n_process > 0 else None, batch_size=batch_size, gpu_id=gpu_id
            )
        else:
            nlp = load(model, gpu_id=gpu_id)
            runner = LocalEngine(nlp, model=model, batch_size=batch_size, n_process=n_process)
    except ModelError as e:
        _fail(str(e))
    except ImportError as e:
        _fail(f"--engine dask needs dask.distributed ({e}): pip install 'svpol[dask]'")
    except (OSError, ValueError) as e:
        _fail(f"dask: {e}")
    except KeyboardInterrupt:  # while the model loads or the cluster starts
        typer.echo("interrupted before anything was written", err=True)
        raise typer.Exit(130)
    with runner, _sigterm_interrupts():
        try:
            result = run_annotate(
                inputs, runner, output, fmt, overwrite=overwrite, checkpoint_every=checkpoint_every, nlp=nlp,
                dedupe=dedupe, progress_every=progress_every,
            )
        except CheckpointError as e:
            _fail(str(e))
        except OSError as e:
            _fail(f"cannot write {output}: {e.strerror or e}")
        except KeyboardInterrupt:
            typer.echo(
                f"interrupted: the documents written so far are in {staging_path(output)}; "
                "rerun the same command to continue",
                err=True,
            )
            raise typer.Exit(130)
    failed = f"; {len(result.failures)} inputs failed (named above)" if result.failures else ""
    if result.status == "exists":
        typer.echo(
            f"{output} is up to date: {result.changes['unchanged']} inputs unchanged, "
            f"{result.total_documents} documents; nothing to do{failed} (--overwrite annotates again)",
            err=True,
        )
        raise typer.Exit(1 if result.failures else 0)
    if result.changes:
        typer.echo(f"rerun on a finished output: {describe_changes(result.changes)}", err=True)
    resumed = f" (continued a checkpoint: {result.total_documents} documents in the output)" if result.resumed else ""
    copied = f", {result.copied} kept from the previous output" if result.copied else ""
    dupes = f", {result.duplicates} duplicate ids skipped" if result.duplicates else ""
    warned = f", {warnings.count} warnings" if warnings.count else ""
    typer.echo(
        f"{result.documents} documents, {result.words} words in {result.seconds:.1f} s "
        f"({result.words_per_second:,.0f} words/s){copied}{dupes}, {len(result.failures)} inputs failed{warned}; "
        f"output: {output}{resumed}",
        err=True,
    )
    raise typer.Exit(1 if result.failures else 0)


def describe_changes(changes) -> str:
    """``3 inputs unchanged, 1 changed, 1 new, 1 removed`` (and why everything is annotated again, if it is)."""
    text = (
        f"{changes['unchanged']} inputs unchanged, {changes['changed']} changed, "
        f"{changes['new']} new, {changes['removed']} removed"
    )
    if changes.get("reason"):
        text += f"; {changes['reason']}: annotating every input again"
    return text


class _sigterm_interrupts:
    """While active, SIGTERM (``kill``) stops the job like Ctrl-C: checkpoint, message, exit 130."""

    def __enter__(self) -> "_sigterm_interrupts":
        self._old = None
        try:
            self._old = signal.signal(signal.SIGTERM, self._handle)
        except ValueError:  # not the main thread (tests)
            pass
        return self

    @staticmethod
    def _handle(signum, frame) -> None:
        raise KeyboardInterrupt

    def __exit__(self, *exc) -> None:
        if self._old is not None:
            signal.signal(signal.SIGTERM, self._old)


def run_annotate(
    inputs, engine, output, fmt, *, overwrite: bool, checkpoint_every: int, nlp=None, dedupe: bool = False,
    progress_every: float = 30.0,
) -> JobResult:
    """Run :func:`svpol.jobs.run_job` with a progress bar on stderr (a terminal) or progress lines (anything else)."""
    # Imported here so that `svpol --help` stays fast.
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    lines = ProgressLines(progress_every) if progress_every > 0 and not _isatty(sys.stderr) else None
    with logging_redirect_tqdm([logging.getLogger("svpol")]), tqdm(
        desc="annotate", unit=" doc", file=sys.stderr, disable=None
    ) as bar:

        def on_progress(result: JobResult) -> None:
            if bar.total is None and result.to_annotate and not bar.disable:
                bar.total = result.to_annotate
                bar.refresh()
            bar.update(1)
            if lines is not None:
                lines(result)

        return run_job(
            inputs,
            engine,
            output,
            fmt,
            overwrite=overwrite,
            dedupe=dedupe,
            checkpoint_every=checkpoint_every,
            on_error=lambda message: tqdm.write(message, file=sys.stderr),
            on_progress=on_progress,
            nlp=nlp,
        )


def _isatty(stream) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class ProgressLines:
    """Prints a progress line to stderr at most every ``every`` seconds (for logs, where a bar is useless).

    ``progress: 1,200/5,000 documents (24%), 130,500 words, 5,120 words/s, ETA 12 min``
    """

    def __init__(self, every: float) -> None:
        self.every = every
        self.start = time.monotonic()
        self.last = self.start

    def __call__(self, result: JobResult) -> None:
        now = time.monotonic()
        if now - self.last < self.every:
            return
        self.last = now
        typer.echo(self.line(result, now - self.start), err=True)

    @staticmethod
    def line(result: JobResult, elapsed: float) -> str:
        rate = result.words / elapsed if elapsed > 0 else 0.0
        done = f"{result.documents:,}"
        eta = ""
        if result.to_annotate:
            done += f"/{result.to_annotate:,} documents ({100 * result.documents / result.to_annotate:.0f}%)"
            if result.documents and result.documents < result.to_annotate:
                eta = f", ETA {_duration(elapsed / result.documents * (result.to_annotate - result.documents))}"
        else:
            done += " documents"
        return f"progress: {done}, {result.words:,} words, {rate:,.0f} words/s{eta}"


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


class _WarningCounter(logging.Handler):
    """Counts warnings (e.g. text decoded as cp1252) for the summary."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _Stderr(logging.StreamHandler):
    """Writes to the current ``sys.stderr``: a command run twice in one process (tests) gets a new one."""

    @property
    def stream(self):  # type: ignore[override]
        return sys.stderr

    @stream.setter
    def stream(self, value) -> None:
        pass


_WARNINGS = _WarningCounter()
_STDERR = _Stderr()
_STDERR.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
_STDERR.setLevel(logging.WARNING)


def _setup_logging() -> _WarningCounter:
    """Warnings (e.g. an encoding fallback) go to stderr as one line each.

    Returns:
        The counter of input warnings, reset to zero.
    """
    for name in ("svpol.intake", "svpol.jobs"):
        counted = logging.getLogger(name)
        if _WARNINGS not in counted.handlers:
            counted.addHandler(_WARNINGS)
    _WARNINGS.count = 0
    root = logging.getLogger("svpol")
    if _STDERR not in root.handlers:
        root.addHandler(_STDERR)
        root.setLevel(logging.INFO)
    return _WARNINGS
