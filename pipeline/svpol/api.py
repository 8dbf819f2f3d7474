"""The library API: ``svpol.annotate`` (and ``svpol.load``, from :mod:`svpol.loading`)."""

from typing import Any, Iterable, Iterator, Mapping, Optional, Union

from spacy.language import Language

from .engines import LocalEngine
from .intake import Record

# Loading lives in svpol.loading; svpol.api.load is svpol.load.
from .loading import load


def _to_record(item: Union[str, Mapping[str, Any], Record], index: int) -> Record:
    if isinstance(item, Record):
        return item
    if isinstance(item, str):
        return Record(id=str(index), source="", raw=item)
    if isinstance(item, Mapping):
        text = item.get("text")
        if not isinstance(text, str):
            raise ValueError(f"record {index} has no 'text' string field")
        extras = {k: v for k, v in item.items() if k not in ("id", "text", "source")}
        rid = item.get("id", index)
        return Record(id=str(rid), source=str(item.get("source", "")), raw=text, extras=extras)
    raise TypeError(f"item {index}: expected a str, a dict with 'text' or a Record, got {type(item).__name__}")


def annotate(
    texts_or_records: Iterable[Union[str, Mapping[str, Any], Record]],
    *,
    nlp: Optional[Language] = None,
    batch_size: int = 32,
    n_process: int = 1,
) -> Iterator[dict]:
    """Annotate texts and yield one output dict each, in input order (schema in docs/DESIGN.md).

    With several processes the records go, in batches, to the worker pool of
    :class:`svpol.engines.LocalEngine` (the one ``svpol annotate --n-process``
    uses): each worker annotates and exports its batch, so only plain dicts come
    back, not the Docs that ``nlp.pipe(n_process=...)`` would serialize.

    Args:
        texts_or_records: strings (id = their index), dicts ``{"id", "text", ...}``
            (other fields are passed through) or :class:`~svpol.intake.Record`.
            A single string is treated as one text.
        nlp: the pipeline; :func:`load` () by default.
        batch_size: texts per batch.
        n_process: processes (-1: all CPUs).

    Raises:
        ValueError: ``batch_size`` below 1, or ``n_process`` 0 or below -1.
    """
    if isinstance(texts_or_records, (str, Mapping, Record)):
        texts_or_records = [texts_or_records]
    engine = LocalEngine(nlp if nlp is not None else load(), batch_size=batch_size, n_process=n_process)
    records = (_to_record(item, i) for i, item in enumerate(texts_or_records))
    return (out for out, _words in engine.annotate(records))
