"""svpol.writers: every format written, read back and compared; resuming from a commit state."""

import json
import random
from pathlib import Path
from typing import Any, Dict, List

import pytest
from batch_fixtures import document

import svpol
from svpol import writers
from svpol.writers import FORMATS, format_of, open_writer, read_tables, write_records


@pytest.fixture(scope="module")
def records(batch_model_dir) -> List[Dict[str, Any]]:
    """Output records of invented documents, with raw text, attributes, extras and topics."""
    nlp = svpol.load(batch_model_dir)
    rng = random.Random(7)
    inputs = [{"id": f"doc/{i}", "text": document(rng, 2), "year": 2000 + i, "tags": ["a", i]} for i in range(9)]
    inputs.append({"id": "no-entities", "text": "Mötet avslutades.\n\nJusteras."})
    out = list(svpol.annotate(inputs, nlp=nlp))
    for record, item in zip(out, inputs):
        record["text"] = item["text"]
        for ent in record["entities"]:
            if ent["label"] == "PARTY":
                ent["party_id"] = ent["text"]
            if ent["label"] == "MONEY":
                ent["amount_sek"] = float(ent["text"].split()[0].replace(",", ".")) * 1e6
                ent["unit"] = "mnkr"
            ent["score"] = 0.5
    assert sum(len(r["entities"]) for r in out) > 20
    return out


def _core(records):
    return [
        (
            str(r["id"]),
            [(e["start"], e["end"], e["label"], e["text"]) for e in r["entities"]],
            {k: round(v, 5) for k, v in r["topics"].items()},
        )
        for r in records
    ]


def read_back(path: Path, fmt: str) -> List[tuple]:
    """The (id, entities, topics) of each document of an output, read with the format's own library."""
    if fmt == "jsonl":
        return _core([json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()])
    if fmt in ("parquet", "csv"):
        tables = read_tables(path)
        ents = tables["entities"].to_pylist()
        docs = tables["documents"].to_pylist()
        out = []
        for doc in docs:
            mine = [(e["start"], e["end"], e["label"], e["text"]) for e in ents if e["doc_id"] == doc["id"]]
            topics = {k[len("topic_") :]: round(v, 5) for k, v in doc.items() if k.startswith("topic_") and v is not None}
            out.append((doc["id"], mine, topics))
        return out
    if fmt == "spacy":
        from spacy.tokens import DocBin

        from svpol.tokenizer import blank

        docs = DocBin().from_disk(path).get_docs(blank().vocab)
        return [
            (
                d.user_data["svpol"]["id"],
                [(e.start_char, e.end_char, e.label_, e.text) for e in d.ents],
                {k: round(v, 5) for k, v in d.cats.items()},
            )
            for d in docs
        ]
    if fmt == "html":
        index = (path / "index.html").read_text(encoding="utf-8")
        pages = sorted((path / "docs").glob("*.html"))
        return [(p.name, index.count(f'href="docs/{p.name}"')) for p in pages]
    raise AssertionError(fmt)


@pytest.mark.parametrize("fmt", [f for f in FORMATS if f != "html"])
def test_each_format_reads_back_the_same_documents(tmp_path, records, fmt):
    path = tmp_path / f"out.{fmt}"
    assert write_records(records, path) == len(records)
    assert read_back(path, fmt) == _core(records)
    # working files are gone
    assert not Path(str(path) + ".parts").exists() and not (path / ".parts").exists()


def test_tables_carry_attributes_extras_and_paragraphs(tmp_path, records):
    for fmt in ("parquet", "csv"):
        path = tmp_path / f"out.{fmt}"
        write_records(records, path)
        tables = read_tables(path)
        assert tables["entities"].schema == writers.entity_schema()
        assert tables["documents"].schema == writers.document_schema()
        ents = tables["entities"].to_pylist()
        expected = [dict(doc_id=r["id"], **writers.entity_row(e)) for r in records for e in r["entities"]]
        assert ents == expected
        money = [e for e in ents if e["label"] == "MONEY"]
        assert money and all(e["amount_sek"] > 0 and e["unit"] == "mnkr" for e in money)
        assert all(e["party"] is None for e in ents)  # no component set it: null, not ""
        docs = tables["documents"].to_pylist()
        assert [d["n_entities"] for d in docs] == [len(r["entities"]) for r in records]
        assert [json.loads(d["paragraphs"]) for d in docs] == [r["paragraphs"] for r in records]
        assert json.loads(docs[3]["extras"]) == {"year": 2003, "tags": ["a", 3], "text": records[3]["text"]}


def test_docbin_keeps_raw_text_attributes_and_metadata(tmp_path, records):
    from spacy.tokens import DocBin

    from svpol.tokenizer import blank

    path = tmp_path / "out.spacy"
    write_records(records, path)
    docs = list(DocBin().from_disk(path).get_docs(blank().vocab))
    assert [d.text for d in docs] == [r["text"] for r in records]
    first = docs[0]
    meta = first.user_data["svpol"]
    assert meta["id"] == "doc/0" and meta["year"] == 2000 and list(meta["paragraphs"]) == records[0]["paragraphs"]
    parties = [e for e in first.ents if e.label_ == "PARTY"]
    assert parties and all(e._.party_id == e.text and e._.score == 0.5 for e in parties)


def test_html_report_has_a_page_per_document_and_an_index(tmp_path, records):
    path = tmp_path / "report.html"
    write_records(records, path)
    pages = sorted((path / "docs").glob("*.html"))
    assert len(pages) == len(records)
    assert read_back(path, "html") == [(p.name, 1) for p in pages]
    index = (path / "index.html").read_text(encoding="utf-8")
    assert f"{len(records)} documents" in index and "doc/3" in index
    page = pages[0].read_text(encoding="utf-8")
    ent = records[0]["entities"][0]
    assert ent["text"] in page and ent["label"] in page and 'class="entity"' in page
    top = max(records[0]["topics"], key=records[0]["topics"].get)
    assert top in page
    assert not (path / ".index.jsonl").exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_resume_drops_uncommitted_output(tmp_path, records, fmt):
    """Reopening with a commit state continues exactly after it, whatever was written later."""
    path = tmp_path / f"out.{fmt}"
    writer = open_writer(path)
    for record in records[:4]:
        writer.write(record)
    state = writer.commit()
    for record in records[4:7]:  # written but never committed: the "crash"
        writer.write(record)
    if fmt == "jsonl":
        writer.commit()
        with open(path, "ab") as f:
            f.write(b'{"id": "half a li')
    writer.abort()
    resumed = open_writer(path, state=json.loads(json.dumps(state)))
    for record in records[4:]:
        resumed.write(record)
    resumed.close()
    full = tmp_path / f"full.{fmt}"
    write_records(records, full)
    assert read_back(path, fmt) == read_back(full, fmt)


def test_resume_refuses_output_shorter_than_its_state(tmp_path, records):
    path = tmp_path / "out.jsonl"
    writer = open_writer(path)
    writer.write(records[0])
    state = writer.commit()
    writer.abort()
    path.write_bytes(b"")
    with pytest.raises(ValueError, match="shorter than its checkpoint"):
        open_writer(path, state=state)


def test_format_of():
    assert format_of("x.JSONL") == "jsonl" and format_of("-") == "jsonl"
    assert format_of("x.parquet") == "parquet" and format_of("x.spacy") == "spacy" and format_of("r.html") == "html"
    assert format_of("anything", "csv") == "csv"
    with pytest.raises(ValueError, match="cannot tell the output format"):
        format_of("x.txt")
    with pytest.raises(ValueError, match="unknown output format"):
        format_of("x.jsonl", "xml")
    with pytest.raises(ValueError, match="standard output"):
        format_of("-", "parquet")


def test_tables_reject_topics_outside_the_label_set(tmp_path, records):
    bad = dict(records[0], topics={"astrology": 0.9})
    with pytest.raises(ValueError, match="astrology"):
        write_records([bad], tmp_path / "out.parquet")


def test_text_formats_need_the_raw_text(tmp_path, records):
    record = {k: v for k, v in records[0].items() if k != "text"}
    with pytest.raises(ValueError, match="raw 'text'"):
        write_records([record], tmp_path / "out.spacy")


ALLIANCE = "De rödgröna (S, V, MP) röstade nej."


@pytest.fixture(scope="module")
def alliance_record() -> Dict[str, Any]:
    """The output record of an alliance sentence from a blank pipeline with the party rules and enricher."""
    from svpol.tokenizer import blank

    nlp = blank()
    nlp.add_pipe("svpol_entity_rules", config={"labels": ["PARTY"]})
    nlp.add_pipe("svpol_parties")
    [record] = svpol.annotate([{"id": "alliance", "text": ALLIANCE}], nlp=nlp)
    record["text"] = ALLIANCE
    return record


def test_alliance_members_reach_json_parquet_csv_and_html(tmp_path, alliance_record):
    expected = [("rödgröna", ["S", "V", "MP"]), ("S", None), ("V", None), ("MP", None)]
    assert [(e["text"], e["members"]) for e in alliance_record["entities"]] == expected
    write_records([alliance_record], tmp_path / "out.jsonl")
    [line] = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert [(e["text"], e["members"]) for e in json.loads(line)["entities"]] == expected
    for fmt in ("parquet", "csv"):
        path = tmp_path / f"out.{fmt}"
        write_records([alliance_record], path)
        ents = read_tables(path)["entities"]
        assert ents.schema.field("members").type == writers.entity_schema().field("members").type
        assert [(e["text"], e["members"]) for e in ents.to_pylist()] == expected
    csv_text = (tmp_path / "out.csv" / "entities.csv").read_text(encoding="utf-8")
    assert '"S|V|MP"' in csv_text.splitlines()[1]
    write_records([alliance_record], tmp_path / "report.html")
    assert "members=S|V|MP" in (tmp_path / "report.html" / "docs" / "000001.html").read_text(encoding="utf-8")


def test_every_attribute_column_exists_and_empty_lists_survive_csv(tmp_path, alliance_record):
    record = json.loads(json.dumps(alliance_record))
    record["entities"][1]["members"] = []
    write_records([record], tmp_path / "out.csv")
    ents = read_tables(tmp_path / "out.csv")["entities"]
    assert ents.column_names == ["doc_id", *[f.name for f in writers.entity_fields()]]
    assert "amount_sek" in ents.column_names and ents.column("amount_sek").null_count == ents.num_rows
    assert ents.column("members").to_pylist() == [["S", "V", "MP"], [], None, None]


def test_list_attributes_are_checked(tmp_path, alliance_record):
    record = json.loads(json.dumps(alliance_record))
    record["entities"][0]["members"] = ["S|V"]
    with pytest.raises(ValueError, match="csv list separator"):
        write_records([record], tmp_path / "out.csv")
    record["entities"][0]["members"] = "S|V|MP"
    with pytest.raises(ValueError, match="must be a list"):
        write_records([record], tmp_path / "out.parquet")


def test_jsonl_line_is_json_dumps_written_in_pieces(tmp_path):
    """A record's line has the bytes of json.dumps, and a huge record is never one string in memory."""

    from svpol.writers.jsonl import JsonlWriter

    records = [
        {},
        {"id": "a", "entities": [], "topics": {"x": 0.5}, "structure": None, "nested": [[], [1, [2]]]},
        {"id": "ö", "entities": [{"start": i, "text": 'Ä"b\n'} for i in range(60_000)], "flags": [True, None, 2.5]},
    ]
    path = tmp_path / "out.jsonl"
    writer = JsonlWriter(path)
    sizes = []
    real_write = writer._file.write
    writer._file.write = lambda data: sizes.append(len(data)) or real_write(data)
    for record in records:
        writer.write(record)
    writer.finish()
    assert path.read_bytes() == "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")
    line = len(json.dumps(records[2], ensure_ascii=False).encode("utf-8"))
    assert line > 2_000_000 and max(sizes) < 1_200_000
