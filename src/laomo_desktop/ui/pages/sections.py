"""The navigation: which sections there are, in what order, and the columns of each table.

A record kind's section is derived from its declaration (ledger/kinds): the key is the kind's
name, the title and columns are declared with the kind, so a new kind gets its section without
an edit here. Only the pages that list no kind are written out below."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from laomo_desktop.ledger import kinds
from laomo_desktop.texts import Both


@dataclass(frozen=True)
class Section:
    key: str
    # a page's title: English source text, translated in context "Section"; a kind's
    # section: the title declared with the kind, in both languages
    title: str | Both
    kind: str | None    # the record kind its table lists, None for special pages
    columns: tuple[str, ...] = ()

    def shown_title(self) -> str:
        """The title in the language of the screens."""
        if isinstance(self.title, Both):
            return self.title.render()
        return QCoreApplication.translate("Section", self.title)


def kind_sections() -> tuple[Section, ...]:
    """One section per kind that has one, as the declarations say now."""
    return tuple(Section(k.name, kinds.section_title(k), k.name, kinds.columns(k))
                 for k in kinds.section_kinds())


def sections() -> tuple[Section, ...]:
    """Every section in the order of the navigation: the overview, the kinds, then the pages."""
    return (
        Section("dashboard", QT_TRANSLATE_NOOP("Section", "Overview"), None),
        *kind_sections(),
        Section("reports", QT_TRANSLATE_NOOP("Section", "Reports"), None),
        Section("union", QT_TRANSLATE_NOOP("Section", "Union overview"), None),
        Section("recycle", QT_TRANSLATE_NOOP("Section", "Recycle bin"), None),
        Section("audit", QT_TRANSLATE_NOOP("Section", "Audit log"), None),
    )


SECTIONS: tuple[Section, ...] = sections()
BY_KEY = {s.key: s for s in SECTIONS}
SECTION_OF_KIND = {s.kind: s.key for s in SECTIONS if s.kind}
