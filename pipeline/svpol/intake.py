"""Reading input: files and folders of .txt, .pdf and .jsonl into records.

``iter_records`` yields a :class:`Record` for every document and an
:class:`InputError` for every input that cannot be used, so that one bad file
never stops a batch and is never silently dropped.

Decoding (:func:`decode`): text is UTF-8. A few invalid bytes in otherwise
UTF-8 text (a stray byte pasted into a protocol) are each replaced by U+FFFD
and reported per line, ``PATH:LINE: invalid UTF-8 byte replaced``; only text
that is not UTF-8 at all (more invalid bytes than valid non-ASCII UTF-8 bytes:
a cp1252 file) is decoded whole as cp1252 (or latin-1). Both are warnings on
the ``svpol.intake`` logger. Offsets index the text as decoded.

This module knows nothing of spaCy.
"""

import codecs
import json
import logging
import os
import threading
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
        line: the line of a .jsonl record (None for .txt and .pdf).
    """

    id: str
    source: str
    raw: str
    extras: Dict[str, Any] = field(default_factory=dict)
    line: Optional[int] = None


@dataclass
class InputError:
    """An input that could not be read: a file, or one line of a .jsonl file."""

    path: str
    line: Optional[int]
    reason: str

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.reason}"


def iter_records(paths: Iterable[Union[str, Path]], *, quiet: bool = False) -> Iterator[Union[Record, InputError]]:
    """Yield the records of files and folders, and an error for each unusable input.

    Folders are searched recursively (hidden files and folders are skipped) and
    their files read in sorted order; the paths themselves in the order given.
    Files must end in .txt, .pdf or .jsonl.

    Args:
        paths: files and folders.
        quiet: log no decoding warnings (for a second read of the same files).
    """
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = input_files(path)
            if not files:
                yield InputError(str(path), None, "folder holds no files")
            for file in files:
                yield from _read_file(file, quiet)
        elif path.exists():
            yield from _read_file(path, quiet)
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


def _read_file(path: Path, quiet: bool = False) -> Iterator[Union[Record, InputError]]:
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield InputError(str(path), None, f"unsupported file type (expected {', '.join(SUFFIXES)})")
        return
    try:
        if suffix == ".jsonl":
            yield from _read_jsonl(path, quiet)
        elif suffix == ".pdf":
            yield _read_pdf(path)
        else:
            yield _read_txt(path, quiet)
    except OSError as e:
        yield InputError(str(path), None, f"cannot read: {e.strerror or e}")


def _looks_binary(data: bytes) -> bool:
    sample = data[:_SNIFF_BYTES]
    if b"\x00" in sample:
        return True
    controls = sum(sample.count(b) for b in _CONTROL_BYTES)
    return controls > len(sample) / 100


# Byte ranges that the UTF-8 decoder could not decode, collected by the "svpol-replace" error handler.
_BAD_SPANS = threading.local()
# Lines of a .txt file reported one by one before the rest are summed up in one line.
MAX_REPORTED_LINES = 20


def _replace_and_record(exc: UnicodeError) -> Tuple[str, int]:
    # The same replacement as errors="replace" (one U+FFFD per invalid sequence), remembering where.
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    _BAD_SPANS.spans.append((exc.start, exc.end))
    return "\ufffd", exc.end


codecs.register_error("svpol-replace", _replace_and_record)


def decode(data: bytes, where: str, *, quiet: bool = False, by_line: bool = False) -> Tuple[str, str]:
    """Decode bytes as UTF-8; replace a few invalid bytes, or fall back to cp1252 when it is not UTF-8 at all.

    Text whose invalid bytes are fewer than its valid non-ASCII UTF-8 bytes is
    UTF-8 with stray bytes: each invalid sequence becomes U+FFFD and a warning
    ``WHERE[:LINE]: invalid UTF-8 byte replaced`` is logged per line (the first
    :data:`MAX_REPORTED_LINES` lines, then one line with the count of the rest).
    Anything else (a cp1252 file: nearly every non-ASCII byte is invalid) is
    decoded as cp1252, or latin-1 for bytes cp1252 leaves undefined, with one warning.

    Args:
        data: the bytes.
        where: ``PATH[:LINE]`` for the warnings.
        quiet: log nothing (a second read of the same input).
        by_line: name the line of each stray byte (``WHERE:LINE``); for whole files.

    Returns:
        The text and the encoding used (``utf-8``, ``utf-8 (bytes replaced)``, ``cp1252`` or ``latin-1``).
    """
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    _BAD_SPANS.spans = []
    try:
        text = data.decode("utf-8", errors="svpol-replace")
        spans = _BAD_SPANS.spans
    finally:
        _BAD_SPANS.spans = []
    invalid = sum(end - start for start, end in spans)
    non_ascii = len(data) - len(data.translate(None, bytes(range(128, 256))))
    if invalid < non_ascii - invalid:
        if not quiet:
            _report_replaced(data, spans, where, by_line)
        return text, "utf-8 (bytes replaced)"
    try:
        text, encoding = data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:  # bytes cp1252 leaves undefined; latin-1 decodes anything
        text, encoding = data.decode("latin-1"), "latin-1"
    if not quiet:
        logger.warning("%s: not valid UTF-8, decoded as %s", where, encoding)
    return text, encoding


def _report_replaced(data: bytes, spans: List[Tuple[int, int]], where: str, by_line: bool) -> None:
    """Log one warning per line holding invalid bytes (the first MAX_REPORTED_LINES lines, then a count)."""
    if not by_line:
        logger.warning("%s: invalid UTF-8 byte replaced", where)
        return
    lines: List[int] = []
    line, pos = 1, 0
    for start, _ in spans:
        line += data.count(b"\n", pos, start)
        pos = start
        if not lines or lines[-1] != line:
            lines.append(line)
    for line in lines[:MAX_REPORTED_LINES]:
        logger.warning("%s:%d: invalid UTF-8 byte replaced", where, line)
    if len(lines) > MAX_REPORTED_LINES:
        logger.warning("%s: %d more lines with invalid UTF-8 bytes replaced", where, len(lines) - MAX_REPORTED_LINES)


def _read_txt(path: Path, quiet: bool = False) -> Union[Record, InputError]:
    data = path.read_bytes()
    if not data.strip():
        return InputError(str(path), None, "empty file")
    if _looks_binary(data):
        return InputError(str(path), None, "binary file, not text")
    text, _ = decode(data, str(path), quiet=quiet, by_line=True)
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


def _read_jsonl(path: Path, quiet: bool = False) -> Iterator[Union[Record, InputError]]:
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
            text, _ = decode(line, where, quiet=quiet)
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
            yield Record(id=where if rid is None else str(rid), source=source, raw=raw, extras=extras, line=lineno)
    if not seen_content:
        yield InputError(source, None, "empty file")
