"""The members section: the record table plus 更换领衔人… (toolbar and context menu), and a
member form that never changes the leader behind the user's back.

Giving a member the role 领衔人 while someone else leads (or led) is a change of leader: the
form asks for its date in the same dialog as 更换领衔人… and saves its own edits and the change
together, as one undo step. Taking the role from the recorded leader asks first, because the
documents of earlier years would no longer name them."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from laomo_desktop.ledger import records as R
from laomo_desktop.ledger import studios
from laomo_desktop.ledger.errors import ValidationError
from laomo_desktop.ui.context import AppContext
from laomo_desktop.ui.dialogs.leader import ChangeLeaderDialog
from laomo_desktop.ui.dialogs.record import RecordDialog
from laomo_desktop.ui.i18n import tr
from laomo_desktop.ui.pages.section import SectionPage
from laomo_desktop.ui.pages.sections import Section
from laomo_desktop.ui.plain import ask
from laomo_desktop.ui.system import undo


class MemberSectionPage(SectionPage):
    def __init__(self, ctx: AppContext, section: Section, parent: QWidget | None = None):
        super().__init__(ctx, section, parent)
        self.leader_button = QPushButton(tr("Change leader…"))
        self.leader_button.setObjectName("change_leader")
        self.leader_button.setToolTip(tr("Hand the studio over to another member from a given "
                                         "day; the leader history keeps who led before"))
        self.leader_button.clicked.connect(self.change_leader)
        self.layout().itemAt(0).layout().insertWidget(3, self.leader_button)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self.show_menu)
        self.menu: QMenu | None = None
        self._changes: list[studios.Change] = []  # what the last form save changed with it

    def set_read_only(self, read_only: bool) -> None:
        super().set_read_only(read_only)
        self.leader_button.setEnabled(not read_only)

    def show_menu(self, pos: QPoint) -> None:
        """Right-click on a member: edit, or make them the leader."""
        index = self.table.indexAt(pos)
        if index.isValid() and not self.table.selectionModel().isRowSelected(index.row()):
            self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.setObjectName("member_menu")
        edit = menu.addAction(tr("View") if self.read_only else tr("Edit"), self.edit_current)
        edit.setEnabled(index.isValid())
        leader = menu.addAction(tr("Change leader…"), self.change_leader)
        leader.setEnabled(not self.read_only)
        menu.addSeparator()
        menu.addActions([self.copy_action, self.paste_action])
        self.menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    def change_leader(self) -> None:
        studio = self.ctx.studio_uid
        if not studio or self.read_only:
            return
        dlg = ChangeLeaderDialog(studio, self.current_uid(),
                                 lambda uid, since: studios.change_leader(studio, uid, since),
                                 parent=self)
        if dlg.exec() and dlg.changes:
            self._pushed(dlg.changes)

    def _pushed(self, changes: list[studios.Change]) -> None:
        self.ctx.undo_stack.push(undo.composed(self.ctx, changes, tr("Change leader")))
        self.ctx.changed()
        new = changes[-1].after
        self.select_uid(new["uid"])
        win = self.window()
        if hasattr(win, "statusBar"):
            win.statusBar().showMessage(tr("%1 is the leader from %2. Ctrl+Z undoes it.")
                                        .replace("%1", new["name"])
                                        .replace("%2", R.get("studio", new["studio"])
                                                 ["leaders"][-1]["since"]), 8000)

    # -- the member form ----------------------------------------------------------------------
    def dialog(self, record: dict | None, save) -> RecordDialog:
        dlg = super().dialog(record, save)
        dlg.save_fn = lambda values: self._save(dlg, record, values, save)
        return dlg

    def _save(self, form: RecordDialog, record: dict | None, values: dict, save) -> dict:
        self._changes = []
        studio, uid = self.ctx.studio_uid, record["uid"] if record else None
        effect = studios.leader_role_effect(studio, uid, values)
        if effect == studios.BECOMES_LEADER:
            return self._save_as_leader(form, record, values)
        if effect == studios.STOPS_LEADING and not ask(
                form, tr("Change leader"),
                tr("“%1” is the studio's leader. If the role is changed here, the documents of "
                   "earlier years no longer name %1 as the leader. To hand the studio over to "
                   "another member, give that member the role of leader, or use Change "
                   "leader… in the members list: the leader history then keeps %1.\n\n"
                   "Change the role anyway (only to correct a mistake)?")
                .replace("%1", record["name"])):
            raise ValidationError({"role": tr("Not saved: %1 is still the leader.")
                                   .replace("%1", record["name"])})
        return save(values)

    def _save_as_leader(self, form: RecordDialog, record: dict | None, values: dict) -> dict:
        """The form gives the role of leader while someone else leads: a change of leader,
        with its date asked in the change-of-leader dialog; the form's own edits go with it."""
        studio, uid = self.ctx.studio_uid, record["uid"] if record else None
        version = record["version"] if record else None
        studios.check_member_values(studio, uid, values, expected_version=version)
        dlg = ChangeLeaderDialog(
            studio, uid,
            lambda _uid, since: studios.save_member_as_leader(studio, uid, values, since,
                                                              expected_version=version),
            fixed_name=(values.get("name") or "").strip(), parent=form)
        if not dlg.exec() or not dlg.changes:
            raise ValidationError(dlg.form_errors or {"role": tr(
                "Not saved: giving the role of leader here is a change of leader. Confirm its "
                "date in the dialog that opens on Save, or choose another role.")})
        self._changes = dlg.changes
        return R.get("member", uid or dlg.changes[0].uid)  # a new member is created first

    def created_command(self, record: dict, text: str) -> QUndoCommand:
        if self._changes:
            changes, self._changes = self._changes, []
            return undo.composed(self.ctx, changes, tr("Change leader"))
        return super().created_command(record, text)

    def edited_command(self, before: dict, after: dict, text: str) -> QUndoCommand:
        if self._changes:
            changes, self._changes = self._changes, []
            return undo.composed(self.ctx, changes, tr("Change leader"))
        return super().edited_command(before, after, text)
