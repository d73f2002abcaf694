"""The union's must-have set in Tools ▸ Settings (ledger/musthaves.py, settings.MUST_HAVE_SET):
the shipped sets and the union's own files in the data folder's templates/ folder. A file that
cannot serve is listed with why; choosing it is refused with that reason, in the user's
language, and the set chosen before stays in force."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QComboBox, QFormLayout, QGroupBox, QLabel, QWidget

from laomo_desktop import settings as declared
from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import musthaves
from laomo_desktop.ui import prefs
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, tip


class MustHaveSetBox(QGroupBox):
    """A combo of the must-have sets; `check()` says why the chosen one cannot serve."""

    def __init__(self, settings: QSettings, templates: Path | None,
                 parent: QWidget | None = None):
        super().__init__(tr("Must-have set"), parent)
        self.settings, self.templates = settings, templates
        self.combo = QComboBox()
        self.combo.setObjectName("must_have_set")
        chosen = prefs.read(settings, declared.MUST_HAVE_SET)
        for r in musthaves.list_sets(templates):
            if "error" in r:
                text = tr("%1 (cannot be used)").replace("%1", r["name"])
                self.combo.addItem(text, r["name"])
                self.combo.setItemData(self.combo.count() - 1, tip(r["error"]),
                                       Qt.ItemDataRole.ToolTipRole)
            else:
                self.combo.addItem(f"{r['must_have_set']} · {r['title']}", r["name"])
                self.combo.setItemData(self.combo.count() - 1, tip(r["title"]),
                                       Qt.ItemDataRole.ToolTipRole)
        if self.combo.findData(chosen) < 0:  # a file chosen by its path (laomo must-haves)
            self.combo.addItem(Path(chosen).name, chosen)
        self.combo.setCurrentIndex(self.combo.findData(chosen))
        self.initial = chosen
        form = QFormLayout(self)
        form.addRow(tr("Set:"), self.combo)
        note = QLabel(tr("The overview, the annual summary and the review packet check every "
                         "studio-year against it."))
        note.setWordWrap(True)
        form.addRow(note)
        if templates is not None:
            where = DataLabel(tr("A union's own sets are assessment templates with "
                                 "\"must_haves\", put in %1.").replace("%1", str(templates)))
            where.setWordWrap(True)
            where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(where)

    def chosen(self) -> str:
        return self.combo.currentData()

    def check(self) -> str | None:
        """Why the chosen set cannot be used (in the user's language), None when it can."""
        if self.chosen() == self.initial:
            return None  # kept as it was: nothing to check
        try:
            musthaves.load_set(self.chosen(), self.templates)
        except LaomoError as exc:
            return exc.message
        return None

    def save(self) -> None:
        """Store the choice; only after check() found nothing wrong."""
        prefs.write(self.settings, declared.MUST_HAVE_SET, self.chosen())
