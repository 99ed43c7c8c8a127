"""Who published a report, for which year, and where: names, years, regions, ids.

Regions and 行政区划代码 come from the cpca gazetteer; slugs from pypinyin with
jieba word segmentation, so that ids are stable ASCII and readable.
"""

from __future__ import annotations

import logging
import re
from dataclasses import asdict, dataclass
from functools import lru_cache

_YEAR = r"((?:19|20)\d{2})"
_REPORT = r"\s*年(?:度)?\s*(?:政府信息公开|政务公开|信息公开|政府信息与政务公开)[^\n《》。]{0,12}?(?:年度)?报告"
_TITLE = re.compile(r"^\s*(?:关于)?(?P<name>[^\n。，,《>]{0,40}?)\s*" + _YEAR + _REPORT)
_TITLE_YEAR_FIRST = re.compile(r"^\s*" + _YEAR + r"\s*年(?:度)?\s*(?P<name>[\u4e00-\u9fff（）()]{2,40}?)\s*"
                               r"(?:政府信息公开|政务公开|信息公开)[^\n《》。]{0,12}?(?:年度)?报告")
_TITLE_NO_YEAR = re.compile(r"^\s*(?P<name>[\u4e00-\u9fff]{2,40}?)\s*(?:政府信息公开|政务公开)工作年度报告")
_BOOK_TITLE = re.compile(r"《(?P<name>[^《》\n]{0,40}?)\s*" + _YEAR + _REPORT + r"》")
_PUBLISH = re.compile(r"(?:现公布|现发布|现予公布|特发布|现将|特此公布)\s*(?P<name>[^,，。《\n]{0,40}?)\s*" + _YEAR
                      + r"\s*年度?\s*(?:政府信息公开|政务公开|信息公开|工作)")
_PERIOD = re.compile(r"(?:统计期限|统计数据|统计时限|统计时间|数据统计)[^。\n]{0,8}?(?:从|自|为)?\s*" + _YEAR
                     + r"\s*年\s*1\s*月\s*1\s*日")
_OPENING = re.compile(r"^\s*" + _YEAR + r"\s*年(?:度)?\s*[,，]\s*(?P<name>[\u4e00-\u9fff]{2,40}?)"
                      r"(?:政府信息公开|信息公开|政务公开)工作")
_COMPILED_BY = re.compile(r"本报告由\s*(?P<name>[\u4e00-\u9fff]{2,40}?)\s*(?:根据|依据|按照|编制)")

# What an agency's name ends with (a grammatical list, not a gazetteer).
INSTITUTION = re.compile(
    r"(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|政府办公厅|政府|办事处|街道|管理委员会|管委会|委员会|"
    r"办公室|办公厅|局|厅|委|办|中心|院|署|所|站|队|处|乡|镇|总局|分局|公司|集团)$"
)
_REGION_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "地区", "林区", "新区", "省", "市", "区",
                    "县", "旗", "盟")


@dataclass
class Agency:
    name: str | None = None
    name_normalized: str | None = None
    agency_id: str | None = None
    province: str | None = None
    city: str | None = None
    county: str | None = None
    adcode: str | None = None

    def as_json(self) -> dict:
        return asdict(self)


def _head(lines: list[str], count: int = 40) -> list[str]:
    return [line.strip(" |\t") for line in lines[:count] if line.strip(" |\t")]


def find_title(lines: list[str]) -> tuple[str | None, int | None]:
    """The report title at the top: name and year (a title may span two lines)."""
    head = _head(lines, 6)
    for i in range(min(3, len(head))):
        joined = "".join(head[i:i + 2]).replace(" ", "")
        for text in (head[i].replace(" ", ""), joined):
            m = _TITLE.match(text)
            if m and m.group("name").strip():
                return m.group("name").strip(), int(m.group(2))
            m = _TITLE_YEAR_FIRST.match(text)
            if m:
                return m.group("name"), int(m.group(1))
    for text in head[:3]:
        m = _TITLE_NO_YEAR.match(text.replace(" ", ""))
        if m:
            return m.group("name"), None
    return None, None


def find_year(lines: list[str]) -> tuple[int | None, str]:
    """The report year and where it was found, in order of trust."""
    _, title_year = find_title(lines)
    if title_year:
        return title_year, "title"
    text = "\n".join(_head(lines, 60))
    for pattern, where in ((_BOOK_TITLE, "《…年度报告》"), (_PUBLISH, "publication sentence"),
                           (_PERIOD, "统计期限")):
        m = pattern.search(text)
        if m:
            return int(m.group(2) if pattern is not _PERIOD else m.group(1)), where
    m = _OPENING.search(text) or re.search(r"^\s*" + _YEAR + r"\s*年\s*[,，]", text, re.M)
    if m:
        return int(m.group(1)), "opening sentence"
    return None, ""


def _candidates(lines: list[str]) -> list[tuple[str, str]]:
    title_name, _ = find_title(lines)
    text = "\n".join(_head(lines, 60))
    found: list[tuple[str, str]] = []
    if title_name:
        found.append((title_name, "title"))
    for pattern, where in ((_BOOK_TITLE, "《…年度报告》"), (_PUBLISH, "publication sentence"),
                           (_OPENING, "opening sentence"), (_COMPILED_BY, "本报告由")):
        for m in pattern.finditer(text):
            name = m.group("name").strip(" ,，:：")
            if len(name) >= 2 and re.fullmatch(r"[\u4e00-\u9fff（）()]+", name):
                found.append((name, where))
    return found


def find_agency_name(lines: list[str]) -> str | None:
    """The agency as printed: the title's name when it names an institution,
    else the fullest form of it the report uses for itself."""
    candidates = _candidates(lines)
    if not candidates:
        return None
    for name, _ in candidates:
        if INSTITUTION.search(name):
            return name
    stem = candidates[0][0]
    body = "\n".join(lines[:400])
    fuller = re.findall(re.escape(stem) + r"(人民政府办公室|人民政府|政府办公室|政府)", body)
    if fuller:
        best = max(set(fuller), key=lambda s: (fuller.count(s), -len(s)))
        return stem + best
    return stem


@lru_cache(maxsize=4096)
def locate_region(name: str) -> tuple[str | None, str | None, str | None, str | None]:
    """Province, city, county and 行政区划代码 of a name, from the cpca gazetteer."""
    import cpca

    # cpca.transform builds a pandas frame per call (~9 ms); the per-string
    # lookup behind it gives the same row in microseconds.
    one = getattr(cpca, "_get_one_addr", None)
    row = one(name, False, {}) if one is not None else cpca.transform([name]).iloc[0].to_dict()

    def clean(value) -> str | None:
        if not isinstance(value, str) or not value or value in ("市辖区", "县", "省直辖县级行政区划"):
            return None
        return value

    province, city, county = clean(row["省"]), clean(row["市"]), clean(row["区"])
    adcode = row.get("adcode")
    adcode = str(adcode) if isinstance(adcode, str) and adcode.isdigit() else None
    if adcode and county is None and city is None and province is None:
        adcode = None
    if province and city == province:  # municipalities: 北京市 is province and city
        city = None
    return province, city, county, adcode


def normalize_name(name: str, province: str | None, city: str | None, county: str | None) -> str:
    """The name from its own region down: 淮安市洪泽区人民政府 and 洪泽区人民政府 are
    one agency. 'X县政府' is written out as 'X县人民政府'."""
    out = re.sub(r"\s+", "", name)
    for region in (county, city, province):
        if region and region in out:
            out = out[out.index(region):]
            break
    return re.sub(r"(?<=[省市县区州旗盟])政府", "人民政府", out)


def _region_prefix(name: str, regions: tuple[str | None, ...]) -> tuple[str, str]:
    for region in regions:
        if region and name.startswith(region):
            return region, name[len(region):]
    return "", name


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _words(text: str) -> list[str]:
    """Finest dictionary words: 人民政府 becomes 人民 + 政府."""
    jieba = _jieba()
    freq = jieba.dt.FREQ

    def finest(word: str) -> list[str]:
        if len(word) >= 4:
            for i in range(2, len(word) - 1):
                if freq.get(word[:i]) and freq.get(word[i:]):
                    return finest(word[:i]) + finest(word[i:])
        return [word]

    return [w for word in jieba.cut(text, HMM=False) for w in finest(word)]


def _pinyin(word: str) -> str:
    from pypinyin import lazy_pinyin

    return re.sub(r"[^a-z0-9]", "", "".join(lazy_pinyin(word, errors=lambda s: s)).lower())


@lru_cache(maxsize=4096)
def slugify(name: str, regions: tuple[str | None, ...] = ()) -> str:
    """ASCII slug: the region's name and type, then the words of the rest
    (彭阳县人民政府 → pengyang-xian-renmin-zhengfu)."""
    parts: list[str] = []
    region, rest = _region_prefix(name, regions)
    if region:
        suffix = next((s for s in _REGION_SUFFIXES if region.endswith(s) and len(region) > len(s)), "")
        parts += [_pinyin(region[: len(region) - len(suffix)]), _pinyin(suffix)]
    parts += [_pinyin(w) for w in _words(rest)] if rest else []
    return "-".join(p for p in parts if p) or "unknown"


def describe_agency(name: str | None) -> Agency:
    if not name:
        return Agency()
    province, city, county, adcode = locate_region(name)
    normalized = normalize_name(name, province, city, county)
    slug = slugify(normalized, (county, city, province))
    return Agency(name, normalized, f"{adcode or '000000'}-{slug}", province, city, county, adcode)
