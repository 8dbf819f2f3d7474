"""Synthetic municipal-style paragraphs with complete entity and topic annotation.

Riksdag interpellations do not sound like a municipal protocol: ``Ordföranden X (S)``,
``0,6 mnkr``, ``kommunstyrelsen``, ``Rinkeby-Kista stadsdelsnämnd``, reservations and
budget lines are rare there. These frames (written for this project, not taken from any
protocol) are filled with seeded random names made from the Riksdag gazetteer's first
names and surnames, party letters, bodies, agencies and municipalities from the
knowledge base, and random amounts in the units municipal text uses. Every slot carries
its label, so the documents are fully annotated; fillers that must NOT be tagged
(``nämnden``, ``majoriteten``, ``20 miljoner invånare``) are in the frames too.

Frames belong to a group, ``train`` or ``dev``: dev documents use only dev frames, so
the in-domain dev score is not measured on sentences the model saw with other names.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from svpol.kb import KnowledgeBase, genitive

# ------------------------------------------------------------------ fillers
STOCKHOLM_DISTRICTS = (
    "Rinkeby-Kista", "Spånga-Tensta", "Hässelby-Vällingby", "Bromma", "Kungsholmen", "Norrmalm",
    "Östermalm", "Södermalm", "Enskede-Årsta-Vantör", "Farsta", "Skarpnäck", "Hägersten-Älvsjö",
    "Skärholmen", "Hägersten-Liljeholmen", "Älvsjö",
)
PLACES = ("Järva", "Tensta", "Husby", "Kista", "Rinkeby", "Akalla", "Hjulsta", "Vällingby", "Rågsved",
          "Hagsätra", "Fittja", "Alby", "Hammarkullen", "Rosengård", "Gottsunda", "Navestad",
          "Skäggetorp", "Araby", "Ronna", "Hovsjö")
MUNICIPAL_BODIES = (
    "kommunstyrelsen", "kommunfullmäktige", "socialnämnden", "utbildningsnämnden", "äldrenämnden",
    "stadsbyggnadsnämnden", "idrottsnämnden", "kulturnämnden", "miljö- och hälsoskyddsnämnden",
    "arbetsmarknadsnämnden", "trafiknämnden", "exploateringsnämnden", "fastighetsnämnden",
    "överförmyndarnämnden", "servicenämnden", "socialförvaltningen", "utbildningsförvaltningen",
    "äldreförvaltningen", "stadsledningskontoret", "kommunledningskontoret", "stadsbyggnadskontoret",
    "barn- och ungdomsnämnden", "regionstyrelsen", "regionfullmäktige", "gymnasienämnden",
)
STATE_BODIES = ("regeringen", "riksdagen", "polisen", "Polisen", "Säkerhetspolisen", "Säpo", "SÄPO",
                "Socialstyrelsen", "Skolverket", "Migrationsverket", "Arbetsförmedlingen",
                "Försäkringskassan", "Länsstyrelsen i Stockholms län", "Boverket", "Brottsförebyggande rådet",
                "Nationellt centrum för terrorhotbedömning", "Justitiedepartementet", "Finansdepartementet",
                "justitieutskottet", "Skolinspektionen", "Inspektionen för vård och omsorg", "Trafikverket",
                "Folkhälsomyndigheten", "Kriminalvården", "Ekobrottsmyndigheten")
ORGS = ("Svenska Bostäder", "Stockholmshem", "Familjebostäder", "Hyresgästföreningen", "Röda Korset",
        "Rädda Barnen", "Stadsmissionen", "Svenska kyrkan", "LO", "Svt", "Sveriges Radio", "EU", "Nato",
        "Fryshuset", "Sveriges Kommuner och Regioner", "SKR", "Kommunal", "Lärarförbundet", "Unga Örnar",
        "Micasa Fastigheter", "Vision", "Fastighetsägarna", "Bris", "Läkare utan gränser", "Coompanion")
PARTY_LETTERS = ("S", "M", "L", "KD", "SD", "MP", "V", "C", "Fi")
PARTY_WEIGHTS = (8, 7, 3, 3, 5, 3, 4, 3, 1)
PARTY_NAMES = ("Socialdemokraterna", "Moderaterna", "Liberalerna", "Kristdemokraterna", "Sverigedemokraterna",
               "Miljöpartiet", "Vänsterpartiet", "Centerpartiet", "Feministiskt initiativ", "Alliansen",
               "Socialdemokraternas", "Moderaternas", "Vänsterpartiets", "Sverigedemokraternas",
               "Miljöpartiets", "Centerpartiets", "Liberalernas", "Kristdemokraternas", "Alliansens")
NON_ENTITY_GROUPS = ("majoriteten", "oppositionen", "stadshusmajoriteten", "partierna", "de borgerliga partierna",
                     "den rödgröna majoriteten", "Våra partier")
GENERIC_BODIES = ("nämnden", "förvaltningen", "stadsdelsnämnden", "staden", "myndigheten", "styrelsen",
                  "stadsdelsförvaltningen", "socialtjänsten", "nämnderna")
# Heading lines of protocols and reports: capitalised words on a line of their own that are
# not names (a model trained on running text tags them PERSON/ORG otherwise).
HEADINGS = ("Beslut", "Sammanträde", "Ärendet", "Ärendebeskrivning", "Bakgrund", "Yrkanden", "Propositionsordning",
            "Beslutsgång", "Reservation", "Protokollsanteckning", "Särskilt uttalande", "Justeras", "Justering",
            "Närvarande", "Ledamöter", "Ersättare", "Övriga närvarande", "Sammanfattning", "Beslutsunderlag",
            "Expedieras till", "Yttrande", "Motivering", "Ekonomiska konsekvenser", "Handlingar", "Anmälningsärenden",
            "Delegationsbeslut", "Information", "Övrigt", "Dagordning", "Kallelse", "Underskrifter", "Paragrafer",
            "Förslag till beslut", "Tjänsteutlåtande", "Uppföljning", "Överläggning", "Omröstning", "Föredragande",
            "PROTOKOLL", "BESLUT", "Utdrag ur protokoll", "Ordförande", "Sekreterare", "Justerare", "Bilaga 1")
DEV_HEADINGS = 10  # the last ten headings appear only in dev documents
ROOMS = ("Sammanträdesrummet", "Sessionssalen", "Stora sammanträdesrummet", "KS-salen", "Fullmäktigesalen",
         "Lokal Tornet", "Sal A", "digitalt")
# Laws by abbreviation or name: capitalised, often acronyms like SÄPO or FHS, but never entities.
# LSS is left out on purpose: a dev frame uses it, so dev measures whether the model generalizes.
LAWS = ("SoL", "LVU", "LVM", "PBL", "LOU", "OSL", "HSL", "SFB", "BrB", "KL", "socialtjänstlagen", "skollagen",
        "kommunallagen", "plan- och bygglagen", "lagen om offentlig upphandling")
CASE_PREFIXES = ("KS", "SN", "UN", "NSN", "KF", "BUN", "ÄN", "MHN", "SBN", "TN")
PURPOSES = ("förebyggande insatser mot våldsbejakande extremism", "trygghetsskapande åtgärder",
            "feriearbeten för ungdomar", "upprustning av lekplatser", "hemtjänsten", "fritidsgårdarnas verksamhet",
            "lokalanpassningar i förskolan", "föreningsbidrag", "sommarlovsaktiviteter", "ökad bemanning i socialtjänsten",
            "kameraövervakning", "renovering av skolgården", "språkstöd för nyanlända", "energieffektivisering",
            "belysning längs gång- och cykelvägar", "insatser för hemlösa")


# ------------------------------------------------------------------ amounts
def _decimal(rng: random.Random, low: int, high: int) -> str:
    value = rng.randint(low, high)
    return f"{value},{rng.randint(0, 9)}" if rng.random() < 0.6 else str(value)


def _grouped(n: int) -> str:
    """1200 -> '1 200' (Swedish thousands separator)."""
    return f"{n:,}".replace(",", " ")


_MONEY_MAKERS: Tuple[Callable[[random.Random], str], ...] = (
    lambda r: f"{_decimal(r, 0, 60)} mnkr",
    lambda r: f"{_decimal(r, 0, 60)} mnkr",
    lambda r: f"{_decimal(r, 1, 40)} mkr",
    lambda r: f"{_decimal(r, 1, 9)} mdkr",
    lambda r: f"{_grouped(r.randint(50, 9000))} tkr",
    lambda r: f"{_grouped(r.randrange(100, 25000, 50))} kr",
    lambda r: f"{_grouped(r.randrange(100, 25000, 50))} kronor",
    lambda r: f"{r.randint(2, 900)} miljoner kronor",
    lambda r: f"{_decimal(r, 1, 30)} miljarder kronor",
    lambda r: f"{r.randint(1, 300)} MSEK",
    lambda r: f"{r.randint(1, 90)} miljoner euro",
    lambda r: r.choice(("flera tusen kronor", "några hundra kronor", "en miljon kronor", "flera miljoner kronor")),
)


def random_money(rng: random.Random) -> str:
    """A money amount as municipal text writes it (``0,6 mnkr``, ``1 200 kr``, ``3 miljarder kronor``)."""
    return rng.choice(_MONEY_MAKERS)(rng)


def random_non_money(rng: random.Random) -> str:
    """A number that is not money and must stay untagged (``20 miljoner invånare``, ``12 procent``)."""
    return rng.choice((
        f"{rng.randint(2, 40)} miljoner invånare",
        f"{_decimal(rng, 1, 60)} procent",
        f"{rng.randint(2, 400)} platser",
        f"{_grouped(rng.randint(20, 3000))} elever",
        f"{rng.randint(2, 90)} årsarbetare",
        f"{rng.randint(2, 30)} miljoner människor",
        f"{rng.randint(2, 60)} ärenden",
    ))


# ------------------------------------------------------------------ frames
@dataclass(frozen=True)
class Frame:
    """A sentence frame: text with ``{slot}`` markers, its topics and its split group."""

    text: str
    topics: Tuple[str, ...] = ()
    group: str = "train"


def _f(text: str, *topics: str, dev: bool = False) -> Frame:
    return Frame(text, topics, "dev" if dev else "train")


# Slots: person, party (letter inside brackets), partyname, body, Body (capitalised), body_gen,
# district_body, state, State, org, loc, district, place, street, money, money2, num and pct (non-money),
# year, generic/Generic, group (non-entity party groups), purpose, muni (municipality acting: AUTHORITY),
# surname and surname_gen (PERSON by surname only, genitive), and the non-entities heading, room, date,
# case (Dnr), paragraph (§ n) and law.
HEADING_LINES: Tuple[Frame, ...] = (
    _f("{heading}"), _f("{paragraph} {heading}"), _f("{dev_heading}", dev=True), _f("{paragraph} {dev_heading}", dev=True),
)
OPENERS: Tuple[Frame, ...] = (
    _f("Ordföranden {person} ({party}) förklarar sammanträdet öppnat."),
    _f("Ordföranden {person} ({party}) hälsar ledamöterna välkomna och konstaterar att kallelse skett i behörig ordning."),
    _f("Närvarande: {person} ({party}), ordförande, {person} ({party}), vice ordförande, samt {person} ({party})."),
    _f("Justerare: {person} ({party}). Sekreterare: {person}."),
    _f("{person} ({party}) utses att jämte ordföranden justera dagens protokoll."),
    _f("Vice ordföranden {person} ({party}) leder sammanträdet i ordförandens frånvaro.", dev=True),
    _f("Ledamöterna {person} ({party}) och {person} ({party}) anmäler jäv och deltar inte i handläggningen.", dev=True),
    _f("Sammanträdet ajourneras kl. 18.40 på begäran av {person} ({party})."),
    _f("Tjänstgörande ersättare: {person} ({party}) för {person} ({party}).", dev=True),
    _f("Sammanträde med {district_body} Datum: {date}, kl. 18.00–20.15 Plats: {room}, {street}"),
    _f("PROTOKOLL\nSammanträde med {body} Datum: {date} Plats: {room}"),
    _f("Sammanträdesdatum {date}\nPlats och tid: {room}, kl. 13.00–15.30", dev=True),
    _f("Närvarande\nLedamöter: {person} ({party}), ordförande, {person} ({party}) och {person} ({party})."),
    _f("Övriga närvarande: förvaltningschef {person} och nämndsekreterare {person}."),
    _f("{paragraph} Ärenden att anmäla {case}"),
    _f("{paragraph} Val av justerare\n{Body} utser {person} ({party}) att justera protokollet.", dev=True),
)
CLOSERS: Tuple[Frame, ...] = (
    _f("Reservation anfördes av {person} ({party}) och {person} ({party}) till förmån för eget förslag."),
    _f("{person} ({party}) reserverar sig mot beslutet till förmån för {partyname} förslag."),
    _f("Mot beslutet reserverar sig ledamöterna från {partyname} och {partyname}."),
    _f("{Body} beslutar i enlighet med förvaltningens förslag."),
    _f("{group} avslår förslaget med hänvisning till budgetläget.", dev=True),
    _f("Särskilt uttalande lämnades av {person} ({party}).", dev=True),
    _f("Ärendet överlämnas till {body} för beslut."),
    _f("Protokollet justeras omedelbart. Vid protokollet: {person}.", dev=True),
    _f("Beslutet skickas till {district_body} och till {state} för kännedom."),
    _f("{person} ({party}) yrkar bifall till förslaget; {person} ({party}) yrkar avslag."),
    _f("Förslag till beslut: {Body} godkänner redovisningen och lägger den till handlingarna.", dev=True),
    _f("Justeras\n{person} ({party}) {person} ({party})"),
    _f("Vid protokollet {person}\nJusteras {person} ({party})"),
    _f("Underskrifter\nSekreterare {person}\nOrdförande {person}\nJusterare {person}"),
    _f("Beslut\n{Generic} godkänner rapporten och överlämnar den till {body}."),
    _f("{Generic} beslutar att lägga informationen till handlingarna.", dev=True),
    _f("Omröstning\nOrdföranden ställer proposition på förslagen och finner att {generic} bifallit förvaltningens förslag."),
    _f("{surname} ({party}) yrkar bifall till {partyname} förslag och {surname} ({party}) instämmer."),
    _f("Yrkanden\n{surname} ({party}) yrkar avslag på förslaget.", dev=True),
    _f("Expedieras till {body} och {district_body}"),
)
CONTENT: Tuple[Frame, ...] = (
    # budget
    _f("{District_body} redovisar ett underskott om {money} för perioden, främst på grund av ökade kostnader.", "budget"),
    _f("Enligt tertialrapporten uppgår prognosen till {money}, vilket är {money2} sämre än budget.", "budget"),
    _f("{Body} föreslås tilldelas {money} i budgeten för {year}.", "budget"),
    _f("Kostnaden beräknas till {money} per år och finansieras inom {body_gen} ram.", "budget"),
    _f("För {year} budgeteras intäkter på {money} och kostnader på {money2}.", "budget"),
    _f("Budgetavvikelsen på {money} förklaras av högre personalkostnader och lägre statsbidrag.", "budget", dev=True),
    _f("{partyname} budgetförslag innebär en ram på {money} för {district_body}.", "budget", dev=True),
    _f("Investeringsbudgeten omfattar {money}, varav {money2} avser nya lokaler.", "budget"),
    _f("Nämndens ackumulerade resultat är {money} och ingen ytterligare effektivisering krävs.", "budget", dev=True),
    _f("{State} har beviljat ett statsbidrag om {money} till {purpose}.", "budget"),
    _f("Skattesatsen lämnas oförändrad, vilket ger {muni} ett tillskott på {money} jämfört med föregående år.", "budget"),
    # extremism
    _f("{State} bedömer att den våldsbejakande extremismen i {loc} har ökat under året.", "extremism", "safety"),
    _f("{District_body} har tagit fram en handlingsplan mot våldsbejakande extremism tillsammans med {state}.", "extremism"),
    _f("Samordnaren mot våldsbejakande extremism rapporterar till {body} två gånger per år.", "extremism"),
    _f("Enligt {state} har flera personer från {place} rest för att ansluta sig till terrororganisationer.", "extremism", dev=True),
    _f("{org} driver ett avhopparprogram för unga som vill lämna extrema miljöer, med stöd av {money} från {muni}.", "extremism", "budget"),
    _f("Utbildningen om radikalisering riktas till personal inom skola och socialtjänst i {district}.", "extremism", "education", dev=True),
    # safety
    _f("{State} i {district} rapporterar att antalet anmälda brott har minskat med {pct}.", "safety"),
    _f("Tryggheten i {place} ska öka genom bättre belysning och fler ordningsvakter.", "safety"),
    _f("{person} ({party}) anser att {body} måste samverka närmare med polisen mot gängkriminaliteten.", "safety"),
    _f("Trygghetsvandringar har genomförts på {street} tillsammans med {org}.", "safety", dev=True),
    _f("Medborgarlöftet mellan {state} och {district_body} omfattar åtgärder mot öppen narkotikahandel.", "safety", dev=True),
    _f("Kameraövervakningen vid {place} centrum kostar {money} per år.", "safety", "budget"),
    # education
    _f("{Body} har beslutat att bygga en ny förskola i {place} med plats för {num}.", "education"),
    _f("Andelen elever i {district} som når behörighet till gymnasiet har ökat enligt {state}.", "education"),
    _f("{person} ({party}) vill att skolorna i {place} får mer resurser för lärare och elevhälsa.", "education"),
    _f("Skolan har en viktig roll i det förebyggande arbetet, och {body} avsätter {money} för detta.", "education", "budget", dev=True),
    _f("Vuxenutbildningen i {muni_loc} har {num} och kön till sfi har kortats.", "education", dev=True),
    # social services
    _f("{Body} har under perioden placerat fler barn i familjehem än året innan.", "social_services"),
    _f("Kostnaderna för ekonomiskt bistånd i {district} ökar och prognosen pekar på {money}.", "social_services", "budget"),
    _f("Socialtjänsten i {district} har fått {num} nya orosanmälningar.", "social_services"),
    _f("Insatser enligt LSS beviljas av {body} efter individuell prövning.", "social_services", dev=True),
    _f("{org} och socialtjänsten samverkar kring unga med missbruksproblem i {place}.", "social_services", dev=True),
    # elderly care
    _f("{Body} föreslår att {place} vård- och omsorgsboende byggs om för {money}.", "elderly_care", "budget"),
    _f("Hemtjänsten i {district} har brist på personal och {body} ser över schemaläggningen.", "elderly_care", "labour"),
    _f("Andelen äldre som är nöjda med hemtjänsten i {district} är {pct}.", "elderly_care"),
    _f("{person} ({party}) kräver fler platser på äldreboenden i {muni_loc}.", "elderly_care", dev=True),
    # health
    _f("{Region} har beslutat att stänga vårdcentralen i {place}.", "health"),
    _f("Den psykiska ohälsan bland unga i {district} oroar {body}.", "health", dev=True),
    _f("{State} rekommenderar att vaccinationstäckningen i {place} höjs.", "health"),
    # integration
    _f("{State} har anvisat {num} nyanlända till {muni}.", "integration"),
    _f("Etableringen av nyanlända på arbetsmarknaden går långsamt i {district}, enligt {state}.", "integration", "labour"),
    _f("Utanförskapet i {place} kräver ett långsiktigt arbete från {body} och {org}.", "integration", dev=True),
    _f("Boendet för ensamkommande barn i {place} avvecklas och besparingen beräknas till {money}.", "integration", "budget"),
    # housing
    _f("{org} planerar att bygga {num} i {place} under {year}.", "housing"),
    _f("Hyrorna i {org_housing} bestånd i {district} höjs med {pct}.", "housing"),
    _f("{Body} har antagit detaljplanen för kvarteret vid {street}.", "housing", dev=True),
    _f("Renoveringen av husen vid {street} kostar {money} och finansieras genom hyreshöjningar.", "housing", "budget"),
    # labour
    _f("Arbetslösheten i {district} är {pct}, högre än i övriga {loc}.", "labour"),
    _f("{District_body} erbjuder {num} feriearbeten till ungdomar i sommar.", "labour"),
    _f("Personalomsättningen inom {body_gen} verksamheter är hög och sjukfrånvaron ökar.", "labour", dev=True),
    # environment
    _f("{Body} ska minska utsläppen av växthusgaser med {pct} till {year}.", "environment"),
    _f("Parken vid {street} görs om till naturreservat enligt beslut i {body}.", "environment", dev=True),
    _f("Solceller installeras på skolorna i {district} för {money}.", "environment", "budget"),
    # transport
    _f("{State} bygger om trafikplatsen vid {place} och arbetet beräknas kosta {money}.", "transport", "budget"),
    _f("Busslinjen mellan {place} och {place2} läggs ned enligt {region_gen} beslut.", "transport"),
    _f("Cykelbanan längs {street} byggs ut under {year}.", "transport", dev=True),
    # defence
    _f("{muni} har uppdaterat sin plan för civilt försvar i samråd med {state}.", "defence"),
    _f("Kommunens krisberedskap övas tillsammans med {state} och {org}.", "defence", dev=True),
    # democracy
    _f("Valdeltagandet i {district} var {pct} vid det senaste valet.", "democracy"),
    _f("{Body} fördelar föreningsbidrag på {money} till {org} och andra föreningar.", "democracy", "budget"),
    _f("Medborgardialogen i {place} samlade {num} boende och {person} ({party}) ledde mötet.", "democracy", dev=True),
    _f("{person} ({party}) kritiserar att {body} inte redovisar hur pengarna har använts.", "democracy"),
    # no topic: mentions only
    _f("{person} ({party}) har ställt en fråga till {State} om {generic} och svaret har inkommit.", dev=True),
    _f("Information lämnas av {person} från {district_body} och av {person} från {state}."),
    _f("{partyname} företrädare {person} begär att ärendet återremitteras till {generic}."),
    _f("Skrivelsen från {person} ({party}) och {person} ({party}) besvaras av {generic}."),
    _f("{agency_full} ({agency_acr})och {state} deltar i arbetsgruppen."),
    _f("{surname} anser att {body} måste prioritera frågan, medan {surname} ({party}) vill avvakta utredningen."),
    _f("Enligt {surname} ({party}) saknas en konsekvensanalys i tjänsteutlåtandet.", dev=True),
    _f("I debatten yttrar sig {person} ({party}), {surname} ({party}) och {person} ({party})."),
    # A person by surname alone, without party letters, where running text and debates put one:
    # first in the sentence, after an inverted verb, in the genitive, after a preposition.
    _f("{surname} menar att {body} har tagit för lätt på frågan."),
    _f("Som {surname} påpekade i debatten saknas finansiering för förslaget."),
    _f("Jag delar {surname_gen} oro för utvecklingen i {place}.", "safety"),
    _f("I sitt svar skriver {surname} att {state} följer utvecklingen noga."),
    _f("Därefter jämförde {surname} kostnaderna med {body_gen} egen prognos.", "budget"),
    _f("{person}, förvaltningschef i {muni_loc}, konstaterar att {surname} har rätt i sak."),
    _f("{surname} och {surname} har båda lämnat in skriftliga synpunkter till {body}."),
    _f("Frågan ställdes av {surname}, som fick svar av {person} ({party})."),
    _f("Jag tackar {surname} för svaret men är inte nöjd med det.", dev=True),
    _f("{surname_gen} förslag avslogs av {group} efter en lång debatt.", dev=True),
    # Laws are not entities, even as acronyms.
    _f("Bistånd enligt {law} prövas av {body} i varje enskilt fall.", "social_services"),
    _f("Ärendet gäller hur {body} tillämpar {law} vid placeringar av barn.", "social_services"),
    _f("Enligt {law} ska {generic} fatta beslut inom fyra månader."),
)


# ------------------------------------------------------------------ filling
@dataclass
class FilledText:
    """A generated paragraph with its entity character spans and topics."""

    text: str
    spans: List[Tuple[int, int, str]] = field(default_factory=list)
    topics: List[str] = field(default_factory=list)
    frames: List[str] = field(default_factory=list)


_SLOT = re.compile(r"\{([A-Za-z_0-9]+)\}")


class TemplateFiller:
    """Fills frames with seeded random values drawn from the knowledge base."""

    def __init__(self, kb: KnowledgeBase, seed: int) -> None:
        self.rng = random.Random(seed)
        firsts, lasts = set(), set()
        for person in kb.persons.values():
            parts = person.name.split()
            if len(parts) >= 2 and parts[0][:1].isupper() and parts[-1][:1].isupper():
                firsts.add(parts[0])
                lasts.add(parts[-1])
        if not firsts:
            raise ValueError("the knowledge base has no persons to draw names from")
        self.firsts = sorted(firsts)
        self.lasts = sorted(lasts)
        self.municipalities = sorted(kb.municipality_names)
        agencies = [a for a in kb.authorities if a.kind == "state_agency"]
        self.agencies = sorted(a.canonical for a in agencies if " " not in a.canonical and len(a.canonical) < 30)
        self.acronym_agencies = sorted((a.canonical, a.acronyms[0]) for a in agencies
                                       if a.acronyms and a.acronyms[0].isupper() and len(a.acronyms[0]) <= 5)
        self.regions = sorted(a.canonical for a in kb.authorities
                              if a.kind == "region" and a.canonical.startswith("Region "))

    # each returns (text, label or None)
    def _value(self, slot: str) -> Tuple[str, Optional[str]]:
        r = self.rng
        if slot == "person":
            return self._person(), "PERSON"
        if slot == "surname":
            return r.choice(self.lasts), "PERSON"
        if slot == "surname_gen":
            return genitive(r.choice(self.lasts)), "PERSON"
        if slot == "law":
            return r.choice(LAWS), None
        if slot == "heading":
            return r.choice(HEADINGS[:-DEV_HEADINGS]), None
        if slot == "dev_heading":
            return r.choice(HEADINGS[-DEV_HEADINGS:]), None
        if slot == "room":
            return r.choice(ROOMS), None
        if slot == "date":
            return f"{r.randint(2005, 2027)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}", None
        if slot == "case":
            return f"Dnr {r.choice(CASE_PREFIXES)} {r.randint(2005, 2027)}/{r.randint(1, 999):03d}", None
        if slot == "paragraph":
            return f"§ {r.randint(1, 250)}", None
        if slot == "party":
            return r.choices(PARTY_LETTERS, PARTY_WEIGHTS)[0], "PARTY"
        if slot == "partyname":
            return r.choice(PARTY_NAMES), "PARTY"
        if slot in ("body", "Body", "body_gen"):
            name = r.choice(MUNICIPAL_BODIES)
            if slot == "body_gen":
                name = name if name.endswith("s") else name + "s"
            return (_cap(name) if slot == "Body" else name), "AUTHORITY"
        if slot in ("district_body", "District_body"):
            district = r.choice(STOCKHOLM_DISTRICTS)
            kind = r.choice(("stadsdelsnämnd", "stadsdelsnämnd", "stadsdelsförvaltning"))
            return f"{district} {kind}", "AUTHORITY"
        if slot in ("state", "State"):
            name = r.choice(STATE_BODIES if r.random() < 0.7 else self.agencies)
            return (_cap(name) if slot == "State" else name), "AUTHORITY"
        if slot == "muni":
            return r.choice((f"{r.choice(self.municipalities)} kommun", "Stockholms stad",
                             f"{genitive(r.choice(self.municipalities))} kommun")), "AUTHORITY"
        if slot == "muni_loc":
            return r.choice(self.municipalities), "LOC"
        if slot == "Region":
            return r.choice(self.regions), "AUTHORITY"
        if slot == "region_gen":
            return genitive(r.choice(self.regions)), "AUTHORITY"
        if slot in ("agency_full", "agency_acr"):
            raise ValueError("agency_full and agency_acr are filled together")
        if slot == "org":
            if r.random() < 0.2:
                return f"{r.choice(PLACES)} {r.choice(('fritidsgård', 'IF', 'vård- och omsorgsboende', 'bibliotek'))}", "ORG"
            return r.choice(ORGS), "ORG"
        if slot == "org_housing":
            return genitive(r.choice(ORGS[:3])), "ORG"
        if slot == "district":
            return r.choice(STOCKHOLM_DISTRICTS), "LOC"
        if slot in ("place", "place2"):
            return r.choice(PLACES), "LOC"
        if slot == "street":
            stem = r.choice(self.lasts)
            return f"{stem}{r.choice(('vägen', 'gatan', 's torg', 'backen'))} {r.randint(1, 60)}", "LOC"
        if slot in ("money", "money2"):
            return random_money(r), "MONEY"
        if slot == "num":
            return random_non_money(r), None
        if slot == "pct":
            return f"{_decimal(r, 1, 60)} procent", None
        if slot == "year":
            return str(r.randint(2005, 2027)), None
        if slot in ("generic", "Generic"):
            name = r.choice(GENERIC_BODIES)
            return (_cap(name) if slot == "Generic" else name), None
        if slot == "group":
            return _cap(r.choice(NON_ENTITY_GROUPS)), None
        if slot == "purpose":
            return r.choice(PURPOSES), None
        raise ValueError(f"unknown template slot {{{slot}}}")

    def _person(self) -> str:
        """A full name; some with a double first name or initials, as protocols and reference lists write them."""
        r = self.rng
        first, last = r.choice(self.firsts), r.choice(self.lasts)
        form = r.random()
        if form < 0.10:
            return f"{first}-{r.choice(self.firsts)} {last}"
        if form < 0.16:
            return f"{first[0]}. {last}"
        if form < 0.19:
            return f"{first[0]}. {r.choice(self.firsts)[0]}. {last}"
        if form < 0.22:
            return f"{first} {r.choice(self.firsts)[0]}. {last}"
        return f"{first} {last}"

    def fill(self, frame: Frame, out: FilledText) -> None:
        """Append the filled frame to ``out``: after a space, or on a new line after a header or
        signature line (a frame without closing punctuation ends with a line break)."""
        if out.text and not out.text[-1].isspace():
            out.text += " "
        pos = 0
        agency = self.rng.choice(self.acronym_agencies) if "{agency_full}" in frame.text else None
        for m in _SLOT.finditer(frame.text):
            out.text += frame.text[pos:m.start()]
            slot = m.group(1)
            if slot == "loc":
                value, label = self._loc()
            elif slot in ("agency_full", "agency_acr"):
                value, label = (agency[0] if slot == "agency_full" else agency[1]), "AUTHORITY"
            else:
                value, label = self._value(slot)
            if label:
                out.spans.append((len(out.text), len(out.text) + len(value), label))
            out.text += value
            pos = m.end()
        out.text += frame.text[pos:]
        if not frame.text.endswith((".", "!", "?")):
            # Header and signature lines stand on a line of their own.
            out.text += "\n"
        out.frames.append(frame.text)
        for topic in frame.topics:
            if topic not in out.topics:
                out.topics.append(topic)

    def _loc(self) -> Tuple[str, Optional[str]]:
        value = self.rng.choice(("Sverige", "Stockholm", "Stockholms län", "landet", "staden",
                                 self.rng.choice(self.municipalities), self.rng.choice(STOCKHOLM_DISTRICTS)))
        return value, (None if value in ("landet", "staden") else "LOC")

    def document(self, group: str) -> FilledText:
        """One paragraph: an optional opener, one to three content frames, an optional closer."""
        if group not in ("train", "dev"):
            raise ValueError(f"group must be 'train' or 'dev', got {group!r}")
        r = self.rng
        pick = lambda frames: r.choice([f for f in frames if f.group == group])  # noqa: E731
        out = FilledText("")
        if r.random() < 0.25:
            # A heading line of its own, as in protocols: not an entity.
            self.fill(pick(HEADING_LINES), out)
        if r.random() < 0.35:
            self.fill(pick(OPENERS), out)
        topical = [f for f in CONTENT if f.group == group]
        first = r.choice(topical)
        self.fill(first, out)
        for _ in range(r.choice((0, 0, 1, 2))):
            unused = [f for f in topical if f.text not in out.frames]
            same = [f for f in unused if f.topics and first.topics and f.topics[0] == first.topics[0]]
            self.fill(r.choice(same) if same and r.random() < 0.7 else r.choice(unused), out)
        if r.random() < 0.35:
            self.fill(pick(CLOSERS), out)
        return out


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def generate(kb: KnowledgeBase, n_train: int, n_dev: int, seed: int) -> Dict[str, List[FilledText]]:
    """Generate ``n_train`` documents from train frames and ``n_dev`` from dev frames."""
    if n_train < 0 or n_dev < 0:
        raise ValueError("document counts must be non-negative")
    filler = TemplateFiller(kb, seed)
    return {"train": [filler.document("train") for _ in range(n_train)],
            "dev": [filler.document("dev") for _ in range(n_dev)]}


def frames(group: Optional[str] = None) -> Sequence[Frame]:
    """All frames, or those of one group."""
    every = HEADING_LINES + OPENERS + CLOSERS + CONTENT
    return every if group is None else tuple(f for f in every if f.group == group)
