import gc

from digests.runtime import heap


def test_settle_freezes_what_exists_and_raises_the_young_threshold() -> None:
    before = gc.get_threshold()
    try:
        long_lived = [[n] for n in range(1_000)]
        heap.settle()
        assert gc.get_freeze_count() >= len(long_lived)
        assert gc.get_threshold() == (heap.YOUNG_THRESHOLD, before[1], before[2])
        assert not any(o is long_lived for o in gc.get_objects())  # out of the collector's sight
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_cycles_made_after_settling_are_still_collected() -> None:
    before = gc.get_threshold()
    try:
        heap.settle()
        cycle: list[object] = []
        cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
