"""Search benchmark: what a first search and the finder load at N reports, without building the site.

The search documents are made from synthetic metadata the way builder.site.build makes
them (``site.search_document``): the agencies and places of benchmarks/site_bench.py
(every county of the cpca gazetteer, several bodies and years each), badges in the
proportions of a real build, and prose sentences drawn from the bundled corpus
(datasets/corpus, built once) with the agency's name put in. Then
``builder.site.search.write_search`` writes the index, and the files a first search
(``builder.site.search.first_search``, the same walk as site.js) and the finder's first
load fetch are summed, raw and gzipped. Nothing is asserted.

    python benchmarks/search_bench.py [--sizes 30000] [--queries 政府信息公开,教育局,彭阳]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

QUERIES = ("政府信息公开", "教育局", "彭阳", "pengyang", "640425", "行政复议")
BADGES = (("一致", 0.55), ("不一致", 0.15), ("存疑", 0.2), ("无表格", 0.1))
SUMMARY = {"一致": "一致：表格各项勾稽关系均成立", "不一致": "不一致：表三第一项加第二项之和与第三项加第四项之和相差 2",
           "存疑": "存疑：正文所述申请数与表三不一致（另有 1 处）",
           "无表格": "无表格：2019 年以前的报告没有统一表格，只有正文中的数字"}


def real_sentences() -> list[str]:
    """The prose sentences with figures of the bundled corpus, from one real build."""
    from builder.build import build

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        build(ROOT / "datasets" / "corpus", site, say=lambda _: None)
        out = []
        for path in sorted(site.glob("reports/*/*/report.json")):
            document = json.loads(path.read_text(encoding="utf-8"))
            name = document.get("agency", {}).get("name") or ""
            out += [f["text"].replace(name, "{agency}") if name else f["text"] for f in document["narrative"]]
    return list(dict.fromkeys(out))


def documents(n: int, seed: int, sentences: list[str]) -> tuple[list[dict], list[dict]]:
    """Search documents and finder rows for N synthetic reports and their agency, region and year pages."""
    from site_bench import plan

    from builder.site import build as site

    rng = random.Random(seed)
    docs, reports, agencies, regions = [], [], {}, {}
    for p in plan(n, seed):
        badge = rng.choices([b for b, _ in BADGES], [w for _, w in BADGES])[0]
        adcode = p.agency_id[:6]
        report = {"report_id": f"{p.agency_id}/{p.year}", "agency_id": p.agency_id, "agency_name": p.agency,
                  "province": p.place.province, "city": p.place.city, "county": p.place.county, "adcode": adcode,
                  "year": str(p.year), "badge": badge, "summary": SUMMARY[badge]}
        own = [f"{p.year}年，{p.agency}共收到政府信息公开申请{rng.randint(0, 200)}件，均在法定期限内予以答复。"]
        own += [s.replace("{agency}", p.agency) for s in rng.sample(sentences, rng.randint(1, min(12, len(sentences))))]
        path = f"reports/{report['report_id']}/"
        title = f"{p.agency} {p.year} 年政府信息公开工作年度报告"
        docs.append(site.search_document(path, title, report, {"narrative": [{"text": s} for s in own]}))
        reports.append(report)
        agencies.setdefault(p.agency_id, report)
        regions.setdefault(adcode, p.place.county)
    for agency_id, r in agencies.items():
        docs.append({"url": f"agencies/{agency_id}/", "title": r["agency_name"], "kind": "机关", "names": [r["agency_name"]],
                     "text": " ".join(filter(None, [r["agency_name"], r["province"], r["city"], r["county"], r["adcode"]]))})
    for code, name in regions.items():
        docs.append({"url": f"regions/{code}/", "title": name, "kind": "地区", "names": [name], "text": f"{name} {code}"})
    for year in sorted({r["year"] for r in reports}):
        docs.append({"url": f"years/{year}/", "title": f"{year} 年度", "kind": "年份", "text": f"{year} 年度"})
    return docs, reports


def gz(data: bytes) -> int:
    return len(gzip.compress(data, 6))


def loaded(site: Path, names) -> tuple[int, int, int]:
    raw = [(site / "search" / name).read_bytes() for name in names]
    return len(raw), sum(map(len, raw)), sum(map(gz, raw))


def main(argv: list[str] | None = None) -> None:
    from builder.site.search import first_finder, first_search, write_search

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="30000")
    parser.add_argument("--queries", default=",".join(QUERIES))
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args(argv)
    sentences = real_sentences()
    for n in (int(x) for x in args.sizes.split(",")):
        work = Path(tempfile.mkdtemp(prefix=f"search_bench_{n}_"))
        try:
            docs, reports = documents(n, args.seed, sentences)
            t0 = time.perf_counter()
            sizes = write_search(work, docs, reports)
            seconds = time.perf_counter() - t0
            files = sum(1 for p in (work / "search").rglob("*") if p.is_file())
            print(f"\nN = {n:,} reports, {len(docs):,} documents: index written in {seconds:.1f} s, {files:,} files, "
                  + ", ".join(f"{k} {v / 1e6:.1f} MB" for k, v in sizes.items()))
            print(f"{'query':<14}{'hits shown':>11}{'files':>7}{'KB':>9}{'KB gzip':>9}")
            for query in args.queries.split(","):
                hits, fetched = first_search(work, query)
                count, raw, zipped = loaded(work, fetched)
                print(f"{query:<14}{len(hits):>11}{count:>7}{raw / 1024:>9.1f}{zipped / 1024:>9.1f}")
            count, raw, zipped = loaded(work, first_finder(work))
            print(f"{'finder (first)':<14}{'':>11}{count:>7}{raw / 1024:>9.1f}{zipped / 1024:>9.1f}")
        finally:
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
