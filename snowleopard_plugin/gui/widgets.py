"""Small widget helpers shared by the dock's pages: spin boxes, file and layer pickers, forms that wrap.

Every page is laid out to fit a narrow dock in Russian as well as in English:
forms put a field below its label when both do not fit side by side
(:func:`form`), rows of buttons wrap onto the next line (:class:`FlowLayout`),
combo boxes do not grow with their longest entry.
"""

from __future__ import annotations

from typing import Any, List, Optional

from qgis.core import QgsProject
from qgis.gui import QgsDoubleSpinBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDate, QPoint, QRect, QSize, Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLayout,
    QLineEdit,
    QRadioButton,
    QSizePolicy,
    QWidget,
)

#: How many characters a combo box shows at least; longer entries are cut, never widen the page.
COMBO_CHARS = 12


def tip(widget: QWidget, text: str) -> QWidget:
    """``widget`` with its tooltip set."""
    widget.setToolTip(text)
    return widget


def spin(value: float, low: float, high: float, decimals: int, suffix: str, tooltip: str,
         step: float = 1.0) -> QgsDoubleSpinBox:
    box = QgsDoubleSpinBox()
    box.setRange(low, high)
    box.setDecimals(decimals)
    box.setSingleStep(step)
    box.setValue(value)
    box.setClearValue(value)
    box.setSuffix(suffix)
    box.setToolTip(tooltip)
    fit_value(box)
    return box


def fit_value(box: QWidget) -> QWidget:
    """Never narrower than its value needs (largest value and suffix, special text, a date): a form row that
    cannot give it that width puts the box below its label instead of cutting the value."""
    box.setMinimumWidth(box.sizeHint().width())
    return box


def narrow_combo(combo: QComboBox) -> QComboBox:
    """A combo box whose width does not follow its longest entry."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARS)
    return combo


def file_widget(tooltip: str, filters: str = "", save: bool = False, folder: bool = False) -> QgsFileWidget:
    widget = QgsFileWidget()
    if filters:
        widget.setFilter(filters)
    widget.setToolTip(tooltip)
    if save:
        widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
    if folder:
        widget.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
    return widget


def layer_combo(tooltip: str, filters, empty_text: str = "") -> QgsMapLayerComboBox:
    combo = QgsMapLayerComboBox()
    combo.setFilters(filters)
    combo.setAllowEmptyLayer(True)
    if empty_text:
        try:
            combo.setAllowEmptyLayer(True, empty_text)
        except TypeError:  # QGIS < 3.30: no text for the empty entry
            pass
    combo.setLayer(None)
    combo.setToolTip(tooltip)
    return narrow_combo(combo)


def form() -> QFormLayout:
    """A form whose fields move below their labels when a row does not fit the dock's width."""
    layout = QFormLayout()
    layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    return layout


def breakable(text: str) -> str:
    """``text`` with zero-width spaces after path separators, so a word-wrapped label can break a long path."""
    return text.replace("/", "/\u200b").replace("\\", "\\\u200b")


class FlowLayout(QLayout):
    """Widgets side by side, wrapping onto the next line when the width runs out (Qt's flow layout example)."""

    def __init__(self, parent: Optional[QWidget] = None, spacing: int = 6) -> None:
        super().__init__(parent)
        self._items: List[Any] = []
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def addItem(self, item) -> None:  # noqa: N802 - Qt's name
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):  # noqa: N802 - Qt's name
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):  # noqa: N802 - Qt's name
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self):  # noqa: N802 - Qt's name
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt's name
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt's name
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt's name
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt's name
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize().expandedTo(item.sizeHint()))
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line = area.x(), area.y(), 0
        for item in self._items:
            if item.widget() is not None and not item.widget().isVisibleTo(self.parentWidget()):
                continue
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line > 0:
                x, y, line = area.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y() + margins.bottom()


def button_flow(*buttons: QWidget) -> QWidget:
    """The buttons in a row that wraps when they do not fit side by side."""
    holder = QWidget()
    holder.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    flow = FlowLayout(holder)
    for button in buttons:
        flow.addWidget(button)
    return holder


def widget_value(widget: QWidget) -> Any:
    """The value a settings field keeps of ``widget`` (layer id, path, number, flag, date text, index)."""
    if isinstance(widget, QgsFileWidget):
        return widget.filePath()
    if isinstance(widget, QgsMapLayerComboBox):
        layer = widget.currentLayer()
        return layer.id() if layer is not None else ""
    if isinstance(widget, QgsDoubleSpinBox):
        return widget.value()
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, (QCheckBox, QRadioButton)):
        return widget.isChecked()
    if isinstance(widget, QDateEdit):
        return widget.date().toString("yyyy-MM-dd")
    if isinstance(widget, QLineEdit):
        return widget.text()
    raise TypeError(type(widget).__name__)


def set_widget_value(widget: QWidget, value: Any) -> None:
    """Set ``widget`` from a value of :func:`widget_value`."""
    if isinstance(widget, QgsFileWidget):
        widget.setFilePath(str(value))
    elif isinstance(widget, QgsMapLayerComboBox):
        widget.setLayer(QgsProject.instance().mapLayer(str(value)) if value else None)
    elif isinstance(widget, QgsDoubleSpinBox):
        widget.setValue(float(value))
    elif isinstance(widget, QComboBox):
        widget.setCurrentIndex(int(value))
    elif isinstance(widget, (QCheckBox, QRadioButton)):
        widget.setChecked(bool(value))
    elif isinstance(widget, QDateEdit):
        widget.setDate(QDate.fromString(str(value), "yyyy-MM-dd"))
    elif isinstance(widget, QLineEdit):
        widget.setText(str(value))


#: The signal of each kind of widget that says its value changed.
CHANGE_SIGNALS = ("fileChanged", "valueChanged", "currentIndexChanged", "toggled", "dateChanged", "textChanged",
                  "layerChanged")


def connect_changed(widget: QWidget, slot) -> None:
    for signal in CHANGE_SIGNALS:
        if hasattr(widget, signal):
            getattr(widget, signal).connect(slot)
            return


def layer_parameter(layer) -> Optional[str]:
    """A project layer as a Processing parameter value.

    File-based layers (OGR, GDAL) by their source, so the run in the Processing
    history can be repeated without this project; other layers (delimited
    text, memory, databases) by their layer id, which Processing resolves in
    the project.
    """
    if layer is None:
        return None
    if layer.providerType() in ("ogr", "gdal"):
        return layer.source()
    return layer.id()


def table_layer_source(uri: str) -> Optional[str]:
    """``ogr:dbname='<gpkg>' table="<name>" (geom)`` → ``<gpkg>|layername=<name>`` (None for other values)."""
    if not isinstance(uri, str) or not uri.startswith("ogr:dbname='"):
        return None
    try:
        path = uri[len("ogr:dbname='"):uri.index("' table=")]
        name = uri.split('table="', 1)[1].split('"', 1)[0]
    except (ValueError, IndexError):
        return None
    return f"{path}|layername={name}"
