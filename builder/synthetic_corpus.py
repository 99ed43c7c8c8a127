"""A synthetic corpus folder: agencies of several provinces reporting over several years.

Built from ``builder.synthetic`` (consistent tables, varied layouts), for the
tests of comparisons across agencies, years and regions. Some agencies skip
a year, so year-over-year change meets gaps.
"""

from __future__ import annotations

import random
from pathlib import Path

from . import synthetic


def agency_names(provinces: int, bodies: int) -> list[str]:
    """The first ``bodies`` bodies of every county of the first ``provinces`` provinces in builder.synthetic."""
    chosen: list[str] = []
    for province, _city, _county in synthetic.AGENCIES:
        if province not in chosen:
            chosen.append(province)
    wanted = set(chosen[:provinces])
    return [f"{city}{county}{body}" for province, city, county in synthetic.AGENCIES if province in wanted
            for body in synthetic.BODIES[:bodies]]


def write_corpus(folder: Path, years: range, provinces: int = 3, bodies: int = 4, seed: int = 0,
                 skip: float = 0.15) -> list[synthetic.SyntheticReport]:
    """Write one text file per agency and year (a share ``skip`` of them left out) and return what was written."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for index, name in enumerate(agency_names(provinces, bodies)):
        for year in years:
            if rng.random() < skip:
                continue
            drawn = synthetic.report(rng, year=year, layout=rng.choice(("tab", "pipe")), agency=name)
            (folder / f"{index:04d}-{year}.txt").write_text(drawn.text, encoding="utf-8")
            written.append(drawn)
    return written
