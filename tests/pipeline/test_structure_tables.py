"""svpol.writers: the structure tables of the parquet and csv formats, read back with pyarrow."""

import json
from typing import Any, Dict, List

import pyarrow.parquet as pq
import pytest

import svpol
from svpol.writers import (
    STRUCTURE_TABLES,
    TABLES,
    open_writer,
    read_tables,
    structure_schema,
    write_records,
)
from svpol.writers.readback import read_records

# An invented committee protocol. The hyphenated "renove-\nring" is joined by svpol.text.normalize,
# so offsets after it differ between the text the model saw and the raw text.
PROTOCOL = """Sammanträdesprotokoll
Kultur- och fritidsnämnden
Datum: 2025-11-20, kl. 13.00–15.30

Närvarande ledamöter
Helena Strand (S)
Mikael Dahl (M)
Ingrid Falk (V)
Rasmus Lund (SD)

§ 31 Taxor för simhallen 2026
Dnr KFN 2025/112

Förvaltningen har tagit fram förslag till nya taxor.

Yrkanden
Helena Strand (S) yrkar bifall till förvaltningens förslag.
Rasmus Lund (SD) yrkar avslag.

Omröstning
Ja för bifall till förvaltningens förslag, nej för avslag. Med 3 ja-röster och 1 nej-röst beslutar nämnden enligt förvaltningens förslag.

Beslut
Kultur- och fritidsnämnden beslutar
1. att fastställa taxorna enligt bilaga 1
2. att avsätta 1,5 mnkr till renove-
ring av bassängen

Reservation
Rasmus Lund (SD) reserverar sig mot beslutet.

§ 32 Bidrag till föreningar
Dnr KFN 2025/087

Omröstning
Följande röstar ja: Helena Strand (S), Ingrid Falk (V)
Följande röstar nej: Rasmus Lund (SD)
Avstår: Mikael Dahl (M)

Beslut
Nämnden beviljar bidrag om 200 000 kronor till Idrottsföreningen Kamraterna.

Särskilt yttrande
Mikael Dahl (M) och Rasmus Lund (SD) lämnar ett särskilt yttrande.

Vid protokollet
Eva Holm
"""

MOTION = """Motion till kommunfullmäktige om gratis kollektivtrafik för pensionärer

Resor är viktiga för äldres hälsa.

Förslag till beslut
1. Kommunen inför gratis kollektivtrafik för pensionärer.
2. Kommunen avsätter 4 mnkr för ändamålet.

Lisa Ek (V)
"""


def _structure_nlp():
    from svpol.tokenizer import blank

    nlp = blank()
    for name in ("svpol_entity_rules", "svpol_parties", "svpol_money", "svpol_structure"):
        nlp.add_pipe(name)
    return nlp


@pytest.fixture(scope="module")
def records() -> List[Dict[str, Any]]:
    """A protocol and a motion annotated with svpol_structure, and a note without it (structure null)."""
    out = list(svpol.annotate([{"id": "kfn/2025-11-20", "text": PROTOCOL}, {"id": "motion-1", "text": MOTION}],
                              nlp=_structure_nlp()))
    [plain] = svpol.annotate([{"id": "note", "text": "Mötet avslutades."}], nlp=svpol.load("rules"))
    assert plain["structure"] is None
    return out + [plain]


RAW = {"kfn/2025-11-20": PROTOCOL, "motion-1": MOTION}


def _rows(tables, name: str) -> List[Dict[str, Any]]:
    return tables[name].to_pylist()


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_structure_tables_are_keyed_by_document_and_item_with_raw_offsets(tmp_path, records, fmt):
    path = tmp_path / f"out.{fmt}"
    write_records(records, path)
    tables = read_tables(path)
    assert tuple(tables) == TABLES + STRUCTURE_TABLES
    for name in STRUCTURE_TABLES:
        assert tables[name].schema == structure_schema(name)
    if fmt == "parquet":  # a plain pyarrow read gives the same table
        assert pq.read_table(path / "items.parquet").equals(tables["items"])

    items = _rows(tables, "items")
    assert [(i["doc_id"], i["item"], i["number"], i["dnr"]) for i in items] == [
        ("kfn/2025-11-20", 0, 31, "KFN 2025/112"), ("kfn/2025-11-20", 1, 32, "KFN 2025/087")]
    for i in items:
        assert PROTOCOL[i["title_start"]:i["title_end"]] == i["title"]
        assert PROTOCOL[i["start"]:i["end"]].startswith(f"§ {i['number']} {i['title']}")
    number = {(i["doc_id"], i["item"]): i["number"] for i in items}

    # every row of every table with offsets points into its document's raw text
    for name in STRUCTURE_TABLES:
        for row in _rows(tables, name):
            assert 0 <= row["start"] < row["end"] <= len(RAW[row["doc_id"]]), (name, row)

    # the decision point after the hyphenated line: its raw span holds the line break, its text does not
    points = [(number[d["doc_id"], d["item"]], d["number"], d["amounts_sek"]) for d in _rows(tables, "decisions")]
    assert points == [(31, 1, []), (31, 2, [1500000.0]), (32, 1, [200000.0])]
    second = _rows(tables, "decisions")[1]
    assert PROTOCOL[second["start"]:second["end"]] == "att avsätta 1,5 mnkr till renove-\nring av bassängen"
    assert second["text"] == "att avsätta 1,5 mnkr till renovering av bassängen"

    proposals = [(number.get((p["doc_id"], p["item"])), p["kind"], p["persons"], p["party_ids"])
                 for p in _rows(tables, "proposals") if p["item"] is not None]
    assert proposals == [(31, "approve", ["Helena Strand"], ["S"]), (31, "reject", ["Rasmus Lund"], ["SD"])]
    for p in _rows(tables, "proposals"):
        assert " ".join(RAW[p["doc_id"]][p["start"]:p["end"]].split()) == p["text"]

    votes = [(number[v["doc_id"], v["item"]], v["yes"], v["no"], v["abstain"]) for v in _rows(tables, "votes")]
    assert votes == [(31, 3, 1, None), (32, 2, 1, 1)]
    ballots = [(b["choice"], b["name"], b["party"]) for b in _rows(tables, "ballots")]
    assert ballots == [("yes", "Helena Strand", "S"), ("yes", "Ingrid Falk", "V"), ("no", "Rasmus Lund", "SD"),
                       ("abstain", "Mikael Dahl", "M")]
    assert all(PROTOCOL[b["start"]:b["end"]] == b["name"] for b in _rows(tables, "ballots"))

    reservations = [(number[r["doc_id"], r["item"]], r["kind"], r["signatories"], r["party_ids"])
                    for r in _rows(tables, "reservations")]
    assert reservations == [(31, "reservation", ["Rasmus Lund"], ["SD"]),
                            (32, "statement", ["Mikael Dahl", "Rasmus Lund"], ["M", "SD"])]
    first = _rows(tables, "reservations")[0]
    assert PROTOCOL[first["span_start"]:first["end"]] == "Reservation\nRasmus Lund (SD) reserverar sig mot beslutet."

    attendance = [(a["doc_id"], a["group"], a["name"], a["party"]) for a in _rows(tables, "attendance")]
    assert attendance == [("kfn/2025-11-20", "members", name, party) for name, party in
                          [("Helena Strand", "S"), ("Mikael Dahl", "M"), ("Ingrid Falk", "V"), ("Rasmus Lund", "SD")]]
    assert all(PROTOCOL[a["start"]:a["end"]] == a["name"] for a in _rows(tables, "attendance"))

    sections = [(number[s["doc_id"], s["item"]], s["kind"]) for s in _rows(tables, "sections")]
    assert sections[:5] == [(31, "background"), (31, "proposals"), (31, "vote"), (31, "decision"),
                            (31, "reservation")]

    # the motion's points are proposals outside any item, proposed by its author
    motion = [(p["item"], p["number"], p["persons"], p["party_ids"]) for p in _rows(tables, "proposals")
              if p["doc_id"] == "motion-1"]
    assert motion == [(None, 1, ["Lisa Ek"], ["V"]), (None, 2, ["Lisa Ek"], ["V"])]

    # the same keys as the entity and document tables; the document without structure has no rows
    doc_ids = set(tables["documents"].column("id").to_pylist())
    assert {r["doc_id"] for name in STRUCTURE_TABLES for r in _rows(tables, name)} == doc_ids - {"note"}
    assert {e["doc_id"] for e in _rows(tables, "entities")} <= doc_ids


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_no_structure_tables_without_structure(tmp_path, records, fmt):
    path = tmp_path / f"out.{fmt}"
    write_records([records[-1]], path)
    assert sorted(p.name for p in path.iterdir()) == [f"documents.{fmt}", f"entities.{fmt}"]
    tables = read_tables(path)
    assert tuple(tables) == TABLES
    assert tables["documents"].column("structure").to_pylist() == [None]


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_structure_survives_read_back_and_resume(tmp_path, records, fmt):
    """A rerun takes unchanged records from the old output: their structure must come back whole."""
    full = tmp_path / f"full.{fmt}"
    write_records(records, full)
    back = list(read_records(full))
    assert [r["structure"] for r in back] == [json.loads(json.dumps(r["structure"])) for r in records]

    # the first commit has no structure; what comes after the resume has
    path = tmp_path / f"out.{fmt}"
    writer = open_writer(path)
    writer.write(records[-1])
    state = writer.commit()
    writer.write(records[0])  # never committed
    writer.abort()
    resumed = open_writer(path, state=json.loads(json.dumps(state)))
    for record in records[:-1]:
        resumed.write(record)
    resumed.close()
    got, want = read_tables(path), read_tables(full)
    assert set(got) == set(want)
    for name in STRUCTURE_TABLES:
        assert sorted(map(str, got[name].to_pylist())) == sorted(map(str, want[name].to_pylist())), name


def test_html_report_shows_the_structure(tmp_path, records):
    from html.parser import HTMLParser

    class Cells(HTMLParser):
        """The text of each table row and heading of a page."""

        def __init__(self) -> None:
            super().__init__()
            self.rows: List[List[str]] = []
            self.headings: List[str] = []
            self._cell: List[str] = []
            self._in = None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "h2", "h3"):
                self._in, self._cell = tag, []

        def handle_endtag(self, tag):
            if tag == self._in:
                text = " ".join("".join(self._cell).split())
                (self.rows[-1] if tag == "td" else self.headings).append(text)
                self._in = None

        def handle_data(self, data):
            if self._in:
                self._cell.append(data)

    path = tmp_path / "report.html"
    write_records([dict(r, text=RAW.get(r["id"], "Mötet avslutades.")) for r in records], path)
    pages = []
    for page in sorted((path / "docs").glob("*.html")):
        parser = Cells()
        parser.feed(page.read_text(encoding="utf-8"))
        pages.append(parser)
    protocol, motion, note = pages
    assert "Structure: protocol" in protocol.headings
    assert "§ 31 Taxor för simhallen 2026 Dnr KFN 2025/112" in protocol.headings
    assert any(row[:3] == ["reservation", "Rasmus Lund (SD)", "beslutet"] for row in protocol.rows)
    assert any(row[:2] == ["statement", "Mikael Dahl (M), Rasmus Lund (SD)"] for row in protocol.rows)
    assert any(row[:2] == ["vote", "yes 3, no 1"] for row in protocol.rows)
    assert any(row[:2] == ["vote", "yes 2, no 1, abstain 1"] for row in protocol.rows)
    assert any(row[:2] == ["proposal: reject", "Rasmus Lund (SD)"] for row in protocol.rows)
    assert any(row[:3] == ["Närvarande ledamöter", "members", "Ingrid Falk (V)"] for row in protocol.rows)
    assert "Structure: motion" in motion.headings and any(row and row[0] == "2" for row in motion.rows)
    assert not any(h.startswith("Structure") for h in note.headings)
    index = Cells()
    index.feed((path / "index.html").read_text(encoding="utf-8"))
    assert [row[-1] for row in index.rows[1:]] == [
        "protocol: 2 items, 2 proposals, 2 votes, 2 reservations", "motion", ""]
