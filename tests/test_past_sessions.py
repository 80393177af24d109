"""Changing the past without a screen: edit and remove a set, delete a session, and the
same words for every write that fails. Judged from what is on disk afterwards."""

from __future__ import annotations

import errno

from reliability.disks import InjectedDisk
from tui.application.past import Deleted, Edit, PastSessions, Refused, Saved
from tui.core.entry import SetInput
from tui.store.repository import Store

from .conftest import FakeClock, make_session


def past(store: Store, clock: FakeClock, told: list[str] | None = None) -> PastSessions:
    heard = told if told is not None else []
    return PastSessions(store, now=clock, changed=lambda: heard.append("changed"))


def test_an_edited_set_is_saved_with_when_it_changed_and_kept_for_sync(data_dir, clock):
    session = make_session()
    first = session.sets[0]
    changes: list[str] = []
    with Store(data_dir, now=clock) as store:
        store.add_finished([session])
        store.mark_synced(store.pending_changes())
        clock.advance(3600)
        result = past(store, clock, changes).edit_set(session.id, first.id, SetInput(105, 5, "kg"))
        assert isinstance(result, Saved)
        assert changes == ["changed"]
        assert session.id in store.pending_changes()
    with Store(data_dir) as store:
        saved = store.session(session.id)
        edited = next(s for s in saved.sets if s.id == first.id)
        assert (edited.weight, edited.edited_at) == (105, clock())


def test_a_preview_shows_the_change_and_nothing_changed_is_said(data_dir, clock):
    session = make_session()
    first = session.sets[0]
    with Store(data_dir, now=clock) as store:
        store.add_finished([session])
        edit = past(store, clock).preview_edit(session.id, first.id, SetInput(105, 5, "kg"))
        assert isinstance(edit, Edit) and (edit.before.weight, edit.after.weight) == (100, 105)
        same = past(store, clock).edit_set(session.id, first.id, SetInput(100, 5, "kg", rir=2))
        assert isinstance(same, Refused) and not same.error


def test_a_removed_set_stays_out_and_a_deleted_session_stays_deleted(data_dir, clock):
    session = make_session()
    with Store(data_dir, now=clock) as store:
        store.add_finished([session])
        assert isinstance(past(store, clock).remove_set(session.id, session.sets[0].id), Saved)
        assert isinstance(past(store, clock).delete(session.id), Deleted)
    with Store(data_dir) as store:
        assert store.session(session.id) is None
        assert store.tombstone(session.id) is not None


def test_a_deleted_session_cannot_be_changed_from_a_screen_still_showing_it(data_dir, clock):
    session = make_session()
    with Store(data_dir, now=clock) as store:
        store.add_finished([session])
        changes = past(store, clock)
        changes.delete(session.id)
        for attempt in (
            changes.edit_set(session.id, session.sets[0].id, SetInput(105, 5, "kg")),
            changes.remove_set(session.id, session.sets[0].id),
            changes.delete(session.id),
        ):
            assert isinstance(attempt, Refused) and "deleted" in attempt.message
        assert not changes.exists(session.id)
    with Store(data_dir) as store:
        assert store.session(session.id) is None  # nothing wrote it back
        assert store.session_count == 0


def test_a_full_disk_changes_nothing_and_says_so_in_the_same_words(data_dir, clock):
    session = make_session()
    with Store(data_dir, now=clock) as store:
        store.add_finished([session])
        before = {p.name: p.read_bytes() for p in (data_dir / "history").iterdir()}
        with InjectedDisk(errno.ENOSPC) as disk:
            disk.fill()
            changes = past(store, clock)
            edit = changes.edit_set(session.id, session.sets[0].id, SetInput(105, 5, "kg"))
            delete = changes.delete(session.id)
        assert isinstance(edit, Refused) and edit.message.startswith("Not saved: the disk is full")
        assert isinstance(delete, Refused) and "the disk is full" in delete.message
        assert {p.name: p.read_bytes() for p in (data_dir / "history").iterdir()} == before


def test_a_read_only_store_refuses_before_anything_is_asked(data_dir, clock):
    session = make_session()
    with Store(data_dir, now=clock) as holder:
        holder.add_finished([session])
        with Store(data_dir, now=clock) as second:
            changes = past(second, clock)
            assert "another OneMore" in (changes.can_change() or "")
            result = changes.delete(session.id)
            assert isinstance(result, Refused) and "another OneMore" in result.message
