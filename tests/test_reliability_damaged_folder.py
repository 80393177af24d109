"""A damaged data folder, short (reliability/damaged_folder.py): a directory in place of a
store file, the log or the lock; stray temp files and planted links."""

import pytest

from reliability.damaged_folder import (
    IN_PLACE,
    directory_in_place,
    planted_links,
    strays_and_links,
)


@pytest.mark.parametrize("name", IN_PLACE)
def test_a_directory_in_place_of_a_file_is_one_line_and_touches_nothing_saved(tmp_path, name):
    assert directory_in_place(tmp_path, name) == []


def test_stray_temp_files_are_cleaned_up_and_no_planted_link_is_written(tmp_path):
    assert strays_and_links(tmp_path) == []


def test_no_save_follows_a_planted_link_and_export_writes_a_device_in_place(tmp_path):
    assert planted_links(tmp_path) == []
