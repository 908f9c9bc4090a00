"""The Profile's "Kind of role" says what each role covers, so a graduate who practised abroad
knows a physician's post there is a clinical job (found as a non-US IMG eight years a consultant
physician, unsure which of the six to pick)."""

from __future__ import annotations

from typing import Any

from matchtui.widgets.profile_fields import FieldLine
from tests.test_profile_choices import make_app, ready


async def test_the_role_field_explains_the_roles(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        role = next(line for line in screen.query(FieldLine) if line.path == ("clinical", "role"))
        help_text = role.spec.tooltip
        assert "physician's post abroad" in help_text
        for label in ("Clinical job", "Transitional", "Observership", "Clinical research"):
            assert label in help_text
