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

from svpol.evaluate import ATTRIBUTES, GOLD_ATTRIBUTES_KEY
from svpol.labels import ENTITY_LABELS, TOPIC_LABELS

from .interpellations import ARCHIVE_NAME, Interpellation, iter_interpellations, list_ids
from .paths import DATA_DIR
from .sample_topics_check import write_jsonl
from .splits import seeded_sample, unit_hash

GOLD_DIR = Path(__file__).parent / "gold"
# Topic-only annotations (no entities) of more training documents: they train the topic
# classifier only, so they live apart from the entity gold.
TOPICS_DIR = GOLD_DIR / "topics"
# A topic-only round of training documents kept out of training: a larger interpellation topic check than
# gold-dev (docs/gold.md, "Topic check"); written to topics-check.spacy, never fitted on.
TOPICS_CHECK_DIR = GOLD_DIR / "topics-check"
# Municipal-style paragraphs written for this project with their topics (no third-party text):
# the interpellations alone teach the topic model nothing about council protocols.
WRITTEN_DIR = GOLD_DIR / "topics-written"
# Synthetic municipal-style documents from the training frames of training.templates, for the
# topic model too (count and seed fixed so that the build is reproducible).
TEMPLATE_DOCS = 1500
TEMPLATE_SEED = 7
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


def _decade(ip: Interpellation) -> str:
    """The decade of the session's start ("199495" -> "1990s")."""
    return ip.session[:3] + "0s"


def _ministry(ip: Interpellation, ministers) -> str:
    from .corpus import interpellation_roles

    roles = interpellation_roles(ip, ministers)
    return roles[0] if roles else "okänd"


def sample(data_dir: Path, n_docs: int, seed: int, per_doc: int = 3, exclude: Iterable[str] = (),
           split: Optional[str] = None) -> List[dict]:
    """Pick documents stratified by decade and ministry, and up to ``per_doc`` paragraphs of each.

    Every document contributes its title line, one question paragraph when it has one, and
    body paragraphs drawn with weights that favour names, bodies and amounts. Documents in
    ``exclude`` are skipped, and with ``split`` only documents of that gold split are drawn.
    """
    if split is not None and split not in SPLITS:
        raise ValueError(f"split must be one of {list(SPLITS)}; got {split!r}")
    from .topics import MinisterTable

    archive = data_dir / ARCHIVE_NAME
    skip = set(seeded_sample(sorted(list_ids(archive)), SILVER_MAX, SILVER_SEED)) | set(exclude)
    ministers = MinisterTable.from_csv(data_dir / MINISTER_FILE)
    strata: Dict[Tuple[str, str], List[Interpellation]] = defaultdict(list)
    ministry: Dict[str, str] = {}
    for ip in iter_interpellations(archive):
        if ip.doc_id in skip or not ip.paragraphs or not ip.title:
            continue
        if split is not None and split_of(ip.doc_id) != split:
            continue
        ministry[ip.doc_id] = _ministry(ip, ministers)
        strata[(_decade(ip), ministry[ip.doc_id])].append(ip)
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
        questions = [i for i, p in enumerate(ip.paragraphs, 1) if p.rstrip().endswith("?") and len(p) <= MAX_CHARS]
        if questions:
            picks.append(rng.choice(questions))
        body = [i for i, p in enumerate(ip.paragraphs, 1)
                if i not in picks and 40 <= len(p) <= MAX_CHARS]
        weights = [_richness(ip.paragraphs[i - 1]) for i in body]
        while len(picks) < per_doc and body:
            k = rng.choices(range(len(body)), weights=weights)[0]
            picks.append(body.pop(k))
            weights.pop(k)
        for index in sorted(picks):
            text = paragraph_text(ip, index)
            records.append({"doc": ip.doc_id, "para": index, "split": split_of(ip.doc_id),
                            "decade": _decade(ip), "ministry": ministry[ip.doc_id],
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
        for attr in ATTRIBUTES:
            if mention.get(attr) not in (None, ""):
                entity[attr] = mention[attr]
        placed.append(entity)
        cursor = found.start() + 1
    placed.sort(key=lambda e: e["start"])
    return placed, problems


def convert(work: dict, annotation: dict, annotator: str, topics_only: bool = False) -> Tuple[dict, List[Problem]]:
    """One stand-off record from a work record (with text) and an annotator's answer.

    With ``topics_only`` the record has no ``entities`` key: its entities were not annotated.
    """
    key = key_of(work)
    problems: List[Problem] = []
    topics = annotation.get("topics")
    if not isinstance(topics, list):
        problems.append(Problem(key, f"topics must be a list, got {topics!r}"))
        topics = []
    bad = [t for t in topics if t not in TOPIC_LABELS]
    if bad:
        problems.append(Problem(key, f"unknown topics {bad}"))
    record = {"doc": work["doc"], "para": work["para"], "sha1": work["sha1"], "annotator": annotator}
    if not topics_only:
        record["entities"], found = place_entities(work["text"], annotation.get("entities", []), key)
        problems = found + problems
    record["topics"] = sorted(t for t in topics if t in TOPIC_LABELS)
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


# ------------------------------------------------------------------ join with the archive
@dataclass
class GoldParagraph:
    """A gold record joined with its text."""

    doc: str
    para: int
    split: str
    text: str
    entities: Optional[List[dict]]  # None: not annotated (topic-only records)
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
        for e in r.get("entities", ()):
            if sha1(text[e["start"]:e["end"]]) != e["sha1"]:
                errors.append(f"{r['doc']}#{r['para']}: span {e['start']}-{e['end']} {e['label']} no longer matches")
        joined.append(GoldParagraph(r["doc"], r["para"], split_of(r["doc"]), text, r.get("entities"), r["topics"],
                                    r.get("annotator", "")))
    if errors:
        raise ValueError("gold stand-off does not match the archive:\n  " + "\n  ".join(errors))
    return joined


def document_splits(gold_dir: Path = GOLD_DIR) -> Dict[str, str]:
    """The gold documents and their split, from the stand-off files alone (no archive needed)."""
    return {r["doc"]: split_of(r["doc"]) for r in load_standoff(gold_dir)}


# ------------------------------------------------------------------ gold Docs
SOURCE_KEY = "svpol_gold_source"  # doc.user_data: {"doc", "para", "annotator"}


def make_doc(nlp, text: str, entities: Sequence[dict]):
    """A Doc of ``text`` with ``entities`` set, its tokens split at every entity boundary.

    The svpol tokenizer is used where it already agrees with the gold boundaries; where it
    does not (a place range written ``A–B``), the tokens are cut there so that the gold
    span survives exactly as annotated.
    """
    from spacy.tokens import Doc

    doc = nlp.make_doc(text)
    if any(doc.char_span(e["start"], e["end"]) is None for e in entities):
        cuts = {b for e in entities for b in (e["start"], e["end"])}
        words, spaces = [], []
        for token in doc:
            start = token.idx
            inner = sorted(c for c in cuts if token.idx < c < token.idx + len(token))
            for cut in inner + [token.idx + len(token)]:
                words.append(text[start:cut])
                spaces.append(False)
                start = cut
            spaces[-1] = bool(token.whitespace_)
        doc = Doc(nlp.vocab, words=words, spaces=spaces)
    doc.ents = [doc.char_span(e["start"], e["end"], e["label"]) for e in entities]
    doc.user_data[GOLD_ATTRIBUTES_KEY] = [[e["start"], e["end"], attr, e[attr]] for e in entities
                                          for attr in ATTRIBUTES if attr in e]
    return doc


def to_docs(nlp, paragraphs: Iterable[GoldParagraph]) -> List:
    """Gold Docs with entities (unset for topic-only records), every topic (1.0 or 0.0) and the attributes."""
    docs = []
    for g in paragraphs:
        # Topic-only paragraphs keep their entities missing, not empty.
        doc = nlp.make_doc(g.text) if g.entities is None else make_doc(nlp, g.text, g.entities)
        doc.cats = {label: float(label in g.topics) for label in TOPIC_LABELS}
        doc.user_data[SOURCE_KEY] = {"doc": g.doc, "para": g.para, "annotator": g.annotator}
        docs.append(doc)
    return docs


def final_records(records: Sequence[dict]) -> List[dict]:
    """One record per paragraph: the adjudicated one where a paragraph has several."""
    by_key: Dict[str, List[dict]] = defaultdict(list)
    for r in records:
        by_key[key_of(r)].append(r)
    chosen = []
    for key, group in by_key.items():
        adjudicated = [r for r in group if r.get("annotator") == "adjudicated"]
        if len(adjudicated) > 1:
            raise ValueError(f"{key}: {len(adjudicated)} adjudicated records")
        chosen.append(adjudicated[0] if adjudicated else sorted(group, key=lambda r: r.get("annotator", ""))[0])
    return chosen


def build(data_dir: Path, output: Path, gold_dir: Path = GOLD_DIR,
          topics_dir: Optional[Path] = TOPICS_DIR, written_dir: Optional[Path] = WRITTEN_DIR,
          topics_check_dir: Optional[Path] = TOPICS_CHECK_DIR) -> Dict[str, int]:
    """Write ``gold-{train,dev,test}.spacy`` under ``output``; returns paragraphs per file.

    The topic-only records of ``topics_dir`` (training documents only) go to ``topics-train.spacy``,
    those of ``topics_check_dir`` to ``topics-check.spacy``; the written paragraphs of ``written_dir``
    to ``topics-written.spacy``, with the template documents in ``topics-templates.spacy``.

    Raises:
        ValueError: a record does not match the archive, a topic-only record is not in train, or a
            document is both in the topic training records and in the topic check.
    """
    from spacy.tokens import DocBin

    from svpol.tokenizer import blank

    nlp = blank()
    joined = join(final_records(load_standoff(gold_dir)), data_dir)
    output.mkdir(parents=True, exist_ok=True)
    counts = {}
    for split in SPLITS:
        docs = to_docs(nlp, [g for g in joined if g.split == split])
        DocBin(store_user_data=True, docs=docs).to_disk(output / f"gold-{split}.spacy")
        counts[f"gold-{split}"] = len(docs)
    fitted_docs = set()
    for name, directory in (("topics-train", topics_dir), ("topics-check", topics_check_dir)):
        topic_records = load_standoff(directory) if directory is not None and Path(directory).is_dir() else []
        if not topic_records:
            continue
        topic_only = join(final_records(topic_records), data_dir)
        leaked = sorted({g.doc for g in topic_only if g.split != "train"})
        if leaked:
            raise ValueError(f"topic-only records must come from training documents; not train: {', '.join(leaked)}")
        shared = sorted({g.doc for g in topic_only} & fitted_docs)
        if shared:
            raise ValueError(f"{name}: documents already in topics-train: {', '.join(shared)}")
        fitted_docs |= {g.doc for g in topic_only}
        docs = to_docs(nlp, topic_only)
        DocBin(store_user_data=True, docs=docs).to_disk(output / f"{name}.spacy")
        counts[name] = len(docs)
    if written_dir is not None and Path(written_dir).is_dir():
        docs = written_docs(nlp, written_dir)
        DocBin(store_user_data=True, docs=docs).to_disk(output / "topics-written.spacy")
        counts["topics-written"] = len(docs)
        docs = template_docs(nlp)
        DocBin(store_user_data=True, docs=docs).to_disk(output / "topics-templates.spacy")
        counts["topics-templates"] = len(docs)
    return counts


def _topic_doc(nlp, text: str, topics: Sequence[str], source: str, annotator: str):
    doc = nlp.make_doc(text)
    doc.cats = {label: float(label in topics) for label in TOPIC_LABELS}
    doc.user_data[SOURCE_KEY] = {"doc": source, "para": 0, "annotator": annotator}
    return doc


def written_docs(nlp, written_dir: Path = WRITTEN_DIR) -> List:
    """The project-written municipal-style paragraphs of ``written_dir/*.jsonl`` as topic Docs.

    Raises:
        ValueError: naming the file and line of a record without text or with an unknown topic.
    """
    docs = []
    for path in sorted(Path(written_dir).glob("*.jsonl")):
        for n, record in enumerate(read_jsonl(path), 1):
            bad = [t for t in record.get("topics", []) if t not in TOPIC_LABELS]
            if not isinstance(record.get("text"), str) or not record["text"].strip() or bad:
                raise ValueError(f"{path}:{n}: needs a text and topics from {list(TOPIC_LABELS)} (unknown: {bad})")
            docs.append(_topic_doc(nlp, record["text"], record["topics"], f"written-{path.stem}-{n}", "written"))
    return docs


def template_docs(nlp, n_docs: int = TEMPLATE_DOCS, seed: int = TEMPLATE_SEED) -> List:
    """Synthetic municipal-style documents of training.templates' train frames as topic Docs."""
    from svpol.kb import load_kb

    from .templates import generate

    return [_topic_doc(nlp, filled.text, filled.topics, f"template-{i}", "template")
            for i, filled in enumerate(generate(load_kb(), n_docs, 0, seed)["train"])]


# ------------------------------------------------------------------ agreement
def agreement(records: Sequence[dict]) -> Dict[str, object]:
    """Entity F1 between annotators per label (exact offsets and label) and topic agreement.

    Only paragraphs with two independent annotations count; one annotator's set is taken as
    reference (F1 is symmetric). Topic agreement is micro F1 over (paragraph, topic) pairs
    and the share of paragraphs whose topic sets are identical.
    """
    by_key: Dict[str, List[dict]] = defaultdict(list)
    for r in records:
        if r.get("annotator") != "adjudicated":
            by_key[key_of(r)].append(r)
    pairs = [sorted(g, key=lambda r: r["annotator"]) for g in by_key.values() if len(g) == 2]
    per_label: Dict[str, Counter] = {label: Counter() for label in ENTITY_LABELS}
    topics = Counter()
    identical = 0
    for a, b in pairs:
        ea = {(e["start"], e["end"], e["label"]) for e in a.get("entities", ())}
        eb = {(e["start"], e["end"], e["label"]) for e in b.get("entities", ())}
        for label in ENTITY_LABELS:
            sa = {e for e in ea if e[2] == label}
            sb = {e for e in eb if e[2] == label}
            per_label[label].update(both=len(sa & sb), a=len(sa), b=len(sb))
        ta, tb = set(a["topics"]), set(b["topics"])
        topics.update(both=len(ta & tb), a=len(ta), b=len(tb))
        identical += ta == tb

    def f1(c: Counter) -> Optional[float]:
        return 2 * c["both"] / (c["a"] + c["b"]) if c["a"] + c["b"] else None

    total = sum(per_label.values(), Counter())
    return {"paragraphs": len(pairs),
            "entities": {label: {"f1": f1(c), "a": c["a"], "b": c["b"], "both": c["both"]}
                         for label, c in per_label.items()},
            "entities_micro": f1(total),
            "topics_micro": f1(topics), "topics_identical": identical / len(pairs) if pairs else None}


# ------------------------------------------------------------------ commands
app = typer.Typer(add_completion=False, help=__doc__.split("\n\n")[0])
WORK_DIR = Path("corpus/gold-work")


@app.command("sample")
def sample_command(
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir"),
    output: Path = typer.Option(WORK_DIR, "--output", "-o", help="Git-ignored folder for batches with text."),
    n_docs: int = typer.Option(360, "--docs"),
    double: int = typer.Option(160, "--double", help="Paragraphs annotated by two annotators."),
    annotators: int = typer.Option(6, "--annotators"),
    batch_size: int = typer.Option(50, "--batch-size"),
    seed: int = typer.Option(0, "--seed"),
    split: Optional[str] = typer.Option(None, "--split", help="Only documents of this gold split "
                                        "(e.g. 'train' for more training annotations)."),
    exclude_gold: bool = typer.Option(False, "--exclude-gold", help="Skip the documents the gold and "
                                      "topic stand-off already hold."),
) -> None:
    """Sample paragraphs and write annotation batches (text included, never committed)."""
    exclude = set()
    if exclude_gold:
        exclude = {r["doc"] for d in (GOLD_DIR, TOPICS_DIR, TOPICS_CHECK_DIR) if d.is_dir() for r in load_standoff(d)}
    try:
        records = sample(data_dir, n_docs, seed, exclude=exclude, split=split)
    except ValueError as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(2)
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
    write_jsonl(output / "sample.jsonl", records)
    (output / "doubled.txt").write_text("\n".join(sorted(doubled)) + "\n", encoding="utf-8")
    for a, queue in sorted(queues.items()):
        for b in range(0, len(queue), batch_size):
            batch = [{"key": key_of(r), "text": r["text"]} for r in queue[b:b + batch_size]]
            write_jsonl(output / f"a{a + 1}-b{b // batch_size + 1:02d}.jsonl", batch)
    splits = Counter(r["split"] for r in records)
    typer.echo(f"{len(records)} paragraphs from {len({r['doc'] for r in records})} documents; "
               f"splits {dict(splits)}; {len(doubled)} doubled; "
               f"decades {dict(Counter(r['decade'] for r in records))}; "
               f"{len({r['ministry'] for r in records})} ministries; per annotator "
               f"{ {a + 1: len(q) for a, q in sorted(queues.items())} }")


@app.command("check")
def check_command(
    files: List[Path] = typer.Argument(..., help="Annotator answer files (*.ann.jsonl)."),
    topics_only: bool = typer.Option(False, "--topics-only", help="The answers hold topics only."),
) -> None:
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
            _, problems = convert({"doc": doc, "para": int(para), "sha1": "", "text": work["text"]}, answer, "", topics_only)
            for p in problems:
                typer.echo(f"{path}: {p.key}: {p.message}")
            n_problems += len(problems)
        for key in batch.keys() - seen:
            typer.echo(f"{path}: {key}: not annotated")
            n_problems += 1
    typer.echo(f"{n_problems} problems")
    raise typer.Exit(1 if n_problems else 0)



@app.command("convert")
def convert_command(
    work: Path = typer.Option(WORK_DIR, "--work", help="Folder of the batches and answer files."),
    pattern: str = typer.Option("a*-b*.ann.jsonl", "--pattern", help="Answer files in WORK; the name's part "
                                "before the first '-' is the annotator."),
    annotator_name: Optional[str] = typer.Option(None, "--as", help="Record every answer under this annotator "
                                                 "name instead (e.g. 'adjudicated' for the review pass)."),
    sample_file: Path = typer.Option(WORK_DIR / "sample.jsonl", "--sample", help="The sample written by 'sample'."),
    gold_dir: Optional[Path] = typer.Option(None, "--gold-dir", help="Where the stand-off files go "
                                            "[default: training/gold, or training/gold/topics with --topics-only]."),
    topics_only: bool = typer.Option(False, "--topics-only", help="The answers hold topics only (no entities)."),
) -> None:
    """Turn answer files into stand-off ``annotations-<annotator>.jsonl``."""
    gold_dir = gold_dir or (TOPICS_DIR if topics_only else GOLD_DIR)
    sample_records = {key_of(r): r for r in read_jsonl(sample_file)}
    by_annotator: Dict[str, List[dict]] = defaultdict(list)
    problems: List[Problem] = []
    for path in sorted(work.glob(pattern)):
        annotator = annotator_name or path.name.split("-")[0]
        for answer in read_jsonl(path):
            record, found = convert(sample_records[answer["key"]], answer, annotator, topics_only)
            by_annotator[annotator].append(record)
            problems += found
    for p in problems:
        typer.echo(f"{p.key}: {p.message}", err=True)
    for annotator, records in sorted(by_annotator.items()):
        records.sort(key=lambda r: (r["doc"], r["para"]))
        write_jsonl(gold_dir / f"annotations-{annotator}.jsonl", records)
        typer.echo(f"{annotator}: {len(records)} paragraphs, {sum(len(r.get('entities', ())) for r in records)} "
                   f"entities, {sum(len(r['topics']) for r in records)} topics")
    raise typer.Exit(1 if problems else 0)


@app.command("build")
def build_command(
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir"),
    output: Path = typer.Option(Path("training_output/gold"), "--output", "-o"),
    gold_dir: Path = typer.Option(GOLD_DIR, "--gold-dir"),
) -> None:
    """Join the stand-off gold with the archive and write gold-{train,dev,test}.spacy."""
    try:
        counts = build(data_dir, output, gold_dir)
    except (ValueError, OSError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)
    typer.echo(f"wrote {output}: " + ", ".join(f"{name} {n} paragraphs" for name, n in counts.items()))


@app.command("agreement")
def agreement_command(gold_dir: Path = typer.Option(GOLD_DIR, "--gold-dir")) -> None:
    """Inter-annotator agreement on the doubly annotated paragraphs."""
    result = agreement(load_standoff(gold_dir))
    typer.echo(f"{result['paragraphs']} paragraphs annotated twice")
    typer.echo(f"  {'label':<12}{'F1':>7}{'A':>6}{'B':>6}{'both':>6}")
    for label, v in result["entities"].items():
        f1 = "-" if v["f1"] is None else f"{v['f1'] * 100:.1f}"
        typer.echo(f"  {label:<12}{f1:>7}{v['a']:>6}{v['b']:>6}{v['both']:>6}")
    micro = result["entities_micro"]
    typer.echo(f"  entity micro F1 {'-' if micro is None else f'{micro * 100:.1f}'}; topic micro F1 "
               f"{result['topics_micro'] * 100:.1f}; identical topic sets {result['topics_identical'] * 100:.1f} %")


@app.command("errors")
def errors_command(
    model: str = typer.Argument(..., help="Pipeline folder or package."),
    gold: Path = typer.Argument(..., help="gold-train.spacy or gold-dev.spacy (never the test split)."),
    label: Optional[str] = typer.Option(None, "--label", help="Only errors involving this label."),
) -> None:
    """Print every entity error of MODEL with its context, for error analysis on train or dev."""
    import svpol
    from svpol.evaluate import predict, read_docs

    if "test" in gold.name:
        typer.echo("error analysis on the test split is not allowed: it is for the final report only", err=True)
        raise typer.Exit(2)
    nlp = svpol.load(model)
    examples, _ = predict(nlp, read_docs(nlp, gold))
    for eg in examples:
        text = eg.reference.text
        gold_ents = {(e.start_char, e.end_char, e.label_) for e in eg.reference.ents}
        pred_ents = {(e.start_char, e.end_char, e.label_) for e in eg.predicted.ents}
        for kind, ents in (("FN", gold_ents - pred_ents), ("FP", pred_ents - gold_ents)):
            for s, e, lab in sorted(ents):
                if label and lab != label:
                    continue
                context = text[max(0, s - 40):s] + "[[" + text[s:e] + "]]" + text[e:e + 40]
                typer.echo(f"{kind} {lab:<9} {text[s:e]!r:<30} {context!r}")

if __name__ == "__main__":
    app()
