"""The layering rules of architecture.md, checked on the source."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "tui"


def imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module)
    return names


def files_in(layer: str) -> list[Path]:
    return sorted((PACKAGE / layer).rglob("*.py"))


@pytest.mark.parametrize("path", files_in("core"), ids=lambda p: p.name)
def test_core_imports_only_the_standard_library_and_core(path):
    for name in imported_modules(path):
        top = name.split(".")[0]
        assert top not in {"textual", "tinydb", "httpx", "platformdirs", "filelock"}, name
        if top == "tui":
            assert name.startswith("tui.core"), name


@pytest.mark.parametrize("path", files_in("core"), ids=lambda p: p.name)
def test_core_reads_no_clock_and_touches_no_file(path):
    source = path.read_text()
    for forbidden in ("datetime.now(", ".today(", "time.time(", "monotonic(", "open(", "random."):
        assert forbidden not in source, forbidden


@pytest.mark.parametrize(
    "path", files_in("store") + files_in("interchange") + files_in("sync"), ids=lambda p: p.name
)
def test_store_interchange_and_sync_never_import_textual_or_screens(path):
    for name in imported_modules(path):
        assert not name.startswith(("textual", "tui.screens", "tui.widgets", "tui.app")), name


@pytest.mark.parametrize("path", files_in("application"), ids=lambda p: p.name)
def test_the_application_layer_never_imports_textual_or_screens(path):
    for name in imported_modules(path):
        assert not name.startswith(("textual", "rich", "tui.screens", "tui.widgets")), name
        assert name != "tui.app", name


def test_the_readme_lists_every_key_of_the_live_session():
    from tui.keymap import LOGGING_KEYS, ONE_MORE_KEYS, REST_KEYS

    readme = (PACKAGE.parent / "README.md").read_text()
    keys_table = readme.split("### Keys", 1)[1].split("###", 1)[0]
    for key, what in LOGGING_KEYS + ONE_MORE_KEYS + REST_KEYS:
        assert what in keys_table, f"README keymap misses: {key} {what}"
