"""The table schema of output records: entity and document columns, and one record's rows.

Shared by the table formats (parquet, csv), the html report and the Hugging Face
dataset columns (:mod:`svpol.hf_datasets`).
"""

from typing import Any, Dict, List, Optional, Sequence, Tuple

import pyarrow as pa

from ..labels import ENTITY_ATTRIBUTES, TOPIC_LABELS

# Attribute columns of the entity table: the union of all labels' attributes, in label order.
ATTRIBUTE_NAMES: Tuple[str, ...] = tuple(dict.fromkeys(a for attrs in ENTITY_ATTRIBUTES.values() for a in attrs))
# Attributes holding numbers, and lists of strings; every other attribute is a string.
NUMERIC_ATTRIBUTES = frozenset({"amount_sek"})
LIST_ATTRIBUTES = frozenset({"members"})
# The csv format writes a list attribute as its items joined with this separator: "S|V|MP".
LIST_SEPARATOR = "|"
TOPIC_PREFIX = "topic_"


def entity_fields() -> List[pa.Field]:
    """The columns of an entity (without ``doc_id``): also the struct of the dataset ``entities`` column."""
    fields = [
        pa.field("start", pa.int64()),
        pa.field("end", pa.int64()),
        pa.field("label", pa.string()),
        pa.field("text", pa.string()),
        pa.field("score", pa.float64()),
    ]
    fields += [pa.field(name, _attribute_type(name)) for name in ATTRIBUTE_NAMES]
    return fields


def _attribute_type(name: str) -> pa.DataType:
    if name in NUMERIC_ATTRIBUTES:
        return pa.float64()
    if name in LIST_ATTRIBUTES:
        return pa.list_(pa.string())
    return pa.string()


def entity_schema() -> pa.Schema:
    """Schema of the entity table."""
    return pa.schema([pa.field("doc_id", pa.string()), *entity_fields()])


def document_schema() -> pa.Schema:
    """Schema of the document table."""
    return pa.schema(
        [
            pa.field("id", pa.string()),
            pa.field("source", pa.string()),
            pa.field("n_entities", pa.int64()),
            *[pa.field(TOPIC_PREFIX + label, pa.float64()) for label in TOPIC_LABELS],
            pa.field("paragraphs", pa.string()),
            pa.field("extras", pa.string()),
            # svpol_structure's record["structure"] as JSON (null without it); the structure tables hold its parts
            pa.field("structure", pa.string()),
        ]
    )


def entity_row(entity: Dict[str, Any]) -> Dict[str, Any]:
    """One entity of an output record as a row of :func:`entity_fields` (absent attributes are None).

    Raises:
        ValueError: a list attribute (``members``) that is not a list.
    """
    row = {f.name: entity.get(f.name) for f in entity_fields()}
    for name in ATTRIBUTE_NAMES:
        value = row[name]
        if value is None:
            continue
        # Components may hand over ints or other scalars; the table column types are fixed.
        if name in NUMERIC_ATTRIBUTES:
            row[name] = float(value)
        elif name in LIST_ATTRIBUTES:
            if not isinstance(value, (list, tuple)):
                raise ValueError(f"entity attribute {name!r} must be a list of strings, not {value!r}")
            row[name] = [str(item) for item in value]
        else:
            row[name] = str(value)
    return row


def join_list(items: Sequence[str]) -> str:
    """A list attribute as one string, as the csv and html formats write it: ``S|V|MP``.

    Raises:
        ValueError: an item holds :data:`LIST_SEPARATOR`, so the string could not be split back.
    """
    bad = [item for item in items if LIST_SEPARATOR in item]
    if bad:
        raise ValueError(f"list items {bad} contain {LIST_SEPARATOR!r}, the csv list separator")
    return LIST_SEPARATOR.join(items)


def split_list(text: str) -> List[str]:
    """The items of a string written by :func:`join_list` (``""`` is the empty list)."""
    return text.split(LIST_SEPARATOR) if text else []


def topic_row(record: Dict[str, Any]) -> Dict[str, Optional[float]]:
    """The record's topic scores for every topic label (None where the pipeline gave none).

    Raises:
        ValueError: the record has a topic that is not in ``labels.TOPIC_LABELS``.
    """
    topics = record.get("topics") or {}
    unknown = set(topics) - set(TOPIC_LABELS)
    if unknown:
        raise ValueError(
            f"{record.get('id')}: topics {sorted(unknown)} are not svpol topic labels; "
            "the table formats have one column per label of svpol.labels.TOPIC_LABELS"
        )
    return {label: (None if topics.get(label) is None else float(topics[label])) for label in TOPIC_LABELS}


def record_extras(record: Dict[str, Any]) -> Dict[str, Any]:
    """The fields of an output record passed through from its input (those :mod:`svpol.export` does not write)."""
    from ..export import RESERVED_KEYS

    return {k: v for k, v in record.items() if k not in RESERVED_KEYS}
