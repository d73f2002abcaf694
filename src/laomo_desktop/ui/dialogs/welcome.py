"""First run: create the first studio with a short form, or load sample data to look around."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.ledger.studios import create_studio
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import schema as S
from laomo_desktop.ui import fmt
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel
from laomo_desktop.ui.widgets.editors import DateEditor
from laomo_desktop.ui.widgets.textlimit import LengthCounter


class WelcomePage(QWidget):
    studio_created = Signal(str)
    demo_requested = Signal()
    import_requested = Signal()

    def __init__(self, paths: LedgerPaths, parent=None):
        super().__init__(parent)
        self.setObjectName("page_welcome")
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("welcome_card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setMaximumWidth(620)
        lay = QVBoxLayout(card)
        lay.setContentsMargins(28, 24, 28, 20)
        lay.setSpacing(12)
        title = QLabel(tr("Welcome to the studio ledger"))
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        lay.addWidget(title)
        intro = QLabel(tr("Start by creating your studio. Everything else — members, activities, "
                          "results, funds — is added from the sections on the left."))
        intro.setWordWrap(True)
        lay.addWidget(intro)
        form = QFormLayout()
        studio = S.kind("studio")
        self.name = QLineEdit()
        self.name.setObjectName("studio_name")
        self.name.setPlaceholderText(tr("e.g. Li Ming Model-Worker Innovation Studio"))
        self.host = QLineEdit()
        self.host.setObjectName("host_unit")
        self.founded = DateEditor(studio.field("founded_on"))
        self.founded.set(date.today().isoformat())
        self.leader = QLineEdit()
        self.leader.setObjectName("leader_name")
        for field, line in ((studio.field("name"), self.name),
                            (studio.field("host_unit"), self.host),
                            (S.kind("member").field("name"), self.leader)):
            LengthCounter(field, line)  # never cut: counted, and refused when too long
        self.errors: dict[str, QLabel] = {}
        for key, label, widget in (
                ("name", fmt.label(studio.field("name")), self.name),
                ("host_unit", fmt.label(studio.field("host_unit")), self.host),
                ("founded_on", fmt.label(studio.field("founded_on")), self.founded.widget),
                ("leader", tr("Leader's name"), self.leader)):
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            v.addWidget(widget)
            err = DataLabel(lines=True)
            err.setObjectName(f"error_{key}")
            err.setStyleSheet("color: #b00020;")
            err.hide()
            v.addWidget(err)
            self.errors[key] = err
            widget.setAccessibleName(label)
            form.addRow(label + "*", box)
        lay.addLayout(form)
        buttons = QHBoxLayout()
        self.create_button = QPushButton(tr("Create the studio"))
        self.create_button.setObjectName("create_studio")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self.create)
        self.demo_button = QPushButton(tr("Load sample data to look around"))
        self.demo_button.setObjectName("load_demo")
        self.demo_button.clicked.connect(self.demo_requested)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        buttons.addWidget(self.demo_button)
        lay.addLayout(buttons)
        office = QHBoxLayout()
        office_note = QLabel(tr("At a union office? Start by importing the studios' data "
                                "packages."))
        office_note.setWordWrap(True)
        self.import_button = QPushButton(tr("Import data packages…"))
        self.import_button.setObjectName("welcome_import")
        self.import_button.clicked.connect(self.import_requested)
        office.addWidget(office_note, 1)
        office.addWidget(self.import_button)
        lay.addLayout(office)
        note = DataLabel(tr("Your data stays on this computer: %1").replace("%1", str(paths.root)))
        note.setStyleSheet("color: grey;")
        note.setWordWrap(True)
        lay.addWidget(note)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card, 3)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self.leader.returnPressed.connect(self.create)
        self.name.setFocus(Qt.FocusReason.OtherFocusReason)

    def create(self) -> None:
        for e in self.errors.values():
            e.hide()
        try:
            studio = create_studio({"name": self.name.text(), "host_unit": self.host.text(),
                                    "founded_on": self.founded.get()}, self.leader.text())
        except ValidationError as exc:
            for key, msg in exc.errors.items():
                self._error(key if key in self.errors else "name", msg)
            return
        except LaomoError as exc:
            self._error("name", exc.message)
            return
        self.studio_created.emit(studio["uid"])

    def _error(self, key: str, msg: str) -> None:
        self.errors[key].setText(msg)
        self.errors[key].show()
