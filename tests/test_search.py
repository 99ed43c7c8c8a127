"""The search index on its own: the right first hits, and a first search that stays small.

A synthetic index (agencies of builder.synthetic over several years, prose drawn
from a pool) is written with small pages and shards, so that paging and sharding
happen at a few thousand documents instead of 30,000 reports; the bounds below are
derived from that structure, not from a measured figure.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest

from builder import synthetic
from builder.site import search
from builder.site.build import search_document
from builder.site.search import Pinyin, document_terms, first_finder, first_search, pinyin_terms, rank_order, terms, write_search

YEARS = range(2019, 2025)
PROSE = ("全年共收到政府信息公开申请{n}件，均在法定期限内予以答复。", "全年发生政府信息公开行政复议{n}件。",
         "主动公开政府信息{n}条，其中规范性文件{n}件。", "未发生因政府信息公开引起的行政诉讼案件。",
         "教育局门户网站发布信息{n}条。", "通过政务新媒体发布信息{n}条，回应关切{n}次。")
BADGES = ("一致", "不一致", "存疑", "无表格")
SMALL = {"PAGE": 40, "INLINE": 16, "SHARD_BYTES": 3000}


def synthetic_index(folder: Path, counties: int, seed: int = 7) -> list[dict]:
    """Reports of every body of the first ``counties`` places for every year, their agency pages, and a rule page."""
    rng = random.Random(seed)
    documents, reports = [], []
    for number, (province, city, county) in enumerate(synthetic.AGENCIES[:counties]):
        adcode = "640425" if county == "彭阳县" else f"{11 + number:02d}{number % 90 + 1:02d}{number % 7 + 1:02d}"
        for body in synthetic.BODIES:
            name = city + county + body
            agency_id = f"{adcode}-{number}-{synthetic.BODIES.index(body)}"
            for year in YEARS:
                badge = rng.choice(BADGES)
                report = {"report_id": f"{agency_id}/{year}", "agency_id": agency_id, "agency_name": name,
                          "province": province, "city": city, "county": county, "adcode": adcode,
                          "year": str(year), "badge": badge, "summary": f"{badge}：摘要"}
                prose = [{"text": s.format(n=rng.randint(0, 300))} for s in rng.sample(PROSE, 3)]
                documents.append(search_document(f"reports/{agency_id}/{year}/", f"{name} {year} 年政府信息公开工作年度报告",
                                                 report, {"narrative": prose}))
                reports.append(report)
            documents.append({"url": f"agencies/{agency_id}/", "title": name, "kind": "机关", "names": [name],
                              "text": f"{name} {province} {adcode}"})
    documents.insert(0, {"url": "rules/x/", "title": "规则 政府信息公开申请数", "kind": "规则", "text": "政府信息公开"})
    write_search(folder, documents, reports)
    return documents


def expected_hits(documents: list[dict], query: str, filters: tuple[str, ...] = ()) -> list[int]:
    """Brute force: the first documents in rank order that carry every term."""
    wanted = terms(query) | set(filters)
    hits = [n for n, d in enumerate(rank_order(documents)) if wanted <= document_terms(d)]
    return hits[:search.RESULTS]


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, list[dict]]:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in SMALL.items():
            patch.setattr(search, name, value)
        folder = tmp_path_factory.mktemp("search-small")
        return folder, synthetic_index(folder, counties=8)


QUERIES = [("政府信息公开", ()), ("教育局", ()), ("彭阳", ()), ("彭阳县教育局 2021", ()), ("行政复议", ("~y2022",)),
           ("政府信息公开", ("~b存疑", "~y2020")), ("pengyang", ()), ("pyxjyj", ()), ("jiaoyuju", ()),
           ("640425", ()), ("量子纠缠", ()), ("", ("~y2019",))]


@pytest.mark.parametrize(("query", "filters"), QUERIES)
def test_first_hits_are_the_best_ranked(small, query, filters):
    folder, documents = small
    hits, _ = first_search(folder, query, filters)
    wanted = expected_hits(documents, query, filters) if terms(query) or filters else []
    assert hits == wanted
    if query in ("政府信息公开", "教育局", "彭阳"):
        assert hits and all(rank_order(documents)[n]["kind"] == "报告" for n in hits)  # reports above other pages


def test_pinyin_terms_are_whole_syllables_and_initials():
    found = pinyin_terms("彭阳县教育局")
    assert {"pengyang", "pengyangxian", "jiaoyuju", "xian", "pyx", "jyj", "pyxjyj"} <= found
    assert "engyang" not in found and "p" not in found  # syllables are not cut; lone initials are not terms


def test_postings_are_each_documents_terms_with_every_name_read_once():
    """Names' pinyin runs are made once per name and merged into the other terms' numbers: the
    postings are still, term by term, the ascending numbers of the documents whose terms hold it
    (a run also written in a text, a name twice on one page, two names sharing runs)."""
    documents = [
        {"title": "彭阳县教育局 2023", "text": "jiaoyuju 公开", "names": ["彭阳县教育局", "彭阳县教育局"],
         "facets": ["~y2023"]},
        {"title": "隆德县", "text": "pengyang", "names": []},
        {"title": "彭阳县人民政府", "text": "政府信息", "names": ["彭阳县人民政府", "彭阳县教育局"]},
        {"title": "隆德县教育局", "text": "", "names": ["隆德县教育局"], "facets": ["~y2023"]},
    ]
    read: list[str] = []

    def counted(name: str) -> frozenset[str]:
        read.append(name)
        return pinyin_terms(name)

    postings = search.postings_of(documents, counted)
    expected: dict[str, list[int]] = {}
    for number, document in enumerate(documents):
        for term in document_terms(document):
            expected.setdefault(term, []).append(number)
    assert {term: list(numbers) for term, numbers in postings.items()} == expected
    assert postings["pengyang"].tolist() == [0, 1, 2] and postings["jyj"].tolist() == [0, 2, 3]
    assert sorted(read) == sorted({"彭阳县教育局", "彭阳县人民政府", "隆德县教育局"})  # each once


def test_pinyin_read_in_an_earlier_build_is_taken_as_read_and_only_names_in_use_are_kept(monkeypatch):
    earlier = Pinyin()
    expected = pinyin_terms("彭阳县教育局")
    assert earlier.terms("彭阳县教育局") == expected
    kept = Pinyin({"彭阳县教育局": earlier.used["彭阳县教育局"], "已撤销局": "yi che xiao ju"})

    def unread(name: str) -> str:
        raise AssertionError(f"{name} read again")

    monkeypatch.setattr(search, "syllables", unread)
    assert kept.terms("彭阳县教育局") == expected
    assert list(kept.used) == ["彭阳县教育局"]  # a name no page carries any more is not kept
    with pytest.raises(AssertionError, match="read again"):
        kept.terms("隆德县")


def test_a_patched_index_keeps_the_readings_of_the_names_it_did_not_read(tmp_path, monkeypatch):
    """A patched index reads only the changed documents' names; the others' readings are kept
    all the same, or the next full index would read every name again."""
    names = [f"{county}教育局" for county in ("彭阳县", "隆德县", "泾源县", "西吉县", "原州区", "海原县",
                                             "沙坡头区", "中宁县", "红寺堡区", "同心县")]
    documents = [{"url": f"a{n}/", "title": name, "kind": "机关", "text": name, "names": [name]}
                 for n, name in enumerate(names)]
    first = Pinyin()
    write_search(tmp_path / "one", documents, [], first, version="v")
    documents[0] = {**documents[0], "text": "彭阳县教育局 2024"}
    again = Pinyin(dict(first.used))
    monkeypatch.setattr(search, "syllables", lambda name: pytest.fail(f"{name} read again"))
    write_search(tmp_path / "two", documents, [], again, previous=tmp_path / "one", version="v")
    assert again.used == first.used


def test_result_files_carry_the_text_and_escape_nothing(tmp_path):
    hostile = "<img src=x onerror=alert(1)>彭阳县"
    documents = [{"url": "a/", "title": hostile, "kind": "机关", "text": hostile, "names": [hostile]}]
    write_search(tmp_path, documents, [])
    rows = json.loads((tmp_path / "search" / "d" / "0.json").read_text(encoding="utf-8"))
    assert rows == [["a/", hostile, "机关", "", hostile]]  # text as data: site.js makes text nodes of it
    assert first_search(tmp_path, "pengyang")[0] == [0]


def first_search_bytes(folder: Path, query: str) -> int:
    return sum(first_search(folder, query)[1].values())


def test_first_search_loads_only_its_shards_pages_and_results(small):
    """A common word: one shard per term, the first page of each posting list, the chunks of the results."""
    folder, _ = small
    meta = json.loads((folder / "search" / "meta.json").read_text(encoding="utf-8"))
    largest = {kind: max(p.stat().st_size for p in (folder / "search" / kind).rglob("*.json")) for kind in "tpd"}
    index = sum(p.stat().st_size for p in (folder / "search").rglob("*.json"))
    for query in ("政府信息公开", "教育局", "彭阳"):
        hits, fetched = first_search(folder, query)
        k = len(terms(query))
        kinds = [name.split("/")[0] for name in fetched]
        assert kinds.count("t") <= k and kinds.count("d") == len({n // meta["chunk"] for n in hits})
        assert len(hits) == meta["results"]
        assert kinds.count("p") <= k, f"{query}: more than one posting page per term: {sorted(fetched)}"
        bound = (folder / "search" / "meta.json").stat().st_size + k * (largest["t"] + largest["p"]) \
            + meta["results"] * largest["d"]
        assert sum(fetched.values()) <= bound
        assert sum(fetched.values()) < index / 10, f"{query}: a first search loads a tenth of the index"
    # No shard grows far past its aim: a bigger corpus means more shards, not bigger ones.
    assert largest["t"] <= 3 * SMALL["SHARD_BYTES"]


def test_first_search_does_not_grow_with_the_corpus(tmp_path):
    """Four times the reports: about the same bytes for a first search, and the finder's first load."""
    measured = {}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in SMALL.items():
            patch.setattr(search, name, value)
        for counties in (4, 16):
            folder = tmp_path / str(counties)
            synthetic_index(folder, counties)
            measured[counties] = ([first_search_bytes(folder, q) for q in ("政府信息公开", "教育局", "人民政府")],
                                  sum(first_finder(folder).values()))
    (small_queries, small_finder), (big_queries, big_finder) = measured[4], measured[16]
    for before, after in zip(small_queries, big_queries):
        assert after <= 1.5 * before, measured
    assert big_finder <= 1.5 * small_finder + 2000, measured
