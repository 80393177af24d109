"""The one-line set entry: what a lifter types at the rack, and what gets logged."""

from __future__ import annotations

import ast
import math
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tui.core.entry as entry_module
from tui.core.entry import EntryError, SetInput, Target, format_set, parse_entry
from tui.core.model import MAX_REPS, UNITS, check_rir, max_weight

TARGET = Target(weight=100.0, reps=5, rir=2.0, unit="kg")
LB_TARGET = Target(weight=225.0, reps=3, unit="lb")
BW_TARGET = Target(weight=None, reps=10, bodyweight=True)
LAST = SetInput(weight=80.0, reps=8, unit="kg")
LB_LAST = SetInput(weight=135.0, reps=10, unit="lb")
BW_LAST = SetInput(weight=10.0, reps=6, unit="kg", bodyweight=True)


def kg(weight: float, reps: int, **extra: object) -> SetInput:
    return SetInput(weight=weight, reps=reps, unit="kg", **extra)


def lb(weight: float, reps: int, **extra: object) -> SetInput:
    return SetInput(weight=weight, reps=reps, unit="lb", **extra)


def bw(added: float, reps: int, unit: str = "kg", **extra: object) -> SetInput:
    return SetInput(weight=added, reps=reps, unit=unit, bodyweight=True, **extra)


# --- forms that log ----------------------------------------------------------------------

WEIGHT_X_REPS = [
    ("100x5", kg(100, 5)),
    ("100 x 5", kg(100, 5)),
    ("  100x5  ", kg(100, 5)),
    ("100*5", kg(100, 5)),
    ("100×5", kg(100, 5)),
    ("100X5", kg(100, 5)),
    ("100 X 5", kg(100, 5)),
    ("0x5", kg(0, 5)),
    ("100x0", kg(100, 0)),
    ("62.5x8", kg(62.5, 8)),
    ("62,5x8", kg(62.5, 8)),
    ("62,5 x 8", kg(62.5, 8)),
    (".5x8", kg(0.5, 8)),
    ("1.25x10", kg(1.25, 10)),
    ("100x10.0", kg(100, 10)),
    ("１００ｘ５", kg(100, 5)),
]

UNITS_TYPED = [
    ("100kgx5", kg(100, 5)),
    ("100 kg x 5", kg(100, 5)),
    ("100KG x 5", kg(100, 5)),
    ("100kgs x 5", kg(100, 5)),
    ("225lbx3", lb(225, 3)),
    ("225lbs x 3", lb(225, 3)),
    ("225 lb x3", lb(225, 3)),
    ("225 LBS X 3", lb(225, 3)),
    ("102,5lbx3", lb(102.5, 3)),
]

BODYWEIGHT = [
    ("bw x 12", bw(0, 12)),
    ("bwx12", bw(0, 12)),
    ("BW x 12", bw(0, 12)),
    ("BWX12", bw(0, 12)),
    ("bw+20x5", bw(20, 5)),
    ("bw + 20 x 5", bw(20, 5)),
    ("bw+2,5x5", bw(2.5, 5)),
    ("bw+45lbx5", bw(45, 5, unit="lb")),
    ("bw + 20 kg x 5", bw(20, 5)),
]

RIR = [
    ("100x5@2", kg(100, 5, rir=2.0)),
    ("100x5 @2", kg(100, 5, rir=2.0)),
    ("100x5 @ 2", kg(100, 5, rir=2.0)),
    ("100x5@1.5", kg(100, 5, rir=1.5)),
    ("100x5@1,5", kg(100, 5, rir=1.5)),
    ("100x5@0", kg(100, 5, rir=0.0)),
    ("100x5@10", kg(100, 5, rir=10.0)),
    ("100x5@.5", kg(100, 5, rir=0.5)),
    ("bw+20x5 @3", bw(20, 5, rir=3.0)),
]

WARMUP = [
    ("w60x5", kg(60, 5, warmup=True)),
    ("w 60x5", kg(60, 5, warmup=True)),
    ("W60X5", kg(60, 5, warmup=True)),
    ("w 60 x 5 @4", kg(60, 5, rir=4.0, warmup=True)),
    ("wbw x10", bw(0, 10, warmup=True)),
    ("w bw+10x5", bw(10, 5, warmup=True)),
    ("w20lbx5", lb(20, 5, warmup=True)),
]


@pytest.mark.parametrize(
    ("text", "expected"), WEIGHT_X_REPS + UNITS_TYPED + BODYWEIGHT + RIR + WARMUP
)
def test_typed_sets_log_without_context(text: str, expected: SetInput) -> None:
    assert parse_entry(text) == expected


@pytest.mark.parametrize(
    ("text", "target", "last", "expected"),
    [
        # "x6": the last set's load (weight, unit, bodyweight) wins over the target's
        ("x6", TARGET, None, kg(100, 6)),
        ("x6", TARGET, LAST, kg(80, 6)),
        ("x6", None, LAST, kg(80, 6)),
        (" X 6 ", None, LAST, kg(80, 6)),
        ("x6", TARGET, LB_LAST, lb(135, 6)),
        ("x6", LB_TARGET, None, lb(225, 6)),
        ("x6", None, BW_LAST, bw(10, 6)),
        ("x6", BW_TARGET, None, bw(0, 6)),
        ("x6 @1", TARGET, LAST, kg(80, 6, rir=1.0)),
        ("wx6", TARGET, LAST, kg(80, 6, warmup=True)),
        # relative to the target weight, in the target's unit
        ("+2.5x5", TARGET, None, kg(102.5, 5)),
        ("+2,5x5", TARGET, None, kg(102.5, 5)),
        ("-5x8", TARGET, None, kg(95, 8)),
        ("- 5 x 8", TARGET, None, kg(95, 8)),
        ("+2.5x5", TARGET, LAST, kg(102.5, 5)),
        ("+5x3", LB_TARGET, None, lb(230, 3)),
        ("-100x5", TARGET, None, kg(0, 5)),
        ("+900x1", TARGET, None, kg(1000, 1)),
        ("+5lbx5", TARGET, None, kg(102.268, 5)),
        ("+10x6", Target(weight=10.0, reps=6, bodyweight=True), None, bw(20, 6)),
        ("+0.1x5", Target(weight=0.2, reps=5), None, kg(0.3, 5)),
        ("w-20x5 @3", TARGET, None, kg(80, 5, rir=3.0, warmup=True)),
        # bodyweight and plain weights pick up the target's unit
        ("bwx12", LB_TARGET, None, bw(0, 12, unit="lb")),
        ("bw+25x5", LB_TARGET, None, bw(25, 5, unit="lb")),
    ],
)
def test_sets_resolved_against_target_and_last(
    text: str, target: Target | None, last: SetInput | None, expected: SetInput
) -> None:
    assert parse_entry(text, target=target, last=last) == expected


@pytest.mark.parametrize(
    ("text", "target", "expected"),
    [
        ("", TARGET, kg(100, 5, rir=2.0)),
        ("   ", TARGET, kg(100, 5, rir=2.0)),
        ("", LB_TARGET, lb(225, 3)),
        ("", BW_TARGET, bw(0, 10)),
        ("", Target(weight=20.0, reps=8, rir=1.5, bodyweight=True), bw(20, 8, rir=1.5)),
        ("@2", LB_TARGET, lb(225, 3, rir=2.0)),
        ("@ 0,5", TARGET, kg(100, 5, rir=0.5)),
        ("@4", TARGET, kg(100, 5, rir=4.0)),
        ("w", TARGET, kg(100, 5, rir=2.0, warmup=True)),
        ("W", LB_TARGET, lb(225, 3, warmup=True)),
        ("w @3", TARGET, kg(100, 5, rir=3.0, warmup=True)),
    ],
)
def test_empty_line_logs_the_target(text: str, target: Target, expected: SetInput) -> None:
    assert parse_entry(text, target=target, last=LAST) == expected


@pytest.mark.parametrize(
    ("text", "target", "unit", "expected_unit"),
    [
        ("100x5", None, "kg", "kg"),
        ("100x5", None, "lb", "lb"),
        ("100x5", TARGET, "lb", "kg"),  # the target's unit beats the default
        ("100x5", LB_TARGET, "kg", "lb"),
        ("100kgx5", LB_TARGET, "lb", "kg"),  # an explicit unit beats both
        ("100lbx5", TARGET, "kg", "lb"),
        ("bwx5", None, "lb", "lb"),
        ("bw+10x5", TARGET, "lb", "kg"),
        ("bw+10kgx5", LB_TARGET, "lb", "kg"),
    ],
)
def test_unit_precedence(text: str, target: Target | None, unit: str, expected_unit: str) -> None:
    assert parse_entry(text, target=target, unit=unit).unit == expected_unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("0x5", kg(0, 5)),
        ("1000x1", kg(1000, 1)),
        ("1000kgx1", kg(1000, 1)),
        ("1000.0004x1", kg(1000, 1)),  # rounds to 3 decimals first
        ("2204lbx1", lb(2204, 1)),
        ("2204.6lbx1", lb(2204.6, 1)),
        ("100x0", kg(100, 0)),
        ("100x100", kg(100, 100)),
        ("100x5@0", kg(100, 5, rir=0.0)),
        ("100x5@10", kg(100, 5, rir=10.0)),
        ("62.50000001x8", kg(62.5, 8)),
        ("0.1x1", kg(0.1, 1)),
    ],
)
def test_bounds_that_log(text: str, expected: SetInput) -> None:
    assert parse_entry(text) == expected


def test_weights_carry_no_float_noise() -> None:
    assert parse_entry("+0.1x5", target=Target(weight=0.2, reps=5)).weight == 0.3
    assert parse_entry("62.5x8").weight == 62.5
    assert str(parse_entry("-0.3x5", target=Target(weight=0.3, reps=5)).weight) == "0.0"


# --- what cannot be logged -----------------------------------------------------------------

ERRORS = [
    # (text, target, last, key words the message must contain)
    ("", None, None, ["nothing to log"]),
    ("   ", None, None, ["nothing to log"]),
    ("", Target(weight=100.0, reps=None), None, ["nothing to log"]),
    ("", Target(weight=None, reps=5), None, ["nothing to log"]),
    ("@2", None, None, ["nothing to log"]),
    ("w", None, LAST, ["nothing to log"]),
    ("100", None, None, ["lone number", "weight x reps"]),
    ("5", TARGET, None, ["lone number", "weight x reps"]),
    ("62,5", None, None, ["lone number"]),
    ("100000", None, None, ["lone number"]),
    ("100kg", None, None, ["reps", "x"]),
    ("bw", None, None, ["reps", "x"]),
    ("bw+20", None, None, ["reps", "x"]),
    ("+5", TARGET, None, ["reps", "x"]),
    ("x6", None, None, ["weight"]),
    ("x6", Target(weight=None, reps=6), None, ["weight"]),
    ("+2.5x5", None, None, ["target weight"]),
    ("-5x8", Target(weight=None, reps=8), LAST, ["target weight"]),
    ("-105x5", TARGET, None, ["below 0"]),
    ("-10x5", Target(weight=5.0, reps=5, bodyweight=True), None, ["below 0"]),
    ("+950x5", TARGET, None, ["weight", "0–1000 kg"]),
    ("1000.5x5", None, None, ["weight", "0–1000 kg"]),
    ("1000.5kgx5", LB_TARGET, None, ["weight", "0–1000 kg"]),
    ("2205lbx1", None, None, ["weight", "0–2204.6 lb"]),
    ("2205x1", LB_TARGET, None, ["weight", "lb"]),
    ("bw+1001x5", None, None, ["weight", "0–1000 kg"]),
    ("abcx5", None, None, ["weight", "number"]),
    ("nanx5", None, None, ["weight", "number"]),
    ("infx5", None, None, ["weight", "number"]),
    ("1e3x5", None, None, ["weight", "number"]),
    ("1 00x5", None, None, ["weight", "number"]),
    ("100 stone x 5", None, None, ["weight", "number"]),
    ("٣x5", None, None, ["weight", "number"]),
    ("9" * 5000 + "x5", None, None, ["weight", "0–1000"]),
    ("100x", None, None, ["reps", "missing"]),
    ("100 x ", None, None, ["reps", "missing"]),
    ("100x5.5", None, None, ["reps", "whole number"]),
    ("100x101", None, None, ["reps", "0 to 100"]),
    ("100x-1", None, None, ["reps", "whole number"]),
    ("100xabc", None, None, ["reps"]),
    ("100x" + "9" * 5000, None, None, ["reps", "whole number"]),
    ("100x5kg", None, None, ["unit", "after the weight"]),
    ("100x5x5", None, None, ["one x"]),
    ("100xx5", None, None, ["one x"]),
    ("xx", TARGET, None, ["one x"]),
    ("100x5@", None, None, ["reps in reserve", "after the @"]),
    ("@", TARGET, None, ["reps in reserve", "after the @"]),
    ("100x5@11", None, None, ["reps in reserve", "0–10", "half steps"]),
    ("100x5@10.5", None, None, ["reps in reserve", "0–10"]),
    ("100x5@1.3", None, None, ["reps in reserve", "half steps"]),
    ("100x5@-1", None, None, ["reps in reserve"]),
    ("100x5@two", None, None, ["reps in reserve"]),
    ("100x5@2@3", None, None, ["reps in reserve", "once"]),
    ("100@2x5", None, None, ["reps in reserve"]),
    ("", Target(weight=100.0, reps=5, rir=1.3), None, ["reps in reserve"]),
    ("bw-20x5", None, None, ["assisted"]),
    ("bw20x5", None, None, ["bodyweight", "bw+20x5"]),
    ("bw*", None, None, ["reps", "missing"]),
    ("hello", None, None, ["weight x reps"]),
    ("💪", None, None, ["weight x reps"]),
    ("", Target(weight=1500.0, reps=5), None, ["weight", "0–1000 kg"]),
    ("x5", None, SetInput(weight=5000.0, reps=5, unit="kg"), ["weight", "0–1000 kg"]),
    ("", Target(weight=100.0, reps=5.5), None, ["reps", "whole number"]),  # type: ignore[arg-type]
    ("100x5", Target(weight=1.0, reps=5, unit="stone"), None, ["unit", "kg or lb"]),
]


@pytest.mark.parametrize(("text", "target", "last", "words"), ERRORS)
def test_errors_say_what_is_wrong(
    text: str, target: Target | None, last: SetInput | None, words: list[str]
) -> None:
    with pytest.raises(EntryError) as caught:
        parse_entry(text, target=target, last=last)
    error = caught.value
    for word in words:
        assert word in error.message.lower()
    assert "\n" not in error.message
    assert error.example
    assert str(error) == f"{error.message} e.g. {error.example}"
    assert isinstance(error, ValueError)


@pytest.mark.parametrize(("text", "target", "last", "words"), ERRORS)
def test_error_examples_parse(
    text: str, target: Target | None, last: SetInput | None, words: list[str]
) -> None:
    with pytest.raises(EntryError) as caught:
        parse_entry(text, target=target, last=last)
    example = caught.value.example
    assert_within_bounds(parse_entry(example, target=TARGET))
    assert_within_bounds(parse_entry(example))
    if target is None or target.unit in UNITS:  # the same context, when it is a sane one
        assert_within_bounds(parse_entry(example, target=target, last=last))


@pytest.mark.parametrize(
    ("text", "target", "example"),
    [
        ("100", None, "100x5"),
        ("5", None, "100x5"),
        ("62,5", None, "62.5x5"),
        ("100000", None, "100x5"),
        ("100kg", TARGET, "100x5"),
        ("100kg", LB_TARGET, "100kgx5"),
        ("+5", TARGET, "105x5"),
        ("bw+20", None, "bw+20x5"),
        ("x6", None, "100x6"),
    ],
)
def test_error_examples_build_on_what_was_typed(
    text: str, target: Target | None, example: str
) -> None:
    with pytest.raises(EntryError) as caught:
        parse_entry(text, target=target)
    assert caught.value.example == example


def test_non_text_is_an_entry_error() -> None:
    with pytest.raises(EntryError):
        parse_entry(None)  # type: ignore[arg-type]


# --- format_set --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "text"),
    [
        ({"weight": 100, "reps": 5, "unit": "kg"}, "100x5"),
        ({"weight": 62.5, "reps": 8, "unit": "kg", "rir": 2.0}, "62.5x8 @2"),
        ({"weight": 62.5, "reps": 8, "unit": "kg", "rir": 1.5}, "62.5x8 @1.5"),
        ({"weight": 20, "reps": 5, "unit": "kg", "bodyweight": True}, "bw+20x5"),
        ({"weight": 0, "reps": 12, "unit": "kg", "bodyweight": True}, "bwx12"),
        ({"weight": 60, "reps": 5, "unit": "kg", "warmup": True}, "w60x5"),
        ({"weight": 225, "reps": 3, "unit": "lb"}, "225lbx3"),
        ({"weight": 225, "reps": 3, "unit": "lb", "default_unit": "lb"}, "225x3"),
        ({"weight": 100, "reps": 3, "unit": "kg", "default_unit": "lb"}, "100kgx3"),
        ({"weight": 0, "reps": 12, "unit": "lb", "bodyweight": True}, "bw+0lbx12"),
        ({"weight": 62.50000001, "reps": 8, "unit": "kg"}, "62.5x8"),
        ({"weight": 0.1 + 0.2, "reps": 8, "unit": "kg"}, "0.3x8"),
    ],
)
def test_format_set(kwargs: dict, text: str) -> None:
    assert format_set(**kwargs) == text


# --- properties ----------------------------------------------------------------------------


def assert_within_bounds(logged: SetInput) -> None:
    assert isinstance(logged, SetInput)
    assert logged.unit in UNITS
    assert isinstance(logged.weight, float)
    assert 0 <= logged.weight <= max_weight(logged.unit)
    assert logged.weight == round(logged.weight, 3)
    assert math.copysign(1, logged.weight) == 1  # no -0.0
    assert type(logged.reps) is int and 0 <= logged.reps <= MAX_REPS
    check_rir(logged.rir)


FRAGMENTS = [
    *"0123456789",
    "100", "62", "2.5", ".", ",", "x", "X", "×", "*", "@", "bw", "BW", "+", "-", "w",
    "kg", "lb", "lbs", " ", "\t", "e", "nan", "inf", "_", "٣", "９", "ｘ", "é", "\x00",
    "9" * 400,
]  # fmt: skip
grammar_soup = st.lists(st.sampled_from(FRAGMENTS), max_size=14).map("".join)

any_weight = st.floats(allow_nan=True, allow_infinity=True) | st.floats(0, 1000)
targets = st.none() | st.builds(
    Target,
    weight=st.none() | any_weight,
    reps=st.none() | st.integers(-5, 150),
    rir=st.none() | st.floats(-1, 12) | st.sampled_from([0.0, 1.5, 2.0]),
    unit=st.sampled_from(UNITS),
    bodyweight=st.booleans(),
)
lasts = st.none() | st.builds(
    SetInput,
    weight=any_weight,
    reps=st.integers(0, 100),
    unit=st.sampled_from(UNITS),
    bodyweight=st.booleans(),
)


@settings(max_examples=300, deadline=None)
@given(
    text=st.text() | grammar_soup,
    target=targets,
    last=lasts,
    unit=st.sampled_from(UNITS),
)
def test_any_text_logs_a_sane_set_or_explains(
    text: str, target: Target | None, last: SetInput | None, unit: str
) -> None:
    try:
        logged = parse_entry(text, target=target, last=last, unit=unit)
    except EntryError as error:
        assert error.message and "\n" not in error.message
        assert_within_bounds(parse_entry(error.example, target=target, last=last, unit=unit))
    else:
        assert_within_bounds(logged)


def weights_in(unit: str) -> st.SearchStrategy[float]:
    """Weights with at most 3 decimals, within the unit's bounds."""
    return st.integers(0, int(max_weight(unit) * 1000)).map(lambda grams: grams / 1000)


half_steps = st.integers(0, 20).map(lambda halves: halves / 2)


@st.composite
def valid_sets(draw: st.DrawFn) -> SetInput:
    unit = draw(st.sampled_from(UNITS))
    return SetInput(
        weight=draw(weights_in(unit)),
        reps=draw(st.integers(0, MAX_REPS)),
        unit=unit,
        bodyweight=draw(st.booleans()),
        rir=draw(st.none() | half_steps),
        warmup=draw(st.booleans()),
    )


@settings(max_examples=200, deadline=None)
@given(
    unit=st.sampled_from(UNITS),
    data=st.data(),
    reps=st.integers(0, MAX_REPS),
    rir=half_steps,
    comma=st.booleans(),
    default_unit=st.sampled_from(UNITS),
)
def test_typed_values_read_back(
    unit: str, data: st.DataObject, reps: int, rir: float, comma: bool, default_unit: str
) -> None:
    weight = data.draw(weights_in(unit))
    text = f"{weight}{unit}x{reps}@{rir}"
    if comma:
        text = text.replace(".", ",")
    assert parse_entry(text, unit=default_unit) == SetInput(weight, reps, unit, rir=rir)


@settings(max_examples=200, deadline=None)
@given(logged=valid_sets(), default_unit=st.sampled_from(UNITS))
def test_format_set_reads_back(logged: SetInput, default_unit: str) -> None:
    text = format_set(
        logged.weight,
        logged.reps,
        logged.unit,
        bodyweight=logged.bodyweight,
        rir=logged.rir,
        warmup=logged.warmup,
        default_unit=default_unit,
    )
    assert parse_entry(text, unit=default_unit) == logged
    # a target in the default unit reads it the same way
    target = Target(weight=1.0, reps=1, unit=default_unit)
    assert parse_entry(text, target=target, last=LB_LAST) == logged


# --- dependencies ----------------------------------------------------------------------------


def test_entry_imports_only_stdlib_and_core() -> None:
    tree = ast.parse(Path(entry_module.__file__).read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, "use absolute imports"
            names = [node.module or ""]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            assert top in sys.stdlib_module_names or name.startswith("tui.core"), name
