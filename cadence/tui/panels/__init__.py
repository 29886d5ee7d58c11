"""Each section's content as a widget with its own keys, for section screens, the dashboard and the meeting to frame."""
