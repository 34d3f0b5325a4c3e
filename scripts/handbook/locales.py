"""The languages the handbook is published in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Locale:
    code: str  # file suffix and URL prefix: honesty.es.md -> /es/
    html_lang: str  # value of <html lang> and hreflang
    name: str  # the language's name in itself, for the language switcher
    english_name: str

    @property
    def is_default(self) -> bool:
        return self.code == DEFAULT_LOCALE

    @property
    def url_prefix(self) -> str:
        """Path of this language's root, relative to the site root."""
        return "" if self.is_default else f"{self.code}/"


LOCALES: tuple[Locale, ...] = (
    Locale("en", "en", "English", "English"),
    Locale("es", "es", "Español", "Spanish"),
    Locale("hu", "hu", "Magyar", "Hungarian"),
    Locale("pt", "pt-BR", "Português (Brasil)", "Brazilian Portuguese"),
)
DEFAULT_LOCALE = "en"
LOCALE_CODES: tuple[str, ...] = tuple(locale.code for locale in LOCALES)
TRANSLATION_CODES: tuple[str, ...] = tuple(c for c in LOCALE_CODES if c != DEFAULT_LOCALE)


def get_locale(code: str) -> Locale:
    for locale in LOCALES:
        if locale.code == code:
            return locale
    raise KeyError(code)
