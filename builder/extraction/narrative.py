"""Figures stated in the prose, each with the sentence it came from.

For pre-2019 reports they are the only data; for templated reports the checks
compare them with the tables. Patterns are data: a key, a regular expression
whose ``n`` group is the number, and whether the wording is a negation (0).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from ..limits import MAX_NUMBER_DIGITS, checkpoint
from .layout import glyph_digits
from .literals import Requirements, holds_words, required_words

# A count in Chinese numerals (收到申请三件, 两起行政诉讼; in the financial forms too: 叁拾陆件), read whole: not an
# ordinal (第三件) or the tail of one.
_CN_NUMERALS = "零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟"
_N = (r"(?:约|近|逾|超过|大约|(?<![统审设估会核])计)?\s*"  # (近300件, 逾千件: a round count, read as approximate;
      # 申请计110件: 计 as 共计 is, unless it is a word's own character: 统计, 审计, 设计)
      r"(?P<n>(?<!\d)\d+(?:,\d{3})*(?:\.\d+)?|(?<![第每万数几" + _CN_NUMERALS + r"])[" + _CN_NUMERALS + r"]{1,8}"
      r"(?:万[" + _CN_NUMERALS + r"]{1,8})?)(?!几)"  # 一万二千余条 whole: its 二千 is no count of its own; 数十件,
      # 几十件 and 十几件 no count at all
      # spaces taken once (a run of them is tried one way); 1.2万条, 4千余条: a round count
      r"\s*+(?P<wan>万(?!元)|(?<=\d)千(?![元米克瓦]))?\s*+(?P<approx>多|余)?\s*+")
_HAS_NUMBER = re.compile(r"[\d" + _CN_NUMERALS + "]")
_APPROX_BEFORE = re.compile(r"(?:约|近|超过|逾|大约)\s*$")
_GAP = r"[^。；;，,]{0,30}?"
# Between 收到 and 申请 of a disclosure application: no review, litigation or complaint (行政复议申请), no
# licensing (受理建设项目环境影响评价审批申请386件), nor a carry-over (原梅列区受理、结转至本年度办理的申请2件: last year's).
_APPLICATION_GAP = r"(?:(?!复议|诉讼|举报|投诉|结转|审批|许可|共享)[^。；;，,]){0,30}?"
_NEGATED_APPLICATION_GAP = r"(?:(?!复议|诉讼|举报|投诉)[^。；;，,]){0,20}?"
# A negation about review or litigation stays in its clause, and is not about their outcomes
# (无被撤销或确认违法的行政复议决定 says nothing of how many there were).
_CASE_GAP = r"(?:(?!撤销|纠错|纠正|违法|败诉)[^。；;，,]){0,30}?"
# What a count of cases may say of their cause before naming them: 1起因政府信息公开引发的行政复议.
_CAUSED = r"(?:(?:因|涉及)政府信息公开(?:工作)?(?:引发|引起|产生|而提起)?的?)?(?:政府信息公开)?"
_SUED = r"(?:被?(?:提起|起诉|申请))?"
# Among a count of cases, those about disclosure (，其中涉及政府信息公开的4件, 其中政府信息公开类2件).
_DISCLOSURE_ONES = (r"其中(?:涉及|因|属于?|关于)?(?:政府)?信息公开(?:工作|申请)?(?:类|的|方面|相关的?|(?:而)?引(?:发|起)的?)?"
                    r"(?:行政复议|行政诉讼)?(?:案件|申请)?的?(?:有|为|共)?\s*")
# A bracket's aside after a count (7,436件（主要涉及专利、商标审查事项），其中…), and the spaces around it.
_ASIDE = r"\s*(?:[（(][^（()）]{0,40}[)）]\s*)?"
_NOT_OUTCOME = r"(?![^。；;，,、]{0,4}?(?:决定|结果|被|纠错|纠正|败诉|判决))"
# Cases named before their outcome (2件行政复议、行政诉讼案件被纠错; 3件行政复议案件、1件行政诉讼案件被纠正) are the
# outcome's, not the year's.
_NOT_CORRECTED = r"(?![^。；;，,\d]{0,12}?(?:、\s*\d+\s*(?:件|起|宗)[^。；;，,\d]{0,12}?)?(?:纠错|纠正|撤销|确认违法|败诉))"
# Fees that are not for disclosure: a body's 行政事业性收费, 工本费, fines.
_NOT_OTHER_FEES = r"(?![^。；;，,]{0,15}?(?:行政事业性|事业性收费|工本费|罚没|罚款))"
# What a negation may say it is about before its verb: 未因政府信息公开工作被申请行政复议.
_FOR = r"(?:因[^。；;，,]{0,20}?)?"
# What says a kind of cases named before it had none: 为零, 均为0, ：无 (then the clause ends).
_NONE_AFTER = (r"(?:的?(?:情况|案件))?(?:数量?|件数)?\s*[:：]?\s*(?:亦|也)?(?:均|都|皆)?"
               r"(?:为\s*(?:零|0)(?![\d.])|无(?=\s*(?:[。；;，,]|$)))")
# Where 无 opens a clause saying there were none: 全年无…, 2023年无…, ，无….
# (三是无行政复议和诉讼), the body itself its subject (本年度，我局无行政复议、行政诉讼情况)
_NONE_BEFORE = (r"(?:全年|本年度?|年内|(?:统计|报告)期内|\d{4}\s*年度?|^|[，,；;]|[一二三四五六七八九十]是)"
                r"(?:[我本](?:局|委|办|厅|单位|机关|部门|中心|院|镇|乡|街道|队|所|站))?")
# A clause that ends here (无上年结转。): a none with nothing after it.
_CLAUSE_ENDS = r"(?=\s*(?:[。；;，,]|$))"
# A measure in a list whose counts are all none (新收、上年结转、办结及结转下年度数量均为零): the measure's count is 0,
# read from the list's start (what the words before the list say of it, not of the measures before it in the list).
_MEASURES = r"(?:新收|收到|受理|上一?年度?结转|办结|答复|结转(?:至|到)?下一?年度?)"
_LIST_GAP = r"(?:的)?(?:申请)?[、和及与]"
_LIST_OF_NONE = r"(?=[^。；;，,]{0,40}?(?:数量|件数)?(?:亦|也)?(?:均|都|皆)为\s*(?:零|0)(?:件)?(?![\d.件]))"


def _listed_none(measure: str) -> str:
    """A measure named in a list (after others, or before one) whose counts the clause says are all none."""
    return (r"(?:(?:" + _MEASURES + _LIST_GAP + r")+(?:" + measure + r")|(?:" + measure + r")(?=" + _LIST_GAP
            + _MEASURES + r"))" + _LIST_OF_NONE)


@dataclass(frozen=True)
class Pattern:
    key: str
    regex: re.Pattern[str]
    value: int | None = None  # fixed value for negations ("未收到…申请" is 0)
    scale: int = 1
    needs: tuple[str, ...] = ()  # words a sentence must contain: most sentences skip the regex
    # The report year's distance to the year a ``y`` group names: 2021年结转的47件 is a 2022
    # report's carried over (-1), 结转至2023年 its carried forward (+1); any other year is not its.
    year_offset: int = 0
    unnamed: bool = False  # the figure does not name its kind (公开政府信息7215条, not 主动公开…): the named outrank it
    words: Requirements = ()  # what every match holds (``literals.required_words``): a sentence without is passed over


_NEEDS = {"applications": ("申请", "答复", "办结", "结转", "顺延", "提交"),
          # applicants by type only where the text breaks them down (自然人…件、企业…件): 企业 alone is any business
          "applicants": ("自然人", "法人", "公民", "其中"), "admin_review_cases": ("复议",),
          "litigation_cases": ("诉讼",), "fees_charged_cny": ("收取", "收费", "免费"), "proactive_items": ("主动公开",),
          "normative": ("规范性文件",), "published": ("公开", "发布"), "proactive_lead": ("主动公开方面",),
          "processing_fees": ("信息处理费", "检索费", "复制费"),
          "respondent": ("被申请人",), "defendant": ("被告",)}


def _p(key: str, pattern: str, value: int | None = None, scale: int = 1, year_offset: int = 0,
       needs: str | None = None, unnamed: bool = False) -> Pattern:
    needs = _NEEDS[needs] if needs else _NEEDS.get(key) or _NEEDS[key.split("_")[0]]
    compiled = re.compile(pattern)
    return Pattern(key, compiled, value, scale, needs, year_offset, unnamed, required_words(compiled))


# A year's count compared with the one before, as a change (行政复议由上年的4件下降为2件): the year's, after the change.
_WENT_TO = (r"(?:降至|增至|升至|降到|升到|下降到|下降至|增加到|增加至|减少到|减少至|上升到|上升至|增长到|增长至"
            r"|下降为|上升为|增加为|减少为|增长为|降为|增为)")
_Y = r"(?P<y>(?:19|20)\d{2})\s*年度?"
_OWN_YEAR = r"(?:本年度?|当年|今年|全年|(?:19|20)\d{2}\s*年度?)"  # (whether a year named is the report's: ``_context``)
# What a count of applications handled calls them: 依申请公开件, 政府信息公开申请.
_FIELD_VALUE = r"\s*[：:]\s*"  # a list's field and its count (收到申请件数：48)
_APPLICATIONS = r"(?:政府信息公开申请|依申请公开(?:申请|件|事项)?|申请)"
# Other matters counted together with the applications, then 其中 (…、人大代表建议、政协委员提案共计17件，其中…)
_OTHER_MATTERS = r"(?:建议|提案|信访|来信|来访|投诉|咨询|留言|诉求)"
_AMONG_OTHER_MATTERS = (_OTHER_MATTERS + r"[^。；;]{0,20}?(?:共计|共|合计|总计)\s*\d+\s*件\s*[，,]\s*其中\s*")
_APPLIED = r"(?:申请|提出)?(?:的)?(?:政府)?(?:信息公开)?(?:申请)?\s*"  # 企业申请5件, 律师事务所提出的(政府信息公开)申请1件
_OFFLINE = r"当面|信函|邮寄|传真|现场|窗口"  # ways of applying other than online
# Whose documents a count names between the verb and 规范性文件 (制发区政府行政规范性文件12件): the body's own.
_OWNER = (r"(?:本级|本机关|本单位|[省市区县州旗镇乡](?:人民)?政府(?:及其?(?:[省市区县州旗](?:人民)?政府)?办公[室厅])?"
          r"|[省市区县州旗]?(?:人民)?政府办公[室厅]"
          r"|[我本][局委厅办])?")


# A clause's words before a count's name that leave it the year's received total: no verb, no part, no other year.
_NO_VERB_BEFORE = (r"(?:(?!办结|办理|答复|处理|结转|顺延|收到|受理|新收|接收|接到|提出|提交|涉及|不予|延期|复议|诉讼|其中|自然人"
                   r"|法人|组织|企业|机构|律师|上一?年|去年|同期|较|比)[^。；;，,\d]){0,16}?")
_NONE_CARRIED_EITHER_WAY = (r"(?:无|没有)上一?年度?结转(?:的)?(?:及|和|与|或)(?:结转|顺延)(?:至|到)?下一?年度?(?:继续)?(?:办理)?"
                            r"(?:的)?(?:政府信息公开)?申请")
# A count of rules before the documents' in one list: 规章6件、 or 规章1件（《…管理办法》）、
_RULES_COUNTED = r"规章\s*(?:\d+|[" + _CN_NUMERALS + r"]{1,4})\s*件\s*(?:[（(][^（()）。]{0,40}[)）])?\s*[、，,]\s*"


PATTERNS: tuple[Pattern, ...] = (
    _p("applications_received",
       r"(?:收到|受理|新收|接收|接到)(?:了)?" + _APPLICATION_GAP
       + r"(?:依申请公开(?:政府信息)?|申请)(?:事项|申请|数量)?(?:共计|共|合计|总计|为)?\s*"
       + _N + "(?:件|份)"),
    _p("applications_received",
       r"(?:未|没有)(?:收到|受理|接到)" + _NEGATED_APPLICATION_GAP + r"申请(?!人)(?![^。；;，,]{0,6}(?:复议|诉讼))", 0),
    # 2021年收到政府信息公开申请31件，2022年收到45件: another year's count, then the year's with its noun left out
    _p("applications_received", r"(?:收到|受理|新收|接收|接到)(?:了)?" + _APPLICATION_GAP
       + r"(?:依申请公开|申请)(?:共计|共|合计)?\s*\d[\d,]*\s*件\s*[，,]\s*(?:而)?" + _Y
       + r"(?:全年|本年)?(?:共计|共)?(?:收到|受理|新收|接收|接到)(?:了)?\s*" + _N + "件"),
    # 共收到36件政府信息公开申请, 共有36件政府信息公开申请提交至我局: the count before its noun
    _p("applications_received", r"(?:(?:收到|受理|新收|接收|接到)(?:了)?(?:的)?|共有|共计有)(?:各类)?\s*" + _N
       + r"件(?:政府信息公开|依申请公开|信息公开)申请"),
    # 全年政府信息公开申请86件，办结86件; 政府信息公开申请共86件: the full name and its count, no verb before them
    # (not 自然人政府信息公开申请80件, a part; nor 上年结转…, 办结…: another count)
    _p("applications_received", r"(?:^|(?<=[，,；;：:]))" + _NO_VERB_BEFORE + r"(?:政府信息公开|依申请公开)申请"
       r"(?:共计|共|合计|总计)?\s*" + _N + r"件(?![^。；;，,]{0,8}?(?:结转|顺延))"),
    # 7件政府信息公开申请尚在答复期内，结转至2024年办理: the count before its noun, then carried forward
    _p("applications_carried_forward", r"(?:(?<=[，,：:；;])|^)\s*" + _N + r"件(?:政府信息公开|依申请公开)?申请"
       r"(?:(?!办结|已)[^。；;]){0,20}?结转(?:至|到)?(?:下一?年度?|(?:19|20)\d{2}\s*年度?)"),  # (not 12件申请均已办结，结转…为零)
    # 受理申请数量较上年的37件增长62.2%，达到60件: the comparison first, then the year's count
    _p("applications_received", r"(?:收到|受理|新收|接收|接到)(?:了)?" + _APPLICATION_GAP + r"(?:依申请公开|申请)[^。；;]{0,30}?"
       r"较[^。；;]{0,24}?[，,]\s*(?:达到|达|为|增至|增加到|增长到|升至|降至|下降到|减少到|减至)\s*" + _N + "件"),
    # 自然人申请52件，商业企业申请6件，合计58件; 网上申请30件，信函申请2件，以上共计32件: the sum after the parts
    _p("applications_received", r"(?:自然人|公民|法人|商业企业|科研机构|公益组织|法律服务机构|其他组织"
       r"|网上|网络|在线|信函|当面|传真|邮寄)[^。；;]{0,160}?\d\s*件\s*(?:[（(][^（()）]{0,20}[)）])?"
       r"(?:\s*[，,]\s*占(?:比)?\s*\d+(?:\.\d+)?\s*[%％])?\s*[，,；;、]\s*(?:以上|上述)?(?:共计|合计|总计)(?:收到|受理)?"
       r"(?:申请)?\s*" + _N + "件"),
    # 自然人申请11件、法人或其他组织申请2件（共计13件）; 平台提交23件、信函提交9件（合计32件）: the sum in a bracket
    # after the parts
    _p("applications_received", r"(?:自然人|公民|法人|商业企业|科研机构|公益组织|法律服务机构|其他组织"
       r"|网上|网络|在线|信函|当面|传真|邮寄)[^。；;]{0,160}?\d\s*件\s*[（(]\s*(?:以上|上述)?(?:共计|合计|总计)\s*" + _N
       + r"件\s*[)）]"),
    # 市政府本级新收申请287件，市直部门新收1,964件，…，全市合计新收5,535件: the sum of the parts, its verb again
    _p("applications_received", r"(?:新收|收到|受理)[^。；;]{0,40}?申请\s*\d[\d,]*\s*件[^。；;]{0,200}?[，,]\s*"
       r"(?P<at>[^。；;，,\d]{0,6}?(?:共计|合计|总计)(?:新收|收到|受理))(?:申请)?\s*" + _N + "件"),
    # 第一季度收到申请28件，第二季度33件，…，合计123件: each period's count, then the year's sum
    _p("applications_received", r"(?:第?[一二三四1-4]\s*季度|[上下]半年|\d{1,2}\s*[-—－~至到]\s*\d{1,2}\s*月份?)"
       r"[^。；;，,\d]{0,10}?(?:收到|受理|新收)[^。；;，,\d]{0,12}?申请\s*\d[\d,]*\s*件[^。；;]{0,200}?[，,]\s*"
       r"(?P<at>(?:全年)?(?:共计|合计|总计|共)(?:收到|受理|新收)?)(?:申请)?\s*" + _N + "件"),
    # 三是依申请公开：受理0件: a colon list's item, the verb after the colon
    _p("applications_received", r"依申请公开(?:情况)?\s*[：:]\s*(?:全年|本年度?)?(?:共)?(?:受理|收到|新收)(?:了)?(?:申请)?\s*"
       + _N + "件"),
    # 以市人民政府名义收到申请175件，以市人民政府办公厅名义收到申请37件，两项共计212件: the parts received, then their sum
    _p("applications_received", r"(?:收到|受理|新收)[^。；;]{0,40}?申请\s*\d[\d,]*\s*件[^。；;]{0,80}?[，,]\s*"
       r"(?P<at>(?:两项|两者|二者|以上|上述|三项)(?:共计|合计|总计|共))\s*" + _N + "件"),
    # 收到申请由2023年的184件降至2024年的157件: the count the year's went to
    # (收到申请量同比下降（由2023年的184件降至2024年的157件）: the change first, the counts in a bracket)
    _p("applications_received", r"(?:收到|受理|新收|接收|接到)(?:了)?" + _APPLICATION_GAP
       + r"(?:依申请公开|申请)(?:数量|总数|量)?(?:(?:同比|较上年度?)?(?:下降|上升|增长|增加|减少))?"
       r"(?:由|从)[^。；;，,]{0,20}?" + _WENT_TO
       + r"\s*(?:(?:19|20)\d{2}\s*年度?(?:的)?)?\s*" + _N + "件"),
    # 申请数量较2020年的78件下降19.2%，共63件: the count of applications, compared first
    _p("applications_received", r"(?<!复议)(?<!诉讼)申请(?:数量|总数|件数)(?:较|比|同比)[^。；;]{0,24}?[，,]\s*"
       r"(?:共计|共|达到|达|为)\s*" + _N + "件"),
    # 全区…收到申请1,024件，其中区政府本级收到247件: the body's own count after its area's
    _p("applications_received", r"其中[^。；;，,\d]{0,12}?本级(?:共)?(?:收到|受理|新收)(?:了)?\s*" + _N + "件"),
    # 受理政府信息公开申请、人大代表建议、政协委员提案共计17件，其中政府信息公开申请3件: the applications among the
    # matters counted together
    _p("applications_received", _AMONG_OTHER_MATTERS + r"(?:政府信息公开|依申请公开)申请(?:共|为)?\s*" + _N + "件"),
    # 办理申请N件，其中本年新收X件、上年结转Y件: the new ones are the year's received total.
    _p("applications_received", r"(?:本年度?|当年|今年|全年|其中)新收(?:的)?(?:申请)?\s*" + _N + "件"),
    # (not 申请办理情况如下：申请数18件, a heading's 办理 before what it lists)
    # (not 另办理上年结转申请9件: those carried over)
    _p("applications_handled", r"(?<!不予)(?<!未予)(?<!其他)(?<!不再)(?:办理|处理)(?:了)?(?:(?!结转)[^。；;，,：:]){0,30}?"
       r"申请(?:公开)?(?:件|事项|案件)?(?:共计|共|合计)?\s*" + _N + "件"),
    _p("applications_carried_over", r"(?:办理|处理)(?:了)?(?:上一?年度?|(?:19|20)\d{2}\s*年度?)(?:的)?结转(?:的|而来的|来的)?"
       r"(?:政府信息公开)?申请\s*" + _N + "件"),
    # 新收申请126件，上年结转9件，共计135件: the sum of the year's and last year's
    # 加上上年结转的2件，全年办理48件: the same, as the year's work
    _p("applications_handled", r"(?:上一?年度?|(?:19|20)\d{2}\s*年度?)(?:的)?结转[^。；;，,]{0,10}?[\d" + _CN_NUMERALS
       + r"]+\s*件\s*[，,]\s*"
       r"(?:(?:共计|合计|总计|共)(?:办理|处理)?"
       r"|(?:全年|本年度?|年内)?共?(?:办理|处理))(?:了)?\s*" + _N + "件"),
    # 上年结转申请3件，本年新收申请71件，占全区总量的10.8%，合计74件: the two counts, a share, then their sum
    _p("applications_handled", r"结转[^。；;，,\d]{0,10}?\d+\s*件\s*[，,、]\s*(?:本年度?|全年|当年)?新收[^。；;，,\d]{0,10}?"
       r"\d+\s*件(?:\s*[，,][^。；;，,\d]{0,10}?\d+(?:\.\d+)?\s*[%％])?\s*[，,]\s*(?:共计|合计|总计)\s*" + _N + "件"),
    # 连同2020年结转的4件，市本级全年办理187件: those carried over, then all handled
    # (not 加上年结转4件，结转下年度继续办理2件: those carried forward)
    _p("applications_handled", r"(?:连同|加上|加)[^。；;]{0,20}?结转[^。；;，,]{0,10}?\d+\s*件\s*[，,]"
       r"(?P<at>(?:(?!结转)[^。；;，,\d]){0,12}?(?:办理|处理))(?:了)?" + _APPLICATIONS + r"?\s*" + _N + "件"),
    _p("applications_handled", r"(?:共计|合计|累计|共需|共|实际)(?:需要?)?(?:办理|处理|(?<=需)答复|(?<=需要)答复)(?:了)?"
       + _APPLICATIONS
       + r"?(?:共计|共|合计)?\s*" + _N + "件"),
    # not 维持原答复)、行政诉讼1件: a review's outcome, then another count
    # (答复情况为：…23件: a breakdown; 行政复议答复案件52件: the body's answers in reviews; 作出不予公开答复8件: one outcome's)
    _p("applications_answered", r"(?<!延期)(?<!逾期)(?<!原)(?<!重新)(?<!复议)(?<!应诉)(?<!不予公开)(?<!予以公开)"
       r"(?<!部分公开)(?<!需)(?<!不予处理)(?<!无法提供)答复(?!中|情况|结果中|文书|书|函)"
       r"(?:(?!复议|诉讼)[^。；;，,、（()）：:]){0,15}?" + _N + "件"),  # (均已按期答复：予以公开3件: an outcome's)
    # 在这些申请中，34件已在法定期限内办结: the count, then its verb
    _p("applications_answered", r"(?:(?<=[，,：:；;])|^)\s*(?:全部|所有|上述|以上)?" + _N
       + r"件(?:申请)?(?:均|已经|已|全部)+[^。；;，,\d]{0,10}?(?:办结|答复)(?!率)"),  # (全部45件均已…办结)
    # 延期办结: a part; 全年办结本级申请86件: the applications named
    _p("applications_answered", r"(?<!延期)(?<!逾期)(?<!未)办结(?:了)?[^申。；;，,（(率]{0,6}?(?:申请)?\s*" + _N + "件"),
    # 本年度办理完毕90件, 办理完结365件: handled to the end, answered
    _p("applications_answered", r"(?:办理|处理)(?:完毕|完结)(?:了)?(?:申请)?\s*" + _N + "件"),
    # 受理的23件申请已全部按期答复; 共办理82件，其中77件已按期答复，5件结转…: those answered of those handled
    _p("applications_answered", _N + r"件(?:政府信息公开)?申请(?:均|已|全部|都)+[^。；;，,\d]{0,8}?(?:答复|办结)"),
    _p("applications_answered", r"其中\s*" + _N + r"件(?:均|已|全部|都)+[^。；;，,\d]{0,8}?(?:答复|办结)"),
    # 本年度申请数量为零 (as the patterns read it, 本年度申请零): none received; not 法人或其他组织申请为零, a part
    _p("applications_received", r"(?:^|(?<=[，,；;：:])|全年|本年度?|年内|\d{4}\s*年度?)\s*(?:共)?(?:收到|受理|新收|接收)?(?:的)?"
       r"(?:政府信息公开|依申请公开)?申请(?:均|都)?(?:为)?\s*(?:零|0)(?:件)?" + _CLAUSE_ENDS, 0),
    # 政府信息公开申请的新收、上年结转、办结及结转下年度数量均为零: each measure of the list none
    _p("applications_received", _listed_none("新收|收到|受理"), 0),
    _p("applications_carried_over", _listed_none(r"上一?年度?结转"), 0),
    _p("applications_answered", _listed_none("办结|答复"), 0),
    _p("applications_carried_forward", _listed_none(r"结转(?:至|到)?下一?年度?"), 0),
    # 收到申请件数：48, 办结件数：45: a list's fields, each a measure named and its count after a colon
    _p("applications_received", r"(?<!结转)(?:收到|受理|新收)(?:的)?(?:政府信息公开|依申请公开)?申请(?:件数|数量|总数|数)"
       + _FIELD_VALUE + _N),
    _p("applications_carried_over", r"上一?年度?结转(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:件数|数量|数)" + _FIELD_VALUE
       + _N),
    _p("applications_answered", r"(?<!未)办结(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?(?:件数|数量|数)" + _FIELD_VALUE
       + _N),
    _p("applications_carried_forward", r"结转(?:至|到)?下一?年度?(?:继续办理)?(?:的)?(?:政府信息公开|依申请公开)?(?:申请)?"
       r"(?:件数|数量|数)" + _FIELD_VALUE + _N),
    # 上年（二O二O年）结转2件: the year named in a bracket between (not 连同上年结转共办结26件: all answered)
    _p("applications_carried_over", r"上一?年度?(?:[（(][^（()）]{0,12}[)）])?结转(?:[（(][^（()）]{0,16}[)）])?"
       r"(?:(?!办结|办理|答复|共)[^。；;，,）)]){0,10}?" + _N + "件"),
    # 无上年结转的申请, 上年度无结转申请: none carried over
    _p("applications_carried_over", _NONE_BEFORE + r"(?:无|没有)上一?年度?结转(?:的|而来的)?(?:政府信息公开)?申请", 0),
    _p("applications_carried_over", r"上一?年度?(?:无|没有)结转(?:的)?(?:政府信息公开)?申请", 0),
    _p("applications_carried_over", _NONE_BEFORE + r"(?:无|没有)上一?年度?结转" + _CLAUSE_ENDS, 0),  # 无上年结转。
    # 上年度转结申请2件: 结转 with its characters turned
    _p("applications_carried_over", r"上一?年度?转结(?:的)?(?:政府信息公开)?(?:申请)?\s*" + _N + "件"),
    # 无上年结转及结转下年度的申请: neither carried over nor forward, one phrase for both
    _p("applications_carried_over", _NONE_BEFORE + _NONE_CARRIED_EITHER_WAY, 0),
    _p("applications_carried_forward", _NONE_BEFORE + _NONE_CARRIED_EITHER_WAY, 0),
    # 原梅列区受理、结转至本年度办理的申请2件: carried into this year
    _p("applications_carried_over", r"结转(?:至|到|入)(?:本年度?|今年|当年)[^。；;，,\d]{0,12}?" + _N + "件"),
    # 全年新收…15件，加上市民政局移交结转的2件 (a body set up in the year, its predecessor's open applications)
    _p("applications_carried_over", r"(?:加上|另有)[^。；;，,\d]{0,12}?(?:移交|转来)?结转(?!下|至|到)(?:过来)?的\s*" + _N + "件"),
    # (2020年度跨年度办理的申请3件: the year before's, handled across the year's end)
    _p("applications_carried_over", _Y + r"(?:的)?(?:结转|转来|遗留|跨年度?办理)(?:的|而来的|来的|下来的)?" + _APPLICATIONS
       + r"?[^。；;，,\d]{0,6}?" + _N + "件", year_offset=-1),
    _p("applications_carried_forward", _N + r"件[^。；;，,]{0,15}?(?:顺延|结转|转入)(?:到|至|入)?下一?年"),
    _p("applications_carried_forward", r"(?:顺延|结转)(?:到|至)?下一?年度?[^。；;，,\d]{0,8}?" + _N + "件"),
    # 办结346件，结转11件, 已答复28件，结转1件: what was answered, then what goes on
    _p("applications_carried_forward", r"(?:办结|答复)\s*\d+\s*件\s*[，,、]\s*结转\s*" + _N + "件"),
    _p("applications_carried_forward", _N + r"件[^。；;，,\d]{0,20}?(?:顺延|结转|转入|延期)(?:到|至|入)?\s*" + _Y, year_offset=1),
    # 1件依法延期，结转2024年办理: extended, then over a comma where it goes (not 共办结37件，结转至2025年…1件)
    _p("applications_carried_forward", _N + r"件(?:依法|因故)?延期(?:答复|办理)?\s*[，,]\s*(?:顺延|结转|转入)(?:到|至|入)?\s*"
       + _Y, year_offset=1),
    # 无结转下年度办理的申请, 没有结转到下一年的申请: none carried forward
    _p("applications_carried_forward", r"(?:无|没有)(?:需要?)?(?:顺延|结转)(?:到|至)?下一?年度?(?:继续)?(?:办理)?的?"
       r"(?:政府信息公开)?申请", 0),
    _p("applications_carried_forward", _NONE_BEFORE + r"(?:无|没有)(?:需要?)?(?:顺延|结转)(?:到|至)?下一?年度?(?:继续)?(?:办理)?"
       + _CLAUSE_ENDS, 0),
    # 已全部办结，无结转。: after the year's answered, none left to carry (the carried-over ones said before, if any)
    _p("applications_carried_forward", r"(?:办结|答复|办理完毕)\s*[，,]\s*(?:无|没有)(?:顺延|结转)(?:件|申请)?" + _CLAUSE_ENDS,
       0),
    # 其余58件因尚在法定答复期限内，结转至2023年 (另有5件…，跨年度办理): what is left of the year's, over a comma
    _p("applications_carried_forward", r"(?:其余|剩余|余下|尚有|还有|另有)" + _N
       + r"件(?:[^。；;\d]|(?:19|20)\d{2}年(?:\d{1,2}月)?(?:\d{1,2}日)?){0,40}?(?:(?:顺延|结转|转入|延期)(?:到|至|入)?\s*"
       r"(?:下一?年|" + _Y + ")|跨年度?(?:办理|答复))", year_offset=1),
    _p("applications_carried_forward", r"(?:顺延|结转|转入)(?:到|至|入)?\s*" + _Y + r"[^。；;，,\d]{0,8}?" + _N + "件",
       year_offset=1),
    # 2件因在法定答复期内跨年，结转至2025年继续办理: the count, the reason, then where it goes, over a comma (1件因申请于
    # 12月下旬提出，…, 于2024年12月底提交: a day of the year in the reason)
    _p("applications_carried_forward", r"(?<!\d,)" + _N + r"件因(?:[^。；;\d]|(?:19|20)\d{2}\s*年|\d{1,2}\s*[月日])"
       r"{0,25}?(?:顺延|结转|转入|延期)(?:到|至|入)?\s*"
       r"(?:下一?年|" + _Y + ")", year_offset=1),
    # (自然人提出的政府信息公开申请3件: the kind of application named after who made it)
    # (个人申请57件: 个人 only as who applied, not 个人信息)
    _p("applications_natural_person", r"(?:自然人|公民(?![、和及或与])|个人(?=申请|提出))"
       r"(?:申请|提出(?:的)?(?:政府)?(?:信息公开)?)?[^。；;，,\d]{0,6}?" + _N + "件"),
    # 以网上申请为主（986件，占73.2%）: the channel most used, its count after it
    _p("applications_online", r"以(?:网上|网络|在线|线上|互联网)(?:申请)?(?:方式|渠道)?(?:提交|申请)?为主\s*[（(，,]\s*"
       r"(?:共计|共|计|有|达)?\s*" + _N + "件"),
    # 通过浙江政务服务网提交180余件: a platform online, named (通过浙江政务服务网“依申请公开”模块提交831件: its part)
    _p("applications_online", r"通过[^。；;，,\d]{0,12}?(?:政务服务网|政府网站|门户网站|申请平台|网上平台|在线平台)"
       r"(?:[“\"][^。；;，,\d”\"]{1,10}[”\"](?:模块|栏目|专栏|系统|平台))?[^。；;，,\d]{0,6}?(?:提交|提出|申请|收到|受理|接收)"
       r"(?:申请)?\s*" + _N + "件"),
    # 申请人以自然人为主，共655件 (，占比达93.0%（66件）: the share first): the natural persons' count after the comma
    # 收到政府信息公开申请3件，均为自然人申请: every application a natural person's (4件（上年2件），均为…: an aside between)
    _p("applications_natural_person", r"(?:收到|受理)[^。；;，,\d]{0,16}?(?:申请)?\s*" + _N + r"件\s*"
       r"(?:[（(][^（()）。]{0,16}[)）]\s*)?[，,]\s*"
       r"(?:均为|均系|全部为|全部系|均由|全部由|均是|全部是|为|系)(?:自然人|公民)(?:申请|提出)?(?![、和及与或])"),
    _p("applications_natural_person", r"以(?:自然人|公民)为主\s*[，,]\s*(?:(?:占比|占)(?:达到|达|为)?\s*\d[\d.]*\s*[%％]\s*[（(]?"
       r"|(?:共计|共|计|有|达)?)\s*" + _N + "件"),
    # (after a list's mark too: ②企业申请3件, （2）企业申请3件)
    _p("applications_commercial_enterprise", r"(?<![^商、，,：:；;（(有中\u2460-\u2473)）.．])(?:商业)?企业" + _APPLIED
       + _N + "件", needs="applicants"),
    _p("applications_research_institution", r"科研机构" + _APPLIED + _N + "件", needs="applicants"),
    _p("applications_social_welfare_org", r"社会公益组织" + _APPLIED + _N + "件", needs="applicants"),
    _p("applications_legal_service_org", r"(?:法律服务机构|律师事务所)" + _APPLIED + _N + "件",
       needs="applicants"),
    # 其他 after another applicant type of the list (自然人9件、其他组织1件): the form's 其他 column
    _p("applications_other_org", r"(?:自然人|企业|机构|组织|律师事务所)[^。；;，,]{0,12}?[、，,；;]\s*其他(?:组织|申请人)?"
       + _APPLIED + _N + "件", needs="applicants"),
    # …法律服务机构申请13件，占3.5%；其他组织申请6件: the last type of a list, a clause of its own
    _p("applications_other_org", r"^\s*其他组织" + _APPLIED + _N + "件", needs="applicants"),
    # 通过网上申请平台收到政府信息公开申请173件: the channel before the verb (线上申请56件: online too)
    _p("applications_online", r"通过(?:网络|网上|线上|在线|互联网)[^。；;，,\d]{0,10}?(?:收到|受理|接收)"
       r"[^。；;，,\d]{0,10}?申请\s*" + _N + "件"),
    _p("applications_online", r"(?:网络|网上|线上|在线|互联网){1,2}(?:申请)?(?:平台|系统|渠道|方式)?(?:提交|提出|申请)?(?:的)?"
       r"(?:申请)?(?:合计|共计|总计|共)?\s*[（(]?\s*" + _N + "件"),
    _p("applications_other_channel", r"通过(?:" + _OFFLINE + r")[^。；;，,\d]{0,8}?(?:收到|受理|接收)[^。；;，,\d]{0,10}?申请\s*"
       + _N + "件"),
    # 通过网络平台提交22件，通过信函、当面提交7件: the ways other than online named, then submitted
    _p("applications_other_channel", r"通过(?:" + _OFFLINE + r")(?:(?:、|和|及|与|或)(?:" + _OFFLINE + r"))*(?:等)?(?:方式|渠道)?"
       r"(?:提交|提出|递交|收到|受理|接收)(?:的)?(?:申请)?\s*" + _N + "件"),
    # 在线提交34件，其余13件通过信函方式提交: the rest, by the ways other than online
    _p("applications_other_channel", r"其余(?:的)?\s*" + _N + r"件\s*(?:均|则)?(?:通过|以|采用|为)(?:" + _OFFLINE + r")"),
    # (网络以外其他渠道申请合计66件: their sum)
    _p("applications_other_channel", r"(?:其他|等)(?:方式|途径|形式|渠道)(?:申请|提交|提出)?(?:的)?(?:申请)?"
       r"(?:合计|共计|总计|共)?\s*[（(]?\s*" + _N + "件"),
    # 通过网上申请平台提交19件，信函提交6件: a channel other than online opening a clause of a list, its verb and count
    _p("applications_other_channel", r"(?<=[，,、；;])\s*(?:" + _OFFLINE + r")(?:(?:及|和|、|与|或)(?:" + _OFFLINE + r"))*"
       r"(?:方式|渠道)?(?:提交|提出|递交)(?:的)?\s*" + _N + "件"),
    # (…提交747件，信函方式311件: the channel's way named, its verb left to the clause before)
    _p("applications_other_channel", r"(?<=[，,、；;])\s*(?:" + _OFFLINE + r")(?:(?:及|和|、|与|或)(?:" + _OFFLINE + r"))*"
       r"(?:方式|渠道)\s*" + _N + "件"),
    # 网上申请151件、信函申请35件 / 信函及当面申请8件: the channels other than online, named
    _p("applications_other_channel", r"(?<![网上])(?:" + _OFFLINE + r")(?:(?:及|和|、|与|或)(?:" + _OFFLINE + r"))*"
       r"(?:方式|渠道)?(?:提交|提出|递交)?(?:的)?申请(?:共|为)?\s*" + _N + "件"),
    # 线上申请59件，线下（信函、当面）申请27件: all the ways other than online, one count
    _p("applications_other_channel", r"线下(?:[（(][^（()）]{0,20}[)）])?(?:方式|渠道)?(?:提交|提出|递交)?(?:的)?(?:申请)?"
       r"(?:共|为)?\s*" + _N + "件"),
    _p("admin_review_cases", r"行政复议(?:案件|案|申请)?(?:共|共计|合计|总计)?\s*" + _N + r"(?:件|起|宗)"),
    # 以省政府为被申请人、被告的分别为9件、14件: the reviews' count, then the suits'
    # 行政复议方面：结果维持5件、…尚未审结2件，合计9件: the results listed, then their sum
    _p("admin_review_cases", r"行政复议(?:方面|情况)?\s*[：:](?:(?!起诉)[^。；;，,]){0,60}?[，,]\s*(?:合计|共计|总计|共)\s*"
       + _N + r"(?:件|起|宗)"),
    _p("litigation_cases", r"行政诉讼(?:方面|情况)?\s*[：:](?:(?!起诉)[^。；;，,]){0,60}?[，,]\s*(?:合计|共计|总计|共)\s*"
       + _N + r"(?:件|起|宗)"),
    # 以海关总署为被申请人的案件18件; 以市政府为被告的案件3件: a respondent's cases, the kind in its role
    _p("admin_review_cases", r"以[^。；;，,、\d]{1,20}?为(?:行政复议)?被申请人(?:的)?(?:政府信息公开)?(?:行政复议)?(?:案件|申请)"
       r"(?:共|为)?\s*" + _N + r"(?:件|起|宗)", needs="respondent"),
    _p("litigation_cases", r"以[^。；;，,、\d]{1,20}?为被告(?:的)?(?:政府信息公开)?(?:行政诉讼)?(?:案件)(?:共|为)?\s*" + _N
       + r"(?:件|起|宗)", needs="defendant"),
    # …行政复议申请143件，其中以国家税务总局为被申请人的17件: the reviews of one respondent, the kind said before
    _p("admin_review_cases", r"行政复议[^。；;]{0,40}?\d+\s*(?:件|起|宗)[^。；;]{0,10}?以[^。；;，,、\d]{1,20}?为"
       r"(?:行政复议)?被申请人(?:的)?\s*" + _N + r"(?:件|起|宗)"),
    _p("admin_review_cases", r"被申请人(?:、|和|及)被告的?[^。；;，,\d]{0,16}?分别为\s*" + _N + r"件\s*[、，,]\s*\d+\s*件"),
    _p("litigation_cases", r"被申请人(?:、|和|及)被告的?[^。；;，,\d]{0,16}?分别为\s*\d+\s*件\s*[、，,]\s*" + _N + r"件"),
    # 行政复议和行政诉讼各1件: one count for each kind
    # (被申请行政复议、提起行政诉讼各1件: each kind with its verb)
    _p("admin_review_cases", r"行政复议(?:案件)?\s*(?:和|、|及|与)\s*" + _SUED + r"行政诉讼(?:案件)?\s*[：:]?\s*"
       r"(?:均为|均|各为|各)\s*" + _N + r"(?:件|起|宗)"),
    _p("litigation_cases", r"行政复议(?:案件)?\s*(?:和|、|及|与)\s*" + _SUED + r"行政诉讼(?:案件)?\s*[：:]?\s*"
       r"(?:均为|均|各为|各)\s*" + _N + r"(?:件|起|宗)"),
    # 行政复议案件共46件，其中涉及政府信息公开的4件: the agency's cases of every matter, then those about disclosure
    _p("admin_review_cases", r"行政复议[^。；;]{0,30}?\d+\s*(?:件|起|宗)" + _ASIDE + r"[，,]\s*" + _DISCLOSURE_ONES + _N
       + r"(?:件|起|宗)"),
    _p("litigation_cases", r"行政诉讼[^。；;]{0,30}?\d+\s*(?:件|起|宗)" + _ASIDE + r"[，,]\s*" + _DISCLOSURE_ONES + _N
       + r"(?:件|起|宗)"),
    _p("admin_review_cases", r"行政复议(?:案件)?(?:数量|数)?(?:由|从)[^。；;，,]{0,20}?" + _WENT_TO + r"\s*" + _N + r"(?:件|起)"),
    _p("litigation_cases", r"行政诉讼(?:案件)?(?:数量|数)?(?:由|从)[^。；;，,]{0,20}?" + _WENT_TO + r"\s*" + _N + r"(?:件|起)"),
    # not 有2件行政复议、行政诉讼案件被纠错: cases of an outcome
    _p("admin_review_cases", _N + r"(?:件|起|宗)\s*" + _CAUSED + r"行政复议" + _NOT_CORRECTED),
    _p("admin_review_cases", r"(?:未|没有|无)" + _FOR + r"被?(?:收到|发生|产生|出现|接到|申请)" + _CASE_GAP + r"行政复议"
       + _NOT_OUTCOME, 0),
    # (无以区政府为被申请人的政府信息公开行政复议和行政诉讼案件)
    _p("admin_review_cases", _NONE_BEFORE + r"无(?:(?!撤销|纠错|违法)[^。；;，,\d]){0,20}?行政复议"
       + _NOT_OUTCOME, 0),
    # 行政复议、行政诉讼案件数均为零; 行政复议1件，行政诉讼无; 被申请行政复议、提起行政诉讼的情况：无: each kind's count 0
    _p("admin_review_cases", r"行政复议(?:[^。；;，,\d]{0,12}?行政诉讼)?" + _NONE_AFTER, 0),
    _p("litigation_cases", r"行政诉讼" + _NONE_AFTER, 0),
    _p("litigation_cases", r"行政诉讼(?:案件|案|申请)?(?:共|共计|合计|总计)?\s*" + _N + r"(?:件|起|宗)"),
    _p("litigation_cases", _N + r"(?:件|起|宗)\s*" + _CAUSED + r"行政诉讼" + _NOT_CORRECTED),
    _p("litigation_cases", r"(?:未|没有|无)" + _FOR + r"被?(?:收到|发生|产生|出现|接到|提起|起诉|申请)" + _CASE_GAP
       + r"行政诉讼" + _NOT_OUTCOME, 0),
    _p("litigation_cases", _NONE_BEFORE + r"无(?:(?!撤销|纠错|违法|败诉)[^。；;，,\d]){0,20}?"
       r"(?:行政复议(?:、|和|及|与)?(?:行政)?诉讼|行政诉讼)" + _NOT_OUTCOME, 0),  # (无行政复议和诉讼)
    # not 收取证照工本费等行政事业性收费125万元: the body's fees of every kind, not for disclosure
    _p("fees_charged_cny", r"收取" + _NOT_OTHER_FEES + r"[^。；;，,]{0,15}?费用?等?(?:共计|合计|共)?\s*" + _N + "元"),
    # 信息处理费收取金额为0元: the fee named first, then what was charged
    _p("fees_charged_cny", r"信息处理费[^。；;，,\d]{0,6}?(?:金额|总额|共计|合计)(?:为|共)?\s*" + _N + "元"),
    _p("fees_charged_cny", r"收取" + _NOT_OTHER_FEES + r"[^。；;，,]{0,15}?费用?(?:共计|合计|共)?\s*" + _N + "万元",
       scale=10_000),
    # 未收取任何政府信息公开检索、复制、邮寄等费用: the fees listed; 本年度无收取信息处理费情况
    _p("fees_charged_cny", r"(?:未|没有|均未|不)(?:实际)?(?:向[^。；;，,]{0,12}?)?收取" + _NOT_OTHER_FEES
       + r"[^。；;，,]{0,24}?(?:费用|费)"
       r"|均未收费|未收费|无收费|无收取[^。；;，,]{0,15}?费|免费予以提供"
       r"|(?:未|没有)(?:发生|出现|产生)(?:过)?收取[^。；;，,]{0,15}?费"
       r"|(?:未|没有)(?:发生|出现|产生)(?:过)?(?:任何)?收费(?:的)?(?:情况|情形|行为)"
       r"|(?:无|没有)(?:政府信息公开)?信息处理费(?:的)?收取", 0),  # (未发生收取信息处理费的情况, 无信息处理费收取情况)
    # 依申请提供政府信息，收费0元: the charge of the disclosure named before it
    _p("fees_charged_cny", r"(?:依申请|政府信息|信息公开)[^。；;]{0,20}?[，,]\s*收费(?:金额|总额)?(?:共计|共|为)?\s*"
       + _N + "元"),
    # 收取信息处理费，…发出收费通知，…共收费120元: the fee named, then what was charged
    _p("fees_charged_cny", r"(?<=[，,])\s*(?:共|共计|合计|累计)收费(?:金额)?(?:为)?\s*" + _N + "元", needs="processing_fees"),
    # 对3件申请收取信息处理费，合计350元: the fee charged, then its sum over a comma
    _p("fees_charged_cny", r"收取" + _NOT_OTHER_FEES + r"[^。；;，,]{0,15}?费\s*[，,]\s*(?:金额)?(?:共计|合计|累计|共)(?:为)?\s*"
       + _N + "元"),
    # 本年度共收费3笔合计600元，均为…信息处理费: the charges counted, then their sum, the fee named after
    _p("fees_charged_cny", r"(?:共|共计)?收费\s*\d+\s*(?:笔|次)\s*[，,]?\s*(?:金额|共计|合计|计)(?:为|共)?\s*" + _N + "元",
       needs="processing_fees"),
    # 收取信息处理费1件，金额200元 (1次共计200元): the count of charges, then their amount
    _p("fees_charged_cny", r"收取" + _NOT_OTHER_FEES + r"[^。；;，,]{0,15}?费\s*\d+\s*(?:件|笔|次)\s*[，,]?\s*"
       r"(?:金额|共计|合计|计)(?:为|共)?\s*" + _N + "元"),
    # (not 主动公开政府信息数（不同渠道和方式公开相同信息计1条）: a table row's counting rule, crawled into the prose)
    # 全县主动公开政府信息15872条，其中以县政府名义发布2406条: the items published in a body's name among the whole's
    # (其中，市政府本级公开5,214条: its own level's)
    _p("proactive_items", r"其中[^。；;]{0,20}?(?:以[^。；;，,]{1,12}?名义|[省市区县州旗](?:人民)?政府本级)(?:主动)?(?:公开|发布)"
       r"(?:了)?(?:政府)?(?:信息)?\s*" + _N + "条"),
    # （一）主动公开：126条; 主动公开政府信息：141条: a colon list's item (its colon left out, as the patterns read it)
    # 累计主动公开政府信息3218条，其中2016年新增412条: a running total, then the year's own
    _p("proactive_items", r"累计(?:主动)?(?:公开|发布)[^。；;]{0,20}?信息\s*\d[\d,]*\s*条\s*[，,]\s*其中\s*" + _OWN_YEAR
       + r"\s*(?:新增|主动公开|公开|发布)(?:信息)?\s*" + _N + "条"),
    _p("applications_received", r"累计(?:受理|收到|接收)[^。；;]{0,20}?申请\s*\d[\d,]*\s*件\s*[，,]\s*其中\s*" + _OWN_YEAR
       + r"\s*(?:受理|收到|新收|接收)(?:申请)?\s*" + _N + "件"),
    _p("proactive_items", r"(?<![依转])主动公开(?:政府信息|信息)?(?:情况)?\s*[：:]?\s*(?:共计?)?\s*" + _N + "条"),
    # not 依申请公开转(为)主动公开信息6条: the requests' answers made public, a part
    _p("proactive_items", r"(?<!转)(?<!转为)主动公开[^。；;，,（(]{0,60}?(?:信息|政府信息)[^。；;，,\d（(]{0,20}?"
       r"(?:共计|共|达)?\s*" + _N + "条"),
    # 全年共有1,286条政府信息通过区政府门户网站局专栏主动公开: the count before its noun and verb
    _p("proactive_items", r"(?:共有|共计有|有)\s*" + _N + r"条(?:政府)?信息[^。；;，,\d]{0,30}?主动(?:予以)?公开"),
    # 全年在区政府门户网站公开各类政府信息7215条, 发布各类政府信息4713条 (under 主动公开, or in the overview):
    # the year's published items (发布政府信息 with no 各类 is often one channel's)
    _p("proactive_items", r"(?<![申请依])(?:公开(?:了)?(?:(?:各类|各项)(?:政府)?|政府)|发布(?:了)?(?:各类|各项)(?:政府)?)"
       r"信息(?:共计|共|达)?\s*" + _N + "条",
       needs="published", unnamed=True),
    # 主动公开方面，全年通过市政府门户网站发布政府信息14286条: under the lead of proactive disclosure, the government
    # information a channel published (信息 its new media posted is no 政府信息)
    _p("proactive_items", r"(?<![申请依])发布(?:了)?政府信息(?:共计|共|达)?\s*" + _N + "条", needs="proactive_lead",
       unnamed=True),
    # 制发并公开规范性文件4件: the same documents, made and published
    # (新制作、新公开规范性文件各9件: made and published, as many each)
    # (制定（修订）行政规范性文件5件: those revised counted with the new)
    _p("normative_docs_issued", r"(?<!拟)(?:制发|印发|出台|制定|新制作|发布)(?:[（(](?:修订|修改)[)）])?(?:了)?"
       r"(?:并(?:公开|发布|公布|备案)|、新?(?:公开|发布|公布))?" + _OWNER
       + r"(?:税务)?(?:行政)?规范性文件(?:共计|共|合计|各)?\s*" + _N + "(?:件|个|份)"),
    # 其中国务院办公厅印发的行政规范性文件31件: the documents the body issued, as a noun
    _p("normative_docs_issued", r"(?<!拟)(?:制发|印发|出台|制定)的(?:税务)?(?:行政)?规范性文件(?:共计|共|合计)?\s*" + _N
       + "(?:件|个|份)"),
    # 全年清理行政规范性文件，废止2件，制发1件: the clean-up's counts, the year's new ones after those repealed
    _p("normative_docs_issued", r"规范性文件[^。；;]{0,16}?[，,、]\s*废止\s*\d+\s*(?:件|个|份)\s*[，,、]\s*"
       r"新?(?:制发|印发|出台|制定)(?:了)?\s*" + _N + "(?:件|个|份)"),
    # 开展行政规范性文件清理，本年制发3件，废止5件，现行有效21件: the documents named once, then each count
    _p("normative_docs_issued", r"规范性文件[^。；;\d]{0,12}?(?:本年|全年|年内)(?:制发|印发|出台|制定|新制作)(?:了)?\s*" + _N
       + "(?:件|个|份)"),
    # 行政规范性文件制发3件、现行有效27件、废止2件: the documents named, then each count after its verb
    # (规范性文件新制作并公开3件: made and published, the 2019 form's words)
    _p("normative_docs_issued", r"规范性文件新?(?:制发|印发|出台|制定|制作)(?:了)?(?:并(?:公开|发布|公布|备案))?\s*" + _N
       + "(?:件|个|份)"),
    # (其中行政规范性文件5件，废止2件，现行有效18件: the year's count with no verb, then the others after theirs)
    # (规范性文件6件（含…4件、…2件），废止4件，截至年底现行有效23件: an aside, and the day it counts to)
    _p("normative_docs_in_force", r"规范性文件(?:制发|印发|出台|制定|废止)?\s*\d+\s*(?:件|个|份)\s*(?:[（(][^（()）]{0,40}[)）])?"
       r"\s*[、，,]\s*(?:(?:制发|印发|废止)\s*\d+\s*(?:件|个|份)\s*[、，,]\s*)?(?:截至|截止|到)?(?:年底|年末|目前)?"
       r"现行有效(?:的)?\s*" + _N + "(?:件|个|份)"),
    # 现行有效的区政府行政规范性文件52件，其中本年制发3件: the year's among those in force
    _p("normative_docs_issued", r"规范性文件\s*\d+\s*(?:件|个|份)\s*[，,]\s*其中(?:本年|全年|年内)?(?:新)?"
       r"(?:制发|印发|出台|制定)(?:了)?\s*" + _N + "(?:件|个|份)"),
    # 现行有效行政规范性文件156件，2021年制发11件 (全年新制发9件): the documents named with another count, then the year's
    # (清理行政规范性文件，废止2件，新制发5件: the new ones among the counts of a clean-up)
    _p("normative_docs_issued", r"规范性文件[^。；;]{0,16}?[，,、]\s*(?:(?:本年|全年|年内|(?:19|20)\d{2}\s*年度?)新?|新)"
       r"(?:制发|印发|出台|制定|制作)(?:了)?\s*" + _N + "(?:件|个|份)"),
    # 发布县政府及县政府办公室文件52件，其中行政规范性文件9件: the year's documents, those among them
    _p("normative_docs_issued", r"(?:制发|印发|出台|制定|发布)[^。；;，,]{0,20}?文件\s*\d+\s*(?:件|个|份)\s*[，,]?\s*"
       r"其中(?:税务)?(?:行政)?规范性文件\s*" + _N + "(?:件|个|份)"),
    # 主动公开政府信息286条，其中规范性文件2件: the year's published items, the documents among them (published as issued)
    _p("normative_docs_issued", r"主动公开(?:政府)?信息\s*\d+\s*(?:条|件|个)\s*[，,]?\s*其中(?:行政)?规范性文件\s*" + _N
       + "(?:件|个|份)"),
    # 市政府及市政府办公室文件62件（规范性文件8件）; …办公室文件45件，规范性文件7件: the body's documents, those among them
    _p("normative_docs_issued", r"(?:政府|办公室|办公厅)文件\s*\d+\s*(?:件|个|份)\s*(?:[（(]\s*(?:其中|含)?|[，,、]\s*(?:其中)?)"
       r"(?:行政)?规范性文件\s*" + _N + "(?:件|个|份)"),
    # 制发省政府规章6件、行政规范性文件42件; 现行有效市政府规章96件、行政规范性文件624件: listed after the rules
    # (…规章187件、省政府及省政府办公厅行政规范性文件298件: the documents' owners named)
    # (现行有效政府规章1件（《…办法》）、行政规范性文件5件: the rules' titles in brackets)
    # (发布省政府规章6件、行政规范性文件21件: a government's rules and documents of the year, published as issued)
    _p("normative_docs_issued", r"(?:制发|印发|出台|制定|发布)(?:了)?[^。；;，,]{0,12}?" + _RULES_COUNTED + _OWNER
       + r"(?:税务)?(?:行政)?规范性文件\s*" + _N + "(?:件|个|份)"),
    _p("normative_docs_in_force", r"现行有效(?:的)?[^。；;，,]{0,12}?" + _RULES_COUNTED + _OWNER
       + r"(?:税务|税收)?(?:行政)?规范性文件\s*" + _N + "(?:件|个|份)"),
    # 对现行有效的9件部门规章、27件行政规范性文件进行梳理: each count before its noun
    _p("normative_docs_in_force", r"现行有效(?:的)?\s*\d+\s*件[^。；;，,\d]{0,6}?规章\s*[、，,和及与]\s*" + _N
       + r"\s*(?:件|个|份)(?:税务|税收)?(?:行政)?规范性文件"),
    _p("normative_docs_issued", r"(?:未|没有)(?:制发|印发|出台|制定)(?:任何)?(?:税务)?(?:行政)?规范性文件", 0),
    _p("normative_docs_in_force", r"现行有效(?:的)?" + _OWNER + r"(?:税务)?(?:行政)?规范性文件(?:共计|共|合计|为)?\s*" + _N
       + "(?:件|个|份)"),
    # 完成规范性文件清理，保留有效规范性文件38件: what the clean-up kept in force
    _p("normative_docs_in_force", r"(?:保留|继续有效)(?:有效|继续有效)?(?:的)?(?:税务)?(?:行政)?规范性文件(?:共计|共|为)?\s*" + _N
       + "(?:件|个|份)"),
    # (对118件现行有效行政规范性文件实行统一公开: the count before the words)
    _p("normative_docs_in_force", _N + r"\s*(?:件|个|份)现行有效(?:的)?" + _OWNER + r"(?:税务)?(?:行政)?规范性文件"),
    # 对现行有效的6件行政规范性文件逐件标注
    _p("normative_docs_in_force", r"现行有效(?:的)?\s*" + _N + r"\s*(?:件|个|份)(?:税务)?(?:行政)?规范性文件"),
    _p("normative_docs_in_force", r"(?:税务)?(?:行政)?规范性文件[^。；;，,\d]{0,4}?现行有效(?:的)?(?:共计|共|合计|为)?\s*" + _N
       + "(?:件|个|份)"),
    _p("normative_docs_in_force", r"规范性文件[^。；;\d]{0,12}?(?:本年|全年|年内)(?:制发|印发|出台|制定)[^。；;]{0,16}?"
       r"现行有效(?:的)?\s*" + _N + "(?:件|个|份)"),
    # 开展规范性文件清理，废止6件，现行有效87件: the review named, then each count (对…规范性文件进行全面清理, 进行梳理)
    # (清理规范性文件19件，继续有效11件: those kept in force)
    _p("normative_docs_in_force", r"规范性文件[^。；;，,\d]{0,6}?(?:清理|梳理)[^。；;]{0,24}?(?:现行有效|继续有效)(?:的)?\s*" + _N
       + "(?:件|个|份)"),
    # 清理行政规范性文件，宣布废止6件、继续有效29件: those the clean-up kept in force
    _p("normative_docs_in_force", r"清理(?:了)?" + _OWNER + r"(?:税务)?(?:行政)?规范性文件[^。；;]{0,24}?继续有效(?:的)?\s*"
       + _N + "(?:件|个|份)"),
    # 全年制发行政规范性文件7件，废止3件，现行有效52件: the verb before the documents, then each count
    # (全面清理现行有效行政规范性文件，废止4件，现行有效56件: those in force reviewed, then the counts)
    _p("normative_docs_in_force", r"(?:制发|印发|出台|制定|发布|清理|废止)(?:了)?(?:现行有效(?:的)?)?" + _OWNER
       + r"(?:税务)?(?:行政)?规范性文件[^。；;]{0,24}?"
       r"现行有效(?:的)?\s*"
       + _N + "(?:件|个|份)"),
)

# A count's clause ended by spaces, not a comma (申请39件 上年结转2件 办结38件: text pasted from a chat, its punctuation
# left out): a clause's end, as the comma would be.
_SPACED_CLAUSE = re.compile(r"(?:(?<=\d[件条个起次项])|(?<=\d[件条个起次项][)）]))[ \u3000]+(?=[\u4e00-\u9fff])")
_SPACE_AROUND_DIGITS = re.compile(r"(?<=\d) +(?=[件条元])|(?<=[\u4e00-\u9fff]) +(?=\d)|(?<=\d) +(?=[\u4e00-\u9fff])")
_ITEM_START = re.compile(r"(?:\d{1,2}[.、．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、是])")
# What each key counts, for pages and documentation.
KEY_LABELS = {
    "applications_received": "收到（受理）申请",
    "applications_handled": "办理申请",
    "applications_answered": "答复申请",
    "applications_carried_over": "上年结转申请",
    "applications_carried_forward": "结转下年度申请",
    "applications_online": "网络申请",
    "applications_other_channel": "其他方式申请",
    "applications_natural_person": "自然人申请",
    "applications_commercial_enterprise": "商业企业申请",
    "applications_research_institution": "科研机构申请",
    "applications_social_welfare_org": "社会公益组织申请",
    "applications_legal_service_org": "法律服务机构申请",
    "applications_other_org": "其他组织申请",
    "admin_review_cases": "行政复议案件",
    "litigation_cases": "行政诉讼案件",
    "fees_charged_cny": "收取费用（元）",
    "proactive_items": "主动公开信息（条）",
    "normative_docs_issued": "制发规范性文件",
    "normative_docs_in_force": "现行有效规范性文件",
}

_SENTENCE = re.compile(r"[^。；;!！?？\n]+[。；;!！?？]?")


@dataclass
class Figure:
    key: str
    value: int | float
    approx: bool
    text: str
    headline: bool = False  # the report's own total of this key for the report year (at most one per key)
    context: str = ""  # why the figure cannot be a headline (other_year, other_report, part, superseded …), '' when it may be
    source: str = "prose"  # or "table": a row of a pre-2019 statistics table; "prose-unnamed": not naming its kind
    # the sentence (with the clause it goes on from: 因政府信息公开引发行政复议2件；引发行政诉讼1件) names disclosure
    about_disclosure: bool = False
    nearly: bool = False  # a round count the true one is at most (近二十件), where 余 and 逾 are at least
    all_of: str = ""  # the key of the count this one repeats (收到…8件，全部…办结: the answered are the received)
    whole: bool = False  # its clause counts the whole division the body governs (全县汇总共新收…186件), not its own level

    def as_json(self) -> dict:
        return {"key": self.key, "value": self.value, "approx": self.approx, "text": self.text,
                "headline": self.headline}


# The distinct word lists of PATTERNS, each as one regex: looked for once per sentence.
_NEEDS_GROUPS = {needs: re.compile("|".join(map(re.escape, needs))) for needs in dict.fromkeys(p.needs for p in PATTERNS)}


def prose(lines: list[str]) -> str:
    """The text's sentences, with lines a PDF wrapped mid-sentence joined again, across a blank line too when
    the line before is a long one left open (a PDF tool's text blocks, a blank line after each)."""
    out: list[str] = []
    # text whose long lines end no sentence with a full stop (pasted from a chat, its punctuation left out): each
    # line is its own paragraph, joined to none
    long_lines = [line for line in lines if len(line.strip()) >= _WRAPPED_LINE_MIN and "\t" not in line]
    unpunctuated = len(long_lines) >= _UNPUNCTUATED_LINES_MIN and not any("。" in line for line in long_lines)
    open_line = False  # the last line of text a long one, its sentence not ended
    count_open = False  # the last line of text ended in a count, across blank lines: its unit may begin the next
    held = False  # a blank line passed over after such a count, the paragraph's end unless the unit follows
    for line in lines:
        stripped = line.strip()
        if stripped and ("\t" in line or stripped.count("|") >= 2):
            stripped = _sentence_cell(stripped) if "。" in stripped else ""
            open_line = count_open = False
        if not stripped:
            if open_line and not line.strip():
                continue
            if count_open and not line.strip():
                held = True
                continue
            out.append("\n")
            open_line = held = False
            continue
        if held and not _UNIT_GOES_ON.match(stripped):
            out.append("\n")  # (a blank line ended the paragraph after all)
        held = False
        if _ITEM_START.match(stripped):
            out.append("\n")
        count_open = not unpunctuated and len(stripped) >= _WRAPPED_LINE_MIN and stripped[-1].isdigit()
        open_line = (not unpunctuated and len(stripped) >= _WRAPPED_LINE_MIN and stripped[-1] not in _LINE_ENDS
                     and _IN_A_SENTENCE.search(stripped) is not None  # (no title: …年度报告)
                     and not _HEADING_END.search(stripped))  # (a caption: Table: …行政诉讼情况)
        out.append(stripped)
        if unpunctuated or stripped[-1] in "。；;!！?？:：" or (_ITEM_START.match(stripped) and _HEADING_END.search(stripped)
                                                and len(stripped) <= 40) or _LISTED_FIGURE.match(stripped) \
                or _CAPTION_LINE.match(stripped):
            out.append("\n")  # a heading (二、主动公开政府信息情况) is no start of the next paragraph's sentence
            open_line = False
    text = _SPACE_GROUPED_COUNT.sub(lambda m: m.group().replace(" ", ""), "".join(out))
    return _SPACE_AROUND_DIGITS.sub("", _SPACED_CLAUSE.sub("，", text))


# A figure's or table's caption, or a line all in brackets (a chart's data under it: （2018年156件、…2022年89件）): a
# block of its own, not the start of the next paragraph's first sentence.
_CAPTION_LINE = re.compile(r"^(?:(?:附)?[图表]\s*\d{1,2}(?:[-—.．]\d{1,2})?[\s：:　][^。；;]{0,60}|[（(][^（()）]*[)）])$")
_WRAPPED_LINE_MIN = 15  # characters of a line a PDF wrapped (a title or heading is mostly shorter)
_UNPUNCTUATED_LINES_MIN = 4  # long lines, none with a full stop, that show a text's punctuation left out
# A list's line of a name and its figure (上年结转：6件, • 办结：96件): an item of its own, not run into the next line.
_LISTED_FIGURE = re.compile(r"^[^，,。；;:：]{1,24}[:：]\s*[\d,.]+\s*(?:件|条|篇|元|个|项|次|场|万元|人次)?$")
# A count's unit, and the sentence going on, at a line's start (…主动公开政府信息 16825 / ␣ / 条，发布…): a PDF tool's
# text blocks parted the count from its unit by a blank line.
_UNIT_GOES_ON = re.compile(r"[条件项篇个次元][，,、；;。]")
_IN_A_SENTENCE = re.compile(r"[，,、；;。]")  # what a line wrapped inside a paragraph has, and a title has not
_LINE_ENDS = frozenset("。；;!！?？:：）)》”\"")
# A count whose thousands a space sets off (1 402件, as GB/T 15835 prints numbers): one number.
_SPACE_GROUPED_COUNT = re.compile(r"(?<![\d.,])[1-9]\d{0,2}(?: \d{3})+(?=\s*[件条元篇次个项人万])")


_SENTENCE_CELL = 20  # characters: a cell this long, with a full stop, holds prose
_LEFT_OVER = 12  # characters of a cell of no words beside a paragraph at most
_HAN = re.compile(r"[\u4e00-\u9fff]")
_SENTENCE_ALONE = 8  # characters of a sentence alone in its row, ended by a full stop, at least
_TOPIC_CELLS, _TOPIC_NAME = 3, 16  # cells of a topic's row at most (its name, a count, its paragraph), and a name's length


def _sentence_cell(row: str) -> str:
    """A table row's prose: its one filled cell when that is prose (a report laid out in a spreadsheet,
    each paragraph a row: …全年共受理政府信息公开申请308件，…。), or the pieces between a crawled line's
    pipes that are paragraphs (a page joined into one line, menus and footer parted by " | ");
    else '' (a row of the tables)."""
    cells = [cell.strip() for cell in re.split(r"[\t|]", row) if cell.strip()]
    # (beside a paragraph, cells of no words are what is left of a bilingual page's other column, its script left out:
    # its stop and its figures, 2023-.)
    if len(worded := [c for c in cells if _HAN.search(c)]) == 1 and len(worded[0]) >= _SENTENCE_CELL \
            and worded[0].endswith("。") and all(len(c) <= _LEFT_OVER for c in cells if c is not worded[0]):
        cells = worded
    if len(cells) == 1 and len(cells[0]) >= _SENTENCE_ALONE and cells[0].endswith("。"):
        return cells[0]  # (a short paragraph alone in its row: 2021年，我厅未收取信息处理费。)
    # An overview laid out as a table, a row a topic: its name (and a count) beside its paragraph (依申请公开 ⇥ 全年共收到
    # 政府信息公开申请56件，…。): the paragraph.
    paragraphs = [c for c in cells if len(c) >= _SENTENCE_CELL and c.endswith("。")]
    if len(paragraphs) == 1 and len(cells) <= _TOPIC_CELLS and all(
            len(c) <= _TOPIC_NAME and "。" not in c for c in cells if c is not paragraphs[0]) and cells[-1] is paragraphs[0]:
        return paragraphs[0]
    if len(cells) == 1 or "\t" not in row:
        return "\n".join(c for c in cells if len(c) >= _SENTENCE_CELL and "。" in c)
    return ""


_HEADING_END = re.compile(r"(?:情况|概述|概况|问题|措施|事项|说明)\s*$")
_SPACE_BETWEEN_CJK = re.compile(r"(?<=[\u4e00-\u9fff]) +(?=[\u4e00-\u9fff])")


def sentences(lines: list[str]) -> list[str]:
    """Sentences of the prose, spaces a PDF put between characters removed, years in Chinese numerals in digits
    (结转至二〇二五年继续办理6件 is 结转至2025年…, whose year the patterns read)."""
    from .metadata import arabic_years

    text = arabic_years(_SPACE_BETWEEN_CJK.sub("", prose(lines)))
    return [s.strip() for s in _SENTENCE.findall(text) if s.strip()]


# A list of names and a list of as many counts, paired by 分别 (自然人、法人或其他组织分别为221件、25件;
# 2022年、2023年，我局分别收到申请58件、71件).
_RESPECTIVELY = re.compile(
    r"(?P<names>[^，,。；;：:、和及与]{1,30}(?:(?:、|和|及|与)[^，,。；;：:、和及与]{1,30})+)(?P<middle>[，,]?[^，,。；;：:、分]{0,30}?)分别"
    r"(?P<rest>[^。；;，,、\d]{0,24}?)(?P<counts>\d[\d,]*\s*(?:件|起|条|宗)(?:\s*(?:[、，,]|和|及|与)\s*\d[\d,]*\s*(?:件|起|条|宗))+)")
# What parts the names of such a list (自然人、法人或其他组织; 2023年和2024年; 上年结转和结转下年度), and its counts.
_LIST_NAMES = re.compile(r"、|和|及|与")
_LIST_COUNTS = re.compile(r"(?<=[件起宗条])\s*(?:[、，,]|和|及|与)\s*")
_COPULA = re.compile(r"^(?:为|是|有|达)?$")
_WHOLE_SCOPE = re.compile(r"全[市区县省州盟旗国]")
_COMPARED_TAIL = re.compile(r"(?:的)?(?:数量|总数|件数)?(?:较|比|同比|相比|与)[^，,]*$")
# A range of years a 分别 list goes through (2021—2023年分别收到申请40件、52件、71件): written out, a name a year.
_YEAR_RANGE = re.compile(r"(?<!\d)(?P<first>(?:19|20)\d\d)\s*年?\s*(?:—|–|-|－|～|~|至|到)\s*(?P<last>(?:19|20)\d\d)\s*年"
                         r"(?=[^。；;]*?分别)")
_COUNTED = re.compile(r"\d\s*(?:件|起|条|宗)")
_COUNTED_NAME = re.compile(r"(?P<noun>[^\d（()）]+?)\s*\d[\d,]*\s*(?:件|起|条|宗)")  # 政府信息公开申请142件
_LEAD_VERB = re.compile(r"^(?:全年|本年度?)?(?:共)?(?:受理|收到|接收|新收|办理)(?:了)?")


# The words a count's noun takes before its number (申请的数量为58件, 总数达57件, 案件数量为2件, 共计为41件, 收到申请：35件,
# 收到申请，数量是23件): the patterns read the noun and the number next to each other (申请58件, 共计41件), so they are left out
# (申请数十件 is no such word: some tens of applications, no count).
# A count in a bracket of its own right after its noun (受理政府信息公开申请（47件）) is the noun's count; not one after
# a count (逾2000条（2,318条）: the exact one) nor one of a comparison (较上年（39件）): both keep their brackets.
_AMOUNT_WORDS = re.compile(r"(?<=[\u4e00-\u9fff])\s*[：:]\s*(?=\d[\d,]*\s*[件条])"
                           r"|(?:的)?(?:数量|总数|总量|件数|条数|(?<=申请)数(?![十百千万拾佰仟]))(?:共计|合计|总计|共|达到|达)?(?:为|是)?"
                           r"(?=\s*[\d" + _CN_NUMERALS
                           + r"])|(?<=共计|合计|总计)为(?=\s*[\d" + _CN_NUMERALS + r"])|(?:的)?是(?=\s*\d[\d,]*\s*[件条])"
                           r"|(?<=申请)\s*[，,]\s*(?:其)?(?:数量|总数|总量|件数)(?:共计|合计|总计|共|达到|达)?(?:为|是)?(?=\s*\d)")
_BRACKETED_COUNT = re.compile(r"(?<![\d件条余多年较比元])[（(]\s*(\d[\d,]*\s*[件条])\s*[)）]")


# A count as a volume (申请受理量达到128件, 办结量达到125件, 案件受理量7件): the verb before its noun, as the
# patterns read it (受理申请128件, 办结125件, 案件7件).
_VOLUME = re.compile(r"(?P<noun>依申请公开|申请)(?P<verb>受理|办结|办理|收到)量(?:达到|达|为|是)?(?=\s*\d)"
                     r"|(?<=案件)(?:受理|办结|办理)?量(?:达到|达|为|是)?(?=\s*\d)"
                     r"|(?P<alone>受理|办结|办理)量(?:达到|达|为|是)?(?=\s*\d)")


def _as_verb(m: re.Match) -> str:
    return m["verb"] + m["noun"] if m["noun"] else m["alone"] or ""


# A note in brackets between a count's noun and its number (网上申请（政府网站依申请公开系统）196件), not one of what
# the count includes (申请（含上年结转）196件), and a change stated before the count it reached (主动公开政府信息数量同比
# 增长8.6%，达到4,128条): the patterns read the noun next to its number.
_NOTE_BEFORE_COUNT = re.compile(r"[（(](?![^（()）]*结转)(?!其中|注)[^（()）\d。；;]{1,30}[)）]"
                                r"(?=\s*(?:申请|提出|提交)?\s*\d[\d,]*\s*(?:件|条))"
                                r"|(?<![\d件条])(?:同比|较上年度?|比上年度?)?(?:增长|增加|上升|下降|减少)\s*\d+(?:\.\d+)?\s*[%％]\s*[，,]\s*"
                                r"(?=(?:达到|达|为|共计|共)\s*\d)")
# What a count includes, in brackets before it (办理申请（含上年结转）196件): put after it, where it is read.
_INCLUDES_BEFORE_COUNT = re.compile(r"(?P<note>[（(](?:含|包括|包含)(?:上一?年度?|去年)结转(?:的)?(?:申请)?[)）])\s*"
                                    r"(?P<count>\d[\d,]*\s*件)")
# A change, then the counts it went between in a bracket (收到申请量同比下降（由2023年的184件降至2024年的157件）): the
# bracket is the sentence's statement, no aside.
_CHANGE_BRACKETED = re.compile(r"(?<=下降|上升|增长|增加|减少)\s*[（(](?P<counts>(?:由|从)[^（()）]*)[)）]")
# Documents named by their titles (and numbers) before the count of their kind (制发《…若干规定》（深市监规〔2024〕1号）等
# 行政规范性文件9件): the patterns read the verb next to the kind.
_TITLES_BEFORE_KIND = re.compile(r"《[^《》]{1,80}》(?:\s*[（(][^（()）]{0,30}?号[)）])?(?:\s*[、和及]\s*《[^《》]{1,80}》"
                                 r"(?:\s*[（(][^（()）]{0,30}?号[)）])?)*\s*等(?=\s*\d*\s*(?:件|个|份)?(?:税务)?(?:行政)?规范性文件)")
# Counts in 份 (受理申请51份, 出台规范性文件3份) as the patterns read counts (件), and 人民币 before an amount (共计人民币80元).
_OTHER_UNITS = re.compile(r"(?<=\d)份|人民币\s*(?=\d)")
# Counters other than the form's 件 and 条 after a count: 收到申请83宗, 主动公开信息4,127篇 (or 1,876则); 项, 起 and 个 only
# where the count's clause ends (12项制度, 自1月1起, 8个工作日 count nothing of these), 个 as its clause's words say
# (新收申请238个; 主动公开信息583个).
_COUNTER = re.compile(r"(?<=\d)(?:(?P<case>宗)|(?P<item>篇|则)|(?P<ended>项|起|个)(?=[，,。；;、：:）)\s]|$))")
_COUNTER_CASE_WORDS = re.compile(r"申请|复议|诉讼|案件|结转|办理|办结|答复|受理|收到|新收")
_COUNTER_ITEM_WORDS = re.compile(r"信息|公开|发布")
_COUNTED_CLAUSE_END = re.compile(r"[，。；;、]|,(?!\d{3})")  # (not a count's thousands: 2,315个)


def _usual_counter(sentence: str, m: re.Match, earlier: str = "") -> str:
    """件 or 条 for the counter ``m`` found, or the counter itself. A count of cases only in a sentence that has named
    information disclosure by then, in a clause before it too (受理进场交易项目申请4589个, 环境信访投诉128宗 are
    other processes')."""
    before = sentence[:m.start()]
    counter, disclosure = m.group(), any(w in earlier + before for w in ("信息公开", "依申请公开"))
    if m["item"]:
        return "条"
    if m["case"]:
        return "件" if disclosure else counter
    clause = _COUNTED_CLAUSE_END.split(before)[-1]
    case_at = max((w.end() for w in _COUNTER_CASE_WORDS.finditer(clause)), default=-1)
    item_at = max((w.end() for w in _COUNTER_ITEM_WORDS.finditer(clause)), default=-1)
    if item_at > case_at and counter != "起":
        return "条"  # (the word nearest the count: 公开政府信息2,046项; 政府信息公开申请238个)
    return "件" if case_at > item_at and counter != "项" and disclosure else counter


_YUAN_AND_JIAO = re.compile(r"(?P<yuan>\d+)\s*元\s*(?P<jiao>\d)\s*角")


def _plain_amounts(sentence: str, earlier: str = "") -> str:
    """The sentence as the patterns read it: volumes as verbs, amounts' words and a count's own brackets left out,
    counts in the usual counters (``earlier``: the clauses of its sentence before it)."""
    if "量" in sentence:
        sentence = _VOLUME.sub(_as_verb, sentence)
    if "）" in sentence or ")" in sentence or "%" in sentence or "％" in sentence:
        sentence = _INCLUDES_BEFORE_COUNT.sub(r"\g<count>\g<note>", _NOTE_BEFORE_COUNT.sub("", sentence))
        sentence = _CHANGE_BRACKETED.sub(r"\g<counts>", sentence)
    if "《" in sentence and "规范性文件" in sentence:
        sentence = _TITLES_BEFORE_KIND.sub("", sentence)
    if "角" in sentence:
        sentence = _YUAN_AND_JIAO.sub(r"\g<yuan>.\g<jiao>元", sentence)  # 95元5角: 95.5元
    if "份" in sentence or "人民币" in sentence:
        sentence = _OTHER_UNITS.sub(lambda m: "件" if m.group() == "份" else "", sentence)
    if any(counter in sentence for counter in "宗篇则项起个"):
        sentence = _COUNTER.sub(lambda m: _usual_counter(sentence, m, earlier), sentence)
    if any(w in sentence for w in ("数", "总量", "计为", "是", "：", ":")):
        sentence = _AMOUNT_WORDS.sub("", sentence)
    return _BRACKETED_COUNT.sub(r"\1", sentence) if "（" in sentence or "(" in sentence else sentence


# Counts listed a year each after 分别 (申请数量分别为：2021年1,823件、2022年2,047件、2023年2,312件): each year's, what the
# sentence counts before 分别 written out in front of each count.
_YEAR_COUNTS = re.compile(r"(?P<lead>[^。；;，,：:]{2,40}?)分别(?:为|是)?\s*[：:]?\s*"
                          r"(?P<items>(?:(?:19|20)\d{2}\s*年度?\s*(?:为|是)?\s*\d[\d,]*\s*(?:件|条|起)\s*(?:[、，,和及与]\s*|(?=[。；;]|$))){2,})")
_YEAR_COUNT = re.compile(r"(?P<year>(?:19|20)\d{2})\s*年度?\s*(?:为|是)?\s*(?P<count>\d[\d,]*\s*(?:件|条|起))")


def _year_counts(m: re.Match) -> str:
    return "；".join(f"{item['year']}年{m['lead']}{item['count']}" for item in _YEAR_COUNT.finditer(m["items"])) + "；"


def _years_listed(m: re.Match) -> str:
    first, last = int(m["first"]), int(m["last"])
    return "、".join(f"{year}年" for year in range(first, last + 1)) if 0 < last - first <= 10 else m.group()


# Applicant types given one count together, each (法律服务机构和其他组织各一件; 科研机构、社会公益组织申请各1件).
_APPLICANT_NAMES = r"(?:自然人|公民|商业企业|企业|科研机构|社会公益组织|公益组织|法律服务机构|其他组织)"
_EACH_APPLICANT = re.compile(rf"(?P<names>{_APPLICANT_NAMES}(?:\s*(?:、|和|及|与)\s*{_APPLICANT_NAMES})+)\s*(?:申请|提出)?"
                             rf"(?:的申请)?\s*各(?:为|有)?\s*(?P<n>[\d{_CN_NUMERALS}]+)\s*件")


def _each_applicant(sentence: str) -> str:
    """The sentence with each applicant type given its count where one count stands for each (法律服务机构和其他组织
    各一件: 法律服务机构申请一件，其他组织申请一件)."""
    if "各" not in sentence:
        return sentence
    return _EACH_APPLICANT.sub(lambda m: "，".join(f"{name}申请{m['n']}件" for name in
                                                 re.split(r"\s*(?:、|和|及|与)\s*", m["names"])), sentence)


def _respectively(sentence: str) -> str:
    """The sentence with each 分别 list written out as pairs, each its own clause (自然人为221件；法人或其他
    组织为25件), where the names and the counts are as many; else as it is."""
    if "分别" not in sentence:
        return sentence
    sentence = _YEAR_COUNTS.sub(_year_counts, _YEAR_RANGE.sub(_years_listed, sentence))

    def pairs(m: re.Match) -> str:
        if (opened := m.group("names") + m.group("middle")).count("（") + opened.count("(") > opened.count("）") + \
                opened.count(")"):
            return m.group()  # (…行政复议、行政诉讼案件（2024年分别为2件、1件）: an aside's 分别, its names before it)
        names = _LIST_NAMES.split(m.group("names"))
        counts = _LIST_COUNTS.split(m.group("counts"))  # (2,876件、3,104件: two counts)
        counted = [_COUNTED_NAME.fullmatch(name) for name in names]
        if len(names) == len(counts) and all(counted) and m.group("middle") in ("，", ","):
            # 受理信访件214件、政府信息公开申请142件，分别办结214件、138件: each count, then what became of it
            return "；".join(f"{name}，{_LEAD_VERB.sub('', c['noun'])}{m.group('rest')}{count}"
                            for name, c, count in zip(names, counted, counts))
        middle = m.group("middle")
        if middle in ("，", ",") and (tail := _COMPARED_TAIL.search(names[-1])):
            # 行政复议和行政诉讼数量较2023年均有下降，分别为4件、2件: the comparison is the list's, not its last name's
            names[-1], middle = names[-1][:tail.start()], ""
        if (whole := _WHOLE_SCOPE.match(names[0])) and len(names) == len(counts):
            # 全市因政府信息公开引发的行政复议、行政诉讼案件分别为402件、287件: the whole city's, each of them
            names = [names[0], *(name if _WHOLE_SCOPE.match(name) else whole.group() + name for name in names[1:])]
        if len(names) != len(counts) or any(_COUNTED.search(name) for name in names):
            return m.group()  # (行政复议5件、行政诉讼3件（上年分别为7件、2件）: counted already, the aside another year's)
        rest = "" if _COPULA.match(m.group("rest")) else m.group("rest")
        return "；".join(f"{name}{middle}{rest}{count}" for name, count in zip(names, counts))

    return _RESPECTIVELY.sub(pairs, sentence)


# A paragraph's lead heading alone as a sentence ((一)主动公开。, 一是主动公开。): the next sentence's counts are what it heads.
_LEAD_HEADING = re.compile(r"\s*(?P<lead>(?:[（(][一二三四五六七八九十]{1,2}[)）]|[一二三四五六七八九十]{1,2}是"
                           r"|\d{1,2}[.、．])?\s*主动公开(?:情况|工作|方面)?)\s*[。．.]\s*")


# A sentence giving a worked example (a filling guide's 示例：如本年新收10件…, 例如…, 假设…, 如…，则…): its counts are
# nobody's.
_WORKED_EXAMPLE = re.compile(r"\s*(?:\d{1,2}\s*[.、．]\s*|[（(][一二三四五六七八九十\d]{1,2}[)）]\s*)?"
                             r"(?:示例|举例|例如|比如|譬如|假设|假如|如[^，,。；;]{1,40}[，,][^。；;]{0,40}?则)")


@functools.cache
def _patterns_needing(mentioned: frozenset[tuple[str, ...]]) -> tuple[Pattern, ...]:
    """The patterns whose words a sentence mentions, in their order (which decides between figures at one place)."""
    return tuple(pattern for pattern in (*PATTERNS, *_OWN_PATTERNS) if pattern.needs in mentioned)


def find_figures(sentence_list: list[str], year: int | None = None, table_lines: list[str] | None = None,
                 all_levels: bool = False, own_place: str = "", own_names: tuple[str, ...] = (),
                 trusted_glyphs: frozenset[str] = frozenset()) -> list[Figure]:
    """Every stated figure, in the order the text states them, then the rows of
    a statistics table (pre-2019 reports), with at most one headline per key.
    ``trusted_glyphs``: the glyphs (O, l) the report's sums read as digits, and a count printed with them read so.
    ``all_levels``: the report speaks for every level of its region (全区各级行政机关…), as a government's
    report before the 2019 form did; since then its tables, and so its totals, are the government's own.
    ``own_place``: the division whose government the body is (历下区), which it may call itself by (我区);
    ``own_names``: the body's names (寿光市人民政府办公室), which it may call itself by after a wider scope's count."""
    own = own_words(own_place, own_names)
    own_parts: set[int] = set()  # where a count of the body's own follows 其中 (全区…3152件。其中，区政府本级…422件)
    continued: set[int] = set()  # the clauses (by number) that go on from one ending in ；
    found: list[tuple[int, Figure]] = []
    offset = 0
    lead = before = previous = clauses = heading = repeated = ""
    for sentence in sentence_list:
        checkpoint()
        if sentence == repeated:
            continue  # (the same sentence again, line after line: a page's copies, or 100,000 of a padded file's)
        repeated = sentence
        # a paragraph's lead heading as a sentence of its own ((一)主动公开。全年…公开信息168条): what it heads
        sentence, heading = (heading + "：" + sentence if heading else sentence), (
            m["lead"] if (m := _LEAD_HEADING.fullmatch(sentence)) else "")
        scope, lead = lead, _wider_scope(lead, sentence, own)
        if not scope and _as_review_body(previous) and not own.search(sentence):
            scope = previous  # (区政府统一行使行政复议职责。2024年区政府共收到行政复议申请312件: the review body's)
        # the clause before this one in its sentence (自然人申请512件；商业企业申请63件。: the types it lists),
        # or the sentence a 其中 sentence breaks down (共收到申请246件。其中，自然人…)
        said = (before or (previous if sentence.lstrip().startswith("其中") else "")) + sentence
        # disclosure named in the clause or the one it goes on from (因政府信息公开引发行政复议2件；引发行政诉讼1件), not in
        # the sentence a 其中 sentence breaks down (…167件。其中，涉及市级机关的行政复议41件: a part, of no kind named)
        disclosure_said = bool(_DISCLOSURE_WORDS.search(before + sentence))
        # every clause of the sentence so far (自然人申请187件；商业企业申请19件；法律服务机构申请6件: a list of
        # applicant types, each its own clause), for the words the patterns need
        clauses = (clauses if before else "") + sentence
        if before:
            continued.add(offset // 1_000 + 1)  # (this clause's number, set below)
        before, previous = (sentence if sentence.endswith(("；", ";")) else ""), sentence
        offset += 1_000
        if len(sentence) > 400 or _WORKED_EXAMPLE.match(sentence):
            continue  # (a filling guide's worked example: 示例：如本年新收10件、上年结转2件，…则结转下年度…1件)
        looked_at = said if said == clauses else said + "\0" + clauses  # (no pattern's word holds a NUL)
        mentioned = frozenset(needs for needs, words in _NEEDS_GROUPS.items() if words.search(looked_at))
        if not mentioned:  # no pattern's words: most sentences
            continue
        text, sentence = sentence, _glyphs_read(sentence, trusted_glyphs)
        has_digit = _HAS_NUMBER.search(sentence) is not None
        # the figures are read from the pairs and with their amounts' words left out, kept with the text
        sentence = _plain_amounts(_respectively(_each_applicant(sentence)), clauses[:len(clauses) - len(text)])
        for pattern in _patterns_needing(mentioned):
            if not (has_digit or pattern.value is not None) or not holds_words(sentence, pattern.words):
                continue
            for m in pattern.regex.finditer(sentence):
                if "who" in pattern.regex.groupindex and not own.names_whole(m.group("who")):
                    continue  # (a part of another's count: 其中自然人…)
                nearly = False  # (近二十件: at most the count stated)
                if pattern.value is not None:
                    value: int | float = pattern.value
                    approx = False
                    start = m.start()
                else:
                    number = m.group("n").replace(",", "")
                    if len(number.split(".")[0]) > MAX_NUMBER_DIGITS:
                        continue  # no count has that many digits: not a figure to check
                    counted = _count(number)
                    exact = _EXACT_AFTER.match(sentence, m.end()) if counted is None else None
                    if exact:  # 逾千件，共计1,152件: no number in the round figure, the count after it
                        counted = int((exact["n"] or exact["m"]).replace(",", ""))
                    elif counted is None or (not number[0].isdigit() and not _ends_clause(sentence, m)):
                        continue  # 百余条, 一二件: no one number; 一件事一次办, 一件一档: a slogan
                    value = counted * pattern.scale
                    approx = not exact and (bool(m.group("approx")) or bool(_APPROX_BEFORE.search(sentence[: m.start("n")])))
                    nearly = approx and not m.group("approx") and sentence[: m.start("n")].rstrip().endswith("近")
                    if m.group("wan"):  # 1.2万条, 4千余条: a rounded count in tens of thousands, or thousands
                        value, approx = round(value * (10_000 if m.group("wan") == "万" else 1_000)), True
                    start = m.start("n")
                key = pattern.key
                if key == "applications_received" and pattern.value is None and _WITH_CARRIED.match(sentence, m.end()):
                    key = "applications_handled"  # 收到申请1,027件（含上年结转36件）: the year's new and old ones
                # (a sum after its parts: its own clause, where the pattern marks it, not the parts')
                begins = m.start("at") if "at" in pattern.regex.groupindex else m.start()
                why = _context(key, sentence, begins, start, year, all_levels, scope, own, clause_before=said[:-len(text)])
                if pattern.year_offset and m.group("y"):
                    named = int(m.group("y"))
                    why = "other_year" if year is None or named != year + pattern.year_offset else (
                        "" if why == "other_year" else why)
                if _COMPARED_AFTER.match(sentence, m.end()) and (lead := _COMPARED_LEAD.search(sentence, 0, start)) \
                        and (lead["y"] is None or year is None or int(lead["y"]) != year):
                    why = "other_year"  # 与2020年全年受理申请132件相比有所下降: the year compared with's count
                if key in _CASE_KEYS and _OUTCOME_AFTER.match(sentence, m.end()):
                    why = why or "part"  # 全年有1件行政复议被纠正: the cases of one outcome, not all
                if _REPORTED_ELSEWHERE.match(sentence, m.end()):
                    why = why or "other_report"  # …申请486件（相关情况详见市政府年度报告）: another report's count
                if _NOT_COUNTED_HERE.match(sentence, m.end()):
                    why = why or "other_scope"  # 局属学校…共受理申请7件，…，不计入本报告统计: others' count
                if key in _CASE_KEYS and _DISCLOSURE_ONES_AFTER.match(sentence, m.end()):
                    why = why or "other_process"  # 行政复议案件共46件，其中涉及政府信息公开的4件: cases of every matter
                if pattern.value is None and _NEXT_COUNT.match(sentence, m.end()):
                    why = "table_row"  # 上年结转…数量1件0件1件: a table row printed as text, its first cell
                if pattern.value is None and _BOUND_AFTER.match(sentence, m.end()):
                    why = "bound"  # 累计申请10件以下（含10件）的，不收费: a fee rule's bound, no count
                if pattern.value is None and number[0].isdigit() and _misread_around(sentence, m.start("n"), m.end("n")):
                    why = "misread"  # l2846条, 4 2件: OCR read a digit as a letter, or spaced a number's digits
                if pattern.value is None and "." in m.group("n") and not m.group("wan") \
                        and key not in _MONEY_KEYS:
                    why = "fraction"  # 申请1.57件: a count has no fraction (a misread, or a rate)
                own_part = not why and _own_part(sentence[:start], own)
                if all_levels and not why and (own_part or _own_level_named(sentence[:start])):
                    why = "part"  # the tables every level's: 其中，以市政府名义新收申请612件 (市政府本级新收…137件) is the
                    # government's share
                found.append((offset + m.start(), Figure(key, value, approx, text, context=why,
                                                         source="prose-unnamed" if pattern.unnamed else "prose",
                                                         about_disclosure=disclosure_said, nearly=nearly,
                                                         whole=_counts_whole(sentence[:start], own_place))))
                if own_part and not all_levels and _picks_own(key, sentence[:start]):
                    own_parts.add(offset + m.start())
                if approx and (exact := _EXACT_AFTER.match(sentence, m.end())):
                    # 逾1.2万条（12,583条）, 近300件（296件）, 逾千件，共计1,152件: the count after the round figure
                    found.append((offset + m.start() + 1, Figure(key, int((exact["n"] or exact["m"]).replace(",", "")),
                                                                 False, text, context=why)))
                if why == "superseded" and (fixed := _CORRECTION.match(sentence, m.end())):
                    # 收到申请16件（更正：应为18件）: the corrected count, in the figure's place
                    found.append((offset + m.start() + 1, Figure(key, int(fixed.group("n").replace(",", "")), False,
                                                                 text, context=_context(key, sentence, m.start(),
                                                                                        start, year, all_levels,
                                                                                        scope, own, corrected=True))))
        implied = [_proactive_sum(sentence) if has_digit and "主动公开" in sentence else None,
                   _year_after_year(sentence, offset, year, found) if has_digit and said != sentence else None]
        for key, value, m in filter(None, implied):  # (the second: a clause after one ending in ；)
            why = _context(key, sentence, m.start(), m.start("n"), year, all_levels, scope, own,
                           clause_before=said[:-len(text)])
            found.append((offset + m.start() + 1, Figure(key, value, False, text, context=why)))
    found.sort(key=lambda pair: pair[0])
    kept: list[tuple[int, Figure]] = []
    seen: set[tuple] = set()
    for at, figure in found:
        key = (figure.key, figure.value, figure.text)
        if key not in seen:
            seen.add(key)
            kept.append((at, figure))
        elif at in own_parts:  # (the same count read by two patterns: where the first read it)
            own_parts.add(next(first for first, other in kept if (other.key, other.value, other.text) == key))
    _wider_before_own(kept, own_parts, continued)
    _whole_division_beside_own(kept, own_parts, own)
    unique = [figure for _, figure in kept]
    unique += table_figures(table_lines or [], year)
    _split_into_new_and_carried(unique, sentence_list)
    _all_answered(unique)
    mark_headlines(unique)
    return unique


# 主动公开政府信息，第一季度至第四季度分别公开312条、…，全年共计1,356条: the items named, their parts, then the sum
# in a clause of its own (the parts' clause, a quarter's, is no scope of the sum's).
_PROACTIVE_NAMED = re.compile(r"(?<!转)(?<!转为)主动公开(?:了)?(?:各类|各项)?(?:政府)?信息\s*[，,]")
_SUM_CLAUSE = re.compile(r"(?<=[，,])\s*(?:全年)?(?:共计|合计|总计)\s*" + _N + "条")
_SUM_REACH = 80  # characters from the items named to their sum
# 第一季度主动公开信息1,204条，第二季度1,387条，…，合计5,169条: the items named in the first period's clause, each
# period's count, then the year's sum (twelve months' counts reach further).
_PERIOD = r"(?:第?[一二三四1-4]\s*季度|[上下]半年|\d{1,2}\s*[-—－~至到]\s*\d{1,2}\s*月份?|\d{1,2}\s*月份?)"
_PERIOD_PROACTIVE = re.compile(_PERIOD + r"[^。；;，,\d]{0,10}?(?<!转)主动公开(?:了)?(?:政府)?信息")
_PERIOD_SUM_REACH = 200


def _proactive_sum(sentence: str) -> tuple[str, int | float, re.Match] | None:
    """The items published as the sum a clause of their own states after the items are named, or None."""
    named, reach = _PROACTIVE_NAMED.search(sentence), _SUM_REACH
    if named is None and (named := _PERIOD_PROACTIVE.search(sentence)):
        reach = _PERIOD_SUM_REACH
    total = _SUM_CLAUSE.search(sentence, named.end()) if named else None
    if total is None or total.start() - named.end() > reach or total["wan"] \
            or (value := _count(total["n"].replace(",", ""))) is None:
        return None
    return "proactive_items", value, total


# 2022年，我局共收到申请52件；2023年收到64件: the year before's count, then the report year's with the key implied.
_YEAR_AFTER = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})\s*年度?\s*[，,]?\s*(?:则|为|是|达到?|增至|增加到|上升到|共|共计)?"
                         r"\s*(?:收到|受理|新收|主动公开|公开|发布)?(?:了)?\s*" + _N + r"\s*(?P<unit>[件条])")
_COUNT_UNIT = re.compile(r"\d\s*([件条])")


def _year_after_year(sentence: str, offset: int, year: int | None,
                     found: list[tuple[int, Figure]]) -> tuple[str, int | float, re.Match] | None:
    """The report year's count a clause opens with after another year's clause, naming no kind (…1,128条；2023年为
    1,305条): of the kind of the last figure of the clause before, if that is another year's counted in the same
    unit; else None."""
    m = _YEAR_AFTER.match(sentence)
    if not m or year is None or int(m["y"]) != year or m["wan"] or (value := _count(m["n"].replace(",", ""))) is None:
        return None
    earlier = sorted(((at, f) for at, f in found if offset - 1_000 <= at < offset), key=lambda pair: pair[0])
    if not earlier or earlier[-1][1].context != "other_year":
        return None
    at, figure = earlier[-1]
    unit = _COUNT_UNIT.search(figure.text, at - offset + 1_000)
    return (figure.key, value, m) if unit is not None and unit.group(1) == m["unit"] else None


# 本年新收2,265件，上年结转53件: the applications of the year, apart from those carried over.
_NEW = r"(?:本年度?|全年|当年|今年)新收(?:政府信息公开申请|申请)?\s*(?P<new>\d[\d,]*|[" + _CN_NUMERALS + r"]{1,8})\s*件"
_CARRIED = r"(?:上一?年度?|去年)结转(?:的)?(?:申请)?\s*(?P<old>\d[\d,]*|[" + _CN_NUMERALS + r"]{1,8})\s*件"
_NEW_AND_CARRIED = re.compile(rf"{_NEW}\s*[，,、]\s*{_CARRIED}|{_CARRIED.replace('old', 'old2')}\s*[，,、]\s*"
                              rf"{_NEW.replace('new', 'new2')}")


def _split_into_new_and_carried(figures: list[Figure], sentence_list: list[str]) -> None:
    """A count of applications received that a later sentence, or the same one after 其中, splits into the year's
    new ones and those carried over (受理申请2,318件 … 本年新收2,265件，上年结转53件; 受理96件，其中上年结转5件，
    本年新收91件) is the applications handled, and the new ones are the year's received: read so, in place."""
    received = [f for f in figures if f.key == "applications_received" and not f.context and f.source == "prose"]
    if not received:
        return
    for sentence in sentence_list:
        if "新收" not in sentence or "结转" not in sentence:
            continue
        for m in _NEW_AND_CARRIED.finditer(sentence):
            new, old = (_count((m["new"] or m["new2"]).replace(",", "")), _count((m["old"] or m["old2"]).replace(",", "")))
            if not isinstance(new, int) or not isinstance(old, int):
                continue  # (一二件: no number)
            before = sentence[:m.start()]
            # (其中 before the split, or the split in a bracket after the count: 受理62件（上年结转5件，本年新收57件）)
            split_after = -1 < sentence.find("其中") < m.start() or max(before.rfind("（"), before.rfind("(")) > max(
                before.rfind("）"), before.rfind(")"))
            handled = [f for f in received if f.value == new + old and (f.text != sentence or split_after)]
            for figure in handled:
                figure.key = "applications_handled"
            if handled and not any(f.key == "applications_received" and f.value == new for f in figures):
                figures.append(Figure("applications_received", new, False, sentence))


# 收到政府信息公开申请27件，全部在法定期限内予以答复 (受理9件（含上年结转1件），已全部办结): every one answered, the
# count not said again (in the text as printed: 申请21起，均依法作出答复).
_ALL_ANSWERED = re.compile(r"(?P<n>\d[\d,]*)\s*[件宗份个起]\s*(?:[（(][^（()）。]{0,30}[)）])?\s*[，,]\s*"
                           r"(?:并|且|目前)?(?:已|已经)?(?:全部|均|全都|悉数)(?:已|已经)?(?:(?!结转|转入|顺延)[^。；;，,\d]){0,14}?"
                           r"(?:答复|办结|办理完毕|处理完毕|办理完成)")


def _all_answered(figures: list[Figure]) -> None:
    """The applications received (or handled) that the clause after their count says were all answered are the
    applications answered, when the report counts none answered and carries none forward: what a reader takes
    from the sentence, kept with it."""
    if any((f.key == "applications_answered" or (f.key == "applications_carried_forward" and f.value))
           and not _reason(f) for f in figures):
        return  # (another process's 办结2130件 says nothing of these)
    for figure in [f for f in figures if f.key in ("applications_handled", "applications_received")
                   and not f.context and not f.approx and f.source == "prose"]:
        if any(int(m["n"].replace(",", "")) == figure.value for m in _ALL_ANSWERED.finditer(figure.text)):
            figures.append(Figure("applications_answered", figure.value, False, figure.text, all_of=figure.key))
            return  # (the handled before the received: a sentence's 受理9件（含上年结转1件） is handled)


def _ends_clause(sentence: str, m: re.Match) -> bool:
    """Whether a count in Chinese numerals that ends its match (收到申请三件) ends its clause too:
    in 一件事一次办 or 一件一档 the words go on, and the numeral is part of a slogan, not a count."""
    if m.group()[-1] not in _UNITS:
        return True  # the match goes on past the count (一件结转下年度, 两起行政诉讼)
    return m.end() == len(sentence) or sentence[m.end()] in _CLAUSE_END


# An outcome right after a count of cases (1件行政复议被纠正, 2起行政诉讼败诉, 行政诉讼1件尚未审结): the
# cases that ended so, or have not ended yet.
_CASE_KEYS = frozenset({"admin_review_cases", "litigation_cases"})
# A government deciding reviews of its departments (行政复议体制改革后，区人民政府统一行使行政复议职责):
# the cases it handled as the review body are others', not the ones about its own disclosure.
_BOTH_KINDS = re.compile(r"行政复[议义]\s*[、和及与]\s*行政诉讼(?:案件)?(?:共计|共|合计|总计)?\s*$")
_APPLICATIONS_AMONG_MATTERS = re.compile(_AMONG_OTHER_MATTERS + r"(?:政府信息公开|依申请公开)申请(?:共|为)?\s*$")
# The two kinds' count split by 其中 into each kind's (行政复议和行政诉讼案件共4件，其中行政复议3件、行政诉讼1件)
_KINDS_OF_BOTH = re.compile(r"行政复[议义]\s*[、和及与]\s*行政诉讼[^。；;，,\d]{0,10}?\d+\s*(?:件|起|宗)\s*[，,]?\s*其中"
                            r"(?:(?!其中)[^。；;])*$")
_AS_REVIEW_BODY = re.compile(r"作为(?:行政)?复议机关|(?<![经由])复议机关(?:共|全年)?(?:办理|受理|审理|审结|收到)"
                             # 区政府统一行使行政复议职责，全年共收到行政复议申请2,136件; 本局承担市政府行政复议机构职责
                             r"|(?:行使|承担|履行)[^。；;，,\d]{0,10}?(?:行政)?复议(?:机构|机关)?的?职责"
                             # (市人民政府行政复议机构全年收到行政复议申请187件: the review office a 司法局 houses)
                             # (区人民政府行政复议办公室设在本局，全年办理行政复议案件1,035宗: housed here, a clause between)
                             r"|(?<![经由])(?:行政)?复议(?:机构|办公室|委员会)[^。；;\d]{0,12}?(?:办理|受理|审理|审结|收到)"
                             r"|作出(?:行政)?复议决定")  # (only a review body decides a review)
# A count of review applications received and then of those accepted (收到行政复议申请126件，受理118件): a review body's; the
# body reviewed accepts none.
_ACCEPTED_AFTER = re.compile(r"[\d,]*\s*(?:件|宗|起)\s*[，,、]\s*(?:其中)?\s*(?:依法)?(?:予以)?受理\s*\d")
# Cases against other bodies' acts (对省级生态环境部门政府信息公开行为不服提起的…), the body their review body; a count that
# says it includes them (…58件（含申请人对省级…部门…答复不服、向我部申请行政复议的案件35件）).
_AGAINST_OTHERS = re.compile(r"对[^。；;，,]{0,24}?(?:部门|机关|政府|局|厅|委)[^。；;，,]{0,16}?不服")
_WITH_OTHERS_AFTER = re.compile(r"[\d,]+\s*(?:件|起|宗)\s*[（(]\s*含[^（()）]{0,60}?(?:不服|向[我本][^（()）]{0,6}申请)")
# The body as the one reviewed or sued, after it spoke as the review body (作为复议机关办理…21件，作为被申请人或被告的案件中…).
_AS_RESPONDENT = re.compile(r"作为(?:行政复议)?被申请人|作为被告|被申请(?:行政)?复议|被(?:提起|起诉)"
                            r"|涉及[我本](?:部|局|委|厅|办|署|机关|单位)")  # (涉及我部的…行政诉讼案件26件: its own)


def _as_review_body(text: str) -> bool:
    """Whether the text speaks of the body as a review body, last (not as the one reviewed or sued after that)."""
    if "复议" not in text:  # (every way of saying so names the review: most sentences, one look)
        return False
    ends = [m.end() for m in _AS_REVIEW_BODY.finditer(text)]
    return bool(ends) and not _AS_RESPONDENT.search(text, ends[-1])


# A count followed by where it is reported instead (（相关情况详见市政府年度报告）, ，已在市政府年度报告中反映).
_REPORTED_ELSEWHERE = re.compile(r"\s*[（(，,]\s*(?:相关|具体)?(?:情况|数据)?\s*(?:详见|另见|见|已在|已?(?:纳入|列入|计入))"
                                 r"[^。；;）)]{0,24}?(?:年度报告|年报)")
_NOT_COUNTED_HERE = re.compile(r"[^。；;]{0,30}?不(?:计入|纳入|列入|包括在)本(?:报告|年度报告|表|机关)")
_DISCLOSURE_ONES_AFTER = re.compile(_ASIDE + r"[，,]\s*" + _DISCLOSURE_ONES + r"\d")
# All the information made public, then the proactive part of it (全年共公开政府信息5846条，其中主动公开政府信息5712条、
# 依申请公开政府信息134条; 门户网站全年发布信息12,847条，其中市政府及市政府办公室主动公开政府信息2,963条, after a topic's
# name, 主动公开方面): that part is the year's proactive total.
_PROACTIVE_OF_ALL = re.compile(r"^(?:[^。；;，,]{0,6}主动公开(?:方面|工作|情况)?\s*[：:，,])?(?:(?!主动)[^。；;])*(?:公开|发布)"
                               r"[^。；;]*?其中\s*[^。；;，,、\d]{0,16}?主动公开[^。；;，,、]*$")
# 其中因政府信息公开引发行政复议3件、行政诉讼1件 (after the applications' sentence): the cases disclosure caused, the
# measure itself; no part of a total of cases.
_DISCLOSURE_CAUSED = re.compile(r"其中\s*(?:因|涉及|关于)(?:政府)?信息公开(?:工作)?(?:而)?(?:引发|引起|产生|提起)的?")
_DISCLOSURE_ONES_END = re.compile(r"[，,]\s*" + _DISCLOSURE_ONES + "$")
# (被复议机关责令重新答复: the body deciding named between)
_OUTCOME_AFTER = re.compile(r"(?:案件|案)?\s*(?:(?:被|遭)[^，,。；;\d]{0,8}?)?"
                            r"(?:纠正|纠错|撤销|确认违法|败诉|胜诉|维持|驳回|撤回|终止|责令"
                            r"|(?:尚未|仍未|未|已)(?:审结|结案|办结)|(?:正在|仍在)?审理中|在审)")
_UNITS = "件条起宗份个"
# A count of applications followed by what it includes of last year's: 1,027件（含上年结转36件）.
_WITH_CARRIED = re.compile(r"\s*[（(]\s*(?:含|包括|包含|其中)\s*(?:上一?年度?|去年|(?:19|20)\d{2}\s*年度?)的?结转"
                           # 共受理申请228件，其中本年新收216件、上年结转12件: the new and the carried together
                           r"|\s*[，,]\s*其中\s*(?:本年度?|当年|今年|全年)?新收[^。；;]{0,20}?\d+\s*件\s*[、，,]\s*"
                           r"(?:上一?年度?|去年)结转")
# A count right after a figure's count: the figure is a cell of a table row read as text.
_NEXT_COUNT = re.compile(r"\s*\d+(?:\.\d+)?\s*[件条起宗份个]")
_CLAUSE_END = "，,。；;、）)（(：:！!？?"


# Letters OCR reads digits as (l2846 for 12846, 3l05 for 3105, 2O17 for 2017), and a digit spaced off.
_DIGIT_LOOKALIKES = "lIOoSBZ丨"


# A count printed with OCR's glyphs for its digits (l286条, 1O45条, 复议l件), up to its unit.
_GLYPH_COUNT = re.compile(r"(?<![A-Za-z0-9.])[0-9lIOoSBZ丨]+(?=\s*[万千]?\s*(?:条|件|个|项|起|次|篇))")


def _glyphs_read(sentence: str, trusted: frozenset[str]) -> str:
    """The sentence with each count printed with glyphs for digits written in digits, when every glyph in it is one
    the report's own sums read so (``trusted``: table 3's l9 taken as 19); a glyph no sum read stays, and so the
    count is no figure. One character for one: the sentence's offsets hold."""
    def digits(m: re.Match) -> str:
        run = m.group()
        if run.isdigit() or not all(c.isdigit() or c in trusted for c in run):
            return run
        return glyph_digits(run) or run
    return _GLYPH_COUNT.sub(digits, sentence) if trusted else sentence


def _misread_around(sentence: str, start: int, end: int) -> bool:
    """Whether a number's digits run on into a letter OCR reads digits as, or a digit spaced off it
    stands just before (4 2件): its value is not the printed one."""
    before = sentence[max(0, start - 2):start]
    after = sentence[end:end + 1]
    return bool(before and (before[-1] in _DIGIT_LOOKALIKES or re.fullmatch(r"\d\s", before))) or (
        bool(after) and after in _DIGIT_LOOKALIKES)


def _count(number: str) -> int | float | None:
    """A figure's number: digits as printed, Chinese numerals by cn2an's strict grammar (so 一二
    is no number), 两 read as 二 and 〇 as 零."""
    if number[0].isdigit():
        return float(number) if "." in number else int(number)
    import cn2an  # only for the rare figure in Chinese numerals

    try:
        return int(cn2an.cn2an(number.replace("两", "二").replace("〇", "零"), "strict"))
    except ValueError:
        return None


# --- headlines -----------------------------------------------------------------

_YEAR_MENTION = re.compile(r"((?:19|20)\d{2})\s*年")
# The year a figure is compared with (较上年的37件增长62.2%，达到60件): the figure is not that year's.
_COMPARED_YEAR = re.compile(r"(?:较|比|相比于?|与|由|从)(?:上一?年度?|去年|前年)(?:同期)?")  # (由上年的4件下降为2件)
_CARRIED_IN = re.compile(r"上一?年度?结转")
_CARRIED_INTO_THIS_YEAR = re.compile(r"结转(?:至|到|入)(?:本年度?|今年|当年)")
_OTHER_YEAR_WORDS = re.compile(r"(?:上一?年度?|去年|前年|同期|历年|累计至今|成立以来|以来|上半年|下半年|季度)")
# A running total since some earlier date: 截至2023年底，累计主动公开… or 条例实施以来，累计收到… (but
# 截至12月底，全年累计… is the year's).
# (十年来，全区累计…: the years counted back from now)
_RUNNING_TOTAL = re.compile(r"(?:截至|截止|至今|以来|(?<!全)年来|自(?:19|20)\d{2}\s*年[^。；;!！?？]*?至)[^。；;!！?？]*"
                            r"(?<!全年)(?<!本年)(?<!年内)(?<!当年)(?<!今年)累计$")
# Years counted back from now (近三年来, 五年来, 近3年): a sum over them, not the year's (but not 近年来, any time).
_YEARS_BACK = re.compile(r"近(?:[两二三四五六七八九十]|(?<!\d)\d{1,2})个?年"
                         r"|(?<![全本当今上去\d])(?:[两二三四五六七八九十]|\d{1,2})年(?:来|以来|间)")
_THIS_YEAR_WORDS = re.compile(r"全年|本年|今年|当年|年内")
# The first year of a span the last year named closes (2021—2023年共收到申请163件: the years' sum, not the last one's).
_SPAN_OPENED = re.compile(r"(?:19|20)\d{2}\s*年?\s*(?:—|–|-|－|～|~|至|到)\s*$")
# A span from a date (自2019年5月15日新修订的《条例》施行以来): from another day than 1 January, part of a year.
# The day the 条例 took effect: a 2008 report covers the year from it (自2008年5月1日以来…: the whole period).
_IN_FORCE = (2008, 5, 1)
_SINCE_DATE = re.compile(r"(?:自|从)\s*(?:19|20)\d{2}\s*年\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日)?"
                         r"[^。；;，,]{0,30}?(?:以来|起)")
# A date a count runs to (截至2022年11月底, 截止12月20日): before the year's end, part of a year.
_UNTIL_DATE = re.compile(r"截[至止]\s*(?:(?:19|20)\d{2}\s*年)?\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*日|底|末)?")
# A month's count (12月份收到申请13件), not a span of months (1-12月份, 1至12月份).
_MONTH_FIGURE = re.compile(r"(?<![\d年\-—–~～至到])\d{1,2}\s*月份")


def _before_year_end(until: re.Match) -> bool:
    month, day = int(until["month"]), int(until["day"] or 31)
    return month < 12 or day < 31


# Another year's or another body's report quoted by its title before a figure.
# (not one the body published, 发布《苏州市住房公积金2023年年度报告》, as its own work of the year)
_CITED_REPORT = re.compile(r"(?<!发布)(?<!印发)(?<!公布)(?<!编制)(?<!编印)(?<!出版)"
                           r"《[^《》]{0,40}(?:19|20)\d{2}\s*年[^《》]{0,30}(?:年度报告|年报)》")
# A report's title and its abstract, as a page's list of related reports prints them (…2022年政府信息公开工作年度报告摘要：).
_TEASER = re.compile(r"(?P<who>[\u4e00-\u9fff]{2,30}?)(?:19|20)\d{2}\s*年度?[^。；;，,：:]{0,20}(?:年度报告|年报)"
                     r"\s*(?:内容)?(?:摘要|简介|导读)\s*[:：]")
# Another body's figures reported by it (据姑苏区政务公开办公室通报); 据统计 is the report's own.
_CITED_SOURCE = re.compile(r"据(?!统计)[\u4e00-\u9fff]{2,20}?(?:通报|公布|发布|报告)")
# An erratum: what the report printed before, then what it should have printed (“…申请50件”更正为“…59件”).
_CORRECTED_TO = re.compile(r"(?:更正|修改|改正|更改)为|应为")
# The corrected count right after a figure: 16件（更正：应为18件）.
_CORRECTION = re.compile(r"\s*[（(]?\s*(?:更正\s*[:：]?\s*)?(?:(?:更正|修改|改正|更改)为|应为)\s*"
                         r"(?P<n>\d[\d,]*)\s*(?:件|条|起|宗)")
_THIS_YEAR_CLAUSE = re.compile(r"^\s*(?:全年|本年度?|今年|当年|年内)")
# The report's own year named again after another year's mention: 对2017年以来制发的文件开展清理，截至年底，现行有效…
_THIS_YEAR_AGAIN = re.compile(r"[，,；;]\s*(?:截至|截止)(?:本?年底|本?年末|目前|12月(?:底|31日))")
_YEAR_OPENS = re.compile(r"\s*度?\s*[，,]")  # 2017年，…: the year of what follows
_CHANGE_BEFORE = re.compile(r"(?:增加|减少|增长|下降|上升|提高|多|少)了?\s*$")
# A whole sector across levels (全市生态环境系统): more bodies than the report's own.
_SECTOR_SYSTEM = re.compile(r"(?:全市|全区|全县|全省|全州|全盟|全旗|(?:(?![我本])[\u4e00-\u9fff]){2,8}?[省市区县州盟旗])"
                            r"[\u4e00-\u9fff]{0,10}系统"  # (苏州市人社系统: a named place's too)
                            r"|(?<![\u4e00-\u9fff])(?:全|部|总局|署)系统")  # (a ministry's: 部系统全年共收到…5,870件)
# Every level or body of a region (全区各级行政机关, 全市各区(市)县政府及市级部门): a government's report
# before the 2019 form spoke for them.
_ALL_LEVELS = re.compile(r"(?:全市|全区|全县|全省|全州|全盟|全旗)(?:各(?:级|区|县|市|乡镇|镇街|街镇|街道|镇|乡|部门|单位)"
                         # (全县16个乡镇, 全县18个县直部门: the towns or departments, not the county)
                         r"|\d+个(?:[县市区省]直)?(?:乡镇|镇街|街镇|街道|区镇|乡|镇|部门|单位)"
                         r"|(?!各?行政机关)[\u4e00-\u9fff]{1,6}?机关)"  # (全省公安机关: every body of a sector)
                         r"|(?<![\d个])\d+个(?:区镇|镇街|街镇)"  # (11个区镇共收到…: a city's towns and zones together)
                         # a division named, with every level or all of its area (济南市各级行政机关, 温州市范围内)
                         r"|(?:全[市区县省州盟旗]|(?:(?![我本])[\u4e00-\u9fff]){2,8}?[省市区县州盟旗])(?:范围内各级|各级|范围内)"
                         # the towns, streets or departments as a clause's subject (各街道作为独立公开义务主体，共新收…)
                         # (各区镇共收到…, 各县(市、区)政府及开发区共收到…: a city's towns and zones, its counties' governments)
                         r"|(?<![\u4e00-\u9fff])各(?:乡镇|镇街|街镇|街道|区镇|镇|乡|部门|单位|县区|区县|县市区"
                         r"|县[(（][市区][、,，]?[市区][)）]|(?:县|区|市)(?:人民)?政府)"
                         # a national body's every office (全国海关, 全国税务系统)
                         r"|全国(?:各级|各地|[\u4e00-\u9fff]{0,6}?(?:海关|系统|机关|部门))"
                         # the levels of a region's bodies (全省市、县两级民政部门, 全市市区镇三级)
                         r"|全[省市区县州](?:[省市区县乡镇街道]|[、和及与])*[两二三四五]级")
# The report's body naming itself as a clause's subject: what it states is its own (a town's 我镇 too).
_OWN_LEVEL = re.compile(r"本级|以本机关名义")  # a government's own level, named before its division's whole
# A whole division as a count's subject (全县因政府信息公开引发…, 全区共收到…): its government's, or every body's there.
_LEVEL_RANK = {"省": 3, "市": 2, "州": 2, "盟": 2, "县": 1, "区": 1, "旗": 1}  # (a county's tables, not its city's)
# (and its bodies' counts added up, 全县（汇总）合计…, 全县汇总共…)
_WHOLE_DIVISION = re.compile(r"全(?P<division>[省市区县州盟旗])(?:\s*[(（]?\s*汇总\s*[)）]?)?"
                             r"(?=(?:全年|本年度?|年度)?(?:共|合计|总计|因|涉及|政府信息公开"
                             r"|依申请|同类|收到|受理|新收|发生|引发|各|范围|主动|行政))")


def speaks_for_whole(text: str, place: str) -> bool:
    """Whether a sentence's count is the whole of the division ``place`` (全县共收到… of 信丰县)."""
    return bool(place) and any(m["division"] == place[-1] for m in _WHOLE_DIVISION.finditer(text))


# Where a clause turns to the body's own level (其中县政府本级…, ；县政府本级…): a count after it is not the whole's.
_TURN = re.compile(r"其中|本级|以本机关名义|[；;。]")


def _counts_whole(before: str, place: str) -> bool:
    """Whether the clause before a count, from its last turn to the body's own level, counts the whole of the division
    ``place`` (全县汇总共新收申请186件，其中县政府本级新收37件: 186 does, 37 does not)."""
    if not place or "全" not in before:
        return False
    turns = [t.end() for t in _TURN.finditer(before)]
    return speaks_for_whole(before[turns[-1] if turns else 0:], place)


def own_level_beside_whole(figures: list[Figure]) -> None:
    """A government's report whose tables are its own level's (县政府本级) while the prose gives its whole division's
    counts too (全县汇总…): the whole's counts are another scope, and the own level's after 其中 no part of them."""
    for figure in figures:
        if figure.whole and not figure.context:
            figure.context = "other_scope"
        elif figure.context == "part" and not figure.whole and _OWN_LEVEL.search(figure.text):
            figure.context = ""  # (其中县政府本级新收37件: the report's own, not a part of its count)
    mark_headlines(figures)


# Another government body as a clause's subject, its verb right after it (国务院办公厅全年共收到…).
_OTHER_BODY = re.compile(r"(?:国务院(?:办公厅)?|[\u4e00-\u9fff]{2,8}?[省市](?:人民)?政府(?:办公厅|办公室)?)"
                         r"(?=(?:全年|本年度?)?(?:共|共计)?(?:收到|受理|新收|接收|办理|被申请|被提起))")
_OWN_SUBJECT = re.compile(r"本机关|本单位|本级|[本我](?:局|委|办|厅|部门|中心|院)|我单位|[省市区县州旗]政府办(?:公室|公厅)?"
                          r"|[我本](?:镇|乡|街道)|[省市区县州旗](?:局|厅|委)(?:机关|本级)")  # (市局机关: a bureau's own)
_DIVISION_SUFFIXES = "省市区县州盟旗"


@dataclass(frozen=True)
class _Named:
    """Where a text names the body: a match's start, end and words."""

    at: int
    stop: int
    words: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.stop

    def group(self) -> str:
        return self.words


@dataclass(frozen=True)
class OwnWords:
    """What the body calls itself: the words every body uses (本机关, 我局), its names, and a government's division
    by its name, as 我区 / 本县 or as 区政府 (a government's report saying 我区 after the city's count speaks for
    itself). Searched like a pattern; the names looked for as they are, so no report compiles a pattern of its own."""

    names: tuple[str, ...] = ()
    suffix: str = ""  # a government's division's last character (区): 我区, 本区, 区政府 name it

    def search(self, text: str, pos: int = 0) -> re.Match | _Named | None:
        found = [m for m in (_OWN_SUBJECT.search(text, pos),
                             _division_words(self.suffix).search(text, pos) if self.suffix else None) if m]
        for name in self.names:
            if (at := text.find(name, pos)) >= 0:
                found.append(_Named(at, at + len(name), name))
        return min(found, key=lambda m: (m.start(), -m.end()), default=None)

    def names_whole(self, words: str) -> bool:
        """Whether ``words`` are one of the body's own words and nothing else (区政府本级, 我局, 武侯区)."""
        m = self.search(words)
        return m is not None and m.start() == 0 and m.end() == len(words)


@functools.lru_cache(maxsize=16)
def _division_words(suffix: str) -> re.Pattern:
    return re.compile(f"[我本]{suffix}|{suffix}(?:人民)?政府(?!办)(?:本级)?")


def own_words(place: str, names: tuple[str, ...] = ()) -> OwnWords:
    """The body's own words for a report of the division ``place``'s government (or none) and its ``names``."""
    kept = tuple(sorted({n for n in (*names, place) if n and len(n) > 2}, key=len, reverse=True))
    return OwnWords(kept, place[-1] if place and place[-1] in _DIVISION_SUFFIXES else "")


_NO_OWN = OwnWords()


# What a body publishes in its own name (其中以县政府名义发布2406条): its own items among a wider scope's, where a channel
# (其中通过市政府门户网站发布…) is a part.
_IN_OWN_NAME = re.compile(r"以[^。；;，,]{1,12}?名义")


def _picks_own(key: str, before: str) -> bool:
    """Whether 其中 may pick the body out of a wider scope's count: of what bodies receive (requests, cases), or of
    what the body publishes in its own name or at its own level (其中以县政府名义发布…, 其中，市政府本级公开…); not of
    what a channel publishes (其中通过市政府门户网站发布…)."""
    return key.startswith("applications") or key in _CASE_KEYS or bool(_IN_OWN_NAME.search(before)
                                                                      or _OWN_LEVEL.search(before))


def _own_part(before: str, own: OwnWords) -> bool:
    """Whether the words before a count name the body itself as the part 其中 picks out (其中，区政府本级新收…;
    其中我局收到…; 其中：县政府（含县政府办公室）收到…), or as the respondent of the cases counted (…，以市政府为
    被告的行政诉讼2件): its own count, the total before it a wider scope's."""
    if (respondent := _RESPONDENT.search(before)) and own.names_whole(respondent["who"]):
        return True
    at = before.rfind("其中")
    named = own.search(before, at) if at >= 0 else None
    if named is not None and _OWN_CHANNEL.match(before, named.end()):
        return False  # 其中，通过区政府门户网站等网上渠道提交213件: a channel the body runs, not the body's share
    if named is None or (re.search(r"\d", rest := before[named.end():]) and not _COUNT_LIST.fullmatch(rest)):
        return False  # (其中市政府本级收到申请587件（网上申请512件、信函申请63件: the body's count, then its parts;
        # but 其中县政府作为被申请人的行政复议案件2件、作为被告的行政诉讼案件1件: the body's counts, one after another)
    return not any(c in before[at:] for c in "，,；;") or bool(_OWN_AFTER_WHICH.match(before, at + 2))


_OWN_CHANNEL = re.compile(r"(?:门户)?网站|网(?![络上])|平台|政务新媒体|公众号|微博|信箱")
_RESPONDENT_NAMED = re.compile(r"以(?P<who>[^。；;，,、\d]{1,20}?)为(?:行政复议)?(?:被申请人|被告|被诉人)")
_RESPONDENT = re.compile(_RESPONDENT_NAMED.pattern + r"(?:的)?[^。；;，,\d]{0,12}$")  # (the words right before a count)
_COUNT_LIST = re.compile(r"(?:[^\d（()）。；;]*?\d+\s*[件条起]\s*[、，,])*[^\d（()）。；;]*")  # counts one after another
_OWN_AFTER_WHICH = re.compile(r"\s*[，,：:]")  # (其中，区政府本级…: the part after a comma or colon)


def _wider_before_own(found: list[tuple[int, Figure]], own_parts: set[int], continued: set[int]) -> None:
    """The count a body's own follows after 其中 is a wider scope's: the nearest before it of its key, in its sentence
    or the one before (a sentence opening with 其中; clauses after a ；are of their sentence: 全市…行政诉讼案件764件。
    以市政府为被申请人的…9件；以市政府为被告的…13件), is marked so, in place."""
    for k, (at, figure) in enumerate(found):
        if at not in own_parts:
            continue
        earlier = next((other for before, other in reversed(found[:k]) if other.key == figure.key
                        and sum(n not in continued for n in range(before // 1_000 + 1, at // 1_000 + 1)) <= 1), None)
        if earlier is not None and not earlier.context:
            earlier.context = "other_scope"


def _own_level_named(before: str) -> bool:
    """Whether the words before a count name the body's own level (市政府本级新收…137件，办结131件) after any whole
    division they name (…，市政府本级…287件，…，全市合计新收5,535件: the whole's)."""
    wider = [m.end() for pattern in (_WHOLE_DIVISION, _ALL_LEVELS) for m in pattern.finditer(before)]
    return _OWN_LEVEL.search(before, max(wider, default=0)) is not None


def _whole_division_beside_own(found: list[tuple[int, Figure]], own_parts: set[int], own: OwnWords) -> None:
    """Where the text counts the cases the body itself was the respondent of (以市政府为被申请人的行政复议9件), a count of
    the whole division's (全市因政府信息公开引发行政复议615件), before or after it, is every body's there: marked so."""
    owned = {figure.key for at, figure in found if at in own_parts and figure.key in _CASE_KEYS}
    for _, figure in found:
        if figure.key in owned and not figure.context and _WHOLE_DIVISION.search(figure.text) \
                and not own.search(figure.text) and not _RESPONDENT.search(figure.text):
            figure.context = "other_scope"


# After a wider scope's count, the body's own, the verb or the noun implied (11个区镇共收到…487件，我镇收到63件;
# 全市…共收到申请5867件，其中武侯区213件; 其中市局机关41件): the words before the count are the body's own (``who``).
_OWN_COUNTED = r"\s*(?!其中)(?:涉及)?(?P<who>[^。；;，,、：:（()）\d]{2,24}?)(?:的)?(?:[（(][^（()）\d]{0,15}[)）])?"
_OWN_PATTERNS = (
    _p("applications_received", r"(?:(?<=[，,；;])|其中\s*[：:，,]?)" + _OWN_COUNTED + r"(?:共)?(?:收到|受理|新收|接收)(?:了)?"
       r"(?:政府信息公开|依申请公开)?(?:申请)?\s*" + _N + "件"),
    _p("applications_received", r"(?:收到|受理|新收|接收)[^。；;，,]{0,20}?申请[^。；;，,\d]{0,6}?\d[\d,]*\s*件"
       r"\s*[，,、]\s*(?:其中)?" + _OWN_COUNTED + r"\s*" + _N + "件"),
)


_INCLUDES = re.compile(r"[(（]\s*含")
_TOTAL_WORDS = re.compile(r"共计|共|合计|总计|累计|全年|总数|总量|全部")
_SUM_WORDS = re.compile(r"共计|合计|总计")
# The exact count a round figure is followed by: （12,583条）, ，共计1,152件.
_EXACT_AFTER = re.compile(r"\s*(?:[（(]\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+)\s*[件条]\s*[)）]"
                          r"|[，,]\s*(?:共计|合计|共|计|经统计(?:为|共|共计)?|准确(?:数|数字)?为)\s*"
                          r"(?P<m>\d{1,3}(?:,\d{3})+|\d+)\s*[件条](?![^。；;，,]*[万余多]))")
# A number about another process that uses similar words (an approval hall "受理申请").
# (浙江政务服务网, a province's portal applications are sent through, names no other process.)
_OTHER_PROCESS = re.compile(r"行政审批|审批服务|政务服务(?!网|平台|一体化平台)|便民服务|服务申请|服务大厅|政务大厅|服务中心|"
                            r"窗口|办件|12345|12315|热线|信访(?!举报投诉类)|信箱|来信|留言|数据共享|共享申请|"
                            r"投诉举报|举报投诉(?!类)|"  # (a regulator's complaints; not the form's 信访举报投诉类申请)
                            # (网民留言: a site's messages; 信访举报投诉类申请 is the form's row of requests not processed)
                            # (登记 of a kind, or asked for: not the 登记 step of handling a request, 接收、登记、审核)
                            r"不动产|(?:婚姻|企业|市场主体|工商|户口|房屋|车辆|土地|林权|抵押|船舶|收养)登记|登记(?:申请|注册|业务|事项)|"
                            r"许可|低保|救助|补助|补贴|公租房|廉租|保障性住房|社保|医保|养老|入学|户籍|"
                            r"出证|查档|档案查阅|档案利用|查阅利用"  # (an archive's services)
                            r"|注册申请|审评|专利申请|商标申请"  # (a regulator's registrations and examinations)
                            r"|资格认定|认定申请"  # (教师资格认定申请, 工伤认定申请: a qualification or a finding asked for)
                            # (a procurement centre's, a grid's 四个平台 events, a service hall's)
                            r"|采购申请|采购中心|各类事件|办事申请|办事服务"
                            r"|仲裁|鉴定"  # (劳动人事争议仲裁申请, 劳动能力鉴定申请: a dispute or a finding asked for)
                            r"|资助|助学|抚恤|优抚")  # (学生资助申请3415件, 助学贷款申请: aid asked for)
_DISCLOSURE_WORDS = re.compile(r"信息公开|依申请")
_CASES_COUNTED = re.compile(r"(?:行政复议|行政诉讼|应诉)(?:案件|案)")
_PROPOSALS = re.compile(r"(?:代表|人大)建议|(?:委员|政协)提案|建议提案|议案")  # deputies' proposals, answered as such
# A mention that says the figure is none (该数据不属于政府信息公开申请): no sign of a disclosure count.
_NOT_DISCLOSURE = re.compile(r"(?:不属于|不是|并非|不计入|不含|不涉及)(?:因)?(?:政府)?(?:信息公开|依申请)"
                             r"|与(?:政府)?信息公开(?:工作)?无关")
# A target the body sets itself (一是计划全年主动公开政府信息不少于5,500条; 力争全年办理…): no count of what was done.
_TARGET = re.compile(r"(?:计划(?!生育)|力争|争取|预计|目标(?:是|为)?)(?:在)?(?:全年|年内|明年|下一?年度?|(?:19|20)\d{2}\s*年度?)?"
                     r"\s*(?:共|累计)?(?:主动)?(?:公开|发布|办理|办结|完成|受理|答复|新增|实现|达到|推送|更新)")
# What may stand between 主动公开 and 信息 in a total (not 政府采购信息, 重点领域信息).
_GENERIC_GAP = re.compile(r"^(?:了|各类|各项|相关|政府|政务|的|全部|共|累计|发布|本[级单位机关部门局委办]{1,2}|"
                          r"[省市区县州旗](?:人民)?政府(?:办公[室厅])?|"  # (市政府及市政府办公厅: whose, the body's own)
                          r"[\u4e00-\u9fff]{0,8}(?:网站|网|平台|公开栏|公示栏|政务公开专栏|专栏)(?:上|中)?|通过|在|等|及|和|各种|形式|方式)*$")


# Keys that are a report's totals: a figure introduced by 其中 is a part of something else.
_TOTAL_KEYS = frozenset({"proactive_items", "applications_received", "applications_handled", "applications_answered",
                         "admin_review_cases", "litigation_cases", "fees_charged_cny", "normative_docs_issued",
                         "normative_docs_in_force"})
# Counts a clause naming a wider scope than the body's makes that scope's (全区各级行政机关共新收…1,354件，上年结转29件).
_SCOPED_KEYS = _TOTAL_KEYS | {"applications_carried_over", "applications_carried_forward"}
# 其中本年新收 splits the applications handled into new and carried over: the new ones are no sub-category.
_NEW_OF_HANDLED = re.compile(r"其中(?:本年度?|当年|今年|全年)?新收")
# The other channels' count a bracket of its named ways follows: 其他方式申请18件（当面申请11件…）
_OTHER_CHANNELS_BEFORE = re.compile(r"(?:其他|等)(?:方式|途径|形式|渠道)[^。；;，,]{0,10}?\d+\s*件\s*$")
# A channel other than online counted on its own (信函申请13件, 当面提交5件; not 信函及当面申请8件, their sum).
_ONE_OFFLINE_COUNT = re.compile(r"(?<![、和及与或])(?:" + _OFFLINE + r")(?![、和及与或])[^。；;，,、\d]{0,8}?\d+\s*件")
# 受理67件，其中办结64件，结转3件 splits what came in into what was answered and what goes on (其中本年度办结49件
# too): no sub-category.
# (共办理435件，其中按时办结409件: those answered, unless some answered late are counted beside them: 延期办结4件)
_ANSWERED_OF_RECEIVED = re.compile(r"其中\s*(?:本年度?|当年|今年|全年)?\s*(?:已经?|均已|共)?\s*(?P<on_time>按时|按期|依法)?\s*"
                                   r"(?:办结|答复)(?:完毕|办结)?\s*$")
_ANSWERED_LATE = re.compile(r"延期|逾期|超期")


def _answered_of_received(clause: str, after: str) -> bool:
    return bool(m := _ANSWERED_OF_RECEIVED.search(clause)) and not (m["on_time"] and _ANSWERED_LATE.search(after))
# 共办理82件，其中77件已按期答复，5件结转…: the count then its verb, those of the year's answered
_PART_ANSWERED = re.compile(r"[\d," + _CN_NUMERALS + r"]+\s*件(?:均|已|全部|都)+[^。；;，,\d]{0,8}?(?:答复|办结)")
# 累计公开12.6万条，其中2021年新增8,437条 splits a running total by year: the year's share is its total.
_YEAR_OF_RUNNING_TOTAL = re.compile(r"累计[^。；;]*其中\s*" + _OWN_YEAR + r"(?:新增|新收|新发布|新公开|共|收到|受理)")
_NORMATIVE_KEYS = frozenset({"normative_docs_issued", "normative_docs_in_force"})
# Keys whose figures may have a fraction; every other key counts something.
_MONEY_KEYS = frozenset({"fees_charged_cny"})
# Keys about the year before by definition.
_PREVIOUS_YEAR_KEYS = frozenset({"applications_carried_over"})


def _inside_part(clause: str) -> bool:
    """Whether a figure is a part: after 其中, or inside a bracket of what a total includes
    (1000条（含政府采购信息96条）), not after one closed before it (市人民政府（含办公室）共…302件)."""
    if "其中" in _ASIDES.sub("", clause):  # (not one in a bracket closed before: 5件（其中商业企业3件），共计32件)
        return not _SUM_OF_PARTS.search(clause)  # (其中…提交23件、信函提交9件（合计32件）: the parts' sum, no part)
    opened = [m.end() for m in _INCLUDES.finditer(clause)]
    return bool(opened) and not any(c in clause[opened[-1]:] for c in ")）")


# Those among what the clause names (上年结转申请中2件为12月下旬收到的, 收到的申请中有5件…): a part of them.
_AMONG_THEM = re.compile(r"(?:申请|案件|信息|文件)\s*中\s*(?:有|共有)?\s*$")


# The sum in a bracket after the last of a list's counts: 信函提交9件、当面提交4件（合计36件）.
_SUM_OF_PARTS = re.compile(r"\d\s*件\s*[（(]\s*(?:以上|上述)?(?:共计|合计|总计)\s*$")
# A year compared with (较2019年的88件增长17%): what follows it is not about that year.
_COMPARED = re.compile(r"(?:较|比|与|同比|相比)\s*$")
# A figure inside a comparison with another year (与2020年全年受理申请132件相比, 和上年的96件比较): that year's.
_COMPARED_LEAD = re.compile(r"(?:与|和|同|跟)\s*(?:(?P<y>(?:19|20)\d{2})\s*年度?|上一?年度?|去年|前一年)[^，,。；;]{0,30}$")
_COMPARED_AFTER = re.compile(r"\s*(?:件|条|个|项|元|万元)?\s*(?:相比|比较|相较|对比)")
# A year a count went from, to the one after (由2023年的47件下降至35件): the later count is not that year's.
_FROM_YEAR_TO = re.compile(r"(?:19|20)\d{2}\s*年度?(?:的)?\s*[\d,]+\s*件\s*" + _WENT_TO + r"\s*(?![（(]?(?:19|20)\d{2})")
# A year that is where carried-over applications came from (加上2021年结转的47件), or that bounds the documents a
# review dealt with (对2017年底以前制发的, 对2018年以来印发的规范性文件进行清理), not what follows is about.
_ASIDE_YEAR = re.compile(r"度?\s*(?:的)?(?:结转|转来|遗留)"
                         r"|(?:底|末)?(?:以前|之前|以来)(?=[^。；;，,]{0,20}?(?:印发|制发|出台|制定|发布)的)")


# An erratum's quotation of what it replaced: （原为“办结80件，结转下年度12件”）.
_FORMERLY = re.compile(r"(?:原为|原文为|原表述为|原数据为)")
_ASIDES = re.compile(r"[（(][^（()）]*[)）]")


def _bracket_of_another_year(prior: str, year: int | None) -> bool:
    """Whether the words before a bracket name another year, whose figures it holds: 较上年（…）, 与2023年（…）."""
    prior = _ASIDES.sub("", prior)  # (申请（含上年结转）95件（其中本年新收91件…）: an aside closed before it says nothing of it)
    return bool(_OTHER_YEAR_WORDS.search(prior[-6:])) or any(
        year is not None and int(m.group(1)) != year for m in _YEAR_MENTION.finditer(prior))


def _opened(text: str) -> int:
    """Where the last bracket opened in ``text`` begins (-1 when none)."""
    return max(text.rfind("("), text.rfind("（"))


def _in_title(text: str, at: int) -> bool:
    """Whether what stands at ``at`` is inside a title in 《》 closed before the figure (发布《…2023年年度报告》，
    制发…3件): a document's year, not the year a figure after it is of."""
    opened = text.rfind("《", 0, at)
    return opened >= 0 and "》" not in text[opened:at] and "》" in text[at:]


def in_aside(text: str, at: int) -> bool:
    """Whether what stands at ``at`` is inside a bracket that closes within ``text``: an aside, as
    the year of （2021年为87件） is to the figure after it."""
    opened = max(text.rfind("(", 0, at), text.rfind("（", 0, at))
    return opened >= 0 and not any(c in text[opened:at] for c in ")）") and any(c in text[at:] for c in ")）")


def _wider_scope(lead: str, clause: str, own: OwnWords = _NO_OWN) -> str:
    """What a clause ending in ；hands to the next of its sentence: a scope wider than the report's body
    (全市各级行政机关…412件；因政府信息公开引发行政复议15件…: the city's cases too), when it names one
    and not the body itself (市政府办公室…2件；…); '' at a sentence's end."""
    if not clause.endswith(("；", ";")) or own.search(clause):
        return ""
    return clause if _ALL_LEVELS.search(clause) or _SECTOR_SYSTEM.search(clause) or any(
        _before_year_end(m) for m in _UNTIL_DATE.finditer(clause)) else lead


# A kind of applicant named between the verb and a count (收到自然人申请52件): that kind's count.
_BY_APPLICANT = re.compile(r"自然人|公民|法人|企业|科研机构|公益组织|法律服务机构|其他组织|律师")
_CARRIED_BY_APPLICANT = re.compile(r"结转[^，,；;。\d]{0,8}?(?:" + _BY_APPLICANT.pattern + ")")
# A channel of applying named before a count (通过互联网渠道, 通过信函、当面等其他渠道): that channel's count.
_VIA_CHANNEL = re.compile(r"通过(?:[^。；;，,]{0,8}?(?:互联网|网上|网络|在线|线上|网站|平台|信函|当面|传真|邮寄|现场|其他))"
                          r"[^。；;，,]{0,8}?(?:渠道|方式|途径|形式|提交|提出|申请)")


# A count right after a channel's name (在线申请41件, 信函申请19件: the ways listed after 按受理方式分): that channel's.
_CHANNEL_NAMED = re.compile(r"(?:在线|网上|网络|线上|互联网|信函|当面|传真|邮寄|现场|电子邮件)(?:申请|提交|提出)\s*$")
# Counts of what stands at the year's end (现行有效17件): a year the sentence counts from (对2017年以来制发的规范性文件
#开展清理) is where the documents begin, not another year's count.
_STOCK_KEYS = frozenset({"normative_docs_in_force"})
_SINCE = re.compile(r"\s*度?\s*(?:以来|至今)")
_SINCE_YEAR = re.compile(r"(?:19|20)\d{2}\s*年" + _SINCE.pattern)


def _context(key: str, sentence: str, start: int, number_start: int, year: int | None,
             all_levels: bool = False, scope: str = "", own_subject: OwnWords = _NO_OWN,
             corrected: bool = False, clause_before: str = "") -> str:
    """Why a figure cannot be a headline ('' when it may be): another year, a part, a change, another
    process, a sub-category or another scope (also one the sentence's clauses before set: ``scope``;
    ``clause_before``: the clause ending in ；the sentence goes on from)."""
    clause_start = max(sentence.rfind(c, 0, start) for c in "，,；;：:") + 1
    before = sentence[:number_start]
    clause = sentence[clause_start:number_start]
    years = [m for m in _YEAR_MENTION.finditer(before) if not _ASIDE_YEAR.match(before, m.end())
             and not in_aside(before, m.start()) and not _COMPARED.search(before, 0, m.start())
             and not _FROM_YEAR_TO.match(before, m.start()) and not _in_title(before, m.start())
             and not (key in _STOCK_KEYS and _SINCE.match(before, m.end()))]
    if year is not None and years and int(years[-1].group(1)) != year and (
            _YEAR_OPENS.match(before, years[-1].end())
            or not (_THIS_YEAR_CLAUSE.match(clause) or _THIS_YEAR_AGAIN.search(before, years[-1].end()))):
        return "other_year"  # (加上2019年结转的3件，全年办结96件: 全年 is the report's; 2017年，全年… is not)
    if years and _SPAN_OPENED.search(before, 0, years[-1].start()):
        return "running_total"
    if _YEARS_BACK.search(before) and not _THIS_YEAR_WORDS.search(clause) and not (years and clause_start <= years[-1].start()):
        return "running_total"  # 近三年来，共收到申请19件 (not …，其中今年8件 or 其中2024年8件)
    if key.startswith("applications") and _CASES_COUNTED.search(clause):
        return "other_process"  # 上年度结转至本年审结的行政诉讼案件2件: cases, not applications
    if key.startswith("applications") and _OTHER_PROCESS.search(clause) and not _DISCLOSURE_WORDS.search(clause):
        return "other_process"  # …政府信息公开专栏…，全年不动产登记窗口受理各类登记申请52.6万件: its own clause says
    if key.startswith("applications") and _OTHER_PROCESS.search(before) and not _DISCLOSURE_WORDS.search(sentence):
        return "other_process"  # 政务服务网…受理政务服务事项申请26,428件，办结26,391件: the sentence's subject says
    if key == "applications_received" and (_VIA_CHANNEL.search(clause) or _BY_APPLICANT.search(clause)
                                           or _CHANNEL_NAMED.search(clause)) \
            and not re.search(r"共|合计|总计", clause):
        # 全年通过互联网渠道收到申请218件, 收到自然人申请52件: one channel's, one kind of applicant's (not 通过网上申请平台
        # 新收…申请共计1474件: all came so)
        return "part"
    if key in ("applications_carried_over", "applications_carried_forward") and _CARRIED_BY_APPLICANT.search(clause) \
            and not re.search(r"共|合计|总计", clause):
        return "part"  # 上年结转自然人申请为0件 (a note under table 3): one kind of applicant's (not 均为自然人申请，无上年结转)
    if key == "applications_answered" and "结转" in clause:
        return "part"  # 2020年度结转的9件申请已全部办结: those carried over, answered
    if _AMONG_THEM.search(clause):
        return "part"
    if key.startswith("applications") and _PROPOSALS.search(before) and "申请" not in before:
        return "other_process"  # 接收人大代表建议58件、政协提案91件，全部按时办结并公开答复全文128件: the proposals'
    if _CHANGE_BEFORE.search(before):
        return "change"
    if _TARGET.search(clause):
        return "target"
    if _CORRECTED_TO.search(sentence, number_start) and not corrected:
        return "superseded"  # the figure an erratum corrects; the one after 更正为 may be the report's
    if (formerly := _FORMERLY.search(before)) and not any(c in before[formerly.end():] for c in "）)”\""):
        return "superseded"  # （原为“办结80件，结转下年度12件”）: what an erratum's text replaced
    if in_aside(sentence, number_start) and (
            _bracket_of_another_year(before[max(0, _opened(before) - 10):_opened(before)], year)
            or (key not in _PREVIOUS_YEAR_KEYS and any(year is not None and int(m.group(1)) != year
                                                       for m in _YEAR_MENTION.finditer(before[_opened(before):])))):
        # 行政复议7件，较上年（行政复议11件、…）, 与2023年（…96件）: the bracket holds that year's figures; and
        # 未收取信息处理费（2023年收取信息处理费150元）: the bracket names its year itself (含上年结转36件 is this year's)
        return "other_year"
    if _CITED_REPORT.search(before) or _CITED_SOURCE.search(before):
        return "other_report"  # 据《湖州市人民政府2022年…年度报告》，…全年主动公开政府信息9,860条: another body's
    if (teaser := _TEASER.search(before)) and own_subject.names and own_subject.search(teaser["who"]) is None:
        return "other_report"  # 长沙市卫生健康委员会2022年…年度报告摘要：全年主动公开…4,216条 (a page's 相关阅读): another's
    if "累计" in clause and _RUNNING_TOTAL.search(before[:clause_start + clause.rindex("累计") + 2]) \
            and not _YEAR_OF_RUNNING_TOTAL.search(clause):  # (…累计…3218条，其中2016年新增412条: the year's)
        return "running_total"
    if (since := _SINCE_DATE.search(before)) and (day := (int(since["month"]), int(since["day"] or 1))) != (1, 1) \
            and not (year == _IN_FORCE[0] and day == _IN_FORCE[1:]):
        return "part_of_year"  # 自2019年5月15日新《条例》施行以来，共收到申请63件: not the whole year's
    # (截至6月底累计…14件，…，全年共收到…32件: a clause of the whole year's own is no part of it)
    whole_year = bool(_THIS_YEAR_CLAUSE.match(clause)) and not _UNTIL_DATE.search(clause)
    if (any(_before_year_end(m) for m in _UNTIL_DATE.finditer(scope + before)) and not whole_year) \
            or _MONTH_FIGURE.search(clause):
        return "part_of_year"  # 截至2022年11月底，共收到申请118件 (and the clauses it scopes); 12月份收到申请13件
    if key == "applications_handled" and _CARRIED_INTO_THIS_YEAR.search(clause):
        return "part"  # 结转至本年度办理的申请2件: the carried-over ones only
    year_words = _COMPARED_YEAR.sub("", _ASIDES.sub("", clause))  # not an aside closed before it: 10件（上年11件）、…
    if key == "applications_handled":  # the applications handled count last year's carried over by definition
        year_words = _CARRIED_IN.sub("", year_words)
    if key in _STOCK_KEYS:
        year_words = _SINCE_YEAR.sub("", year_words)
    if key not in _PREVIOUS_YEAR_KEYS and _OTHER_YEAR_WORDS.search(year_words):
        return "other_year"
    # 全县各级…共287件，其中县政府办公室本级…31件: its own; not the body named in an aside on what the scope holds
    # (全国海关（含海关总署及直属海关）全年共收到…2,315件: every office's)
    own = not all_levels and _own_after_wider(_ASIDES.sub("", scope + before), own_subject)
    # 其中，区政府本级…; 其中以县政府名义发布…: its own
    own_part = not all_levels and _picks_own(key, before) and _own_part(before, own_subject)
    if key in _TOTAL_KEYS and _inside_part(clause) and not _NEW_OF_HANDLED.search(clause) \
            and not (key == "applications_answered" and (_answered_of_received(clause, sentence[number_start:]) or (
                clause.rstrip().endswith("其中") and _PART_ANSWERED.match(sentence, number_start)))) \
            and not _YEAR_OF_RUNNING_TOTAL.search(before) and not (key in _NORMATIVE_KEYS and "规范性文件" in clause) \
            and not (key in _CASE_KEYS and (_DISCLOSURE_ONES_END.search(clause) or _KINDS_OF_BOTH.search(before)
                                            or _DISCLOSURE_CAUSED.search(clause))) \
            and not (key == "applications_received" and _APPLICATIONS_AMONG_MATTERS.search(before)) \
            and not (key == "proactive_items" and _PROACTIVE_OF_ALL.search(before)) \
            and not (own and own_subject.search(clause)) and not own_part:
        return "part"  # (the normative documents among the year's documents, 其中行政规范性文件9件，…现行有效58件, are
        # their counts)
    if key == "applications_other_channel" and in_aside(sentence, number_start) and _OTHER_CHANNELS_BEFORE.search(
            sentence[:max(sentence.rfind("(", 0, number_start), sentence.rfind("（", 0, number_start))]):
        return "part"  # 其他方式申请18件（当面申请11件、信函申请7件）: the ways within the other channels
    if key == "applications_other_channel" and (channel := _ONE_OFFLINE_COUNT.search(sentence, clause_start)) \
            and channel.start() < number_start < channel.end() and len(_ONE_OFFLINE_COUNT.findall(sentence)) > 1:
        return "part"  # 网上申请29件，信函申请13件，当面申请5件: each a way other than online, the sentence sums none
    if key in _CASE_KEYS and _BOTH_KINDS.search(clause):
        return "part"  # 行政复议、行政诉讼案件共计101件: the two kinds together, neither's count
    if key in _LISTED_KEYS and not own_part and _first_of_a_list(clause, sentence[number_start:]):
        return "part"  # 县政府办公室受理3件，县国土资源局受理5件，…: one body's (or channel's) count of a list
    if (key in _CASE_KEYS or key.startswith("applications")) and not own_part and (
            _as_review_body(scope + before)
            or (key in _CASE_KEYS and _ACCEPTED_AFTER.match(sentence, number_start + 1))):
        return "other_scope"  # 全年作为复议机关办理政府信息公开类行政复议案件16件 (…收到行政复议申请3,462件，依法办结3,127件):
        # others' cases it decided (not …，其中以自然资源部为被申请人的64件: its own among them)
    if key in _CASE_KEYS and (respondent := _RESPONDENT.search(before)) and not own_subject.names_whole(respondent["who"]) \
            and (_as_review_body(scope + before) or any(own_subject.names_whole(m["who"])
                                                        for m in _RESPONDENT_NAMED.finditer(before))):
        return "other_scope"  # 以各省…税务局为被申请人的126件 after its own: another body's cases (the body their review
        # body); alone (以县政府为被申请人的… in its office's report) the report's
    if key in _CASE_KEYS and not own_part and (_AGAINST_OTHERS.search(clause)
                                              or _WITH_OTHERS_AFTER.match(sentence, number_start)):
        return "other_scope"  # 对省级生态环境部门…不服提起的行政复议案件38件: cases against other bodies the body decided;
        # 共58件（含申请人对省级…部门…答复不服、向我部申请行政复议的案件35件）: its own and those together
    if key in _SCOPED_KEYS and (body := _OTHER_BODY.search(clause)) and not own_subject.search(body.group()):
        return "other_scope"  # 国务院办公厅全年共收到…1124件, 四川省人民政府办公厅收到…: another body the subject
    outside_asides = _ASIDES.sub("", scope + before)  # (…行政复议1件（全区教育系统共3件），…；未发生行政诉讼: not its scope)
    if key in _SCOPED_KEYS and not all_levels and _SECTOR_SYSTEM.search(outside_asides) and not own:
        return "other_scope"  # 全市生态环境系统（含各区县分局）共收到申请61件: the department's and others
    if key in _SCOPED_KEYS and not all_levels and _ALL_LEVELS.search(outside_asides) and not own:
        return "other_scope"  # 全省各级自然资源主管部门共收到…: not a department's, an office's or a form's total
    if key in _SCOPED_KEYS and own_subject.names and (whole := _WHOLE_DIVISION.search(clause)) and (
            (whole["division"] != own_subject.suffix and not own and (not all_levels or _LEVEL_RANK.get(
                whole["division"], 0) > _LEVEL_RANK.get(own_subject.suffix, 9)))
            or (not all_levels and _OWN_LEVEL.search(clause_before + sentence[:clause_start])
                and not own_subject.search(clause))):
        return "other_scope"  # a bureau's (an office's) report, the body known: 全县因政府信息公开引发行政复议23件、…，
        # 其中涉及我局的…; a government's after its own level's (市政府本级…1件；全市共发生…12件), not alone (全县 is its own);
        # a county government's, its tables the county's, still not its city's (六安市全市同类行政复议案件64件)
    return ""


# A count then 以下, 以上, 以内 (…10件以下的，不收费; 31件以上的部分): a bound a rule sets, as an appended 指南 prints.
_BOUND_AFTER = re.compile(r"\s*(?:及|或)?(?:以下|以上|以内)")
_LISTED_KEYS = frozenset({"proactive_items", "applications_received"})
_LIST_VERB = re.compile(r"受理|收到|发布|(?<!信息)公开")  # (not the 公开 of 政府信息公开申请, a noun's)
_TOTAL_WORD = re.compile(r"共|合计|总计|累计|总数")
_LIST_REPEATS = 2  # clauses after the figure's that count with its verb again
_FIGURE_UNIT = re.compile(r"[\d,.]+\s*([条件项篇个次])")


def _first_of_a_list(clause: str, after: str) -> bool:
    """Whether a count's clause is the first of a list of clauses that each count with its verb again
    (县政府办公室受理3件，县国土资源局受理5件，…; 门户网站发布4512条，政务微博发布2315条，…): one body's or
    channel's count, the sentence giving no total. Not a total its parts follow (…3120条，其中网站发布…), nor one
    other things follow, counted in other units (…政府信息1648条，公开…文件52件，更新公开事项目录23项)."""
    verbs = _LIST_VERB.findall(clause)
    if not verbs or _TOTAL_WORD.search(clause):
        return False
    unit = re.escape(m.group(1)) if (m := _FIGURE_UNIT.match(after)) else ""
    again = re.compile(("(?<!信息)" if verbs[0] == "公开" else "") + verbs[0] + r"[^\d，,；;。]{0,12}?\d[\d,.]*\s*[余多]?" + unit)
    clauses = re.split(r"[，,；;]", after.split("其中", 1)[0])[1:]
    return sum(1 for part in clauses if again.search(part)) >= _LIST_REPEATS


def _own_after_wider(text: str, own: OwnWords = _NO_OWN) -> bool:
    """Whether the text, having named a scope wider than the report's body (全县各级行政机关, 全市司法行政系统),
    then names the body itself (其中县政府办公室本级, 本机关): what follows is the body's own."""
    wider = [m.end() for pattern in (_ALL_LEVELS, _SECTOR_SYSTEM) for m in pattern.finditer(text)]
    named = own.search(text, wider[-1]) if wider else None
    # (not a channel the body runs as a part: 全市各级行政机关…156732条，其中市政府门户网站…23815条 is the site's share;
    # but 其中省政府门户网站以省政府名义发布3,962条 is the body's own, and so is 全省公安机关…通过省公安厅门户网站…1.2万条)
    return named is not None and (not _OWN_CHANNEL.match(text, named.end()) or "其中" not in text[wider[-1]:named.start()]
                                  or bool(_IN_OWN_NAME.search(text, named.end())))


# The words between 主动公开 and the 信息 it publishes, the nearest 主动公开 taken.
# (not past a count: 主动公开：97条（其中…民生资金信息23条）, the total, its parts' kinds after it)
_PROACTIVE_GAP = re.compile(r"主动公开(?P<gap>(?:(?!主动公开|\d+\s*[条件])[^。；;，,]){0,30}?)(?:政府)?信息")
# A heading of proactive disclosure before its text ((一)主动公开：…): no words of a figure's own clause.
_PROACTIVE_COLON_HEADING = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])\s*"
                                      r"主动公开(?:政府信息)?(?:情况|工作)?\s*[：:]")
# A heading run into the sentence after it ((一)主动公开全年通过…主动公开政府信息23647条): no 主动公开 of the figure's.
_PROACTIVE_HEADING = re.compile(r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．])\s*"
                                r"主动公开(?:政府信息)?(?:情况|工作)?(?=.*主动公开)")


# A channel's count of what it published, of a list of channels (通过…专栏公开信息356条，通过…公众号发布信息1,024条).
_BY_CHANNEL = re.compile(r"通过[^。；;，,]{1,30}?(?:公开|发布)[^。；;，,\d]{0,12}?信息\s*(?:约|近)?\s*\d")
_SUM_SAID = re.compile(r"共计|合计|总计|累计|共(?:主动)?(?:公开|发布)")
# A heading naming 主动公开 alone before its paragraph's first sentence, and what the sentence publishes.
_HEADED = re.compile(r"\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}(?:[、.．]|是))?\s*"
                     r"主动公开(?:情况|工作|方面)?\s*[：:]")
_PUBLISHED = re.compile(r"(?:公开|发布)(?P<gap>(?:(?!公开|发布)[^。；;，,]){0,12}?)(?:政府)?信息(?:共计|共|达)?\s*\d")


# 主动公开行政许可、行政处罚、监管动态等信息共计486条: every kind listed, then 等: the year's total (but not
# 新增主动公开征收补偿方案、安置房分配结果等信息1129条, an addition).
_PROACTIVE_LISTED = re.compile(r"(?<!新增)(?<!增加)(?<!其中)(?<!另)主动公开[^。；;，,]{0,60}、[^。；;，,]{0,60}"
                               r"等(?:各类|相关)?(?:政府)?信息")


def _reason(figure: Figure) -> str:
    if figure.context:
        return figure.context
    if figure.key in _CASE_KEYS and _NOT_DISCLOSURE.search(figure.text) \
            and not _DISCLOSURE_WORDS.search(_NOT_DISCLOSURE.sub("", figure.text)):
        return "other_process"  # 行政复议案件共5件，均为工伤认定类案件，不涉及政府信息公开: the body's other cases
    if figure.key.startswith("applications") and _OTHER_PROCESS.search(_ASIDES.sub("", figure.text)) \
            and not _DISCLOSURE_WORDS.search(_NOT_DISCLOSURE.sub("", figure.text)) and not figure.about_disclosure:
        return "other_process"  # (not 上年结转22件（均为原市政务服务管理局受理）after the year's applications and ；)
    if figure.key == "proactive_items" and figure.source == "prose":
        if (headed := _HEADED.match(figure.text)) and "主动公开" not in figure.text[headed.end():] and (
                m := _PUBLISHED.search(figure.text, headed.end())):
            # headed by 主动公开 alone ((一)主动公开：全年通过…专栏发布信息1,936条): the count the verb publishes, of
            # every kind (not 全年…发布政府采购信息96条; nor one channel's of several, 通过…专栏公开信息356条，通过…公众号
            # 发布信息1,024条, no sum said)
            if len(_BY_CHANNEL.findall(figure.text)) >= 2 and not _SUM_SAID.search(figure.text):
                return "part"
            return "" if _GENERIC_GAP.match(m.group("gap")) else "part"
        text = _PROACTIVE_HEADING.sub("", figure.text, count=1)
        m = _PROACTIVE_GAP.search(text)
        if m and not _GENERIC_GAP.match(m.group("gap")) and "其中" not in figure.text[m.end():] \
                and not _PROACTIVE_LISTED.search(text):
            return "part"  # 政府采购信息96条; but 主动公开环境信息1043条，其中… is a total with its parts
    return ""


def mark_headlines(figures: list[Figure]) -> None:
    """At most one headline per key: the report's own total for the year.
    A statistics-table row beats prose; otherwise the figures that may be the
    total must agree (or the ones worded as a total must), else none is."""
    by_key: dict[str, list[Figure]] = {}
    for figure in figures:
        figure.headline = False
        if not _reason(figure):
            by_key.setdefault(figure.key, []).append(figure)
    for key, group in by_key.items():
        if key in _CASE_KEYS and any(_about_disclosure(f) for f in group):
            # 各类行政复议案件1083件 beside 因政府信息公开引发的行政复议案件共16件: the cases about disclosure
            group = [f for f in group if _about_disclosure(f)]
        if (named := [f for f in group if f.source != "prose-unnamed"]) and len(named) < len(group):
            group = named  # 主动公开政府信息5000条 beside 在网站公开政府信息3000条: the figure that names its kind
        if key == "proactive_items" and (explicit := [f for f in group if "主动公开" in _PROACTIVE_COLON_HEADING.sub(
                "", _own_clause(f), count=1)]) and len(explicit) < len(group):
            group = explicit  # 网站全年发布信息4,127条，其中主动公开政府信息2,693条: the count said to be proactive
        if (precise := [f for f in group if not f.approx]) and len(precise) < len(group):
            group = precise  # 共受理申请200余件 in the overview, 新收213件 below: the count, not the round figure
        if (included := [f for f in group if any(_includes(g, f) for g in group)]) and len(included) < len(group):
            group = [f for f in group if f not in included]  # 全县…63件（含县政府办公室11件）: 11 is a part of 63
        tabled = [f for f in group if f.source == "table"]
        # Worded as a total, a figure outranks the others; but "none" (全年未收取任何检索费) does not
        # outrank a number stated elsewhere (收取复制费120元).
        worded = [f for f in group if _worded_as_total(_own_clause(f)) and (f.value or not any(g.value for g in group))]
        # and among those, one summing what the sentence listed (全年通过网站…8562条，…，三个渠道合计…11985条)
        summed = [f for f in worded if _SUM_WORDS.search(_own_clause(f))]
        for pool in (tabled, group, worded, summed):
            if pool and len({f.value for f in pool}) == 1:
                pool[0].headline = True
                break


def _includes(whole: Figure, part: Figure) -> bool:
    """Whether a figure's own words say it includes another of its kind: 63件（含县政府办公室11件）."""
    if whole is part or whole.value == part.value or not all(float(f.value).is_integer() for f in (whole, part)):
        return False
    return bool(re.search(rf"(?<![\d.]){int(whole.value)}\s*[件条]\s*[（(](?:含|包含|包括)[^）)\d]{{0,20}}"
                          rf"(?<![\d.]){int(part.value)}\s*[件条]", whole.text.replace(",", "")))


def _about_disclosure(figure: Figure) -> bool:
    return figure.about_disclosure or bool(_DISCLOSURE_WORDS.search(_NOT_DISCLOSURE.sub("", figure.text)))


# A clause counting what one channel published (全年在…网站…栏目主动公开信息593条, 通过…公众号…): its 全年 scopes
# the sentence, no total of its own.
_CHANNEL_CLAUSE = re.compile(r"(?:通过|在)[^。；;，,]{1,30}?(?:网站|栏目|专栏|公众号|微博|平台|客户端|头条号|公开栏)")
_CHANNELS_LISTED = re.compile(r"、|等(?:渠道|平台|途径|方式|载体|媒体)")  # (通过网站、新媒体、公开栏等渠道: every channel)


def _worded_as_total(clause: str) -> bool:
    """Whether a figure's own clause words it as a total (共, 合计, 全年…), not as one channel's count."""
    words = set(_TOTAL_WORDS.findall(clause))
    one_channel = (channel := _CHANNEL_CLAUSE.search(clause)) is not None and not _CHANNELS_LISTED.search(
        clause, channel.start())
    return bool(words) and not (words == {"全年"} and one_channel)


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3}(?!\d))")
_WHOLE_NUMBER = re.compile(r"(?<![\d.])\d+(?![\d.])")  # digits with no digit or point either side


def _own_clause(figure: Figure) -> str:
    """The clause of a figure's sentence that prints its number (网站公开8562条，…，三个渠道合计主动公开11985条: the
    second figure's is worded as a total, the first's not); the sentence when no clause prints it as such."""
    digits = str(int(figure.value)) if float(figure.value).is_integer() else ""
    text = _THOUSANDS.sub("", figure.text)  # (4,127条: one number, not two clauses)
    # (the number itself, not digits of another: 2 of 2022年)
    clauses = [c for c in re.split(r"[，,；;]", text) if digits and digits in _WHOLE_NUMBER.findall(c)]
    return clauses[0] if len(clauses) == 1 else figure.text


# --- pre-2019 statistics tables --------------------------------------------------

# Row labels of the old 政府信息公开情况统计表, by key (parts begin with 其中 and are skipped).
_STAT_ROWS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("proactive_items", re.compile(r"^主动公开(?:政府)?信息(?:(?:总)?(?:数|数量|条数)|$)")),
    ("normative_docs_issued", re.compile(r"^新?(?:制发|制作(?:并公开)?)(?:的)?(?:行政)?规范性文件"
                                                r"(?:(?:总)?(?:数|件数)|$)")),
    ("applications_received", re.compile(r"^(?:收到|受理|新收)(?:政府信息公开)?申请(?:总)?(?:数|件数|数量)"
                                          r"|^依申请公开(?:政府)?信息(?:数|件数|数量)|^申请(?:总)?数$"
                                          r"|^(?:收到|受理|(?:本年)?新收)(?:政府信息公开)?申请$|^依申请公开(?:申请)?$")),
    ("applications_carried_over", re.compile(r"^上一?年度?结转(?:的)?(?:政府信息公开)?(?:申请)?(?:数|件数|数量)?$")),
    ("applications_carried_forward", re.compile(r"^结转(?:至|到)?下一?年度?(?:继续)?(?:办理)?(?:的)?(?:申请)?"
                                                r"(?:数|件数|数量)?$")),
    ("applications_online", re.compile(r"^(?:网络|网上|线上)申请(?:数|件数|$)")),
    ("applications_natural_person", re.compile(r"^(?:公民|自然人)(?:申请)?(?:数|件数)?$")),
    ("applications_answered", re.compile(r"^(?:对)?申请的?(?:办结|答复)(?:总)?(?:数|件数)|^(?:办结|答复)申请(?:总)?(?:数|件数)"
                                          r"|^申请(?:办结|答复)$|^已?(?:办结|答复)(?:政府信息公开)?申请$")),
    # the old form's own rows: 因政府信息公开申请行政复议数, 因政府信息公开(申请)提起行政诉讼数
    ("admin_review_cases", re.compile(r"^(?:因政府信息公开(?:工作)?被?)?(?:政府信息公开)?(?:申请)?行政复议(?:案件)?"
                                      r"(?:数量|数|件数|$)")),
    ("litigation_cases", re.compile(r"^(?:因政府信息公开(?:工作)?被?)?(?:政府信息公开)?(?:申请)?(?:提起)?行政诉讼(?:案件)?"
                                    r"(?:数量|数|件数|$)")),
    ("fees_charged_cny", re.compile(r"^(?:依申请公开)?(?:政府)?(?:信息)?收取(?:的)?(?:费用|检索费|复制费)|^收费(?:金额|总额)")),
)
_ROW_NUMBER = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[.、．])")
_STAT_VALUE = re.compile(r"^[-+]?\d+(?:,\d{3})*(?:\.\d+)?$")  # (+573: a change column's, a column all the same)
# A cell that begins with its count and unit, then says more (58件（2014年：41件）, 0元).
_COUNT_FIRST = re.compile(r"(?P<n>\d{1,9}(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万条|万件|条|件|万元|元)(?![\d件条])")
_COUNT_CELL = re.compile(r"(?P<n>\d{1,9}(?:,\d{3})*(?:\.\d+)?)(?P<unit>万条|万件|条|件|万元|元)")
_SHARE = re.compile(r"^\d+(?:\.\d+)?\s*[%％]$")  # a row's share of the total beside its count (网络申请 | 112 | 52.1%)
_STAT_UNIT = re.compile(r"^(?:万条|万件|条|件|个|次|万元|元|人次|篇)$")
_STAT_LINE = re.compile(r"^(?:\d{1,2}(?:\s++|[.、．]\s*+))?(?P<label>[^\d\t|]{2,60}?)[\s:：]+"
                        r"(?:(?P<unit0>万条|万件|条|件|万元|元)\s+)?"
                        r"(?P<n>\d+(?:,\d{3})*(?:\.\d+)?)\s*(?P<unit>万条|万件|条|件|万元|元)?\s*$")
# Keys a row beginning 其中 may give: a part by its nature (网络申请数, 公民申请); the totals' 其中 rows are parts of them.
_PART_KEYS = frozenset({"applications_online", "applications_natural_person", "normative_docs_issued"})
# A header naming a column per year (指标 | 单位 | 2009年 | 2008年（5-12月）; 本年 | 上年): the figures of the year's.
_YEAR_COLUMN = re.compile(r"^(?:(?P<year>(?:19|20)\d{2})\s*年度?|(?P<this>本年度?|今年|当年)|(?P<last>上年度?|去年))")


def _stat_cells(line: str) -> tuple[str, list[str], str] | None:
    """Label, numbers and unit of one statistics-table row."""
    if "\t" in line or line.count("|") >= 2:
        cells = [c.strip() for c in re.split(r"[\t|]", line) if c.strip()]
        if len(cells) > 2 and re.fullmatch(r"\d{1,2}", cells[0]):
            cells = cells[1:]  # a 序号 column
        counted = [m for c in cells if (m := _COUNT_CELL.fullmatch(c.replace(" ", "")))]  # (1,674条: count and unit)
        if counted and len(counted) == len(cells) - 1:
            return cells[0], [m["n"] for m in counted], counted[0]["unit"]
        numbers = [c for c in cells if _STAT_VALUE.match(c.replace(" ", ""))]
        units = [c for c in cells if _STAT_UNIT.match(c)]
        if not numbers and len(cells) == 2 and (m := _COUNT_FIRST.match(cells[1])):
            return cells[0], [m["n"]], m["unit"]  # 行政复议 | 2件（维持具体行政行为1件，…）: the cell's count
        label = "".join(c for c in cells if c not in numbers and c not in units and not _SHARE.match(c))
        return label, numbers, (units[0] if units else "")
    m = _STAT_LINE.match(line.strip())
    return (m.group("label"), [m.group("n")], m.group("unit") or m.group("unit0") or "") if m else None


_OVERVIEW = re.compile(r"\s*[一1]\s*[、.．]\s*(?:总体情况|概述|概况|基本情况|总体工作情况)")
# A card's label under its number: words with the count's unit in brackets (主动公开政府信息（条）), no digit.
_CARD_LABEL = re.compile(r"[^\d\t|]{2,40}[(（](?:万条|万件|条|件|万元|元)[)）]")
# The next section, or the form's tables where a report puts them without its headings (第二十条第（一）项…).
_NEXT_SECTION = re.compile(r"\s*[二2]\s*[、.．]|.*(?:第二十条|收到和处理政府信息公开申请|本年新收政府信息公开申请)")


def overview_table_lines(lines: list[str]) -> list[str]:
    """The table rows (cells parted by tabs or pipes) of a report's first section, 一、总体情况: a summary table of
    the year's figures (主动公开政府信息（条） | 3,862), read as a statistics table is."""
    start = next((k for k, line in enumerate(lines) if _OVERVIEW.match(line)), None)
    if start is None:
        return []
    end = next((k for k in range(start + 1, len(lines)) if _NEXT_SECTION.match(lines[k])), len(lines))
    out: list[str] = []
    for k in range(start + 1, end):
        line = lines[k]
        if "\t" in line or line.count("|") >= 2:
            out.append(line)
        elif _STAT_VALUE.match(line.strip()) and k + 1 < end and _CARD_LABEL.fullmatch(lines[k + 1].strip()):
            out.append(lines[k + 1].strip() + "\t" + line.strip())  # a card: its number above its label (3487 / 主动…（条）)
    return out


def table_figures(lines: list[str], year: int | None = None) -> list[Figure]:
    """Figures of a pre-2019 statistics table, each with its row label as text. A table printing a
    column per year (the report's year beside the last) gives the report year's column."""
    out: list[Figure] = []
    years: list[str] = []  # the last header's year columns, in order: "this", "other"
    for line in _cell_lines_joined(lines):
        cells = [c.strip() for c in re.split(r"[\t|]", line) if c.strip()]
        marks = [m for c in cells if (m := _YEAR_COLUMN.match(c))]
        if len(marks) >= 2 and not any(_STAT_VALUE.match(c) for c in cells):
            # each value column's year; a column after the years (同比增减) is another's figure, not the year's
            first = next(k for k, c in enumerate(cells) if _YEAR_COLUMN.match(c))
            years = ["this" if (m := _YEAR_COLUMN.match(c)) and (m["this"] or (m["year"] and year and int(m["year"]) == year))
                     else "other" for c in cells[first:]]
            continue
        row = _stat_cells(line)
        if row is None:
            continue
        label, numbers, unit = row
        if len(numbers) == len(years) >= 2 and years.count("this") == 1:
            numbers = [numbers[years.index("this")]]
        elif len(numbers) >= 2 and len(set(numbers)) == 1:
            numbers = numbers[:1]  # 全区合计 | 其中：本级, the same count in each column
        if len(numbers) != 1 or len(numbers[0].replace(",", "").split(".")[0]) > MAX_NUMBER_DIGITS:
            continue  # (no count has that many digits)
        core = _ROW_NUMBER.sub("", re.sub(r"\s+", "", label)).strip("：:")
        part = core.startswith("其中")
        core = re.sub(r"^其中[:：]?|[(（](?:单位[:：])?(?:万条|万件|条|件|万元|元)[)）]$", "", core)  # 答复申请（件）
        unit = unit or next(iter(re.findall(r"[(（](?:单位[:：])?(万条|万件|万元|元|条|件)[)）]", label)), "")
        for key, pattern in _STAT_ROWS:
            if pattern.search(core):
                if part and key not in _PART_KEYS:
                    break  # 其中：主动公开规范性文件数, a part of the row above
                number = numbers[0].replace(",", "")
                value: int | float = float(number) if "." in number else int(number)
                approx = False
                if key == "fees_charged_cny" and unit == "万元":
                    value = round(value * 10_000, 2)
                elif unit in ("万条", "万件"):  # a count in ten thousands, rounded
                    value, approx = round(value * 10_000), True
                printed = re.sub(r"\s+", "", label)
                out.append(Figure(key, value, approx, f"统计表：{printed} {numbers[0]}{unit}", source="table"))
                break
    return out


def _cell_lines_joined(lines: list[str]) -> list[str]:
    """The lines with a statistics row crawled a cell a line (（一）主动公开政府信息数 / 条 / 12716) joined by
    tabs: a label of no figure, its unit (or none), then its number alone on a line."""
    out: list[str] = []
    k = 0
    while k < len(lines):
        line = lines[k].strip()
        unit = k + 1 < len(lines) and _STAT_UNIT.match(lines[k + 1].strip())
        at = k + 2 if unit else k + 1
        if (line and not re.search(r"[\d\t|]", line) and len(line) <= 60 and at < len(lines)
                and _STAT_VALUE.match(lines[at].strip())):
            out.append("\t".join([line, lines[k + 1].strip()] if unit else [line]) + "\t" + lines[at].strip())
            k = at + 1
            continue
        out.append(lines[k])
        k += 1
    return out
