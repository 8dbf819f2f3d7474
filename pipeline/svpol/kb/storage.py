"""The KB folder on disk: read and write its parts.

Files in a KB folder:

- ``meta.json``: source names, the date of the source data and the build date.
- ``parties.json``: parties and alliances with their surface forms.
- ``authorities.json.gz``: state agencies, courts, regions, municipalities and the
  fixed national bodies, with their aliases and acronyms (folders written before
  v5.28 hold it uncompressed as ``authorities.json``, which is read as well).
- ``persons.json.gz``: persons with names, ids and dated party affiliations.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import asdict
from pathlib import Path
from typing import Dict, List, NamedTuple, Optional, Sequence, Tuple, Union

from .records import Affiliation, Authority, Party, Person

KB_PARTS: Tuple[str, ...] = ("parties", "authorities", "persons")


class KBData(NamedTuple):
    """What a KB folder holds, in the order of ``KnowledgeBase``'s fields."""

    parties: Dict[str, Party]
    authorities: List[Authority]
    persons: Dict[str, Person]
    municipalities: Dict[str, Tuple[str, str]]
    meta: Dict[str, object]


def write_kb(data: KBData, path: Union[str, Path], parts: Sequence[str] = KB_PARTS) -> None:
    """Write ``data`` (or only ``parts`` of it) as a KB folder.

    Raises:
        ValueError: for a part not in ``KB_PARTS``.
    """
    unknown = set(parts) - set(KB_PARTS)
    if unknown:
        raise ValueError(f"unknown KB parts {sorted(unknown)}; choose from {KB_PARTS}")
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    meta = dict(data.meta, parts=list(parts))
    (path / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1), "utf-8")
    if "parties" in parts:
        _write_json(path / "parties.json", [asdict(p) for p in data.parties.values()])
    if "authorities" in parts:
        authorities = {"authorities": [_compact(asdict(a)) for a in data.authorities],
                       "municipalities": data.municipalities}
        # gzipped like the persons: each component of a pipeline saves the KB parts it uses (two of them this
        # one), and the model directory must stay under 60 MB (the JSON is 143 kB, gzipped about a fifth of it)
        _write_json_gz(path / "authorities.json.gz", authorities)
        (path / "authorities.json").unlink(missing_ok=True)  # an older folder's copy, now stale
    if "persons" in parts:
        _write_json_gz(path / "persons.json.gz", [_person_to_row(p) for p in data.persons.values()])


def read_kb(path: Union[str, Path], parts: Sequence[str] = KB_PARTS) -> KBData:
    """Read a KB folder written by ``write_kb``; parts not in ``parts`` or not there stay empty.

    Raises:
        ValueError: when the folder has no ``meta.json``.
    """
    path = Path(path)
    if not (path / "meta.json").exists():
        raise ValueError(f"{path}: not a svpol knowledge base folder (no meta.json)")
    meta = json.loads((path / "meta.json").read_text("utf-8"))
    parties: Dict[str, Party] = {}
    if "parties" in parts and (path / "parties.json").exists():
        for row in json.loads((path / "parties.json").read_text("utf-8")):
            party = Party(**{k: tuple(v) if isinstance(v, list) else v for k, v in row.items()})
            parties[party.id] = party
    authorities: List[Authority] = []
    municipalities: Dict[str, Tuple[str, str]] = {}
    authorities_file = _existing(path, "authorities.json.gz", "authorities.json")
    if "authorities" in parts and authorities_file is not None:
        data = _read_json(authorities_file)
        for row in data["authorities"]:
            authorities.append(Authority(**{k: tuple(v) if isinstance(v, list) else v
                                            for k, v in row.items()}))
        municipalities = {k: tuple(v) for k, v in data.get("municipalities", {}).items()}
    persons: Dict[str, Person] = {}
    if "persons" in parts and (path / "persons.json.gz").exists():
        for row in _read_json(path / "persons.json.gz"):
            person = _person_from_row(row)
            persons[person.id] = person
    return KBData(parties, authorities, persons, municipalities, meta)


def _compact(row: dict) -> dict:
    return {k: v for k, v in row.items() if v not in (None, (), [], "")}


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _write_json(path: Path, data: object) -> None:
    path.write_text(_dumps(data), "utf-8")


def _write_json_gz(path: Path, data: object) -> None:
    # mtime=0: the same data give the same bytes, so re-saving a pipeline changes no file.
    path.write_bytes(gzip.compress(_dumps(data).encode("utf-8"), mtime=0))


def _read_json(path: Path) -> object:
    """A JSON file, gzipped when its name ends in ``.gz``."""
    if path.suffix == ".gz":
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            return json.load(handle)
    return json.loads(path.read_text("utf-8"))


def _existing(folder: Path, *names: str) -> Optional[Path]:
    """The first of ``names`` that exists in ``folder``, or None."""
    return next((folder / name for name in names if (folder / name).exists()), None)


def _person_to_row(p: Person) -> dict:
    row = {"id": p.id, "name": p.name, "names": [n for n in p.names if n != p.name],
           "wd": p.wikidata, "rp": p.riksdagen_id, "born": p.born, "dead": p.dead,
           "aff": [[a.party_id, a.start, a.end] for a in p.affiliations],
           "roles": [list(r) for r in p.roles], "src": p.source}
    return {k: v for k, v in row.items() if v not in (None, "", [])}


def _person_from_row(row: dict) -> Person:
    name = row["name"]
    return Person(
        id=row["id"], name=name, names=(name, *row.get("names", [])), wikidata=row.get("wd"),
        riksdagen_id=row.get("rp"), born=row.get("born", ""), dead=row.get("dead", ""),
        affiliations=tuple(Affiliation(*a) for a in row.get("aff", [])),
        roles=tuple(tuple(r) for r in row.get("roles", [])), source=row.get("src", "riksdagen"),
    )

