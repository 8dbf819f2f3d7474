"""The inputs of a job scanned before anything is written: their files, fingerprints and document ids.

Document ids are unique in an output (they key the tables of the parquet and
csv formats): every input is scanned (and hashed), and a job whose inputs share
an id (``1`` and ``"1"`` are the same id) is refused with both places named
(:class:`~svpol.jobs.errors.DuplicateIdError`), unless ``dedupe=True``, which
keeps the first and skips the others with a warning. An input file given twice
(``a.txt a.txt``, or a file and its folder) is read once.
"""

import hashlib
import logging
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, Iterator, List, Optional, Sequence, Set, Tuple, Union

from ..intake import SUFFIXES, InputError, Record, input_files, iter_records
from .errors import DuplicateIdError

logger = logging.getLogger(__name__)

# Duplicate ids named in the error, at most.
MAX_DUPLICATES_NAMED = 5


@dataclass
class Scanned:
    """An input file as scanned before the job: its fingerprint, its documents, and the records to skip."""

    key: str
    size: Optional[int]
    sha256: Optional[str]
    documents: int = 0
    # Lines of a .jsonl file whose record repeats an earlier id (dedupe); None in it: the whole file.
    skip: Set[Optional[int]] = field(default_factory=set)
    # Some skipped record's first occurrence is in another file: its records depend on other inputs.
    depends: bool = False


@dataclass
class Scan:
    """Every input file scanned (by resolved path), the duplicate ids found, and the files given more than once."""

    files: Dict[str, Scanned] = field(default_factory=dict)
    duplicates: List[Tuple[str, str, str]] = field(default_factory=list)  # (id, first, again)
    repeated: List[str] = field(default_factory=list)


def unique_input_files(paths: Iterable[Union[str, Path]]) -> Iterator[Union[Path, InputError]]:
    """The files of the inputs, in the order :func:`svpol.intake.iter_records` reads them, each file once."""
    seen: Set[str] = set()
    for path in paths:
        files = input_files(path)
        if not files:
            # Let intake name the problem (an empty folder) in its own words.
            yield from (item for item in iter_records([path]) if isinstance(item, InputError))
        for file in files:
            key = str(file.resolve())
            if key in seen:
                continue
            seen.add(key)
            yield file


def fingerprint(path: Path) -> Tuple[Optional[int], Optional[str]]:
    """Size and sha256 of a file's bytes; (None, None) if it cannot be read."""
    digest = hashlib.sha256()
    size = 0
    try:
        with open(path, "rb") as f:
            while True:
                block = f.read(1 << 20)
                if not block:
                    break
                digest.update(block)
                size += len(block)
    except OSError:
        return None, None
    return size, digest.hexdigest()


def scan_inputs(inputs: Sequence[Union[str, Path]], dedupe: bool) -> Scan:
    """Fingerprint every input file, count its documents and find repeated document ids.

    A .txt or .pdf file's id is its path; a .jsonl record's its ``id`` (as a
    string) or ``PATH:LINE``. With ``dedupe`` the first document of an id is
    kept and the later ones are marked to skip.
    """
    scan = Scan()
    first: Dict[str, Tuple[str, str]] = {}  # id -> (where, file key)
    seen: Set[str] = set()
    for path in inputs:
        for file in input_files(path):
            key = str(file.resolve())
            if key in seen:
                scan.repeated.append(str(file))
                continue
            seen.add(key)
            if not file.is_file():
                continue
            size, sha = fingerprint(file)
            entry = scan.files[key] = Scanned(key, size, sha)
            suffix = file.suffix.lower()
            if suffix not in SUFFIXES:
                continue
            if suffix == ".jsonl":
                docs = ((rec.id, f"{rec.source}:{rec.line}", rec.line) for rec in iter_records([file], quiet=True)
                        if isinstance(rec, Record))
            else:
                docs = iter([(str(file), str(file), None)])
            for rid, where, line in docs:
                if rid in first:
                    scan.duplicates.append((rid, first[rid][0], where))
                    entry.skip.add(line)
                    entry.depends = entry.depends or first[rid][1] != key
                    continue
                first[rid] = (where, key)
                entry.documents += 1
    return scan


def _duplicates_message(scan: Scan) -> str:
    named = "; ".join(f"id {rid!r} in {a} and {b}" for rid, a, b in scan.duplicates[:MAX_DUPLICATES_NAMED])
    more = len(scan.duplicates) - MAX_DUPLICATES_NAMED
    rest = f" and {more} more" if more > 0 else ""
    return (
        f"duplicate document ids: {named}{rest}; ids must be unique in an output (they key its tables); "
        "give the records unique ids, or rerun with --dedupe to keep the first of each"
    )


def checked_scan(inputs: Sequence[Union[str, Path]], dedupe: bool) -> Scan:
    """:func:`scan_inputs`, refusing duplicate ids unless ``dedupe`` (then warning about the skipped ones).

    Raises:
        DuplicateIdError: inputs share ids and ``dedupe`` is off.
    """
    scan = scan_inputs(inputs, dedupe)
    if scan.duplicates and not dedupe:
        raise DuplicateIdError(_duplicates_message(scan))
    for path in scan.repeated:
        logger.warning("%s: given more than once; read once", path)
    for rid, first, again in scan.duplicates[:MAX_DUPLICATES_NAMED]:
        logger.warning("%s: duplicate id %r skipped (kept the first, %s)", again, rid, first)
    if len(scan.duplicates) > MAX_DUPLICATES_NAMED:
        logger.warning("%d more documents with duplicate ids skipped", len(scan.duplicates) - MAX_DUPLICATES_NAMED)
    return scan
