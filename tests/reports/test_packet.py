from __future__ import annotations

import re

import pytest
from PIL import Image

from helpers import page_count, pdffonts, pdftotext
from laomo_desktop.cli import main as cli_main
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import attachments as A
from laomo_desktop.reports.annual import write_annual
from laomo_desktop.reports.packet import write_packet
from laomo_desktop.store import blobs
from laomo_desktop.store.database import close_ledger, open_ledger
from sample_ledger import build


@pytest.fixture
def sample(ledger, tmp_path):
    u = build(ledger, tmp_path)
    photo = tmp_path / "揭牌仪式.png"
    Image.new("RGB", (1200, 800), (200, 60, 60)).save(photo)
    u["photo"] = A.attach(ledger, "activity", u["t1"], photo, "揭牌仪式现场")["uid"]
    scan = tmp_path / "证书扫描.pdf"
    write_annual(u["B"], 2025, scan)  # any real PDF will do as an attachment
    u["scan_pages"] = page_count(scan)
    u["scan"] = A.attach(ledger, "result", u["r1"], scan, "专利证书")["uid"]
    return u


def test_the_packet_holds_summary_assessment_index_photos_and_pdfs(ledger, sample, tmp_path):
    out = tmp_path / "packet.pdf"
    result = write_packet(ledger, sample["A"], 2025, "eight_must_haves",
                          [sample["photo"], sample["scan"]], out)
    text = pdftotext(out)
    for part in ("第一部分", "一、基本情况", "自评：", "佐证材料索引", "附件清单"):
        assert part in text, part
    assert "开展培训 3 场次、40 人次" in text
    layout = pdftotext(out, layout=True)
    assert re.search(rf"^\s*合计\s+8\s+{result['score']:g}\s*$", layout, re.M)
    assert "附件1" in text and "揭牌仪式现场" in text and "专利证书" in text
    assert "周红职工创新工作室" in text, "the appended PDF's own text is there"
    total = int(re.search(r"第\s*2\s*页\s*共\s*(\d+)\s*页", text).group(1))
    assert page_count(out) == total, "one numbering for the whole packet, appended PDFs too"
    assert all(row[-5] == "yes" for row in pdffonts(out))
    assert not list(tmp_path.glob("*.partial"))
    from laomo_desktop.exchange.keys import installation_fingerprint
    assert f"数据包签名指纹：{installation_fingerprint(ledger)}" in text


def test_a_missing_attachment_file_is_refused_and_nothing_written(ledger, sample, tmp_path):
    rec = A.attachments_of(sample["t1"])[0]
    blobs.blob_path(ledger, rec["sha256"]).unlink()
    out = tmp_path / "packet.pdf"
    with pytest.raises(LaomoError, match="揭牌仪式.png.*文件丢失"):
        write_packet(ledger, sample["A"], 2025, "eight_must_haves", [sample["photo"]], out)
    assert not out.exists() and not list(tmp_path.glob("*.partial"))


def test_a_damaged_pdf_attachment_is_refused_by_name(ledger, sample, tmp_path):
    bad = tmp_path / "坏文件.pdf"
    bad.write_bytes(b"%PDF-1.4 this is not really a pdf")
    uid = A.attach(ledger, "studio", sample["A"], bad)["uid"]
    out = tmp_path / "packet.pdf"
    with pytest.raises(LaomoError, match="坏文件.pdf.*不是有效的 PDF"):
        write_packet(ledger, sample["A"], 2025, "eight_must_haves", [uid], out)
    assert not out.exists()


def test_the_first_photo_that_cannot_be_read_is_refused_by_name(ledger, sample, tmp_path):
    photos = []
    for name in ("好照片.jpg", "坏照片一.jpg", "坏照片二.jpg"):
        f = tmp_path / name
        if name.startswith("好"):
            Image.new("RGB", (40, 30)).save(f)
        else:
            f.write_bytes(b"\xff\xd8\xff not a photo")
        photos.append(A.attach(ledger, "activity", sample["t1"], f)["uid"])
    out = tmp_path / "packet.pdf"
    with pytest.raises(LaomoError, match="坏照片一.jpg.*不是能识别的图片"):
        write_packet(ledger, sample["A"], 2025, "eight_must_haves", photos, out)
    assert not out.exists()


def test_another_studios_attachment_is_refused(ledger, sample, tmp_path):
    f = tmp_path / "b.png"
    Image.new("RGB", (10, 10)).save(f)
    uid = A.attach(ledger, "studio", sample["B"], f)["uid"]
    with pytest.raises(LaomoError, match="不属于本工作室"):
        write_packet(ledger, sample["A"], 2025, "eight_must_haves", [uid], tmp_path / "p.pdf")


def test_cli_report_commands(ledger, sample, tmp_path, capsys):
    close_ledger()
    data = ["--data-dir", str(ledger.root)]
    annual = tmp_path / "annual.pdf"
    assert cli_main([*data, "report", "annual", "--studio", "李明劳模创新工作室", "--year", "2025",
                     "--out", str(annual)]) == 0
    assert capsys.readouterr().out.strip() == str(annual)
    assert "40 人次" in pdftotext(annual)
    packet = tmp_path / "packet.pdf"
    assert cli_main([*data, "report", "packet", "--studio", sample["A"], "--year", "2025",
                     "--template", "demonstration", "--attach", sample["photo"],
                     "--out", str(packet)]) == 0
    assert "示范" in pdftotext(packet)
    union = tmp_path / "union.xlsx"
    assert cli_main([*data, "report", "union", "--year", "2025", "--out", str(union)]) == 0
    assert union.stat().st_size > 0
    capsys.readouterr()
    assert cli_main([*data, "report", "annual", "--studio", "李明", "--year", "2025",
                     "--out", str(tmp_path / "x.xlsx")]) == 1  # PDF or Word only
    assert "扩展名" in capsys.readouterr().err
    assert cli_main([*data, "report", "packet", "--studio", "李明", "--year", "2025",
                     "--template", "no-such-template", "--out", str(tmp_path / "y.pdf")]) == 1
    assert not (tmp_path / "y.pdf").exists()
    open_ledger(ledger)
