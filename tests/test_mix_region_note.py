"""The Mix estimate says why its in-region figure can read higher than the Reality check's
back-home rating.

Found as a DO senior aiming at the West with no ties, no rotation there and a story about the
mountains: the Reality check read "Matching in the West: VERY LOW" and the Mix pane, one key
away, "In region 52-89%, point 74%", with no word on how both can hold. The rating is an advice
article's rough scenario; the estimate turns it into an assumed factor on each application
there. The note says so, next to the figure, in the pane and the command."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from matchtui.catalog import Catalog
from matchtui.engine.mix import estimate, recommended_mix
from matchtui.models.profile import Profile
from tests.test_assess_engine import make

STORY = "I have always loved the mountains, and Colorado would be a great place to live and train."


def ghost(**changes: Any) -> Profile:
    base: dict[str, Any] = {
        "applicant__stage": "student",
        "applicant__graduation_year": 2027,
        "applicant__home_region": "south",
        "applicant__current_region": "south",
        "targets__region": "west",
        "targets__specialties": ["emergency_medicine"],
        "clinical__role": "none",
        "clinical__months_last_24": 0,
        "letters": [{"specialty": "emergency_medicine", "region": "south", "months_ago": 2}],
        "narrative__why_home": STORY,
    }
    return make(**{**base, **changes})


def note_for(profile: Profile, catalog: Catalog, specialty: str | None = None) -> Any:
    return estimate(profile, catalog, recommended_mix(profile, catalog, specialty))


def test_a_very_low_rating_with_a_high_figure_is_explained(catalog: Catalog) -> None:
    result = note_for(ghost(), catalog)
    assert result.p_match_in_region >= 0.5
    assert result.region_note == (
        "The Reality check rates matching in the West very low, from an advice article's rough "
        "scenarios; here that is a factor of 0.7 (0.5-0.9, assumed) on each application there, "
        "so this figure reads higher. Ties, a rotation there and letters from the West raise "
        "both."
    )


def test_a_graduate_is_told_of_clinical_work_there(catalog: Catalog) -> None:
    graduate = ghost(
        applicant__stage="graduate",
        applicant__graduation_year=2025,
        applicant__current_region="south",
        targets__specialties=["family_medicine"],
        clinical__role="clinical_job",
        clinical__months_last_24=12,
    )
    note = note_for(graduate, catalog).region_note
    assert "clinical work there" in note and "a rotation" not in note


def test_no_note_when_nothing_needs_reconciling(catalog: Catalog) -> None:
    # A low figure agrees with the rating; a high rating needs no word.
    assert note_for(ghost(), catalog, "dermatology").region_note == ""
    tied = ghost(
        ties=[{"kind": "family", "region": "west"}, {"kind": "grew_up", "region": "west"}],
        rotations=[{"region": "west", "status": "done"}],
        letters=[
            {"specialty": "emergency_medicine", "region": "west", "months_ago": 2},
            {"specialty": "emergency_medicine", "region": "south", "months_ago": 3},
        ],
    )
    assert note_for(tied, catalog).region_note == ""


def test_the_command_prints_it(tmp_path: Path, catalog: Catalog, capsys: Any) -> None:
    from matchtui.cli import main
    from matchtui.tomlio import dump_model

    path = tmp_path / "ghost.toml"
    path.write_text(dump_model(ghost()))
    assert main(["--home", str(tmp_path / "home"), "mix", "--profile", str(path)]) == 0
    out = capsys.readouterr().out
    line = out.splitlines().index(
        next(s for s in out.splitlines() if s.startswith("Chance of matching in your target"))
    )
    assert out.splitlines()[line + 1].startswith("The Reality check rates matching in the West")
    assert main(["--home", str(tmp_path / "home"), "mix", "--profile", str(path), "--json"]) == 0
    assert "very low" in json.loads(capsys.readouterr().out)["region_note"]
