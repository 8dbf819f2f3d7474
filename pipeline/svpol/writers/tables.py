"""The table formats, parquet and csv: an ``entities`` and a ``documents`` table in a folder (pyarrow)."""

import json
import os
import shutil
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple, Union

import pyarrow as pa

from .base import FolderWriter, State
from .files import fsync_dir, truncate, write_atomic
from .formats import PART, format_of, remove_working_files, working_files
from .schema import (
    LIST_ATTRIBUTES,
    TOPIC_PREFIX,
    document_schema,
    entity_row,
    entity_schema,
    join_list,
    record_extras,
    split_list,
    topic_row,
)

# The two tables of the parquet and csv formats, in this order.
TABLES = ("entities", "documents")


def _csv_schema(schema: pa.Schema) -> pa.Schema:
    """``schema`` with its list columns as strings: the columns of a csv file."""
    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_list(f.type) else f for f in schema])


def _map_lists(table: pa.Table, schema: pa.Schema, convert: Any) -> pa.Table:
    """``table`` with ``convert`` applied to each non-null value of its list columns, cast to ``schema``."""
    for i, field in enumerate(table.schema):
        if field.name in LIST_ATTRIBUTES:
            values = [None if v is None else convert(v) for v in table.column(i).to_pylist()]
            table = table.set_column(i, schema.field(field.name), pa.array(values, schema.field(field.name).type))
    return table


def record_tables(records: Sequence[Dict[str, Any]]) -> Tuple[pa.Table, pa.Table]:
    """The entity table and the document table of output records."""
    ent_cols: Dict[str, List[Any]] = {f.name: [] for f in entity_schema()}
    doc_cols: Dict[str, List[Any]] = {f.name: [] for f in document_schema()}
    for record in records:
        for entity in record["entities"]:
            ent_cols["doc_id"].append(record["id"])
            for name, value in entity_row(entity).items():
                ent_cols[name].append(value)
        doc_cols["id"].append(record["id"])
        doc_cols["source"].append(record.get("source"))
        doc_cols["n_entities"].append(len(record["entities"]))
        for label, score in topic_row(record).items():
            doc_cols[TOPIC_PREFIX + label].append(score)
        doc_cols["paragraphs"].append(json.dumps(record.get("paragraphs", []), ensure_ascii=False))
        extras = record_extras(record)
        doc_cols["extras"].append(json.dumps(extras, ensure_ascii=False) if extras else None)
    return (
        pa.Table.from_pydict(ent_cols, schema=entity_schema()),
        pa.Table.from_pydict(doc_cols, schema=document_schema()),
    )


def read_tables(path: Union[str, Path], fmt: Optional[str] = None) -> Dict[str, pa.Table]:
    """Read the ``entities`` and ``documents`` tables of a parquet or csv output folder.

    Args:
        path: the output folder.
        fmt: ``parquet`` or ``csv``; default from the suffix.
    """
    fmt = format_of(path, fmt)
    path = Path(path)
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return {name: pq.read_table(path / f"{name}.parquet") for name in TABLES}
    if fmt == "csv":
        import pyarrow.csv as pcsv

        out = {}
        for name, schema in zip(TABLES, (entity_schema(), document_schema())):
            convert = pcsv.ConvertOptions(
                column_types=_csv_schema(schema), strings_can_be_null=True, quoted_strings_can_be_null=False
            )
            table = pcsv.read_csv(path / f"{name}.csv", convert_options=convert)
            out[name] = _map_lists(table, schema, split_list)
        return out
    raise ValueError(f"{path}: read_tables reads parquet or csv output, not {fmt}")


class CsvWriter(FolderWriter):
    """Writes ``entities.csv`` and ``documents.csv`` (with a header) by appending at each commit."""

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        super().__init__(path)
        for name in TABLES:
            file = self.folder / f"{name}.csv"
            if state:
                truncate(file, state[name])
            else:
                file.write_bytes(b"")

    def commit(self) -> State:
        """Append the buffered records to both tables and fsync; the state is the files' sizes."""
        import pyarrow.csv as pcsv

        state = {}
        for name, table in zip(TABLES, record_tables(self._buffer)):
            table = _map_lists(table, _csv_schema(table.schema), join_list)
            file = self.folder / f"{name}.csv"
            with open(file, "ab") as f:
                # An empty commit still writes the header of a new file.
                if table.num_rows or f.tell() == 0:
                    sink = pa.BufferOutputStream()
                    pcsv.write_csv(table, sink, pcsv.WriteOptions(include_header=f.tell() == 0))
                    f.write(sink.getvalue().to_pybytes())
                    f.flush()
                    os.fsync(f.fileno())
                state[name] = f.tell()
        self._buffer = []
        return state


class ParquetWriter(FolderWriter):
    """Writes ``entities.parquet`` and ``documents.parquet``.

    Each commit writes one part file per table (``.parts/<table>/part-NNNNNN.parquet``,
    whole or absent); :meth:`finish` streams the parts into the two files, one
    row group per part, and :meth:`cleanup` removes the parts.
    """

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        super().__init__(path)
        self._parts_dir = working_files(path, "parquet")[0]
        self._parts = state["parts"] if state else 0
        for name in TABLES:
            # A run that died after its last commit may have left later parts or a finished file.
            (self.folder / f"{name}.parquet").unlink(missing_ok=True)
            table_dir = self._parts_dir / name
            if not state and table_dir.exists():
                shutil.rmtree(table_dir)
            table_dir.mkdir(parents=True, exist_ok=True)
            for part in table_dir.iterdir():
                if not part.name.endswith(".parquet") or int(part.name[5:11]) >= self._parts:
                    part.unlink()
            missing = [i for i in range(self._parts) if not self._part(name, i).exists()]
            if missing:
                raise ValueError(f"{table_dir}: part {missing[0]} of the checkpoint is missing")

    def _part(self, table: str, index: int) -> Path:
        return self._parts_dir / table / (PART.format(index) + ".parquet")

    def commit(self) -> State:
        """Write the buffered records as one new part per table; the state is the number of parts."""
        import pyarrow.parquet as pq

        if self._buffer:
            for name, table in zip(TABLES, record_tables(self._buffer)):
                sink = pa.BufferOutputStream()
                pq.write_table(table, sink)
                write_atomic(self._part(name, self._parts), sink.getvalue().to_pybytes())
                fsync_dir(self._part(name, self._parts).parent)
            self._parts += 1
            self._buffer = []
        return {"parts": self._parts}

    def finish(self) -> None:
        """Commit, then stream the parts of each table into one Parquet file."""
        import pyarrow.parquet as pq

        self.commit()
        for name, schema in zip(TABLES, (entity_schema(), document_schema())):
            final = self.folder / f"{name}.parquet"
            tmp = final.with_name(final.name + ".tmp")
            with pq.ParquetWriter(tmp, schema) as out:
                for i in range(self._parts):
                    out.write_table(pq.read_table(self._part(name, i), schema=schema))
            with open(tmp, "rb") as f:
                os.fsync(f.fileno())
            os.replace(tmp, final)
        fsync_dir(self.folder)

    def cleanup(self) -> None:
        """Remove the part files."""
        remove_working_files(self.path, "parquet")
