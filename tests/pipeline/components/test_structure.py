"""svpol_structure: items, sections, proposals, votes, reservations, attendance; motions,
interpellations and page furniture. Every document here is invented for these tests.

Entities are set by hand on a blank pipeline (the component only reads them), so the tests
do not depend on the trained model, except the last ones, which run the shipped model on
examples/protokoll.txt.
"""

import json
import re
from pathlib import Path

import pytest
from spacy.tokens import Span
from spacy.util import filter_spans

from svpol.components.structure import Structure, detect_kind, find_furniture, map_offsets, proposal_kind
from svpol.tokenizer import blank

REPO = Path(__file__).resolve().parents[3]
PARTY_BRACKET_RE = re.compile(r"\((?:båda |alla )?(S|M|SD|C|V|KD|L|MP)\)")


def annotate(text, persons=(), authorities=(), money=(), parties=(), kind=None):
    """A Doc of ``text`` with entities set by hand: every occurrence of the given strings,
    and the letters of every "(M)" as PARTY; then svpol_structure."""
    nlp = blank()
    doc = nlp.make_doc(text)
    spans = []

    def tag(surface, label):
        for m in re.finditer(rf"(?<![\w-]){re.escape(surface)}(?![\w-])", text):
            span = doc.char_span(m.start(), m.end(), label=label)
            assert span is not None, f"{surface!r} does not align with tokens"
            spans.append(span)

    for name in persons:
        tag(name, "PERSON")
    for name in authorities:
        tag(name, "AUTHORITY")
    for amount in money:
        tag(amount, "MONEY")
    for party in parties:
        tag(party, "PARTY")
    for m in PARTY_BRACKET_RE.finditer(text):
        span = doc.char_span(m.start(1), m.end(1), label="PARTY")
        assert span is not None
        spans.append(span)
    doc.ents = filter_spans(spans)
    return Structure(kind=kind)(doc)


def names(people):
    return [(p["name"], p["party"]) for p in people]


def section_kinds(item):
    return [s["kind"] for s in item["sections"]]


# ------------------------------------------------------------------------------------------
KF_PROTOCOL = """\
Ekbackens kommun
SAMMANTRÄDESPROTOKOLL
Kommunfullmäktige

Sammanträdesdatum: 2024-05-20
Tid: kl. 18.30–21.05
Plats: Stadshuset, sessionssalen
Justerare: Lisa Holm (C) och Erik Strand (SD)

Ledamöter
Anna Berg (M), ordförande
Per Ek (M)
Maja Lund (S), 1:e vice ordförande
Omar Farah (S)
Lisa Holm (C)
Erik Strand (SD)

Tjänstgörande ersättare
Jonas Ström (V) ersättare för Sofia Kask (V)

Övriga närvarande
Karl Nord, kommundirektör
Eva Ås, sekreterare

§ 12 Budget 2025 för kommunstyrelsen
Dnr KS 2024/123

Ärendebeskrivning
Kommunstyrelsen har lämnat ett förslag till budget för 2025 med en ram på 1 200 mnkr.

Förslag till beslut
Kommunstyrelsen föreslår kommunfullmäktige besluta
1. att fastställa budgeten för 2025 med en ram på 1 200 mnkr,
2. att skattesatsen ska vara oförändrad.

Yrkanden
Anna Berg (M) yrkar bifall till kommunstyrelsens förslag.
Maja Lund (S) m.fl. yrkar avslag på förslaget.
Erik Strand (SD) yrkar bordläggning av ärendet.
Lisa Holm (C) yrkar att punkt 2 ändras så att skattesatsen sänks.

Beslutsgång
Ordföranden ställer proposition på bordläggningsyrkandet och finner att ärendet ska avgöras i dag.

Omröstning
Omröstning begärs. Ja för bifall till kommunstyrelsens förslag, nej för bifall till avslagsyrkandet.
Omröstningen utfaller med 7 ja-röster och 4 nej-röster. 1 ledamot avstår.
Ja-röster: Anna Berg (M), Per Ek (M), Lisa Holm (C)
Nej-röster: Maja Lund (S), Omar Farah (S)
Avstår: Erik Strand (SD)

Beslut
Kommunfullmäktige beslutar
1. att fastställa budgeten för 2025 med en ram på 1 200 mnkr,
2. att skattesatsen ska vara oförändrad.

Reservation: Maja Lund (S) och Omar Farah (S) reserverar sig mot beslutet till förmån för eget yrkande.

Protokollsanteckning
Erik Strand (SD) antecknar till protokollet att partiet hade velat ha mer tid.

§ 13 Motion om fler cykelbanor
Dnr KS 2023/456

Jäv
Per Ek (M) anmäler jäv och deltar inte i handläggningen.

Ärendet
Omar Farah (S) har i en motion föreslagit fler cykelbanor.

Yrkanden
Omar Farah (S) yrkar återremiss för vidare utredning.

Beslut
Kommunfullmäktige beslutar att återremittera ärendet.

Särskilt uttalande
Moderaterna lämnar ett särskilt uttalande om trafiksäkerheten.

Ersättaryttrande
Jonas Ström (V) instämmer i motionen.

Vid protokollet
Eva Ås

Justeras
Lisa Holm (C)          Erik Strand (SD)
"""
KF_PERSONS = ("Anna Berg", "Per Ek", "Maja Lund", "Omar Farah", "Lisa Holm", "Erik Strand", "Jonas Ström",
              "Sofia Kask", "Karl Nord", "Eva Ås")


@pytest.fixture(scope="module")
def kf():
    return annotate(KF_PROTOCOL, persons=KF_PERSONS, authorities=("Kommunfullmäktige", "Kommunstyrelsen"),
                    money=("1 200 mnkr",), parties=("Moderaterna",))


def test_kind_and_header(kf):
    s = kf._.structure
    assert s["kind"] == "protocol"
    h = s["header"]
    assert h["body"]["text"] == "Kommunfullmäktige"
    assert h["date"]["value"] == "2024-05-20"
    assert (h["time"]["start_time"], h["time"]["end_time"]) == ("18:30", "21:05")
    assert h["place"]["text"] == "Stadshuset, sessionssalen"
    assert names(h["adjusters"]) == [("Lisa Holm", "C"), ("Erik Strand", "SD")]
    assert h["secretary"]["name"] == "Eva Ås"


def test_attendance_lists(kf):
    blocks = {b["group"]: b for b in kf._.structure["attendance"]}
    assert set(blocks) == {"members", "serving_substitutes", "others"}
    members = blocks["members"]["persons"]
    assert names(members) == [("Anna Berg", "M"), ("Per Ek", "M"), ("Maja Lund", "S"), ("Omar Farah", "S"),
                              ("Lisa Holm", "C"), ("Erik Strand", "SD")]
    assert [p["role"] for p in members][:3] == ["ordförande", None, "1:e vice ordförande"]
    (sub,) = blocks["serving_substitutes"]["persons"]
    assert (sub["name"], sub["party"], sub["replaces"]["name"]) == ("Jonas Ström", "V", "Sofia Kask")
    assert [(p["name"], p["role"]) for p in blocks["others"]["persons"]] == [
        ("Karl Nord", "kommundirektör"), ("Eva Ås", "sekreterare")]


def test_items_titles_and_diary_numbers(kf):
    items = kf._.structure["items"]
    assert [(i["number"], i["title"]["text"], i["dnr"]["text"]) for i in items] == [
        (12, "Budget 2025 för kommunstyrelsen", "KS 2024/123"),
        (13, "Motion om fler cykelbanor", "KS 2023/456"),
    ]
    # the last item ends before the closing signatures
    assert KF_PROTOCOL[items[1]["start"]:items[1]["end"]].endswith("Jonas Ström (V) instämmer i motionen.")


def test_sections_by_heading(kf):
    first, second = kf._.structure["items"]
    assert section_kinds(first) == ["background", "proposals", "proposals", "course", "vote", "decision",
                                    "reservation", "minute_note"]
    assert section_kinds(second) == ["conflict_of_interest", "background", "proposals", "decision", "statement",
                                     "substitute_statement"]
    heading = first["sections"][6]["heading"]
    assert KF_PROTOCOL[heading["start"]:heading["end"]] == "Reservation"


def test_decision_points_with_money(kf):
    points = kf._.structure["items"][0]["decisions"]
    assert [p["number"] for p in points] == [1, 2]
    assert points[0]["text"].startswith("att fastställa budgeten")
    assert [(m["text"], m["amount_sek"]) for m in points[0]["money"]] == [("1 200 mnkr", None)]
    assert points[1]["money"] == []
    assert points[0]["intro"]["text"] == "Kommunfullmäktige beslutar"


def test_proposals_who_and_kind(kf):
    proposals = kf._.structure["items"][0]["proposals"]
    base = proposals[0]
    assert base["kind"] == "base" and [a["text"] for a in base["by"]] == [] and len(base["points"]) == 2
    got = [(p["kind"], names(p["persons"]), p["others"]) for p in proposals[1:]]
    assert got == [
        ("approve", [("Anna Berg", "M")], False),
        ("reject", [("Maja Lund", "S")], True),
        ("table", [("Erik Strand", "SD")], False),
        ("amendment", [("Lisa Holm", "C")], False),
    ]
    assert proposals[1]["target"] == "kommunstyrelsens förslag"
    assert proposals[2]["others_party"] == "S"
    second = kf._.structure["items"][1]["proposals"]
    assert [(p["kind"], names(p["persons"])) for p in second] == [("refer_back", [("Omar Farah", "S")])]


def test_vote_counts_meanings_and_ballots(kf):
    (vote,) = kf._.structure["items"][0]["votes"]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (7, 4, 1)
    assert vote["yes_means"] == "bifall till kommunstyrelsens förslag"
    assert vote["no_means"] == "bifall till avslagsyrkandet"
    assert [(b["vote"], b["name"], b["party"]) for b in vote["ballots"]] == [
        ("yes", "Anna Berg", "M"), ("yes", "Per Ek", "M"), ("yes", "Lisa Holm", "C"),
        ("no", "Maja Lund", "S"), ("no", "Omar Farah", "S"), ("abstain", "Erik Strand", "SD")]


def test_reservations_statements_and_notes(kf):
    first, second = kf._.structure["items"]
    res = first["reservations"]
    assert [(r["kind"], names(r["signatories"])) for r in res] == [
        ("reservation", [("Maja Lund", "S"), ("Omar Farah", "S")]),
        ("minute_note", [("Erik Strand", "SD")]),
    ]
    assert res[0]["in_favour_of"] == "eget yrkande" and res[0]["against"] == "beslutet"
    # the span starts at the heading "Reservation:", the text after it
    assert KF_PROTOCOL[res[0]["span_start"]:res[0]["end"]].startswith("Reservation: Maja Lund")
    assert KF_PROTOCOL[res[0]["start"]:res[0]["end"]].startswith("Maja Lund (S) och Omar Farah (S) reserverar")
    got = [(r["kind"], names(r["signatories"]), r["party_ids"]) for r in second["reservations"]]
    assert got == [("statement", [], ["M"]), ("substitute_statement", [("Jonas Ström", "V")], ["V"])]
    assert second["reservations"][0]["parties"][0]["party"] == "M"  # "Moderaterna", no enricher: the name table


def test_conflict_of_interest(kf):
    (conflict,) = kf._.structure["items"][1]["conflicts"]
    assert names(conflict["persons"]) == [("Per Ek", "M")]


def test_span_groups_and_extensions(kf):
    items = kf.spans["items"]
    assert [(s._.number, s._.title, s._.dnr, s.label_) for s in items] == [
        (12, "Budget 2025 för kommunstyrelsen", "KS 2024/123", "item"),
        (13, "Motion om fler cykelbanor", "KS 2023/456", "item")]
    assert items[0].text.startswith("§ 12") and items[1].text.endswith("instämmer i motionen.")
    reservations = kf.spans["reservations"]
    assert [(s.label_, s._.kind, s._.number) for s in reservations] == [
        ("reservation", "reservation", 12), ("minute_note", "minute_note", 12),
        ("statement", "statement", 13), ("substitute_statement", "substitute_statement", 13)]
    assert names(reservations[0]._.signatories) == [("Maja Lund", "S"), ("Omar Farah", "S")]
    assert {s.label_ for s in kf.spans["sections"]} >= {"decision", "vote", "reservation", "course"}
    assert [s._.proposers[0]["name"] for s in kf.spans["proposals"] if s._.proposers] == [
        "Anna Berg", "Maja Lund", "Erik Strand", "Lisa Holm", "Omar Farah"]
    assert len(kf.spans["votes"]) == 1 and len(kf.spans["decisions"]) == 3
    assert [s.label_ for s in kf.spans["attendance"]] == ["members", "serving_substitutes", "others"]
    assert all(isinstance(s, Span) for g in kf.spans.values() for s in g)


def test_structure_is_json_and_offsets_point_into_the_text(kf):
    s = kf._.structure
    assert json.loads(json.dumps(s)) == s

    def walk(value):
        if isinstance(value, dict):
            if "text" in value and isinstance(value.get("start"), int):
                assert KF_PROTOCOL[value["start"]:value["end"]] == value["text"], value
            if "name" in value and isinstance(value.get("start"), int) and value.get("source") == "entity":
                assert KF_PROTOCOL[value["start"]:value["end"]] == value["name"]
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    walk(s)


# ------------------------------------------------------------------------------------------
# The same kind of protocol as svpol.text.normalize leaves it: hard-wrapped lines joined, so
# the title and the Dnr share a line and headings run into their text.
NAMND_JOINED = """\
PROTOKOLL Socialnämnden i Ekbacken Datum: 2024-09-03 kl. 13.00–15.30 Plats: Nämndrummet

Beslutande: Anna Berg (M) ordförande, Per Ek (M), Maja Lund (S), Omar Farah (S)

KS § 45 Ändrad taxa för hemtjänst Dnr SN 2024/88

Sammanfattning Förvaltningen föreslår en höjd taxa för hemtjänsten från 2025.

Yrkanden Maja Lund (S) yrkar avslag. Anna Berg (M) yrkar bifall till förvaltningens förslag.

Beslutsgång Ordföranden ställer yrkandena mot varandra och finner att nämnden bifaller förvaltningens förslag. Omröstning begärs. Omröstningen utfaller med 7 ja-röster och 4 nej-röster.

Beslut Socialnämnden beslutar att anta den nya taxan.

Reservation Maja Lund (S) och Omar Farah (S) reserverar sig mot beslutet till förmån för eget yrkande.
"""


def test_joined_layout_run_in_headings():
    doc = annotate(NAMND_JOINED, persons=("Anna Berg", "Per Ek", "Maja Lund", "Omar Farah"),
                   authorities=("Socialnämnden i Ekbacken", "Socialnämnden"))
    s = doc._.structure
    assert s["kind"] == "protocol"
    assert s["header"]["body"]["text"] == "Socialnämnden i Ekbacken"
    assert s["header"]["place"]["text"] == "Nämndrummet"
    (item,) = s["items"]
    assert (item["number"], item["body"], item["title"]["text"], item["dnr"]["text"]) == (
        45, "KS", "Ändrad taxa för hemtjänst", "SN 2024/88")
    assert section_kinds(item) == ["background", "proposals", "course", "decision", "reservation"]
    assert [(p["kind"], names(p["persons"])) for p in item["proposals"]] == [
        ("reject", [("Maja Lund", "S")]), ("approve", [("Anna Berg", "M")])]
    (vote,) = item["votes"]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (7, 4, None)
    (res,) = item["reservations"]
    assert names(res["signatories"]) == [("Maja Lund", "S"), ("Omar Farah", "S")]
    assert res["in_favour_of"] == "eget yrkande"
    assert [p["text"] for p in item["decisions"]] == ["att anta den nya taxan."]
    members = s["attendance"][0]["persons"]
    assert names(members) == [("Anna Berg", "M"), ("Per Ek", "M"), ("Maja Lund", "S"), ("Omar Farah", "S")]
    assert members[0]["role"] == "ordförande"


VOTE_TABLE = """\
Protokoll

§ 7 Nytt äldreboende i Ekbacken
Dnr KS 2024/10

Omröstning
Ja för bifall till kommunstyrelsens förslag, nej för avslag.

Ledamot              Ja    Nej   Avstår
Anna Berg (M)        X
Per Ek (M)           X
Maja Lund (S)              X
Omar Farah (S)                   X

Kommunfullmäktige beslutar med 2 ja-röster mot 1 nej-röst att bygga ett nytt äldreboende för 85 mnkr.
"""


def test_vote_table_with_columns():
    doc = annotate(VOTE_TABLE, persons=("Anna Berg", "Per Ek", "Maja Lund", "Omar Farah"), money=("85 mnkr",))
    (item,) = doc._.structure["items"]
    (vote,) = item["votes"]
    assert [(b["name"], b["vote"]) for b in vote["ballots"]] == [
        ("Anna Berg", "yes"), ("Per Ek", "yes"), ("Maja Lund", "no"), ("Omar Farah", "abstain")]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (2, 1, 1)


def test_vote_in_words_and_against():
    text = ("Protokoll\n\n§ 3 Val\n\nBeslutsgång\nOmröstning verkställs. Nämnden beslutar med sju röster mot fyra "
            "att bifalla förslaget. Två ledamöter avstår.\n")
    (vote,) = annotate(text)._.structure["items"][0]["votes"]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (7, 4, 2)
    # "N ledamöter som avstår från att rösta"
    text = text.replace("Två ledamöter avstår.", "Ledamöterna röstar, samt 2 ledamöter som avstår från att rösta.")
    (vote,) = annotate(text)._.structure["items"][0]["votes"]
    assert (vote["yes"], vote["no"], vote["abstain"]) == (7, 4, 2)


@pytest.mark.parametrize("sentence, kind", [
    ("Anna Berg (M) yrkar bifall till förslaget.", "approve"),
    ("Anna Berg (M) yrkar avslag på motionen.", "reject"),
    ("Anna Berg (M) yrkar återremiss.", "refer_back"),
    ("Anna Berg (M) yrkar att ärendet återremitteras.", "refer_back"),
    ("Anna Berg (M) yrkar att ärendet bordläggs.", "table"),
    ("Anna Berg (M) yrkar bifall med tillägget att en uppföljning görs.", "addition"),
    ("Anna Berg (M) yrkar ändring av punkt 2.", "amendment"),
    ("Anna Berg (M) yrkar bifall till eget yrkande.", "approve"),
    ("Anna Berg (M) yrkar att nämnden ska anställa fler lärare.", "own"),
    ("Anna Berg (M) instämmer i Per Eks yrkande.", "approve"),
])
def test_proposal_kinds(sentence, kind):
    assert proposal_kind(sentence) == kind


def test_parties_and_mfl_resolved_to_the_party_it_names():
    text = ("Protokoll\n\n§ 4 Skolans lokaler\n\nYrkanden\nAnna Berg m.fl. (M) yrkar avslag. "
            "Vänsterpartiet och Miljöpartiet yrkar bifall till motionen. "
            "Per Ek och Lisa Holm (båda KD) yrkar återremiss.\n")
    doc = annotate(text, persons=("Anna Berg", "Per Ek", "Lisa Holm"), parties=("Vänsterpartiet", "Miljöpartiet", "KD"))
    props = doc._.structure["items"][0]["proposals"]
    assert [(p["kind"], names(p["persons"]), p["party_ids"], p["others_party"]) for p in props] == [
        ("reject", [("Anna Berg", "M")], ["M"], "M"),
        ("approve", [], ["V", "MP"], None),
        ("refer_back", [("Per Ek", "KD"), ("Lisa Holm", "KD")], ["KD"], None),
    ]


def test_entity_attributes_are_used_where_set():
    """A party the enricher set (the KB's) wins over none in the text; roles come from the text."""
    text = "Protokoll\n\n§ 1 Val\n\nYrkanden\nAnna Berg yrkar bifall.\n"
    nlp = blank()
    doc = nlp.make_doc(text)
    start = text.index("Anna Berg")
    doc.ents = [doc.char_span(start, start + 9, label="PERSON")]
    if not Span.has_extension("party"):
        Span.set_extension("party", default=None)
    doc.ents[0]._.party = "M"
    Structure()(doc)
    (prop,) = doc._.structure["items"][0]["proposals"]
    assert names(prop["persons"]) == [("Anna Berg", "M")]


def test_pattern_fallback_for_names_the_model_missed():
    text = "Protokoll\n\n§ 2 Budget\n\nReservation\nKarin Ekdahl (L) reserverar sig mot beslutet.\n"
    (res,) = annotate(text)._.structure["items"][0]["reservations"]
    assert [(p["name"], p["party"], p["source"]) for p in res["signatories"]] == [("Karin Ekdahl", "L", "pattern")]


def test_written_reservation_signed_at_the_end():
    text = ("Protokoll\n\n§ 9 Detaljplan för Ekbacken\nDnr BN 2024/77\n\nReservation (S)\n"
            "Vi anser att planen tar för mycket grönyta i anspråk och att fler bostäder borde byggas.\n\n"
            "Maja Lund (S)\nOmar Farah (S)\n")
    (res,) = annotate(text, persons=("Maja Lund", "Omar Farah"))._.structure["items"][0]["reservations"]
    assert res["kind"] == "reservation"
    assert names(res["signatories"]) == [("Maja Lund", "S"), ("Omar Farah", "S")]
    assert text[res["start"]:res["end"]].startswith("Vi anser")


def test_section_reference_is_not_an_item():
    text = "Protokoll\n\n§ 5 Val av justerare\n\nEnligt 5 kap.\n§ 12 i kommunallagen ska protokollet justeras.\n"
    assert [i["number"] for i in annotate(text)._.structure["items"]] == [5]


# ------------------------------------------------------------------------------------------
MUNICIPAL_MOTION = """\
Motion av Sara Lind (V) och Ali Demir (V) om gratis kollektivtrafik för unga

Bakgrund
Många unga i Ekbacken saknar möjlighet att ta sig till fritidsaktiviteter.

Förslag till beslut
Med anledning av ovanstående föreslår vi kommunfullmäktige besluta
att utreda gratis busskort för alla under 20 år,
att kostnaden, cirka 4 mnkr per år, finansieras inom befintlig ram.

Ekbacken den 3 mars 2024
Sara Lind (V)
Ali Demir (V)
"""


def test_municipal_motion():
    doc = annotate(MUNICIPAL_MOTION, persons=("Sara Lind", "Ali Demir"), money=("4 mnkr",))
    s = doc._.structure
    assert s["kind"] == "motion" and s["items"] == []
    m = s["motion"]
    assert m["title"]["text"] == "gratis kollektivtrafik för unga"
    assert names(m["authors"]) == [("Sara Lind", "V"), ("Ali Demir", "V")]
    assert names(m["signatures"]) == [("Sara Lind", "V"), ("Ali Demir", "V")]
    assert [p["kind"] for p in m["proposals"]] == ["att", "att"]
    assert m["proposals"][1]["text"] == "att kostnaden, cirka 4 mnkr per år, finansieras inom befintlig ram."
    assert [x["text"] for x in m["proposals"][1]["money"]] == ["4 mnkr"]
    assert [s.label_ for s in doc.spans["proposals"]] == ["att", "att"]


RIKSDAG_MOTION = """\
Motion till riksdagen 2023/24:1234
av Karin Ek m.fl. (C)

Ett starkare skydd för landsbygdens skolor

Förslag till riksdagsbeslut
1. Riksdagen ställer sig bakom det som anförs i motionen om ett statligt skolstöd och tillkännager detta för regeringen.
2. Riksdagen ställer sig bakom det som anförs i motionen om skolskjutsar och tillkännager detta för regeringen.

Motivering
Landsbygdens skolor läggs ned i snabb takt.

Karin Ek (C)
Per Moberg (C)
"""


def test_riksdag_motion():
    m = annotate(RIKSDAG_MOTION, persons=("Karin Ek", "Per Moberg"))._.structure["motion"]
    assert m["number"] == "2023/24:1234"
    assert m["title"]["text"] == "Ett starkare skydd för landsbygdens skolor"
    assert names(m["authors"]) == [("Karin Ek", "C")] and m["others"] and m["others_party"] == "C"
    assert names(m["signatures"]) == [("Karin Ek", "C"), ("Per Moberg", "C")]
    assert [(p["number"], p["kind"]) for p in m["proposals"]] == [(1, "numbered"), (2, "numbered")]
    assert m["proposals"][0]["text"].startswith("Riksdagen ställer sig bakom")
    assert [s["kind"] for s in m["sections"]] == ["motion_proposals", "background"]


RIKSDAG_INTERPELLATION = """\
Interpellation 2023/24:567 av Eva Lindh (S) till justitieminister Gunnar Ström (M)
Polisens närvaro i glesbygden

Polisen har under flera år minskat sin närvaro i glesbygden. Många invånare känner sig otrygga.

Mot bakgrund av detta vill jag fråga justitieministern:

1. Vilka åtgärder avser ministern att vidta för att öka polisens närvaro i glesbygden?
2. Avser ministern att ge Polismyndigheten ett särskilt uppdrag?
"""


def test_riksdag_interpellation():
    doc = annotate(RIKSDAG_INTERPELLATION, persons=("Eva Lindh", "Gunnar Ström"), authorities=("Polismyndigheten",))
    s = doc._.structure
    assert s["kind"] == "interpellation"
    i = s["interpellation"]
    assert i["number"] == "2023/24:567"
    assert i["title"]["text"] == "Polisens närvaro i glesbygden"
    assert (i["asker"]["name"], i["asker"]["party"]) == ("Eva Lindh", "S")
    assert (i["addressee"]["name"], i["addressee"]["party"], i["addressee"]["role"]) == (
        "Gunnar Ström", "M", "justitieminister")
    assert [(q["number"], q["text"][:20]) for q in i["questions"]] == [
        (1, "Vilka åtgärder avser"), (2, "Avser ministern att ")]
    assert [s._.number for s in doc.spans["questions"]] == [1, 2]


MUNICIPAL_INTERPELLATION = """\
Interpellation till kommunstyrelsens ordförande Anna Berg (M) om skolans lokaler

Flera skolor i Ekbacken har stora renoveringsbehov. Föräldrar hör av sig om mögel och trasiga fönster.
Jag vill därför fråga kommunstyrelsens ordförande: När kommer renoveringsplanen? Hur stor är budgeten för den?

Omar Farah (S)
"""


def test_municipal_interpellation_signed_at_the_end():
    i = annotate(MUNICIPAL_INTERPELLATION, persons=("Anna Berg", "Omar Farah"))._.structure["interpellation"]
    assert i["title"]["text"] == "skolans lokaler"
    assert (i["addressee"]["name"], i["addressee"]["role"]) == ("Anna Berg", "kommunstyrelsens ordförande")
    assert (i["asker"]["name"], i["asker"]["party"]) == ("Omar Farah", "S")
    assert [q["text"] for q in i["questions"]] == ["När kommer renoveringsplanen?", "Hur stor är budgeten för den?"]


@pytest.mark.parametrize("text, kind", [
    (KF_PROTOCOL, "protocol"), (NAMND_JOINED, "protocol"), (MUNICIPAL_MOTION, "motion"),
    (RIKSDAG_MOTION, "motion"), (RIKSDAG_INTERPELLATION, "interpellation"),
    (MUNICIPAL_INTERPELLATION, "interpellation"), ("Kommunen bygger en ny skola i Ekbacken.", "other"),
])
def test_detect_kind(text, kind):
    assert detect_kind(text) == kind


def test_forced_kind_and_bad_kind():
    doc = annotate("Anna Berg (M) yrkar bifall.", persons=("Anna Berg",), kind="protocol")
    assert doc._.structure["kind"] == "protocol" and doc._.structure["items"] == []
    with pytest.raises(ValueError, match="unknown kind"):
        Structure(kind="minutes")


# ------------------------------------------------------------------------------------------
PAGED = """\
Ekbackens kommun          Sammanträdesprotokoll          2024-05-20
Kommunstyrelsen

§ 21 Lokalförsörjning
Dnr KS 2024/5

Beslut
Kommunstyrelsen beslutar att godkänna planen.
Sida 1 av 2
Justerandes sign
Ekbackens kommun          Sammanträdesprotokoll          2024-05-20
§ 22 Delegationsbeslut
Dnr KS 2024/6

Beslut
Kommunstyrelsen beslutar att lägga redovisningen till handlingarna.
Sida 2 av 2
Justerandes sign
Ekbackens kommun          Sammanträdesprotokoll          2024-05-20
"""


def test_page_furniture():
    furniture = find_furniture(PAGED)
    got = [(f["kind"], f["text"]) for f in furniture]
    assert got.count(("page_number", "Sida 1 av 2")) == 1 and got.count(("page_number", "Sida 2 av 2")) == 1
    assert got.count(("signature_box", "Justerandes sign")) == 2
    assert sum(1 for k, _ in got if k == "repeated_line") == 3
    for f in furniture:
        assert PAGED[f["start"]:f["end"]] == f["text"]
    doc = annotate(PAGED, authorities=("Kommunstyrelsen",))
    items = doc._.structure["items"]
    assert [i["number"] for i in items] == [21, 22]
    assert [p["text"] for p in items[0]["decisions"]] == ["att godkänna planen."]
    assert [s.label_ for s in doc.spans["furniture"]].count("page_number") == 2


def test_map_offsets_maps_every_offset_pair():
    value = {"start": 1, "end": 3, "x": [{"start": 4, "end": 5, "content_start": 4}], "n": 7}
    mapped = map_offsets(value, lambda s, e: (s + 10, e + 10))
    assert mapped == {"start": 11, "end": 13, "x": [{"start": 14, "end": 15, "content_start": 14}], "n": 7}
    assert value["start"] == 1


# ------------------------------------------------------------------------------------------ shipped model
EXAMPLE = REPO / "examples" / "protokoll.txt"


@pytest.fixture(scope="module")
def example_nlp():
    import svpol

    nlp = svpol.load()
    nlp.add_pipe("svpol_structure")
    return nlp


@pytest.fixture(scope="module")
def example_doc(example_nlp):
    from svpol.text import normalize

    clean, _ = normalize(EXAMPLE.read_text(encoding="utf-8"))  # as `svpol annotate` gives it to the model
    return example_nlp(clean)


def test_example_protocol_with_the_shipped_model(example_doc):
    s = example_doc._.structure
    assert s["kind"] == "protocol"
    assert s["header"]["body"]["text"] == "Norrviks stadsdelsnämnd"
    assert s["header"]["date"]["value"] == "2026-03-12"
    assert [(i["number"], i["title"]["text"], i["dnr"]["text"]) for i in s["items"]] == [
        (14, "Handlingsplan mot våldsbejakande extremism 2026–2028", "NSN 2026/031"),
        (15, "Tertialrapport 1 för 2026", "NSN 2026/044"),
    ]
    assert section_kinds(s["items"][0]) == ["background", "proposals", "decision", "reservation"]
    assert section_kinds(s["items"][1]) == ["background", "decision"]
    reservations = [(r["kind"], names(r["signatories"])) for i in s["items"] for r in i["reservations"]]
    assert reservations == [
        ("reservation", [("Per-Olof Sandén", "SD")]),
        ("statement", [("Lena Ekholm", "L"), ("Tomas Wikström", "C")]),
    ]
    assert [(p["kind"], p["party_ids"]) for p in s["items"][0]["proposals"]] == [
        ("approve", ["S"]), ("refer_back", ["M"]), ("addition", ["V"])]
    points = s["items"][0]["decisions"]
    assert len(points) == 3 and [m["amount_sek"] for m in points[1]["money"]] == [600000.0]
    assert len(s["attendance"][0]["persons"]) == 7
    assert [sp._.signatories[0]["name"] for sp in example_doc.spans["reservations"]] == ["Per-Olof Sandén", "Lena Ekholm"]


def test_output_record_has_the_structure_with_raw_offsets(example_nlp):
    import svpol

    raw = EXAMPLE.read_text(encoding="utf-8")
    (record,) = svpol.annotate([{"id": "p", "text": raw}], nlp=example_nlp)
    s = record["structure"]
    assert json.loads(json.dumps(s)) == s
    titles = [raw[i["title"]["start"]:i["title"]["end"]] for i in s["items"]]
    assert titles == ["Handlingsplan mot våldsbejakande extremism 2026–2028", "Tertialrapport 1 för 2026"]
    assert [raw[i["dnr"]["start"]:i["dnr"]["end"]] for i in s["items"]] == ["NSN 2026/031", "NSN 2026/044"]
    assert [raw[i["start"]:i["start"] + 4] for i in s["items"]] == ["§ 14", "§ 15"]
    (reservation,) = [r for r in s["items"][0]["reservations"]]
    assert raw[reservation["span_start"]:reservation["end"]].startswith("Reservation\nPer-Olof Sandén (SD)")
    assert raw[reservation["end"] - 7:reservation["end"]] == "ansvar."
    person = reservation["signatories"][0]
    assert raw[person["start"]:person["end"]] == "Per-Olof Sandén"


def test_output_record_without_the_component_has_structure_none():
    import svpol

    (record,) = svpol.annotate(["Kommunen bygger en skola."], nlp=blank())
    assert record["structure"] is None


def test_several_diary_numbers_and_one_bullet_decision():
    text = ("Protokoll\n\n§8 Anmälan av motioner\n\nDnr. 2024/KS 0101 001\n\nDnr. 2024/KS 0102 001\n\n"
            "Ärendebeskrivning\n\nTvå motioner har kommit in.\n\nKommunfullmäktiges beslut\n\n"
            "- Motionerna lämnas över till kommunstyrelsen.\n")
    (item,) = annotate(text)._.structure["items"]
    assert [d["text"] for d in item["dnrs"]] == ["2024/KS 0101 001", "2024/KS 0102 001"]
    assert item["dnr"]["text"] == "2024/KS 0101 001"
    assert section_kinds(item) == ["background", "decision"]
    assert [p["text"] for p in item["decisions"]] == ["Motionerna lämnas över till kommunstyrelsen."]


def test_header_table_flattened_by_a_pdf_text_layer():
    """Labels without colons, all on one line, as a PDF text layer gives a header table."""
    text = ("Sammanträdesprotokoll Sida 1(9) Plats och tid Rådhuset, Ekbacken, tisdag den 4 juni kl. 09.00-11.30 "
            "Beslutande Samtliga ledamöter utom Per Ek (M) Utses att justera Maja Lund (S) "
            "Justeringens plats och tid Kommunkansliet, 2024-06-10 Kommunstyrelsen Sammanträdesdatum 2024-06-04\n\n"
            "§ 1 Val av justerare\n\nBeslut\nMaja Lund (S) utses att justera protokollet.\n")
    s = annotate(text, persons=("Per Ek", "Maja Lund"), authorities=("Kommunstyrelsen",))._.structure
    h = s["header"]
    assert h["date"]["value"] == "2024-06-04"
    assert h["place"]["text"] == "Rådhuset, Ekbacken"
    assert (h["time"]["start_time"], h["time"]["end_time"]) == ("09:00", "11:30")
    assert names(h["adjusters"]) == [("Maja Lund", "S")]
    assert [(f["kind"], f["text"]) for f in s["furniture"]] == [("page_number", "Sida 1(9)")]


def test_attendance_table_with_party_column():
    text = ("Protokoll\nKulturnämnden\n\nLedamöter\nAnna Berg\tM\tordförande\nPer Ek\tS\tvice ordförande\n"
            "Lisa Holm\tC\n\nErsättare\nJonas Ström\tV\n\n§ 1 Val av justerare\n\nBeslut\nLisa Holm utses.\n")
    blocks = annotate(text, persons=("Anna Berg", "Per Ek", "Lisa Holm", "Jonas Ström"))._.structure["attendance"]
    got = [(b["group"], [(p["name"], p["party"], p["role"]) for p in b["persons"]]) for b in blocks]
    assert got == [
        ("members", [("Anna Berg", "M", "ordförande"), ("Per Ek", "S", "vice ordförande"), ("Lisa Holm", "C", None)]),
        ("substitutes", [("Jonas Ström", "V", None)]),
    ]


# --------------------------------------------------------------------------- layouts of real protocols
# Each text below is invented; the layouts are those the real-protocol check (docs/structure.md) met.


def test_table_of_contents_lines_are_not_items():
    text = ("Protokoll\nTekniska nämnden 2025-02-11\n\nInnehåll\n§ 8 Budgetuppföljning ... 3\n§ 9 Gatunamn ..... 5\n\n"
            "§ 8 Budgetuppföljning\n\nBeslut\nNämnden godkänner uppföljningen.\n\n"
            "§ 9 Gatunamn\n\nBeslut\nNämnden fastställer namnet Ekvägen.\n")
    items = annotate(text)._.structure["items"]
    assert [(i["number"], i["title"]["text"]) for i in items] == [(8, "Budgetuppföljning"), (9, "Gatunamn")]


def test_diary_number_with_dots_and_title_run_into_its_decision():
    text = ("Protokoll\nKommunfullmäktige\n\nKF § 41 DNR: KS.2025.17\n\nVal av ombud Kommunfullmäktiges beslut "
            "Fullmäktige väljer Eva Lind till ombud.\n\nKF § 42 DNR: KS.2025.20\n\nSkattesats för 2026\n")
    items = annotate(text, persons=("Eva Lind",), authorities=("Kommunfullmäktige",))._.structure["items"]
    assert [(i["number"], i["dnr"]["text"], i["title"]["text"]) for i in items] == [
        (41, "KS.2025.17", "Val av ombud"), (42, "KS.2025.20", "Skattesats för 2026")]
    assert section_kinds(items[0]) == ["decision"]
    assert [d["text"] for d in items[0]["decisions"]] == ["Fullmäktige väljer Eva Lind till ombud."]


def test_item_page_without_a_paragraph_sign_is_one_unnumbered_item():
    """A web page of one agenda item: no `§` line, but the decision process of an item."""
    text = ("Ärendet gäller en ny förskola i Norrby.\n\nÖverläggning\n\n"
            "Ida Berg (C) och Omar Sahin (S) yrkar bifall till kommunstyrelsens förslag.\n\n"
            "Per Lund (SD) yrkar avslag.\n\nBeslutsgång\n\n"
            "Ordföranden ställer förslagen mot varandra och finner att fullmäktige bifaller "
            "kommunstyrelsens förslag.\n\n"
            "Reservation\n\nPer Lund (SD) reserverar sig mot beslutet.\n")
    s = annotate(text, persons=("Ida Berg", "Omar Sahin", "Per Lund"))._.structure
    assert s["kind"] == "protocol"
    [item] = s["items"]
    assert item["number"] is None and item["title"] is None
    assert section_kinds(item) == ["debate", "course", "reservation"]
    assert [(p["kind"], p["party_ids"]) for p in item["proposals"]] == [("approve", ["C", "S"]), ("reject", ["SD"])]
    assert [(r["kind"], names(r["signatories"])) for r in item["reservations"]] == [
        ("reservation", [("Per Lund", "SD")])]
    assert detect_kind("Ärendet gäller en ny förskola.\n\nBeslutsgång\n\nOrdföranden finner bifall.\n") == "other"


def test_attendance_of_a_flattened_front_page():
    """A PDF text layer with the front page on one line: labels in mid-line, no "protokoll" near the start."""
    text = ("Sida 1 (12) Plats och tid Rådssalen kl. 13:00-16:00 Beslutande Ledamöter Eva Lind (S), Bo Ek (M) "
            "och Siv Holm (C). Tjänstgörande ersättare Ali Demir (S) ersätter Omar Sahin (S). "
            "Tjänstemän Kommunchef Lena Dahl, nämndsekreterare Karl Berg. Justerande Bo Ek (M)\n")
    persons = ("Eva Lind", "Bo Ek", "Siv Holm", "Ali Demir", "Omar Sahin", "Lena Dahl", "Karl Berg")
    s = annotate(text, persons=persons)._.structure
    assert s["kind"] == "protocol"
    got = [(b["group"], [(p["name"], p["party"], (p.get("replaces") or {}).get("name")) for p in b["persons"]])
           for b in s["attendance"]]
    assert got == [
        ("members", [("Eva Lind", "S", None), ("Bo Ek", "M", None), ("Siv Holm", "C", None)]),
        ("serving_substitutes", [("Ali Demir", "S", "Omar Sahin")]),
        ("others", [("Lena Dahl", None, None), ("Karl Berg", None, None)]),
    ]


def test_attendance_rows_between_blank_lines_and_adjuster_party_from_the_list():
    text = ("Protokoll\nSocialnämnden 2025-03-04\n\nBeslutande: Eva Lind (S) ordf Bo Ek (M)\n\n"
            "Siv Holm (C) tjg ersättare istf Omar Sahin (C)\n\nKarin Alm (V)\n\n"
            "Övriga deltagande Ulla Berg (S) ej tjg ers\n\nSocialchef Lena Dahl\n\nUtses att justera Karin Alm\n\n"
            "§ 1 Val av justerare\n\nBeslut\nKarin Alm utses.\n")
    persons = ("Eva Lind", "Bo Ek", "Siv Holm", "Omar Sahin", "Karin Alm", "Ulla Berg", "Lena Dahl")
    s = annotate(text, persons=persons)._.structure
    got = [(b["group"], [(p["name"], p["party"]) for p in b["persons"]]) for b in s["attendance"]]
    assert got == [
        ("members", [("Eva Lind", "S"), ("Bo Ek", "M"), ("Siv Holm", "C"), ("Karin Alm", "V")]),
        ("others", [("Ulla Berg", "S"), ("Lena Dahl", None)]),
    ]
    assert s["attendance"][0]["persons"][2]["replaces"]["name"] == "Omar Sahin"
    assert names(s["header"]["adjusters"]) == [("Karin Alm", "V")]


def test_role_after_a_bracket_in_a_joined_list_stays_with_its_person():
    """svpol.text.normalize joins a list written one name a line: the role after the comma is the
    name's before it, not a title of the next name."""
    text = ("Protokoll\nKulturnämnden\n\nNärvarande ledamöter\n"
            "Eva Lind (S), ordförande Bo Ek (M), vice ordförande Siv Holm (C)\n\n§ 1 Val av justerare\n")
    [block] = annotate(text, persons=("Eva Lind", "Bo Ek", "Siv Holm"))._.structure["attendance"]
    assert [(p["name"], p["role"]) for p in block["persons"]] == [
        ("Eva Lind", "ordförande"), ("Bo Ek", "vice ordförande"), ("Siv Holm", None)]


def test_party_written_after_the_name_wins_over_the_enrichers():
    """The KB may link a municipal politician to a namesake; the bracket in the protocol is this one's party."""
    text = ("Protokoll\n\nBeslutande\nLeif Berg (NP)\nAnna Holm (S)\n\n"
            "Justerare Leif Berg (NP) och Anna Holm (S)\n\n§ 1 Val\n")
    nlp = blank()
    doc = nlp.make_doc(text)
    if not Span.has_extension("party"):
        Span.set_extension("party", default=None)
    spans = []
    for name, kb_party in (("Leif Berg", "C"), ("Anna Holm", None)):
        for m in re.finditer(name, text):
            span = doc.char_span(m.start(), m.end(), label="PERSON")
            span._.party = kb_party
            spans.append(span)
    doc.ents = spans
    s = Structure()(doc)._.structure
    assert names(s["attendance"][0]["persons"]) == [("Leif Berg", "NP"), ("Anna Holm", "S")]
    # "Justerare" without a colon, as a header table gives it
    assert names(s["header"]["adjusters"]) == [("Leif Berg", "NP"), ("Anna Holm", "S")]
