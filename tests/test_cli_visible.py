"""Terminal output never lets ledger or package text act on the terminal.

A studio name (or any title) holding escape codes, a newline or a bidi override is printed with
those characters shown as [U+XXXX]: it cannot erase, hide, colour or forge a line of output."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent / "exchange"))

from exchange_helpers import craft  # noqa: E402

from helpers import run_cli as run  # noqa: E402
from laomo_desktop.exchange import keys  # noqa: E402
from laomo_desktop.paths import LedgerPaths  # noqa: E402
from laomo_desktop.store.database import close_ledger, open_ledger  # noqa: E402
from laomo_desktop.store.models import MODELS  # noqa: E402

FORGED = "  与本台账登记的该工作室密钥一致。"
# Erase the line, start a new one with a forged verdict, then hide whatever follows.
NAME = "李明工作室\x1b[2K\r\n" + FORGED + "\x1b[8m\u202e"


def _no_raw_controls(text: str) -> None:
    assert "\x1b" not in text and "\r" not in text and "\u202e" not in text
    assert "[U+001B]" in text


def _plant(data_dir: Path, **names: str) -> None:
    """Write hostile text straight into the ledger's rows (a hand-edited or older ledger)."""
    open_ledger(LedgerPaths(data_dir))
    try:
        for kind, value in names.items():
            model = MODELS[kind]
            field = getattr(model, {"activity": "topic"}.get(kind, "name"))
            row = model.select().order_by(model.id).first()
            model.update({field: value}).where(model.id == row.id).execute()
    finally:
        close_ledger()


def test_verify_shows_a_forged_studio_name_visibly_and_cannot_fake_the_key_line(
        sample_dir, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, err = run(capsys, "--data-dir", str(sample_dir), "export", "--studio", "李明",
                         "--to", str(usb))
    assert code == 0, err
    open_ledger(LedgerPaths(sample_dir))
    key = keys.load_or_create(LedgerPaths(sample_dir))
    close_ledger()

    def edit(manifest, data):
        manifest["studio"]["name"] = NAME
    forged = craft(Path(out.strip()), tmp_path / "forged.laomo.zip", edit=edit, sign_with=key)

    office = str(tmp_path / "office")
    code, out, err = run(capsys, "--data-dir", office, "verify", str(forged))
    # a manifest name that is not a valid studio name (one line) is refused, shown safely
    assert code == 1 and "工作室名称" in err, out + err
    assert "\x1b" not in out + err and "\r" not in out + err and "\u202e" not in out + err
    # the verdict a package could forge never stands on a line of its own
    assert not any(line.rstrip() == FORGED.rstrip() for line in (out + err).splitlines())

    code, out, err = run(capsys, "--data-dir", office, "import", str(forged), "--yes")
    assert code == 1 and "工作室名称" in err
    assert "\x1b" not in out + err and "\u202e" not in out + err
    code, out, err = run(capsys, "--data-dir", office, "keys")
    assert code == 0 and "\x1b" not in out and "李明工作室" not in out  # no key kept for it


def test_ledger_text_is_printed_visibly_by_every_reading_command(sample_dir, capsys):
    leader = "李明\x1b]0;owned\x07"
    topic = "带电作业培训\x1b[31m\u202e"
    _plant(sample_dir, studio=NAME, member=leader, activity=topic)
    base = ("--data-dir", str(sample_dir))
    outputs = {}
    for args in (("studios",), ("stats", "--studio", "李明", "--year", "2025"),
                 ("assess", "--studio", "李明", "--year", "2025", "--template", "union_100"),
                 ("check",)):
        code, out, err = run(capsys, *base, *args)
        outputs[args[0]] = out + err
        assert code in (0, 1) and "Traceback" not in err, args
        assert not {"\x1b", "\x07", "\r", "\u202e"} & set(out + err), args
        assert not any(line.rstrip() == FORGED.rstrip() for line in out.splitlines()), args
    for command in ("studios", "stats", "assess"):
        assert "李明工作室[U+001B][2K[U+000D][U+000A]" in outputs[command], command
    assert "李明[U+001B]]0;owned[U+0007]" in outputs["studios"]
    assert "带电作业培训[U+001B][31m[U+202E]" in outputs["assess"]


def test_json_output_keeps_the_exact_text_but_never_a_raw_control(sample_dir, capsys):
    _plant(sample_dir, studio=NAME)
    code, out, _ = run(capsys, "--data-dir", str(sample_dir), "studios", "--json")
    assert code == 0
    assert "\x1b" not in out and "\u202e" not in out
    assert NAME in [r["name"] for r in json.loads(out)]


def test_conflicts_show_both_copies_visibly(sample_dir, tmp_path, capsys):
    usb = tmp_path / "usb"
    usb.mkdir()
    office = tmp_path / "office"

    def export() -> str:
        code, out, err = run(capsys, "--data-dir", str(sample_dir), "export", "--studio", "李明",
                             "--to", str(usb))
        assert code == 0, err
        return out.strip()

    code, _, err = run(capsys, "--data-dir", str(office), "import", export(), "--yes")
    assert code == 0, err
    open_ledger(LedgerPaths(office))  # changed at the office behind the importer's back
    model = MODELS["activity"]
    model.update(topic="办公室\x1b[2J改的\u202e").where(model.topic == "带电作业培训").execute()
    close_ledger()
    code, _, err = run(capsys, "--data-dir", str(office), "import", export())
    assert code == 0, err

    code, out, err = run(capsys, "--data-dir", str(office), "conflicts")
    assert code == 0, err
    assert "办公室[U+001B][2J改的[U+202E]" in out
    assert "\x1b" not in out and "\u202e" not in out
    code, out, _ = run(capsys, "--data-dir", str(office), "conflicts", "--json")
    assert "\x1b" not in out and "\u202e" not in out
    local = [d["local"] for c in json.loads(out) for d in c["differences"]]
    assert "办公室\x1b[2J改的\u202e" in local  # the exact value, escaped as JSON
