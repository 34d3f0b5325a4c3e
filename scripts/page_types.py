"""One page of each type the handbook publishes, relative to a language's root.

The browser quality suite screenshots each type in every language, and the
benchmark weighs each one. Adding a page type is one line here.
"""

from __future__ import annotations

PAGE_TYPES: dict[str, str] = {
    "home": "",
    "principles index": "principles/",
    "principle": "principles/honesty/",
    "protocols index": "protocols/",
    "protocol": "protocols/answering-the-phone/",
    "onboarding path": "onboarding/",
    "theme": "themes/trust/",
    "glossary": "glossary/",
    "linking": "linking/",
    "assessment": "onboarding/assessment/",
    "sources": "sources/",
    "translation status": "translation-status/",
    "not found": "404.html",
}
