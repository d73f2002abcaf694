"""What an import tells its caller: the preview of a package (who sent it, its key, what the merge
would make of each kind's records, warnings), the result of applying it, and the two refusals
about the studio's signing key that the caller answers by asking the user. Kept apart from
the import itself (exchange/importer.py) so the GUI and CLI that show them need not read it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from laomo_desktop.errors import LaomoError
from laomo_desktop.texts import Both, Joined, Message, Text

# The outcomes of a merge, in the order they are reported (ui/dialogs/imports.py's columns).
COUNT_LABELS = {"new": Both("新增", "new"), "updated": Both("更新", "updated"),
                "unchanged": Both("未变", "unchanged"), "stale": Both("较旧", "stale"),
                "conflicting": Both("冲突", "conflicting")}

FIRST_KEY = Text("这是工作室“{studio}”的第一个数据包，其签名密钥指纹为 {fingerprint}。"
                 "请先通过电话或纸面与该工作室核对指纹，确认无误后再选择信任并导入。",
                 'This is the first package from studio "{studio}"; its signing-key fingerprint '
                 "is {fingerprint}. Compare the fingerprint with the studio first (by phone or on "
                 "paper), then choose to trust it and import.")
KEY_CHANGED = Text("工作室“{studio}”的数据包签名密钥变了：登记的指纹是 {old}，此数据包是 {new}。"
                   "可能是该工作室重装了程序，也可能是伪造的数据包。请与工作室核对新指纹，"
                   "确认后选择“更换密钥”再导入。本次未导入任何数据。",
                   'The signing key of studio "{studio}" has changed: the registered fingerprint '
                   "is {old}, this package's is {new}. The studio may have reinstalled the "
                   "program, or the package may be forged. Compare the new fingerprint with the "
                   'studio, then choose "Replace the key" and import. Nothing was imported.')


@dataclass
class KindCounts:
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    stale: int = 0
    conflicting: int = 0

    def as_dict(self) -> dict[str, int]:
        return {k: getattr(self, k) for k in COUNT_LABELS}


@dataclass
class Preview:
    file: Path
    studio_uid: str
    studio_name: str
    package_uid: str
    sequence: int
    created_at: str
    fingerprint: str
    key_status: str                 # "first", "match" or "changed"
    pinned_fingerprint: str | None
    already_imported: str | None    # when, if this package was imported before
    warnings: list[Message] = field(default_factory=list)  # worded when shown
    counts: dict[str, KindCounts] = field(default_factory=dict)

    def total(self, what: str) -> int:
        return sum(getattr(c, what) for c in self.counts.values())


@dataclass
class ImportResult:
    preview: Preview
    applied: bool
    message: Message | Joined  # worded when shown (texts.worded)
    backup: Path | None = None


class KeyNotTrusted(LaomoError):
    """The studio's first package: its key's fingerprint must be confirmed first."""

    def __init__(self, studio_name: str, fp: str):
        super().__init__(FIRST_KEY(studio=studio_name, fingerprint=fp))
        self.fingerprint = fp


class KeyChanged(LaomoError):
    def __init__(self, studio_name: str, old: str, new: str):
        super().__init__(KEY_CHANGED(studio=studio_name, old=old, new=new))
        self.fingerprint = new
        self.pinned = old
