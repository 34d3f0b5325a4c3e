"""The words a reader reads: a page's prose, line by line, without its markup.

Spelling and typography read pages through this one function, so both see the
same text: the title and summary from the front matter, and the body with code,
URLs, anchors, attribute lists, HTML, markers and our block syntax (quiz ``?``
and ``- [x]`` lines, ``///`` fences) taken out. Line numbers are the file's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .pages import Page, prose_lines

# Front-matter values that readers see; keys and ids never are prose.
PROSE_KEYS = ("title", "summary")
# Blocks whose lines are data, not prose: /// path lists principle and protocol ids.
DATA_BLOCKS = frozenset({"path"})
# Our own blocks: their opening line holds options (pass marks), never a title.
OUR_BLOCKS = frozenset({"quiz", "assessment", "checklist", "path"})
BLOCK_OPEN = re.compile(r"^\s*///\s*(?P<name>[\w-]+)")
BLOCK_CLOSE = re.compile(r"^\s*///\s*$")

# What stands where code or a URL was: not a word, not a space ("a `x` a" is not "a a").
HOLE = "\u00a4"
_COMMENT = re.compile(r"<!--.*?-->")
_COMMENT_START = re.compile(r"<!--.*$")
_COMMENT_END = re.compile(r"^.*?-->")
INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+\1")
_IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[(?P<text>[^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[(?P<text>[^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]*>")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_ATTR_LIST = re.compile(r"\{:?\s*(?:[#.]|[\w-]+=)[^}]*\}")
_LANG = re.compile(r"(?:^|\s)lang=[\"']?(?P<lang>[a-zA-Z-]+)")
# A span with its own language: *Manual de Ética*{ lang=es } or [text]{ lang=es }.
_LANG_SPAN = re.compile(r"(?P<span>\*{1,2}[^*]+\*{1,2}|_[^_]+_|\[[^\]]+\])\{(?P<attrs>[^}]*\blang=[^}]*)\}")
_HEADING = re.compile(r"^\s*#{1,6}\s")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_ENTITY = re.compile(r"&(?:[A-Za-z]+|#\d+|#x[0-9A-Fa-f]+);")
_EMOJI = re.compile(r":[a-z0-9_+-]+:")
_BLOCK_FENCE = re.compile(r"^\s*///(?:\s*[\w-]+)?\s*(?:\|\s*)?")
_ABBR = re.compile(r"^\*\[(?P<abbr>[^\]]+)\]:\s*")
_LINE_START = re.compile(
    r"^\s*(?:"
    r"#{1,6}\s+"  # heading
    r"|[-*+]\s+\[[ xX]\]\s+"  # task item, quiz answer
    r"|\?\s+"  # quiz question
    r"|[-*+]\s+"  # bullet
    r"|\d+[.)]\s+"  # numbered item, checklist step
    r"|>\s?"  # quote
    r"|:\s+"  # definition
    r")+"
)
_EMPHASIS = re.compile(r"(?<!\w)[*_]{1,3}|[*_]{1,3}(?!\w)")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|\"'])")


@dataclass(frozen=True)
class Prose:
    line: int  # 1-based line in the file
    text: str  # what the reader reads on that line
    where: str  # "title", "summary" or "body"
    lang: str | None = None  # set where the text is marked as another language ({ lang=es })
    # Where the line's text starts (after "- [x] ", "1. ", "? ", "## ", or its indentation), and
    # whether the line opens a new item: a line that does not, and starts where the line
    # before it started its text, goes on with the same paragraph or item.
    column: int = 0
    opens: bool = True


def strip_markup(line: str) -> str:
    """One line of Markdown as the reader reads it (comments already removed)."""
    if _TABLE_RULE.match(line):
        return ""
    line = _BLOCK_FENCE.sub("", line)
    line = INLINE_CODE.sub(HOLE, line)
    line = _AUTOLINK.sub(HOLE, line)
    line = _IMAGE.sub(lambda m: m.group("alt"), line)
    line = _LINK.sub(lambda m: m.group("text"), line)
    line = _REF_LINK.sub(lambda m: m.group("text"), line)
    line = _URL.sub(HOLE, line)
    line = _ATTR_LIST.sub(" ", line)
    line = _HTML_TAG.sub(" ", line)
    line = _ENTITY.sub(" ", line)
    line = _EMOJI.sub(" ", line)
    line = _ABBR.sub(lambda m: m.group("abbr") + " ", line)
    line = _LINE_START.sub("", line)
    line = _EMPHASIS.sub("", line)
    line = _ESCAPE.sub(r"\1", line)
    line = line.replace("|", " ")
    return line.rstrip()


def page_prose(page: Page) -> list[Prose]:
    """The page's readable text, line by line, front matter first."""
    found: list[Prose] = []
    for key in PROSE_KEYS:
        value = page.meta.get(key)
        if isinstance(value, str) and value.strip():
            found.append(Prose(page.line_of(key), value, key))
    in_comment = False
    in_data = False
    for number, raw in prose_lines(page.body, page.body_line):
        line = raw
        if in_data:
            in_data = not BLOCK_CLOSE.match(line)
            continue
        opened = BLOCK_OPEN.match(line)
        if opened and opened.group("name") in DATA_BLOCKS:
            in_data = True
            continue
        if opened and opened.group("name") in OUR_BLOCKS:
            continue  # "/// assessment | pass 80%": the options are not prose
        if in_comment:
            end = _COMMENT_END.match(line)
            if not end:
                continue
            line = line[end.end() :]
            in_comment = False
        line = _COMMENT.sub(" ", line)
        if _COMMENT_START.search(line):
            line = _COMMENT_START.sub(" ", line)
            in_comment = True
        found.extend(_pieces(number, line))
    return found


def _lang_of(attrs: str) -> str | None:
    match = _LANG.search(attrs)
    return match.group("lang").split("-")[0].lower() if match else None


def _pieces(number: int, line: str) -> list[Prose]:
    """One body line's prose; text marked { lang=xx } comes as its own piece, in that language."""
    opening = _LINE_START.match(line)
    column = opening.end() if opening else len(line) - len(line.lstrip())
    opens = bool(opening and opening.group().strip())
    if _HEADING.match(line):
        attrs = " ".join(match.group() for match in _ATTR_LIST.finditer(line))
        text = strip_markup(line)
        return [Prose(number, text, "body", _lang_of(attrs), column, True)] if text.strip() else []
    pieces: list[Prose] = []

    def foreign(match: re.Match[str]) -> str:
        text = strip_markup(match.group("span").strip("[]"))
        if text.strip():
            pieces.append(Prose(number, text, "body", _lang_of(match.group("attrs"))))
        return " "

    text = strip_markup(_LANG_SPAN.sub(foreign, line))
    return ([Prose(number, text, "body", None, column, opens)] if text.strip() else []) + pieces


__all__ = ["BLOCK_CLOSE", "BLOCK_OPEN", "PROSE_KEYS", "Prose", "page_prose", "strip_markup"]
