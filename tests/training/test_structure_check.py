"""training.structure_check: annotations read, parts matched, scores printed (invented protocol)."""

import json

from typer.testing import CliRunner

from training import structure_check as check

TEXT = """Protokoll
Fritidsnämnden

Närvarande ledamöter
Eva Lind (S)
Bo Ek (FP)

§ 5 Bidrag till idrottsföreningar

Yrkanden
Eva Lind (S) yrkar bifall till förvaltningens förslag.
Bo Ek (FP) yrkar avslag.

Beslut
Nämnden beviljar bidragen.

Reservation
Bo Ek (FP) reserverar sig mot beslutet.
"""

ANNOTATION = {
    "url": "invented", "text": "p.txt", "seen": False,
    "items": [{"number": 5, "title": "Bidrag till idrottsföreningar"}, {"number": 6, "title": "Övrigt"}],
    "proposals": [{"at": "Eva Lind (S) yrkar", "kind": "approve", "parties": ["S"]},
                  {"at": "Bo Ek (FP) yrkar", "kind": "reject", "parties": ["FP"]}],
    "reservations": [{"at": "Bo Ek (FP) reserverar", "kind": "reservation", "parties": ["FP"]}],
    "votes": [],
    "attendance": [{"name": "Eva Lind", "party": "S"}, {"name": "Bo Ek", "party": "FP"}],
    "adjusters": [],
}


def _folder(tmp_path, annotation=ANNOTATION):
    (tmp_path / "p.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "p.json").write_text(json.dumps(annotation, ensure_ascii=False), encoding="utf-8")
    return tmp_path


def test_cues_resolve_to_offsets(tmp_path):
    [doc] = check.read_annotations(_folder(tmp_path))
    assert [p["offset"] for p in doc["proposals"]] == [TEXT.index("Eva Lind (S) yrkar"), TEXT.index("Bo Ek (FP) yrkar")]
    bad = dict(ANNOTATION, votes=[{"at": "Med 9 röster", "yes": 9, "no": 0, "abstain": None}])
    try:
        check.read_annotations(_folder(tmp_path, bad))
    except ValueError as err:
        assert "Med 9 röster" in str(err)
    else:
        raise AssertionError("a cue missing from the text must be refused")


def test_matching_counts_found_right_missed_and_spurious(tmp_path):
    [doc] = check.read_annotations(_folder(tmp_path))
    start = TEXT.index("Eva Lind (S) yrkar")
    reject_at = TEXT.index("Bo Ek (FP) yrkar")
    structure = {
        "items": [{"number": 5, "title": {"text": "Bidrag till idrottsföreningar"},
                   "proposals": [{"kind": "approve", "start": start, "end": start + 50, "party_ids": ["S"]},
                                 {"kind": "approve", "start": reject_at, "end": reject_at + 20, "party_ids": ["L"]}],
                   "reservations": [], "votes": []},
                  {"number": 9, "title": None, "proposals": [], "reservations": [], "votes": []}],
        "attendance": [{"persons": [{"name": "Eva Lind", "party": "S"}, {"name": "Bo Ek", "party": "L"}]}],
        "header": {"adjusters": []},
    }
    score = check.score_document(doc, structure)
    counts = {k: (v["gold"], v["predicted"], v["found"], v["right"]) for k, v in score.items()}
    assert counts["items"] == (2, 2, 1, 1)
    assert [i["number"] for i in score["items"]["spurious"]] == [9]
    # the second proposal is found at its place but has the wrong kind; FP is Liberalerna's old letters
    assert counts["proposals"] == (2, 2, 2, 1)
    assert counts["reservations"] == (1, 0, 0, 0)
    assert counts["attendance"] == (2, 2, 2, 2)
    assert check.totals([score, score])["proposals"] == {"gold": 4, "predicted": 4, "found": 4, "right": 2}


def test_command_runs_the_component_and_prints_the_table(tmp_path):
    result = CliRunner().invoke(check.app, [str(_folder(tmp_path)), "--model", "rules", "--output",
                                            str(tmp_path / "scores.json")])
    assert result.exit_code == 0, result.output
    assert "1 documents" in result.output and "proposals" in result.output
    totals = json.loads((tmp_path / "scores.json").read_text())["totals"]
    assert totals["items"]["gold"] == 2 and totals["items"]["found"] == 1
    assert totals["reservations"]["found"] == 1
