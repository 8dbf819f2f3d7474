"""The table formats, parquet and csv: an ``entities`` and a ``documents`` table in a folder (pyarrow),
and the structure tables (:mod:`.structure_tables`) when the records carry ``svpol_structure``'s ``structure``."""

import json
import os
import shutil
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Union

import pyarrow as pa

from .base import FolderWriter, State
from .files import fsync_dir, truncate, write_atomic
from .formats import PART, format_of, remove_working_files, working_files
from .schema import (
    TOPIC_PREFIX,
    document_schema,
    entity_row,
    entity_schema,
    join_list,
    record_extras,
    split_list,
    topic_row,
)
from .structure_tables import STRUCTURE_TABLES, structure_rows, structure_schema

# The two tables of the parquet and csv formats, in this order; the structure tables follow where written.
TABLES = ("entities", "documents")


def table_schema(name: str) -> pa.Schema:
    """Schema of the table ``name``: one of :data:`TABLES` or :data:`STRUCTURE_TABLES`."""
    if name == "entities":
        return entity_schema()
    if name == "documents":
        return document_schema()
    return structure_schema(name)


def _csv_schema(schema: pa.Schema) -> pa.Schema:
    """``schema`` with its list columns as strings: the columns of a csv file."""
    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_list(f.type) else f for f in schema])


def _lists_to_csv(table: pa.Table) -> pa.Table:
    """``table`` with each list value joined into one string (:func:`join_list`), as the csv file holds it."""
    for i, field in enumerate(table.schema):
        if pa.types.is_list(field.type):
            values = [None if v is None else join_list([str(x) for x in v]) for v in table.column(i).to_pylist()]
            table = table.set_column(i, pa.field(field.name, pa.string()), pa.array(values, pa.string()))
    return table


def _lists_from_csv(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """A table read from csv with its joined strings split back into the lists of ``schema``."""
    for i, field in enumerate(schema):
        if pa.types.is_list(field.type):
            values = [None if v is None else split_list(v) for v in table.column(i).to_pylist()]
            table = table.set_column(i, field, pa.array(values, pa.list_(pa.string())).cast(field.type))
    return table


def record_tables(records: Sequence[Dict[str, Any]]) -> Dict[str, pa.Table]:
    """Every table of output records: entities, documents and the structure tables (empty without structure)."""
    cols: Dict[str, Dict[str, List[Any]]] = {
        name: {f.name: [] for f in table_schema(name)} for name in TABLES + STRUCTURE_TABLES
    }
    ent_cols, doc_cols = cols["entities"], cols["documents"]
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
        structure = record.get("structure")
        doc_cols["structure"].append(None if structure is None else json.dumps(structure, ensure_ascii=False))
        for name, rows in structure_rows(record).items():
            for row in rows:
                for column, values in cols[name].items():
                    values.append(row.get(column))
    return {name: pa.Table.from_pydict(columns, schema=table_schema(name)) for name, columns in cols.items()}


def _has_structure(records: Sequence[Dict[str, Any]]) -> bool:
    return any(record.get("structure") is not None for record in records)


def read_tables(path: Union[str, Path], fmt: Optional[str] = None) -> Dict[str, pa.Table]:
    """Read the tables of a parquet or csv output folder: ``entities``, ``documents`` and, where written,
    the structure tables.

    Args:
        path: the output folder.
        fmt: ``parquet`` or ``csv``; default from the suffix.
    """
    fmt = format_of(path, fmt)
    path = Path(path)
    if fmt not in ("parquet", "csv"):
        raise ValueError(f"{path}: read_tables reads parquet or csv output, not {fmt}")
    names = TABLES + tuple(name for name in STRUCTURE_TABLES if (path / f"{name}.{fmt}").exists())
    if fmt == "parquet":
        import pyarrow.parquet as pq

        return {name: pq.read_table(path / f"{name}.parquet") for name in names}
    import pyarrow.csv as pcsv

    out = {}
    for name in names:
        schema = table_schema(name)
        convert = pcsv.ConvertOptions(
            column_types=_csv_schema(schema), strings_can_be_null=True, quoted_strings_can_be_null=False
        )
        out[name] = _lists_from_csv(pcsv.read_csv(path / f"{name}.csv", convert_options=convert), schema)
    return out


class CsvWriter(FolderWriter):
    """Writes one csv file per table (with a header) by appending at each commit.

    The structure tables are written along while working; :meth:`finish` removes them
    when no record carried a ``structure``.
    """

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        super().__init__(path)
        self._structure = bool(state and state.get("structure"))
        for name in TABLES + STRUCTURE_TABLES:
            file = self.folder / f"{name}.csv"
            if state:
                truncate(file, state[name])
            else:
                file.write_bytes(b"")

    def commit(self) -> State:
        """Append the buffered records to every table and fsync; the state is the files' sizes."""
        import pyarrow.csv as pcsv

        self._structure = self._structure or _has_structure(self._buffer)
        state: State = {"structure": self._structure}
        for name, table in record_tables(self._buffer).items():
            table = _lists_to_csv(table)
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

    def finish(self) -> None:
        """Commit, then remove the structure tables if no record carried a structure."""
        self.commit()
        if not self._structure:
            for name in STRUCTURE_TABLES:
                (self.folder / f"{name}.csv").unlink(missing_ok=True)
            fsync_dir(self.folder)


class ParquetWriter(FolderWriter):
    """Writes ``entities.parquet``, ``documents.parquet`` and, if any record carried a ``structure``,
    the structure tables.

    Each commit writes one part file per table (``.parts/<table>/part-NNNNNN.parquet``,
    whole or absent); :meth:`finish` streams the parts into one file per table, one
    row group per part, and :meth:`cleanup` removes the parts.
    """

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        super().__init__(path)
        self._parts_dir = working_files(path, "parquet")[0]
        self._parts = state["parts"] if state else 0
        self._structure = bool(state and state.get("structure"))
        for name in TABLES + STRUCTURE_TABLES:
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
            self._structure = self._structure or _has_structure(self._buffer)
            for name, table in record_tables(self._buffer).items():
                sink = pa.BufferOutputStream()
                pq.write_table(table, sink)
                write_atomic(self._part(name, self._parts), sink.getvalue().to_pybytes())
                fsync_dir(self._part(name, self._parts).parent)
            self._parts += 1
            self._buffer = []
        return {"parts": self._parts, "structure": self._structure}

    def finish(self) -> None:
        """Commit, then stream the parts of each table into one Parquet file."""
        import pyarrow.parquet as pq

        self.commit()
        for name in TABLES + (STRUCTURE_TABLES if self._structure else ()):
            schema = table_schema(name)
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
