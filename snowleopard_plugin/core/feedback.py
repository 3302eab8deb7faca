"""Progress and cancellation, without Qt.

Core functions that run long take a ``feedback`` argument following this
protocol. The Processing layer passes an adapter around
``QgsProcessingFeedback``; tests and scripts pass ``Feedback()`` or ``None``.
"""

from __future__ import annotations

from typing import Optional

from .exceptions import Cancelled


class Feedback:
    """Silent feedback: never cancelled, progress ignored, messages kept."""

    def __init__(self) -> None:
        self.messages: list = []

    def is_cancelled(self) -> bool:
        """True once the user asked to stop."""
        return False

    def set_progress(self, percent: float) -> None:
        """Report progress, 0..100."""

    def info(self, text: str) -> None:
        """Report a line for the log (already translated or plain English)."""
        self.messages.append(text)


def check_cancel(feedback: Optional[Feedback]) -> None:
    """Raise :class:`Cancelled` when the user asked to stop."""
    if feedback is not None and feedback.is_cancelled():
        raise Cancelled()
