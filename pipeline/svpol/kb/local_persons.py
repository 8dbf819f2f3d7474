"""Local politicians from a CSV file, added to the KB with ``KnowledgeBase.add_persons_csv``."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Callable, Dict, List, Optional, Union

from .normalize import norm_name, to_iso_date
from .records import Affiliation, Party, Person
from .tables import INDEPENDENT


def read_persons_csv(path: Union[str, Path], match_party: Callable[[str], Optional[Party]]) -> List[Person]:
    """The local politicians of a CSV file.

    Columns: ``name`` (required), ``party`` (a party letter or name, ``-`` for
    independents, may be empty), optional ``id``, ``start``, ``end`` (ISO dates
    of the party membership), ``role``, ``wikidata``, ``aliases`` (other full
    names separated by ``|``). Rows of one ``id`` (or name) are one person with
    several memberships.

    Args:
        path: the CSV file.
        match_party: the party a party column names, or None (``KnowledgeBase.match_party``).

    Raises:
        ValueError: ``PATH:LINE: reason`` for a missing column or an unknown party.
    """
    path = Path(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise ValueError(f"{path}: the CSV needs a 'name' column (found {reader.fieldnames})")
        rows: Dict[str, dict] = {}
        for line, row in enumerate(reader, start=2):
            name = (row.get("name") or "").strip()
            if not name:
                raise ValueError(f"{path}:{line}: empty name")
            party_text = (row.get("party") or "").strip()
            party_id: Optional[str] = None
            if party_text in (INDEPENDENT, "partilös", "independent"):
                party_id = INDEPENDENT
            elif party_text:
                party = match_party(party_text)
                if party is None:
                    raise ValueError(f"{path}:{line}: unknown party {party_text!r}")
                party_id = party.id
            pid = (row.get("id") or "").strip() or f"local:{norm_name(name)}"
            entry = rows.setdefault(pid, {"name": name, "names": [name], "aff": [],
                                          "roles": [], "wikidata": None})
            for alias in (row.get("aliases") or "").split("|"):
                if alias.strip() and alias.strip() not in entry["names"]:
                    entry["names"].append(alias.strip())
            start, end = (row.get("start") or "").strip(), (row.get("end") or "").strip()
            for value in (start, end):
                if value:
                    try:
                        to_iso_date(value)
                    except ValueError as err:
                        raise ValueError(f"{path}:{line}: {err}") from None
            if party_id:
                entry["aff"].append(Affiliation(party_id, start, end))
            if (row.get("role") or "").strip():
                entry["roles"].append((row["role"].strip(), start, end))
            entry["wikidata"] = (row.get("wikidata") or "").strip() or entry["wikidata"]
    return [Person(pid, entry["name"], tuple(entry["names"]), entry["wikidata"],
                   None, "", "", tuple(entry["aff"]), tuple(entry["roles"]), "local")
            for pid, entry in rows.items()]
