"""Writing the trained pipeline as the svpol model: the current tokenizer and the svpol meta."""

from pathlib import Path
from typing import Any, Dict, List, Optional

from spacy.language import Language
from spacy.util import registry

from svpol.about import __version__, model_requirement
from svpol.labels import ENTITY_LABELS, TOPIC_LABELS
from svpol.tokenizer import TOKENIZER

from .assemble import CONFIDENCE
from .scoring import performance, summarize_dev

MODEL_NAME = "svpol_cnn"  # spaCy prefixes the language: the package is sv_svpol_cnn
# Data sources and their licences; the share-alike licence of UNER governs the model.
SOURCES: List[Dict[str, str]] = [
    {"name": "Universal NER, Swedish Talbanken", "url": "https://github.com/UniversalNER/UNER_Swedish-Talbanken", "license": "CC BY-SA 4.0"},
    {"name": "swedish-ner-corpus (klintan)", "url": "https://github.com/klintan/swedish-ner-corpus", "license": "CC BY 4.0"},
    {"name": "SUC 3.0 (SUCX dev split, automatic NE layer)", "url": "https://spraakbanken.gu.se/en/resources/suc3", "license": "CC BY 4.0"},
    {"name": "swerik-project riksdagen-interpellations and riksdagen-persons", "url": "https://github.com/swerik-project", "license": "see the source repositories"},
    {"name": "civictechsweden myndighetsdata", "url": "https://github.com/civictechsweden/myndighetsdata", "license": "see the source repository"},
]
LICENSE = "CC BY-SA 4.0"


def use_current_tokenizer(nlp: Language) -> None:
    """Give ``nlp`` the svpol tokenizer of this version of the library, in the pipeline and its config."""
    if nlp.config["nlp"]["tokenizer"].get("@tokenizers") != TOKENIZER:
        nlp.tokenizer = registry.tokenizers.get(TOKENIZER)()(nlp)
        nlp.config["nlp"]["tokenizer"] = {"@tokenizers": TOKENIZER}


def package(
    nlp: Language,
    output: Path,
    *,
    thresholds: Dict[str, Any],
    dev_scores: Dict[str, Any],
    rule_order: Optional[Dict[str, Any]],
    manifest: Optional[Dict[str, Any]],
    name: str = MODEL_NAME,
    architecture: str = "CNN tok2vec",
) -> None:
    """Write the pipeline to ``output`` with the svpol meta; ``architecture`` goes into the description.

    The packaged pipeline gets the library's current tokenizer (``svpol.tokenizer.TOKENIZER``):
    later versions only add splits between names (v2: ``Malmö–Lund``), which the trained
    components take as they take any other token boundary.
    """
    use_current_tokenizer(nlp)
    nlp.meta.update(
        {
            "name": name,
            "version": __version__,
            "description": "svpol pipeline for Swedish political text: entities "
            f"({', '.join(ENTITY_LABELS)}) with attributes, and {len(TOPIC_LABELS)} topics per document "
            f"and per paragraph ({architecture}, ner, textcat_multilabel, svpol rules and enrichers).",
            "author": "svpol contributors",
            "url": "https://github.com/svpol/svpol",
            "license": LICENSE,
            # the svpol versions this pipeline works with; svpol.load checks it
            "requirements": [model_requirement()],
            "sources": SOURCES,
            "performance": performance(dev_scores),
        }
    )
    nlp.meta["svpol"] = {
        "topic_thresholds": thresholds["per_label"],
        "topic_threshold_global": thresholds["global"],
        "topic_calibration": {k: v for k, v in thresholds.items() if k not in ("per_label", "global")},
        "dev_scores": summarize_dev(dev_scores),
        "entity_rules_order": rule_order,
        "corpus_manifest": manifest,
    }
    if CONFIDENCE in nlp.pipe_names:
        # Uncalibrated scores are not worth their cost: the component stays off until
        # training.fit_confidence has fitted its curves (main() does that next).
        nlp.disable_pipe(CONFIDENCE)
    output.mkdir(parents=True, exist_ok=True)
    nlp.to_disk(output)
