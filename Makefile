# Snow Leopard Census QGIS plugin. `make demo` and `make test` set everything up.
# Each target does one thing and fails loudly.

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# The distribution's own Python: the one QGIS uses (not a pyenv or conda interpreter).
PYTHON := /usr/bin/python3
VENV := .venv
VPY := $(VENV)/bin/python
PLUGIN := snowleopard_plugin
VERSION := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP := dist/$(PLUGIN)-$(VERSION).zip
SAMPLE := resources/sample
DEMO_OUT ?= demo-output
QGIS_PROFILE ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
TS := i18n/$(PLUGIN)_ru.ts
QM := $(TS:.ts=.qm)
PY_SOURCES := $(shell find $(PLUGIN) -name '*.py' -not -path '*/__pycache__/*' | sort)
UI_SOURCES := $(shell find $(PLUGIN) -name '*.ui' | sort)
APT_PACKAGES := qgis qgis-providers python3-qgis python3-geopandas python3-rasterio python3-shapely \
	python3-scipy python3-matplotlib python3-venv gdal-bin xvfb xauth pyqt5-dev-tools qttools5-dev-tools \
	poppler-utils unzip
export QT_QPA_PLATFORM ?= offscreen

.PHONY: help deps apt venv sample translations ts helppages test test-core test-qgis demo package deploy lint clean

help:
	@echo "make demo   - set up and run the main job on the sample season (outputs in $(DEMO_OUT)/)"
	@echo "make test   - set up and run all tests"
	@echo "make package | deploy QGIS_PROFILE=... | translations | helppages | lint | clean"

deps: apt venv

# apt packages, installed only when missing (as root, or through sudo).
apt:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update; \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y --no-install-recommends $$missing; \
	fi

$(VPY):
	$(PYTHON) -m venv --system-site-packages $(VENV)

$(VENV)/.installed: requirements-dev.txt | $(VPY)
	$(VPY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

venv: apt $(VENV)/.installed
	@$(VPY) -c "import qgis.core, geopandas, rasterio, scipy, shapely" \
	  || { echo "The venv cannot see QGIS or the GIS stack: remove $(VENV) and run make deps"; exit 1; }

$(SAMPLE)/.generated: scripts/make_sample_season.py
	$(PYTHON) scripts/make_sample_season.py --out $(SAMPLE)
	touch $@

sample: deps $(SAMPLE)/.generated

# pylupdate5 → .ts (strings of the Python and .ui files), lrelease → .qm
ts: apt
	$(PYTHON) scripts/update_ts.py $(TS) $(PY_SOURCES) $(UI_SOURCES)

translations: ts
	lrelease -silent $(TS) -qm $(QM)

# resources/help/{en,ru}/<algorithm>.html from scripts/help_text.py and the algorithms' definitions
helppages: translations
	$(PYTHON) scripts/make_help.py

test: deps helppages sample
	$(VENV)/bin/pytest -p no:qgis tests/unit
	$(VENV)/bin/pytest tests/qgis

demo: deps helppages sample
	$(VPY) scripts/demo.py --sample $(SAMPLE) --out $(DEMO_OUT)

package: helppages sample
	$(PYTHON) scripts/package.py

deploy: package
	mkdir -p "$(QGIS_PROFILE)/python/plugins"
	rm -rf "$(QGIS_PROFILE)/python/plugins/$(PLUGIN)"
	unzip -q -o $(ZIP) -d "$(QGIS_PROFILE)/python/plugins"
	@echo "Deployed to $(QGIS_PROFILE)/python/plugins/$(PLUGIN)"

lint: venv
	$(VENV)/bin/ruff check .

clean:
	rm -rf dist $(DEMO_OUT) $(QM) $(SAMPLE)/.generated
	find resources/help -name "*.html" ! -name dock.html -delete
