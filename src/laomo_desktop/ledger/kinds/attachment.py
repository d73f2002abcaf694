"""Attachments: stored files that belong to another record; the program fills in everything
but the caption, and a file has no attachments of its own."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Extra, KindRules
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both

KIND = S.ATTACHMENT


def _owner_sql() -> str:
    """The record an attachment belongs to as "kind<US>title<US>1 if in the recycle bin"."""
    whens = " ".join(
        f"WHEN '{k.name}' THEN (SELECT coalesce(CAST(r.\"{k.title}\" AS TEXT), '') || char(31)"
        f" || (r.deleted_at IS NOT NULL) FROM \"{k.table}\" r WHERE r.uid = t.owner_uid)"
        for k in S.KINDS if k is not KIND)
    return f"(t.owner_kind || char(31) || coalesce(CASE t.owner_kind {whens} END, ''))"


RULES = KindRules(
    extras=(Extra("owner", "所属记录", "Belongs to", _owner_sql()),),
    is_file=True,
    hidden_fields=frozenset({"owner_kind", "owner_uid", "sha256", "size", "filename"}),
    section=Both("附件", "Attachments"),
    columns=("filename", "title", "owner", "size"),
    counted=False,  # files, not records of the studio's work
)
