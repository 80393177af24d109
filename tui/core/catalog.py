"""The built-in exercise catalog: what each lift is, how long to rest, what to swap it for.

Pure data and lookups. Names from Strong and Hevy exports ("Squat (Barbell)") are aliases, so
an imported history lands on the right lift. Matching ignores case, punctuation, spacing and
plurals, but never guesses between two lifts: a name either is a known name or it is not.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from types import MappingProxyType
from typing import Literal

from tui.core.model import LB_PER_KG, ModelError

Category = Literal["compound", "isolation"]
Complexity = Literal["stable", "coordination-heavy"]

CATEGORIES: tuple[str, ...] = ("compound", "isolation")
COMPLEXITIES: tuple[str, ...] = ("stable", "coordination-heavy")
MUSCLE_GROUPS: tuple[str, ...] = (
    "quads",
    "hamstrings",
    "glutes",
    "chest",
    "back",
    "shoulders",
    "biceps",
    "triceps",
    "calves",
    "core",
)
CUSTOM_MUSCLE_GROUP = "other"
EQUIPMENT: tuple[str, ...] = (
    "barbell",
    "dumbbell",
    "machine",
    "cable",
    "bodyweight",
    "kettlebell",
    "other",
)

COMPOUND_REST_S = 180  # about 3 minutes beats 1 for growth (Schoenfeld et al. 2016)
LONG_ISOLATION_REST_S = 120
SHORT_ISOLATION_REST_S = 90
# Small muscles recover fast between isolation sets; big ones still want two minutes.
SHORT_REST_GROUPS = frozenset({"shoulders", "biceps", "triceps", "calves", "core"})

LB_STEPS: tuple[float, ...] = (2.5, 5.0, 10.0)  # the jumps lb plates and dumbbells come in


@dataclass(frozen=True)
class Exercise:
    """One lift: its default rest, smallest load jump, and stable swaps for bad days."""

    id: str
    name: str
    category: Category
    rest_s: int
    increment_kg: float
    complexity: Complexity
    muscle_group: str
    equipment: str
    simpler: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()
    custom: bool = False

    def __post_init__(self) -> None:
        if not self.id or not self.name.strip():
            raise ModelError("an exercise needs an id and a name")
        if self.category not in CATEGORIES:
            raise ModelError(f"{self.name}: category must be compound or isolation")
        if self.complexity not in COMPLEXITIES:
            raise ModelError(f"{self.name}: complexity must be stable or coordination-heavy")
        groups = MUSCLE_GROUPS + ((CUSTOM_MUSCLE_GROUP,) if self.custom else ())
        if self.muscle_group not in groups:
            raise ModelError(f"{self.name}: unknown muscle group {self.muscle_group!r}")
        if self.equipment not in EQUIPMENT:
            raise ModelError(f"{self.name}: unknown equipment {self.equipment!r}")
        if self.rest_s <= 0 or self.increment_kg <= 0:
            raise ModelError(f"{self.name}: rest and increment must be positive")
        if self.simpler and self.complexity == "stable":
            raise ModelError(f"{self.name}: only coordination-heavy lifts need a simpler swap")

    @property
    def is_compound(self) -> bool:
        return self.category == "compound"

    def increment(self, unit: str) -> float:
        """The smallest sensible load jump in `unit` (lb rounds to a 2.5, 5 or 10 lb step)."""
        if unit == "kg":
            return self.increment_kg
        if unit == "lb":
            in_lb = self.increment_kg * LB_PER_KG
            return min(LB_STEPS, key=lambda step: abs(step - in_lb))
        raise ModelError(f"weight unit must be kg or lb, not {unit!r}")


# --- building the catalog -------------------------------------------------------------------

# The jump a gym usually offers: 1.25 kg plates a side, 2 kg dumbbell racks, pin-stack plates.
_DEFAULT_INCREMENT_KG = {
    "barbell": 2.5,
    "dumbbell": 2.0,
    "machine": 5.0,
    "cable": 2.5,
    "bodyweight": 2.5,
    "kettlebell": 4.0,
    "other": 2.5,
}


def _lift(
    category: Category,
    exercise_id: str,
    name: str,
    muscle_group: str,
    equipment: str,
    *,
    simpler: tuple[str, ...] = (),
    aliases: tuple[str, ...] = (),
    increment_kg: float | None = None,
) -> Exercise:
    """A catalog entry. Lifts with stable swaps are the coordination-heavy ones, and only they."""
    if category == "compound":
        rest_s = COMPOUND_REST_S
    elif muscle_group in SHORT_REST_GROUPS:
        rest_s = SHORT_ISOLATION_REST_S
    else:
        rest_s = LONG_ISOLATION_REST_S
    return Exercise(
        id=exercise_id,
        name=name,
        category=category,
        rest_s=rest_s,
        increment_kg=increment_kg or _DEFAULT_INCREMENT_KG[equipment],
        complexity="coordination-heavy" if simpler else "stable",
        muscle_group=muscle_group,
        equipment=equipment,
        simpler=simpler,
        aliases=aliases,
    )


_compound = partial(_lift, "compound")
_isolation = partial(_lift, "isolation")


# Display order: legs, push, pull, arms, calves, core; the main lift first within each group.
_LIFTS: tuple[Exercise, ...] = (
    # quads
    _compound(
        "barbell_back_squat",
        "Barbell Back Squat",
        "quads",
        "barbell",
        simpler=("hack_squat", "leg_press"),
        aliases=(
            "Squat (Barbell)",
            "Squat",
            "Back Squat",
            "Barbell Squat",
            "Back Squat (Barbell)",
            "High Bar Squat",
            "Low Bar Squat",
        ),
    ),
    _compound(
        "front_squat",
        "Front Squat",
        "quads",
        "barbell",
        simpler=("hack_squat", "leg_press"),
        aliases=("Front Squat (Barbell)", "Barbell Front Squat"),
    ),
    _compound(
        "hack_squat",
        "Hack Squat",
        "quads",
        "machine",
        aliases=("Hack Squat (Machine)", "Machine Hack Squat"),
    ),
    _compound(
        "leg_press",
        "Leg Press",
        "quads",
        "machine",
        aliases=(
            "Leg Press (Machine)",
            "Leg Press Horizontal (Machine)",
            "Seated Leg Press",
            "45 Degree Leg Press",
            "Incline Leg Press",
        ),
    ),
    _compound(
        "smith_machine_squat",
        "Smith Machine Squat",
        "quads",
        "machine",
        increment_kg=2.5,
        aliases=("Squat (Smith Machine)", "Smith Squat"),
    ),
    _compound(
        "goblet_squat",
        "Goblet Squat",
        "quads",
        "dumbbell",
        aliases=(
            "Goblet Squat (Dumbbell)",
            "Goblet Squat (Kettlebell)",
            "Dumbbell Goblet Squat",
            "Kettlebell Goblet Squat",
        ),
    ),
    _compound(
        "bulgarian_split_squat",
        "Bulgarian Split Squat",
        "quads",
        "dumbbell",
        simpler=("leg_press", "hack_squat"),
        aliases=(
            "Bulgarian Split Squat (Dumbbell)",
            "Bulgarian Split Squat (Barbell)",
            "Dumbbell Bulgarian Split Squat",
            "Rear Foot Elevated Split Squat",
            "BSS",
        ),
    ),
    _compound(
        "walking_lunge",
        "Walking Lunge",
        "quads",
        "dumbbell",
        simpler=("leg_press", "hack_squat"),
        aliases=("Walking Lunge (Dumbbell)", "Walking Lunge (Barbell)", "Dumbbell Walking Lunge"),
    ),
    _compound(
        "lunge",
        "Lunge",
        "quads",
        "dumbbell",
        simpler=("leg_press", "hack_squat"),
        aliases=(
            "Lunge (Dumbbell)",
            "Lunge (Barbell)",
            "Dumbbell Lunge",
            "Reverse Lunge",
            "Reverse Lunge (Dumbbell)",
        ),
    ),
    _compound(
        "step_up",
        "Step-Up",
        "quads",
        "dumbbell",
        simpler=("leg_press", "hack_squat"),
        aliases=("Step Up (Dumbbell)", "Dumbbell Step-Up", "Box Step-Up"),
    ),
    _isolation(
        "leg_extension",
        "Leg Extension",
        "quads",
        "machine",
        aliases=("Leg Extension (Machine)", "Seated Leg Extension", "Quad Extension"),
    ),
    # hamstrings
    _compound(
        "conventional_deadlift",
        "Conventional Deadlift",
        "hamstrings",
        "barbell",
        simpler=("hip_thrust", "back_extension"),
        aliases=("Deadlift (Barbell)", "Deadlift", "Barbell Deadlift"),
    ),
    _compound(
        "sumo_deadlift",
        "Sumo Deadlift",
        "hamstrings",
        "barbell",
        simpler=("hip_thrust", "leg_press"),
        aliases=("Sumo Deadlift (Barbell)",),
    ),
    _compound(
        "trap_bar_deadlift",
        "Trap Bar Deadlift",
        "hamstrings",
        "barbell",
        simpler=("leg_press", "hip_thrust"),
        aliases=("Deadlift (Trap Bar)", "Hex Bar Deadlift"),
    ),
    _compound(
        "romanian_deadlift",
        "Romanian Deadlift",
        "hamstrings",
        "barbell",
        simpler=("back_extension", "seated_leg_curl"),
        aliases=(
            "Romanian Deadlift (Barbell)",
            "Barbell Romanian Deadlift",
            "RDL",
            "Stiff Leg Deadlift",
            "Stiff Leg Deadlift (Barbell)",
        ),
    ),
    _compound(
        "good_morning",
        "Good Morning",
        "hamstrings",
        "barbell",
        simpler=("back_extension", "seated_leg_curl"),
        aliases=("Good Morning (Barbell)", "Barbell Good Morning"),
    ),
    _isolation(
        "back_extension",
        "Back Extension",
        "hamstrings",
        "bodyweight",
        aliases=(
            "Back Extension (Weighted Hyperextension)",
            "Back Extension (Hyperextension)",
            "Hyperextension",
            "Weighted Hyperextension",
            "45 Degree Back Extension",
        ),
    ),
    _isolation(
        "seated_leg_curl",
        "Seated Leg Curl",
        "hamstrings",
        "machine",
        aliases=("Seated Leg Curl (Machine)", "Seated Hamstring Curl"),
    ),
    _isolation(
        "lying_leg_curl",
        "Lying Leg Curl",
        "hamstrings",
        "machine",
        aliases=("Lying Leg Curl (Machine)", "Lying Hamstring Curl", "Prone Leg Curl"),
    ),
    # glutes
    _compound(
        "hip_thrust",
        "Hip Thrust",
        "glutes",
        "barbell",
        aliases=("Hip Thrust (Barbell)", "Barbell Hip Thrust"),
    ),
    _compound(
        "kettlebell_swing",
        "Kettlebell Swing",
        "glutes",
        "kettlebell",
        aliases=("Kettlebell Swing (Kettlebell)", "Russian Kettlebell Swing"),
    ),
    _compound(
        "power_clean",
        "Power Clean",
        "glutes",
        "barbell",
        simpler=("kettlebell_swing", "hip_thrust"),
        aliases=("Power Clean (Barbell)", "Barbell Power Clean"),
    ),
    _isolation(
        "hip_abduction",
        "Hip Abduction",
        "glutes",
        "machine",
        aliases=("Hip Abduction (Machine)", "Seated Hip Abduction"),
    ),
    # chest
    _compound(
        "barbell_bench_press",
        "Barbell Bench Press",
        "chest",
        "barbell",
        aliases=("Bench Press (Barbell)", "Bench Press", "Flat Bench Press"),
    ),
    _compound(
        "incline_barbell_bench_press",
        "Incline Barbell Bench Press",
        "chest",
        "barbell",
        aliases=("Incline Bench Press (Barbell)", "Incline Bench Press"),
    ),
    _compound(
        "dumbbell_bench_press",
        "Dumbbell Bench Press",
        "chest",
        "dumbbell",
        aliases=("Bench Press (Dumbbell)", "Flat Dumbbell Press", "DB Bench Press"),
    ),
    _compound(
        "incline_dumbbell_bench_press",
        "Incline Dumbbell Bench Press",
        "chest",
        "dumbbell",
        aliases=("Incline Bench Press (Dumbbell)", "Incline Dumbbell Press", "Incline DB Press"),
    ),
    _compound(
        "machine_chest_press",
        "Machine Chest Press",
        "chest",
        "machine",
        aliases=(
            "Chest Press (Machine)",
            "Iso-Lateral Chest Press (Machine)",
            "Chest Press",
            "Seated Chest Press",
        ),
    ),
    _compound(
        "dip",
        "Dip",
        "chest",
        "bodyweight",
        aliases=("Triceps Dip", "Chest Dip", "Weighted Dip", "Parallel Bar Dip"),
    ),
    _compound(
        "push_up",
        "Push-Up",
        "chest",
        "bodyweight",
        aliases=("Weighted Push-Up", "Press-Up"),
    ),
    _isolation(
        "cable_fly",
        "Cable Fly",
        "chest",
        "cable",
        aliases=("Cable Fly Crossovers", "Cable Crossover", "Chest Fly (Cable)"),
    ),
    _isolation(
        "machine_fly",
        "Machine Fly",
        "chest",
        "machine",
        aliases=("Chest Fly (Machine)", "Pec Deck", "Pec Deck (Machine)", "Butterfly"),
    ),
    _isolation(
        "dumbbell_fly",
        "Dumbbell Fly",
        "chest",
        "dumbbell",
        aliases=("Chest Fly", "Chest Fly (Dumbbell)", "Flat Dumbbell Fly"),
    ),
    # back
    _compound(
        "barbell_row",
        "Barbell Row",
        "back",
        "barbell",
        simpler=("chest_supported_row", "seated_cable_row"),
        aliases=(
            "Bent Over Row (Barbell)",
            "Bent Over Row",
            "Barbell Bent Over Row",
            "Pendlay Row",
            "Pendlay Row (Barbell)",
        ),
    ),
    _compound(
        "t_bar_row",
        "T-Bar Row",
        "back",
        "barbell",
        simpler=("chest_supported_row", "seated_cable_row"),
        aliases=("Landmine Row",),
    ),
    _compound(
        "dumbbell_row",
        "One-Arm Dumbbell Row",
        "back",
        "dumbbell",
        aliases=("Dumbbell Row", "Bent Over One Arm Row (Dumbbell)", "Single Arm Dumbbell Row"),
    ),
    _compound(
        "chest_supported_row",
        "Chest-Supported Row",
        "back",
        "dumbbell",
        aliases=(
            "Chest Supported Incline Row (Dumbbell)",
            "Chest Supported Row (Dumbbell)",
            "Incline Dumbbell Row",
        ),
    ),
    _compound(
        "seated_cable_row",
        "Seated Cable Row",
        "back",
        "cable",
        increment_kg=5.0,
        aliases=(
            "Seated Cable Row - V Grip (Cable)",
            "Seated Cable Row - Bar Grip (Cable)",
            "Seated Row (Cable)",
            "Cable Row",
        ),
    ),
    _compound(
        "machine_row",
        "Machine Row",
        "back",
        "machine",
        aliases=(
            "Iso-Lateral Row (Machine)",
            "Seated Row (Machine)",
            "Chest Supported Row (Machine)",
        ),
    ),
    _compound(
        "lat_pulldown",
        "Lat Pulldown",
        "back",
        "cable",
        increment_kg=5.0,
        aliases=(
            "Lat Pulldown (Cable)",
            "Lat Pulldown - Close Grip (Cable)",
            "Lat Pulldown - Wide Grip (Cable)",
            "Lat Pulldown (Machine)",
            "Close Grip Lat Pulldown",
            "Wide Grip Lat Pulldown",
            "Pulldown",
        ),
    ),
    _compound(
        "pull_up",
        "Pull-Up",
        "back",
        "bodyweight",
        simpler=("lat_pulldown", "assisted_pull_up"),
        aliases=("Pull Up (Weighted)", "Weighted Pull-Up", "Wide Grip Pull-Up"),
    ),
    _compound(
        "chin_up",
        "Chin-Up",
        "back",
        "bodyweight",
        simpler=("lat_pulldown", "assisted_pull_up"),
        aliases=("Chin Up (Weighted)", "Weighted Chin-Up"),
    ),
    _compound(
        "assisted_pull_up",
        "Assisted Pull-Up",
        "back",
        "machine",
        aliases=(
            "Pull Up (Assisted)",
            "Chin Up (Assisted)",
            "Assisted Chin-Up",
            "Assisted Pull-Up Machine",
        ),
    ),
    _isolation(
        "straight_arm_pulldown",
        "Straight-Arm Pulldown",
        "back",
        "cable",
        aliases=("Straight Arm Lat Pulldown (Cable)", "Straight Arm Pulldown (Cable)"),
    ),
    _isolation(
        "shrug",
        "Shrug",
        "back",
        "barbell",
        aliases=("Shrug (Barbell)", "Shrug (Dumbbell)", "Barbell Shrug", "Dumbbell Shrug"),
    ),
    # shoulders
    _compound(
        "overhead_press",
        "Overhead Press",
        "shoulders",
        "barbell",
        simpler=("machine_shoulder_press", "dumbbell_shoulder_press"),
        aliases=(
            "Overhead Press (Barbell)",
            "Strict Military Press (Barbell)",
            "Military Press",
            "Shoulder Press (Barbell)",
            "Standing Overhead Press",
            "OHP",
        ),
    ),
    _compound(
        "dumbbell_shoulder_press",
        "Dumbbell Shoulder Press",
        "shoulders",
        "dumbbell",
        aliases=(
            "Shoulder Press (Dumbbell)",
            "Overhead Press (Dumbbell)",
            "Seated Overhead Press (Dumbbell)",
            "Seated Dumbbell Press",
        ),
    ),
    _compound(
        "machine_shoulder_press",
        "Machine Shoulder Press",
        "shoulders",
        "machine",
        increment_kg=2.5,
        aliases=(
            "Seated Shoulder Press (Machine)",
            "Shoulder Press (Machine)",
            "Shoulder Press (Machine Plates)",
            "Overhead Press (Machine)",
        ),
    ),
    _isolation(
        "lateral_raise",
        "Lateral Raise",
        "shoulders",
        "dumbbell",
        aliases=("Lateral Raise (Dumbbell)", "Dumbbell Lateral Raise", "Side Lateral Raise"),
    ),
    _isolation(
        "cable_lateral_raise",
        "Cable Lateral Raise",
        "shoulders",
        "cable",
        aliases=("Lateral Raise (Cable)", "Single Arm Lateral Raise (Cable)"),
    ),
    _isolation(
        "front_raise",
        "Front Raise",
        "shoulders",
        "dumbbell",
        aliases=("Front Raise (Dumbbell)", "Dumbbell Front Raise"),
    ),
    _isolation(
        "rear_delt_fly",
        "Rear Delt Fly",
        "shoulders",
        "machine",
        increment_kg=2.5,
        aliases=(
            "Rear Delt Reverse Fly (Machine)",
            "Reverse Fly (Machine)",
            "Reverse Fly (Cable)",
            "Reverse Fly (Dumbbell)",
            "Reverse Fly",
            "Reverse Pec Deck",
        ),
    ),
    _isolation(
        "face_pull",
        "Face Pull",
        "shoulders",
        "cable",
        aliases=("Face Pull (Cable)", "Cable Face Pull", "Rope Face Pull"),
    ),
    # biceps
    _isolation(
        "barbell_curl",
        "Barbell Curl",
        "biceps",
        "barbell",
        aliases=("Bicep Curl (Barbell)", "Barbell Bicep Curl", "EZ Bar Biceps Curl", "EZ Bar Curl"),
    ),
    _isolation(
        "dumbbell_curl",
        "Dumbbell Curl",
        "biceps",
        "dumbbell",
        aliases=(
            "Bicep Curl (Dumbbell)",
            "Bicep Curl",
            "Dumbbell Bicep Curl",
            "Alternating Dumbbell Curl",
        ),
    ),
    _isolation(
        "hammer_curl",
        "Hammer Curl",
        "biceps",
        "dumbbell",
        aliases=("Hammer Curl (Dumbbell)", "Dumbbell Hammer Curl"),
    ),
    _isolation(
        "preacher_curl",
        "Preacher Curl",
        "biceps",
        "barbell",
        aliases=(
            "Preacher Curl (Barbell)",
            "Preacher Curl (Dumbbell)",
            "Preacher Curl (Machine)",
            "EZ Bar Preacher Curl",
        ),
    ),
    _isolation(
        "cable_curl",
        "Cable Curl",
        "biceps",
        "cable",
        aliases=("Bicep Curl (Cable)", "Cable Bicep Curl"),
    ),
    # triceps
    _compound(
        "close_grip_bench_press",
        "Close-Grip Bench Press",
        "triceps",
        "barbell",
        aliases=("Bench Press - Close Grip (Barbell)", "Close Grip Bench"),
    ),
    _isolation(
        "triceps_pushdown",
        "Triceps Pushdown",
        "triceps",
        "cable",
        aliases=(
            "Triceps Pushdown (Cable - Straight Bar)",
            "Triceps Rope Pushdown",
            "Triceps Pushdown (Rope)",
            "Rope Pushdown",
            "Cable Pushdown",
            "Pushdown",
        ),
    ),
    _isolation(
        "skull_crusher",
        "Skull Crusher",
        "triceps",
        "barbell",
        aliases=(
            "Skullcrusher (Barbell)",
            "Skullcrusher (Dumbbell)",
            "Lying Triceps Extension",
            "Lying Triceps Extension (Barbell)",
            "EZ Bar Skull Crusher",
        ),
    ),
    _isolation(
        "overhead_triceps_extension",
        "Overhead Triceps Extension",
        "triceps",
        "cable",
        aliases=(
            "Overhead Triceps Extension (Cable)",
            "Overhead Triceps Extension (Dumbbell)",
            "Triceps Extension (Cable)",
            "Triceps Extension (Dumbbell)",
            "Seated Triceps Extension",
            "French Press",
        ),
    ),
    # calves
    _isolation(
        "standing_calf_raise",
        "Standing Calf Raise",
        "calves",
        "machine",
        aliases=(
            "Standing Calf Raise (Machine)",
            "Standing Calf Raise (Smith Machine)",
            "Standing Calf Raise (Barbell)",
            "Standing Calf Raise (Dumbbell)",
            "Calf Raise",
        ),
    ),
    _isolation(
        "seated_calf_raise",
        "Seated Calf Raise",
        "calves",
        "machine",
        aliases=("Seated Calf Raise (Machine)", "Seated Calf Raise (Plate Loaded)"),
    ),
    _isolation(
        "leg_press_calf_raise",
        "Leg Press Calf Raise",
        "calves",
        "machine",
        aliases=("Calf Press (Machine)", "Calf Press", "Calf Press on Leg Press"),
    ),
    # core
    _isolation(
        "cable_crunch",
        "Cable Crunch",
        "core",
        "cable",
        aliases=("Kneeling Cable Crunch", "Cable Crunch (Cable)"),
    ),
    _isolation(
        "hanging_leg_raise",
        "Hanging Leg Raise",
        "core",
        "bodyweight",
        aliases=("Hanging Leg Raise (Bodyweight)", "Hanging Straight Leg Raise"),
    ),
    _isolation(
        "plank",
        "Plank",
        "core",
        "bodyweight",
        aliases=("Front Plank", "Weighted Plank"),
    ),
    _isolation(
        "ab_wheel_rollout",
        "Ab Wheel Rollout",
        "core",
        "other",
        aliases=("Ab Wheel", "Ab Rollout"),
    ),
)


# --- matching names ------------------------------------------------------------------------


def normalise(text: str) -> str:
    """Lower case, punctuation runs as one space: "SQUAT  (barbell)" -> "squat barbell"."""
    return re.sub(r"[\W_]+", " ", text.casefold()).strip()


def _singular(word: str) -> str:
    """One word in the singular: raises -> raise, flies -> fly; press and bss stay as they are."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2]
    if len(word) >= 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _key(text: str) -> str:
    """What two names must share to be the same lift: "Pull-Ups" and "pullup" both -> "pullup"."""
    return "".join(_singular(word) for word in normalise(text).split())


def _names(exercise: Exercise) -> tuple[str, ...]:
    return (exercise.name, *exercise.aliases)


def _build_catalog(lifts: tuple[Exercise, ...]) -> dict[str, Exercise]:
    catalog: dict[str, Exercise] = {}
    for exercise in lifts:
        if exercise.id in catalog:
            raise ModelError(f"two catalog lifts share the id {exercise.id!r}")
        catalog[exercise.id] = exercise
    for exercise in lifts:
        for swap_id in exercise.simpler:
            swap = catalog.get(swap_id)
            if swap is None or swap.complexity != "stable":
                raise ModelError(f"{exercise.name}: simpler swap {swap_id!r} is not a stable lift")
    return catalog


def _build_index(lifts: tuple[Exercise, ...]) -> dict[str, Exercise]:
    index: dict[str, Exercise] = {}
    for exercise in lifts:
        for text in (exercise.id, *_names(exercise)):
            key = _key(text)
            owner = index.setdefault(key, exercise)
            if owner is not exercise:
                raise ModelError(f"{text!r} would name both {owner.id} and {exercise.id}")
    return index


CATALOG: Mapping[str, Exercise] = MappingProxyType(_build_catalog(_LIFTS))
_BY_KEY: Mapping[str, Exercise] = MappingProxyType(_build_index(_LIFTS))
_ORDER: Mapping[str, int] = MappingProxyType({lift_id: n for n, lift_id in enumerate(CATALOG)})


def find(name: str) -> Exercise | None:
    """The catalog lift called `name` (id, display name or an app's name for it), or None."""
    if name in CATALOG:
        return CATALOG[name]
    key = _key(name)
    return _BY_KEY.get(key) if key else None


# Words that make an unknown lift a multi-joint one; "pullup"/"chinup" cover the hyphen-less forms.
_COMPOUND_WORDS = frozenset(
    {
        "squat",
        "deadlift",
        "press",
        "row",
        "pullup",
        "chin",
        "chinup",
        "lunge",
        "dip",
        "clean",
        "snatch",
        "thrust",
    }
)


def _sounds_compound(name: str) -> bool:
    words = [_singular(word) for word in normalise(name).split()]
    pairs = [first + second for first, second in zip(words, words[1:], strict=False)]
    return not _COMPOUND_WORDS.isdisjoint(words + pairs)


def find_or_custom(name: str) -> Exercise:
    """The catalog lift called `name`, or a custom lift with defaults guessed from its name."""
    found = find(name)
    if found is not None:
        return found
    slug = normalise(name).replace(" ", "_")
    if not slug:
        raise ModelError("an exercise name needs at least one letter or digit")
    compound = _sounds_compound(name)
    return Exercise(
        id=f"custom:{slug}",
        name=name.strip(),
        category="compound" if compound else "isolation",
        rest_s=COMPOUND_REST_S if compound else LONG_ISOLATION_REST_S,
        increment_kg=2.5,
        complexity="stable",
        muscle_group=CUSTOM_MUSCLE_GROUP,
        equipment="other",
        custom=True,
    )


# --- swaps ------------------------------------------------------------------------------------


def simpler_swap(exercise: Exercise) -> Exercise | None:
    """The stable lift to do instead on a bad day, or None when the lift is already stable."""
    if exercise.custom or not exercise.simpler:
        return None
    return CATALOG.get(exercise.simpler[0])


def alternatives(exercise: Exercise, limit: int = 6) -> list[Exercise]:
    """Other lifts for the same muscles, for when the machine or rack is taken.

    Its own stable swaps come first, then lifts of the same kind (compound or isolation), then
    the rest; within each, stable lifts before coordination-heavy ones, then catalog order.
    """

    def rank(other: Exercise) -> tuple[int, int, int]:
        if other.id in exercise.simpler:
            return (0, exercise.simpler.index(other.id), 0)
        tier = 1 if other.category == exercise.category else 2
        return (tier, other.complexity != "stable", _ORDER[other.id])

    candidates = [
        other
        for other in CATALOG.values()
        if other.muscle_group == exercise.muscle_group and other.id != exercise.id
    ]
    return sorted(candidates, key=rank)[: max(limit, 0)]


# --- the picker -----------------------------------------------------------------------------

_EXACT, _PREFIX, _WORD_PREFIX, _SUBSTRING, _SUBSEQUENCE = range(5)


def _is_subsequence(letters: str, text: str) -> bool:
    remaining = iter(text)
    return all(letter in remaining for letter in letters)


def _words_start_with(query_words: list[str], words: list[str]) -> bool:
    """Every typed word starts a word of the name, in any order: "press bench", "b sq"."""
    return all(any(word.startswith(part) for word in words) for part in query_words)


def _initials_start_with(query: str, words: list[str]) -> bool:
    """A typed abbreviation: "bss" fits "bulgarian split squat"."""
    return len(query) >= 2 and "".join(word[0] for word in words).startswith(query)


def _match_rank(query: str, text: str) -> int | None:
    """How well `query` (already normalised) fits one name: lower is better, None is no fit."""
    phrase = normalise(text)
    words = phrase.split()
    if phrase == query or _key(phrase) == _key(query):
        return _EXACT
    if phrase.startswith(query):
        return _PREFIX
    if _words_start_with(query.split(), words) or _initials_start_with(query, words):
        return _WORD_PREFIX
    compact_query, compact = query.replace(" ", ""), phrase.replace(" ", "")
    if query in phrase or compact_query in compact:
        return _SUBSTRING
    if _is_subsequence(compact_query, compact):
        return _SUBSEQUENCE
    return None


def _best_fit(query: str, exercise: Exercise) -> tuple[int, int] | None:
    """The best (rank, word count) over the lift's names: fewer extra words is a closer fit."""
    fits = [
        (rank, len(normalise(text).split()))
        for text in _names(exercise)
        if (rank := _match_rank(query, text)) is not None
    ]
    return min(fits, default=None)


def close_match(query: str, exercise: Exercise) -> bool:
    """Whether `query` names the lift (a name, an alias, a word start or a part of one), not
    only shares its letters in order: `abc` is no close match for Hip Abduction."""
    fit = _best_fit(normalise(query), exercise)
    return fit is not None and fit[0] < _SUBSEQUENCE


def search(query: str, limit: int = 10) -> list[Exercise]:
    """Catalog lifts for a picker, best match first; an empty query lists the catalog in order."""
    wanted = normalise(query)
    if not wanted:
        return list(CATALOG.values())[: max(limit, 0)]
    scored = []
    for position, exercise in enumerate(CATALOG.values()):
        fit = _best_fit(wanted, exercise)
        if fit is not None:
            scored.append((fit, position, exercise))
    scored.sort(key=lambda item: item[:2])
    return [exercise for _, _, exercise in scored[: max(limit, 0)]]
