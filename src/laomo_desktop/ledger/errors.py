from __future__ import annotations

from typing import Any

from laomo_desktop.errors import LaomoError
from laomo_desktop.texts import Joined, worded


class ValidationError(LaomoError):
    """Bad input: field name → a message that names the field (a texts.Message, or a str)."""

    def __init__(self, errors: dict[str, Any]):
        self.said_errors = dict(errors)
        super().__init__(Joined(tuple(self.said_errors.values())))

    @property
    def errors(self) -> dict[str, str]:
        """Each field's message in the language the user chose."""
        return {name: worded(said) for name, said in self.said_errors.items()}
