"""The small base class every Snow Leopard algorithm derives from, and the parameters they share.

Shared here, so every algorithm defines them once and alike: the DEM and the CRS to work in
(:func:`dem_parameter`, :func:`target_crs_parameter`), the extent and pixel size (:func:`extent_parameter`,
:meth:`SnowLeopardAlgorithm.extent_box`), secondary parameters flagged advanced (:func:`advanced`), declared
numeric outputs (:meth:`SnowLeopardAlgorithm.add_number_outputs`), the styling of outputs after the run
(:meth:`SnowLeopardAlgorithm.style_after_run`) and progress mapped onto part of the bar (:class:`Scaled`).
"""

from __future__ import annotations

import functools
from typing import Any, Callable, Dict, Iterable, Optional, Tuple

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterExtent,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtGui import QIcon

from ..__about__ import plugin_file
from ..help import help_url
from ..i18n import tr, tr_error
from ..qgis_io import inputs_left_alone

#: Tags every algorithm carries, besides its own.
COMMON_TAGS = ("snow leopard", "Panthera uncia", "census")


def _advanced_flag():
    """The "advanced parameter" flag: ``Qgis.ProcessingParameterFlag.Advanced`` on QGIS 3.36+ (and 4), else
    ``QgsProcessingParameterDefinition.FlagAdvanced``."""
    try:
        from qgis.core import Qgis

        return Qgis.ProcessingParameterFlag.Advanced
    except (ImportError, AttributeError):
        return QgsProcessingParameterDefinition.FlagAdvanced


ADVANCED = _advanced_flag()


def advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """``parameter`` flagged advanced: the dialog shows it under "Advanced parameters" (a tuning knob with a good
    default, never a main input or output)."""
    parameter.setFlags(parameter.flags() | ADVANCED)
    return parameter


def is_advanced(parameter: QgsProcessingParameterDefinition) -> bool:
    """True when ``parameter`` is flagged advanced."""
    return bool(parameter.flags() & ADVANCED)


def dem_parameter(name: str = "DEM", description: Optional[str] = None, optional: bool = False):
    """The DEM input (a raster of elevations in metres)."""
    return QgsProcessingParameterRasterLayer(name, description or tr("DEM (elevations in metres)"),
                                             optional=optional)


def target_crs_parameter(name: str = "TARGET_CRS"):
    """The optional metric CRS to work in (empty: the DEM's, or the UTM zone of a DEM in degrees); advanced."""
    return advanced(QgsProcessingParameterCrs(name, tr("Work in this CRS (empty: the DEM's, or the UTM zone of a "
                                                       "DEM in degrees)"), optional=True))


def pixel_size_parameter(name: str = "PIXEL_SIZE", description: Optional[str] = None, default: float = 100.0):
    """The pixel size of a raster output, in metres (positive; the algorithms refuse 0)."""
    return metres_parameter(name, description or tr("Pixel size"), default, minValue=0.0)


def extent_parameter(name: str = "EXTENT"):
    """The optional extent to work on (empty: the inputs' own)."""
    return QgsProcessingParameterExtent(name, tr("Extent"), optional=True)


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


class Scaled:
    """Core feedback mapping 0..100 onto a part (``start``..``stop``) of the algorithm's progress bar."""

    def __init__(self, feedback, start: float, stop: float) -> None:
        self._core = CoreFeedback(feedback)
        self._start, self._stop = start, stop

    def is_cancelled(self) -> bool:
        """True once the user pressed Cancel."""
        return self._core.is_cancelled()

    def set_progress(self, percent: float) -> None:
        """Forward progress (0..100 of this part)."""
        self._core.set_progress(self._start + (self._stop - self._start) * float(percent) / 100.0)

    def info(self, text: str) -> None:
        """Forward a log line."""
        self._core.info(text)


class SnowLeopardAlgorithm(QgsProcessingAlgorithm):
    """Shared behaviour: group, icon, help, tags, translated core errors, extent, numeric outputs, styling.

    Subclasses set ``NAME``, ``GROUP_ID`` (a fixed, untranslated id) and
    implement ``displayName``, ``group``, ``shortHelpString``,
    ``initAlgorithm`` and ``processAlgorithm``; ``TAGS`` lists their own English
    tags and ``tags_ru`` the same in Russian (through ``tr``).
    """

    NAME = ""
    GROUP_ID = ""
    TAGS: Tuple[str, ...] = ()

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
        self.reset_styles()
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
        """The algorithm's help page in QGIS's language (English when there is none in it)."""
        return help_url(self.name())

    def tags(self) -> list:
        """English tags, the algorithm's own and the plugin's, then the same in the user's language."""
        english = list(COMMON_TAGS) + list(self.TAGS)
        translated = [t.strip() for t in (tr("snow leopard, census") + "," + self.tags_translated()).split(",")]
        return english + [t for t in translated if t and t not in english]

    def tags_translated(self) -> str:
        """The algorithm's tags, comma-separated, through ``tr`` (Russian: "ирбис, ..."); override."""
        return ""

    # -- shared parameter handling -------------------------------------------------------------------------------

    def add_number_outputs(self, outputs: Iterable[Tuple[str, str]]) -> None:
        """Declare numeric results ``(name, description)`` as outputs, so models can feed them on."""
        for name, description in outputs:
            self.addOutput(QgsProcessingOutputNumber(name, description))

    def add_string_outputs(self, outputs: Iterable[Tuple[str, str]]) -> None:
        """Declare text results ``(name, description)`` as outputs."""
        for name, description in outputs:
            self.addOutput(QgsProcessingOutputString(name, description))

    def extent_box(self, parameters, context, crs, key: str = "EXTENT") -> Optional[Tuple[float, float, float,
                                                                                         float]]:
        """The extent parameter ``key`` in ``crs`` as (xmin, ymin, xmax, ymax), or None when not given or empty."""
        if not parameters.get(key):
            return None
        rect = self.parameterAsExtent(parameters, key, context, crs)
        if rect.isNull() or rect.isEmpty():
            return None
        return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())

    def style_after_run(self, dest_id: Optional[str], kind: str, styler: str = "vector") -> None:
        """Style the vector output ``dest_id`` as ``kind`` once the run is over (in :meth:`postProcessAlgorithm`,
        on the main thread); ``styler`` is ``"vector"`` (season and analysis layers) or ``"plan"`` (planner)."""
        if not dest_id:
            return
        if not hasattr(self, "_styles"):
            self._styles: Dict[str, Tuple[str, str]] = {}
        self._styles[dest_id] = (kind, styler)

    @staticmethod
    def style_raster(path: str, kind: str, unit: str = "") -> bool:
        """Style a written raster output and save its ``.qml`` beside it: ``kind`` is ``"heatmap"`` (a colour ramp
        in ``unit``, zero transparent), ``"coverage"``, ``"habitat"`` or a terrain measure (``slope``, ``vrm``,
        ``tri``, ``tpi``)."""
        from ..qgis_io import style_coverage_file, style_habitat_file, style_heatmap_file, style_terrain_file

        if kind == "heatmap":
            return style_heatmap_file(path, unit)
        if kind == "coverage":
            return style_coverage_file(path)
        if kind == "habitat":
            return style_habitat_file(path)
        return style_terrain_file(path, kind)

    def reset_styles(self) -> None:
        """Forget the outputs of a previous run (called at the start of a run)."""
        self._styles = {}

    def postProcessAlgorithm(self, context, feedback):
        """Apply the styles asked for with :meth:`style_after_run`."""
        from ..qgis_io import style_plan_output, style_vector_output

        stylers = {"vector": style_vector_output, "plan": style_plan_output}
        for dest_id, (kind, styler) in getattr(self, "_styles", {}).items():
            stylers[styler](dest_id, kind, context)
        return {}

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
