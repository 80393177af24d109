"""The exercise catalog: other apps' names land on the right lift; rests and swaps make sense."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from tui.core import catalog
from tui.core.catalog import (
    CATALOG,
    MUSCLE_GROUPS,
    Exercise,
    alternatives,
    find,
    find_or_custom,
    normalise,
    search,
    simpler_swap,
)
from tui.core.model import ModelError

LIFTS = list(CATALOG.values())
LIFT_IDS = [lift.id for lift in LIFTS]

# Names as they appear in real Strong and Hevy exports.
APP_NAMES = [
    "Squat (Barbell)",
    "Bench Press (Barbell)",
    "Bench Press (Dumbbell)",
    "Incline Bench Press (Dumbbell)",
    "Incline Bench Press (Barbell)",
    "Deadlift (Barbell)",
    "Romanian Deadlift (Barbell)",
    "Overhead Press (Barbell)",
    "Shoulder Press (Dumbbell)",
    "Seated Shoulder Press (Machine)",
    "Bent Over Row (Barbell)",
    "Seated Cable Row - V Grip (Cable)",
    "Seated Row (Cable)",
    "Lat Pulldown (Cable)",
    "Lat Pulldown - Close Grip (Cable)",
    "Pull Up",
    "Pull Up (Assisted)",
    "Chin Up",
    "Triceps Dip",
    "Leg Press (Machine)",
    "Leg Press",
    "Hack Squat (Machine)",
    "Hack Squat",
    "Leg Extension (Machine)",
    "Seated Leg Curl (Machine)",
    "Lying Leg Curl (Machine)",
    "Standing Calf Raise (Machine)",
    "Calf Press (Machine)",
    "Seated Calf Raise",
    "Hip Thrust (Barbell)",
    "Bicep Curl (Barbell)",
    "Bicep Curl (Dumbbell)",
    "Hammer Curl (Dumbbell)",
    "Triceps Pushdown (Cable - Straight Bar)",
    "Triceps Rope Pushdown",
    "Skullcrusher (Barbell)",
    "Lateral Raise (Dumbbell)",
    "Lateral Raise (Cable)",
    "Reverse Fly (Cable)",
    "Rear Delt Reverse Fly (Machine)",
    "Chest Fly",
    "Chest Fly (Machine)",
    "Cable Fly Crossovers",
    "Face Pull (Cable)",
    "Face Pull",
    "Cable Crunch",
    "Hanging Leg Raise",
    "Plank",
    "Bulgarian Split Squat",
    "Bulgarian Split Squat (Dumbbell)",
    "Walking Lunge (Dumbbell)",
    "Lunge (Dumbbell)",
    "Front Squat (Barbell)",
    "Goblet Squat (Kettlebell)",
    "Goblet Squat (Dumbbell)",
    "Kettlebell Swing",
    "Push Up",
    "T Bar Row",
    "Chest Press (Machine)",
    "Shrug (Dumbbell)",
    "Shrug (Barbell)",
    "Good Morning (Barbell)",
    "Power Clean",
    "Back Extension (Weighted Hyperextension)",
    "Iso-Lateral Row (Machine)",
    "Iso-Lateral Chest Press (Machine)",
]


def _all_names(lift: Exercise) -> list[str]:
    return [lift.name, *lift.aliases]


# --- contents ---------------------------------------------------------------------------------


def test_catalog_holds_at_least_45_lifts_keyed_by_their_id() -> None:
    assert len(CATALOG) >= 45
    assert all(key == lift.id for key, lift in CATALOG.items())
    assert len(set(LIFT_IDS)) == len(LIFT_IDS)


def test_catalog_is_read_only() -> None:
    with pytest.raises(TypeError):
        CATALOG["mine"] = CATALOG["plank"]  # type: ignore[index]


def test_every_lift_is_well_formed() -> None:
    for lift in LIFTS:
        assert lift.muscle_group in MUSCLE_GROUPS, lift.id
        assert lift.equipment in catalog.EQUIPMENT, lift.id
        assert lift.increment_kg > 0, lift.id
        assert not lift.custom, lift.id


def test_compound_lifts_rest_three_minutes_and_isolation_90_to_120_seconds() -> None:
    for lift in LIFTS:
        if lift.is_compound:
            assert lift.rest_s == 180, lift.id
        else:
            assert 90 <= lift.rest_s <= 120, lift.id


def test_small_muscles_rest_shorter_than_big_ones_in_isolation_work() -> None:
    assert CATALOG["lateral_raise"].rest_s == 90
    assert CATALOG["standing_calf_raise"].rest_s == 90
    assert CATALOG["barbell_curl"].rest_s == 90
    assert CATALOG["leg_extension"].rest_s == 120


def test_big_lifts_are_compound_and_single_joint_lifts_are_isolation() -> None:
    for lift_id in (
        "barbell_back_squat",
        "barbell_bench_press",
        "conventional_deadlift",
        "overhead_press",
        "pull_up",
        "barbell_row",
        "leg_press",
    ):
        assert CATALOG[lift_id].category == "compound", lift_id
    for lift_id in ("leg_extension", "lateral_raise", "barbell_curl", "triceps_pushdown"):
        assert CATALOG[lift_id].category == "isolation", lift_id


@pytest.mark.parametrize(
    "lift_id",
    [
        "barbell_back_squat",
        "front_squat",
        "bulgarian_split_squat",
        "walking_lunge",
        "conventional_deadlift",
        "overhead_press",
        "barbell_row",
        "pull_up",
        "power_clean",
    ],
)
def test_coordination_heavy_lifts_named_in_the_product(lift_id: str) -> None:
    assert CATALOG[lift_id].complexity == "coordination-heavy"


@pytest.mark.parametrize(
    "lift_id", ["leg_press", "hack_squat", "machine_chest_press", "lat_pulldown", "leg_extension"]
)
def test_machines_are_stable(lift_id: str) -> None:
    assert CATALOG[lift_id].complexity == "stable"


# --- bad-day swaps ----------------------------------------------------------------------------


def test_every_coordination_heavy_lift_has_stable_swaps_that_exist() -> None:
    for lift in LIFTS:
        if lift.complexity == "coordination-heavy":
            assert lift.simpler, lift.id
            for swap_id in lift.simpler:
                assert CATALOG[swap_id].complexity == "stable", (lift.id, swap_id)
        else:
            assert lift.simpler == (), lift.id


def test_bulgarian_split_squat_swaps_to_the_leg_press() -> None:
    assert simpler_swap(CATALOG["bulgarian_split_squat"]) is CATALOG["leg_press"]


def test_back_squat_swaps_to_a_squat_machine() -> None:
    assert simpler_swap(CATALOG["barbell_back_squat"]).id in {"hack_squat", "leg_press"}


def test_overhead_press_and_barbell_row_swap_to_supported_lifts() -> None:
    assert simpler_swap(CATALOG["overhead_press"]).id == "machine_shoulder_press"
    assert simpler_swap(CATALOG["barbell_row"]).id in {"chest_supported_row", "seated_cable_row"}
    assert simpler_swap(CATALOG["pull_up"]).id == "lat_pulldown"


def test_stable_and_custom_lifts_have_no_swap() -> None:
    assert simpler_swap(CATALOG["leg_press"]) is None
    assert simpler_swap(find_or_custom("Zercher Squat")) is None


def test_an_exercise_cannot_claim_swaps_while_stable() -> None:
    with pytest.raises(ModelError):
        Exercise(
            "x", "X", "compound", 180, 2.5, "stable", "quads", "barbell", simpler=("leg_press",)
        )


def test_an_exercise_needs_a_known_muscle_group_unless_custom() -> None:
    with pytest.raises(ModelError):
        Exercise("x", "X", "compound", 180, 2.5, "stable", "other", "barbell")
    assert Exercise("x", "X", "compound", 180, 2.5, "stable", "other", "other", custom=True)


# --- finding lifts by name --------------------------------------------------------------------


def test_every_id_name_and_alias_finds_its_own_lift() -> None:
    for lift in LIFTS:
        for text in (lift.id, *_all_names(lift)):
            assert find(text) is lift, text


def test_no_name_or_alias_is_shared_between_two_lifts() -> None:
    owners: dict[str, str] = {}
    for lift in LIFTS:
        for text in _all_names(lift):
            owner = owners.setdefault(normalise(text), lift.id)
            assert owner == lift.id, f"{text!r} names both {owner} and {lift.id}"


@pytest.mark.parametrize("app_name", APP_NAMES)
def test_names_from_strong_and_hevy_exports_resolve(app_name: str) -> None:
    assert find(app_name) is not None


@pytest.mark.parametrize(
    ("app_name", "lift_id"),
    [
        ("Squat (Barbell)", "barbell_back_squat"),
        ("Front Squat (Barbell)", "front_squat"),
        ("Leg Press", "leg_press"),
        ("Calf Press (Machine)", "leg_press_calf_raise"),
        ("Deadlift (Barbell)", "conventional_deadlift"),
        ("Romanian Deadlift (Barbell)", "romanian_deadlift"),
        ("Bench Press (Barbell)", "barbell_bench_press"),
        ("Incline Bench Press (Dumbbell)", "incline_dumbbell_bench_press"),
        ("Incline Bench Press (Barbell)", "incline_barbell_bench_press"),
        ("Overhead Press (Barbell)", "overhead_press"),
        ("Seated Shoulder Press (Machine)", "machine_shoulder_press"),
        ("Bent Over Row (Barbell)", "barbell_row"),
        ("Seated Cable Row - V Grip (Cable)", "seated_cable_row"),
        ("Pull Up", "pull_up"),
        ("Triceps Dip", "dip"),
        ("Bulgarian Split Squat (Dumbbell)", "bulgarian_split_squat"),
        ("Walking Lunge (Dumbbell)", "walking_lunge"),
        ("Triceps Rope Pushdown", "triceps_pushdown"),
        ("Back Extension (Weighted Hyperextension)", "back_extension"),
        ("Iso-Lateral Chest Press (Machine)", "machine_chest_press"),
    ],
)
def test_app_names_land_on_the_right_lift(app_name: str, lift_id: str) -> None:
    assert find(app_name).id == lift_id


@pytest.mark.parametrize(
    "typed",
    ["Squat (Barbell)", "squat barbell", "SQUAT  (barbell)", " squat-barbell ", "squat_barbell"],
)
def test_find_ignores_case_spacing_and_punctuation(typed: str) -> None:
    assert find(typed).id == "barbell_back_squat"


@pytest.mark.parametrize(
    ("typed", "lift_id"),
    [
        ("Pull-Ups", "pull_up"),
        ("pullup", "pull_up"),
        ("Leg Extensions", "leg_extension"),
        ("Tricep Pushdown", "triceps_pushdown"),
        ("Chin-ups", "chin_up"),
        ("T-Bar Row", "t_bar_row"),
    ],
)
def test_find_accepts_plurals_and_joined_words(typed: str, lift_id: str) -> None:
    assert find(typed).id == lift_id


@pytest.mark.parametrize("unknown", ["Zercher Squat", "", "   ", "Leg", "Squat (Dumbbell) Jump"])
def test_find_returns_none_for_unknown_names(unknown: str) -> None:
    assert find(unknown) is None


def test_find_does_not_over_match_similar_lifts() -> None:
    assert find("Leg Press").id == "leg_press"
    assert find("Leg Press Calf Raise").id == "leg_press_calf_raise"
    assert find("Chest Fly (Cable)").id == "cable_fly"
    assert find("Chest Fly (Machine)").id == "machine_fly"
    assert find("Pull Up (Assisted)").id == "assisted_pull_up"


# --- custom lifts -----------------------------------------------------------------------------


def test_find_or_custom_returns_the_catalog_lift_when_known() -> None:
    assert find_or_custom("Squat (Barbell)") is CATALOG["barbell_back_squat"]


def test_find_or_custom_makes_a_custom_isolation_lift() -> None:
    lift = find_or_custom("  Wrist Curl  ")
    assert lift.custom
    assert lift.id == "custom:wrist_curl"
    assert lift.name == "Wrist Curl"
    assert lift.category == "isolation"
    assert lift.rest_s == 120
    assert lift.increment_kg == 2.5
    assert lift.complexity == "stable"
    assert lift.equipment == "other"


@pytest.mark.parametrize(
    "name",
    [
        "Zercher Squat",
        "Deficit Deadlift",
        "Landmine Press",
        "Meadows Row",
        "Neutral Grip Pull-Up",
        "Ring Chin Up",
        "Curtsy Lunges",
        "Ring Dips",
        "Hang Clean",
        "Snatch",
        "Single Leg Hip Thrust",
    ],
)
def test_find_or_custom_guesses_compound_from_the_name(name: str) -> None:
    lift = find_or_custom(name)
    assert lift.custom
    assert lift.category == "compound"
    assert lift.rest_s == 180


@pytest.mark.parametrize("name", ["Wrist Curl", "Tibialis Raise", "Narrow Grip Curl"])
def test_find_or_custom_does_not_see_compound_words_inside_other_words(name: str) -> None:
    assert find_or_custom(name).category == "isolation"


def test_find_or_custom_refuses_a_name_without_letters() -> None:
    with pytest.raises(ModelError):
        find_or_custom("  --  ")


# --- load steps -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("increment_kg", "lb"), [(2.5, 5.0), (2.0, 5.0), (5.0, 10.0), (1.25, 2.5), (4.0, 10.0)]
)
def test_increment_in_lb_rounds_to_a_plate_step(increment_kg: float, lb: float) -> None:
    lift = Exercise("x", "X", "isolation", 90, increment_kg, "stable", "biceps", "dumbbell")
    assert lift.increment("kg") == increment_kg
    assert lift.increment("lb") == lb


def test_catalog_increments_match_the_equipment() -> None:
    assert CATALOG["barbell_back_squat"].increment("kg") == 2.5
    assert CATALOG["barbell_back_squat"].increment("lb") == 5.0
    assert CATALOG["dumbbell_curl"].increment("kg") == 2.0
    assert CATALOG["leg_press"].increment("lb") == 10.0


def test_increment_refuses_an_unknown_unit() -> None:
    with pytest.raises(ModelError):
        CATALOG["plank"].increment("stone")


# --- when the machine is taken ----------------------------------------------------------------


@pytest.mark.parametrize("lift_id", LIFT_IDS)
def test_alternatives_train_the_same_muscles_and_never_repeat_the_lift(lift_id: str) -> None:
    lift = CATALOG[lift_id]
    found = alternatives(lift)
    assert lift not in found
    assert len(found) <= 6
    assert len({other.id for other in found}) == len(found)
    assert all(other.muscle_group == lift.muscle_group for other in found)


def test_alternatives_offer_stable_swaps_first() -> None:
    found = alternatives(CATALOG["barbell_back_squat"])
    assert [lift.id for lift in found[:2]] == ["hack_squat", "leg_press"]


def test_alternatives_prefer_the_same_kind_of_lift() -> None:
    found = alternatives(CATALOG["lying_leg_curl"], limit=20)
    assert found[0].category == "isolation"
    assert found[-1].category == "compound"


def test_alternatives_respect_the_limit_and_are_repeatable() -> None:
    lift = CATALOG["lat_pulldown"]
    assert len(alternatives(lift, limit=2)) == 2
    assert alternatives(lift) == alternatives(lift)
    assert alternatives(lift, limit=0) == []


def test_custom_lifts_have_no_catalog_alternatives() -> None:
    assert alternatives(find_or_custom("Zercher Squat")) == []


# --- the picker -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "lift_id"),
    [
        ("bss", "bulgarian_split_squat"),
        ("bulg", "bulgarian_split_squat"),
        ("leg pr", "leg_press"),
        ("LEG PRESS", "leg_press"),
        ("squat", "barbell_back_squat"),
        ("bench", "barbell_bench_press"),
        ("press bench", "barbell_bench_press"),
        ("rdl", "romanian_deadlift"),
        ("lat pull", "lat_pulldown"),
        ("skull", "skull_crusher"),
    ],
)
def test_search_puts_the_obvious_lift_first(query: str, lift_id: str) -> None:
    assert search(query)[0].id == lift_id


def test_search_finds_abbreviations_as_word_initials() -> None:
    assert search("bs")[0].id in {"barbell_back_squat", "bulgarian_split_squat"}
    assert "bulgarian_split_squat" in [lift.id for lift in search("bs")]


def test_search_finds_letters_in_order_as_a_last_resort() -> None:
    assert "bulgarian_split_squat" in [lift.id for lift in search("blgrn")]


def test_search_ranks_prefix_over_inner_words() -> None:
    found = [lift.id for lift in search("leg", limit=20)]
    assert found.index("leg_press") < found.index("seated_leg_curl")


def test_search_with_an_empty_query_lists_the_catalog_in_order() -> None:
    assert search("") == LIFTS[:10]
    assert search("  ", limit=3) == LIFTS[:3]


def test_search_respects_the_limit_and_is_deterministic() -> None:
    assert len(search("e", limit=4)) == 4
    assert search("row") == search("row")
    assert search("zzzz") == []


# --- purity -----------------------------------------------------------------------------------


def test_catalog_imports_only_the_standard_library_and_the_core_model() -> None:
    source = Path(catalog.__file__).read_text(encoding="utf-8")
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "use absolute imports"
            imported.add(node.module or "")
    for module in imported:
        top = module.split(".")[0]
        assert top in sys.stdlib_module_names or module.startswith("tui.core"), module
