"""Draws the application icon (src/archive_desk/resources/icons/archive-desk.png and .ico): a blue archive box
with 档 on its label. Run once after changing it; the files are committed. Needs Pillow (the test extra)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "src" / "archive_desk" / "resources" / "icons"
FONT = ROOT / "src" / "archive_desk" / "resources" / "fonts" / "wqy-microhei.ttc"


def draw(size: int = 256) -> Image.Image:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    s = size / 256
    d.rounded_rectangle((20 * s, 36 * s, 236 * s, 236 * s), radius=22 * s, fill=(31, 78, 140, 255))  # the box
    d.rounded_rectangle((12 * s, 20 * s, 244 * s, 76 * s), radius=14 * s, fill=(47, 109, 184, 255))  # its lid
    d.rectangle((60 * s, 104 * s, 196 * s, 212 * s), fill=(250, 246, 232, 255))  # the spine label
    font = ImageFont.truetype(str(FONT), int(92 * s))
    d.text((128 * s, 160 * s), "档", font=font, fill=(160, 30, 30, 255), anchor="mm")
    return img


def main() -> None:
    ICONS.mkdir(parents=True, exist_ok=True)
    img = draw(256)
    img.save(ICONS / "archive-desk.png")
    img.save(ICONS / "archive-desk.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])


if __name__ == "__main__":
    main()
