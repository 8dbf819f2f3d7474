"""The shipped model on gold-test, recomputed from the stand-off gold and the archive.

The scores come from running ``models/sv_svpol_cnn`` on the gold-test paragraphs joined with
``../shared/data`` here (never from the model's meta), so a retrained model or a changed
component that falls below the floors fails CI. The floors sit a little under the figures
recorded in README.md (``svpol evaluate models/sv_svpol_cnn training_output/gold/gold-test.spacy``).
"""

import pytest

import svpol
from svpol.evaluate import evaluate
from training import gold
from training.interpellations import ARCHIVE_NAME
from training.paths import REPO

DATA = REPO.parent / "shared" / "data"
MODEL = REPO / "models" / "sv_svpol_cnn"
# Measured (v5.51, as v5.49 and v5.50): entities 94.0 / core 96.8 micro F1, ORG 79.4, LOC 89.1, topics 76.6, party 100 %,
# amount_sek 100 % (16 of 16; the floor is issue #14's target).
FLOORS = {
    ("entities", "micro"): 0.93,
    ("entities", "core_micro"): 0.96,
    ("topics", "micro"): 0.75,
}
LABEL_FLOORS = {"ORG": 0.77, "LOC": 0.88}
ATTRIBUTE_FLOORS = {"party": 0.99, "amount_sek": 0.98}

pytestmark = pytest.mark.skipif(not (DATA / ARCHIVE_NAME).exists() or not (MODEL / "config.cfg").exists(),
                                reason="needs ../shared/data and the shipped model")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("gold")
    return out, gold.build(DATA, out)


@pytest.fixture(scope="module")
def scores(built):
    out, counts = built
    assert counts["gold-test"] >= 300
    return evaluate(svpol.load(MODEL), out / "gold-test.spacy")


def test_topic_check_of_held_out_training_documents_stays_above_its_floor(built):
    # Measured (v5.37): topics micro F1 80.4 on the 2,100 paragraphs of the topic check (docs/gold.md; its
    # thresholds were chosen on it, among others); the build refuses a document that is also in topics-train.
    out, counts = built
    assert counts["topics-check"] >= 2000
    assert evaluate(svpol.load(MODEL), out / "topics-check.spacy")["topics"]["micro"]["f"] >= 0.79


@pytest.mark.parametrize("kind, average", sorted(FLOORS))
def test_gold_test_scores_stay_above_their_floors(scores, kind, average):
    assert scores[kind][average]["f"] >= FLOORS[(kind, average)]


@pytest.mark.parametrize("label", sorted(LABEL_FLOORS))
def test_gold_test_label_scores_stay_above_their_floors(scores, label):
    assert scores["entities"]["per_label"][label]["f"] >= LABEL_FLOORS[label]


@pytest.mark.parametrize("attribute", sorted(ATTRIBUTE_FLOORS))
def test_gold_test_attributes_stay_above_their_floors(scores, attribute):
    assert scores["attributes"][attribute]["accuracy"] >= ATTRIBUTE_FLOORS[attribute]
