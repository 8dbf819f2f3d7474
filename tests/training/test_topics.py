"""Weak topic labels: portfolio roles, keyword rules, cats."""

import pytest

from svpol.labels import TOPIC_LABELS
from training.topics import (
    MinisterTable,
    document_topics,
    empty_cats,
    keyword_hits,
    paragraph_topics,
    title_role,
    to_cats,
)


def test_keyword_hits_match_compounds_and_word_starts():
    hits = keyword_hits("Äldreomsorgen och hemtjänsten i kommunen; våldsbejakande extremism ökar.")
    assert hits["elderly_care"] == 2 and hits["extremism"] >= 2
    # "extremt" is an adverb, not extremism; "försvara" is a verb, not defence
    assert "extremism" not in keyword_hits("Det är extremt viktigt att försvara rätten.")
    assert "defence" not in keyword_hits("Det är extremt viktigt att försvara rätten.")
    # a party name and a metaphorical climate are not the environment
    assert "environment" not in keyword_hits("Miljöpartiet talar om företagsklimatet.")
    assert keyword_hits("Miljön och klimatet")["environment"] == 2


def test_municipal_transport_and_planning_words():
    # items of municipal agendas: buses, cycle paths, parking, numbered roads; planning is housing
    hits = keyword_hits("Svar på medborgarförslag om busskort, cykelväg och parkering vid väg 860. Översiktsplan för Ås.")
    assert hits["transport"] == 4 and hits["housing"] == 1
    # a road as a figure of speech is no road
    assert keyword_hits("Vägen framåt är lång och en väg ut finns.") == {}


def test_municipal_topic_words_of_convention_62():
    # convention 45 and the guide's grants to associations are democracy; construction of any building and
    # evictions are housing; the care homes in the definite and the field's own name are elderly care
    assert keyword_hits("Eva Ek (S) har anhållit om befrielse från uppdraget. Nya ledamöter utses och "
                        "verksamhetsbidrag delas ut.") == {"democracy": 3}
    assert keyword_hits("Om- och tillbyggnad av vårdcentralen och vräkningar av barnfamiljer.") == {
        "housing": 2, "health": 1}
    assert keyword_hits("Det nya särskilda boendet i Ekby och lokaler för vård och omsorg.") == {"elderly_care": 2}
    assert keyword_hits("Individ- och familjeomsorgen rapporterar ej verkställda beslut för gruppbostäder.") == {
        "social_services": 3}
    assert keyword_hits("Kommunal borgen och låneram för bolagen; tilläggsanslag och medfinansiering.") == {"budget": 4}
    assert keyword_hits("Brandmän vid räddningsstationen, lokalpolisområdet och medborgarlöftet.") == {
        "safety": 4}
    assert keyword_hits("Feriearbete för unga och nya arbetstillfällen.") == {"labour": 2}
    assert keyword_hits("Kommunstyrelsen fördelar stöd till idrottsföreningar och föreningen Ekby IF. Motionen anmäldes "
                        "och Eva Ek (S) avsäger sig uppdraget som ersättare.") == {"democracy": 5}
    assert keyword_hits("Ambulansen till lasarettet och hälsocentralen; bildningsnämnden och barnomsorgen.") == {
        "education": 2, "health": 3}
    assert keyword_hits("Färdtjänst och gatubelysning samt fiber på landsbygden.") == {"transport": 3}
    assert keyword_hits("Eva Ek (S) valdes till ordförande; planprogram för Ekby och priser för villatomter.") == {
        "democracy": 1, "housing": 2}
    # an economic association is a legal form, trade unions are no civil-society grant, the National Audit Office is
    # no municipal audit
    assert keyword_hits("Kapitaliseringen av Kommuninvest Ekonomisk förening.") == {}
    assert keyword_hits("Fackföreningar och Riksrevisionen kritiserar regeringen.") == {}
    # a municipality's financial assistance is no development aid
    assert keyword_hits("Kostnaderna för ekonomiskt bistånd ökar och biståndshandläggare anställs.") == {
        "budget": 1, "social_services": 1, "labour": 1}
    # a long-term plan is no loan, a code of conduct no construction
    assert "budget" not in keyword_hits("En långsiktig plan.")
    assert "housing" not in keyword_hits("Kommunens uppförandekod gäller alla.")


def test_municipal_topic_words_of_convention_63():
    # closing accounts in compounds are budget; owner directives, voters, the count of votes and a youth council
    # are democracy; decisions not carried out and parenting support are social services; land and property
    # sales are housing
    assert keyword_hits("Årsbokslut och delårsbokslutet för förbundet.") == {"budget": 2}
    assert keyword_hits("Nytt ägardirektiv för bolaget; 7 817 röstberättigade, slutlig rösträkning och "
                        "ungdomsrådet.") == {"democracy": 4}
    assert keyword_hits("Rapport om icke verkställda beslut och en strategi för föräldraskapsstöd.") == {
        "social_services": 2}
    assert keyword_hits("Markområdet runt verkstaden och fastighetsförsäljningen.") == {"housing": 2}


def test_traffic_as_a_compounds_last_part_is_transport_convention_64():
    assert keyword_hits("Motion om att få bort genomfartstrafiken och den tunga biltrafiken.") == {"transport": 2}


def test_riksdag_topic_words_of_convention_62():
    assert keyword_hits("Fastighetsbeskattning, restaurangmomsen och subventioner till kärnkraften.")["budget"] == 3
    assert keyword_hits("Familjeåterförening och avvisningar; vikariestopp och kvinnligt företagande.") == {
        "integration": 2, "labour": 2}
    assert keyword_hits("Sveriges bistånd till Afrika.") == {"defence": 1}
    assert keyword_hits("Fastighetsskatten, Lantmäteriets fastighetsbildning och marknadshyror; studentbostäder.")[
        "housing"] == 5
    assert keyword_hits("Ädelreformen, färdigbehandlade patienter och trygghetsbostäder för landets äldre.")[
        "elderly_care"] == 4
    # prostitution is both (the topic check's annotators gave it both)
    assert keyword_hits("Stöd till kvinnor i prostitution och handikappomsorgen; barn som far illa.") == {
        "social_services": 3, "safety": 1}
    assert keyword_hits("Narkotikabrott, kvinnojourer och Kustbevakningen; körkort och drivmedel; kemikalier.") == {
        "safety": 3, "health": 1, "transport": 2, "environment": 1}


def test_fire_is_safety_but_not_a_surname_or_a_trade():
    # convention 18: rescue services and fires are safety
    assert keyword_hits("Vilket brandskydd har sjöbodarna? I augusti utbröt en brand.") == {"safety": 2}
    assert keyword_hits("Brandt sa att branschen växer.") == {}


@pytest.mark.parametrize(
    "title,role",
    [
        ("Interpellation 2012/13:81 Piketpolisens befogenheter av Kent Ekeroth (SD) till justitieminister "
         "Beatrice Ask (M)", "justitieminister"),
        ("1994/95:47 av Bo Lundgren (m) till statsministern om nyföretagandet", "statsminister"),
        ("Interpellation 2012/13:85 Skatter av Leif Jakobsen (S) till statsrådet Peter Norman (M)", "statsrådet"),
        ("Något helt annat", None),
    ],
)
def test_title_role(title, role):
    assert title_role(title) == role


def test_document_topics_portfolio_and_keywords():
    title = "Interpellation 2019/20:1 Piketpolisen av A B (M) till justitieminister C D (S)"
    # Portfolio gives safety; extremism is added by its keywords in the title/body.
    body = "Den våldsbejakande extremismen och terrorhotet växer. Radikaliseringen av unga oroar."
    assert document_topics(title, body, ["justitieminister"]) == ["extremism", "safety"]
    # No keyword of the portfolio: the primary portfolio topic is still kept.
    assert document_topics("X av A (S) till Y", "Ingenting särskilt.", ["miljöminister"]) == ["environment"]
    # Several candidates: keep the supported one.
    topics = document_topics("X av A (S) till Y", "Hemtjänsten och äldreomsorgen brister.", ["socialminister"])
    assert topics == ["elderly_care"]
    # No portfolio and no keywords: no topic.
    assert document_topics("X av A (S) till Y", "Ingenting särskilt.", []) == []


def test_paragraph_topics():
    assert paragraph_topics("Min fråga till ministern är följande:", ["safety"]) == []
    assert paragraph_topics("Polisen måste bli fler.", ["safety"]) == ["safety"]
    assert paragraph_topics("Skolan och lärarna behöver stöd.", ["safety"]) == ["education"]
    # A long paragraph the keyword lists say nothing about is left unlabelled, not "no topic".
    long_text = " ".join(["Detta är en lång mening om något som listorna inte känner till alls."] * 4)
    assert paragraph_topics(long_text, ["safety"]) is None


def test_cats_have_every_label():
    cats = to_cats(["budget"])
    assert set(cats) == set(TOPIC_LABELS) and cats["budget"] == 1.0 and sum(cats.values()) == 1.0
    assert set(empty_cats()) == set(TOPIC_LABELS) and not any(empty_cats().values())
    with pytest.raises(ValueError, match="unknown topic"):
        to_cats(["weather"])


def test_minister_table_roles_at(tmp_path):
    path = tmp_path / "minister.csv"
    path.write_text(
        "person_id,start,end,government,role\n"
        "p1,2006-10-06,2014-10-03,Regeringen Reinfeldt,justitieminister\n"
        "p1,1991-10-04,1994-10-07,Regeringen Carl Bildt,skolminister\n"
        "p2,2022-10-18,,Regeringen Kristersson,finansminister\n",
        encoding="utf-8",
    )
    table = MinisterTable.from_csv(path)
    assert table.roles_at("p1", "2012-11-05") == ["justitieminister"]
    assert table.roles_at("p1", "1993-01-01") == ["skolminister"]
    assert table.roles_at("p1", "2000-01-01") == []
    assert table.roles_at("p2", "2023-03-01") == ["finansminister"]
    assert table.roles_at("nobody", "2023-03-01") == [] and table.roles_at("p1", None) == []


def test_word_by_word_counts_equal_the_whole_patterns():
    # keyword_hits counts within-word stems word by word (cached) and falls back to a topic's whole
    # pattern where a stem across words, or a regular expression, may match; both give the same counts.
    from svpol.topic_keywords import _PATTERNS

    texts = ["Äldreomsorgen, särskilt boende och de äldre; hemtjänst för äldre personer.",
             "Budget: 3 miljoner kronor, eget kapital och skatteintäkter (mnkr). Brandskydd vid en brand.",
             "Miljöpartiet, miljön och biologisk mångfald; väg 56 och vägen; hat och hot mot demokratin.",
             "Islamiska staten och jihadister; terrorattentat. A-kassa och arbetslöshet.",
             ""]
    for text in texts:
        whole = {label: len(p.findall(text.lower())) for label, p in _PATTERNS.items()}
        assert keyword_hits(text) == {label: n for label, n in whole.items() if n}
