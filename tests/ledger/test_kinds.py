"""A kind's behaviour lives with the kind (ledger/kinds/): the generic code asks its KindRules
and never branches on a kind's name."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from laomo_desktop.ledger import kinds
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.store import schema as S

SRC = Path(__file__).resolve().parents[2] / "src" / "laomo_desktop"
NAMES = "|".join(k.name for k in S.KINDS)
# `kind == "member"`, `kind_name != "attachment"`, `owner_kind == "plan"`, `.ref == "member"`,
# `row["owner_kind"] == "attachment"`, a section's `s.key == "member"`,
# `k.name in ("rule", "equipment")`: a branch on which kind a record is.
BRANCH = re.compile(
    rf'(?:\b(?:kind|kind_name|owner_kind|\w+\.name|\w+\.ref|\w+\.kind|\w+\.key)'
    rf'|\["(?:kind|owner_kind)"\])\s*(?:==|!=)\s*"(?:{NAMES})"'
    rf'|\b(?:kind|kind_name|\w+\.name)\s+(?:not\s+)?in\s+\(\s*"(?:{NAMES})"')

# A migration describes the past: it may name the kinds as they were then.
ALLOWED = {
    "store/migrations.py": 3,     # the steps of version 4, 9 and 16 (history: stays as written)
}


def branches() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        rel = path.relative_to(SRC).as_posix()
        if rel.startswith("ledger/kinds/"):
            continue
        for no, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if BRANCH.search(line):
                out.setdefault(rel, []).append(f"{rel}:{no}: {line.strip()}")
    return out


def test_no_branch_on_a_kinds_name_outside_the_kinds_modules():
    found = branches()
    over = {f: lines for f, lines in found.items() if len(lines) > ALLOWED.get(f, 0)}
    assert not over, "branch on a kind's name outside ledger/kinds/:\n" + "\n".join(
        line for lines in over.values() for line in lines)


def test_the_pattern_finds_a_branch():
    assert BRANCH.search('if kind.name == "member":')
    assert BRANCH.search('if k.name in ("rule", "equipment"):')
    assert BRANCH.search('if row["owner_kind"] == "attachment":')
    assert BRANCH.search('if s.key == "member":')
    assert not BRANCH.search('if kinds.rules(kind).is_file:')


def test_every_kinds_module_names_a_declared_kind():
    mods = {p.stem for p in (SRC / "ledger" / "kinds").glob("*.py")} - {"__init__", "base"}
    assert mods == set(kinds.BY_KIND)
    assert mods <= set(S.BY_NAME)


def test_messages_take_their_labels_from_the_declaration(monkeypatch):
    """Renaming a field's label in the declaration renames it in the kind's messages."""
    from dataclasses import replace

    from laomo_desktop.ledger import validate as V

    member = S.MEMBER
    renamed = replace(member, fields=tuple(
        replace(f, label="入队日期") if f.name == "joined_on" else f for f in member.fields))
    ctx = V.Context(studio_id=1, resolver=None)
    try:
        V.clean_record(renamed, {"name": "张三", "role": "member", "joined_on": "2024-05-01",
                                 "left_on": "2024-01-01"}, ctx)
    except ValidationError as e:
        assert e.errors["left_on"] == "“退出日期”不能早于“入队日期”"
    else:
        raise AssertionError("a member who left before joining was accepted")


def test_a_module_that_names_no_declared_kind_stops_the_start(tmp_path, monkeypatch):
    """A misspelt module (grnat.py) would otherwise give its kind no rules without a word."""
    (tmp_path / "grnat.py").write_text("RULES = None\n", "utf-8")
    monkeypatch.setattr(kinds, "__path__", [*kinds.__path__, str(tmp_path)])
    try:
        with pytest.raises(LookupError, match="grnat"):
            kinds.discover()
    finally:
        sys.modules.pop("laomo_desktop.ledger.kinds.grnat", None)
