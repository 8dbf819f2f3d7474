"""svpol_politicians: party, role and kb_id of PERSON entities, with a KB written by the test."""

import re

import pytest
import spacy

from svpol.components.politicians import PoliticianEnricher, base_role
from svpol.kb import Affiliation, KnowledgeBase, Person, default_parties


def _person(pid, name, affs, born="", dead="", wd=None):
    return Person(pid, name, (name,), wd, None, born, dead, tuple(Affiliation(*a) for a in affs))


@pytest.fixture(scope="module")
def test_kb():
    persons = [
        # Two people share a name; one died before our documents.
        _person("a1", "Anna Ek", [("S", "", "")], born="1920-01-01", dead="1999-01-01", wd="Q101"),
        _person("a2", "Anna Ek", [("M", "", "")], born="1970-01-01", wd="Q102"),
        _person("b1", "Bo Berg", [("C", "", "")], born="1960-01-01", wd="Q201"),
        _person("c1", "Cecilia Byte", [("C", "1998-10-01", "2010-09-30"), ("M", "2010-10-01", "")], wd="Q301"),
        _person("d1", "David Dubbel", [("KD", "", "")], wd="Q401"),
        _person("d2", "David Dubbel", [("V", "", "")], wd="Q402"),
    ]
    return KnowledgeBase(parties={p.id: p for p in default_parties()}, persons={p.id: p for p in persons})


@pytest.fixture()
def nlp(test_kb):
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_politicians")
    nlp.get_pipe("svpol_politicians").kb = test_kb
    return nlp


def annotate(nlp, text, names, date=None):
    doc = nlp.make_doc(text)
    doc._.date = date
    spans = []
    for name in names:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name), label="PERSON"))
    doc.ents = spans
    doc = nlp.get_pipe("svpol_politicians")(doc)
    return {e.text: (e._.party, e._.role, e._.kb_id) for e in doc.ents}


def test_party_from_text_and_roles(nlp):
    got = annotate(nlp, "Ordföranden Elvir Kazinic (S), Vice ordföranden Zara Ny m.fl. (M) och Kent Vilde (-) "
                        "samt Lisa Lund (MP), ersättare.", ["Elvir Kazinic", "Zara Ny", "Kent Vilde", "Lisa Lund"])
    assert got == {
        "Elvir Kazinic": ("S", "ordförande", None),
        "Zara Ny": ("M", "vice ordförande", None),
        "Kent Vilde": ("-", None, None),
        "Lisa Lund": ("MP", "ersättare", None),
    }


def test_party_named_after_fran(nlp):
    text = "Bo Al från Centerpartiet reserverade sig, Eva Ek från Ekby kommun inte."
    doc = nlp.make_doc(text)
    spans = [doc.char_span(text.index(name), text.index(name) + len(name), label=label)
             for name, label in (("Bo Al", "PERSON"), ("Centerpartiet", "PARTY"), ("Eva Ek", "PERSON"))]
    doc.ents = spans
    doc = nlp.get_pipe("svpol_politicians")(doc)
    assert {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"} == {"Bo Al": "C", "Eva Ek": None}


def test_party_after_an_abbreviated_office_or_the_paragraphs_attended(nlp):
    # "ers" and "2 v ordf" are offices; paragraphs attended (or not) may stand before the letters (m-v681 … m-v686)
    got = annotate(nlp, "Bo Al, ers (M) Eva Ek, 2 v ordf (S) Siv Berg, ej § 301-302 (MP) Ja Per Ny §§ 135-145 (C)",
                   ["Bo Al", "Eva Ek", "Siv Berg", "Per Ny"])
    assert got == {"Bo Al": ("M", "ersättare", None), "Eva Ek": ("S", "2:e vice ordförande", None),
                   "Siv Berg": ("MP", None, None), "Per Ny": ("C", None, None)}


def test_party_after_an_office_with_a_word_before_it_or_on_the_next_line(nlp):
    got = annotate(nlp, "Jacob Ek, kommunstyrelsens ordförande (M), och Eva Berg, socialnämndens vice ordförande (S), "
                        "höll med, liksom Sara Lind, politisk sekreterare (MP). Siv Al\ngruppledare (c)",
                   ["Jacob Ek", "Eva Berg", "Sara Lind", "Siv Al"])
    assert got == {"Jacob Ek": ("M", "ordförande", None), "Eva Berg": ("S", "vice ordförande", None),
                   "Sara Lind": ("MP", "sekreterare", None), "Siv Al": ("C", "gruppledare", None)}


def test_minister_titles(nlp):
    got = annotate(nlp, "Interpellation av Bo Berg (C) till Finansminister Cecilia Byte (M) och statsministern "
                        "Nils Nord.", ["Bo Berg", "Cecilia Byte", "Nils Nord"], date="2015-03-01")
    assert got["Bo Berg"] == ("C", None, "Q201")
    assert got["Cecilia Byte"] == ("M", "finansminister", "Q301")
    assert got["Nils Nord"] == (None, "statsminister", None)


def test_party_from_kb_needs_certainty(nlp):
    # Without a date only a person who never changed party gets a party from the KB.
    assert annotate(nlp, "Bo Berg talade.", ["Bo Berg"]) == {"Bo Berg": ("C", None, "Q201")}
    assert annotate(nlp, "Cecilia Byte talade.", ["Cecilia Byte"]) == {"Cecilia Byte": (None, None, "Q301")}
    assert annotate(nlp, "Cecilia Byte talade.", ["Cecilia Byte"], "2005-05-05")["Cecilia Byte"][0] == "C"
    assert annotate(nlp, "Cecilia Byte talade.", ["Cecilia Byte"], "2019-05-05")["Cecilia Byte"][0] == "M"


def test_ambiguous_names(nlp):
    # Two David Dubbel: no party from the KB and no link, but the written party stays.
    assert annotate(nlp, "David Dubbel talade.", ["David Dubbel"]) == {"David Dubbel": (None, None, None)}
    assert annotate(nlp, "David Dubbel (KD) talade.", ["David Dubbel"]) == {"David Dubbel": ("KD", None, None)}
    # Two Anna Ek, but at a date after 1999 only one of them was alive.
    assert annotate(nlp, "Anna Ek talade.", ["Anna Ek"]) == {"Anna Ek": (None, None, None)}
    assert annotate(nlp, "Anna Ek talade.", ["Anna Ek"], "2021-06-01") == {"Anna Ek": ("M", None, "Q102")}


def test_written_party_contradicting_kb_drops_link(nlp):
    assert annotate(nlp, "Bo Berg (S) talade.", ["Bo Berg"]) == {"Bo Berg": ("S", None, None)}


def test_party_letter_that_is_an_initial(nlp):
    got = annotate(nlp, "C. Andersson yrkade bifall och S. Nilsson (V) avslag.", ["C. Andersson", "S. Nilsson"])
    assert got == {"C. Andersson": (None, None, None), "S. Nilsson": ("V", None, None)}


def test_genitive_name(nlp):
    assert annotate(nlp, "Bo Bergs förslag.", ["Bo Bergs"])["Bo Bergs"] == ("C", None, "Q201")


@pytest.mark.parametrize(
    "written,base",
    [("Ordföranden", "ordförande"), ("Vice ordföranden", "vice ordförande"), ("Ledamoten", "ledamot"),
     ("Ersättaren", "ersättare"), ("statsrådet", "statsråd"), ("Finansminister", "finansminister"),
     ("statsministern", "statsminister"), ("riksdagsledamoten", "riksdagsledamot"),
     ("kommunalrådet", "kommunalråd"), ("Förste vice ordföranden", "förste vice ordförande"),
     ("Protokolljusterare", "protokolljusterare"),
     ("nämndsekreteraren", "nämndsekreterare"), ("förvaltningschef", "förvaltningschef"),
     ("samrådet", None), ("huset", None)],
)
def test_base_role(written, base):
    assert base_role(written) == base


def test_local_politicians_from_csv_and_round_trip(tmp_path):
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_politicians")
    pipe = nlp.get_pipe("svpol_politicians")
    pipe.kb = KnowledgeBase(parties={p.id: p for p in default_parties()})
    csv_path = tmp_path / "fullmaktige.csv"
    csv_path.write_text("name,party,id\nElvira Lokal,V,kf-7\n", "utf-8")
    assert pipe.add_persons_csv(csv_path) == 1
    nlp.to_disk(tmp_path / "m")
    loaded = spacy.load(tmp_path / "m")
    assert annotate(loaded, "Elvira Lokal talade.", ["Elvira Lokal"]) == {"Elvira Lokal": ("V", None, "kf-7")}


def test_window_check():
    with pytest.raises(ValueError, match="window"):
        PoliticianEnricher(window=2)


def test_surname_mentions_take_the_full_mention_party_and_link(nlp):
    text = ("Interpellation av Bo Berg (C) till Cecilia Byte. Berg menar att Bytes svar är otillräckligt, "
            "och Berg (S) i kommunen håller med.")
    doc = nlp.make_doc(text)
    doc._.date = "2015-01-01"
    spans = [doc.char_span(m.start(), m.end(), label="PERSON")
             for m in re.finditer(r"Bo Berg|Cecilia Byte|\bBerg\b(?! \()|Bytes|Berg(?= \(S\) i)", text)]
    doc.ents = spans
    doc = nlp.get_pipe("svpol_politicians")(doc)
    got = [(e.text, e._.party, e._.kb_id) for e in doc.ents]
    assert got == [
        ("Bo Berg", "C", "Q201"),
        ("Cecilia Byte", "M", "Q301"),  # party from the KB at the date
        ("Berg", "C", "Q201"),          # surname alone: the full mention's party and link
        ("Bytes", "M", "Q301"),         # genitive
        ("Berg", "S", None),            # its own written party wins; no link across parties
    ]


def _enriched(nlp, text, names):
    """``text`` with a PERSON for each match of the regex ``names``, enriched by svpol_politicians."""
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(m.start(), m.end(), label="PERSON") for m in re.finditer(names, text)]
    return nlp.get_pipe("svpol_politicians")(doc)


def test_surname_shared_by_two_full_mentions_stays_unresolved(nlp):
    # Kalle Berg has no party: he still makes "Berg" ambiguous.
    doc = _enriched(nlp, "Bo Berg (C) och Kalle Berg av M debatterade. Berg vann.", r"Bo Berg|Kalle Berg|Berg(?= vann)")
    assert [(e.text, e._.party) for e in doc.ents] == [("Bo Berg", "C"), ("Kalle Berg", None), ("Berg", None)]


def test_a_full_name_without_letters_takes_the_party_of_its_other_mentions(nlp):
    # the signature lines of a protocol name the members of its attendance list again
    text = "Beslutande Lisa Ek (S) Per Lund (M) Per Lund (KD) Justerare Lisa Ek Per Lund Anna Rask"
    doc = _enriched(nlp, text, r"Lisa Ek|Per Lund|Anna Rask")
    # two parties for one name (two people, or a change of party) give none
    assert [(e.text, e._.party) for e in doc.ents] == [
        ("Lisa Ek", "S"), ("Per Lund", "M"), ("Per Lund", "KD"), ("Lisa Ek", "S"), ("Per Lund", None),
        ("Anna Rask", None)]


@pytest.mark.parametrize("text,expected", [
    ("Yrkanden: Anna Berg, Per Ek och Lisa Holm (alla M) samt Olle Lind och Eva Ström (båda KD). Nils Ro yrkar.",
     [("Anna Berg", "M"), ("Per Ek", "M"), ("Lisa Holm", "M"), ("Olle Lind", "KD"), ("Eva Ström", "KD"),
      ("Nils Ro", None)]),
    # a party's group after the list
    ("Anna Berg, Per Ek och Lisa Holm (MP-gruppen) har lämnat in en motion. Nils Ro (S) svarar.",
     [("Anna Berg", "MP"), ("Per Ek", "MP"), ("Lisa Holm", "MP"), ("Nils Ro", "S")]),
    # a plain bracket after a list's last name, the groups of a reservation (convention 63)
    ("Reservationer: Anna Berg och Per Ek (SD), Lisa Holm (KD), Olle Lind, Eva Ström och Bo Al (V) samt "
     "Ida Ny och Nils Ro (M).",
     [("Anna Berg", "SD"), ("Per Ek", "SD"), ("Lisa Holm", "KD"), ("Olle Lind", "V"), ("Eva Ström", "V"),
      ("Bo Al", "V"), ("Ida Ny", "M"), ("Nils Ro", "M")]),
    # a comma alone before the bracket: one name's letters in a list whose other name lost its own
    ("Närvarande: Lisa Holm (S), Per Ek , Olle Lind (V), Eva Ström (M).",
     [("Lisa Holm", "S"), ("Per Ek", None), ("Olle Lind", "V"), ("Eva Ström", "M")]),
])
def test_a_shared_bracket_gives_every_listed_name_its_party(text, expected):
    from svpol.tokenizer import blank

    nlp = blank()
    component = nlp.add_pipe("svpol_politicians")
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(text.index(n), text.index(n) + len(n), "PERSON") for n, _ in expected]
    doc = component(doc)
    assert [(e.text, e._.party) for e in doc.ents] == expected


def test_a_plain_bracket_does_not_overrule_the_documents_own_letters_for_a_listed_name():
    from svpol.tokenizer import blank

    nlp = blank()
    component = nlp.add_pipe("svpol_politicians")
    text = "Anna Berg (S) yrkar bifall. Reservation: Anna Berg och Per Ek (M)."
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(m.start(), m.end(), "PERSON") for m in re.finditer(r"Anna Berg|Per Ek", text)]
    doc = component(doc)
    assert [(e.text, e._.party) for e in doc.ents] == [("Anna Berg", "S"), ("Anna Berg", "S"), ("Per Ek", "M")]


def test_party_after_a_comma_and_local_party_letters(nlp):
    text = "Jannike Hellgren, M, ordförande Jenny Pallin, S Roland Johansson (ALT) Per Ek, XY, Bo Ny (QQ)"
    doc = nlp.make_doc(text)
    spans, cursor = [], 0
    for name, label in [("Jannike Hellgren", "PERSON"), ("M", "PARTY"), ("Jenny Pallin", "PERSON"), ("S", "PARTY"),
                        ("Roland Johansson", "PERSON"), ("ALT", "PARTY"), ("Per Ek", "PERSON"), ("Bo Ny", "PERSON")]:
        cursor = text.index(name, cursor)  # in text order: the letters after their person
        spans.append(doc.char_span(cursor, cursor + len(name), label=label))
        cursor += len(name)
    doc.ents = spans
    doc = nlp.get_pipe("svpol_politicians")(doc)
    got = {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"}
    # Comma letters count where they are a PARTY entity; unknown letters only as a PARTY entity.
    assert got == {"Jannike Hellgren": "M", "Jenny Pallin": "S", "Roland Johansson": "ALT", "Per Ek": None,
                   "Bo Ny": None}


def test_a_members_line_gives_the_party_last_on_the_line(nlp):
    text = ("Politiker\nEva Ek, barn- och ungdomsnämnden (BUN) (c) (till 14.07)\nBo Al, kommunfullmäktige och "
            "ungdomsforum (m)\nSiv Berg, Ekby, Per Lund (s)")
    doc = nlp.make_doc(text)
    spans, cursor = [], 0
    for name, label in [("Eva Ek", "PERSON"), ("c", "PARTY"), ("Bo Al", "PERSON"), ("m", "PARTY"), ("Siv Berg", "PERSON"),
                        ("Per Lund", "PERSON"), ("s", "PARTY")]:
        cursor = text.index(name if label == "PERSON" else f"({name})", cursor) + (label == "PARTY")
        spans.append(doc.char_span(cursor, cursor + len(name), label=label))
        cursor += len(name)
    doc.ents = spans
    doc = nlp.get_pipe("svpol_politicians")(doc)
    got = {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"}
    # the letters of a line belong to the name that opens it, not across another name on the way
    assert got == {"Eva Ek": "C", "Bo Al": "M", "Siv Berg": None, "Per Lund": "S"}


def _column_parties(nlp, text, people, letters):
    """Party of each person of an attendance column; ``letters`` are tagged PARTY wherever written bare."""
    doc = nlp.make_doc(text)
    spans = [doc.char_span(m.start(), m.end(), "PARTY") for m in re.finditer(rf"(?<![\w(]){letters}(?![\w)])", text)]
    spans += [doc.char_span(text.index(n), text.index(n) + len(n), "PERSON") for n in people]
    doc.ents = sorted(spans, key=lambda s: s.start)
    doc = nlp.get_pipe("svpol_politicians")(doc)
    return {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"}


def test_attendance_columns_give_the_letters_on_the_side_the_document_uses(nlp):
    letters = "(?:S|C|M|V|KD|MP)"
    # letters before each name, counts after it
    got = _column_parties(nlp, "Närvaro S Rut Ahlberg 1 C Kjell Norén 1 M Lisa Ek 1", ["Rut Ahlberg", "Kjell Norén",
                                                                                       "Lisa Ek"], letters)
    assert got == {"Rut Ahlberg": "S", "Kjell Norén": "C", "Lisa Ek": "M"}
    # letters after each name; the model missed "Bo Ny", whose letters are only after him
    got = _column_parties(nlp, "Ledamöter Rut Ahlberg MP Bo Ny MP Lisa Ek V 66, Kjell Norén S 69",
                          ["Rut Ahlberg", "Lisa Ek", "Kjell Norén"], letters)
    assert got == {"Rut Ahlberg": "MP", "Lisa Ek": "V", "Kjell Norén": "S"}
    # letters before, and the last name's letters are those of a name the model missed
    got = _column_parties(nlp, "S Rut Ahlberg C Kjell Norén M Lisa Ek", ["Rut Ahlberg", "Kjell Norén"], letters)
    assert got == {"Rut Ahlberg": "S", "Kjell Norén": "C"}
    # letters only between names tell nothing: no party
    got = _column_parties(nlp, "Rut Ahlberg S Kjell Norén", ["Rut Ahlberg", "Kjell Norén"], letters)
    assert got == {"Rut Ahlberg": None, "Kjell Norén": None}
    # every letter between two names, a column flattened into one run: the list's first name tells the side
    # (m-v568, m-v574)
    got = _column_parties(nlp, "Beslutande Rut Ahlberg S Kjell Norén C Lisa Ek M Bo Ny",
                          ["Rut Ahlberg", "Kjell Norén", "Lisa Ek", "Bo Ny"], letters)
    assert got == {"Rut Ahlberg": "S", "Kjell Norén": "C", "Lisa Ek": "M", "Bo Ny": None}
    got = _column_parties(nlp, "Ersättare S Rut Ahlberg C Kjell Norén M Lisa Ek Tjänstemän",
                          ["Rut Ahlberg", "Kjell Norén", "Lisa Ek"], letters)
    assert got == {"Rut Ahlberg": "S", "Kjell Norén": "C", "Lisa Ek": "M"}
    # a table's cells one to a line: each name's letters on the line after it, its mark after them (m-v560)
    got = _column_parties(nlp, "Rut Ahlberg\nS\nx\nKjell Norén\nC\nx\nLisa Ek\nM\nx",
                          ["Rut Ahlberg", "Kjell Norén", "Lisa Ek"], letters)
    assert got == {"Rut Ahlberg": "S", "Kjell Norén": "C", "Lisa Ek": "M"}
    # a bracket and a comma keep their own readings
    got = _column_parties(nlp, "Rut Ahlberg (S) Kjell Norén, C, Lisa Ek", ["Rut Ahlberg", "Kjell Norén", "Lisa Ek"],
                          letters)
    assert got == {"Rut Ahlberg": "S", "Kjell Norén": "C", "Lisa Ek": None}

    # letters after an abbreviated office ("ordf. S") are the office holder's: they do not vote for "before"
    got = _column_parties(nlp, "Rut Ahlberg S Bo Ny S Lisa Ek, ordf. S Kjell Norén M Per Al (M) Eva Lind V",
                          ["Rut Ahlberg", "Bo Ny", "Lisa Ek", "Kjell Norén", "Per Al", "Eva Lind"], letters)
    assert got == {"Rut Ahlberg": "S", "Bo Ny": "S", "Lisa Ek": "S", "Kjell Norén": "M", "Per Al": "M",
                   "Eva Lind": "V"}

def test_an_office_between_the_name_and_its_party(nlp):
    got = annotate(nlp, "Beslutande Rut Ahlberg Ordförande (S) Kjell Norén, 2:e vice ordförande (M) Lisa Ek, ledamot (C)",
                   ["Rut Ahlberg", "Kjell Norén", "Lisa Ek"])
    assert got == {"Rut Ahlberg": ("S", "ordförande", None), "Kjell Norén": ("M", "2:e vice ordförande", None),
                   "Lisa Ek": ("C", "ledamot", None)}


def test_abbreviated_offices_between_the_name_and_its_party(nlp):
    got = annotate(nlp, "Närv. Rut Ahlberg ordf. (c) X Kjell Norén 1:e vice (s) X Lisa Ek (m) X",
                   ["Rut Ahlberg", "Kjell Norén", "Lisa Ek"])
    assert got == {"Rut Ahlberg": ("C", "ordförande", None), "Kjell Norén": ("S", "1:e vice ordförande", None),
                   "Lisa Ek": ("M", None, None)}
    got = annotate(nlp, "Närvarande Jan Berg, ordf (mp) Eva Lind, v ordf (s) Per Al (c)", ["Jan Berg", "Eva Lind", "Per Al"])
    assert got == {"Jan Berg": ("MP", "ordförande", None), "Eva Lind": ("S", "vice ordförande", None),
                   "Per Al": ("C", None, None)}


def test_a_partys_name_after_a_comma(nlp):
    text = "Valdes: Karl Lauri, Vänsterpartiet Eva Esberg, Kristdemokraterna Alice Ny, Sjukvårdspartiet Bo Ek, Norrland"
    doc = nlp.make_doc(text)
    spans, cursor = [], 0
    for name, label in [("Karl Lauri", "PERSON"), ("Vänsterpartiet", "PARTY"), ("Eva Esberg", "PERSON"),
                        ("Kristdemokraterna", "PARTY"), ("Alice Ny", "PERSON"), ("Sjukvårdspartiet", "PARTY"),
                        ("Bo Ek", "PERSON"), ("Norrland", "LOC")]:
        cursor = text.index(name, cursor)
        spans.append(doc.char_span(cursor, cursor + len(name), label=label))
        cursor += len(name)
    doc.ents = spans
    doc = nlp.get_pipe("svpol_politicians")(doc)
    # A local party's name is kept as written; a place after the comma is no party.
    assert {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"} == {
        "Karl Lauri": "V", "Eva Esberg": "KD", "Alice Ny": "Sjukvårdspartiet", "Bo Ek": None}


def test_a_partys_name_under_the_name_in_a_signature(nlp):
    text = ("frigöra resurser.Karl Lauri\nFör Vänsterpartiet\n\nEva Esberg\nKristdemokraterna\n\nBo Ek\nMiljöpartiet "
            "i Ekby\n\nAnna Berg\n\nLisa Holm\n\nVänsterpartiet i Norrby\n\nPer Al\nCenterpartiet i Ekby vill satsa.")
    doc = nlp.make_doc(text)
    spans = []
    for name, label in [("Karl Lauri", "PERSON"), ("Vänsterpartiet", "PARTY"), ("Eva Esberg", "PERSON"),
                        ("Kristdemokraterna", "PARTY"), ("Bo Ek", "PERSON"), ("Miljöpartiet", "PARTY"),
                        ("Anna Berg", "PERSON"), ("Lisa Holm", "PERSON"), ("Vänsterpartiet i", "PARTY"),
                        ("Per Al", "PERSON"), ("Centerpartiet", "PARTY")]:
        start = text.index(name)
        spans.append(doc.char_span(start, start + len(name.split(" i")[0]), label=label))
    doc.ents = spans
    doc = nlp.get_pipe("svpol_politicians")(doc)
    # the party's name on its line, with its place ("Miljöpartiet i Ekby"), also under the other signers' names and
    # after a blank line; a line that runs on is a sentence, not a signature
    assert {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"} == {
        "Karl Lauri": "V", "Eva Esberg": "KD", "Bo Ek": "MP", "Anna Berg": "V", "Lisa Holm": "V", "Per Al": None}


def test_a_local_branchs_entity_under_the_signers_names_gives_its_party(nlp):
    # the party's name and its place are one PARTY entity (svpol_entity_rules; m-v532)
    text = "vill satsa.\nEva Ek och Per Lund\nCenterpartiet Ekby"
    doc = _enriched(nlp, text, r"Eva Ek|Per Lund")
    start = text.index("Centerpartiet")
    doc.ents = [*doc.ents, doc.char_span(start, len(text), label="PARTY")]
    doc = nlp.get_pipe("svpol_politicians")(doc)
    assert {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"} == {"Eva Ek": None, "Per Lund": "C"}


def test_party_in_brackets_after_a_comma(nlp):
    # attendance lists written "Name, (c), office"
    got = annotate(nlp, "Beslutande Rune Berg, (c), ordförande Dan Ek, (s) Åsa Lind, (m)", ["Rune Berg", "Dan Ek", "Åsa Lind"])
    assert {name: value[0] for name, value in got.items()} == {"Rune Berg": "C", "Dan Ek": "S", "Åsa Lind": "M"}
    assert got["Rune Berg"][1] == "ordförande"


def test_a_shared_word_before_the_bracket_and_a_place_before_the_letters():
    from svpol.tokenizer import blank

    nlp = blank()
    component = nlp.add_pipe("svpol_politicians")
    text = ("Motion från Anna Berg, Per Ek och Lisa Holm, alla (c) samt Olle Lind och Eva Ström, båda (s). "
            "Beslutande Bo Johansson, Älvsbyn, (s, ordförande Maj Lind, Piteå, (m Kim Ek, Luleå (mp, tjg ers "
            "Nils Ro, Boden.")
    doc = nlp.make_doc(text)
    names = ("Anna Berg", "Per Ek", "Lisa Holm", "Olle Lind", "Eva Ström", "Bo Johansson", "Maj Lind", "Kim Ek",
             "Nils Ro")
    spans, cursor = [], 0
    for name, label in [(n, "PERSON") for n in names[:5]] + [
            ("Bo Johansson", "PERSON"), ("(s", "PARTY"), ("Maj Lind", "PERSON"), ("(m", "PARTY"),
            ("Kim Ek", "PERSON"), ("(mp", "PARTY"), ("Nils Ro", "PERSON")]:
        cursor = text.index(name, cursor)
        start = cursor + 1 if name.startswith("(") else cursor  # the letters inside their bracket
        spans.append(doc.char_span(start, cursor + len(name), label=label))
        cursor += len(name)
    doc.ents = spans
    doc = component(doc)
    assert {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"} == {
        "Anna Berg": "C", "Per Ek": "C", "Lisa Holm": "C", "Olle Lind": "S", "Eva Ström": "S", "Bo Johansson": "S",
        "Maj Lind": "M", "Kim Ek": "MP", "Nils Ro": None}


def test_bare_letters_after_an_office_in_an_attendance_column(nlp):
    text = "Ola Vik, v ordf s x \nEva Ström, ordf m x"
    doc = nlp.make_doc(text)
    spans = [doc.char_span(start, end, label=label)
             for start, end, label in ((0, 7, "PERSON"), (16, 17, "PARTY"), (21, 30, "PERSON"), (37, 38, "PARTY"))]
    assert [s.text for s in spans] == ["Ola Vik", "s", "Eva Ström", "m"]
    doc.ents = spans
    doc = nlp.get_pipe("svpol_politicians")(doc)
    # "v" is the office's (vice), not the Left Party's: the letters that are a PARTY entity count
    assert {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"} == {"Ola Vik": "S", "Eva Ström": "M"}


def test_letters_after_an_office_and_a_comma_and_an_abbreviated_office_before_a_bracket(nlp):
    text = "Mona Ekdahl, ordförande, S JA Stefan Hall, ordf (C) Magnus Lindh 2:e vice ordf (M)"
    doc = nlp.make_doc(text)
    spans = [(0, 11, "PERSON"), (25, 26, "PARTY"), (30, 41, "PERSON"), (49, 50, "PARTY"), (52, 64, "PERSON"),
             (80, 81, "PARTY")]
    doc.ents = [doc.char_span(start, end, label=label) for start, end, label in spans]
    assert [e.text for e in doc.ents] == ["Mona Ekdahl", "S", "Stefan Hall", "C", "Magnus Lindh", "M"]
    doc = nlp.get_pipe("svpol_politicians")(doc)
    assert {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"} == {
        "Mona Ekdahl": "S", "Stefan Hall": "C", "Magnus Lindh": "M"}


def test_a_shared_party_named_in_full_after_a_list(nlp):
    text = "Håkan Ek, Eva Lund och Lena Olsson, samtliga Socialdemokraterna, har föreslagit det."
    doc = nlp.make_doc(text)
    spans = [(n, "PERSON") for n in ("Håkan Ek", "Eva Lund", "Lena Olsson")] + [("Socialdemokraterna", "PARTY")]
    doc.ents = [doc.char_span(text.index(n), text.index(n) + len(n), label=label) for n, label in spans]
    doc = nlp.get_pipe("svpol_politicians")(doc)
    assert [e._.party for e in doc.ents if e.label_ == "PERSON"] == ["S", "S", "S"]


def test_letters_after_a_written_out_office_do_not_turn_the_columns_side(nlp):
    # "M" follows the chair's office and is his; the list writes the letters after the names
    got = _column_parties(nlp, "Beslutande Nils Ek, ordförande M Lars Al MP Bo Ny MP Per Ek V",
                          ["Nils Ek", "Lars Al", "Bo Ny", "Per Ek"], "(?:M|MP|V)")
    assert got == {"Nils Ek": "M", "Lars Al": "MP", "Bo Ny": "MP", "Per Ek": "V"}


def test_a_column_with_letters_before_the_names_wins_over_letters_after_an_office(nlp):
    # "M" after the chair's office opens the next name here: the column writes the letters before the names
    got = _column_parties(nlp, "Beslutande L Eva Ek, ordförande M Per Al (M) M Bo Ny L Ann Lund",
                          ["Eva Ek", "Per Al", "Bo Ny", "Ann Lund"], "(?:L|M)")
    assert got == {"Eva Ek": "L", "Per Al": "M", "Bo Ny": "M", "Ann Lund": "L"}


def test_a_signature_block_names_the_party_after_each_persons_office(nlp):
    # the first name has no party before it and the last party no name after it: parties follow their persons
    parties = "(?:Socialdemokraterna|Centerpartiet|Liberalerna)"
    got = _column_parties(nlp, "Lars Al kommunstyrelsens ordförande Socialdemokraterna Eva Lund kommunalråd "
                               "Centerpartiet Per Ek kommunalråd Liberalerna", ["Lars Al", "Eva Lund", "Per Ek"], parties)
    assert got == {"Lars Al": "S", "Eva Lund": "C", "Per Ek": "L"}
    # ... and the other way round, a party before each name and its office after it
    got = _column_parties(nlp, "Socialdemokraterna Lars Al ordförande Centerpartiet Eva Lund kommunalråd",
                          ["Lars Al", "Eva Lund"], parties)
    assert got == {"Lars Al": "S", "Eva Lund": "C"}


def test_the_documents_own_letters_for_a_name_go_before_the_kbs_party(nlp):
    # Bo Berg is C in the KB; this document writes another Bo Berg with MP, and signs with the name alone
    doc = nlp.make_doc("Närvarande Bo Berg (MP). Justerande Bo Berg")
    doc.ents = [doc.char_span(11, 18, "PERSON"), doc.char_span(36, 43, "PERSON")]
    doc = nlp.get_pipe("svpol_politicians")(doc)
    assert [(e._.party, e._.kb_id) for e in doc.ents] == [("MP", None), ("MP", None)]
    # alone, the name takes the KB's party and id
    assert annotate(nlp, "Justerande Bo Berg", ["Bo Berg"])["Bo Berg"] == ("C", None, "Q201")



def test_an_office_held_for_a_party_named_after_it_gives_the_party_and_the_lines_own_office(nlp):
    # Bo Berg is C in the KB: the document's own words go first; the office above ends another name's line
    text = "Eva Lund, kommunstyrelsens ordförande\nBo Berg, gruppledare Moderaterna\nPer Ek, gruppledare för Vänsterpartiet"
    doc = nlp.make_doc(text)
    spans = [(n, "PERSON") for n in ("Eva Lund", "Bo Berg", "Per Ek")] + [(p, "PARTY") for p in ("Moderaterna", "Vänsterpartiet")]
    doc.ents = sorted((doc.char_span(text.index(n), text.index(n) + len(n), label=label) for n, label in spans),
                      key=lambda span: span.start)
    doc = nlp.get_pipe("svpol_politicians")(doc)
    assert [(e.text, e._.party, e._.role) for e in doc.ents if e.label_ == "PERSON"] == [
        ("Eva Lund", None, None), ("Bo Berg", "M", "gruppledare"), ("Per Ek", "V", "gruppledare")]
    # an office on the line above a name with none of its own is still the name's
    assert annotate(nlp, "Ordförande\nEva Lund", ["Eva Lund"])["Eva Lund"][1] == "ordförande"
    # the office for a party on the signature's next line
    text = "Per Ek\nOrdförande för Centerpartiet i Ekby"
    doc = nlp.make_doc(text)
    doc.ents = [doc.char_span(0, 6, label="PERSON"), doc.char_span(text.index("Center"), text.index(" i Ekby"), label="PARTY")]
    assert [e._.party for e in nlp.get_pipe("svpol_politicians")(doc).ents] == ["C", None]


def test_names_under_a_party_heading_take_its_party():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_politicians")  # the shipped knowledge base

    def parties(text, spans):
        doc, ents, cursor = nlp.make_doc(text), [], 0
        for name, label in spans:  # in the order they stand
            start = text.index(name, cursor)
            cursor = start + len(name)
            ents.append(doc.char_span(start, cursor, label=label))
        doc.ents = ents
        doc = nlp.get_pipe("svpol_politicians")(doc)
        return {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"}

    text = ("Moderaterna (M) - 6 mandat\nLedamöter\nEva Ekvall\nPer Ekstrand (L)\nCenterpartiet (C) - 2 mandat\n"
            "Ola Åkesson\n\nFör Ekbypartiet\nLisa Ekdahl")
    spans = [("Moderaterna", "PARTY"), ("M", "PARTY"), ("Eva Ekvall", "PERSON"), ("Per Ekstrand", "PERSON"),
             ("L", "PARTY"), ("Centerpartiet", "PARTY"), ("C", "PARTY"), ("Ola Åkesson", "PERSON"),
             ("Ekbypartiet", "PARTY"), ("Lisa Ekdahl", "PERSON")]
    # a name's own letters stay; the next heading ends the list, and so does a blank line; a party's line right
    # under a name is that signer's, no heading ("Ola Åkesson" / "För Ekbypartiet")
    assert parties(text, spans) == {"Eva Ekvall": "M", "Per Ekstrand": "L", "Ola Åkesson": "Ekbypartiet",
                                    "Lisa Ekdahl": None}
    # a blank line ends the list
    assert parties("Moderaterna (M)\nEva Ekvall\n\nPer Ekstrand", [("Moderaterna", "PARTY"), ("M", "PARTY"),
                                                                     ("Eva Ekvall", "PERSON"), ("Per Ekstrand", "PERSON")]) == {
        "Eva Ekvall": "M", "Per Ekstrand": None}
    # a line with a person on it is no heading
    assert parties("Yrkande\nEva Ekvall (S)\nPer Ekstrand", [("Eva Ekvall", "PERSON"), ("S", "PARTY"),
                                                               ("Per Ekstrand", "PERSON")]) == {
        "Eva Ekvall": "S", "Per Ekstrand": None}


def test_a_column_whose_first_name_has_its_letters_after_an_office_and_a_comma(nlp):
    # every other letter stands between two names, some names have brackets: the first name's letters after its
    # abbreviated office tell the side (m-v644)
    got = _column_parties(nlp, "Beslutande Rut Ahlberg, ordf. S Kjell Norén S Lisa Ek (S) Bo Ny M Eva Lind V Ola Vik",
                          ["Rut Ahlberg", "Kjell Norén", "Lisa Ek", "Bo Ny", "Eva Lind", "Ola Vik"], "(?:S|M|V)")
    assert got == {"Rut Ahlberg": "S", "Kjell Norén": "S", "Lisa Ek": "S", "Bo Ny": "M", "Eva Lind": "V",
                   "Ola Vik": None}


def test_party_after_an_office_and_a_comma_last_on_the_line(nlp):
    text = "Eva Ström Kommunalråd, S\nOla Vik Gruppledare, KD\nBo Lind ordförande, för att M"
    doc = nlp.make_doc(text)
    spans = [doc.char_span(start, end, label=label) for start, end, label in
             ((0, 9, "PERSON"), (23, 24, "PARTY"), (25, 32, "PERSON"), (46, 48, "PARTY"), (49, 56, "PERSON"),
              (77, 78, "PARTY"))]
    assert [s.text for s in spans] == ["Eva Ström", "S", "Ola Vik", "KD", "Bo Lind", "M"]
    doc.ents = spans
    doc = nlp.get_pipe("svpol_politicians")(doc)
    # letters that do not close the line after the office are not the office holder's
    assert {e.text: e._.party for e in doc.ents if e.label_ == "PERSON"} == {
        "Eva Ström": "S", "Ola Vik": "KD", "Bo Lind": None}


def test_a_full_names_genitive_takes_the_party_its_base_form_has(nlp):
    text = ("Eva Lund (S) yrkar avslag. Ordföranden ställer proposition på Eva Lunds yrkande. "
            "Per Holms förslag bifalls.")
    doc = _enriched(nlp, text, r"Eva Lunds?|Per Holms")
    # a genitive whose base form has no party written stays without one
    assert [(e.text, e._.party) for e in doc.ents] == [("Eva Lund", "S"), ("Eva Lunds", "S"), ("Per Holms", None)]
