"""One screen per section, plus the dialogs they open."""
