"""Qt Linguist flow: scan ui/ with pyside6-lupdate into resources/i18n/*.ts, fill the translations from
the per-area JSON files in resources/i18n/ui/ (so areas never edit the same file), and compile the
shipped .qm files with pyside6-lrelease.

    python tools/translations.py          # update .ts, fill, compile .qm
    python tools/translations.py --check  # exit 1 and list UI strings without a Chinese translation

JSON files: ``resources/i18n/ui/<area>.zh_CN.json`` map a source text to its Chinese; numerus texts
(with %n) may have an ``<area>.en.json`` entry ``[singular, plural]``. English otherwise is the source.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "archive_desk" / "ui"
TS_DIR = ROOT / "resources" / "i18n"
JSON_DIR = TS_DIR / "ui"
QM_DIR = ROOT / "src" / "archive_desk" / "resources" / "i18n"
LANGS = ("zh_CN", "en")


def tool(name: str) -> str:
    exe = Path(sys.executable).with_name(f"pyside6-{name}")
    return str(exe) if exe.exists() else f"pyside6-{name}"


def load_json(lang: str) -> dict[str, object]:
    merged: dict[str, object] = {}
    for path in sorted(JSON_DIR.glob(f"*.{lang}.json")):
        merged.update(json.loads(path.read_text(encoding="utf-8")))
    return merged


def lupdate(target: Path) -> None:
    sources = [str(p) for p in sorted(UI.rglob("*.py"))]
    subprocess.run([tool("lupdate"), "-silent", "-no-obsolete", *sources, "-ts", str(target)], check=True)


def fill(ts: Path, lang: str) -> list[str]:
    """Fill translations from JSON; returns sources still missing a translation (Chinese only)."""
    table = load_json(lang)
    tree = ET.parse(ts)
    root = tree.getroot()
    root.set("language", lang)
    missing: list[str] = []
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        tr = message.find("translation")
        if tr is None:
            tr = ET.SubElement(message, "translation")
        numerus = message.get("numerus") == "yes"
        value = table.get(source)
        if value is None and lang == "en":
            value = [source.replace("(s)", ""), source.replace("(s)", "s")] if numerus else source
        if value is None:
            missing.append(source)
            tr.set("type", "unfinished")
            continue
        tr.attrib.pop("type", None)
        for child in list(tr):
            tr.remove(child)
        if numerus:
            forms = value if isinstance(value, list) else [value]
            tr.text = None
            for form in forms:
                ET.SubElement(tr, "numerusform").text = str(form)
        else:
            tr.text = str(value)
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def main(check: bool) -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    QM_DIR.mkdir(parents=True, exist_ok=True)
    all_missing: list[str] = []
    for lang in LANGS:
        ts = TS_DIR / f"archive_desk_{lang}.ts"
        lupdate(ts)
        missing = fill(ts, lang)
        if lang == "zh_CN":
            all_missing = missing
        if not check:
            subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(QM_DIR / f"archive_desk_{lang}.qm")], check=True)
    for source in sorted(set(all_missing)):
        print(f"missing zh_CN: {source}")
    return 1 if all_missing else 0


if __name__ == "__main__":
    raise SystemExit(main("--check" in sys.argv))
