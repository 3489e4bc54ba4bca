"""Both languages are complete: service messages (t()) and UI strings (tr())."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from archive_desk.i18n import set_language, t

ROOT = Path(__file__).resolve().parents[2]


def _load_tool(name: str):  # noqa: ANN202
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_service_message_has_chinese() -> None:
    missing = _load_tool("messages").missing()
    assert missing == {}, "t() messages without a Chinese entry: " + ", ".join(sorted(missing))


def test_message_switches_language() -> None:
    set_language("en")
    assert t("The title is required") == "The title is required"
    set_language("zh_CN")
    assert t("The title is required") == "题名不能为空"


def test_every_ui_string_is_translated_and_compiled(tmp_path: Path) -> None:
    """Run lupdate over ui/ afresh; every source string must have a Chinese translation, and the
    shipped .qm files must be up to date with the .ts files."""
    if shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None:
        pytest.fail("pyside6-lupdate is missing from the environment")
    tool = _load_tool("translations")
    for lang in ("zh_CN", "en"):
        ts = tmp_path / f"{lang}.ts"
        tool.lupdate(ts)
        missing = tool.fill(ts, lang)
        assert missing == [], f"{lang}: untranslated UI strings: {missing}"
        fresh = {m.findtext("source") for m in ET.parse(ts).getroot().iter("message")}  # noqa: S314 - the workbook's own XML; expat refuses entity bombs and resolves no external entities
        shipped = {m.findtext("source") for m in ET.parse(ROOT / "resources" / "i18n" / f"archive_desk_{lang}.ts").getroot().iter("message")}  # noqa: S314 - the workbook's own XML; expat refuses entity bombs and resolves no external entities
        assert fresh == shipped, "run tools/translations.py: the shipped .ts/.qm are out of date"
        qm = ROOT / "src" / "archive_desk" / "resources" / "i18n" / f"archive_desk_{lang}.qm"
        out = tmp_path / f"{lang}.qm"
        subprocess.run([str(Path(sys.executable).with_name("pyside6-lrelease")), "-silent", str(ts), "-qm", str(out)], check=True)
        assert out.read_bytes() == qm.read_bytes(), "run tools/translations.py: the shipped .qm is stale"
