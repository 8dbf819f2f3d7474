"""Score svpol_structure against hand-annotated real protocols (docs/structure.md, "Real protocols").

    python -m training.structure_check corpus/structure-check [--model models/sv_svpol_cnn] [--details]

The annotation folder holds one ``<name>.json`` per document and the text it was made on
(``"text"``: a file in the same folder). The texts are public pages read through the project's
search tool; they stay in the git-ignored ``corpus/`` folder, never in the repository, and so do
the annotations, whose ``at`` cues quote the page. An annotation::

    {"url": "https://...", "text": "name.txt", "seen": false,
     "items": [{"number": 266, "title": "Val av justerare"}],
     "proposals": [{"at": "Anna Berg (S) yrkar", "kind": "approve", "parties": ["S"]}],
     "reservations": [{"at": "Bo Ek (SD) reserverar", "kind": "reservation", "parties": ["SD"]}],
     "votes": [{"at": "Med 7 röster", "yes": 7, "no": 4, "abstain": null}],
     "attendance": [{"name": "Anna Berg", "party": "S"}],
     "adjusters": [{"name": "Bo Ek", "party": "SD"}]}

``at`` is where the part starts: the first occurrence of the cue in the text, so a found part is
one whose span holds that offset. ``seen`` marks a page that was read while the rules were
written (not an independent check). Every list is what a reader finds in the text, empty where
there is none: a part the component reports that is not in the list is a false positive.

Scores, per kind, precision and recall of the parts found (items by ``§`` number, proposals,
reservations and votes by position, attendees and adjusters by name) and of the parts found
right: an item with its title, a proposal with its kind and proposer parties, a reservation with
its kind and signatory parties, a vote with its counts, a person with the party.
"""

import json
import re
from pathlib import Path
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

import typer

app = typer.Typer(add_completion=False, help=__doc__.split("\n\n")[0])

KINDS = ("items", "proposals", "reservations", "votes", "attendance", "adjusters")
# Old party letters as a reader writes them -> the id the component gives (Folkpartiet is Liberalerna).
_PARTY_ALIASES = {"FP": "L"}


def _squash(text: Optional[str]) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _parties(values: Iterable[Optional[str]]) -> Tuple[str, ...]:
    ids = {_PARTY_ALIASES.get(v.upper(), v.upper()) for v in values if v}
    return tuple(sorted(ids))


def read_annotations(folder: Path) -> List[Dict[str, Any]]:
    """The annotations of ``folder`` with their texts, each ``at`` cue resolved to its offset.

    Raises:
        ValueError: a cue that is not in its text.
    """
    docs = []
    for path in sorted(folder.glob("*.json")):
        ann = json.loads(path.read_text(encoding="utf-8"))
        ann["name"] = path.stem
        ann["raw"] = (folder / ann["text"]).read_text(encoding="utf-8")
        for kind in ("proposals", "reservations", "votes"):
            for part in ann.get(kind, []):
                part["offset"] = ann["raw"].find(part["at"])
                if part["offset"] < 0:
                    raise ValueError(f"{path}: {kind} cue {part['at']!r} is not in {ann['text']}")
        docs.append(ann)
    return docs


def predicted_parts(structure: Optional[Dict[str, Any]]) -> Dict[str, List[Dict[str, Any]]]:
    """The parts of a record's ``structure`` that are scored, by kind (offsets into the raw text)."""
    out: Dict[str, List[Dict[str, Any]]] = {kind: [] for kind in KINDS}
    if not structure:
        return out
    for item in structure.get("items", []):
        out["items"].append({"number": item.get("number"), "title": (item.get("title") or {}).get("text")})
        out["proposals"] += item.get("proposals", [])
        out["reservations"] += item.get("reservations", [])
        out["votes"] += item.get("votes", [])
    out["attendance"] = [p for block in structure.get("attendance", []) for p in block.get("persons", [])]
    out["adjusters"] = list((structure.get("header") or {}).get("adjusters") or [])
    return out


def _match(gold: Sequence[Dict[str, Any]], pred: Sequence[Dict[str, Any]],
           same: Callable[[Dict[str, Any], Dict[str, Any]], bool]) -> List[Tuple[Dict[str, Any], Dict[str, Any]]]:
    """One-to-one pairs (gold, predicted) in gold order, each predicted part used once."""
    used: set = set()
    pairs = []
    for g in gold:
        for i, p in enumerate(pred):
            if i not in used and same(g, p):
                used.add(i)
                pairs.append((g, p))
                break
    return pairs


def _at(g: Dict[str, Any], p: Dict[str, Any]) -> bool:
    start = p.get("span_start", p["start"])
    return start <= g["offset"] < p["end"]


# How gold and predicted parts pair up, and when a pair is right, per kind.
_FOUND: Dict[str, Callable[[Dict[str, Any], Dict[str, Any]], bool]] = {
    "items": lambda g, p: g["number"] == p["number"],
    "proposals": _at,
    "reservations": _at,
    "votes": _at,
    "attendance": lambda g, p: _squash(g["name"]) == _squash(p["name"]),
    "adjusters": lambda g, p: _squash(g["name"]) == _squash(p["name"]),
}
_RIGHT: Dict[str, Callable[[Dict[str, Any], Dict[str, Any]], bool]] = {
    "items": lambda g, p: _squash(g["title"]) == _squash(p["title"]),
    "proposals": lambda g, p: g["kind"] == p["kind"] and _parties(g["parties"]) == _parties(p["party_ids"]),
    "reservations": lambda g, p: g["kind"] == p["kind"] and _parties(g["parties"]) == _parties(p["party_ids"]),
    "votes": lambda g, p: all(g.get(k) == p.get(k) for k in ("yes", "no", "abstain")),
    "attendance": lambda g, p: _parties([g.get("party")]) == _parties([p.get("party")]),
    "adjusters": lambda g, p: _parties([g.get("party")]) == _parties([p.get("party")]),
}


def score_document(ann: Dict[str, Any], structure: Optional[Dict[str, Any]]) -> Dict[str, Dict[str, Any]]:
    """Counts per kind for one document: gold, predicted, found, right, and the misses for reading."""
    pred = predicted_parts(structure)
    out = {}
    for kind in KINDS:
        gold = ann.get(kind, [])
        pairs = _match(gold, pred[kind], _FOUND[kind])
        wrong = [(g, p) for g, p in pairs if not _RIGHT[kind](g, p)]
        matched_gold = [id(g) for g, _ in pairs]
        matched_pred = [id(p) for _, p in pairs]
        out[kind] = {
            "gold": len(gold), "predicted": len(pred[kind]), "found": len(pairs), "right": len(pairs) - len(wrong),
            "missed": [g for g in gold if id(g) not in matched_gold],
            "spurious": [p for p in pred[kind] if id(p) not in matched_pred],
            "wrong": wrong,
        }
    return out


def _ratio(n: int, d: int) -> str:
    return f"{n}/{d}" + (f" ({n / d:.2f})" if d else "")


def totals(scores: Sequence[Dict[str, Dict[str, Any]]]) -> Dict[str, Dict[str, int]]:
    """The counts of every document summed per kind."""
    return {kind: {k: sum(s[kind][k] for s in scores) for k in ("gold", "predicted", "found", "right")}
            for kind in KINDS}


def _brief(part: Dict[str, Any]) -> str:
    keys = ("number", "title", "kind", "name", "party", "party_ids", "parties", "yes", "no", "abstain", "at", "text")
    return json.dumps({k: part[k] for k in keys if k in part}, ensure_ascii=False)[:160]


@app.command()
def main(
    annotations: Path = typer.Argument(..., help="The folder of annotations and texts (corpus/structure-check)."),
    model: str = typer.Option("", help="Pipeline to add svpol_structure to (default: svpol.load()'s)."),
    details: bool = typer.Option(False, help="Print each document's misses, false positives and wrong parts."),
    output: Optional[Path] = typer.Option(None, help="Also write the totals and per-document counts as JSON."),
) -> None:
    """Run svpol_structure on the annotated texts and print precision and recall per kind."""
    import svpol

    docs = read_annotations(annotations)
    if not docs:
        typer.echo(f"{annotations}: no annotations (*.json)", err=True)
        raise typer.Exit(2)
    nlp = svpol.load(model or None)
    nlp.add_pipe("svpol_structure")
    records = svpol.annotate([{"id": d["name"], "text": d["raw"]} for d in docs], nlp=nlp)
    scores = []
    for ann, record in zip(docs, records):
        score = score_document(ann, record["structure"])
        scores.append(score)
        if details:
            typer.echo(f"\n{ann['name']} ({ann['url']}){' [seen]' if ann.get('seen') else ''}")
            for kind in KINDS:
                s = score[kind]
                for g in s["missed"]:
                    typer.echo(f"  {kind} missed: {_brief(g)}")
                for p in s["spurious"]:
                    typer.echo(f"  {kind} false positive: {_brief(p)}")
                for g, p in s["wrong"]:
                    typer.echo(f"  {kind} wrong: gold {_brief(g)} / got {_brief(p)}")
    total = totals(scores)
    typer.echo(f"\n{len(docs)} documents ({sum(bool(d.get('seen')) for d in docs)} seen while the rules were written)")
    typer.echo(f"{'kind':<13}{'gold':>5}{'pred':>5}  {'found P':<16}{'found R':<16}{'right P':<16}{'right R':<16}")
    for kind, t in total.items():
        typer.echo(f"{kind:<13}{t['gold']:>5}{t['predicted']:>5}  {_ratio(t['found'], t['predicted']):<16}"
                   f"{_ratio(t['found'], t['gold']):<16}{_ratio(t['right'], t['predicted']):<16}"
                   f"{_ratio(t['right'], t['gold']):<16}")
    if output:
        per_doc = {d["name"]: {k: {c: s[k][c] for c in ("gold", "predicted", "found", "right")} for k in KINDS}
                   for d, s in zip(docs, scores)}
        output.write_text(json.dumps({"totals": total, "documents": per_doc}, indent=1), encoding="utf-8")


if __name__ == "__main__":
    app()
