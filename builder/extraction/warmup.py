"""Imported by the process pool's fork server: every worker then starts with the
gazetteer, the word segmenter, the checks and Arrow (which stores the extracted
reports and encodes the datasets' rows) already loaded (a second or more each), so
recycling workers after N files costs a fork, not a start-up."""

from __future__ import annotations

import gc
import random

from ..checks import check_report
from ..synthetic import report
from .cache import encoded, outcome_record
from .corpus import read_data

extracted = read_data(report(random.Random(0), year=2022).text.encode("utf-8"), "warmup.txt")
encoded(outcome_record(extracted))
check_report(extracted)
# What is loaded now lives as long as every worker: out of the collector's scans, so a
# worker neither spends time on it nor copies its pages (the fork shares them).
gc.freeze()
