"""The whole workspace as one JSON document, in a stable order for diffs and scripts."""

from __future__ import annotations

import json
from typing import Any

from cadence.domain.ids import Kind
from cadence.store.view import View

EXPORT_FORMAT_VERSION = 1


def workspace_as_dict(view: View) -> dict[str, Any]:
    return {
        "format": "cadence-export",
        "format_version": EXPORT_FORMAT_VERSION,
        "meta": view.meta.model_dump(mode="json"),
        **{kind.value: [record.model_dump(mode="json") for record in view.records(kind)] for kind in Kind},
    }


def workspace_as_json(view: View) -> str:
    return json.dumps(workspace_as_dict(view), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
