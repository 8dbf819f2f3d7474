"""svpol_not_entities: law abbreviations are never entities."""

import pytest
import spacy
from model_fixtures import entity_doc

from svpol.components.not_entities import NotEntities
from svpol.kb import LAW_ABBREVIATIONS


def test_law_abbreviations_are_dropped_other_entities_kept():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_not_entities")
    doc = entity_doc(nlp, "Insatser enligt LSS och SoL beviljas av socialnämnden; SÄPO och LVU:s regler.",
                         [("LSS", "AUTHORITY"), ("SoL", "PERSON"), ("socialnämnden", "AUTHORITY"),
                          ("SÄPO", "AUTHORITY"), ("LVU:s", "ORG")])
    doc = nlp.get_pipe("svpol_not_entities")(doc)
    assert [(e.text, e.label_) for e in doc.ents] == [("socialnämnden", "AUTHORITY"), ("SÄPO", "AUTHORITY")]


def test_matches_are_exact_and_case_sensitive():
    component = NotEntities("not_entities")
    assert component.is_not_entity("LSS") and component.is_not_entity("LSS:s")
    assert not component.is_not_entity("Sol") and not component.is_not_entity("LSS-handläggare")
    assert "LSS" in LAW_ABBREVIATIONS


def test_own_list_from_the_config_and_validation():
    nlp = spacy.blank("sv")
    nlp.add_pipe("svpol_not_entities", config={"texts": ["Bilaga"]})
    doc = entity_doc(nlp, "Bilaga till LSS", [("Bilaga", "ORG"), ("LSS", "AUTHORITY")])
    doc = nlp.get_pipe("svpol_not_entities")(doc)
    assert [e.text for e in doc.ents] == ["LSS"]
    with pytest.raises(ValueError, match="non-empty strings"):
        NotEntities("x", ["", "LSS"])
