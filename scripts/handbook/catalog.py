"""The whole handbook as data: every page in every language, loaded once."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import yaml

from .locales import DEFAULT_LOCALE
from .pages import Page, discover, load_page
from .problems import Problem

SOURCES_PAGE = "sources.md"
PRINCIPLES_DIR = "principles"
PROTOCOLS_DIR = "protocols"
_SOURCE_ANCHOR = re.compile(r"^source-(?P<id>\d{3})$")
STRINGS_FILE = Path(__file__).with_name("strings.yml")


@dataclass(frozen=True)
class Source:
    id: str
    heading: str  # heading text, e.g. "000 · Manual de Ética del Servicio al Cliente"
    line: int
    lang: str = ""  # language of the original title, from the heading's lang=xx attribute

    @property
    def title(self) -> str:
        return self.heading.split("·", 1)[-1].strip()


@dataclass
class Catalog:
    docs_dir: Path
    project_root: Path
    pages: list[Page] = field(default_factory=list)
    load_problems: list[Problem] = field(default_factory=list)

    @classmethod
    def load(cls, docs_dir: Path, project_root: Path | None = None) -> Catalog:
        docs_dir = docs_dir.resolve()
        root = (project_root or docs_dir.parent).resolve()
        catalog = cls(docs_dir=docs_dir, project_root=root)
        for path in discover(docs_dir):
            page, problems = load_page(path, docs_dir, root)
            catalog.pages.append(page)
            catalog.load_problems.extend(problems)
        return catalog

    @cached_property
    def by_key(self) -> dict[tuple[str, str], Page]:
        return {(page.source_rel, page.locale): page for page in self.pages}

    @cached_property
    def by_rel(self) -> dict[str, Page]:
        """Pages by their file path under docs/, e.g. principles/honesty.es.md."""
        return {page.rel: page for page in self.pages}

    def page(self, source_rel: str, locale: str) -> Page | None:
        return self.by_key.get((source_rel, locale))

    def english_pages(self) -> list[Page]:
        return [page for page in self.pages if page.locale == DEFAULT_LOCALE]

    def principles(self, locale: str = DEFAULT_LOCALE) -> list[Page]:
        return [page for page in self.pages if page.is_principle and page.locale == locale]

    @cached_property
    def principle_ids(self) -> set[str]:
        return {page.stem for page in self.principles()}

    @cached_property
    def listed_by(self) -> dict[str, list[str]]:
        """Principle id -> the principles whose front matter lists it as related (the English pages)."""
        index: dict[str, list[str]] = {}
        for other in self.principles():
            for principle_id in other.meta.get("related") or []:
                index.setdefault(str(principle_id), []).append(other.stem)
        return index

    @cached_property
    def termbase(self) -> Any:
        """termbase.yml: one word per concept and language (handbook.glossary)."""
        from .glossary import load

        return load(self.project_root)

    def principle(self, principle_id: str, locale: str) -> Page | None:
        return self.page(f"{PRINCIPLES_DIR}/{principle_id}.md", locale)

    def protocols(self, locale: str = DEFAULT_LOCALE) -> list[Page]:
        return [page for page in self.pages if page.is_protocol and page.locale == locale]

    @cached_property
    def protocol_ids(self) -> set[str]:
        return {page.stem for page in self.protocols()}

    @cached_property
    def _protocols_by_principle(self) -> dict[str, list[Page]]:
        index: dict[str, list[Page]] = {}
        for page in self.protocols():
            for principle_id in page.meta.get("principles") or []:
                index.setdefault(str(principle_id), []).append(page)
        return index

    def protocols_applying(self, principle_id: str) -> list[Page]:
        """The English protocols whose front matter says they apply this principle."""
        return list(self._protocols_by_principle.get(principle_id, []))

    def sources(self, locale: str = DEFAULT_LOCALE) -> dict[str, Source]:
        page = self.page(SOURCES_PAGE, locale) or self.page(SOURCES_PAGE, DEFAULT_LOCALE)
        found: dict[str, Source] = {}
        if page is None:
            return found
        for heading in page.headings:
            match = _SOURCE_ANCHOR.match(heading.anchor or "")
            if match:
                lang = re.search(r"\blang=([\w-]+)", heading.attrs)
                found[match.group("id")] = Source(
                    match.group("id"), heading.text, heading.line, lang.group(1) if lang else ""
                )
        return found


@cache
def load_strings(path: Path = STRINGS_FILE) -> dict[str, dict[str, Any]]:
    """The build's own words in every language (section titles, group names)."""
    with path.open(encoding="utf-8") as handle:
        data: dict[str, dict[str, Any]] = yaml.safe_load(handle)
    return data
