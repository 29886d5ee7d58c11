"""Parsing what people type into fields: dates, quarters, choices. Shared by every action."""

from __future__ import annotations

from datetime import date
from enum import Enum
from typing import TypeVar

from cadence.domain.periods import parse_quarter, parse_user_date
from cadence.store.errors import InputError
from cadence.store.view import View

ROCKS_PER_PERSON_GUIDANCE = 7
TODO_DAYS = 7

E = TypeVar("E", bound=Enum)


def parse_date_field(text: str, today: date, field: str) -> date:
    try:
        return parse_user_date(text, today)
    except ValueError as error:
        raise InputError(f"{field}: {error}") from None


def parse_quarter_field(view: View, text: str) -> str:
    try:
        return parse_quarter(text, view.meta.fiscal_start_month).label
    except ValueError as error:
        raise InputError(f"quarter: {error}") from None


def choice(enum: type[E], text: str, field: str) -> E:
    """``text`` as a member of ``enum`` (by value, any case), or an ``InputError`` listing the choices."""
    try:
        return enum(text.strip().lower())
    except ValueError:
        allowed = ", ".join(member.value for member in enum)
        raise InputError(f"{field}: {text!r} is not one of {allowed}") from None
