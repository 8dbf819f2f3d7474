"""Reading input: files and folders of .txt, .pdf and .jsonl into records.

``iter_records`` yields a :class:`Record` for every document and an
:class:`InputError` for every input that cannot be used, so that one bad file
never stops a batch and is never silently dropped. Text that is not valid UTF-8
is decoded as cp1252 (or latin-1) and a warning is logged on the
``svpol.intake`` logger.

This module knows nothing of spaCy.
"""

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, Iterator, List, Optional, Tuple, Union

logger = logging.getLogger(__name__)

SUFFIXES = (".txt", ".pdf", ".jsonl")
# Bytes that do not occur in text: C0 controls other than tab, line feed, vertical tab,
# form feed and carriage return. A NUL or more than 1% of these means binary.
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13))
_SNIFF_BYTES = 8192


@dataclass
class Record:
    """One document to annotate.

    Attributes:
        id: the record's ``id`` for .jsonl input, else the file path (with
            ``:LINE`` for a .jsonl record without an id).
        source: the path of the file it was read from.
        raw: the text exactly as decoded; output offsets refer to it.
        extras: other fields of a .jsonl record, passed through to the output.
    """

    id: str
    source: str
    raw: str
    extras: Dict[str, Any] = field(default_factory=dict)


@dataclass
class InputError:
    """An input that could not be read: a file, or one line of a .jsonl file."""

    path: str
    line: Optional[int]
    reason: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


def iter_records(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Record, InputError]]:
    """Yield the records of files and folders, and an error for each unusable input.

    Folders are searched recursively (hidden files and folders are skipped) and
    their files read in sorted order; the paths themselves in the order given.
    Files must end in .txt, .pdf or .jsonl.

    Args:
        paths: files and folders.
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = input_files(path)
            if not files:
                yield InputError(str(path), None, "folder holds no files")
            for file in files:
                yield from _read_file(file)
        elif path.exists():
            yield from _read_file(path)
        else:
            yield InputError(str(path), None, "no such file or folder")


def input_files(path: Union[str, Path]) -> List[Path]:
    """The files read for one input path, in the order :func:`iter_records` reads them.

    A folder gives its files, searched recursively and sorted, skipping hidden
    files and folders (names starting with ``.``); any other path gives itself,
    whether or not it exists (:func:`iter_records` reports a missing one).

    Args:
        path: a file or folder.
    """
    path = Path(path)
    if not path.is_dir():
        return [path]
    files = []
    for root, dirs, names in os.walk(path):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files.extend(Path(root, name) for name in names if not name.startswith("."))
    return sorted(files)


def _read_file(path: Path) -> Iterator[Union[Record, InputError]]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(str(path), None, f"unsupported file type (expected {', '.join(SUFFIXES)})")
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path)
        elif suffix == ".pdf":
            yield _read_pdf(path)
        else:
            yield _read_txt(path)
    except OSError as e:
        yield InputError(str(path), None, f"cannot read: {e.strerror or e}")


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    return controls > len(sample) / 100


def decode(data: bytes, where: str) -> Tuple[str, str]:
    """Decode bytes as UTF-8, falling back to cp1252 and then latin-1 with a logged warning.

    Args:
        data: the bytes.
        where: ``PATH[:LINE]`` for the warning.

    Returns:
        The text and the encoding used.
    """
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined; latin-1 decodes anything
        text, encoding = data.decode("latin-1"), "latin-1"
    logger.warning("%s: not valid UTF-8, decoded as %s", where, encoding)
    return text, encoding


def _read_txt(path: Path) -> Union[Record, InputError]:
    data = path.read_bytes()
    if not data.strip():
        return InputError(str(path), None, "empty file")
    if _looks_binary(data):
        return InputError(str(path), None, "binary file, not text")
    text, _ = decode(data, str(path))
    return Record(id=str(path), source=str(path), raw=text)


def _read_pdf(path: Path) -> Union[Record, InputError]:
    # Imported here: pypdf is only needed for PDFs.
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    if path.stat().st_size == 0:
        return InputError(str(path), None, "empty file")
    # pypdf logs a warning for every quirk of a damaged file; the one line of the
    # InputError says what matters, so its warnings are muted while reading.
    pypdf_logger = logging.getLogger("pypdf")
    level = pypdf_logger.level
    pypdf_logger.setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            return InputError(str(path), None, "encrypted PDF")
        # Pages are joined by a blank line: a page break ends a paragraph, while a
        # word hyphenated across pages is still joined by text.normalize.
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as e:
        # pypdf raises a range of exception types on damaged files.
        return InputError(str(path), None, f"not a readable PDF: {e or type(e).__name__}")
    finally:
        pypdf_logger.setLevel(level)
    text = "\n\n".join(page.strip("\n") for page in pages)
    if not text.strip():
        return InputError(str(path), None, "PDF has no text layer (scanned? run OCR first)")
    return Record(id=str(path), source=str(path), raw=text)


def _read_jsonl(path: Path) -> Iterator[Union[Record, InputError]]:
    source = str(path)
    seen_content = False
    with path.open("rb") as f:
        if _looks_binary(f.read(_SNIFF_BYTES)):
            yield InputError(source, None, "binary file, not JSON lines")
            return
        f.seek(0)
        for lineno, line in enumerate(f, start=1):
            if not line.strip():
                continue
            seen_content = True
            where = f"{source}:{lineno}"
            text, _ = decode(line, where)
            try:
                obj = json.loads(text)
            except json.JSONDecodeError as e:
                yield InputError(source, lineno, f"malformed JSON: {e.msg} (column {e.colno})")
                continue
            if not isinstance(obj, dict):
                yield InputError(source, lineno, f"expected a JSON object, got {type(obj).__name__}")
                continue
            raw = obj.get("text")
            if not isinstance(raw, str):
                reason = "record has no 'text' field" if raw is None else "'text' is not a string"
                yield InputError(source, lineno, reason)
                continue
            if not raw.strip():
                yield InputError(source, lineno, "empty 'text'")
                continue
            rid = obj.get("id")
            extras = {k: v for k, v in obj.items() if k not in ("id", "text")}
            yield Record(id=where if rid is None else str(rid), source=source, raw=raw, extras=extras)
    if not seen_content:
        yield InputError(source, None, "empty file")
