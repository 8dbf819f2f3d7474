"""svpol_authorities: canonical name, kind and id of AUTHORITY entities."""

import pytest
import spacy

from svpol.components.authorities import AuthorityEnricher


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_entity_rules", config={"labels": ["AUTHORITY"]})
    nlp.add_pipe("svpol_authorities")
    return nlp


def test_state_and_national_bodies(nlp):
    doc = nlp("SÄPO och FHS rapporterar till regeringen, Justitiedepartementet och riksdagens justitieutskott "
              "medan polisen och Svea hovrätt väntar.")
    got = [(e.text, e._.canonical, e._.kind) for e in doc.ents]
    assert got == [
        ("SÄPO", "Säkerhetspolisen", "police"),
        ("FHS", "Försvarshögskolan", "state_agency"),
        ("regeringen", "Regeringen", "government"),
        ("Justitiedepartementet", "Justitiedepartementet", "ministry"),
        ("riksdagens justitieutskott", "Justitieutskottet", "parliament"),
        ("polisen", "Polismyndigheten", "police"),
        ("Svea hovrätt", "Svea hovrätt", "court"),
    ]
    assert doc.ents[0]._.authority_id == "202100-6594"


def test_municipal_bodies(nlp):
    doc = nlp("Kommunstyrelsen och socialnämnden i Solna kommun, Rinkeby-Kista stadsdelsförvaltning och Region Stockholm.")
    got = [(e.text, e._.canonical, e._.kind, e._.authority_id) for e in doc.ents]
    assert got == [
        ("Kommunstyrelsen", "Kommunstyrelsen", "municipal_body", None),
        # a body named with its place after it is one span (docs/annotation.md, convention 22)
        ("socialnämnden i Solna kommun", "Solna socialnämnd", "municipal_body", None),
        ("Rinkeby-Kista stadsdelsförvaltning", "Rinkeby-Kista stadsdelsförvaltning", "municipal_body", None),
        ("Region Stockholm", "Region Stockholm", "region", "region:01"),
    ]


def test_model_entity_not_in_kb_keeps_none():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_authorities")
    doc = nlp.make_doc("Nämnden beslutade.")
    doc.ents = [doc.char_span(0, 7, label="AUTHORITY")]
    doc = nlp.get_pipe("svpol_authorities")(doc)
    assert (doc.ents[0]._.canonical, doc.ents[0]._.kind, doc.ents[0]._.authority_id) == (None, None, None)


def test_label_check():
    with pytest.raises(ValueError):
        AuthorityEnricher(label="AGENCY")


def test_round_trip(tmp_path, nlp):
    nlp.to_disk(tmp_path / "m")
    assert (tmp_path / "m" / "svpol_authorities" / "kb" / "authorities.json.gz").exists()
    loaded = spacy.load(tmp_path / "m")
    (ent,) = loaded("Säpos rapport").ents
    assert (ent._.canonical, ent._.kind) == ("Säkerhetspolisen", "police")


def test_a_heading_in_capitals_is_linked_in_ordinary_case(nlp):
    doc = nlp("KULTUR- OCH FRITIDSNÄMNDEN TJÄNSTEUTLÅTANDE")
    assert [(e.text, e._.canonical, e._.kind) for e in doc.ents] == [
        ("KULTUR- OCH FRITIDSNÄMNDEN", "Kultur- och fritidsnämnden", "municipal_body")]
