"""The Python-Markdown side of our ``/// name`` … ``///`` blocks (checklists, quizzes).

Python-Markdown hands a block processor text split at blank lines. One of our
blocks may start inside such a chunk (right under a paragraph, with no blank
line between) and span several chunks (blank lines between questions). This
base class finds the opening line wherever it is, gives the text before it back
to the parser, collects the block's lines up to the closing ``///`` and gives
back what follows, so the subclass only renders the lines.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor

CLOSE = re.compile(r"^///[ \t]*$")
# A checklist step's or a quiz question's fixed id: lower-case English words and hyphens.
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def id_problem(element_id: str, what: str, example: str, earlier_line: int | None) -> tuple[str, str] | None:
    """What is wrong with a ``{ #id }`` of a ``what`` ("step", "question"), as (problem, fix); None if nothing.

    ``earlier_line`` is the line of an earlier element of the page with the same id, if any.
    """
    if not ID_PATTERN.match(element_id):
        return (
            f"'{element_id}' is not a valid {what} id",
            f"use lower-case English words joined by hyphens, like {{ #{example} }}",
        )
    if earlier_line is not None:
        return (
            f"the {what} id '#{element_id}' is used twice (first on line {earlier_line})",
            f"give every {what} of the page its own id",
        )
    return None


class FencedBlockProcessor(BlockProcessor):
    """A ``/// name`` block: subclasses set ``OPEN`` and implement ``render``."""

    OPEN: re.Pattern[str]

    def __init__(self, parser: BlockParser) -> None:
        super().__init__(parser)

    def test(self, parent: etree.Element, block: str) -> bool:
        return any(self.OPEN.match(line) for line in block.split("\n"))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        first = blocks.pop(0).split("\n")
        start = next(index for index, line in enumerate(first) if self.OPEN.match(line))
        if start:  # a paragraph (or list) right above the block: parse it as usual first
            self.parser.parseBlocks(parent, ["\n".join(first[:start])])
        blocks.insert(0, "\n".join(first[start:]))
        lines: list[str] = []
        while blocks:
            block_lines = blocks.pop(0).split("\n")
            for index, line in enumerate(block_lines):
                lines.append(line)
                if len(lines) > 1 and CLOSE.match(line):
                    rest = "\n".join(block_lines[index + 1 :])
                    if rest.strip():
                        blocks.insert(0, rest)
                    return self.render(parent, lines)
            lines.append("")
        return self.render(parent, lines)  # never closed: the subclass's parser reports it

    def render(self, parent: etree.Element, lines: list[str]) -> bool:
        raise NotImplementedError
