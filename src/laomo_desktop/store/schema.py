"""The declaration of every record kind: its fields, their labels, types, limits and choices.

One declaration serves the database models (store/models.py), validation and services
(ledger/), and later the GUI's forms and tables and the exchange package. Changing a kind
here changes the schema: add a migration step with it (store/migrations.py).
"""

from __future__ import annotations

from laomo_desktop.store import enums as E
from laomo_desktop.store.declare import (  # noqa: F401 - the declaration's names, used as S.<name>
    BOOL,
    CHOICE,
    DATE,
    FLOAT,
    INT,
    LONGTEXT,
    LONGTEXT_MAX,
    MONEY,
    MULTI,
    REF,
    TEXT,
    TEXT_MAX,
    YEAR,
    Child,
    F,
    Field,
    Kind,
)
from laomo_desktop.store.schema_year import (  # noqa: F401 - kinds of the union's year
    ALLIANCE,
    FIRM_SERVICE,
    GRANT,
    NOTICE,
    PROPOSAL,
    QC_GROUP,
    REGISTER_KINDS,
)

STUDIO = Kind(
    "studio", "工作室", "Studio", "studio", title="name", per_studio=False,
    fields=(
        F("name", "工作室名称", "Studio name", required=True, max_len=60),
        F("code", "工作室编号", "Studio code", max_len=20),
        F("host_unit", "所在单位", "Host unit", required=True, max_len=100),
        F("unit_type", "单位性质", "Unit type", CHOICE, choices=E.UnitType),
        F("industry", "所属行业", "Industry", max_len=50),
        F("founded_on", "成立日期", "Founded on", DATE, required=True),
        F("directions", "创新方向", "Innovation directions", MULTI, choices=E.Direction),
        F("room_address", "场所地址", "Room address", max_len=200),
        F("room_area", "场所面积（平方米）", "Room area (m²)", FLOAT, min=0, max=100000),
        F("room_functions", "场所功能", "Room functions", LONGTEXT, max_len=2000),
        F("has_plaque", "已悬挂标志牌匾", "Plaque displayed", BOOL),
        F("has_honour_board", "设有荣誉展示", "Honours board", BOOL),
        F("rules_on_wall", "制度上墙", "Rules on the wall", BOOL),
        F("party_org", "党组织形式", "Party organisation", CHOICE, choices=E.PartyOrg),
        F("party_org_founded_on", "党组织成立日期", "Party organisation founded", DATE),
        F("party_members", "党员人数", "Party members", INT, min=0, max=10000),
        F("contact_person", "联系人", "Contact person", max_len=30),
        F("contact_phone", "联系电话", "Contact phone", max_len=30),
        F("category", "工作室类别", "Studio category", CHOICE, choices=E.StudioCategory),
    ),
    children=(
        Child("recognitions", "命名表彰", "Recognitions", "studio_recognition", (
            F("level", "命名级别", "Level", CHOICE, required=True, choices=E.Level),
            F("demonstration", "示范性", "Demonstration status", BOOL),
            F("star", "星级", "Star grade", CHOICE, choices=E.StarGrade),
            F("body", "命名单位", "Issuing body", max_len=100),
            F("doc_no", "文件号", "Document no.", max_len=60),
            F("date", "命名日期", "Date", DATE, required=True),
            F("status", "命名状态", "Status", CHOICE, choices=E.RecognitionStatus),
            F("status_on", "状态变更日期", "Status since", DATE),
            F("next_review", "下次复审日期", "Next review", DATE),
        )),
        Child("party_changes", "党组织沿革", "Party organisation history",
              "studio_party_change", (
                  F("party_org", "党组织形式", "Party organisation", CHOICE, required=True,
                    choices=E.PartyOrg),
                  F("date", "起始日期", "From", DATE, required=True),
              )),
        Child("leaders", "领衔人沿革", "Leaders over time", "studio_leader", (
            F("name", "领衔人姓名", "Leader", required=True, max_len=30),
            F("since", "任领衔人起始日期", "Leader since", DATE, required=True),
        )),
    ),
)

MEMBER = Kind(
    "member", "成员", "Member", "member", title="name",
    indexes=(("role",),),
    fields=(
        F("name", "姓名", "Name", required=True, max_len=30),
        F("sex", "性别", "Sex", CHOICE, choices=E.Sex),
        F("birth_date", "出生日期", "Birth date", DATE),
        F("education", "学历", "Education", CHOICE, choices=E.Education),
        F("specialty", "专业", "Specialty", max_len=60),
        F("post", "岗位", "Post", max_len=60),
        F("title", "职称", "Technical title", max_len=60),
        F("party_member", "中共党员", "Party member", BOOL),
        F("role", "工作室角色", "Role", CHOICE, required=True, choices=E.MemberRole),
        F("joined_on", "加入日期", "Joined on", DATE),
        F("left_on", "退出日期", "Left on", DATE),
        F("phone", "联系电话", "Phone", max_len=30),
    ),
    children=(
        Child("skill_levels", "技能等级记录", "Skill-level history", "member_skill_level", (
            F("level", "技能等级", "Skill level", CHOICE, required=True, choices=E.SkillLevel),
            F("date", "取得日期", "Obtained on", DATE, required=True),
            F("certificate_no", "证书编号", "Certificate no.", max_len=60),
        )),
    ),
)

MENTORSHIP = Kind(
    "mentorship", "师徒结对", "Mentorship", "mentorship", title="apprentice_name",
    date_field="agreement_date", indexes=(("agreement_date",),),
    fields=(
        F("master", "师傅", "Master", REF, required=True, ref="member"),
        F("apprentice", "徒弟（本工作室成员）", "Apprentice (member)", REF, ref="member"),
        F("apprentice_name", "徒弟姓名", "Apprentice name", max_len=30),
        F("agreement_date", "协议签订日期", "Agreement date", DATE, required=True),
        F("period_months", "带徒期限（月）", "Period (months)", INT, min=1, max=120),
        F("goal", "培养目标", "Goal", max_len=200),
        F("target_level", "目标技能等级", "Target skill level", CHOICE, choices=E.SkillLevel),
        F("plan", "培养计划", "Plan", LONGTEXT),
        F("graduated_on", "出师日期", "Graduated on", DATE),
        F("ended_on", "解除日期（未出师）", "Ended without graduating", DATE),
        F("promoted", "徒弟已晋级", "Apprentice promoted", BOOL),
        F("outcome", "带徒成效", "Outcome", LONGTEXT),
        # issue 16 §3: the 出师 assessment, the master's allowance, renewal
        F("grade", "出师考核等级", "Graduation grade", CHOICE, choices=E.MentorGrade),
        F("allowance_fen", "师傅带徒津贴（每月）", "Master's allowance (a month)", MONEY),
        F("renewed_on", "续签日期", "Renewed on", DATE),
        F("renewed_months", "续签期限（月）", "Renewed for (months)", INT, min=1, max=120),
    ),
    children=(
        Child("records", "带徒记录", "Mentoring records", "mentorship_record", (
            F("date", "记录日期", "Date", DATE, required=True),
            F("content", "带徒内容与进展", "What was taught, progress", required=True,
              max_len=500),
        )),
    ),
)

RULE = Kind(
    "rule", "制度", "Rule", "rule", title="title", date_field="adopted_on",
    fields=(
        F("title", "制度名称", "Title", required=True, max_len=100),
        F("category", "制度类别", "Category", CHOICE, required=True, choices=E.RuleCategory),
        F("adopted_on", "制定日期", "Adopted on", DATE),
        F("repealed_on", "废止日期", "Repealed on", DATE),
        F("revision", "版本", "Revision", max_len=20),
        F("text", "制度内容", "Text", LONGTEXT),
        F("on_wall", "已上墙", "Posted on the wall", BOOL),
    ),
)

EQUIPMENT = Kind(
    "equipment", "设备设施", "Equipment", "equipment", title="name", date_field="acquired_on",
    fields=(
        F("name", "设备名称", "Name", required=True, max_len=100),
        F("quantity", "数量", "Quantity", INT, min=0, max=100000),
        F("value_fen", "价值", "Value", MONEY),
        F("acquired_on", "购置日期", "Acquired on", DATE),
        F("disposed_on", "处置日期（报废/调出）", "Disposed of on", DATE),
        F("funding_source", "资金来源", "Funding source", CHOICE, choices=E.FundSource),
        F("note", "备注", "Note", max_len=500),
    ),
)

PLAN = Kind(
    "plan", "年度计划", "Yearly plan", "plan", title="year", indexes=(("year",),),
    fields=(
        F("year", "年度", "Year", YEAR, required=True),
        F("measures", "主要措施", "Measures", LONGTEXT),
        F("schedule", "进度安排", "Schedule", LONGTEXT),
        F("problems", "存在问题", "Problems", LONGTEXT),
        F("next_year", "下一年度计划", "Next year's plan", LONGTEXT),
    ),
    children=(
        Child("targets", "年度目标", "Targets", "plan_target", (
            F("metric", "指标", "Metric", CHOICE, required=True, choices=E.TargetMetric),
            F("value", "目标值", "Target", INT, required=True, min=0, max=10**12),
        ), unique="metric"),
    ),
)

PROJECT = Kind(
    "project", "创新课题", "Project", "project", title="title", date_field="start_date",
    indexes=(("start_date",),),
    fields=(
        F("title", "课题名称", "Title", required=True, max_len=100),
        F("type", "课题类型", "Type", CHOICE, required=True, choices=E.ProjectType),
        F("level", "课题级别", "Level", CHOICE, choices=E.ProjectLevel),
        F("source", "立项来源", "Source", CHOICE, choices=E.ProjectSource),
        F("leader", "课题负责人", "Project leader", REF, ref="member"),
        F("partners", "合作单位", "Partners", max_len=200),
        F("start_date", "开始日期", "Start", DATE, required=True),
        F("end_date", "结束日期", "End", DATE),
        F("status", "课题状态", "Status", CHOICE, required=True, choices=E.ProjectStatus),
        F("budget_fen", "预算", "Budget", MONEY),
        F("description", "课题内容", "Description", LONGTEXT),
        F("alliance", "联盟联合项目（所属联盟）", "Joint project of alliance", REF, ref="alliance"),
    ),
    children=(
        Child("participants", "参与成员", "Participants", "project_participant", (
            F("member", "成员", "Member", REF, required=True, ref="member"),
        ), unique="member"),
    ),
)

ACTIVITY = Kind(
    "activity", "活动", "Activity", "activity", title="topic", date_field="date",
    indexes=(("date",), ("type", "date")),
    fields=(
        F("date", "活动日期", "Date", DATE, required=True),
        F("type", "活动类型", "Type", CHOICE, required=True, choices=E.ActivityType),
        F("topic", "主题", "Topic", required=True, max_len=100),
        F("place", "地点", "Place", max_len=100),
        F("host", "主持人/主讲人", "Host", max_len=60),
        F("outside_count", "外部参加人数", "Outside attendees", INT, min=0, max=100000),
        F("hours", "学时", "Hours", FLOAT, min=0, max=1000),
        F("summary", "活动内容", "Summary", LONGTEXT),
        F("outcome", "活动成效", "Outcome", LONGTEXT),
        F("agenda", "会议议程", "Agenda", LONGTEXT),
        F("minutes", "会议纪要", "Minutes", LONGTEXT),
        F("decisions", "会议决定", "Decisions", LONGTEXT),
    ),
    children=(
        Child("attendees", "参加成员", "Member attendees", "activity_attendee", (
            F("member", "成员", "Member", REF, required=True, ref="member"),
        ), unique="member"),
        Child("follow_ups", "待办事项", "Follow-up actions", "activity_follow_up", (
            F("what", "事项", "Action", required=True, max_len=200),
            F("owner", "负责人", "Owner", REF, ref="member"),
            F("due", "完成期限", "Due", DATE),
            F("done", "已完成", "Done", BOOL),
        )),
    ),
)

RESULT = Kind(
    "result", "创新成果", "Result", "result", title="title", date_field="date",
    indexes=(("date",),),
    fields=(
        F("title", "成果名称", "Title", required=True, max_len=100),
        F("type", "成果类型", "Type", CHOICE, required=True, choices=E.ResultType),
        F("date", "完成日期", "Date", DATE, required=True),
        F("project", "所属课题", "Project", REF, ref="project"),
        F("applied_where", "推广应用单位/范围", "Applied where", max_len=200),
        F("applied_since", "推广应用起始日期", "Applied since", DATE),
        F("patent_kind", "专利类型", "Patent kind", CHOICE, choices=E.PatentKind),
        F("patent_no", "专利号/申请号", "Patent no.", max_len=40),
        F("patent_status", "专利状态", "Patent status", CHOICE, choices=E.PatentStatus),
        F("patent_filed_on", "专利申请日", "Filed on", DATE),
        F("patent_granted_on", "专利授权日", "Granted on", DATE),
        F("award_name", "获奖名称", "Award", max_len=100),
        F("award_level", "获奖级别", "Award level", CHOICE, choices=E.Level),
        F("award_grade", "获奖等次", "Award grade", CHOICE, choices=E.AwardGrade),
        F("award_year", "获奖年度", "Award year", YEAR),
        F("award_body", "颁奖单位", "Awarding body", max_len=100),
        F("recognition_level", "认定级别", "Recognition level", CHOICE, choices=E.Level),
    ),
    children=(
        Child("contributors", "完成人（按排序）", "Contributors (in order)", "result_contributor", (
            F("member", "成员", "Member", REF, ref="member"),
            F("name", "外单位人员姓名", "Outside contributor", max_len=30),
        )),
        Child("points", "创新点", "Innovation points", "result_point", (
            F("text", "创新点", "Innovation point", required=True, max_len=500),
        ), max_items=3),
    ),
)

BENEFIT = Kind(
    "benefit", "经济效益", "Economic benefit", "benefit", title="basis",
    indexes=(("year",),),
    fields=(
        F("result", "对应成果", "Result", REF, ref="result"),
        F("year", "效益年度", "Year", YEAR, required=True),
        F("amount_fen", "效益金额", "Amount", MONEY, required=True),
        F("kind", "效益类别", "Kind", CHOICE, required=True, choices=E.BenefitKind),
        F("basis", "计算依据", "Calculation basis", LONGTEXT, required=True, max_len=5000),
        F("certified_by", "认定部门", "Certified by", max_len=100),
    ),
)

FUND = Kind(
    "fund", "经费", "Fund entry", "fund", title="note", date_field="date",
    indexes=(("date",),),
    fields=(
        F("date", "日期", "Date", DATE, required=True),
        F("direction", "收支", "Income/expense", CHOICE, required=True, choices=E.FundDirection),
        F("source", "经费来源", "Source", CHOICE, choices=E.FundSource),
        F("category", "支出类别", "Category", CHOICE, choices=E.FundCategory),
        F("amount_fen", "金额", "Amount", MONEY, required=True),
        F("voucher_no", "凭证号", "Voucher no.", max_len=40),
        F("approver", "审批人", "Approver", max_len=30),
        F("project", "关联课题", "Project", REF, ref="project"),
        F("activity", "关联活动", "Activity", REF, ref="activity"),
        F("note", "摘要", "Note", max_len=200),
        F("grant", "列支补助资金", "Drawn on grant", REF, ref="grant"),
        F("alliance", "联盟经费（所属联盟）", "Alliance funds of", REF, ref="alliance"),
    ),
)

HONOUR = Kind(
    "honour", "荣誉", "Honour", "honour", title="name", indexes=(("year",),),
    fields=(
        F("holder", "获得者（空为工作室）", "Holder (empty: the studio)", REF, ref="member"),
        F("name", "荣誉名称", "Honour", required=True, max_len=100),
        F("level", "荣誉级别", "Level", CHOICE, required=True, choices=E.Level),
        F("year", "获得年度", "Year", YEAR, required=True),
        F("body", "授予单位", "Awarding body", max_len=100),
    ),
)

ATTACHMENT = Kind(
    "attachment", "附件", "Attachment", "attachment", title="filename",
    indexes=(("owner_uid",), ("sha256",)),
    fields=(
        F("owner_kind", "所属记录类型", "Record kind", required=True, max_len=20),
        F("owner_uid", "所属记录", "Record", required=True, max_len=36),
        F("sha256", "内容摘要", "SHA-256", required=True, max_len=64),
        F("size", "大小（字节）", "Size (bytes)", INT, required=True, min=0, max=10**12),
        F("filename", "文件名", "File name", required=True, max_len=255),
        F("title", "说明", "Caption", max_len=200),
    ),
)

RESERVED = frozenset({"id", "uid", "studio", "created_at", "updated_at", "version", "deleted_at"})

KINDS: tuple[Kind, ...] = (
    STUDIO, MEMBER, MENTORSHIP, RULE, EQUIPMENT, PLAN, PROJECT, ACTIVITY, RESULT, BENEFIT,
    FUND, HONOUR,
    *REGISTER_KINDS,
    NOTICE,
    ATTACHMENT,
)
KINDS = KINDS[:KINDS.index(FUND)] + (GRANT,) + KINDS[KINDS.index(FUND):]  # before the fund
# an alliance before the projects and funds that refer to it (models, imports resolve in order)
KINDS = KINDS[:KINDS.index(PROJECT)] + (ALLIANCE,) + KINDS[KINDS.index(PROJECT):]
BY_NAME = {k.name: k for k in KINDS}

for _k in KINDS:  # a declared field must never shadow a column every record has
    assert not RESERVED & {f.name for f in _k.fields}, _k.name


def kind(name: str) -> Kind:
    return BY_NAME[name]
