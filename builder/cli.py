"""Command line: thin wrappers over library functions, one clear line per error."""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import os
import sys
import unicodedata
from collections import Counter
from pathlib import Path

import click

from . import errors
from .checks import BADGES, RULE_INDEX
from .limits import DEFAULT, Limits


def _fail(message: str) -> None:
    click.echo(f"error: {errors.printable(message)}", err=True)


def limit_options(command):
    """--max-bytes, --max-pdf-pages, --max-html-depth, --search-steps and
    --time-limit, gathered into one ``bounds`` (a ``limits.Limits``)."""
    options = [
        click.option("--max-bytes", type=click.IntRange(1), default=DEFAULT.max_bytes, show_default=True,
                     help="Largest input file read, in bytes; a larger file is rejected."),
        click.option("--max-pdf-pages", type=click.IntRange(1), default=DEFAULT.max_pdf_pages, show_default=True,
                     help="Most pages read from one PDF; a longer PDF is rejected."),
        click.option("--max-html-depth", type=click.IntRange(16, 900), default=DEFAULT.max_html_depth, show_default=True,
                     help="Deepest element nesting read from a web page; a page deeper only through containers "
                          "(div, span, …) is read with them as line breaks, any other deeper page is rejected."),
        click.option("--search-steps", type=click.IntRange(1000), default=DEFAULT.search_steps, show_default=True,
                     help="Steps each search for a table reading may take; past it the cells are marked ambiguous."),
        click.option("--time-limit", type=click.FloatRange(0), default=DEFAULT.time_limit, show_default=True,
                     help="Seconds one file may take to read and check (0: no limit); a slower file is rejected."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _bounds(max_bytes: int, max_pdf_pages: int, max_html_depth: int, search_steps: int,
            time_limit: float) -> Limits:
    return Limits(max_bytes, max_pdf_pages, max_html_depth, search_steps, time_limit)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="gov-disclosure-reports")
def cli() -> None:
    """Open data from Chinese government information-disclosure annual reports
    (政府信息公开工作年度报告): extract every table cell, check that the tables add
    up, publish datasets and a static site."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--compact", is_flag=True, help="Print a single file's document on one line too.")
@limit_options
def extract(files: tuple[Path, ...], compact: bool, **limit_values) -> None:
    """Extract one or more report files and print each as JSON.

    FILES are reports as text, Markdown, web pages (.html, .mht), PDF, Word
    (.docx, .doc), RTF, OpenDocument, OFD, spreadsheets, JSON, OCR results (ALTO,
    hOCR, Tesseract TSV, PaddleOCR and cloud OCR JSON) or ZIP and tar archives
    of them; the format and text encoding are detected from the bytes. One file prints one indented JSON
    document; several files print one document per line (JSON Lines).

    \b
    Each document has:
      source      path, sha256 and detected format of the file
      report_id   <agency_id>/<year>, e.g. 640425-pengyang-xian-renmin-zhengfu/2022
      agency      name as printed, name_normalized, agency_id, province, city,
                  county and adcode (6-digit 行政区划代码)
      year        the report year; template: gov-2021, gov-2019 or pre-2019
      cells       every cell id of the template with value, raw (the printed
                  text), status (reported, none, blank, missing, repaired,
                  ambiguous, inferred), and note / candidates where they apply
      narrative   figures stated in the prose: key, value, approx, text
      warnings    what the parser noticed, as records with a code and message
      checks      single-report consistency checks (id, severity, outcome,
                  cells, left, right, detail_zh, detail_en); badge and summary

    A file that is not a report (empty, binary, an unrelated page, over a
    limit below) prints a one-line error naming the file and the reason on
    stderr; the other files still come out, and the exit status is 1.
    """
    from .extraction.corpus import Rejected, read_path, readable_name

    bounds = _bounds(**limit_values)
    failed = False
    one_line = compact or len(files) > 1
    for path in files:
        name = readable_name(os.fsdecode(path))
        report = read_path(os.fsdecode(path), name, bounds)
        if isinstance(report, Rejected):
            _fail(f"{report.file}: {report.reason}")
            failed = True
            continue
        document = report.as_json()
        click.echo(json.dumps(document, ensure_ascii=False, indent=None if one_line else 2))
    sys.exit(1 if failed else 0)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def _pipeline_options(command):
    """--jobs, --dask and --recycle-after: how the per-file stage runs."""
    command = click.option("--recycle-after", type=click.IntRange(min=1), default=200, show_default=True,
                           help="PDF/DOCX files a pool worker reads before it is replaced (keeps their memory "
                                "bounded; text and HTML do not grow it).")(command)
    command = click.option("--dask", "dask_address", metavar="tcp://HOST:PORT",
                           help="Run extraction on this running dask.distributed scheduler instead of locally; "
                                "the corpus and --cache may then be fsspec URLs (s3://…) the workers can read.")(command)
    return click.option("--jobs", "-j", type=click.IntRange(min=1), default=lambda: os.cpu_count() or 1,
                        show_default="number of CPUs", help="Processes extracting files in parallel; 1 = serial.")(command)


def _options(jobs: int, dask_address: str | None, recycle_after: int, cache: str | None, bounds):
    from .extraction.pipeline import Options

    return Options(jobs=jobs, cache=cache, dask=dask_address, recycle_after=recycle_after, bounds=bounds)


@cli.command()
@click.argument("folder")
@click.option("--json", "as_json", is_flag=True,
              help="Print one extract document per line (JSON Lines), all checks included, instead of the table.")
@click.option("--cache", metavar="FOLDER|URL", help="Extraction cache to read and fill (default: none).")
@_pipeline_options
@limit_options
def check(folder: str, as_json: bool, cache: str | None, jobs: int, dask_address: str | None,
          recycle_after: int, **limit_values) -> None:
    """Check every report in FOLDER, cross-year checks included.

    Prints one line per report: report_id, badge (一致, 不一致, 存疑, 无表格)
    and the error and warning checks that fail, then a count of badges. Files that could not
    be read are listed on stderr with the reason. Failing checks are findings,
    not errors: the exit status is 0 unless FOLDER itself is unusable.
    """
    from .checks import outcomes
    from .extraction.pipeline import read_reports, stderr_progress

    corpus_dir = folder if "://" in folder else Path(folder)
    options = _options(jobs, dask_address, recycle_after, cache, _bounds(**limit_values))
    try:
        with read_reports(corpus_dir, options, progress=stderr_progress) as checked:
            if as_json:
                for report in checked:
                    click.echo(json.dumps(report.as_json(), ensure_ascii=False))
            else:  # a line per report, kept small: the column width needs them all first
                lines = [(report.report_id, report.badge or "",
                          [rule for rule, outcome in outcomes(report).items()
                           if outcome == "fail" and RULE_INDEX[rule].severity != "info"]) for report in checked]
    except errors.BuilderError as e:
        _fail(str(e))
        sys.exit(2)
    if not as_json:
        width = max([_width("report_id")] + [_width(report_id) for report_id, _, _ in lines]) + 2
        click.echo(_pad("report_id", width) + _pad("badge", 8) + "failed checks")
        for report_id, badge, failed in lines:
            click.echo(_pad(report_id, width) + _pad(badge, 8) + (", ".join(failed) or "-"))
        counts = Counter(badge for _, badge, _ in lines)
        tally = " · ".join(f"{b} {counts[b]}" for b in BADGES if counts[b])
        click.echo(f"{len(lines)} reports" + (f": {tally}" if tally else ""))
    for rejected in checked.rejected:
        _fail(f"{rejected.file}: {rejected.reason}")
    internal = sum(1 for rejected in checked.rejected if rejected.internal)
    if internal:
        click.echo(f"{internal} internal errors: bugs of this tool met on those files, please report them", err=True)


@cli.command()
@click.option("--corpus", "corpus_dir", default="datasets/corpus", show_default=True,
              help="Folder of report files (and an optional sources.csv); with --dask also an fsspec URL.")
@click.option("--out", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="Output folder: the site, with the data package in <out>/data/.")
@click.option("--site-url", default=lambda: os.environ.get("SITE_URL", ""),
              help="Absolute URL the site is served from, for permalinks and citations [env SITE_URL].")
@click.option("--repo-url", default=lambda: os.environ.get("REPO_URL", ""),
              help="The project's repository (e.g. https://github.com/owner/repo): pages link to a prefilled "
                   "issue there to report an error; none, no such links [env REPO_URL].")
@click.option("--data-url", default=lambda: os.environ.get("DATA_URL", ""),
              help="Where the bulk data is published (an http(s) URL mirroring <out>/data/): all of it, each "
                   "report's JSON, CSV and source text included, is then written under <out>/data/ and the pages "
                   "link there, so that <out> without data/ is the site [env DATA_URL]; none, all on the site.")
@click.option("--no-site", is_flag=True,
              help="Write the data package only, not the site (the whole --out is replaced: a site built there before "
                   "is removed).")
@click.option("--cache", metavar="FOLDER|URL",
              help="Extraction cache: one entry per file, reused while the file and the parser are unchanged "
                   "[default: <out>.cache beside the output].")
@click.option("--no-cache", is_flag=True, help="Extract every file again and keep no cache.")
@_pipeline_options
@limit_options
def build(corpus_dir: str, out: Path, site_url: str, repo_url: str, data_url: str, no_site: bool, cache: str | None,
          no_cache: bool, jobs: int, dask_address: str | None, recycle_after: int, **limit_values) -> None:
    """Build the datasets and the static site from a corpus folder.

    Every entry in the corpus becomes a report or a line in the `rejected`
    table with the reason; one bad file never stops the build. Hidden files,
    symlinks leading out of the corpus or nowhere, and special files are
    rejected unread; only the metadata files at the top of the corpus are
    skipped: sources.csv, README.md, readme.md, LICENSE. Bad rows of
    sources.csv are listed on `rejected` too. Writes the data package (CSV,
    Parquet, Excel, datapackage.json, per-report JSON, CSV and source text)
    to <out>/data/ and, unless --no-site, the site to <out>/, building in a
    folder beside <out> and swapping it in at the end, so a failed build
    leaves the previous output untouched; the replaced output stays beside
    as .<out>.spare, the next build's folder. Progress goes to stderr, then a
    summary: reports read, files that could not be read and why, internal
    errors, badges.
    """
    from .build import build as run_build
    from .build import default_cache
    from .datasets.outputs import DataPlace
    from .site.data import repository_url, site_address

    cache = None if no_cache else cache or default_cache(out)
    options = _options(jobs, dask_address, recycle_after, cache, _bounds(**limit_values))
    for name, check in (("--site-url", lambda: site_address(site_url)), ("--repo-url", lambda: repository_url(repo_url)),
                        ("--data-url", lambda: DataPlace(data_url))):
        try:
            check()
        except ValueError as e:
            _fail(f"{name}: {e}")
            sys.exit(2)
    try:
        summary = run_build(corpus_dir if "://" in corpus_dir else Path(corpus_dir), out, site_url=site_url,
                            with_site=not no_site, options=options, repo_url=repo_url, data_url=data_url)
    except errors.BuilderError as e:
        _fail(str(e))
        sys.exit(2)
    except EOFError as e:  # click would print "Aborted!", as for Ctrl-D at a prompt: here, data cut short
        raise RuntimeError(f"unexpected end of data: {e}") from e
    except OSError as e:  # the machine's, not a report's (a full disk, a folder it may not write in)
        where = f" ({e.filename})" if e.filename else ""
        _fail(f"the build stopped: {e.strerror or e}{where}; the output is replaced whole or not at all, so {out} "
              "is as the last build left it")
        sys.exit(2)
    for line in summary.lines():
        click.echo(line, err=True)


@cli.command()
@click.option("--out", type=click.Path(path_type=Path), default=Path("site"), show_default=True,
              help="The built site folder to serve.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port on 127.0.0.1.")
@click.option("--build/--no-build", "rebuild", default=False, show_default=True,
              help="Build from the bundled corpus first (always done when <out> has no site yet).")
def serve(out: Path, port: int, rebuild: bool) -> None:
    """Preview the built site on http://127.0.0.1:PORT/ until interrupted."""
    from .site.preview import make_server

    if rebuild or not (out / "index.html").exists():
        from .build import build as run_build

        try:
            summary = run_build(Path("datasets/corpus"), out)
        except errors.BuilderError as e:
            _fail(str(e))
            sys.exit(2)
        for line in summary.lines():
            click.echo(line, err=True)
    try:
        server = make_server(out, port)
    except errors.PreviewError as e:
        _fail(str(e))
        sys.exit(2)
    with server:
        click.echo(f"serving {out} on http://127.0.0.1:{server.server_port}/ (Ctrl-C to stop)", err=True)
        with contextlib.suppress(KeyboardInterrupt):
            server.serve_forever()


def main() -> None:
    # At exit, the interpreter's last garbage collection would walk every object still alive (the
    # gazetteer, the word list, the caches: 0.1 s) only to free memory the process gives back anyway.
    atexit.register(gc.freeze)
    cli(prog_name="python -m builder")
