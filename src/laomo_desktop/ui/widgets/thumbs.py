"""Thumbnails of picture attachments, made when a list first shows them and kept in memory.

Opening a section must not wait for 200 photos to be decoded: a list asks for the icon of the
rows it paints, gets the file-type icon at once, and the picture replaces it when it is ready.
Pictures are decoded one at a time from the event loop (a few milliseconds each, scaled while
decoding), so the window keeps answering meanwhile; `ready` says which one is done. A file that
is not a readable picture keeps its file-type icon: never an error for the user.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from time import monotonic

from PySide6.QtCore import QFileInfo, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QApplication, QFileIconProvider, QStyle

from laomo_desktop.errors import LaomoError
from laomo_desktop.ledger import filetypes

SIZE = 40          # pixels, the longer side of a thumbnail
KEEP = 600         # thumbnails kept in memory (about 6 KB each)
MAX_BYTES = 40 * 1024 * 1024  # a bigger "picture" keeps its file-type icon
SLICE_MS = 12      # decoding done per event-loop turn, at most about this long
START_MS = 30      # the first decoding waits this long: the list is painted before it


def decode(path: Path, size: int = SIZE) -> QImage | None:
    """The picture at `path` scaled to fit size×size, or None if it is not a readable one."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_BYTES:
            return None
    except OSError:
        return None
    reader = QImageReader(str(path))
    reader.setAutoTransform(True)  # a phone photo stands the right way up
    full = reader.size()
    if not full.isValid() or full.isEmpty():
        return None
    if full.width() > size or full.height() > size:
        reader.setScaledSize(full.scaled(size, size, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    return None if image.isNull() else image


_type_icons: dict[str, QIcon] = {}


def type_icon(filename: str) -> QIcon:
    """The icon of the file's kind, by its extension (the system's, or the style's file
    icon); looked up once per extension: a list paints it on every row."""
    ext = filetypes.real_extension(filename)
    icon = _type_icons.get(ext)
    if icon is None:
        icon = QFileIconProvider().icon(QFileInfo(f"file.{ext}" if ext else "file"))
        if icon.isNull():
            icon = QApplication.style().standardIcon(QStyle.StandardPixmap.SP_FileIcon)
        _type_icons[ext] = icon
    return icon


class Thumbnails(QObject):
    """The in-memory cache of thumbnails by key (an attachment's SHA-256, or a file's path)."""

    ready = Signal(str)  # the key whose thumbnail (or its failure) is now known

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._done: OrderedDict[str, QIcon | None] = OrderedDict()  # None: not a picture
        self._queue: OrderedDict[str, Callable[[], Path | None]] = OrderedDict()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._work)
        self.decoded = 0  # pictures decoded so far (benchmarks and tests read it)

    def icon(self, key: str, where: Callable[[], Path | None], filename: str) -> QIcon:
        """The thumbnail if it is ready; else the file-type icon, and the picture is queued
        (`where` is asked for its file only when its turn comes)."""
        if key in self._done:
            self._done.move_to_end(key)
            return self._done[key] or type_icon(filename)
        if key not in self._queue:
            self._queue[key] = where
            if not self._timer.isActive():  # the list's paint finishes first
                self._timer.start(START_MS)
        else:
            self._queue.move_to_end(key)  # the latest asked for are the ones on screen
        return type_icon(filename)

    def peek(self, key: str, filename: str) -> QIcon:
        """The thumbnail if it is ready, else the file-type icon; never queues a decoding (for
        measuring rows: a column fitted to 100 rows must not decode 100 photos)."""
        return self._done.get(key) or type_icon(filename)

    def state(self, key: str) -> str:
        """"ready", "failed" (not a readable picture), "queued" or "unknown"."""
        if key in self._done:
            return "ready" if self._done[key] is not None else "failed"
        return "queued" if key in self._queue else "unknown"

    def pending(self) -> int:
        return len(self._queue)

    def _work(self) -> None:
        until = monotonic() + SLICE_MS / 1000
        while self._queue and monotonic() < until:
            key, where = self._queue.popitem(last=True)
            try:
                path = where()
            except (LaomoError, OSError):  # a file that cannot be found is not a picture
                path = None
            image = decode(path) if path is not None else None
            self.decoded += 1
            self._done[key] = QIcon(QPixmap.fromImage(image)) if image is not None else None
            while len(self._done) > KEEP:
                self._done.popitem(last=False)
            self.ready.emit(key)
        if self._queue:
            self._timer.start(0)


_shared: Thumbnails | None = None


def shared() -> Thumbnails:
    """The one cache of the program: a picture decoded for a list is not decoded again for a
    form (content-addressed keys never go stale)."""
    global _shared
    if _shared is None:
        _shared = Thumbnails(QApplication.instance())
    return _shared


def icon_size() -> QSize:
    return QSize(SIZE, SIZE)
