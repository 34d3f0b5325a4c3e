"""The quizzes and the final assessment for a learning-management system: IMS QTI 2.1 and Moodle XML.

Per language, the final assessment (``docs/onboarding/assessment*.md``) and each
principle's quiz become

- an IMS QTI 2.1 content package (``qti_package``): a zip with ``imsmanifest.xml``
  (IMS CP 1.1), one ``assessmentItem`` per question and one ``assessmentTest``
  whose outcome ``PASS`` is true when the score reaches the pass mark;
- a Moodle XML file (``moodle_xml``): a category question that carries the pass
  mark, then one ``multichoice`` question per question.

Everything comes from ``quizzes.parse_page``, the parser that renders the quizzes
on the site: the questions, the answers, their feedback, the explanation and the
pass mark are never read from the Markdown a second time. Question, answer,
feedback and explanation text is inline Markdown, rendered with Python-Markdown;
a link to a page of the handbook becomes an absolute link to the published site
(``site_url``), or, without one, just its text, since a relative link would lead
nowhere inside an LMS.

Scoring follows the site (``overrides/assets/javascripts/quiz.js``): a question
counts as right only when exactly its right answers are chosen; the final
assessment passes when right questions × 100 ≥ pass mark × questions; a
principle's quiz counts as done only when every question is right, so its pass
mark is 100%.

Identifiers come from the page id and the question id, the same in every
language: the test is ``honesty``, its items ``honesty.fee-left-out``, an item's
choices ``a``, ``b``, ``c`` as on the site (``data-key``).

``validate_qti`` and ``validate_moodle`` check the structure each format's
importer needs (see the notes at each); ``read_qti`` and ``read_moodle`` read an
export back into an ``AnswerKey``, from the XML alone.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import PurePosixPath

import markdown

from . import quizzes
from .catalog import Catalog
from .links import links_in
from .locales import DEFAULT_LOCALE, LOCALE_CODES, get_locale
from .pages import Page, localized_rel, url_of
from .problems import Problem
from .translations import check_translations

ASSESSMENT = "onboarding/assessment.md"
# Where the exports go, inside the site folder.
OUTPUT_DIR = "downloads/lms"

QTI_NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
QTI_SCHEMA = "http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1.xsd"
CP_SCHEMA = "http://www.imsglobal.org/xsd/imscp_v1p1.xsd"
MANIFEST = "imsmanifest.xml"
ITEM_TYPE = "imsqti_item_xmlv2p1"
TEST_TYPE = "imsqti_test_xmlv2p1"
TOOL_NAME = "ethics-handbook"
# The identifier of an item's explanation, shown after every submission.
EXPLANATION = "explanation"

# XHTML elements QTI 2.1 allows inside a prompt, a choice or a feedback paragraph (inlineStatic),
# each with the attributes we keep. Anything else the Markdown renders is unwrapped to its text.
INLINE: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("abbr", "b", "br", "cite", "code", "dfn", "em", "i", "kbd", "q", "samp"), ()),
    **dict.fromkeys(("small", "span", "strong", "sub", "sup", "var"), ()),
    "a": ("href",),
    "img": ("src", "alt"),
}
_VOID = frozenset({"br", "img", "hr", "wbr", "input"})
_NCNAME = re.compile(r"^[A-Za-z_][\w.-]*$")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)

# Moodle: the grades an answer may carry, as fractions of the question's mark
# (question_bank::ensure_fraction_options_initialised in question/engine/bank.php),
# written in Moodle XML as percentages; each may also be negative, and 0 is "None".
MOODLE_FRACTIONS: tuple[float, ...] = (
    1.0,
    0.9,
    0.8333333,
    0.8,
    0.75,
    0.7,
    0.6666667,
    0.6,
    0.5,
    0.4,
    0.3333333,
    0.3,
    0.25,
    0.2,
)
MOODLE_FRACTIONS += (0.1666667, 0.1428571, 0.125, 0.1111111, 0.1, 0.05)
MOODLE_FORMATS = ("html", "moodle_auto_format", "plain_text", "markdown", "wiki_like")  # qformat_xml::trans_format
MOODLE_NUMBERING = ("abc", "ABCD", "123", "iii", "IIII", "none")  # qtype_multichoice answer numbering styles
# Question types Moodle's importer handles itself (qformat_xml::import_question); the validator knows two.
MOODLE_TYPES: tuple[str, ...] = (
    "category",
    "multichoice",
    "truefalse",
    "shortanswer",
    "numerical",
    "description",
    "matching",
)
MOODLE_TYPES += ("match", "cloze", "multianswer", "essay", "calculated", "calculatedsimple", "calculatedmulti")


# --- what is exported ------------------------------------------------------------------


@dataclass(frozen=True)
class LmsQuiz:
    """One quiz (or the assessment) in one language, as the LMS gets it."""

    id: str  # "assessment" or the principle id: the same in every language
    locale: str
    kind: str  # "quiz" or "assessment"
    title: str
    pass_mark: int  # percent of the questions that must be right
    questions: tuple[quizzes.Question, ...]
    page: Page

    @property
    def qti_name(self) -> str:
        return f"{self.id}.qti.zip"

    @property
    def moodle_name(self) -> str:
        return f"{self.id}.moodle.xml"


def pass_mark(quiz: quizzes.Quiz) -> int:
    """The share of right questions that passes, as on the site.

    The assessment has its own mark (``/// assessment | pass 80%``). A principle's
    quiz counts as done only when every question is right (quiz.js records
    "passed" then, and the onboarding path says so), so its mark is 100%.
    """
    return quiz.pass_mark if quiz.kind == "assessment" else 100


def source_pages(catalog: Catalog, locale: str) -> list[Page]:
    """The pages with an LMS quiz in ``locale``: the final assessment first, then the principles by id."""
    pages = [page for page in catalog.pages if page.locale == locale and _is_source(page)]
    return sorted(pages, key=lambda page: (page.source_rel != ASSESSMENT, page.stem))


def _is_source(page: Page) -> bool:
    return page.is_principle or page.source_rel == ASSESSMENT


def check_sources(catalog: Catalog) -> list[Problem]:
    """What stops an export, as path:line problems: the quiz check on every source page in every
    language, their front matter, and translations that are missing or whose quiz differs from English."""
    english = [page for page in catalog.english_pages() if _is_source(page)]
    pages = [page for code in LOCALE_CODES for page in source_pages(catalog, code)]
    paths = {page.display for page in pages}
    paths |= {
        page.display[: -len(page.rel)] + localized_rel(page.source_rel, code)
        for page in english
        for code in LOCALE_CODES
    }
    problems = [problem for problem in catalog.load_problems if problem.path in paths]
    for page in pages:
        problems.extend(quizzes.check_page(page, catalog))
        problems.extend(_lms_problems(page))
    for problem in check_translations(catalog).problems:
        quiz_structure = problem.code == "structure" and problem.message.startswith("quiz")
        if problem.path in paths and (quiz_structure or problem.code in ("untranslated", "missing-translation")):
            problems.append(problem)
    return [problem for problem in problems if problem.severity == "error"]


def _lms_problems(page: Page) -> list[Problem]:
    """What the site can show but an LMS cannot score."""
    problems = []
    for quiz in quizzes.parse_page(page).quizzes:
        for question in quiz.questions:
            right = sum(answer.correct for answer in question.answers)
            if question.multiple and right and _moodle_share(right) is None:
                problems.append(
                    Problem(
                        page.display,
                        question.line,
                        f"the question '#{question.id}' has {right} right answers, which Moodle cannot score "
                        "(each right answer gets an equal share of the mark, and Moodle has no such share)",
                        "give a multiple-choice question at most 10 right answers",
                        code="quiz",
                    )
                )
    return problems


def collect(catalog: Catalog) -> list[LmsQuiz]:
    """Every quiz in every language, in a stable order. Run ``check_sources`` first."""
    found = []
    for code in LOCALE_CODES:
        for page in source_pages(catalog, code):
            kind = "assessment" if page.source_rel == ASSESSMENT else "quiz"
            quiz = next((q for q in quizzes.parse_page(page).quizzes if q.kind == kind), None)
            if quiz is None:
                continue
            title = str(page.meta.get("title") or page.stem)
            found.append(LmsQuiz(page.stem, code, kind, title, pass_mark(quiz), tuple(quiz.questions), page))
    return found


# --- inline Markdown to a clean inline tree ----------------------------------------------


class _Fragment(HTMLParser):
    """Python-Markdown's HTML as an ElementTree under a ``<div>``, entities decoded."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = ET.Element("div")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = ET.SubElement(self.stack[-1], tag, {name: value or "" for name, value in attrs})
        if tag not in _VOID:
            self.stack.append(element)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        ET.SubElement(self.stack[-1], tag, {name: value or "" for name, value in attrs})

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        current = self.stack[-1]
        if len(current):
            current[-1].tail = (current[-1].tail or "") + data
        else:
            current.text = (current.text or "") + data


def parse_html(html: str) -> ET.Element:
    """An HTML fragment as a ``<div>`` element (for our own HTML: Markdown's, and Moodle XML's texts)."""
    parser = _Fragment()
    parser.feed(html)
    parser.close()
    return parser.root


def _unwrap(parent: ET.Element, index: int, separator: str = "") -> None:
    """Replace ``parent[index]`` by its content (text and children), keeping its tail."""
    child = parent[index]
    children = list(child)
    before = (child.text or "") if not separator else separator + (child.text or "")
    after = (child.tail or "") if not separator else separator + (child.tail or "")
    if index == 0:
        parent.text = (parent.text or "") + before
    else:
        parent[index - 1].tail = (parent[index - 1].tail or "") + before
    parent.remove(child)
    for offset, grandchild in enumerate(children):
        parent.insert(index + offset, grandchild)
    if children:
        children[-1].tail = (children[-1].tail or "") + after
    elif index == 0:
        parent.text = (parent.text or "") + after
    else:
        parent[index - 1].tail = (parent[index - 1].tail or "") + after


class InlineRenderer:
    """Editor Markdown (a question, an answer, a feedback, an explanation) as a clean inline tree.

    Links to the handbook become absolute links to ``site_url`` in the page's
    language, or their text when there is no site address.
    """

    def __init__(self, site_url: str | None) -> None:
        self.site_url = site_url.rstrip("/") + "/" if site_url else None
        self.markdown = markdown.Markdown(output_format="html")

    def render(self, text: str, page: Page) -> ET.Element:
        self.markdown.reset()
        root = parse_html(self.markdown.convert(text))
        self._clean(root, page)
        root.text = (root.text or "").lstrip()
        last = root[-1] if len(root) else None
        if last is not None:
            last.tail = (last.tail or "").rstrip()
        else:
            root.text = root.text.rstrip()
        return root

    def target(self, href: str, page: Page) -> str | None:
        """Where a link leads from inside an LMS; None when it can only be dropped."""
        if not href:
            return None
        if _SCHEME.match(href) or href.startswith("//"):
            return href  # a web address, a mailto: link
        found = links_in(f"[]({href})", page)
        if self.site_url is None or not found:
            return None
        link = found[0]
        if link.page.endswith(".md"):
            path = get_locale(page.locale).url_prefix + url_of(link.page)
        else:
            path = link.page.lstrip("/")
        return self.site_url + path + (f"#{link.anchor}" if link.anchor else "")

    def _clean(self, element: ET.Element, page: Page) -> None:
        for index in range(len(element) - 1, -1, -1):
            child = element[index]
            self._clean(child, page)
            tag = str(child.tag)
            if tag not in INLINE:
                _unwrap(element, index, " ")  # a block (a paragraph): its words stay apart
                continue
            kept = {name: child.get(name, "") for name in INLINE[tag] if child.get(name) is not None}
            if tag in ("a", "img"):
                address = self.target(kept.get("href" if tag == "a" else "src", ""), page)
                if address is None:
                    if tag == "img":
                        child.text = kept.get("alt", "")
                    _unwrap(element, index)
                    continue
                kept["href" if tag == "a" else "src"] = address
                if tag == "img":
                    kept.setdefault("alt", "")
            child.attrib.clear()
            child.attrib.update(kept)
        _collapse_space(element)


def _collapse_space(element: ET.Element) -> None:
    if element.text:
        element.text = re.sub(r"\s+", " ", element.text)
    for child in element:
        if child.tail:
            child.tail = re.sub(r"\s+", " ", child.tail)


def inline_html(fragment: ET.Element) -> str:
    """The fragment's content as HTML (Moodle's text fields)."""
    return escape(fragment.text or "", quote=False) + "".join(
        ET.tostring(child, encoding="unicode", method="html") for child in fragment
    )


def plain_text(fragment: ET.Element) -> str:
    return " ".join("".join(fragment.itertext()).split())


def _copy_into(target: ET.Element, fragment: ET.Element) -> None:
    """The fragment's content appended to ``target`` (both without namespace: see ``_xml``)."""
    if fragment.text:
        if len(target):
            target[-1].tail = (target[-1].tail or "") + fragment.text
        else:
            target.text = (target.text or "") + fragment.text
    for child in fragment:
        copy = ET.SubElement(target, child.tag, dict(child.attrib))
        _copy_into(copy, child)
        copy.tail = child.tail


# --- IMS QTI 2.1 -------------------------------------------------------------------------


def _q(tag: str) -> str:
    return f"{{{QTI_NS}}}{tag}"


def _cp(tag: str) -> str:
    return f"{{{CP_NS}}}{tag}"


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def item_id(quiz_id: str, question_id: str) -> str:
    return f"{quiz_id}.{question_id}"


def qti_item_href(quiz_id: str, question_id: str) -> str:
    return f"items/{item_id(quiz_id, question_id)}.xml"


def qti_test_href(quiz_id: str) -> str:
    return f"{quiz_id}.xml"


def _outcome(parent: ET.Element, identifier: str, cardinality: str, base_type: str, default: str | None = None) -> None:
    declaration = _sub(parent, "outcomeDeclaration", identifier=identifier, cardinality=cardinality)
    declaration.set("baseType", base_type)
    if default is not None:
        _sub(_sub(declaration, "defaultValue"), "value", default)


def qti_item(quiz: LmsQuiz, question: quizzes.Question, renderer: InlineRenderer) -> ET.Element:
    """One question as an assessmentItem: a choiceInteraction, its correct response, per-answer feedback."""
    cardinality = "multiple" if question.multiple else "single"
    question_text = renderer.render(question.text, quiz.page)
    item = ET.Element(
        "assessmentItem",
        {
            "xsi:schemaLocation": f"{QTI_NS} {QTI_SCHEMA}",
            "identifier": item_id(quiz.id, question.id),
            "title": plain_text(question_text),
            "adaptive": "false",
            "timeDependent": "false",
            "toolName": TOOL_NAME,
            "xml:lang": get_locale(quiz.locale).html_lang,
        },
    )
    response = _sub(item, "responseDeclaration", identifier="RESPONSE", cardinality=cardinality)
    response.set("baseType", "identifier")
    correct = _sub(response, "correctResponse")
    for index, answer in enumerate(question.answers):
        if answer.correct:
            _sub(correct, "value", quizzes.letter(index))
    _outcome(item, "SCORE", "single", "float", "0")
    _outcome(item, "MAXSCORE", "single", "float", "1")
    _outcome(item, "FEEDBACK", cardinality, "identifier")
    _outcome(item, "SOLUTION", "single", "identifier")
    body = _sub(item, "itemBody")
    interaction = _sub(body, "choiceInteraction", responseIdentifier="RESPONSE", shuffle="false")
    interaction.set("maxChoices", "0" if question.multiple else "1")
    interaction.set("minChoices", "1")
    _copy_into(_sub(interaction, "prompt"), question_text)
    for index, answer in enumerate(question.answers):
        choice = _sub(interaction, "simpleChoice", identifier=quizzes.letter(index))
        _copy_into(choice, renderer.render(answer.text, quiz.page))
    _response_processing(item)
    for index, answer in enumerate(question.answers):
        if answer.feedback:
            _feedback(item, "FEEDBACK", quizzes.letter(index), renderer.render(answer.feedback, quiz.page))
    _feedback(item, "SOLUTION", EXPLANATION, renderer.render(question.explanation, quiz.page))
    return item


def _feedback(item: ET.Element, outcome: str, identifier: str, fragment: ET.Element) -> None:
    feedback = _sub(item, "modalFeedback", outcomeIdentifier=outcome, identifier=identifier, showHide="show")
    _copy_into(_sub(feedback, "p"), fragment)


def _response_processing(item: ET.Element) -> None:
    """SCORE 1 for exactly the right answers (the site's scoring), else 0; FEEDBACK the chosen answers;
    SOLUTION the explanation."""
    processing = _sub(item, "responseProcessing")
    condition = _sub(processing, "responseCondition")
    when = _sub(condition, "responseIf")
    match = _sub(when, "match")
    _sub(match, "variable", identifier="RESPONSE")
    _sub(match, "correct", identifier="RESPONSE")
    _set_value(when, "SCORE", "float", "1")
    _set_value(_sub(condition, "responseElse"), "SCORE", "float", "0")
    _sub(_sub(processing, "setOutcomeValue", identifier="FEEDBACK"), "variable", identifier="RESPONSE")
    _set_value(processing, "SOLUTION", "identifier", EXPLANATION)


def _set_value(parent: ET.Element, identifier: str, base_type: str, value: str) -> None:
    setter = _sub(parent, "setOutcomeValue", identifier=identifier)
    _sub(setter, "baseValue", value, baseType=base_type)


def qti_test(quiz: LmsQuiz) -> ET.Element:
    """The assessmentTest: every item once, in order; SCORE the right questions, PERCENT, and PASS."""
    test = ET.Element(
        "assessmentTest",
        {
            "xsi:schemaLocation": f"{QTI_NS} {QTI_SCHEMA}",
            "identifier": quiz.id,
            "title": quiz.title,
            "toolName": TOOL_NAME,
        },
    )
    total = len(quiz.questions)
    _outcome(test, "SCORE", "single", "float", "0")
    _outcome(test, "MAXSCORE", "single", "float", str(total))
    _outcome(test, "PERCENT", "single", "float", "0")
    _outcome(test, "PASS", "single", "boolean", "false")
    test[-1].set("interpretation", f"passed: at least {quiz.pass_mark}% of the questions answered right")
    assessment = quiz.kind == "assessment"
    # The assessment is submitted once, as a whole; a principle's quiz is practice, checked question by
    # question and open to another try, as on the site.
    part = _sub(test, "testPart", identifier=f"{quiz.id}_part", navigationMode="nonlinear")
    part.set("submissionMode", "simultaneous" if assessment else "individual")
    control = _sub(part, "itemSessionControl", maxAttempts="1" if assessment else "0")
    control.set("showFeedback", "true")
    control.set("allowReview", "true")
    control.set("showSolution", "true")
    section = _sub(part, "assessmentSection", identifier=f"{quiz.id}_section", title=quiz.title, visible="true")
    for question in quiz.questions:
        _sub(
            section,
            "assessmentItemRef",
            identifier=item_id(quiz.id, question.id),
            href=qti_item_href(quiz.id, question.id),
        )
    processing = _sub(test, "outcomeProcessing")
    score = _sub(_sub(processing, "setOutcomeValue", identifier="SCORE"), "sum")
    _sub(score, "testVariables", variableIdentifier="SCORE")
    divide = _sub(_sub(processing, "setOutcomeValue", identifier="PERCENT"), "divide")
    product = _sub(divide, "product")
    _sub(product, "variable", identifier="SCORE")
    _sub(product, "baseValue", "100", baseType="float")
    _sub(divide, "variable", identifier="MAXSCORE")
    gte = _sub(_sub(processing, "setOutcomeValue", identifier="PASS"), "gte")
    _sub(gte, "variable", identifier="PERCENT")
    _sub(gte, "baseValue", str(quiz.pass_mark), baseType="float")
    return test


def qti_manifest(quiz: LmsQuiz) -> ET.Element:
    """IMS CP 1.1: the test resource, which depends on one resource per item."""
    manifest = ET.Element(
        "manifest",
        {
            "xsi:schemaLocation": f"{CP_NS} {CP_SCHEMA} {QTI_NS} {QTI_SCHEMA}",
            "identifier": f"manifest-{quiz.id}",
        },
    )
    metadata = _sub(manifest, "metadata")
    _sub(metadata, "schema", "QTIv2.1 Package")
    _sub(metadata, "schemaversion", "1.0.0")
    _sub(manifest, "organizations")
    resources = _sub(manifest, "resources")
    test = _sub(resources, "resource", identifier=f"test-{quiz.id}", type=TEST_TYPE, href=qti_test_href(quiz.id))
    _sub(test, "file", href=qti_test_href(quiz.id))
    for question in quiz.questions:
        _sub(test, "dependency", identifierref=f"item-{item_id(quiz.id, question.id)}")
    for question in quiz.questions:
        href = qti_item_href(quiz.id, question.id)
        resource = _sub(
            resources, "resource", identifier=f"item-{item_id(quiz.id, question.id)}", type=ITEM_TYPE, href=href
        )
        _sub(resource, "file", href=href)
    return manifest


# Elements whose content is text and inline markup: never indented, so no space is added inside.
_MIXED = frozenset({"prompt", "simpleChoice", "p"})


def _indent(element: ET.Element, level: int = 0) -> None:
    if element.tag in _MIXED or not len(element):
        return
    inner = "\n" + "  " * (level + 1)
    if not (element.text or "").strip():
        element.text = inner
    for child in element:
        _indent(child, level + 1)
        if not (child.tail or "").strip():
            child.tail = inner
    element[-1].tail = "\n" + "  " * level


def _xml(root: ET.Element, namespace: str | None = None) -> bytes:
    """The document as UTF-8. The tree is built without namespaces and ``namespace`` becomes the
    default one here, since ElementTree cannot write a default namespace with plain attributes."""
    if namespace is not None:
        root.set("xmlns", namespace)
        root.set("xmlns:xsi", XSI_NS)
    _indent(root)
    text = ET.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + text + "\n").encode("utf-8")


def qti_files(quiz: LmsQuiz, renderer: InlineRenderer) -> dict[str, bytes]:
    """The package's files by their path inside it, the manifest first."""
    files = {MANIFEST: _xml(qti_manifest(quiz), CP_NS), qti_test_href(quiz.id): _xml(qti_test(quiz), QTI_NS)}
    for question in quiz.questions:
        files[qti_item_href(quiz.id, question.id)] = _xml(qti_item(quiz, question, renderer), QTI_NS)
    return files


def zip_files(files: dict[str, bytes]) -> bytes:
    """A zip with fixed dates, in the given order: the same content always gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def unzip_files(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def qti_package(quiz: LmsQuiz, renderer: InlineRenderer) -> bytes:
    return zip_files(qti_files(quiz, renderer))


# --- Moodle XML --------------------------------------------------------------------------


def _moodle_share(right: int) -> float | None:
    """A right answer's grade, in percent, when ``right`` answers share the mark; None if Moodle has none."""
    share = 1 / right
    fraction = next((f for f in MOODLE_FRACTIONS if abs(f - share) < 1e-6), None)
    return None if fraction is None else fraction * 100


def _percent(value: float) -> str:
    text = f"{value:.5f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def moodle_fractions(question: quizzes.Question) -> list[str]:
    """Each answer's grade in percent. One right answer: 100 right, 0 wrong. Several: the right ones
    share 100 and a wrong one costs 100, so only exactly the right answers score 100 (Moodle keeps a
    question's grade between 0 and 100%)."""
    if not question.multiple:
        return ["100" if answer.correct else "0" for answer in question.answers]
    share = _moodle_share(sum(answer.correct for answer in question.answers))
    if share is None:
        raise ValueError(f"Moodle cannot share a mark among the right answers of '#{question.id}'")
    return [_percent(share) if answer.correct else "-100" for answer in question.answers]


def _moodle_text(parent: ET.Element, tag: str, html: str, text_format: str = "html") -> ET.Element:
    element = _sub(parent, tag, format=text_format)
    _sub(element, "text", html)
    return element


def _category_part(name: str) -> str:
    return name.replace("/", "//")  # Moodle's category paths escape a slash in a name by doubling it


def moodle_category(quiz: LmsQuiz) -> str:
    locale = get_locale(quiz.locale)
    return f"$course$/top/{_category_part(f'Ethics handbook ({locale.name})')}/{_category_part(quiz.title)}"


def moodle_info(quiz: LmsQuiz) -> str:
    """The category's description, which an admin sees in the question bank; it carries the pass mark."""
    locale = get_locale(quiz.locale)
    count = len(quiz.questions)
    what = "The final assessment" if quiz.kind == "assessment" else "The quiz of the principle"
    return (
        f"<p>{what} “{escape(quiz.title)}” of the customer-service ethics handbook, in "
        f"{locale.english_name}: {count} questions.</p>"
        f'<p data-pass-mark="{quiz.pass_mark}">Pass mark: {quiz.pass_mark}% of the questions answered right. '
        f"Add these questions to a Moodle quiz and set its “Grade to pass” to {quiz.pass_mark}% of the quiz's "
        f"maximum grade (for example {quiz.pass_mark / 10:.2f} out of 10.00).</p>"
    )


def moodle_xml(quiz: LmsQuiz, renderer: InlineRenderer) -> bytes:
    """Moodle's question-import format: the category, then one multichoice question per question."""
    words = _quiz_words(quiz.locale)
    root = ET.Element("quiz")
    category = _sub(root, "question", type="category")
    _sub(_sub(category, "category"), "text", moodle_category(quiz))
    _moodle_text(category, "info", moodle_info(quiz))
    for number, question in enumerate(quiz.questions, start=1):
        question_text = renderer.render(question.text, quiz.page)
        element = _sub(root, "question", type="multichoice")
        name = f"{number:02d}. {plain_text(question_text)}"
        _sub(_sub(element, "name"), "text", name if len(name) <= 100 else name[:99].rstrip() + "…")
        _moodle_text(element, "questiontext", inline_html(question_text))
        _moodle_text(element, "generalfeedback", inline_html(renderer.render(question.explanation, quiz.page)))
        _sub(element, "defaultgrade", "1")
        _sub(element, "penalty", "0")
        _sub(element, "hidden", "0")
        _sub(element, "idnumber", item_id(quiz.id, question.id))
        _sub(element, "single", "false" if question.multiple else "true")
        _sub(element, "shuffleanswers", "false")
        _sub(element, "answernumbering", "abc")
        _sub(element, "showstandardinstruction", "1")
        _moodle_text(element, "correctfeedback", escape(words["correct"], quote=False))
        _moodle_text(element, "partiallycorrectfeedback", escape(words["incomplete"], quote=False))
        _moodle_text(element, "incorrectfeedback", escape(words["incorrect"], quote=False))
        if question.multiple:
            _sub(element, "shownumcorrect")
        for answer, fraction in zip(question.answers, moodle_fractions(question), strict=True):
            option = _sub(element, "answer", fraction=fraction, format="html")
            _sub(option, "text", inline_html(renderer.render(answer.text, quiz.page)))
            feedback = inline_html(renderer.render(answer.feedback, quiz.page)) if answer.feedback else ""
            _moodle_text(option, "feedback", feedback)
    return _xml(root)


def _quiz_words(locale: str) -> dict[str, str]:
    from .catalog import load_strings

    return {key: str(value) for key, value in load_strings()[locale]["quiz"].items()}


def export_files(catalog: Catalog, site_url: str | None) -> tuple[dict[str, bytes], list[Problem]]:
    """Every file of downloads/lms/ (path inside it -> bytes), each export validated; or what stops them.

    Run ``check_sources`` first: what is invalid after that is a bug of this module, not of a page.
    """
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    renderer = InlineRenderer(site_url)
    exports = collect(catalog)
    for quiz in exports:
        qti = qti_files(quiz, renderer)
        moodle = moodle_xml(quiz, renderer)
        for kind, invalid in (("QTI 2.1", validate_qti(qti)), ("Moodle XML", validate_moodle(moodle))):
            problems += [
                Problem(
                    quiz.page.display,
                    0,
                    f"the {kind} export of this quiz is invalid: {message}",
                    "this is a bug in scripts/handbook/lms.py, not in the page: report it with this message",
                    code="lms-export",
                )
                for message in invalid
            ]
        files[f"{quiz.locale}/{quiz.qti_name}"] = zip_files(qti)
        files[f"{quiz.locale}/{quiz.moodle_name}"] = moodle
    files["README.txt"] = readme(exports, site_url).encode("utf-8")
    return files, problems


# --- reading an export back ----------------------------------------------------------------


@dataclass(frozen=True)
class QuestionKey:
    right: frozenset[str]  # letters of the right answers
    multiple: bool
    answers: int
    with_feedback: frozenset[str]  # letters of the answers that have their own feedback
    explained: bool


@dataclass(frozen=True)
class AnswerKey:
    quiz_id: str
    pass_mark: int
    questions: dict[str, QuestionKey] = field(default_factory=dict)  # question id -> key, in order


def answer_key(quiz_id: str, quiz: quizzes.Quiz) -> AnswerKey:
    """What the parser says an export must carry (the reference for the readers)."""
    return AnswerKey(
        quiz_id,
        pass_mark(quiz),
        {
            question.id: QuestionKey(
                frozenset(quizzes.letter(i) for i, answer in enumerate(question.answers) if answer.correct),
                question.multiple,
                len(question.answers),
                frozenset(quizzes.letter(i) for i, answer in enumerate(question.answers) if answer.feedback),
                bool(question.explanation),
            )
            for question in quiz.questions
        },
    )


class ExportError(ValueError):
    """An export that cannot be read back."""


def _find(element: ET.Element, path: str, what: str) -> ET.Element:
    found = element.find(path)
    if found is None:
        raise ExportError(f"no {what}")
    return found


def _question_id(identifier: str, quiz_id: str) -> str:
    prefix = f"{quiz_id}."
    if not identifier.startswith(prefix):
        raise ExportError(f"'{identifier}' is not an identifier of the quiz '{quiz_id}'")
    return identifier[len(prefix) :]


def read_qti(package: bytes) -> AnswerKey:
    """A QTI package's answer key and pass mark: manifest -> test -> items."""
    files = unzip_files(package)
    manifest = ET.fromstring(files[MANIFEST])
    test_resource = _find(manifest, f"{_cp('resources')}/{_cp('resource')}[@type='{TEST_TYPE}']", "test resource")
    test_path = test_resource.get("href", "")
    test = ET.fromstring(files[test_path])
    quiz_id = test.get("identifier", "")
    gte = _find(test, f"{_q('outcomeProcessing')}/{_q('setOutcomeValue')}[@identifier='PASS']/{_q('gte')}", "PASS")
    questions = {}
    for ref in test.iter(_q("assessmentItemRef")):
        href = str(PurePosixPath(test_path).parent / ref.get("href", ""))
        item = ET.fromstring(files[href.removeprefix("./")])
        declaration = _find(item, f"{_q('responseDeclaration')}[@identifier='RESPONSE']", "RESPONSE")
        right = frozenset(value.text or "" for value in declaration.iterfind(f"{_q('correctResponse')}/{_q('value')}"))
        choices = item.findall(f".//{_q('choiceInteraction')}/{_q('simpleChoice')}")
        feedback = item.findall(f"{_q('modalFeedback')}[@outcomeIdentifier='FEEDBACK']")
        explained = item.find(f"{_q('modalFeedback')}[@outcomeIdentifier='SOLUTION']")
        questions[_question_id(item.get("identifier", ""), quiz_id)] = QuestionKey(
            right,
            declaration.get("cardinality") == "multiple",
            len(choices),
            frozenset(element.get("identifier", "") for element in feedback if plain_text(element)),
            explained is not None and bool(plain_text(explained)),
        )
    return AnswerKey(quiz_id, _number(_find(gte, _q("baseValue"), "pass mark").text), questions)


def _number(text: str | None) -> int:
    try:
        value = float(text or "")
    except ValueError:
        raise ExportError(f"'{text}' is not a number") from None
    return int(value) if value.is_integer() else round(value)


def read_moodle(data: bytes) -> AnswerKey:
    """A Moodle XML file's answer key (right answers: a positive grade) and the pass mark in its category."""
    root = ET.fromstring(data)
    category = _find(root, "question[@type='category']", "category question")
    info = parse_html(_find(category, "info/text", "category description").text or "")
    marked = next((element for element in info.iter() if element.get("data-pass-mark")), None)
    if marked is None:
        raise ExportError("no data-pass-mark in the category's description")
    quiz_id = ""
    questions = {}
    for question in root.iterfind("question[@type='multichoice']"):
        identifier = _find(question, "idnumber", "idnumber").text or ""
        quiz_id = quiz_id or identifier.partition(".")[0]
        answers = question.findall("answer")
        letters = [quizzes.letter(index) for index in range(len(answers))]
        questions[_question_id(identifier, quiz_id)] = QuestionKey(
            frozenset(letter for letter, answer in zip(letters, answers, strict=True) if _grade(answer) > 0),
            (question.findtext("single") or "").strip() == "false",
            len(answers),
            frozenset(
                letter
                for letter, answer in zip(letters, answers, strict=True)
                if (answer.findtext("feedback/text") or "").strip()
            ),
            bool((question.findtext("generalfeedback/text") or "").strip()),
        )
    return AnswerKey(quiz_id, _number(marked.get("data-pass-mark")), questions)


def _grade(answer: ET.Element) -> float:
    try:
        return float(answer.get("fraction", ""))
    except ValueError:
        return 0.0


# --- validation ----------------------------------------------------------------------------
#
# Not against the official XML schemas: IMS CP 1.1.4's schema may be redistributed only by
# those registered with IMS, and the QTI 2.1 schema (redistributable unchanged, with its notice)
# could not be obtained unchanged without network access, nor its imports (MathML 2, APIP). So
# these check the structure the importers rely on, from the specifications: every reference
# resolves, every required element and attribute is there, the answer key is consistent.


def validate_qti(files: dict[str, bytes]) -> list[str]:
    """What is wrong with a QTI 2.1 package (IMS CP 1.1 manifest, assessmentTest, assessmentItems)."""
    problems: list[str] = []
    trees: dict[str, ET.Element] = {}
    for name, data in files.items():
        if name.endswith(".xml"):
            try:
                trees[name] = ET.fromstring(data)
            except ET.ParseError as error:
                problems.append(f"{name}: not well-formed XML ({error})")
    manifest = trees.get(MANIFEST)
    if manifest is None:
        return [*problems, f"the package has no {MANIFEST}"]
    resources = _validate_manifest(manifest, files, problems)
    tests = [href for href, kind in resources.values() if kind == TEST_TYPE]
    items = {href for href, kind in resources.values() if kind == ITEM_TYPE}
    if len(tests) != 1:
        problems.append(f"{MANIFEST}: {len(tests)} test resources; a package has one assessmentTest")
    for href in items:
        if href in trees:
            problems.extend(f"{href}: {problem}" for problem in validate_qti_item(trees[href]))
    for href in tests:
        if href in trees:
            problems.extend(f"{href}: {problem}" for problem in _validate_test(trees[href], href, trees, items))
    return problems


def _validate_manifest(
    manifest: ET.Element, files: dict[str, bytes], problems: list[str]
) -> dict[str, tuple[str, str]]:
    """The resources (identifier -> (href, type)); every file listed, every dependency resolved."""
    resources: dict[str, tuple[str, str]] = {}

    def problem(message: str) -> None:
        problems.append(f"{MANIFEST}: {message}")

    if manifest.tag != _cp("manifest"):
        problem(f"the root is {manifest.tag}, not an IMS CP 1.1 manifest")
        return resources
    if not _NCNAME.match(manifest.get("identifier", "")):
        problem("the manifest has no valid identifier")
    order = [child.tag for child in manifest]
    if order[:1] == [_cp("metadata")]:
        order = order[1:]
    if order[:2] != [_cp("organizations"), _cp("resources")]:
        problem("the manifest needs <organizations> then <resources>")
    listed: set[str] = set()
    dependencies: list[tuple[str, str]] = []
    for resource in manifest.iterfind(f"{_cp('resources')}/{_cp('resource')}"):
        identifier, href, kind = (resource.get(name, "") for name in ("identifier", "href", "type"))
        if not _NCNAME.match(identifier):
            problem(f"the resource identifier '{identifier}' is not an XML name")
        if identifier in resources:
            problem(f"the resource identifier '{identifier}' is used twice")
        if kind not in (ITEM_TYPE, TEST_TYPE):
            problem(f"the resource '{identifier}' has the type '{kind}'; use {ITEM_TYPE} or {TEST_TYPE}")
        resources[identifier] = (href, kind)
        names = [element.get("href", "") for element in resource.iterfind(_cp("file"))]
        if href not in names:
            problem(f"the resource '{identifier}' does not list its own file {href} in a <file>")
        for name in names:
            listed.add(name)
            if name not in files:
                problem(f"the resource '{identifier}' lists {name}, which is not in the package")
        dependencies += [(identifier, d.get("identifierref", "")) for d in resource.iterfind(_cp("dependency"))]
    for identifier, reference in dependencies:
        if reference not in resources:
            problem(f"the resource '{identifier}' depends on '{reference}', which is no resource of the package")
    for name in files:
        if name != MANIFEST and name not in listed:
            problem(f"{name} is in the package but in no resource")
    return resources


def validate_qti_item(item: ET.Element) -> list[str]:
    """An assessmentItem with one choiceInteraction, as this export writes it (QTI 2.1 information model)."""
    problems: list[str] = []
    if item.tag != _q("assessmentItem"):
        return [f"the root is {item.tag}, not a QTI 2.1 assessmentItem"]
    _foreign(item, problems)
    identifier = item.get("identifier", "")
    if not _NCNAME.match(identifier):
        problems.append(f"the item identifier '{identifier}' is not a QTI identifier")
    for name in ("title", "adaptive", "timeDependent"):
        if item.get(name) is None:
            problems.append(f"the item has no {name}")
    for name in ("adaptive", "timeDependent"):
        if item.get(name) not in (None, "true", "false"):
            problems.append(f"{name} is '{item.get(name)}'; use true or false")
    sequence = (
        "responseDeclaration",
        "outcomeDeclaration",
        "templateDeclaration",
        "templateProcessing",
        "stylesheet",
        "itemBody",
        "responseProcessing",
        "modalFeedback",
    )
    _check_order(item, sequence, problems)
    responses = {d.get("identifier", ""): d for d in item.iterfind(_q("responseDeclaration"))}
    outcomes = {d.get("identifier", ""): d for d in item.iterfind(_q("outcomeDeclaration"))}
    declared = set(responses) | set(outcomes)
    for declaration in [*responses.values(), *outcomes.values()]:
        _check_declaration(declaration, problems)
    if "SCORE" not in outcomes:
        problems.append("no SCORE outcome: the item cannot be scored")
    interactions = item.findall(f"{_q('itemBody')}//{_q('choiceInteraction')}")
    if len(interactions) != 1:
        problems.append(f"{len(interactions)} choiceInteractions; a question has one")
    choices: list[str] = []
    for interaction in interactions:
        choices = _check_interaction(interaction, responses, problems)
    processing = item.find(_q("responseProcessing"))
    if processing is None:
        problems.append("no responseProcessing: the item cannot be scored")
    elif processing.get("template") is None and not len(processing):
        problems.append("the responseProcessing is empty")
    elif processing is not None:
        _check_references(processing, declared, problems)
    for feedback in item.iterfind(_q("modalFeedback")):
        outcome, shown = feedback.get("outcomeIdentifier", ""), feedback.get("identifier", "")
        if outcome not in outcomes:
            problems.append(f"a modalFeedback is keyed on '{outcome}', which is no outcome of the item")
        if feedback.get("showHide") not in ("show", "hide"):
            problems.append("a modalFeedback's showHide is neither show nor hide")
        if outcome == "FEEDBACK" and shown not in choices:
            problems.append(f"a modalFeedback is shown for the answer '{shown}', which is no choice of the item")
        if not plain_text(feedback):
            problems.append(f"the modalFeedback for '{shown}' is empty")
        _check_content(feedback, problems, block=True)
    return problems


def _check_declaration(declaration: ET.Element, problems: list[str]) -> None:
    identifier = declaration.get("identifier", "")
    if not _NCNAME.match(identifier):
        problems.append(f"the variable identifier '{identifier}' is not a QTI identifier")
    if declaration.get("cardinality") not in ("single", "multiple", "ordered", "record"):
        problems.append(f"'{identifier}' has no valid cardinality")


def _check_interaction(interaction: ET.Element, responses: dict[str, ET.Element], problems: list[str]) -> list[str]:
    """The choices' identifiers; the response they answer, its correct response and maxChoices agree."""
    choices = [choice.get("identifier", "") for choice in interaction.iterfind(_q("simpleChoice"))]
    if len(choices) < 2:
        problems.append(f"the choiceInteraction has {len(choices)} choice(s)")
    for choice in choices:
        if not _NCNAME.match(choice):
            problems.append(f"the choice identifier '{choice}' is not a QTI identifier")
    if len(set(choices)) != len(choices):
        problems.append("two choices have the same identifier")
    if interaction.get("shuffle") not in ("true", "false"):
        problems.append("the choiceInteraction has no shuffle (true or false)")
    for element in interaction:
        if element.tag in (_q("prompt"), _q("simpleChoice")):
            _check_content(element, problems, block=element.tag == _q("simpleChoice"))
    response = responses.get(interaction.get("responseIdentifier", ""))
    if response is None:
        problems.append(f"the choiceInteraction answers '{interaction.get('responseIdentifier')}', which is undeclared")
        return choices
    if response.get("baseType") != "identifier":
        problems.append("the response of a choiceInteraction has the baseType identifier")
    cardinality = response.get("cardinality")
    try:
        most = int(interaction.get("maxChoices", ""))
    except ValueError:
        problems.append("the choiceInteraction's maxChoices is not a number")
        most = -1
    if cardinality == "single" and most != 1:
        problems.append(f"a single-cardinality response with maxChoices {most}; use 1")
    if cardinality == "multiple" and most not in range(0, len(choices) + 1):
        problems.append(f"maxChoices {most} for {len(choices)} choices; use 0 (no limit)")
    correct = response.find(_q("correctResponse"))
    values = [] if correct is None else [value.text or "" for value in correct.iterfind(_q("value"))]
    if not values:
        problems.append("the response has no correctResponse: no answer can be right")
    if cardinality == "single" and len(values) > 1:
        problems.append(f"a single-choice response with {len(values)} correct values")
    for value in values:
        if value not in choices:
            problems.append(f"the correct response '{value}' is no choice of the interaction")
    return choices


def _validate_test(test: ET.Element, href: str, trees: dict[str, ET.Element], items: set[str]) -> list[str]:
    problems: list[str] = []
    if test.tag != _q("assessmentTest"):
        return [f"the root is {test.tag}, not a QTI 2.1 assessmentTest"]
    _foreign(test, problems)
    if test.get("title") is None:
        problems.append("the test has no title")
    _check_order(test, ("outcomeDeclaration", "timeLimits", "testPart", "outcomeProcessing", "testFeedback"), problems)
    outcomes = {d.get("identifier", ""): d for d in test.iterfind(_q("outcomeDeclaration"))}
    for declaration in outcomes.values():
        _check_declaration(declaration, problems)
    identifiers = [test.get("identifier", "")]
    parts = test.findall(_q("testPart"))
    if not parts:
        problems.append("the test has no testPart")
    for part in parts:
        identifiers.append(part.get("identifier", ""))
        if part.get("navigationMode") not in ("linear", "nonlinear"):
            problems.append("a testPart's navigationMode is neither linear nor nonlinear")
        if part.get("submissionMode") not in ("individual", "simultaneous"):
            problems.append("a testPart's submissionMode is neither individual nor simultaneous")
        sections = part.findall(_q("assessmentSection"))
        if not sections:
            problems.append("a testPart has no assessmentSection")
        for section in part.iter(_q("assessmentSection")):
            identifiers.append(section.get("identifier", ""))
            if section.get("title") is None or section.get("visible") not in ("true", "false"):
                problems.append("an assessmentSection needs a title and visible (true or false)")
    folder = PurePosixPath(href).parent
    refs = list(test.iter(_q("assessmentItemRef")))
    if not refs:
        problems.append("the test refers to no item")
    for ref in refs:
        identifiers.append(ref.get("identifier", ""))
        target = str(folder / ref.get("href", "")).removeprefix("./")
        if target not in items or target not in trees:
            problems.append(f"the item reference '{ref.get('identifier')}' points to {target}, no item of the package")
        elif trees[target].get("identifier") != ref.get("identifier"):
            problems.append(f"the item reference '{ref.get('identifier')}' and the item it points to differ in id")
    for identifier in identifiers:
        if not _NCNAME.match(identifier):
            problems.append(f"'{identifier}' is not a QTI identifier")
    duplicates = sorted({i for i in identifiers if identifiers.count(i) > 1})
    if duplicates:
        problems.append(f"identifiers used twice in the test: {', '.join(duplicates)}")
    processing = test.find(_q("outcomeProcessing"))
    if processing is None:
        problems.append("no outcomeProcessing: the test sets no score and no PASS")
        return problems
    _check_references(processing, set(outcomes), problems)
    if "PASS" not in outcomes or outcomes["PASS"].get("baseType") != "boolean":
        problems.append("no boolean PASS outcome")
    passing = processing.find(f"{_q('setOutcomeValue')}[@identifier='PASS']/{_q('gte')}/{_q('baseValue')}")
    try:
        mark = float(passing.text or "") if passing is not None else -1.0
    except ValueError:
        mark = -1.0
    if not 0 < mark <= 100:
        problems.append("PASS is not set from a pass mark between 1 and 100 (percent)")
    return problems


def _check_references(processing: ET.Element, declared: set[str], problems: list[str]) -> None:
    for element in processing.iter():
        tag = element.tag
        if tag == _q("setOutcomeValue") and element.get("identifier") not in declared:
            problems.append(f"setOutcomeValue sets '{element.get('identifier')}', which is undeclared")
        if tag in (_q("variable"), _q("correct")) and element.get("identifier") not in declared:
            problems.append(f"'{element.get('identifier')}' is read but undeclared")


def _check_order(element: ET.Element, sequence: tuple[str, ...], problems: list[str]) -> None:
    """The children come in the schema's order and are all known."""
    position = 0
    for child in element:
        tag = str(child.tag).removeprefix(f"{{{QTI_NS}}}")
        if tag not in sequence:
            problems.append(f"<{tag}> cannot be a child of <{str(element.tag).removeprefix(f'{{{QTI_NS}}}')}>")
            continue
        if sequence.index(tag) < position:
            problems.append(f"<{tag}> is out of order: the order is {', '.join(sequence)}")
        position = sequence.index(tag)


_BLOCK = frozenset({"p", "div", "ul", "ol", "li", "blockquote"})


def _check_content(element: ET.Element, problems: list[str], *, block: bool) -> None:
    """Only the XHTML QTI allows in a prompt (inline) or a choice or feedback (block and inline)."""
    for child in element.iter():
        if child is element:
            continue
        tag = str(child.tag).removeprefix(f"{{{QTI_NS}}}")
        if tag not in INLINE and not (block and tag in _BLOCK):
            problems.append(f"<{tag}> is not allowed in <{str(element.tag).removeprefix(f'{{{QTI_NS}}}')}>")
        if tag == "a" and not child.get("href"):
            problems.append("a link without an href")
        if tag == "a" and not _SCHEME.match(child.get("href", "")):
            problems.append(f"the link '{child.get('href')}' is relative: it leads nowhere in an LMS")


def _foreign(root: ET.Element, problems: list[str]) -> None:
    for element in root.iter():
        if not str(element.tag).startswith(f"{{{QTI_NS}}}"):
            problems.append(f"<{element.tag}> is not a QTI 2.1 element")


def validate_moodle(data: bytes) -> list[str]:
    """What Moodle's XML importer (question/format/xml/format.php) would reject or misread.

    Checked for the category and multichoice questions this export writes: a name;
    question text with a known format; two answers or more, each with text and a
    grade Moodle offers; for one right answer a grade of 100%, for several right
    answers positive grades that add up to 100% (qtype_multichoice's checks);
    true/false flags; a known answer numbering; ID numbers unique in a category.
    """
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return [f"not well-formed XML ({error})"]
    if root.tag != "quiz":
        return [f"the root is <{root.tag}>, not <quiz>"]
    problems: list[str] = []
    allowed = {round(sign * f * 100, 5) for f in MOODLE_FRACTIONS for sign in (1, -1)} | {0.0}
    category = ""
    seen: dict[str, set[str]] = {}
    for number, question in enumerate(root, start=1):
        where = f"question {number}"
        if question.tag != "question":
            problems.append(f"<{question.tag}> in <quiz>: Moodle reads only <question> elements")
            continue
        kind = question.get("type", "")
        if kind == "category":
            category = (question.findtext("category/text") or "").strip()
            if not category:
                problems.append(f"{where}: a category question without <category><text>")
            info = question.find("info")
            if info is not None and info.get("format") not in MOODLE_FORMATS:
                problems.append(f"{where}: the category's <info> has no known format")
            continue
        if kind not in MOODLE_TYPES:
            problems.append(f"{where}: Moodle does not import questions of type '{kind}'")
            continue
        if kind != "multichoice":
            problems.append(f"{where}: this validator checks category and multichoice questions only, not '{kind}'")
            continue
        name = (question.findtext("name/text") or "").strip()
        where = f"question {number} ('{name}')" if name else where
        problems.extend(f"{where}: {problem}" for problem in _moodle_multichoice(question, allowed))
        identifier = (question.findtext("idnumber") or "").strip()
        if identifier:
            if identifier in seen.setdefault(category, set()):
                problems.append(f"{where}: the ID number '{identifier}' is used twice in the category")
            seen[category].add(identifier)
    if not any(question.get("type") == "multichoice" for question in root):
        problems.append("the file has no question")
    return problems


def _moodle_multichoice(question: ET.Element, allowed: set[float]) -> list[str]:
    problems = []
    if not (question.findtext("name/text") or "").strip():
        problems.append("no <name><text>: Moodle's importer stops at a question without a name")
    text = question.find("questiontext")
    if text is None or not (text.findtext("text") or "").strip():
        problems.append("no question text")
    for tag in ("questiontext", "generalfeedback", "correctfeedback", "partiallycorrectfeedback", "incorrectfeedback"):
        element = question.find(tag)
        if element is not None and element.get("format") not in MOODLE_FORMATS:
            problems.append(f"<{tag}> has no known format (one of {', '.join(MOODLE_FORMATS)})")
    single = (question.findtext("single") or "").strip()
    if single not in ("true", "false"):
        problems.append(f"<single> is '{single}'; write true (one answer) or false (several)")
    if (question.findtext("shuffleanswers") or "false").strip() not in ("true", "false", "0", "1"):
        problems.append("<shuffleanswers> is neither true nor false")
    if (question.findtext("answernumbering") or "abc").strip() not in MOODLE_NUMBERING:
        problems.append(f"<answernumbering> is none of {', '.join(MOODLE_NUMBERING)}")
    for tag, low, high in (("defaultgrade", 0.0, float("inf")), ("penalty", 0.0, 1.0)):
        value = question.findtext(tag)
        if value is not None and not _in_range(value, low, high):
            problems.append(f"<{tag}> is '{value}', not a number from {low:g} to {high:g}")
    if len((question.findtext("idnumber") or "").strip()) > 100:
        problems.append("the ID number is longer than 100 characters")
    answers = question.findall("answer")
    if len(answers) < 2:
        problems.append(f"{len(answers)} answer(s): a multichoice question needs at least 2")
    grades = []
    for letter, answer in zip((quizzes.letter(i) for i in range(len(answers))), answers, strict=False):
        if not (answer.findtext("text") or "").strip():
            problems.append(f"the answer {letter} has no text (Moodle drops it)")
        if answer.get("format") not in MOODLE_FORMATS:
            problems.append(f"the answer {letter} has no known format")
        feedback = answer.find("feedback")
        if feedback is not None and feedback.get("format") not in MOODLE_FORMATS:
            problems.append(f"the feedback of the answer {letter} has no known format")
        try:
            grade = float(answer.get("fraction", ""))
        except ValueError:
            problems.append(f"the answer {letter} has no fraction (its grade in percent)")
            continue
        if not any(abs(grade - option) < 1e-4 for option in allowed):
            problems.append(f"the answer {letter} has the grade {grade:g}%, which Moodle does not offer")
        grades.append(grade)
    if single == "true" and grades and max(grades) != 100:
        problems.append("one answer must have the grade 100% so that the question can be answered fully")
    if single == "false" and grades and round(sum(g for g in grades if g > 0) / 100, 2) != 1:
        problems.append(f"the positive grades add up to {sum(g for g in grades if g > 0):g}%, not 100%")
    return problems


def _in_range(text: str, low: float, high: float) -> bool:
    try:
        return low <= float(text) <= high
    except ValueError:
        return False


# --- the HR read-me ----------------------------------------------------------------------------


def readme(exports: Iterable[LmsQuiz], site_url: str | None = None) -> str:
    """downloads/lms/README.txt, for HR: what each file is, how to import it, where the pass mark is."""
    exports = list(exports)
    english = [quiz for quiz in exports if quiz.locale == DEFAULT_LOCALE] or exports
    assessment = next((quiz for quiz in english if quiz.kind == "assessment"), None)
    lines = [
        "The handbook's quizzes for your learning management system (LMS)",
        "================================================================",
        "",
        "This folder contains the final assessment and every principle's quiz in each of the",
        "handbook's languages, with the same questions, answers, feedback and pass marks as",
        "the handbook website. Each comes in two formats:",
        "",
        "  <language>/<quiz>.qti.zip     IMS QTI 2.1 content package, for any LMS that imports QTI 2.1",
        "  <language>/<quiz>.moodle.xml  Moodle XML, Moodle's own question-import format",
        "",
        "Languages: " + ", ".join(f"{code}/ = {get_locale(code).english_name}" for code in LOCALE_CODES) + ".",
        "<quiz> is 'assessment' for the final assessment; for a principle's quiz it is the",
        "principle's short English name (for example 'honesty'; see Files below). The file",
        "names are the same in every language.",
        "",
        "Pass marks",
        "----------",
    ]
    if assessment is not None:
        needed = -(-assessment.pass_mark * len(assessment.questions) // 100)
        lines.append(
            f"  Final assessment: {assessment.pass_mark}% (at least {needed} of its {len(assessment.questions)}"
            " questions answered correctly)."
        )
    lines += [
        "  Principle quizzes: 100%, every question answered correctly (on the website, a",
        "  principle is marked as done only once every question in its quiz has been answered",
        "  correctly).",
        "",
        "A question is answered correctly only when all of its right answers, and no others,",
        "are chosen. Every question carries the same weight.",
        "",
        "Importing into Moodle",
        "---------------------",
        "1. In your course, go to More > Question bank > Import, choose the 'Moodle XML'",
        "   format, upload the .moodle.xml file and click Import. The questions are placed in",
        "   a category named after the quiz (in the quiz's language), inside the category",
        "   'Ethics handbook (<the language's own name>)', for example 'Ethics handbook (Magyar)'.",
        "2. Create a quiz, open its Questions page, choose Add > from question bank, and add",
        "   every question from that category.",
        "3. The pass mark is not imported with the questions, because Moodle stores it on the",
        "   quiz. You will find it in the category's description (Question bank > Categories).",
        "   In the quiz's settings, under Grade, set 'Grade to pass' to that percentage of the",
        "   quiz's maximum grade (for example, 80% of 10.00 is 8.00; for a principle's quiz, 10.00).",
        "",
        "Note: for a question with more than one right answer, Moodle gives partial marks if",
        "some, but not all, of the right answers are chosen and no wrong one is; the website",
        "gives no marks in that case. Choosing any wrong answer scores 0 for that question.",
        "Only the exact set of right answers gets full marks, as on the website, so a Moodle",
        "score can be slightly higher than the website's.",
        "",
        "Importing into a QTI 2.1 LMS",
        "----------------------------",
        "Import the .qti.zip file as a QTI 2.1 test or content package (the menu option is",
        "often called 'Import > IMS QTI' or 'Import > Content package'); you do not need to",
        "open it. In the imported test, PERCENT is the percentage of questions answered",
        "correctly, PASS is true when PERCENT reaches the pass mark, and SCORE is the number",
        "of questions answered correctly. After an answer is submitted, the learner sees the",
        "feedback for the chosen answer and the question's explanation.",
        "",
    ]
    if site_url:
        lines.append(f"Links in the questions point to the handbook website ({site_url}).")
    else:
        lines += [
            "The handbook website's address was not set when these files were generated, so",
            "the questions keep the words of their links but not the links themselves.",
        ]
    lines += ["", "Files (titles in English)", "-------------------------"]
    for quiz in english:
        what = "" if quiz.kind == "assessment" else "principle's quiz, "
        lines.append(f"  {quiz.id}: {quiz.title} ({what}{len(quiz.questions)} questions, pass mark {quiz.pass_mark}%)")
    return "\n".join(lines) + "\n"
