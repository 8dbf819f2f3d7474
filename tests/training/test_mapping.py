"""Mapping of source labels to svpol labels, with the shipped knowledge base and rules."""

import pytest
from spacy.tokens import Doc

from training.converters import TaggedSentence, guess_spaces, sentence_to_doc, tags_to_spans
from training.mapping import LabelMapper, MappingStats, RuleTagger


@pytest.fixture(scope="module")
def mapper(blank_nlp):
    from svpol.kb import load_kb

    return LabelMapper(RuleTagger(load_kb(), blank_nlp))


def convert(mapper, words, tags, scheme="io"):
    sentence = TaggedSentence(words, tags, "t:1", 0, guess_spaces(words))
    stats = MappingStats()
    doc = mapper.apply(sentence_to_doc(mapper.rules.nlp.vocab, sentence), tags_to_spans(tags, scheme), stats)
    return doc, stats


def ents(doc):
    return [(e.text, e.label_) for e in doc.ents]


@pytest.mark.parametrize(
    "text,label",
    [
        ("Socialdemokraternas", "PARTY"),
        ("Moderata samlingspartiet", "PARTY"),
        ("SÄPO", "AUTHORITY"),
        ("Polisen", "AUTHORITY"),
        ("Rinkeby-Kista stadsdelsnämnd", "AUTHORITY"),
        ("Skolöverstyrelsen", "AUTHORITY"),  # historical agency, by name shape
        ("Svenska kyrkan", "ORG"),  # ANNOTATION.md: ORG, although listed as an agency
        ("Volvo", "ORG"),
        ("Europeiska investeringsbanken", "ORG"),
        ("socialtjänsten", None),  # generic: not tagged at all
        ("landstinget", None),  # needs the context to know which body, like "staden"
        ("FASTIGHETSKONTORET", "AUTHORITY"),  # heading in capitals
        ("Trafikkontoret i Stockholms stad", "AUTHORITY"),
        ("polisfacket", "ORG"),  # a union, lower-cased in the source
    ],
)
def test_org_label(mapper, text, label):
    assert mapper.org_label(text) == label


def test_org_span_with_abbreviation_in_brackets_is_split(mapper):
    words = ["Beslut", "av", "statens", "invandrarverk", "(", "SIV", ")", "."]
    doc, stats = convert(mapper, words, ["O", "O", "ORG", "ORG", "ORG", "ORG", "ORG", "O"])
    assert ents(doc) == [("statens invandrarverk", "AUTHORITY"), ("SIV", "AUTHORITY")]
    assert stats.before["ORG"] == 1


def test_party_letters_in_brackets_added_where_source_has_o(mapper):
    words = ["Anna", "Ek", "(", "SD", ")", "och", "Per", "Ek", "(", "S", ")", "röstade", "nej", "."]
    tags = ["PER", "PER", "O", "O", "O", "O", "PER", "PER", "O", "O", "O", "O", "O", "O"]
    doc, stats = convert(mapper, words, tags)
    assert ents(doc) == [("Anna Ek", "PERSON"), ("SD", "PARTY"), ("Per Ek", "PERSON"), ("S", "PARTY")]
    assert stats.added_by_rules["PARTY"] == 2


def test_polisen_tagged_outside_becomes_authority(mapper):
    # klintan tags "Polisen" O (or MISC); ANNOTATION.md tags the Police Authority.
    doc, _ = convert(mapper, ["Polisen", "grep", "mannen", "."], ["O"] * 4)
    assert ents(doc) == [("Polisen", "AUTHORITY")]
    doc, _ = convert(mapper, ["Polisen", "grep", "mannen", "."], ["MISC", "O", "O", "O"])
    assert ents(doc) == [("Polisen", "AUTHORITY")]


def test_msr_is_money_only_when_it_is_money(mapper):
    words = ["Det", "kostade", "cirka", "500", "kronor", "och", "20", "miljoner", "etiopier", "svalt", "."]
    tags = ["O", "O", "MSR", "MSR", "MSR", "O", "MSR", "MSR", "O", "O", "O"]
    doc, stats = convert(mapper, words, tags)
    assert ents(doc) == [("500 kronor", "MONEY")]
    assert stats.before["MSR"] == 2 and stats.after["MONEY"] == 1


def test_non_money_measure_and_time_are_outside(mapper):
    words = ["Vi", "gick", "10", "km", "i", "går", "."]
    doc, _ = convert(mapper, words, ["O", "O", "MSR", "MSR", "TME", "TME", "O"])
    assert ents(doc) == []
    assert all(t.ent_iob_ == "O" for t in doc)


def test_mixed_suc_tags_are_missing(mapper):
    doc, _ = convert(mapper, ["Columbus", "trodde", "det", "."], ["LOCPRS", "O", "O", "O"])
    assert doc[0].ent_iob_ == "" and doc[1].ent_iob_ == "O"


def test_direct_labels_and_mapping_counts(mapper):
    words = ["Kalle", "Anka", "bor", "i", "Ankeborg", "."]
    doc, stats = convert(mapper, words, ["B-PER", "I-PER", "O", "O", "B-LOC", "O"], "iob2")
    assert ents(doc) == [("Kalle Anka", "PERSON"), ("Ankeborg", "LOC")]
    assert stats.after == {"PERSON": 1, "LOC": 1}


def test_unknown_source_label_raises(mapper):
    with pytest.raises(ValueError, match="no mapping"):
        convert(mapper, ["X"], ["FOO"])
