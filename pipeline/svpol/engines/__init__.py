"""Engines: where the pipeline runs. Only this module knows about processes and clusters.

An engine turns a stream of :class:`~svpol.intake.Record` into a stream of
``(output record, words)`` in input order, so that every engine gives the same
output and the same resume points (see :mod:`svpol.checkpoint`).

- :class:`LocalEngine`: ``nlp.pipe`` in this process or ``n_process`` worker
  processes. Memory is bounded by the batch size: records are read lazily and
  spaCy keeps only a few batches per process in flight.
- :class:`DaskEngine`: batches of records are sent to the workers of a Dask
  distributed cluster (a scheduler address, or a local cluster started for the
  job). Each worker loads the pipeline once, in a worker plugin; at most
  ``window`` batches are in flight, and results are taken in submission order
  (in :mod:`svpol.engines.dask`, imported on first use).
"""

import os
from typing import Any, Dict, Iterable, Iterator, Optional, Tuple

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


def annotate_counted(
    records: Iterable[Record], nlp: Language, *, batch_size: int = 32, n_process: int = 1, max_chars: int = MAX_CHARS
) -> Iterator[Output]:
    """:func:`svpol.annotate.annotate_records`, yielding each output record with its word count."""
    stats = AnnotateStats()
    words = 0
    for out in annotate_records(records, nlp, batch_size=batch_size, n_process=n_process, max_chars=max_chars, stats=stats):
        yield out, stats.words - words
        words = stats.words


class LocalEngine:
    """Runs ``nlp.pipe`` on this machine, with ``n_process`` processes.

    Args:
        nlp: the pipeline.
        model: the name or path it was loaded from (for the checkpoint).
        batch_size: texts per batch.
        n_process: processes (-1: all CPUs).
        max_chars: the longest text given to the model in one piece.
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
        return annotate_counted(
            records, self.nlp, batch_size=self.batch_size, n_process=self.n_process, max_chars=self.max_chars
        )

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
