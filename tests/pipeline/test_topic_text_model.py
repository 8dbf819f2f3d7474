"""The text topic model of `svpol_topic_evidence`: features, fitting, serialization, the component's text mode."""

import numpy
import pytest
import spacy

import svpol  # noqa: F401  (registers the factories)
from svpol.components.topic_evidence import TopicEvidence
from svpol.labels import TOPIC_LABELS
from svpol.topic_text_model import TextTopicModel, TopicLexicon, hashed_indices

BUDGET = "Budgeten för nästa år innebär höjda skatter och ett underskott i kommunens ekonomi."
SCHOOL = "Eleverna i skolan behöver fler lärare och en bättre skolgård."
CARE = "Hemtjänsten och äldreomsorgen behöver mer personal på boendena."
TEXTS = [BUDGET, SCHOOL, CARE] * 10
GOLD = [{"budget": 1.0}, {"education": 1.0}, {"elderly_care": 1.0}] * 10


def _vocab_with_vectors(words=("budgeten", "skatter", "eleverna", "skolan", "lärare", "hemtjänsten", "äldreomsorgen"),
                        seed=0):
    nlp = spacy.blank("sv")
    rng = numpy.random.default_rng(seed)
    for word in words:
        nlp.vocab.set_vector(word, rng.normal(size=8).astype("float32"))
    return nlp.vocab


def test_hashed_indices_are_deterministic_and_include_word_beginnings():
    first = hashed_indices("Äldreomsorgen och äldreomsorgsnämnden", 1 << 16)
    assert list(first) == list(hashed_indices("äldreomsorgen OCH äldreomsorgsnämnden", 1 << 16))
    # Two different words sharing their first six letters share the prefix buckets.
    assert len(set(hashed_indices("äldreomsorgen", 1 << 16)) & set(hashed_indices("äldreomsorgsnämnden", 1 << 16))) == 2
    assert len(hashed_indices("123 456", 1 << 16)) == 0


def test_fit_separates_topics_and_survives_bytes_round_trip():
    model = TextTopicModel(TOPIC_LABELS, hashed_features=1024, static_vectors=True, classifier=False,
                           vocab=_vocab_with_vectors())
    assert model.vector_width == 8
    model.fit([{}] * len(TEXTS), TEXTS, GOLD, iterations=200)
    budget, school = model.scores({}, BUDGET), model.scores({}, SCHOOL)
    assert budget["budget"] > 0.7 > school["budget"]
    assert school["education"] > 0.7 > budget["education"]
    assert model.scores({}, CARE)["elderly_care"] > 0.7
    restored = TextTopicModel(TOPIC_LABELS, hashed_features=1024, static_vectors=True, classifier=False,
                              vocab=_vocab_with_vectors()).from_bytes(model.to_bytes())
    assert restored.scores({}, BUDGET) == pytest.approx(budget, abs=2e-3)  # hashed weights stored in float16
    with pytest.raises(ValueError, match="hashed_weights has shape"):
        TextTopicModel(TOPIC_LABELS, hashed_features=512, static_vectors=True, classifier=False,
                       vocab=_vocab_with_vectors()).from_bytes(model.to_bytes())


def _lexicon():
    # an encoder's word logits, invented: "diesel" reads as transport, "bussar" too, "skolgården" as education
    values = numpy.full((3, len(TOPIC_LABELS)), -6.0)
    values[0, TOPIC_LABELS.index("transport")] = 2.0
    values[1, TOPIC_LABELS.index("transport")] = 1.0
    values[2, TOPIC_LABELS.index("education")] = 3.0
    return TopicLexicon.from_words(["diesel", "bussar", "skolgården"], values)


def test_a_topic_lexicon_gives_mean_and_largest_logits_in_four_bits():
    lexicon = _lexicon()
    features = lexicon.features(["diesel", "bussar", "okänt"])  # an unknown word counts with nothing
    transport, education = TOPIC_LABELS.index("transport"), TOPIC_LABELS.index("education")
    width = len(TOPIC_LABELS)
    # 16 levels per topic: -6 .. 2 in steps of 8/15
    assert features[transport] == pytest.approx(1.5, abs=0.3) and features[width + transport] == pytest.approx(2.0)
    assert features[education] == pytest.approx(-6.0) and features[width + education] == pytest.approx(-6.0)
    assert not lexicon.features(["okänt"]).any()
    restored = TopicLexicon.from_arrays(lexicon.arrays())
    assert numpy.array_equal(restored.values, lexicon.values)
    with pytest.raises(ValueError, match="share a key"):
        TopicLexicon.from_words(["diesel", "diesel"], numpy.zeros((2, len(TOPIC_LABELS))))
    with pytest.raises(ValueError, match="need as many rows"):
        TopicLexicon.from_words(["diesel"], numpy.zeros((2, len(TOPIC_LABELS))))


def test_the_text_model_reads_a_lexicon_and_stores_it():
    texts = ["Priset på diesel stiger.", "Skolgården byggs om.", "Frågan gäller detta."] * 10
    gold = [{"transport": 1.0}, {"education": 1.0}, {}] * 10
    model = TextTopicModel(TOPIC_LABELS, hashed_features=0, static_vectors=False, classifier=False, lexicon=True)
    assert model.n_dense == len(TOPIC_LABELS) + 1 + 2 * len(TOPIC_LABELS)
    with pytest.raises(ValueError, match="no lexicon"):
        model.fit([{}] * len(texts), texts, gold)
    model.lexicon_table = _lexicon()
    model.fit([{}] * len(texts), texts, gold, iterations=200)
    # "bussar" never occurs in training: the lexicon says it is transport
    assert model.scores({}, "Fler bussar behövs.")["transport"] > 0.7 > model.scores({}, "Frågan gäller detta.")["transport"]
    restored = TextTopicModel(TOPIC_LABELS, hashed_features=0, static_vectors=False, classifier=False, lexicon=True)
    restored.from_bytes(model.to_bytes())
    assert restored.scores({}, "Fler bussar behövs.") == pytest.approx(model.scores({}, "Fler bussar behövs."))
    with pytest.raises(ValueError, match="dense_weights has shape"):  # the lexicon's features are part of the model
        TextTopicModel(TOPIC_LABELS, hashed_features=0, static_vectors=False, classifier=False).from_bytes(
            model.to_bytes())


def test_classifier_scores_are_features_when_enabled():
    model = TextTopicModel(["budget"], hashed_features=0, static_vectors=True, classifier=True, vocab=None)
    # No vectors without a vocab: keyword counts, length and the 14 logits.
    assert model.n_dense == len(TOPIC_LABELS) + 1 + len(TOPIC_LABELS)
    neutral = "Frågan gäller detta."
    scores = [{"budget": 0.9}, {"budget": 0.1}] * 15
    model.fit(scores, [neutral] * 30, [{"budget": 1.0}, {"budget": 0.0}] * 15, iterations=200)
    assert model.scores({"budget": 0.9}, neutral)["budget"] > 0.7 > model.scores({"budget": 0.1}, neutral)["budget"]


def test_bad_settings_raise_value_errors():
    with pytest.raises(ValueError, match="hashed_features"):
        TextTopicModel(TOPIC_LABELS, hashed_features=-1, static_vectors=False, classifier=False)
    with pytest.raises(ValueError, match="equal length"):
        TextTopicModel(TOPIC_LABELS, hashed_features=16, static_vectors=False, classifier=False).fit([{}], TEXTS, GOLD)


def test_component_text_mode_passes_through_until_fitted_and_round_trips(tmp_path):
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_topic_evidence", config={"hashed_features": 1024, "classifier": False})
    doc = nlp.make_doc(BUDGET)
    doc.cats = {label: 0.3 for label in TOPIC_LABELS}
    assert component(doc).cats["budget"] == pytest.approx(0.3)  # unfitted: the classifier's scores
    component.text_model.fit([{}] * len(TEXTS), TEXTS, GOLD, iterations=200)
    doc.cats = {label: 0.3 for label in TOPIC_LABELS}
    expected = component(doc).cats
    assert expected["budget"] > 0.7
    nlp.to_disk(tmp_path / "model")
    assert (tmp_path / "model" / "svpol_topic_evidence" / "text_model.npz").is_file()
    loaded = spacy.load(tmp_path / "model")
    again = loaded.make_doc(BUDGET)
    again.cats = {label: 0.3 for label in TOPIC_LABELS}
    assert loaded.get_pipe("svpol_topic_evidence")(again).cats == pytest.approx(expected, abs=2e-3)
    # A fitted text model cannot be read into a component configured without one.
    with pytest.raises(ValueError, match="configured without one"):
        TopicEvidence("x", labels=TOPIC_LABELS).from_disk(tmp_path / "model" / "svpol_topic_evidence")


def test_blend_averages_the_evidence_and_the_text_model():
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_topic_evidence", config={"hashed_features": 1024, "blend": 0.5})
    component.text_model.fit([{}] * len(TEXTS), TEXTS, GOLD, iterations=200)
    scores = {label: 0.2 for label in TOPIC_LABELS}
    text_only = component.text_model.scores(scores, SCHOOL)
    evidence = component.evidence_scores(scores, SCHOOL)  # unfitted evidence: the classifier's scores
    assert evidence["education"] == pytest.approx(0.2)
    blended = component.rescore(scores, SCHOOL)
    assert blended["education"] == pytest.approx(0.5 * 0.2 + 0.5 * text_only["education"])
    with pytest.raises(ValueError, match="blend"):
        nlp.add_pipe("svpol_topic_evidence", name="bad", config={"hashed_features": 16, "blend": 1.5})


def test_a_batch_of_docs_and_paragraphs_is_rescored_as_one_by_one():
    nlp = spacy.blank("sv")
    component = nlp.add_pipe("svpol_topic_evidence", config={"hashed_features": 1024, "blend": 0.5})
    component.text_model.fit([{}] * len(TEXTS), TEXTS, GOLD, iterations=200)
    texts = [BUDGET + "\n\n" + SCHOOL, CARE, SCHOOL]
    # two paragraphs in the first doc, the whole text in the others
    paragraph_bounds = [[(0, len(BUDGET)), (len(BUDGET) + 2, len(texts[0]))], [(0, len(CARE))], [(0, len(SCHOOL))]]
    docs = []
    for text, bounds in zip(texts, paragraph_bounds):
        doc = nlp.make_doc(text)
        doc.cats = {label: 0.2 for label in TOPIC_LABELS}
        doc._.paragraphs = [{"start": s, "end": e, "topics": dict(doc.cats)} for s, e in bounds]
        docs.append(doc)
    rescored = list(component.pipe(docs, batch_size=2))
    for doc, text in zip(rescored, texts):
        assert doc.cats == pytest.approx(component.rescore({label: 0.2 for label in TOPIC_LABELS}, text), abs=1e-12)
        for paragraph in doc._.paragraphs:
            expected = component.rescore({label: 0.2 for label in TOPIC_LABELS}, text[paragraph["start"]:paragraph["end"]])
            assert paragraph["topics"] == pytest.approx(expected, abs=1e-12)
    assert rescored[0]._.paragraphs[0]["topics"]["budget"] > rescored[0]._.paragraphs[1]["topics"]["budget"]


def test_soft_labels_are_learned_as_probabilities():
    # a teacher's probabilities (distilled paragraphs) are targets as they are, not rounded to 0 or 1
    model = TextTopicModel(["budget"], hashed_features=64, static_vectors=False, classifier=False)
    model.fit([{}] * 40, [BUDGET] * 20 + [SCHOOL] * 20, [{"budget": 0.3}] * 20 + [{"budget": 0.0}] * 20,
              l2_hashed=1e-4, iterations=600)
    budget, school = model.predict([{}, {}], [BUDGET, SCHOOL])[:, 0]
    assert budget == pytest.approx(0.3, abs=0.05) and school < 0.05


def _compound_vocab():
    return _vocab_with_vectors(("industri", "jobben", "drift", "säkerheten", "sjukhuset", "skolan", "plan"), seed=1)


def _unit_mean(vocab, *words):
    mean = numpy.mean([vocab.get_vector(word) for word in words], axis=0)
    return mean / (numpy.linalg.norm(mean) + 1e-6)


@pytest.mark.parametrize("text, parts", [
    ("Industrijobben", ("industri", "jobben")),          # two parts with vectors
    ("driftssäkerheten", ("drift", "säkerheten")),       # a linking s after the first part
    ("Panzisjukhuset", ("sjukhuset",)),                  # an unknown first part: the head alone
    ("jobbskolan", ("skolan",)),
    ("Industrijobben och skolan", ("industri", "jobben", "skolan")),
])
def test_compounds_without_a_vector_count_with_their_parts(text, parts):
    vocab = _compound_vocab()
    model = TextTopicModel(["budget"], hashed_features=0, static_vectors=True, classifier=False, vocab=vocab,
                           compound_parts=True)
    vector = model.dense_features({}, text)[-model.vector_width:]
    assert vector == pytest.approx(_unit_mean(vocab, *parts), abs=1e-6)
    # without compound_parts such a word has no vector at all
    plain = TextTopicModel(["budget"], hashed_features=0, static_vectors=True, classifier=False, vocab=vocab)
    words_with_vectors = [p for p in parts if p in text.lower().split()]
    expected = _unit_mean(vocab, *words_with_vectors) if words_with_vectors else numpy.zeros(8)
    assert plain.dense_features({}, text)[-plain.vector_width:] == pytest.approx(expected, abs=1e-6)


@pytest.mark.parametrize("word", ["skoldigiplan", "xyzsjukhusxyz", "sjukhusetx"])
def test_words_that_are_no_known_compound_get_no_vector(word):
    # a head under five letters alone ("plan"; "skoldigi" has no vector), no known word at the end
    model = TextTopicModel(["budget"], hashed_features=0, static_vectors=True, classifier=False,
                           vocab=_compound_vocab(), compound_parts=True)
    assert model.dense_features({}, word)[-model.vector_width:] == pytest.approx(numpy.zeros(8), abs=1e-6)


def test_the_component_passes_compound_parts_to_its_text_model():
    nlp = spacy.blank("sv")
    on = nlp.add_pipe("svpol_topic_evidence", config={"static_vectors": True, "compound_parts": True})
    off = nlp.add_pipe("svpol_topic_evidence", name="plain", config={"static_vectors": True})
    assert on.text_model.compound_parts and not off.text_model.compound_parts
