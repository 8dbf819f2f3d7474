"""Precision and recall of the rule components on hand-annotated interpellation paragraphs.

Two steps, so that the gold spans are written before the rules' output is seen::

    python -m training.check_rules sample /tmp/rule_recall/sample.jsonl --n 40 --seed 13
    # annotate PARTY, AUTHORITY and MONEY in each paragraph (../shared/ANNOTATION.md),
    # saving {"id", "text", "entities": [[start, end, label], ...]} lines as gold.jsonl
    python -m training.check_rules score /tmp/rule_recall/gold.jsonl

``sample`` draws a seeded random sample of body paragraphs (one per interpellation)
from the archive in ``--data-dir``; ``score`` reads the same paragraphs from the
archive again, checks that the gold file's texts are theirs, runs ``svpol.tokenizer.blank()``
+ ``svpol_entity_rules`` on them and prints per-label precision and recall (exact
spans) with the missed and spurious spans. The data is third-party: keep the sample
and gold files outside the repository (``/tmp`` or the git-ignored ``corpus/``).
"""

from __future__ import annotations

import json
import random
import tarfile
from collections import Counter
from pathlib import Path
from typing import Dict, Iterable, List, Sequence, Set, Tuple

import typer

from svpol.components.entity_rules import RULE_LABELS
from svpol.tokenizer import blank
from training.interpellations import ARCHIVE_NAME, list_ids, parse_tei
from training.paths import DATA_DIR

Span = Tuple[int, int, str]

app = typer.Typer(add_completion=False, help=__doc__.split("\n\n")[0])


def paragraph_id(doc_id: str, index: int) -> str:
    """The id of a body paragraph: ``<interpellation id>#<paragraph index>``."""
    return f"{doc_id}#{index}"


def read_paragraphs(archive: Path, doc_ids: Iterable[str]) -> Dict[str, List[str]]:
    """The body paragraphs of the given interpellations, read from the archive by file stem.

    Raises:
        ValueError: an id is not in the archive.
    """
    wanted = set(doc_ids)
    found: Dict[str, List[str]] = {}
    with tarfile.open(archive, "r:*") as tar:
        for member in tar:
            stem = Path(member.name).stem
            if member.isfile() and member.name.endswith(".xml") and stem in wanted:
                handle = tar.extractfile(member)
                if handle is not None:
                    found[stem] = parse_tei(handle.read(), Path(member.name).parent.name).paragraphs
    missing = sorted(wanted - set(found))
    if missing:
        raise ValueError(f"{archive}: no interpellation {missing[0]} (and {len(missing) - 1} more)")
    return found


def sample_paragraphs(archive: Path, n: int, seed: int) -> List[Dict[str, object]]:
    """``n`` body paragraphs of ``n`` interpellations drawn at random with ``seed``, in id order."""
    ids = list_ids(archive)
    rng = random.Random(seed)
    rng.shuffle(ids)
    # Some interpellations have no body paragraphs: draw a few spares.
    chosen = ids[: n + n // 4 + 5]
    paragraphs = read_paragraphs(archive, chosen)
    out = []
    for doc_id in chosen:
        paras = paragraphs[doc_id]
        if paras and len(out) < n:
            index = random.Random(f"{seed}:{doc_id}").randrange(len(paras))
            out.append({"id": paragraph_id(doc_id, index), "text": paras[index]})
    return sorted(out, key=lambda item: str(item["id"]))


def read_gold(path: Path) -> List[Dict[str, object]]:
    """Gold lines ``{"id", "text", "entities": [[start, end, label], ...]}``.

    Raises:
        ValueError: a malformed line, an unknown label or a span outside the text.
    """
    gold = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
            spans = [(int(s), int(e), str(label)) for s, e, label in item["entities"]]
            text = str(item["text"])
            item_id = str(item["id"])
        except (ValueError, KeyError, TypeError) as err:
            raise ValueError(f"{path}:{number}: expected {{id, text, entities: [[start, end, label]]}}: {err}") from None
        for start, end, label in spans:
            if label not in RULE_LABELS or not 0 <= start < end <= len(text):
                raise ValueError(f"{path}:{number}: bad span {[start, end, label]} (labels: {', '.join(RULE_LABELS)})")
        gold.append({"id": item_id, "text": text, "entities": spans})
    return gold


def check_texts(gold: Sequence[Dict[str, object]], archive: Path) -> None:
    """Make sure each gold text is the archive's paragraph of that id.

    Raises:
        ValueError: an id that names no paragraph, or a text that differs.
    """
    doc_ids = {str(item["id"]).split("#")[0] for item in gold}
    paragraphs = read_paragraphs(archive, doc_ids)
    for item in gold:
        doc_id, _, index = str(item["id"]).partition("#")
        paras = paragraphs[doc_id]
        if not index.isdigit() or int(index) >= len(paras):
            raise ValueError(f"{item['id']}: {doc_id} has {len(paras)} body paragraphs")
        if paras[int(index)] != item["text"]:
            raise ValueError(f"{item['id']}: the gold text is not the archive's paragraph")


def score(gold: Sequence[Dict[str, object]], predicted: Sequence[Set[Span]]) -> Dict[str, Dict[str, float]]:
    """Per-label and overall precision, recall and F1 of exact spans, with the counts."""
    counts: Dict[str, Counter] = {label: Counter() for label in (*RULE_LABELS, "ALL")}
    for item, pred in zip(gold, predicted):
        true = set(item["entities"])  # type: ignore[arg-type]
        for label in RULE_LABELS:
            t = {s for s in true if s[2] == label}
            p = {s for s in pred if s[2] == label}
            for key in (label, "ALL"):
                counts[key].update(tp=len(t & p), fp=len(p - t), fn=len(t - p))
    out = {}
    for label, c in counts.items():
        precision = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
        recall = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"gold": c["tp"] + c["fn"], "predicted": c["tp"] + c["fp"], "tp": c["tp"],
                      "precision": precision, "recall": recall, "f1": f1}
    return out


def _archive(data_dir: Path) -> Path:
    archive = data_dir / ARCHIVE_NAME
    if not archive.exists():
        typer.echo(f"{archive}: not found (is --data-dir the shared data folder?)", err=True)
        raise typer.Exit(2)
    return archive


@app.command()
def sample(
    output: Path = typer.Argument(..., help="Where the sample goes (JSON lines; keep it outside the repository)."),
    data_dir: Path = typer.Option(DATA_DIR, help="The shared data folder."),
    n: int = typer.Option(40, help="Paragraphs to draw, one per interpellation."),
    seed: int = typer.Option(13),
) -> None:
    """Write a seeded random sample of interpellation paragraphs to annotate."""
    items = sample_paragraphs(_archive(data_dir), n, seed)
    output.parent.mkdir(parents=True, exist_ok=True)
    with open(output, "w", encoding="utf-8") as f:
        for item in items:
            f.write(json.dumps({**item, "entities": []}, ensure_ascii=False) + "\n")
    typer.echo(f"{output}: {len(items)} paragraphs")


@app.command("score")
def score_command(
    gold_path: Path = typer.Argument(..., help="Gold JSON lines: {id, text, entities: [[start, end, label], ...]}."),
    data_dir: Path = typer.Option(DATA_DIR, help="The shared data folder."),
    show: bool = typer.Option(True, help="List the missed and spurious spans."),
) -> None:
    """Run the entity rules on the gold paragraphs and print precision and recall per label."""
    try:
        gold = read_gold(gold_path)
        check_texts(gold, _archive(data_dir))
    except ValueError as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(2)
    nlp = blank()
    nlp.add_pipe("svpol_entity_rules")
    docs = list(nlp.pipe(str(item["text"]) for item in gold))
    predicted = [{(e.start_char, e.end_char, e.label_) for e in doc.ents} for doc in docs]
    table = score(gold, predicted)
    typer.echo(f"{len(gold)} paragraphs, {sum(len(d.text) for d in docs)} characters\n")
    typer.echo("| label | gold | predicted | correct | precision | recall | F1 |\n|---|---|---|---|---|---|---|")
    for label, m in table.items():
        typer.echo(f"| {label} | {m['gold']} | {m['predicted']} | {m['tp']} | {m['precision']:.2f} | "
                   f"{m['recall']:.2f} | {m['f1']:.2f} |")
    if show:
        for item, doc, pred in zip(gold, docs, predicted):
            true = set(item["entities"])  # type: ignore[arg-type]
            for kind, spans in (("missed", true - pred), ("spurious", pred - true)):
                for start, end, label in sorted(spans):
                    typer.echo(f"{kind:8} {label:9} {doc.text[start:end]!r}  ({item['id']})")


if __name__ == "__main__":
    app()
