"""The one Save dialog of the app: it opens in the user's Documents folder (文档) — not the home folder,
which Windows users never browse — and suggests a file name Windows accepts (``filenames.clean_file_name``).

A suggestion that is a full path (next to the register being imported, the room's export folder) keeps
its folder; a bare name goes into Documents.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from archive_desk.filenames import clean_file_name


def documents_folder() -> Path:
    """The user's Documents folder (文档; redirected folders included), the home folder if there is none."""
    found = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(found) if found else Path.home()


def suggested_path(suggested: str | Path, folder: str | Path | None = None) -> str:
    """Where the dialog starts: ``suggested``'s folder if it is a full path, else ``folder`` (or Documents),
    with a cleaned file name."""
    text = str(suggested)
    path = Path(text)
    if path.is_absolute():
        return str(path.parent / clean_file_name(path.name))
    return str(Path(folder or documents_folder()) / clean_file_name(text))


def get_save_file_name(parent: QWidget | None, caption: str, suggested: str | Path, file_filter: str,
                       folder: str | Path | None = None) -> str:
    """Qt's Save dialog started at :func:`suggested_path`; the chosen path, or "" when cancelled."""
    name, _filter = QFileDialog.getSaveFileName(parent, caption, suggested_path(suggested, folder), file_filter)
    return name
