"""Widgets shared by the sections (and later the meeting screen)."""
