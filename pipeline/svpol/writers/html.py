"""The html format: a report folder with a displaCy entity view per document and an index page."""

import html
import json
import os
import shutil
from pathlib import Path
from typing import Any, Dict, Optional, Sequence, Union

from ..labels import ENTITY_ATTRIBUTES, ENTITY_LABELS
from .base import FolderWriter, State
from .files import truncate, write_atomic
from .formats import remove_working_files, working_files
from .schema import LIST_ATTRIBUTES, join_list

# displaCy colours for the svpol labels (spaCy's defaults lack PARTY and AUTHORITY).
COLORS = {
    "PERSON": "#aa9cfc",
    "PARTY": "#fc9ce7",
    "AUTHORITY": "#7aecec",
    "ORG": "#bfeeb7",
    "LOC": "#feca74",
    "MONEY": "#e4e7d2",
}

_PAGE = """<!DOCTYPE html>
<html lang="sv">
<head><meta charset="utf-8"><title>{title}</title>
<style>
body {{ font-family: sans-serif; margin: 2em; max-width: 70em; }}
table {{ border-collapse: collapse; margin: 1em 0; }}
td, th {{ border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: left; vertical-align: top; }}
.bar {{ display: inline-block; height: 0.8em; background: #7aecec; }}
</style></head>
<body>
{body}
</body>
</html>
"""


def _topics_html(topics: Dict[str, float]) -> str:
    if not topics:
        return "<p>No topic scores (the pipeline has no topic classifier).</p>"
    rows = "".join(
        f'<tr><td>{html.escape(label)}</td><td>{score:.2f}</td>'
        f'<td><span class="bar" style="width:{score * 10:.1f}em"></span></td></tr>'
        for label, score in sorted(topics.items(), key=lambda item: -item[1])
    )
    return f'<table class="topics"><tr><th>topic</th><th>score</th><th></th></tr>{rows}</table>'


def _entities_html(entities: Sequence[Dict[str, Any]]) -> str:
    rows = []
    for ent in entities:
        attrs = ", ".join(
            f"{name}={join_list(ent[name]) if name in LIST_ATTRIBUTES else ent[name]}"
            for name in ENTITY_ATTRIBUTES.get(ent["label"], ())
            if ent.get(name) is not None
        )
        score = "" if ent.get("score") is None else f"{ent['score']:.2f}"
        rows.append(
            f"<tr><td>{ent['start']}–{ent['end']}</td><td>{html.escape(ent['label'])}</td>"
            f"<td>{html.escape(ent['text'])}</td><td>{score}</td><td>{html.escape(attrs)}</td></tr>"
        )
    return (
        '<table class="entities"><tr><th>offsets</th><th>label</th><th>text</th><th>score</th>'
        f"<th>attributes</th></tr>{''.join(rows)}</table>"
    )


def _who(persons: Sequence[Dict[str, Any]], party_ids: Sequence[str] = ()) -> str:
    """Names with their parties, and the parties that no named person stands for: ``Anna Berg (M), S``."""
    names = [f"{p['name']} ({p['party']})" if p.get("party") else p["name"] for p in persons]
    named = {p.get("party") for p in persons}
    return ", ".join(names + [party for party in party_ids if party not in named])


def _rows_html(css: str, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A table of escaped cells (None is an empty cell)."""
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{'' if v is None else html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return f'<table class="{css}"><tr>{head}</tr>{body}</table>'


def _item_html(item: Dict[str, Any]) -> str:
    """One agenda item: its heading, then what it holds, one row per part."""
    number = "" if item.get("number") is None else f"§ {item['number']} "
    title = (item.get("title") or {}).get("text") or ""
    dnr = f" <small>Dnr {html.escape(item['dnr']['text'])}</small>" if item.get("dnr") else ""
    rows = [("section", s["kind"], (s.get("heading") or {}).get("text"), f"{s['start']}–{s['end']}")
            for s in item.get("sections", [])]
    rows += [("decision", d.get("number"), d["text"], f"{d['start']}–{d['end']}") for d in item.get("decisions", [])]
    rows += [(f"proposal: {p['kind']}", _who(p.get("persons", []), p.get("party_ids", [])), p["text"],
              f"{p['start']}–{p['end']}") for p in item.get("proposals", [])]
    rows += [("vote", ", ".join(f"{k} {v[k]}" for k in ("yes", "no", "abstain") if v.get(k) is not None),
              f"yes: {v.get('yes_means') or ''} / no: {v.get('no_means') or ''}", f"{v['start']}–{v['end']}")
             for v in item.get("votes", [])]
    rows += [(r["kind"], _who(r.get("signatories", []), r.get("party_ids", [])), r.get("against") or "",
              f"{r['start']}–{r['end']}") for r in item.get("reservations", [])]
    return (f"<h3>{html.escape(number + title)}{dnr}</h3>"
            + _rows_html("structure-item", ("part", "kind / who", "text", "offsets"), rows))


def _structure_html(structure: Optional[Dict[str, Any]]) -> str:
    """The document structure of ``svpol_structure`` (docs/structure.md), or nothing where it did not run."""
    if not structure:
        return ""
    parts = [f"<h2>Structure: {html.escape(structure['kind'])}</h2>"]
    header = structure.get("header") or {}
    facts = [(label, value) for label, value in (
        ("body", (header.get("body") or {}).get("text")),
        ("date", (header.get("date") or {}).get("value")),
        ("place", (header.get("place") or {}).get("text")),
        ("secretary", _who([header["secretary"]]) if header.get("secretary") else None),
        ("adjusters", _who(header.get("adjusters", [])) or None),
    ) if value]
    if facts:
        parts.append(_rows_html("structure-header", ("field", "value"), facts))
    attendees = [(block["label"], p.get("group"), _who([p]), p.get("role"))
                 for block in structure.get("attendance", []) for p in block.get("persons", [])]
    if attendees:
        parts.append("<h3>Attendance</h3>" + _rows_html("attendance", ("list", "group", "person", "role"), attendees))
    parts += [_item_html(item) for item in structure.get("items", [])]
    motion = structure.get("motion")
    if motion:
        parts.append(f"<p>Motion {html.escape(str(motion.get('number') or ''))} by "
                     f"{html.escape(_who(motion.get('authors', []), motion.get('party_ids', [])))}</p>")
        parts.append(_rows_html("structure-motion", ("point", "text"),
                                [(p.get("number"), p["text"]) for p in motion.get("proposals", [])]))
    inter = structure.get("interpellation")
    if inter:
        asker = _who([inter["asker"]]) if inter.get("asker") else ""
        addressee = _who([inter["addressee"]]) if inter.get("addressee") else ""
        parts.append(f"<p>Interpellation {html.escape(str(inter.get('number') or ''))} by {html.escape(asker)} "
                     f"to {html.escape(addressee)}</p>")
        parts.append(_rows_html("structure-questions", ("question", "text"),
                                [(q.get("number"), q["text"]) for q in inter.get("questions", [])]))
    return "".join(parts)


def _structure_summary(structure: Dict[str, Any]) -> str:
    """The index page's line for a structure: its kind and what its items hold (``protocol: 2 items, 1 vote``)."""
    items = structure.get("items", [])
    counts = [("items", len(items))] + [
        (part, sum(len(item.get(part, [])) for item in items)) for part in ("proposals", "votes", "reservations")
    ]
    found = ", ".join(f"{n} {part}" for part, n in counts if n)
    return f"{structure['kind']}: {found}" if found else structure["kind"]


def document_html(record: Dict[str, Any], *, index_href: Optional[str] = None) -> str:
    """A page for one record: displaCy's entity view of the raw text, its topics, entity table and, where
    ``svpol_structure`` ran, its document structure (items with their sections, decisions, proposals,
    votes and reservations; attendance).

    The record must carry its raw ``text``.
    """
    from spacy import displacy

    ents = [{"start": e["start"], "end": e["end"], "label": e["label"]} for e in record["entities"]]
    markup = displacy.render(
        {"text": record["text"], "ents": ents, "title": None},
        style="ent",
        manual=True,
        page=False,
        jupyter=False,
        options={"colors": COLORS, "ents": list(ENTITY_LABELS)},
    )
    back = f'<p><a href="{html.escape(index_href)}">← all documents</a></p>' if index_href else ""
    source = f"<p>Source: {html.escape(str(record.get('source') or ''))}</p>"
    body = (
        f"{back}<h1>{html.escape(str(record['id']))}</h1>{source}"
        f"<h2>Topics</h2>{_topics_html(record.get('topics') or {})}"
        f"<h2>Entities ({len(ents)})</h2>{markup}{_entities_html(record['entities'])}"
        f"{_structure_html(record.get('structure'))}"
    )
    return _PAGE.format(title=html.escape(str(record["id"])), body=body)


class HtmlWriter(FolderWriter):
    """Writes an HTML report folder: ``docs/NNNNNN.html`` per document and ``index.html``.

    Records must carry their raw ``text``. Pages are written at each commit; the
    index rows are kept in ``.index.jsonl`` until :meth:`finish` writes ``index.html``.
    """

    def __init__(self, path: Union[str, Path], state: Optional[State] = None) -> None:
        super().__init__(path)
        self._docs = self.folder / "docs"
        self._rows_file = working_files(path, "html")[0]
        self._count = state["documents"] if state else 0
        if state:
            truncate(self._rows_file, state["index_bytes"])
        else:
            self._rows_file.write_bytes(b"")
            (self.folder / "index.html").unlink(missing_ok=True)
            if self._docs.exists():
                shutil.rmtree(self._docs)
        self._docs.mkdir(exist_ok=True)
        for page in self._docs.iterdir():
            # pages after the checkpoint, and temporary files of a page cut short
            if not (page.name.endswith(".html") and page.name[:6].isdigit()) or int(page.name[:6]) > self._count:
                page.unlink()

    def commit(self) -> State:
        """Write the pages of the buffered records and their index rows; the state counts them."""
        rows = []
        for record in self._buffer:
            if "text" not in record:
                raise ValueError(f"{record.get('id')}: the html format needs the record's raw 'text'")
            self._count += 1
            name = f"{self._count:06d}.html"
            write_atomic(self._docs / name, document_html(record, index_href="../index.html").encode("utf-8"))
            labels: Dict[str, int] = {}
            for ent in record["entities"]:
                labels[ent["label"]] = labels.get(ent["label"], 0) + 1
            top = sorted((record.get("topics") or {}).items(), key=lambda item: -item[1])[:3]
            structure = record.get("structure")
            row = {"page": f"docs/{name}", "id": str(record["id"]), "source": record.get("source"), "labels": labels,
                   "top": top, "structure": _structure_summary(structure) if structure else None}
            rows.append(json.dumps(row, ensure_ascii=False) + "\n")
        self._buffer = []
        with open(self._rows_file, "ab") as f:
            f.write("".join(rows).encode("utf-8"))
            f.flush()
            os.fsync(f.fileno())
            size = f.tell()
        return {"documents": self._count, "index_bytes": size}

    def finish(self) -> None:
        """Commit, then write ``index.html`` listing every document."""
        self.commit()
        rows = []
        with open(self._rows_file, encoding="utf-8") as f:
            for line in f:
                row = json.loads(line)
                counts = ", ".join(f"{label} {n}" for label, n in row["labels"].items())
                top = ", ".join(f"{html.escape(label)} {score:.2f}" for label, score in row["top"])
                rows.append(
                    f'<tr><td><a href="{html.escape(row["page"])}">{html.escape(row["id"])}</a></td>'
                    f"<td>{html.escape(str(row['source'] or ''))}</td><td>{counts}</td><td>{top}</td>"
                    f"<td>{html.escape(row.get('structure') or '')}</td></tr>"
                )
        body = (
            f"<h1>svpol report: {len(rows)} documents</h1>"
            '<table class="index"><tr><th>document</th><th>source</th><th>entities</th><th>top topics</th>'
            "<th>structure</th></tr>"
            f"{''.join(rows)}</table>"
        )
        write_atomic(self.folder / "index.html", _PAGE.format(title="svpol report", body=body).encode("utf-8"))

    def cleanup(self) -> None:
        """Remove the index rows file."""
        remove_working_files(self.path, "html")
