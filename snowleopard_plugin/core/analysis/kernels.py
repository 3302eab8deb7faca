"""The kernels of QGIS's heatmap algorithm (quartic, triangular, uniform, triweight, Epanechnikov) with its decay
ratio, and their scaling: values per point at a distance (metres) from it, in the units of the radius.
"""

from __future__ import annotations

import math
from typing import Tuple, Union

import numpy as np

from ..exceptions import QT_TR_NOOP, ParameterError

#: Kernel codes, in QGIS's order.
QUARTIC, TRIANGULAR, UNIFORM, TRIWEIGHT, EPANECHNIKOV = range(5)
KERNEL_NAMES: Tuple[str, ...] = ("quartic", "triangular", "uniform", "triweight", "epanechnikov")


# ----------------------------------------------------------------------------------------------
# Kernels
# ----------------------------------------------------------------------------------------------

def _check_kernel(kernel: int, decay: float) -> None:
    if kernel not in range(5):
        raise ParameterError(QT_TR_NOOP("Unknown kernel {kernel}: use 0 quartic, 1 triangular, 2 uniform, "
                                        "3 triweight or 4 Epanechnikov."), kernel=kernel)
    if not math.isfinite(decay) or decay < 0:
        raise ParameterError(QT_TR_NOOP("The decay ratio {decay} cannot be normalised: use a decay of 0 or more "
                                        "(0 = cone, 1 = flat disc)."), decay=decay)


def kernel_value(distance: np.ndarray, radius: Union[float, np.ndarray], kernel: int = QUARTIC,
                 decay: float = 0.0) -> np.ndarray:
    """The normalised kernel (per m²) at the given distances (m); 0 beyond the radius.

    Args:
        distance: distances from the point (m), any shape.
        radius: kernel radius (m), scalar or broadcastable to ``distance``.
        kernel: 0 quartic, 1 triangular, 2 uniform, 3 triweight, 4 Epanechnikov (QGIS's order).
        decay: the triangular kernel's value at the radius relative to its centre (QGIS's decay ratio).

    Returns:
        Kernel values per m²; each kernel integrates to 1 over the plane.
    """
    _check_kernel(kernel, decay)
    d = np.asarray(distance, dtype=np.float64)
    r = np.asarray(radius, dtype=np.float64)
    u = d / r
    inside = u <= 1.0
    u2 = np.minimum(u, 1.0) ** 2
    area = math.pi * r * r
    if kernel == QUARTIC:
        val = 3.0 / area * (1.0 - u2) ** 2
    elif kernel == TRIANGULAR:
        val = 3.0 / ((1.0 + 2.0 * decay) * area) * (1.0 - (1.0 - decay) * np.minimum(u, 1.0))
    elif kernel == UNIFORM:
        val = 1.0 / area * np.ones_like(u)
    elif kernel == TRIWEIGHT:
        val = 4.0 / area * (1.0 - u2) ** 3
    else:
        val = 2.0 / area * (1.0 - u2)
    return np.where(inside, val, 0.0)


def _parts(radius: Union[float, np.ndarray], kernel: int, decay: float) -> Tuple[np.ndarray, np.ndarray]:
    """Heights (per m²) of the disc and paraboloid parts of a kernel: K = J disc + P (1 - u²) disc + S.

    The remainder S is C1 at the radius (no step, no kink there), so linear binning + FFT handle it
    accurately; the disc and the paraboloid are summed exactly row by row (see :func:`_rows_exact`).
    The triangular kernel's continuous part uses 1 - u = (1 - u)²/2 + (1 - u²)/2.
    """
    r = np.asarray(radius, dtype=np.float64)
    area = math.pi * r * r
    zero = 0.0 * area
    if kernel == UNIFORM:
        return 1.0 / area, zero
    if kernel == EPANECHNIKOV:
        return zero, 2.0 / area
    if kernel == TRIANGULAR:
        k = 3.0 / ((1.0 + 2.0 * decay) * area)
        return k * decay, k * (1.0 - decay) / 2.0
    return zero, zero


def _smooth_value(d: np.ndarray, radius: Union[float, np.ndarray], kernel: int, decay: float) -> np.ndarray:
    """The kernel minus its disc and paraboloid parts (per m²): 0 with zero slope at the radius."""
    r = np.asarray(radius, dtype=np.float64)
    u = np.minimum(np.asarray(d, dtype=np.float64) / r, 1.0)
    area = math.pi * r * r
    if kernel == QUARTIC:
        val = 3.0 / area * (1.0 - u * u) ** 2
    elif kernel == TRIWEIGHT:
        val = 4.0 / area * (1.0 - u * u) ** 3
    elif kernel == TRIANGULAR:
        val = 3.0 * (1.0 - decay) / ((1.0 + 2.0 * decay) * area) * (1.0 - u) ** 2 / 2.0
    else:
        val = 0.0 * u
    return np.where(d <= r, val, 0.0)


def _has_smooth_part(kernel: int) -> bool:
    return kernel in (QUARTIC, TRIANGULAR, TRIWEIGHT)


# ----------------------------------------------------------------------------------------------
