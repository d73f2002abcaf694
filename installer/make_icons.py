"""Render the app icon's PNG sizes and the Windows .ico from src/laomo_desktop/resources/icons/laomo.svg.

Run once after editing the SVG, then commit the results (the build does not run this):

    QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py

Rendering uses Qt's own SVG renderer (QtSvg, in PySide6-Essentials); the .ico is written by
Pillow (a ReportLab dependency, so already in the venv) from the PNGs rendered at each size.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image  # noqa: E402
from PySide6.QtCore import QBuffer, QIODevice, Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "src" / "laomo_desktop" / "resources" / "icons"
PNG_SIZES = (16, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # what Windows asks an .ico for


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def to_pil(image: QImage) -> Image.Image:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buf, "PNG")
    return Image.open(io.BytesIO(bytes(buf.data()))).convert("RGBA")


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "laomo.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'laomo.svg'}", file=sys.stderr)
        return 1
    rendered: dict[int, Image.Image] = {}
    for size in sorted(set(PNG_SIZES) | set(ICO_SIZES)):
        rendered[size] = to_pil(render(renderer, size))
    for size in PNG_SIZES:
        out = ICONS / f"laomo-{size}.png"
        rendered[size].save(out, optimize=True)
        print(f"{out.relative_to(ICONS.parents[1])}  {out.stat().st_size:>7} bytes")
    ico = ICONS / "laomo.ico"
    largest = rendered[max(ICO_SIZES)]
    largest.save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES],
                 append_images=[rendered[s] for s in ICO_SIZES if s != max(ICO_SIZES)])
    print(f"{ico.relative_to(ICONS.parents[1])}  {ico.stat().st_size:>7} bytes  sizes {ICO_SIZES}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
