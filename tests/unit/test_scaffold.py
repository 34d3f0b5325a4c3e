"""`make new TYPE= ID=` (scripts/new_page.py) on a copy of the real handbook.

A new page is reported by `make check` until the editor has written it in every
language; once every template sentence is replaced, the markers deleted, the page
put on the onboarding path and the translations stamped, the check passes. A taken
id or a non-slug is refused before anything is written.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

import check_translations
import new_page
from handbook.locales import get_locale
from handbook.scaffold import WRITE_ME_LINE
from handbook.translations import TRANSLATE_ME
from tests.fixture_site import copy_real_project, run_make_check

ROOT = Path(__file__).resolve().parents[2]
LOCALES = ("en", "es", "hu", "pt")
TRANSLATE_ME_LINE = f"<!-- handbook:{TRANSLATE_ME} -->"


def suffix(locale: str) -> str:
    return "" if locale == "en" else f".{locale}"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of what `make check` and `make new` read: pages, word lists, configuration, URL contract, cache."""
    return copy_real_project(tmp_path / "project")


def problem_rows(out: str) -> list[str]:
    return [row for row in out.splitlines() if " — " in row and not row.startswith(" ")]


def snapshot(project: Path) -> dict[str, str]:
    """Every file `make new` could write, with its text."""
    files = [*sorted((project / "docs").rglob("*.md")), project / "published-urls.txt"]
    return {path.relative_to(project).as_posix(): path.read_text(encoding="utf-8") for path in files}


# What an editor writes over the principle template, line by line, in file order: (template line, the page's
# line). Markup, { #ids } and links stay as the template has them. Translations also translate the title and
# the headings, which English keeps.
PRINCIPLE_TEXT: dict[str, list[tuple[str, str]]] = {
    "en": [
        (
            "summary: One sentence that says what this principle asks of the reader.",
            "summary: Treat every customer and colleague with warmth and patience, even when the conversation is hard.",
        ),
        (
            "Say in three to five sentences why customers and colleagues care.",
            "Customers remember how they were treated long after they forget what was said. A kind word calms a "
            "tense call, and it makes a colleague's day easier too.",
        ),
        ("- A concrete behaviour.", "- Greet the customer warmly and thank them for their patience."),
        ("- A concrete behaviour to avoid.", "- Never answer a rude remark with sarcasm or a cold tone."),
        (
            "**By phone.** A short, realistic story.",
            "**By phone.** A customer calls, upset about a late parcel. Ana listens, says she is sorry for the wait "
            "and tells him when the parcel will arrive.",
        ),
        (
            "? A realistic situation: a customer asks you to … What do you do? { #first-question }",
            "? A customer raises their voice because a parcel is late. What do you do? { #first-question }",
        ),
        ("- [ ] A plausible wrong answer.", "- [ ] You raise your voice too, so that they listen."),
        (
            "    Why it is wrong (feedback the reader sees when they choose it).",
            "    Shouting back only makes the call longer and harder.",
        ),
        ("- [x] The right answer.", "- [x] You stay calm, say you understand and explain what you will do."),
        ("- [ ] Another plausible wrong answer.", "- [ ] You put them on hold until they calm down."),
        (
            "Why the right answer is right, with a link to the section that says so: [what to do](#do).",
            "A calm and warm answer helps the customer most: see [what to do](#do).",
        ),
        (
            "? Which of these does this principle ask of you? { #second-question .multiple }",
            "? Which of these does kindness ask of you? { #second-question .multiple }",
        ),
        ("- [x] A right answer.", "- [x] Thanking the customer for their patience."),
        ("- [x] Another right answer.", "- [x] Speaking in a friendly tone."),
        ("- [ ] A wrong answer.", "- [ ] Answering a rude remark with sarcasm."),
        (
            "The explanation, linking its section: [what not to do](#dont).",
            "Sarcasm is never kind: see [what to avoid](#dont).",
        ),
        (
            "? A third situation. What do you do? { #third-question }",
            "? A colleague is stuck on a hard call. What do you do? { #third-question }",
        ),
        ("- [ ] A wrong answer.", "- [ ] You ignore them: it is not your call."),
        ("- [x] The right answer.", "- [x] You offer to help once the call ends."),
        (
            "The explanation: [why it matters](#why-it-matters).",
            "Kindness is for colleagues too: see [why it matters](#why-it-matters).",
        ),
    ],
    "es": [
        ("title: Kindness", "title: Amabilidad"),
        (
            "summary: One sentence that says what this principle asks of the reader.",
            "summary: Trata a cada cliente y a cada compañero con calidez y paciencia, incluso cuando la "
            "conversación es difícil.",
        ),
        ("## Why it matters { #why-it-matters }", "## Por qué importa { #why-it-matters }"),
        (
            "Say in three to five sentences why customers and colleagues care.",
            "Los clientes recuerdan cómo los trataron mucho después de olvidar lo que se dijo. Una palabra amable "
            "calma una llamada tensa y también le facilita el día a un compañero.",
        ),
        ("## In practice { #in-practice }", "## En la práctica { #in-practice }"),
        ("### Do { #do }", "### Qué hacer { #do }"),
        ("- A concrete behaviour.", "- Saluda al cliente con calidez y agradécele su paciencia."),
        ("### Don't { #dont }", "### Qué evitar { #dont }"),
        (
            "- A concrete behaviour to avoid.",
            "- No respondas a un comentario grosero con sarcasmo ni con un tono frío.",
        ),
        ("## Scenario { #scenario }", "## Un caso real { #scenario }"),
        (
            "**By phone.** A short, realistic story.",
            "**Por teléfono.** Un cliente llama molesto porque su pedido llegó tarde. Ana lo escucha, se disculpa "
            "por la espera y le dice cuándo llegará el paquete.",
        ),
        (
            "? A realistic situation: a customer asks you to … What do you do? { #first-question }",
            "? Un cliente levanta la voz porque su paquete está retrasado. ¿Qué haces? { #first-question }",
        ),
        ("- [ ] A plausible wrong answer.", "- [ ] Tú también levantas la voz para que te escuche."),
        (
            "    Why it is wrong (feedback the reader sees when they choose it).",
            "    Gritar solo hace que la llamada sea más larga y difícil.",
        ),
        (
            "- [x] The right answer.",
            "- [x] Mantienes la calma, le dices que lo entiendes y le explicas qué vas a hacer.",
        ),
        ("- [ ] Another plausible wrong answer.", "- [ ] Lo pones en espera hasta que se calme."),
        (
            "Why the right answer is right, with a link to the section that says so: [what to do](#do).",
            "Una respuesta tranquila y amable es lo que más ayuda al cliente: mira [qué hacer](#do).",
        ),
        (
            "? Which of these does this principle ask of you? { #second-question .multiple }",
            "? ¿Qué te pide la amabilidad? { #second-question .multiple }",
        ),
        ("- [x] A right answer.", "- [x] Agradecerle al cliente su paciencia."),
        ("- [x] Another right answer.", "- [x] Hablar con un tono cordial."),
        ("- [ ] A wrong answer.", "- [ ] Responder con sarcasmo a un comentario grosero."),
        (
            "The explanation, linking its section: [what not to do](#dont).",
            "El sarcasmo nunca es amable: mira [qué evitar](#dont).",
        ),
        (
            "? A third situation. What do you do? { #third-question }",
            "? Un compañero no sabe cómo resolver una llamada difícil. ¿Qué haces? { #third-question }",
        ),
        ("- [ ] A wrong answer.", "- [ ] Lo ignoras: no es tu llamada."),
        ("- [x] The right answer.", "- [x] Te ofreces a ayudarlo cuando termine la llamada."),
        (
            "The explanation: [why it matters](#why-it-matters).",
            "La amabilidad también es para los compañeros: mira [por qué importa](#why-it-matters).",
        ),
    ],
    "hu": [
        ("title: Kindness", "title: Kedvesség"),
        (
            "summary: One sentence that says what this principle asks of the reader.",
            "summary: Bánj minden ügyféllel és kollégával melegen és türelmesen, akkor is, ha nehéz a beszélgetés.",
        ),
        ("## Why it matters { #why-it-matters }", "## Miért fontos? { #why-it-matters }"),
        (
            "Say in three to five sentences why customers and colleagues care.",
            "Az ügyfelek sokáig emlékeznek arra, hogyan bántak velük, akkor is, ha már elfelejtették, mi hangzott "
            "el. Egy kedves szó megnyugtat egy feszült hívást, és a kollégák napját is megkönnyíti.",
        ),
        ("## In practice { #in-practice }", "## A gyakorlatban { #in-practice }"),
        ("### Do { #do }", "### Ezt tedd { #do }"),
        ("- A concrete behaviour.", "- Köszöntsd kedvesen az ügyfelet, és köszönd meg a türelmét."),
        ("### Don't { #dont }", "### Ezt kerüld { #dont }"),
        ("- A concrete behaviour to avoid.", "- Ne válaszolj gúnyosan vagy hideg hangon egy durva megjegyzésre."),
        ("## Scenario { #scenario }", "## Egy eset a gyakorlatból { #scenario }"),
        (
            "**By phone.** A short, realistic story.",
            "**Telefonon.** Egy ügyfél bosszúsan telefonál, mert késik a csomagja. Anna végighallgatja, elnézést "
            "kér a várakozásért, és megmondja, mikor érkezik a csomag.",
        ),
        (
            "? A realistic situation: a customer asks you to … What do you do? { #first-question }",
            "? Egy ügyfél felemeli a hangját, mert késik a csomagja. Mit teszel? { #first-question }",
        ),
        ("- [ ] A plausible wrong answer.", "- [ ] Te is felemeled a hangodat, hogy figyeljen rád."),
        (
            "    Why it is wrong (feedback the reader sees when they choose it).",
            "    A kiabálás csak hosszabbá és nehezebbé teszi a hívást.",
        ),
        (
            "- [x] The right answer.",
            "- [x] Nyugodt maradsz, elmondod, hogy megérted, és elmagyarázod, mit fogsz tenni.",
        ),
        ("- [ ] Another plausible wrong answer.", "- [ ] Várakoztatod, amíg meg nem nyugszik."),
        (
            "Why the right answer is right, with a link to the section that says so: [what to do](#do).",
            "A nyugodt és kedves válasz segít a legtöbbet az ügyfélnek: lásd az [Ezt tedd](#do) részt.",
        ),
        (
            "? Which of these does this principle ask of you? { #second-question .multiple }",
            "? Mit kér tőled a kedvesség? { #second-question .multiple }",
        ),
        ("- [x] A right answer.", "- [x] Megköszönöd az ügyfél türelmét."),
        ("- [x] Another right answer.", "- [x] Barátságos hangon beszélsz."),
        ("- [ ] A wrong answer.", "- [ ] Gúnyosan válaszolsz egy durva megjegyzésre."),
        (
            "The explanation, linking its section: [what not to do](#dont).",
            "A gúny sosem kedves: lásd az [Ezt kerüld](#dont) részt.",
        ),
        (
            "? A third situation. What do you do? { #third-question }",
            "? Egy kollégád elakadt egy nehéz hívásban. Mit teszel? { #third-question }",
        ),
        ("- [ ] A wrong answer.", "- [ ] Nem törődsz vele: nem a te hívásod."),
        ("- [x] The right answer.", "- [x] Felajánlod, hogy segítesz, amikor véget ér a hívás."),
        (
            "The explanation: [why it matters](#why-it-matters).",
            "A kedvesség a kollégáknak is jár: lásd a [Miért fontos?](#why-it-matters) részt.",
        ),
    ],
    "pt": [
        ("title: Kindness", "title: Gentileza"),
        (
            "summary: One sentence that says what this principle asks of the reader.",
            "summary: Trate cada cliente e cada colega com cordialidade e paciência, mesmo quando a conversa é "
            "difícil.",
        ),
        ("## Why it matters { #why-it-matters }", "## Por que importa { #why-it-matters }"),
        (
            "Say in three to five sentences why customers and colleagues care.",
            "Os clientes se lembram de como foram tratados muito depois de esquecer o que foi dito. Uma palavra "
            "gentil acalma uma ligação tensa e também facilita o dia de um colega.",
        ),
        ("## In practice { #in-practice }", "## Na prática { #in-practice }"),
        ("### Do { #do }", "### O que fazer { #do }"),
        ("- A concrete behaviour.", "- Cumprimente o cliente com cordialidade e agradeça a paciência dele."),
        ("### Don't { #dont }", "### O que evitar { #dont }"),
        (
            "- A concrete behaviour to avoid.",
            "- Não responda a um comentário grosseiro com sarcasmo nem com um tom frio.",
        ),
        ("## Scenario { #scenario }", "## Na vida real { #scenario }"),
        (
            "**By phone.** A short, realistic story.",
            "**Por telefone.** Um cliente liga irritado porque a entrega atrasou. Ana escuta, pede desculpas pela "
            "espera e diz quando o pacote vai chegar.",
        ),
        (
            "? A realistic situation: a customer asks you to … What do you do? { #first-question }",
            "? Um cliente levanta a voz porque o pacote está atrasado. O que você faz? { #first-question }",
        ),
        ("- [ ] A plausible wrong answer.", "- [ ] Você também levanta a voz para que ele escute."),
        (
            "    Why it is wrong (feedback the reader sees when they choose it).",
            "    Gritar só deixa a ligação mais longa e mais difícil.",
        ),
        ("- [x] The right answer.", "- [x] Você mantém a calma, diz que entende e explica o que vai fazer."),
        ("- [ ] Another plausible wrong answer.", "- [ ] Você deixa o cliente em espera até ele se acalmar."),
        (
            "Why the right answer is right, with a link to the section that says so: [what to do](#do).",
            "Uma resposta calma e gentil é o que mais ajuda o cliente: veja [o que fazer](#do).",
        ),
        (
            "? Which of these does this principle ask of you? { #second-question .multiple }",
            "? O que a gentileza pede de você? { #second-question .multiple }",
        ),
        ("- [x] A right answer.", "- [x] Agradecer ao cliente pela paciência."),
        ("- [x] Another right answer.", "- [x] Falar em um tom amigável."),
        ("- [ ] A wrong answer.", "- [ ] Responder com sarcasmo a um comentário grosseiro."),
        (
            "The explanation, linking its section: [what not to do](#dont).",
            "O sarcasmo nunca é gentil: veja [o que evitar](#dont).",
        ),
        (
            "? A third situation. What do you do? { #third-question }",
            "? Um colega não sabe como resolver uma ligação difícil. O que você faz? { #third-question }",
        ),
        ("- [ ] A wrong answer.", "- [ ] Você ignora o colega: a ligação não é sua."),
        ("- [x] The right answer.", "- [x] Você se oferece para ajudar quando a ligação terminar."),
        (
            "The explanation: [why it matters](#why-it-matters).",
            "A gentileza também vale para os colegas: veja [por que importa](#why-it-matters).",
        ),
    ],
}


# The same for the protocol template (its why links name the principle new_page.py puts in: follow-the-protocol).
STEP_1 = "1. The first thing to do. { #first-step }"
WHY_1 = (
    "   Say why this step matters, with a link to the principle behind it: "
    "[follow-the-protocol](../principles/follow-the-protocol.md#do)."
)
STEP_2 = "2. The next thing to do. { #second-step }"
WHY_2 = "   Say why this step matters: [follow-the-protocol](../principles/follow-the-protocol.md#do)."
LINK = "(../principles/follow-the-protocol.md#do)"
PROTOCOL_SUMMARY = "summary: One sentence that says what this protocol is for."
PROTOCOL_TEXT: dict[str, list[tuple[str, str]]] = {
    "en": [
        (PROTOCOL_SUMMARY, "summary: How to call a customer back at the time you promised, with their case at hand."),
        (STEP_1, "1. Read the case notes before you dial. { #first-step }"),
        (WHY_1, f"   The customer should not have to explain it all again: [the service protocol]{LINK}."),
        (STEP_2, "2. Call at the time you agreed. { #second-step }"),
        (WHY_2, f"   A late call back is a broken promise: [the service protocol]{LINK}."),
    ],
    "es": [
        ("title: Returning a call", "title: Devolver una llamada"),
        (PROTOCOL_SUMMARY, "summary: Cómo llamar a un cliente a la hora prometida, con su caso a la mano."),
        ("## Steps { #steps }", "## Pasos { #steps }"),
        (STEP_1, "1. Lee las notas del caso antes de marcar. { #first-step }"),
        (WHY_1, f"   El cliente no debería tener que explicarlo todo otra vez: [el protocolo de servicio]{LINK}."),
        (STEP_2, "2. Llama a la hora acordada. { #second-step }"),
        (WHY_2, f"   Una llamada que llega tarde es una promesa rota: [el protocolo de servicio]{LINK}."),
    ],
    "hu": [
        ("title: Returning a call", "title: Visszahívás"),
        (PROTOCOL_SUMMARY, "summary: Hogyan hívd vissza az ügyfelet a megígért időben, az ügye ismeretében."),
        ("## Steps { #steps }", "## Lépések { #steps }"),
        (STEP_1, "1. Tárcsázás előtt olvasd el az ügy jegyzeteit. { #first-step }"),
        (WHY_1, f"   Az ügyfélnek ne kelljen mindent újra elmondania: [az ügyfélszolgálati protokoll]{LINK}."),
        (STEP_2, "2. A megbeszélt időpontban hívd. { #second-step }"),
        (WHY_2, f"   A késő visszahívás megszegett ígéret: [az ügyfélszolgálati protokoll]{LINK}."),
    ],
    "pt": [
        ("title: Returning a call", "title: Retornar uma ligação"),
        (PROTOCOL_SUMMARY, "summary: Como ligar de volta para o cliente no horário prometido, já sabendo do caso."),
        ("## Steps { #steps }", "## Passo a passo { #steps }"),
        (STEP_1, "1. Leia as anotações do caso antes de ligar. { #first-step }"),
        (WHY_1, f"   O cliente não deveria ter que explicar tudo de novo: [o protocolo de atendimento]{LINK}."),
        (STEP_2, "2. Ligue no horário combinado. { #second-step }"),
        (WHY_2, f"   Um retorno atrasado é uma promessa quebrada: [o protocolo de atendimento]{LINK}."),
    ],
}


def write_over(
    path: Path, replacements: list[tuple[str, str]], markers: tuple[str, ...] = (TRANSLATE_ME_LINE, WRITE_ME_LINE)
) -> None:
    """Replace each template line, in file order, and delete the marker lines (with the blank line after each)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    position = 0
    for old, new in replacements:
        assert old in lines[position:], f"{path.name}: no line {old!r} after line {position}"
        position = lines.index(old, position)
        lines[position] = new
    for marker in markers:
        while marker in lines:
            at = lines.index(marker)
            del lines[at : at + (2 if lines[at + 1] == "" else 1)]
    path.write_text("\n".join(lines), encoding="utf-8")


def add_to_onboarding_path(docs: Path, page_id: str, after: str) -> list[Path]:
    """Put the page on the onboarding path in every language, after the id ``after``."""
    changed = []
    for locale in LOCALES:
        path = docs / "onboarding" / f"index{suffix(locale)}.md"
        text = path.read_text(encoding="utf-8")
        assert text.count(f"\n- {after}\n") == 1, path
        path.write_text(text.replace(f"\n- {after}\n", f"\n- {after}\n- {page_id}\n"), encoding="utf-8")
        changed.append(path)
    return changed


def assert_template_reported(rows: list[str], path: Path, project: Path) -> None:
    """The write-me marker and the template's sentences are reported on their lines of ``path``."""
    display = path.relative_to(project).as_posix()
    lines = path.read_text(encoding="utf-8").split("\n")
    fix = "replace it with the page's own words" + ("" if path.name.count(".") == 1 else " in its language")
    expected = [
        (lines.index(WRITE_ME_LINE) + 1, "the page is still the template (it has the write-me marker)"),
        (
            next(i for i, line in enumerate(lines) if line.startswith("summary:")) + 1,
            "template text left on the page: “One sentence that says what this principle asks of the reader.” — " + fix,
        ),
        (
            lines.index("- A concrete behaviour.") + 1,
            "template text left on the page: “A concrete behaviour.” — " + fix,
        ),
        (
            lines.index("- [ ] A plausible wrong answer.") + 1,
            "template text left on the page: “A plausible wrong answer.”",
        ),
    ]
    for line, fragment in expected:
        assert [row for row in rows if row.startswith(f"{display}:{line}: ") and fragment in row], (display, line)
    reported = {int(row.split(":")[1]) for row in rows if row.startswith(f"{display}:")}
    quiz_lines = {i + 1 for i, line in enumerate(lines) if line.startswith(("- [", "? "))}
    assert quiz_lines <= reported, f"{display}: quiz lines not reported: {sorted(quiz_lines - reported)}"


def assert_clean_once_on_path_and_stamped(project: Path, files: dict[str, Path], page_id: str, after: str) -> None:
    """The editor's last steps: put the written page on the onboarding path, stamp the
    translations (the page's and the path's); then `make check` is all clear."""
    onboarding = add_to_onboarding_path(project / "docs", page_id, after=after)
    translations = [files[locale] for locale in LOCALES if locale != "en"]
    translations += [path for path in onboarding if path.name != "index.md"]
    assert check_translations.main(["--docs-dir", str(project / "docs"), "--stamp", *map(str, translations)]) == 0
    code, out = run_make_check(project)
    assert code == 0, out
    assert problem_rows(out) == [], out
    assert "all clear" in out


def test_a_new_principle_is_reported_until_it_is_written_in_every_language(project: Path) -> None:
    docs = project / "docs"
    assert new_page.main(["--type", "principle", "--id", "kindness", "--docs-dir", str(docs)]) == 0
    files = {locale: docs / "principles" / f"kindness{suffix(locale)}.md" for locale in LOCALES}
    assert sorted(p.name for p in docs.glob("principles/kindness*")) == sorted(p.name for p in files.values())
    assert "/hu/principles/kindness/" in (project / "published-urls.txt").read_text(encoding="utf-8").splitlines()

    # as scaffolded: the English page is the template; each copy is reported once, as not translated yet
    code, out = run_make_check(project)
    assert code == 1, out
    rows = problem_rows(out)
    assert_template_reported(rows, files["en"], project)
    for locale in ("es", "hu", "pt"):
        display = files[locale].relative_to(project).as_posix()
        marker = files[locale].read_text(encoding="utf-8").split("\n").index(TRANSLATE_ME_LINE) + 1
        assert [row.split(" — ")[0] for row in rows if row.startswith(f"{display}:")] == [
            f"{display}:{marker}: the {get_locale(locale).english_name} translation of docs/principles/kindness.md "
            "is not written yet (it still has the translate-me marker), so it counts as missing"
        ], out
    assert any(
        row.startswith("docs/onboarding/index.md:") and "'kindness' is not on the onboarding path" in row
        for row in rows
    ), out

    # a translator who deletes the translate-me marker but leaves template text: reported in every language
    for locale in ("es", "hu", "pt"):
        write_over(files[locale], [], markers=(TRANSLATE_ME_LINE,))
    code, out = run_make_check(project)
    assert code == 1, out
    for path in files.values():
        assert_template_reported(problem_rows(out), path, project)

    # the editor writes the page in every language, puts it on the path and stamps the translations
    for locale, path in files.items():
        write_over(path, PRINCIPLE_TEXT[locale])
    assert_clean_once_on_path_and_stamped(project, files, "kindness", after="continuous-improvement")


def test_a_scaffolded_translation_cannot_be_stamped_untranslated(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    docs = project / "docs"
    assert new_page.main(["--type", "principle", "--id", "kindness", "--docs-dir", str(docs)]) == 0
    copy = docs / "principles" / "kindness.hu.md"
    before = copy.read_text(encoding="utf-8")
    capsys.readouterr()
    assert check_translations.main(["--docs-dir", str(docs), "--stamp", str(copy)]) == 1
    assert (
        "docs/principles/kindness.hu.md: still has the translate-me marker, so it is not translated yet"
        in capsys.readouterr().err
    )
    assert copy.read_text(encoding="utf-8") == before


def test_a_taken_id_is_refused_and_nothing_is_written(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(project)
    for kind in ("principle", "protocol"):
        with pytest.raises(SystemExit) as refused:
            new_page.main(["--type", kind, "--id", "honesty", "--docs-dir", str(project / "docs")])
        assert refused.value.code == 2
        err = capsys.readouterr().err
        assert "the id 'honesty' is already used by docs/principles/honesty.md" in err
    assert snapshot(project) == before


def test_a_non_slug_id_is_refused_with_a_suggestion(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = snapshot(project)
    with pytest.raises(SystemExit) as refused:
        new_page.main(["--type", "principle", "--id", "Kind_ness", "--docs-dir", str(project / "docs")])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert "'Kind_ness' is not a slug" in err
    assert "like 'kind-ness'" in err
    assert snapshot(project) == before


@pytest.mark.parametrize("taken", ["assessment", "onboarding"])
def test_an_id_taken_by_a_go_link_is_refused(project: Path, taken: str) -> None:
    before = snapshot(project)
    with pytest.raises(SystemExit) as refused:
        new_page.main(["--type", "principle", "--id", taken, "--docs-dir", str(project / "docs")])
    assert refused.value.code == 2
    assert snapshot(project) == before


def test_make_new_without_type_and_id_prints_its_usage() -> None:
    """Safe to run in the repository: without TYPE and ID it writes nothing (-o: installs nothing either)."""
    before = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "docs").rglob("*"))
    result = subprocess.run(
        ["make", "-s", "-C", str(ROOT), "-o", ".venv/.site-deps", "new", "TYPE=", "ID="],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2, result.stdout + result.stderr
    assert "usage: make new TYPE=principle ID=kindness" in result.stderr
    assert sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "docs").rglob("*")) == before


def test_a_new_protocol_passes_once_written_in_every_language(project: Path) -> None:
    docs = project / "docs"
    assert new_page.main(["--type", "protocol", "--id", "returning-a-call", "--docs-dir", str(docs)]) == 0
    files = {locale: docs / "protocols" / f"returning-a-call{suffix(locale)}.md" for locale in LOCALES}
    for locale, path in files.items():
        write_over(path, PROTOCOL_TEXT[locale])
    assert_clean_once_on_path_and_stamped(project, files, "returning-a-call", after="when-a-customer-has-to-wait")
