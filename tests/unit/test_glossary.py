"""The termbase: its own problems, avoided words on pages, first-use links and glossary order.

Each bad termbase is a table row: the YAML, the line the problem must name and
words of the message. Pages are real files read by the real page loader.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from handbook import glossary
from handbook.pages import Page, load_page

ENTRY = """\
    {locale}:
      term: {term}
      definition: {definition}
"""
TERMS = {
    "en": ("complaint", "A customer's statement that something went wrong."),
    "es": ("queja", "Lo que dice un cliente cuando algo salió mal."),
    "hu": ("panasz", "Az ügyfél jelzése, hogy valami nem sikerült."),
    "pt": ("reclamação", "O que o cliente diz quando algo deu errado."),
}


def term_yaml(term_id: str = "complaint", *, skip: str = "", extra: dict[str, str] | None = None) -> str:
    lines = [f"  - id: {term_id}\n"]
    for locale, (term, definition) in TERMS.items():
        if locale == skip:
            continue
        lines.append(ENTRY.format(locale=locale, term=term, definition=definition))
        if extra and locale in extra:
            lines.append(textwrap.indent(extra[locale], "      ") + "\n")
    return "".join(lines)


GOOD = (
    "terms:\n"
    + term_yaml(
        extra={
            "es": "forms: [quejas]\navoid: [reclamo, reclamos]",
            "hu": "forms: [panasz*]\navoid: [reklamáció*]",
            "pt": "forms: [reclamações]\navoid: [queixa, queixas]",
            "en": "forms: [complaints]",
        }
    )
    + "  - id: honesty\n    principle: honesty\n"
    + "".join(
        ENTRY.format(locale=locale, term=term, definition="Telling the truth.")
        for locale, term in (("en", "honesty"), ("es", "honestidad"), ("hu", "őszinteség"), ("pt", "honestidade"))
    )
)


def write_termbase(root: Path, text: str) -> glossary.Termbase:
    (root / glossary.TERMBASE_FILE).write_text(text, encoding="utf-8")
    return glossary.load(root)


def test_a_good_termbase_loads_every_language(tmp_path: Path) -> None:
    termbase = write_termbase(tmp_path, GOOD)
    assert termbase.problems == []
    assert [term.id for term in termbase.terms] == ["complaint", "honesty"]
    complaint = termbase.terms[0]
    assert complaint.entries["es"].term == "queja"
    assert complaint.entries["es"].avoid == ("reclamo", "reclamos")
    assert complaint.entries["hu"].forms == ("panasz*",)
    assert termbase.terms[1].principle == "honesty"
    assert glossary.check(termbase, {"honesty"}) == []


BAD: list[tuple[str, str, int, list[str]]] = [
    ("no terms list", "glossary: []\n", 1, ["no 'terms:' list"]),
    ("broken YAML", "terms:\n  - id: [a\n", 3, ["cannot be read"]),
    ("not a slug", "terms:\n" + term_yaml("Data Protection"), 2, ["'Data Protection'", "slug"]),
    ("twice", "terms:\n" + term_yaml() + term_yaml(), 15, ["defined twice", "line 2"]),
    ("a language missing", "terms:\n" + term_yaml(skip="hu"), 2, ["no hu entry"]),
    (
        "no definition",
        "terms:\n  - id: quiz\n    en: {term: quiz}\n    es: {term: cuestionario, definition: x}\n"
        "    hu: {term: kvíz, definition: x}\n    pt: {term: quiz, definition: x}\n",
        3,
        ["en entry of 'quiz' has no definition"],
    ),
    (
        "forms not a list",
        "terms:\n" + term_yaml(extra={"es": "forms: quejas"}),
        9,
        ["'forms' of the es entry", "not a list"],
    ),
    ("unknown key", "terms:\n" + term_yaml(extra={"pt": "plural: reclamações"}), 12, ["unknown key 'plural'"]),
    (
        "straight quote",
        "terms:\n  - id: quiz\n    en: {term: quiz, definition: 'A \"test\".'}\n    es: {term: cuestionario, definition: x}\n"
        "    hu: {term: kvíz, definition: x}\n    pt: {term: quiz, definition: x}\n",
        3,
        ["straight double quote"],
    ),
    (
        "uses and avoids the same word",
        "terms:\n" + term_yaml(extra={"es": "avoid: [Queja]"}),
        9,
        ["both uses and avoids 'Queja'"],
    ),
    (
        "two concepts, one word",
        "terms:\n" + term_yaml() + term_yaml("grievance"),
        16,
        ["'complaint' is the en term of both 'complaint' and 'grievance'"],
    ),
]


@pytest.mark.parametrize(("text", "line", "words"), [row[1:] for row in BAD], ids=[row[0] for row in BAD])
def test_a_bad_termbase_names_its_line(tmp_path: Path, text: str, line: int, words: list[str]) -> None:
    termbase = write_termbase(tmp_path, text)
    problems = [str(problem) for problem in termbase.problems]
    matching = [p for p in problems if all(word in p for word in words)]
    assert matching, problems
    assert matching[0].startswith(f"termbase.yml:{line}: "), matching[0]
    assert " — " in matching[0]


def test_a_term_naming_a_missing_principle_is_an_error(tmp_path: Path) -> None:
    termbase = write_termbase(tmp_path, GOOD)
    problems = glossary.check(termbase, {"respect"})
    assert [str(p) for p in problems] == [
        "termbase.yml:22: the term 'honesty' names the principle 'honesty', which does not exist"
        " — use the id of a page in docs/principles/"
    ]


def test_no_termbase_file_means_no_terms(tmp_path: Path) -> None:
    termbase = glossary.load(tmp_path)
    assert termbase.terms == [] and termbase.problems == []


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        (["reclamo"], "Un reclamo, dos reclamos.", ["reclamo"]),
        (["reklamáció*"], "A reklamációt és a reklamációval együtt.", ["reklamációt", "reklamációval"]),
        (["call center"], "Our call  center and the call-center team.", ["call  center"]),
        (["hold"], "Put him on hold; the holder and household are not it.", ["hold"]),
        (["Queixa"], "queixa QUEIXA", ["queixa", "QUEIXA"]),
        (["ügyfél"], "ügyfélszolgálat és ügyfél", ["ügyfél"]),
    ],
)
def test_words_match_whole_words_and_stems(words: list[str], text: str, found: list[str]) -> None:
    assert [match.group(0) for match in glossary.Words(words).finditer(text)] == found


def page_at(root: Path, rel: str, body: str, title: str = "Page") -> Page:
    path = root / "docs" / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\nid: x\ntitle: {title}\n---\n\n{body}", encoding="utf-8")
    page, _ = load_page(path, root / "docs", root)
    return page


# (page, body, [(where, word, preferred)]): the body starts on line 6 of the file.
USAGE: list[tuple[str, str, list[tuple[str, str, str]]]] = [
    ("principles/a.es.md", "Registra el reclamo.\n", [("docs/principles/a.es.md:6", "reclamo", "queja")]),
    (
        "principles/a.hu.md",
        "A vevő\nreklamációját rögzítsd.\n",
        [("docs/principles/a.hu.md:7", "reklamációját", "panasz")],
    ),
    (
        "principles/a.pt.md",
        "Uma queixa.\n\n- Outra queixa.\n",
        [("docs/principles/a.pt.md:6", "queixa", "reclamação"), ("docs/principles/a.pt.md:8", "queixa", "reclamação")],
    ),
    (
        "principles/a.md",
        "The title *Un reclamo*{ lang=es } is Spanish.\n",
        [("docs/principles/a.md:6", "reclamo", "queja")],
    ),
    ("principles/a.es.md", "Usa `reclamo` en el código y [queja](b.md).\n", []),
    ("principles/a.es.md", "<!-- handbook:term-ignore reclamo -->\n\nEl reclamo, citado.\n", []),
    ("principles/a.es.md", "Una queja y su reclamación.\n", []),
]


@pytest.mark.parametrize(("rel", "body", "expected"), USAGE, ids=[f"usage-{i}" for i in range(len(USAGE))])
def test_an_avoided_word_is_reported_with_the_preferred_one(
    tmp_path: Path, rel: str, body: str, expected: list[tuple[str, str, str]]
) -> None:
    termbase = write_termbase(tmp_path, GOOD)
    page = page_at(tmp_path, rel, body)
    problems = [str(p) for p in glossary.usage(termbase, [page])]
    assert problems == [
        f"{where}: '{word}' is not the handbook's word for complaint — write '{preferred}' (or a form of it), "
        f"as termbase.yml says; if the page must keep it, add <!-- handbook:term-ignore {word.casefold()} -->"
        for where, word, preferred in expected
    ]


def test_the_title_and_summary_are_checked_too(tmp_path: Path) -> None:
    termbase = write_termbase(tmp_path, GOOD)
    page = page_at(tmp_path, "principles/a.pt.md", "Texto.\n", title="A queixa do cliente")
    assert [str(p).split(": ")[0] for p in glossary.usage(termbase, [page])] == ["docs/principles/a.pt.md:3"]


LINKED = """\
## A complaint heading { #complaint }

A customer made a complaint about honesty. Another complaint followed.

- The `complaint` code and [a complaint](other.md) are left alone.

/// quiz
? A complaint question?
///
"""


def test_the_first_use_of_each_term_links_to_the_glossary(tmp_path: Path) -> None:
    termbase = write_termbase(tmp_path, GOOD)
    page = page_at(tmp_path, "principles/respect.md", LINKED)
    out = glossary.link_first_uses(page, termbase, LINKED)
    lines = out.split("\n")
    assert lines[0] == "## A complaint heading { #complaint }"  # headings keep their text
    assert lines[2] == (
        "A customer made a [complaint](../glossary.md#term-complaint \"A customer's statement that something "
        'went wrong."){ .handbook-term } about [honesty](../glossary.md#term-honesty "Telling the truth.")'
        "{ .handbook-term }. Another complaint followed."
    )
    assert lines[4] == LINKED.split("\n")[4]  # code and links are not touched
    assert "? A complaint question?" in out  # nor are quizzes and checklists


def test_a_principle_does_not_link_its_own_name_and_the_glossary_links_nothing(tmp_path: Path) -> None:
    termbase = write_termbase(tmp_path, GOOD)
    own = page_at(tmp_path, "principles/honesty.md", "Honesty first, then a complaint.\n")
    assert (
        glossary.link_first_uses(own, termbase, own.body)
        .lstrip()
        .startswith("Honesty first, then a [complaint](../glossary.md#term-complaint")
    )
    glossary_page = page_at(tmp_path, "glossary.md", "A complaint.\n")
    assert glossary.link_first_uses(glossary_page, termbase, glossary_page.body) == glossary_page.body


def test_a_hungarian_form_links_with_its_ending(tmp_path: Path) -> None:
    termbase = write_termbase(tmp_path, GOOD)
    page = page_at(tmp_path, "index.hu.md", "A panaszát rögzítsd.\n")
    assert (
        glossary.link_first_uses(page, termbase, page.body)
        .lstrip()
        .startswith('A [panaszát](glossary.md#term-complaint "Az ügyfél jelzése')
    )


def test_the_glossary_lists_every_term_in_the_languages_order(tmp_path: Path) -> None:
    termbase = write_termbase(tmp_path, GOOD)
    page = page_at(tmp_path, "glossary.hu.md", "<!-- handbook:glossary -->\n")
    text = glossary.glossary_page(page, termbase, {"honesty": "Őszinteség"}, {"principle_link": "Alapelv: {title}."})
    # Ő is a letter of its own, between O and P
    assert text.split("\n")[:5] == [
        "Őszinteség { #term-honesty }",
        ":   Telling the truth. Alapelv: [Őszinteség](principles/honesty.md).",
        "",
        "Panasz { #term-complaint }",
        ":   Az ügyfél jelzése, hogy valami nem sikerült.",
    ]


@pytest.mark.parametrize(
    ("locale", "words", "ordered"),
    [
        (
            "hu",
            ["ügyfél", "cukor", "csomag", "ok", "ötlet", "utas", "szó", "sor", "zsák", "zeller"],
            ["cukor", "csomag", "ok", "ötlet", "sor", "szó", "utas", "ügyfél", "zeller", "zsák"],
        ),
        ("hu", ["ár", "adat", "ő", "óra"], ["adat", "ár", "óra", "ő"]),
        ("es", ["ética", "empatía", "árbol", "ayuda"], ["árbol", "ayuda", "empatía", "ética"]),
    ],
)
def test_glossary_order_follows_the_alphabet_of_the_language(locale: str, words: list[str], ordered: list[str]) -> None:
    assert sorted(words, key=lambda word: glossary.sort_key(word, locale)) == ordered


def test_a_word_with_everyday_meanings_is_in_the_glossary_but_not_linked(tmp_path: Path) -> None:
    text = GOOD.replace("      term: queja\n", "      term: queja\n      link: false\n")
    termbase = write_termbase(tmp_path, text)
    assert termbase.problems == []
    page = page_at(tmp_path, "principles/respect.es.md", "Una queja sobre la honestidad.\n")
    out = glossary.link_first_uses(page, termbase, page.body)
    assert "[queja]" not in out and "[honestidad](../glossary.md#term-honesty" in out
    listed = glossary.glossary_page(
        page_at(tmp_path, "glossary.es.md", ""), termbase, {}, {"principle_link": "{title}"}
    )
    assert "Queja { #term-complaint }" in listed


def test_link_must_be_true_or_false(tmp_path: Path) -> None:
    termbase = write_termbase(
        tmp_path, GOOD.replace("      term: queja\n", "      term: queja\n      link: no-thanks\n")
    )
    assert [str(p).split(" — ")[0] for p in termbase.problems] == [
        "termbase.yml:9: 'link' of the es entry of 'complaint' is not true or false"
    ]
