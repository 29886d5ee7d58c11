"""Turn pydantic's validation errors into one line a person can act on."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError


def describe(error: ValidationError, what: str = "") -> str:
    """``title: must not be empty; quarter: expected like 2026-Q4``."""
    parts = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or what or "value"
        parts.append(f"{field}: {_friendly(item)}")
    prefix = f"{what}: " if what and all(not item["loc"] for item in error.errors()) else ""
    return prefix + "; ".join(parts)


def _friendly(item: Mapping[str, Any]) -> str:
    kind = item.get("type", "")
    context = item.get("ctx") or {}
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "string_too_long":
        return f"is too long (at most {context.get('max_length')} characters)"
    if kind == "string_pattern_mismatch":
        return "expected like 2026-Q4" if "Q[1-4]" in str(context.get("pattern", "")) else "has the wrong form"
    if kind == "enum":
        return f"must be one of {context.get('expected', '')}"
    if kind == "extra_forbidden":
        return "is not a known field"
    if kind == "missing":
        return "is required"
    message = str(item.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")
