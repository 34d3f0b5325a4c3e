"""Spelling in every language, with Hunspell and Debian's dictionaries.

Each language is checked against its dictionary plus the project's word list,
``spelling/<code>.txt``: one word per line, for names and terms the dictionary
does not know. A line ``word/model`` gives the word the endings of a model word
the dictionary knows (Hunspell's own personal-dictionary syntax), which is how
a Hungarian name gets all its suffixed forms from one line, e.g. ``Zendesk/Budapest``.

The words come from ``prose.page_prose``: titles, summaries and body text,
never code, URLs, anchors or keys. A page that still carries the translate-me
marker holds English text and is reported as untranslated instead.

Hunspell runs once per language over the distinct words (``hunspell -a``, the
pipe mode that answers word by word), so the check stays fast.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog
from .locales import LOCALE_CODES
from .pages import Page
from .problems import Problem
from .prose import page_prose

# The Hunspell dictionary of each language (Debian: hunspell-en-gb, -es, -hu, -pt-br).
# English is British (behaviour, organisation); Spanish is Latin American (PRODUCT.md).
DICTIONARIES = {"en": "en_GB", "es": "es_MX", "hu": "hu_HU", "pt": "pt_BR"}
DEBIAN_PACKAGES = "hunspell hunspell-en-gb hunspell-es hunspell-hu hunspell-pt-br"
WORD_LIST_DIR = "spelling"
SUGGESTIONS = 3
MAX_SUGGESTED = 20
# Where a name takes endings, the word list gives it a model word's: one line for every form.
MODEL_HINT = {"hu": " (as Name/Model to accept its endings too, like Lucas/Tamás for Lucasnak, Lucast)"}
# Words a page misspells on purpose (the chat abbreviations it warns against): <!-- handbook:spelling-ignore pls asap -->
IGNORE_MARKER = "spelling-ignore"

# A word: letters, with inner hyphens or apostrophes (e-mail, SMS-ben, don't, d’água).
# Not the ending of a number (5th, 9-től, 17-ig): those are read with the number.
WORD = re.compile(r"(?<![\d\w])(?<!\d[-–])(?<!%[-–])[^\W\d_]+(?:[-'’][^\W\d_]+)*")
WORD_PLAIN = re.compile(r"[^\W\d_]+")
# Spanish pronouns attached to a verb (dímelo, préstale, hagámoslo, responderle).
SPANISH_CLITICS = re.compile(r"(?:me|te|se|nos|os)?(?:lo|la|los|las|le|les)|me|te|se|nos|os", re.I)
UNACCENT = str.maketrans("áéíóúÁÉÍÓÚ", "aeiouAEIOU")


class SpellingUnavailable(Exception):
    """Hunspell or a dictionary is not installed."""


@dataclass(frozen=True)
class Verdict:
    ok: bool
    suggestions: tuple[str, ...] = ()


def word_list_path(root: Path, code: str) -> Path:
    return root / WORD_LIST_DIR / f"{code}.txt"


def _hunspell() -> str:
    found = shutil.which("hunspell")
    if not found:
        raise SpellingUnavailable(f"Hunspell is not installed — install it: sudo apt-get install {DEBIAN_PACKAGES}")
    return found


def _run(args: list[str], words: list[str], dictionary: str) -> str:
    try:
        result = subprocess.run(
            [_hunspell(), "-i", "utf-8", "-d", dictionary, *args],
            input="".join(f"{word}\n" for word in words),
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
            timeout=120,
        )
    except (OSError, subprocess.SubprocessError) as exc:
        raise SpellingUnavailable(f"Hunspell could not run ({exc})") from exc
    if result.returncode != 0 or "Can't open affix or dictionary" in result.stderr:
        raise SpellingUnavailable(
            f"Hunspell has no '{dictionary}' dictionary ({result.stderr.strip() or 'exit ' + str(result.returncode)})"
            f" — install it: sudo apt-get install {DEBIAN_PACKAGES}"
        )
    return result.stdout


def read_word_list(path: Path | None) -> list[str]:
    """The entries of a word list: one per line; blank lines and lines starting with # are skipped."""
    if path is None or not path.is_file():
        return []
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def unknown_words(words: list[str], code: str, personal: Path | None = None) -> set[str]:
    """The words (one per line in, so a line is a word) Hunspell does not know."""
    if not words:
        return set()
    entries = read_word_list(personal)
    # A listed word is accepted as written, hyphen and all: Hunspell checks the parts of
    # "e-mail" or "Wi-Fi" one by one in some languages, and "Wi" is no word.
    listed = {entry.split("/", 1)[0] for entry in entries}
    words = [word for word in words if word not in listed]
    if not words:
        return set()
    if not entries:
        return set(_run(["-L"], words, DICTIONARIES[code]).splitlines()) & set(words)
    with tempfile.TemporaryDirectory() as folder:
        dictionary = Path(folder, f"{code}.dic")  # Hunspell's personal dictionary: no comments allowed
        dictionary.write_text("\n".join(entries) + "\n", encoding="utf-8")
        return set(_run(["-L", "-p", str(dictionary)], words, DICTIONARIES[code]).splitlines()) & set(words)


def suggestions(words: list[str], code: str) -> dict[str, tuple[str, ...]]:
    """Hunspell's first suggestions for a few unknown words (suggesting is slow, Hungarian's above all)."""
    simple = [word for word in words if WORD_PLAIN.fullmatch(word)][:MAX_SUGGESTED]
    if not simple:
        return {}
    # pipe mode: a banner line, then each input line's answer followed by an empty line
    # ('^' makes Hunspell read each line as text, never as a pipe-mode command)
    out = _run(["-a"], [f"^{word}" for word in simple], DICTIONARIES[code])
    blocks = out.split("\n", 1)[1].split("\n\n") if "\n" in out else []
    found: dict[str, tuple[str, ...]] = {}
    for word, block in zip(simple, blocks, strict=False):
        if block.startswith("&") and ":" in block:
            found[word] = tuple(s.strip() for s in block.split(":", 1)[1].split(","))[:SUGGESTIONS]
    return found


def spanish_enclitic_stems(word: str) -> set[str]:
    """'préstale' -> {'presta', 'préstale'…}: the verb without its attached pronouns, each way the word splits.

    Debian's Spanish dictionaries do not list verbs with pronouns attached, which correct
    Spanish uses in every imperative; the verb itself must still be a known word. The stem
    is tried as written (reenvía-la) and without the accent the pronouns added (presta-le).
    """
    stems: set[str] = set()
    for cut in range(3, len(word) - 1):
        if SPANISH_CLITICS.fullmatch(word[cut:]):
            stem = word[:cut]
            stems.update({stem, stem.translate(UNACCENT)})
    return stems


def check_words(words: list[str], code: str, personal: Path | None = None) -> dict[str, Verdict]:
    """Hunspell's verdict on each distinct word, in language ``code``."""
    unknown = unknown_words(words, code, personal)
    if code == "es" and unknown:
        stems = {word: spanish_enclitic_stems(word) for word in unknown}
        candidates = sorted(set().union(*stems.values()))
        unknown_stems = unknown_words(candidates, code, personal)
        unknown -= {word for word, options in stems.items() if options - unknown_stems}
    hints = suggestions(sorted(unknown), code) if unknown else {}
    return {word: Verdict(word not in unknown, hints.get(word, ())) for word in words}


def _words_on(page: Page) -> list[tuple[int, str, str]]:
    """(line, word, language) of every word a reader reads on the page."""
    ignored = {word for marker in page.markers if marker.name == IGNORE_MARKER for word in marker.args}
    return [
        (prose.line, match.group(), prose.lang or page.locale)
        for prose in page_prose(page)
        for match in WORD.finditer(prose.text)
        if match.group() not in ignored
    ]


def check(catalog: Catalog, pages: list[Page] | None = None) -> list[Problem]:
    """Misspelled words on ``pages`` (default: every page), one problem per word and line."""
    by_language: dict[str, list[tuple[Page, int, str]]] = defaultdict(list)
    for page in catalog.pages if pages is None else pages:
        if page.locale in LOCALE_CODES and not page.untranslated:
            for line, word, code in _words_on(page):
                if code in DICTIONARIES:
                    by_language[code].append((page, line, word))
    problems: list[Problem] = []
    for code in LOCALE_CODES:
        found = by_language.get(code)
        if not found:
            continue
        word_list = word_list_path(catalog.project_root, code)
        try:
            verdicts = check_words(sorted({word for _, _, word in found}), code, word_list)
        except SpellingUnavailable as exc:
            return [Problem(WORD_LIST_DIR, 0, "spelling cannot be checked", str(exc), code="spelling")]
        display = word_list.relative_to(catalog.project_root).as_posix()
        seen: set[tuple[str, int, str]] = set()
        for page, line, word in found:
            verdict = verdicts[word]
            if verdict.ok or (page.display, line, word) in seen:
                continue
            seen.add((page.display, line, word))
            hint = f"did you mean {' or '.join(repr(s) for s in verdict.suggestions)}? " if verdict.suggestions else ""
            problems.append(
                Problem(
                    page.display,
                    line,
                    f"'{word}' is not in the {DICTIONARIES[code]} dictionary",
                    f"{hint}correct it; a name or a term goes in {display}{MODEL_HINT.get(code, '')}; "
                    "a word misspelled on purpose "
                    f"goes in a line <!-- handbook:{IGNORE_MARKER} {word} --> on this page",
                    code="spelling",
                )
            )
    return problems


__all__ = ["DEBIAN_PACKAGES", "DICTIONARIES", "IGNORE_MARKER", "SpellingUnavailable", "Verdict", "check", "check_words"]
