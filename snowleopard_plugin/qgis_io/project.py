"""A season in the project: its GeoPackage's layers loaded as one group of the layer tree."""

from __future__ import annotations

import os
from typing import Optional

from qgis.core import QgsLayerTreeGroup, QgsProject

from ..i18n import tr
from ..labels import layer_labels
from .layers import season_layer


def season_group_name(gpkg: str) -> str:
    """Title of a season's group in the layer tree."""
    return tr("Season {name}").format(name=os.path.splitext(os.path.basename(gpkg))[0])


def add_season_to_project(gpkg: str, project: Optional[QgsProject] = None) -> QgsLayerTreeGroup:
    """Load a season GeoPackage into the project as one group (replacing an older load of it)."""
    project = project or QgsProject.instance()
    root = project.layerTreeRoot()
    name = season_group_name(gpkg)
    old = root.findGroup(name)
    if old is not None:
        for layer_id in old.findLayerIds():
            project.removeMapLayer(layer_id)
        root.removeChildNode(old)
    group = root.insertGroup(0, name)
    titles = layer_labels()
    for layer_name in ("routes", "cameras", "detections", "observations", "validation"):
        layer = season_layer(gpkg, layer_name, titles[layer_name])
        if not layer.isValid():
            continue
        project.addMapLayer(layer, False)
        node = group.insertLayer(0, layer)
        node.setItemVisibilityChecked(layer_name != "validation" and layer.featureCount() > 0)
    return group
