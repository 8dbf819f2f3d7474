"""Hand-annotated real municipal paragraphs: a check set kept outside the repository.

No municipal text may be stored in the project, so each model change is also checked on real
municipal paragraphs that an annotator read with the project's search tool and annotated by
hand before any model ran (docs/gold.md). The annotator writes one JSON record per paragraph:

    {"id": "m16-001", "url": "...", "place": "Ljusdal", "kind": "protokoll", "text": "...",
     "entities": [{"start": 0, "end": 13, "label": "PERSON", "text": "Anna Svensson", "party": "S"},
                  {"start": 40, "end": 48, "label": "MONEY", "text": "0,6 mnkr", "amount_sek": 600000}],
     "topics": ["budget"]}

into a git-ignored folder (``corpus/municipal-vN/gold.jsonl``). This module turns such a file into
a DocBin that ``svpol evaluate`` scores like the gold corpus (entities, topics, a person's party
and ``amount_sek``), and writes the stand-off form that a closing note may carry (address,
offsets, labels, attributes; no text):

    python -m training municipal-check convert corpus/municipal-v16/gold.jsonl -o corpus/municipal-v16/gold.spacy
    svpol evaluate models/sv_svpol_cnn corpus/municipal-v16/gold.spacy
    python -m training municipal-check standoff corpus/municipal-v16/gold.jsonl

``convert --pages`` joins the paragraphs of each page into one document, to score document topics.
To read a model's errors and compare two versions line by line (a model's own code on its
``PYTHONPATH``, e.g. an older commit's ``git worktree``):

    python -m training municipal-check errors models/sv_svpol_cnn corpus/municipal-v16/gold.jsonl
"""

import json
from pathlib import Path
from typing import Dict, Iterable, Iterator, List

import typer
from spacy.tokens import DocBin

from svpol.labels import ENTITY_LABELS, TOPIC_LABELS

from .gold import make_doc

app = typer.Typer(help=__doc__.split("\n\n")[0], no_args_is_help=True)


def read_records(path: Path) -> Iterator[Dict[str, object]]:
    """The records of ``path``, each checked: offsets inside the text and matching the entity's
    ``text``, known labels and topics, no overlapping entities.

    Raises:
        ValueError: naming the file, the line and the problem.
    """
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{where}: not JSON ({err.msg})") from None
            text = record.get("text")
            if not isinstance(text, str) or not text:
                raise ValueError(f"{where}: the record has no text")
            ends = []
            for entity in record.get("entities", []):
                start, end, label = entity.get("start"), entity.get("end"), entity.get("label")
                if label not in ENTITY_LABELS:
                    raise ValueError(f"{where}: unknown entity label {label!r}")
                if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
                    raise ValueError(f"{where}: entity offsets {start}-{end} outside the text")
                if "text" in entity and text[start:end] != entity["text"]:
                    raise ValueError(f"{where}: {text[start:end]!r} at {start}-{end}, the record says {entity['text']!r}")
                ends.append((start, end))
            for (_, end), (start, _) in zip(sorted(ends), sorted(ends)[1:]):
                if start < end:
                    raise ValueError(f"{where}: overlapping entities at {start}")
            unknown = [t for t in record.get("topics", []) if t not in TOPIC_LABELS]
            if unknown:
                raise ValueError(f"{where}: unknown topics {unknown}")
            yield record


def join_pages(records: Iterable[Dict[str, object]]) -> List[Dict[str, object]]:
    """One record per page of two or more paragraphs: its paragraphs in order, joined by a blank line,
    their entities moved to the joined text, the union of their topics (a document has every topic
    that a substantial part of it has)."""
    pages: Dict[str, List[Dict[str, object]]] = {}
    for record in records:
        pages.setdefault(str(record.get("url", record.get("id", ""))), []).append(record)
    joined = []
    for url, paragraphs in pages.items():
        if len(paragraphs) < 2:
            continue
        texts, entities, topics, offset = [], [], set(), 0
        for record in paragraphs:
            texts.append(record["text"])
            entities += [{**e, "start": e["start"] + offset, "end": e["end"] + offset} for e in record.get("entities", [])]
            topics.update(record.get("topics", []))
            offset += len(record["text"]) + 2
        joined.append({"id": paragraphs[0].get("id", ""), "url": url, "text": "\n\n".join(texts),
                       "entities": entities, "topics": sorted(topics)})
    return joined


def to_docbin(path: Path, *, pages: bool = False) -> DocBin:
    """The records of ``path`` as gold Docs (entities, topics, attributes) in a DocBin; with ``pages``, one
    Doc per page of several paragraphs (:func:`join_pages`)."""
    import svpol

    nlp = svpol.load("rules")  # the svpol tokenizer; make_doc cuts tokens at gold boundaries where it must
    docs = DocBin(store_user_data=True)
    records = read_records(path)
    for record in (join_pages(records) if pages else records):
        # An attribute left null (an amount not determinable) is not scored.
        entities = [{k: v for k, v in entity.items() if v is not None} for entity in record.get("entities", [])]
        doc = make_doc(nlp, record["text"], entities)
        doc.cats = {topic: float(topic in record.get("topics", [])) for topic in TOPIC_LABELS}
        docs.add(doc)
    return docs


def standoff_lines(path: Path) -> Iterator[str]:
    """One line per record: id, address, topics, entities as offsets and labels, attributes (no text)."""
    for record in read_records(path):
        entities = " ".join(f"{e['start']}-{e['end']} {e['label']}" for e in record.get("entities", []))
        attributes = [f"{e['start']}:{e['end']}={e[a]}" for e in record.get("entities", [])
                      for a in ("party", "amount_sek") if e.get(a) is not None]
        yield (f"{record.get('id', '')} {record.get('url', '')} — topics: {', '.join(record.get('topics', [])) or 'none'}; "
               f"entities: {entities or 'none'}" + (f"; attributes {', '.join(attributes)}" if attributes else ""))


@app.command("convert")
def convert_command(
    records: List[Path] = typer.Argument(..., help="Hand-annotated municipal records (JSONL); several files give "
                                         "one DocBin."),
    output: Path = typer.Option(..., "--output", "-o", help="The DocBin to write (for svpol evaluate)."),
    pages: bool = typer.Option(False, "--pages", help="One document per page of two or more paragraphs (joined "
                               "by a blank line, the union of their topics), to score document topics."),
) -> None:
    """Turn hand-annotated municipal records into a DocBin that svpol evaluate scores."""
    try:
        docs = DocBin(store_user_data=True)
        for path in records:
            docs.merge(to_docbin(path, pages=pages))
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)
    output.parent.mkdir(parents=True, exist_ok=True)
    docs.to_disk(output)
    typer.echo(f"wrote {output}: {len(docs)} {'pages' if pages else 'paragraphs'}")


@app.command("standoff")
def standoff_command(
    records: Path = typer.Argument(..., help="Hand-annotated municipal records (JSONL)."),
) -> None:
    """Print the records stand-off (address, offsets, labels, attributes; no text) for a closing note."""
    try:
        for line in standoff_lines(records):
            typer.echo(line)
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)


def error_lines(model: str, path: Path) -> Iterator[str]:
    """The entity errors of ``model`` on the records of ``path``: per record with errors its id and
    place, then a line per missed entity (FN), wrong label (SWAP), spurious entity (FP, with 30
    characters of context), and wrong party or ``amount_sek`` of a found entity (compared as
    ``svpol evaluate`` compares them: ``fp`` = ``L``, amounts within 0.5 %)."""
    import svpol
    from svpol.evaluate import same_attribute
    from svpol.kb import load_kb

    nlp = svpol.load(model)
    kb = load_kb(parts=("parties", "authorities"))
    records = list(read_records(path))
    for record, doc in zip(records, nlp.pipe(record["text"] for record in records)):
        text = record["text"]
        gold = {(e["start"], e["end"]): e for e in record.get("entities", [])}
        found = {(e.start_char, e.end_char): e for e in doc.ents}
        lines: List[str] = []
        for offsets, entity in gold.items():
            predicted = found.get(offsets)
            if predicted is None:
                lines.append(f"  FN {entity['label']:9} {text[offsets[0]:offsets[1]]!r}")
            elif predicted.label_ != entity["label"]:
                lines.append(f"  SWAP {entity['label']}->{predicted.label_} {predicted.text!r}")
            else:
                for attribute in ("party", "amount_sek"):
                    value = entity.get(attribute)
                    if value is not None and not same_attribute(attribute, getattr(predicted._, attribute), value, kb):
                        lines.append(f"  {attribute.upper()} {predicted.text!r} gold={value} found={getattr(predicted._, attribute)}")
        for (start, end), predicted in found.items():
            if (start, end) not in gold:
                lines.append(f"  FP {predicted.label_:9} {predicted.text!r}  ctx={text[max(0, start - 30):end + 30]!r}")
        if lines:
            yield f"{record.get('id', '')} {record.get('place', '')}"
            yield from lines


@app.command("errors")
def errors_command(
    model: str = typer.Argument(..., help="Pipeline to check (a folder or a name svpol.load knows)."),
    records: Path = typer.Argument(..., help="Hand-annotated municipal records (JSONL)."),
) -> None:
    """Print a model's entity errors on hand-annotated records (to read them, or to diff two versions)."""
    try:
        for line in error_lines(model, records):
            typer.echo(line)
    except (OSError, ValueError) as err:
        typer.echo(f"error: {err}", err=True)
        raise typer.Exit(1)


if __name__ == "__main__":
    app()
