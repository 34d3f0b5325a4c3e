"""Review dates: every page names its owner and when it was last reviewed.

A review more than 12 months old is a warning that names the owner (the page
still builds); a review date in the future is an error (nobody reviewed it then).
"""

from __future__ import annotations

import datetime as dt

from .catalog import Catalog
from .locales import LOCALE_CODES
from .pages import Page, is_date
from .problems import Problem

REVIEW_MONTHS = 12


def due_after(reviewed: dt.date) -> dt.date:
    """The last day a review done on ``reviewed`` still counts (12 months later)."""
    try:
        return reviewed.replace(year=reviewed.year + REVIEW_MONTHS // 12)
    except ValueError:  # 29 February
        return reviewed.replace(year=reviewed.year + REVIEW_MONTHS // 12, day=28)


def check_page(page: Page, today: dt.date) -> list[Problem]:
    reviewed = page.meta.get("reviewed")
    if not page.front_matter_ok or not is_date(reviewed):
        return []  # a missing or malformed date is a front-matter error already
    assert isinstance(reviewed, dt.date)
    owner = page.meta.get("owner") or "its owner"
    line = page.line_of("reviewed")
    if reviewed > today:
        return [
            Problem(
                page.display,
                line,
                f"'reviewed' is {reviewed.isoformat()}, a date in the future",
                f"write the date the page was last reviewed, {today.isoformat()} at the latest",
                code="review",
            )
        ]
    if due_after(reviewed) < today:
        return [
            Problem(
                page.display,
                line,
                f"last reviewed {reviewed.isoformat()}, more than {REVIEW_MONTHS} months ago; owner {owner}",
                f"{owner}: review the page, then set 'reviewed: {today.isoformat()}'",
                severity="warning",
                code="review",
            )
        ]
    return []


def check(catalog: Catalog, today: dt.date | None = None) -> list[Problem]:
    today = today or dt.date.today()
    return [p for page in catalog.pages if page.locale in LOCALE_CODES for p in check_page(page, today)]


__all__ = ["REVIEW_MONTHS", "check", "check_page", "due_after"]
