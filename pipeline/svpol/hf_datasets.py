"""Annotating Hugging Face datasets: :func:`annotate_dataset` adds entity and topic columns.

The ``entities`` column is a list of structs with the columns of the entity
table (:func:`svpol.writers.entity_fields`: start, end, label, text, score and
the entity attributes, offsets into the row's text), and ``topics`` a struct of
one score per topic label (null where the pipeline has no topic classifier).
``num_proc`` runs ``Dataset.map`` in that many processes, each with its own copy
of the pipeline.

``datasets`` is imported here only: ``import svpol`` does not need it.
"""

import logging
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

from spacy.language import Language

from .about import __version__
from .annotate import MAX_CHARS, annotate_records
from .engines import model_info
from .intake import Record
from .labels import TOPIC_LABELS
from .writers.schema import entity_fields, entity_row, topic_row

logger = logging.getLogger(__name__)

DatasetLike = Any  # datasets.Dataset | datasets.DatasetDict | a path


def annotation_features() -> Any:
    """The ``datasets.Features`` of the ``entities`` and ``topics`` columns."""
    import datasets
    import pyarrow as pa

    schema = pa.schema(
        [
            pa.field("entities", pa.list_(pa.struct(entity_fields()))),
            pa.field("topics", pa.struct([pa.field(label, pa.float64()) for label in TOPIC_LABELS])),
        ]
    )
    return datasets.Features.from_arrow_schema(schema)


def load_dataset_input(path: Union[str, Path]) -> Any:
    """Open a dataset from a ``save_to_disk`` folder, a Parquet file or a folder of Parquet files.

    Raises:
        ValueError: the path is none of these.
    """
    import datasets

    path = Path(path)
    if path.is_dir():
        if any((path / name).exists() for name in ("dataset_info.json", "state.json", "dataset_dict.json")):
            return datasets.load_from_disk(str(path))
        parquet = sorted(str(p) for p in path.glob("*.parquet"))
        if parquet:
            return datasets.Dataset.from_parquet(parquet)
        raise ValueError(f"{path}: neither a dataset saved with save_to_disk nor a folder of .parquet files")
    if path.suffix.lower() == ".parquet" and path.is_file():
        return datasets.Dataset.from_parquet(str(path))
    if not path.exists():
        raise ValueError(f"{path}: no such file or folder")
    raise ValueError(f"{path}: not a dataset (expected a save_to_disk folder or .parquet)")


class _Annotator:
    """The function ``Dataset.map`` runs on batches of rows (picklable, pipeline included)."""

    def __init__(
        self,
        nlp: Language,
        text_column: str,
        entities_column: str,
        topics_column: str,
        batch_size: int,
        max_chars: int,
    ) -> None:
        self.nlp = nlp
        self.text_column = text_column
        self.entities_column = entities_column
        self.topics_column = topics_column
        self.batch_size = batch_size
        self.max_chars = max_chars

    def __call__(self, batch: Dict[str, List[Any]], indices: List[int]) -> Dict[str, List[Any]]:
        texts = batch[self.text_column]
        usable = [i for i, text in enumerate(texts) if isinstance(text, str) and text.strip()]
        records = [Record(id=str(indices[i]), source="", raw=texts[i]) for i in usable]
        outs = annotate_records(records, self.nlp, batch_size=self.batch_size, max_chars=self.max_chars)
        entities: List[Any] = [[] for _ in texts]
        topics: List[Any] = [None for _ in texts]
        for i, out in zip(usable, outs):
            entities[i] = [entity_row(e) for e in out["entities"]]
            scores = topic_row(out)
            topics[i] = scores if any(v is not None for v in scores.values()) else None
        return {self.entities_column: entities, self.topics_column: topics}


def _missing_texts(dataset: Any, text_column: str) -> int:
    """Rows whose text is null or blank, counted with Arrow (no Python loop over the rows)."""
    import pyarrow.compute as pc

    column = dataset.data.column(text_column)
    blank = pc.sum(pc.match_substring_regex(column, r"^\s*$")).as_py() or 0
    return column.null_count + blank


def annotate_dataset(
    dataset: DatasetLike,
    *,
    nlp: Optional[Language] = None,
    model: Optional[str] = None,
    text_column: str = "text",
    num_proc: Optional[int] = None,
    batch_size: int = 32,
    max_chars: int = MAX_CHARS,
    entities_column: str = "entities",
    topics_column: str = "topics",
) -> Any:
    """Annotate a Hugging Face dataset, adding an entity column and a topic column.

    Args:
        dataset: a ``datasets.Dataset`` or ``DatasetDict`` (every split is
            annotated), or the path of a ``save_to_disk`` folder or Parquet data.
        nlp: the pipeline; default ``svpol.load(model)``.
        model: the pipeline to load when ``nlp`` is not given.
        text_column: the column holding the texts.
        num_proc: processes for ``Dataset.map`` (None: this process only).
        batch_size: rows per ``map`` batch and texts per ``nlp.pipe`` batch.
        max_chars: the longest text given to the model in one piece.
        entities_column: name of the new entity column.
        topics_column: name of the new topic column.

    Returns:
        The dataset (or dataset dict) with the two new columns. Rows whose text
        is null or blank get no entities and null topics, with a warning.

    Raises:
        ValueError: no such text column, the new columns exist already, or bad options.
        TypeError: ``dataset`` is not a dataset or a path.
    """
    import datasets
    from datasets.fingerprint import Hasher

    if isinstance(dataset, (str, Path)):
        dataset = load_dataset_input(dataset)
    if isinstance(dataset, datasets.DatasetDict):
        options = dict(
            nlp=nlp, model=model, text_column=text_column, num_proc=num_proc,
            batch_size=batch_size, max_chars=max_chars, entities_column=entities_column, topics_column=topics_column,
        )
        if nlp is None:
            from .loading import load

            options["nlp"] = load(model)
        return datasets.DatasetDict({split: annotate_dataset(ds, **options) for split, ds in dataset.items()})
    if not isinstance(dataset, datasets.Dataset):
        raise TypeError(f"expected a datasets.Dataset, DatasetDict or a path, got {type(dataset).__name__}")
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    if num_proc is not None and num_proc < 1:
        raise ValueError(f"num_proc must be at least 1, got {num_proc}")
    columns = dataset.column_names
    if text_column not in columns:
        raise ValueError(f"the dataset has no column {text_column!r} (columns: {', '.join(columns)})")
    for name in (entities_column, topics_column):
        if name in columns:
            raise ValueError(f"the dataset already has a column {name!r}; choose another with entities_column/topics_column")
    if dataset.features[text_column] != datasets.Value("string") and dataset.features[text_column] != datasets.Value("large_string"):
        raise ValueError(f"column {text_column!r} holds {dataset.features[text_column]}, not strings")
    if nlp is None:
        from .loading import load

        nlp = load(model)
    missing = _missing_texts(dataset, text_column)
    if missing:
        logger.warning("%d rows have no text in column %r: no entities, null topics", missing, text_column)
    new = annotation_features()
    features = dataset.features.copy()
    features[entities_column] = new["entities"]
    features[topics_column] = new["topics"]
    annotator = _Annotator(nlp, text_column, entities_column, topics_column, batch_size, max_chars)
    # A pipeline does not hash reproducibly (and hashing a large one is slow), so the
    # fingerprint is built from what names the result, and cached results are never
    # reused: two pipelines may share a name.
    fingerprint = Hasher.hash(
        [dataset._fingerprint, __version__, model_info(nlp, model), text_column, entities_column, topics_column, max_chars]
    )
    return dataset.map(
        annotator,
        batched=True,
        batch_size=batch_size,
        with_indices=True,
        num_proc=num_proc,
        features=features,
        new_fingerprint=fingerprint,
        load_from_cache_file=False,
        desc="svpol",
    )
