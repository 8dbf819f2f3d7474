"""Engines: where the pipeline runs. Only this module knows about processes and clusters.

An engine turns a stream of :class:`~svpol.intake.Record` into a stream of
``(output record, words)`` in input order, so that every engine gives the same
output and the same resume points (see :mod:`svpol.jobs`).

- :class:`LocalEngine`: ``nlp.pipe`` in this process, or batches of records
  sent to ``n_process`` worker processes that each normalize, annotate and
  export them (so only plain dicts travel back, and the parent only writes).
  Memory is bounded by the batch size and by characters: records are read
  lazily, a batch holds at most ``batch_size`` records and at most
  :data:`~svpol.annotate.BATCH_CHARS` characters (a longer record goes alone), and at most two
  batches per process are in flight. Workers ignore Ctrl-C (the parent stops
  them) and die with the parent (``PR_SET_PDEATHSIG`` on Linux, else a watch
  on the parent's pid), so a killed job leaves no worker and no traceback.
- :class:`DaskEngine`: batches of records are sent to the workers of a Dask
  distributed cluster (a scheduler address, or a local cluster started for the
  job). Each worker loads the pipeline once, in a worker plugin; at most
  ``window`` batches are in flight, and results are taken in submission order
  (in :mod:`svpol.engines.dask`, imported on first use).
"""

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language

from ..annotate import BATCH_CHARS, MAX_CHARS, AnnotateStats, annotate_records
from ..intake import Record

Output = Tuple[Dict[str, Any], int]
ENGINES = ("local", "dask")


def model_info(nlp: Language, model: Optional[str] = None) -> Dict[str, Any]:
    """What identifies a pipeline in a job's checkpoint: the name it was loaded by, its meta and components."""
    if model is not None and os.path.exists(model):
        model = os.path.abspath(model)
    return {
        "model": model,
        "meta": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}-{nlp.meta.get('version')}",
        "pipeline": list(nlp.pipe_names),
    }


def batched(records: Iterable[Record], size: int, max_chars: Optional[int] = None) -> Iterator[List[Record]]:
    """Lists of at most ``size`` records, read lazily; with ``max_chars``, of at most that many characters
    (a longer record goes alone)."""
    batch: List[Record] = []
    chars = 0
    for record in records:
        if batch and max_chars is not None and chars + len(record.raw) > max_chars:
            yield batch
            batch, chars = [], 0
        batch.append(record)
        chars += len(record.raw)
        if len(batch) == size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch


def ordered_results(
    batches: Iterable[List[Record]], submit: Callable[[List[Record]], Callable[[], List[Output]]], window: int
) -> Iterator[Output]:
    """Submit batches and yield their results in submission order, with at most ``window`` in flight.

    Args:
        batches: the batches of records.
        submit: starts a batch and returns a function that waits for its results.
        window: batches submitted and not yet yielded, at most.
    """
    in_flight: Deque[Callable[[], List[Output]]] = deque()
    for batch in batches:
        in_flight.append(submit(batch))
        while len(in_flight) >= window:
            yield from in_flight.popleft()()
    while in_flight:
        yield from in_flight.popleft()()


def annotate_counted(
    records: Iterable[Record], nlp: Language, *, batch_size: int = 32, n_process: int = 1, max_chars: int = MAX_CHARS
) -> Iterator[Output]:
    """:func:`svpol.annotate.annotate_records`, yielding each output record with its word count."""
    stats = AnnotateStats()
    words = 0
    for out in annotate_records(records, nlp, batch_size=batch_size, n_process=n_process, max_chars=max_chars, stats=stats):
        yield out, stats.words - words
        words = stats.words
        del out  # a long document's record is not kept while the next document is annotated


# The pipeline of a worker process of LocalEngine (set once, when the process starts).
_worker_nlp: Optional[Language] = None


def _init_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp
    quiet_worker()


def quiet_worker() -> None:
    """Make a worker process stop quietly when its job stops.

    Ctrl-C reaches every process of the terminal's group: the worker ignores it
    and the parent stops the pool (so no traceback from each worker). When the
    parent dies (``kill -9``), the worker is killed with it (Linux
    ``PR_SET_PDEATHSIG``) or, elsewhere, exits within a second when it notices;
    either way before it could write a result into the dead parent's pipe and
    print a ``BrokenPipeError`` traceback.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The parent may handle SIGTERM (the CLI turns it into Ctrl-C); a worker stopped by the pool just ends.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before the setting took effect
            os._exit(0)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="svpol-parent-watch", daemon=True).start()


def _annotate_batch(records: List[Record], batch_size: int, max_chars: int) -> List[Output]:
    return list(annotate_counted(records, _worker_nlp, batch_size=batch_size, max_chars=max_chars))


class LocalEngine:
    """Runs the pipeline on this machine, in this process or in ``n_process`` worker processes.

    With several processes, each worker gets the pipeline once when it starts
    (forked on Linux, pickled elsewhere) and annotates whole batches of records
    into output dicts: normalization and export run in the workers too, which
    ``nlp.pipe(n_process=...)`` would leave to this process.

    Args:
        nlp: the pipeline.
        model: the name or path it was loaded from (for the checkpoint).
        batch_size: texts per batch.
        n_process: processes (-1: all CPUs).
        max_chars: the longest text given to the model in one piece.

    Raises:
        ValueError: ``batch_size`` below 1, or ``n_process`` 0 or below -1.
    """

    name = "local"

    def __init__(
        self,
        nlp: Language,
        *,
        model: Optional[str] = None,
        batch_size: int = 32,
        n_process: int = 1,
        max_chars: int = MAX_CHARS,
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if n_process == 0 or n_process < -1:
            raise ValueError(f"n_process must be positive or -1 (all CPUs), got {n_process}")
        self.nlp = nlp
        self.model = model
        self.batch_size = batch_size
        self.n_process = n_process
        self.max_chars = max_chars

    def model_info(self) -> Dict[str, Any]:
        """See :func:`model_info`."""
        return model_info(self.nlp, self.model)

    def annotate(self, records: Iterable[Record]) -> Iterator[Output]:
        """Annotate records, yielding ``(output record, words)`` in input order."""
        processes = self.n_process if self.n_process > 0 else (os.cpu_count() or 1)
        if processes == 1:
            return annotate_counted(records, self.nlp, batch_size=self.batch_size, max_chars=self.max_chars)
        return self._annotate_in_pool(records, processes)

    def _annotate_in_pool(self, records: Iterable[Record], processes: int) -> Iterator[Output]:
        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        pool = multiprocessing.get_context(method).Pool(processes, initializer=_init_worker, initargs=(self.nlp,))
        try:

            def submit(batch: List[Record]) -> Callable[[], List[Output]]:
                return pool.apply_async(_annotate_batch, (batch, self.batch_size, self.max_chars)).get

            batches = batched(records, self.batch_size, max(self.max_chars, BATCH_CHARS))
            yield from ordered_results(batches, submit, window=2 * processes)
            pool.close()
        finally:
            pool.terminate()
            pool.join()

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> "LocalEngine":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()


def __getattr__(name: str) -> Any:
    # DaskEngine is imported on first use: importing distributed is slow and optional.
    if name == "DaskEngine":
        from .dask import DaskEngine

        return DaskEngine
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
