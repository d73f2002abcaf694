"""Mentoring pairs: from the agreement to 出师, or to an ending without 出师."""

from __future__ import annotations

from laomo_desktop.ledger.kinds.base import Cited, KindRules, Span, before, label
from laomo_desktop.store import enums as E
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Both, Text

WHO = Text("请选择“{apprentice}”或填写“{name}”", 'Choose an "{apprentice}" or fill in "{name}"')
SAME_PERSON = Text("“{apprentice}”不能与“{master}”是同一人",
                   '"{apprentice}" and "{master}" cannot be the same person')
GRADUATED_OR_ENDED = Text("“{graduated}”和“{ended}”只能填一个：出师的结对不是解除，"
                          "未出师就解除的结对没有出师日期",
                          'Fill in only one of "{graduated}" and "{ended}": a pair whose '
                          "apprentice graduated was not ended, and a pair ended before "
                          "graduating has no graduation date")


def _validate(kind: S.Kind, row: dict, children: dict, ctx, errors: dict) -> None:
    apprentice, name = label(kind, "apprentice"), label(kind, "apprentice_name")
    if not row.get("apprentice") and not row.get("apprentice_name"):
        errors.setdefault("apprentice_name", WHO(apprentice=apprentice, name=name))
    if row.get("apprentice") and row.get("apprentice") == row.get("master"):
        errors["apprentice"] = SAME_PERSON(apprentice=apprentice, master=label(kind, "master"))
    before(kind, row, errors, "agreement_date", "graduated_on")
    if row.get("graduated_on") and row.get("ended_on"):
        errors.setdefault("ended_on", GRADUATED_OR_ENDED(graduated=label(kind, "graduated_on"),
                                                         ended=label(kind, "ended_on")))
    before(kind, row, errors, "agreement_date", "ended_on")
    _validate_registers(kind, row, errors)


# issue 16 §3: the 出师 grade needs the 出师 (a failed assessment is no 出师), a renewal its day
GRADE_NEEDS_GRADUATION = Text("填写“{grade}”（合格及以上）时请同时填写“{graduated}”",
                              'A passing "{grade}" needs "{graduated}" filled in too')
RENEWAL_NEEDS_DAY = Text("填写“{months}”时请同时填写“{renewed}”",
                         'Fill in "{renewed}" together with "{months}"')


def _validate_registers(kind: S.Kind, row: dict, errors: dict) -> None:
    if row.get("grade") and row["grade"] != E.MentorGrade.FAIL and not row.get("graduated_on"):
        errors.setdefault("grade", GRADE_NEEDS_GRADUATION(
            grade=label(kind, "grade"), graduated=label(kind, "graduated_on")))
    if row.get("renewed_months") and not row.get("renewed_on"):
        errors.setdefault("renewed_on", RENEWAL_NEEDS_DAY(
            months=label(kind, "renewed_months"), renewed=label(kind, "renewed_on")))
    before(kind, row, errors, "agreement_date", "renewed_on")


TITLE_JOIN = " 带徒 "  # how the assessment titles a pair in the documents (assessment._TITLES)


def _cite(rec: dict, title: str) -> Cited:
    """Found by the master's and the apprentice's names, as the assessment titles the pair."""
    return Cited(title, rec["agreement_date"] or "", tuple(title.split(TITLE_JOIN)))


RULES = KindRules(
    cite=_cite,
    validate=_validate,
    span=Span("agreement_date", ("graduated_on", "ended_on")),
    later={"graduated_on": ("promoted", "grade"), "ended_on": (),
           "renewed_on": ("renewed_months",)},
    section=Both("师徒结对", "Mentoring pairs"),
    columns=("master", "apprentice", "apprentice_name", "agreement_date", "goal", "graduated_on",
             "ended_on", "grade", "renewed_on"),
    count_words=("本年度在带师徒结对", "Mentoring pairs under way", "对"),
)
