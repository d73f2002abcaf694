"""A review packet of the sample ledger as an inspector gets it: five phone photos of an
activity (stored sideways with an EXIF orientation, as phones store them) and a PDF attached
to a result; and ways to read a packet back page by page."""

from __future__ import annotations

import html
import re
import subprocess
from pathlib import Path

from PIL import Image

from helpers import page_count
from laomo_desktop.ledger import attachments as A
from laomo_desktop.ledger import records as R
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.packet import write_packet
from sample_ledger import build

BAND = 12 * 72 / 25.4  # the top 12 mm of a page: where an appended page is stamped


def phone_photo(path: Path, rotated: bool, shade: int = 0) -> Path:
    """A portrait photo (300 × 400 as seen) stored the way a phone stores it: the pixels
    landscape (400 × 300) and EXIF orientation 6 saying "turn 90° clockwise to view"."""
    seen = Image.new("RGB", (300, 400), (40 + 30 * shade, 90, 160))  # each its own image
    if rotated:
        exif = Image.Exif()
        exif[0x0112] = 6
        seen.transpose(Image.Transpose.ROTATE_90).save(path, exif=exif)
    else:
        seen.save(path)
    return path


def make_packet(ledger, tmp_path: Path) -> dict:
    u = build(ledger, tmp_path)
    R.update("activity", u["t1"], {"place": "二号楼实训室"})
    photos = []
    for i in range(5):
        f = phone_photo(tmp_path / f"IMG_{i:04d}.jpg", rotated=True, shade=i)
        photos.append(A.attach(ledger, "activity", u["t1"], f)["uid"])
    scan = tmp_path / "证书扫描.pdf"
    write_annual(u["B"], 2025, scan)
    u["scan_pages"] = page_count(scan)
    scan_uid = A.attach(ledger, "result", u["r1"], scan, "专利证书")["uid"]
    out = tmp_path / "packet.pdf"
    u["result"] = write_packet(ledger, u["A"], 2025, "union_100", photos + [scan_uid], out)
    u["out"] = out
    return u


def pages(pdf: Path, *, layout: bool = False) -> list[str]:
    """The text of each page (pdftotext; `layout`: a table's row on one line)."""
    text = subprocess.run(["pdftotext", *(["-layout"] if layout else []), "-enc", "UTF-8",
                           str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return text.split("\f")[:-1]


def words(pdf: Path, page: int) -> list[tuple[str, float]]:
    """The words of one page with how far from the top each starts (points), line by line
    from the top, each line from the left."""
    out = subprocess.run(["pdftotext", "-f", str(page), "-l", str(page), "-bbox", str(pdf), "-"],
                         check=True, capture_output=True, text=True).stdout
    found = [(round(float(m.group(2)) / 3), float(m.group(1)), html.unescape(m.group(3)),
              float(m.group(2)))
             for m in re.finditer(r'xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', out)]
    return [(w, y) for _, _, w, y in sorted(found)]


def flat(text: str) -> str:
    return re.sub(r"\s+", "", text)
