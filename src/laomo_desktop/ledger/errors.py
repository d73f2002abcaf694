from __future__ import annotations

from laomo_desktop.errors import LaomoError


class ValidationError(LaomoError):
    """Bad input: field name → message in Chinese that names the field."""

    def __init__(self, errors: dict[str, str]):
        self.errors = dict(errors)
        super().__init__("；".join(self.errors.values()))
