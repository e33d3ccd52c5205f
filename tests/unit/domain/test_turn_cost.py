"""Turns outside the booking form need no action-server call: Rasa fills every slot itself.

Rasa calls the action server after every message when the domain lists
`action_validate_slot_mappings`, or a custom slot mapping names an action; inside the form,
`validate_booking_form` does the extraction and validation instead.
"""

import yaml

from clinic.paths import REPO_ROOT
from testkit.domain import load_domain


def test_no_global_slot_validation_action():
    assert "action_validate_slot_mappings" not in load_domain()["actions"]


def test_no_custom_slot_mapping_runs_an_action():
    with_action = [
        name
        for name, slot in load_domain()["slots"].items()
        for mapping in slot.get("mappings", [])
        if mapping.get("type") == "custom" and "action" in mapping
    ]
    assert with_action == []


def test_only_the_form_validation_gets_the_domain_with_each_call():
    for name in ("endpoints.yml", "endpoints.production.yml"):
        endpoints = yaml.safe_load((REPO_ROOT / name).read_text(encoding="utf-8"))
        assert endpoints["action_endpoint"]["enable_selective_domain"] is True, name
    needing_domain = [
        next(iter(action))
        for action in load_domain()["actions"]
        if isinstance(action, dict) and next(iter(action.values())).get("send_domain")
    ]
    assert needing_domain == ["validate_booking_form"]
