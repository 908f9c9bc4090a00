"""The Reality check's rule panel lists a rule's settings, not its wording or what is unset.

Before: selecting "Earn new, recent letters" showed "Settings when: [...]; unless: [];
graduate title: ; graduate text: ; plan b title: ; plan b text:" (seen at 120x40 as a graduate
not in training)."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.reality_types import Finding
from matchtui.engine.reality_view import describe


def _text(catalog: Catalog, rule: str) -> str:
    finding = Finding(title="t", rule=rule, source="article_reentry", reliability="illustrative")
    return "".join(text for text, _tone in describe(catalog, finding))


def test_unset_and_wording_fields_are_not_settings(catalog: Catalog) -> None:
    shown = _text(catalog, "actions.new_letters")
    settings = shown.split("Settings ", 1)[1].split("\n", 1)[0]
    assert settings.startswith("when: [")
    assert "unless" not in settings and "graduate" not in settings and "plan b" not in settings


def test_a_set_unless_is_a_setting(catalog: Catalog) -> None:
    shown = _text(catalog, "actions.take_step3")
    assert "Settings when: [step3.missing, step3.late]; unless: [exams.step1 open]" in shown
