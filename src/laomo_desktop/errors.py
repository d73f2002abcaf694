"""The error a user can cause and understand. Its message is a texts.Message (or, for text
that is the same in every language, a plain string), worded in the reader's language when shown."""

from __future__ import annotations

from typing import Any

from laomo_desktop.texts import worded


class CheckFailed(Exception):
    """A self-test check found something wrong (not `assert`: a frozen build may run with -O).
    Here, below both halves of the self-test (laomo_desktop.selftest and ui/system/selftest.py), so
    neither imports the other to share it."""


def require(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class LaomoError(Exception):
    """A failure the user can cause or fix: bad input, a damaged file, a full disk."""

    def __init__(self, message: Any):
        super().__init__(message)
        self.said = message  # a texts.Message, Text, Joined or str

    @property
    def message(self) -> str:
        """The message in the language the user chose (texts.set_language)."""
        return worded(self.said)

    def __str__(self) -> str:
        return self.message
