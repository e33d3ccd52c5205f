"""The booking request's summary question, detail changes, reset and cancel."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.booking_form import buttons, changed_time, detail_buttons, language
from clinic.booking.conversation import DETAIL_SLOTS, detail_from_text
from clinic.booking.fields import BOOKING_SLOTS, BookingDetails
from clinic.conversations.offers import reply_in_words, request_asked_for
from clinic.text import booking_wording as texts


def reset_booking_events() -> list[EventType]:
    return [SlotSet(slot, None) for slot in BOOKING_SLOTS] + [
        SlotSet("answer_misses", 0),
        SlotSet("booking_paused", False),
    ]


class ActionAskBookingConfirmed(Action):
    """Shows the summary and asks to send it; silent while the visitor picks a detail to change."""

    def name(self) -> str:
        return "action_ask_booking_confirmed"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        if tracker.get_slot("choosing_detail"):
            return [SlotSet("choosing_detail", False)]
        spoken = language(tracker)
        dispatcher.utter_message(
            text=BookingDetails.from_slots(tracker.current_slot_values()).summary(spoken),
            buttons=buttons(
                [
                    (texts.BUTTON_SEND, "/affirm"),
                    (texts.BUTTON_CHANGE, "/deny"),
                    (texts.BUTTON_CANCEL, "/cancel"),
                ],
                spoken,
            ),
        )
        return []


class ActionChangeDetail(Action):
    """Clears the detail the visitor wants to change so that the form asks for it again, or
    takes the new days and times a change of the time names ("evenings are better for me")."""

    def name(self) -> str:
        return "action_change_detail"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        named = next(tracker.get_latest_entity_values("detail"), None)
        detail = named if named in DETAIL_SLOTS else None
        detail = detail or detail_from_text(text)
        if detail is None:
            dispatcher.utter_message(
                text=texts.WHAT_TO_CHANGE.text(language(tracker)),
                buttons=detail_buttons(language(tracker)),
            )
            choosing = tracker.get_slot("requested_slot") == "booking_confirmed"
            return [SlotSet("booking_confirmed", None), SlotSet("choosing_detail", choosing)]
        new_time = changed_time(dispatcher, tracker, detail, text)
        events: list[EventType] = (
            [SlotSet("preferred_time", new_time)]
            if new_time
            else [SlotSet(slot, None) for slot in DETAIL_SLOTS[detail]]
        )
        return [*events, SlotSet("booking_confirmed", None), SlotSet("choosing_detail", False)]


class ActionResetBooking(Action):
    def name(self) -> str:
        return "action_reset_booking"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        return reset_booking_events()


class ActionCancelRequest(Action):
    """Ends a booking request that the visitor cancelled: the request is dropped, and a no to the
    first question of one just started from a callback or an offer ("no actually forget it",
    with no name given yet) declines it as a no to an offer does."""

    def name(self) -> str:
        return "action_cancel_request"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> list[EventType]:
        text = tracker.latest_message.get("text") or ""
        declined = (
            tracker.get_slot("full_name") is None
            and reply_in_words(text) is False
            and not request_asked_for(tracker.events)
        )
        dispatcher.utter_message(
            response="utter_offer_declined" if declined else "utter_booking_cancelled"
        )
        return reset_booking_events()
