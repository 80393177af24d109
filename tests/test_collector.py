"""The cyclic garbage collector paused while a command builds what lives until it ends."""

import gc
import sys

import pytest

from tui import collector


def test_paused_stops_the_collector_inside_and_restores_it_after_even_on_an_error():
    assert gc.isenabled()
    with collector.paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector.paused():
        raise RuntimeError("boom")
    assert gc.isenabled()


def test_paused_leaves_a_collector_that_was_off_off():
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_sync_pauses_the_collector_and_freezes_what_it_made_even_on_an_error():
    from tui.sync.interpreter import sharing_the_interpreter

    switch = sys.getswitchinterval()
    try:
        with pytest.raises(RuntimeError), sharing_the_interpreter():
            assert not gc.isenabled()
            assert sys.getswitchinterval() <= 0.001
            made = [[n] for n in range(100)]
            raise RuntimeError("cut off")
        assert gc.isenabled()
        assert sys.getswitchinterval() == switch
        assert gc.get_freeze_count() >= len(made)
    finally:
        gc.unfreeze()
