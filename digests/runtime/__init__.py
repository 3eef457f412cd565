"""Process machinery, generic: worker processes for CPU-heavy functions, the scheduler's ticks,
the event-loop watch and the garbage collector's settings. It knows no feeds and no news: what
to run is handed in. Imports only from the ground."""
