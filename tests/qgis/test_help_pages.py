"""Help pages: one per algorithm in English and Russian, naming every parameter and its default; helpUrl opens
the page in QGIS's language."""

import html
import os
import re
from urllib.parse import urlparse
from urllib.request import url2pathname

import pytest
from qgis.core import QgsSettings

from snowleopard_plugin import i18n
from snowleopard_plugin.processing.provider import SnowLeopardProvider

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HELP = os.path.join(ROOT, "resources", "help")
LANGUAGES = ("en", "ru")


def _algorithms():
    algorithms = SnowLeopardProvider.algorithms_list()
    for algorithm in algorithms:
        algorithm.initAlgorithm()
    return algorithms


def _text(path):
    with open(path, encoding="utf-8") as handle:
        return html.unescape(re.sub(r"<[^>]+>", " ", handle.read()))


def _number(value):
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)


def _defaults(parameter):
    """Ways a page may write the default of ``parameter`` (None: it has none to write)."""
    value = parameter.defaultValue()
    if value is None or value == "":
        return None
    kind = parameter.type()
    if kind == "boolean":
        return {str(bool(value))}
    if kind in ("number", "distance", "enum"):
        return {_number(value)}
    return {str(value)}


@pytest.fixture(scope="module")
def definitions(qgis_app):
    """Each algorithm's definitions in English and, with the Russian translation loaded, in Russian."""
    english = _algorithms()
    try:
        assert i18n.install_translator("ru") is not None
        russian = _algorithms()
    finally:
        i18n.remove_translator()
    return {"en": english, "ru": russian}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_algorithm_has_a_page_naming_each_parameter_and_default(definitions, language):
    for algorithm, other in zip(definitions[language], definitions["en"]):
        path = os.path.join(HELP, language, f"{algorithm.name()}.html")
        assert os.path.exists(path), f"{path} missing: make helppages writes it"
        text = _text(path)
        with open(path, encoding="utf-8") as handle:
            page = handle.read()
        assert f"snowleopard:{algorithm.name()}" in text
        for parameter, english in zip(algorithm.parameterDefinitions(), other.parameterDefinitions()):
            named = parameter.name() in text or parameter.description() in text
            assert named, (path, parameter.name())
            if parameter.isDestination():
                continue
            # the parameter's row of the table: description, key, type and unit, default
            row = re.search(r"<tr><td>([^\n]*?)</td><td><code>" + re.escape(parameter.name()) + r"</code></td>"
                            r"<td>([^<]*)</td><td>(.*?)</td></tr>", page)
            assert row, (path, parameter.name())
            assert html.unescape(row.group(1)).startswith(parameter.description()), (path, parameter.name())
            assert row.group(2).strip(), (path, parameter.name())  # type and unit
            expected = _defaults(parameter)
            if expected is None:
                continue
            default = html.unescape(re.sub(r"<[^>]+>", "", row.group(3)))
            assert any(value in default for value in expected | (_defaults(english) or set())), (
                path, parameter.name(), expected, default)
        for output in algorithm.outputDefinitions():
            assert output.name() in text, (path, output.name())


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_link_the_docs_and_say_the_method(language):
    for algorithm in SnowLeopardProvider.algorithms_list():
        with open(os.path.join(HELP, language, f"{algorithm.name()}.html"), encoding="utf-8") as handle:
            page = handle.read()
        assert f'<html lang="{language}">' in page
        assert re.search(r'href="\.\./\.\./\.\./(docs/\w+\.md|README\.md)"', page), algorithm.name()
        linked = re.search(r'href="\.\./\.\./\.\./([^"]+)"', page).group(1)
        assert os.path.exists(os.path.join(ROOT, linked)), linked
        assert '<h2>' in page and page.count("<p>") >= 4
        if language == "ru":
            body = _text(os.path.join(HELP, language, f"{algorithm.name()}.html"))
            assert len(re.findall("[а-яё]", body)) > 0.5 * len(re.findall("[a-z]", body)), algorithm.name()


@pytest.mark.parametrize("language", LANGUAGES)
def test_dock_page_describes_the_five_pages(language):
    text = _text(os.path.join(HELP, language, "dock.html"))
    pages = (("Data", "Heatmaps", "Coverage & gaps", "Plan", "Report") if language == "en" else
             ("Данные", "Тепловые карты", "Охват и пробелы", "План", "Отчёт"))
    position = -1
    for name in pages:
        assert name in text, name
        assert text.index(name) > position  # in the workflow's order
        position = text.index(name)
    for algorithm in SnowLeopardProvider.algorithms_list():
        with open(os.path.join(HELP, language, "dock.html"), encoding="utf-8") as handle:
            assert f'href="{algorithm.name()}.html"' in handle.read(), algorithm.name()


@pytest.mark.parametrize("locale, language", [("ru_RU", "ru"), ("en_GB", "en"), ("de_DE", "en")])
def test_help_url_opens_the_page_in_qgis_language(qgis_app, locale, language):
    settings = QgsSettings()
    old_flag = settings.value("locale/overrideFlag")
    old_locale = settings.value("locale/userLocale")
    try:
        settings.setValue("locale/overrideFlag", True)
        settings.setValue("locale/userLocale", locale)
        for algorithm in _algorithms():
            url = algorithm.helpUrl()
            assert url.startswith("file://"), (algorithm.name(), url)
            path = url2pathname(urlparse(url).path)
            assert os.path.exists(path), path
            assert os.path.basename(path) == f"{algorithm.name()}.html"
            assert os.path.basename(os.path.dirname(path)) == language  # German falls back to English
            assert algorithm.shortHelpString().strip()
    finally:
        settings.setValue("locale/overrideFlag", old_flag)
        settings.setValue("locale/userLocale", old_locale)


def test_dock_help_exists_in_both_languages():
    from snowleopard_plugin.help import help_path

    for language in LANGUAGES:
        assert help_path("dock", language).endswith(os.path.join(language, "dock.html"))
