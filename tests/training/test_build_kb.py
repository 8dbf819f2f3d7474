"""training.build_kb: the knowledge base built from gazetteers, and its command line.

The build tests write a tiny fake gazetteer folder of their own; nothing is read from
../shared/data except in the test that skips without it.
"""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from svpol.kb import INDEPENDENT, load_kb
from training.build_kb import app, build_kb
from training.paths import DATA_DIR, REPO


def _fake_gazetteers(root: Path) -> Path:
    """A made-up gazetteer folder in the layout of ../shared/data (three persons, two agencies)."""
    rd, my, geo = root / "gazetteers/riksdagen", root / "gazetteers/myndigheter", root / "gazetteers/geo"
    for d in (rd, my, geo):
        d.mkdir(parents=True)
    (rd / "person.csv").write_text(
        "person_id,born,dead,gender,riksdagen_id\n"
        "i-1,1950-01-01,,woman,0001\ni-2,1960-01-01,,woman,nan\ni-3,1970-01-01,,man,0003\n", "utf-8")
    (rd / "name.csv").write_text(
        "person_id,name,primary_name\n"
        "i-1,Greta Prov,True\ni-1,Prov,False\ni-2,Greta Prov,True\ni-3,Olle Exempel,True\n"
        "i-3,Olof Olle Exempel,False\n", "utf-8")
    (rd / "wiki_id.csv").write_text("person_id,wiki_id\ni-1,Q11\ni-2,Q12\ni-3,Q13\n", "utf-8")
    (rd / "external_identifiers.csv").write_text(
        "person_id,authority,identifier\ni-3,RiPeID,0003\ni-3,WiDaID,Q13\n", "utf-8")
    (rd / "party_affiliation.csv").write_text(
        "person_id,start,end,party,party_id,swerik_party_id,start_precision,end_precision\n"
        "i-1,1990-01-01,2000-12-31,Socialdemokraterna,Q105112,x,day,day\n"
        "i-2,,,Moderata samlingspartiet,Q110843,x,,\n"
        "i-3,2006-10-02,2014-09-29,Folkpartiet liberalerna,Q110857,x,day,day\n"
        "i-3,2014-09-30,2022-09-26,Utan partibeteckning,Q327591,x,day,day\n", "utf-8")
    (rd / "minister.csv").write_text(
        "person_id,start,end,government,role\ni-3,2010-01-01,2012-01-01,Regeringen X,skolminister\n", "utf-8")
    (my / "matchlist.csv").write_text(
        "name,official_name\nprovverket,Provverket\npv,Provverket\nprovverkets myndighet,Provverket\n"
        "exempelnämnden,Exempelnämnden\nad,Exempelnämnden\n", "utf-8")
    (my / "merged.json").write_text(json.dumps({
        "Provverket": {"esv": {"org_nr": "2021001234", "employees": {"2024": 10}}, "wd": {"id": "Q99"}}}), "utf-8")
    (geo / "municipalities.csv").write_text(
        "municipality_code,municipality_name,municipality_name_short,county_code\n"
        "0999,Provby kommun,Provby,01\n2080,Faluns kommun,Falun,01\n", "utf-8")
    (geo / "counties.csv").write_text("county_code,county_name,county_name_short\n01,Provs län,Prov\n", "utf-8")
    return root


def test_build_kb_from_fake_gazetteers(tmp_path):
    kb = build_kb(_fake_gazetteers(tmp_path / "data"))
    provverket = kb.match_authority("PV")
    assert (provverket.canonical, provverket.id, provverket.wikidata) == ("Provverket", "202100-1234", "Q99")
    assert kb.match_authority("pv") is None  # acronyms only in capitals
    assert kb.match_authority("AD") is None  # an ambiguous acronym is dropped
    assert kb.match_authority("Provby kommun").id == "kommun:0999"
    assert kb.match_authority("Region Prov").kind == "region"
    # the gazetteer's regular genitive corrected where the municipality uses an older one
    assert kb.match_authority("Falu kommun").canonical == "Falu kommun"
    assert kb.match_authority("Faluns kommun").id == "kommun:2080"
    assert len(kb.persons_by_name("Greta Prov")) == 2  # two people, one name
    olle = kb.persons_by_name("Olof Olle Exempel")[0]
    assert (olle.kb_id, olle.riksdagen_id) == ("Q13", "0003")
    assert olle.party_at("2008-01-01") == "L" and olle.party_at("2018-01-01") == INDEPENDENT
    assert olle.roles == (("skolminister", "2010-01-01", "2012-01-01"),)
    assert kb.persons_by_name("Prov") == []  # surnames alone are not indexed
    assert kb.meta["sources"]["riksdagen-persons (swerik-project)"]["newest_date_in_data"] == "2022-09-26"


def test_build_kb_cli(tmp_path):
    data = _fake_gazetteers(tmp_path / "data")
    runner = CliRunner()
    out = tmp_path / "kb"
    result = runner.invoke(app, ["--data-dir", str(data), "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert load_kb(out).persons_by_name("Olle Exempel")
    local = tmp_path / "local.csv"
    local.write_text("name,party\nNy Ledamot,V\n", "utf-8")
    result = runner.invoke(app, ["--base", str(out), "--persons-csv", str(local), "-o", str(tmp_path / "kb2")])
    assert result.exit_code == 0, result.output
    assert load_kb(tmp_path / "kb2").persons_by_name("Ny Ledamot")[0].party_at(None) == "V"
    result = runner.invoke(app, ["--data-dir", str(tmp_path / "nowhere"), "--output", str(out)])
    assert result.exit_code == 2


def test_shipped_kb_matches_real_data_build():
    data = REPO / DATA_DIR
    if not (data / "gazetteers").is_dir():
        pytest.skip("../shared/data is not here")
    shipped = load_kb()
    assert len(shipped.persons) == len(build_kb(data).persons)
