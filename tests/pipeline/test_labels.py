import re
from pathlib import Path

import pytest

from svpol import ENTITY_LABELS, TOPIC_LABELS
from svpol.labels import ENTITY_ATTRIBUTES

GUIDELINES = Path(__file__).resolve().parents[3] / "shared" / "ANNOTATION.md"


def test_label_sets():
    assert ENTITY_LABELS == ("PERSON", "PARTY", "AUTHORITY", "ORG", "LOC", "MONEY")
    # the models' label order: renaming, dropping or reordering a topic is a visible change
    assert TOPIC_LABELS == (
        "extremism", "safety", "budget", "education", "social_services", "elderly_care", "health",
        "integration", "housing", "labour", "environment", "transport", "defence", "democracy",
    )
    assert tuple(ENTITY_ATTRIBUTES) == ENTITY_LABELS


def test_every_span_attribute_a_component_assigns_is_exported():
    """Each ``span._.x`` an svpol factory assigns is an output attribute (``score`` is a core key)."""
    from spacy.language import Language

    import svpol.components  # noqa: F401  (registers the factories)

    assigned = {
        a[len("span._."):]
        for name in Language.factories
        if name.startswith("svpol_")
        for a in Language.get_factory_meta(name).assigns
        if a.startswith("span._.")
    }
    exported = {a for attrs in ENTITY_ATTRIBUTES.values() for a in attrs}
    assert assigned - {"score"} == exported
    assert ENTITY_ATTRIBUTES["PARTY"] == ("party_id", "party_name", "members")


@pytest.mark.skipif(not GUIDELINES.exists(), reason="guidelines not beside the checkout")
def test_topic_labels_match_guidelines():
    text = GUIDELINES.read_text(encoding="utf-8")
    topics_part = text.split("## Topics", 1)[1]
    in_doc = [m for m in re.findall(r"^\| ([a-z_]+) \|", topics_part, flags=re.M) if m != "label"]
    assert tuple(in_doc) == TOPIC_LABELS


def test_entity_attributes_are_declared_once_for_the_enrichers():
    """The enrichers set and declare (factory ``assigns``) exactly the attributes of labels.ENTITY_ATTRIBUTES."""
    from spacy.language import Language
    from spacy.tokens import Span

    import svpol.components  # noqa: F401  (registers the factories)
    from svpol.labels import ENTITY_ATTRIBUTES

    factories = {"PERSON": "svpol_politicians", "PARTY": "svpol_parties", "AUTHORITY": "svpol_authorities",
                 "MONEY": "svpol_money"}
    for label, factory in factories.items():
        names = ENTITY_ATTRIBUTES[label]
        assert Language.get_factory_meta(factory).assigns == [f"span._.{name}" for name in names]
        assert all(Span.has_extension(name) for name in names)
