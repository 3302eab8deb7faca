"""The Russian translation is compiled, loads, and is complete."""

import os
import re

from qgis.core import QgsSettings
from qgis.PyQt.QtCore import QLocale

from snowleopard_plugin import i18n

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TS = os.path.join(ROOT, "i18n", "snowleopard_plugin_ru.ts")


def test_qm_loads_and_translates_to_russian():
    try:
        path = i18n.install_translator("ru")
        assert path is not None and path.endswith("snowleopard_plugin_ru.qm")
        assert i18n.tr("Snow leopard census") == "Учёт снежного барса"
        assert i18n.tr("Import census season") == "Импорт данных учётного сезона"
    finally:
        i18n.remove_translator()
    assert i18n.tr("Snow leopard census") == "Snow leopard census"


def test_core_error_templates_are_translated():
    from snowleopard_plugin.core.exceptions import QT_TR_NOOP, InputError

    error = InputError(QT_TR_NOOP("Cannot read the raster {path}: {reason}"), path="dem.tif", reason="truncated")
    try:
        i18n.install_translator("ru")
        text = i18n.tr_error(error)
    finally:
        i18n.remove_translator()
    assert "dem.tif" in text and "truncated" in text
    assert re.search("[а-яА-Я]", text), text


def test_every_string_is_translated():
    with open(TS, encoding="utf-8") as handle:
        text = handle.read()
    messages = re.findall(r"<message>(.*?)</message>", text, re.S)
    assert messages, "no strings extracted"
    unfinished = [re.search(r"<source>(.*?)</source>", m, re.S).group(1) for m in messages
                  if 'type="unfinished"' in m or "<translation></translation>" in m]
    assert unfinished == [], f"{len(unfinished)} strings not translated, e.g. {unfinished[:5]}"


def test_locale_from_settings_with_fallback():
    settings = QgsSettings()
    old_flag = settings.value("locale/overrideFlag")
    old_locale = settings.value("locale/userLocale")
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "ru_RU")
        assert i18n.user_locale() == "ru"
        # no override: QGIS follows the system locale, and so does the plugin
        settings.setValue("locale/overrideFlag", False)
        settings.setValue("locale/userLocale", "de_DE")
        QLocale.setDefault(QLocale("ru_RU"))
        assert i18n.user_locale() == "ru"
        # override set but empty, system locale "C": English, never an error
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", "")
        QLocale.setDefault(QLocale.c())
        assert i18n.user_locale() == "en"
    finally:
        settings.setValue("locale/overrideFlag", old_flag)
        settings.setValue("locale/userLocale", old_locale)
        QLocale.setDefault(QLocale.system())


def test_unknown_language_loads_nothing():
    assert i18n.install_translator("xx") is None
    assert i18n.tr("Snow leopard census") == "Snow leopard census"
