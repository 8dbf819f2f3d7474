"""svpol_parties: every PARTY surface to one canonical party, alliances with members."""

import pytest
import spacy

from svpol.components.parties import PartyEnricher


@pytest.fixture(scope="module")
def nlp():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_entity_rules", config={"labels": ["PARTY"]})
    nlp.add_pipe("svpol_parties")
    return nlp


def test_party_ids_and_names(nlp):
    doc = nlp("Socialdemokraternas förslag, Moderata samlingspartiet och Anna Ek (S) samt Folkpartiet och "
              "Kristdemokraternas, Miljöpartiet de gröna, Feministiskt initiativ.")
    got = [(e.text, e._.party_id, e._.party_name) for e in doc.ents]
    assert got == [
        ("Socialdemokraternas", "S", "Socialdemokraterna"),
        ("Moderata samlingspartiet", "M", "Moderata samlingspartiet"),
        ("S", "S", "Socialdemokraterna"),
        ("Folkpartiet", "L", "Liberalerna"),
        ("Kristdemokraternas", "KD", "Kristdemokraterna"),
        ("Miljöpartiet de gröna", "MP", "Miljöpartiet de gröna"),
        ("Feministiskt initiativ", "FI", "Feministiskt initiativ"),
    ]
    assert all(e._.members is None for e in doc.ents)


def test_a_local_branch_is_its_partys(nlp):
    doc = nlp("Vänsterpartiet Kiruna och Sjukvårdspartiet Gävleborg")
    assert [(e.text, e._.party_id) for e in doc.ents] == [("Vänsterpartiet Kiruna", "V"),
                                                          ("Sjukvårdspartiet Gävleborg", None)]


def test_alliances_have_members(nlp):
    doc = nlp("Alliansens budget mot de rödgröna och Tidöpartierna.")
    got = {e.text: (e._.party_id, e._.members) for e in doc.ents}
    assert got["Alliansens"] == ("ALLIANSEN", ["M", "C", "L", "KD"])
    assert got["rödgröna"] == ("RODGRONA", ["S", "V", "MP"])
    assert got["Tidöpartierna"] == ("TIDO", ["M", "KD", "L", "SD"])


def test_unknown_party_entity_keeps_none():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_parties")
    doc = nlp.make_doc("Piratpartiet vill annat.")
    doc.ents = [doc.char_span(0, 12, label="PARTY")]
    doc = nlp.get_pipe("svpol_parties")(doc)
    assert (doc.ents[0]._.party_id, doc.ents[0]._.party_name) == (None, None)


def test_label_check():
    with pytest.raises(ValueError):
        PartyEnricher(label="PARTI")


def test_round_trip(tmp_path, nlp):
    nlp.to_disk(tmp_path / "m")
    assert (tmp_path / "m" / "svpol_parties" / "kb" / "parties.json").exists()
    loaded = spacy.load(tmp_path / "m")
    (ent,) = loaded("Sverigedemokraternas väljare").ents
    assert (ent._.party_id, ent._.party_name) == ("SD", "Sverigedemokraterna")
