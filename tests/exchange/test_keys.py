"""Signing keys: made once, stable fingerprints, pinning, and a changed key at the office."""

from __future__ import annotations

import os
import re
import shutil
import stat

import pytest
from exchange_helpers import snapshot

from laomo_desktop.exchange import importer, keys
from laomo_desktop.store.models import AuditEntry, TrustedKey

FP = re.compile(r"^[0-9A-F]{4}( [0-9A-F]{4}){7}$")


def test_the_key_pair_is_made_once_and_kept_private(ledger):
    fp = keys.installation_fingerprint(ledger)
    assert FP.match(fp)
    key_file = ledger.root / "keys" / keys.KEY_FILE
    made = key_file.read_bytes()
    assert keys.installation_fingerprint(ledger) == fp
    assert key_file.read_bytes() == made
    if os.name == "posix":
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    pub = (ledger.root / "keys" / keys.PUB_FILE).read_text().strip()
    assert keys.fingerprint(bytes.fromhex(pub)) == fp


def test_the_fingerprint_is_the_documented_digest():
    raw = bytes(range(32))
    import hashlib

    digest = hashlib.sha256(raw).hexdigest().upper()
    assert keys.fingerprint(raw).replace(" ", "") == digest[:32]
    assert keys.fingerprint(raw) != keys.fingerprint(bytes(32))


def test_a_damaged_key_file_gives_a_clear_message(ledger):
    keys.load_or_create(ledger)
    (ledger.root / "keys" / keys.KEY_FILE).write_text("garbage")
    with pytest.raises(keys.LaomoError, match="已损坏"):
        keys.load_or_create(ledger)


def test_a_changed_studio_key_is_refused_unless_replaced(ex):
    first = ex.export()
    office = ex.at_office()
    importer.apply(office, first.path, trust_new_key=True)
    assert keys.pinned(ex.uids["A"]).fingerprint == first.fingerprint
    shutil.rmtree(ex.studio.root / "keys")  # the studio reinstalled: a new key pair
    second = ex.export()
    assert second.fingerprint != first.fingerprint
    office = ex.at_office()
    before = snapshot(office)
    with pytest.raises(importer.KeyChanged) as info:
        importer.apply(office, second.path, trust_new_key=True)
    assert first.fingerprint in info.value.message and second.fingerprint in info.value.message
    assert snapshot(office) == before
    assert importer.apply(office, second.path, replace_key=True).applied
    assert keys.pinned(ex.uids["A"]).fingerprint == second.fingerprint
    assert AuditEntry.select().where(AuditEntry.action == "replace_key").count() == 1


def test_a_first_seen_key_needs_trust(ex):
    pkg = ex.export()
    office = ex.at_office()
    before = snapshot(office)
    with pytest.raises(importer.KeyNotTrusted) as info:
        importer.apply(office, pkg.path)
    assert info.value.fingerprint == pkg.fingerprint and pkg.fingerprint in info.value.message
    assert snapshot(office) == before and TrustedKey.select().count() == 0
