"""The declaration of every record kind: its fields, their labels, types, limits and choices.

One declaration serves the database models (store/models.py), validation and services
(ledger/), and later the GUI's forms and tables and the exchange package. Changing a kind
here changes the schema: add a migration step with it (store/migrations.py).
"""

from __future__ import annotations

from dataclasses import dataclass

from laomo_desktop.store import enums as E

TEXT = "text"          # one line
LONGTEXT = "longtext"  # free text, paragraphs
INT = "int"
FLOAT = "float"
MONEY = "money"        # integer fen
DATE = "date"          # ISO yyyy-mm-dd
YEAR = "year"
BOOL = "bool"
CHOICE = "choice"      # one code of a Choice enum
MULTI = "multi"        # several codes of a Choice enum, comma-separated
REF = "ref"            # another record of the same studio, by uid

TEXT_MAX = 200
LONGTEXT_MAX = 20000


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    en: str
    type: str = TEXT
    required: bool = False
    max_len: int | None = None
    min: float | None = None
    max: float | None = None
    choices: type[E.Choice] | None = None
    ref: str | None = None

    @property
    def column(self) -> str:
        return f"{self.name}_id" if self.type == REF else self.name

    @property
    def text_limit(self) -> int:
        if self.max_len is not None:
            return self.max_len
        return LONGTEXT_MAX if self.type == LONGTEXT else TEXT_MAX


@dataclass(frozen=True)
class Child:
    """A list of sub-rows that belongs to one record and is versioned with it."""

    name: str
    label: str
    en: str
    table: str
    fields: tuple[Field, ...]
    max_items: int | None = None
    unique: str | None = None  # a field whose value may appear only once in the list


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    en: str
    table: str
    fields: tuple[Field, ...]
    title: str
    children: tuple[Child, ...] = ()
    indexes: tuple[tuple[str, ...], ...] = ()
    date_field: str | None = None
    per_studio: bool = True

    def field(self, name: str) -> Field:
        for f in self.fields:
            if f.name == name:
                return f
        raise KeyError(name)

    def child(self, name: str) -> Child:
        for c in self.children:
            if c.name == name:
                return c
        raise KeyError(name)


F = Field

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
