"""svpol.kb, the knowledge base: lookups, dates, local politicians, round trip.

Building it from the gazetteers (training.build_kb) is tested in tests/training/test_build_kb.py.
"""

import datetime as dt
import json
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Span

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
        ("Alliansens", "ALLIANSEN"), ("Tidöpartierna", "TIDO"), ("de rödgröna", "RODGRONA"), ("rödgrönas", "RODGRONA"),
        ("Landsbygdspartiet oberoende", "LPO"), ("SDs", "SD"), ("KDs", "KD"), ("Vänstern", "V"), ("Vänsterns", "V"),
    ],
)
def test_match_party(kb, surface, party_id):
    assert kb.match_party(surface).id == party_id


@pytest.mark.parametrize("surface", ["majoriteten", "oppositionen", "partierna", "socialdemokrater", "X", "SS", "vänstern",
                                     "Vs"])
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
        ("Barn- och utbildningsnämnden i Borlänge kommun", "Borlänge barn- och utbildningsnämnd", "municipal_body"),
        ("kommunstyrelsens", "Kommunstyrelsen", "municipal_body"),
        ("regionstyrelsen", "Regionstyrelsen", "region"),
        ("socialnämnden", "Socialnämnden", "municipal_body"),
        ("tandvårdstyrelsen", "Tandvårdstyrelsen", "municipal_body"),
        ("Sjukhusstyrelsens", "Sjukhusstyrelsen", "municipal_body"),
        ("Omsorgsstyrelsens", "Omsorgsstyrelsen", "municipal_body"),
        ("Södermöre kommundelsnämnd", "Södermöre kommundelsnämnd", "municipal_body"),
        ("utbildningsnämndens", "Utbildningsnämnden", "municipal_body"),
        ("Rinkeby-Kista stadsdelsnämnd", "Rinkeby-Kista stadsdelsnämnd", "municipal_body"),
        ("Enskede-Årsta stadsdelnämnd", "Enskede-Årsta stadsdelnämnd", "municipal_body"),
        ("stadskontoret", "Stadskontoret", "municipal_body"),
        ("Norra hälso- och sjukvårdsnämnden", "Norra hälso- och sjukvårdsnämnden", "municipal_body"),
        ("hemvärnet", "Hemvärnet", "state_agency"),
        # municipal associations by a name that says no kind, a short form in capitals
        ("VafabMiljös", "Vafab Miljö Kommunalförbund", "municipal_body"),
        ("GR", "Göteborgsregionens kommunalförbund", "municipal_body"),
        ("MBR:s", "Mälardalens brand- och räddningsförbund", "municipal_body"),
        ("Tolkförmedling Väst", "Tolkförmedling Väst", "municipal_body"),  # m-v848, m-v860, m-v897
        ("Sverigeförhandlingen", "Sverigeförhandlingen", "state_agency"),  # m-v851, m-v912, m-v921
        ("Rinkeby-Kista stadsdelsförvaltning", "Rinkeby-Kista stadsdelsförvaltning", "municipal_body"),
        ("Miljö- och hälsoskyddsnämnden", "Miljö- och hälsoskyddsnämnden", "municipal_body"),
        ("Region Stockholm", "Region Stockholm", "region"),
        ("Solna kommun", "Solna kommun", "municipality"),
        ("Stockholms stad", "Stockholms kommun", "municipality"),
        ("Svea hovrätt", "Svea hovrätt", "court"),
        ("Förvaltningsrätten i Malmö", "Förvaltningsrätten i Malmö", "court"),
        ("Mark- och miljödomstolen", "Mark- och miljödomstolen", "court"),
        ("Mark- och miljödomstolen i Nacka", "Mark- och miljödomstolen i Nacka", "court"),
        ("Regionförbundet i Kalmar län", "Regionförbundet i Kalmar län", "region"),
        ("Nationellt centrum för terrorhotbedömning", "Nationellt centrum för terrorhotbedömning", "state_agency"),
        ("Brå", "Brottsförebyggande rådet", "state_agency"), ("BRÅ", "Brottsförebyggande rådet", "state_agency"),
        ("socialförvaltningen", "Socialförvaltningen", "municipal_body"),
        ("finansförvaltningen", "Finansförvaltningen", "municipal_body"),
        ("Kollektivtrafikförvaltningen", "Kollektivtrafikförvaltningen", "municipal_body"),
        ("riksdagens justitieutskott", "Justitieutskottet", "parliament"),
        ("JO", "Riksdagens ombudsmän JO", "state_agency"),
        # municipal pages leave the hyphen out and name boards by their field
        ("Kultur och fritidsnämnden", "Kultur- och fritidsnämnden", "municipal_body"),
        ("Barn och Utbildningsnämndens", "Barn- och utbildningsnämnden", "municipal_body"),
        ("Tekniska nämnden", "Tekniska nämnden", "municipal_body"),
        ("fullmäktige", "Fullmäktige", "municipal_body"), ("Fullmäktiges", "Fullmäktige", "municipal_body"),
        ("Södertäljepolisen", "Södertäljepolisen", "police"), ("Göteborgspolisens", "Göteborgspolisen", "police"),
        # a municipality's own older genitive; a region's council named with its county
        ("Falu kommun", "Falu kommun", "municipality"),
        ("Regionfullmäktige i Blekinge", "Region Blekinge regionfullmäktige", "municipal_body"),
        ("Kronobergs regionfullmäktige", "Region Kronoberg regionfullmäktige", "municipal_body"),
        ("Uppsala läns regionstyrelse", "Region Uppsala regionstyrelse", "municipal_body"),
        # a county council's pre-2019 name with the short county name, with or without "i" and "län"
        ("Landstinget i Värmland", "Region Värmland", "region"), ("Landstinget Dalarna", "Region Dalarna", "region"),
        ("Landstinget Kalmar län", "Region Kalmar län", "region"),
        ("Göteborgs hälso- och sjukvårdsnämnd", "Göteborgs hälso- och sjukvårdsnämnd", "municipal_body"),
        # a committee named by its field, or two fields in the indefinite; a county board without "i"
        ("tekniska utskottet", "Tekniska utskottet", "municipal_body"),
        ("humanistiska nämnden", "Humanistiska nämnden", "municipal_body"),
        # Stockholm's city hall departments; a unit named by its field without "för"
        ("Skolroteln", "Skolroteln", "municipal_body"),
        ("Kultur- och fastighetsroteln", "Kultur- och fastighetsroteln", "municipal_body"),
        ("sektor ledning och verksamhetsstöd", "Sektor ledning och verksamhetsstöd", "municipal_body"),
        ("Avdelningen kultur och fritid", "Avdelningen kultur och fritid", "municipal_body"),
        # a unit of two fields where either is known; a unit of human resources
        ("Administrations- och kommunikationsenheten", "Administrations- och kommunikationsenheten",
         "municipal_body"),
        ("trygghets- och säkerhetsavdelningen", "Trygghets- och säkerhetsavdelningen", "municipal_body"),
        # a municipal association named by its area without the genitive, or by two members
        ("Ekby Räddningstjänstförbund", "Ekby Räddningstjänstförbund", "municipal_body"),
        ("Ekby Norrby Kommunalförbund", "Ekby Norrby Kommunalförbund", "municipal_body"),
        # ... by a name with a capital inside it; a board named by a field with its adjective
        ("EkbyMiljö Kommunalförbund", "EkbyMiljö Kommunalförbund", "municipal_body"),
        ("nämnden för regional utveckling", "Nämnden för regional utveckling", "municipal_body"),
        ("nämnden för teknisk service", "Nämnden för teknisk service", "municipal_body"),
        ("HR-avdelningen", "HR-avdelningen", "municipal_body"),
        # a county board named by its county alone; a municipality's own board after its genitive
        ("Länsstyrelsen Kronoberg", "Länsstyrelsen i Kronobergs län", "state_agency"),
        ("Länsstyrelsen Västra Götaland", "Länsstyrelsen i Västra Götalands län", "state_agency"),
        ("Pajala kommuns kommunfullmäktige", "Pajala kommunfullmäktige", "municipal_body"),
        ("Pajala kommuns räddningstjänst", "Pajala räddningstjänst", "municipal_body"),
        # the regions' joint board for a health care region
        ("samverkansnämnden för Sydöstra sjukvårdsregionen", "Samverkansnämnden för Sydöstra sjukvårdsregionen",
         "region"),
        ("Borlänge kommuns krisledningsnämnd", "Borlänge krisledningsnämnd", "municipal_body"),
        ("HR-AVDELNINGEN", "Hr-avdelningen", "municipal_body"),
        # a joint board's fields after "och andra"
        ("Gemensamma nämnden för hjälpmedel och andra samverkansfrågor",
         "Gemensamma nämnden för hjälpmedel och andra samverkansfrågor", "municipal_body"),
        ("Allmänpolitiska utskottet", "Allmänpolitiska utskottet", "municipal_body"),
        ("personal- och ekonomiutskott", "Personal- och ekonomiutskott", "municipal_body"),
        # a municipal board of two fields with its hyphen left out; the government's coordinator; a county's federation
        ("Vård och omsorgsstyrelsen", "Vård- och omsorgsstyrelsen", "municipal_body"),
        ("Nationella samordnarens", "Nationella samordnaren mot våldsbejakande extremism", "state_agency"),
        ("Regionförbundet", "Regionförbundet", "region"),
        # a region's board with its region after it
        ("trafiknämnden i Region Stockholm", "Region Stockholm trafiknämnd", "municipal_body"),
        ("trafikförvaltningen i Region Stockholm", "Region Stockholm trafikförvaltning", "municipal_body"),
        # an association of fire and rescue
        ("Ekby Brand- och räddningsförbund", "Ekby Brand- och räddningsförbund", "municipal_body"),
        ("Region Skånes fullmäktige", "Region Skåne regionfullmäktige", "municipal_body"),
        ("Region Skånes styrelse", "Region Skåne regionstyrelse", "municipal_body"),
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
     "kapitalförvaltningen", "Sverige och socialnämnden", "Regeringen och socialnämnden", "Gröna nämnden",
     "Trafikpolisen", "Gränspolisen", "vård- och omsorgsnämnd", "Ekbys regionfullmäktige",
     "Göteborgs hälso- och sjukvårdsnämnder", "byggande och kommunstyrelsen", "Regionförbundet i Ekby län",
     "bolagsstyrelsen", "partistyrelsen", "Ekby- och Norrbyenheten",
     # a decision's next verb is no field: "... för nämnden för hjälpmedel och överlämna den"
     "nämnden för hjälpmedel och överlämna",
     # nor the clause after the name
     "nämnden för kultur, som",
     # a union, a national federation, an ordinary word or a heading's word before an association's kind, a
     # rescue service described after its name
     "Sveriges Kommunalarbetareförbund", "Svenska Brandförsvarsförbundet", "Varje kommunalförbund",
     "Från Samordningsförbundet", "Finansieringsmodell Ekbys räddningstjänstförbund", "Ekby Brandkår Kommunalförbundet",
     # a county board's name needs a county; a municipality's building is no body
     "Länsstyrelsen Anna", "Pajala kommuns kommunhus"],
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


def test_authorities_are_gzipped_and_an_older_uncompressed_folder_still_reads(tmp_path):
    import gzip

    kb = load_kb(parts=("parties", "authorities"))
    kb.to_disk(tmp_path / "kb")
    gz = tmp_path / "kb" / "authorities.json.gz"
    assert gz.exists() and not (tmp_path / "kb" / "authorities.json").exists()
    # a folder written before v5.28 holds the same JSON uncompressed
    old = tmp_path / "old"
    old.mkdir()
    for name in ("meta.json", "parties.json"):
        (old / name).write_bytes((tmp_path / "kb" / name).read_bytes())
    (old / "authorities.json").write_bytes(gzip.decompress(gz.read_bytes()))
    again = KnowledgeBase.from_disk(old)
    assert again.match_authority("SÄPO").canonical == "Säkerhetspolisen"
    assert again.municipality("Tyresö") == kb.municipality("Tyresö") is not None
    # saving an older folder replaces its uncompressed copy
    again.to_disk(old)
    assert (old / "authorities.json.gz").exists() and not (old / "authorities.json").exists()


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


def test_a_county_board_with_its_county_and_without_i(kb):
    assert kb.match_authority("Länsstyrelsen Uppsala län") == kb.match_authority("Länsstyrelsen i Uppsala län") is not None


def test_municipal_associations_named_by_their_area_and_field(kb):
    for name in ("Ekbys utbildningsförbund", "Ekbys miljö- och energiförbund", "Norra Ekbys Utbildningsförbund",
                 "Ekby-Norrbys vattenverksförbund", "Ekbys samordningsförbund"):
        assert kb.match_authority(name).kind == "municipal_body", name
    # federations of sports, veterans or water conservation are no municipal association
    for name in ("Ekbys idrottsförbund", "Ekbys vattenvårdsförbund"):
        assert kb.match_authority(name) is None, name


def test_a_board_of_a_countys_municipalities_named_with_its_county(kb):
    for name in ("Tolknämnden i Dalarna", "Hjälpmedelsnämnden i Västra Götaland", "Överförmyndarnämnden i Uppsala län",
                 "Kostnämndens i Gotland"):
        assert kb.match_authority(name) is not None, name
    # a county the KB does not know, and no board
    assert kb.match_authority("Tolknämnden i Ekbyland") is None
    assert kb.match_authority("Tolkarna i Dalarna") is None


def test_a_central_office_and_the_city_architects_office_are_bodies(kb):
    for name in ("Koncernkontoret", "koncernkontorets", "Stadsarkitektkontoret", "stadsarkitektkontoret i Sala"):
        assert kb.match_authority(name) is not None, name


def test_a_police_authority_named_by_capitalised_words_only_and_a_board_for_a_group(kb):
    assert kb.match_authority("Ängelholms polismyndighet") is not None
    assert kb.match_authority("Södra Roslags tingsrätt") is not None
    assert kb.match_authority("Ekby kommun och polismyndigheten") is None
    assert kb.match_authority("Nämnden för personer med funktionsnedsättning") is not None
