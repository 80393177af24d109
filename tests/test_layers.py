"""The layering rules of architecture.md that an import check cannot see, checked on the
source (the import rules are import-linter contracts in pyproject.toml: `make check`)."""

from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "tui"


def files_in(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("path", files_in("core"), ids=lambda p: p.name)
def test_core_reads_no_clock_and_touches_no_file(path):
    source = path.read_text()
    for forbidden in ("datetime.now(", ".today(", "time.time(", "monotonic(", "open(", "random."):
        assert forbidden not in source, forbidden


def test_the_readme_lists_every_key_of_the_live_session():
    from tui.keymap import LOGGING_KEYS, ONE_MORE_KEYS, REST_KEYS

    readme = (PACKAGE.parent / "README.md").read_text()
    keys_table = readme.split("### Keys", 1)[1].split("###", 1)[0]
    for key, what in LOGGING_KEYS + ONE_MORE_KEYS + REST_KEYS:
        assert what in keys_table, f"README keymap misses: {key} {what}"


@pytest.mark.parametrize("path", files_in("screens") + files_in("widgets"), ids=lambda p: p.name)
def test_screens_and_widgets_reach_no_store_through_the_app(path):
    assert ".store" not in path.read_text(), "screens go through the application layer"
