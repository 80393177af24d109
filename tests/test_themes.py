import pytest

from tui.themes import built_in_folder, load_themes, theme_from_toml


def test_the_built_in_themes_load_from_the_checkout():
    themes, problems = load_themes(built_in_folder())
    assert problems == []
    assert {"onemore-dark", "onemore-bright", "onemore-colorblind"} <= {t.name for t in themes}


def test_the_bright_theme_is_light_and_the_default_is_dark():
    themes = {t.name: t for t in load_themes(built_in_folder())[0]}
    assert themes["onemore-dark"].dark and not themes["onemore-bright"].dark


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ('name = "x"\nprimary = \n', "line 2"),
        ('primary = "#fff"\n', "needs a name"),
        ('name = "x"\n', "primary"),
        ('name = "x"\nprimary = "not a colour"\n', "colour is not valid"),
        ('name = "x"\nprimary = "#fff"\ndark = "yes"\n', "dark"),
        (
            'name = "x"\nprimary = "#fff"\n\n[variables]\nrest-over = "#fff"\nbreath-in = "nope"\n',
            "line 6: breath-in = 'nope': the colour is not valid",
        ),
    ],
)
def test_a_broken_theme_file_is_reported_with_the_reason(tmp_path, text, reason):
    path = tmp_path / "mine.toml"
    path.write_text(text)
    with pytest.raises(ValueError, match=reason):
        theme_from_toml(path)
    themes, problems = load_themes(built_in_folder(), tmp_path)
    assert str(path) in problems[0]
    assert "onemore-dark" in {t.name for t in themes}  # the others still load


def test_a_user_theme_is_loaded_beside_the_built_in_ones(tmp_path):
    (tmp_path / "gym.toml").write_text('name = "gym"\nprimary = "#00ff00"\n')
    themes, problems = load_themes(built_in_folder(), tmp_path)
    assert problems == [] and "gym" in {t.name for t in themes}


async def test_a_bad_colour_in_variables_starts_the_app_on_the_default_theme(tmp_path):
    from reliability.pilot import listen
    from tests.flow import build_app, screen_name
    from tui.settings import Settings

    themes = tmp_path / "config" / "themes"
    themes.mkdir(parents=True)
    (themes / "mine.toml").write_text(
        'name = "mine"\nprimary = "#fff"\n\n[variables]\nrest-over = "nope"\n'
    )
    app = build_app(tmp_path / "data", tmp_path, settings=Settings(theme="mine"))
    heard = listen(app)
    async with app.run_test(size=(100, 32)) as pilot:
        await pilot.pause()
        assert screen_name(app) == "HomeScreen" and app.theme == "onemore-dark"
        told = [line for line in heard if "mine.toml" in line]
        assert len(told) == 1 and "line 5: rest-over = 'nope'" in told[0], heard
    app.store.close()
