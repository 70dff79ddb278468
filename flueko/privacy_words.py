"""The words and patterns the name search reads context by (:mod:`flueko.privacy_names`).

German cues before a name (``Herr``, ``Familie``, ``Kontakt:``), offices and institutions that
are no names, words that are never names, particles, roles, places and ages; the English ones
with them: function words, salutations and cues, months, places of origin. Declared here
once, so that the vocabulary of the masking can be read in one place.
"""

from __future__ import annotations

import re


def words(text: str) -> frozenset[str]:
    """The blank-separated words of ``text``."""
    return frozenset(text.split())


# --- English (refugees' cards) ---------------------------------------------------------------

FUNCTION_WORDS = words(
    """
    the a an my our we you they he she it its his her him them us me i to for of is are am was
    were be been want have has had not with at please need there this that these those what when
    where who why how very because from your can will would could should must may might shall
    and or but if then than so too also only just do does did get got go going come came bring
    on by
    let say said tell told give gave take took make made no yes all any some every each about
    after before into out up down over again still here now today tomorrow always never
    les et pour je tu il elle nous vous ils elles un une avec dans sur pas est merci bonjour
    salut mais ou qui que au aux ce cette mon ma mes très bien beaucoup
    """
)
"""English (and French) words that are no German words: two of them make a card English (or
French), and none of them is a name — but "will", "may" and "can" (:data:`NAMES_TOO`)."""
NAMES_TOO = frozenset({"will", "may", "can"})
"""Function words that are first names too (Will, May, Can): names after a cue."""
SALUTATIONS = words("mr mr. mrs mrs. ms ms.")
"""English salutations: the word after them is a family name (in any case)."""
CUES = words(
    """
    called named family son brother sister daughter wife husband uncle aunt cousin friend friends
    neighbour neighbor teacher caseworker translator interpreter volunteer mentor coach dear
    thank thanks thx hi hello c'est c’est tante onkel oma opa cousine baba mama papa
    """
)
"""English words after which a lexicon word is a name ("called Mark", "my brother Ali")."""
MONTHS_DAYS = words(
    """
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    """
)
DAYS = words(
    """
    monday tuesday wednesday thursday friday saturday sunday lundi mardi mercredi jeudi
    vendredi samedi dimanche janvier février fevrier avril juin juillet août aout septembre
    octobre novembre décembre decembre
    """
)
"""Weekdays and French months: never a name without a cue, in any card ("meet on monday",
"à samedi"; Monday is a Nigerian first name)."""
PLACES = words(
    """
    syria aleppo homs idlib damascus daraa raqqa latakia hama deir afrin kobani qamishli
    afghanistan kabul herat mazar mazar-i-sharif kandahar kunduz jalalabad ghazni
    iraq baghdad mosul erbil sulaymaniyah kirkuk basra sinjar duhok
    iran tehran teheran shiraz isfahan mashhad tabriz
    eritrea asmara somalia mogadishu hargeisa ethiopia addis sudan khartoum darfur
    nigeria lagos abuja enugu kano gambia banjul ghana accra guinea conakry senegal dakar
    libya tripoli benghazi tunisia tunis morocco rabat algeria algier algiers
    lampedusa lesbos lesvos moria samos chios kos
    turkey türkei istanbul izmir gaziantep ankara
    ukraine kyiv kiew kiev kharkiv charkiw odesa odessa mariupol lviv dnipro
    yemen sanaa aden pakistan lahore karachi albania tirana kosovo pristina
    lebanon beirut jordan amman palestine gaza
    syrian syrians afghan afghans iraqi iraqis iranian iranians eritrean eritreans somali
    somalis nigerian nigerians sudanese turkish kurdish kurd kurds arab arabs arabic farsi dari
    pashto tigrinya ukrainian ukrainians russian yazidi
    habibi habibti azizam
    tigray amhara oromia georgia georgian georgians tbilisi kurdistan rojava chechnya mali
    bamako cameroon congo kinshasa freetown bangladesh dhaka myanmar rohingya calais idomeni
    balkans ramadan eid newroz nowruz bayram
    """
)
"""Countries, regions and cities the participants come from or passed through, their peoples
and languages, and words of endearment ("habibi"): no names (the name lexicons hold some of
them, "Homs", "Libya", "Herat")."""

# --- German -----------------------------------------------------------------------------------

PLURAL_BEFORE = {"die", "den", "the"}
WEAK = {"bei", "an", "mit", "laut", "für"}
"""Prepositions before a name (bei Ahmad): a cue for lexicon first names only."""
GREETINGS = {("ramadan", "kareem"), ("ramadan", "mubarak"), ("eid", "mubarak")}
"""Greetings whose second word is also a name ("Ramadan Kareem")."""
GROUP_AFTER = frozenset({"family", "brothers", "sisters", "twins", "kids", "children"})
"""Words after a family name that say it is one ("the Nwankwo family", "the Rahimi brothers")."""
CUE_PAIRS = {
    ("am", "i"),
    ("is", "name"),
    ("ist", "name"),
    ("heiße", "ich"),
    ("heisse", "ich"),
    ("bin", "ich"),
    ("ist", "hier"),
    ("to", "thanks"),
    ("to", "thank"),
}
"""Two words before a name: (the word right before it, the one before that)."""
PARTICLES = {"al", "el", "von", "van", "de", "du", "zu", "vom", "ter", "ten", "bin", "abu"}
PARTICLE_NAME = re.compile(r"(?:al|el|ad|as|ash|at|az|ibn|bin|abu|de|di|da|van|von)-[A-ZÄÖÜ]")
PARTICLE_LOWER = re.compile(r"(?:al|el|ibn|bin|abu)-[a-zäöü]{3}")
"""A name with a particle in a text typed in lower case ("die familie al-hassan")."""


# Cues before a name: a lexicon word after them is a name even if it is also a German word.
STRONG_CUES = (
    words(
        """
    ansprechpartner ansprechpartner*in ansprechpartner/in ansprechpartnerin ansprechperson
    bruder dank danke dolmetscher dolmetscherin dr dr. ehefrau ehemann enkel enkelin fam.
    familie fr fr. frau gez. herr herrn hr hr. kontakt kontakt: lehrkraft leitung moderation neffe
    nichte patenschaft prof prof. schwester sohn sprachpate sprachpatin tochter unterschrift
    zitat zuständig famille monsieur madame mme
    """
    )
    | CUES
    | SALUTATIONS
)
# Cues always followed by a surname: any capitalised word after them is a name.
SURNAME_CUES = (
    words(
        """
    bruder dr dr. ehefrau ehemann enkel enkelin fam fam. familie fr fr. frau herr herrn hr
    hr. neffe nichte prof prof. schwester sohn tochter famille monsieur madame mme
    """
    )
    | SALUTATIONS
)
# Words after a salutation that are an office, not a name (Frau Bürgermeisterin, Herr Landrat).
OFFICE = re.compile(
    r"(?:ober)?(?:bürger)?meister(?:in)?|land(?:rat|rätin)|\w*(?:minister|präsident|direktor|"
    r"leiter|referent|dezernent|sekretär|beauftragt|vorsitzend|abgeordnet|beigeordnet|pfarrer|"
    r"rektor|professor|doktor|kolleg|nachbar|kommissar)\w*|stadtrat|stadträtin|gemeinderat|"
    r"gemeinderätin|pastor(?:in)?|richter(?:in)?|anwalt|anwältin|konsul(?:in)?",
    re.IGNORECASE,
)
# Capitalised words that are never a name nor a surname in these texts.
NOT_NAME = words(
    """
    name telefon e-mail mail tel fax handy herrn hr fr frauen herren dame damen mac pc
    der die das den dem des ein eine einer und oder
    aber auch bei mit für von vom zum zur im in an am auf aus nach über unter vor bis seit
    wegen ohne gegen ab als wie wo was wer wenn dass ob sie er es wir ihr ich man alle bitte
    danke dank kontakt termin frau herr familie familien kinder kind mutter vater eltern
    tochter sohn bruder schwester mann team gruppe ak arbeitskreis verein kreis jobcenter
    caritas diakonie tafel vhs ihk hwk gu awo drk kita schule stadt gemeinde landkreis
    landratsamt rathaus ausländerbehörde agentur sekretariat schulsozialarbeit
    kirchengemeinde realschule grundschule gymnasium hochschule moschee pfarrei bosch
    daimler aldi lidl rossmann jung alt frei sankt st mo di mi do fr sa so montag dienstag
    mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni juli
    august september oktober november dezember
    mama papa oma opa roma sinti salam selam marhaba merhaba shalom holle mustermann
    musterfrau normalverbraucher arabisch farsi dari paschtu kurdisch tigrinya somali türkisch
    russisch ukrainisch englisch französisch deutsch
    """
)
# A word that names a place or institution: a name before it belongs to that institution.
INSTITUTION = re.compile(
    r"(?i)(?:stiftung|straße|strasse|str\.|weg|platz|allee|gasse|schule|gymnasium|realschule|"
    r"kirche|haus|hospital|klinik|park|zentrum|werk|bad|berg|markt|hof|verein|institut|"
    r"universität|akademie|halle|brücke|ring|damm|ufer|tor|kaserne|siedlung|preis|tag)$"
)
SAINT_WORD = re.compile(r"(?:Sankt|St\.|Hl\.|Heilige[rn]?|heilige[rn]?)\Z")  # ≤ 8 characters
ABBREV = re.compile(r"(?<![\w.])[a-zäöü]\.\s*$")  # z. B., u. a.: no initial
ARTICLES = words(
    """
    der die das dem den des ein eine einen einem einer zum zur im am vom beim ins the a an
    """
)
TITLES = {"dr", "prof", "med", "phil"}
# A role before a name (Pfarrer Schäfer, Sozialarbeiterin Petra, Roma-Mediatorin Sevdija):
# the capitalised word after it is a name.
ROLE = re.compile(
    r"(?i)(?:[\w-]*(?:lehrer|arbeiter|mediator|berater|betreuer|trainer|koordinator|"
    r"dolmetscher|übersetzer|erzieher|pfarrer|pastor|hausmeister|sachbearbeiter|kollege|"
    r"nachbar)(?:in)?|[\w-]*(?:pate|patin|kollegin|helferin|helfer))"
)
# The first name of a placeholder person (Max Mustermann, Otto Normalverbraucher)
PLACEHOLDER = {"mustermann", "musterfrau", "normalverbraucher"}
# After these a capitalised word is a place or a thing, not a person (aus Herat, Villa Emma)
PLACE_BEFORE = {"aus", "nach", "villa", "café", "cafe", "projekt", "programm", "initiative"}
MONTH_ABBREV = {"jan", "feb", "mär", "apr", "jun", "jul", "aug", "sep", "okt", "nov", "dez"}
# family words after a hyphen that make the part before it a family name (Wardak-Kinder)
FAMILY_TAIL = re.compile(
    r"-(?:kinder|kind|zwillinge|familie|eltern|geschwister|sohn|tochter|söhne|töchter|baby|"
    r"mädchen|jungen|brüder|schwestern)\Z",
    re.IGNORECASE,
)
AGE = re.compile(r"\s*[(,]\s*\d{1,2}\s*(?:J\.|Jahre|jährig|J\b)")
VERB_END = re.compile(r"(?:t|en|st|te|ern|eln)$")
