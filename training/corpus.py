"""Build the svpol training corpora from ``../shared/data`` in one command.

    python -m training.corpus --data-dir ../shared/data --output corpus/

Writes ``train.spacy``, ``dev.spacy`` (all sources), per-source dev files
(``dev-uner``, ``dev-klintan``, ``dev-suc``, ``dev-indomain``, ``dev-topics``),
``manifest.json``, ``DATACARD.md`` and, under ``check/``, the seeded samples that the
data card's hand-checked figures were measured on. The corpus is built in a temporary folder next
to ``--output`` and moved into place at the end, so a reader never sees a half-written
corpus.
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional

import typer
from spacy.tokens import Doc, DocBin

from svpol.kb import load_kb
from svpol.labels import ENTITY_LABELS, TOPIC_LABELS
from svpol.tokenizer import blank

from . import gold, templates
from .datacard import write_datacard
from .converters import ReadReport, iter_spans, read_klintan, read_suc, read_uner, sentence_to_doc
from .interpellations import ARCHIVE_NAME, Interpellation, SilverAnnotator, iter_interpellations, list_ids
from .mapping import LabelMapper, MappingStats, RuleTagger
from .paths import DATA_DIR
from .splits import DEV, TRAIN, assign_split, seeded_sample
from .topics import MinisterTable, document_topics, paragraph_topics, title_role, to_cats

UNER_DIR = "ner/uner_sv_talbanken"
KLINTAN_FILE = "ner/klintan/train_corpus.txt"
SUC_FILE = "ner/suc3/suc3-dev.jsonl"
MINISTER_FILE = "gazetteers/riksdagen/minister.csv"
COUNTIES_FILE = "gazetteers/geo/counties.csv"

DEV_FILES = ("uner", "klintan", "suc", "indomain", "topics")


@dataclass
class Options:
    """Settings of one corpus build (recorded in the manifest)."""

    seed: int = 0
    max_interpellations: int = 4000
    template_train: int = 5000
    template_dev: int = 400
    klintan_dev: float = 0.1
    suc_dev: float = 0.2
    interpellation_dev: float = 0.1
    block_size: int = 20
    whole_documents: bool = True
    gold_repeat: int = 3  # gold-train paragraphs appear this many times in train.spacy


@dataclass
class Collected:
    """Docs per split and source, with the statistics the data card reports."""

    docs: Dict[str, Dict[str, List[Doc]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    doc_split: Dict[str, str] = field(default_factory=dict)
    mapping: Dict[str, MappingStats] = field(default_factory=dict)
    notes: List[str] = field(default_factory=list)

    def add(self, split: str, source: str, doc_id: str, doc: Doc) -> None:
        """Add a Doc; raises ValueError if its document is already in another split."""
        previous = self.doc_split.setdefault(doc_id, split)
        if previous != split:
            raise ValueError(f"document {doc_id!r} would be in both {previous!r} and {split!r}")
        self.docs[split][source].append(doc)


def _tagged_source(collected: Collected, name: str, sentences, scheme: str, split_of, nlp, mapper) -> None:
    stats = collected.mapping.setdefault(name, MappingStats())
    for sentence, spans in iter_spans(sentences, scheme):
        doc = mapper.apply(sentence_to_doc(nlp.vocab, sentence), spans, stats)
        collected.add(split_of(sentence.doc_id), name, sentence.doc_id, doc)


def collect_ner(data_dir: Path, opts: Options, nlp, mapper, collected: Collected) -> None:
    """Convert UNER (official train/dev), klintan and SUC (seeded block splits)."""
    uner = data_dir / UNER_DIR
    for split, part in ((TRAIN, "train"), (DEV, "dev")):
        path = uner / f"sv_talbanken-ud-{part}.iob2"
        # UNER document ids repeat across its files; prefix the part so splits stay disjoint.
        sentences = (_prefixed(s, part) for s in read_uner(path))
        _tagged_source(collected, "uner", sentences, "iob2", lambda _id, s=split: s, nlp, mapper)
    report = ReadReport()
    _tagged_source(collected, "klintan", read_klintan(data_dir / KLINTAN_FILE, report, opts.block_size), "io",
                   lambda doc_id: assign_split(doc_id, opts.seed, opts.klintan_dev), nlp, mapper)
    collected.notes.extend(report.malformed)
    _tagged_source(collected, "suc", read_suc(data_dir / SUC_FILE, opts.block_size), "io",
                   lambda doc_id: assign_split(doc_id, opts.seed, opts.suc_dev), nlp, mapper)


def _prefixed(sentence, part: str):
    sentence.doc_id = f"{sentence.doc_id}:{part}"
    return sentence


def interpellation_roles(ip: Interpellation, ministers: MinisterTable) -> List[str]:
    """The addressee's roles: the one in the title first, then those held on the date."""
    roles = []
    role = title_role(ip.title)
    if role and role not in ("statsrådet", "statsminister"):
        roles.append(role)
    if not roles and ip.receiver_name:
        named = title_role(f"till {ip.receiver_name}")
        if named and named not in ("statsrådet",):
            roles.append(named)
    roles += [r for r in ministers.roles_at(ip.receiver_id, ip.date) if r not in roles]
    return roles


def collect_interpellations(data_dir: Path, opts: Options, nlp, silver: SilverAnnotator,
                            collected: Collected, samples: Dict[str, list]) -> None:
    """Silver entities and weak topics for a seeded sample of interpellations."""
    archive = data_dir / ARCHIVE_NAME
    chosen = set(seeded_sample(sorted(list_ids(archive)), opts.max_interpellations, opts.seed))
    # Gold documents never become silver (their train split comes in as gold, see collect_gold).
    chosen -= set(gold.document_splits())
    ministers = MinisterTable.from_csv(data_dir / MINISTER_FILE)
    for ip in iter_interpellations(archive):
        if ip.doc_id not in chosen or not ip.paragraphs:
            continue
        split = assign_split(ip.doc_id, opts.seed, opts.interpellation_dev)
        names = [p.name for p in ip.persons if p.name]
        roles = interpellation_roles(ip, ministers)
        doc_topics = document_topics(ip.title, "\n".join(ip.paragraphs), roles)
        title_doc = silver.annotate(ip.title, names)
        title_doc.cats = to_cats(doc_topics)
        collected.add(split, "interpellations", ip.doc_id, title_doc)
        for paragraph in ip.paragraphs:
            doc = silver.annotate(paragraph, names)
            topics = paragraph_topics(paragraph, doc_topics)
            doc.cats = to_cats(topics) if topics is not None else {}
            collected.add(split, "interpellations", ip.doc_id, doc)
            samples["paragraphs"].append((ip.doc_id, split, doc))
        if opts.whole_documents:
            # Document-level topic example; its entities are left missing (the paragraphs carry them).
            whole = nlp.make_doc(ip.title + "\n\n" + "\n\n".join(ip.paragraphs))
            whole.cats = to_cats(doc_topics)
            collected.add(split, "interpellation_docs", ip.doc_id, whole)
            samples["documents"].append((ip.doc_id, split, roles, doc_topics, ip.title, ip.paragraphs))


def collect_gold(data_dir: Path, opts: Options, nlp, collected: Collected) -> None:
    """Hand-annotated gold paragraphs: gold-train into train (``opts.gold_repeat`` times), gold-dev
    into dev. Gold-test is never read here: it is for the final report only."""
    paragraphs = gold.join(gold.final_records(gold.load_standoff()), data_dir)
    for split, target in (("train", TRAIN), ("dev", DEV)):
        chosen = [g for g in paragraphs if g.split == split]
        repeat = opts.gold_repeat if target == TRAIN else 1
        for g, doc in zip(chosen, gold.to_docs(nlp, chosen)):
            for _ in range(repeat):
                collected.add(target, "gold", g.doc, doc)


def collect_templates(opts: Options, nlp, kb, collected: Collected) -> None:
    """Municipal-style synthetic paragraphs (train frames for train, dev frames for dev)."""
    generated = templates.generate(kb, opts.template_train, opts.template_dev, opts.seed)
    for split, texts in generated.items():
        for i, filled in enumerate(texts):
            doc = nlp.make_doc(filled.text)
            ents = []
            for start, end, label in filled.spans:
                span = doc.char_span(start, end, label) or doc.char_span(start, end, label, alignment_mode="expand")
                if span is None:
                    raise ValueError(f"template span {filled.text[start:end]!r} does not align with tokens")
                ents.append(span)
            doc.set_ents(ents, default="outside")
            doc.cats = to_cats(filled.topics)
            collected.add(split, "templates", f"template:{split}:{i:05d}", doc)


def label_counts(docs: Iterable[Doc]) -> Counter:
    """Entities per label, plus 'docs', 'tokens' and topic counts ('topic:<label>')."""
    counts: Counter = Counter()
    for doc in docs:
        counts["docs"] += 1
        counts["tokens"] += len(doc)
        for ent in doc.ents:
            counts[ent.label_] += 1
        if doc.cats:
            counts["topic_docs"] += 1
            for label, value in doc.cats.items():
                if value:
                    counts[f"topic:{label}"] += 1
    return counts


def write_check_samples(folder: Path, samples: Dict[str, list], seed: int, n_entities: int = 200,
                        n_documents: int = 100) -> None:
    """Write seeded samples for checking by eye: silver entities (TSV) and weak topics (Markdown).

    The data card's measured precision and topic noise come from reading these files.
    """
    folder.mkdir(parents=True, exist_ok=True)
    entities = [(doc_id, doc, ent) for doc_id, _split, doc in samples["paragraphs"] for ent in doc.ents]
    rows = ["n\tdoc_id\tlabel\tentity\tleft\tright\tcorrect"]
    for n, (doc_id, doc, ent) in enumerate(seeded_sample(entities, n_entities, seed), 1):
        left = doc.text[max(0, ent.start_char - 60):ent.start_char].replace("\t", " ")
        right = doc.text[ent.end_char:ent.end_char + 60].replace("\t", " ")
        rows.append(f"{n}\t{doc_id}\t{ent.label_}\t{ent.text}\t{left}\t{right}\t")
    (folder / "silver_entities.tsv").write_text("\n".join(rows) + "\n", "utf-8")
    out = ["# Weak topic labels: sample for checking", ""]
    for n, (doc_id, _split, roles, topics, title, paragraphs) in enumerate(
            seeded_sample(samples["documents"], n_documents, seed), 1):
        body = " ".join(paragraphs)
        out += [f"## {n}. {doc_id}", f"- title: {title}", f"- roles: {', '.join(roles) or '-'}",
                f"- topics: **{', '.join(topics) or '(none)'}**", "", body[:900] + (" ..." if len(body) > 900 else ""), ""]
    (folder / "topics_documents.md").write_text("\n".join(out), "utf-8")


def _write(docs: List[Doc], path: Path) -> str:
    db = DocBin(store_user_data=False)
    for doc in docs:
        db.add(doc)
    db.to_disk(path)
    return hashlib.sha256(path.read_bytes()).hexdigest()[:16]


def _git_commit() -> Optional[str]:
    try:
        return subprocess.run(["git", "rev-parse", "HEAD"], capture_output=True, text=True, check=True,
                              cwd=Path(__file__).parent).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None


def build(data_dir: Path, output: Path, opts: Options, log=print) -> Dict[str, object]:
    """Build the whole corpus into ``output`` (replaced atomically). Returns the manifest."""
    data_dir = Path(data_dir)
    for rel in (UNER_DIR, KLINTAN_FILE, SUC_FILE, ARCHIVE_NAME, MINISTER_FILE, COUNTIES_FILE):
        if not (data_dir / rel).exists():
            raise FileNotFoundError(f"{data_dir / rel}: missing (is --data-dir the shared data folder?)")
    started = time.time()
    nlp = blank("sv")
    kb = load_kb()
    rules = RuleTagger(kb, nlp)
    mapper = LabelMapper(rules)
    collected = Collected()
    samples: Dict[str, list] = defaultdict(list)
    log("converting NER sets ...")
    collect_ner(data_dir, opts, nlp, mapper, collected)
    log(f"  {time.time() - started:.0f}s; silver interpellations (max {opts.max_interpellations}) ...")
    with (data_dir / COUNTIES_FILE).open(encoding="utf-8") as handle:
        counties = [row["county_name"] for row in csv.DictReader(handle)]
    silver = SilverAnnotator(nlp, rules, kb, extra_places=counties)
    collect_interpellations(data_dir, opts, nlp, silver, collected, samples)
    log(f"  {time.time() - started:.0f}s; gold paragraphs (train x{opts.gold_repeat}, dev) ...")
    collect_gold(data_dir, opts, nlp, collected)
    log(f"  {time.time() - started:.0f}s; templates ...")
    collect_templates(opts, nlp, kb, collected)

    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{output.name}-", dir=output.parent))
    files: Dict[str, Dict[str, object]] = {}

    def write(name: str, docs: List[Doc], sources: List[str]) -> None:
        files[name] = {"docs": len(docs), "sources": sources, "sha256_16": _write(docs, tmp / name),
                       "counts": dict(label_counts(docs))}

    train_sources = sorted(collected.docs[TRAIN])
    write("train.spacy", [d for s in train_sources for d in collected.docs[TRAIN][s]], train_sources)
    dev_sources = sorted(collected.docs[DEV])
    write("dev.spacy", [d for s in dev_sources for d in collected.docs[DEV][s]], dev_sources)
    dev = collected.docs[DEV]
    write("dev-uner.spacy", dev["uner"], ["uner"])
    write("dev-klintan.spacy", dev["klintan"], ["klintan"])
    write("dev-suc.spacy", dev["suc"], ["suc"])
    write("dev-indomain.spacy", dev["interpellations"] + dev["templates"], ["interpellations", "templates"])
    write("dev-gold.spacy", dev["gold"], ["gold"])
    write("dev-topics.spacy", [d for s in dev_sources for d in dev[s] if d.cats],
          [s for s in dev_sources if any(d.cats for d in dev[s])])

    per_source = {split: {source: dict(label_counts(docs)) for source, docs in by_source.items()}
                  for split, by_source in collected.docs.items()}
    manifest = {
        "created": _dt.datetime.now(_dt.timezone.utc).isoformat(timespec="seconds"),
        "command": " ".join(["python -m training.corpus"] + sys.argv[1:]),
        "git_commit": _git_commit(),
        "options": opts.__dict__,
        "entity_labels": list(ENTITY_LABELS),
        "topic_labels": list(TOPIC_LABELS),
        "files": files,
        "per_source": per_source,
        "mapping": {name: {"before": dict(st.before), "after": dict(st.after),
                           "added_by_rules": dict(st.added_by_rules), "org_examples": st.org_examples}
                    for name, st in collected.mapping.items()},
        "notes": collected.notes,
        "documents": dict(sorted(collected.doc_split.items())),
        "seconds": round(time.time() - started, 1),
    }
    write_check_samples(tmp / "check", samples, opts.seed)
    (tmp / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")
    write_datacard(tmp / "DATACARD.md", manifest)
    _replace_dir(tmp, output)
    log(f"wrote {output} in {time.time() - started:.0f}s")
    return manifest


def _replace_dir(new: Path, target: Path) -> None:
    """Move ``new`` to ``target``; an existing ``target`` is swapped out, then removed."""
    new.chmod(0o755)  # mkdtemp makes it private; the corpus is read by other users' jobs
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}-old-{int(time.time())}")
        target.rename(old)
    new.rename(target)
    if old is not None:
        shutil.rmtree(old)


app = typer.Typer(add_completion=False, help="Build the svpol training corpora.")


@app.command()
def main(
    data_dir: Path = typer.Option(DATA_DIR, "--data-dir", help="The shared data folder."),
    output: Path = typer.Option(Path("corpus"), "--output", "-o", help="Output folder (replaced atomically)."),
    seed: int = typer.Option(0, "--seed", help="Seed for sampling, splits and templates."),
    max_interpellations: int = typer.Option(4000, "--max-interpellations",
                                            help="Interpellations sampled (by seed, all years) for silver data."),
    template_train: int = typer.Option(5000, "--template-train", help="Synthetic municipal paragraphs for train."),
    template_dev: int = typer.Option(400, "--template-dev", help="Synthetic municipal paragraphs for dev."),
    whole_documents: bool = typer.Option(True, "--whole-documents/--no-whole-documents",
                                         help="Add whole interpellations as document-level topic examples."),
    gold_repeat: int = typer.Option(3, "--gold-repeat", help="Copies of every gold-train paragraph in train."),
) -> None:
    """Build train/dev corpora, manifest and data card."""
    opts = Options(seed=seed, max_interpellations=max_interpellations, template_train=template_train,
                   template_dev=template_dev, whole_documents=whole_documents, gold_repeat=gold_repeat)
    for name in ("max_interpellations", "template_train", "template_dev", "gold_repeat"):
        if getattr(opts, name) < 0:
            typer.echo(f"--{name.replace('_', '-')}: must be non-negative", err=True)
            raise typer.Exit(2)
    try:
        build(data_dir, output, opts, log=lambda msg: typer.echo(msg, err=True))
    except (FileNotFoundError, ValueError) as err:
        typer.echo(str(err), err=True)
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
