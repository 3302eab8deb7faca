"""Write the algorithms' help pages: resources/help/{en,ru}/<algorithm name>.html and index.html.

Usage: make helppages   (or QT_QPA_PLATFORM=offscreen python3 scripts/make_help.py after make translations)

Each page has the hand-written text of scripts/help_text.py (what the algorithm is for, the method in brief,
the docs/ page), the algorithm's own help text, and tables of its parameters (description, key, unit,
default, advanced or not) and outputs made from its definitions, in English and, through the compiled
translation, in Russian. The pages are build products (``make helppages``, run by ``make test``, ``make demo``
and ``make package``; not committed), so they always follow the definitions; tests/qgis/test_help_pages.py fails when a
page no longer names every parameter and its default. The dock's page (dock.html) is written by hand.
"""

from __future__ import annotations

import html
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)
sys.path.insert(0, os.path.join(ROOT, "scripts"))
HELP = os.path.join(ROOT, "resources", "help")
REPOSITORY = "https://github.com/snowleopard-census/snowleopard-qgis/blob/main/"

WORDS = {
    "en": {
        "title": "Snow Leopard Census", "method": "Method in brief", "details": "In detail", "params": "Parameters",
        "outputs": "Outputs", "more": "More", "description": "Parameter", "key": "Key", "unit": "Type and unit",
        "default": "Default", "advanced": "advanced", "optional": "optional", "none": "—", "yes": "yes",
        "no": "no", "all": "All algorithms", "dock": "The season dock", "id": "Algorithm id",
        "docs": "The full method, with tests and benchmarks, is in <a href=\"{rel}\"><code>{path}</code></a> of the "
                "plugin's repository (<a href=\"{url}\">on GitHub</a>); that page is not part of the installed "
                "plugin.",
        "advanced_note": "Parameters marked <em>advanced</em> are under “Advanced parameters” in the dialog; their "
                         "defaults suit most parks.",
        "outputs_note": "Numbers can be used by the next algorithm of a model (Graphical Modeler) and are printed "
                        "by <code>qgis_process run</code>.",
        "report_language": "ru when QGIS runs in Russian, else en",
        "index_intro": "Processing algorithms of the Snow Leopard Census plugin (provider <code>snowleopard</code>), "
                       "in the order of the season workflow.",
    },
    "ru": {
        "title": "Учёт снежного барса", "method": "Метод вкратце", "details": "Подробно", "params": "Параметры",
        "outputs": "Результаты", "more": "Дополнительно", "description": "Параметр", "key": "Ключ",
        "unit": "Тип и единицы", "default": "По умолчанию", "advanced": "дополнительный",
        "optional": "необязательный", "none": "—", "yes": "да", "no": "нет", "all": "Все алгоритмы",
        "dock": "Панель сезона", "id": "Идентификатор алгоритма",
        "docs": "Полное описание метода, с тестами и замерами скорости, — в файле <a href=\"{rel}\"><code>{path}"
                "</code></a> репозитория модуля (<a href=\"{url}\">на GitHub</a>); в установленный модуль он не "
                "входит.",
        "advanced_note": "Параметры с пометкой <em>дополнительный</em> находятся в разделе «Дополнительные "
                         "параметры» окна алгоритма; значения по умолчанию подходят большинству парков.",
        "outputs_note": "Числа можно передавать следующему алгоритму модели (графический моделер); их также "
                        "выводит <code>qgis_process run</code>.",
        "report_language": "ru, если QGIS работает на русском, иначе en",
        "index_intro": "Алгоритмы Processing модуля «Учёт снежного барса» (поставщик <code>snowleopard</code>) в "
                       "порядке работы с сезоном.",
    },
}

#: Type and unit of a parameter, by its type() (distance parameters are always metres).
KINDS = {
    "en": {"source": "vector layer", "vector": "vector layer", "raster": "raster layer", "layer": "layer",
           "multilayer": "files", "number": "number", "distance": "distance, m", "enum": "choice",
           "boolean": "yes / no", "string": "text", "field": "field", "datetime": "date", "extent": "extent",
           "crs": "CRS", "file": "file", "sink": "vector output", "rasterDestination": "raster output (GeoTIFF)",
           "folderDestination": "folder", "fileDestination": "file output", "integer": "whole number"},
    "ru": {"source": "векторный слой", "vector": "векторный слой", "raster": "растровый слой", "layer": "слой",
           "multilayer": "файлы", "number": "число", "distance": "расстояние, м", "enum": "выбор",
           "boolean": "да / нет", "string": "текст", "field": "поле", "datetime": "дата", "extent": "охват",
           "crs": "система координат", "file": "файл", "sink": "векторный результат",
           "rasterDestination": "растровый результат (GeoTIFF)", "folderDestination": "папка",
           "fileDestination": "файл результата", "integer": "целое число"},
}
OUTPUT_KINDS = {
    "en": {"outputNumber": "number", "outputString": "text", "outputRaster": "raster", "outputVector": "vector layer",
           "outputFolder": "folder", "outputFile": "file", "outputLayer": "layer"},
    "ru": {"outputNumber": "число", "outputString": "текст", "outputRaster": "растр", "outputVector": "векторный слой",
           "outputFolder": "папка", "outputFile": "файл", "outputLayer": "слой"},
}

#: Unit of each numeric parameter, by key (distance parameters say metres by their type).
UNITS = {
    "DECAY": ("ratio", "отношение"), "MIN_EFFORT_KM": ("km", "км"), "VRM_WINDOW": ("cells", "ячейки"),
    "RIDGE_TPI_MIN": ("m", "м"), "HABITAT_SCALE": ("divisor", "делитель"),
    "ELEV_MIN": ("m", "м"), "ELEV_OPT_MIN": ("m", "м"), "ELEV_OPT_MAX": ("m", "м"), "ELEV_MAX": ("m", "м"),
    "SLOPE_MIN": ("degrees", "градусы"), "SLOPE_OPT": ("degrees", "градусы"),
    "VRM_MIN": ("VRM, 0–1", "VRM, 0–1"), "VRM_OPT": ("VRM, 0–1", "VRM, 0–1"),
    "VRM_FLOOR": ("score, 0–1", "оценка, 0–1"), "RIDGE_FLOOR": ("score, 0–1", "оценка, 0–1"),
    "RIDGE_NEAR": ("m", "м"), "RIDGE_FAR": ("m", "м"),
    "WEIGHT_ELEV": ("weight", "вес"), "WEIGHT_SLOPE": ("weight", "вес"), "WEIGHT_RUGGEDNESS": ("weight", "вес"),
    "WEIGHT_RIDGE": ("weight", "вес"), "MIN_AREA": ("km²", "км²"), "THRESHOLD": ("suitability, 0–1",
                                                                               "пригодность, 0–1"),
    "BUDGET_KM": ("km", "км"), "MAX_DAY_KM": ("km", "км"), "TEAMS": ("teams", "группы"),
    "GAP_WEIGHT": ("factor", "множитель"), "N_STATIONS": ("stations", "станции"),
    "SEGMENT_KM": ("km", "км"), "GENERALISE_CELL_M": ("m", "м"), "OCCASION_DAYS": ("days", "сутки"),
}

def format_number(value) -> str:
    """A default number as a user types it: 2000, 0.5, 0.01."""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    return repr(value)


def default_text(parameter, words) -> str:
    """The default of ``parameter`` as HTML (the machine value in <code>, plus the label of a choice)."""
    value = parameter.defaultValue()
    kind = parameter.type()
    if parameter.name() == "LANGUAGE":
        return f"<code>ru</code> / <code>en</code> ({html.escape(words['report_language'])})"
    if value is None or value == "":
        return words["none"]
    if kind == "boolean":
        return f"{words['yes'] if value else words['no']} (<code>{bool(value)}</code>)"
    if kind == "enum":
        options = parameter.options()
        index = int(value)
        label = options[index] if 0 <= index < len(options) else ""
        return f"<code>{index}</code> — {html.escape(label)}"
    if kind in ("number", "distance"):
        return f"<code>{format_number(value)}</code>"
    return f"<code>{html.escape(str(value))}</code>"


def kind_text(parameter, language) -> str:
    kind = parameter.type()
    if kind == "number":
        from qgis.core import QgsProcessingParameterNumber

        if parameter.dataType() == QgsProcessingParameterNumber.Integer:
            kind = "integer"
        unit = UNITS.get(parameter.name())
        if unit:
            return f"{KINDS[language][kind]}, {unit[0 if language == 'en' else 1]}"
    return KINDS[language].get(kind, kind)


def paragraphs(text: str) -> str:
    return "\n".join(f"<p>{html.escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def render(algorithm, language: str) -> str:
    """The help page of ``algorithm`` in ``language`` (the translator for it must be installed)."""
    from help_text import DOCS, TEXT

    from snowleopard_plugin.processing.base import is_advanced

    words = WORDS[language]
    name = algorithm.name()
    text = TEXT[name][language]
    rows = []
    for parameter in algorithm.parameterDefinitions():
        if parameter.isDestination():
            continue
        notes = []
        if is_advanced(parameter):
            notes.append(words["advanced"])
        if parameter.flags() & _optional_flag():
            notes.append(words["optional"])
        note = f' <span class="adv">({", ".join(notes)})</span>' if notes else ""
        rows.append(f"<tr><td>{html.escape(parameter.description())}{note}</td><td><code>{parameter.name()}</code>"
                    f"</td><td>{html.escape(kind_text(parameter, language))}</td>"
                    f"<td>{default_text(parameter, words)}</td></tr>")
    outputs = []
    for parameter in algorithm.destinationParameterDefinitions():
        optional = parameter.flags() & _optional_flag()
        note = f' <span class="adv">({words["optional"]})</span>' if optional else ""
        outputs.append(f"<tr><td>{html.escape(parameter.description())}{note}</td><td><code>{parameter.name()}"
                       f"</code></td><td>{html.escape(kind_text(parameter, language))}</td></tr>")
    destinations = {p.name() for p in algorithm.destinationParameterDefinitions()}
    for output in algorithm.outputDefinitions():
        if output.name() in destinations:
            continue
        outputs.append(f"<tr><td>{html.escape(output.description())}</td><td><code>{output.name()}</code></td>"
                       f"<td>{html.escape(OUTPUT_KINDS[language].get(output.type(), output.type()))}</td></tr>")
    docs = DOCS[name]
    rel = "../../../" + docs
    method = "\n".join(f"<p>{html.escape(p)}</p>" for p in text["method"])
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{html.escape(algorithm.displayName())} — {words['title']}</title>
<link rel="stylesheet" href="../help.css">
</head>
<body>
<p class="nav"><a href="index.html">{words['all']}</a> · <a href="dock.html">{words['dock']}</a></p>
<h1>{html.escape(algorithm.displayName())}</h1>
<p class="id">{words['id']}: <code>snowleopard:{name}</code> · {html.escape(algorithm.group())}</p>
<p>{html.escape(text['intro'])}</p>
<h2>{words['method']}</h2>
{method}
<h2>{words['details']}</h2>
{paragraphs(algorithm.shortHelpString())}
<h2>{words['params']}</h2>
<table>
<tr><th>{words['description']}</th><th>{words['key']}</th><th>{words['unit']}</th><th>{words['default']}</th></tr>
{chr(10).join(rows)}
</table>
<p>{words['advanced_note']}</p>
<h2>{words['outputs']}</h2>
<table>
<tr><th>{words['description']}</th><th>{words['key']}</th><th>{words['unit']}</th></tr>
{chr(10).join(outputs)}
</table>
<p>{words['outputs_note']}</p>
<h2>{words['more']}</h2>
<p>{words['docs'].format(rel=rel, path=docs, url=REPOSITORY + docs)}</p>
</body>
</html>
"""


def _optional_flag():
    try:
        from qgis.core import Qgis

        return Qgis.ProcessingParameterFlag.Optional
    except (ImportError, AttributeError):
        from qgis.core import QgsProcessingParameterDefinition

        return QgsProcessingParameterDefinition.FlagOptional


def index(algorithms, language: str) -> str:
    words = WORDS[language]
    items = "\n".join(f'<li><a href="{a.name()}.html">{html.escape(a.displayName())}</a> '
                      f'<code>snowleopard:{a.name()}</code></li>' for a in algorithms)
    return f"""<!DOCTYPE html>
<html lang="{language}">
<head>
<meta charset="utf-8">
<title>{words['all']} — {words['title']}</title>
<link rel="stylesheet" href="../help.css">
</head>
<body>
<p class="nav"><a href="dock.html">{words['dock']}</a></p>
<h1>{words['title']}: {words['all'].lower()}</h1>
<p>{words['index_intro']}</p>
<ul>
{items}
</ul>
</body>
</html>
"""


def main() -> None:
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from snowleopard_plugin import i18n
    from snowleopard_plugin.processing.provider import SnowLeopardProvider

    for language in ("en", "ru"):
        if language != "en" and i18n.install_translator(language) is None:
            sys.exit(f"No compiled translation for {language}: run 'make translations' first")
        algorithms = SnowLeopardProvider.algorithms_list()
        for algorithm in algorithms:
            algorithm.initAlgorithm()
        folder = os.path.join(HELP, language)
        os.makedirs(folder, exist_ok=True)
        for algorithm in algorithms:
            with open(os.path.join(folder, f"{algorithm.name()}.html"), "w", encoding="utf-8") as handle:
                handle.write(render(algorithm, language))
        with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as handle:
            handle.write(index(algorithms, language))
        i18n.remove_translator()
        print(f"{folder}: {len(algorithms)} pages")
    app.exitQgis()


if __name__ == "__main__":
    main()
