"""The small base class every Snow Leopard algorithm derives from."""

from __future__ import annotations

import functools
import os
from typing import Any, Callable

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingFeedback
from qgis.PyQt.QtGui import QIcon

from ..__about__ import plugin_file
from ..i18n import tr, tr_error
from ..qgis_io import inputs_left_alone


def metres_parameter(name: str, description: str, default: Any, parent: Any = None, **kwargs: Any):
    """A distance parameter always in metres.

    Linked to a layer, QGIS shows a distance in the layer's units, degrees for a GPX file or an SRTM tile; the
    algorithms work in metres whatever the inputs' CRS (they reproject), so the parameter has no parent layer
    and says metres. ``parent`` is accepted and ignored, so calls read like QgsProcessingParameterDistance's.
    """
    from qgis.core import QgsProcessingParameterDistance, QgsUnitTypes

    parameter = QgsProcessingParameterDistance(name, description, default, "", **kwargs)
    parameter.setDefaultUnit(QgsUnitTypes.DistanceMeters)
    return parameter


class CoreFeedback:
    """Adapts ``QgsProcessingFeedback`` to the core's feedback protocol."""

    def __init__(self, feedback: QgsProcessingFeedback) -> None:
        self._feedback = feedback

    def is_cancelled(self) -> bool:
        """True once the user pressed Cancel."""
        return bool(self._feedback and self._feedback.isCanceled())

    def set_progress(self, percent: float) -> None:
        """Forward progress (0..100)."""
        if self._feedback:
            self._feedback.setProgress(float(percent))

    def info(self, text: str) -> None:
        """Forward a log line."""
        if self._feedback:
            self._feedback.pushInfo(text)


class SnowLeopardAlgorithm(QgsProcessingAlgorithm):
    """Shared behaviour: group, icon, help, translated core errors.

    Subclasses set ``NAME``, ``GROUP_ID`` (a fixed, untranslated id) and
    implement ``displayName``, ``group``, ``shortHelpString``,
    ``initAlgorithm`` and ``processAlgorithm``.
    """

    NAME = ""
    GROUP_ID = ""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        """Run every algorithm's processAlgorithm with the input rasters' folders left alone."""
        super().__init_subclass__(**kwargs)
        process = cls.__dict__.get("processAlgorithm")
        if process is not None:
            @functools.wraps(process)
            def wrapped(self, parameters, context, feedback):
                with inputs_left_alone():
                    return process(self, parameters, context, feedback)

            cls.processAlgorithm = wrapped

    def name(self) -> str:
        return self.NAME

    def checkParameterValues(self, parameters, context):
        # input layers are first opened here: open them with GDAL's sidecar files off (see inputs_left_alone)
        with inputs_left_alone():
            return super().checkParameterValues(parameters, context)

    def prepareAlgorithm(self, parameters, context, feedback):
        """Runs in the main thread, also when the algorithm then runs in a background task: the vector inputs
        are opened here, so a layer of the project (a delimited-text or memory layer, or a file layer the
        project shows) is snapshotted where it lives, not read from the worker thread while the map draws it."""
        self._prepared_sources = {}
        self._prepared_layers = {}
        project = context.project()
        with inputs_left_alone():
            for definition in self.parameterDefinitions():
                name = definition.name()
                if parameters.get(name) in (None, ""):
                    continue
                if definition.type() == "source":
                    self._prepared_sources[name] = super().parameterAsSource(parameters, name, context)
                elif definition.type() in ("raster", "layer", "vector"):
                    layer = super().parameterAsLayer(parameters, name, context)
                    if layer is not None and project is not None and project.mapLayer(layer.id()) is layer:
                        copy = layer.clone()  # the task's own copy: the map keeps drawing the project's
                        context.temporaryLayerStore().addMapLayer(copy)
                        self._prepared_layers[name] = copy
            return super().prepareAlgorithm(parameters, context, feedback)

    def parameterAsSource(self, parameters, name, context):
        """The source opened in :meth:`prepareAlgorithm` (main thread) when there is one."""
        prepared = getattr(self, "_prepared_sources", {})
        if prepared.get(name) is not None:
            return prepared[name]
        return super().parameterAsSource(parameters, name, context)

    def parameterAsLayer(self, parameters, name, context, *args):
        """The task's copy of a project layer made in :meth:`prepareAlgorithm`, when there is one."""
        prepared = getattr(self, "_prepared_layers", {})
        if prepared.get(name) is not None:
            return prepared[name]
        return super().parameterAsLayer(parameters, name, context, *args)

    def parameterAsRasterLayer(self, parameters, name, context):
        prepared = getattr(self, "_prepared_layers", {})
        if prepared.get(name) is not None:
            return prepared[name]
        return super().parameterAsRasterLayer(parameters, name, context)

    def parameterAsVectorLayer(self, parameters, name, context):
        prepared = getattr(self, "_prepared_layers", {})
        if prepared.get(name) is not None:
            return prepared[name]
        return super().parameterAsVectorLayer(parameters, name, context)

    def groupId(self) -> str:
        return self.GROUP_ID

    def createInstance(self) -> SnowLeopardAlgorithm:
        return type(self)()

    def icon(self) -> QIcon:
        return QIcon(plugin_file("resources", "icons", "snowleopard.svg"))

    def helpUrl(self) -> str:
        path = plugin_file("resources", "help", f"{self.NAME}.html")
        return "file://" + path if os.path.exists(path) else ""

    def run_core(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Call a core function, turning its errors into translated ``QgsProcessingException``."""
        from ..core.exceptions import Cancelled, SnowLeopardError

        try:
            return function(*args, **kwargs)
        except Cancelled as error:
            raise QgsProcessingException(tr_error(error)) from error
        except SnowLeopardError as error:
            raise QgsProcessingException(tr_error(error)) from error
        except MemoryError as error:
            raise QgsProcessingException(
                tr("Not enough memory for this job: use a larger pixel size or a smaller extent.")) from error
