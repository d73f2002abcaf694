"""The error a user can cause and understand: its message is shown as it is, in Chinese."""


class LaomoError(Exception):
    """A failure the user can cause or fix: bad input, a damaged file, a full disk."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
