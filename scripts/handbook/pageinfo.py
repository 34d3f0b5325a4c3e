"""What every page says about itself: its owner, when it was last reviewed and last
updated, and where to edit it, in the page's language.

The hook calls ``page_info`` for each page and puts the result in ``page.meta``;
``overrides/partials/source-file.html`` (Material's slot for page facts) renders it.
The last-updated date is the git-revision-date-localized plugin's (the file's last
commit, or the build date where there is no git history, as in a tarball build).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .catalog import load_strings
from .locales import format_date
from .pages import Page

# The plugin's raw ISO date in page.meta (it also writes a formatted one, in its own style).
GIT_DATE_KEY = "git_revision_date_localized_raw_iso_date"
TEAM_URL = "https://github.com/orgs/{org}/teams/{team}"


@dataclass(frozen=True)
class PageInfo:
    label: str  # the block's accessible name: "About this page"
    owner_label: str
    owner: str  # @handbook/editors-hu
    owner_url: str | None
    reviewed_label: str
    reviewed: str  # in the page's language
    reviewed_iso: str
    updated_label: str
    updated: str | None
    updated_iso: str | None
    edit_label: str
    edit_url: str | None


def edit_url(edit_base: str | None, page: Page) -> str | None:
    """The source file of this page in this language: …/edit/main/docs/principles/honesty.hu.md."""
    if not edit_base:
        return None
    return edit_base.rstrip("/") + "/" + page.rel


def page_info(page: Page, meta: dict[str, Any], edit_base: str | None) -> PageInfo | None:
    reviewed = page.meta.get("reviewed")
    owner = page.meta.get("owner")
    if not isinstance(reviewed, dt.date) or not isinstance(owner, str):
        return None  # the check reports it; such a page never builds
    words = load_strings()[page.locale]["page_info"]
    updated_iso = meta.get(GIT_DATE_KEY)
    updated = None
    if isinstance(updated_iso, str):
        try:
            updated = format_date(dt.date.fromisoformat(updated_iso), page.locale)
        except ValueError:
            updated_iso = None
    org, _, team = owner.removeprefix("@").partition("/")
    return PageInfo(
        label=words["label"],
        owner_label=words["owner"],
        owner=owner,
        owner_url=TEAM_URL.format(org=org, team=team) if org and team else None,
        reviewed_label=words["reviewed"],
        reviewed=format_date(reviewed, page.locale),
        reviewed_iso=reviewed.isoformat(),
        updated_label=words["updated"],
        updated=updated,
        updated_iso=updated_iso if updated else None,
        edit_label=words["edit"],
        edit_url=edit_url(edit_base, page),
    )


__all__ = ["PageInfo", "edit_url", "page_info"]
