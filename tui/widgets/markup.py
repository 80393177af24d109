"""Names are text, never markup.

A workout, exercise, routine or theme name comes from the lifter or from outside (an import
file, a synced session, a routine file, config.toml); a name like `Push [/] day` or `[b]x[/]`
must read exactly as written, never crash a screen or turn into a style. Every string that is
drawn as Textual markup and holds such a name puts it through `lit`; a Rich renderable gets
`plain`. Control characters are written out on the way (see `tui.format.shown`).
"""

from __future__ import annotations

from rich.text import Text

from tui.format import shown

# After a backslash that ends a name, a markup tag that follows would read as escaped; a
# zero-width space in between keeps the tag a tag and shows nothing.
_KEEP_TAG = "\u200b"


def lit(text: object) -> str:
    """`text` as Textual markup that shows exactly `text`: every `[` escaped (Textual's own
    `escape` leaves `[A]` and `[$x]`, which it then reads as tags)."""
    safe = shown(str(text)).replace("[", "\\[")
    return safe + _KEEP_TAG if safe.endswith("\\") else safe


def plain(text: object, style: str = "") -> Text:
    """`text` as a Rich `Text` (never read as markup), e.g. for a cell of a Rich table."""
    return Text(shown(str(text)), style=style)
