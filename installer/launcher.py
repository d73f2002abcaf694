"""Entry point of the frozen build (PyInstaller): the `laomo` command line, which opens the
desktop window when run without a command. So `laomo-desktop` (the GUI executable) and `laomo`
(the console one) behave exactly like the source install's `python -m laomo_desktop`:
`laomo-desktop` opens the window, `laomo self-test`, `laomo studios`, ... work as documented.
"""

from __future__ import annotations

import os
import sys


def _give_missing_streams_a_sink() -> None:
    # The Windows GUI executable has no console: sys.stdout and sys.stderr are None there, and
    # a print (argparse's usage message, a warning) would raise. Send them nowhere instead.
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115


if __name__ == "__main__":
    _give_missing_streams_a_sink()
    from laomo_desktop.cli import main

    sys.exit(main())
