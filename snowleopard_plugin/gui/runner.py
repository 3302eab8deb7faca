"""Run a Processing algorithm from the dock as a background task.

:class:`AlgorithmRunner` creates the ``QgsProcessingContext`` and the
``QgsProcessingFeedback`` in the main thread, starts a
``QgsProcessingAlgRunnerTask`` through QGIS's task manager and reports back
through Qt signals, which arrive in the main thread: the worker never touches
a layer or a widget. Cancelling cancels the feedback; the plugin's algorithms
check it and write their outputs atomically, so nothing half-written is left.

What was run is written to the Processing history (so it can be re-run from
the Toolbox with the same parameters) the way the Processing dialog does.

An algorithm flagged ``FlagNoThreading`` (the season report builds print
layouts, which only the main thread may do) runs on the main thread instead,
as the Processing dialog runs it: the runner stays "busy", the dock's progress
bar moves and Qt events are processed at each progress step, so the window
keeps repainting and the Cancel button still works.
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from ..__about__ import PROVIDER_ID
from ..i18n import tr


def algorithm_available(name: str) -> bool:
    """True when ``snowleopard:<name>`` (or a full id) is registered in Processing."""
    alg_id = name if ":" in name else f"{PROVIDER_ID}:{name}"
    return QgsApplication.processingRegistry().algorithmById(alg_id) is not None


def record_in_history(algorithm, parameters: Dict[str, Any], context: QgsProcessingContext) -> None:
    """Write the run to the Processing history and the recently used algorithms (never fails).

    QGIS ≥ 3.32 keeps the history in ``QgsGui.historyProviderRegistry()``; QGIS 3.22
    in the Processing plugin's ``ProcessingLog`` (what its algorithm dialog writes).
    """
    try:
        from qgis.gui import QgsGui
    except ImportError:  # no GUI library (qgis_process): nothing to record
        return
    try:
        command = algorithm.asPythonCommand(parameters, context)
    except Exception:  # noqa: BLE001 - history is a convenience, never a failure
        command = ""
    try:
        QgsGui.instance().processingRecentAlgorithmLog().push(algorithm.id())
    except Exception:  # noqa: BLE001, S110 - the recent list is optional
        pass
    if not command:
        return
    registry = getattr(QgsGui, "historyProviderRegistry", None)
    if registry is not None:
        try:
            registry().addEntry("processing", {"python_command": command, "algorithm_id": algorithm.id(),
                                               "parameters": {k: str(v) for k, v in parameters.items()}})
            return
        except Exception:  # noqa: BLE001, S110 - fall back to the 3.22 log below
            pass
    try:
        from processing.core.ProcessingLog import ProcessingLog

        ProcessingLog.addToLog(command)
    except Exception:  # noqa: BLE001, S110 - Processing plugin not loaded: no history
        pass


def main_thread_only(algorithm) -> bool:
    """True when the algorithm must run on the main thread (``FlagNoThreading``)."""
    return bool(algorithm.flags() & QgsProcessingAlgorithm.FlagNoThreading)


class _Feedback(QgsProcessingFeedback):
    """Feedback that also keeps every message (for the Details button).

    With ``pump_events`` (an algorithm running on the main thread) every
    progress step and message lets Qt process its pending events.
    """

    def __init__(self, pump_events: bool = False) -> None:
        super().__init__()
        self.lines: List[str] = []
        self.pump_events = pump_events
        if pump_events:
            self.progressChanged.connect(self._pump)

    def _pump(self, *args) -> None:
        QCoreApplication.processEvents()

    def pushInfo(self, info: str) -> None:
        self.lines.append(info)
        super().pushInfo(info)
        if self.pump_events:
            self._pump()

    def pushWarning(self, warning: str) -> None:
        self.lines.append(warning)
        super().pushWarning(warning)

    def reportError(self, error: str, fatalError: bool = False) -> None:  # noqa: N803 - Qt's name
        self.lines.append(error)
        super().reportError(error, fatalError)

    def pushDebugInfo(self, info: str) -> None:
        self.lines.append(info)
        super().pushDebugInfo(info)


class AlgorithmRunner(QObject):
    """Runs one algorithm at a time in the background.

    Signals:
        progressChanged(float): 0..100.
        finished(bool ok, dict results, str message, str log): in the main thread.
    """

    progressChanged = pyqtSignal(float)  # noqa: N815 - Qt signal naming
    finished = pyqtSignal(bool, dict, str, str)

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self.task: Optional[object] = None  # the QgsProcessingAlgRunnerTask, or self on the main thread
        self.context: Optional[QgsProcessingContext] = None
        self.feedback: Optional[_Feedback] = None
        self.algorithm = None
        self.alg_id = ""
        self.parameters: Dict[str, Any] = {}
        self.cancelled = False

    def is_running(self) -> bool:
        """True while a task is running."""
        return self.task is not None

    def start(self, alg_id: str, parameters: Dict[str, Any]) -> Optional[str]:
        """Start ``alg_id`` with ``parameters`` in the background.

        Parameters the algorithm does not declare are left out (so the dock
        works with algorithms whose optional parameters are still changing).

        Returns:
            None when started, else a translated reason (not registered, busy, bad parameters).
        """
        if self.task is not None:
            return tr("Another job is still running: wait for it or cancel it.")
        registry = QgsApplication.processingRegistry()
        algorithm = registry.createAlgorithmById(alg_id)
        if algorithm is None:
            return tr("The algorithm {id} is not available yet in this version of the plugin: it comes with a "
                      "later update.").format(id=alg_id)
        declared = {p.name() for p in algorithm.parameterDefinitions()}
        params = {key: value for key, value in parameters.items() if key in declared and value is not None}
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        here = main_thread_only(algorithm)
        feedback = _Feedback(pump_events=here)
        ok, message = algorithm.checkParameterValues(params, context)
        if not ok:
            return message or tr("Some parameters are missing or wrong.")
        self.algorithm, self.alg_id, self.parameters = algorithm, alg_id, params
        self.context, self.feedback, self.cancelled = context, feedback, False
        feedback.progressChanged.connect(self.progressChanged)
        record_in_history(algorithm, params, context)
        if here:
            self.task = self
            QTimer.singleShot(0, self._run_here)  # return first, so the dock shows it is busy
            return None
        task = QgsProcessingAlgRunnerTask(algorithm, params, context, feedback)
        task.executed.connect(self._executed)
        self.task = task
        QgsApplication.taskManager().addTask(task)
        return None

    def cancel(self) -> None:
        """Ask the running algorithm to stop (it checks ``feedback.isCanceled()``)."""
        if self.task is None:
            return
        self.cancelled = True
        if self.feedback is not None:
            self.feedback.cancel()
        if self.task is not self:
            self.task.cancel()

    def log_text(self) -> str:
        """Everything the running or last algorithm reported."""
        return "\n".join(self.feedback.lines) if self.feedback is not None else ""

    def _run_here(self) -> None:
        """Run a ``FlagNoThreading`` algorithm on the main thread (errors come back through the feedback)."""
        results, ok = {}, False
        if not self.cancelled:
            try:
                results, ok = self.algorithm.run(self.parameters, self.context, self.feedback)
            except Exception as error:  # noqa: BLE001 - reported like a failed task, never a traceback dialog
                self.feedback.reportError(str(error))
                results, ok = {}, False
        self._executed(bool(ok), results or {})

    def _executed(self, ok: bool, results: dict) -> None:
        log = self.log_text()
        if self.cancelled:
            ok, message = False, tr("Cancelled: no output was written.")
        elif ok:
            message = ""
        else:
            errors = [line for line in (self.feedback.lines if self.feedback else []) if line.strip()]
            message = errors[-1] if errors else tr("The algorithm {id} failed.").format(id=self.alg_id)
        self.task = None
        self.finished.emit(bool(ok), dict(results or {}), message, log)
