"""The output formats: their names and suffixes, which need raw text or are folders, and their working files."""

import shutil
from pathlib import Path
from typing import List, Optional, Union

# In the order of --format's help; svpol.writers.open_writer has a writer for each.
FORMATS = ("jsonl", "parquet", "csv", "spacy", "html")
_SUFFIXES = {f".{fmt}": fmt for fmt in FORMATS}
# Formats whose writers need each record's raw text (the CLI adds it as "text").
NEEDS_TEXT = frozenset({"spacy", "html"})
# Formats written as a folder rather than a file.
FOLDER_FORMATS = frozenset({"parquet", "csv", "html"})
# Name of the part files that the parquet and spacy writers commit: part-NNNNNN.
PART = "part-{:06d}"


def working_files(path: Union[str, Path], fmt: str) -> List[Path]:
    """Files and folders a writer keeps only while it works (parts, index rows)."""
    if fmt == "parquet":
        return [Path(path) / ".parts"]
    if fmt == "spacy":
        return [Path(str(path) + ".parts")]
    if fmt == "html":
        return [Path(path) / ".index.jsonl"]
    return []


def remove_working_files(path: Union[str, Path], fmt: str) -> None:
    """Remove the working files of a ``fmt`` output at ``path`` (safe to repeat)."""
    for work in working_files(path, fmt):
        if work.is_dir():
            shutil.rmtree(work)
        else:
            work.unlink(missing_ok=True)


def format_of(path: Union[str, Path], fmt: Optional[str] = None) -> str:
    """The output format for ``path``: ``fmt`` if given, else from the suffix (``-`` is JSON lines).

    Raises:
        ValueError: unknown format or suffix.
    """
    if fmt is not None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown output format {fmt!r} (known: {', '.join(FORMATS)})")
        if str(path) == "-" and fmt != "jsonl":
            raise ValueError(f"only jsonl can be written to standard output, not {fmt}")
        return fmt
    if str(path) == "-":
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ValueError(
            f"{path}: cannot tell the output format from the suffix (known: {', '.join(_SUFFIXES)}); use --format"
        )
    return _SUFFIXES[suffix]
