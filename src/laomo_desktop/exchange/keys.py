"""This installation's Ed25519 signing key, fingerprints, and the studio keys pinned here.

The key pair is made on first use and kept in `<data dir>/keys/`: `installation.key` (PKCS#8
PEM, unencrypted, mode 0600 where the OS has modes) and `installation.pub` (the raw public key
as hex, for people and scripts). Losing the private key only means the union office sees a new
key with the next package and has to confirm it again.

A fingerprint is the SHA-256 of the raw 32-byte public key, its first 128 bits written as
8 groups of 4 upper-case hex digits: `3F2A 9C01 77B4 E0D2 5A6B 0C19 D4E8 21F7`. It is short
enough to read out over the phone and print on the review packet.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger.records import audit, now_iso
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store.models import TrustedKey, database
from laomo_desktop.texts import Text

KEY_UNREADABLE = Text("无法读取或创建本机签名密钥（{folder}）：{why}",
                      "Cannot read or create the signing key of this computer ({folder}): {why}")
KEY_DAMAGED = Text("本机签名密钥文件“{path}”已损坏。可将它移走，程序会生成新密钥；"
                   "之后工会需要重新确认新的密钥指纹。",
                   'The signing-key file of this computer "{path}" is damaged. Move it away and '
                   "the program makes a new key; the union office then has to confirm the new "
                   "key's fingerprint again.")
NOT_ED25519 = Text("本机签名密钥文件“{path}”不是 Ed25519 密钥。",
                   'The signing-key file of this computer "{path}" is not an Ed25519 key.')
BAD_LENGTH = Text("签名公钥的长度不对，不能登记。",
                  "The public signing key has the wrong length and cannot be registered.")
OTHER_KEY = Text("工作室“{studio}”已登记了另一个签名密钥（指纹 {fingerprint}），"
                 "只有明确选择“更换密钥”才能改为新的密钥。",
                 'Studio "{studio}" already has another signing key registered (fingerprint '
                 '{fingerprint}); only choosing "Replace the key" changes it to the new one.')
AUDIT_TRUSTED = Text("工作室“{studio}”登记签名密钥 {new}", 'Studio "{studio}": signing key {new} registered')
AUDIT_OFFICE_TRUSTED = Text("工会“{studio}”登记签名密钥 {new}", 'Office "{studio}": signing key {new} registered')
AUDIT_OFFICE_REPLACED = Text("工会“{studio}”更换签名密钥（原指纹 {old}）为 {new}",
                             'Office "{studio}": signing key (fingerprint {old}) replaced by {new}')
AUDIT_REPLACED = Text("工作室“{studio}”更换签名密钥（原指纹 {old}）为 {new}",
                      'Studio "{studio}": signing key (fingerprint {old}) replaced by {new}')

KEY_FILE = "installation.key"
PUB_FILE = "installation.pub"
PUBLIC_KEY_BYTES = 32
SIGNATURE_BYTES = 64


def key_dir(paths: LedgerPaths) -> Path:
    return paths.keys


def fingerprint(public_raw: bytes) -> str:
    """Eight groups of four hex digits (`3F2A 9C01 …`): the first 128 bits of SHA-256(public key)."""
    digest = hashlib.sha256(public_raw).hexdigest()[:32].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 32, 4))


def raw_public(key: Ed25519PrivateKey | Ed25519PublicKey) -> bytes:
    pub = key.public_key() if isinstance(key, Ed25519PrivateKey) else key
    return pub.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _write_new(path: Path, data: bytes, mode: int) -> None:
    """Write `data` to `path` only if it does not exist yet; complete or not at all."""
    tmp = path.with_name(f"{path.name}.{os.getpid()}.partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        try:
            os.link(tmp, path)  # fails if another process made the key first: keep theirs
        except FileExistsError:
            pass
        except OSError:  # a file system without hard links
            if not path.exists():
                os.replace(tmp, path)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def load_or_create(paths: LedgerPaths) -> Ed25519PrivateKey:
    """This installation's private key, made (once) on first use."""
    folder = key_dir(paths)
    key_path = folder / KEY_FILE
    try:
        if not key_path.exists():
            folder.mkdir(parents=True, exist_ok=True)
            with contextlib.suppress(OSError):
                os.chmod(folder, 0o700)
            new = Ed25519PrivateKey.generate()
            pem = new.private_bytes(serialization.Encoding.PEM,
                                    serialization.PrivateFormat.PKCS8,
                                    serialization.NoEncryption())
            _write_new(key_path, pem, 0o600)
        data = key_path.read_bytes()
    except OSError as exc:
        raise LaomoError(KEY_UNREADABLE(folder=folder, why=exc.strerror or exc)) from exc
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except (ValueError, TypeError) as exc:
        raise LaomoError(KEY_DAMAGED(path=key_path)) from exc
    if not isinstance(key, Ed25519PrivateKey):
        raise LaomoError(NOT_ED25519(path=key_path))
    pub_path = folder / PUB_FILE
    if not pub_path.exists():
        with contextlib.suppress(OSError):
            _write_new(pub_path, (raw_public(key).hex() + "\n").encode("ascii"), 0o644)
    return key


def installation_fingerprint(paths: LedgerPaths) -> str:
    return fingerprint(raw_public(load_or_create(paths)))


def verify(public_raw: bytes, signature: bytes, data: bytes) -> bool:
    if len(public_raw) != PUBLIC_KEY_BYTES or len(signature) != SIGNATURE_BYTES:
        return False
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, data)
    except (InvalidSignature, ValueError):
        return False
    return True


# --- keys pinned for studios (the union office side) ------------------------------------

@dataclass(frozen=True)
class Pinned:
    studio_uid: str
    studio_name: str
    fingerprint: str
    public_key: bytes
    trusted_at: str


def pinned(studio_uid: str) -> Pinned | None:
    row = database.execute_sql(  # several times per import: the query is not built each time
        "SELECT studio_uid, studio_name, fingerprint, public_key, trusted_at FROM trusted_key "
        "WHERE studio_uid = ?", (studio_uid,)).fetchone()
    if row is None:
        return None
    return Pinned(row[0], row[1], row[2], bytes.fromhex(row[3]), row[4])


def list_pinned() -> list[Pinned]:
    rows = TrustedKey.select().order_by(TrustedKey.studio_name, TrustedKey.studio_uid)
    return [Pinned(r.studio_uid, r.studio_name, r.fingerprint, bytes.fromhex(r.public_key),
                   r.trusted_at) for r in rows]


def key_status(studio_uid: str, public_raw: bytes) -> str:
    """"first" (no key pinned for the studio yet), "match", or "changed"."""
    return status_of(pinned(studio_uid), public_raw)


def status_of(pin: Pinned | None, public_raw: bytes) -> str:
    """key_status for a pin already looked up."""
    if pin is None:
        return "first"
    return "match" if pin.public_key == public_raw else "changed"


def trust(studio_uid: str, studio_name: str, public_raw: bytes, *, replace: bool = False,
          actor: str | None = None, office: bool = False) -> Pinned:
    """Pin `public_raw` for a studio (or, `office`, for a union office below this one: pinned
    the same way, by its uid). A different key already pinned needs `replace=True`."""
    if len(public_raw) != PUBLIC_KEY_BYTES:
        raise LaomoError(BAD_LENGTH)
    fp = fingerprint(public_raw)
    with database.atomic():
        old = pinned(studio_uid)
        if old is not None and old.public_key == public_raw:
            return old
        if old is not None and not replace:
            raise LaomoError(OTHER_KEY(studio=studio_name, fingerprint=old.fingerprint))
        stamp = now_iso()
        TrustedKey.insert(studio_uid=studio_uid, studio_name=studio_name, fingerprint=fp,
                          public_key=public_raw.hex(), trusted_at=stamp).on_conflict_replace(
                          ).execute()
        action = "replace_key" if old else "trust_key"
        replaced, trusted = ((AUDIT_OFFICE_REPLACED, AUDIT_OFFICE_TRUSTED) if office
                             else (AUDIT_REPLACED, AUDIT_TRUSTED))
        said = (replaced(studio=studio_name, old=old.fingerprint, new=fp) if old
                else trusted(studio=studio_name, new=fp))
        audit(action, "office" if office else "studio", studio_uid,
              None if office else studio_uid,
              {"fingerprint": old.fingerprint} if old else None, {"fingerprint": fp},
              said, actor)
    return Pinned(studio_uid, studio_name, fp, public_raw, stamp)
