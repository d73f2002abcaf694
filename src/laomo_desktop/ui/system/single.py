"""One running program per ledger: a second start brings the running window to the front.

The window holds the ledger's lock (store.lock), the same one every command that changes the
ledger takes; the operating system releases it when a process ends, so a crash leaves no
permanent lock. The owner listens on a local socket named after the ledger's path; a second
start tells it to come to the front and then exits. When a command holds the lock instead,
`busy_holder` says which, so the window can tell the user to wait for it.

Taking the lock needs no network module; the program takes it first and listens once its window
is shown (`acquire(listen=False)`, then `listen()`), so QtNetwork is not loaded before the first
paint. A second start in between finds the lock taken and keeps asking for up to `timeout_ms`.
"""

from __future__ import annotations

import hashlib
import os
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal

from laomo_desktop.errors import LaomoError
from laomo_desktop.paths import LedgerPaths
from laomo_desktop.store import lock

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer, QLocalSocket

MESSAGE = b"activate\n"


def server_name_for(paths: LedgerPaths) -> str:
    """The local server's name: the same for every start on one ledger, different per ledger."""
    key = os.path.normcase(str(paths.root.resolve()))
    return "laomo-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class SingleInstance(QObject):
    activated = Signal()  # another start asked us to come to the front
    COMMAND_WAIT_MS = 15000  # how long a start waits for a command that holds the ledger

    def __init__(self, paths: LedgerPaths, parent: QObject | None = None,
                 timeout_ms: int = 2000):
        super().__init__(parent)
        self.paths = paths
        self.timeout_ms = timeout_ms
        self.server_name = server_name_for(paths)
        self.busy_holder: lock.Holder | None = None  # a command that holds the ledger
        self._owns = False
        self._server: QLocalServer | None = None

    def acquire(self, listen: bool = True) -> bool:
        """True: we are the first (and now listen, unless `listen` is False: then call
        `listen()` once the window is shown). False: a running window owns this ledger (and was
        asked to come to the front), or a command does (`busy_holder`); the caller should exit
        at once."""
        if self._owns:
            return True
        try:
            self.paths.root.mkdir(parents=True, exist_ok=True)
            deadline = time.monotonic() + self.timeout_ms / 1000
            mine = lock.holds(self.paths)
            command_deadline = time.monotonic() + self.COMMAND_WAIT_MS / 1000
            while (mine is not None and mine.is_gui) or not lock.try_acquire(self.paths,
                                                                              lock.GUI):
                holder = mine or lock.read_holder(self.paths)
                if holder is not None and not holder.is_gui:
                    # a command (a report, an import) usually ends soon: wait for it a while
                    if time.monotonic() >= command_deadline:
                        self.busy_holder = holder
                        return False
                    deadline = time.monotonic() + self.timeout_ms / 1000
                    QThread.msleep(100)
                    continue
                remaining = int((deadline - time.monotonic()) * 1000)
                if self._notify(max(100, min(remaining, 500))):
                    return False
                if time.monotonic() >= deadline:
                    # the owner runs but does not answer (starting up, or hung): never start
                    # a second writer on the same ledger
                    return False
                QThread.msleep(100)
        except (OSError, LaomoError):
            # no folder or lock file can be made (read-only): nobody can write here, so there
            # is no second writer to guard against; opening the ledger says what it can do
            return not self._notify(self.timeout_ms)
        self._owns = True
        if listen:
            self.listen()
        return True

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._owns:
            lock.release(self.paths)
            self._owns = False

    # -- the running side ---------------------------------------------------------------------
    def listen(self) -> None:
        """Answer later starts on this ledger (bring our window to the front)."""
        if not self._owns or self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer

        # we own the lock, so a server of this name is left over from a crash
        QLocalServer.removeServer(self.server_name)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._accept)
        if not server.listen(self.server_name):
            # we still own the ledger; a second start will not find us and will not open it
            server.deleteLater()
            return
        self._server = server

    def _accept(self) -> None:
        while self._server is not None and self._server.hasPendingConnections():
            sock = self._server.nextPendingConnection()
            sock.readyRead.connect(self._read)
            sock.disconnected.connect(sock.deleteLater)
            if sock.bytesAvailable():
                self._read(sock)

    def _read(self, sock: QLocalSocket | None = None) -> None:
        from PySide6.QtNetwork import QLocalSocket

        sock = sock or self.sender()
        if not isinstance(sock, QLocalSocket):
            return
        data = bytes(sock.readAll().data())
        if MESSAGE.strip() in data:
            sock.disconnectFromServer()
            self.activated.emit()
        elif len(data) > 1024:
            sock.abort()

    # -- the second start ---------------------------------------------------------------------
    def _notify(self, timeout_ms: int) -> bool:
        """Ask the running instance to come to the front; True if it was told."""
        from PySide6.QtNetwork import QLocalSocket

        sock = QLocalSocket()
        sock.connectToServer(self.server_name)
        try:
            if not sock.waitForConnected(timeout_ms):
                return False
            sock.write(MESSAGE)
            sock.flush()
            if sock.bytesToWrite() and not sock.waitForBytesWritten(timeout_ms):
                return False
            sock.disconnectFromServer()
            if sock.state() != QLocalSocket.LocalSocketState.UnconnectedState:
                sock.waitForDisconnected(timeout_ms)
            return True
        finally:
            sock.abort()
