"""Approval of a loan is an account, not a typed name (issue #16 item 2): once the catalogue has accounts, a use
that needs approval names an account holding the approve right and clearance for the volumes, confirmed with its
password, or a paper approval recorded as such on the slip and in the register."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from archive_desk.db.engine import Database
from archive_desk.errors import UserError, ValidationError
from archive_desk.printing.loan_slip import render_loan_slip
from archive_desk.services import accounts, loans
from archive_desk.services.audit import Actor
from archive_desk.services.loans import AccountApproval, PaperApproval

PASSWORD = "correct horse"
DUE = date.today() + timedelta(days=14)
APPROVED = date.today() - timedelta(days=2)


@pytest.fixture
def desk(db: Database, actor: Actor) -> Actor:
    """A catalogue with accounts: an administrator, an archivist cleared for 秘密, a desk clerk (内部), and the
    desk logged in."""
    with db.write() as s:
        accounts.create_first_admin(s, actor, "boss", PASSWORD)
    admin = accounts.login(db, "boss", PASSWORD, "ws-1")
    with db.write() as s:
        accounts.add_account(s, admin, "wang", PASSWORD, "archivist", display_name="王建国", clearance="秘密",
                             must_change=False)
        accounts.add_account(s, admin, "low", PASSWORD, "archivist", display_name="低密级", clearance="内部",
                             must_change=False)
        accounts.add_account(s, admin, "desk", PASSWORD, "desk", display_name="赵敏", clearance="内部", must_change=False)
    return accounts.login(db, "desk", PASSWORD, "ws-1")


@pytest.fixture
def secret_loan(db: Database, actor: Actor, make_volume):  # noqa: ANN001, ANN201
    """(borrower, volume): a staff borrower and a 秘密 volume (approval needed by the standard rules)."""
    volume = make_volume(security="秘密")
    with db.write() as s:
        borrower = loans.create_borrower(s, actor, {"name": "张伟", "unit": "理赔部", "card_no": "yg0001"})
    return borrower, volume


def _lend(db: Database, who: Actor, borrower, volume, **kw):  # noqa: ANN001, ANN003, ANN202
    with db.write() as s:
        return loans.lend(s, who, borrower.id, [volume.id], "工作查考", "外借", DUE, opinion="同意", **kw)


def test_a_typed_name_is_not_an_approval_once_the_catalogue_has_accounts(db: Database, desk: Actor,
                                                                         secret_loan) -> None:  # noqa: ANN001
    borrower, volume = secret_loan
    with pytest.raises(ValidationError) as refused:
        _lend(db, desk, borrower, volume, approver="x")
    assert "approver" in refused.value.problems
    with db.read() as s:
        assert loans.open_loans(s) == []


def test_an_archivists_approval_is_accepted_after_its_password(db: Database, desk: Actor, secret_loan) -> None:  # noqa: ANN001
    borrower, volume = secret_loan
    with pytest.raises(ValidationError) as wrong:
        _lend(db, desk, borrower, volume, approval=AccountApproval("wang", "not the password"))
    assert "approver" in wrong.value.problems
    record = _lend(db, desk, borrower, volume, approval=AccountApproval("wang", PASSWORD))
    assert record.approver == "王建国"
    assert dict(record.approval or {}) == {"kind": "account", "username": "wang", "role": "archivist", "clearance": "秘密"}
    assert "wang" in record.approver_text


def test_a_desk_account_or_one_cleared_too_low_is_refused_as_approver(db: Database, desk: Actor,
                                                                    secret_loan) -> None:  # noqa: ANN001
    borrower, volume = secret_loan
    for username in ("desk", "low", "boss"):
        with pytest.raises(ValidationError) as refused:
            _lend(db, desk, borrower, volume, approval=AccountApproval(username, PASSWORD))
        assert "approver" in refused.value.problems, username
    with db.read() as s:
        assert [a.username for a in accounts.eligible_approvers(s, "秘密")] == ["wang"]
        assert [a.username for a in accounts.eligible_approvers(s, "内部")] == ["low", "wang"]
    # the desk's dialog: a wrong password counts like a failed login; the right one of a desk account is refused
    with pytest.raises(accounts.LoginError):
        accounts.confirm_approver(db, "wang", "nope", "ws-1", "秘密")
    with pytest.raises(UserError):
        accounts.confirm_approver(db, "desk", PASSWORD, "ws-1", "秘密")
    assert accounts.confirm_approver(db, "wang", PASSWORD, "ws-1", "秘密").username == "wang"


def test_a_paper_approval_is_recorded_and_printed_as_such(db: Database, desk: Actor, secret_loan,  # noqa: ANN001
                                                          tmp_path: Path) -> None:
    borrower, volume = secret_loan
    with pytest.raises(ValidationError) as incomplete:
        _lend(db, desk, borrower, volume, approval=PaperApproval("李科长", "", date.today()))
    assert "approval_form_no" in incomplete.value.problems
    record = _lend(db, desk, borrower, volume, approval=PaperApproval("李科长", "SP-2027-031", APPROVED))
    assert record.approver == "李科长"
    assert dict(record.approval or {}) == {"kind": "paper", "form_no": "SP-2027-031", "date": APPROVED.isoformat()}
    with db.read() as s:
        slip = loans.slip_data(s, record.id)
        rows = loans.register(s)
    assert "SP-2027-031" in slip.approver and "李科长" in slip.approver
    assert "SP-2027-031" in rows[0].approver
    pdf = tmp_path / "slip.pdf"
    render_loan_slip(slip, out=pdf)
    text = re.sub(r"\s+", "", subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                                             check=True).stdout)
    assert "纸质审批" in text and "SP-2027-031" in text


def test_a_catalogue_without_accounts_keeps_the_typed_name(db: Database, actor: Actor, secret_loan) -> None:  # noqa: ANN001
    borrower, volume = secret_loan
    record = _lend(db, actor, borrower, volume, approver="王主任")
    assert (record.approver, record.approval, record.approver_text) == ("王主任", None, "王主任")
