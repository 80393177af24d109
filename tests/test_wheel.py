"""The wheel carries the built-in themes, and an installed OneMore finds them there."""

import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_wheel_ships_the_themes_and_the_installed_package_finds_them(tmp_path):
    built = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--quiet",
            "-w",
            str(tmp_path),
            str(ROOT),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert built.returncode == 0, built.stderr
    [wheel] = tmp_path.glob("onemore-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert {
        "tui/themes/onemore-dark.toml",
        "tui/themes/onemore-bright.toml",
        "tui/themes/onemore-colorblind.toml",
    } <= set(names)

    site = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "--quiet",
            "--target",
            str(site),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    found = subprocess.run(
        [
            sys.executable,
            "-c",
            "from tui.themes import built_in_folder, load_themes; "
            "themes, problems = load_themes(built_in_folder()); "
            "print(built_in_folder()); print(sorted(t.name for t in themes), problems)",
        ],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(site), "PATH": "/usr/bin:/bin"},
        cwd=tmp_path,
        timeout=60,
    )
    folder, themes = found.stdout.splitlines()
    assert Path(folder).is_relative_to(site)
    assert themes == "['onemore-bright', 'onemore-colorblind', 'onemore-dark'] []"
