"""The structure tables of the table formats: ``svpol_structure``'s parts one row each (docs/structure.md).

Every table starts with ``doc_id``, the record's ``id`` as in the entity table.
Rows inside an agenda item carry ``item``, the item's position among the
document's items (0, 1, ...; the ``§`` number is ``items.number``, which may be
missing or repeat), so ``(doc_id, item)`` joins them to ``items``. All
``start``/``end`` columns are character offsets into the raw input, like the
entity table's. Names and party letters are as in the record's ``structure``.
"""

from typing import Any, Dict, Iterable, List, Optional, Tuple

import pyarrow as pa

_STR, _INT, _BOOL = pa.string(), pa.int64(), pa.bool_()
_STRS, _FLOATS = pa.list_(pa.string()), pa.list_(pa.float64())

# Column name and type of each structure table, in the order they are written.
_COLUMNS: Dict[str, List[Tuple[str, pa.DataType]]] = {
    "items": [
        ("doc_id", _STR), ("item", _INT), ("number", _INT), ("body", _STR), ("title", _STR),
        ("title_start", _INT), ("title_end", _INT), ("dnr", _STR), ("dnrs", _STRS), ("start", _INT), ("end", _INT),
    ],
    "sections": [
        ("doc_id", _STR), ("item", _INT), ("kind", _STR), ("heading", _STR), ("start", _INT), ("end", _INT),
        ("content_start", _INT), ("implicit", _BOOL),
    ],
    "decisions": [
        ("doc_id", _STR), ("item", _INT), ("number", _INT), ("text", _STR), ("start", _INT), ("end", _INT),
        ("money", _STRS), ("amounts_sek", _FLOATS),
    ],
    "proposals": [
        ("doc_id", _STR), ("item", _INT), ("number", _INT), ("kind", _STR), ("text", _STR), ("start", _INT),
        ("end", _INT), ("persons", _STRS), ("party_ids", _STRS), ("others", _BOOL), ("others_party", _STR),
        ("target", _STR),
    ],
    "votes": [
        ("doc_id", _STR), ("item", _INT), ("vote", _INT), ("start", _INT), ("end", _INT), ("yes", _INT),
        ("no", _INT), ("abstain", _INT), ("yes_means", _STR), ("no_means", _STR),
    ],
    "ballots": [
        ("doc_id", _STR), ("item", _INT), ("vote", _INT), ("choice", _STR), ("name", _STR), ("party", _STR),
        ("start", _INT), ("end", _INT),
    ],
    "reservations": [
        ("doc_id", _STR), ("item", _INT), ("kind", _STR), ("start", _INT), ("end", _INT), ("span_start", _INT),
        ("signatories", _STRS), ("party_ids", _STRS), ("others", _BOOL), ("others_party", _STR),
        ("in_favour_of", _STR), ("against", _STR), ("written", _BOOL), ("inline", _BOOL),
    ],
    "attendance": [
        ("doc_id", _STR), ("block", _INT), ("label", _STR), ("group", _STR), ("name", _STR), ("party", _STR),
        ("role", _STR), ("replaces", _STR), ("start", _INT), ("end", _INT), ("source", _STR),
    ],
}

# The structure tables, in the order they are written after entities and documents.
STRUCTURE_TABLES = tuple(_COLUMNS)


def structure_schema(table: str) -> pa.Schema:
    """Schema of the structure table ``table`` (one of :data:`STRUCTURE_TABLES`)."""
    return pa.schema([pa.field(name, type_) for name, type_ in _COLUMNS[table]])


def _text(value: Optional[Dict[str, Any]]) -> Optional[str]:
    return None if value is None else value["text"]


def _names(persons: Iterable[Dict[str, Any]]) -> List[str]:
    return [p["name"] for p in persons]


def _item_rows(item: Dict[str, Any]) -> Dict[str, List[Dict[str, Any]]]:
    """The rows of one agenda item, without ``doc_id`` and ``item``."""
    title = item.get("title") or {}
    votes = item.get("votes", [])
    return {
        "items": [{
            "number": item.get("number"), "body": item.get("body"), "title": title.get("text"),
            "title_start": title.get("start"), "title_end": title.get("end"), "dnr": _text(item.get("dnr")),
            "dnrs": [d["text"] for d in item.get("dnrs", [])], "start": item["start"], "end": item["end"],
        }],
        "sections": [
            {"kind": s["kind"], "heading": _text(s.get("heading")), "start": s["start"], "end": s["end"],
             "content_start": s.get("content_start"), "implicit": s.get("implicit")}
            for s in item.get("sections", [])
        ],
        "decisions": [
            {"number": d.get("number"), "text": d["text"], "start": d["start"], "end": d["end"],
             "money": [m["text"] for m in d.get("money", [])],
             "amounts_sek": [m["amount_sek"] for m in d.get("money", []) if m.get("amount_sek") is not None]}
            for d in item.get("decisions", [])
        ],
        "proposals": [
            {"number": None, "kind": p["kind"], "text": p["text"], "start": p["start"], "end": p["end"],
             "persons": _names(p.get("persons", [])), "party_ids": list(p.get("party_ids", [])),
             "others": p.get("others"), "others_party": p.get("others_party"), "target": p.get("target")}
            for p in item.get("proposals", [])
        ],
        "votes": [
            {"vote": i, "start": v["start"], "end": v["end"], "yes": v.get("yes"), "no": v.get("no"),
             "abstain": v.get("abstain"), "yes_means": v.get("yes_means"), "no_means": v.get("no_means")}
            for i, v in enumerate(votes)
        ],
        "ballots": [
            {"vote": i, "choice": b["vote"], "name": b.get("name"), "party": b.get("party"),
             "start": b.get("start"), "end": b.get("end")}
            for i, v in enumerate(votes) for b in v.get("ballots", [])
        ],
        "reservations": [
            {"kind": r["kind"], "start": r["start"], "end": r["end"], "span_start": r.get("span_start"),
             "signatories": _names(r.get("signatories", [])), "party_ids": list(r.get("party_ids", [])),
             "others": r.get("others"), "others_party": r.get("others_party"),
             "in_favour_of": r.get("in_favour_of"), "against": r.get("against"), "written": r.get("written"),
             "inline": r.get("inline")}
            for r in item.get("reservations", [])
        ],
    }


def _motion_rows(motion: Dict[str, Any]) -> List[Dict[str, Any]]:
    """A motion's proposals (its numbered points or att-clauses) as proposal rows, proposed by its authors."""
    authors = motion.get("authors", [])
    return [
        {"number": p.get("number"), "kind": p["kind"], "text": p["text"], "start": p["start"], "end": p["end"],
         "persons": _names(authors), "party_ids": list(motion.get("party_ids", [])),
         "others": motion.get("others"), "others_party": motion.get("others_party"), "target": None}
        for p in motion.get("proposals", [])
    ]


def _attendance_rows(blocks: Iterable[Dict[str, Any]]) -> List[Dict[str, Any]]:
    return [
        {"block": i, "label": block["label"], "group": p.get("group", block["group"]), "name": p["name"],
         "party": p.get("party"), "role": p.get("role"), "replaces": (p.get("replaces") or {}).get("name"),
         "start": p["start"], "end": p["end"], "source": p.get("source")}
        for i, block in enumerate(blocks) for p in block.get("persons", [])
    ]


def structure_rows(record: Dict[str, Any]) -> Dict[str, List[Dict[str, Any]]]:
    """The rows of every structure table for one output record (no rows where ``structure`` is null)."""
    rows: Dict[str, List[Dict[str, Any]]] = {name: [] for name in STRUCTURE_TABLES}
    structure = record.get("structure")
    if not structure:
        return rows
    doc_id = str(record["id"])
    for index, item in enumerate(structure.get("items", [])):
        for name, item_rows in _item_rows(item).items():
            rows[name] += [{"doc_id": doc_id, "item": index, **row} for row in item_rows]
    if structure.get("motion"):
        rows["proposals"] += [{"doc_id": doc_id, "item": None, **row} for row in _motion_rows(structure["motion"])]
    rows["attendance"] = [{"doc_id": doc_id, **row} for row in _attendance_rows(structure.get("attendance", []))]
    return rows
