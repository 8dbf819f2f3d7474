"""The hand-annotated gold corpus: real interpellation paragraphs, stand-off.

The gold annotations live in ``training/gold/*.jsonl`` as stand-off records: a document id,
a paragraph locator (0 is the title line, 1.. the body paragraphs as
:func:`training.interpellations.parse_tei` reads them), the SHA-1 of the paragraph text, the
entities as character offsets with their label, attributes and the SHA-1 of the span text,
and the paragraph's topics. No text of ``../shared/data`` is stored here: :func:`join` reads
the paragraphs from the archive and fails loudly if a paragraph or a span no longer matches.

Commands (``python -m training.gold ...``):
    sample   pick documents and paragraphs (stratified by decade and ministry), split them by
             document and write annotation batches with their text to a git-ignored folder;
    convert  turn annotators' batch files (entity strings in reading order) into stand-off;
    build    join stand-off with the archive and write gold-{train,dev,test}.spacy;
    agreement  inter-annotator entity F1 per label and topic agreement on the doubly annotated paragraphs.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import typer

from svpol.labels import ENTITY_LABELS, TOPIC_LABELS

from .interpellations import ARCHIVE_NAME, Interpellation, iter_interpellations, list_ids
from .splits import seeded_sample, unit_hash

GOLD_DIR = Path(__file__).parent / "gold"
SPLITS = ("train", "dev", "test")
# Gold documents are drawn from outside the silver sample of training.corpus (seed 0, 4,000 docs),
# so that no gold paragraph is also a silver training paragraph.
SILVER_SEED = 0
SILVER_MAX = 4000
MINISTER_FILE = "gazetteers/riksdagen/minister.csv"
MAX_CHARS = 1400  # longer paragraphs are rare and slow to annotate; they are skipped in sampling
_WORD = r"[\wÅÄÖåäöÉéÜü]"


def sha1(text: str) -> str:
    """Short content fingerprint used to check that the stand-off still fits the text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def paragraph_text(ip: Interpellation, index: int) -> str:
    """The paragraph a locator names: 0 is the title, i >= 1 the i-th body paragraph."""
    if index == 0:
        return ip.title
    if not 1 <= index <= len(ip.paragraphs):
        raise ValueError(f"{ip.doc_id}: no paragraph {index} (the document has {len(ip.paragraphs)})")
    return ip.paragraphs[index - 1]


def split_of(doc_id: str, seed: int = 0) -> str:
    """A document's gold split, fixed by its id: about 50 % train, 18 % dev, 32 % test."""
    u = unit_hash(seed + 7919, doc_id)
    return "test" if u < 0.32 else "dev" if u < 0.50 else "train"


# ------------------------------------------------------------------ sampling
_ENTITYISH = re.compile(
    r"kommun|region|landsting|nämnd|myndighet|länsstyrelse|verket|styrelsen|inspektion|\bAB\b|"
    r"kronor|miljon|miljard|mnkr|mkr|\d|stad\b|polis", re.IGNORECASE)


def _richness(text: str) -> float:
    """How many names, bodies and amounts a paragraph is likely to hold (for weighted sampling)."""
    caps = len(re.findall(rf"(?<=[^.!?:]\s)[A-ZÅÄÖ]{_WORD}+", text))
    return 1.0 + caps + 2.0 * len(_ENTITYISH.findall(text))


def _ministry(ip: Interpellation, ministers) -> str:
    from .corpus import interpellation_roles

    roles = interpellation_roles(ip, ministers)
    return roles[0] if roles else "okänd"


def sample(data_dir: Path, n_docs: int, seed: int, per_doc: int = 3) -> List[dict]:
    """Pick documents stratified by decade and ministry, and up to ``per_doc`` paragraphs of each.

    Every document contributes its title line, one question paragraph when it has one, and
    body paragraphs drawn with weights that favour names, bodies and amounts.
    """
    from .topics import MinisterTable

    archive = data_dir / ARCHIVE_NAME
    silver = set(seeded_sample(sorted(list_ids(archive)), SILVER_MAX, SILVER_SEED))
    ministers = MinisterTable.from_csv(data_dir / MINISTER_FILE)
    strata: Dict[Tuple[str, str], List[Interpellation]] = defaultdict(list)
    for ip in iter_interpellations(archive):
        if ip.doc_id in silver or not ip.paragraphs or not ip.title:
            continue
        strata[(ip.session[:3] + "0s", _ministry(ip, ministers))].append(ip)
    rng = random.Random(seed)
    decades = sorted({d for d, _ in strata})
    chosen: List[Interpellation] = []
    # Equal documents per decade; within a decade, round-robin over ministries so that small
    # portfolios are represented, not only justice and finance.
    for decade in decades:
        pools = [sorted(v, key=lambda ip: ip.doc_id) for (d, _), v in sorted(strata.items()) if d == decade]
        for pool in pools:
            rng.shuffle(pool)
        rng.shuffle(pools)
        quota = n_docs // len(decades)
        taken = 0
        while taken < quota and any(pools):
            for pool in pools:
                if pool and taken < quota:
                    chosen.append(pool.pop())
                    taken += 1
    records = []
    for ip in chosen:
        picks = [0]
        n_context = len(ip.paragraphs)
        questions = [i for i, p in enumerate(ip.paragraphs, 1) if p.rstrip().endswith("?") and len(p) <= MAX_CHARS]
        if questions:
            picks.append(rng.choice(questions))
        body = [i for i, p in enumerate(ip.paragraphs, 1)
                if i not in picks and 40 <= len(p) <= MAX_CHARS and n_context]
        weights = [_richness(ip.paragraphs[i - 1]) for i in body]
        while len(picks) < per_doc and body:
            k = rng.choices(range(len(body)), weights=weights)[0]
            picks.append(body.pop(k))
            weights.pop(k)
        for index in sorted(picks):
            text = paragraph_text(ip, index)
            records.append({"doc": ip.doc_id, "para": index, "split": split_of(ip.doc_id),
                            "decade": ip.session[:3] + "0s", "ministry": _ministry(ip, ministers),
                            "sha1": sha1(text), "text": text})
    return records


# ------------------------------------------------------------------ annotator files -> stand-off
@dataclass
class Problem:
    """An annotation that cannot be placed on the text."""

    key: str
    message: str


def key_of(record: dict) -> str:
    """The paragraph's key in work files: ``doc_id#para``."""
    return f"{record['doc']}#{record['para']}"


def place_entities(text: str, mentions: Sequence[dict], key: str = "") -> Tuple[List[dict], List[Problem]]:
    """Turn entity strings listed in reading order into character offsets.

    Each mention is found at its next whole-word occurrence after the previous mention's
    start, so a name repeated in the text is listed once per mention that is an entity.
    """
    placed: List[dict] = []
    problems: List[Problem] = []
    cursor = 0
    for mention in mentions:
        surface = mention.get("text", "")
        label = mention.get("label", "")
        if label not in ENTITY_LABELS:
            problems.append(Problem(key, f"unknown label {label!r} for {surface!r}"))
            continue
        pattern = re.compile(rf"(?<!{_WORD}){re.escape(surface)}(?!{_WORD})") if surface else None
        found = pattern.search(text, cursor) if pattern else None
        if found is None and pattern is not None:
            found = pattern.search(text)  # listed out of order: take the first free occurrence
            while found and any(found.start() < e["end"] and e["start"] < found.end() for e in placed):
                found = pattern.search(text, found.start() + 1)
        if found is None:
            problems.append(Problem(key, f"{label} {surface!r} not found (after offset {cursor})"))
            continue
        if any(found.start() < e["end"] and e["start"] < found.end() for e in placed):
            problems.append(Problem(key, f"{label} {surface!r} overlaps another entity"))
            continue
        entity = {"start": found.start(), "end": found.end(), "label": label, "sha1": sha1(surface)}
        for attr in ("party", "amount_sek", "canonical"):
            if mention.get(attr) not in (None, ""):
                entity[attr] = mention[attr]
        placed.append(entity)
        cursor = found.start() + 1
    placed.sort(key=lambda e: e["start"])
    return placed, problems


def convert(work: dict, annotation: dict, annotator: str) -> Tuple[dict, List[Problem]]:
    """One stand-off record from a work record (with text) and an annotator's answer."""
    key = key_of(work)
    entities, problems = place_entities(work["text"], annotation.get("entities", []), key)
    topics = annotation.get("topics", [])
    bad = [t for t in topics if t not in TOPIC_LABELS]
    if bad:
        problems.append(Problem(key, f"unknown topics {bad}"))
    record = {"doc": work["doc"], "para": work["para"], "sha1": work["sha1"], "annotator": annotator,
              "entities": entities, "topics": sorted(t for t in topics if t in TOPIC_LABELS)}
    return record, problems


def read_jsonl(path: Path) -> List[dict]:
    """Records of a JSONL file; a bad line raises ValueError naming the file and line."""
    records = []
    with Path(path).open(encoding="utf-8") as handle:
        for n, line in enumerate(handle, 1):
            if line.strip():
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as err:
                    raise ValueError(f"{path}:{n}: invalid JSON: {err}") from None
    return records


def write_jsonl(records: Iterable[dict], path: Path) -> None:
    """Write records one per line, keys in a stable order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")


# ------------------------------------------------------------------ join with the archive
@dataclass
class GoldParagraph:
    """A gold record joined with its text."""

    doc: str
    para: int
    split: str
    text: str
    entities: List[dict]
    topics: List[str]
    annotator: str = ""
    extra: Dict[str, object] = field(default_factory=dict)


def load_standoff(gold_dir: Path = GOLD_DIR, pattern: str = "*.jsonl") -> List[dict]:
    """All stand-off records under ``gold_dir``."""
    return [r for path in sorted(Path(gold_dir).glob(pattern)) for r in read_jsonl(path)]


def join(records: Sequence[dict], data_dir: Path) -> List[GoldParagraph]:
    """Attach the archive's text to stand-off records.

    Raises:
        ValueError: naming every record whose paragraph or span text no longer matches.
    """
    wanted = {r["doc"] for r in records}
    texts: Dict[str, Interpellation] = {}
    for ip in iter_interpellations(Path(data_dir) / ARCHIVE_NAME):
        if ip.doc_id in wanted:
            texts[ip.doc_id] = ip
    errors, joined = [], []
    for r in records:
        ip = texts.get(r["doc"])
        if ip is None:
            errors.append(f"{r['doc']}#{r['para']}: document not in the archive")
            continue
        text = paragraph_text(ip, r["para"])
        if sha1(text) != r["sha1"]:
            errors.append(f"{r['doc']}#{r['para']}: paragraph text changed (sha1 {sha1(text)} != {r['sha1']})")
            continue
        for e in r["entities"]:
            if sha1(text[e["start"]:e["end"]]) != e["sha1"]:
                errors.append(f"{r['doc']}#{r['para']}: span {e['start']}-{e['end']} {e['label']} no longer matches")
        joined.append(GoldParagraph(r["doc"], r["para"], split_of(r["doc"]), text, r["entities"], r["topics"],
                                    r.get("annotator", "")))
    if errors:
        raise ValueError("gold stand-off does not match the archive:\n  " + "\n  ".join(errors))
    return joined


# ------------------------------------------------------------------ commands
app = typer.Typer(add_completion=False, help=__doc__.split("\n\n")[0])
WORK_DIR = Path("corpus/gold-work")


@app.command("sample")
def sample_command(
    data_dir: Path = typer.Option(Path("../shared/data"), "--data-dir"),
    output: Path = typer.Option(WORK_DIR, "--output", "-o", help="Git-ignored folder for batches with text."),
    n_docs: int = typer.Option(360, "--docs"),
    double: int = typer.Option(160, "--double", help="Paragraphs annotated by two annotators."),
    annotators: int = typer.Option(6, "--annotators"),
    batch_size: int = typer.Option(50, "--batch-size"),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Sample paragraphs and write annotation batches (text included, never committed)."""
    records = sample(data_dir, n_docs, seed)
    rng = random.Random(seed + 1)
    keys = [key_of(r) for r in records]
    doubled = set(rng.sample(keys, min(double, len(keys))))
    # Each annotator gets an equal share; a doubled paragraph goes to annotator i and i + n/2,
    # so the two annotations are independent.
    queues: Dict[int, List[dict]] = defaultdict(list)
    order = list(records)
    rng.shuffle(order)
    single_turn = 0
    double_turn = 0
    for r in order:
        if key_of(r) in doubled:
            a = double_turn % (annotators // 2)
            queues[a].append(r)
            queues[a + annotators // 2].append(r)
            double_turn += 1
        else:
            queues[single_turn % annotators].append(r)
            single_turn += 1
    output.mkdir(parents=True, exist_ok=True)
    write_jsonl(records, output / "sample.jsonl")
    (output / "doubled.txt").write_text("\n".join(sorted(doubled)) + "\n", encoding="utf-8")
    for a, queue in sorted(queues.items()):
        for b in range(0, len(queue), batch_size):
            batch = [{"key": key_of(r), "text": r["text"]} for r in queue[b:b + batch_size]]
            write_jsonl(batch, output / f"a{a + 1}-b{b // batch_size + 1:02d}.jsonl")
    splits = Counter(r["split"] for r in records)
    typer.echo(f"{len(records)} paragraphs from {len({r['doc'] for r in records})} documents; "
               f"splits {dict(splits)}; {len(doubled)} doubled; "
               f"decades {dict(Counter(r['decade'] for r in records))}; "
               f"{len({r['ministry'] for r in records})} ministries; per annotator "
               f"{ {a + 1: len(q) for a, q in sorted(queues.items())} }")


@app.command("check")
def check_command(files: List[Path] = typer.Argument(..., help="Annotator answer files (*.ann.jsonl).")) -> None:
    """Check annotator answer files against their batches; print every problem."""
    n_problems = 0
    for path in files:
        batch = {r["key"]: r for r in read_jsonl(Path(str(path).replace(".ann.jsonl", ".jsonl")))}
        answers = read_jsonl(path)
        seen = set()
        for answer in answers:
            key = answer.get("key")
            if key not in batch:
                typer.echo(f"{path}: unknown key {key!r}")
                n_problems += 1
                continue
            seen.add(key)
            work = batch[key]
            doc, para = key.rsplit("#", 1)
            _, problems = convert({"doc": doc, "para": int(para), "sha1": "", "text": work["text"]}, answer, "")
            for p in problems:
                typer.echo(f"{path}: {p.key}: {p.message}")
            n_problems += len(problems)
        for key in batch.keys() - seen:
            typer.echo(f"{path}: {key}: not annotated")
            n_problems += 1
    typer.echo(f"{n_problems} problems")
    raise typer.Exit(1 if n_problems else 0)


if __name__ == "__main__":
    app()
