"""Exceptions raised by the core, and marking of translatable messages.

A core message is an English template with named fields, marked for the
translation tools with ``QT_TR_NOOP`` (the core has no Qt, so the marker only
returns its argument; ``pylupdate5`` finds it and files the text in the
plugin's ``.ts``)::

    raise InputError(QT_TR_NOOP("Cannot read {path}: {reason}"), path=p, reason=r)

``str()`` gives the English text; the Processing and GUI layers translate the
template with ``tr()`` and fill in the fields (``error.format(tr(error.template))``),
so Russian users read Russian. Templates must be literals, never built at run time.
"""

from __future__ import annotations

from typing import Any


def QT_TR_NOOP(text: str) -> str:  # noqa: N802 - Qt's own name, which pylupdate5 looks for
    """Mark a literal for translation without translating it here (core has no Qt)."""
    return text


class SnowLeopardError(Exception):
    """Base class of every error the core raises on bad input.

    Args:
        template: English message with ``{name}`` fields; a string literal.
        **fields: the values of the fields.
    """

    def __init__(self, template: str, **fields: Any) -> None:
        self.template = template
        self.fields = fields
        super().__init__(self.format(template))

    def format(self, template: str) -> str:
        """Fill the fields into ``template`` (the English one or its translation)."""
        try:
            return template.format(**self.fields)
        except (KeyError, IndexError, ValueError):
            return self.template.format(**self.fields)


class InputError(SnowLeopardError):
    """An input file or layer cannot be used (unreadable, empty, wrong kind)."""


class CrsError(SnowLeopardError):
    """Coordinates are in a CRS the analysis cannot use (e.g. geographic)."""


class ParameterError(SnowLeopardError):
    """A parameter value is out of range or inconsistent with the others."""


class Cancelled(SnowLeopardError):
    """The user cancelled the work; nothing was written."""

    def __init__(self) -> None:
        super().__init__(QT_TR_NOOP("Cancelled by the user."))
