"""Reading content pages: file name -> locale, front matter, headings.

Everything here is pure: text in, typed records out. Reading from disk is done
in ``load_page`` only, which turns I/O and decoding failures into Problems.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, cast

import yaml

from .locales import DEFAULT_LOCALE, LOCALE_CODES
from .problems import Problem

T = TypeVar("T")

FRONT_MATTER_FENCE = "---"
# The marker a scaffolded translation carries until it is translated.
TRANSLATE_ME = "translate-me"
_SUFFIX = re.compile(r"^(?P<stem>.+?)\.(?P<locale>[a-z]{2}(?:[-_][A-Za-z]{2,4})?)\.md$")
_HEADING = re.compile(
    r"^(?P<hashes>#{1,6})[ \t]+(?P<text>.*?)[ \t]*(?:\{[ \t]*#(?P<anchor>[\w-]+)(?P<attrs>[^}]*)\})?[ \t]*#*[ \t]*$"
)
_FENCE = re.compile(r"^[ \t]*(?P<fence>`{3,}|~{3,})")
MARKER = re.compile(r"^<!--\s*handbook:(?P<name>[\w-]+)(?P<args>[^>]*?)\s*-->\s*$")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str
    anchor: str | None
    line: int  # 1-based line in the file
    attrs: str = ""  # the rest of the { #anchor ... } attribute list, e.g. "lang=es"


@dataclass(frozen=True)
class Marker:
    name: str
    args: tuple[str, ...]
    line: int


@dataclass
class Page:
    """One Markdown file in one language."""

    path: Path  # absolute
    rel: str  # relative to docs/, with the locale suffix: principles/honesty.es.md
    display: str  # path shown in messages, relative to the project root
    locale: str  # locale code, e.g. "es"; the suffix as written, even if unknown
    source_rel: str  # the English page it belongs to: principles/honesty.md
    meta: dict[str, Any] = field(default_factory=dict)
    key_lines: dict[str, int] = field(default_factory=dict)  # front-matter key -> file line
    body: str = ""
    body_line: int = 1  # file line where the body starts
    headings: list[Heading] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    has_front_matter: bool = False
    front_matter_ok: bool = False  # parsed into a mapping; problems otherwise already reported
    # what each page element's parser made of the body (several checks read it)
    _elements: dict[str, tuple[str, Any]] = field(default_factory=dict, repr=False, compare=False)

    def element(self, name: str, parse: Callable[[Page], T]) -> T:
        """``parse(self)``, computed once for this body and reused by every check that asks."""
        cached = self._elements.get(name)
        if cached is not None and cached[0] is self.body:
            return cast(T, cached[1])
        value = parse(self)
        self._elements[name] = (self.body, value)
        return value

    @property
    def is_principle(self) -> bool:
        parts = self.source_rel.split("/")
        return len(parts) == 2 and parts[0] == "principles" and parts[1] != "index.md"

    @property
    def is_protocol(self) -> bool:
        parts = self.source_rel.split("/")
        return len(parts) == 2 and parts[0] == "protocols" and parts[1] != "index.md"

    @property
    def stem(self) -> str:
        name = self.source_rel.rsplit("/", 1)[-1]
        return name.rsplit(".", 1)[0] if "." in name else name

    @property
    def url(self) -> str:
        """The page's URL inside its language root (directory URLs)."""
        return url_of(self.source_rel)

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, 1)

    def marker_line(self, name: str) -> int:
        """Line of the page's first <!-- handbook:name --> marker, or 0 if it has none."""
        return next((marker.line for marker in self.markers if marker.name == name), 0)

    @property
    def untranslated(self) -> bool:
        """A translation still carrying the translate-me marker: a copy of English, not yet written."""
        return bool(self.marker_line(TRANSLATE_ME))


def url_of(source_rel: str) -> str:
    """``principles/honesty.md`` -> ``principles/honesty/``; ``index.md`` -> ``""``."""
    if source_rel == "index.md":
        return ""
    if source_rel.endswith("/index.md"):
        return source_rel[: -len("index.md")]
    return source_rel[: -len(".md")] + "/"


def split_locale(rel: str) -> tuple[str, str]:
    """``principles/honesty.es.md`` -> (``principles/honesty.md``, ``es``)."""
    directory, _, name = rel.rpartition("/")
    match = _SUFFIX.match(name)
    if match:
        stem, locale = match.group("stem"), match.group("locale")
        source = f"{directory}/{stem}.md" if directory else f"{stem}.md"
        return source, locale
    return rel, DEFAULT_LOCALE


def localized_rel(source_rel: str, locale: str) -> str:
    """``principles/honesty.md`` + ``es`` -> ``principles/honesty.es.md``."""
    if locale == DEFAULT_LOCALE:
        return source_rel
    return source_rel[: -len(".md")] + f".{locale}.md"


# libyaml's parser when PyYAML has it (it does on every platform we build on):
# parsing thousands of pages must stay well under a second.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_front_matter(text: str) -> tuple[str | None, int, str, int]:
    """Return (yaml_text, yaml_first_line, body, body_first_line)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FRONT_MATTER_FENCE:
        return None, 0, text, 1
    for index in range(1, len(lines)):
        if lines[index].rstrip() in (FRONT_MATTER_FENCE, "..."):
            yaml_text = "\n".join(lines[1:index])
            body = "\n".join(lines[index + 1 :])
            return yaml_text, 2, body, index + 2
    return "", -1, text, 1  # opened but never closed


def _read_yaml(yaml_text: str, yaml_line: int, page: Page) -> list[Problem]:
    """Parse the front matter once, keeping each key's line."""
    loader = _Loader(yaml_text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as exc:
        # the context (where the broken value starts) is nearer the mistake than the problem mark
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        return [
            Problem(
                page.display,
                yaml_line + (mark.line if mark else 0),
                f"the front matter is not valid YAML ({reason})",
                "check the indentation and the colon after each key; put quotes around values that contain ': ' or start with a special character",
                code="front-matter",
            )
        ]
    except ValueError as exc:  # e.g. reviewed: 2026-13-45 looks like a date but is none
        return [
            Problem(
                page.display,
                yaml_line,
                f"the front matter has a value YAML cannot read ({exc})",
                "write dates as real YYYY-MM-DD dates",
                code="front-matter",
            )
        ]
    finally:
        loader.dispose()
    if not isinstance(node, yaml.MappingNode) or not isinstance(data, dict):
        return [
            Problem(
                page.display,
                yaml_line,
                "the front matter is not a list of 'key: value' lines",
                "write one 'key: value' per line between the '---' lines",
                code="front-matter",
            )
        ]
    for key_node, _ in node.value:
        page.key_lines[str(key_node.value)] = yaml_line + key_node.start_mark.line
    page.meta = data
    page.front_matter_ok = True
    return []


def parse_page(text: str, page: Page) -> list[Problem]:
    """Fill ``page`` from ``text``; return the problems found while parsing."""
    problems: list[Problem] = []
    yaml_text, yaml_line, body, body_line = _parse_front_matter(text)
    page.body, page.body_line = body, body_line
    if yaml_text is None:
        problems.append(
            Problem(
                page.display,
                1,
                "the page has no front matter",
                "start the file with a '---' line, the page's keys (id, title, ...), and a closing '---' line",
                code="front-matter",
            )
        )
    elif yaml_line == -1:
        problems.append(
            Problem(
                page.display,
                1,
                "the front matter is never closed",
                "add a line with '---' after the last front-matter key",
                code="front-matter",
            )
        )
    else:
        page.has_front_matter = True
        problems.extend(_read_yaml(yaml_text, yaml_line, page))
    page.headings, page.markers = scan_body(body, body_line)
    return problems


def prose_lines(body: str, first_line: int) -> Iterator[tuple[int, str]]:
    """(file line, text) of every line outside fenced code blocks.

    Custom syntax (checklists, quizzes, markers) is read only from these lines,
    so an example inside a code block is never taken for the real thing.
    """
    fence: str | None = None
    for offset, line in enumerate(body.split("\n")):
        fence_match = _FENCE.match(line)
        if fence_match:
            token = fence_match.group("fence")
            if fence is None:
                fence = token
                continue
            if token[0] == fence[0] and len(token) >= len(fence):
                fence = None
                continue
        if fence is None:
            yield first_line + offset, line


def scan_body(body: str, first_line: int) -> tuple[list[Heading], list[Marker]]:
    """ATX headings and handbook markers outside fenced code blocks."""
    headings: list[Heading] = []
    markers: list[Marker] = []
    for number, line in prose_lines(body, first_line):
        heading = _HEADING.match(line)
        if heading:
            headings.append(
                Heading(
                    len(heading.group("hashes")),
                    heading.group("text"),
                    heading.group("anchor"),
                    number,
                    (heading.group("attrs") or "").strip(),
                )
            )
            continue
        marker = MARKER.match(line.strip())
        if marker:
            markers.append(Marker(marker.group("name"), tuple(marker.group("args").split()), number))
    return headings, markers


def load_page(path: Path, docs_dir: Path, project_root: Path) -> tuple[Page, list[Problem]]:
    rel = path.relative_to(docs_dir).as_posix()
    source_rel, locale = split_locale(rel)
    try:
        display = path.relative_to(project_root).as_posix()
    except ValueError:
        display = path.as_posix()
    page = Page(path=path, rel=rel, display=display, locale=locale, source_rel=source_rel)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return page, [
            Problem(
                display,
                0,
                f"the file cannot be read ({exc.strerror})",
                "check that it exists and is readable",
                code="unreadable",
            )
        ]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return page, [
            Problem(
                display,
                line,
                f"the file is not valid UTF-8 (byte 0x{raw[exc.start]:02x} at offset {exc.start})",
                "re-save the file as UTF-8 in your editor",
                code="encoding",
            )
        ]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n")
    return page, parse_page(text, page)


def discover(docs_dir: Path) -> list[Path]:
    """Every Markdown page under docs/, in a stable order."""
    return sorted(p for p in docs_dir.rglob("*.md") if p.is_file())


def is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


__all__ = [
    "LOCALE_CODES",
    "Heading",
    "Marker",
    "Page",
    "discover",
    "load_page",
    "localized_rel",
    "parse_page",
    "prose_lines",
    "scan_body",
    "split_locale",
]
