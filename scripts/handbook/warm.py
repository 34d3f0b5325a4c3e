"""What every language's build shares, prepared once before the builds fork.

scripts/build_site.py builds each language in its own process, forked from
one parent. The parent imports MkDocs, the theme, the plugins and the Markdown
extensions, compiles the theme's templates and loads the handbook's pages,
once; each forked build inherits all of it instead of paying for it again.

- :data:`TEMPLATES` is a Jinja bytecode cache held in memory. The MkDocs hook
  gives it to every build's template environment, so a template compiled
  before the fork (or earlier in a ``make serve`` session) is not compiled
  again. Jinja checks each entry against the template's source.
- :func:`remember` keeps the parent's catalogue; :func:`catalog` hands it to a
  forked build of the same docs folder. Nothing else stores one, so a build in
  any other process (``make serve``, a plain ``mkdocs build``) loads the pages
  afresh.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta

from handbook.catalog import Catalog


class MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        data = self.store.get(bucket.key)
        if data is not None:
            bucket.bytecode_from_string(data)

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


TEMPLATES = MemoryBytecodeCache()
_catalogs: dict[tuple[Path, Path], Catalog] = {}


# The templates MkDocs renders; precompile() follows what they extend, include and import.
ENTRY_TEMPLATES = ("main.html", "404.html")


def precompile(env: jinja2.Environment, entries: tuple[str, ...] = ENTRY_TEMPLATES) -> int:
    """Compile the templates a build renders, and every template they name, into :data:`TEMPLATES`.

    Only what a page can reach: Material ships many partials a handbook never
    uses. A template named by an expression (not a plain string) is compiled
    when it is first used. Returns how many were compiled.
    """
    env.bytecode_cache = TEMPLATES
    seen: set[str] = set()
    pending = list(entries)
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            source, _, _ = env.loader.get_source(env, name) if env.loader else ("", None, None)
            env.get_template(name)
            pending += [ref for ref in jinja2.meta.find_referenced_templates(env.parse(source)) if ref]
        except jinja2.TemplateError:
            continue  # missing or only valid in context: compiled when it is used
    return len(seen)


def remember(catalog: Catalog) -> None:
    _catalogs[(catalog.docs_dir, catalog.project_root)] = catalog


def catalog(docs_dir: Path, project_root: Path) -> Catalog:
    """The catalogue the parent loaded for these folders, or a fresh one."""
    key = (docs_dir.resolve(), project_root.resolve())
    return _catalogs.get(key) or Catalog.load(*key)


def warm_up(config_file: Path) -> dict[str, Any]:
    """Import and compile what every language's build needs. Best effort: a failure here
    only costs time, and the build itself reports the real error."""
    import markdown
    from mkdocs.config import load_config

    done: dict[str, Any] = {}
    try:
        config = load_config(str(config_file))  # imports the plugins, the hook and the theme
        markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)
        done["templates"] = precompile(config.theme.get_env())
    except Exception as error:
        done["error"] = f"{type(error).__name__}: {error}"
    return done
