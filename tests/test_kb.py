"""The knowledge base: lookups, dates, local politicians, build script, round trip.

The build test writes a tiny fake gazetteer folder of its own; nothing is read
from ../shared/data except in the test that skips without it.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span
from typer.testing import CliRunner

from svpol.kb import (
    AUTHORITY_KINDS,
    INDEPENDENT,
    Affiliation,
    EntityEnricher,
    KnowledgeBase,
    Person,
    load_kb,
    to_iso_date,
)
from training.build_kb import app, build_kb


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_kb(parts=("parties", "authorities"))


@pytest.mark.parametrize(
    "surface,party_id",
    [
        ("Socialdemokraterna", "S"), ("Socialdemokraternas", "S"), ("Moderaternas", "M"),
        ("Moderata samlingspartiet", "M"), ("Folkpartiet", "L"), ("Liberalernas", "L"),
        ("Kristdemokraterna", "KD"), ("Miljöpartiet de gröna", "MP"), ("Miljöpartiets", "MP"),
        ("Feministiskt initiativ", "FI"), ("Sverigedemokraternas", "SD"), ("Vänsterpartiet", "V"),
        ("Centerpartiets", "C"), ("S", "S"), ("(S)", "S"), ("KD", "KD"), ("Fi", "FI"), ("FP", "L"),
        ("Alliansens", "ALLIANSEN"), ("Tidöpartierna", "TIDO"), ("de rödgröna", "RODGRONA"),
    ],
)
def test_match_party(kb, surface, party_id):
    assert kb.match_party(surface).id == party_id


@pytest.mark.parametrize("surface", ["majoriteten", "oppositionen", "partierna", "socialdemokrater", "X", "SS"])
def test_match_party_rejects(kb, surface):
    assert kb.match_party(surface) is None


def test_party_names_and_alliance_members(kb):
    assert kb.party("M").name == "Moderata samlingspartiet"
    assert kb.party("M").short_name == "Moderaterna"
    assert set(kb.party("ALLIANSEN").members) == {"M", "C", "L", "KD"}
    assert set(kb.party("TIDO").members) == {"M", "KD", "L", "SD"}
    assert set(kb.party("RODGRONA").members) == {"S", "V", "MP"}
    assert not kb.party("S").is_alliance


@pytest.mark.parametrize(
    "surface,canonical,kind",
    [
        ("SÄPO", "Säkerhetspolisen", "police"), ("Säpos", "Säkerhetspolisen", "police"),
        ("FHS", "Försvarshögskolan", "state_agency"), ("Försvarshögskolans", "Försvarshögskolan", "state_agency"),
        ("polisen", "Polismyndigheten", "police"), ("Polisens", "Polismyndigheten", "police"),
        ("regeringen", "Regeringen", "government"), ("Riksdagens", "Riksdagen", "parliament"),
        ("justitieutskottet", "Justitieutskottet", "parliament"),
        ("Finansdepartementet", "Finansdepartementet", "ministry"),
        ("kommunfullmäktige", "Kommunfullmäktige", "municipal_body"),
        ("kommunstyrelsens", "Kommunstyrelsen", "municipal_body"),
        ("regionstyrelsen", "Regionstyrelsen", "region"),
        ("socialnämnden", "Socialnämnden", "municipal_body"),
        ("utbildningsnämndens", "Utbildningsnämnden", "municipal_body"),
        ("Rinkeby-Kista stadsdelsnämnd", "Rinkeby-Kista stadsdelsnämnd", "municipal_body"),
        ("Rinkeby-Kista stadsdelsförvaltning", "Rinkeby-Kista stadsdelsförvaltning", "municipal_body"),
        ("Miljö- och hälsoskyddsnämnden", "Miljö- och hälsoskyddsnämnden", "municipal_body"),
        ("Region Stockholm", "Region Stockholm", "region"),
        ("Solna kommun", "Solna kommun", "municipality"),
        ("Stockholms stad", "Stockholms kommun", "municipality"),
        ("Svea hovrätt", "Svea hovrätt", "court"),
        ("Förvaltningsrätten i Malmö", "Förvaltningsrätten i Malmö", "court"),
        ("Nationellt centrum för terrorhotbedömning", "Nationellt centrum för terrorhotbedömning", "state_agency"),
        ("Brå", "Brottsförebyggande rådet", "state_agency"), ("BRÅ", "Brottsförebyggande rådet", "state_agency"),
        ("socialförvaltningen", "Socialförvaltningen", "municipal_body"),
        ("riksdagens justitieutskott", "Justitieutskottet", "parliament"),
        ("JO", "Riksdagens ombudsmän JO", "state_agency"),
    ],
)
def test_match_authority(kb, surface, canonical, kind):
    found = kb.match_authority(surface)
    assert (found.canonical, found.kind) == (canonical, kind)
    assert found.kind in AUTHORITY_KINDS


@pytest.mark.parametrize(
    "surface",
    ["nämnden", "stadsdelsnämnden", "förvaltningen", "nämnderna", "stadsdelsnämnderna", "myndigheter",
     "polis", "säkerhetspolis", "socialtjänsten", "staden", "myndigheten", "fhs", "sos", "SOS", "AD", "MIG",
     "Fi", "Xyz kommun", "BRA", "svenska kyrkan", "medelsförvaltningen", "socialförvaltning",
     "kapitalförvaltningen"],
)
def test_match_authority_rejects(kb, surface):
    assert kb.match_authority(surface) is None


def test_ids(kb):
    assert kb.match_authority("SÄPO").id == "202100-6594"  # organisation number
    assert kb.match_authority("Solna kommun").id == "kommun:0184"
    assert kb.match_authority("Region Stockholm").id == "region:01"


def test_meta_records_source_dates():
    meta = json.loads((Path(__import__("svpol").kb.DEFAULT_KB_PATH) / "meta.json").read_text("utf-8"))
    dates = [src for src in meta["sources"].values() if src.get("newest_date_in_data")]
    assert dates and dates[0]["newest_date_in_data"][:4].isdigit()
    assert meta["built"]


def _person(pid, name, affs, born="", dead="", wd=None):
    return Person(pid, name, (name,), wd, None, born, dead, tuple(Affiliation(*a) for a in affs))


def test_party_at_dates():
    switcher = _person("p1", "Lena Berg", [("C", "1998-10-01", "2010-09-30"), ("M", "2010-10-01", "")])
    assert switcher.party_at("2005-01-01") == "C"
    assert switcher.party_at(dt.date(2015, 1, 1)) == "M"
    assert switcher.party_at(None) is None  # changed party: uncertain without a date
    loyal = _person("p2", "Per Olsson", [("S", "", "")])
    assert loyal.party_at(None) == "S"
    assert loyal.party_at("2019-05") == "S"


def test_persons_by_name_and_date():
    kb = KnowledgeBase(persons={
        "a": _person("a", "Anna Ek", [("S", "", "")], born="1930-01-01", dead="1990-01-01"),
        "b": _person("b", "Anna Ek", [("M", "", "")], born="1970-01-01"),
    })
    assert len(kb.persons_by_name("anna  ek")) == 2
    assert [p.id for p in kb.persons_by_name("Anna Ek", "2020-01-01")] == ["b"]


def test_to_iso_date():
    assert to_iso_date("2019-05-02") == "2019-05-02"
    assert to_iso_date(dt.datetime(2019, 5, 2, 12)) == "2019-05-02"
    assert to_iso_date(None) is None
    with pytest.raises(ValueError):
        to_iso_date("2 maj 2019")


def test_add_persons_csv(tmp_path):
    kb = load_kb(parts=("parties",))
    csv_path = tmp_path / "local.csv"
    csv_path.write_text(
        "name,party,id,start,end,role\n"
        "Elvira Testsson,S,sthlm-1,2018-10-01,,ordförande\n"
        "Kalle Vilde,-,sthlm-2,,,\n"
        "Lisa Byte,C,sthlm-3,2010-01-01,2014-12-31,\n"
        "Lisa Byte,Moderaterna,sthlm-3,2015-01-01,,\n",
        "utf-8",
    )
    assert kb.add_persons_csv(csv_path) == 3
    (elvira,) = kb.persons_by_name("Elvira Testsson")
    assert elvira.party_at("2020-01-01") == "S" and elvira.kb_id == "sthlm-1"
    assert kb.persons_by_name("Kalle Vilde")[0].party_at(None) == INDEPENDENT
    assert kb.persons_by_name("Lisa Byte")[0].party_at("2016-01-01") == "M"


def test_add_persons_csv_errors(tmp_path):
    kb = load_kb(parts=("parties",))
    bad = tmp_path / "bad.csv"
    bad.write_text("name,party\nAnna,Piratpartiet\n", "utf-8")
    with pytest.raises(ValueError, match=r"bad.csv:2: unknown party"):
        kb.add_persons_csv(bad)
    bad.write_text("namn,parti\nAnna,S\n", "utf-8")
    with pytest.raises(ValueError, match="'name' column"):
        kb.add_persons_csv(bad)


def test_round_trip(tmp_path):
    kb = load_kb(parts=("parties", "authorities"))
    kb.add_person(_person("x", "Test Person", [("KD", "2000-01-01", "")], wd="Q1"))
    kb.to_disk(tmp_path / "kb")
    again = KnowledgeBase.from_disk(tmp_path / "kb")
    assert again.match_party("Kristdemokraternas").id == "KD"
    assert again.match_authority("SÄPO").canonical == "Säkerhetspolisen"
    assert again.persons_by_name("Test Person")[0].party_at("2001-01-01") == "KD"
    assert again.persons_by_name("Test Person")[0].kb_id == "Q1"
    with pytest.raises(ValueError, match="not a svpol knowledge base"):
        KnowledgeBase.from_disk(tmp_path)


class _PartyLetters(EntityEnricher):
    """A made-up enricher: the party letters of PARTY entities."""

    default_name = "party_letters"
    default_label = "PARTY"
    extensions = ("test_letters",)
    kb_parts = ("parties",)

    def enrich(self, ent: Span) -> None:
        ent._.test_letters = list(self.kb.match_party(ent.text).letters)


def test_entity_enricher_base(tmp_path):
    assert Span.has_extension("test_letters")  # registered when the subclass was defined
    enricher = _PartyLetters()
    assert (enricher.name, enricher.label, enricher.cfg()) == ("party_letters", "PARTY", {"label": "PARTY"})
    doc = spacy.blank("sv")("Moderaterna och Stockholm")
    doc.ents = [Span(doc, 0, 1, "PARTY"), Span(doc, 2, 3, "LOC")]
    enricher(doc)
    assert [e._.test_letters for e in doc.ents] == [["M", "m"], None]
    enricher.to_disk(tmp_path / "c")
    again = _PartyLetters(label="ORG").from_disk(tmp_path / "c")
    assert again.label == "PARTY" and again.kb.match_party("M").id == "M"
    with pytest.raises(ValueError, match="not an svpol entity label"):
        _PartyLetters(label="PARTI")


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
        "0999,Provby kommun,Provby,01\n", "utf-8")
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
    data = Path(__file__).resolve().parents[1] / ".." / "shared" / "data"
    if not (data / "gazetteers").is_dir():
        pytest.skip("../shared/data is not here")
    shipped = load_kb()
    assert len(shipped.persons) == len(build_kb(data).persons)
