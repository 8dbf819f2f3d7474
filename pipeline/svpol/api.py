"""The library API: ``svpol.load`` and ``svpol.annotate``."""

import importlib
import logging
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Optional, Union

import spacy
from spacy.language import Language

from .engines import LocalEngine
from .intake import Record
from .tokenizer import blank

logger = logging.getLogger(__name__)

ENV_MODEL = "SVPOL_MODEL"
# The trained pipeline shipped in the repository (pipeline/svpol/api.py -> <repo>/models/...).
DEFAULT_MODEL = Path(__file__).resolve().parents[2] / "models" / "sv_svpol_cnn"
# The rule-based fallback: entity rules first, then the enrichers that read doc.ents.
RULE_COMPONENTS = (
    "svpol_entity_rules",
    "svpol_politicians",
    "svpol_parties",
    "svpol_authorities",
    "svpol_money",
    "svpol_confidence",
)


class ModelError(Exception):
    """The requested pipeline cannot be loaded (missing, invalid, or no GPU)."""


def load(name_or_path: Union[str, Path, None] = None, *, gpu_id: int = -1) -> Language:
    """Load an svpol pipeline.

    Without a name, loads ``$SVPOL_MODEL`` if set, else the trained pipeline in
    ``models/sv_svpol_cnn``, else a rule-based fallback (the svpol tokenizer plus
    the ``svpol.entity_rules`` component where it is available), logging a
    warning that names what was loaded.

    Args:
        name_or_path: a pipeline folder or installed spaCy package name.
        gpu_id: GPU to run on; -1 for CPU.

    Raises:
        ModelError: the pipeline cannot be loaded or the GPU is unavailable.
    """
    if gpu_id >= 0:
        try:
            spacy.require_gpu(gpu_id)
        except Exception as e:  # spaCy/thinc raise ValueError or ImportError-derived errors here
            raise ModelError(f"GPU {gpu_id} is not available: {e}") from e
    if name_or_path is None:
        name_or_path = os.environ.get(ENV_MODEL) or None
    if name_or_path is None:
        if (DEFAULT_MODEL / "config.cfg").exists():
            name_or_path = DEFAULT_MODEL
        else:
            return rule_pipeline()
    path = Path(name_or_path)
    if isinstance(name_or_path, Path) or path.exists() or os.sep in str(name_or_path):
        if not path.exists():
            raise ModelError(f"{path}: no such model folder")
        if not (path / "config.cfg").exists():
            raise ModelError(f"{path}: not a spaCy pipeline folder (no config.cfg)")
    try:
        nlp = spacy.load(name_or_path)
    except (OSError, ValueError, KeyError, ImportError) as e:
        # spaCy reports unknown packages as OSError and bad configs or unknown
        # factories as ValueError/ConfigValidationError (a ValueError).
        raise ModelError(f"{name_or_path}: cannot load pipeline: {e}") from e
    logger.info("loaded pipeline %s (%s)", name_or_path, ", ".join(nlp.pipe_names) or "no components")
    return nlp


def rule_pipeline() -> Language:
    """The fallback pipeline: svpol tokenizer, entity rules and the enrichers that are available.

    Adds, in this order, those of :data:`RULE_COMPONENTS` whose factories exist
    (they live in ``svpol.components``); with none of them it is a blank pipeline.
    """
    nlp = blank()
    importlib.import_module("svpol.components")
    if RULE_COMPONENTS[0] in Language.factories:
        for factory in RULE_COMPONENTS:
            if factory in Language.factories:
                nlp.add_pipe(factory)
        what = "the rule-based pipeline (" + ", ".join(nlp.pipe_names) + ")"
    else:
        what = f"a blank pipeline (tokenizer only: no {RULE_COMPONENTS[0]} component)"
    logger.warning("no trained svpol model found (%s, $%s): using %s", DEFAULT_MODEL, ENV_MODEL, what)
    return nlp


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
