"""Engines: where the pipeline runs. Only this module knows about processes and clusters.

An engine turns a stream of :class:`~svpol.intake.Record` into a stream of
``(output record, words)`` in input order, so that every engine gives the same
output and the same resume points (see :mod:`svpol.jobs`).

- :class:`LocalEngine`: ``nlp.pipe`` in this process, or batches of records
  sent to ``n_process`` worker processes that each normalize, annotate and
  export them (so only plain dicts travel back, and the parent only writes).
  Memory is bounded by the batch size: records are read lazily and at most two
  batches per process are in flight.
- :class:`DaskEngine`: batches of records are sent to the workers of a Dask
  distributed cluster (a scheduler address, or a local cluster started for the
  job). Each worker loads the pipeline once, in a worker plugin; at most
  ``window`` batches are in flight, and results are taken in submission order
  (in :mod:`svpol.engines.dask`, imported on first use).
"""

import multiprocessing
import os
from collections import deque
from typing import Any, Callable, Deque, Dict, Iterable, Iterator, List, Optional, Tuple

from spacy.language import Language

from ..annotate import MAX_CHARS, AnnotateStats, annotate_records
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


def batched(records: Iterable[Record], size: int) -> Iterator[List[Record]]:
    """Lists of ``size`` records (the last one shorter), read lazily."""
    batch: List[Record] = []
    for record in records:
        batch.append(record)
        if len(batch) == size:
            yield batch
            batch = []
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


# The pipeline of a worker process of LocalEngine (set once, when the process starts).
_worker_nlp: Optional[Language] = None


def _init_worker(nlp: Language) -> None:
    global _worker_nlp
    _worker_nlp = nlp


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

            yield from ordered_results(batched(records, self.batch_size), submit, window=2 * processes)
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
