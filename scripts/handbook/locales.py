"""The languages the handbook is published in."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Locale:
    code: str  # file suffix and URL prefix: honesty.es.md -> /es/
    html_lang: str  # value of <html lang> and hreflang
    name: str  # the language's name in itself, for the language switcher
    english_name: str
    dates: str  # the CLDR locale its dates are written in: English in British order, as the handbook spells it

    @property
    def is_default(self) -> bool:
        return self.code == DEFAULT_LOCALE

    @property
    def url_prefix(self) -> str:
        """Path of this language's root, relative to the site root."""
        return "" if self.is_default else f"{self.code}/"


LOCALES: tuple[Locale, ...] = (
    Locale("en", "en", "English", "English", "en_GB"),
    Locale("es", "es", "Español", "Spanish", "es"),
    Locale("hu", "hu", "Magyar", "Hungarian", "hu"),
    Locale("pt", "pt-BR", "Português (Brasil)", "Brazilian Portuguese", "pt_BR"),
)
DEFAULT_LOCALE = "en"
LOCALE_CODES: tuple[str, ...] = tuple(locale.code for locale in LOCALES)
TRANSLATION_CODES: tuple[str, ...] = tuple(c for c in LOCALE_CODES if c != DEFAULT_LOCALE)


def get_locale(code: str) -> Locale:
    for locale in LOCALES:
        if locale.code == code:
            return locale
    raise KeyError(code)


def format_date(day: dt.date, code: str) -> str:
    """A date as the language writes it: 23 November 2026, 23 de noviembre de 2026, 2026. november 23."""
    from babel.dates import format_date as babel_format_date

    return str(babel_format_date(day, format="long", locale=get_locale(code).dates))
