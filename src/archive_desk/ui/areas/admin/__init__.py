"""Setting up the room (设置): a page per part.

- 档案室信息: the particulars every form prints (单位名称, 档案室名称, telephone, address) and a preview;
- 全宗: fonds (list, add, rename, deactivate);
- 门类: categories with their 档号 rule (live example, a check of existing volumes before it changes), default
  retention and own fields;
- 借阅: loan period, purposes, uses, approval rules (by 密级, borrower kind, taking away);
- 表单与标签: form language, label defaults and the other room settings.

The settings pages are generated from ``services/room_settings.SPECS``. Every write goes through ``ui/ops.run_op``
to a registered operation (``settings.update``, ``catalogue.create_fonds``, ``setup.*``), so the permission
check of the accounts work covers each part by its operation's name.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QTabWidget, QVBoxLayout, QWidget

from archive_desk.services.ops import OpChanges
from archive_desk.ui.areas.admin.categories_page import CategoriesPage
from archive_desk.ui.areas.admin.fonds_page import FondsPage
from archive_desk.ui.areas.admin.particulars import ParticularsPage
from archive_desk.ui.areas.admin.settings_page import SettingsPage
from archive_desk.ui.areas.base import Area
from archive_desk.ui.context import AppContext

LENDING_KEYS = ("loan_period_days", "loan_purposes", "loan_uses", "approval_rules")
FORMS_KEYS = ("form_language", "label_scanners", "label_category_fields", "cover_fields", "org_names",
              "location_code_pattern", "retention_years")
#: page ids, in tab order
PAGES = ("particulars", "fonds", "categories", "lending", "forms")


class AdminArea(Area):
    area_id = "admin"

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("adminArea")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("adminTabs")
        self.particulars = ParticularsPage(ctx, self)
        self.fonds = FondsPage(ctx, self)
        self.categories = CategoriesPage(ctx, self)
        self.lending = SettingsPage(ctx, LENDING_KEYS, self.tr(
            "How loans work in this room: the loan period, the purposes and uses a slip offers, and when a loan needs "
            "an approver."), self)
        self.lending.setObjectName("lendingSettingsPage")
        self.forms = SettingsPage(ctx, FORMS_KEYS, self.tr(
            "How forms and labels print. Lists of fields and names are given as JSON, as the room command takes them."),
            self)
        self.forms.setObjectName("formsSettingsPage")
        self.forms.saved.connect(lambda _rs: self.particulars.load())  # the form language of the header preview
        self.pages: dict[str, QWidget] = {"particulars": self.particulars, "fonds": self.fonds,
                                          "categories": self.categories, "lending": self.lending, "forms": self.forms}
        titles = {"particulars": self.tr("Room particulars"), "fonds": self.tr("Fonds"), "categories": self.tr("Categories"),
                  "lending": self.tr("Lending"), "forms": self.tr("Forms and labels")}
        for page_id in PAGES:
            scroll = QScrollArea(self.tabs)
            scroll.setWidgetResizable(True)
            scroll.setWidget(self.pages[page_id])
            self.tabs.addTab(scroll, titles[page_id])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

    def title(self) -> str:
        return self.tr("Setup")

    def show_page(self, page_id: str) -> QWidget:
        """Show one part (``PAGES``): the welcome page opens 全宗 this way."""
        self.tabs.setCurrentIndex(PAGES.index(page_id))
        return self.pages[page_id]

    def current_page(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def refresh(self) -> None:
        self.particulars.load()
        self.fonds.load()
        self.categories.load()
        self.lending.load()
        self.forms.load()

    def catalogue_changed(self, changes: OpChanges) -> None:  # noqa: ARG002 - any change: reread when shown
        if not self.isVisible():
            self.stale = True


def create(ctx: AppContext, parent: QWidget | None = None) -> AdminArea:
    return AdminArea(ctx, parent)
