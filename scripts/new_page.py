#!/usr/bin/env python3
"""Scaffold a page in every language.

  make new TYPE=principle ID=kindness                     # new principle, all four languages
  make new TYPE=protocol ID=closing-a-call                # new protocol, with a checklist to fill in
  python scripts/new_page.py --type principle --id kindness   # what `make new` runs
  python scripts/new_page.py principles/honesty.md --locale hu
                                                          # only the missing Hungarian copy of a page

A new English page starts from the principle or the protocol template
(handbook/scaffold.py), with a write-me marker and a quiz or checklist skeleton:
the check fails until every template sentence is replaced and the marker deleted.
Each translation starts as a copy of the English page with a translate-me marker:
until an editor translates it and deletes the marker, the check counts it as missing.
Make the copies once the English page is written (run the second form for each
language), or translate the template copies that `make new` writes.
Existing files are never overwritten; `--type/--id` refuses an id already in use.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from handbook import urls
from handbook.catalog import Catalog
from handbook.cli import ROOT
from handbook.locales import TRANSLATION_CODES
from handbook.pages import localized_rel
from handbook.scaffold import FOLDERS, SLUG, TEMPLATES
from handbook.translations import TRANSLATE_ME

MARKER_LINE = f"<!-- handbook:{TRANSLATE_ME} -->"


def _any_principle(docs_dir: Path) -> str:
    """A principle to put in a new protocol's template, so that it checks clean until edited."""
    names = sorted(p.stem for p in (docs_dir / "principles").glob("*.md") if "." not in p.stem and p.stem != "index")
    return "follow-the-protocol" if "follow-the-protocol" in names else (names[0] if names else "honesty")


def translation_of(english: str, locale: str) -> str:
    text = english.replace('"@handbook/editors-en"', f'"@handbook/editors-{locale}"')
    text = re.sub(r"^translated_from:.*\n", "", text, flags=re.MULTILINE)
    end = text.find("\n---", 3) + len("\n---\n")
    return text[:end] + f"\n{MARKER_LINE}\n" + text[end:]


def _new_page_path(parser: argparse.ArgumentParser, args: argparse.Namespace) -> str:
    """The English page `--type/--id` asks for, after refusing an id that is taken or not a slug."""
    if args.page or not (args.type and args.id):
        parser.error("give either a page path, or both --type and --id (make new TYPE=principle ID=kindness)")
    page_id = args.id
    if not SLUG.fullmatch(page_id):
        parser.error(
            f"'{page_id}' is not a slug: the id becomes the page's address (/{FOLDERS[args.type]}/{page_id}/), so use only "
            f"lower-case letters a-z, digits and single hyphens between words, like "
            f"'{re.sub(r'[^a-z0-9]+', '-', page_id.lower()).strip('-') or 'kindness'}'"
        )
    docs_dir: Path = args.docs_dir
    # every page's id is a /go/ link, so the id must be free across the whole handbook
    catalog = Catalog.load(docs_dir, docs_dir.resolve().parent)
    taken = sorted(
        (page.display for page in catalog.pages if page.meta.get("id") == page_id or page.stem == page_id),
        key=lambda name: (name.count("."), name),  # the English file first
    )
    if taken:
        parser.error(
            f"the id '{page_id}' is already used by {taken[0]}: ids are addresses and /go/ links, "
            "so each must be unique — choose another id, or edit that page"
        )
    return f"{FOLDERS[args.type]}/{page_id}.md"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("page", nargs="?", help="the English page, relative to docs/, e.g. principles/kindness.md")
    parser.add_argument("--type", choices=sorted(FOLDERS), help="a new page of this type (with --id)")
    parser.add_argument("--id", help="the new page's id: its file name and address, e.g. kindness")
    parser.add_argument("--locale", choices=TRANSLATION_CODES, action="append", help="only this language (repeatable)")
    parser.add_argument("--docs-dir", type=Path, default=ROOT / "docs")
    args = parser.parse_args(argv)
    if args.type or args.id:
        source = _new_page_path(parser, args)
    elif args.page:
        source = args.page.removeprefix("docs/")
    else:
        parser.error(
            "name the page: make new TYPE=principle ID=kindness, or scripts/new_page.py principles/kindness.md"
        )
    if not re.fullmatch(r"([a-z0-9-]+/)*[a-z0-9]+(-[a-z0-9]+)*\.md", source):
        parser.error(
            f"'{args.page}' is not an English page path like principles/kindness.md (lower-case, hyphens, .md)"
        )
    english_path = args.docs_dir / source
    if not english_path.exists():
        stem = Path(source).stem
        kind = next((k for k, folder in FOLDERS.items() if source.startswith(folder + "/")), "page")
        english_path.parent.mkdir(parents=True, exist_ok=True)
        english_path.write_text(
            TEMPLATES[kind].format(
                id=stem,
                title=stem.replace("-", " ").capitalize(),
                today=dt.date.today().isoformat(),
                principle=_any_principle(args.docs_dir),
            ),
            encoding="utf-8",
        )
        print(f"created {english_path} (English: write it first, replacing every template sentence)")
    english = english_path.read_text(encoding="utf-8")
    for locale in args.locale or TRANSLATION_CODES:
        target = args.docs_dir / localized_rel(source, locale)
        if target.exists():
            print(f"kept    {target} (already there)")
            continue
        target.write_text(translation_of(english, locale), encoding="utf-8")
        print(f"created {target} (translate it, delete the translate-me line, then stamp it)")
    # the new page's addresses join the URL contract (published-urls.txt), as `make urls` does
    project = args.docs_dir.resolve().parent
    url_list = project / urls.URL_LIST_FILE
    if url_list.exists():
        url_list.write_text(urls.updated_list(Catalog.load(args.docs_dir, project)), encoding="utf-8")
        print(f"listed  its addresses in {url_list}")
    print("next: `make check` lists every line still to write")
    return 0


if __name__ == "__main__":
    sys.exit(main())
