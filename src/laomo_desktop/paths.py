"""Where the ledger lives: platformdirs' user data dir, or --data-dir, or LAOMO_DATA_DIR.

`LedgerPaths` is the one description of the data folder's layout: every file and folder the
program keeps there is a property here, so no other module joins names onto the folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

APP_NAME = "LaomoDesktop"


def resources_dir() -> Path:
    """The package's resources/ folder (fonts, templates, forms, icons, translations), found
    through importlib.resources: in a source checkout, an installed wheel or an editable
    install it is src/laomo_desktop/resources or its installed copy; in the frozen build,
    PyInstaller's reader answers with _internal/laomo_desktop/resources (installer/laomo.spec).

    The fonts and Qt need real files, so a package imported from a zip archive is refused."""
    found = resources.files("laomo_desktop") / "resources"
    if not isinstance(found, Path):
        raise RuntimeError(f"laomo_desktop must be installed as files, not imported from an "
                           f"archive ({found}): its fonts and translations are read from disk")
    return found


def default_data_dir() -> Path:
    env = os.environ.get("LAOMO_DATA_DIR")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class LedgerPaths:
    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    @property
    def db(self) -> Path:
        return self.root / "ledger.sqlite3"

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def templates(self) -> Path:
        """The union's own scoring templates, beside the built-in ones."""
        return self.root / "templates"

    @property
    def forms(self) -> Path:
        """The union's own Word and Excel forms, filled from the ledger (reports/forms.py)."""
        return self.root / "forms"

    @property
    def logs(self) -> Path:
        """Crash logs: what went wrong, for whoever helps the user."""
        return self.root / "logs"

    @property
    def union_targets(self) -> Path:
        """The union office's targets of each year (JSON)."""
        return self.root / "union_targets.json"

    @property
    def outbox(self) -> Path:
        """A copy of every package exported, kept in case the removable drive is lost."""
        return self.root / "outbox"

    @property
    def keys(self) -> Path:
        """This computer's signing key and the studios' registered keys."""
        return self.root / "keys"

    @property
    def lock(self) -> Path:
        """The file the operating system locks while one program writes the ledger."""
        return self.root / "ledger.lock"

    @property
    def session_marker(self) -> Path:
        """Present while a writer has the ledger open: left behind, the last session crashed."""
        return self.root / "ledger.session"

    @property
    def aside(self) -> Path:
        """Files that must not be used but must not be deleted either (a stranger's journal)."""
        return self.root / "aside"

    @property
    def settings_file(self) -> Path:
        """The GUI's settings (declared in laomo_desktop.settings)."""
        return self.root / "settings.ini"

    @property
    def forward(self) -> Path:
        """The studio packages a union office imported, kept unchanged to forward them to the
        office above (exchange/forward.py)."""
        return self.root / "forward"

    def scratch_folders(self) -> list[Path]:
        """Every folder an interrupted backup, import or export may leave a `*.partial` in."""
        found = [self.root, self.backups, self.outbox, self.forward]
        if self.attachments.is_dir():
            found += sorted(self.attachments.glob("*"))
        return found

    def ensure(self) -> None:
        for p in (self.root, self.attachments, self.backups):
            p.mkdir(parents=True, exist_ok=True)
