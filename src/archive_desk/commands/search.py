"""``search``: the catalogue workspace's search box on the command line."""

from __future__ import annotations

import argparse
import dataclasses

from archive_desk.commands.common import add_db_arg, h, open_db, print_json, viewer
from archive_desk.i18n import t


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("search", help=h("search volumes by 档号, barcode, words, pinyin initials or item titles"),
                       description=h("search volumes by 档号, barcode, words, pinyin initials or item titles"))
    add_db_arg(p)
    p.add_argument("query", metavar="QUERY", nargs="+", help=h("what to look for (several words must all match)"))
    p.add_argument("--limit", type=int, default=20, help=h("at most this many hits"))
    p.add_argument("--json", action="store_true", help=h("print the hits as JSON"))
    p.set_defaults(func=run_search)


def run_search(args: argparse.Namespace) -> int:
    from archive_desk.services import search
    from archive_desk.services.catalogue import status_label

    db = open_db(getattr(args, "db", None))
    try:
        if not db.read_only:  # on read-only media the index it has is used as it is
            search.ensure_index(db)
        with db.read() as session:
            result = search.search_result(session, " ".join(args.query), max(1, args.limit), viewer=viewer(args))
    finally:
        db.dispose()
    if args.json:
        print_json({"hits": [dataclasses.asdict(hit) for hit in result.hits], "truncated": result.truncated})
        return 0
    if not result.hits:
        print(t("No volume matches {query}", query=" ".join(args.query)))
        return 0  # the search was done (the README's exit-code table); --json says the same with an empty list
    how = {"barcode": t("barcode"), "code": t("archival code"), "title": t("title"), "fields": t("other fields"),
           "item": t("item")}
    for hit in result.hits:
        line = f"{hit.code}\t{hit.title}\t[{how.get(hit.matched, hit.matched)}]"
        if hit.status != "in_stock":
            line += f"\t({status_label(hit.status)})"
        if hit.item_title is not None:
            line += "\t" + t("item {seq}: {title}", seq=hit.item_seq, title=hit.item_title)
        print(line)
    if result.truncated:
        print(t("(more matches than shown: refine the search or raise --limit)"))
    return 0
