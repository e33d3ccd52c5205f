"""The red-flag list as patterns: what sends a message to emergency, crisis or urgent care.

Each rule names its tier and category (docs/triage.md lists them with their sources). A rule
matches inside one clause of the message; a match is dropped when the clause, before it, says
the symptom is absent ("no numbness"), or when the clause places it in the past ("years ago") or
asks about it in general ("what are the warning signs of ..."). Crisis and urgent-care rules are
not dropped for the past: "I had cancer" is what makes new back pain urgent.

Plain Python with no Rasa import: the triage component, the benchmark's keyword peer and the
tests all use it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from clinic.triage.spelling import corrected
from clinic.triage.tiers import CRISIS, EMERGENCY, URGENT_CARE, Tier

# Apostrophes are dropped before matching, so "can't" is written "cant" in the patterns.
NOT = r"(?:cant|cannot|can not|unable to|couldnt|no longer able to)"
SUDDEN = r"(?:sudden(?:ly)?|all of a sudden|out of nowhere|just now|right now|this morning|today)"
LEGS = r"(?:legs|feet|both sides)"
GROIN = (
    r"(?:groin|crotch|saddle|genitals?|privates?|private (?:area|parts)|down there|perine\w*"
    r"|inner thighs?|between (?:my|his|her|their) legs|taint|penis|scrotum|testicles|balls|vagina"
    r"|vulva|labia|anus)"
)
# Tingling in the buttocks is everyday sciatica; only lost feeling there is a saddle sign.
BUTTOCKS = r"(?:butt(?:ocks)? cheeks|bum|buttocks|backside|down below|bottom|butt|rear end)"
NUMB_ONLY = r"(?:numb\w*|no feeling|lost (?:all )?(?:the )?feeling|cant feel|asleep|dead)"
NUMB = (
    r"(?:numb\w*|no feeling|lost (?:all )?(?:the )?feeling|cant feel|tingl\w*|pins and needles"
    r"|par(?:a)?esth\w*)"
)
SELF = r"(?:my ?self|himself|herself|themselves|themself)"
PAST_INJURY = (
    r"(?:fell(?! asleep)|fall(?:en)?(?! asleep)|slipped|crash(?:ed)?|accident|collision|hit by"
    r"|rear[- ]ended"
    r"|thrown (?:off|from)|dove|diving|tackled|landed on|wreck(?:ed)?|knocked (?:down|over))"
)


TOGETHER = "^(?=.*"


def together(*parts: str) -> str:
    """A pattern that matches a clause holding every part, in any order."""
    return "^" + "".join(rf"(?=.*\b(?:{part}))" for part in parts)


@dataclass(frozen=True)
class Rule:
    category: str
    tier: Tier
    pattern: re.Pattern[str]
    # Rules for lasting conditions (a cancer history) hold even when the clause is in the past.
    past_counts: bool = False

    @property
    def across_sentences(self) -> bool:
        """A rule made with together() needs its parts anywhere, not in one order."""
        return self.pattern.pattern.startswith(TOGETHER)


def _rule(category: str, tier: Tier, *patterns: str, past_counts: bool = False) -> list[Rule]:
    return [Rule(category, tier, re.compile(p), past_counts) for p in patterns]


RULES: tuple[Rule, ...] = (
    *_rule(
        "cauda_equina",
        EMERGENCY,
        rf"\bboth (?:of )?(?:my |his |her )?(?:legs|feet)\b.{0,40}(?:{NUMB}|weak\w*|heavy|dead"
        r"|gave out|giving out|wont (?:hold|work)|useless|sciatica"
        r"|(?:like )?(?:rubber|jelly|jello|noodles|spaghetti))",
        r"\bsciatica in both\b|\bsciatica (?:on )?both (?:sides|legs)\b|\bbilateral sciatica\b",
        r"\bbladder (?:is )?(?:not|isnt|wont|doesnt|never) (?:fully )?empty\w*",
        r"\bwetting (?:myself|himself|herself|the bed)\b",
        r"\bno sensation when i (?:pee|wipe|go|urinate)\b",
        r"\bcant (?:feel|tell) (?:anything )?(?:when|if|whether) i (?:wipe|(?:need|have) to"
        r" (?:go|pee|wee|urinate)|pee|go)\b",
        r"\b(?:cant|couldnt|not|dont|didnt|barely) feel "
        r"(?:the )?(?:toilet|seat|tissue|chair|wiping)",
        r"\b(?:strain\w*|push\w*) (?:really )?(?:hard )?to (?:pee|urinate)\b",
        r"\bbarely anything (?:came|comes) out\b",
        rf"\b{BUTTOCKS}\b.{{0,40}}(?:{NUMB_ONLY}|lost sensation)",
        rf"{NUMB_ONLY}.{{0,20}}\b{BUTTOCKS}\b",
        r"\blost (?:all )?sensation\b",
        rf"{NUMB}.{{0,40}}\b{GROIN}\b",
        rf"\b{GROIN}\b.{{0,40}}{NUMB}",
        r"\b(?:lost|losing|lose|no) (?:the )?(?:control|feeling) (?:of|over|in) (?:my |his |her )?"
        r"(?:bladder|bowels?)",
        rf"\b{NOT} (?:to )?(?:control|hold|feel) (?:my |his |her )?"
        r"(?:bladder|bowels?|pee|urine|poop)",
        rf"\b{NOT} (?:to )?(?:pee|urinate|go to the (?:bathroom|toilet)|empty my bladder)",
        r"\b(?:havent|have not|hasnt|didnt) (?:been able to )?(?:peed|pee|urinated|weed|wee)\b",
        r"\b(?:wet|peed|pooped|soiled|pissed|shit) (?:myself|himself|herself|my pants|the bed)",
        r"\bincontinen\w*|\bbowel accidents?\b",
        r"\b(?:bladder|bowels?) (?:is |are |has |have )?(?:gone|stopped|not working|quit)",
        r"\bleaking (?:urine|pee)\b",
        rf"\bboth (?:of my )?(?:legs|feet)\b.{{0,40}}(?:{NUMB}|weak\w*|dead|gave out|giving out"
        r"|wont (?:hold|work)|useless)",
        rf"(?:{NUMB}|weak\w*|dead)\b.{{0,25}}\bboth (?:of my )?(?:legs|feet)\b",
        r"\bcauda equina\b",
        r"\bsaddle (?:an(?:a)?esthesia|par(?:a)?esth\w*|numbness|sensory loss)\b",
        r"\b(?:reduced|decreased|lax|poor|loss of|absent) anal tone\b",
        r"\bbilat\w* (?:foot drop|leg weakness|sciatica)\b",
        r"\b(?:hasnt|havent|has not|have not|not) (?:been able to )?(?:pass(?:ed)?|passing)"
        r" (?:any )?(?:urine|water)\b",
        rf"\b{GROIN}\b.{{0,20}}\b(?:feels?|felt|gone|went|is|are) (?:\w+ )?dead\b",
    ),
    *_rule(
        "chest_pain",
        EMERGENCY,
        r"\b(?:angina|nitro\w*|nitroglycerin)\b.{0,50}\b(?=(?:didnt|doesnt|wont|hasnt|isnt|is not"
        r"|not|aint) (?:help|work))",
        together(
            r"chest|breastbone|sternum",
            r"pain|pressure|tight|heav|hurt|crush|squeez|vice|band"
            r"|elephant|clutch|closing|burn|ache|aching|sharp|stab|weigh",
        ),
        r"\bchest\b.{0,25}(?:pain|pressure|tight\w*|heav\w*|hurts?|hurting|squeez\w*|crush\w*"
        r"|ache|aching|discomfort|burning|sharp|stabbing|elephant)",
        r"(?:pain|pressure|tightness|heaviness|squeezing|crushing|aching|discomfort|weight)\b"
        r".{0,25}\b(?:in|on|across|through) (?:my |his |her |the )?chest\b",
        r"\bchestpain\b",
        r"\belephant (?:is |was )?(?:sitting|standing|stepping|lying) on (?:me|my chest)\b",
        together(
            r"fist|pushing on me|pressing on me|sitting on (?:me|my chest)|squeez\w*|vice",
            r"drenched|soaked|sweat\w*|clammy|short of breath|left arm|jaw"
            r"|(?:down|into) (?:my |his |her |the )?arm",
        ),
        r"\bheart attack\b",
        r"\b(?:pain|ache|tightness|pressure)\b.{0,40}\b(?:into|down|up) (?:my |his |her )?"
        r"(?:left arm|jaw)\b",
    ),
    *_rule(
        "breathing",
        EMERGENCY,
        r"\b(?:oxygen|o2|sats?|saturation|pulse ?ox\w*)\b.{0,40}\b(?:[5-8]\d|low|dropping)\b",
        together(
            r"breath\w*|breathe|breathing|breathless|get air|air in",
            r"cant|hard|struggl|trouble|fast|shallow"
            r"|short|weird|gasp|drown|only say|finish a sentence|wont",
        ),
        r"\b(?:suffocat\w*|asthma attack|drowning)\b",
        rf"\b{NOT} (?:really |properly |catch (?:my|his|her) )?(?:breathe?|breath)\b",
        rf"\b{NOT} (?:take|get|pull in) (?:a )?(?:deep|full) breath\b",
        r"\b(?:hard|difficult|trouble|struggling|struggle|difficulty) (?:to |with |)?breath\w*",
        r"\bshort(?:ness)? of breath\b",
        r"\b(?:only|barely) (?:get|take|getting|taking|manage|managing) (?:little|small|tiny|short"
        r"|shallow|half) breaths\b",
        r"\b(?:gasping|wheezing badly|choking)\b",
        r"\b(?:lips?|face|fingers?) (?:(?:is|are|have|has) )?"
        r"(?:went |turning |turned |going |gone )?"
        r"(?:blue|purple)\b",
        r"\bcant get (?:enough )?air\b",
        r"\b(?:breathing|breath) (?:is |feels )?"
        r"(?:hard|difficult|labored|laboured|shallow|weird)\b",
    ),
    *_rule(
        "stroke",
        EMERGENCY,
        together(
            r"eye|vision|see\b(?! (?:a|any|the) (?:way|point|future|end|light))",
            r"black|dark|went out|cant see\b|couldnt see\b|curtain",
        ),
        together(
            r"eye|vision|sight",
            r"went (?:dark|black)|gone|curtain|lost|go(?:ne|ing) black"
            r"|half (?:my|of)|blurr\w* (?:out of nowhere|suddenly|all of a sudden)",
        ),
        together(
            SUDDEN + r"|all at once|instantly|minutes? ago|an hour ago|woke up",
            r"weak\w*|numb\w*|limp|floppy|cant move|wont move|cant lift|cant feel|confus\w*"
            r"|no (?:movement|strength)",
            r"legs?|arms?|side|face|body|hand|foot|words|speech|speaking|talking",
        ),
        r"\bcant (?:find|get) (?:his|her|my|the) words\b",
        r"\b(?:speech|voice|words) (?:sounds?|is|are|seems?) (?:off|wrong|weird|strange)\b",
        r"\bdrool\w* (?:from |out (?:of )?)?(?:one|the (?:left|right)) side\b",
        r"\btalking nonsense\b",
        r"\bcant (?:feel|move|lift) (?:the )?(?:right|left) (?:side|arm|leg|hand)\b",
        r"\b(?:right|left) side (?:of my (?:body|face) )?(?:went|is|feels) (?:weak|numb|dead)\b",
        r"\b(?:face|mouth|smile|eyelid|lip)\b.{0,25}\b(?:droop\w*|sag\w*|lopsided|crooked|numb)",
        r"\bdroop\w*\b.{0,25}\b(?:face|mouth|smile|side)\b",
        r"\bslurr\w*",
        r"\b(?:words?|speech|talking|speaking)\b.{0,25}\b"
        r"(?:wrong|jumbled|garbled|mixed up|weird|slurred"
        r"|slow|thick|off"
        r"|wont come out|not coming out|messed up)",
        rf"\b{NOT} (?:speak|talk|get (?:my|the) words out|find (?:my|the) words)\b",
        rf"\b{SUDDEN}\b.{{0,40}}\b(?:blind|cant see|lost (?:my |the )?(?:vision|sight)"
        r"|vision (?:went|loss|is gone)|blurr\w*)",
        r"\b(?:lost|losing|loss of) (?:the )?(?:vision|sight)\b",
        r"\bone side of (?:my |his |her |the )?(?:body|face)\b",
        r"\b(?:arm|hand|leg|side)\b.{0,20}\b(?:went|is|feels|gone|going) (?:all )?"
        r"(?:weak|numb|dead|limp|floppy)\b.{0,40}\b(?:sudden\w*|out of nowhere|just now|minutes?"
        r"|an hour|cant lift)",
        rf"\b{SUDDEN}\b.{{0,30}}\b(?:weak|numb|limp)\w*\b.{{0,20}}\b(?:arm|hand|face|side|leg)\b",
        r"\b(?:having|is having|might be having|think (?:i|he|she) (?:am|is|was) having) a"
        r" stroke\b",
        r"\bstroke (?:symptoms|signs)\b(?!.{0,20}\b(?:are|look like)\b)",
        r"\bhemi(?:paresis|plegi\w*)\b|\baphasi\w*|\bdysarthri\w*|\bfast (?:positive|\+)",
    ),
    *_rule(
        "neck_artery",
        EMERGENCY,
        together(
            r"neck (?:treatment|adjustment|manipulation|session)|after (?:my |the )?"
            r"(?:adjustment|chiro\w*|manipulation)",
            r"unsteady|off balance|cant walk straight" r"|worst pain|slurr\w*|vision",
        ),
        together(
            r"adjust\w*|manipulat\w*|crack\w*|chiro\w*|neck (?:was )?(?:worked on|session"
            r"|treatment|twisted)|twisted my neck|did my neck"
            r"|salon|hair (?:washed|wash\w*)|head tilted back",
            r"dizz\w*|vertigo|falling over|keep falling|cant swallow|nause\w*|vomit\w*|double"
            r"|doubling|cant see straight|vision|drunk|dropped|gave out|numb|weak|falling|eyes"
            r"|bump\w* into|walk\w* into (?:walls|things|doors)|balance|unsteady|stagger\w*"
            r"|wobbl\w*|speak\w*|talk\w*|words|walk straight|tilting|spinning|flashing"
            r"|stay standing|side feels (?:odd|weird|numb|heavy|strange|off)"
            r"|one side of my (?:face|body)",
        ),
        r"\b(?:after|since|from|following)\b.{0,40}\b(?:adjust\w*|manipulat\w*|crack\w*|popp\w*"
        r"|treatment|session|chiro\w*|massage)\b.{0,60}\b(?:dizz\w*|vertigo|spinning|double vision"
        r"|seeing double|swallow\w*|slurr\w*|collapsed|pass(?:ed)? out|blacked out|faint\w*"
        r"|vomit\w*|throwing up|unsteady|cant walk straight|off balance)",
        r"\b(?:dizz\w*|vertigo|spinning|double vision|seeing double|cant swallow|trouble swallowing"
        r"|collapsed|passed out|blacked out|fainted)\b.{0,60}\b(?:after|since)\b.{0,40}"
        r"\b(?:adjust\w*|manipulat\w*|crack\w*|chiro\w*|neck treatment|neck was)",
        r"\b(?:double vision|seeing double|seeing two of everything)\b",
        rf"\b(?:{NOT}|trouble|hard to|difficulty) (?:to )?swallow\w*\b.{{0,40}}\b(?:neck|speak|talk"
        r"|dizz\w*)",
        r"\bdrop attacks?\b",
        r"\b(?:legs|knees) (?:just )?(?:gave out|buckled|gave way)\b.{0,40}\b(?:no warning|out of"
        r" nowhere|suddenly|dropped)",
        r"\b(?:suddenly|out of nowhere)\b.{0,20}\b(?:collapsed|dropped to the (?:floor|ground))",
        r"\b(?:massage|adjust\w*|manipulat\w*|crack\w*|chiro\w*|neck (?:treatment|session))\b"
        r".{0,80}?\b(?:drop\w* to the (?:floor|ground)"
        r"|(?:legs|knees) (?:just )?(?:gave out|buckled|gave way))",
        # ...told the other way round ("my knees buckled twice since the chiro did my neck").
        r"\b(?:legs|knees) (?:just )?(?:gave out|buckled|gave way)\b.{0,40}\b(?:since|after)\b"
        r".{0,30}\b(?:adjust\w*|manipulat\w*|crack\w*|chiro\w*|neck (?:treatment|session))",
        r"\b(?:everything|things) (?:is|are|looks?) double\b",
        r"\b(?:adjust\w*|manipulat\w*|crack\w*|chiro\w*)\b.{0,60}\bsudden (?:severe|sharp|intense"
        r"|terrible|bad) (?:pain|headache)",
    ),
    *_rule(
        "thunderclap_headache",
        EMERGENCY,
        r"\b(?:headache|head pain)\b.{0,30}\b(?:slammed|hit me like|kicked|like a (?:bomb"
        r"|gunshot|bat|truck))",
        r"\b(?:instant|sudden|explosive|blinding)\b.{0,15}\b(?:agony|pain"
        r"|explosion)\b.{0,10}\bin my head\b",
        together(
            r"headache|hedache|head pain|pain (?:in|at|on) (?:the (?:back|top|side) of )?my head"
            r"|migraine|head (?:feels|just)",
            r"out of nowhere|all at once|instantly|in a second|sudden\w*|lightning|bam|explo\w*"
            r"|worst(?! (?:part|thing|bit))|never had|0 to 10|zero to ten|ten times worse"
            r"|way worse than any",
        ),
        r"\bworst pain (?:ive|i have) ever had in my head\b",
        r"\bworst headache\b",
        r"\bthunderclap\b",
        r"\bheadache\b.{0,50}\b(?:sudden\w*|out of nowhere|like (?:i was |being |getting )?"
        r"(?:hit|struck|shot)|explo\w*|came on in seconds|in seconds)",
        r"\b(?:sudden\w*|explosive|out of nowhere|excruciating)\b.{0,25}\bheadache\b",
        r"\b(?:head|skull)\b.{0,20}\b(?:explod\w*|split(?:ting)? open)",
    ),
    *_rule(
        "meningitis",
        EMERGENCY,
        r"\b(?:spots|rash|dots)\b.{0,40}\b(?:dont|doesnt|wont|do not|does not) "
        r"(?:go away|fade|disappear|blanch)\b.{0,20}\b(?:pressed|press|glass)",
        together(r"rash|spots|blotch\w*", r"fever\w*|high temp\w*|temperature|burning up", r"neck"),
        r"\brash\b.{0,40}\b(?:like (?:little )?bruises|purple|doesnt fade|wont fade)\b",
        r"\b(?:non[- ]?blanch\w*|(?:doesnt|does not|wont|dont|do not) blanch)\b",
        together(
            r"fever\w*|temp\w*|chills|burning up|feverish",
            r"(?:lower|touch|bend|put|get) (?:my |his |her )?chin",
        ),
        together(
            r"fever\w*|temp\w*|chills|burning up|feverish|febrile",
            r"neck (?:is |feels |got |so |super |really )*(?:stif+|rigid|locked|wont bend"
            r"|cant bend)|stif+ neck|neck stiff\w*|neck rigid\w*|cant bend my neck|bend it"
            r"|move his neck|move her neck|cant look down",
        ),
        r"\b(?:fever\w*|temperature|burning up|feverish|chills)\b.{0,80}\b(?:stiff|rigid)\b.{0,15}"
        r"\bneck\b",
        r"\b(?:stiff|rigid)\b.{0,15}\bneck\b.{0,80}\b(?:fever\w*|temperature|burning up|feverish)",
        together(
            r"headache|head (?:is )?(?:pounding|splitting)|light hurts|vomit\w*|throwing up"
            r"|confus\w*|drowsy",
            rf"{NOT} (?:touch|bend|put|get) (?:my |his |her )?chin (?:to|on|down to)",
        ),
        r"\brash\b.{0,40}\b(?:doesnt|does not|wont) fade\b",
        r"\bmening\w*",
        r"\bnuchal rigidity\b|\bpetechia\w*|\bpurpur\w*",
    ),
    *_rule(
        "major_trauma",
        EMERGENCY,
        together(
            r"slammed|landed on (?:my )?(?:head|neck)|thrown|went over|t[- ]?boned"
            r"|rear[- ]ended|wrestl\w*|tackled|dove|diving|car accident|crash\w*|mvc|mva|rtc|rta",
            r"tingl\w*|numb\w*|electric|shocks?|weak\w*|cant move|cant feel|pins and needles"
            r"|par(?:a)?esth\w*",
        ),
        together(
            r"fell\b(?! asleep)|fall(?:en|ing)?\b(?! asleep)|crash\w*|accident|hit by|wreck"
            r"|collided"
            r"|collision|tackle\w*|speared"
            r"|over (?:the |my )?handlebars|t ?boned|rolled (?:my|the) car|hit hard|trampoline|dove"
            r"|diving",
            r"numb\w*|weak\w*|tingl\w*|cant move|wont grip|feels? weird|burning down|cant feel"
            r"|paraly\w*|cant walk|cant get up|severe pain|in bad pain|hurts a lot",
        ),
        r"\bhit by a (?:car|truck|bus|van|vehicle|motorcycle)\b",
        r"\b(?:fingers?|thumb|toes?) (?:is |are |was |were )?(?:almost |nearly |partly |half "
        r"|partially )?(?:off|cut off|severed|hanging off)\b",
        rf"\b{PAST_INJURY}\b.{{0,120}}\b(?:{NUMB}|weak\w*|paralyz\w*|cant move|cant walk"
        r"|cant stand|cant get up)",
        rf"\b(?:{NUMB}|cant move (?:my )?(?:legs|arms|neck))\b.{{0,80}}\b(?:since|after) "
        rf"(?:the |my |a |i )?{PAST_INJURY}",
        rf"\b(?:just|an hour ago|minutes ago|earlier today|this morning|last night|today"
        rf"|yesterday|tonight)\b.{{0,60}}\b{PAST_INJURY}\b.{{0,80}}\b(?:neck|back|spine|head)\b",
        rf"\b{PAST_INJURY}\b.{{0,60}}\b(?:just now|an hour ago|minutes ago|earlier today"
        r"|this morning|last night|today|yesterday|tonight)\b.{0,80}\b(?:neck|back|spine)\b",
        r"\b(?:fell|fall|fallen) (?:off|from|down) (?:a |the |my )?(?:ladder|roof|stairs|balcony"
        r"|scaffold\w*|horse|tree|cliff|building|second floor)\b",
        r"\b(?:car|motorcycle|bike|motorbike|truck|bus) (?:crash|accident|wreck)\b.{0,60}\b(?:just|"
        r"today|hour|minutes|tonight|this morning|yesterday)\b",
    ),
    *_rule(
        "head_injury",
        EMERGENCY,
        together(
            r"hit|bump|bang|smack|whack|struck|hard hit to the|fell and hit|head injury|concuss",
            r"head",
            r"vomit\w*|threw up|thrown up|throwing up|not making sense|cant remember"
            r"|keep forgetting|pupil|fluid|seizure"
            r"|same question|confus\w*|drowsy|passed out|knocked out|sleepy|slurr\w*|a fit|fitting"
            r"|convuls\w*|shaking",
        ),
        r"\b(?:hit|bumped|banged|smacked|whacked|struck|cracked|knocked)\b.{0,30}\bhead\b.{0,100}"
        r"\b(?:vomit\w*|throw(?:ing)? up|threw up|puk\w*|confus\w*|pass(?:ed)? out|knocked out"
        r"|black(?:ed)? out|drowsy|sleepy|cant stay awake|pupils?|dont remember|memory)",
        r"\bhead (?:injury|trauma|knock)\b.{0,80}\b(?:vomit\w*|throw(?:ing)? up|threw up|confus\w*"
        r"|drowsy|pass(?:ed)? out)",
        r"\bconcuss\w*\b.{0,80}\b(?:vomit\w*|throw(?:ing)? up|threw up|confus\w*|drowsy)",
        r"\b(?:vomit\w*|throw(?:ing)? up|threw up|confus\w*)\b.{0,60}\b(?:hit|bumped|banged|smacked"
        r"|whacked|struck) (?:my |his |her )?head\b",
        r"\b(?:knocked|was) (?:out|unconscious)\b",
    ),
    *_rule(
        "tearing_pain",
        EMERGENCY,
        r"\btorn apart\b",
        together(
            r"tearing|ripping|ripped|like a rip|torn",
            r"back|spine|chest|through|shoulder blades|belly",
        ),
        r"\b(?:tearing|ripping|ripped|torn|tore)\b.{0,40}\b(?:pain|sensation|feeling)\b.{0,60}"
        r"\b(?:chest|back|through|between|belly|stomach|abdomen)",
        r"\b(?:tearing|ripping)\b.{0,40}\b(?:chest|back|between my shoulder|through)",
        r"\b(?:something|it) (?:ripped|tore|is tearing|was tearing)\b.{0,40}\b(?:inside|chest|back"
        r"|belly)",
        r"\baort\w*",
    ),
    *_rule(
        "anaphylaxis",
        EMERGENCY,
        together(
            r"lips? (?:are |is )?(?:huge|swollen|swelling|puffed)|voice\b.{0,30}(?:hoarse|tight)"
            r"|hives",
            r"wheez\w*|breath\w*|hoarse|tight|swell\w*|throat",
        ),
        r"\b(?:throat|tongue|lips?|mouth|face)\b.{0,25}\b(?:swell\w*|swollen|closing|closed|puff\w*"
        r"|tight\w*|thick)",
        r"\b(?:swell\w*|swollen)\b.{0,20}\b(?:throat|tongue|lips?)\b",
        r"\bhives\b.{0,80}\b(?:breath\w*|throat|wheez\w*|swell\w*|dizz\w*)",
        r"\b(?:breath\w*|throat|wheez\w*|swell\w*)\b.{0,80}\bhives\b",
        r"\banaphyla\w*",
        r"\bepi ?pen\b",
        r"\ballergic reaction\b.{0,80}\b(?:breath\w*|throat|tongue|swell\w*|wheez\w*)",
    ),
    *_rule(
        "sudden_paralysis",
        EMERGENCY,
        r"\b(?:lower body|legs?|arms?|body)\b.{0,10}\b(?:just |suddenly )?(?:stopped working"
        r"|quit working)\b",
        r"\b(?:legs?|arms?) (?:wont|will not|dont|do not|didnt) (?:respond|work|move|listen)\b",
        r"\blegs? (?:stopped working|didnt respond|wont move|wont hold|arent there|collapsed"
        r"|just collapsed|gave out)\b",
        rf"\b{NOT} f[ie]e?l (?:my )?legs\b",
        r"\bnumb\w* from (?:my |the )?(?:chest|waist|belly button|hips) down\b",
        r"\b(?:waist|chest) down\b.{0,20}\bnumb",
        rf"\b{NOT} (?:move|feel) (?:my |his |her |either )?(?:legs|body|feet|anything below)",
        rf"\b{SUDDEN}\b.{{0,30}}\b{NOT} (?:walk|stand|move)\b",
        rf"\b{NOT} (?:walk|stand)\b.{{0,30}}\b{SUDDEN}\b",
        r"\bparaly\w*|\b(?:para|quadri|tetra)(?:pleg|pares)\w*|\bsensory level\b",
        r"\b(?:legs?|arms?) (?:went|are|is|just) (?:completely )?(?:dead|limp|useless)\b",
        r"\b(?:legs|knees) (?:gave out|collapsed|buckled)\b.{0,40}\bcant (?:stand|get up|walk)",
    ),
    *_rule(
        "other_emergency",
        EMERGENCY,
        r"\b(?:bitten|bit|bite|stung) (?:\w+ ){0,3}(?:by|from) (?:a |an )?(?:\w+ )?"
        r"(?:snake|rattlesnake|rattler|copperhead|cottonmouth|viper|adder)\b|\bsnake ?bites?\b"
        r"|\b(?:snake|rattlesnake|rattler|copperhead|cottonmouth|viper|adder) (?:just )?bit\b",
        # An infection with fever and a mind that is not clear (sepsis).
        together(
            r"fever|febrile|temp\w*|\d\d\.\d|chills|shiver\w*",
            r"confused(?! (?:about|by|whether|if|why|how|what|as|on|with))|disorient\w*|delirious"
            r"|not making sense|muddled",
        ),
        # An opioid taken beyond its dose, with the drowsiness of an overdose.
        together(
            r"fentanyl|opioids?|oxy\w*|morphine|methadone|hydrocodone|tramadol|codeine"
            r"|extra (?:patch|pills?|dose)|double (?:dose|patch)|too many (?:pills|of my)",
            r"drowsy|(?:cant|barely|hardly) (?:keep my eyes open|stay awake)"
            r"|breathing (?:is )?(?:slow|shallow)|pinpoint|(?:wont|cant) wake",
        ),
        r"\b(?:boiling|scalding) (?:water|oil)\b|\bskin\b.{0,20}\b(?:peeling off|coming off"
        r"|melting|hanging off|falling off)\b"
        r"|\bburn\w*\b.{0,40}\b(?:huge|massive|giant|big) blisters\b"
        r"|\bsevere burns?\b",
        r"\b(?:sugar|glucose) (?:is |was |at )?(?:[1-5]\d)\b|\blow (?:blood )?sugar\b.{0,40}"
        r"\b(?:confus\w*|shak\w*|sweat\w*|pass\w* out)",
        r"\b(?:bgl|bsl|bg|blood sugar|blood glucose|sugar|glucose)"
        r" (?:is |was |at |of )?[0-2]\.\d\b",
        r"\b(?:wont|cant|unable to|refus\w*) (?:to )?(?:take|swallow|eat|drink) (?:any |the )?"
        r"(?:oral )?(?:glucose|sugar|juice)\b",
        r"\bpregnant\b.{0,60}\b(?:bleeding|cramping|contractions|waters? broke)\b",
        together(r"pregnan\w*|weeks along", r"bleeding|contractions|waters? broke"),
        r"\b(?:bleeding (?:a lot|heavily|badly|through)|heavy bleeding|soak\w* (?:through )?"
        r"(?:a |my )?pads?)\b",
        r"\bcoffee[- ]grounds?\b",
        r"\bbones? (?:is |are )?(?:sticking|poking|coming) (?:out|through)\b|\bcompound fracture\b"
        r"|\b(?:crushed|mangled)\b.{0,40}\b(?:blood|bleeding)\b|\b(?:so much|lots of) blood\b",
        r"\b(?:drank|drunk|swallowed|ate|eaten|drinking|swallowing|got into) (?:some (?:of )?)?"
        r"(?:the |a |an |my |our )?"
        r"(?:bleach|detergent|poison\w*|antifreeze|drain cleaner|laundry pods?|rat poison"
        r"|cleaning (?:fluid|product)|button batter\w*|pesticide|weed killer)\b|\bpoison control\b",
        together(
            r"tylenol|acetaminophen|paracetamol|advil|ibuprofen|aspirin|aleve|pills|tablets",
            r"\d\d+ (?:\w+ )?(?:pills|tablets|a day)|way too many|whole bottle"
            r"|(?:double|triple) the",
            r"throw\w* up|vomit\w*|puk\w*|yellow|confus\w*|stomach",
        ),
        r"\b(?:barely|not) (?:properly |fully )?(?:responding|responsive|conscious|waking up"
        r"|awake)\b|\bunresponsive\b",
        together(
            r"fit|fitting|seizure|convuls\w*",
            r"not (?:properly |fully )?(?:awake|waking|responding)|wont wake|still out|jerking"
            r"|twitching|turned blue|foaming",
        ),
        r"\bseizure\b",
        together(
            r"collapsed|unconscious|passed out",
            r"not responding|isnt responding|wont wake|kitchen" r"|floor|ground",
        ),
        r"\bcollapsed\b",
        r"\bbleeding (?:that )?(?:wont|will not|doesnt) stop\b",
        r"\b(?:spurt\w*|gush\w*|pumping|pouring|squirt\w*) (?:out )?(?:blood|bright red)\b"
        r"|\bblood\b.{0,15}\b(?:spurt\w*|gush\w*|pumping out|pouring out|squirt\w*)",
        r"\b(?:black|tarry) (?:tarry )?stools?\b",
        r"\b(?:poo\w*|stools?|shit\w*)\b.{0,12}\b(?:black|tar|tarry)\b"
        r"|\b(?:black|tarry|tar)\b.{0,12}\b(?:poo\w*|stools?|shit\w*)\b",
        r"\b(?:still|keeps|started|been|is|was|hes|shes|theyre) fitting\b",
        r"\baneurysm\b",
        r"\bnot breathing\b|\bwont wake up\b",
        r"\b(?:cough\w*|spitting|vomit\w*|throwing) (?:up )?blood\b",
        r"\bblood\b.{0,20}\b(?:cough\w*|vomit\w*)",
        r"\b(?:pass(?:ed|ing)? out|faint(?:ed|ing)?|black(?:ed|ing)? out|lost consciousness)\b",
        r"\b(?:puls\w*|throbb\w*|beating)\b.{0,30}\b(?:belly|stomach|abdomen|tummy|lump|mass)\b",
        r"\b(?:call(?:ed|ing)?|need|get) (?:an? )?(?:911|ambulance)\b",
        r"\b(?:this is|its|having|i have) an emergency\b",
        r"\b(?:heart (?:is )?(?:racing|pounding)).{0,40}\b(?:faint|dizz\w*|chest)",
    ),
    *_rule(
        "suicidal_thoughts",
        CRISIS,
        r"\b(?:research\w*|looking up|looked up|look up|googl\w*|reading up on) (?:\w+ ){0,2}"
        r"(?:methods|ways to (?:die|end it|do it|kill)"
        r"|how to (?:end it|die|kill|do it painlessly))\b",
        r"\b(?:gun|pistol|rifle|revolver)\b.{0,20}\b(?:is )?(?:out|loaded|in my hand|to my head"
        r"|in my mouth)\b",
        r"\b(?:tallest|highest) (?:bridge|building|cliff)\b",
        r"\b(?:im|i am|standing|sitting|waiting|lying) (?:\w+ ){0,2}(?:at|on) the (?:train "
        r"|railroad |rail )?"
        r"(?:tracks|platform edge)\b",
        r"\bwont matter (?:after|by|past) (?:tonight|tomorrow|today|this weekend)\b",
        r"\b(?:ill|i will) be gone\b(?! (?:for|on|until|till|from|next|this|all"
        r"|by|over|at|in|during|when|while|to|tomorrow))$",
        r"\btell my (?:family|kids|children|wife|husband|mom|mother|dad|parents|son|daughter)"
        r" (?:that )?"
        r"i (?:love|loved) (?:them|her|him|you)\b",
        r"\bhose\b.{0,40}\b(?:car|exhaust|tailpipe)\b|\b(?:car|exhaust|tailpipe)\b.{0,40}\bhose\b",
        r"\bunaliv\w*|\bsleep forever\b|\bwhere (?:im|i am) going\b|\bmade my decision\b",
        r"\btonights the night\b|\bstockpil\w*|\bhoard\w* (?:my )?(?:pills|meds|oxy)",
        r"\b(?:suicide|goodbye) (?:note|message|letter)s?\b|\bfound my note\b",
        # A note told alone, with nothing about what it is for ("i wrote a note").
        r"^(?:i )?(?:wrote|have written|ive written|left|finished writing) (?:a|my|the) note$",
        r"\b(?:written|wrote|writing|left) (?:a |my )?(?:note|letter)s? (?:for|to) (?:my )?(?:kids"
        r"|children|family|wife|husband|partner|mom|mum|parents|son|daughter)\b",
        r"\bupdated my will\b|\bmaking (?:final )?arrangements\b|\bsaid (?:my )?goodbyes?\b",
        r"\bgiv(?:e|ing|en) (?:away )?(?:all )?my (?:stuff|things|belongings)\b|\bgave (?:away )?my"
        r" (?:dog|cat|stuff|things)\b|\bput my (?:dog|cat) up for adoption\b",
        r"\b(?:only|one) way out\b|\bnot being alive\b|\bmy last (?:week|day|night) alive\b",
        r"\b(?:done|tired of|sick of) (?:trying to live|fighting|living like this|being alive)\b",
        r"\b(?:going to|gonna|about to|want to) jump\b|\bbought (?:a )?(?:rope|gun)\b",
        r"\b(?:most|how much|how many)\b.{0,40}\b(?:at once|pills|tablets)\b.{0,40}\b(?:stop|end"
        r"|die|wake)\b",
        together(r"took|taken|swallowed|took a bunch", r"pills|tablets|meds|bottle", r"on purpose"),
        rf"\b(?:kill\w*|hurt\w*|harm\w*|end\w*|off) {SELF}\b",
        r"\bsu?ic?idal\b|\bsuicide\b",
        r"\b(?:end|ending|take|taking|finish|finishing) (?:my|his|her|it) (?:own )?(?:life|all)\b",
        r"\b(?:take|taking|swallow|swallowing) (?:all|every one) (?:of )?my (?:\w+ )?"
        r"(?:pills|oxy\w*|meds|tablets|percocet|opioids|painkillers)"
        r" (?:at once|tonight|together)\b",
        r"\b(?:end|ending) (?:it|things|everything)(?: all)?\b",
        r"\b(?:wants?|wanting|wanna|wish|ready|going|planning|plan|ways) (?:to )?die\b",
        r"\b(?:rather|better off|better) (?:be )?dead\b",
        r"\b(?:want|wants|wanna|wish|wishes) to be dead\b",
        r"\b(?:rather|sooner) die than (?:live|living|go on|going on|keep (?:living|going)"
        r"|be alive|face another|spend another|another (?:year|day|month|week))\b",
        r"\bwish (?:i|id) (?:was|were|could be) (?:dead|gone|never born)\b",
        r"\b(?:dont|do not|doesnt|no longer|not) (?:really )?(?:want|wanting|plan|planning) "
        r"(?:to )?(?:live|be alive|be here|be around|wake up|go on|exist|keep going|keep living)\b",
        r"\b(?:never|not|wouldnt|didnt) wake up\b|\b(?:i|hopefully i|maybe i) wont wake up\b",
        r"\b(?:wont|will not|not going to) be (?:around|here|alive)\b",
        r"\bif (?:im|i am) still (?:here|around|alive)\b",
        r"\b(?:better|easier) (?:off )?(?:without me|if i (?:was|were|wasnt|werent|didnt|just)"
        r" (?:gone|here|exist|around|didnt exist))",
        r"\b(?:no|any|see the|cant see (?:a|any)|whats the) (?:reason|point) (?:to|in|of)? ?"
        r"(?:live|living|going on|being alive|keep living)\b",
        r"\b(?:not|isnt|is not|aint) worth (?:living|it anymore)\b",
        r"\b(?:life|living) (?:isnt|is not|aint) worth\b",
        r"\b(?:cant|cannot) (?:go on|keep going|do this anymore|take (?:it|this) anymore)\b",
        r"\b(?:tired of|done with|give up on|giving up on) (?:living|life|being alive|everything"
        r", even living)\b",
        r"\b(?:will|reason) to live\b",
        r"\b(?:stop|not|to not|didnt|just didnt) exist\w*\b",
        r"\bdisappear (?:forever|for good|permanently)\b",
        r"\b(?:thoughts?|thinking|think) (?:of|about) (?:dying|death|not being here|suicide)\b",
        r"\boverdos\w*|\bhow many (?:of my )?pills\b|\b(?:take|taking) them all at once\b",
        r"\bhow (?:many|much) (?:\w+ ){0,5}(?:(?:would|will|does) it take to|would|will|to)"
        r" (?:kill (?:me|myself)"
        r"|end (?:it|my life)|be (?:a )?(?:lethal|fatal))\b",
        r"\bsewer ?slid\w*|\bs[*]icid\w*",
        r"\b(?:jump\w*|drive|driving|crash\w*)\b.{0,30}\b(?:off (?:a |the )?(?:bridge|roof|road"
        r"|building|cliff)|on purpose|into a (?:tree|wall))",
        r"\b(?:rope|gun|noose)\b.{0,40}\b(?:ready|myself|use|using|end|die)\b",
        r"\bgoodbye (?:letters?|notes?|to everyone)\b|\bsaid goodbye to everyone\b",
        r"\bgiving away my (?:things|stuff|belongings)\b",
        r"\b(?:im|i am) not safe\b|\bmy (?:own )?funeral\b|\blast message\b",
        r"\b(?:a|just a) burden (?:to|on) every\w*\b",
        r"\b(?:nobody|no one|noone) would (?:even )?(?:miss|care|notice)\b",
        r"\bsi (?:is |are |has been |pretty |really |so "
        r"|thoughts|ideation|again|getting|worse|bad)",
        r"\b(?:decided|made up my mind)\b.{0,15}\b(?:im|i am) done\b",
        r"\b(?:putting|put|getting|got) my affairs in order\b",
        r"\bgarage\b.{0,40}\b(?:car|engine) (?:running|on)\b|\b(?:car|engine) (?:running|on)\b"
        r".{0,40}\bgarage\b",
        r"\b(?:walk\w*|step\w*|run\w*|jump\w*|throw\w* myself)"
        r" (?:out )?in(?:to| front of) (?:traffic|the road|a train|a bus"
        r"|a truck|oncoming)",
        r"\b(?:standing|sitting|up|stood|sat) on (?:the |a )?(?:roof|ledge|bridge)\b",
        r"\bkms\b|\bctb\b|\bthis is it for me\b",
        # "kys" is most often said to someone else; wanted or planned, it is the visitor's own.
        r"\b(?:(?:want|wanna|going|gonna|about|ready|gotta)(?: to)?|i|ima|imma|ill"
        r"|i (?:should|might|could|will|may))"
        r" (?:just |literally |prob |really |honestly )?kys\b",
        r"\bno point (?:anymore|any more|in (?:anything|any of it|going on|trying)"
        r"|to (?:anything|any of it))\b",
        r"\b(?:easiest|quickest|painless|simplest|cleanest) way out\b(?! of)",
        r"\b(?:thought|thinking|think|planned|planning|figured|worked) (?:out |about )?how"
        r" (?:id|i would|i will|ill|i could|to) do it\b",
        r"\b(?:told|telling) (?:\w+ ){0,3}(?:goodbye|bye)\b",
        r"\btell (?:every(?:one|body)|them all|all of them)\b(?: \w+){0,5} (?:bye|goodbye)$",
        r"\b(?:lethal|fatal|deadly) (?:dose|amount|overdose)\b",
        r"\bsoon (?:none of (?:this|it)|nothing) (?:will|is going to|gonna) matter\b",
        r"\b(?:suicdal|sucidal|suicidial|suisidal|suicidle|sucide|suicde|suiside|suicid)\b",
        r"\b(?:wont|will not|not going to) need (?:it|them|the (?:appointment|appt)"
        r"|my (?:appointment|appt)) after (?:this|tonight|tomorrow|today|the weekend|\w+day)\b",
        r"\bgoing away and (?:im |i am )?not coming back\b",
        r"\b(?:on|from) the (?:roof|ledge) of (?:my|the|a|our) (?:building|apartment|parking"
        r"|garage|hospital|school|office|hotel)\b",
        together(
            r"gun|pistol|revolver|rifle|shotgun|firearm",
            r"sitting (?:here|with)|holding|in my (?:hand|lap)|for (?:an|the last|hours)"
            r"|staring at|next to me|loaded",
        ),
    ),
    *_rule(
        "self_harm",
        CRISIS,
        r"\bself[- ]?injur\w*",
        r"\b(?:point|tip|edge) of (?:a|the|my) (?:compass|knife|blade|pin|needle|scissors|razor)\b",
        r"\b(?:cut\w*|scratch\w*|carv\w*|burn\w*) (?:up |into |at )(?:my )?(?:arms?|wrists?"
        r"|legs?|thighs?|skin)\b",
        r"\bunalive\w*|\bcut too deep\b|\brazor\b|\bsh again\b|\bdid it (?:him|her|my)self\b",
        together(
            r"on purpose|to feel (?:something|in control|real|alive)|to cope|punish\w* myself"
            r"|until (?:it|they) bleeds?"
            r"|until (?:it|they) bruise\w*|til+ (?:it|they) bruise\w*"
            r"|til+ (?:it|they) (?:bled|bleeds?)|until (?:it|they) bled"
            r"|when i (?:feel|get) (?:numb|nothing|empty|bad|overwhelmed|stressed|upset|angry)"
            r"|when (?:im|i am) (?:stressed|upset|angry|overwhelmed)"
            r"|(?:til+|until) (?:theyre|its|it is|they are) (?:purple|black|bruised|bleeding|raw)",
            r"hurt|hit|cut|burn|slam|bang|punch|hammer|scratch|dig|bit|bite|pull|spoon|skin|iron|fist"
            r"|lighter|cigarette|knife|blade",
        ),
        r"\b(?:cuts|cutting|cut|bandages?|scars?|marks)\b.{0,30}\b(?:wrists?|thighs?|forearms?)\b",
        r"\b(?:cuts|cut|burns?) (?:all )?(?:over|on) (?:my|his|her|their) "
        r"(?:arms?|legs?|thighs?|back|stomach|hips?|body|chest)\b",
        r"\b(?:back to|started|start) "
        r"(?:(?:cutting|burning) (?:myself|again)?|hurting (?:myself|again))",
        r"\bbanging my head (?:against|on) the wall\b",
        together(
            r"punish\w*|as (?:a )?punishment|penance|i deserve (?:it|this)"
            r"|(?:dont|do not) deserve (?:to eat|food|meals?)",
            r"starv\w*|not eat\w*|(?:havent|have not|hasnt) eaten|no food|skip\w* meals"
            r"|restrict\w*|fast\w*|throw(?:ing)? up"
            r"|vomit\w*|purg\w*|calories",
        ),
        r"\b(?:got|have|holding) (?:the|a|my) blade\b|\bblade (?:is )?in my hand\b",
        r"\bself[- ]?harm\w*",
        rf"\b(?:cutting|cut|burn|burning|burned|burnt|hit|hitting|scratch\w*|punch\w*) {SELF}\b",
        r"\b(?:cutting|cut|scratch\w*|burn\w*) (?:my )?(?:arms?|wrists?|legs?|thighs?|skin)\b",
        r"\b(?:cutting|cut) again\b",
        r"\bcarv\w* (?:up )?(?:my|his|her) (?:arms?|wrists?|legs?|thighs?|skin)\b",
        r"\b(?:found|caught|saw|walked in on) (?:me|him|her) (?:cutting|burning|hurting)\b",
        r"\bpunch\w* (?:my ?self|my (?:own )?(?:legs?|arms?|thighs?|face|stomach))\b",
        r"\bslit\w* (?:my )?wrists?\b",
        r"\bpull\w* (?:out )?my hair\b.{0,30}\b(?:clumps|bald)",
        r"\b(?:slic|slash|carv|gash)\w* (?:\w+ )?(?:my|into my) (?:arms?|wrists?|legs?|thighs?"
        r"|skin)\b",
        past_counts=True,
    ),
    *_rule(
        "fever_with_back_pain",
        URGENT_CARE,
        together(
            r"fever\w*|temperature|temps?\b|high temp\w*|chills|burning up|feverish|sweats|febrile"
            r"|rigors|pyrexi\w*|t (?:of )?3[89](?:\.\d)?",
            r"back|spine|lumbar|kidney|flank|lbp",
        ),
        r"\brigors\b",
    ),
    *_rule(
        "after_spinal_procedure",
        URGENT_CARE,
        r"\b(?:incision|wound|stitches|staples)\b.{0,40}\b(?:warm|hot|puffy|swollen|red|leak\w*"
        r"|ooz\w*|infected|infection|weeping"
        r"|drain\w*|fluid|pus|opened|open)\b",
        r"\b(?:lumbar puncture|spinal tap)\b.{0,60}\bheadache\b",
        together(
            r"surgery|operation|fusion|laminectomy|discectomy|epidural|injection|steroid shot"
            r"|nerve block|spinal tap|lumbar puncture|procedure|op\b|block|rhizotomy|ablation"
            r"|kyphoplasty|vertebroplasty|acdf",
            r"(?:last|this|past|few|couple|\d+|two|three) (?:weeks?|days?)|yesterday|recently"
            r"|just had|days? ago|weeks? ago|since (?:my|the)",
            r"pain|hurt|worse|numb|weak|leak|red|swollen|fever|ooz|headache|throbb",
        ),
        r"\b(?:incision|wound)\b.{0,40}\b(?:red|oozing|hot|swollen|leaking|draining|pus|puss"
        r"|infected|smells?)\b",
        past_counts=True,
    ),
    *_rule(
        "cancer_history",
        URGENT_CARE,
        together(
            r"cancer|tumou?r|chemo\w*|lymphoma|leukemia|myeloma|melanoma|metasta\w*"
            r"|radiation therapy|oncolog\w*|in remission|(?:lung|breast|prostate|colon|bowel|kidney"
            r"|thyroid|bone) ca\b|hx of ca\b",
            r"back|spine|spinal|neck|night|bone|thoracic|lumbar|rib|hip",
        ),
        past_counts=True,
    ),
    *_rule(
        "worsening_weakness_or_numbness",
        URGENT_CARE,
        r"\bfoot (?:\w+ ){0,2}(?:slap\w*|flop\w*|drag\w*)\b",
        together(
            r"numb\w*|weak\w*|tingl\w*|pins and needles|foot drop|dragging|tripping|clums\w*|grip",
            r"getting worse|worse (?:and worse|every|each|by the)|worsening|spreading|more and"
            r" more|over the (?:last|past) (?:few )?(?:days|week)|each day|every day|progress"
            r"|gotten bigger|getting bigger|grown|growing|getting weaker|gotten weaker"
            r"|getting number|weaker (?:than|every|each|by)"
            r"|up to (?:my |the )?(?:elbow|shoulder|knee|hip|wrist|thigh|waist)"
            r"|spread\w* (?:to|up|into|down|from)|fading|more (?:often|and more)"
            r"|(?:past|last) (?:two|three|few|couple of|\d+) weeks|every week",
        ),
        r"\bfoot (?:drop|is dropping|keeps dropping|slaps|flops)\b",
        r"\b(?:dragging|catching) my (?:foot|toes)\b",
        r"\bfrom [1-5]/5 to [0-4]/5\b",
    ),
    *_rule(
        "weight_loss",
        URGENT_CARE,
        together(
            r"(?:lost|losing|dropped|dropping)\b.{0,25}\b(?:weight|pounds|lbs?|kilos|kgs?|stone)"
            r"|\bdown (?:almost |about |nearly |like |over )?\d+ ?(?:lbs?|pounds|kilos|kgs?)\b"
            r"|(?:weight|wt) loss|getting thin|falling off me"
            r"|(?:clothes|pants|jeans) (?:are )?(?:loose|hanging)"
            r"|rings? (?:slide|slides|falling) off"
            r"|(?:so|really|very) thin|gotten thin"
            r"|(?:havent|have not|not) been dieting"
            r"|(?:a stone|\d+ ?(?:stone|pounds|lbs?|kilos|kgs?)) lost",
            r"back|spine|neck|night|lumbar",
        ),
        r"\b(?:lost|losing|dropped) (?:\w+ ){0,3}(?:weight|pounds|lbs|kilos|stone)(?= without"
        r" (?:trying|dieting|meaning to|any reason|changing)\b)",
    ),
    *_rule(
        "other_urgent",
        URGENT_CARE,
        # A new one-sided headache with a tender scalp and jaw pain on chewing (giant-cell
        # arteritis).
        together(
            r"scalp (?:is |feels )?(?:tender|sore|sensitive)|tender scalp"
            r"|temples? (?:is |are )?tender",
            r"jaw|chew\w*",
            r"headache|head",
        ),
        r"\b(?:pointing|bent|facing|sticking) (?:out )?the wrong way\b|\bthink (?:i|it) (?:broke|is"
        r" broken|fractured)\b",
        r"\bred (?:streak|line)s? (?:going|running|spreading|moving) up\b",
        # A painful blistering rash on one side of the body (shingles).
        together(
            r"blister\w*",
            r"rash|band|strip|stripe|line",
            r"one side|one-sided|right side|left side|single side",
            r"pain\w*|hurt\w*|burn\w*|sting\w*|ache\w*|sore",
        ),
        # One swollen, painful calf (a clot in the leg); not both calves sore after a run.
        together(
            r"calf",
            r"swell\w*|swollen|puffy|puffed",
            r"pain\w*|tender|hurt\w*|sore|warm|hot|red|ach\w*",
        ),
        r"\b(?:cant|cannot|unable to|couldnt) (?:put|bear|take) (?:any |much )?weight"
        r" (?:on|through)\b",
        together(
            r"(?:burn\w*|hurts?|pain) (?:when|while) (?:i )?(?:pee|peeing|urinat\w*)"
            r"|(?:burning|painful) urination|blood when i (?:pee|peed|urinate)|blood in"
            r" (?:my )?(?:urine|pee)|iv drug\w*|inject(?:ing)? (?:drugs|heroin)|heroin"
            r"|immunosuppress\w*|transplant|hiv|on steroids",
            r"back|spine|neck|fever",
        ),
        together(
            r"osteoporosis|brittle bones|long[- ]term steroids|prednisone|osteopenia",
            r"sudden\w*|new|bump\w*|fell|cough\w*|sneez\w*|minor|lifting|bent|just started"
            r"|started hurting|began",
            r"back|spine|rib",
        ),
        past_counts=True,
    ),
)

# "doesnt stop", "wont fade": a negated verb that says a sign persists.
PERSISTS = (
    r"stop\w*|go(?:ing)? away|ease|let up|get(?:ting)? better|improv\w*|help\w*|work\w*"
    r"|change\w*|matter|fade\w*|blanch\w*|disappear\w*|go down|heal\w*|resolve\w*|budge"
)
# Characters before a match in which a negation word denies it (about four words).
NEGATION_REACH = 24
# A match that ends a list after a negation: "no fever, chills or ...".
LISTED = re.compile(r"(?:,| or| nor| and)\s*$")
LIST_REACH = 60
# Shortly before a match, in its clause: the symptom is absent.
NEGATION = re.compile(
    r"\b(?:no|not|nor|never|without(?! (?:trying|dieting|meaning|any reason|reason|warning"
    r"|effort))|none|denies|deny|dont|do not|doesnt|does not|didnt|did not"
    r"|havent|have not|hasnt|isnt|arent|wasnt|werent|zero(?! to)|free of|ruled out|rule out"
    r"|(?<!from )(?<!of )nothing"
    r"(?! (?:i|we|you|works?|seems|has|is|can|will|makes?|stops?|else)\b))\b"
    # ...but not a symptom that persists ("didnt stop", "wasnt there before") or a doubt.
    rf"(?! (?:{PERSISTS}|there"
    r"|sure|certain|know|diet\w*|trying|try|been (?:diet\w*|trying)|movement in|strength in"
    r"|(?:have |got |carry )?(?:my |an? |the |any )?(?:epi ?pens?|auto ?injectors?|inhalers?)"
    r"|(?:properly |fully )?(?:awake|waking)"
    r"|(?:any |a |clear |apparent |obvious )?reason"
    r"|explanation|idea why|(?:fully )?empty\w*"
    r"|(?:a |just |like |from )?(?:cramp|muscle|muscular|pulled|strain|spasm|knot|lifting"
    r"|normal|typical|usual)))"
)
CRISIS_DENIAL = re.compile(
    r"\b(?:not|never|no longer|nothing|zero|dont have any|do not have any|havent had any)"
    r" (?:\w+ ){0,3}(?:suicid\w*|kms|kys|unaliv\w*|kill(?:ing)? myself|hurt(?:ing)? myself"
    r"|harm(?:ing)? myself"
    r"|self[- ]harm\w*|end(?:ing)? (?:it|my life)|off myself|jump|danger to myself|hurt myself"
    r"|thoughts of|in (?:a )?crisis|done with (?:life|living)"
    r"|(?:thinking|thoughts?) (?:about|of) (?:dying|death|suicide|ending (?:it|my life)))"
    r"|\bno (?:\w+ )?(?:suicidal|self[- ]harm|thoughts|plans|urges?|wish|desire|intent\w*)"
    r"|\basked (?:me )?(?:if|whether)\b.{0,60}\b(?:and|,) (?:honestly |truthfully )?"
    r"(?:(?:i )?(?:said|answered|told (?:him|her|them)) )?(?:no|i dont|i do not)\b"
    r"|\b(?:the answer is|answer:?|\?) no\b|\b(?:i dont|i do not)\b[.,]? (?:but|and)\b"
    r"|\b(?:dont|do not|not) (?:really |actually )?want to "
    r"(?:die|kill myself|hurt myself|end my life|unalive myself)\b"
    r"|\b(?:was|im|i am|just) (?:joking|kidding) about\b"
    r"|\b(?:not|never) wanting to die\b|\bnot saying (?:that )?i\b"
    r"|\bnot (?:with |done with )?(?:life|living)\b"
    r"|\bfree (?:of|from) (?:\w+ ){0,2}(?:self[- ]harm\w*|cutting|suicid\w*)"
    r"|\b(?:thought|felt like|feel like) (?:i was |id |i would )?(?:going to |gonna )?die\b"
)
# An urge fought now is no denial ("struggling not to self harm right now").
CRISIS_URGE = re.compile(
    r"\b(?:struggl\w*|trying (?:so |really )?hard|fighting|barely managing|urges?) (?:\w+ ){0,2}"
    r"not to\b"
)
# A sign the visitor says they do not feel coming, further back than NEGATION_REACH ("i dont feel
# like im going to pass out").
DENIED_FEELING = re.compile(
    r"\b(?:dont|do not|didnt|did not|never) (?:feel|felt|think|thought) (?:like |that )?"
    r"(?:im|i am|i was|ill|i will|id|i would|i) (?:going to |gonna |about to |might )?$"
)
# A word after which a negation before it no longer applies.
CONTRAST = re.compile(r"\b(?:just|but|only|though|however|instead|except|yet|i mean)\b")
# A crisis told as over: recovered, and nothing says it is back.
RECOVERED = re.compile(
    r"\b(?:doing (?:\w+ )?(?:well|great|good|ok|okay|better|amazing|fine)|(?:good|fine|ok|well)"
    r" now|in a (?:good|better|great) place|in good spirits|been managed"
    r"|recover\w*|clean|sober|stable|resolved|behind me|past that"
    r"|over that|chapter is closed|thriving|been (?:well|good|fine)|fine ever since|went away"
    r"|no issues since|got help|much better|so much better|happy|healthy|(?:therapy|treatment"
    r"|medication|counseling) (?:helped|fixed|worked)|fixed (?:it|that)|long past|different"
    r" (?:life|place|person)|(?:been|doing|feeling) (?:good|well|great|fine|ok) for"
    r"|feeling great|havent (?:done|had|felt) (?:it|that|those|them)|(?:old|ancient) history"
    r"|(?:part of my life|chapter) is over|turned my"
    r" life around|healthier ways|(?:im|i am) \d\d now|(?:a|an) (?:nurse|peer counselor|dad|mom"
    r"|mother|father|runner) now|managed now|out of that|okay now|ok now|happily"
    r"|(?:got|came|made it) through (?:it|that)|havent (?:since|in (?:\w+ ){0,2}(?:years|yrs))"
    r"|(?:all|its all|its|thats|that is|it is) in the past|over it long ago|got over it"
    r"|(?<!be )(?<!was )fine for (?:\w+ )?(?:years|yrs|a long time)"
    r"|last (?:time |episode |one )?in (?:19|20)\d\d|old scars|(?<!not )long ago"
    r"|(?:im|i am|now) \d\d and (?:well|fine|good|ok|okay|healthy)|healed"
    r"|(?:hes|shes|theyre|he is|she is|they are) (?:\w+ )?(?:good|fine|well|great|better)"
    # ...and the visitor is here now for an everyday complaint ("now just need help with my back").
    r"|now (?:i )?(?:just |only )?(?:need|want|looking for|here (?:for|about)) (?:some )?(?:help )?"
    r"(?:with|for|about) (?:my|his|her) (?:lower |upper )?(?:back|neck|shoulders?|hips?|posture))\b"
)
# A body part that "wants to die" is a figure of speech ("lol my neck wants to die after that
# flight"), not the visitor's own wish.
CRISIS_FIGURE = re.compile(
    r"\b(?:my|this) (?:neck|back|body|legs?|feet|knees?|shoulders?|muscles|spine|traps|hamstrings?)"
    r" (?:\w+ )?(?:wants?|is (?:going|gonna|about)) to die\b"
    r"|\bdie of (?:embarrassment|shame|boredom|laughter|laughing|cringe)\b"
)
# Everyday figures of speech with death or killing in them ("my boss is going to kill me", "the
# death of me"): the model may read a crisis in them that no rule finds.
CRISIS_IDIOM = re.compile(
    r"\b(?:going to|gonna|will|would) kill me\b|\b(?:death|end) of me\b|\b(?:would|could|id)"
    r" (?:literally )?(?:murder|kill) (?:someone|somebody|for)\b|\brather die than\b"
    r"|\bkilling me\b|\bnot (?:thinking (?:about|of) )?ending anything\b|\bto die for\b"
    r"|\b(?:scared|bored|worried) to death\b"
    r"|\b(?:going to|gonna|will|would|could) (?:strangle|throttle|murder) (?:my|him|her|them)\b"
    # Spanish pain told as a fear of dying, no wish to die ("pensé que me iba a morir").
    r"|\b(?:pens[eé]|cre[ií]|sent[ií]|juraba) que me (?:iba a morir|mor[ií]a)\b"
    r"|\b(?:duele|dol[ií]a|doli[oó]) a morir\b"
)
# After a dated crisis, at the clause's end: it is over ("years ago i had thoughts of suicide, not
# anymore"). Only after the sign: before it, "not anymore" may start despair.
OVER_SINCE = re.compile(r"\b(?:not|no) (?:any ?more|longer)$")
RELAPSE = re.compile(
    r"\b(?:again|is back|are back|came back|coming back|back to|relaps\w*|lately|these days|tonight"
    r"|this week|right now)\b"
)
# A crisis asked about in general, not a visitor's own ("can chronic pain make people
# suicidal?"); narrower than GENERAL, which would drop "what happens if i take all my pills".
CRISIS_GENERAL = re.compile(
    r"\b(?:make|makes|making) people|\brates?\b|\brisk\b|\bwhy (?:does|do|is|are)\b"
    r"|\bmore likely to\b"
    r"|\bis it true\b|\b988 (?:number|line|hotline) for\b"
    r"|\bis (?:it|that|988|the 988 (?:line|number)) only for\b"
    r"|\bstandard for\b|\bwho should\b|\bprotocol\b|\bheadline\b"
    r"|\bpodcast\b|\bgeneral advice\b|\bjust curious\b|\bis 988\b|\bcause (?:depression"
    r"|suicid\w*)|\bintake form\b|\bquestionnaire\b|\bform (?:asks|asked)\b"
    r"|\bif a (?:patient|client|person|friend|loved one|family member|colleague|coworker)"
    r" (?:ever )?(?:talks|mentions|says|tells)\b|\basking as a\b"
    r"|\bhow do you (?:guys )?handle\b|\bsigns (?:that )?(?:someone|somebody|a person|people)\b"
)
DENIED_PART = re.compile(
    r"\b(?:no|without)\b(?! (?:feeling|longer|control|sensation|warning|movement|strength))"
    r"|\b(?:isnt|arent|wasnt|werent|never|nothing)\b"
    rf"|\b(?:didnt|doesnt|dont)\b(?! (?:{PERSISTS}))"
    # "have not been able to pee", "could not pass water": the sign itself, no denial of it.
    r"|(?<!can )(?<!could )\bnot\b(?! (?:working|breathing|responding|making sense|coming out"
    r"|(?:been )?able to|pass\w* (?:any )?(?:urine|water)"
    r"|(?:properly |fully )?(?:awake|waking|conscious|responsive)"
    r"|(?:a |just |like |from )?(?:cramp|muscle|muscular|pulled|strain|spasm|knot|lifting|normal"
    r"|typical|usual)))"
)
# Anywhere in the clause: the symptom is in the past (fixed since) or asked about in general.
PAST = re.compile(
    r"\b(?:(?:years?|yrs?) ago|(?:years|yrs) back|months ago"
    r"|last (?:year|summer|winter|spring|fall|autumn)"
    r"|in (?:19|20)\d\d|used to|as a (?:kid|child|teen\w*|baby|toddler|infant)|no issues since"
    r"|fully (?:healed|recovered)|healed|discharged|ancient history|never again"
    r"|once (?:in|when|at|as)"
    r"|in (?:high school|college|uni|university|my (?:teens|twenties|thirties|\d0s))"
    r"|when i was \d+|(?:19|20)\d\d"
    r"|last season|everything was (?:normal|fine)|when i was (?:young|a kid|little"
    r"|younger|in)|a while (?:ago|back)|long time ago|back in|history of|in the past"
    r"|(?:self[- ]?harm|suicid\w*|overdose|cutting) history"
    r"|years earlier|previously|(?:im|i am|shes|hes|she is|he is) \d\d now|(?<!not )long ago"
    r"|at (?:age|the age of) \d+|has passed"
    r"|went away|is gone now|resolved|wore off|worn off"
    r"|(?:old|ancient) history"
    r"|(?:fine|ok|good|nothing|no (?:issues|problems))"
    r" (?:ever |for (?:\w+ )?(?:years|months) )?since(?: then)?"
    r"|in my (?:early |late |mid )?(?:teens|twenties|thirties|forties|\d0s)|during (?:covid"
    r"|the pandemic|my divorce)|as a teen\w*|when i was a teen\w*|in (?:grad|middle|high)"
    r" school|in the (?:\d0s|(?:19|20)\d0s)|decades ago|that was (?:\w+ )?years ago"
    r"|when (?:i|we) (?:was|were) (?:growing up|teens|kids|younger)"
    r"|(?:winters?|summers?|seasons?) ago|last (?:month|christmas|thanksgiving|halloween)"
    r"|when (?:he|she|they) (?:was|were) (?:\d+|young|little|a (?:kid|baby|teen\w*))"
    r"|in little league|grown (?:man|woman|adult|up) now)\b"
)
# A physical sign told as passing ("numb when i woke up but fine now"). Not in PAST, which also
# tells a crisis as over: "wife found my note last night, im fine now i guess" is no crisis over.
PASSING = re.compile(
    r"\b(?:goes away (?:when|after|once|if|as soon as)|(?:fine|normal|gone) now)\b"
)
GENERAL = re.compile(
    r"\b(?:wh?at (?:are|r|is) (?:the )?(?:warning |red[- ]flag |danger )?(?:signs?|symptoms?)"
    r"|i know the (?:\w+ )?(?:signs|symptoms)|can (?:a|an) (?:\w+ ){1,4}be\b"
    r"|how would (?:you|i) tell"
    r"|can (?:you|someone|people|a person|one) (?:get|become|end up|be) (?:paralyz\w*|numb\w*"
    r"|\w+ from)"
    r"|which symptoms|what symptoms|when should i (?:go|call|worry|see)|should i (?:worry|go"
    r" to the er|call 911) if|(?:what|how) if (?:i|you)"
    r"|if i (?:ever )?(?:get|got|have|had|start|notice|feel|felt)"
    r"|(?:whats|what is) (?:a |an )?(?:cauda equina|saddle \w+|thunderclap \w+)"
    r"|would (?:\w+ ){1,6}be (?:something|a thing) for (?:a |an |the )?(?:chiro\w*|hospital|er"
    r"|doctor|physio\w*|you)"
    r"|in case (?:i|of)|does (?:art|active release|it|this|the treatment) cause|can (?:art"
    r"|active release|it|this|an adjustment|chiropractic) cause|is it possible to get|risk of"
    r"|worried (?:about|that) (?:getting|having|it could)|afraid of (?:getting|having)"
    r"|how do i know if|how would i know|what counts as|is there a risk|hypothetical\w*"
    r"|if (?:i|you|he|she|someone) (?:ever )?(?:couldnt|cant|could not|lost|lose|were|was|suddenly)"
    r"|what should i do if|signs? of (?:a|an)|does (?:art|active release) help|what causes"
    r"|can (?:\w+ ){1,7}cause|(?:could|might|may) (?:possibly |ever )?cause|just in case"
    r"|(?:list|name) (?:the|all the) (?:ones|signs|symptoms|red flags)|the ones that"
    r"|(?:ever|sometimes|usually) (?:be )?caused by|whats the chance"
    r"|chances? of|risks? like|any risks|(?:a|an) (?:hospital|er|doctor|medical) thing"
    r"|something (?:art|you|active release|you guys|yall) treats?"
    r"|is (?:it|that|this) always (?:serious|an emergency|dangerous)"
    r"|can (?:\w+ ){1,4}be (?:a )?(?:muscle|muscular|nothing|harmless)"
    r"|just curious|curious (?:if|whether|about)|google\w*"
    r"|read (?:about|online|an article|somewhere|that)|people talk about|heard (?:about|that)"
    r"|can (?:you|someone|people|a person|one) (?:have|get) (?:a|an) (?:\w+ ){1,3}that"
    r"|explain what|what (?:\w+ ){1,3}syndrome is"
    r"|what happens if|what would (?:make|happen)|what do (?:you|your staff)|protocol"
    r"|how do (?:i|you) tell|difference between|just wondering|wondering (?:if|whether)"
    r"|when is (?:a|an|it)|not happening to me|tiktok|reading about|spooked|would that"
    r"|(?:could|can|does|do|would|is) (?:\w+ ){1,8}(?<!than )(?<!than its )ever|curious"
    r"|(?:a )?big deal|if (?:a|an) "
    r"|(?:is|are) (?:\w+ ){2,6}(?:an emergency|a red flag)"
    r"|(?:if|for|when|what if) (?:someone|somebody|a person|a patient|people|anyone)"
    r"|someone who (?:has|had)|is it (?:normal|true|possible|common)(?! (?:for|that|if|when) my\b)"
    r"|how common|when should|should (?:someone|somebody|a person|people)|what would you tell"
    r"|(?:a|an) (?:bad|good|warning|danger|serious) sign|what does it mean"
    r"|what if (?:the|my|it|this) (?:\w+ ){0,3}(?:spreads?|gets? worse|moves?|travels?|goes|turns"
    r"|starts)"
    r"|^(?:is|are) (?:\w+ ){1,6}a (?:good )?reason to (?:go|call|see|visit)"
    r"|what is (?:\w+ ){1,3}syndrome|(?:does|do|could|can) (?:\w+ ){1,8}mean\b|feel like$"
    r"|how serious is|if someones|is that (?:true|right|correct|a thing)"
    r"|(?:treat|see|work (?:on|with)|help) (?:people|patients|someone|anyone|clients)"
    r" (?:after|with|who)"
    r"|can (?:\w+ ){1,6}make (?:it|you|me|someone|people) (?:feel|get)"
    r"|(?:something|someone) (?:you|youd|you would) (?:treat|see|refer)|refer (?:out|them)"
    r"|^(?:is|are|can|could|would|does|do) (?:\w+ ){1,8}(?:serious|dangerous|normal|a concern"
    r"|worrying)$)\b"
)
# The clause puts the sign now: a question about it is still the visitor's own ("is it normal to
# have chest pain right now?").
HAPPENING_NOW = re.compile(
    r"\b(?:right now|at the moment|currently|as we speak|this (?:morning|afternoon|evening)"
    r"|tonight|today|since (?:this morning|last night|yesterday)|(?:minutes|hours?|min|mins|hrs?)"
    r" ago|(?:causing|cause of|behind) (?:this|these|my)|it (?:started|began|came on))\b"
)
# Anywhere in the message: the visitor says the sign is not theirs, now.
NOT_MINE = re.compile(
    r"\b(?:not happening to me|asking for a friend|just curious|hypothetical\w*|asking generally"
    r"|just asking|genuinely curious|curious how|not happened|hasnt happened|just planning"
    r"|theoretically|in theory|only asking|(?:nobody|no one|noone) (?:is|here is|has been)"
    r" (?:sick|ill|unwell)"
    r"|(?:its|it is|thats|this is) not happening (?:now|right now|to me)"
    r"|now i (?:dont|do not) have (?:it|that|this|them|any)"
    r"|i (?:dont|do not) have any of (?:it|them|those|that|these)"
    r"|reading about|spooked|saw it on|for a (?:class|paper|school)|(?:my|our) (?:\w+ )?class is"
    r" on)\b"
)
# ...unless someone is with the visitor now ("EMT here, asking for a friend at the scene").
WITH_ME_NOW = re.compile(
    r"\b(?:at the scene|in front of me|with me (?:now|right now)|next to me|here with me"
    r"|(?:shes|hes|theyre|she is|he is|they are) (?:here )?with me)\b"
)
# A farewell told over several sentences, each part ordinary alone ("I'll be gone by the time you
# call. Thanks for everything"; "sorted my passwords for my partner ... feels like the right time").
FAREWELLS = (
    re.compile(
        together(
            r"(?:ill|i will) (?:already )?be gone by the time|(?:wont|will not) be (?:around|here)"
            r" by the time",
            r"thanks? (?:you )?for everything|goodbye|bye",
        )
    ),
    re.compile(
        together(
            r"passwords|my will|affairs|new home|rehom\w*|gave away|giving away|given away",
            r"(?:the )?right time|its time|time to go|ready to go|thanks? (?:you )?for everything"
            r"|goodbye",
        )
    ),
    # Things given away beside talk of being a burden: two warning signs together.
    re.compile(
        together(
            r"gave (?:me|us|away) (?:his|her|their|my)|giving away|gave away|given away",
            r"(?:a|being a) burden|better off without",
        )
    ),
)
# Someone else's sign, told as past context ("my uncle had a heart attack", "a client of mine
# had cauda equina"), unless the clause puts it now ("my husband is having chest pain").
# Someone the visitor may tell of.
PEOPLE = (
    r"(?:[\w-]*(?:mom|mum|mother|dad|father|uncle|aunt|wife|husband|brother|sister|friend|neighbou?r"
    r"|grand\w+|cousin|coworker|co-worker|colleague|client|boss|son|daughter|kid|girlfriend"
    r"|boyfriend|partner|patient|buddy|teammate|roommate|classmate|niece|nephew|stepdad|stepmom"
    r"|passenger|stranger|customer|spectator|guest|lady|woman)"
    r"|mate|pal)"
)
# Someone else told as recovered ("my cousin was paralysed for a while, she made a good
# recovery"): what happened to them is not the visitor's emergency now.
OTHER_PERSON_RECOVERED = re.compile(
    rf"\b(?:my|our|a|his|her) (?:\w+ )?{PEOPLE}s?\b.{{0,120}}\b(?:made a (?:\w+ )?recovery"
    r"|recovered|recovering (?:well|nicely|fine)|on the mend"
    r"|(?:shes|hes|theyre|she is|he is|they are) (?:totally |completely |perfectly )?"
    r"(?:fine|ok|okay|good|back to normal) now)\b"
)
OTHER_PERSON_PAST = re.compile(
    rf"\b(?:(?:my|our|a|his|her)(?: \w+s?)? )?{PEOPLE}s?"
    r"(?: of mine)?\b.{0,30}\b(?:had|was diagnosed|went through|died|passed away|survived|tried to"
    r"|ended up with|attempted|used to|struggled|passed (?:away )?(?:by|from|to)"
    r"|was (?:hospitali[sz]ed|admitted|paraly[sz]ed)|overdosed"
    r"|self[- ]?harmed|killed (?:him|her|them)self)\b|\blost (?:a|my|our) (?:\w+ ){1,2}to suicide\b"
    r"|\b(?:my|our|his|her) ex\b.{0,30}\b(?:had|attempted|tried to|was)\b"
    # ... or told as having happened to them once ("my friend got dizzy after a neck adjustment
    # once"); not "all at once".
    rf"|\b(?:my|our|a|his|her)(?: \w+s?)? {PEOPLE}s?\b.{{0,60}}(?<!at )\bonce\b"
)
# Someone else told as having been in a crisis ("my cousin was suicidal"): dated only with a
# recovery beside it (`_crisis_over`), since it may be their crisis now.
OTHER_PERSON_WAS = re.compile(
    rf"\b(?:my|our|his|her)(?: \w+s?)? {PEOPLE}s?\b.{{0,30}}\bwas (?:\w+ )?(?:and )?"
    r"(?:suicidal|self[- ]?harming)\b"
)
# Someone else's sudden event ("my dad collapsed"), dropped only when the message dates it: an
# undated one may be happening now ("my dad collapsed and isnt responding").
OTHER_PERSON_EVENT = re.compile(
    rf"\b(?:my|our|a|his|her)(?: \w+s?)? {PEOPLE}s?"
    r"(?: of mine)?\b.{0,30}\b(?:passed out|fainted|collapsed|went to the (?:er|hospital)|was"
    r" (?:rushed|taken)|blacked out)\b"
)
# Someone else's event told as over ("my sister fainted at her wedding, totally fine").
FINE_SINCE = re.compile(
    r"\b(?:(?:totally|completely|perfectly|all) fine|(?:shes|hes|theyre|she is|he is|they are|was"
    r"|were) (?:fine|ok|okay|alright|all right|good)|fine now|ok now|(?:all )?sorted now"
    r"|(?:shes|hes|theyre|she is|he is|they are) (?:much |a lot |doing )?better now"
    r"|(?:it|that) (?:was|turned out to be) (?:just |only )?(?:gallstones|reflux|heartburn"
    r"|indigestion|anxiety|a panic attack|muscular|nothing))\b"
)
# Sore chest muscles after a workout or a strain, told as such, with none of a heart's signs.
MUSCULAR = re.compile(
    r"\b(?:chest muscles?|pecs?|pectorals?|push[- ]?ups?|bench(?:ing| press\w*)?|burpees|dips"
    r"|fly(?:es)?|big chest|(?:breast|chest) reduction"
    r"|from (?:the gym|working out|lifting|my workout|training)|doms|leg day|chest day|chest wall"
    r"|(?:strained|pulled) (?:a )?muscle|muscle strain|coughing fit|tender to (?:the )?touch"
    r"|hurts (?:more )?when i (?:press|push|touch|twist|stretch))\b"
)
# The neck bent forward: "chest" there is where the chin goes, no pain in it.
CHIN_TO_CHEST = re.compile(r"\bchin (?:to|on|down to|onto) (?:my |his |her |the )?chest\b")
# Words that are a figure of speech around a sign's words.
FIGURATIVE = re.compile(
    r"\b(?:nearly|almost|practically) (?:passed out|pass out|fainted|faint|blacked out|black out"
    r"|died|had a heart attack|had a stroke)\b"
    r"|\b(?:considered|thought about|almost|nearly) call\w* (?:911|an ambulance)\b"
    r"|\b(?:think|thought) i broke my (?:back|neck)\b(?: \w+){0,6}"
    r" (?:haha\w*|lol|lmao|jk|kidding)\b"
    r"|\b(?:feel|felt|feels|feeling) like (?:i (?:got|was|have been|been|just got) )?(?:hit|run"
    r" over) by a (?:car|truck|bus|train)\b"
)
# A panic attack that felt like a heart attack: told as a panic attack, no chest sign named.
PANIC_LIKE = re.compile(
    together(
        r"(?:panic|anxiety) attack", r"(?:felt|feels|feel) like (?:a |i was having a )?heart attack"
    )
)
LAUGHTER = re.compile(r"\blaugh\w*")
# A little out of breath on exertion, told as being out of shape.
WINDED = re.compile(
    together(
        r"a bit|a little|slightly|mildly|little bit",
        r"stairs|hills?|running|jogging|exercis\w*|workouts?|gym|out of shape|unfit"
        r"|stopped (?:running|exercising|training)",
    )
)
# A heart's signs beside breathlessness.
CARDIAC_ONLY = re.compile(r"\b(?:chest|crush\w*|pressure|squeez\w*|left arm|jaw|faint\w*|clammy)\b")
AIRWAY = re.compile(r"\b(?:chok\w*|swell\w*|swollen|lips|blue|wheez\w*|throat)\b")
# A back spasm or cramp that stops a visitor standing is a muscle's doing, not a paralysis.
SPASM = re.compile(
    r"\b(?:spasm\w*|cramp\w*|seized up|locked up|threw out|threw my back|stuck bent (?:forward"
    r"|over)|loosening up)\b"
)
# Legs "dead" or "gone" told as sore after a workout, with no fall, injury or lost feeling.
WORKOUT_SORE = re.compile(
    together(
        r"sore|stiff|ach\w*|doms|lol|haha",
        r"gym|leg day|squats?|lunges|workout|spin class|marathon|sprints?|training|hike",
    )
)
INJURY = re.compile(
    r"\b(?:fell|fall\w*|crash\w*|landed|hit|dropped|accident|injur\w*|collaps\w*|numb\w*"
    r"|cant (?:feel|move|walk|stand)|wont move)\b"
)
CARDIAC = re.compile(
    r"\b(?:crush\w*|pressure|squeez\w*|elephant|left arm|jaw|sweat\w*|short of breath|breathless"
    r"|cant breathe|nause\w*|radiat\w*|(?<!too )heav\w*(?! (?:weights?|lift\w*|bags?|box\w*|load))"
    r"|clammy|faint\w*|dizz\w*|racing|pounding)\b"
)
# A pain that comes with a neck movement is a nerve's, not a heart's ("pain down my left arm when
# i tilt my head").
POSITIONAL = re.compile(r"\bwhen i (?:tilt|turn|move|bend|look|rotate|twist|tip|lean)\b")
# A burn or cut told as an accident is no self-harm ("burned my arm on the grill").
ACCIDENT = re.compile(
    r"\b(?:grill|stove|oven|pan|kettle|boiling|scalding|sunburn\w*|by accident|accidentally"
    r"|cooking|curling iron|hot water|bbq|campfire|fireworks|paper cut|knife slipped|chopping"
    r"|shaving|at work|on (?:a |some |the )?(?:broken )?(?:glass|window|mirror|sheet metal|fence)"
    r"|chainsaw|table saw|circular saw|axe|mower|hedge trimmer|skiing|skied|snowboard\w*"
    r"|sledding|sledging|toboggan\w*)\b"
)
ON_PURPOSE = re.compile(
    r"\bon purpose\b|\bdeliberately\b|\bto feel\b|\bpunish\w*|\bwant\w* to\b|\burges?\b"
)
NOW = re.compile(
    r"\b(?:now(?! (?:im|i am|i) (?:\w+ )?(?:worried|scared|nervous|concerned|anxious|worry))"
    r"|today|tonight|this (?:morning|afternoon|evening)|is having|having|keeps"
    r"|just(?! (?:asking|wondering|curious|want\w*|need\w*|looking|here|booking|mentioning|fyi"
    r"|have|get|a|an|some|mild|minor|sore|stiff|tight"
    r"|saying|letting|so you know|to let))"
    r"|(?:an?|\d+|few) (?:hours?|minutes?) ago)\b"
)
# A clause that dates the one before it.
DATED_BEFORE = re.compile(
    r"(?:that|this|it) (?:was|happened) (?:\w+ ){0,3}(?:ago|back|in (?:19|20)\d\d|when i was)\b"
    r"|(?:(?:its|it is|thats|that is|all|and) )?(?:fine|normal|gone|back to normal) now\b"
)
# The visitor speaks of themself, and asks whether what they have is normal or serious.
OWN = re.compile(r"\b(?:my|i|im|ive|me|mine)\b")
OWN_QUESTION = re.compile(
    r"\b(?:(?:is|isnt) (?:it|this|that) (?:normal|common|ok|okay|serious|bad|dangerous|a worry)"
    r"|(?:does|could|can|would) (?:it|this|that) (?:\w+ )?mean|should i (?:be )?worr\w*"
    r"|is (?:this|that) (?:something|anything) to worry|do i need to worry)\b"
)
# ... unless the sign is only imagined ("what if i ever get chest pain on the table?").
HYPOTHETICAL = re.compile(
    r"\b(?:if (?:i|you) (?:ever|get|got|were|was|had)|what if|in case|for the future"
    r"|hypothetical\w*|lol|jk)\b"
)
CLAUSE_BREAK = re.compile(r"[.;!?\n]+|,\s*(?:but|just|only)\b|\bbut\b")
APOSTROPHES = re.compile(r"['\u2019`]")
SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Finding:
    tier: Tier
    category: str
    matched: str


def normalize(text: str) -> str:
    return SPACES.sub(" ", APOSTROPHES.sub("", text.lower())).strip()


def clauses(text: str) -> list[str]:
    return [part.strip() for part in CLAUSE_BREAK.split(normalize(text)) if part.strip()]


def _counts(
    rule: Rule,
    clause: str,
    match: re.Match[str],
    now_elsewhere: bool,
    questions_dismiss: bool = True,
) -> bool:
    # A pattern made with together() matches at the clause's start: any negation in the clause
    # denies it ("no fever, my neck is stiff from sleeping wrong"); a crisis only by the explicit
    # denials below.
    if match.end() == 0 and rule.tier is not CRISIS and NEGATION.search(clause):
        return False
    if OTHER_PERSON_PAST.search(clause) and (
        PAST.search(clause) or FINE_SINCE.search(clause) or not NOW.search(clause)
    ):
        return False
    if OTHER_PERSON_RECOVERED.search(clause) and not HAPPENING_NOW.search(clause):
        return False
    if rule.tier is CRISIS and ACCIDENT.search(clause) and not ON_PURPOSE.search(clause):
        return False
    if _told_otherwise(rule, clause, match):
        return False
    if OTHER_PERSON_EVENT.search(clause) and (PAST.search(clause) or FINE_SINCE.search(clause)):
        return False
    if rule.tier is CRISIS:
        # Negation words are everywhere in despair ("if not, i dont want to be here"): only an
        # explicit denial, a question in general, or a past told as over drops a crisis finding.
        general = CRISIS_GENERAL.search(clause) and not HAPPENING_NOW.search(clause)
        over = PAST.search(clause) and OVER_SINCE.search(clause[match.end() :])
        return not (
            _crisis_denied(clause, match) or CRISIS_FIGURE.search(clause) or general or over
        )
    # A red flag denied inside a longer match ("stiff neck for days, no fever").
    if DENIED_PART.search(match.group(0)):
        return False
    # A negation shortly before the match ("no numbness", "dont have any chest pain"), or before
    # a list the match ends ("no chest pain or shortness of breath").
    before = _after_contrast(clause[: match.start()])
    if NEGATION.search(before[-NEGATION_REACH:]) or DENIED_FEELING.search(before):
        return False
    if LISTED.search(before) and NEGATION.search(before[-LIST_REACH:]):
        return False
    if (
        questions_dismiss
        and GENERAL.search(clause)
        and not (HAPPENING_NOW.search(clause) or now_elsewhere)
    ):
        return False
    past = PAST.search(clause) or PASSING.search(clause)
    return (
        rule.past_counts
        or not past
        or (past.group(0) == "history of" and bool(HAPPENING_NOW.search(clause)))
        or _back_now(clause, past, match)
    )


def _crisis_denied(clause: str, match: re.Match[str]) -> bool:
    """An explicit denial in the clause, unless a contrast word stands between it and the sign
    that follows it ("not suicidal in a crazy way, i just calmly decided im done"), or an urge is
    being fought now."""
    if CRISIS_URGE.search(clause):
        return False
    sign = match.start()
    return any(
        not (denial.end() <= sign and CONTRAST.search(clause[denial.end() : sign]))
        for denial in CRISIS_DENIAL.finditer(clause)
    )


def _after_contrast(before: str) -> str:
    """What follows the last contrast word: a negation before it does not reach past it ("no
    burning, just cant pee and numb down below")."""
    contrasts = list(CONTRAST.finditer(before))
    return before[contrasts[-1].end() :] if contrasts else before


def _back_now(clause: str, past: re.Match[str], match: re.Match[str]) -> bool:
    """A sign told after its dating, with a "now" or "again" in between, is the visitor's now
    ("i had a stent 2 years ago and the same pain is back right now, the nitro isnt helping")."""
    between = clause[past.end() : match.start()]
    return bool(HAPPENING_NOW.search(between) or RELAPSE.search(between))


def _told_otherwise(rule: Rule, text: str, match: re.Match[str] | None) -> bool:
    """Whether the text tells the sign as something else: a figure of speech ("nearly passed out
    when i saw the bill"), sore muscles, a neck movement's nerve pain, laughter, a back spasm."""
    if match is not None and match.end() > 0:
        for figure in FIGURATIVE.finditer(text):
            if figure.start() <= match.start() and match.end() <= figure.end():
                return True
    if rule.category == "chest_pain":
        if CHIN_TO_CHEST.search(text) and text.count("chest") == 1:
            return True
        if MUSCULAR.search(text) and not _affirmed(CARDIAC, text):
            return True
        if PANIC_LIKE.search(text) and "chest" not in text:
            return True
        return bool(POSITIONAL.search(text)) and "chest" not in text
    if rule.category == "breathing":
        if WINDED.search(text) and not (AIRWAY.search(text) or _affirmed(CARDIAC_ONLY, text)):
            return True
        return bool(LAUGHTER.search(text)) and not AIRWAY.search(text)
    if rule.category == "sudden_paralysis":
        return bool(SPASM.search(text) or (WORKOUT_SORE.search(text) and not INJURY.search(text)))
    return False


def _affirmed(pattern: re.Pattern[str], clause: str) -> bool:
    """Whether the pattern matches in the clause without a negation shortly before it."""
    return any(
        not NEGATION.search(clause[: match.start()][-NEGATION_REACH:])
        for match in pattern.finditer(clause)
    )


def _crisis_over(whole: str) -> bool:
    """The message (its clauses joined) tells of a crisis, the visitor's or someone else's, as
    past and over."""
    dated = PAST.search(whole) or OTHER_PERSON_PAST.search(whole) or OTHER_PERSON_WAS.search(whole)
    return bool(dated and RECOVERED.search(whole) and not RELAPSE.search(whole))


def find_red_flags(text: str, *, questions_dismiss: bool = True) -> list[Finding]:
    """Every rule that matches, in a clause that neither negates nor dates it, at most one
    finding per category. An emergency whose signs fall in different sentences ("I fell off my
    bike. Now my hands tingle.") is found across the whole message when no part of it negates,
    dates or asks in general. Without `questions_dismiss`, a clause that asks in general still
    counts."""
    found: dict[str, Finding] = {}
    text = corrected(normalize(text))
    # A general question in one sentence may be the visitor's own sign, put now in another
    # ("can ART help if i suddenly cant move my legs? it started this afternoon").
    now_in_message = bool(HAPPENING_NOW.search(normalize(text)))
    parts = clauses(text)
    for index, clause in enumerate(parts):
        # "i lost control of my bowels once, but that was 10 years ago": the next clause dates it.
        dated_next = index + 1 < len(parts) and bool(DATED_BEFORE.match(parts[index + 1]))
        for rule in RULES:
            if rule.category in found or (
                dated_next and not rule.past_counts and rule.tier is not CRISIS
            ):
                continue
            match = rule.pattern.search(clause)
            if match and _counts(rule, clause, match, now_in_message, questions_dismiss):
                found[rule.category] = Finding(rule.tier, rule.category, match.group(0))
    whole = " ".join(parts)
    cues = (NEGATION, GENERAL, OTHER_PERSON_PAST, OTHER_PERSON_RECOVERED)
    someone_elses_over = OTHER_PERSON_EVENT.search(whole) and (
        PAST.search(whole) or FINE_SINCE.search(whole)
    )
    if not someone_elses_over and not any(cue.search(whole) for cue in cues):
        dated = bool(PAST.search(whole) or PASSING.search(whole))
        for rule in RULES:
            if (
                rule.category not in found
                and rule.tier is not CRISIS
                and rule.across_sentences
                and (rule.past_counts or not dated)
                and rule.pattern.search(whole)
                and not _told_otherwise(rule, whole, None)
            ):
                found[rule.category] = Finding(rule.tier, rule.category, "")
    if (
        "suicidal_thoughts" not in found
        and not CRISIS_DENIAL.search(whole)
        and any(farewell.search(whole) for farewell in FAREWELLS)
    ):
        found["suicidal_thoughts"] = Finding(CRISIS, "suicidal_thoughts", "")
    if _crisis_over(whole):
        found = {name: finding for name, finding in found.items() if finding.tier is not CRISIS}
    if NOT_MINE.search(whole) and not WITH_ME_NOW.search(whole):
        found = {name: finding for name, finding in found.items() if finding.tier is CRISIS}
    return list(found.values())


def _mentions(text: str, tier: Tier) -> bool:
    return any(
        rule.pattern.search(clause)
        for clause in clauses(text)
        for rule in RULES
        if rule.tier is tier
    )


def mentions_crisis(text: str) -> bool:
    """Whether a crisis rule matches at all, counted or not: without a crisis finding, the
    message names suicide or self-harm only to deny it, tell it as over or ask in general."""
    return _mentions(text, CRISIS)


def told_as_accident(text: str) -> bool:
    """Whether a clause of the message tells a wound or burn as an accident ("the chainsaw
    kicked back into my leg") with nothing saying it was on purpose."""
    return any(
        ACCIDENT.search(clause) and not ON_PURPOSE.search(clause) for clause in clauses(text)
    )


def crisis_idiom(text: str) -> bool:
    """Whether the message holds an everyday figure of speech about death or killing."""
    return bool(CRISIS_IDIOM.search(normalize(text)))


def mentions_emergency(text: str) -> bool:
    """Whether an emergency rule matches at all, counted or not: without an emergency finding,
    the message names a red flag only to deny it, date it or ask about it in general."""
    return _mentions(text, EMERGENCY)


def asked_about_own_sign(text: str) -> bool:
    """Whether the message asks in general about a red flag in words that make it the visitor's
    own ("is it normal to get chest pain with my neck stiffness?"): the rules set the sign aside
    as a question, so the assistant asks whether it is happening now (call it only when the
    rules found nothing)."""
    normalized = normalize(text)
    if not (OWN_QUESTION.search(normalized) and OWN.search(normalized)):
        return False
    if HYPOTHETICAL.search(normalized):
        return False
    return any(
        finding.tier is EMERGENCY for finding in find_red_flags(text, questions_dismiss=False)
    )


def most_severe(findings: list[Finding]) -> Finding | None:
    return max(findings, key=lambda finding: finding.tier.severity, default=None)
