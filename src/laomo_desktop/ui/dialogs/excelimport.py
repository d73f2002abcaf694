"""文件 ▸ 从 Excel 导入…: an old Excel ledger brought in (ledger.excelimport does the work).

A workbook is picked, its sheets looked at from the top (a job: a large file takes a moment to
open); then one dialog in two steps: the sheet and the kind it holds (both suggested) with each
column and the field it goes to (matched by header, each one a choice the user can change),
then the preview (read and checked as a job with progress and Cancel: nothing is written) with
each cell the ledger refuses in red, each row the ledger already has in grey and each field a
changed row differs in, in yellow. Importing adds the new valid rows as one job and one undo
step (undone as a paste is: the records go to the recycle bin together)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import excelimport as I
from laomo_desktop.ledger import excelread as X
from laomo_desktop.ledger import paste
from laomo_desktop.store import schema as S
from laomo_desktop.texts import Joined, worded
from laomo_desktop.ui import fmt
from laomo_desktop.ui.dialogs.paste import BAD, PreviewModel, preview_table
from laomo_desktop.ui.dialogs.record import available_geometry
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.plain import DataLabel, shown, tip, warn
from laomo_desktop.ui.system.tasks import start_job
from laomo_desktop.ui.system.undo import ServiceCommand
from laomo_desktop.work import single_step

DIFF = QBrush(QColor("#fff1b8"))
KNOWN_TEXT = QBrush(QColor("#8a8f98"))
NONE = "-"  # the mapping's "not imported"


class ExcelPreviewModel(PreviewModel):
    """The paste's preview model with the sheet's row numbers, the rows already in the ledger
    greyed and the cells of a changed row that differ from the ledger in yellow."""

    def __init__(self, ip: I.ImportPreview, parent=None):
        super().__init__(ip.preview, parent)
        self.ip = ip

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        status = self.ip.status[r]
        last = c == len(self._fields)
        name = None if last else self._fields[c]
        differ = self.ip.diffs.get(r, {})
        if status == I.ERROR and last and role in (Qt.ItemDataRole.DisplayRole,
                                                   Qt.ItemDataRole.ToolTipRole):
            text = self.row_errors(r)
            return shown(text) if role == Qt.ItemDataRole.DisplayRole else tip(text)
        if status == I.ERROR and last and role == Qt.ItemDataRole.BackgroundRole:
            return BAD
        if status in (I.KNOWN, I.REPEAT, I.DIFFERENT):
            if last and role == Qt.ItemDataRole.DisplayRole:
                return shown(self.ip.notes.get(r, ""))
            if last and role == Qt.ItemDataRole.ToolTipRole:
                return tip(self.ip.notes.get(r, ""))
            if role == Qt.ItemDataRole.BackgroundRole:
                return DIFF if (name in differ or (last and differ)) else None
            if role == Qt.ItemDataRole.ToolTipRole and name in differ:
                return tip(differ[name])
            if role == Qt.ItemDataRole.ForegroundRole and status != I.DIFFERENT:
                return KNOWN_TEXT
        return super().data(index, role)

    def row_errors(self, r: int) -> str:
        """Every problem of a row (each message names its item)."""
        return worded(Joined(tuple(self.ip.preview.rows[r].errors.values())))

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return str(self.ip.lines[section])
        if (orientation == Qt.Orientation.Horizontal and section == len(self._fields)
                and role == Qt.ItemDataRole.DisplayRole):
            return tr("Left out because")
        return super().headerData(section, orientation, role)


class ExcelImportDialog(QDialog):
    """Step 1: sheet, kind and columns. Step 2: the preview. Accepted: the caller imports
    `preview` (the job in `excel_import`)."""

    def __init__(self, path: Path, infos: list[X.SheetInfo], studio_uid: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("excel_import_dialog")
        self.setWindowTitle(tr("Import from Excel"))
        self.path, self.infos, self.studio_uid = path, infos, studio_uid
        self.preview: I.ImportPreview | None = None
        self.reading = None  # the job reading the sheet (its Cancel), once started
        self.stack = QStackedWidget()
        self.stack.addWidget(self._mapping_step())
        self.stack.addWidget(self._preview_step())
        lay = QVBoxLayout(self)
        lay.addWidget(self.stack)
        start = next((i for i, info in enumerate(infos) if info.kind in I.KINDS), 0)
        self.sheet_box.setCurrentIndex(start)
        self._sheet_picked()
        screen = available_geometry(self)
        self.resize(min(1100, screen.width() - 40), min(660, screen.height() - 80))

    # -- step 1 -------------------------------------------------------------------------------
    def _mapping_step(self) -> QWidget:
        page = QWidget()
        self.sheet_box = QComboBox(objectName="excel_sheet")
        for info in self.infos:
            self.sheet_box.addItem(tr("%1 (about %2 rows)").replace("%1", shown(info.name))
                                   .replace("%2", str(max(info.size - info.header_line, 0))))
        self.kind_box = QComboBox(objectName="excel_kind")
        for name in I.KINDS:
            self.kind_box.addItem(fmt.label(S.kind(name)), name)
        self.sheet_box.currentIndexChanged.connect(self._sheet_picked)
        self.kind_box.currentIndexChanged.connect(self._fill_columns)
        self.header_note = DataLabel()
        self.header_note.setObjectName("excel_header_note")
        form = QFormLayout()
        form.addRow(tr("Workbook:"), DataLabel(self.path.name))
        form.addRow(tr("Sheet:"), self.sheet_box)
        form.addRow(tr("The sheet holds:"), self.kind_box)
        self.columns = QTableWidget(0, 4, objectName="excel_columns")
        self.columns.setHorizontalHeaderLabels(
            [tr("Column"), tr("Header in the sheet"), tr("First row"), tr("Goes to")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        head = self.columns.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        note = QLabel(tr("Columns are matched by their headers; choose another item where the "
                         "match is wrong, or \"Not imported\". Rows already in the ledger are "
                         "not imported again."))
        note.setWordWrap(True)
        self.next_button = QPushButton(tr("Preview…"), objectName="excel_next")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.show_preview)
        cancel = QPushButton(tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.next_button)
        buttons.addWidget(cancel)
        lay = QVBoxLayout(page)
        lay.addLayout(form)
        lay.addWidget(self.header_note)
        lay.addWidget(note)
        lay.addWidget(self.columns, 1)
        lay.addLayout(buttons)
        return page

    @property
    def info(self) -> X.SheetInfo:
        return self.infos[self.sheet_box.currentIndex()]

    @property
    def kind(self) -> str:
        return self.kind_box.currentData()

    def _sheet_picked(self) -> None:
        info = self.info
        if info.kind in I.KINDS:
            self.kind_box.blockSignals(True)
            self.kind_box.setCurrentIndex(I.KINDS.index(info.kind))
            self.kind_box.blockSignals(False)
        self.header_note.setText(tr("The header is row %1 of the sheet.")
                                 .replace("%1", str(info.header_line))
                                 if info.header_line else tr("No header found in this sheet."))
        self._fill_columns()

    def _fill_columns(self) -> None:
        info, kind = self.info, S.kind(self.kind)
        cols = I.columns_for(kind.name, info)
        self.columns.setRowCount(len(cols))
        for i, col in enumerate(cols):
            sample = info.sample[i] if i < len(info.sample) else ""
            for j, text in enumerate((X.letter(i), col.header.strip(), sample)):
                item = QTableWidgetItem(shown(text))
                if j == 1 and col.field is None and col.reason:
                    item.setToolTip(tip(worded(col.reason)))
                self.columns.setItem(i, j, item)
            box = QComboBox()
            box.addItem(tr("Not imported"), NONE)
            for f in kind.fields:
                box.addItem(fmt.label(f), f.name)
            box.setCurrentIndex(box.findData(col.field.name if col.field else NONE))
            box.currentIndexChanged.connect(lambda _i, row=i: self._taken(row))
            self.columns.setCellWidget(i, 3, box)
        self.next_button.setEnabled(bool(cols))

    def _taken(self, row: int) -> None:
        """A field goes to one column: the column that had it is no longer imported."""
        name = self.columns.cellWidget(row, 3).currentData()
        for i in range(self.columns.rowCount()):
            box = self.columns.cellWidget(i, 3)
            if i != row and name != NONE and box.currentData() == name:
                box.setCurrentIndex(box.findData(NONE))

    def mapping(self) -> dict[str, str]:
        """Every column → the field the user's choice gives it (by letter; "-": none)."""
        out = {}
        for i in range(self.columns.rowCount()):
            box = self.columns.cellWidget(i, 3)
            out[X.letter(i)] = box.currentData()
        return out

    def set_column(self, letter: str, field: str) -> None:
        """Choose the field of a column, as the user does in its box."""
        letters = [X.letter(i) for i in range(self.columns.rowCount())]
        box = self.columns.cellWidget(letters.index(letter), 3)
        box.setCurrentIndex(box.findData(field))

    def show_preview(self) -> None:
        try:
            cols = I.columns_for(self.kind, self.info, self._explicit())
        except LaomoError as exc:
            warn(self, tr("Import from Excel"), exc.message)
            return
        info, kind, path, studio = self.info, self.kind, self.path, self.studio_uid
        self.reading = start_job(self, tr("Import from Excel"), tr("Reading the sheet…"),
                                 lambda: I.preview_steps(path, info, kind, studio, columns=cols),
                                 self._previewed)

    def _explicit(self) -> dict[str, str]:
        """The choices that differ from the match by header: applied over it, in order, so a
        field moved to another column leaves the one it was matched to."""
        auto = I.columns_for(self.kind, self.info)
        chosen = self.mapping()
        return {letter: name for (letter, name), col in zip(chosen.items(), auto, strict=True)
                if name != (col.field.name if col.field else NONE)}

    # -- step 2 -------------------------------------------------------------------------------
    def _preview_step(self) -> QWidget:
        page = QWidget()
        self.summary = DataLabel()
        self.summary.setObjectName("excel_summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.warning = DataLabel()
        self.warning.setObjectName("excel_warning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #b00020;")
        note = QLabel(tr("Red cells are refused by the ledger, yellow cells differ from the "
                         "record the ledger already has, grey rows are in the ledger already: "
                         "pointing at a cell tells why. Only the new rows without errors are "
                         "imported; Ctrl+Z undoes the whole import."))
        note.setWordWrap(True)
        self.table = preview_table("excel_preview")
        back = QPushButton(tr("Back"), objectName="excel_back")
        back.clicked.connect(lambda: self.stack.setCurrentIndex(0))
        self.import_button = QPushButton(objectName="excel_import")
        self.import_button.clicked.connect(self.accept)
        cancel = QPushButton(tr("Cancel"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(back)
        buttons.addStretch(1)
        buttons.addWidget(self.import_button)
        buttons.addWidget(cancel)
        lay = QVBoxLayout(page)
        lay.addWidget(self.summary)
        lay.addWidget(self.warning)
        lay.addWidget(note)
        lay.addWidget(self.table, 1)
        lay.addLayout(buttons)
        return page

    def _previewed(self, ip: I.ImportPreview) -> None:
        self.preview = ip
        self.model = ExcelPreviewModel(ip, self)
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(200)  # the first rows tell the widths, fast
        self.table.resizeColumnsToContents()
        for c in range(self.model.columnCount() - 1):
            header.resizeSection(c, min(header.sectionSize(c), 220))
        self.summary.setText(ip.summary())
        self.warning.setText("\n".join(ip.warnings()))
        self.warning.setVisible(bool(ip.warnings()))
        n = ip.count(I.NEW)
        self.import_button.setText(tr("Import %1 rows").replace("%1", str(n)))
        self.import_button.setEnabled(n > 0)
        self.stack.setCurrentIndex(1)


def choose_workbook(parent: QWidget) -> Path | None:
    name, _ = QFileDialog.getOpenFileName(parent, tr("Import from Excel"), "",
                                          tr("Excel workbooks (*.xlsx *.xlsm);;All files (*)"))
    return Path(name) if name else None


def excel_import(ctx, parent: QWidget, path: Path | None = None) -> None:
    """File ▸ Import from Excel…: the workbook (asked when not given), then the dialog, then
    the import as a job and an undo step."""
    if not ctx.studio_uid:
        warn(parent, tr("Import from Excel"), worded(paste.CHOOSE_STUDIO))
        return
    path = path or choose_workbook(parent)
    if path is None:
        return
    studio = ctx.studio_uid
    start_job(parent, tr("Import from Excel"), tr("Opening the workbook…"),
              lambda: single_step(lambda: X.inspect(path)),
              lambda infos: _show(ctx, parent, path, infos, studio))


def _show(ctx, parent: QWidget, path: Path, infos: list[X.SheetInfo], studio: str) -> None:
    dialog = ExcelImportDialog(path, infos, studio, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.accepted.connect(lambda: dialog.preview and _import(ctx, parent, dialog.preview))
    dialog.open()  # window-modal; what follows is the accepted signal, not a nested loop


def _import(ctx, parent: QWidget, ip: I.ImportPreview) -> None:
    kind = ip.preview.kind

    def imported(uids: list[str]) -> None:
        text = tr("Import %1 rows of %2 from Excel").replace("%1", str(len(uids))) \
            .replace("%2", fmt.label(kind))
        ctx.undo_stack.push(ServiceCommand(ctx, text,
                                           lambda: paste.trash_added(kind.name, uids),
                                           lambda: paste.restore_added(kind.name, uids), parent))
        ctx.changed()
        win = parent.window()
        if hasattr(win, "statusBar"):
            win.statusBar().showMessage(tr("%1 records imported. Ctrl+Z removes them all.")
                                        .replace("%1", str(len(uids))), 8000)

    start_job(parent, tr("Import from Excel"), tr("Adding the rows…"),
              lambda: I.import_steps(ip), imported)
