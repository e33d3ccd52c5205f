import pytest

from clinic.text.visit_request import asks_to_be_seen


@pytest.mark.parametrize(
    "text",
    [
        "my lower back is killing me by friday, tried stretching and yoga. can someone see me?",
        "lifting boxes all day and my back is very pain. it is possible someone can see me?",
        "can someone see me this week? neck's been rough",
        "ok fine, i do want to book after all",
        "Good afternoon. I would like to request an appointment for neck pain.",
        "book an eval for my lower back please",
        "can i come in thurs morning?",
        "can i get an appointment next week",
        "i'd like to see someone about my neck",
        "I need to see a practitioner for my lower back, it's been weeks",
        "lower back pain for a few weeks now, can I get seen",
        "need to get back in, the neck is acting up",
        "stiff neck again, want to come in",
        "put me down for my neck please",
        "booking for my daughter, her lower back hurts after practice",
        "how do i book",
        "ok yes lets book it",
        "My reason for coming: stiff lower back. I'd like an appointment.",
        "PLAY HOCKEY ON WEEKENDS AND MY NECK IS ALWAYS SORE. CAN WE BOOK?",
        "was hoping i could get in soon, my back has been acting up since the move",
        "cool. ok i'll do an evaluation then",
        "nice. ok ill take an assessment",
        "fine, get someone to call me back",
        "could my mother have an appointment? she is 79 and her neck is stiff",
        "alright can i get looked at for this",
        "rowing six days a week, my lower back is wrecked. book me please",
        "book me for my neck, it's been stiff all week",
        "yeah fine book it, sorry for going back and forth",
        # dev8: a visit needed without its article, booked for someone, one word.
        "my grandmother needs appointment for her neck, she cant type well",
        "we wanna schedule but whats the soonest you have",
        "could you schedule for my wife, her lower back is bad",
        "perfect, sign her up",
        "alright then book her",
        "Schedule",
    ],
)
def test_a_message_that_asks_to_be_seen(text):
    assert asks_to_be_seen(text)


@pytest.mark.parametrize(
    "text",
    [
        "how much is a session?",
        "i don't want to book anymore",
        "do I need to book ahead?",
        "how many sessions will I need",
        "can ART help my neck",
        "can i come in if im pregnant",
        "is it safe to get a session after surgery",
        "can you see what is wrong with me",
        "do i need to see someone before my first ART session?",
        "do i need to be seen before a session",
        "what happens when i get seen",
        "would i need an evaluation first?",
        "does my son need to get checked by a doctor before ART?",
        "should my dad get an appointment with his doctor first",
        "could you book me a table for two tonight",
        "my son doesn't need an appointment, he just has a question",
        "is there a good book for neck exercises",
        "i read the best book for back pain",
    ],
)
def test_a_question_about_a_visit_is_no_request_for_one(text):
    assert not asks_to_be_seen(text)
