"""What the core tells the user, held in both languages and worded only when it is shown.

The core (store, ledger, exchange, reports) never builds a sentence in one language. It declares
each message once, beside the code that says it, as a `Text` with a Chinese and an English
wording and `{name}` parameters:

    NO_SUCH_MONTH = Text("不是有效的日期：没有 {month} 月（月份应为 1 至 12）",
                         "Not a valid date: there is no month {month} (months are 1 to 12)")
    raise LaomoError(NO_SUCH_MONTH(month=13))

Calling a `Text` gives a `Message`: the text plus its parameters, still in no language. The GUI
and the CLI render it in the language the user chose (`set_language`, called by the GUI when it
installs its translators and by the CLI from `LAOMO_LANG`); `str()` renders it in that language,
so code that prints an error needs to know nothing about languages. Chinese is the default.

A parameter may itself be something known in both languages and is worded in the same
language: another Message or Text, a declared field, kind or child list (`label`/`en`), a choice
(`zh`/`en`), a `Both`, or a list of these (joined with 、 or ", "). Anything else (numbers, names
the user typed, file names) is shown as it is.

Qt-free on purpose: the base layer, so every layer can declare its messages. tests/test_texts.py
finds every Text in the package and checks both wordings exist, take the same parameters, and
that the English one has no Chinese in it.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

_language = {"code": "zh"}


def set_language(code: str) -> None:
    """"en…" → English; anything else ("zh_CN", "zh", "") → Chinese, the program's default."""
    _language["code"] = "en" if (code or "").lower().startswith("en") else "zh"


def language() -> str:
    return _language["code"]


def english() -> bool:
    return _language["code"] == "en"


class Rendered(Protocol):
    def render(self, lang: str | None = None) -> str: ...


@dataclass(frozen=True)
class Both:
    """A word or phrase known in both languages (a label, a unit, a name the program gives)."""

    zh: str
    en: str

    def render(self, lang: str | None = None) -> str:
        return self.en if (lang or language()) == "en" else self.zh

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Text:
    """One message of the catalogue: its Chinese and English wording with {name} parameters."""

    zh: str
    en: str

    def __call__(self, **params: Any) -> Message:
        return Message(self, params)

    def render(self, lang: str | None = None) -> str:
        return Message(self, {}).render(lang)

    def __str__(self) -> str:
        return self.render()

    def parameters(self, lang: str) -> set[str]:
        template = self.en if lang == "en" else self.zh
        return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@dataclass(frozen=True)
class Message:
    """A Text with its parameters, in no language until rendered."""

    text: Text
    params: dict[str, Any] = field(default_factory=dict)

    def render(self, lang: str | None = None) -> str:
        lang = lang or language()
        template = self.text.en if lang == "en" else self.text.zh
        return template.format(**{k: worded(v, lang) for k, v in self.params.items()})

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Joined:
    """Several messages shown as one, e.g. every field's complaint of a refused form."""

    parts: tuple[Any, ...]
    zh_sep: str = "；"
    en_sep: str = "; "

    def render(self, lang: str | None = None) -> str:
        lang = lang or language()
        return (self.en_sep if lang == "en" else self.zh_sep).join(worded(p, lang) for p in self.parts)

    def __str__(self) -> str:
        return self.render()


LIST_SEPARATOR = Both("、", ", ")


def worded(value: Any, lang: str | None = None) -> str:
    """`value` as the reader of `lang` should see it (see the module's docstring)."""
    lang = lang or language()
    if hasattr(value, "render"):
        return value.render(lang)
    en = getattr(value, "en", None)
    if isinstance(value, str) and not isinstance(en, str):  # a choice is a str with zh/en
        return value
    if isinstance(en, str):
        zh = getattr(value, "zh", None)
        if not isinstance(zh, str):
            zh = getattr(value, "label", None)
        if isinstance(zh, str):
            return en if lang == "en" else zh
    if isinstance(value, (list, tuple, set, frozenset)) and not isinstance(value, str):
        return LIST_SEPARATOR.render(lang).join(worded(v, lang) for v in _ordered(value))
    return str(value)


def _ordered(values: Iterable[Any]) -> list[Any]:
    return sorted(values, key=str) if isinstance(values, (set, frozenset)) else list(values)
