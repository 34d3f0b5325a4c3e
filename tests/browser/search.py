"""Typing into Material's search the way a reader does, and reading the results once they
are for the whole query.

Material searches on every key press, and the worker answers each prefix in turn, so the
list on screen right after the last key may still be the answer to "compromi". The results
are read only when they have stayed the same for a few polls in a row.
"""

from __future__ import annotations

import time

STABLE_POLLS = 3
POLL_SECONDS = 0.15


def search(page, query: str, timeout: float = 10.0) -> list[str]:  # type: ignore[no-untyped-def]
    """Type `query` into the search box; return the result links' hrefs once they settle."""
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator("input.md-search__input").press_sequentially(query)  # Material searches on key presses
    results = page.locator(".md-search-result__item a")
    results.first.wait_for(timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    last: list[str] = []
    same = 0
    while time.monotonic() < deadline:
        hrefs = results.evaluate_all("links => links.map(a => a.href)")
        same = same + 1 if hrefs == last else 0
        last = hrefs
        if same >= STABLE_POLLS:
            return hrefs
        page.wait_for_timeout(POLL_SECONDS * 1000)
    raise AssertionError(f"search results for {query!r} never settled: {last}")
