"""The names of the applicant's own files in the home folder (no heavy imports: `matchtui
paths` lists them without loading pydantic). matchtui.store re-exports them."""

PROFILE = "profile.toml"
PROGRAMS = "programs.toml"
PLAN = "plan.toml"
PRACTICE = "practice.toml"
USER_FILES = (PROFILE, PROGRAMS, PLAN, PRACTICE)
