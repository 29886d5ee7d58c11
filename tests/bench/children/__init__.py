"""Scripts the bench runs as child processes (by path, so ``--code DIR`` decides which cadence they import)."""
