"""cadence: a company's operating rhythm (Rocks, Scorecard, Issues, To-Dos,
Headlines and the weekly meeting) run from the terminal, kept in a plain file."""

__version__ = "0.1.0"
