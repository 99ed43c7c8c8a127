"""The data package as the site reads it: the small tables whole, the long ones (table 3,
checks) a report at a time, never more than the pages draw from them."""

from __future__ import annotations

import csv
import json
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple
from urllib.parse import quote

from .. import forms
from ..datasets.outputs import DataPlace
from ..datasets.package import REPORT_FILES
from ..datasets.schema import restore
from ..reading.sources import is_http_url
from .compare import CompareGroup, Derived, compare_rows, province_code

PROJECT_AUTHOR = "政府信息公开年报数据项目"
RULE_PAGE_ROWS = 200  # failing reports listed on a rule page; all are in checks.csv and the finder


def read_csv(path: Path) -> list[dict]:
    """Rows of a data package CSV, text as printed (the formula guard undone)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{name: restore(value) for name, value in row.items()} for row in csv.DictReader(handle)]


def by_report(path: Path, columns: tuple[str, ...], batch_rows: int = 65_536) -> Iterator[tuple[str, list[tuple]]]:
    """A long table of the package (its Parquet file, sorted by report_id), one report's rows at a
    time, with only the columns asked for, read a batch at a time: the site keeps what it draws
    from them, never the table."""
    import pyarrow.parquet as pq

    current: tuple[str, list[tuple]] | None = None
    for batch in pq.ParquetFile(path).iter_batches(batch_size=batch_rows, columns=["report_id", *columns]):
        for report_id, rows in groupby(zip(*(column.to_pylist() for column in batch.columns)), key=itemgetter(0)):
            found = [row[1:] for row in rows]
            if current is not None and report_id == current[0]:  # a report's rows across two batches
                current[1].extend(found)
                continue
            if current is not None:
                if report_id < current[0]:
                    raise ValueError(f"{path.name} is not sorted by report_id ({report_id!r} after {current[0]!r})")
                yield current
            current = (report_id, found)
    if current is not None:
        yield current


class Outcomes(NamedTuple):
    """What an agency page charts of a report's table 3 (its total column)."""

    new: int | None  # requests received this year
    total: int | None  # requests handled
    groups: tuple[int | None, ...]  # per OUTCOME_GROUPS: the sum of its known rows, or None


OUTCOME_GROUPS = (
    ("予以公开", ("granted",), "#2e7d32"),
    ("部分公开", ("partially_granted",), "#66bb6a"),
    ("不予公开", ("denied.",), "#c62828"),
    ("无法提供", ("unable.",), "#ef6c00"),
    ("不予处理", ("not_processed.",), "#8e24aa"),
    ("其他处理", ("other",), "#757575"),
)


def read_outcomes(path: Path) -> dict[str, Outcomes]:
    """Per report, table 3's totals as the agency pages chart them (from table3.parquet)."""
    out = {}
    for report_id, rows in by_report(path, ("row", "total")):
        totals = dict(rows)
        groups = []
        for _, prefixes, _ in OUTCOME_GROUPS:
            known = [total for key, total in totals.items()
                     if key.startswith(prefixes) and key not in forms.T3_TERMS and total is not None]
            groups.append(sum(known) if known else None)
        out[report_id] = Outcomes(totals.get("new_received"), totals.get("total"), tuple(groups))
    return out


def read_check_outcomes(path: Path) -> tuple[dict[str, list[dict]], dict[str, Counter]]:
    """One pass over checks.parquet (millions of rows), a report at a time: each rule's first failing
    instance in its first RULE_PAGE_ROWS failing reports (its page lists those: their report_id and
    detail_zh), and how many reports pass, fail or are not applicable."""
    failing: dict[str, list[dict]] = defaultdict(list)
    counts: dict[str, Counter] = defaultdict(Counter)
    for report_id, rows in by_report(path, ("check_id", "outcome", "detail_zh")):
        seen: dict[str, set[str]] = defaultdict(set)
        for rule, outcome, detail in rows:
            if outcome == "fail" and "fail" not in seen[rule] and len(failing[rule]) < RULE_PAGE_ROWS:
                failing[rule].append({"report_id": report_id, "detail_zh": detail or ""})
            seen[rule].add(outcome)
        for rule, outcomes in seen.items():
            counts[rule]["fail" if "fail" in outcomes else "pass" if "pass" in outcomes else "not_applicable"] += 1
    return failing, counts


@dataclass
class SiteData:
    """The data package, as the site reads it."""

    data_dir: Path
    site: Path
    site_url: str
    package: dict
    reports: list[dict]
    agencies: dict[str, dict]
    rules: list[dict]
    outcomes: dict[str, Outcomes]  # table 3's totals, by report
    failing_by_rule: dict[str, list[dict]]  # per rule, its first failing reports' first instance (read_check_outcomes)
    outcome_counts: dict[str, Counter]  # reports per outcome, per rule
    repo_url: str = ""  # where readers report errors; none, no 报告错误 links
    place: DataPlace = field(default_factory=DataPlace)  # where the bulk data is published

    @classmethod
    def load(cls, data_dir: Path, site: Path, site_url: str, repo_url: str = "",
             place: DataPlace | None = None, package: dict | None = None) -> SiteData:
        """The package in ``data_dir``; ``package``: its description, when datapackage.json is yet
        to be written (``datasets.package.PendingPackage``: at first, only its data date)."""
        failing, counts = read_check_outcomes(data_dir / "checks.parquet")
        return cls(
            data_dir=data_dir,
            site=site,
            site_url=site_url.rstrip("/") + "/" if site_url else "",
            package=package or json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8")),
            reports=read_csv(data_dir / "reports.csv"),
            agencies={a["agency_id"]: a for a in read_csv(data_dir / "agencies.csv")},
            rules=read_csv(data_dir / "rules.csv"),
            outcomes=read_outcomes(data_dir / "table3.parquet"),
            failing_by_rule=failing,
            outcome_counts=counts,
            repo_url=repository_url(repo_url),
            place=place or DataPlace(),
        )

    def document_bytes(self, report_id: str) -> bytes:
        """A report's full extract document (JSON), written beside its page by the dataset stage."""
        return (self.site / self.place.report_folder(report_id) / REPORT_FILES["json"]).read_bytes()

    def for_agency(self, agency_id: str) -> SiteData:
        """What an agency's pages (its own and its reports') are rendered from, and nothing more:
        small enough to send to a worker process with the pages to render."""
        reports = self.by_agency[agency_id]
        ids = [r["report_id"] for r in reports]
        part = replace(self, package={"created": self.package["created"]}, reports=reports,
                       agencies={agency_id: self.agencies[agency_id]},
                       outcomes={i: self.outcomes[i] for i in ids if i in self.outcomes},
                       failing_by_rule={}, outcome_counts={})
        part.derived = Derived({i: found for i in ids if (found := self.derived.by_report.get(i))})
        part.compare = {key: {} for r in reports if (key := (r["year"], province_code(r))) in self.compare}
        return part

    @cached_property
    def reports_by_id(self) -> dict[str, dict]:
        return {r["report_id"]: r for r in self.reports}

    @cached_property
    def by_agency(self) -> dict[str, list[dict]]:
        out: dict[str, list[dict]] = defaultdict(list)
        for r in self.reports:
            out[r["agency_id"]].append(r)
        for rows in out.values():
            rows.sort(key=lambda r: int(r["year"]))
        return out

    def permalink(self, path: str) -> str:
        return self.site_url + path if self.site_url else path

    def data_href(self, path: str, root: str) -> str:
        """A link to a data package file (``path`` relative to data/) from a page at ``root``."""
        return self.place.data_href(path, root)

    def report_file(self, report_id: str, name: str) -> str:
        """A link to one of a report's own files from its page."""
        return self.place.report_href(report_id, name)

    @cached_property
    def derived(self) -> Derived:
        """Indicators and regional totals (builder.site.compare)."""
        return Derived.load(self.data_dir)

    @cached_property
    def compare(self) -> dict[tuple[str, str], CompareGroup]:
        """Every compare page, by (year, province code); ``build_site`` sets it as it writes their data."""
        return {key: CompareGroup.of(group) for key, group in compare_rows(self.derived, self.reports,
                                                                           self.agencies).items()}

    @property
    def created_date(self) -> str:
        return self.package["created"][:10]

    @property
    def issue_base(self) -> str:
        return self.repo_url + "/issues/new" if self.repo_url else ""

    def issue_link(self, title: str, body: str) -> str:
        """A new issue with its title and text filled in, or "" when no repository is configured."""
        if not self.repo_url:
            return ""
        return f"{self.issue_base}?title={query_value(title)}&body={query_value(body)}"

    def about(self) -> dict[str, str]:
        """What the footer and the about page say of the site."""
        return {"keeper": PROJECT_AUTHOR, "data_date": self.created_date, "repo_url": self.repo_url,
                "issue_url": self.issue_base}


def repository_url(url: str) -> str:
    """The project's repository (e.g. https://github.com/owner/repo): an http(s) URL, or "" for none."""
    url = url.strip().rstrip("/").removesuffix(".git")
    if url and not is_http_url(url):
        raise ValueError(f"repository URL must be an http(s) address, not {url!r}")
    return url


def site_address(url: str) -> str:
    """The absolute URL the site is served from: an http(s) URL, or "" when unknown."""
    url = url.strip()
    if url and not is_http_url(url):
        raise ValueError(f"site URL must be an http(s) address, not {url!r}")
    return url


def query_value(text: str) -> str:
    """A URL query value with ASCII, spaces and invisible characters (controls, format marks,
    separators) percent-encoded and other characters as they are: a browser encodes them on
    following the link (a URL may hold them), and a Chinese character written once weighs
    3 bytes on the page, percent-encoded 9."""
    return "".join(c if ord(c) > 127 and unicodedata.category(c)[0] not in "CZ" else quote(c, safe="")
                   for c in text)
