"""Every importer, in the order the front door tries them: the shapes with their own sheet names or
columns (rocks, issues, to-dos) before the scorecard, whose grid of periods is the most general."""

from __future__ import annotations

from cadence.store.importing import Importer
from cadence.store.importing.issues import IssuesImporter
from cadence.store.importing.rocks import RocksImporter
from cadence.store.importing.scorecard import ScorecardImporter
from cadence.store.importing.todos import TodosImporter

IMPORTERS: tuple[Importer, ...] = (RocksImporter(), IssuesImporter(), TodosImporter(), ScorecardImporter())
