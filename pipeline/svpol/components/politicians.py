"""PERSON enrichment: party, role and knowledge-base link of every PERSON entity.

- ``span._.party``: the party id from the text right after the name ("Elvir
  Kazinic (S)", "Anna Ek m.fl. (M)", "(-)" for an independent gives ``"-"``), else
  from the KB when the name is certain: exactly one KB person of that name (alive
  at ``doc._.date`` when the date is known) whose party at that date is known
  (without a date: who was only ever in one party).
- ``span._.role``: the office written next to the name, in its base form
  ("Ordföranden Elvir Kazinic" -> "ordförande", "Finansminister Elisabeth
  Svantesson" -> "finansminister", "Anna Ek (S), ledamot" -> "ledamot").
- ``span._.kb_id``: the Wikidata id (Riksdag persons; local persons their CSV id
  or Wikidata id) only when certain: one KB person of that name at the date, and
  no party in the text that contradicts the KB. Two persons sharing a name give None.
- A person named by surname alone ("Lindh menar", "Lindhs oro") after being named in
  full in the same document ("Eva Lindh (S)") takes the party and kb_id of that full
  mention, where it has no party of its own and exactly one full mention ends in that
  surname (two different people called Lindh leave it alone). A full name without
  letters of its own (a protocol's signature lines, "Eva Lindh föreslår") takes the
  party its other mentions in the document give it, where they give only one, also
  before the party a KB namesake has (then without the namesake's kb_id). The role
  stays local.

``doc._.date`` (an ISO string or a ``datetime.date``, set by whoever reads the
document) decides who is meant and which party they had.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Dict, List, Optional, Set, Tuple, Union

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..doc_cache import doc_text
from ..kb import INDEPENDENT, LOWER_CASE_PARTY_LETTERS, EntityEnricher, Person, span_assigns, to_iso_date
from ..labels import ENTITY_ATTRIBUTES

if not Doc.has_extension("date"):
    Doc.set_extension("date", default=None)

# "(S)", " m.fl. (M)", "(-)", "(båda L)" right after the name, also after a comma ("Rune Berg, (c)").
# The shared word may stand before the bracket: "Lars Ek, alla (c)". A party's group is its members'
# party: "A, B och C (MP-gruppen)".
_SHARED = r"(?:båda|bägge|alla|samtliga)"
_GROUP = r"-gruppen"
_PARTY_AFTER_RE = re.compile(
    rf"\s*(?:,\s*)?(?:m\.\s?fl\.?\s*)?(?:{_SHARED}\s*)?\(\s*(?:{_SHARED}\s+)?(?P<party>[^()\n]{{1,25}}?)"
    rf"(?:{_GROUP})?\s*\)")
# A place between the name and its letters, the bracket maybe left open by extraction: "Bo Ek, Älvsbyn, (s,
# ordförande", "Eva Lind, Luleå (mp, tjg ers", "Per Svensson (S (deltar på distans)" (taken only where the
# letters are a PARTY entity).
_PLACE_THEN_PARTY_RE = re.compile(
    r"(?:,[ \t]*(?:[A-ZÅÄÖ][\wåäö-]+,?[ \t]*)?|[ \t]*)\((?P<party>[A-Za-zÅÄÖåäö]{1,3})"
    r"(?=\)|,[ \t]|[ \t]+[A-ZÅÄÖ(]|[ \t]*$)", re.MULTILINE)
# "Eva Ek, barn- och ungdomsnämnden (BUN) (c)", "Bo Al, kommunfullmäktige och ungdomsforum (m) (till 14.07)": a list
# of members, one to a line, each with the bodies they sit in and the party last on the line (taken only where the
# letters are a PARTY entity and no other name stands between).
_LINE_END_PARTY_RE = re.compile(
    r"[ \t]*,[ \t]*[^\n(),]{3,60}?(?:[ \t]*\([A-ZÅÄÖ]{2,6}\))?[ \t]*\(\s*(?P<party>[^()\n]{1,4}?)\s*\)"
    r"(?:[ \t]*\([^()\n]{1,20}\))?[ \t]*(?=\n|$)")
# "Anna Berg, M, ordförande", "Karl Lauri, Vänsterpartiet": party letters or a party's name after a comma
# (taken only where they are a PARTY entity).
_PARTY_COMMA_RE = re.compile(
    rf",[ \t]*(?P<party>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{{0,3}}|[A-ZÅÄÖ][a-zåäö]+(?:partiet|erna)"
    rf"|(?:{'|'.join(LOWER_CASE_PARTY_LETTERS)}))(?![\wåäö])")


def _person_between(ent: Span, end_char: int) -> bool:
    """Whether another PERSON entity starts between ``ent`` and ``end_char``."""
    return any(e.label_ == "PERSON" and ent.end_char <= e.start_char < end_char for e in ent.doc.ents)


def _is_party_entity(doc: Doc, start: int, end: int) -> bool:
    """Whether the characters ``start:end`` of ``doc`` are exactly a PARTY entity, or a party's name that its local
    branch's entity holds with one word of place after it (``Centerpartiet Ekby``, see ``svpol_entity_rules``)."""
    span = doc.char_span(start, end)
    if not (span is not None and span[0].ent_iob_ == "B" and span[0].ent_type_ == "PARTY"
            and all(t.ent_type_ == "PARTY" for t in span)):
        return False
    after = span.end  # the first token after the letters that the entity holds no more
    if after < len(doc) and doc[after].ent_iob_ == "I" and len(span.text) > 3:
        after += 1
    return after == len(doc) or doc[after].ent_iob_ != "I"


# Offices written out before a party's letters in an attendance column ("Nils Ek, ordförande M").
_COLUMN_OFFICES = frozenset({"ordförande", "ledamot", "ersättare"})
# "A, B och C (alla M)": the names before a shared bracket are joined by these.
_LIST_JOINERS = frozenset({",", "och", "samt", "&"})
_SHARED_BRACKET_RE = re.compile(
    rf"\s*(?:,\s*)?(?:{_SHARED}\s*\(|\(\s*{_SHARED}\s+|{_SHARED}\s+[A-ZÅÄÖ]|\([^()\n]{{1,4}}{_GROUP}\s*\))")
# "Håkan Ek och Lena Olsson, båda Socialdemokraterna": the shared party named in full after the list
# (taken only where the name is a PARTY entity).
_SHARED_NAME_RE = re.compile(rf"\s*,\s*{_SHARED}\s+(?P<party>[A-ZÅÄÖ][a-zåäö]+(?:partiet|erna))(?![\wåäö])")
# "Reservationer: A och B (SD), C (KD), D, E och F (KV)": letters in a bracket right after the last of
# names joined by list words only, the last by "och", are every listed name's party where no other
# source gives one (docs/annotation.md, convention 63).
_PLAIN_BRACKET_RE = re.compile(r"[ \t]*\(")
# Offices in base form; the patterns accept the definite form and capitals.
_ROLE_WORDS = (
    r"(?:(?:förste|andre|1:e|2:e)\s+)?vice\s+ordförande",
    # any member's office in one word: "riksdagsledamot", "Kommunfullmäktigeledamoten" (m-v853, m-v928)
    r"ordförande", r"[a-zåäö]*ledamot", r"tjänstgörande\s+ersättare", r"ersättare", r"statsråd",
    r"(?:[a-zåäö]+-\s+(?:och|&)\s+)?[a-zåäö-]*minister", r"riksdagsman", r"[a-zåäö]*råd",
    r"talman", r"partiledare", r"gruppledare", r"[a-zåäö]*sekreterare",
    r"[a-zåäö]*justerare", r"[a-zåäö]*direktör", r"[a-zåäö]*chef",
)
_DEFINITE = r"(?:en|n|et|t|nen)?"
_ROLE = rf"(?:{'|'.join(_ROLE_WORDS)}){_DEFINITE}"
_ROLE_BEFORE_RE = re.compile(rf"(?<![\w])(?P<role>{_ROLE})\s+$", re.IGNORECASE)
_ROLE_AFTER_RE = re.compile(rf"\s*,\s*(?P<role>{_ROLE})(?![\w])", re.IGNORECASE)
# Words ending in -råd that are not offices.
_NOT_ROLES = frozenset({"råd", "förråd", "utrymme", "område", "samråd", "rådet", "samrådet", "förrådet"})


_ROLE_RE = re.compile(_ROLE, re.IGNORECASE)
# "Anna Berg, ordförande (S)", "Anna Berg Ordförande (S)" in a column, "Anna Berg ordf. (c)", "Per Ek 1:e vice (s)",
# "Eva Ek, v ordf (s)": the office between the name and its party, with a word before it after a comma ("Jacob Ek,
# kommunstyrelsens ordförande (M)", "Eva Ek, socialnämndens vice ordförande (S)", "Sara Ek, politisk sekreterare
# (S)"), or on the line under the name in a signature ("Siv Ek\ngruppledare (c)").
_ROLE_THEN_PARTY_RE = re.compile(
    r"(?:[ \t]*,?[ \t]*(?:(?<=,)[ \t]*[A-ZÅÄÖa-zåäö][a-zåäö-]+[ \t]+)?|[ \t]*\n[ \t]*)"
    rf"(?P<role>{_ROLE}"
    r"|(?:(?:1:e|2:e|[12]|förste|andre)[ \t]+)?(?:vice|v\.?(?=[ \t]+ordf))(?:[ \t]+(?:ordförande|ordf\.?))?"
    # "Bo Ek, ers (M)", "Eva Ek, 2 v ordf (S)" (m-v682, m-v686)
    r"|ordf\.?|ers\.?)"
    r"[ \t]*\(\s*(?P<party>[^()\n]{1,25}?)\s*\)", re.IGNORECASE)
# The paragraphs a member took part in (or not) between the name and the party: "Eva Ek, ej § 301-302 (MP)",
# "Bo Al §§ 135-145 (S)" (m-v681, m-v684).
_SECTIONS_THEN_PARTY_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:ej[ \t]+)?§§?[ \t]*\d+(?:[ \t]*[-–][ \t]*\d+)?"
    r"(?:[ \t]*,[ \t]*\d+(?:[ \t]*[-–][ \t]*\d+)?)*"
    r"[ \t]*\(\s*(?P<party>[^()\n]{1,25}?)\s*\)")
# "Kent Lindqvist, v ordf s x", "Jonas Eklöf, 1:e vice ordförande, M" in an attendance column: the
# office, then bare letters (taken only where the letters are a PARTY entity).
_ROLE_THEN_LETTERS_RE = re.compile(
    r"[ \t]*,[ \t]*(?:(?:(?:1:e|2:e|förste|andre|v)[ \t]+)?(?:vice[ \t]+)?ordf(?:\.|örande)?|ledamot|ersättare)"
    r"[ \t]*,?[ \t]+(?P<party>[A-Za-zÅÄÖåäö]{1,3})(?![\wåäö])")
# "Eva Ek Kommunalråd, S" one to a line (a web page's list of the council's offices; m-v747): the office written
# after the name without a comma, then a comma and the letters last on the line (taken only where the letters are a
# PARTY entity).
_OFFICE_THEN_LINE_END_LETTERS_RE = re.compile(
    rf"[ \t]+(?:{_ROLE})[ \t]*,[ \t]*(?P<party>[A-Za-zÅÄÖåäö]{{1,4}})[ \t]*(?=\n|$)", re.IGNORECASE)
# A signature: the party's name on the line under the name, maybe after "För" and with its place ("Anna Ek\nFör
# Moderaterna", "Anna Ek\n\nVänsterpartiet i Ekby"), also under the other signers' names, one to a line ("Anna Ek\n
# Bo Al\nVänsterpartiet"); a blank line may part them (taken only where the name is a PARTY entity).
_SIGNATURE_LINE = r"[ \t]*\n(?:[ \t]*\n)?[ \t]*"
# "Eva Ek, gruppledare Moderaterna", "Bo Al, gruppledare för Vänsterpartiet": an office held for a party named in
# full after it, as a signature block or a list of group leaders writes it, also on the signature's next line ("Eva
# Ek\nOrdförande för Centerpartiet i Ekby"; taken only where the name is a PARTY entity).
_ROLE_THEN_PARTY_NAME_RE = re.compile(
    rf"(?:[ \t]*,[ \t]*|{_SIGNATURE_LINE})(?P<role>(?i:{_ROLE}))[ \t]+(?:för[ \t]+)?"
    r"(?P<party>[A-ZÅÄÖ][a-zåäö]+(?:partiet|erna))(?![\wåäö])")
# "Eva Ek från Centerpartiet anmälde reservation": the party named after "från" (3 of 3 such persons in the real sets
# m-v511 … m-v709 were given it; taken only where the name is a PARTY entity).
_FROM_PARTY_RE = re.compile(r"[ \t]+från[ \t]+(?P<party>[A-ZÅÄÖ][a-zåäö]+(?:partiet|erna))(?![\wåäö])")
_SIGNATURE_PARTY_RE = re.compile(
    rf"(?:{_SIGNATURE_LINE}[A-ZÅÄÖ][\wåäö-]+(?:[ \t]+[A-ZÅÄÖ][\wåäö-]+){{1,3}}[ \t]*(?=\n)){{0,6}}?"
    rf"{_SIGNATURE_LINE}(?:[Ff]ör[ \t]+)?(?P<party>[A-ZÅÄÖ][a-zåäö]+(?:partiet|erna))"
    r"(?:[ \t]+(?:i[ \t]+)?[A-ZÅÄÖ][\wåäö-]+)?[ \t]*(?=\n|$)")
_SPACES_RE = re.compile(r"\s+")


def _unabbreviated_role(text: str) -> str:
    """"ordf.", "v ordf", "ers" and a bare "vice" of attendance lists as the office they stand for ("1:e vice" ->
    "1:e vice ordförande", "2 v ordf" -> "2:e vice ordförande")."""
    words = re.sub(r"^(?:([12])\s+)?v\.?(?=\s)", lambda m: f"{m.group(1)}:e vice" if m.group(1) else "vice",
                   text.strip(), flags=re.IGNORECASE)
    if words.lower().rstrip(".") == "ers":
        return "ersättare"
    if words.lower().endswith(("ordf.", "ordf")):
        return words[:words.lower().rindex("ordf")] + "ordförande"
    return words + " ordförande" if words.lower().endswith("vice") else words


def base_role(text: str) -> Optional[str]:
    """The base form of an office as written ("Vice ordföranden" -> "vice ordförande")."""
    words = _SPACES_RE.sub(" ", text.strip().lower())
    if not _ROLE_RE.fullmatch(words) or words in _NOT_ROLES:
        return None
    for suffix, repl in (("ordföranden", "ordförande"), ("ledamoten", "ledamot"),
                         ("ersättaren", "ersättare"), ("rådet", "råd"), ("ministern", "minister"),
                         ("talmannen", "talman"), ("riksdagsmannen", "riksdagsman"),
                         ("ledaren", "ledare"), ("sekreteraren", "sekreterare"),
                         ("justeraren", "justerare"), ("direktören", "direktör"), ("chefen", "chef")):
        if words.endswith(suffix):
            return words[: -len(suffix)] + repl
    return words


# The words a party's heading line may hold beside its party and the place or body it stands for: "För
# Ekbypartiet", "Moderaterna i Ekby", "Centerpartiet (C) - 2 mandat", "Vänsterpartiets fullmäktigegrupp".
_HEADING_WORDS = frozenset(("för", "i", "mandat", "fullmäktigegrupp", "gruppen", "grupp", "ledamöter"))
_HEADING_TOKEN_RE = re.compile(r"[\W\d_]+")


def _same_full_name(full: Dict[str, Dict[str, Tuple[Set[str], Set[str], Optional[str]]]], ent: Span
                    ) -> Tuple[Set[str], Set[str], Optional[str]]:
    """The parties written and known and the kb_id of all mentions of ``ent``'s full name (``full`` as built by
    ``resolve_surnames``); a genitive with no party written of its own takes its base form's ("Tor Tolanders
    yrkande" after "Tor Tolander (M)": every such genitive in the real sets of round 92 carried the party)."""
    written, known, kb_id = full[ent[-1].text][ent.text]
    if not written and ent.text.endswith("s"):
        base = full.get(ent[-1].text[:-1], {}).get(ent.text[:-1])
        if base and base[0]:
            return base
    return written, known, kb_id


def _after_a_name(doc: Doc, text: str, line_start: int) -> bool:
    """Whether the last line with words before ``line_start`` ends in a name: the party's line is then a signer's
    (``Eva Ek`` / ``För Ekbypartiet``: a signature, see ``_SIGNATURE_PARTY_RE``), no heading."""
    before = text[:line_start].rstrip()
    if not before:
        return False
    last = doc.char_span(len(before) - 1, len(before), alignment_mode="expand")
    return last is not None and last[-1].ent_type_ == "PERSON"


class PoliticianEnricher(EntityEnricher):
    """Sets party, role and kb_id on PERSON entities (serialized with parties and persons).

    Args:
        name, label, kb_path: see ``EntityEnricher``.
        window: characters searched before and after a name for its party and role.
    """

    default_name = "politicians"
    default_label = "PERSON"
    extensions = ENTITY_ATTRIBUTES["PERSON"]
    kb_parts = ("parties", "persons")

    def __init__(
        self,
        name: Optional[str] = None,
        label: Optional[str] = None,
        kb_path: Optional[str] = None,
        window: int = 60,
    ) -> None:
        if window < 10:
            raise ValueError(f"window must be at least 10 characters, got {window}")
        super().__init__(name, label, kb_path)
        self.window = window

    # ------------------------------------------------------------------ local politicians
    def add_persons_csv(self, path: Union[str, Path]) -> int:
        """Add local politicians from a CSV (see ``KnowledgeBase.add_persons_csv``).

        They are saved with the pipeline by ``nlp.to_disk``.
        """
        return self.kb.add_persons_csv(path)

    # ------------------------------------------------------------------ lookups
    def _bracket_match(self, text: str, ent: Span) -> Optional["re.Match[str]"]:
        """The party in brackets right after the name in the doc's ``text`` (``Anna Berg (M)``, also after an
        office: ``Anna Berg, ordförande (M)``), or None."""
        return (_PARTY_AFTER_RE.match(text, ent.end_char, ent.end_char + self.window)
                or _ROLE_THEN_PARTY_RE.match(text, ent.end_char, ent.end_char + self.window)
                or _SECTIONS_THEN_PARTY_RE.match(text, ent.end_char, ent.end_char + self.window))

    @staticmethod
    def _bare_match(text: str, ent: Span) -> Optional["re.Match[str]"]:
        """Bare letters after the name's comma that are a PARTY entity (``Anna Berg, M,`` in attendance lists,
        ``Per Ek, v ordf s x`` after an office), or the party's name under it in a signature or after "från", or
        None."""
        # the first whose letters are a PARTY entity: ", v ordf s" is the office's "v", then the party's "s"
        readings = (regex.match(text, ent.end_char) for regex in (_PARTY_COMMA_RE, _PLACE_THEN_PARTY_RE,
                                                                  _ROLE_THEN_LETTERS_RE,
                                                                  _OFFICE_THEN_LINE_END_LETTERS_RE,
                                                                  _ROLE_THEN_PARTY_NAME_RE,
                                                                  _SHARED_NAME_RE, _SIGNATURE_PARTY_RE,
                                                                  _LINE_END_PARTY_RE, _FROM_PARTY_RE))
        return next((m for m in readings if m and _is_party_entity(ent.doc, m.start("party"), m.end("party"))
                     and (m.re is not _LINE_END_PARTY_RE or not _person_between(ent, m.start("party")))), None)

    def _match_party(self, doc: Doc, match: Optional["re.Match[str]"]) -> Optional[str]:
        """The party id of the letters a :meth:`_bracket_match` or :meth:`_bare_match` found (None: none).
        Letters the KB does not know are returned as written when they are a PARTY entity: a local party
        (``Roland Johansson (ALT)``)."""
        if match is None:
            return None
        return self._letters_party(doc, match.group("party"), match.start("party"), match.end("party"))

    def _letters_party(self, doc: Doc, inner: str, start: int, end: int) -> Optional[str]:
        """The party id of letters written at ``start:end`` of ``doc`` (as written for a local party's
        PARTY entity), or None."""
        if inner in (INDEPENDENT, "–", "—", "partilös", "obunden"):
            return INDEPENDENT
        party = self.kb.match_party(inner)
        if party is None:
            return inner if _is_party_entity(doc, start, end) else None
        return party.id if not party.is_alliance else None

    def column_parties(self, doc: Doc, people: List[Span]) -> Dict[int, str]:
        """Party ids of persons in attendance columns, by the person's start token.

        Columns give a name's party letters bare, right before every name (``S Bengt Ek 1 C Kjell
        Al 1``) or right after it (``Ek Bengt S Al Kjell C``), also after the office written after it
        (``Bengt Ek kommunalråd Centerpartiet``), one way throughout a document.
        Letters touching only one name vote for their side, half as much where their other
        neighbour is a capitalised word (a name the model may have missed); letters between two
        names say nothing. Each name then takes the letters on the winning side; a tie takes none, unless
        the letters stand on their own lines (a table's cells one to a line: read across the line breaks) or
        every letter stands between two names (a column run into one line: the list's first name tells).
        Letters after a comma belong to the name before the comma (:meth:`_bare_match`).
        """
        def bare_letters(i: int) -> bool:
            # a PARTY entity of one token, not in brackets, not after a comma
            return (0 <= i < len(doc) and doc[i].ent_type_ == "PARTY" and doc[i].ent_iob_ == "B"
                    and not (i + 1 < len(doc) and doc[i + 1].ent_iob_ == "I")
                    and (i == 0 or doc[i - 1].text not in ("(", ","))
                    and (i + 1 == len(doc) or doc[i + 1].text != ")"))

        def weight(i: int) -> int:
            # Letters whose other neighbour may be a name the model missed tell less.
            return 1 if 0 <= i < len(doc) and doc[i].is_title else 2

        def after_office(i: int) -> bool:
            # "Nils Ek, ordförande M Lars Al MP": letters after an office written out are the office
            # holder's (_bare_match reads them); they say nothing about the column's side.
            if i <= 0:
                return False
            # "ordf." is the office abbreviated ("Eva Ek, ordf. S Per Al M"), its full stop maybe a token of its own
            office = doc[i - 2].text + "." if doc[i - 1].text == "." and i > 1 else doc[i - 1].text
            return office.lower() in _COLUMN_OFFICES or base_role(_unabbreviated_role(office)) is not None

        def next_word(i: int, across_lines: bool) -> int:
            while across_lines and i < len(doc) and doc[i].is_space:
                i += 1
            return i

        def previous_word(i: int, across_lines: bool) -> int:
            while across_lines and i >= 0 and doc[i].is_space:
                i -= 1
            return i

        def after(ent: Span, across_lines: bool) -> int:
            # The letters right after the name, or after the office written after it in a signature block
            # ("Lars Ek kommunstyrelsens ordförande Socialdemokraterna Eva Al kommunalråd Centerpartiet").
            end = next_word(ent.end, across_lines)
            k = end
            while k < min(end + 3, len(doc)) and doc[k].is_lower and not bare_letters(k):
                k += 1
            return k if k > end and base_role(doc[k - 1].text) is not None else end

        def letters_of(i: int, across_lines: bool) -> bool:
            # across a line break only a party's letters (a signature's party name under a name is read by
            # _bare_match and share_heading_parties)
            return bare_letters(i) and (
                not across_lines or (len(doc[i]) <= 4 and (doc[i].is_upper or doc[i].is_lower)))

        def side(across_lines: bool) -> Tuple[int, Dict[int, int]]:
            # the votes (> 0: the letters before the names) and each name's letters after it
            starts = {previous_word(ent.start - 1, across_lines) + 1 for ent in people}
            ends = {next_word(ent.end, across_lines) for ent in people}
            following = {ent.start: after(ent, across_lines) for ent in people}
            votes = 0
            for ent in people:
                before, later = previous_word(ent.start - 1, across_lines), following[ent.start]
                if letters_of(before, across_lines) and before not in ends and not after_office(before):
                    votes += weight(before - 1)
                if letters_of(later, across_lines) and later + 1 not in starts:
                    votes -= weight(next_word(later + 1, across_lines))
            return votes, following

        across_lines = False
        votes, following = side(across_lines)
        if votes == 0:
            # Where no letters touch a name, a table's cells flattened one to a line may have put a line break
            # between each name and its letters ("Eva Ek\ns\nx\nPer Al\nm\nx"; m-v560): read across it.
            votes_across, following_across = side(True)
            if votes_across:
                across_lines, votes, following = True, votes_across, following_across
        if votes == 0 and people:
            # Every letter between two names, a column flattened into one run ("Beslutande Eva Ek S Per Al M Bo
            # Lund C", "ersättare s Eva Ek m Per Al"; m-v568, m-v574): the list's first name tells the side, with
            # letters before it (after the list's label), or else letters only after it; three members or more.
            first = people[0]
            column = sum(bare_letters(ent.start - 1) or bare_letters(following[ent.start]) for ent in people)
            # ... also the first name's letters after its office and a comma ("Beslutande Eva Ek, ordf. S Per Al S
            # Bo Lund M"; m-v644)
            after_first = following[first.start]
            after_comma_office = after_first < len(doc) and doc[after_first].text == "," and any(
                bare_letters(k) and after_office(k) for k in range(after_first + 2, min(after_first + 5, len(doc))))
            if column >= 3 and bare_letters(first.start - 1):
                votes = 1
            elif column >= 3 and (bare_letters(after_first) or after_comma_office):
                votes = -1
        if votes == 0:
            return {}
        parties: Dict[int, str] = {}
        for ent in people:
            i = previous_word(ent.start - 1, across_lines) if votes > 0 else following[ent.start]
            if letters_of(i, across_lines):
                party = self._letters_party(doc, doc[i].text, doc[i].idx, doc[i].idx + len(doc[i]))
                if party is not None:
                    parties[ent.start] = party
        return parties

    def candidates(self, name: str, date: Optional[str]) -> List[Person]:
        """KB persons of this name (also read as a genitive: "Stefan Löfvens")."""
        found = self.kb.persons_by_name(name, date)
        if not found and name.endswith("s"):
            found = self.kb.persons_by_name(name[:-1], date)
        return found

    def role(self, text: str, ent: Span) -> Optional[str]:
        """The office written just before ("Ordföranden X") or after ("X (S), ledamot", "X, ordförande
        (S)") in the doc's ``text``."""
        before = _ROLE_BEFORE_RE.search(text[max(0, ent.start_char - self.window):ent.start_char])
        before_role = base_role(_unabbreviated_role(before.group("role"))) if before else None
        # An office ending the line above is this name's only where its own line names none: in a signature
        # block ("Eva Ek, kommunstyrelsens ordförande\nBo Al, gruppledare Moderaterna") it is the line's name's.
        if before_role and "\n" not in before.group():
            return before_role
        match = _ROLE_THEN_PARTY_RE.match(text, ent.end_char, ent.end_char + self.window)
        role = base_role(_unabbreviated_role(match.group("role"))) if match else None
        if role:
            return role
        after_start = ent.end_char
        party = _PARTY_AFTER_RE.match(text, ent.end_char, ent.end_char + self.window)
        if party:
            after_start = party.end()
        match = _ROLE_AFTER_RE.match(text, after_start, after_start + self.window)
        if match:
            return base_role(match.group("role"))
        return before_role  # the office on the line above, or None

    def link(
        self, ent: Span, text: Optional[str] = None, date: Optional[str] = None, column_party: Optional[str] = None
    ) -> Tuple[Optional[str], Optional[str], Optional[str]]:
        """(party, role, kb_id) of one PERSON entity.

        Args:
            ent: the entity.
            text: ``ent.doc.text``, if the caller has it: ``Doc.text`` is rebuilt from
                the tokens on every read, so reading it per entity costs the square
                of the document's length.
            date: ``ent.doc._.date`` as an ISO date, if the caller has it (None: read it).
            column_party: the party of the letters beside the name in an attendance column
                (:meth:`column_parties`), taken where no bracket follows the name.
        """
        written, kb_party, role, kb_id = self._link(ent, text, date, column_party)
        return written or kb_party, role, kb_id

    def _link(
        self, ent: Span, text: Optional[str] = None, date: Optional[str] = None, column_party: Optional[str] = None
    ) -> Tuple[Optional[str], Optional[str], Optional[str], Optional[str]]:
        """(party written in the text, party in the KB, role, kb_id) of one PERSON entity (see :meth:`link`)."""
        if text is None:
            text = doc_text(ent.doc)
        if date is None:
            date = to_iso_date(ent.doc._.date)
        # A bracket after the name is its party; bare letters after its comma and office may also open the next
        # name of a column whose letters stand before the names ("L Eva Ek, ordförande M Per Al (M)"): the
        # column's reading goes first.
        bracket = self._bracket_match(text, ent)
        if bracket:
            written = self._match_party(ent.doc, bracket) or column_party
        else:
            written = column_party or self._match_party(ent.doc, self._bare_match(text, ent))
        people = self.candidates(ent.text, date)
        person = people[0] if len(people) == 1 else None
        kb_party = person.party_at(date) if person else None
        kb_id = None
        if person and (written is None or kb_party is None or written == kb_party):
            kb_id = person.kb_id
        return written, kb_party, self.role(text, ent), kb_id

    def enrich(self, ent: Span) -> None:
        ent._.party, ent._.role, ent._.kb_id = self.link(ent)

    def __call__(self, doc: Doc) -> Doc:
        # The doc's text and date once per doc, not per entity (linear in the document's length).
        # doc.ents is read once too: its getter walks every token.
        people = [ent for ent in doc.ents if ent.label_ == self.label]
        if not people:
            return doc
        text = doc_text(doc)
        date = to_iso_date(doc._.date)
        columns = self.column_parties(doc, people)
        from_kb: Set[int] = set()  # persons whose party only the KB gives
        for ent in people:
            written, kb_party, ent._.role, ent._.kb_id = self._link(ent, text, date, columns.get(ent.start))
            ent._.party = written or kb_party
            if written is None and kb_party is not None:
                from_kb.add(ent.start)
        self.share_list_parties(doc, text, people)
        self.resolve_surnames(doc, people, from_kb)
        self.share_list_parties(doc, text, people, plain=True, from_kb=from_kb)
        self.share_heading_parties(doc, text, people, from_kb)
        return doc

    def share_heading_parties(self, doc: Doc, text: str, people: List[Span], from_kb: Set[int]) -> None:
        """Give the names listed under a party's heading line the party: "Moderaterna (M) - 6 mandat" and its
        members one to a line, a signature block's "För Ekbypartiet" and its signers, "Centerpartiet i Ekby" (36 of
        37 such names in the real sets carry the heading's party). Only names still without a party of their own, or
        with the KB's guess alone, take it; the next heading line or a blank line ends the list.

        Args:
            doc: the document, its PERSON entities enriched.
            text: ``doc.text`` (the caller has it).
            people: the PERSON entities of ``doc``.
            from_kb: start tokens of the persons whose party came from the KB, not the text.
        """
        if "\n" not in text:
            return
        headings = []  # (end of the heading's line, its party)
        for ent in doc.ents:
            if ent.label_ != "PARTY":
                continue
            line_start = text.rfind("\n", 0, ent.start_char) + 1
            line_end = text.find("\n", ent.end_char)
            if line_end < 0 or (headings and headings[-1][0] == line_end):
                continue
            line = doc.char_span(line_start, line_end, alignment_mode="expand")
            party = self._letters_party(doc, ent.text, ent.start_char, ent.end_char)
            if (line is not None and party and party != INDEPENDENT and self._is_party_heading(line, party)
                    and not _after_a_name(doc, text, line_start)):
                headings.append((line_end, party))
        for k, (line_end, party) in enumerate(headings):
            blank = text.find("\n\n", line_end)
            list_end = min(headings[k + 1][0] if k + 1 < len(headings) else len(text), len(text) if blank < 0 else blank)
            for ent in people:
                if line_end < ent.start_char < list_end and (not ent._.party or ent.start in from_kb):
                    ent._.party = party

    def _is_party_heading(self, line: Span, party: str) -> bool:
        """Whether ``line`` is a party's heading: its PARTY entities all name ``party``, no PERSON stands on it, and
        its other words are a place's or a body's entity or :data:`_HEADING_WORDS`."""
        doc = line.doc
        for ent in line.ents:
            if ent.label_ == "PERSON" or (ent.label_ == "PARTY" and self._letters_party(
                    doc, ent.text, ent.start_char, ent.end_char) != party):
                return False
        inside = {i for ent in line.ents for i in range(ent.start, ent.end)}
        return all(t.i in inside or t.lower_ in _HEADING_WORDS or _HEADING_TOKEN_RE.fullmatch(t.text) for t in line)

    def share_list_parties(self, doc: Doc, text: str, people: Optional[List[Span]] = None, *, plain: bool = False,
                           from_kb: Set[int] = frozenset()) -> None:
        """Give "A och B (båda L)", "A, B och C (alla M)", "A och B, båda Socialdemokraterna", "A och B
        (MP-gruppen)" the shared party written after the last name.

        Args:
            doc: the document, its PERSON entities enriched.
            text: ``doc.text`` (rebuilt from the tokens on every read: the caller has it).
            people: the PERSON entities of ``doc``, if the caller has them (None: read them).
            plain: share a plain bracket's letters instead ("A, B och C (M)"), run after every other
                source: only names still without a party, or with the KB's guess alone, take them.
            from_kb: start tokens of the persons whose party came from the KB, not the text.
        """
        if people is None:
            people = [e for e in doc.ents if e.label_ == self.label]
        if len(people) < 2:
            return
        for i in range(len(people) - 1, 0, -1):
            last = people[i]
            if not last._.party or last.start in from_kb:
                continue
            shared = _SHARED_BRACKET_RE.match(text, last.end_char)
            bracket = (_PLAIN_BRACKET_RE.match(text, last.end_char) and not shared) if plain else shared
            if not bracket:
                continue
            # Walk back over the names joined to it by list words only.
            for j in range(i, 0, -1):
                previous, between = people[j - 1], doc[people[j - 1].end:people[j].start]
                if not len(between) or any(t.text not in _LIST_JOINERS for t in between):
                    break
                # a plain bracket closes a group only as a list ends, "B och C (M)": "A , C (M)" is one
                # name's letters, the other's lost
                if plain and j == i and all(t.text == "," for t in between):
                    break
                if previous._.party and not (plain and previous.start in from_kb):
                    break
                previous._.party = last._.party

    def resolve_surnames(self, doc: Doc, people: Optional[List[Span]] = None, from_kb: Set[int] = frozenset()) -> None:
        """Give a mention without a party the party and kb_id of the same person's other mentions:
        a surname alone takes those of the one full name ending in it, a full name those of its
        other mentions, where they name one party only.

        Args:
            doc: the document, its PERSON entities enriched.
            people: the PERSON entities of ``doc``, if the caller has them (None: read them).
            from_kb: start tokens of the persons whose party came from the KB, not the text: the
                document's own letters for the same name go before the KB's guess (two people may
                share a name).
        """
        if people is None:
            people = [e for e in doc.ents if e.label_ == self.label]
        # surname -> full name as written -> (parties written, parties from the KB, kb_id) of all its mentions
        full: Dict[str, Dict[str, Tuple[Set[str], Set[str], Optional[str]]]] = {}
        for ent in people:
            if len(ent) >= 2:
                names = full.setdefault(ent[-1].text, {})
                written, known, kb_id = names.get(ent.text, (set(), set(), None))
                if ent._.party:
                    (known if ent.start in from_kb else written).add(ent._.party)
                names[ent.text] = (written, known, kb_id or ent._.kb_id)
        if not full:
            return
        for ent in people:
            if ent.start in from_kb:
                # the document's own letters for the same full name go before the KB's guess
                written = _same_full_name(full, ent)[0] if len(ent) >= 2 else set()
                if len(written) == 1 and ent._.party not in written:
                    ent._.party, ent._.kb_id = next(iter(written)), None  # the KB's namesake is someone else
                continue
            if ent._.party:
                continue
            if len(ent) >= 2:
                written, known, kb_id = _same_full_name(full, ent)
            else:
                names = full.get(ent.text) or (full.get(ent.text[:-1]) if ent.text.endswith("s") else None)
                if not names or len(names) != 1:
                    continue
                (written, known, kb_id), = names.values()
            parties = written or known
            if len(parties) == 1:
                ent._.party, ent._.kb_id = next(iter(parties)), ent._.kb_id or kb_id

    # ------------------------------------------------------------------ serialization
    def cfg(self) -> Dict[str, object]:
        return {**super().cfg(), "window": self.window}

    def set_cfg(self, cfg: Dict[str, object]) -> None:
        super().set_cfg(cfg)
        self.window = int(cfg["window"])


@Language.factory(
    "svpol_politicians",
    assigns=span_assigns(PoliticianEnricher.extensions),
    requires=["doc.ents"],
    default_config={"label": "PERSON", "kb_path": None, "window": 60},
)
def make_politicians(nlp: Language, name: str, label: str, kb_path: Optional[str], window: int) -> PoliticianEnricher:
    """Create the politician enricher."""
    return PoliticianEnricher(name, label, kb_path, window)
