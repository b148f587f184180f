"""Reporting cues and the small vocabularies speaker parsing leans on (compiled once at import)."""

from __future__ import annotations

import re

from service.extraction.attribution.patterns import Pattern, Registry
from service.text.calendar import MONTH_NAMES, WEEKDAYS


def wordset(text: str) -> frozenset[str]:
    """A frozen set of the whitespace-separated words of a literal (keeps long vocabularies readable)."""
    return frozenset(text.split())


def alternation(words: tuple[str, ...]) -> str:
    """A regex alternation of literal words, in the given order ("Monday|Tuesday|...")."""
    return "|".join(re.escape(word) for word in words)


# Weekday and month names as news prints them ("on Monday", "in March"), from the one calendar vocabulary.
CAPITALISED_WEEKDAYS = tuple(day.capitalize() for day in WEEKDAYS)
CAPITALISED_MONTHS = tuple(month.capitalize() for month in MONTH_NAMES)
# Wire agencies and networks that sign datelines: "CHICAGO, July 9 (Reuters) - ".
AGENCIES = (
    *("AP", "Reuters", "AFP", "CNN", "UPI", "Bloomberg", "dpa", "DPA", "Xinhua", "TASS", "Tass", "Sputnik"),
    *("RIA Novosti", "Interfax", "IANS", "PTI", "ANI", "EFE", "Anadolu", "BBC", "NHK", "Kyodo", "Yonhap"),
    *("IRNA", "SANA", "Al Jazeera", "CBS", "NBC", "ABC", "CNBC", "Fox News", "The Hill"),
)


# Verbs that introduce speech. Past, present and base forms are all listed so "says" and "said" both count.
SAY_VERBS = wordset(
    "said says say told tells tell stated states added adds stressed stresses noted notes revealed reveals "
    "warned warns maintained maintains claimed claims argued argues insisted insists explained explains "
    "announced announces acknowledged acknowledges admitted admits asserted asserts declared declares "
    "emphasized emphasizes emphasised emphasises confirmed confirms denied denies cautioned cautions "
    "contended contends conceded concedes observed observes remarked remarks recalled recalls indicated "
    "indicates signaled signalled signals vowed vows pledged pledges alleged alleges concluded concludes "
    "disclosed discloses reiterated reiterates underlined underlines underscored underscores elaborated "
    "elaborates wrote writes write conclude tweeted tweets posted predicted predicts suggested suggests "
    "estimated estimates "
    "reported reports complained complains replied replies responded responds assured assures informed "
    "informs reminded reminds highlighted highlights agreed agrees believes believed thinks thought "
    "mentioned mentions continued continues countered counters testified testifies affirmed affirms "
    "found finds showed shows concluded asked asks joked jokes quipped shouted yelled wondered exclaimed "
    "warn insist argue note explain predict believe think stress contend concede acknowledge"
)

# Verbs of the manner of speaking that attribute a quote only when it follows or precedes them directly
# ("Trump boasted, “…”", "“…,” she scoffed."): too loose for a cue anywhere else in a sentence.
MANNER_VERBS = wordset(
    "boasted boasts bragged brags declared declares proclaimed proclaims quipped quips joked jokes scoffed "
    "scoffs sneered sneers mocked mocks shouted shouts yelled yells screamed cried exclaimed chanted chants "
    "sang sings thundered thunders snapped snaps retorted retorts muttered mutters whispered whispers sighed "
    "laughed pleaded pleads mused muses marveled marvelled cracked cracks griped gripes grumbled fumed "
    "raged ranted gushed gushes conceded concedes continued continues began begins concluded concludes "
    "wrote writes tweeted tweets posted posts texted emailed typed read reads answered answers interjected "
    "interrupted offered offers summed opined opines vowed vows promised promises warned warns asked asks"
)

# Cues that may take a bare clause ("said he would"); the rest need "that" unless the attribution trails.
BARE_CLAUSE_VERBS = wordset(
    "said says say told tells saying added adds stressed noted warned insisted argued explained wrote writes "
    "believes thinks thought predicted estimated claimed claims warn warns insist insists argue argues note "
    "notes explain explains predict predicts believe think stress stresses add contend contends contended "
    "concede concedes conceded acknowledge acknowledges acknowledged"
)

# Findings verbs only count with a study-like subject ("the study found"), never a person's "found".
FINDING_VERBS = wordset("found finds showed shows concluded concludes estimated estimates")

# Words that may stand between a subject and its cue: "has also said", "reportedly told".
CUE_LEAD_WORDS = (
    *("has", "have", "had", "will", "would", "also", "previously", "later", "again", "repeatedly"),
    *("further", "then", "once", "reportedly", "recently", "earlier", "already", "often"),
    *(r"has\s+also", r"had\s+also", r"has\s+previously", r"has\s+long", r"had\s+previously"),
    *(r"has\s+since", r"had\s+since", r"has\s+repeatedly", r"has\s+publicly"),
    # Manner and time adverbs: "O'Malley frequently notes", "officials subsequently told", "bluntly said".
    *("frequently", "subsequently", "openly", "bluntly", "flatly", "privately", "publicly", "initially"),
    *("immediately", "quickly", "consistently", "explicitly", "specifically", "falsely", "wrongly"),
    *("correctly", "famously", "proudly", "quietly", "frankly", "candidly", "emphatically", "firmly"),
    *("strongly", "angrily", "separately", "formally", "officially", "eventually", "finally", "simply"),
    *("ultimately", "originally", "personally", "jokingly", "routinely", "regularly", "usually", "now"),
)
# The cue itself, by form; the first that fits at a place is the cue read there.
CUES = Registry(
    "cues",
    (
        Pattern("say_verb", "|".join(sorted(SAY_VERBS, key=len, reverse=True)), "a speech verb: said, told"),
        Pattern("pointed_out", r"pointed\s+out|points\s+out", "a phrasal speech verb"),
        Pattern("went_on_to_say", r"went\s+on\s+to\s+say", "a continued statement"),
        Pattern(
            "fired_back",
            r"(?:fired|fires|shot|shoots|hit|hits|pushed|pushes|snapped|snaps)\s+back",
            "a retort: fired back, snapped back",
        ),
        Pattern("retorted", r"retorted|retorts", "a retort verb"),
        Pattern(
            "quoted_as_saying",
            r"(?:was|were|is)\s+quoted\s+(?:by\s+(?:[\w.&'\u2019-]+\s+){1,6}?)?as\s+saying",
            "an agency's report of words: was quoted by Interfax as saying",
        ),
        Pattern(
            "quoted_someone_as_saying",
            r"quoted\s+(?!by\b)(?:[\w.&'\u2019-]+,?\s+){1,12}?as\s+saying",
            "a paper's report of someone's words: Tass quoted Deputy Minister X as saying",
        ),
    ),
    prefix=rf"\b(?:(?:{'|'.join(CUE_LEAD_WORDS)})\s+)*(?P<verb>",
    suffix=r")\b",
)
CUE_RE = CUES.regex

PRONOUNS = wordset("he she they He She They I We we")

# Words that name an office or rank; they go to `role`, never into a person's name.
TITLE_WORDS = wordset(
    """president vice prime minister ministers deputy secretary head chief director spokesman spokeswoman
    spokesperson ambassador envoy general gen gen. lt lt. col col. maj maj. sen sen. senator rep rep.
    representative gov gov. governor mayor chairman chairwoman chair ceo commander coordinator acting
    foreign defense defence interior state justice attorney federal senior top former assistant
    undersecretary under counselor adviser advisor leader king queen prince princess sheikh emir pope judge
    officer official lawyer professor prof prof. dr dr. mr mr. mrs mrs. ms ms. press national security
    intelligence analyst economist executive founder manager member speaker lieutenant colonel major
    captain capt capt. sgt sgt. cpl cpl. det det. sergeant admiral marshal chancellor premier
    foreign-minister counter counter-terrorism
    counterterrorism terrorism affairs finance trade economy economic energy health education
    homeland public relations information communications director-general secretary-general
    commissioner inspector superintendent sheriff detective chairperson president-elect
    councillor councillors cllr cllr. baroness sir dame
    taoiseach tánaiste coroner pc dc ds dci supt insp shri smt
    ministry department service agency office council committee house center centre institute
    university bureau commission party army police force forces navy administration government
    cabinet parliament congress senate court embassy mission staff spokesmen councilman councilwoman
    councilmember alderman alderwoman assemblyman assemblywoman congressman congresswoman legislator
    lawmaker trustee district county city state's attorney-general attorney general solicitor
    surgeon dean provost rabbi bishop cardinal archbishop imam reverend rev rev. father sister coach
    u.s. us un eu nato white kremlin pentagon the of for and on in at"""
)

IRREGULAR_PLURALS = frozenset({"people", "police", "men", "women", "children"})
# Heads of descriptive mentions: "the official", "a senior diplomat", "the study".
PERSON_NOUNS = wordset(
    """official officials spokesman spokeswoman spokesperson minister secretary president director chief
    head ambassador envoy analyst analysts expert experts source sources diplomat diplomats lawmaker
    lawmakers senator governor mayor leader commander general officer officers investigator investigators
    prosecutor prosecutors researcher researchers scientist scientists aide aides adviser advisers advisor
    advisors representative representatives chairman chairwoman coordinator negotiator negotiators
    person people witness witnesses resident residents activist activists lawyer lawyers attorney
    economist economists executive executives member members observer observers deputy
    officer spokespeople sheriff judge author authors traders trader investors investor strategists
    doctors doctor nurses teachers students parents voters farmers workers employees owners owner
    critics supporters opponents organizers organisers protesters demonstrators survivors victims
    relatives neighbors neighbours locals citizens residents aide aides staffer staffers insiders
    participants delegates experts forecasters meteorologists economists scientist scientists
    inspector inspectors auditor auditors regulator regulators
    historian historians professor professors researcher engineer engineers pilot pilots soldier
    soldiers troops medics rescuers firefighters founder founders nurse nurses chef owner manager
    director directors lawmaker mother father son daughter wife husband widow brother sister friend
    neighbor neighbour resident tenant landlord farmer worker employee student teacher pastor priest
    nominee nominees candidate candidates challenger incumbent frontrunner front-runner front-runners host
    anchor reporter reporters
    journalist journalists writer defendant defendants plaintiff plaintiffs suspect victim survivor
    commentator strategist pollster organizer organiser chairperson ceo founder co-founder cofounder
    president-elect governor-elect senator-elect mayor-elect
    authorities negotiator mediator mediators charities
    councillor councillors mp mps msp msps mep meps pm
    groups organizations organisations agencies monitors activists campaigners officers agents
    clerk clerks cashier cashiers customer customers shopper shoppers passenger passengers driver drivers
    fan fans player players teammate teammates coach coaches guard guards bartender waiter waitress
    homeowner homeowners commuter commuters patient patients veteran veterans retiree retirees grower
    growers producer producers vendor vendors merchant merchants shopkeeper contractor contractors
    trooper troopers deputies firefighter paramedic paramedics dispatcher administrator administrators
    principal superintendent counselor therapist physician physicians surgeon pharmacist pharmacists
    epidemiologist epidemiologists meteorologist forecaster climatologist ecologist biologist chemist
    physicist geologist psychologist sociologist spokespeople representative planner planners
    consultant consultants broker brokers banker bankers trader dealer dealers landlords tenants
    volunteer volunteers donor donors mourners onlookers bystander bystanders eyewitness eyewitnesses
    singer singers actor actors actress rapper musician musicians artist artists author filmmaker director
    athlete athletes golfer pitcher coordinator influencer podcaster comedian novelist poet designer
    owner-operator entrepreneur entrepreneurs scholar scholars attorney attorneys lobbyist lobbyists
    quarterback kicker punter receiver linebacker cornerback lineman pitcher catcher shortstop outfielder
    infielder goalkeeper goalie midfielder defender forward center rookie rancher grocer
    mechanic electrician plumber welder machinist fisherman colleague colleagues co-authors coauthors
    man men woman women councilman councilwoman councilmember congressman congresswoman assemblyman
    assemblywoman alderman alderwoman legislator legislators senators republican republicans democrat
    democrats independent independents
    taoiseach tánaiste cm coroner landlady stockbroker stockbrokers skipper pal pals insider"""
)
ORG_NOUNS = wordset(
    """ministry department government agency office police military army council committee commission
    kremlin pentagon company firm group organization organisation bureau service embassy administration
    authorities authority court party coalition alliance union navy forces force campaign institute
    center centre foundation network newspaper agency's white house cabinet parliament congress senate
    team club league federation association regime society fund bank corporation corp inc ltd llc
    charity network movement front brigade watch international commission tribunal university hospital
    ministry's times post journal news tribune herald media television tv broadcaster outlet outlets
    newspapers local chapter caucus delegation district operator maker manufacturer developer retailer utility
    insurer lender carrier airline automaker chain provider distributor supplier owner agency mission trust
    board province"""
)
STUDY_NOUNS = wordset(
    "study report survey poll analysis research paper review assessment statement affidavit complaint "
    "indictment lawsuit filing documents memo transcript warrant petition audit release testimony "
    "studies reports surveys analyses papers reviews assessments statements affidavits complaints "
    "indictments lawsuits filings memos transcripts warrants petitions audits releases"
)
# "according to UN estimates" attributes a number, not a statement.
DATA_NOUNS = wordset("estimates estimate figures data statistics records census polls numbers")

# Metonymic speakers: capitals and countries standing for their governments.
PLACES = wordset(
    """Russia Moscow China Beijing Washington Iran Tehran Israel Ukraine Kyiv Kiev Turkey Ankara Syria
    Damascus Britain London France Paris Germany Berlin Japan Tokyo India Pakistan Islamabad Iraq Baghdad
    Egypt Cairo Jordan Amman Qatar Doha Lebanon Beirut Afghanistan Kabul Canada Ottawa Mexico Brazil
    Italy Rome Spain Madrid Poland Warsaw Seoul Pyongyang Taiwan Taipei Venezuela Cuba Havana Australia
    Canberra Riyadh Brussels Geneva Vienna Minsk Belarus Georgia Tbilisi Armenia Azerbaijan Baku Libya
    Tripoli Yemen Sanaa Sweden Stockholm Norway Oslo Finland Helsinki Denmark Greece Athens Hungary
    Budapest Europe NATO EU UN OPEC ASEAN Hamas Hezbollah Taliban Kremlin Pentagon Congress Tokyo"""
)

ANONYMITY_RE = re.compile(
    r"condition of anonymity|requested anonymity|asked not to be (?:named|identified)|"
    r"declined to be (?:named|identified)|not authori[sz]ed to (?:speak|discuss|comment)|"
    r"spoke on condition|who (?:did not|didn't) want to be (?:named|identified)|on background|"
    r"familiar with|asked that (?:his|her|their) names? not be (?:used|published|printed|disclosed|given)|"
    r"names? (?:be |was |were )?withheld|insisted on anonymity|granted anonymity|"
    r"(?:has|have) not been (?:named|identified)|(?:did not|didn't) wish to be (?:named|identified)",
    re.I,
)

# Clause openers that make a bare clause after "said" believable ("said he would ...").
CLAUSE_OPENERS = wordset(
    """he she they it we i you there the a an his her their its this these those some many most no all
    any several more fewer less foreign its our my your one two three four five six seven eight nine
    ten moscow washington at about nearly almost only roughly around just both each every nobody none
    if when whether because without unless not up over under"""
)

# Verbs and prepositions that look like descriptors but make the words a clause ("made landfall near X").
NOT_DESCRIPTORS = wordset(
    "made took gave told came went met won lost left hit led put set ran saw got near over under across into "
    "onto about against among between through toward towards without within behind beyond along around amid "
    "per via upon past like unlike than says said tells asked urged named"
)
# Party labels printed before a name ("Democrat Carla Moreno"): neither name nor office.
PARTY_WORDS = wordset(
    "Democrat Democratic Republican Independent GOP Libertarian Labour Tory Conservative Liberal"
)
# Words that open a sentence or a phrase but never a name: "In", "Asked", "Meanwhile".
NOT_NAME_START = wordset(
    "In On At After Before During From With For By Since Despite Under Over Asked Speaking But And When "
    "While If As Although Though Because Meanwhile However Still Yet Last This Earlier Later Then Now Also So"
)
# Scene-setting adverbs that open a sentence before its subject: "Nearby, Walt Henning, a grower, said".
FRONTED_ADVERBS = wordset(
    "Nearby Outside Inside Elsewhere Afterward Afterwards Earlier Later Separately Similarly Likewise "
    "Meanwhile Instead Today Yesterday Overall Privately Publicly Downstairs Upstairs Downtown "
    "Nationally Locally Abroad Again Finally Ultimately Initially Previously Recently Additionally "
    "Moreover Still Now Then"
)
# Pronouns, auxiliaries and relatives: a phrase holding one is a clause, not a noun phrase.
NOT_MODIFIERS = wordset(
    "it he she they we i you is was were are be been has have had will would could should can may might must "
    "to that which who whom whose this these those there here not also did do does"
)
# Words that open clauses, never describe a person: "when Defense Ministry Deputy Head X revealed".
FUNCTION_WORDS = wordset(
    "when while as but and after because since although though where whereas then so if that which who whom "
    "before until once yet also said says told with from into onto about than there here only even just"
)
# Lower-case words inside names ("Osama bin Laden", "Syrian Observatory for Human Rights").
NAME_CONNECTORS = wordset("of for the and al bin ibn de van von da di du le la el abu der den ter del")
# Words that open a description ("the official", "two people", "both men").
DETERMINERS = wordset(
    "the a an another one two three four five several some many other its his her their our both all most few"
)
