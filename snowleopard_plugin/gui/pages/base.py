"""What every page of the dock has: its dock, its typed settings, the hooks the dock calls.

A page's settings are a dataclass (``SETTINGS``) whose field names are the
keys the dock writes into the project (scope ``snowleopard``, one JSON entry
per field); :meth:`Page.bindings` ties the fields that mirror a widget to it.
"""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any, Callable, Dict, Optional, Type

from qgis.PyQt.QtWidgets import QVBoxLayout, QWidget

from ..widgets import connect_changed, set_widget_value, widget_value

if TYPE_CHECKING:  # pragma: no cover
    from ..dock import SeasonDock


@dataclasses.dataclass
class NoSettings:
    """A page that keeps nothing in the project."""


def coerce(value: Any, like: Any) -> Any:
    """``value`` (read from JSON) as the type of ``like``; ValueError/TypeError when it cannot be."""
    if isinstance(like, bool):
        if not isinstance(value, bool):
            raise TypeError(value)
        return value
    if isinstance(like, float):
        return float(value)
    if isinstance(like, int):
        return int(value)
    if isinstance(like, str):
        return str(value)
    if isinstance(like, (list, dict)):
        if not isinstance(value, type(like)):
            raise TypeError(value)
        return value
    return value


class Page(QWidget):
    """One page (or section) of the dock."""

    SETTINGS: Type[Any] = NoSettings

    def __init__(self, dock: SeasonDock, parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.dock = dock
        self.defaults = self.SETTINGS()
        self.box = QVBoxLayout(self)

    def name_widgets(self) -> None:
        """Give each widget the page keeps as an attribute that name as its objectName (for tests and styles)."""
        for name, value in vars(self).items():
            if isinstance(value, QWidget) and not value.objectName():
                value.setObjectName(name)

    # settings -------------------------------------------------------------------------------
    def bindings(self) -> Dict[str, QWidget]:
        """Settings field → the widget it mirrors (fields not listed are handled by the page)."""
        return {}

    def settings(self):
        """The page's settings as its widgets show them."""
        values = {name: widget_value(widget) for name, widget in self.bindings().items()}
        values.update(self.extra_settings())
        return self.SETTINGS(**values)

    def extra_settings(self) -> Dict[str, Any]:
        """Settings fields that are not a single widget's value."""
        return {}

    def apply_settings(self, settings) -> None:
        """Set the widgets from ``settings``."""
        for name, widget in self.bindings().items():
            try:
                set_widget_value(widget, getattr(settings, name))
            except (TypeError, ValueError):
                continue
        self.apply_extra_settings(settings)

    def apply_extra_settings(self, settings) -> None:
        """Set what :meth:`extra_settings` reads."""

    def merged_settings(self, stored: Dict[str, Any]):
        """The present settings with every readable stored entry (JSON-decoded) laid over them."""
        current = self.settings()
        values = dataclasses.asdict(current)
        for name, like in list(values.items()):
            if stored.get(name) is None:
                continue
            try:
                values[name] = coerce(stored[name], like)
            except (TypeError, ValueError):
                continue
        return self.SETTINGS(**values)

    def connect_settings(self, slot: Callable[..., None]) -> None:
        """Call ``slot`` whenever a setting changes."""
        for widget in self.bindings().values():
            connect_changed(widget, slot)

    # hooks of the dock ----------------------------------------------------------------------
    def season_loaded(self, path: str) -> None:
        """A season GeoPackage became the dock's season."""

    def results_reset(self) -> None:
        """The results of the analyses no longer apply (a new import)."""

    def outputs_restored(self) -> None:
        """The dock's outputs were read back from the project."""
