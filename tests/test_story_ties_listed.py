"""Ties a why-home story names, with none listed, are pointed at whatever the story's quality.

Found as a returner aiming at the West with no ties listed and the story "I want to go back to
Arizona where I grew up. My mom lives in Tucson.": the Reality check read "Ties to the West: none
(none listed, though you call the West home: list who or what ties you there)" and its scenario
"No ties, no story", though the story names a mother and an upbringing there. The ties count
from the list; the line now says the story names some to add, and the scenario no longer says
there is no story."""

from __future__ import annotations

from matchtui.catalog import Catalog
from matchtui.engine.assess import assess
from tests.test_assess_engine import returner

STORY = "I want to go back to Ohio where I grew up. My mom lives in Toledo."


def test_a_generic_story_naming_ties_is_pointed_at_the_list(catalog: Catalog) -> None:
    home = assess(
        returner(ties=[], applicant__home_region="midwest", narrative__why_home=STORY), catalog
    ).back_home
    assert home.narrative == "generic"
    line = next(r for r in home.reasons if r.startswith("Ties to the Midwest:"))
    assert line == (
        "Ties to the Midwest: none (none listed, though your why-home story names some: add "
        "them under Ties in the Profile so they count)"
    )
    assert "no story" not in home.scenario_label


def test_a_story_without_ties_is_asked_as_before(catalog: Catalog) -> None:
    plain = "I want to go back to Ohio. It is a good place to train and the cost of living is low."
    home = assess(
        returner(ties=[], applicant__home_region="midwest", narrative__why_home=plain), catalog
    ).back_home
    line = next(r for r in home.reasons if r.startswith("Ties to the Midwest:"))
    assert "you call the Midwest home: list who or what ties you there" in line


def test_living_there_does_not_hide_the_ties_a_story_names(catalog: Catalog) -> None:
    """Found as a non-US IMG living in the target region, whose story reads "My husband works
    at Emory in Atlanta and our children go to school in Decatur": the line read "weak (lives
    there)" with no word that the husband's job and the children's school count once listed."""
    story = "My husband works at the Cleveland Clinic and our children go to school in Ohio."
    home = assess(
        returner(
            ties=[],
            applicant__home_region="midwest",
            applicant__lives_in="midwest",
            narrative__why_home=story,
        ),
        catalog,
    ).back_home
    line = next(r for r in home.reasons if r.startswith("Ties to the Midwest:"))
    assert line == (
        "Ties to the Midwest: weak (lives there; your why-home story names more: add them under "
        "Ties in the Profile so they count)"
    )
    assert not any(r.startswith("Ties in your story:") for r in home.reasons)
