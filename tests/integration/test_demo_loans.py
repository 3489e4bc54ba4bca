"""The demo catalogue comes with borrowers and a year of loans that obey the lending rules."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from archive_desk.db.engine import Database
from archive_desk.services import audit, loans
from archive_desk.services.demo import EXTENSION_MODULES, build_demo


def test_demo_has_a_realistic_year_of_loans(tmp_path: Path) -> None:
    assert "archive_desk.services.demo_loans" in EXTENSION_MODULES
    path = tmp_path / "demo.sqlite"
    build_demo(path, 800, seed=5)
    conn = sqlite3.connect(path)
    try:
        n_loans, n_open = conn.execute("SELECT count(*), sum(status = 'open') FROM loans").fetchone()
        assert n_loans >= 40 and 0 < n_open < n_loans
        # every open line's volume is on loan, and every volume on loan has exactly one open line
        on_loan = {v for (v,) in conn.execute("SELECT id FROM volumes WHERE status = 'on_loan'")}
        open_lines = [v for (v,) in conn.execute("SELECT volume_id FROM loan_lines WHERE returned_at IS NULL")]
        assert sorted(open_lines) == sorted(on_loan) and len(set(open_lines)) == len(open_lines)
        # closed loans have every line back, with condition; some with their outcome
        assert conn.execute("SELECT count(*) FROM loans l JOIN loan_lines x ON x.loan_id = l.id"
                            " WHERE l.status = 'closed' AND (x.returned_at IS NULL OR x.condition = '')").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM loan_lines WHERE outcome != ''").fetchone()[0] > n_loans // 3
        assert conn.execute("SELECT count(*) FROM loans WHERE lent_at < ?", ((date.today() - timedelta(days=370)).isoformat(),)).fetchone()[0] == 0
        assert conn.execute("SELECT count(DISTINCT slip_no) FROM loans").fetchone()[0] == n_loans
        kinds = dict(conn.execute("SELECT kind, count(*) FROM borrowers GROUP BY kind"))
        assert kinds["staff"] > 10 and kinds["outside"] > 5
    finally:
        conn.close()

    db = Database.open(path)
    try:
        with db.read() as s:
            assert audit.verify_chain(s) == []
            # the approval rules held for every demo loan
            rows = loans.register(s)
            by_slip: dict[str, list[loans.RegisterRow]] = {}
            for r in rows:
                by_slip.setdefault(r.slip_no, []).append(r)
            for lines in by_slip.values():
                first = lines[0]
                needed = loans.approval_reasons(s, first.kind, [r.security for r in lines], first.use_mode)
                assert not needed or (first.approver and first.approval_opinion), first
            assert loans.overdue_count(s) == len(loans.overdue_loans(s))
            figures = loans.yearly_figures(s, date.today().year)
            assert figures.volume_times > 0 and figures.person_times <= figures.loans
    finally:
        db.dispose()
