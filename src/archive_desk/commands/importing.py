"""``import``: bring a register (xlsx, xls, ods, csv) into the catalogue."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from archive_desk.commands.common import add_db_arg, h, open_db, print_json
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("import", help=h("import a register (xlsx, xls, ods, csv) into the catalogue"),
                       description=h("import a register (xlsx, xls, ods, csv) into the catalogue"))
    add_db_arg(p)
    p.add_argument("file", type=Path, help=h("the spreadsheet"))
    p.add_argument("--sheet", default=None, help=h("sheet name (default: every sheet holding a register)"))
    p.add_argument("--mapping", default=None, help=h("a column mapping saved by name in the app"))
    p.add_argument("--kind", choices=("volumes", "items"), default="volumes", help=h("what the rows are"))
    p.add_argument("--dry-run", action="store_true", help=h("check and report only; write nothing"))
    p.add_argument("--update-existing", action="store_true", help=h("update volumes whose 档号 is already catalogued"))
    p.add_argument("--create-fonds", action="store_true", help=h("create fonds that are not in the catalogue yet"))
    p.add_argument("--without-locations", action="store_true",
                   help=h("import rows whose location is not in the shelving, unshelved, with the location kept in their notes"))
    p.add_argument("--fonds-name", action="append", default=[], metavar="CODE=NAME",
                   help=h("the name of a fonds the import creates (repeat for several); default: the 全宗名称 column, else the code"))
    p.add_argument("--report", type=Path, default=None, help=h("save the problems to this workbook"))
    p.add_argument("--json", action="store_true", help=h("print the result as JSON"))
    p.set_defaults(func=run_import)


def summary_text(summary) -> str:  # noqa: ANN001 - importing.ImportSummary
    return t("{read} rows read = {ok} to import + {rejected} with errors + {duplicate} duplicates + {existing} already catalogued"
             " + {skipped} skipped ({blank} blank, {total} total lines, {signature} signature lines)",
             read=summary.rows_read, ok=summary.ok, rejected=summary.rejected, duplicate=summary.duplicate,
             existing=summary.existing, skipped=summary.skipped, blank=summary.skipped_blank, total=summary.skipped_total,
             signature=summary.skipped_signature)


def problem_text(p) -> str:  # noqa: ANN001 - importing.CellProblem
    return t("{sheet} row {row}, column {column} ({header}): {value}: {reason}", sheet=p.sheet, row=p.row, column=p.column,
             header=p.header, value=p.value, reason=p.reason)


def run_import(args: argparse.Namespace) -> int:
    from archive_desk.errors import UserError
    from archive_desk.importing import MappingStore, RowStatus, item_list_sheets, register_sheets, write_error_report
    from archive_desk.services import importer
    from archive_desk.commands.common import cli_actor
    from archive_desk.settings import config_dir

    mapping = MappingStore(config_dir() / "import-mappings").load(args.mapping) if args.mapping else None
    fonds_names = _fonds_names(args.fonds_name)
    db = open_db(args.db)
    try:
        sheet = args.sheet
        item_sheets: list[str] = []
        if sheet is None:  # every sheet holding a register (one a year, say), else the first sheet
            sheet = [m.sheet for m in register_sheets(args.file, args.kind)] or None
            if args.kind == "volumes" and mapping is None:
                # a yearly workbook: its volumes, and their 卷内目录 on a sheet of its own, imported after them
                item_sheets = [m.sheet for m in item_list_sheets(args.file)]
                if item_sheets and sheet is None:
                    raise UserError(t("File {name} holds only item lists (卷内目录: {sheets}); import it with --kind items",
                                      name=args.file.name, sheets="、".join(item_sheets)))
        plan = importer.plan(db, args.file, kind=args.kind, sheet=sheet, mapping=mapping, locations_as_notes=args.without_locations)
        items_plan = importer.plan(db, args.file, kind="items", sheet=item_sheets, volumes=plan) if item_sheets else None
        if args.report:
            write_error_report(plan, args.report)
        result = None
        created_fonds: dict[str, str] = {}
        if not args.dry_run:
            result = importer.commit(db, cli_actor(), plan, update_existing=args.update_existing,
                                     create_missing_fonds=args.create_fonds, fonds_names=fonds_names, items=items_plan)
            if result.fonds_created:
                from sqlalchemy import select

                from archive_desk.models import Fonds

                with db.read() as session:
                    created_fonds = dict(session.execute(select(Fonds.code, Fonds.name).where(Fonds.code.in_(result.fonds_created))).all())
    finally:
        db.dispose()
    plans = [plan, items_plan] if items_plan is not None else [plan]
    all_rows = [r for each in plans for r in each.rows]
    duplicates = [r for r in all_rows if r.status == RowStatus.DUPLICATE]
    for_location = plan.refused_for_location_only()
    skipped = [r for r in all_rows if r.status == RowStatus.SKIPPED]
    problems = [p for each in plans for p in each.problems()]
    per_sheet = [(sp, each.kind) for each in plans for sp in each.sheets]
    if args.json:
        print_json({
            "file": str(args.file), "dry_run": args.dry_run,
            "summary": _summary_json(plan.summary),
            "items_summary": None if items_plan is None else _summary_json(items_plan.summary),
            "sheets": [{"sheet": sp.name, "kind": kind, "summary": _summary_json(sp.summary)} for sp, kind in per_sheet],
            "problems": [{"sheet": p.sheet, "row": p.row, "column": p.column, "header": p.header, "value": str(p.value),
                          "reason": p.reason} for p in problems],
            "duplicates": [{"sheet": r.sheet, "row": r.row, "code": r.key, "first_row": r.duplicate_of} for r in duplicates],
            "skipped": [{"sheet": r.sheet, "row": r.row, "reason": r.skip_reason} for r in skipped],
            "refused_for_location_only": for_location,
            "result": None if result is None else {
                "created": result.created, "updated": result.updated, "unchanged": result.unchanged, "items": result.items,
                "fonds_created": list(result.fonds_created), "fonds_names": created_fonds,
                "failures": [{"sheet": f.sheet, "row": f.row, "value": f.value, "reason": f.reason} for f in result.failures]},
        })
    else:
        if len(per_sheet) > 1:  # the accounting of each sheet, then of the file
            for sp, kind in per_sheet:
                print(t("Sheet {sheet} ({kind}): {summary}", sheet=sp.name, kind=t("volume list") if kind == "volumes" else t("item list"),
                        summary=summary_text(sp.summary)))
        print(summary_text(plan.summary) if items_plan is None else t("Volumes: {summary}", summary=summary_text(plan.summary)))
        if items_plan is not None:
            print(t("Items: {summary}", summary=summary_text(items_plan.summary)))
        if for_location:  # the usual reason a whole register is refused: its places are not in this catalogue's shelving
            print(t("{n} rows are refused only because of their location (not in the shelving); add --without-locations to "
                    "import them unshelved with the location kept in their notes", n=for_location))
        for p in problems:
            print(problem_text(p))
        for r in duplicates:
            print(t("{sheet} row {row}: {code} repeats row {first}; not imported twice", sheet=r.sheet, row=r.row, code=r.key,
                    first=r.duplicate_of))
        for r in skipped:
            print(t("{sheet} row {row} skipped: {reason}", sheet=r.sheet, row=r.row, reason=r.skip_reason))
        if result is not None:
            print(t("Imported: {created} new, {updated} updated, {unchanged} unchanged, {items} items; {failed} refused",
                    created=result.created, updated=result.updated, unchanged=result.unchanged, items=result.items,
                    failed=len(result.failures)))
            for code, name in created_fonds.items():
                if name == code:
                    print(t("New fonds {code} is named by its code; rename it in the catalogue, or give --fonds-name {code}=NAME",
                            code=code))
                else:
                    print(t("New fonds {code}: {name}", code=code, name=name))
            for f in result.failures:
                print(t("{sheet} row {row}: {value}: {reason}", sheet=f.sheet, row=f.row, value=f.value, reason=f.reason),
                      file=sys.stderr)
        elif args.dry_run:
            print(t("Dry run: nothing was written."))
    return exit_status(plan, result, items_plan)


def _summary_json(s) -> dict[str, int]:  # noqa: ANN001 - importing.ImportSummary
    return {"rows_read": s.rows_read, "ok": s.ok, "rejected": s.rejected, "duplicate": s.duplicate, "existing": s.existing,
            "skipped": s.skipped, "skipped_blank": s.skipped_blank, "skipped_total": s.skipped_total,
            "skipped_signature": s.skipped_signature}


def _fonds_names(pairs: list[str]) -> dict[str, str]:
    from archive_desk.errors import UserError

    names: dict[str, str] = {}
    for pair in pairs:
        code, sep, name = pair.partition("=")
        if not sep or not code.strip() or not name.strip():
            raise UserError(t("--fonds-name takes CODE=NAME, e.g. --fonds-name Q001=某保险公司理赔档案; not {value}", value=pair))
        names[code.strip().upper()] = name.strip()
    return names


def exit_status(plan, result, items_plan=None) -> int:  # noqa: ANN001 - ImportPlan, ImportResult | None, ImportPlan | None
    """0 done; 1 done in part (some rows refused: errors, duplicates, refused by the catalogue); 2 nothing
    done (every row that could change the catalogue was refused). A dry run is judged by what it would do.
    Rows already catalogued are not refusals: importing a file twice is done the second time too."""
    s = plan.summary if items_plan is None else plan.summary + items_plan.summary
    refused = s.rejected + s.duplicate + (len(result.failures) if result is not None else 0)
    if not refused:
        return 0
    if result is None:
        done = s.ok + s.existing
    else:
        done = result.created + result.updated + result.unchanged + result.items + s.existing
    return 1 if done else 2
