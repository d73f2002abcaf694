"""Every enumeration of the domain, with its Chinese and English labels, in one place.

Members are strings (their code is what the database stores), so they compare equal to the
stored text and serialise to JSON as-is.
"""

from __future__ import annotations

from enum import StrEnum


class Choice(StrEnum):
    def __new__(cls, value: str, zh: str, en: str) -> Choice:
        obj = str.__new__(cls, value)
        obj._value_ = value
        obj.zh = zh
        obj.en = en
        return obj

    @classmethod
    def label(cls, code: str | None) -> str:
        try:
            return cls(code).zh
        except ValueError:
            return code or ""


class Level(Choice):
    NATIONAL = "national", "全国级", "National"
    PROVINCIAL = "provincial", "省级", "Provincial"
    CITY = "city", "市级", "City"
    DISTRICT = "district", "区县级", "District"
    ENTERPRISE = "enterprise", "企业级", "Enterprise"


LEVEL_RANK = {lv: i for i, lv in enumerate(Level)}  # lower is higher


class ProjectLevel(Choice):
    UNIT = "unit", "单位级", "Unit"
    CITY = "city", "市级", "City"
    PROVINCIAL = "provincial", "省级", "Provincial"
    NATIONAL = "national", "国家级", "National"


class ProjectSource(Choice):
    """Where a project came from (立项来源); 揭榜挂帅 was a level before step 16."""

    SELF = "self", "自主立项", "Set by the studio"
    ASSIGNED = "assigned", "上级下达", "Assigned from above"
    OPEN_CALL = "open_call", "揭榜挂帅", "Open call (jiebang guashuai)"
    COMMISSIONED = "commissioned", "企业委托", "Commissioned by a firm"
    OTHER = "other", "其他", "Other"


class UnitType(Choice):
    STATE = "state", "国有企业", "State-owned"
    PRIVATE = "private", "非公企业", "Non-public"
    PUBLIC_INSTITUTION = "institution", "事业单位", "Public institution"
    OTHER = "other", "其他", "Other"


class Direction(Choice):
    TECHNOLOGY = "technology", "技术创新", "Technology"
    MANAGEMENT = "management", "管理创新", "Management"
    SERVICE = "service", "服务创新", "Service"
    MECHANISM = "mechanism", "机制创新", "Mechanism"


class StarGrade(Choice):
    NONE = "none", "无星级", "No star"
    ONE = "one", "一星", "One star"
    TWO = "two", "二星", "Two stars"
    THREE = "three", "三星", "Three stars"


class RecognitionStatus(Choice):
    VALID = "valid", "有效", "Valid"
    UNDER_REVIEW = "under_review", "复审中", "Under review"
    REVOKED = "revoked", "撤销", "Revoked"
    REMOVED = "removed", "摘牌", "Plaque removed"
    RENAMED = "renamed", "更名", "Renamed"


# A recognition with one of these statuses stops being valid on its status date; 复审中 and 更名
# keep the naming (and the level it gives) in force.
ENDING_STATUSES = frozenset({RecognitionStatus.REVOKED, RecognitionStatus.REMOVED})


class PartyOrg(Choice):
    NONE = "none", "无", "None"
    PIONEER_POST = "pioneer_post", "党员先锋岗", "Party-member pioneer post"
    PARTY_GROUP = "party_group", "劳模党小组", "Party group"
    PARTY_BRANCH = "party_branch", "劳模党支部", "Party branch"


class AllianceRole(Choice):
    LEADER = "leader", "盟主", "Alliance leader"
    MEMBER = "member", "成员", "Member"


class Sex(Choice):
    MALE = "male", "男", "Male"
    FEMALE = "female", "女", "Female"


class Education(Choice):
    DOCTORATE = "doctorate", "博士研究生", "Doctorate"
    MASTER = "master", "硕士研究生", "Master"
    BACHELOR = "bachelor", "大学本科", "Bachelor"
    COLLEGE = "college", "大专", "College"
    TECHNICAL = "technical", "中专/技校", "Technical school"
    HIGH_SCHOOL = "high_school", "高中", "High school"
    JUNIOR = "junior", "初中及以下", "Junior school or below"


class SkillLevel(Choice):
    GRADE5 = "grade5", "初级工", "Junior worker"
    GRADE4 = "grade4", "中级工", "Intermediate worker"
    GRADE3 = "grade3", "高级工", "Senior worker"
    GRADE2 = "grade2", "技师", "Technician"
    GRADE1 = "grade1", "高级技师", "Senior technician"
    SPECIAL = "special", "特级技师", "Special-grade technician"
    CHIEF = "chief", "首席技师", "Chief technician"


class MemberRole(Choice):
    LEADER = "leader", "领衔人", "Leader"
    CORE = "core", "骨干", "Core member"
    MEMBER = "member", "成员", "Member"


class RuleCategory(Choice):
    TRAINING = "training", "学习培训", "Study and training"
    MANAGEMENT = "management", "管理", "Management"
    INCENTIVE = "incentive", "奖励激励", "Rewards and incentives"
    PROJECT = "project", "课题管理", "Project management"
    EVALUATION = "evaluation", "成果评价", "Result evaluation"
    FUNDS = "funds", "经费管理", "Fund management"
    DUTIES = "duties", "岗位职责", "Post duties"
    OTHER = "other", "其他", "Other"


class FundSource(Choice):
    UNION = "union", "工会拨款", "Union grant"
    HOST_UNIT = "host_unit", "单位配套", "Host-unit funding"
    AWARD = "award", "奖励", "Award"
    OTHER = "other", "其他", "Other"


class FundCategory(Choice):
    EQUIPMENT = "equipment", "设备", "Equipment"
    TRAINING = "training", "培训", "Training"
    PROJECT = "project", "课题", "Project"
    MATERIAL = "material", "材料", "Materials"
    OTHER = "other", "其他", "Other"


class FundDirection(Choice):
    INCOME = "income", "收入", "Income"
    EXPENSE = "expense", "支出", "Expense"


class TargetMetric(Choice):
    PROJECTS = "projects", "创新课题数（项）", "Projects"
    RESULTS = "results", "创新成果数（项）", "Results"
    PATENTS = "patents", "专利数（件）", "Patents"
    TRAINING_PERSON_TIMES = "training_person_times", "培训人次", "Training person-times"
    TRAINING_SESSIONS = "training_sessions", "培训场次", "Training sessions"
    APPRENTICES = "apprentices", "带徒人数", "Apprentices"
    PROMOTIONS = "promotions", "技能晋级人数", "Skill promotions"
    BENEFIT_FEN = "benefit_fen", "经济效益（万元）", "Economic benefit (10k yuan)"


class ProjectType(Choice):
    RENOVATION = "renovation", "技术革新", "Technical renovation"
    BREAKTHROUGH = "breakthrough", "技术攻关", "Technical breakthrough"
    TRANSFORMATION = "transformation", "技术改造", "Technical transformation"
    COOPERATION = "cooperation", "技术协作", "Technical cooperation"
    INVENTION = "invention", "发明创造", "Invention"
    ENERGY_SAVING = "energy_saving", "节能降耗", "Energy saving"
    MANAGEMENT = "management", "管理创新", "Management innovation"
    SERVICE = "service", "服务创新", "Service innovation"
    OTHER = "other", "其他", "Other"


class ProjectStatus(Choice):
    APPROVED = "approved", "立项", "Approved"
    IN_PROGRESS = "in_progress", "进行中", "In progress"
    CONCLUDED = "concluded", "结题", "Concluded"
    ROLLED_OUT = "rolled_out", "推广应用", "Rolled out"


class ActivityType(Choice):
    MEETING = "meeting", "例会", "Regular meeting"
    TRAINING = "training", "培训", "Training"
    BREAKTHROUGH = "breakthrough", "技术攻关", "Technical breakthrough"
    EXCHANGE = "exchange", "技术交流", "Technical exchange"
    CONTEST = "contest", "技能比武", "Skills contest"
    LECTURE = "lecture", "宣讲", "Lecture tour"
    STUDY_TRIP = "study_trip", "外出学习", "Study trip"
    FIELD_SERVICE = "field_service", "现场服务（出诊）", "Field service"
    CONSULTING = "consulting", "技术咨询", "Technical consulting"
    SCHOOL_COOPERATION = "school_cooperation", "校企合作", "School-enterprise cooperation"
    PARTY = "party", "党建活动", "Party-building activity"
    UNVEILING = "unveiling", "揭牌仪式", "Plaque unveiling"
    OTHER = "other", "其他", "Other"
    FIRM_SERVICE = "firm_service", "助企行/技术服务", "Service to firms"
    ACADEMY_TEACHING = "academy_teaching", "工匠学院授课", "Teaching at a craftsman academy"


class ResultType(Choice):
    RENOVATION = "renovation", "技术革新", "Technical renovation"
    BREAKTHROUGH = "breakthrough", "技术攻关", "Technical breakthrough"
    TRANSFORMATION = "transformation", "技术改造", "Technical transformation"
    INVENTION = "invention", "发明创造", "Invention"
    PATENT = "patent", "专利", "Patent"
    OPERATING_METHOD = "operating_method", "先进操作法", "Advanced operating method"
    SUGGESTION = "suggestion", "合理化建议", "Rationalisation proposal"
    FIVE_SMALL = "five_small", "五小成果", "\"Five small\" result"
    QC = "qc", "QC成果", "QC result"
    PAPER = "paper", "论文", "Paper"
    STANDARD = "standard", "标准", "Standard"
    SOFTWARE = "software", "软件著作权", "Software copyright"
    OTHER = "other", "其他", "Other"
    CONSTRUCTION_METHOD = "construction_method", "工法", "Construction method (gongfa)"
    WORK_METHOD = "work_method", "先进工作法", "Advanced work method"
    COOPERATION = "cooperation", "技术协作", "Technical cooperation"


# Result types that count as "technical innovations and breakthroughs" in union targets.
TECHNICAL_RESULT_TYPES = (
    ResultType.RENOVATION, ResultType.BREAKTHROUGH, ResultType.TRANSFORMATION,
    ResultType.INVENTION, ResultType.PATENT, ResultType.OPERATING_METHOD,
    ResultType.FIVE_SMALL, ResultType.QC,
)


class PatentKind(Choice):
    INVENTION = "invention", "发明专利", "Invention patent"
    UTILITY = "utility", "实用新型专利", "Utility model"
    DESIGN = "design", "外观设计专利", "Design patent"


class PatentStatus(Choice):
    FILED = "filed", "已受理", "Filed"
    GRANTED = "granted", "已授权", "Granted"
    REJECTED = "rejected", "已驳回", "Rejected"
    LAPSED = "lapsed", "已失效", "Lapsed"


class AwardGrade(Choice):
    SPECIAL = "special", "特等奖", "Special prize"
    FIRST = "first", "一等奖", "First prize"
    SECOND = "second", "二等奖", "Second prize"
    THIRD = "third", "三等奖", "Third prize"
    MERIT = "merit", "优秀奖", "Merit award"


class BenefitKind(Choice):
    INCREASE = "increase", "增收", "Revenue increase"
    SAVING = "saving", "节支", "Cost saving"
    OTHER = "other", "其他", "Other"


# ---- the registers unions count (issue 16 §3) -------------------------------------------------

# 工法 and 先进工作法 are counted with the technical innovations, as unions tally them
TECHNICAL_RESULT_TYPES += (ResultType.CONSTRUCTION_METHOD, ResultType.WORK_METHOD)


class ProposalStatus(Choice):
    """A rationalisation proposal's way: 提出 → 审核 → 采纳 → 实施 → 验收, or not adopted."""

    PROPOSED = "proposed", "提出", "Proposed"
    REVIEWED = "reviewed", "审核", "Under review"
    ADOPTED = "adopted", "采纳", "Adopted"
    IMPLEMENTED = "implemented", "实施", "Implemented"
    ACCEPTED = "accepted", "验收", "Accepted"
    NOT_ADOPTED = "not_adopted", "未采纳", "Not adopted"


class QcStage(Choice):
    PLAN = "plan", "计划（P）", "Plan (P)"
    DO = "do", "实施（D）", "Do (D)"
    CHECK = "check", "检查（C）", "Check (C)"
    ACT = "act", "处置（A）", "Act (A)"
    FINISHED = "finished", "已结题", "Finished"


class MentorGrade(Choice):
    """The 出师 assessment grade, which decides the master's allowance."""

    EXCELLENT = "excellent", "优秀", "Excellent"
    GOOD = "good", "良好", "Good"
    PASS = "pass", "合格", "Pass"
    FAIL = "fail", "不合格", "Fail"
# --- notices (通知) and what produces each required item (issue 16 §1) ---------------------

class NoticeSource(Choice):
    """What produces a notice's required item: a document of reports/documents.py (the code is
    its key), a union's own form filled from the ledger, or something made outside the program."""

    ANNUAL = "annual", "年度工作总结", "Annual summary"
    PACKET = "packet", "考核材料", "Review packet"
    ASSESS_SHEET = "assess_sheet", "自评表", "Self-assessment sheet"
    PLAN = "plan", "年度工作计划", "Work plan"
    BOOK_ACTIVITIES = "book_activities", "活动记录", "Activity records"
    BOOK_TRAININGS = "book_trainings", "培训记录", "Training records"
    BOOK_MENTORING = "book_mentoring", "师徒结对登记表", "Mentoring register"
    BOOK_RESULTS = "book_results", "创新成果登记表", "Innovation results register"
    BOOK_FUNDS = "book_funds", "经费明细账", "Funds cash book"
    BOOK_MEMBERS = "book_members", "成员名册", "Member roster"
    UNION_FORM = "union_form", "工会表单（填写单位表单）", "Union form (fill a form)"
    OTHER = "other", "其他", "Other"
# ---- offices above offices (issue 16 §5): the level of a union office -------------------------

class OfficeLevel(Choice):
    COUNTY = "county", "区县", "District or county"
    CITY = "city", "市", "City"
    PROVINCE = "province", "省", "Province"


OFFICE_RANK = {lv: i for i, lv in enumerate(OfficeLevel)}  # higher is higher
# -- issue 16 §4: studios of several kinds ------------------------------------------------------
class StudioCategory(Choice):
    MODEL_WORKER = "model_worker", "劳模创新工作室", "Model-worker innovation studio"
    CRAFTSMAN = "craftsman", "工匠人才创新工作室", "Craftsman innovation studio"
    WORKER = "worker", "职工创新工作室", "Workers' innovation studio"
    SKILL_MASTER = "skill_master", "技能大师工作室", "Skill master studio"
    TRADITIONAL_CRAFT = "traditional_craft", "传统工艺大师工作室", "Traditional craft master studio"


# a studio whose category was never set (a ledger from before categories): the first kind there was
DEFAULT_STUDIO_CATEGORY = StudioCategory.MODEL_WORKER
# ---- grants (补助资金) ----------------------------------------------------------------------------

class GrantFlag(Choice):
    """What is wrong with an expense drawn on a grant (ledger/kinds/grant.py decides it)."""

    OUTSIDE_CATEGORIES = "outside_categories", "超出可列支类别", "Not a category it may be spent on"
    BEFORE_PERIOD = "before_period", "早于使用期限", "Before its period"
    AFTER_PERIOD = "after_period", "超过使用期限", "After its period"
    OVER_AMOUNT = "over_amount", "超出补助金额", "Beyond its amount"
