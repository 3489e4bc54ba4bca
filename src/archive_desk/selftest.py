"""``--self-test``: does this installation work? Run by the installed app (``ArchiveDesk --self-test``,
``archive-desk --self-test``), by CI on the frozen folder, and by the tests in-process.

In a scratch folder (nothing of the user's is read or written: data, settings and window state are redirected
there) it creates a catalogue, builds a small demo, searches in Chinese, prints labels and volume forms to PDF
and checks the fonts are embedded (and decodes a label's code where zxing-cpp is importable: from a source
checkout; the installed app does not ship it), writes the yearly workbook and reopens it, and opens and closes
the main window offscreen. Exit status 0 with a one-line summary, 1 naming the step that failed.

Output goes through :func:`say`, which survives ``sys.stdout``/``sys.stderr`` being ``None`` (the windowed
Windows executable) and a console that cannot encode a character; the summary is also written to the log.
"""

from __future__ import annotations

import logging
import os
import re
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

log = logging.getLogger(__name__)

DEMO_VOLUMES = 120
SEARCH_TEXT = "保险"  # in the titles of the demo's claim files (机动车辆保险, 健康保险 …)


def say(text: str, stream: TextIO | None = None) -> None:
    """Print a line if there is somewhere to print it: nothing when the stream is None (the windowed
    executable), and characters the console cannot show are replaced rather than raising."""
    stream = stream if stream is not None else sys.stdout
    if stream is None:
        return
    try:
        stream.write(text + "\n")
        stream.flush()
    except UnicodeEncodeError:
        encoding = getattr(stream, "encoding", None) or "ascii"
        try:
            stream.write(text.encode(encoding, "replace").decode(encoding) + "\n")
            stream.flush()
        except (OSError, ValueError, UnicodeError):
            pass
    except (OSError, ValueError, AttributeError):  # a closed or broken console
        pass


class StepFailed(Exception):  # noqa: N818 - not an error: a public name others import
    """A check inside a step did not hold (as opposed to an unexpected exception)."""


@dataclass
class Scratch:
    folder: Path
    catalogue: Path
    settings_path: Path
    notes: dict[str, str] = field(default_factory=dict)
    volume_ids: list[int] = field(default_factory=list)


@dataclass(frozen=True)
class StepResult:
    name: str
    ok: bool
    seconds: float
    detail: str


@dataclass(frozen=True)
class SelfTestResult:
    ok: bool
    steps: tuple[StepResult, ...]
    failed_step: str | None
    error: str
    summary: str

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1


# --- the steps --------------------------------------------------------------------------------------------

def step_catalogue(s: Scratch) -> str:
    from archive_desk.services.setup import open_catalogue

    db = open_catalogue(s.folder / "empty.sqlite")  # creates it and runs every migration
    try:
        with db.read() as session:
            from sqlalchemy import text

            version = session.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
    finally:
        db.dispose()
    return f"migrated to {version}"


def step_demo(s: Scratch) -> str:
    from archive_desk.services.demo import build_demo

    report = build_demo(s.catalogue, DEMO_VOLUMES, seed=7)
    if report.volumes != DEMO_VOLUMES:
        raise StepFailed(f"{report.volumes} volumes built, {DEMO_VOLUMES} asked")
    return f"{report.volumes} volumes, {report.items} items"


def step_search(s: Scratch) -> str:
    from archive_desk.services.setup import open_catalogue
    from archive_desk.services import search

    db = open_catalogue(s.catalogue)
    try:
        with db.read() as session:
            hits = search.search(session, SEARCH_TEXT, limit=20)
    finally:
        db.dispose()
    if not hits:
        raise StepFailed(f"no volume found for {SEARCH_TEXT}")
    if not any(SEARCH_TEXT in hit.title or SEARCH_TEXT in (hit.item_title or "") for hit in hits):
        raise StepFailed(f"no hit for {SEARCH_TEXT} has it in its title")
    s.volume_ids = [hit.volume_id for hit in hits]
    return f"{len(hits)} hits for {SEARCH_TEXT}"


def embedded_fonts(pdf: bytes) -> tuple[list[str], list[str]]:
    """(embedded, not embedded) font names of a PDF written by reportlab (its font objects are not compressed)."""
    embedded: list[str] = []
    missing: list[str] = []
    for match in re.finditer(rb"<<([^<>]*?/Type\s*/FontDescriptor[^<>]*)>>", pdf, re.S):
        body = match.group(1)
        name = re.search(rb"/FontName\s*/([^\s/>]+)", body)
        if name:
            (embedded if re.search(rb"/FontFile[23]?\b", body) else missing).append(name.group(1).decode("latin-1"))
    for match in re.finditer(rb"/BaseFont\s*/([^\s/>]+)", pdf):  # fonts with no descriptor: the standard 14
        font = match.group(1).decode("latin-1")
        if font not in embedded and font not in missing:
            missing.append(font)
    return embedded, missing


def _check_cjk_font(pdf: bytes, what: str) -> str:
    if not pdf.startswith(b"%PDF"):
        raise StepFailed(f"the {what} are not a PDF")
    embedded, _missing = embedded_fonts(pdf)
    cjk = [name for name in embedded if "WenQuanYi" in name or "wqy" in name.lower() or "MicroHei" in name]
    if not cjk:
        raise StepFailed(f"the Chinese font is not embedded in the {what} (embedded: {embedded or 'none'})")
    return cjk[0]


def step_labels(s: Scratch) -> str:
    from archive_desk.services.setup import open_catalogue
    from archive_desk.printing.labels import render_labels_reporting
    from archive_desk.printing.templates import load_stock, load_template
    from archive_desk.services import labels

    db = open_catalogue(s.catalogue)
    try:
        with db.read() as session:
            scanners = labels.room_scanners(session)
            template_name, stock_name = labels.default_labels(scanners)
            records = labels.label_records(session, s.volume_ids[:6])
    finally:
        db.dispose()
    out = s.folder / "labels.pdf"
    _result, layout = render_labels_reporting(records, load_template(template_name), load_stock(stock_name), out=out,
                                              scanners=scanners)
    if not layout.labels:
        raise StepFailed("no label was printed")
    font = _check_cjk_font(out.read_bytes(), "labels")
    detail = f"{len(layout.labels)} labels, {font} embedded"
    s.notes["label_code"] = records[layout.labels[0].record_index].payload
    decoded = _decode(out)
    if decoded is None:
        detail += ", codes not decoded (zxing-cpp not bundled)"
    elif s.notes["label_code"] not in decoded:
        raise StepFailed(f"the label's code {s.notes['label_code']} was not read back (read: {decoded})")
    else:
        detail += ", code read back"
    return detail


def _decode(pdf: Path) -> list[str] | None:
    try:
        import zxingcpp  # noqa: F401 - only in a source checkout with the test extra
    except ImportError:
        return None
    from archive_desk.ui.selftest_window import decode_pdf_page

    return decode_pdf_page(pdf)


def step_forms(s: Scratch) -> str:
    from archive_desk.services.setup import open_catalogue
    from archive_desk.printing.forms import render_volume_forms
    from archive_desk.services import labels

    db = open_catalogue(s.catalogue)
    try:
        with db.read() as session:
            forms = labels.volume_forms(session, s.volume_ids[:1], clerk="自检")
    finally:
        db.dispose()
    out = s.folder / "forms.pdf"
    render_volume_forms(forms, out=out)
    font = _check_cjk_font(out.read_bytes(), "volume forms")
    return f"{len(forms)} volume's forms, {font} embedded"


def step_workbook(s: Scratch) -> str:
    from openpyxl import load_workbook

    from archive_desk.services.setup import open_catalogue
    from archive_desk.services import inventory

    db = open_catalogue(s.catalogue)
    out = s.folder / "inventory.xlsx"
    try:
        with db.read() as session:
            from sqlalchemy import text

            year = session.execute(text("SELECT max(year) FROM volumes")).scalar() or time.localtime().tm_year
            inventory.export_inventory(session, int(year), out)
    finally:
        db.dispose()
    book = load_workbook(out, read_only=True)
    try:
        sheets = book.sheetnames
        cells = sum(1 for ws in book.worksheets for row in ws.iter_rows(values_only=True) for v in row if v is not None)
    finally:
        book.close()
    if not sheets or not cells:
        raise StepFailed("the yearly workbook reopened empty")
    return f"{year}: {len(sheets)} sheets, {cells} cells"


def step_window(s: Scratch) -> str:
    from archive_desk.ui.selftest_window import open_and_close_window

    from archive_desk.app import build_context

    rows = open_and_close_window(s.catalogue, s.settings_path, build_context)
    return f"main window showed {rows} rows"


STEPS: list[tuple[str, Callable[[Scratch], str]]] = [
    ("catalogue", step_catalogue),
    ("demo", step_demo),
    ("search", step_search),
    ("labels", step_labels),
    ("forms", step_forms),
    ("workbook", step_workbook),
    ("window", step_window),
]


# --- running ----------------------------------------------------------------------------------------------

@contextmanager
def _scratch_environment(folder: Path) -> Iterator[None]:
    """Data, settings and room keys in the scratch folder; restored afterwards (the in-process run)."""
    saved = {k: os.environ.get(k) for k in ("ARCHIVE_DESK_DATA_DIR", "ARCHIVE_DESK_CONFIG_DIR")}
    os.environ["ARCHIVE_DESK_DATA_DIR"] = str(folder / "data")
    os.environ["ARCHIVE_DESK_CONFIG_DIR"] = str(folder / "config")
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def run(*, steps: list[tuple[str, Callable[[Scratch], str]]] | None = None, keep: Path | None = None,
        stream: TextIO | None = None) -> SelfTestResult:
    """Run the steps in order, stopping at the first that fails. ``keep``: a folder for the scratch files
    (kept for a person to look at); by default a temporary folder, removed afterwards."""
    from archive_desk import __version__
    from archive_desk.i18n import current_language, set_language

    steps = STEPS if steps is None else steps
    language = current_language()
    set_language("zh_CN")
    results: list[StepResult] = []
    failed: str | None = None
    error = ""
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="archive-desk-selftest-", ignore_cleanup_errors=True) as tmp:
        folder = Path(keep) if keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        scratch = Scratch(folder, folder / "demo.sqlite", folder / "config" / "settings.json")
        with _scratch_environment(folder):
            for name, func in steps:
                t0 = time.monotonic()
                try:
                    detail = func(scratch)
                except Exception as exc:  # noqa: BLE001 - any failure is reported, naming the step
                    failed = name
                    error = f"{type(exc).__name__}: {exc}"
                    log.error("self-test step %s failed\n%s", name, traceback.format_exc())
                    results.append(StepResult(name, False, time.monotonic() - t0, error))
                    say(f"  {name}: FAILED {error}", stream)
                    break
                results.append(StepResult(name, True, time.monotonic() - t0, detail))
                say(f"  {name}: ok ({time.monotonic() - t0:.1f} s) {detail}", stream)
    set_language(language)
    total = time.monotonic() - started
    if failed is None:
        summary = f"ArchiveDesk {__version__} self-test passed: {len(results)} steps in {total:.1f} s"
    else:
        summary = f"ArchiveDesk {__version__} self-test FAILED at step '{failed}': {error}"
    log.info(summary)
    return SelfTestResult(failed is None, tuple(results), failed, error, summary)


def main(argv: list[str] | None = None) -> int:
    """``--self-test [--keep FOLDER]``: prints each step and a one-line summary; 0 passed, 1 failed."""
    argv = list(sys.argv[1:] if argv is None else argv)
    keep = None
    if "--keep" in argv and argv.index("--keep") + 1 < len(argv):
        keep = Path(argv[argv.index("--keep") + 1])
    from archive_desk import log as app_log
    from archive_desk.settings import data_dir

    app_log.setup(data_dir() / "logs")
    result = run(keep=keep, stream=sys.stderr if sys.stderr is not None else None)
    say(result.summary, sys.stdout)
    return result.exit_code
