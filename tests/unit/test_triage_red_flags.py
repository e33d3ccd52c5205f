"""The red-flag rules: each category is found, and negation, history and general questions do
not trigger it. The texts here are the rules' own examples, not the held-out sets."""

import pytest

from clinic.triage.red_flags import RULES, clauses, find_red_flags, most_severe, normalize
from clinic.triage.tiers import CRISIS, EMERGENCY, URGENT_CARE


def tier_of(text: str):
    finding = most_severe(find_red_flags(text))
    return finding.tier if finding else None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("i can't feel anything in my groin since this morning", "cauda_equina"),
        ("lost control of my bladder and my back hurts", "cauda_equina"),
        ("both legs are numb and weak", "cauda_equina"),
        ("crushing pressure in my chest", "chest_pain"),
        ("i cant breathe", "breathing"),
        ("my face is drooping and my speech is slurred", "stroke"),
        ("after my neck adjustment i'm dizzy and seeing double", "neck_artery"),
        ("worst headache of my life", "thunderclap_headache"),
        ("fever and a stiff neck", "meningitis"),
        ("fell off a ladder and now my legs are tingling", "major_trauma"),
        ("hit my head and now i keep throwing up", "head_injury"),
        ("sudden tearing pain through to my back", "tearing_pain"),
        ("my throat is swelling up after the bee sting", "anaphylaxis"),
        ("suddenly i cant walk", "sudden_paralysis"),
        ("coughing up blood", "other_emergency"),
        ("i'm thinking about killing myself", "suicidal_thoughts"),
        ("i've been cutting myself again", "self_harm"),
        ("back pain and a fever since yesterday", "fever_with_back_pain"),
        ("my back got worse since my epidural last week", "after_spinal_procedure"),
        ("i had breast cancer and now my back hurts at night", "cancer_history"),
        ("the numbness in my foot is getting worse every day", "worsening_weakness_or_numbness"),
        ("lost 20 pounds without trying and my back aches", "weight_loss"),
        # Present signs, also someone else's.
        (
            "my husband just got a sudden severe headache, the worst he's ever had",
            "thunderclap_headache",
        ),
        ("my mom's face is drooping on one side right now", "stroke"),
        ("i can't feel the toilet seat when i sit down", "cauda_equina"),
        ("i can't take a deep breath and my lips look blue", "breathing"),
        ("fell down the stairs and now my neck hurts and my hands are numb", "major_trauma"),
        ("nobody would even miss me if i was gone", "suicidal_thoughts"),
        ("i've started cutting again", "self_harm"),
        ("my incision is leaking pus since the back surgery", "after_spinal_procedure"),
        # A history, a question or a denied harmless cause beside a sign that is there now.
        ("i have a history of angina and my chest is tight right now", "chest_pain"),
        ("could my neck be causing this pressure in my chest?", "chest_pain"),
        ("a tearing pain between my shoulder blades, not a cramp", "tearing_pain"),
        ("my wife is having a seizure", "other_emergency"),
        ("got a massage on my neck, an hour later my knees just buckled", "neck_artery"),
        ("my back is worse than ever and now my scrotum feels numb", "cauda_equina"),
        ("the nitro is not working and the pressure keeps building", "chest_pain"),
        (
            "my neck was adjusted this morning and since then a sudden severe headache",
            "neck_artery",
        ),
        ("i drank some bleach by accident", "other_emergency"),
        ("i burned my arm on the grill, huge blisters", "other_emergency"),
        ("took 25 tylenol a day for my back and now i keep vomiting", "other_emergency"),
        ("feeling sucidal tonight", "suicidal_thoughts"),
        ("i wont need my appointment after this weekend", "suicidal_thoughts"),
        ("sitting here holding my rifle", "suicidal_thoughts"),
        ("i used a lighter on my wrist on purpose", "self_harm"),
        ("i want to slash my arm", "self_harm"),
        ("i keep wanting to burn my skin on the stove", "self_harm"),
        ("i punch my legs until theyre purple", "self_harm"),
        ("stitches from my back op look infected", "after_spinal_procedure"),
        ("hx of breast ca, new rib pain", "cancer_history"),
        ("numbness has spread up to my elbow over three days", "worsening_weakness_or_numbness"),
        ("on prednisone for years and my back just started hurting", "other_urgent"),
        ("hit my head on the ice and had a fit afterwards", "head_injury"),
        ("feels like a fist pressing on me and i am drenched in sweat", "chest_pain"),
        ("after the neck manipulation the room keeps tilting", "neck_artery"),
        ("the bone is poking through the skin of my arm", "other_emergency"),
        ("my legs wont listen when i try to stand", "sudden_paralysis"),
        ("i scratch my arms raw when i feel empty", "self_harm"),
        ("back aches at night and my temp is 101", "fever_with_back_pain"),
        ("my grip has been fading over the last three weeks", "worsening_weakness_or_numbness"),
        ("my pants are hanging off me and my back hurts every night", "weight_loss"),
        ("a red streak running up my forearm from a scrape", "other_urgent"),
    ],
)
def test_each_category_is_found(text, category):
    assert category in {finding.category for finding in find_red_flags(text)}


@pytest.mark.parametrize(
    "text",
    [
        "no numbness, just stiff",
        "I had a herniated disc years ago",
        "no chest pain or anything, my neck is just tight",
        "i don't have a fever, my neck is stiff from sleeping wrong",
        "what are the warning signs of cauda equina?",
        "can a neck adjustment cause a stroke?",
        "i fell off my bike years ago and my back has been stiff since",
        "my back hurts",
        "my neck is killing me when i turn my head",
        "I threw my back out",
        "tingling in my buttocks when i sit too long, goes down the back of my leg",
        "my foot fell asleep at my desk",
        "my dad had a stroke years ago, i'm asking about my own stiff neck",
        "asking for a friend: what does numbness in both legs mean?",
        "just curious, can ART ever cause a stroke?",
        "is chest pain ever a red flag with back pain?",
        "i used to have suicidal thoughts in college, i'm doing well now, just my back is sore",
        "i'll be gone for two weeks, can i book after that?",
        "is numbness in both legs serious?",
        "what if someone has chest pain during a session?",
        "is weakness in both legs something you would treat?",
        "nothing numb in the saddle area, just an achy lower back",
        "my brother passed out at a concert last summer, he is fine, i need help with my back",
        "my mom fainted at church, she is totally fine now",
        "my roommate went to the ER with chest pain last christmas",
        "my son had a stiff neck and fever when he was 4, now he is a teen with a sore back",
        "my pecs are sore from bench press",
        "my heart isnt racing, chest muscles tight from dips",
        "pain down my left arm when i turn my head",
        "my uncle had a heart attack, hes doing fine now, my back hurts",
        "the headache didnt come on suddenly, it built up all day",
        "is numbness in the saddle area a bad sign?",
        "what does it mean if both feet go numb?",
        "how serious is sudden weakness on one side?",
        "i nearly passed out when i saw the bill",
        "we were laughing so hard i couldnt breathe, now my back hurts",
        "my back spasm was so bad i couldnt stand up for ten minutes",
        "sore chest wall after a coughing fit, it hurts when i press on it",
        "i feel like i got hit by a truck after crossfit",
        "my foot fell asleep on the toilet and now it tingles",
        "i dont have chest pain or shortness of breath, just a sore upper back",
        "my neck cracks when i turn it and its sore on the right side",
        "when should a stiff neck be checked by a doctor?",
    ],
)
def test_negated_historical_general_and_everyday_messages_are_not_emergencies(text):
    assert tier_of(text) not in (EMERGENCY, CRISIS)


@pytest.mark.parametrize(
    "text",
    [
        "i burned my arm on the grill, huge blisters",
        "the knife slipped while chopping and i cut my finger",
    ],
)
def test_an_accident_is_no_self_harm(text):
    assert "self_harm" not in {finding.category for finding in find_red_flags(text)}


def test_the_most_serious_finding_wins():
    assert tier_of("back pain with a fever and i want to kill myself") is CRISIS
    assert tier_of("back pain with a fever") is URGENT_CARE
    assert tier_of("fever and a stiff neck") is EMERGENCY


def test_a_past_cancer_still_counts_for_urgent_care():
    assert tier_of("i had cancer years ago and now new back pain at night") is URGENT_CARE


def test_clauses_split_on_sentences_and_but_and_normalise_apostrophes():
    assert normalize("I Can’t  BREATHE") == "i cant breathe"
    assert clauses("No numbness, just stiff. But sore!") == ["no numbness", "stiff", "sore"]


def test_every_rule_has_a_tier_and_a_category():
    assert RULES
    assert all(rule.category and rule.tier.intent for rule in RULES)


@pytest.mark.parametrize(
    ("text", "tier"),
    [
        # A "not" that is no denial does not hide a red flag.
        ("the pain doesn't stop and now i can't control my bladder", EMERGENCY),
        ("i'm not sure what's happening, both my legs went numb and weak this morning", EMERGENCY),
        ("my oxygen sats are at 84 on the home monitor", EMERGENCY),
        ("took my nitro twice and it didn't help, chest still tight", EMERGENCY),
        ("burned my hand with boiling oil, the skin is peeling off", EMERGENCY),
        ("my whole lower body just stopped working", EMERGENCY),
        ("is it normal to have crushing chest pain right now?", EMERGENCY),
        # A question in one sentence, the sign put now in another.
        ("can ART fix this if my legs suddenly went numb? it began an hour ago", EMERGENCY),
        ("purple dots on her legs that don't fade when i press a glass on them", EMERGENCY),
        ("i'm standing on the train tracks", CRISIS),
        ("don't worry about the appointment, i'll be gone", CRISIS),
        ("i've been self-injuring again", CRISIS),
        ("i started hurting myself again", CRISIS),
        ("my wound from the fusion is leaking fluid", URGENT_CARE),
        ("my foot keeps slapping the floor when i walk and it's worse each week", URGENT_CARE),
        (
            "I had lymphoma. Now new pain in my spine for three weeks that doesn't change",
            URGENT_CARE,
        ),
        # A pain that started hurting is no self-harm.
        ("my shoulder started hurting after i slept on the couch", None),
        # A sign told after its dating, with "now" or "back" between, is the visitor's now.
        (
            "had a stent 2 years ago, the pain is back right now and the nitro isn't helping",
            EMERGENCY,
        ),
        ("i think many times to finish my life, now more strong", CRISIS),
        ("tonight i'm going to take all my oxy at once", CRISIS),
        ("when my back hurts i bite my arm till it bleeds", CRISIS),
        # Told as over, asked in general, or denied.
        ("years ago pain made me suicidal, it's been managed and i'm in good spirits", None),
        ("my roommate in uni tried to take his life, he's ok now. my neck is stiff", None),
        ("how do you guys handle it if a patient talks about suicide? asking as a student", None),
        ("i don't want to kill myself, i want to kill my mattress lol", None),
        ("i think i broke my back carrying groceries haha, it's sore", None),
        ("upper back pain from having a big chest", None),
        ("i know the stroke signs and i have none of them, just a stiff neck", None),
        ("can a stiff neck be meningitis?", None),
        ("can you get paralyzed from a back injury lifting weights?", None),
        ("wat are the warning signs of cauda equina syndrom", None),
        # From the review of dev7.
        ("by the way, i've had no sensation when i pee today", EMERGENCY),
        ("hand got caught in the table saw, two fingers are almost off", EMERGENCY),
        ("my toddler drank some of the drain cleaner under the sink", EMERGENCY),
        ("granny is drooling out one side of her mouth", EMERGENCY),
        ("at the salon with my head tilted back, now neck pain and dizziness", EMERGENCY),
        ("my back hurts so much i've been punching my legs black and blue", CRISIS),
        ("new headache for a week, my scalp is tender and my jaw aches when i chew", URGENT_CARE),
        ("headache from grinding my teeth? my jaw and temples ache in the morning", None),
        ("i was paralyzed for a few hours from a spinal block once, it wore off completely", None),
        ("do you treat people after a heart attack or do they need clearance?", None),
        ("could tingling in both feet be from my back? it's not happening now", None),
        ("can tight chest muscles make it feel hard to breathe?", None),
        ("my friend says a sudden bad headache is a stroke sign, is that true?", None),
        ("i'm fine mentally, no urges to hurt myself, just wrecked after the marathon", None),
        ("my therapist asked if i've had thoughts of ending my life and honestly no", None),
        ("past self harm scars on my forearms, it's old history", None),
        ("lol my neck wants to die after that flight", None),
        ("a friend of mine passed by suicide in 2018, i'm okay, booking for neck pain", None),
        # From the review of dev8.
        ("headache like a lightning bolt, came from nothing, i can hardly stand", EMERGENCY),
        ("no movement in my left arm since i woke up, it just hangs there floppy", EMERGENCY),
        ("my daughter had a fit at the park and now she's not waking up properly", EMERGENCY),
        ("he fitted in the car, it stopped but he's still not properly awake", EMERGENCY),
        ("hit my head on the ice, i've thrown up twice and i keep forgetting things", EMERGENCY),
        ("had a crook neck all week, can't seem to shake it", None),
        ("i read that numbness in both legs is a red flag, how come?", None),
        ("can you have a heart attack that feels like a backache?", None),
        ("could you explain what cauda equina syndrome is?", None),
        ("not in crisis or anything, just sick of this back", None),
        ("done with trying to fix it myself, not done with life lol", None),
        ("what are the signs someone might be suicidal? asking as a coach", None),
        ("i used to cut myself at school, it's been years and i'm fine now", None),
        ("can you have someone call me, i have crushing chest pain", EMERGENCY),
        ("my legs are numb and i can't pee, why is that?", EMERGENCY),
        ("my best friend was hospitalized for suicidal thoughts in 2020, she's great now", None),
        ("my ex had suicidal thoughts years ago, doesn't affect me now", None),
        # From the review of dev9.
        ("no burning when i pee, just cant pee at all and numb down below", EMERGENCY),
        ("another night of carving my arm up", CRISIS),
        ("my husband found me cutting in the kitchen", CRISIS),
        ("trying so hard not to self harm right now", CRISIS),
        ("i've written a note for my kids, they'll understand", CRISIS),
        ("lower back aching and temps around 38.9 since yesterday", URGENT_CARE),
        ("neck so tight i can't touch my chin to my chest", None),
        ("can't touch my chin to my chest and the headache is unreal, i'm burning up", EMERGENCY),
        ("sore chest muscle from benching too heavy, hurts when i press on it", None),
        ("had a heart attack at 60, i'm 72 now, my hip aches on walks", None),
        ("my mate had a stroke at 50, scared me into looking after my back", None),
        ("my aunt went numb in both legs from a disc, she's totally fine now", None),
        ("my housemate had flu but i'm the one with a stiff neck and a fever now", EMERGENCY),
        ("what do i do if a friend tells me they want to end their life?", None),
        ("i could die of embarrassment, i pulled my back dancing at the wedding", None),
        ("i can't see a way forward anymore with this back", None),
        ("whats the lethal dose of my tramadol", CRISIS),
        ("soon none of this will matter", CRISIS),
        ("everything went black in my left eye and i can't see out of it", EMERGENCY),
        # From the review of dev10.
        ("ctb tonight, just needed to tell someone", CRISIS),
        ("honestly i think this is it for me", CRISIS),
        ("no point anymore, cancel my booking", CRISIS),
        ("lately i keep thinking about the quickest way out", CRISIS),
        ("what's the quickest way out of this back pain?", None),
        ("i worked out how i would do it", CRISIS),
        ("told my sister bye for good at dinner, she has no idea", CRISIS),
        ("i skip meals to punish myself when training goes badly", CRISIS),
        ("holding the blade right now", CRISIS),
        ("i'm not suicidal really, i just decided i'm done", CRISIS),
        ("no i don't want to die, i just want this back pain gone", None),
        ("no i don't want to unalive myself, just my office chair", None),
        ("i was joking about wanting to die after leg day", None),
        ("i'm not joking about wanting to die", CRISIS),
        # "if i have to ... one more" also opens real despair ("if i have to live one more day
        # like this"): a crisis figure of speech is not read from it.
        ("if i have to live one more day like this i'd rather be dead", CRISIS),
        ("it feels like an elephant is sitting on me", EMERGENCY),
        ("my son has a rash that won't blanch and a fever", EMERGENCY),
        ("my poo has been black like tar since monday and i feel faint", EMERGENCY),
        ("he's still fitting on the floor", EMERGENCY),
        ("i can't tell if i need to pee anymore and my back is killing me", EMERGENCY),
        ("sudden pain ripping down my spine, not from lifting", EMERGENCY),
        ("back pain and i've lost almost a stone without trying", URGENT_CARE),
        ("the numbness spread from my thumb to my whole hand this week", URGENT_CARE),
        ("bells palsy 2 yrs ago, my face drooped, all recovered now", None),
        ("wet myself once after a back op, but that was 15 years ago; stiff neck today", None),
        ("is fever with a stiff neck a worry? nobody is sick, just a school letter", None),
        ("can you list the ones that need an ambulance for my first aid class?", None),
        ("do any of your oils contain nuts that could cause anaphylaxis?", None),
        ("my cousin's friend crashed and lost feeling in his legs, he's recovering well", None),
        ("my mum went to the ER with chest pain, it turned out to be reflux", None),
        ("my daughter self harmed as a young teen, she's 20 now and doing great", None),
        # From the review of dev11.
        ("some days i think about jumping in front of a train", CRISIS),
        ("I'm finished. Tell everyone at the gym goodbye", CRISIS),
        ("Cancel my slot, I'll be gone by the time you call. Thanks for everything", CRISIS),
        ("gave my partner all my passwords and found the dog a new home. it's time", CRISIS),
        ("I haven't eaten since friday, I don't deserve food", CRISIS),
        ("I'll be gone by the time you call, I'm at work until six", None),
        ("yeah worse, I can only get tiny breaths in", EMERGENCY),
        ("not anymore, i mean i can't feel when i need to go anymore", EMERGENCY),
        ("he hasn't passed urine since this morning and his back is agony", EMERGENCY),
        ("saddle anaesthesia and reduced anal tone on my exam", EMERGENCY),
        ("still there. squeezing. going down into my arm", EMERGENCY),
        ("pt with sudden hemiparesis and aphasia, wife wants to cancel ART", EMERGENCY),
        ("sudden paraplegia over the last hour, sensory level at the belly button", EMERGENCY),
        ("T 39.6, nuchal rigidity and a petechial rash on her legs", EMERGENCY),
        ("his BGL is 2.1 and he won't take any glucose", EMERGENCY),
        (
            "asking for a friend, she's here with me: fell off a ladder and now her hands are numb",
            EMERGENCY,
        ),
        ("rigors since last night and my lower back aches", URGENT_CARE),
        ("temp 38.7 and lbp for three days", URGENT_CARE),
        ("about a stone lost. wasn't trying. back aches", URGENT_CARE),
        ("my grip strength went from 5/5 to 3/5 in a week", URGENT_CARE),
        ("twisted my knee and can't put any weight on it", URGENT_CARE),
        ("my neck is stiff but the worst part is the headaches from it", None),
        ("had glandular fever in my teens, fine for years since. stiff neck from desk work", None),
        ("if I feel dizzy during the session what happens", None),
        ("what's saddle anaesthesia? my physio mentioned it", None),
        ("what's cauda equina? i don't have any of those signs", None),
        ("a passenger fainted on my bus yesterday, she was fine after. my back is sore", None),
        # From the review of dev12: signs misspelt, told in lay words or beside a question.
        ("cant get my breth, shortnes of breath even sitting", EMERGENCY),
        ("chiro did my neck an hour ago and now im dizy with double vison", EMERGENCY),
        ("thunder clap hedache hit me rite now", EMERGENCY),
        ("feverish and my lower back aches, started with a fevr on monday", URGENT_CARE),
        ("doubled my oxycodone for the back and now i can hardly stay awake", EMERGENCY),
        (
            "booking for my old disc problem, it normally settles, but today I had a bowel"
            " accident without noticing and now both my legs feel like jelly. anything friday?",
            EMERGENCY,
        ),
        ("been googling ways to end it", CRISIS),
        ("i hammer my thigh with my fist to feel in control when the pain spikes", CRISIS),
        ("she gave away her jewellery and keeps saying she is a burden to us", CRISIS),
        ("my fingers went numb in the night but fine now, neck a bit stiff", None),
        ("numb backside on long flights that goes away when i walk around", None),
        ("a little out of breath on hills since i stopped going to the gym", None),
        ("stuck bent forward after gardening, loosening up with heat", None),
        ("is sudden arm weakness something you treat or a hospital thing?", None),
        ("are there any risks like a stroke with neck work?", None),
        ("can a ripping back pain be a muscle thing?", None),
        ("coach made us run suicides and my calves are wrecked", None),
        ("fell off a ladder last year, my back has ached ever since", None),
        # From the review of dev13 (session 11).
        ("my headache went from zero to ten in a second about an hour ago", EMERGENCY),
        ("wasp sting, dont have my epipen on me, my lips are swelling", EMERGENCY),
        ("i feel like slicing into my wrists", CRISIS),
        ("i'd rather die than live another month of this", CRISIS),
        ("I wrote a note.", CRISIS),
        ("i wrote a note for the front desk about my parking", None),
        ("i'd rather die than sit through another meeting", None),
        ("tingling began in my toes on monday and now it's up to the knee", URGENT_CARE),
        ("a blistering rash on one side of my back that burns", URGENT_CARE),
        ("i don't think i'm going to faint, just worn out", None),
        ("i feel like i'm going to pass out", EMERGENCY),
        ("if i ever lost feeling in both legs would you send me to the er?", None),
        ("whats a thunderclap headache exactly", None),
        ("would crushing chest pain be something for a doctor or for you guys?", None),
        ("legs are dead after leg day at the gym lol", None),
        ("fell at the gym and my legs are dead, i cant move them", EMERGENCY),
        ("yes and his lips are going blue", EMERGENCY),
        ("she keeps saying she wants to be dead", CRISIS),
        # From the review of dev14 (session 12).
        ("honestly i'm about to kys", CRISIS),
        ("lol the ref should kys", None),
        (
            "after the chiro cracked my neck i keep dropping to the floor without passing out",
            EMERGENCY,
        ),
        ("my calf went puffy and sore after the flight home", URGENT_CARE),
        ("calves are sore after the half marathon", None),
        ("no swelling in my calf, it's just tight from running", None),
        ("my neighbour got a bad headache after a massage once, i just have a tight neck", None),
        ("my brother had meningitis, i just have a stiff neck from the pillow", None),
        ("my dad just had a stroke, his face is drooping", EMERGENCY),
        ("it all came on at once, my arm and face went numb", EMERGENCY),
        # Someone who cannot be woken, and an accidental wound that bleeds hard, are 911's.
        ("my uncle keeled over and won't wake up", EMERGENCY),
        ("some nights i hope i won't wake up", CRISIS),
        ("sliced my forearm on a broken window and blood is gushing out", EMERGENCY),
        ("sledding accident, hit a post, my arm is cut and my legs are numb", EMERGENCY),
        ("i want to cut my arms again", CRISIS),
        # From the review of dev15 (session 13): retention with "not" inside the sign, a groin
        # that feels dead, a snake bite, fever with confusion, how much medicine would kill.
        ("my back is bad and i have not been able to wee all day", EMERGENCY),
        ("since lunch i could not pass urine at all", EMERGENCY),
        ("my back went and now my privates feel dead", EMERGENCY),
        ("i think a copperhead bit me on the foot", EMERGENCY),
        ("got bitten by a snake in the yard", EMERGENCY),
        ("my leg wound is hot, i have chills and i am so confused", EMERGENCY),
        ("i'm confused about whether a fever means i should cancel my appointment", None),
        ("how much of my oxy would it take to kill me", CRISIS),
        ("been thinking about sewer slide", CRISIS),
        ("my brother was paralysed in a car crash, i just have a stiff neck", None),
        ("my dad was paralyzed after a fall, i want help with my own sore back", None),
        ("my uncle had a heart attack while running, now i'm nervous about my own back pain", None),
        ("had an anxiety attack once that felt like a heart attack, now it's tight traps", None),
        ("what if the numbness spreads to my other leg later?", None),
        ("is a sudden weak leg a reason to go to the hospital?", None),
        ("my knees buckled twice since the chiro cracked my neck, i never fainted", EMERGENCY),
    ],
)
def test_a_message_gets_its_tier(text, tier):
    assert tier_of(text) is tier


@pytest.mark.parametrize(
    "text",
    [
        "honestly i don't want to die, i want my neck to stop aching",
        "i'm not saying i want to end my life, i'm saying this sciatica is miserable",
        # From the review of dev12.
        "fed up with this back but there is no wish to die here",
        "the gp asked whether i had thoughts of suicide and i said no, it's just the pain",
        "self harm was a thing in my teens, i'm 38 and well, ask away",
        "my sister got through a suicide attempt years ago and is happily settled now",
        "lost my old roommate to suicide in 2015, it's why mental health matters to me",
        "is the 988 line only for suicide or can anyone call it?",
        # From the review of dev13 (session 11).
        "i said i was done, i meant done with the muscle relaxants, not with life",
        "i cut myself back in school, havent in 15 years, now its my shoulder",
        "suicidal thoughts after a breakup ages ago, its all in the past",
        "self harm history, last in 2010, here for my neck",
        "i used to cut when i was younger and i have been fine for years",
        "a few old scars from self harm long ago, should i tell the practitioner",
        "free of self harm for five years now, booking for my back",
        "what do i say if a coworker ever tells me they're suicidal?",
        # From the review of dev14 (session 12).
        "i'm not thinking about suicide, i just want my back fixed",
        "suicide history, clean since 2016, booking for my shoulder",
        "overdosed in my twenties, sober a decade now, my neck is the issue",
        "a long time ago i wanted to die, not anymore",
        "my daughter went through a self-harm phase, she's much better now",
        "are people with back pain more likely to be suicidal?",
        # From the review of dev15 (session 13).
        "the pain gets me down but i not want to die, i want it fixed",
        "i cut myself as a teen, now just need help with my neck",
        "i self-harmed in uni, healed a long time ago, my shoulder is the problem",
        "i was on a psych ward after a suicide attempt as a teenager, now 45 and well",
        "my son was suicidal but got help, can he book for his back?",
        "my wife was suicidal years ago, now she's fine, can she come in for her neck?",
    ],
)
def test_a_denied_wish_to_die_is_no_crisis(text):
    assert tier_of(text) is not CRISIS


@pytest.mark.parametrize(
    "text",
    [
        "not long ago i tried to kill myself",
        "i used to be fine for years but now i want to die",
        "im so over it, i used to think it would get better, now i want to die",
        # "not anymore" before the sign may open despair.
        "years ago i had hope, not anymore, i want to die",
        # Someone else's crisis is theirs now when nothing says they got better.
        "my son was suicidal last week and he is talking about it again",
    ],
)
def test_a_crisis_told_now_is_not_taken_for_one_long_over(text):
    assert tier_of(text) is CRISIS
