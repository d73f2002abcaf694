"""What reports/ tells the user when it cannot write a document is a catalogue message (issue 12
§7): worded in the language chosen. The documents themselves are the union's paperwork, in
Chinese by design, and are not checked here."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.cjk import CJK

from laomo_desktop import texts
from laomo_desktop.errors import LaomoError
from laomo_desktop.reports.documents import by_suffix, report_commands


@pytest.fixture
def english():
    texts.set_language("en")
    yield
    texts.set_language("zh_CN")


def test_a_wrong_file_suffix_is_refused_in_the_language_chosen(english):
    docs = report_commands()["union"]
    with pytest.raises(LaomoError) as caught:
        by_suffix(docs, Path("summary.docx"))
    assert caught.value.message == 'The output file "summary.docx" should end in .pdf or .xlsx.'
    assert not CJK.search(caught.value.message)
    texts.set_language("zh_CN")
    assert caught.value.message == "输出文件“summary.docx”的扩展名应为 .pdf 或 .xlsx。"
