"""The record kinds of the union's year (issue 16): notices, the registers unions count
(合理化建议, QC 小组, 助企服务), grants and alliances. Part of the declaration of every record kind
(store/schema.py lists them in KINDS); changing one needs a migration step."""

from __future__ import annotations

from laomo_desktop.store import enums as E
from laomo_desktop.store.declare import (
    BOOL,
    CHOICE,
    DATE,
    INT,
    LONGTEXT,
    MONEY,
    MULTI,
    REF,
    YEAR,
    Child,
    F,
    Kind,
)

# --- notices (通知): what the union asks for, by when (issue 16 §1) -------------------------
NOTICE = Kind(
    "notice", "通知", "Notice", "notice", title="title", date_field="due_on",
    indexes=(("due_on",),),
    fields=(
        F("issuer", "发文单位", "Issued by", required=True, max_len=100),
        F("doc_no", "文号", "Document no.", max_len=60),
        F("title", "通知标题", "Title", required=True, max_len=200),
        F("received_on", "收文日期", "Received on", DATE),
        F("due_on", "截止日期", "Due on", DATE, required=True),
        F("closed_on", "办结日期", "Closed on", DATE),
        F("note", "备注", "Note", LONGTEXT, max_len=2000),
    ),
    children=(
        Child("items", "报送材料", "Required items", "notice_item", (
            F("what", "报送材料", "Item to hand in", required=True, max_len=200),
            F("source", "生成方式", "Produced by", CHOICE, choices=E.NoticeSource),
            F("done", "已完成", "Done", BOOL),
            F("done_on", "完成日期", "Done on", DATE),
        ), max_items=50),
    ),
)

# ---- the registers unions count (issue 16 §3) -----------------------------------------------

PROPOSAL = Kind(
    "proposal", "合理化建议", "Rationalisation proposal", "proposal", title="title",
    date_field="date", indexes=(("date",),),
    fields=(
        F("title", "建议名称", "Title", required=True, max_len=100),
        F("date", "提出日期", "Proposed on", DATE, required=True),
        F("content", "建议内容", "Content", LONGTEXT),
        F("status", "建议状态", "Status", CHOICE, required=True, choices=E.ProposalStatus),
        F("reviewed_on", "审核日期", "Reviewed on", DATE),
        F("adopted_on", "采纳日期", "Adopted on", DATE),
        F("implemented_on", "实施日期", "Implemented on", DATE),
        F("accepted_on", "验收日期", "Accepted on", DATE),
        F("amount_fen", "经济效益", "Economic benefit", MONEY),
        F("department", "受理部门", "Handled by", max_len=100),
    ),
    children=(
        Child("proposers", "建议人", "Proposers", "proposal_proposer", (
            F("member", "成员", "Member", REF, required=True, ref="member"),
        ), unique="member"),
    ),
)

QC_GROUP = Kind(
    "qc_group", "QC小组", "QC group", "qc_group", title="name", indexes=(("year",),),
    fields=(
        F("year", "注册年度", "Year registered", YEAR, required=True),
        F("name", "小组名称", "Group name", required=True, max_len=100),
        F("registration_no", "注册编号", "Registration no.", max_len=40),
        F("topic", "活动课题", "Topic", required=True, max_len=200),
        F("leader", "组长", "Group leader", REF, ref="member"),
        F("stage", "活动阶段", "Stage", CHOICE, required=True, choices=E.QcStage),
        F("result", "活动成果", "Result", max_len=200),
        F("award_level", "成果获奖级别", "Award level", CHOICE, choices=E.Level),
        F("award_grade", "成果获奖等次", "Award grade", CHOICE, choices=E.AwardGrade),
    ),
    children=(
        Child("members", "小组成员", "Group members", "qc_group_member", (
            F("member", "成员", "Member", REF, required=True, ref="member"),
        ), unique="member"),
    ),
)

FIRM_SERVICE = Kind(
    "firm_service", "助企服务", "Service to a firm", "firm_service", title="problem",
    date_field="date", indexes=(("date",),),
    fields=(
        F("date", "服务日期", "Date", DATE, required=True),
        F("firm", "服务企业", "Firm", required=True, max_len=100),
        F("problem", "技术难题", "Problem", required=True, max_len=200),
        F("solved", "已解决", "Solved", BOOL),
        F("trained", "培训职工（人次）", "Workers trained (person-times)", INT, min=0,
          max=1000000),
        F("solution", "解决措施与成效", "What was done", LONGTEXT),
    ),
    children=(
        Child("servers", "服务人员", "Served by", "firm_service_server", (
            F("member", "成员", "Member", REF, required=True, ref="member"),
        ), unique="member"),
    ),
)

REGISTER_KINDS = (PROPOSAL, QC_GROUP, FIRM_SERVICE)

# ---- grants (补助资金): a sum from a named body, spent on set categories within a period ----
GRANT = Kind(
    "grant", "补助资金", "Grant", "grant", title="name", date_field="received_on",
    indexes=(("received_on",),),
    fields=(
        F("name", "补助资金名称", "Grant", required=True, max_len=100),
        F("body", "拨付单位", "Granting body", required=True, max_len=100),
        F("doc_no", "文号", "Document no.", max_len=60),
        F("amount_fen", "金额", "Amount", MONEY, required=True),
        F("received_on", "到账日期", "Received on", DATE, required=True),
        F("categories", "可列支类别", "May be spent on", MULTI, choices=E.FundCategory),
        F("period_from", "使用期限起", "Usable from", DATE),
        F("period_to", "使用期限止", "Usable until", DATE),
        F("conditions", "使用条件", "Conditions", LONGTEXT, max_len=5000),
    ),
)

# ---- alliances (联盟): the studio's record of an alliance it belongs to or leads ----
ALLIANCE = Kind(
    "alliance", "创新联盟", "Alliance", "alliance", title="name", indexes=(("joined_on",),),
    fields=(
        F("name", "联盟名称", "Alliance", required=True, max_len=100),
        F("role", "本工作室角色", "This studio's role", CHOICE, required=True,
          choices=E.AllianceRole),
        F("founded_on", "联盟成立日期", "Founded on", DATE),
        F("lead_studio", "盟主工作室", "Lead studio", max_len=100),
        F("joined_on", "加入日期", "Joined on", DATE),
        F("left_on", "退出日期", "Left on", DATE),
        F("aims", "联盟宗旨与合作方向", "Aims and fields of work", LONGTEXT, max_len=5000),
    ),
    children=(
        Child("members", "成员工作室", "Member studios", "alliance_member", (
            F("studio_name", "工作室名称", "Studio", required=True, max_len=100),
            F("host_unit", "所在单位", "Host unit", max_len=100),
            F("role", "联盟角色", "Role", CHOICE, choices=E.AllianceRole),
        ), max_items=200),
        Child("plans", "年度计划", "Yearly plans", "alliance_plan", (
            F("year", "年度", "Year", YEAR, required=True),
            F("joint_projects", "计划联合项目（项）", "Joint projects planned", INT, min=0,
              max=1000),
            F("tasks", "年度任务", "Tasks of the year", max_len=1000),
        ), unique="year"),
    ),
)
