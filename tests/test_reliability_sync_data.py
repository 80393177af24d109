"""Sync data, short (reliability/sync_data.py): a damaged outbox loses nothing pending; a
session whose start moves to another year on the server is stored once."""

import random

import pytest

from reliability.sync_data import damaged_outbox, start_moved_to_another_year


@pytest.mark.parametrize("seed", range(3))
def test_a_damaged_outbox_still_sends_what_was_waiting_and_nothing_else(tmp_path, seed):
    assert damaged_outbox(tmp_path, random.Random(seed)) == []


@pytest.mark.parametrize("days", [1, 400])
def test_a_start_moved_to_another_year_on_the_server_is_stored_once(tmp_path, days):
    assert start_moved_to_another_year(tmp_path, days) == []
