"""The catalogue of the core's messages (laomo_desktop.texts): every message has both wordings,
they take the same parameters, and the English one is English; a message is worded in the
language the user chose when it is shown, not when it is made."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from tests.cjk import CJK

import laomo_desktop
from laomo_desktop import texts
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text


def _every_text() -> dict[str, Text]:
    found: dict[str, Text] = {}
    for info in pkgutil.walk_packages(laomo_desktop.__path__, "laomo_desktop."):
        if info.name.startswith("laomo_desktop.ui") or info.name.endswith("__main__"):
            continue  # ui/ speaks through Qt's translations, checked by tests/ui/test_app.py
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if isinstance(value, Text):
                found[f"{info.name}.{name}"] = value
            elif isinstance(value, dict):
                found.update({f"{info.name}.{name}[{k!r}]": v for k, v in value.items()
                              if isinstance(v, Text)})
    return found


def test_every_message_has_both_wordings_with_the_same_parameters():
    every = _every_text()
    bad = [f"{where}: {t.zh!r} / {t.en!r}" for where, t in every.items()
           if not t.zh.strip() or not t.en.strip() or CJK.search(t.en)
           or t.parameters("zh") != t.parameters("en")]
    assert bad == []


@pytest.fixture
def language():
    yield texts.set_language
    texts.set_language("zh_CN")


SAID = Text("“{field}”不能晚于{when}，现有 {n} 条", "“{field}” cannot be later than {when}; {n} exist")


def test_a_message_is_worded_when_shown_in_the_chosen_language(language):
    field = S.BY_NAME["member"].field("joined_on")
    exc = LaomoError(SAID(field=field, when=Both("今天", "today"), n=3))
    assert exc.message == f"“{field.label}”不能晚于今天，现有 3 条"
    language("en")
    assert exc.message == f"“{field.en}” cannot be later than today; 3 exist"
    assert str(exc) == exc.message


def test_a_refused_form_words_each_field_in_the_chosen_language(language):
    exc = ValidationError({"a": SAID(field="x", when="y", n=1), "b": "plain"})
    language("en")
    assert exc.errors == {"a": "“x” cannot be later than y; 1 exist", "b": "plain"}
    assert exc.message == "“x” cannot be later than y; 1 exist; plain"
    language("zh_CN")
    assert exc.message == "“x”不能晚于y，现有 1 条；plain"
