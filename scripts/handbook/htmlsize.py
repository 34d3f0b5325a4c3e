"""Smaller pages without changing what they show: indentation out of the built HTML.

Material's templates indent every nested element, which is about a fifth of a
page's bytes. In HTML, a run of white space between words or tags collapses to
one space, so dropping the spaces and tabs at the start of each line, and
empty lines, changes nothing a reader sees: the line break itself stays.
The line break between two tags is dropped too where one of them opens or
closes a block-level element (a list item, a paragraph, a navigation): white
space at a block's edge starts or ends a line, so browsers never render it.
Inside ``<pre>`` and ``<textarea>`` white space is content, and inside
``<script>`` and ``<style>`` it is code, so those are left exactly as they are.
"""

from __future__ import annotations

import re

_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
_INDENT = re.compile(r"\n[ \t\r\n]+")
_BLOCK = (
    "address|article|aside|blockquote|body|details|dialog|div|dl|dd|dt|fieldset|figcaption|figure|footer|form|"
    "h[1-6]|head|header|hr|html|li|link|main|meta|nav|ol|p|section|summary|table|tbody|td|tfoot|th|thead|title|tr|ul"
)
_AFTER_BLOCK_TAG = re.compile(rf"(<(?:/?(?:{_BLOCK}))\b[^>]*>)\n(?=<)", re.I)
_BEFORE_BLOCK_TAG = re.compile(rf"(?<=>)\n(?=</?(?:{_BLOCK})\b)", re.I)


def strip_indentation(html: str) -> str:
    parts = _VERBATIM.split(html)
    # split() with two groups yields: text, whole verbatim element, its tag name, text, ...
    out = []
    for index, part in enumerate(parts):
        kind = index % 3
        if kind == 0:
            text = _INDENT.sub("\n", part)
            text = _AFTER_BLOCK_TAG.sub(r"\1", text)
            out.append(_BEFORE_BLOCK_TAG.sub("", text))
        elif kind == 1:
            out.append(part)
    return "".join(out)
