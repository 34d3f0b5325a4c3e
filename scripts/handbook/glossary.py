"""The termbase (termbase.yml): one word per concept and language, and the glossary.

One reader, ``load``, gives every part of the handbook the same terms:

- ``check`` validates the termbase itself, with its lines (the build runs it);
- ``usage`` reports a page that uses a variant the termbase says to avoid, with
  the preferred word (``make check``);
- ``glossary_page`` writes each language's glossary (``<!-- handbook:glossary -->``);
- ``link_first_uses`` links the first use of each term on a page to its
  definition on the glossary, with the definition as the link's tooltip.

All of them find words with the same ``Words`` matcher. A form ending in ``*``
matches any word that starts with it (Hungarian cases: ``panasz*``).
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from . import yamlfile
from .locales import DEFAULT_LOCALE, LOCALE_CODES
from .pages import Page, prose_lines
from .problems import Problem
from .prose import BLOCK_CLOSE, BLOCK_OPEN, INLINE_CODE, page_prose

TERMBASE_FILE = "termbase.yml"
GLOSSARY_PAGE = "glossary.md"
GLOSSARY_MARKER = "glossary"
# A page keeps a word the termbase avoids, on purpose (a quoted source title): <!-- handbook:term-ignore reclamo -->
IGNORE_MARKER = "term-ignore"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# How the loader reports a problem: (line, message, fix).
Report = Callable[[int, str, str], None]
_KEYS = {"term", "forms", "avoid", "definition", "link"}


class Words:
    """Whole words and phrases, case-insensitive; ``stem*`` matches any word starting with ``stem``."""

    def __init__(self, words: list[str]) -> None:
        self.words = [w for w in words if w.strip("* ")]
        alternatives = sorted(
            (self._pattern(word) for word in self.words),
            key=len,
            reverse=True,  # the longest first: "final assessment" before "assessment"
        )
        self.regex = (
            re.compile(rf"(?<![\w-])(?:{'|'.join(alternatives)})(?![\w-])", re.IGNORECASE) if alternatives else None
        )

    @staticmethod
    def _pattern(word: str) -> str:
        stem = word.endswith("*")
        parts = [re.escape(part) for part in word.rstrip("*").split()]
        return r"\s+".join(parts) + (r"[\w-]*" if stem else "")

    def finditer(self, text: str) -> list[re.Match[str]]:
        return list(self.regex.finditer(text)) if self.regex else []


@dataclass(frozen=True)
class TermEntry:
    """A term in one language."""

    term: str
    forms: tuple[str, ...]
    avoid: tuple[str, ...]
    definition: str
    line: int
    link: bool = True  # False: the word has everyday meanings too, so pages do not link it

    @property
    def uses(self) -> Words:
        return Words([self.term, *self.forms])

    @property
    def avoided(self) -> Words:
        return Words(list(self.avoid))


@dataclass(frozen=True)
class Term:
    id: str
    line: int
    principle: str | None
    entries: dict[str, TermEntry]

    def anchor(self) -> str:
        return f"term-{self.id}"


@dataclass
class Termbase:
    terms: list[Term] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def in_locale(self, locale: str) -> list[tuple[Term, TermEntry]]:
        return [(term, term.entries[locale]) for term in self.terms if locale in term.entries]


def load(project_root: Path) -> Termbase:
    """Read termbase.yml; every problem comes with its line. A missing file is no termbase."""
    path = project_root / TERMBASE_FILE
    found = Termbase()
    if not path.exists():
        return found

    def problem(line: int, message: str, fix: str) -> None:
        found.problems.append(Problem(TERMBASE_FILE, line, message, fix, code="termbase"))

    try:
        root = yamlfile.compose(path)
    except yamlfile.Unreadable as exc:
        problem(exc.line, f"the termbase cannot be read ({exc.reason})", "fix the YAML")
        return found
    terms = _mapping(root).get("terms") if isinstance(root, yaml.MappingNode) else None
    if not isinstance(terms, yaml.SequenceNode):
        problem(1, "the termbase has no 'terms:' list", "start the file with 'terms:' and one '- id: …' item per term")
        return found
    seen: dict[str, int] = {}
    for node in terms.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            problem(line, "a term is not a mapping", "write each term as '- id: …' followed by its languages")
            continue
        fields = _mapping(node)
        term_id = _scalar(fields.get("id"))
        if not term_id or not _ID.match(term_id):
            problem(
                line, f"the term id '{term_id or ''}' is not a lowercase slug", "give it an id like 'data-protection'"
            )
            continue
        if term_id in seen:
            problem(line, f"the term '{term_id}' is defined twice (first on line {seen[term_id]})", "keep one of them")
            continue
        seen[term_id] = line
        for key in fields:
            if key not in ("id", "principle", *LOCALE_CODES):
                problem(
                    line,
                    f"the term '{term_id}' has an unknown key '{key}'",
                    f"use id, principle and {', '.join(LOCALE_CODES)}",
                )
        entries: dict[str, TermEntry] = {}
        key_lines = {
            str(key.value): key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)
        }
        for locale in LOCALE_CODES:
            entry = _entry(fields.get(locale), term_id, locale, key_lines.get(locale, line), problem)
            if entry is not None:
                entries[locale] = entry
        if DEFAULT_LOCALE not in entries:
            continue
        found.terms.append(Term(term_id, line, _scalar(fields.get("principle")) or None, entries))
    _clashes(found, problem)
    return found


def _mapping(node: yaml.Node) -> dict[str, yaml.Node]:
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): value for key, value in node.value if isinstance(key, yaml.ScalarNode)}


def _scalar(node: yaml.Node | None) -> str:
    return str(node.value).strip() if isinstance(node, yaml.ScalarNode) and node.value is not None else ""


def _words(node: yaml.Node | None) -> tuple[str, ...] | None:
    if node is None:
        return ()
    if isinstance(node, yaml.SequenceNode) and all(isinstance(item, yaml.ScalarNode) for item in node.value):
        return tuple(str(item.value).strip() for item in node.value if str(item.value).strip())
    return None


def _entry(node: yaml.Node | None, term_id: str, locale: str, line: int, problem: Report) -> TermEntry | None:
    """One language's entry; ``line`` is its "xx:" line, problems with one field name that field's line."""
    report = problem  # (line, message, fix)
    if node is None:
        report(line, f"the term '{term_id}' has no {locale} entry", f"add '{locale}:' with its term and definition")
        return None
    where = line
    if not isinstance(node, yaml.MappingNode):
        report(where, f"the {locale} entry of '{term_id}' is not a mapping", "give it 'term:' and 'definition:'")
        return None
    fields = _mapping(node)
    for key in fields:
        if key not in _KEYS:
            report(
                where,
                f"the {locale} entry of '{term_id}' has an unknown key '{key}'",
                f"use {', '.join(sorted(_KEYS))}",
            )
    term, definition = _scalar(fields.get("term")), _scalar(fields.get("definition"))
    forms, avoid = _words(fields.get("forms")), _words(fields.get("avoid"))
    if not term or not definition:
        missing = "term" if not term else "definition"
        report(where, f"the {locale} entry of '{term_id}' has no {missing}", f"add '{missing}:' in {locale}")
        return None
    if forms is None or avoid is None:
        key = "forms" if forms is None else "avoid"
        report(
            fields[key].start_mark.line + 1,
            f"'{key}' of the {locale} entry of '{term_id}' is not a list of words",
            "write it as [word, other word]",
        )
        return None
    if '"' in definition:
        report(
            fields["definition"].start_mark.line + 1,
            f"the {locale} definition of '{term_id}' has a straight double quote",
            "use the language's quotation marks",
        )
        return None
    uses = Words([term, *forms])
    # an avoided word that is itself a use, or that covers the term ("transferencia cálida" may
    # contain "transferencia": it is a longer phrase, not the same word)
    own = [word for word in avoid if _whole(uses, word.rstrip("*")) or _whole(Words([word]), term)]
    if own:
        report(
            fields["avoid"].start_mark.line + 1,
            f"'{term_id}' in {locale} both uses and avoids '{own[0]}'",
            "remove it from 'avoid' or change the term",
        )
        return None
    link = fields.get("link")
    if link is not None and _scalar(link) not in ("true", "false"):
        report(
            link.start_mark.line + 1,
            f"'link' of the {locale} entry of '{term_id}' is not true or false",
            "write 'link: false' or leave it out",
        )
        return None
    return TermEntry(term, forms, avoid, definition, where, _scalar(link) != "false")


def _whole(words: Words, text: str) -> bool:
    return any(match.group(0) == text for match in words.finditer(text))


def _clashes(termbase: Termbase, problem: Report) -> None:
    """Two terms of one language with the same word: the glossary could not tell them apart."""
    for locale in LOCALE_CODES:
        seen: dict[str, str] = {}
        for term, entry in termbase.in_locale(locale):
            key = entry.term.casefold()
            if key in seen:
                problem(
                    entry.line,
                    f"'{entry.term}' is the {locale} term of both '{seen[key]}' and '{term.id}'",
                    "give each concept its own word",
                )
            seen[key] = term.id


def check(termbase: Termbase, principle_ids: set[str]) -> list[Problem]:
    """The termbase's own problems, and terms naming a principle the handbook does not have."""
    problems = list(termbase.problems)
    for term in termbase.terms:
        if term.principle is not None and term.principle not in principle_ids:
            problems.append(
                Problem(
                    TERMBASE_FILE,
                    term.line,
                    f"the term '{term.id}' names the principle '{term.principle}', which does not exist",
                    "use the id of a page in docs/principles/",
                    code="termbase",
                )
            )
    return problems


def usage(termbase: Termbase, pages: list[Page]) -> list[Problem]:
    """Every use of an avoided variant in a page's prose, with the term to use instead."""
    problems: list[Problem] = []
    by_locale = {locale: termbase.in_locale(locale) for locale in LOCALE_CODES}
    for page in pages:
        if page.locale not in LOCALE_CODES or page.untranslated or page.source_rel == GLOSSARY_PAGE:
            continue
        ignored = {word.casefold() for marker in page.markers if marker.name == IGNORE_MARKER for word in marker.args}
        for prose in page_prose(page):
            locale = prose.lang or page.locale
            for term, entry in by_locale.get(locale, []):
                for match in entry.avoided.finditer(prose.text):
                    word = match.group(0)
                    if word.casefold() in ignored:
                        continue
                    problems.append(
                        Problem(
                            page.display,
                            prose.line,
                            f"'{word}' is not the handbook's word for {term.entries[DEFAULT_LOCALE].term}",
                            f"write '{entry.term}' (or a form of it), as termbase.yml says; "
                            f"if the page must keep it, add <!-- handbook:{IGNORE_MARKER} {word.casefold()} -->",
                            code="termbase",
                        )
                    )
    return problems


# --- The glossary page -------------------------------------------------------------------------

# Hungarian alphabet order: digraphs are letters of their own, and ö/ő, ü/ű come after o, u.
_HU_LETTERS = ["dzs", "cs", "dz", "gy", "ly", "ny", "sz", "ty", "zs"]
_HU_ORDER = [
    "a",
    "b",
    "c",
    "cs",
    "d",
    "dz",
    "dzs",
    "e",
    "f",
    "g",
    "gy",
    "h",
    "i",
    "j",
    "k",
    "l",
    "ly",
    "m",
    "n",
    "ny",
    "o",
    "ö",
    "p",
    "q",
    "r",
    "s",
    "sz",
    "t",
    "ty",
    "u",
    "ü",
    "v",
    "w",
    "x",
    "y",
    "z",
    "zs",
]
_HU_FOLD = str.maketrans("áéíóőúű", "aeioöuü")


def sort_key(term: str, locale: str) -> tuple[object, ...]:
    """The order a reader of ``locale`` expects in a glossary."""
    folded = term.casefold()
    if locale == "hu":
        folded = folded.translate(_HU_FOLD)
        key: list[int] = []
        index = 0
        while index < len(folded):
            letter = next((d for d in _HU_LETTERS if folded.startswith(d, index)), folded[index])
            key.append(_HU_ORDER.index(letter) + 1 if letter in _HU_ORDER else 100 + ord(letter))
            index += len(letter)
        return (tuple(key), folded)
    decomposed = unicodedata.normalize("NFKD", folded)
    return ("".join(char for char in decomposed if not unicodedata.combining(char)), folded)


def _relative(page: Page, target: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page.source_rel) or ".")


def glossary_page(page: Page, termbase: Termbase, principle_titles: dict[str, str], words: dict[str, str]) -> str:
    """The glossary in the page's language: every term, alphabetically, with its definition."""
    entries = sorted(termbase.in_locale(page.locale), key=lambda pair: sort_key(pair[1].term, page.locale))
    lines: list[str] = []
    for term, entry in entries:
        lines.append(f"{_capitalise(entry.term)} {{ #{term.anchor()} }}")
        text = entry.definition
        if term.principle is not None:
            title = principle_titles.get(term.principle, term.principle)
            link = _relative(page, f"principles/{term.principle}.md")
            text += " " + words["principle_link"].format(title=f"[{title}]({link})")
        lines.append(f":   {text}")
        lines.append("")
    return "\n".join(lines)


def _capitalise(term: str) -> str:
    return term[:1].upper() + term[1:]


# --- First uses on a page ----------------------------------------------------------------------

# What must not become a link: code, links, HTML, attribute lists, URLs, text in another language.
_PROTECTED = (
    INLINE_CODE,
    re.compile(r"!?\[[^\]]*\]\([^)]*\)"),
    re.compile(r"\[[^\]]*\]\[[^\]]*\]"),
    re.compile(r"<[^>]+>"),
    re.compile(r"\{[^}]*\}"),
    re.compile(r"\b(?:https?://|www\.)\S+"),
    re.compile(r"(?:\*{1,2}[^*]+\*{1,2}|_[^_]+_|\[[^\]]+\])\{[^}]*\blang=[^}]*\}"),
)
# Lines where a link would be wrong or out of place: headings, tables, definitions, abbreviations.
_SKIP_LINE = re.compile(r"^\s*(?:#{1,6}\s|\||\*\[|:\s|<|!!!|\?\?\?|>)")


def _masked(line: str) -> str:
    """The line with every protected span blanked out, at the same length."""
    for pattern in _PROTECTED:
        line = pattern.sub(lambda match: "\0" * len(match.group(0)), line)
    return line


def link_first_uses(page: Page, termbase: Termbase, markdown: str) -> str:
    """Link the first use of each term in the page's running text to its glossary entry.

    Page elements (``///`` blocks: quizzes, checklists), headings, tables and
    code keep their text; a principle's own page does not link its own name.
    """
    if page.source_rel == GLOSSARY_PAGE or page.locale not in LOCALE_CODES:
        return markdown
    pending = [
        (term, entry)
        for term, entry in termbase.in_locale(page.locale)
        if entry.link and not (term.principle is not None and page.source_rel == f"principles/{term.principle}.md")
    ]
    if not pending:
        return markdown
    glossary = _relative(page, GLOSSARY_PAGE)
    lines = markdown.split("\n")
    depth = 0
    in_comment = False
    for number, line in prose_lines(markdown, 0):  # code blocks are never prose
        if BLOCK_CLOSE.match(line) and depth:
            depth -= 1
            continue
        if BLOCK_OPEN.match(line):
            depth += 1
            continue
        if in_comment:
            in_comment = "-->" not in line
            continue
        if "<!--" in line:  # a comment, or a marker: never prose to link
            in_comment = "-->" not in line.split("<!--")[-1]
            continue
        if depth or not line.strip() or _SKIP_LINE.match(line):
            continue
        lines[number] = _link_line(line, pending, glossary)
        if not pending:
            break
    return "\n".join(lines)


def _link_line(line: str, pending: list[tuple[Term, TermEntry]], glossary: str) -> str:
    """Link, on one line, the first use of every pending term it contains (and drop them from pending)."""
    found: list[tuple[int, int, Term, TermEntry]] = []
    masked = _masked(line)
    taken: list[tuple[int, int]] = []
    for term, entry in list(pending):
        match = next(iter(entry.uses.finditer(masked)), None)
        if match is None:
            continue
        start, end = match.span()
        if any(start < b and a < end for a, b in taken):
            continue  # inside a longer term already linked on this line
        taken.append((start, end))
        found.append((start, end, term, entry))
        pending.remove((term, entry))
    for start, end, term, entry in sorted(found, key=lambda item: item[0], reverse=True):
        title = entry.definition.replace("\\", "\\\\")
        link = f'[{line[start:end]}]({glossary}#{term.anchor()} "{title}"){{ .handbook-term }}'
        line = line[:start] + link + line[end:]
    return line


__all__ = [
    "GLOSSARY_MARKER",
    "GLOSSARY_PAGE",
    "IGNORE_MARKER",
    "TERMBASE_FILE",
    "Term",
    "TermEntry",
    "Termbase",
    "Words",
    "check",
    "glossary_page",
    "link_first_uses",
    "load",
    "sort_key",
    "usage",
]
