import re

from testkit.rasa_cli import run_rasa

# Warnings Rasa 3.6's validator raises for correct projects, each with the reason it is expected.
EXPECTED_WARNINGS = [
    # The FAQ retrieval intent is listed in the domain (as Rasa's docs require) and Rasa adds it
    # again from the NLU data when it merges the two.
    r"The following duplicated intents have been found across multiple domain files: faq",
    # A form asks with utter_ask_<slot>; the validator only looks for responses in stories.
    r"The utterance 'utter_ask_(full_name|contact|concern|preferred_time|patient_status)'"
    r" is not used in any story or rule\.",
    # Sent by action_answer_other_condition, with or without the condition's name.
    r"The utterance 'utter_other_condition(_named)?' is not used in any story or rule\.",
    # Sent by action_fallback, in turn, to messages in a row it cannot place or help with (the
    # first out-of-scope one gets utter_out_of_scope).
    r"The utterance 'utter_(default(_offer_person|_again)?|out_of_scope)' is not used in any story"
    r" or rule\.",
    # Sent by validate_booking_form after two answers a question could not take.
    r"The utterance 'utter_(answer|contact)_help' is not used in any story or rule\.",
    # Given by the triage stage (components/triage_stage.py) when it is unsure, never trained on.
    r"The intent 'symptom_check' is listed in the domain file, but is not found in the NLU"
    r" training data\.",
    # Sent by action_triage_check and action_triage_cleared.
    r"The utterance 'utter_(symptom_check|symptom_check_cleared|crisis_check)' is not used in any "
    r"story or rule\.",
    # Sent by action_answer_offer and action_answer_followup (actions/conversation.py).
    r"The utterance 'utter_(ask_question|offer_declined|offer_declined_again|followup_treat|"
    r"followup_unclear)' is not used in any story or rule\.",
    # Sent by action_cancel_request (the cancel rule) and action_submit_booking.
    r"The utterance 'utter_booking_cancelled' is not used in any story or rule\.",
]


def test_training_data_validates_with_fail_on_warnings():
    result = run_rasa("data", "validate", "--fail-on-warnings")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    warnings = re.findall(r"UserWarning: (.*)", output)
    unexpected = [
        warning
        for warning in warnings
        if not any(re.fullmatch(pattern, warning.strip()) for pattern in EXPECTED_WARNINGS)
    ]
    assert unexpected == [], output
