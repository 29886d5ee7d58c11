"""Pure rules of the method: models, periods, goals, units. No I/O, no Textual, no TinyDB."""
