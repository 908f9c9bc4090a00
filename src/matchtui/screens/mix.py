"""Program mix pane: sliders for the list, a live estimate beside them, the applicant's own list.

Everything shown comes from `engine.mix.estimate` and `engine.programs`; the screen only binds
sliders to a MixPlan and widgets to the results. The sliders' state saves to plan.toml's `mix`
section (the plan pane owns `timeline`) and is restored when the pane opens.
"""

from __future__ import annotations

import datetime as dt
import pickle
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.css.query import NoMatches
from textual.widget import Widget
from textual.widgets import Label, Select, Static, TabPane

from matchtui.background import yielding_often
from matchtui.engine.calibrate import cached_calibration_table, calibration_table
from matchtui.engine.memo import LastResult, Same
from matchtui.engine.mix import (
    Verdict,
    estimate,
    estimate_list,
    preset_for,
    rebalance,
    recommended_mix,
    verdict_for,
)
from matchtui.engine.programs import (
    ListComparison,
    ListTally,
    against_list,
    compare,
    read_import,
)
from matchtui.engine.wording import plural
from matchtui.errors import Conflict, FileProblems
from matchtui.models.mix import ListEstimate, MixEstimate
from matchtui.models.plan import MixPlan, PlanFile
from matchtui.models.profile import Profile
from matchtui.models.programs import ProgramList
from matchtui.screens.base import PaneScreen
from matchtui.store import Saved
from matchtui.widgets.alike_lines import PaneVerticalScroll
from matchtui.widgets.alike_tabs import PaneTabPane
from matchtui.widgets.conflict import guarded_programs_save, guarded_save, reload_plan
from matchtui.widgets.mix_bars import MixBars, set_text
from matchtui.widgets.mix_estimate import EstimatePanel
from matchtui.widgets.mix_programs import ProgramsPanel
from matchtui.widgets.mix_specialty import SpecialtyField
from matchtui.widgets.mix_tabs import MixTabs
from matchtui.widgets.mix_warnings import AssumptionList, WarningList
from matchtui.widgets.slider import Slider, SliderLooks

if TYPE_CHECKING:
    from matchtui.app import MatchApp
    from matchtui.catalog import Catalog

SHARE_SLIDERS = ("slider-academic", "slider-mid", "slider-community")
SLIDER_LABEL_WIDTH = 12  # the sliders' label column ("Applications")
# A program-list save starts once no change has come for this long (seconds): the frame showing
# the change is drawn first, and a burst of status changes is saved once (saving 20,000
# programs is about a second of CPU that would otherwise compete with the key presses).
SAVE_QUIET = 0.3
SAVE_QUIET_FROM = 2_000  # programs; a shorter list saves in milliseconds, at once


# What the pane's first visit works out from the program list, worked out ahead at idle by
# `MixScreen.warm_data` (in the app's preload thread) and shared with the visit; each keyed on
# all it depends on, so a list, profile or specialty changed since is worked out again.
_TALLIES: LastResult[ListTally] = LastResult()
_LIST_ESTIMATES: LastResult[ListEstimate] = LastResult()
_ESTIMATES: LastResult[MixEstimate] = LastResult()


def _profile_key(profile: Profile) -> bytes:
    """The profile's content (a form may change the app's profile object in place)."""
    return pickle.dumps(profile, protocol=pickle.HIGHEST_PROTOCOL)


def tally_of(programs: ProgramList, catalog: Catalog, profile: Profile) -> ListTally:
    """`ListTally(programs, catalog, profile)`, taken ready when it was counted from the same
    records for the same region and years since graduation; a tally of the caller's own (it
    changes it by delta)."""
    key = (
        Same(programs.programs),
        catalog,
        profile.targets.region,
        profile.years_since_graduation,
    )
    shared = _TALLIES.get(key, lambda: ListTally(programs, catalog, profile))
    return shared.bound_to(programs)


def list_estimate_of(
    profile: Profile,
    catalog: Catalog,
    programs: ProgramList,
    specialty: str,
    verdict: Verdict,
    today: dt.date,
) -> ListEstimate:
    """`estimate_list(...)`, taken ready when worked out from the same records, profile
    content, specialty, verdict and day (a Step 3 booked for a day gone by reads as missing)."""
    key = (Same(programs.programs), catalog, _profile_key(profile), specialty, verdict, today)
    return _LIST_ESTIMATES.get(
        key, lambda: estimate_list(profile, catalog, programs, specialty, verdict, today)
    )


def estimate_of(
    profile: Profile,
    catalog: Catalog,
    plan: MixPlan,
    programs: ProgramList,
    verdict: Verdict,
    tally: ListTally,
    today: dt.date,
) -> MixEstimate:
    """`estimate(...)` for the pane's first refresh, taken ready when worked out from the same
    sliders, records, profile content, verdict and day (the tally is counted from those)."""
    key = (
        _plan_key(plan),
        Same(programs.programs),
        catalog,
        _profile_key(profile),
        verdict,
        today,
    )
    return _ESTIMATES.get(
        key,
        lambda: estimate(
            profile, catalog, plan, programs, verdict=verdict, tally=tally, today=today
        ),
    )


def _plan_key(plan: MixPlan) -> tuple[object, ...]:
    """What the estimate reads of the sliders (not when they were saved)."""
    return (
        plan.specialty,
        plan.applications,
        plan.academic_pct,
        plan.mid_tier_pct,
        plan.community_pct,
        plan.region_share_pct,
        plan.signals_used,
    )


def _opening_mix(
    plan: PlanFile | None, profile: Profile, catalog: Catalog, today: dt.date | None = None
) -> MixPlan:
    """The mix the pane opens on: the saved one if its specialty is known, else the
    recommended one."""
    saved = plan.mix if plan is not None else None
    if saved is not None and saved.specialty in catalog.specialties:
        return saved
    return recommended_mix(profile, catalog, today=today)


def _signals_in(catalog: Catalog, specialty: str) -> int:
    """The program signals the specialty offers (0 where it has none)."""
    signals = catalog.specialties[specialty].signals
    return signals.total if signals else 0


def _start_plan(
    plan: PlanFile | None, profile: Profile, catalog: Catalog, today: dt.date | None = None
) -> MixPlan:
    """The sliders the pane opens with (`_opening_mix`, as its sliders hold it: the signals
    slider keeps within what the specialty offers)."""
    start = _opening_mix(plan, profile, catalog, today)
    used = max(0, min(start.signals_used, _signals_in(catalog, start.specialty)))
    return start.model_copy(update={"signals_used": used})


@dataclass(frozen=True)
class _Widgets:
    """The widgets a slider step updates, looked up once."""

    tabs: MixTabs
    bars: MixBars
    estimate: EstimatePanel
    warnings: WarningList
    assumptions: AssumptionList
    sliders: dict[str, Slider]


def _percent(value: int) -> str:
    return f"{value}%"


class MixScreen(PaneScreen):
    PANE_ID = "mix"
    # The first slider takes the focus as the pane mounts (on_mount), without Textual's
    # auto-focus centring it: the controls open at the top, the specialty in view.
    AUTO_FOCUS = ""
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s",
            "save",
            "Save mix",
            id="mix.save",
            tooltip="Save the sliders to plan.toml",
        ),
        Binding(
            "p",
            "apply_preset",
            "Use recommended",
            id="mix.preset",
            tooltip="Set the sliders to the mix recommended for this profile",
        ),
        Binding("m", "show_tab('tab-mix')", "Mix", id="mix.tab-mix", tooltip="The sliders"),
        Binding(
            "l",
            "show_tab('tab-programs')",
            "List",
            id="mix.tab-programs",
            tooltip="Your own program list against the target",
        ),
        Binding(
            "a",
            "show_tab('tab-assumptions')",
            "Assumptions",
            id="mix.tab-assumptions",
            tooltip="What the estimate assumes, with sources",
        ),
    ]

    @classmethod
    def style_samples(cls) -> list[Widget]:
        from textual.containers import Vertical
        from textual.widgets import Button, Checkbox, Input

        from matchtui.widgets.cycle_select import CycleSelect
        from matchtui.widgets.program_table import ProgramTable

        return [
            TabPane("x"),
            Vertical(),
            Select[str]([]),
            Label("x"),
            (looks := SliderLooks()),
            Slider(looks=looks),
            MixBars(),
            EstimatePanel(),
            WarningList(),
            AssumptionList(),
            ProgramTable[int](),
            Input(),
            CycleSelect([("x", "x")], "x"),
            Checkbox("x"),
            Button("x"),
        ]

    @classmethod
    def warm_data(cls, app: MatchApp) -> None:
        """The list's tally and the list estimate for the specialty the pane opens on, from
        the program list validated in memory (the visit takes them if nothing changed)."""
        profile = app.profile
        if profile is None:
            return
        programs = app.workspace.peek_programs_warm()
        if programs is None:
            return  # not read yet (or it does not load): the visit reads it
        catalog = app.catalog
        start = _start_plan(app.plan, profile, catalog, app.today)
        verdict = verdict_for(profile, catalog)
        tally = tally_of(programs, catalog, profile)
        estimate_of(profile, catalog, start, programs, verdict, tally, app.today)
        if tally.active(start.specialty):  # shown only then (`_show_mix`)
            list_estimate_of(profile, catalog, programs, start.specialty, verdict, app.today)

    def __init__(self) -> None:
        super().__init__()  # the base gives the breakpoint class before anything mounts
        self._shares: tuple[int, int, int] = (20, 45, 35)
        self._specialty = ""
        self._verdict = Verdict(risk_tier="not_applicable", back_home=None)
        self._saved: MixPlan | None = None
        self._baseline: MixPlan | None = None  # where the sliders started (before any save)
        self._programs = ProgramList.empty()
        self._programs_ok = True
        self._programs_seen = 0  # the app's program-list version this pane holds
        self._tally: ListTally | None = None  # counts from the list, kept by delta
        self._listed: dict[tuple[str, Verdict], ListEstimate] = {}
        self._mix_stale = False  # the Mix tab's widgets wait for the tab to be shown
        self.result: MixEstimate | None = None
        self._calibrating = False
        self._illustrative: bool | None = None
        self._syncing = False
        self._found: _Widgets | None = None
        self._made: _Widgets | None = None  # as composed
        self._first_refresh = True  # its estimate may be ready (`warm_data`)
        self._hidden_built = False  # the hidden tabs' contents (`_build_hidden_tabs`)
        self.comparison: ListComparison | None = None
        # The program list is saved by a background thread, latest list wins (see _queue_save).
        self._save_lock = threading.Lock()  # guards the two fields below
        self._write_lock = threading.Lock()  # one save of programs.toml at a time
        self._pending_save: ProgramList | None = None
        self._saver_running = False
        self._queued_at = 0.0

    # -- layout --------------------------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        plan = self._initial_plan()
        self._specialty = plan.specialty
        self._shares = (plan.academic_pct, plan.mid_tier_pct, plan.community_pct)
        signals = self._signals_available(plan.specialty)
        # The widgets a refresh updates, kept as they are made (`_widgets`: no query of the
        # pane's ~100 widgets on its first refresh).
        self._sliders_made: dict[str, Slider] = {}
        # The sliders' looks, worked out once for the six (not once a slider).
        self._slider_looks = SliderLooks()
        # The strip is one drawn widget (MixTabs), not TabbedContent's eight.
        titles = ("Mix", "My programs", "Assumptions")
        with MixTabs(titles, initial="tab-mix", id="mix-tabs") as tabs:
            # The controls and the results side by side in the pane itself (tab-mix's CSS:
            # horizontal), not in a Horizontal of their own: one full-size container fewer.
            with PaneTabPane(titles[0], id="tab-mix"):
                with PaneVerticalScroll(id="mix-controls", can_focus=True):
                    # Drawn as the Select it becomes just after the first frame (or when
                    # reached first): `_make_specialty_real`.
                    yield SpecialtyField(
                        self._specialty_options(),
                        plan.specialty,
                        select_id="mix-specialty",
                        id="mix-specialty-field",
                    )
                    yield self._slider_row(
                        Slider(
                            plan.applications,
                            minimum=1,
                            maximum=200,
                            step=5,
                            label="Applications",
                            label_width=SLIDER_LABEL_WIDTH,
                            id="slider-apps",
                            tooltip="Number of applications (left/right 5, shift 1)",
                        ),
                    )
                    for label, slider_id, value in (
                        ("Academic", "slider-academic", plan.academic_pct),
                        ("Mid-tier", "slider-mid", plan.mid_tier_pct),
                        ("Community", "slider-community", plan.community_pct),
                    ):
                        yield self._slider_row(
                            Slider(
                                value,
                                step=5,
                                formatter=_percent,
                                label=label,
                                label_width=SLIDER_LABEL_WIDTH,
                                id=slider_id,
                                tooltip="Share of the list; the other two rebalance to 100%",
                            ),
                        )
                    yield self._slider_row(
                        Slider(
                            plan.region_share_pct,
                            step=5,
                            formatter=_percent,
                            label="In region",
                            label_width=SLIDER_LABEL_WIDTH,
                            id="slider-region",
                            tooltip="Share of programs in your target region",
                        ),
                    )
                    yield self._slider_row(
                        Slider(
                            min(plan.signals_used, signals),
                            minimum=0,
                            maximum=max(signals, 0),
                            step=1,
                            label="Signals",
                            label_width=SLIDER_LABEL_WIDTH,
                            id="slider-signals",
                            disabled=signals == 0,
                            tooltip="Program signals used (where the specialty has them)",
                        ),
                    )
                    yield Static(id="mix-preset", markup=False)
                    yield Static(id="mix-status", markup=False)
                    yield self._slider_looks
                with PaneVerticalScroll(id="mix-results", can_focus=True):
                    yield Static("Target mix", classes="section-title", markup=False)
                    yield (bars := MixBars(id="mix-bars"))
                    yield Static("Estimate", classes="section-title", markup=False)
                    yield (panel := EstimatePanel(id="mix-estimate"))
                    yield Static(id="mix-note", markup=False)
                    yield Static("Warnings", classes="section-title", markup=False)
                    yield (warnings := WarningList(id="mix-warnings"))
            # Hidden at first: their contents (a third of the pane's widgets) are mounted just
            # after the first frame (`_build_hidden_tabs`).
            yield PaneTabPane(titles[1], id="tab-programs")
            yield PaneTabPane(titles[2], id="tab-assumptions")
        assumptions = self._assumptions = AssumptionList(id="mix-assumptions")
        self._made = _Widgets(
            tabs=tabs,
            bars=bars,
            estimate=panel,
            warnings=warnings,
            assumptions=assumptions,
            sliders=self._sliders_made,
        )

    def _slider_row(self, slider: Slider) -> Slider:
        """A row of the sliders: the slider draws its own label (one widget per row, not a
        Horizontal with a Label and the slider), in the looks the six share."""
        slider.looks = self._slider_looks
        self._sliders_made[slider.id or ""] = slider
        return slider

    def _specialty_options(self) -> list[tuple[str, str]]:
        targets = [t for t in self.profile.targets.specialties if t in self.catalog.specialties]
        rest = sorted(
            (s for s in self.catalog.specialties.values() if s.id not in targets),
            key=lambda s: s.name,
        )
        return [(f"★ {self.catalog.specialty_name(t)}", t) for t in targets] + [
            (s.name, s.id) for s in rest
        ]

    # -- state ---------------------------------------------------------------------------------
    def _initial_plan(self) -> MixPlan:
        start = _opening_mix(self.plan, self.profile, self.catalog, self.matchapp.today)
        if start is self.plan.mix:
            self._saved = start
        else:
            self._baseline = start
        return start

    def _signals_available(self, specialty: str) -> int:
        return _signals_in(self.catalog, specialty)

    def _slider(self, slider_id: str) -> Slider:
        if self._found is not None:
            return self._found.sliders[slider_id]
        return self.query_one(f"#{slider_id}", Slider)

    def current_plan(self) -> MixPlan:
        academic, mid_tier, community = self._shares
        return MixPlan(
            specialty=self._specialty,
            applications=self._slider("slider-apps").value,
            academic_pct=academic,
            mid_tier_pct=mid_tier,
            community_pct=community,
            region_share_pct=self._slider("slider-region").value,
            signals_used=self._slider("slider-signals").value,
        )

    def on_mount(self) -> None:
        if self.focused is None:
            self.set_focus(self._slider("slider-apps"), scroll_visible=False)
        self.watch(self.matchapp, "plan", self._plan_changed, init=False)
        self._verdict = verdict_for(self.profile, self.catalog)
        self._load_programs()
        self._watch_sliders()
        self.refresh_estimate()
        self.call_after_refresh(self._after_first_frame)

    async def _after_first_frame(self) -> None:
        self._build_hidden_tabs()
        await self._make_specialty_real()

    def _build_hidden_tabs(self) -> None:
        """The list and assumptions tabs' contents, in their panes (once: just after the first
        frame, or at once if one of those tabs is asked for first). The list panel asks for the
        program list when it is mounted (`ProgramsPanel.Ready`)."""
        if self._hidden_built:
            return
        self._hidden_built = True
        programs = self.query_one("#tab-programs", TabPane)
        programs.mount(
            PaneVerticalScroll(
                ProgramsPanel(self.catalog, id="programs-panel"),
                id="programs-scroll",
                can_focus=True,
            )
        )
        assumptions = self.query_one("#tab-assumptions", TabPane)
        assumptions.mount(PaneVerticalScroll(self._assumptions, id="assumptions-scroll"))

    async def _make_specialty_real(self) -> None:
        """The specialty Select in place of the field drawn as it on the first frame."""
        for field in self.query(SpecialtyField):
            await field.make_real()

    def _plan_changed(self, plan: PlanFile | None) -> None:
        self._saved = plan.mix if plan is not None else None
        self._mark_unsaved()

    def on_profile(self, profile: Profile) -> None:
        self._verdict = verdict_for(profile, self.catalog)
        self._listed.clear()
        options = self._specialty_options()
        for field in self.query(SpecialtyField):  # not yet the Select
            field.set_options(options, self._specialty)
        for select in self.query("#mix-specialty").results(Select):
            with self.prevent(Select.Changed):
                select.set_options(options)
                select.value = self._specialty
        self.refresh_estimate()

    def _load_programs(self, fresh: bool = False) -> None:
        workspace = self.matchapp.workspace
        try:
            # Validated in memory already (at idle after start-up, or by another pane): only
            # read and hashed; else read as usual.
            warm = None if fresh else workspace.load_programs_warm()
            load = workspace.reload_programs if fresh else workspace.load_programs
            self._programs = warm if warm is not None else load()
            self._programs_ok = True
            self._programs_seen = self.matchapp.programs_changed(self._programs, read=True)
            self._freeze_programs()
        except FileProblems as exc:
            self._programs = ProgramList.empty()
            self._programs_ok = False
            self.notify(
                f"{exc.summary()}. The program list is not shown and will not be overwritten.",
                title="programs.toml could not be loaded",
                severity="error",
                timeout=15,
                markup=False,
            )
        self._show_list(self._programs)

    def on_screen_resume(self) -> None:
        """Back on the pane: the list as another pane changed (or read) it since, if it did
        (a program added or moved on Applications counts here at once, and a status changed
        here next is saved with it); else read again if another window or command changed the
        file meanwhile and nothing of this pane's waits to be written."""
        latest = self.matchapp.latest_programs(self._programs_seen)
        if latest is not None:
            if not self._programs_ok:
                return
            self._programs_seen = self.matchapp.programs_version
            self._programs = latest
            self._tally = None
            self._show_list(latest)
        elif self._saved_all() and self.matchapp.workspace.programs_changed_elsewhere():
            self._load_programs()
        else:
            return
        self.refresh_estimate()

    def _show_list(self, programs: ProgramList) -> None:
        """The list panel shows `programs`; the estimates from the list are worked out again."""
        self._listed.clear()
        panel = self._panel()
        if panel is not None:
            panel.set_programs(programs, self.profile)

    def _freeze_programs(self) -> None:
        """The list just read lives until it is replaced: out of the GC's sight (a status
        change's save in its thread set off full collections that walked it)."""
        self.matchapp.freeze_read_data()

    def _panel(self) -> ProgramsPanel | None:
        """The list tab's panel, or None until it is mounted (just after the first frame)."""
        if not self.is_mounted:
            return None
        found = self.query(ProgramsPanel)
        panel = found.first(ProgramsPanel) if found else None
        # Mounted (its table made): it is added to the DOM a moment before.
        return panel if panel is not None and panel.is_mounted else None

    @on(ProgramsPanel.Ready)
    def _panel_ready(self, event: ProgramsPanel.Ready) -> None:
        event.panel.set_programs(self._programs, self.profile)
        if self._widgets().tabs.active == "tab-programs":
            if self.comparison is not None:
                event.panel.show_comparison(self.comparison)
            if self.focused is None or self.focused.id == "programs-scroll":
                self.query_one("#programs-table").focus(scroll_visible=False)

    # -- the live estimate ---------------------------------------------------------------------
    def refresh_estimate(self) -> None:
        """Recompute and show the estimate; runs on every slider step, so it touches only the
        widgets that are visible or changed (see bench/bench_slider.py), and reads the program
        list through its tally (counts kept by delta), never row by row."""
        plan = self.current_plan()
        tally = self._list_tally()
        if self._first_refresh:  # the first visit's, perhaps worked out ahead at idle
            self._first_refresh = False
            result = estimate_of(
                self.profile,
                self.catalog,
                plan,
                self._programs,
                self._verdict,
                tally,
                self.matchapp.today,
            )
        else:  # a slider step: nothing to look up
            result = estimate(
                self.profile,
                self.catalog,
                plan,
                self._programs,
                verdict=self._verdict,
                tally=tally,
                today=self.matchapp.today,
            )
        self.result = result
        widgets = self._widgets()
        comparison = compare(self._programs, result, self.profile, self.catalog, tally)
        self.comparison = comparison
        active = widgets.tabs.active
        if active == "tab-mix":
            self._show_mix(result, comparison)
        else:  # shown when the tab is (the list estimate alone is a pass over the list)
            self._mix_stale = True
        if active == "tab-assumptions":
            self._show_assumptions(result)
        panel = self._panel() if active == "tab-programs" else None
        if panel is not None:
            panel.show_comparison(comparison)
        self._show_preset(result)
        self._show_note(result.illustrative)
        self._mark_unsaved(plan)

    def _show_mix(self, result: MixEstimate, comparison: ListComparison) -> None:
        self._mix_stale = False
        widgets = self._widgets()
        region_name = self.catalog.region_name(self.profile.targets.region)
        listed = self._list_estimate(result.specialty) if comparison.actual_total else None
        widgets.bars.show(result, region_name, comparison)
        widgets.estimate.show(result, listed)
        widgets.warnings.show(result.warnings)

    def _list_tally(self) -> ListTally:
        tally = self._tally
        if tally is None or not tally.fits(self._programs, self.profile):
            tally = self._tally = tally_of(self._programs, self.catalog, self.profile)
        return tally

    def _show_assumptions(self, result: MixEstimate) -> None:
        """The estimate's assumptions and the calibration table (`matchtui calibrate`'s own
        engine function, cached per catalog). Computing it takes about a second, so the first
        visit to the tab starts it in a thread and the table appears when it is ready."""
        rows = cached_calibration_table(self.catalog)
        if rows is None and not self._calibrating:
            self._calibrating = True
            self.run_worker(self._compute_calibration, thread=True, group="calibration")
        assumptions = self._widgets().assumptions
        if not assumptions.is_mounted:  # shown at once: the list is mounted just after
            self.call_after_refresh(self._show_assumptions_again)
            return
        assumptions.show(result.assumptions, self.catalog, rows or (), pending=rows is None)

    def _show_assumptions_again(self) -> None:
        if self.result is not None and self._widgets().tabs.active == "tab-assumptions":
            self._show_assumptions(self.result)

    def _compute_calibration(self) -> None:
        calibration_table(self.catalog)
        self.app.call_from_thread(self._calibration_ready)

    def _calibration_ready(self) -> None:
        self._calibrating = False
        if self.result is not None and self._widgets().tabs.active == "tab-assumptions":
            self._show_assumptions(self.result)

    def _widgets(self) -> _Widgets:
        if self._found is None and self._made is not None and self._made.tabs.is_mounted:
            self._found = self._made
        if self._found is None:
            self._found = _Widgets(
                tabs=self.query_one("#mix-tabs", MixTabs),
                bars=self.query_one(MixBars),
                estimate=self.query_one(EstimatePanel),
                warnings=self.query_one(WarningList),
                assumptions=self.query_one(AssumptionList),
                sliders={s.id or "": s for s in self.query(Slider)},
            )
        return self._found

    def _show_note(self, illustrative: bool) -> None:
        if illustrative == self._illustrative:
            return
        self._illustrative = illustrative
        self.query_one("#mix-note", Static).update(
            "An estimate, not a forecast. Illustrative: some of its inputs are assumptions or "
            "an advice article's rough figures (see the Assumptions tab)."
            if illustrative
            else "An estimate, not a forecast; its inputs are listed in the Assumptions tab."
        )

    def _list_estimate(self, specialty: str) -> ListEstimate:
        key = (specialty, self._verdict)
        found = self._listed.get(key)
        if found is None:
            found = list_estimate_of(
                self.profile,
                self.catalog,
                self._programs,
                specialty,
                self._verdict,
                self.matchapp.today,
            )
            self._listed[key] = found
        return found

    def _show_preset(self, result: MixEstimate) -> None:
        preset = result.preset
        text = Text()
        text.append("Recommended for you: ", style="bold")
        text.append(f"{preset.name}\n")
        text.append(
            f"{preset.mix.academic}/{preset.mix.mid_tier}/{preset.mix.community}, "
            f"{preset.applications} applications, {preset.region_share_pct}% in region\n"
        )
        source = self.catalog.sources.get(preset.source)
        origin = source.title.split(":")[0] if source else preset.source
        text.append(f"{preset.reliability} ({origin})", style="italic")
        if preset.note:
            text.append(f"\n{preset.note}")
        text.append("\nPress p to apply it.", style="dim")
        set_text(self.query_one("#mix-preset", Static), text)

    def _mark_unsaved(self, plan: MixPlan | None = None) -> None:
        """Unsaved = the sliders differ from plan.toml (or, before any save, from where the
        pane started); the app asks before quitting with unsaved panes."""
        try:
            plan = plan or self.current_plan()
            status = self.query_one("#mix-status", Static)
        except NoMatches:  # not composed yet
            return
        saved = self._saved.model_copy(update={"saved_at": None}) if self._saved else None
        baseline = saved or self._baseline
        dirty = baseline is not None and baseline != plan
        if dirty:
            self.matchapp.unsaved.add(self.PANE_ID)
        else:
            self.matchapp.unsaved.discard(self.PANE_ID)
        status.set_class(dirty, "-dirty")
        if dirty:
            message = "Changed: ctrl+s saves these sliders to plan.toml"
        elif saved is not None:
            message = "Saved in plan.toml"
        else:
            message = "Not saved yet: ctrl+s saves these sliders to plan.toml"
        set_text(status, Text(message))

    # -- events --------------------------------------------------------------------------------
    def _watch_sliders(self) -> None:
        # A synchronous watch (not the bubbling Changed message) so a step updates the estimate
        # in the same turn of the event loop as the key press.
        for slider in self._widgets().sliders.values():
            self.watch(slider, "value", self._mover(slider.id or ""), init=False)

    def _mover(self, slider_id: str) -> Callable[[int], None]:
        # one parameter: Textual passes (old, new) to two-parameter watchers
        def moved(value: int) -> None:
            self._slider_moved(slider_id, value)

        return moved

    def _slider_moved(self, slider_id: str, value: int) -> None:
        if self._syncing:
            return
        if slider_id in SHARE_SLIDERS:
            index = SHARE_SLIDERS.index(slider_id)
            self._shares = rebalance(self._shares, index, value)
            self._set_share_sliders()
        self.refresh_estimate()

    def _set_share_sliders(self) -> None:
        with self._quiet():
            for slider_id, value in zip(SHARE_SLIDERS, self._shares, strict=True):
                self._slider(slider_id).value = value

    @contextmanager
    def _quiet(self) -> Iterator[None]:
        """Set sliders from code without re-entering the estimate or posting Changed."""
        self._syncing = True
        try:
            with self.prevent(Slider.Changed):
                yield
        finally:
            self._syncing = False

    @on(Select.Changed, "#mix-specialty")
    def _specialty_changed(self, event: Select.Changed) -> None:
        if not isinstance(event.value, str) or event.value == self._specialty:
            return
        self._specialty = event.value
        available = self._signals_available(self._specialty)
        signals = self._slider("slider-signals")
        with self._quiet():
            signals.set_range(0, available)
            signals.value = min(signals.value, available)
        signals.disabled = available == 0
        self.refresh_estimate()

    def action_apply_preset(self) -> None:
        plan = recommended_mix(
            self.profile,
            self.catalog,
            self._specialty,
            verdict=self._verdict,
            today=self.matchapp.today,
        )
        self._apply(plan)
        preset = preset_for(self.profile, self.catalog, self._specialty)
        self.notify(f"Applied the recommended mix: {preset.name}", markup=False)

    def _apply(self, plan: MixPlan) -> None:
        self._shares = (plan.academic_pct, plan.mid_tier_pct, plan.community_pct)
        self._set_share_sliders()
        with self._quiet():
            for slider_id, value in (
                ("slider-apps", plan.applications),
                ("slider-region", plan.region_share_pct),
                ("slider-signals", plan.signals_used),
            ):
                self._slider(slider_id).value = value
        self.refresh_estimate()

    def action_save(self) -> None:
        plan = self.current_plan().model_copy(
            update={"saved_at": dt.datetime.now().replace(microsecond=0)}
        )
        current = self.matchapp.plan or PlanFile()
        new_plan = current.model_copy(update={"mix": plan})
        workspace = self.matchapp.workspace

        def saved(_: object) -> None:
            self._saved = plan
            self.matchapp.plan = new_plan
            self._mark_unsaved()
            self.notify("Program mix saved to plan.toml", markup=False)

        guarded_save(
            self,
            lambda how: workspace.save_plan(new_plan, keep_mine=how == "keep"),
            saved=saved,
            reload=lambda: reload_plan(self),
            what="plan.toml",
        )

    # -- the program list ----------------------------------------------------------------------
    @on(ProgramsPanel.ListEdited)
    def _list_edited(self, event: ProgramsPanel.ListEdited) -> None:
        if not self._programs_ok:
            self.notify(
                "programs.toml did not load, so the list cannot be changed here.",
                severity="error",
                markup=False,
            )
            return
        self._save_programs(event.programs)

    @on(ProgramsPanel.StatusChanged)
    def _status_changed(self, event: ProgramsPanel.StatusChanged) -> None:
        # The table already shows the new status (one row updated in place). The tally and the
        # list estimates change by this one program: a status only decides whether it counts.
        if not self._programs_ok:
            return
        old = self._programs.programs
        before = old[event.index] if len(old) == len(event.programs.programs) else None
        tally = self._tally
        if before is not None and tally is not None and tally.fits(self._programs, self.profile):
            tally.replaced(event.index, event.program, event.programs)
        else:
            self._tally = None
        self._programs = event.programs
        if before is None or before.active != event.program.active:
            self._listed.clear()
        self._queue_save(event.programs)
        self.refresh_estimate()

    def _save_programs(self, programs: ProgramList) -> None:
        self._show_programs(programs)

    def _show_programs(self, programs: ProgramList) -> None:
        self._programs = programs
        self._freeze_programs()  # an imported list
        self._queue_save(programs)
        self._show_list(programs)
        self.refresh_estimate()

    # Saving 20,000 programs (TOML, a check that the old file loads, the parse cache) takes
    # seconds: it runs in a worker thread, never on the UI thread. One thread at a time saves
    # the newest list; a change made meanwhile is saved right after; leaving the pane (or
    # quitting) finishes any save still queued.
    def _queue_save(self, programs: ProgramList) -> None:
        self._programs_seen = self.matchapp.programs_changed(programs)
        with self._save_lock:
            self._pending_save = programs
            self._queued_at = time.monotonic()
            if self._saver_running:
                return
            self._saver_running = True
        self.run_worker(self._save_queued, thread=True, group="programs-save", exit_on_error=False)

    def _save_queued(self) -> None:
        workspace = self.matchapp.workspace
        while True:
            with self._save_lock:
                pending = self._pending_save
                big = pending is not None and len(pending.programs) >= SAVE_QUIET_FROM
                quiet = self._queued_at + SAVE_QUIET - time.monotonic() if big else 0.0
            if quiet > 0:
                time.sleep(quiet)
                continue
            conflicted: ProgramList | None = None
            error: Exception | None = None
            with self._write_lock:
                # Take the newest list only once the file is ours: saves happen in order and
                # the last one always writes the newest list.
                with self._save_lock:
                    programs, self._pending_save = self._pending_save, None
                    if programs is None:
                        self._saver_running = False
                        return
                try:
                    with yielding_often():  # the keys pressed meanwhile stay quick
                        workspace.save_programs(programs)
                except Conflict:
                    conflicted = programs
                except (FileProblems, OSError) as exc:
                    error = exc
            if conflicted is not None:
                # Someone else changed the file: ask on the UI thread (reload, keep mine, or
                # merge what they added), never overwrite silently. Asked once the write lock
                # is let go: the UI thread may be waiting for it (leaving the pane or quitting
                # flushes under it), and would never run the question.
                self.app.call_from_thread(self._save_after_conflict, conflicted)
            if error is not None:
                self.app.call_from_thread(
                    self.notify,
                    f"Could not save programs.toml: {error}",
                    severity="error",
                    markup=False,
                )

    def _saved_all(self) -> bool:
        with self._save_lock:
            return self._pending_save is None and not self._saver_running

    def flush_saves(self) -> None:
        """Save a queued program list now (on the calling thread), if the saver has not yet."""
        with self._write_lock:
            with self._save_lock:
                programs, self._pending_save = self._pending_save, None
            if programs is not None:
                # Leaving (or quitting): no dialog can be shown, so a changed file is kept
                # aside as programs.toml.other-DATE-RANDOM and ours is written.
                with suppress(OSError, FileProblems):
                    self.matchapp.workspace.save_programs(programs, keep_mine=True)

    def _save_after_conflict(self, programs: ProgramList) -> None:
        def reload() -> None:
            self._load_programs(fresh=True)
            self.refresh_estimate()

        def saved(result: Saved[ProgramList]) -> None:
            self._programs = result.model
            panel = self._panel()
            if panel is not None:
                panel.set_programs(result.model, self.profile)
            self.refresh_estimate()

        guarded_programs_save(self, programs, saved=saved, reload=reload)

    def on_unmount(self) -> None:
        self.flush_saves()

    @on(ProgramsPanel.ImportRequested)
    def _import(self, event: ProgramsPanel.ImportRequested) -> None:
        panel = self._panel()
        assert panel is not None  # it sent the request
        if not self._programs_ok:
            panel.show_import_result(
                ["programs.toml did not load; fix it first (nothing was imported)."], ok=False
            )
            return
        path = Path(event.path).expanduser()
        result = read_import(path, self.catalog, self.matchapp.today)
        if not result.fatal and not event.replace:  # a code another program on the list holds
            against_list(result, self._programs.programs)
        problems = [f"line {p.line}: {p.message}" if p.line else p.message for p in result.problems]
        if result.fatal or (problems and not event.skip_bad):
            head = f"Nothing imported from {path}" + (
                ""
                if result.fatal
                else f": {len(problems)} bad rows (tick 'Skip bad rows' to import the rest)"
            )
            panel.show_import_result([head, *problems], ok=False)
            return
        try:
            saved, duplicates = self.matchapp.workspace.import_programs(
                result.programs, replace=event.replace
            )
        except (FileProblems, OSError) as exc:
            message = exc.summary() if isinstance(exc, FileProblems) else f"{exc.strerror or exc}"
            panel.show_import_result([f"Nothing imported from {path}: {message}"], ok=False)
            return
        merged = saved.model
        self._show_programs(merged)
        added = len(result.programs) - len(duplicates)
        lines = [
            f"Imported {plural(added, 'program')} from {path} ({len(merged.programs)} in the list)."
        ]
        if duplicates:
            lines.append(f"{len(duplicates)} were already on the list.")
        if problems:
            lines.append(f"{len(problems)} bad rows skipped:")
            lines += problems
        panel.show_import_result(lines, ok=True)

    def action_show_tab(self, tab_id: str) -> None:
        # Focus into the pane first: a focused widget left behind in the hidden pane would
        # otherwise hand focus to its own pane and MixTabs would switch back to it.
        self._focus_target(tab_id).focus(scroll_visible=False)
        self._widgets().tabs.active = tab_id

    def _focus_target(self, tab_id: str) -> Widget:
        if tab_id != "tab-mix":
            self._build_hidden_tabs()  # asked for before the first frame was out
        targets = {
            "tab-mix": "#slider-apps",
            "tab-programs": "#programs-table",
            "tab-assumptions": "#assumptions-scroll",
        }
        found = self.query(targets[tab_id])
        if not found and tab_id == "tab-programs":
            return self.query_one("#programs-scroll")  # the table is not mounted yet
        return found.first()

    @on(MixTabs.TabActivated)
    def _tab_activated(self, event: MixTabs.TabActivated) -> None:
        # hidden tabs are not updated per slider step; bring the one shown up to date
        pane = event.pane.id or ""
        if pane == "tab-mix" and self._mix_stale and self.result and self.comparison:
            self._show_mix(self.result, self.comparison)
        elif pane == "tab-programs" and self.comparison is not None:
            panel = self._panel()
            if panel is not None:
                panel.show_comparison(self.comparison)
        elif pane == "tab-assumptions" and self.result is not None:
            self._show_assumptions(self.result)
        focused = self.focused
        outside = focused is None or event.pane not in focused.ancestors
        if outside and pane in ("tab-mix", "tab-programs", "tab-assumptions"):
            target = self._focus_target(pane)
            self.call_after_refresh(lambda: target.focus(scroll_visible=False))
