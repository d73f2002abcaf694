"""Text that goes into a PDF: escaped (ReportLab's Paragraph parses markup) and wrapped the
Chinese way, with no line starting with closing punctuation."""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib import textsplit as _textsplit
from reportlab.platypus import paragraph as _paragraph

from laomo_desktop.reports import fonts
from laomo_desktop.visible import mark

# ReportLab's CJK wrapping keeps 。、 off the start of a line but not the full-width ，；：？！
# and closing brackets. Its rule table is a module constant, read by both wrapping paths
# (simple paragraphs in lib.textsplit, mixed-style ones in platypus.paragraph): complete both.
NO_LINE_START = "，；：？！）》」』】〕〉”’·…%℃"
for _module in (_textsplit, _paragraph):
    _module.ALL_CANNOT_START = _module.ALL_CANNOT_START + "".join(
        c for c in NO_LINE_START if c not in _module.ALL_CANNOT_START)


def printable(text: str) -> str:
    """`text` with each character the font has no glyph for shown as `[U+1F600]`.

    The bundled font has no emoji: without this, what a secretary typed would vanish from
    the page without a trace. The notation is the one used for hidden characters on screen."""
    have = fonts.covered()
    if have.issuperset(text):
        return text
    return "".join(ch if ch in have or ch in "\n\r\t" else mark(ch) for ch in text)


def esc(value) -> str:
    """A user's text as Paragraph markup that prints literally; line breaks kept."""
    if value is None:
        return ""
    return escape(printable(str(value))).replace("\r\n", "\n").replace("\n", "<br/>")
