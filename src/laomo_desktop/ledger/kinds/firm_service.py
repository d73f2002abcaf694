"""Services to firms (劳模工匠助企行 / 技术服务): a firm's technical problem taken on by the
studio's people on a day, solved or not, and the firm's workers trained (person-times)."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import PERSONS, Extra, KindRules
from laomo_desktop.texts import Both

NAMES_JOIN = "、"  # how a cell lists several people, as Chinese forms do (data, not a message)
SERVERS = (f"(SELECT group_concat(m.name, '{NAMES_JOIN}') FROM "
           "(SELECT c.member_id FROM firm_service_server c WHERE c.parent_id = t.id "
           "ORDER BY c.position) c JOIN member m ON m.id = c.member_id)")

RULES = KindRules(
    extras=(Extra("server_names", "服务人员", "Served by", SERVERS),),
    people_lists=frozenset({"servers"}),
    section=Both("助企服务", "Services to firms"),
    columns=("date", "firm", "problem", "solved", "trained", "server_names"),
    totals=("date", (("trained", PERSONS),)),
    count_words=("累计登记助企服务", "Services to firms to date", "项"),
)
