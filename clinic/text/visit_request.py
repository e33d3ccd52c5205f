"""A message that asks to be seen ("can someone see me?", "book an eval for my lower back",
"I would like to request an appointment for neck pain"), however much it also tells about the
pain: the NLU reads the long story as that region's question, and the visitor gets the answer
instead of the booking request they asked for."""

from __future__ import annotations

import re

from clinic.text.times import names_a_time

# Someone seeing, checking or treating the visitor.
_BE_SEEN = re.compile(
    r"\b(?:can|could|would|will) (?:some ?one|any ?one|somebody|a practitioner|a clinician|"
    r"a doctor|a chiropractor|you|you guys|your clinic) (?:please )?"
    r"(?:see|look at|check|examine|take a look at|fit) (?:me|it|my)\b"
    r"|\bsome ?(?:one|body) (?:can|could|to) see me\b"
    # "I'd like to see someone about my neck": the visitor wishes to be seen.
    r"|\b(?:i'd like|i would like|i want|i wanna|i need|i'd love) to (?:see|be seen by) "
    r"(?:some ?one|somebody|a practitioner|a clinician|a chiropractor|one of your)\b"
    # "Can I get seen", "need to get back in", "want to come in", "put me down for my back".
    r"|\b(?:get|be) seen\b"
    r"|\b(?:want|wanna|need|like|love|hoping) to (?:come in|get (?:back )?in)\b"
    r"|\bput me (?:down|in) for\b"
    # "Wondering if i could get in to see someone", "can i get checked for that".
    r"|\bget in to see\b|\b(?:i|we) (?:could|can) get in\b"
    # "Ok sure have the front desk reach out": the callback asked for.
    r"|\b(?:have|get) (?:the front desk|some ?one|somebody|them) (?:to )?"
    r"(?:reach out|call|contact|get in touch)\b"
    r"|\b(?:(?:can|could|may) (?:i|we|you)|(?:i|we) (?:want|need|would like|'d like) to)"
    r" (?:get|be) (?:checked|looked at|examined|evaluated|assessed)\b"
)
# A visit asked for in so many words: booking, scheduling or requesting one.
_ASK_FOR_VISIT = re.compile(
    r"\b(?:book|schedule|request|make|arrange|set up|(?:can|could|may) (?:i|we) (?:get|have))"
    r"(?: me| myself)?(?: in)?"
    r"(?: an?| one| some| my| something)?"
    r" (?:appointment|appt|eval|evaluation|assessment|consultation|consult|visit|session)s?\b"
    r"|\bbook (?:me |myself )?(?:in|something)\b"
    # "... my lower back is fried. book me", "CAN I BOOK?", "ok actually yes book it".
    # ("could you book me a hotel" is no visit: "book me" ends the request or asks for one).
    r"|\bbook me(?: in)?(?: please| pls| asap| now)?\s*[.!?]*$"
    r"|\bbook me (?:for (?:my|an?|the|this)|an? (?:appointment|appt|eval|visit|session))\b"
    r"|\b(?:can|could|may) (?:i|we) book\b"
    r"|\b(?:yes|yeah|yep|ok|okay|sure)\W+(?:\w+\W+)?(?:please )?book (?:it|that|one)\b"
    # "Would like an appointment", "can my grandpa get an appointment?", "sure ill try an
    # evaluation": a visit wished for, for the visitor or someone else.
    r"|\b(?:would|i'd|i'll|ill|i will|we'd) (?:like|love|want|need|try|take|do|get|have)"
    r" (?:an?|one|the) (?:appointment|appt|eval|evaluation|assessment|consultation|consult)\b"
    r"|\b(?:can|could|may) (?:my \w+|he|she|they|someone) (?:get|have) an?"
    r" (?:appointment|appt|eval|evaluation|assessment|consultation|consult)\b"
    # "Yes let's book", "booking for my son", "how does booking work here".
    r"|\blet'?s book\b|\bbooking for\b|\bhow (?:does|do i|can i) (?:booking work|book)\b"
    # "Actually ok, i do want to book after all" (never "i don't want to book").
    r"|\b(?:i|i do|i really do|we|we do) (?:want|wanna|would like) to book\b"
    # "I wanna book but like whats the earliest", "i need to schedule for my husband".
    r"|\b(?:i|we) (?:wanna|want to|need to|would like to|'d like to) (?:book|schedule|reserve)\b"
    # "He needs appointment", "she wants a consult": a visit needed, the article left out
    # (never "he doesn't want an appointment").
    r"|(?<!n't )(?<!nt )(?<!not )(?<!no )\b(?:need|needs|want|wants|wanna)(?: an?| one)?"
    r" (?:appointment|appt|evaluation|assessment|consultation|consult)\b"
    # "Book for neck", "schedule for my wife" (never "the best book for neck pain").
    r"|(?<!\ba )(?<!\bthe )(?<!\bbest )(?<!\bgood )(?<!\bany )"
    r"\b(?:book|schedule|reserve)(?: something| one)?"
    r" for (?:me|my|him|her|them|us|his|the|neck|lower back|back)\b"
    # "Sounds good sign me up", "ok book him".
    r"|\bsign (?:me|him|her|us|them) up\b|\bbook (?:him|her|them|us)\b"
    # One word that asks for a visit: "reserve", "appointment".
    r"|^(?:reserve|schedule|appointment|appt|booking)\s*[.!?]*$"
)
# "Can I come in thursday morning?": coming in at a time they name.
_COME_IN = re.compile(r"\b(?:can|could|may) (?:i|we) (?:come in|stop by|drop in|pop in)\b")
# Questions about a visit, not a request for one ("how much is a session?", "do I need to book
# ahead?", "do you take insurance for an evaluation?").
_ABOUT_A_VISIT = re.compile(
    r"\b(?:how much|cost|costs|price|prices|pay|insurance|covered|how long|how many|how often|"
    r"do i need|do you need|should i|what happens|what to expect|safe"
    r"|(?:would|will|does|did) (?:i|we|he|she|they|you) need)\b"
)


def asks_to_be_seen(text: str) -> bool:
    """Whether `text` asks for a visit (a booking request), whatever else it says."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    if _ABOUT_A_VISIT.search(lowered):
        return False
    if _BE_SEEN.search(lowered) or _ASK_FOR_VISIT.search(lowered):
        return True
    return bool(_COME_IN.search(lowered)) and names_a_time(lowered)
