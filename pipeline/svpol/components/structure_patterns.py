"""Patterns and tables of ``svpol_structure``: headings, labels and keywords of Swedish
protocols, motions and interpellations.

Everything here is plain data or compiled regular expressions; the logic that uses them is
in :mod:`svpol.components.structure`. Patterns are written for both layouts the component
sees: the text as read (a heading on its own line) and the text after
:func:`svpol.text.normalize`, which joins hard-wrapped lines (``§ 14 Titel Dnr NSN 2026/031``
on one line, ``Vid protokollet Olle Hedin``).
"""

from __future__ import annotations

import re
from typing import Dict, List, Optional, Tuple

# --------------------------------------------------------------------------- document kinds
PROTOCOL = "protocol"
MOTION = "motion"
INTERPELLATION = "interpellation"
OTHER = "other"

# Each case-insensitive pattern below that has words beside it (``..._WORDS``, in lower case) holds one of
# them, in some case, in every match: a text without them is not searched (``structure._may_hold``).
PROTOCOL_WORD_RE = re.compile(
    r"\b(?:sammanträdes)?protokoll(?:et)?\b|\bsammanträdesdatum\b|\bprotokollsutdrag\b|\butdrag ur protokoll",
    re.IGNORECASE,
)
PROTOCOL_WORDS = ("protokoll", "sammanträdesdatum")
# The labels of a protocol's front page; two different ones make a protocol even where the word
# "protokoll" is not near the start (a PDF text layer that begins with the attendance list).
PROTOCOL_MARKER_RE = re.compile(
    r"\b(?:Plats\s+och\s+tid|Tid\s+och\s+plats|Beslutande|Utses\s+att\s+justera|Justerandes\s+sign|Justeringens"
    r"|Utdragsbestyrkande|ANSLAG/BEVIS|Anslagsbevis)\b",
    re.IGNORECASE,
)
PROTOCOL_MARKER_WORDS = ("plats", "beslutande", "juster", "utdragsbestyrkande", "anslag")
# "Motion av Anna Berg (S) om ...", "Motion till riksdagen 2023/24:123", "Kommittémotion", "Motion om ..."
MOTION_START_RE = re.compile(
    r"^\s*(?:enskild\s+|kommitté|parti|flerparti)?motion\b(?!\w)", re.IGNORECASE | re.MULTILINE
)
MOTION_WORDS = ("motion",)
INTERPELLATION_START_RE = re.compile(r"^\s*interpellation\b", re.IGNORECASE | re.MULTILINE)
INTERPELLATION_WORDS = ("interpellation",)

# --------------------------------------------------------------------------- items
# "§ 14 Titel", "§14", "KS § 14", "§ 14." at the start of a line.
ITEM_RE = re.compile(r"(?m)^[ \t]*(?:(?P<body>[A-ZÅÄÖ][A-ZÅÄÖa-zåäö]{0,5})[ \t]+)?§[ \t]*(?P<number>\d{1,4})(?![\d,]|[ \t]*(?:kap|st)\b)\.?")
# "Dnr KS 2023/123", "Dnr. 2011/KS 0206 001", "Diarienummer: SBN 2022.045"
DNR_LABEL_RE = re.compile(r"\b(?:Dnr|DNR|Diarienr|Diarienummer|Diarienumer|Ärendenr)\b\.?[ \t]*:?[ \t]*")
# The token with digits first: "KU.2017.3" is one token, not "KU." and a rest.
DNR_TOKEN_RE = re.compile(r"[A-ZÅÄÖ]{0,10}[/.\-]?\d[\w./:\-–]*|[A-ZÅÄÖ]{1,10}[/.\-]?")
# A table of contents line: "§ 62 Information från kommunchefen ... 4" (dot leaders, a page number).
TOC_LINE_END_RE = re.compile(r"(?:\.{3,}|…)[ \t]*\d{1,4}[ \t]*$")

# --------------------------------------------------------------------------- section headings
# kind -> heading texts (regex, matched against the whole heading without a trailing colon).
SECTION_HEADINGS: List[Tuple[str, str]] = [
    ("decision", r"(?:(?:[\wåäö-]+s|ordförandens|arbetsutskottets)\s+)?beslut(?:et)?|beslut\s+i\s+ärendet|beslutet\s+i\s+korthet"),
    ("background", r"ärendet|ärendebeskrivning|sammanfattning(?:\s+av\s+ärendet)?|bakgrund|beskrivning\s+av\s+ärendet|ärendets\s+bakgrund|motivering|yttranden?\s+i\s+ärendet"),
    ("preparation", r"beredning|ärendets\s+beredning|beslutsunderlag|handlingar(?:\s+i\s+ärendet)?|underlag"),
    ("proposals", r"(?:(?:[\wåäö-]+s)\s+)?förslag(?:\s+till\s+(?:beslut|[\wåäö-]+))?|förslag\s+till\s+beslut(?:\s+på\s+sammanträdet)?|yrkanden?|yrkanden\s+och\s+yttranden|förslag\s+och\s+yrkanden"),
    ("course", r"beslutsgång|propositionsordning|proposition(?:sordning)?|beslutsordning|beslutsgång\s+och\s+propositionsordning"),
    ("vote", r"omröstning(?:sresultat)?|votering|omröstningsprotokoll"),
    ("reservation", r"reservation(?:er)?(?:\s*\([\wÅÄÖåäö ,-]{1,20}\))?(?:\s+i\s+[\wåäö-]+)?"),
    ("statement", r"särskil(?:t|da)\s+(?:uttalanden?|yttranden?)(?:\s*\([\wÅÄÖåäö ,-]{1,20}\))?(?:\s+i\s+[\wåäö-]+)?"),
    ("minute_note", r"protokollsanteckning(?:ar)?|anteckning(?:ar)?\s+till\s+protokollet"),
    ("substitute_statement", r"ersättar(?:yttrande|yttranden|nas\s+yttrande)"),
    ("conflict_of_interest", r"jäv|anmälan\s+om\s+jäv"),
    ("adjustment", r"(?:omedelbar\s+)?justering|justeras|paragrafen\s+justeras\s+omedelbart"),
    ("debate", r"yttranden|överläggning|anföranden|debatt"),
    ("distribution", r"expedieras(?:\s+till)?|beslutet\s+skickas\s+till|skickas\s+till|delges"),
    # motions
    ("motion_proposals", r"förslag\s+till\s+riksdagsbeslut|yrkande(?:n)?\s+till\s+(?:riksdagen|fullmäktige)"),
]
SECTION_KINDS = tuple(dict.fromkeys(kind for kind, _ in SECTION_HEADINGS))
# Tried in order: "Förslag till riksdagsbeslut" before "förslag till X", "Yttranden" (debate)
# after "Särskilda yttranden" (statement).
_HEADING_ORDER = ("motion_proposals", "statement", "substitute_statement", "minute_note", "reservation",
                  "conflict_of_interest", "vote", "course", "decision", "proposals", "background",
                  "preparation", "adjustment", "debate", "distribution")
HEADING_RES: List[Tuple[str, "re.Pattern[str]"]] = [
    (kind, re.compile(rf"(?:{pattern})", re.IGNORECASE))
    for name in _HEADING_ORDER for kind, pattern in SECTION_HEADINGS if kind == name
]
# A heading is at most this many characters long.
MAX_HEADING = 60
# Words that never start a run-in heading's following text (a sentence: "Beslut om ...").
RUN_IN_STOP = frozenset({"om", "i", "av", "att", "för", "till", "på", "med", "från", "enligt", "som", "och"})

# The closing block of a protocol: ends the last item.
CLOSING_RE = re.compile(
    r"(?m)^[ \t]*(?:Vid protokollet|Justeras|Justerat|Underskrifter|Protokollet justeras|Sekreterare\s*:?\s*$)"
)

# --------------------------------------------------------------------------- header fields
HEADER_FIELDS: Dict[str, str] = {
    "date": r"Sammanträdesdatum|Datum(?:\s+för\s+sammanträdet)?|Sammanträdesdag",
    "time_place": r"Tid\s+och\s+plats|Plats\s+och\s+tid",
    "time": r"Tid|Klockan",
    "place": r"Plats|Lokal",
    "adjusters": r"Justerare|Utses\s+att\s+justera|Justerande",
    "adjustment_when": r"Justeringens\s+(?:plats\s+och\s+tid|tid\s+och\s+plats)|Justeringsdatum|Justering",
    "secretary": r"Sekreterare|Vid\s+protokollet|Protokollförare",
    "chair": r"Ordförande",
    "paragraphs": r"Paragrafer|Paragraf",
}
_FIELD_ORDER = ("time_place", "adjustment_when", "adjusters", "date", "time", "place", "secretary", "chair", "paragraphs")
# Labels distinctive enough to be read without a colon ("Plats och tid Sessionssalen, ...", as
# PDF text layers give a header table).
HEADER_FIELD_RE = re.compile(
    r"(?m)(?:^|(?<=\s))(?P<label>" + "|".join(f"(?P<{k}>{HEADER_FIELDS[k]})" for k in _FIELD_ORDER) + r")"
    r"(?:[ \t]*:[ \t]*|(?<=" + ")|(?<=".join(("Tid och plats", "Plats och tid", "Utses att justera", "Justerare",
                                                 "Justeringens plats och tid", "Justeringens tid och plats",
                                                 "Sammanträdesdatum")) + r")[ \t]+)"
)
# Where a header value written without a following "Label:" ends: the next attendance label.
FIELD_STOP_RE = re.compile(r"\s(?:Beslutande|Närvarande|Ledamöter|Tjänstgörande|Ersättare|Övriga|Underskrifter|Sekreterare|Ordförande|Justerare)\b")
EXCEPT_RE = re.compile(r"\b(?:med\s+undantag\s+(?:för|av)|utom)\s*$", re.IGNORECASE)
ISO_DATE_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTHS = {
    "januari": 1, "februari": 2, "mars": 3, "april": 4, "maj": 5, "juni": 6, "juli": 7,
    "augusti": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}
WORD_DATE_RE = re.compile(r"\b(\d{1,2})\s+(" + "|".join(MONTHS) + r")\s+(\d{4})\b", re.IGNORECASE)
# A weekday or a date after a place ("Sessionssalen, onsdag den 29 augusti"): the place ends there.
PLACE_TAIL_RE = re.compile(r",?\s*(?:(?:mån|tis|ons|tors|fre|lör|sön)dag(?:en)?\b|den\s+\d|\d{4}-\d{2}-\d{2}|\d{1,2}\s+(?:"
                           + "|".join(MONTHS) + r")\b).*$", re.IGNORECASE | re.DOTALL)
TIME_RE = re.compile(r"\b(?:kl(?:ockan)?\.?\s*)(\d{1,2}[.:]\d{2})(?:\s*[-–]\s*(\d{1,2}[.:]\d{2}))?")
HEADER_BODY_CUE_RE = re.compile(r"(?:sammanträde\s+med|protokoll\s+(?:från|för)|protokoll)\s*$", re.IGNORECASE)

# --------------------------------------------------------------------------- attendance
# label -> group
ATTENDANCE_LABELS: List[Tuple[str, str]] = [
    (r"Tjänstgörande\s+ersättare", "serving_substitutes"),
    (r"(?:Icke\s+tjänstgörande|Närvarande|Övriga)\s+ersättare", "substitutes"),
    (r"Ersättare", "substitutes"),
    (r"Närvarande\s+ledamöter|Beslutande(?:\s+ledamöter)?|Ledamöter|Närvarande", "members"),
    (r"Övriga\s+(?:närvarande|deltagande|deltagare)|Övriga|Tjänstemän|Tjänstepersoner|Närvarande\s+tjänstemän|Föredragande", "others"),
    (r"Frånvarande(?:\s+ledamöter)?|Anmält\s+förhinder", "absent"),
]
ATTENDANCE_LABEL_RE = re.compile(
    r"(?m)^[ \t]*(?P<label>" + "|".join(f"(?:{p})" for p, _ in ATTENDANCE_LABELS) + r")"
    r"(?:[ \t]*:[ \t]*|[ \t]*$|[ \t]+(?=[A-ZÅÄÖ]))"
)
# Labels distinctive enough to be read in the middle of a line, capitalized and followed by a
# capitalized word, as a PDF text layer flattens a header table ("... kl. 09:00 Beslutande
# Ledamöter Kjell Berg (S), ... Tjänstgörande ersättare Anna Ek (KD) ersätter ...").
ATTENDANCE_INLINE_LABEL_RE = re.compile(
    r"(?<=[\s.,;)])(?P<label>Beslutande(?:\s+[Ll]edamöter)?|Närvarande\s+ledamöter|Tjänstgörande\s+ersättare"
    r"|(?:Icke\s+tjänstgörande|Närvarande)\s+ersättare|Övriga\s+(?:närvarande|deltagande|deltagare)|Tjänstemän"
    r"|Tjänstepersoner|Frånvarande(?:\s+ledamöter)?)(?:[ \t]*:[ \t]*|[ \t]+(?=[A-ZÅÄÖ]))"
)
# Where a header's attendance block ends at the latest: the adjustment and signature labels.
ATTENDANCE_STOP_RE = re.compile(r"\b(?:Justering|Justerande|Justerare|Utses\s+att\s+justera|Underskrifter|Paragrafer)\b")
ROLE_RE = re.compile(
    r"(?<![\w])(?P<role>(?:(?:förste|andre|1:e|2:e)\s+)?vice\s+ordf(?:örande|\.)?|ordf(?:örande|\.)"
    r"|tjänstgörande\s+ersättare|ersättare|[a-zåäö]*ledamot|[a-zåäö]*sekreterare|[a-zåäö]*chef"
    r"|[a-zåäö]*direktör|[a-zåäö]*handläggare|[a-zåäö]*utredare|controller|[a-zåäö]*ekonom|föredragande"
    r"|justerare|[a-zåäö]*jurist|[a-zåäö]*strateg|[a-zåäö]*samordnare|[a-zåäö]*ansvarig|[a-zåäö]*ingenjör"
    r"|[a-zåäö]*planerare|[a-zåäö]*arkitekt|[a-zåäö]*assistent|[a-zåäö]*administratör|[a-zåäö]*kommunikatör"
    r"|[a-zåäö]*utvecklare|[a-zåäö]*analytiker|[a-zåäö]*inspektör|[a-zåäö]*ledare|rektor|suppleant"
    r"|[a-zåäö]*revisor|vd)(?![\w])",
    re.IGNORECASE,
)
ROLE_NORMAL = {"ordf.": "ordförande", "ordf": "ordförande", "vice ordf.": "vice ordförande", "vice ordf": "vice ordförande"}
# "tjänstgörande ersättare för Per Ek (M)": the person after "för" is replaced, not present.
REPLACES_RE = re.compile(r"\b(?:ersättare\s+)?för\s*$|\bersätter\s*$|\bi\s+stället\s+för\s*$|\bistf\.?\s*$",
                         re.IGNORECASE)

# --------------------------------------------------------------------------- names and parties
# "Anna Berg (M)" when no PERSON entity covers the name (the pattern fallback).
NAME_PARTY_RE = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?"
    r"(?:[ \t]+(?:(?:af|von|de|van|der)[ \t]+)?[A-ZÅÄÖÉ][a-zåäöéü]+(?:-[A-ZÅÄÖ][a-zåäöéü]+)?){1,3})"
    r"\s*(?:m\.\s?fl\.?\s*)?\(\s*(?P<party>[A-ZÅÄÖa-zåäö]{1,4}|-)\s*\)"
)
PARTY_AFTER_RE = re.compile(r"\s*(?P<mfl>m\.\s?fl\.?\s*)?\(\s*(?:(?P<all>båda|alla|samtliga)\s+)?(?P<party>[^()\n]{1,25}?)\s*\)(?P<mfl2>\s*m\.\s?fl\.?)?")
# Party letters standing alone in an attendance table row ("Anna Berg    M    ordförande").
PARTY_COLUMN_RE = re.compile(r"(?:^|(?<=[\s,]))(S|M|SD|C|V|KD|L|MP|FP)(?=[\s,]|$)")
# Letters of the Riksdag parties and common local spellings -> id.
PARTY_LETTERS = {
    "S": "S", "M": "M", "SD": "SD", "C": "C", "V": "V", "KD": "KD", "L": "L", "FP": "L", "MP": "MP",
    "FI": "FI", "-": "-", "NYD": "NYD", "PP": "PP",
}

# Party names written out (base form; genitive and lower case accepted) -> id.
PARTY_NAMES = {
    "socialdemokraterna": "S", "moderaterna": "M", "moderata samlingspartiet": "M", "sverigedemokraterna": "SD",
    "centerpartiet": "C", "vänsterpartiet": "V", "kristdemokraterna": "KD", "liberalerna": "L",
    "folkpartiet": "L", "miljöpartiet": "MP", "miljöpartiet de gröna": "MP", "feministiskt initiativ": "FI",
}

# --------------------------------------------------------------------------- proposals
PROPOSAL_VERB_RE = re.compile(r"\b(?:yrka(?:r|de|nde|ndet|nden)?|föreslår|föreslog|instämmer|tillstyrker)\b", re.IGNORECASE)
# (kind, pattern), first match wins.
PROPOSAL_KINDS: List[Tuple[str, "re.Pattern[str]"]] = [
    ("refer_back", re.compile(r"återremi(?:ss|ttera|tteras|tterar|tteringen)", re.IGNORECASE)),
    ("table", re.compile(r"bordlägg(?:ning|s|a|er)?|bordläggas", re.IGNORECASE)),
    ("reject", re.compile(r"\bavslag|\bavslå(?:s|r)?\b|\bavslagsyrkande", re.IGNORECASE)),
    ("addition", re.compile(r"\btillägg(?:et|syrkande|s)?\b|\btilläggsyrkande", re.IGNORECASE)),
    ("amendment", re.compile(r"\bändring(?:en|ar|syrkande)?\b|\bändringsyrkande|\bändras\b|\bjustering av\b", re.IGNORECASE)),
    ("approve", re.compile(r"\bbifall|\bbifalla|\btillstyrk|\binstämmer", re.IGNORECASE)),
    ("own", re.compile(r"\beget\s+(?:yrkande|förslag)|\byrka[rd]?\s+att\b|\bföreslår\s+att\b", re.IGNORECASE)),
]
TARGET_RE = re.compile(
    r"\b(?:bifall|avslag|tillstyrk\w*|instämmer\s+i)\s+(?:till\s+)?(?P<target>[^.,;]{3,80}?(?:förslag(?:et)?|yrkande(?:t)?|motion(?:en)?|skrivelse(?:n)?|ärendet))",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- votes
NUMBER_WORDS = {
    "noll": 0, "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7, "åtta": 8,
    "nio": 9, "tio": 10, "elva": 11, "tolv": 12, "tretton": 13, "fjorton": 14, "femton": 15, "sexton": 16,
    "sjutton": 17, "arton": 18, "nitton": 19, "tjugo": 20,
}
_NUM = r"(?P<n>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
VOTE_COUNT_RES: List[Tuple[str, "re.Pattern[str]"]] = [
    ("yes", re.compile(_NUM + r"\s+ja-?\s*röst(?:er)?\b|" + r"\bja-?röster\s*:?\s*(?P<n2>\d{1,3})\b|(?m:^)[ \t]*ja[ \t]*:?[ \t]+(?P<n3>\d{1,3})\b", re.IGNORECASE)),
    ("no", re.compile(_NUM + r"\s+nej-?\s*röst(?:er)?\b|" + r"\bnej-?röster\s*:?\s*(?P<n2>\d{1,3})\b|(?m:^)[ \t]*nej[ \t]*:?[ \t]+(?P<n3>\d{1,3})\b", re.IGNORECASE)),
    ("abstain", re.compile(_NUM + r"\s+(?:ledamöter\s+|ledamot\s+)?(?:som\s+)?(?:avstår|avstod|avstående|nedlagda\s+röster|röster\s+nedlagda)|"
                           r"\bavstår\s*:?\s*(?P<n2>\d{1,3})\b|(?m:^)[ \t]*(?:avstår|avstående|avstod)[ \t]*:?[ \t]+(?P<n3>\d{1,3})\b", re.IGNORECASE)),
]
# "med 7 röster mot 4"
VOTES_AGAINST_RE = re.compile(r"\b(?:med\s+)?" + _NUM + r"\s+röster\s+mot\s+(?P<m>\d{1,3}|" + "|".join(NUMBER_WORDS) + r")", re.IGNORECASE)
VOTE_CUE_RE = re.compile(r"omröstning|votering|ja-?röst|nej-?röst|röstar\s+(?:ja|nej)|röster\s+mot", re.IGNORECASE)
# "Ja för bifall till X, nej för bifall till Y"
YES_MEANS_RE = re.compile(r"\bja[- ]?(?:röst)?\s+(?:för|innebär|=)\s+(?P<what>[^,.;\n]{3,100})", re.IGNORECASE)
NO_MEANS_RE = re.compile(r"\bnej[- ]?(?:röst)?\s+(?:för|innebär|=)\s+(?P<what>[^,.;\n]{3,100})", re.IGNORECASE)
# "Ja-röster: Anna Berg (M), ..." / "Följande röstar ja:" / "Nej röstar: ..." (a vote list label)
VOTE_LIST_RE = re.compile(
    r"(?:^|(?<=[\s.:]))(?:(?:följande\s+(?:ledamöter\s+)?)?röstar\s+(?P<a>ja|nej)|för\s+(?P<b>ja|nej)\s+röstar|(?P<c>ja|nej)\s+röstar"
    r"|(?P<d>ja|nej)-?röster|(?P<e>avstår|avstod|avstående|avstår\s+från\s+att\s+rösta))\s*[:\-–]\s*",
    re.IGNORECASE,
)
VOTE_TABLE_HEADER_RE = re.compile(
    r"(?mi)^[ \t]*(?:(?:ledamot|ledamöter|namn|parti|ersättare|tjänstgörande)[ \t]+)*ja[ \t]+nej(?:[ \t]+(?:avstår|avstående))?[ \t]*$"
)
VOTE_COLUMN_RE = re.compile(r"(?i)\b(ja|nej|avstår|avstående)\b")

# --------------------------------------------------------------------------- statements
# (kind, cue in running text)
STATEMENT_CUES: List[Tuple[str, "re.Pattern[str]"]] = [
    ("reservation", re.compile(r"\breserver(?:ar|ade)\s+sig\b|\breservation(?:er)?\b", re.IGNORECASE)),
    ("statement", re.compile(r"\bsärskil(?:t|da)\s+(?:uttalanden?|yttranden?)\b", re.IGNORECASE)),
    ("minute_note", re.compile(r"\bprotokollsanteckning\w*|\bantecknar\s+(?:till|i)\s+protokollet|\banteckning\s+till\s+protokollet", re.IGNORECASE)),
    ("substitute_statement", re.compile(r"\bersättaryttrande\w*", re.IGNORECASE)),
]
STATEMENT_KINDS = tuple(kind for kind, _ in STATEMENT_CUES)
IN_FAVOUR_RE = re.compile(r"till\s+förmån\s+för\s+(?P<what>[^.;]{3,150}?)(?=[.;]|\n\s*\n|$)", re.IGNORECASE)
WRITTEN_RE = re.compile(r"\bskriftlig(?:t|a)?\b|\bbilaga\b", re.IGNORECASE)
CONFLICT_RE = re.compile(r"\bjäv\w*|\bdeltar\s+inte\s+i\s+(?:handläggningen|beslutet)", re.IGNORECASE)

# --------------------------------------------------------------------------- decision points
# "att ..." clauses start at line start or after "beslutar", ",", ";", "samt", ":".
ATT_SPLIT_RE = re.compile(
    r"(?:(?<=\n)|(?<=^)|(?<=beslutar)|(?<=beslutade)|(?<=besluta)|(?<=föreslår)|(?<=föreslås)|(?<=[,;:])|(?<=samt)|(?<=och))[ \t\n]*(?P<att>att)\s",
    re.IGNORECASE,
)
NUMBERED_RE = re.compile(r"(?m)^[ \t]*(?:(?P<n>\d{1,2})[.)]|(?P<b>[-–•*\u2022]))[ \t]+")
NUMBERED_INLINE_RE = re.compile(r"(?:(?<=^)|(?<=[\s:]))(?P<n>\d{1,2})[.)]\s+(?=[A-ZÅÄÖa-zåäö])")

# --------------------------------------------------------------------------- motions and interpellations
RIKSDAG_NUMBER_RE = re.compile(r"\b(\d{4}/\d{2}:[A-ZÅÄÖa-zåäö]{0,4}\d{1,5})\b")
TITLE_OM_RE = re.compile(r"\bom\s+(?P<title>[^\n]{3,200}?)\s*$", re.IGNORECASE | re.MULTILINE)
RIKSDAG_ATT_RE = re.compile(
    r"(?:Riksdagen|Kommunfullmäktige|Fullmäktige|Regionfullmäktige)\s+(?:ställer\s+sig\s+bakom|beslutar|avslår|bifaller)",
)
QUESTION_CUE_RE = re.compile(
    r"(?:vill\s+jag\s+(?:därför\s+)?(?:fråga|ställa\s+följande\s+fråg\w*)|jag\s+vill\s+(?:därför\s+)?(?:fråga|ställa)|mina\s+frågor|följande\s+frågor?)",
    re.IGNORECASE,
)

# --------------------------------------------------------------------------- furniture
# (kind, pattern, words that every match holds in some case, as PROTOCOL_WORDS; None: no such words)
FURNITURE_RES: List[Tuple[str, "re.Pattern[str]", Optional[Tuple[str, ...]]]] = [
    ("page_number", re.compile(r"\b(?:Sida|Sid\.?|Page)\s+\d{1,4}\s*(?:\(\s*\d{1,4}\s*\)|av\s+\d{1,4}|/\s*\d{1,4})", re.IGNORECASE),
     ("sid", "page")),
    ("page_number", re.compile(r"(?m)^[ \t]*\d{1,4}\s*\(\s*\d{1,4}\s*\)[ \t]*$"), ("(",)),
    ("page_number", re.compile(r"(?m)^[ \t]*(?:-\s*)?\d{1,4}(?:\s*-)?[ \t]*$"), None),
    ("signature_box", re.compile(r"\b(?:Justerandes|Justerares|Ordförandes|Sekreterarens?)\s+sign(?:atur|\.)?(?:\s*/\s*sign\.?)?", re.IGNORECASE),
     ("sign",)),
    ("signature_box", re.compile(r"\bUtdragsbestyrkande\b", re.IGNORECASE), ("utdragsbestyrkande",)),
]
# A line seen this many times (and at most this long) is a repeated page header or footer.
REPEATED_MIN = 3
# ... and only lines this close (in lines) to a page number or signature box, or the first lines.
NEAR_PAGE_BREAK = 3
REPEATED_MAX_LEN = 100
