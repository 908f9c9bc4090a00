"""An applicant may be from, live or study outside the US (many IMGs apply from home).

Found trying a non-US IMG in their final year abroad: the form offered only the four census
regions for home, where they live and where they study, so they had to pick a US region, and
picking the target counted as a tie ("lives there") they do not have.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets.select import InvalidSelectValueError

from matchtui.app import MatchApp
from matchtui.engine.assess import assess
from matchtui.engine.mix import estimate, recommended_mix
from matchtui.engine.refs import profile_ref_problems
from matchtui.models.base import ABROAD
from matchtui.models.profile import Profile
from matchtui.store import PROFILE, Store
from matchtui.widgets.profile_fields import real_select


def from_abroad(demo_profile: Any) -> Any:
    applicant = demo_profile.applicant.model_copy(
        update={
            "situation": "in_school",
            "student_year": "m4",
            "degree": "non_us_img",
            "graduation_year": 2026,
            "visa": "needs_sponsorship",
            "home_region": ABROAD,
            "lives_in": ABROAD,
            "training_region": ABROAD,
            "decided_year": None,
            "decided_month": None,
        }
    )
    return Profile.model_validate(
        {**demo_profile.model_dump(), "applicant": applicant.model_dump(), "ties": []}
    )


def test_outside_the_us_is_a_place_to_be_from_not_a_target(demo_profile: Any, catalog: Any) -> None:
    abroad = from_abroad(demo_profile)
    assert list(profile_ref_problems(abroad, catalog)) == []
    assert abroad.is_returner and not abroad.lives_in_target
    result = assess(abroad, catalog)
    assert result.back_home.heading == "Matching in the Midwest"
    assert result.back_home.ties == "none"
    assert catalog.region_name(ABROAD) == "another country"
    figures = estimate(abroad, catalog, recommended_mix(abroad, catalog))
    assert 0 < figures.p_match <= 1
    target = abroad.model_copy(
        update={"targets": abroad.targets.model_copy(update={"region": ABROAD, "divisions": []})}
    )
    problems = dict(profile_ref_problems(target, catalog))
    assert ("targets", "region") in problems  # a target is a US region


async def test_the_form_offers_outside_the_us_where_it_applies(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="profile", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.screen.form_built()  # type: ignore[attr-defined]
        screen: Any = app.screen
        lives = await real_select(screen, "#f-applicant-lives_in")
        home_region = await real_select(screen, "#f-applicant-home_region")
        target = await real_select(screen, "#f-targets-region")
        with pytest.raises(InvalidSelectValueError):  # a target is a US region
            target.value = ABROAD
        lives.value = ABROAD  # a Select refuses a value it does not offer
        home_region.value = ABROAD
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = Store(home).load(PROFILE, Profile)
        assert (saved.applicant.lives_in, saved.applicant.home_region) == (ABROAD, ABROAD)


def test_an_img_from_abroad_is_not_called_a_returner(demo_profile: Any, catalog: Any) -> None:
    """The header read '(graduate, not in training, re-entry, returner)' for an IMG applying
    from their own country to a region they never lived in; 'come back' questions were
    offered to them."""
    from matchtui.models.questions import question_bank, questions_for

    abroad = from_abroad(demo_profile)
    assert abroad.path_labels() == ["aiming at a new region"]  # a student abroad
    assert demo_profile.path_labels() == ["re-entry applicant", "returner"]
    offered = {q.id for q in questions_for(question_bank(catalog), abroad)}
    assert "why_region" in offered and "trained_elsewhere" not in offered


def test_a_graduate_already_living_in_the_home_region_is_not_called_a_returner(
    demo_profile: Any,
) -> None:
    """A graduate out of training who lives in the home region they aim at was labelled
    'returner' in the Reality check's header and the report, as if coming back from elsewhere."""
    data = demo_profile.model_dump()
    data["applicant"]["lives_in"] = data["applicant"]["home_region"]
    at_home = type(demo_profile).model_validate(data)
    assert at_home.targets.region == at_home.applicant.home_region
    assert at_home.path_labels() == ["re-entry applicant", "applying where you live"]
    assert demo_profile.path_labels() == ["re-entry applicant", "returner"]  # lives in the South


def test_the_summary_names_a_new_region_as_a_region(demo_profile: Any, catalog: Any) -> None:
    """The Reality check's summary line read "Home MODERATE TO LOW" for an applicant from
    abroad aiming at the Northeast, whose section below is titled "Matching in ..."."""
    from matchtui.engine.reality_view import build_reality_view

    abroad = from_abroad(demo_profile)
    assert assess(abroad, catalog).back_home.new_region
    summary = "".join(text for text, _ in build_reality_view(abroad, catalog, None).summary)
    assert "Region " in summary and "Home " not in summary
    assert not assess(demo_profile, catalog).back_home.new_region
    home = build_reality_view(demo_profile, catalog, None).summary
    assert "Home " in "".join(text for text, _ in home)
