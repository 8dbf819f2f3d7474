"""The manifest of a finished output, and what a rerun on it must redo.

The manifest, ``OUTPUT.manifest.json``, says what ``OUTPUT`` was made from:
every input file (resolved path, size, sha256 of its bytes, how many documents
it gave, its errors) in output order, the model (name, meta name and version,
components) and the options that change the output (format, ``max_chars``,
``dedupe``). A rerun on a finished output compares (:func:`plan_rerun`): when
nothing changed it does nothing; otherwise a new output is built that keeps the
records of unchanged inputs (read back from the old output), annotates new and
changed inputs, and leaves out removed ones. A change of model or of an option
annotates everything again; an html report cannot be read back and is rebuilt whole.
"""

import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple, Union

from ..about import __version__
from ..writers.readback import READABLE
from .paths import manifest_path
from .scan import Scan

MANIFEST_VERSION = 1


@dataclass
class Copy:
    """Records of an unchanged input to take from the previous output: ``count`` from index ``start``."""

    start: int
    count: int


def read_manifest(output: Union[str, Path]) -> Optional[Dict[str, Any]]:
    """The manifest of a finished output, or None if it has none (or an unreadable one)."""
    try:
        manifest = json.loads(manifest_path(output).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(manifest, dict) or manifest.get("svpol_manifest") != MANIFEST_VERSION:
        return None
    return manifest


def differences(old: Dict[str, Any], new: Dict[str, Any]) -> List[str]:
    """The keys whose values differ between two job identities, sorted."""
    return sorted(k for k in set(old) | set(new) if old.get(k) != new.get(k))


def _options(job: Dict[str, Any]) -> Dict[str, Any]:
    """What of a job decides each document's record: everything but the inputs."""
    return {k: v for k, v in job.items() if k != "inputs"}


def plan_rerun(
    old: Dict[str, Any], job: Dict[str, Any], scan: Scan, order: List[str], fmt: str
) -> Tuple[Dict[str, Any], Dict[str, Tuple[Copy, Dict[str, Any]]]]:
    """Compare a finished output's manifest with this job: the changes, and the unchanged files to copy.

    Args:
        old: the manifest of the finished output.
        job: this job's identity (inputs and options).
        scan: this job's inputs, scanned.
        order: the keys of this job's input files in input order.
        fmt: this job's format.

    Returns:
        ``changes`` (counts, and ``reason`` when everything is redone) and, per
        key of an unchanged file, the records to copy and its old manifest entry.
    """
    entries = old.get("files", [])
    known = {e["path"]: e for e in entries}
    changes: Dict[str, Any] = {"unchanged": 0, "changed": 0, "new": 0, "removed": len(set(known) - set(order))}
    redo = differences(_options(old.get("job", {})), _options(job))
    if redo:
        changes["reason"] = f"{', '.join(redo)} changed"
    elif fmt not in READABLE:
        changes["reason"] = f"an output in {fmt} cannot be read back"
    starts: Dict[str, int] = {}
    index = 0
    for e in entries:
        starts[e["path"]] = index
        index += e["documents"]
    copies: Dict[str, Tuple[Copy, Dict[str, Any]]] = {}
    for key in order:
        e = known.get(key)
        now = scan.files.get(key)
        if e is None:
            changes["new"] += 1
        elif now is None or now.sha256 is None or (now.size, now.sha256) != (e["size"], e["sha256"]) or now.depends:
            changes["changed"] += 1
        else:
            changes["unchanged"] += 1
            copies[key] = (Copy(starts[key], e["documents"]), e)
    if "reason" in changes:
        copies = {}
    return changes, copies


def build_manifest(final: Path, job: Dict[str, Any], files: List[Dict[str, Any]], documents: int) -> Dict[str, Any]:
    """The manifest of the finished output ``final``: the job, its documents and its input files' entries."""
    # A file read again after an interruption (one that gave no document) counts once, where it was last done.
    by_key: Dict[str, Dict[str, Any]] = {}
    for entry in files:
        by_key.pop(entry["path"], None)
        by_key[entry["path"]] = entry
    return {
        "svpol_manifest": MANIFEST_VERSION,
        "output": str(final.resolve()),
        "written": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "svpol_version": __version__,
        "job": job,
        "documents": documents,
        "files": list(by_key.values()),
    }
