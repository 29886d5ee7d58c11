"""The Textual app. Imported only when the TUI opens, never by plain CLI subcommands."""
