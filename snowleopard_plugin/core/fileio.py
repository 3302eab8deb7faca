"""Writing outputs so that no half-written file is ever left behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from typing import Iterator

from .exceptions import QT_TR_NOOP, InputError


@contextlib.contextmanager
def atomic_output(path: str) -> Iterator[str]:
    """Yield a temporary path beside ``path``; move it onto ``path`` on success.

    The temporary file lives in the output's own folder (so the final
    ``os.replace`` is atomic on one file system) and keeps the output's
    extension (so GDAL/OGR pick the right driver from it). On any exception,
    including :class:`~.exceptions.Cancelled`, the temporary file and its
    GDAL side files are removed and an existing ``path`` is left untouched.

    Raises:
        InputError: when the output folder does not exist or is not writable.
    """
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder):
        raise InputError(QT_TR_NOOP("The output folder {folder} does not exist."), folder=folder)
    if not os.access(folder, os.W_OK):
        raise InputError(QT_TR_NOOP("Cannot write to the folder {folder}: choose another output path."), folder=folder)
    stem, ext = os.path.splitext(os.path.basename(path))
    handle, tmp = tempfile.mkstemp(prefix=f".{stem}.", suffix=f".part{ext}", dir=folder)
    os.close(handle)
    os.remove(tmp)  # writers (GDAL, OGR) want to create the file themselves
    try:
        yield tmp
        os.replace(tmp, path)
    finally:
        for leftover in (tmp, tmp + "-journal", tmp + "-wal", tmp + "-shm", tmp + ".aux.xml"):
            if os.path.exists(leftover):
                os.remove(leftover)
