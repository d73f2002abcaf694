"""The error a user can cause and understand: its message is shown as it is, in Chinese."""


class CheckFailed(Exception):
    """A self-test check found something wrong (not `assert`: a frozen build may run with -O).
    Here, below both halves of the self-test (laomo_desktop.selftest and ui/system/selftest.py), so
    neither imports the other to share it."""


def require(condition: object, message: str) -> None:
    if not condition:
        raise CheckFailed(message)


class LaomoError(Exception):
    """A failure the user can cause or fix: bad input, a damaged file, a full disk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
