"""One running program per ledger: a second start brings the running window to the front.

A QLockFile in the ledger folder says who owns the ledger. Qt finds a lock whose process is gone
stale by itself, so a crash leaves no permanent lock. The owner listens on a local socket named
after the ledger's path; a second start tells it to come to the front and then exits.
"""

from __future__ import annotations

import hashlib
import os
import time

from PySide6.QtCore import QLockFile, QObject, QThread, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from laomo_desktop.paths import LedgerPaths

MESSAGE = b"activate\n"


def server_name_for(paths: LedgerPaths) -> str:
    """The local server's name: the same for every start on one ledger, different per ledger."""
    key = os.path.normcase(str(paths.root.resolve()))
    return "laomo-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


class SingleInstance(QObject):
    activated = Signal()  # another start asked us to come to the front

    def __init__(self, paths: LedgerPaths, parent: QObject | None = None,
                 timeout_ms: int = 2000):
        super().__init__(parent)
        self.paths = paths
        self.timeout_ms = timeout_ms
        self.server_name = server_name_for(paths)
        self.lock_path = paths.root / "ledger.lock"
        self._lock: QLockFile | None = None
        self._server: QLocalServer | None = None

    @property
    def owns_ledger(self) -> bool:
        return self._lock is not None and self._lock.isLocked()

    def acquire(self) -> bool:
        """True: we are the first and now listen. False: a running instance owns this ledger
        (and was asked to come to the front); the caller should exit at once."""
        if self.owns_ledger:
            return True
        try:
            self.paths.root.mkdir(parents=True, exist_ok=True)
        except OSError:
            return True  # no folder to lock in: opening the ledger will say what is wrong
        lock = QLockFile(str(self.lock_path))
        lock.setStaleLockTime(0)  # only a lock whose process is gone is stale, never by age
        deadline = time.monotonic() + self.timeout_ms / 1000
        while True:
            # tryLock removes a lock left by a process that no longer runs, then takes it
            if lock.tryLock(0):
                self._lock = lock
                self._listen()
                return True
            if lock.error() != QLockFile.LockError.LockFailedError:
                # the folder cannot hold a lock (read-only, permissions): nobody else can
                # either, so there is no second writer to guard against
                return not self._notify(self.timeout_ms)
            remaining = int((deadline - time.monotonic()) * 1000)
            if self._notify(max(100, min(remaining, 500))):
                return False
            if time.monotonic() >= deadline:
                # the owner runs but does not answer (starting up, or hung): never start a
                # second writer on the same ledger
                return False
            QThread.msleep(100)

    def release(self) -> None:
        if self._server is not None:
            self._server.close()
            self._server.deleteLater()
            self._server = None
        if self._lock is not None:
            self._lock.unlock()
            self._lock = None

    # -- the running side ---------------------------------------------------------------------
    def _listen(self) -> None:
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
