import pytest

from tui import paths
from tui.settings import Settings, load_settings, save_settings


def test_no_file_means_the_defaults(tmp_path):
    assert load_settings(tmp_path / "config.toml") == (Settings(), [])


def test_values_from_the_file_are_used(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('unit = "lb"\nrest_compound_s = 240\nbell = false\npacer = "box"\n')
    settings, problems = load_settings(path)
    assert problems == []
    assert (settings.unit, settings.rest_compound_s, settings.bell, settings.pacer) == (
        "lb",
        240,
        False,
        "box",
    )


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ('unit = "stone"', "unit"),
        ("rest_compound_s = -5", "rest_compound_s"),
        ('rest_isolation_s = "90"', "rest_isolation_s"),
        ('bell = "yes"', "bell"),
        ('pacer = "fast"', "pacer"),
    ],
)
def test_a_bad_value_gives_one_line_naming_the_key_and_the_default_is_used(tmp_path, line, key):
    path = tmp_path / "config.toml"
    path.write_text(line + '\ntheme = "onemore-bright"\n')
    settings, problems = load_settings(path)
    assert len(problems) == 1 and f"'{key}'" in problems[0] and "default" in problems[0]
    assert getattr(settings, key) == getattr(Settings(), key)
    assert settings.theme == "onemore-bright"  # the good keys still count


def test_an_unknown_key_is_reported(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("colour = 3\n")
    assert "unknown setting 'colour'" in load_settings(path)[1][0]


def test_broken_toml_names_the_file_and_line_and_uses_defaults(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text('unit = "kg"\nbell = \n')
    settings, problems = load_settings(path)
    assert settings == Settings()
    assert str(path) in problems[0] and "line 2" in problems[0]


def test_saved_settings_read_back_the_same(tmp_path):
    path = tmp_path / "conf" / "config.toml"
    wanted = Settings(unit="lb", theme='my "gym"', rest_isolation_s=90, ask_one_more=False)
    save_settings(wanted, path)
    assert load_settings(path) == (wanted, [])


def test_the_config_file_follows_flag_then_variable_then_xdg(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert paths.config_file() == tmp_path / "xdg" / "onemore" / "config.toml"
    monkeypatch.setenv("ONEMORE_CONFIG", str(tmp_path / "env.toml"))
    assert paths.config_file() == tmp_path / "env.toml"
    assert paths.config_file(str(tmp_path / "flag.toml")) == tmp_path / "flag.toml"


def test_the_data_folder_follows_flag_then_variable_then_platform_default(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert paths.data_dir() == tmp_path / "xdg" / "onemore"
    monkeypatch.setenv("ONEMORE_DATA_DIR", str(tmp_path / "env"))
    assert paths.data_dir() == tmp_path / "env"
    assert paths.data_dir(str(tmp_path / "flag")) == tmp_path / "flag"
