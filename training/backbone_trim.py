"""Trimming a backbone: keep the vocabulary pieces Swedish text uses, and optionally fewer layers.

The 250k-row embedding matrix is three quarters of multilingual-e5-small's size; a
shallower model trains and runs proportionally faster, at some cost in quality.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import TYPE_CHECKING, Dict, Iterable, List, Optional, Sequence, Set

from .backbone_hf import SPECIAL_TOKENS, write_tokenizer_files, write_weights
from .backbone_inputs import BackboneError, read_json

if TYPE_CHECKING:
    from tokenizers import Tokenizer


def _latin_char(ch: str) -> bool:
    """Characters whose single-character pieces a trimmed Swedish vocabulary keeps anyway."""
    cp = ord(ch)
    # Basic Latin .. Latin Extended-B, general punctuation, currency symbols.
    return cp <= 0x024F or 0x2000 <= cp <= 0x20CF


def pieces_to_keep(pieces: Sequence[str], seen: Iterable[int]) -> List[int]:
    """Ids to keep when trimming: specials, pieces ``seen`` in text, Latin single characters.

    Single characters (with or without the ``▁`` word marker) are kept so that a word outside
    the trimming text still splits into pieces instead of becoming ``<unk>``.
    """
    keep: Set[int] = {i for i, p in enumerate(pieces) if p in SPECIAL_TOKENS.values()}
    keep.update(seen)
    for i, p in enumerate(pieces):
        core = p[1:] if p.startswith("\u2581") else p
        if len(core) == 1 and _latin_char(core):
            keep.add(i)
    return sorted(keep)


def trimmed_tokenizer(tokenizer: dict, keep: Sequence[int]) -> dict:
    """A copy of ``tokenizer`` (a ``tokenizer.json`` dict) with only the pieces ``keep``, renumbered."""
    new_id = {old: new for new, old in enumerate(keep)}
    trimmed = copy.deepcopy(tokenizer)
    vocab = tokenizer["model"]["vocab"]
    trimmed["model"]["vocab"] = [vocab[i] for i in keep]
    trimmed["model"]["unk_id"] = new_id[tokenizer["model"]["unk_id"]]
    for token in trimmed["added_tokens"]:
        token["id"] = new_id[token["id"]]
    post = trimmed.get("post_processor") or {}
    for special in post.get("special_tokens", {}).values():
        special["ids"] = [new_id[i] for i in special["ids"]]
    return trimmed


def _read_texts(paths: Sequence[Path]) -> List[str]:
    """Texts of ``.spacy`` DocBin files, or the lines of plain text files."""
    texts: List[str] = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise BackboneError(f"{path}: no such file")
        if path.suffix == ".spacy":
            from spacy.tokens import DocBin
            from spacy.vocab import Vocab

            texts.extend(doc.text for doc in DocBin().from_disk(path).get_docs(Vocab()))
        else:
            texts.extend(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    return texts


def trim_backbone(source: Path, output: Path, texts_from: Sequence[Path],
                  check_on: Sequence[Path] = (), layers: Optional[int] = None) -> Dict[str, object]:
    """Write a copy of backbone ``source`` whose vocabulary holds only pieces Swedish text needs.

    Keeps the pieces that tokenizing the texts of ``texts_from`` produces (see
    :func:`pieces_to_keep`), the matching embedding rows, and everything else unchanged. Text
    made of kept pieces tokenizes identically, and identical pieces give identical model output.

    Args:
        source: a backbone folder written by :func:`build_backbone`.
        output: the trimmed backbone folder.
        texts_from: ``.spacy`` corpora or plain text files whose pieces to keep.
        check_on: held-out texts on which to measure agreement with the full tokenizer.
        layers: keep only the lowest ``layers`` transformer layers (all when None): a shallower
            model trains and runs proportionally faster, at some cost in quality.

    Returns:
        Sizes before and after, and, for ``check_on``, the share of texts tokenized identically
        and of ``<unk>`` pieces the trimmed tokenizer produces.
    """
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    source, output = Path(source), Path(output)
    tok_json = read_json(source / "tokenizer.json")
    full = Tokenizer.from_str(json.dumps(tok_json))
    seen: Set[int] = set()
    for enc in full.encode_batch(_read_texts(texts_from)):
        seen.update(enc.ids)
    pieces = [p for p, _ in tok_json["model"]["vocab"]]
    keep = pieces_to_keep(pieces, seen)
    new_tok = trimmed_tokenizer(tok_json, keep)

    state = load_file(str(source / "model.safetensors"))
    state["embeddings.word_embeddings.weight"] = state["embeddings.word_embeddings.weight"][keep]
    config = read_json(source / "config.json")
    config["vocab_size"] = len(keep)
    if layers is not None:
        if not 0 < layers <= config["num_hidden_layers"]:
            raise BackboneError(f"{source}: cannot keep {layers} of {config['num_hidden_layers']} layers")
        dropped = tuple(f"encoder.layer.{i}." for i in range(layers, config["num_hidden_layers"]))
        state = {k: v for k, v in state.items() if not k.startswith(dropped)}
        config["num_hidden_layers"] = layers
    output.mkdir(parents=True, exist_ok=True)
    write_weights(output, state, config)
    write_tokenizer_files(output, new_tok)
    source_note = (source / "SOURCE.md").read_text(encoding="utf-8") if (source / "SOURCE.md").exists() else ""
    (output / "SOURCE.md").write_text(
        source_note + f"\nVocabulary trimmed from {len(pieces)} to {len(keep)} pieces, "
        f"{config['num_hidden_layers']} layers kept (svpol `training/backbone.py trim`).\n",
        encoding="utf-8")
    report: Dict[str, object] = {
        "pieces_before": len(pieces),
        "pieces_seen": len(seen),
        "pieces_after": len(keep),
        "weights_mb_before": round((source / "model.safetensors").stat().st_size / 1e6, 1),
        "weights_mb_after": round((output / "model.safetensors").stat().st_size / 1e6, 1),
    }
    if check_on:
        report.update(tokenizer_agreement(full, Tokenizer.from_str(json.dumps(new_tok)),
                                          _read_texts(check_on), keep, new_tok["model"]["unk_id"]))
    return report


def tokenizer_agreement(full: Tokenizer, trimmed: Tokenizer, texts: Sequence[str], keep: Sequence[int],
                        trimmed_unk: int) -> Dict[str, float]:
    """Share of ``texts`` the trimmed tokenizer splits exactly as the full one, and its unk rate."""
    same = pieces = unks = 0
    for a, b in zip(full.encode_batch(list(texts)), trimmed.encode_batch(list(texts))):
        same += [keep[i] for i in b.ids] == a.ids
        pieces += len(b.ids)
        unks += sum(i == trimmed_unk for i in b.ids)
    return {
        "check_texts": len(texts),
        "check_identical_share": round(same / max(1, len(texts)), 4),
        "check_unk_share": round(unks / max(1, pieces), 5),
    }
