"""Hypothesis strategies that damage a real file the way the world does: bytes, lines, fields."""

from __future__ import annotations

from hypothesis import strategies as st

ODD_VALUES = [
    "",
    "-1",
    "1e400",
    "nan",
    "inf",
    "-0",
    "999999",
    "10.5",
    "5,5",
    "abc",
    '"',
    '""',
    "\n",
    "2026-13-45 25:61:00",
    "Rest Timer",
    "W",
    "D",
    "F",
    "0",
    "x" * 300,
    "ß😀",
    "\x00",
    "\\ud800",
    "null",
    "[]",
    "{}",
    "true",
    "1" * 5000,
    "12:00",
    "Mon, 01 Jan 2024",
    "\ufeff",
    ";",
    ",",
    "\t",
    "\r",
]


@st.composite
def byte_change(draw, data: bytes) -> bytes:
    at = draw(st.integers(0, max(0, len(data) - 1)))
    kind = draw(st.sampled_from(["flip", "cut", "insert", "truncate"]))
    if kind == "flip" and data:
        return data[:at] + bytes([draw(st.integers(0, 255))]) + data[at + 1 :]
    if kind == "cut":
        return data[:at] + data[at + draw(st.integers(1, 64)) :]
    if kind == "insert":
        return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
    return data[:at]


@st.composite
def line_change(draw, data: bytes) -> bytes:
    lines = data.split(b"\n")
    at = draw(st.integers(0, max(0, len(lines) - 1)))
    kind = draw(st.sampled_from(["drop", "repeat", "swap", "blank"]))
    if kind == "drop":
        del lines[at]
    elif kind == "repeat":
        lines.insert(at, lines[at])
    elif kind == "swap":
        other = draw(st.integers(0, max(0, len(lines) - 1)))
        lines[at], lines[other] = lines[other], lines[at]
    else:
        lines[at] = b""
    return b"\n".join(lines)


@st.composite
def field_change(draw, data: bytes, separator: bytes) -> bytes:
    """One field of one line replaced with an odd value (for JSON: one value after a colon)."""
    lines = data.split(b"\n")
    at = draw(st.integers(0, max(0, len(lines) - 1)))
    fields = lines[at].split(separator)
    index = draw(st.integers(0, max(0, len(fields) - 1)))
    value = draw(st.sampled_from(ODD_VALUES) | st.text(max_size=12)).encode(
        "utf-8", "surrogatepass"
    )
    if separator == b":":
        value = draw(
            st.sampled_from(
                [
                    b'"' + value.replace(b'"', b'\\"') + b'",',
                    b"null,",
                    b"-1,",
                    b"1e999,",
                    b"[],",
                    b"{},",
                    b"true,",
                    value,
                ]
            )
        )
    fields[index] = value
    lines[at] = separator.join(fields)
    return b"\n".join(lines)


@st.composite
def mutated(draw, data: bytes, separator: bytes = b",") -> bytes:
    """`data` after one to three changes, each to its bytes, its lines or one field."""
    for _ in range(draw(st.integers(1, 3))):
        change = draw(st.sampled_from([byte_change, line_change, field_change]))
        data = draw(change(data, separator) if change is field_change else change(data))
    return data
