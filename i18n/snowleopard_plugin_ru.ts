<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>SnowLeopard</name>
    <message>
        <location filename="../snowleopard_plugin/core/crs.py" line="27"/>
        <source>Not a longitude/latitude pair: {lon}, {lat}</source>
        <translation>Это не пара «долгота/широта»: {lon}, {lat}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/crs.py" line="29"/>
        <source>Latitude {lat} is outside the UTM zones (80°S to 84°N); give a CRS explicitly.</source>
        <translation>Широта {lat} лежит вне зон UTM (от 80° ю. ш. до 84° с. ш.); укажите систему координат явно.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="189"/>
        <source>Cancelled by the user.</source>
        <translation>Отменено пользователем.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/fileio.py" line="28"/>
        <source>The output folder {folder} does not exist.</source>
        <translation>Выходная папка {folder} не существует.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/fileio.py" line="30"/>
        <source>Cannot write to the folder {folder}: choose another output path.</source>
        <translation>Нет доступа на запись в папку {folder}: выберите другой путь для результата.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/raster.py" line="106"/>
        <source>Cannot read the raster {path}: {reason}</source>
        <translation>Не удалось прочитать растр {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/raster.py" line="108"/>
        <source>The raster {path} has rotated or non-square pixels; warp it to a north-up grid with square cells first.</source>
        <translation>Растр {path} повёрнут или имеет неквадратные пиксели; сначала перепроецируйте его в сетку, ориентированную на север, с квадратными ячейками.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/raster.py" line="111"/>
        <source>The raster {path} is in geographic coordinates (degrees); reproject it to a metric CRS such as the UTM zone of the park.</source>
        <translation>Растр {path} в географических координатах (градусах); перепроецируйте его в метрическую систему координат, например в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="18"/>
        <source>Paw-print trail</source>
        <translation>Следовая дорожка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="19"/>
        <source>Scrape</source>
        <translation>Поскрёб</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="20"/>
        <source>Scat</source>
        <translation>Экскременты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="21"/>
        <source>Scent mark</source>
        <translation>Мочевая метка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="22"/>
        <source>Mating call</source>
        <translation>Брачный крик</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="23"/>
        <source>Sighting</source>
        <translation>Визуальная встреча</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="24"/>
        <source>Prey remains</source>
        <translation>Остатки добычи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="25"/>
        <source>Other sign</source>
        <translation>Другой признак</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="256"/>
        <source>Routes</source>
        <translation>Маршруты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="33"/>
        <source>Signs and calls</source>
        <translation>Следы и крики</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="131"/>
        <source>Camera stations</source>
        <translation>Фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="35"/>
        <source>Camera detections</source>
        <translation>Регистрации фотоловушек</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="277"/>
        <source>Import validation</source>
        <translation>Проверка импорта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="42"/>
        <source>Information</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="42"/>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="42"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/plugin.py" line="40"/>
        <source>Snow Leopard Census needs these Python packages: {names}. Install them with: {hint}</source>
        <translation>Модулю «Учёт снежного барса» нужны пакеты Python: {names}. Установите их командой: {hint}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/plugin.py" line="89"/>
        <source>Snow Leopard Census</source>
        <translation>Учёт снежного барса</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/plugin.py" line="61"/>
        <source>Open the snow leopard census season workflow</source>
        <translation>Открыть панель учётного сезона снежного барса</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/plugin.py" line="68"/>
        <source>Help on missing Python packages</source>
        <translation>Справка о недостающих пакетах Python</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/plugin.py" line="79"/>
        <source>&amp;Snow Leopard Census</source>
        <translation>&amp;Учёт снежного барса</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/plugin.py" line="98"/>
        <source>Python packages missing: {names}. The analyses are disabled until you install them: {hint}</source>
        <translation>Не хватает пакетов Python: {names}. Анализ недоступен, пока они не установлены: {hint}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/plugin.py" line="108"/>
        <source>Missing: {names}.

Install with:
{hint}

Then restart QGIS.</source>
        <translation>Не хватает: {names}.

Установите командой:
{hint}

Затем перезапустите QGIS.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/plugin.py" line="111"/>
        <source>All the Python packages the plugin needs are installed.</source>
        <translation>Все нужные модулю пакеты Python установлены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="44"/>
        <source>Import census season</source>
        <translation>Импорт данных учётного сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="47"/>
        <source>Season data</source>
        <translation>Данные сезона</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="44"/>
        <source>Reads the season&apos;s field files and writes one season GeoPackage with the layers routes, observations, cameras, detections and validation, in the UTM zone of the data (or the CRS you choose).

Routes: GPX tracks (Garmin, phones, OsmAnd, Locus), KML/KMZ, GeoJSON, GeoPackage, Shapefile.
Observations: sign tables (CSV or text from a spreadsheet, UTF-8 or cp1251, Russian or English headers, coordinates in degrees, degrees-minutes or degrees-minutes-seconds), GPX waypoints, NextGIS exports.
Cameras: a Camtrap DP datapackage.json (its animal observations become detections), a secr traps file, or a station table. Detections: a secr capture file or a detection table.

Everything that was fixed, flagged or rejected is listed in the validation layer. Input files are never changed; on error no GeoPackage is left behind.</source>
        <translation type="obsolete">Читает полевые файлы сезона и записывает один GeoPackage сезона со слоями routes (маршруты), observations (следы и встречи), cameras (фотоловушки), detections (регистрации) и validation (проверка) в зоне UTM данных (или в выбранной вами системе координат).

Маршруты: GPX-треки (Garmin, телефоны, OsmAnd, Locus), KML/KMZ, GeoJSON, GeoPackage, Shapefile.
Наблюдения: таблицы следов (CSV или текст из электронной таблицы, UTF-8 или cp1251, русские или английские заголовки, координаты в градусах, градусах и минутах или градусах, минутах и секундах), путевые точки GPX, выгрузки NextGIS.
Фотоловушки: datapackage.json формата Camtrap DP (его регистрации животных становятся регистрациями), файл ловушек secr или таблица точек. Регистрации: файл поимок secr или таблица регистраций.

Всё, что было исправлено, отмечено или отброшено, перечислено в слое проверки. Исходные файлы не изменяются; при ошибке GeoPackage не остаётся.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="65"/>
        <source>Route files (GPX, KML/KMZ, GeoJSON, GeoPackage, Shapefile)</source>
        <translation>Файлы маршрутов (GPX, KML/KMZ, GeoJSON, GeoPackage, Shapefile)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="65"/>
        <source>Sign observation files (CSV, text, GPX waypoints, GeoJSON)</source>
        <translation>Файлы регистраций следов (CSV, текст, путевые точки GPX, GeoJSON)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="65"/>
        <source>Camera files (Camtrap DP datapackage.json, secr traps, station table)</source>
        <translation>Файлы фотоловушек (datapackage.json Camtrap DP, ловушки secr, таблица точек)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="65"/>
        <source>Detection files (secr capture file, detection table)</source>
        <translation>Файлы регистраций (файл поимок secr, таблица регистраций)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="72"/>
        <source>Metric CRS (default: UTM zone of the data)</source>
        <translation>Метрическая система координат (по умолчанию зона UTM данных)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="74"/>
        <source>DEM for surface distances</source>
        <translation>ЦМР для расстояний по поверхности</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="71"/>
        <source>Season GeoPackage</source>
        <translation>GeoPackage сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="71"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="80"/>
        <source>Observations</source>
        <translation>Наблюдения</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="80"/>
        <source>Cameras</source>
        <translation>Фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="181"/>
        <source>Detections</source>
        <translation>Регистрации</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="80"/>
        <source>Validation rows</source>
        <translation>Записи проверки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="91"/>
        <source>Give at least one field file: routes, observations, cameras or detections.</source>
        <translation>Укажите хотя бы один полевой файл: маршруты, наблюдения, фотоловушки или регистрации.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="96"/>
        <source>The file {path} does not exist.</source>
        <translation>Файл {path} не существует.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="103"/>
        <source>The CRS {crs} is geographic (degrees); choose a metric CRS such as the UTM zone of the park.</source>
        <translation>Система координат {crs} географическая (градусы); выберите метрическую, например зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="122"/>
        <source>Season CRS: EPSG:{epsg}</source>
        <translation>Система координат сезона: EPSG:{epsg}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="124"/>
        <source>{layer}: {count}</source>
        <translation>{layer}: {count}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/base.py" line="315"/>
        <source>Not enough memory for this job: use a larger pixel size or a smaller extent.</source>
        <translation>Не хватает памяти: увеличьте размер пикселя или уменьшите охват.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/provider.py" line="19"/>
        <source>Snow leopard census</source>
        <translation>Учёт снежного барса</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/provider.py" line="22"/>
        <source>Snow leopard census {version}</source>
        <translation>Учёт снежного барса {version}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="83"/>
        <source>Team not recorded</source>
        <translation>Группа не указана</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="531"/>
        <source>Snow Leopard Census default style</source>
        <translation>Стиль модуля «Учёт снежного барса» по умолчанию</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="143"/>
        <source>Could not save the style of {layer}: {reason}</source>
        <translation>Не удалось сохранить стиль слоя {layer}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/project.py" line="17"/>
        <source>Season {name}</source>
        <translation>Сезон {name}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/read.py" line="261"/>
        <source>Cannot read {path}: {reason}</source>
        <translation>Не удалось прочитать {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="59"/>
        <source>{path} is not valid JSON ({reason}): choose the datapackage.json of a Camtrap DP package.</source>
        <translation>{path} — некорректный JSON ({reason}): выберите файл datapackage.json пакета Camtrap DP.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="62"/>
        <source>{path} is not a data package (no &apos;resources&apos; list): choose the datapackage.json of a Camtrap DP package.</source>
        <translation>{path} не является пакетом данных (нет списка «resources»): выберите файл datapackage.json пакета Camtrap DP.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="92"/>
        <source>{path} has no &apos;{table}&apos; table: it is not a Camtrap DP package, or an incomplete one. Export the package again.</source>
        <translation>В {path} нет таблицы «{table}»: это не пакет Camtrap DP или пакет неполный. Выгрузите пакет заново.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="102"/>
        <source>{path}: the &apos;{table}&apos; table has no file path. Export the package again.</source>
        <translation>{path}: у таблицы «{table}» не указан путь к файлу. Выгрузите пакет заново.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="113"/>
        <source>{path}: the &apos;{table}&apos; table points to {file}, outside the package folder. Download the package with its CSV files and import the local copy.</source>
        <translation>{path}: таблица «{table}» ссылается на {file} за пределами папки пакета. Скачайте пакет вместе с его CSV-файлами и импортируйте локальную копию.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="191"/>
        <source>Deployment {id}: latitude/longitude &apos;{value}&apos; cannot be read; it was not imported.</source>
        <translation>Установка фотоловушки {id}: не удалось прочитать широту/долготу «{value}»; установка не импортирована.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="198"/>
        <source>No deploymentID; the row number {value} was used.</source>
        <translation>Нет deploymentID; использован номер строки {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="207"/>
        <source>Deployment {id} has no start or end time; its trap-nights are unknown.</source>
        <translation>У установки фотоловушки {id} нет времени начала или окончания; число ловушко-суток неизвестно.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="211"/>
        <source>Deployment {id}: time &apos;{value}&apos; cannot be read; its trap-nights are unknown.</source>
        <translation>Установка фотоловушки {id}: не удалось прочитать время «{value}»; число ловушко-суток неизвестно.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="221"/>
        <source>Deployment {id} ends before it starts; trap-nights left empty.</source>
        <translation>Установка фотоловушки {id} заканчивается раньше, чем начинается; ловушко-сутки не заполнены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="264"/>
        <source>Observation {id} belongs to deployment &apos;{deployment}&apos;, which is not in the deployments table; kept without a station position.</source>
        <translation>Наблюдение {id} относится к установке «{deployment}», которой нет в таблице установок (deployments); сохранено без координат точки.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="272"/>
        <source>Observation {id} has no time; kept without one.</source>
        <translation>У наблюдения {id} нет времени; сохранено без него.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/camtrapdp.py" line="276"/>
        <source>Observation {id}: time &apos;{value}&apos; cannot be read; kept without one.</source>
        <translation>Наблюдение {id}: не удалось прочитать время «{value}»; сохранено без времени.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="408"/>
        <source>Count &apos;{value}&apos; is not a whole number of 1 or more; 1 was stored.</source>
        <translation>Число особей «{value}» — не целое число от 1 и больше; записано 1.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/coverage.py" line="70"/>
        <source>{what} is in geographic coordinates (degrees); reproject it to a metric CRS such as the UTM zone of the park before computing coverage.</source>
        <translation type="obsolete">{what} — в географических координатах (градусах); перед расчётом охвата перепроецируйте в метрическую систему координат, например в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/segments.py" line="45"/>
        <source>The grid has no cells (pixel {pixel} m, {width} x {height}); choose a positive cell size and a non-empty extent.</source>
        <translation>В сетке нет ячеек (пиксель {pixel} м, {width} × {height}); задайте положительный размер ячейки и непустой охват.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/segments.py" line="53"/>
        <source>{name} must be a positive distance in metres (got {value}).</source>
        <translation>{name}: требуется положительное расстояние в метрах (получено {value}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/coverage.py" line="104"/>
        <source>The routes layer has no lines; load the season&apos;s GPS tracks first.</source>
        <translation>В слое маршрутов нет линий; сначала загрузите GPS-треки сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/coverage.py" line="114"/>
        <source>The {what} do not overlap the analysis grid ({xmin:.0f}, {ymin:.0f} - {xmax:.0f}, {ymax:.0f}); check that both are in the same CRS and choose an extent that contains the survey.</source>
        <translation>{what}: нет перекрытия с сеткой анализа ({xmin:.0f}, {ymin:.0f} – {xmax:.0f}, {ymax:.0f}); проверьте, что данные и сетка в одной системе координат, и выберите охват, включающий район учёта.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/coverage.py" line="143"/>
        <source>The cameras layer has no stations; load the camera-trap stations first.</source>
        <translation>В слое фотоловушек нет точек; сначала загрузите точки установки фотоловушек.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/coverage.py" line="206"/>
        <source>No survey effort: give a routes layer with lines or a cameras layer with stations.</source>
        <translation>Нет учётного усилия: укажите слой маршрутов с линиями или слой фотоловушек с точками.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/effort.py" line="100"/>
        <source>The survey layers are in different CRSs ({a} and {b}); reproject them to the season&apos;s CRS first.</source>
        <translation>Учётные слои в разных системах координат ({a} и {b}); сначала перепроецируйте их в систему координат сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/effort.py" line="157"/>
        <source>No survey data to grid: the routes, cameras, observations and detections layers are all empty.</source>
        <translation>Нет учётных данных для построения сетки: слои маршрутов, фотоловушек, наблюдений и регистраций пусты.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/effort.py" line="181"/>
        <source>A DEM was given without its grid; pass dem_grid as well.</source>
        <translation>ЦМР передана без своей сетки; передайте также dem_grid.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/walked.py" line="141"/>
        <source>The ridges layer has no lines; compute the ridgelines from the DEM first.</source>
        <translation>В слое хребтов нет линий; сначала постройте линии гребней по ЦМР.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="87"/>
        <source>The CRS {crs} is not understood ({reason}); choose a metric CRS such as the UTM zone of the park.</source>
        <translation type="obsolete">Система координат {crs} не распознана ({reason}); выберите метрическую систему координат, например зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="90"/>
        <source>The CRS {crs} is geographic (degrees); heatmaps need a metric CRS: reproject to the UTM zone of the park (e.g. EPSG:32645).</source>
        <translation type="obsolete">Система координат {crs} географическая (градусы); для тепловых карт нужна метрическая: перепроецируйте данные в зону UTM парка (например, EPSG:32645).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="96"/>
        <source>The grid looks like it is in degrees (pixel {pixel}); heatmaps need a metric CRS: reproject to the UTM zone of the park.</source>
        <translation type="obsolete">Похоже, сетка задана в градусах (пиксель {pixel}); для тепловых карт нужна метрическая система координат: перепроецируйте данные в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/kernels.py" line="25"/>
        <source>Unknown kernel {kernel}: use 0 quartic, 1 triangular, 2 uniform, 3 triweight or 4 Epanechnikov.</source>
        <translation>Неизвестное ядро {kernel}: используйте 0 — квартическое, 1 — треугольное, 2 — равномерное, 3 — трёхвесовое или 4 — Епанечникова.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/kernels.py" line="28"/>
        <source>The decay ratio {decay} cannot be normalised: use a decay of 0 or more (0 = cone, 1 = flat disc).</source>
        <translation>Коэффициент затухания {decay} не позволяет нормировать ядро: задайте значение 0 или больше (0 — конус, 1 — плоский диск).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="107"/>
        <source>The radius {radius} m is not a positive distance; give the search radius in metres.</source>
        <translation>Радиус {radius} м не является положительным расстоянием; задайте радиус поиска в метрах.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="110"/>
        <source>The radius {radius} m is smaller than the pixel size {pixel} m: the kernel would miss most cells. Use a larger radius or a smaller pixel (at least 5 pixels per radius is recommended).</source>
        <translation>Радиус {radius} м меньше размера пикселя {pixel} м: ядро не захватит большинство ячеек. Увеличьте радиус или уменьшите пиксель (рекомендуется не менее 5 пикселей на радиус).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="120"/>
        <source>The {what} have {nx} x and {ny} y coordinates; give one pair per feature.</source>
        <translation>{what}: координат x — {nx}, координат y — {ny}; нужна одна пара на каждый объект.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="123"/>
        <source>There are no {what} to map: the selection is empty. Select at least one feature, or widen the date window and the chosen types.</source>
        <translation>Нет объектов для карты ({what}): выборка пуста. Выделите хотя бы один объект или расширьте интервал дат и набор выбранных типов.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="127"/>
        <source>{count} of the {what} have missing or non-finite coordinates (first at index {index}); fix or remove them before mapping.</source>
        <translation>{what}: объектов с отсутствующими или нечисловыми (NaN, бесконечность) координатами — {count} (первый с индексом {index}); исправьте или удалите их перед построением карты.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="147"/>
        <source>{name} has {got} values for {n} features; give one value per feature.</source>
        <translation>{name}: значений — {got}, а объектов — {n}; нужно одно значение на каждый объект.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="151"/>
        <source>{name} has {count} missing, negative or non-finite values (first at index {index}); fill them with a value of 0 or more.</source>
        <translation>{name}: пропущенных, отрицательных или нечисловых значений — {count} (первое с индексом {index}); замените их значениями 0 или больше.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="178"/>
        <source>The pixel size {pixel} m is not a positive distance.</source>
        <translation>Размер пикселя {pixel} м не является положительным расстоянием.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="231"/>
        <source>Unknown method {method}: use auto, fft or direct.</source>
        <translation>Неизвестный метод {method}: используйте auto, fft или direct.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="240"/>
        <source>No radius given: set a radius in metres or a radius field.</source>
        <translation>Радиус не задан: укажите радиус в метрах или поле с радиусом.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="303"/>
        <source>A route has missing or non-finite vertex coordinates; fix the route geometry before mapping effort.</source>
        <translation>У маршрута отсутствуют или некорректны координаты вершин; исправьте геометрию маршрута перед построением карты учётного усилия.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="342"/>
        <source>There are no routes to map: no route has two distinct vertices. Select the routes walked in the season.</source>
        <translation>Нет маршрутов для карты: ни у одного маршрута нет двух различных вершин. Выберите маршруты, пройденные в этом сезоне.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="398"/>
        <source>The sign map {a} and the effort map {b} differ in size; compute both on the same grid.</source>
        <translation>Карта следов {a} и карта учётного усилия {b} разного размера; рассчитайте обе на одной сетке.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="401"/>
        <source>The minimum effort {value} km must be 0 or more.</source>
        <translation>Минимальное учётное усилие {value} км должно быть не меньше 0.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="405"/>
        <source>No cell has at least {min_km} km of route within the kernel radius (most is {best:.3g} km): lower the minimum effort or enlarge the radius.</source>
        <translation>Ни в одной ячейке в пределах радиуса ядра нет хотя бы {min_km} км маршрутов (максимум — {best:.3g} км): уменьшите минимальное усилие или увеличьте радиус.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="409"/>
        <source>The signs and the routes do not overlap: no sign lies near a searched cell. Check that both layers are of the same season and CRS, or enlarge the radius.</source>
        <translation>Следы и маршруты не перекрываются: ни один след не лежит рядом с обследованной ячейкой. Проверьте, что оба слоя относятся к одному сезону и одной системе координат, или увеличьте радиус.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="434"/>
        <source>There are no camera stations to map: the selection is empty.</source>
        <translation>Нет фотоловушек для карты: выборка пуста.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="436"/>
        <source>There are {nd} detection rows for {ns} stations; give one row per station.</source>
        <translation>Строк регистраций — {nd}, а точек — {ns}; нужна одна строка на каждую точку.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="440"/>
        <source>{name} has missing, negative or non-finite values; fill them with 0 or more.</source>
        <translation>{name}: есть пропущенные, отрицательные или нечисловые значения; замените их значениями 0 или больше.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="474"/>
        <source>There are {nt} trap-night values for {ns} stations; give one per station.</source>
        <translation>Значений ловушко-суток — {nt}, а точек — {ns}; нужно одно значение на каждую точку.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/gaps.py" line="65"/>
        <source>The maximum distance from effort must be a positive distance in metres (got {value}).</source>
        <translation>Максимальное расстояние от мест учёта должно быть положительным числом метров (получено {value}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/gaps.py" line="467"/>
        <source>No survey effort: the routes and cameras layers are both empty; load the season&apos;s routes or camera stations first.</source>
        <translation>Нет учётного усилия: слои маршрутов и фотоловушек пусты; сначала загрузите маршруты или фотоловушки сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/gaps.py" line="94"/>
        <source>The survey effort does not overlap the habitat grid; check that routes, cameras and habitat are in the same CRS and cover the same area.</source>
        <translation>Учётное усилие не перекрывается с сеткой местообитаний; проверьте, что маршруты, фотоловушки и местообитания в одной системе координат и охватывают одну и ту же территорию.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/gaps.py" line="325"/>
        <source>The habitat array has shape {shape} but the grid is {rows} x {cols}; use the habitat raster&apos;s own grid.</source>
        <translation>Массив местообитаний имеет размер {shape}, а сетка — {rows} × {cols}; используйте собственную сетку растра местообитаний.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/gaps.py" line="331"/>
        <source>No cell of the habitat layer reaches the suitability threshold {threshold}; lower the threshold or check the habitat layer.</source>
        <translation>Ни одна ячейка слоя местообитаний не достигает порога пригодности {threshold}; понизьте порог или проверьте слой местообитаний.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/gaps.py" line="406"/>
        <source>Connectivity must be 4 or 8 (got {value}).</source>
        <translation>Связность должна быть 4 или 8 (получено {value}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/gaps.py" line="408"/>
        <source>The minimum gap area must be 0 or more km² (got {value}).</source>
        <translation>Минимальная площадь пробела должна быть не меньше 0 км² (получено {value}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/gaps.py" line="458"/>
        <source>The habitat layer is empty; give habitat polygons or a suitability raster.</source>
        <translation>Слой местообитаний пуст; укажите полигоны местообитаний или растр пригодности.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/read.py" line="83"/>
        <source>Cannot read {path}: its coordinates are projected (metres) but the file does not say in which CRS; give the CRS.</source>
        <translation>Не удалось прочитать {path}: координаты в нём проекционные (метры), но система координат в файле не указана; задайте её.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/read.py" line="231"/>
        <source>Cannot read {path}: the file does not exist.</source>
        <translation>Не удалось прочитать {path}: файл не существует.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/checks.py" line="171"/>
        <source>Longitude and latitude were swapped (given: {x}, {y}); they were exchanged.</source>
        <translation>Долгота и широта были перепутаны местами (указано: {x}, {y}); они переставлены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/checks.py" line="176"/>
        <source>Coordinates out of range (longitude {x}, latitude {y}); the feature was not imported. Correct them in the source file.</source>
        <translation>Координаты вне допустимого диапазона (долгота {x}, широта {y}); объект не импортирован. Исправьте их в исходном файле.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/checks.py" line="240"/>
        <source>This point lies {km} km outside the area of the rest of the season; check its coordinates.</source>
        <translation>Эта точка лежит в {km} км за пределами района остальных данных сезона; проверьте её координаты.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/checks.py" line="270"/>
        <source>Longitude and latitude of the whole track were swapped; they were exchanged.</source>
        <translation>Во всём треке долгота и широта были перепутаны местами; они переставлены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/checks.py" line="277"/>
        <source>{n} track points had coordinates out of range (first: longitude {x}, latitude {y}); they were removed from the route.</source>
        <translation>Точек трека с координатами вне допустимого диапазона: {n} (первая: долгота {x}, широта {y}); они удалены из маршрута.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/checks.py" line="250"/>
        <source>This route lies {km} km outside the area of the rest of the season; check its coordinates.</source>
        <translation>Этот маршрут лежит в {km} км за пределами района остальных данных сезона; проверьте его координаты.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/checks.py" line="290"/>
        <source>The observation has no date; it is kept but drops out of date filters. Add the date in the source file.</source>
        <translation>У наблюдения нет даты; оно сохранено, но не попадёт в выборки по датам. Добавьте дату в исходный файл.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/checks.py" line="302"/>
        <source>Same sign type, place and time as &apos;{other}&apos; ({other_source}); probably recorded twice. Kept: delete one if so.</source>
        <translation>Тот же тип следа, место и время, что у «{other}» ({other_source}); вероятно, записано дважды. Запись сохранена: если это дубль, удалите одну из них.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="105"/>
        <source>GPS jump: the fix {n} ({time}) lies off the track (reached faster than a walker can go); it was removed from the route.</source>
        <translation>Скачок GPS: точка {n} ({time}) лежит в стороне от трека (до неё невозможно дойти пешком за такое время); она удалена из маршрута.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="121"/>
        <source>The route has fewer than 2 distinct points; it was not imported.</source>
        <translation>В маршруте меньше 2 различных точек; он не импортирован.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/gpkg.py" line="58"/>
        <source>Cannot write the layer {layer}: {reason}</source>
        <translation>Не удалось записать слой {layer}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="254"/>
        <source>No output GeoPackage was given; choose where to save the season.</source>
        <translation>Не указан выходной GeoPackage; выберите, куда сохранить данные сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="256"/>
        <source>{path} already exists; choose another file or allow overwriting.</source>
        <translation>{path} уже существует; выберите другой файл или разрешите перезапись.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="281"/>
        <source>This file has the same content as {other}; it was skipped.</source>
        <translation>Содержимое этого файла совпадает с {other}; файл пропущен.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="309"/>
        <source>No usable feature in any input: no route, sign, camera or detection could be read. Check the files and the validation messages.</source>
        <translation>Ни в одном входном файле нет пригодных объектов: не удалось прочитать ни одного маршрута, следа, фотоловушки или регистрации. Проверьте файлы и сообщения проверки.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="323"/>
        <source>The season CRS {crs} is geographic; choose a metric (projected) CRS such as a UTM zone.</source>
        <translation>Система координат сезона {crs} географическая; выберите метрическую (проекционную) систему координат, например зону UTM.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="335"/>
        <source>No input has coordinates, so the season&apos;s CRS cannot be chosen; give it.</source>
        <translation>Ни в одном входном файле нет координат, поэтому систему координат сезона определить нельзя; укажите её.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="401"/>
        <source>{n} detections at station &apos;{station}&apos;, which is not among the cameras; kept without a location. Add the station to the camera table.</source>
        <translation>Регистраций на точке «{station}», которой нет среди фотоловушек: {n}; сохранены без координат. Добавьте точку в таблицу фотоловушек.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/gpkg.py" line="117"/>
        <source>Cannot write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/mapping.py" line="22"/>
        <source>Cannot read the field mapping {path}: {reason}</source>
        <translation>Не удалось прочитать сопоставление полей {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/mapping.py" line="32"/>
        <source>The field mapping {path} is not a list of field: column pairs; save the mapping again from the import dialog.</source>
        <translation>Сопоставление полей {path} не является списком пар «поле: столбец»; сохраните сопоставление заново из окна импорта.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="69"/>
        <source>{path} is a spreadsheet workbook, not a text table: save the sheet as CSV (File &gt; Save As &gt; CSV) and import the CSV.</source>
        <translation>{path} — книга электронной таблицы, а не текстовая таблица: сохраните лист в CSV (Файл &gt; Сохранить как &gt; CSV) и импортируйте CSV.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="121"/>
        <source>{path} is empty: export the table again.</source>
        <translation>Файл {path} пуст: выгрузите таблицу заново.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="75"/>
        <source>{path} is not a text table (CSV or TXT): check that the right file was chosen, or export the data as CSV.</source>
        <translation>{path} не является текстовой таблицей (CSV или TXT): проверьте, тот ли файл выбран, или выгрузите данные в CSV.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="126"/>
        <source>Row has {found} cells but the header has {expected}; an unquoted decimal comma in a comma-separated file? Fix the row or export with &apos;;&apos;.</source>
        <translation>В строке ячеек: {found}, а в заголовке: {expected}. Возможно, в файле с разделителем-запятой есть десятичная запятая без кавычек? Исправьте строку или выгрузите таблицу с разделителем «;».</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="134"/>
        <source>{path} has a header but no data rows: export the table again.</source>
        <translation>В {path} есть заголовок, но нет строк с данными: выгрузите таблицу заново.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="188"/>
        <source>{path} has no column &apos;{column}&apos; (the field mapping uses it for {field}); its columns are: {columns}. Edit the field mapping.</source>
        <translation>В {path} нет столбца «{column}» (по сопоставлению полей он используется для {field}); имеющиеся столбцы: {columns}. Исправьте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="222"/>
        <source>Unknown CRS {crs}: give an EPSG code such as EPSG:32645.</source>
        <translation>Неизвестная система координат {crs}: укажите код EPSG, например EPSG:32645.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="240"/>
        <source>{path}: no coordinate columns found. Expected latitude and longitude (широта/долгота, lat/lon), X/Y with a CRS, or a WKT 'geom' column; columns found: {columns}. Rename the columns or set a field mapping.</source>
        <translation>{path}: не найдены столбцы координат. Ожидаются широта и долгота (широта/долгота, lat/lon), X/Y с указанием системы координат или столбец WKT «geom»; найдены столбцы: {columns}. Переименуйте столбцы или задайте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="247"/>
        <source>{path}: the coordinates look projected (metres, not degrees). Give their CRS, e.g. EPSG:32645 (UTM 45N) or EPSG:3857 for a NextGIS Web export.</source>
        <translation>{path}: координаты похожи на проекционные (метры, а не градусы). Укажите их систему координат, например EPSG:32645 (UTM 45N) или EPSG:3857 для выгрузки из NextGIS Web.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="336"/>
        <source>Coordinates '{value}' cannot be read; the row was not imported. Write them as decimal degrees (49.7534), degrees-minutes (49 45.205) or DMS (49°45'12&quot;N).</source>
        <translation>Не удалось прочитать координаты «{value}»; строка не импортирована. Записывайте их в десятичных градусах (49.7534), в градусах и минутах (49 45.205) или в градусах, минутах и секундах (49°45'12&quot;N).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="341"/>
        <source>The row has no coordinates; it was not imported. Fill them in and import again.</source>
        <translation>В строке нет координат; она не импортирована. Заполните их и повторите импорт.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="363"/>
        <source>Dates in column &apos;{column}&apos; were read as month/day/year (some have a second number above 12).</source>
        <translation>Даты в столбце «{column}» прочитаны как месяц/день/год (в некоторых второе число больше 12).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="367"/>
        <source>Dates in column &apos;{column}&apos; such as 03/04/2024 could be day/month or month/day; they were read as day/month/year. Check them.</source>
        <translation>Даты в столбце «{column}» вида 03/04/2024 можно понять и как день/месяц, и как месяц/день; они прочитаны как день/месяц/год. Проверьте их.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="381"/>
        <source>No date in column &apos;{column}&apos;; the row was kept without it. Add the date if known.</source>
        <translation>В столбце «{column}» нет даты; строка сохранена без неё. Добавьте дату, если она известна.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="387"/>
        <source>Date &apos;{value}&apos; cannot be read; the row was kept without it. Write dates as 15.02.2024 or 2024-02-15, times as 14:30.</source>
        <translation>Не удалось прочитать дату «{value}»; строка сохранена без неё. Записывайте даты как 15.02.2024 или 2024-02-15, время — как 14:30.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="396"/>
        <source>The table has no date column; all rows were kept without dates. Name the column 'date'/'дата' or set a field mapping.</source>
        <translation>В таблице нет столбца с датой; все строки сохранены без дат. Назовите столбец «date»/«дата» или задайте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="431"/>
        <source>{field} &apos;{value}&apos; is not a number; it was left empty.</source>
        <translation>{field}: «{value}» — не число; поле оставлено пустым.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="132"/>
        <source>Unknown sign type &apos;{value}&apos;; stored as &apos;other&apos;. Correct it, or add the name to the sign list.</source>
        <translation>Неизвестный тип следа «{value}»; записан как «other» (другой). Исправьте его или добавьте название в список типов следов.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="136"/>
        <source>No sign type; stored as &apos;other&apos;.</source>
        <translation>Тип следа не указан; записан как «other» (другой).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="141"/>
        <source>Unknown sign age '{value}' (expected fresh/old, свежий/старый); left empty.</source>
        <translation>Неизвестная давность следа «{value}» (ожидается fresh/old, свежий/старый); поле оставлено пустым.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="244"/>
        <source>No station ID; the row number {value} was used.</source>
        <translation>Нет идентификатора точки; использован номер строки {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="254"/>
        <source>Problem period &apos;{value}&apos; cannot be read; it was not subtracted from the trap-nights.</source>
        <translation>Не удалось прочитать период неисправности «{value}»; он не вычтен из ловушко-суток.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="271"/>
        <source>Retrieval {end} is before setup {start}; trap-nights left empty.</source>
        <translation>Снятие {end} раньше установки {start}; ловушко-сутки не заполнены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="277"/>
        <source>Station {station}: no effort and no setup/retrieval dates, so its trap-nights are unknown.</source>
        <translation>Точка {station}: нет ни усилия, ни дат установки/снятия, поэтому число ловушко-суток неизвестно.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="322"/>
        <source>{path}: no station column found (Station, station_id, камера, станция); columns found: {columns}. Rename it or set a field mapping.</source>
        <translation>{path}: не найден столбец точки (Station, station_id, камера, станция); найдены столбцы: {columns}. Переименуйте столбец или задайте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="334"/>
        <source>The detection has no station; it was not imported. Fill in the station.</source>
        <translation>У регистрации не указана точка; она не импортирована. Укажите точку.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="87"/>
        <source>The {what} is in geographic coordinates (degrees); slopes and distances need metres. Reproject it to a metric CRS such as the park&apos;s UTM zone first.</source>
        <translation type="obsolete">{what} — в географических координатах (градусах), а для уклонов и расстояний нужны метры. Сначала перепроецируйте в метрическую систему координат, например в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="95"/>
        <source>The {what} must be a single-band 2-D raster; got an array of {ndim} dimensions.</source>
        <translation>{what}: нужен одноканальный двумерный растр; получен массив размерности {ndim}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="98"/>
        <source>The {what} has {rows} x {cols} cells but its grid says {grid_rows} x {grid_cols}; read the raster and its grid together.</source>
        <translation>{what}: {rows} × {cols} ячеек, а по описанию сетки — {grid_rows} × {grid_cols}; читайте растр вместе с его сеткой.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="102"/>
        <source>The {what} has a cell size of {pixel}; it must be positive.</source>
        <translation>{what}: размер ячейки {pixel}; он должен быть положительным.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="106"/>
        <source>The {what} has no valid elevation (all cells are nodata); check its nodata value and that it covers the park.</source>
        <translation>{what}: нет допустимых значений высоты (во всех ячейках нет данных); проверьте значение nodata и то, что растр покрывает парк.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="109"/>
        <source>The {what} is {rows} x {cols} cells, smaller than the {size} x {size}-cell window; use a larger DEM or a smaller window radius.</source>
        <translation>{what}: {rows} × {cols} ячеек — меньше окна {size} × {size} ячеек; возьмите ЦМР большего охвата или уменьшите радиус окна.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="117"/>
        <source>Unknown edge mode {value}; use one of {choices}.</source>
        <translation>Неизвестный режим обработки краёв {value}; используйте один из: {choices}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="128"/>
        <source>The TPI radius {radius} m is smaller than one cell ({pixel} m); give at least one cell.</source>
        <translation>Радиус TPI {radius} м меньше одной ячейки ({pixel} м); задайте не меньше одной ячейки.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="434"/>
        <source>Unknown terrain metric {value}; use one of {choices}.</source>
        <translation>Неизвестный показатель рельефа {value}; используйте один из: {choices}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="438"/>
        <source>Unknown TPI window shape {value}; use one of {choices}.</source>
        <translation>Неизвестная форма окна TPI {value}; используйте одну из: {choices}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="441"/>
        <source>The VRM window must be an odd number of cells, 3 or more; got {value}.</source>
        <translation>Окно VRM должно быть нечётным числом ячеек, не меньше 3; получено {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/terrain.py" line="444"/>
        <source>The minimum window coverage must be in (0, 1]; got {value}.</source>
        <translation>Минимальная доля заполнения окна должна быть в пределах (0, 1]; получено {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/ogr_layers.py" line="82"/>
        <source>Cannot read {path}: {reason}. Check that it is a complete GPX, KML/KMZ, GeoJSON, GeoPackage or Shapefile.</source>
        <translation>Не удалось прочитать {path}: {reason}. Проверьте, что это целый (неповреждённый) файл GPX, KML/KMZ, GeoJSON, GeoPackage или Shapefile.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/gpx.py" line="221"/>
        <source>Waypoint &apos;{name}&apos; is not a sign (its name, description and symbol name no sign type); it was not imported.</source>
        <translation>Путевая точка «{name}» не является следом (ни в названии, ни в описании, ни в имени значка не указан тип следа); она не импортирована.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/vector.py" line="122"/>
        <source>Feature &apos;{name}&apos; has no geometry; it was not imported.</source>
        <translation>У объекта «{name}» нет геометрии; он не импортирован.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/vector.py" line="130"/>
        <source>Cannot read {path}: the layer {layer} has no CRS and its coordinates are not degrees; add a .prj or give the CRS.</source>
        <translation>Не удалось прочитать {path}: у слоя {layer} не задана система координат, а координаты не в градусах; добавьте файл .prj или укажите систему координат.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/vector.py" line="137"/>
        <source>Feature &apos;{name}&apos; is a polygon, not a route or a sign; it was not imported.</source>
        <translation>Объект «{name}» — полигон, а не маршрут или след; он не импортирован.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/vector.py" line="195"/>
        <source>The sign type of &apos;{name}&apos; is not recognised ({value}); imported as &apos;other&apos;.</source>
        <translation>Тип следа у «{name}» не распознан ({value}); импортирован как «other» (другой).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/maps.py" line="41"/>
        <source>Hillshade</source>
        <translation>Отмывка рельефа</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/maps.py" line="111"/>
        <source>Elevation</source>
        <translation>Высота</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/habitat.py" line="65"/>
        <source>A habitat rule needs low0 &lt;= low1 &lt;= high1 &lt;= high0 and a floor in 0..1; got {low0}, {low1}, {high1}, {high0}, floor {floor}.</source>
        <translation>Для правила местообитания нужно low0 &lt;= low1 &lt;= high1 &lt;= high0 и нижний предел (floor) в диапазоне 0..1; получено {low0}, {low1}, {high1}, {high0}, floor {floor}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/habitat.py" line="128"/>
        <source>Unknown way to combine habitat scores {value}; use one of {choices}.</source>
        <translation>Неизвестный способ объединения оценок местообитания {value}; используйте один из: {choices}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/habitat.py" line="137"/>
        <source>Habitat rule weights must be zero or positive, and not all zero; got {weights}.</source>
        <translation>Веса правил местообитания должны быть неотрицательными и не все равны нулю; получено {weights}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/habitat.py" line="310"/>
        <source>All habitat rules are switched off; keep at least one of elevation, slope, ruggedness and ridge distance.</source>
        <translation>Все правила местообитания отключены; оставьте хотя бы одно: высота, уклон, расчленённость рельефа или расстояние до гребня.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/habitat.py" line="394"/>
        <source>The habitat polygons are in {crs} but the analysis grid is in {grid_crs}; reproject them first.</source>
        <translation>Полигоны местообитаний в системе координат {crs}, а сетка анализа — в {grid_crs}; сначала перепроецируйте полигоны.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/habitat.py" line="399"/>
        <source>Got {n_values} habitat values for {n_geoms} polygons; give one per polygon.</source>
        <translation>Значений местообитания — {n_values}, а полигонов — {n_geoms}; нужно одно значение на каждый полигон.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/habitat.py" line="402"/>
        <source>Habitat values must lie between 0 and 1; got {low} to {high}.</source>
        <translation>Значения местообитания должны быть от 0 до 1; получено от {low} до {high}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/habitat.py" line="447"/>
        <source>Unknown resampling {value}; use one of {choices}.</source>
        <translation>Неизвестный метод передискретизации {value}; используйте один из: {choices}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/habitat.py" line="453"/>
        <source>A habitat array needs its grid (src_grid) to be resampled.</source>
        <translation>Для передискретизации массива местообитаний нужна его сетка (src_grid).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/heatmaps.py" line="51"/>
        <source>Unknown sign type {name}: use one of {codes}.</source>
        <translation>Неизвестный тип следа {name}: используйте один из: {codes}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/heatmaps.py" line="73"/>
        <source>Cannot read the sign weight {item}: write type=weight, for example track=1, scrape=2.</source>
        <translation>Не удалось прочитать вес следа {item}: пишите тип=вес, например track=1, scrape=2.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/heatmaps.py" line="141"/>
        <source>Sign {index} has a missing or negative weight; weights must be 0 or more.</source>
        <translation>У следа {index} вес не указан или отрицателен; веса должны быть не меньше 0.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/heatmaps.py" line="161"/>
        <source>The extent is empty: draw or choose a larger one.</source>
        <translation>Охват пуст: нарисуйте или выберите охват побольше.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/heatmaps.py" line="199"/>
        <source>No sign is left after the choice of sign types and dates: widen the selection.</source>
        <translation>После отбора по типам следов и датам не осталось ни одного следа: расширьте выборку.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/heatmaps.py" line="209"/>
        <source>The effort layer has no route line: choose the season&apos;s routes.</source>
        <translation>В слое учётного усилия нет линий маршрутов: выберите маршруты сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/heatmaps.py" line="211"/>
        <source>The effort-corrected map needs one radius for all signs: leave the radius field empty.</source>
        <translation>Для карты с поправкой на учётное усилие нужен один радиус для всех следов: оставьте поле радиуса пустым.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/ridges.py" line="210"/>
        <source>{name} must be zero or a positive number of metres; got {value}.</source>
        <translation>{name}: нужно неотрицательное число метров; получено {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/ridges.py" line="213"/>
        <source>The maximum segment length must be a positive number of metres; got {value}.</source>
        <translation>Максимальная длина сегмента должна быть положительным числом метров; получено {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="57"/>
        <source>{path} is not a text file: choose the secr traps or capture text file.</source>
        <translation>{path} не является текстовым файлом: выберите текстовый файл ловушек или поимок secr.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="72"/>
        <source>{path} has no data lines (only comments or nothing): export it again.</source>
        <translation>В {path} нет строк с данными (только комментарии или ничего): выгрузите файл заново.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="158"/>
        <source>Line &apos;{value}&apos; is not &apos;trapID x y [usage] [/ covariates]&apos;; it was not imported.</source>
        <translation>Строка «{value}» не соответствует формату «trapID x y [usage] [/ covariates]»; она не импортирована.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="165"/>
        <source>{path}: no line reads as &apos;trapID x y [usage] [/ covariates]&apos;. Choose a secr traps file (detector ID, x, y in metres, one detector per line).</source>
        <translation>{path}: ни одна строка не соответствует формату «trapID x y [usage] [/ covariates]». Выберите файл ловушек secr (ID детектора, x, y в метрах, по одному детектору в строке).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="199"/>
        <source>Detector {id}: usage &apos;{value}&apos; cannot be read; trap-nights left empty.</source>
        <translation>Детектор {id}: не удалось прочитать usage «{value}»; ловушко-сутки не заполнены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="203"/>
        <source>Detector ID {id} is used again (first on data line {first}); both were kept. Polygon and transect detectors are not read as such.</source>
        <translation>ID детектора {id} встречается повторно (впервые в строке данных {first}); сохранены оба. Полигональные и трансектные детекторы не распознаются как таковые.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="222"/>
        <source>The traps file has no usage (effort) columns; trap-nights are unknown. Enter the effort or the setup/retrieval dates of the cameras.</source>
        <translation>В файле ловушек нет столбцов usage (усилие); ловушко-сутки неизвестны. Укажите усилие или даты установки/снятия фотоловушек.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="269"/>
        <source>Session {session} is declared without captures (&apos;{value}&apos;).</source>
        <translation>Сессия {session} объявлена без поимок («{value}»).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="274"/>
        <source>Line &apos;{value}&apos; is not &apos;Session ID Occasion Detector [covariates]&apos;; it was not imported.</source>
        <translation>Строка «{value}» не соответствует формату «Session ID Occasion Detector [covariates]»; она не импортирована.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/secr.py" line="295"/>
        <source>{path}: no line reads as &apos;Session ID Occasion Detector&apos;. Choose a secr capture file (fmt = trapID).</source>
        <translation>{path}: ни одна строка не соответствует формату «Session ID Occasion Detector». Выберите файл поимок secr (fmt = trapID).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="164"/>
        <source>The table has no sign type column; every row was stored as 'other'. Name the column 'type'/'тип следа' or set a field mapping.</source>
        <translation>В таблице нет столбца с типом следа; все строки записаны как «other» (другой). Назовите столбец «type»/«тип следа» или задайте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="24"/>
        <source>Quartic (biweight)</source>
        <translation>Квартическое (биквадратное)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="24"/>
        <source>Triangular</source>
        <translation>Треугольное</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="24"/>
        <source>Uniform</source>
        <translation>Равномерное</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="24"/>
        <source>Triweight</source>
        <translation>Трёхвесовое (triweight)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="24"/>
        <source>Epanechnikov</source>
        <translation>Епанечникова</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="57"/>
        <source>Habitat-use heatmap</source>
        <translation>Тепловая карта использования местообитаний</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="60"/>
        <source>Heatmaps</source>
        <translation>Тепловые карты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="63"/>
        <source>Kernel density of the chosen signs, in signs per km², with the kernels of QGIS's heatmap but correctly normalised: the map integrates to the total weight of the signs.

Choose sign types by code (track, scrape, scat, scent_mark, mating_call, sighting, prey_remains, other) or by name, a date window, and weights per type (track=1, scrape=2).

With an effort layer (the routes walked) the map becomes signs per km of route searched near each place: the density of signs divided by the density of route length with the same kernel, left empty where less than the minimum km of route lies within the radius.

The GeoTIFF is saved with its style (colour ramp, zero transparent) beside it.</source>
        <translation>Ядерная оценка плотности выбранных следов (следов на км²) с теми же ядрами, что в тепловой карте QGIS, но с правильной нормировкой: интеграл карты равен суммарному весу следов.

Типы следов выбираются по коду (track, scrape, scat, scent_mark, mating_call, sighting, prey_remains, other) или по названию; также задаются интервал дат и веса по типам (track=1, scrape=2).

Если задан слой учётного усилия (пройденные маршруты), карта показывает число следов на км маршрутов, пройденных рядом с каждым местом: плотность следов, делённую на плотность длины маршрутов с тем же ядром. Там, где в пределах радиуса меньше заданного минимума км маршрутов, ячейки остаются пустыми.

GeoTIFF сохраняется вместе с файлом стиля (цветовая шкала, нулевые значения прозрачны) в той же папке.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="74"/>
        <source>Signs (observations)</source>
        <translation>Следы (наблюдения)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="76"/>
        <source>Radius</source>
        <translation>Радиус</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="78"/>
        <source>Radius from field (m)</source>
        <translation>Радиус из поля (м)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/base.py" line="77"/>
        <source>Pixel size</source>
        <translation>Размер пикселя</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="82"/>
        <source>Kernel shape</source>
        <translation>Форма ядра</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="84"/>
        <source>Decay ratio (triangular kernel only)</source>
        <translation>Коэффициент затухания (только для треугольного ядра)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="88"/>
        <source>Weight from field</source>
        <translation>Вес из поля</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="91"/>
        <source>Sign types (empty: all)</source>
        <translation>Типы следов (пусто — все)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="93"/>
        <source>Weights per sign type (e.g. track=1, scrape=2)</source>
        <translation>Веса по типам следов (например, track=1, scrape=2)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="96"/>
        <source>From date</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="98"/>
        <source>To date</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="100"/>
        <source>Effort: routes walked (signs per km)</source>
        <translation>Учётное усилие: пройденные маршруты (следов на км)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="102"/>
        <source>Minimum route km within the radius</source>
        <translation>Минимум км маршрутов в пределах радиуса</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/base.py" line="82"/>
        <source>Extent</source>
        <translation>Охват</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="107"/>
        <source>Heatmap</source>
        <translation>Тепловая карта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="125"/>
        <source>Choose a layer of signs.</source>
        <translation>Выберите слой следов.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="145"/>
        <source>The layer {layer} has no sign to map.</source>
        <translation>В слое {layer} нет следов для карты.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="147"/>
        <source>The layer has no obs_type field: choose the season&apos;s observations or leave the sign types empty.</source>
        <translation>В слое нет поля obs_type: выберите слой наблюдений сезона или оставьте типы следов пустыми.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="150"/>
        <source>The layer has no datetime field: choose the season&apos;s observations or leave the dates empty.</source>
        <translation>В слое нет поля datetime: выберите слой наблюдений сезона или оставьте даты пустыми.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="158"/>
        <source>Left out ({reason}): {count}</source>
        <translation>Исключено ({reason}): {count}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="159"/>
        <source>Signs mapped: {count}</source>
        <translation>Следов на карте: {count}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="149"/>
        <source>The routes and the signs are in different CRSs ({a}, {b}): use the layers of one season GeoPackage.</source>
        <translation type="obsolete">Маршруты и следы в разных системах координат ({a}, {b}): используйте слои из одного GeoPackage сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="98"/>
        <source>signs per km</source>
        <translation>следов на км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="174"/>
        <source>signs per km²</source>
        <translation>следов на км²</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="178"/>
        <source>Maximum: {value:.4g} {unit}</source>
        <translation>Максимум: {value:.4g} {unit}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="177"/>
        <source>The layer {layer} has no CRS: set its CRS (the season&apos;s UTM zone) in its properties.</source>
        <translation>У слоя {layer} не задана система координат: укажите её (зону UTM сезона) в свойствах слоя.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="195"/>
        <source>The layer {layer} is in geographic coordinates ({crs}); the analysis needs metres: use the season GeoPackage&apos;s layers, or reproject to the UTM zone of the park.</source>
        <translation>Слой {layer} в географических координатах ({crs}), а для анализа нужны метры: используйте слои GeoPackage сезона или перепроецируйте их в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/heatmaps.py" line="267"/>
        <source>There are no camera stations: choose the season&apos;s cameras layer.</source>
        <translation>Нет ни одной фотоловушки: выберите слой фотоловушек сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/heatmaps.py" line="282"/>
        <source>No camera station has trap-nights: check the deployment dates or the trap_nights field.</source>
        <translation>Ни у одной фотоловушки нет ловушко-суток: проверьте даты установки или поле trap_nights.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="55"/>
        <source>Camera detection rate</source>
        <translation>Частота регистраций фотоловушками</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="61"/>
        <source>Detections per 100 trap-nights at each camera station (detections ÷ trap-nights × 100), and a smoothed map of it: the kernel-weighted sum of detections divided by the kernel-weighted sum of trap-nights of the stations within the radius, × 100; empty where no station reaches.

Cameras need station_id and trap_nights fields (the season's cameras layer); detections need station_id (and individual_id, species when present). Give a species (e.g. Panthera uncia) to count only its detections. With one map per individual, the GeoTIFF has one band per identified animal.</source>
        <translation>Число регистраций на 100 ловушко-суток на каждой фотоловушке (регистрации ÷ ловушко-сутки × 100) и сглаженная карта этой величины: взвешенная ядром сумма регистраций, делённая на взвешенную ядром сумму ловушко-суток фотоловушек в пределах радиуса, × 100; там, куда не достаёт ни одна фотоловушка, значение пустое.

У фотоловушек должны быть поля station_id и trap_nights (слой фотоловушек сезона); у регистраций — station_id (и individual_id, species, если есть). Укажите вид (например, Panthera uncia), чтобы учитывать только его регистрации. При отдельной карте для каждой особи GeoTIFF содержит по одному каналу на каждое опознанное животное.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="74"/>
        <source>Species (empty: all detections)</source>
        <translation>Вид (пусто — все регистрации)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="81"/>
        <source>One map per individual</source>
        <translation>Отдельная карта для каждой особи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="83"/>
        <source>Detection rate map</source>
        <translation>Карта частоты регистраций</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="84"/>
        <source>Detection rate per station</source>
        <translation>Частота регистраций по фотоловушкам</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="99"/>
        <source>Choose the camera stations and the detections.</source>
        <translation>Выберите фотоловушки и регистрации.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="103"/>
        <source>The layer {layer} has no {field} field: use the season GeoPackage&apos;s cameras and detections.</source>
        <translation>В слое {layer} нет поля {field}: используйте слои фотоловушек и регистраций из GeoPackage сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="117"/>
        <source>{count} detections name a station that is not among the cameras; they were left out.</source>
        <translation>Регистраций с фотоловушкой, которой нет в списке фотоловушек: {count}; они не учтены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="119"/>
        <source>Stations: {stations}, trap-nights: {nights:.0f}, detections: {detections:.0f}</source>
        <translation>Фотоловушек: {stations}, ловушко-суток: {nights:.0f}, регистраций: {detections:.0f}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="130"/>
        <source>No detection has an individual_id: clear &apos;One map per individual&apos;.</source>
        <translation>Ни у одной регистрации нет individual_id: снимите флажок «Отдельная карта для каждой особи».</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="141"/>
        <source>all detections</source>
        <translation>все регистрации</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="101"/>
        <source>per 100 trap-nights</source>
        <translation>на 100 ловушко-суток</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/reporting/summary.py" line="47"/>
        <source>The season GeoPackage {path} does not exist: import the season first or choose an existing season file.</source>
        <translation>GeoPackage сезона {path} не существует: сначала импортируйте сезон или выберите существующий файл сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/reporting/summary.py" line="57"/>
        <source>Cannot read {path} as a GeoPackage: choose the .gpkg file written by Import census season.</source>
        <translation>Не удалось прочитать {path} как GeoPackage: выберите файл .gpkg, записанный алгоритмом «Импорт данных учётного сезона».</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/reporting/summary.py" line="61"/>
        <source>{path} is not a census season: it has none of the layers routes, observations, cameras, detections. Choose the GeoPackage written by Import census season.</source>
        <translation>{path} не является учётным сезоном: в нём нет ни одного из слоёв routes, observations, cameras, detections. Выберите GeoPackage, записанный алгоритмом «Импорт данных учётного сезона».</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/camtrapdp.py" line="110"/>
        <source>The cameras layer is empty: a Camtrap DP package needs the deployments.</source>
        <translation>Слой фотоловушек пуст: для пакета Camtrap DP нужны установки фотоловушек (deployments).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/camtrapdp.py" line="112"/>
        <source>The cameras layer has no CRS: set it (the season&apos;s UTM zone) so the coordinates can be written in WGS 84.</source>
        <translation>У слоя фотоловушек не задана система координат: укажите её (зону UTM сезона), чтобы координаты можно было записать в WGS 84.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="197"/>
        <source>The cameras layer has no {field} field: use the season GeoPackage&apos;s cameras layer.</source>
        <translation>В слое фотоловушек нет поля {field}: используйте слой cameras из GeoPackage сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/camtrapdp.py" line="140"/>
        <source>{n} cameras ({stations}) have no deployment start and end date; Camtrap DP requires them. Enter the setup and retrieval dates (a secr import has only the effort).</source>
        <translation>Фотоловушек без дат начала и окончания установки: {n} ({stations}); в Camtrap DP эти даты обязательны. Укажите даты установки и снятия (при импорте из secr известно только усилие).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="285"/>
        <source>{n} detections name a station that is not among the cameras and were left out.</source>
        <translation>Регистраций на точках, которых нет среди фотоловушек: {n}; они исключены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/camtrapdp.py" line="221"/>
        <source>{n} detections have no date and time and were left out: Camtrap DP requires the event time.</source>
        <translation>Регистраций без даты и времени: {n}; они исключены, так как в Camtrap DP время события обязательно.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/camtrapdp.py" line="224"/>
        <source>{n} times had no UTC offset; the cameras&apos; offset {offset} was assumed.</source>
        <translation>Значений времени без смещения относительно UTC: {n}; принято смещение фотоловушек {offset}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/camtrapdp.py" line="266"/>
        <source>Camtrap DP export: {deployments} deployments, {observations} observations.</source>
        <translation>Экспорт Camtrap DP: установок фотоловушек — {deployments}, наблюдений — {observations}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/generalise.py" line="52"/>
        <source>The generalisation cell size must be more than 0 m (got {value}); for example 10000 for 10 km cells.</source>
        <translation>Размер ячейки генерализации должен быть больше 0 м (задано {value}); например, 10000 для ячеек 10 км.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/generalise.py" line="70"/>
        <source>The points are in geographic coordinates (degrees); generalisation needs a metric CRS: use the season GeoPackage&apos;s layers or reproject to the park&apos;s UTM zone.</source>
        <translation type="obsolete">Точки в географических координатах (градусах); для генерализации нужна метрическая система координат: используйте слои GeoPackage сезона или перепроецируйте их в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/sitegeom.py" line="95"/>
        <source>The raster {path} has no CRS: set it before using it for covariates.</source>
        <translation>У растра {path} не задана система координат: укажите её, прежде чем использовать растр для ковариат.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/sitegeom.py" line="131"/>
        <source>The raster {what} does not cover the sites.</source>
        <translation>Растр {what} не покрывает участки.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="200"/>
        <source>Unknown replicate kind {name}: use one of {names}.</source>
        <translation>Неизвестный вид повторов {name}: используйте один из: {names}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="204"/>
        <source>The segment length must be more than 0 km (got {value}).</source>
        <translation>Длина отрезка должна быть больше 0 км (задано {value}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="207"/>
        <source>The search half-width must be 0 m or more (got {value}).</source>
        <translation>Полуширина обследования должна быть не меньше 0 м (задано {value}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="210"/>
        <source>The routes layer is empty: occupancy replicates are cut from the walked routes.</source>
        <translation>Слой маршрутов пуст: повторы для моделей встречаемости нарезаются из пройденных маршрутов.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="235"/>
        <source>{n} routes have no date and were left out of the date window.</source>
        <translation>Маршрутов без даты: {n}; они не вошли в интервал дат.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="240"/>
        <source>No route has a date, so there are no survey-day replicates: enter the route dates, or use segment replicates.</source>
        <translation>Ни у одного маршрута нет даты, поэтому повторов по дням учёта нет: укажите даты маршрутов или используйте повторы-отрезки.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="242"/>
        <source>{n} routes have no date: there are no day replicates for them, so they were left out. Enter their dates to use them.</source>
        <translation>Маршрутов без даты: {n}; для них нет повторов по дням, поэтому они исключены. Укажите их даты, чтобы их использовать.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="246"/>
        <source>{n} routes have no date: their replicates come after the dated ones and their signs are matched by distance only.</source>
        <translation>Маршрутов без даты: {n}; их повторы идут после повторов с датами, а следы сопоставляются с ними только по расстоянию.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="249"/>
        <source>No route lies in the date window {start} to {end}: widen the window.</source>
        <translation>Ни один маршрут не попадает в интервал дат с {start} по {end}: расширьте интервал.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="254"/>
        <source>The routes have no line geometry: nothing was walked.</source>
        <translation>У маршрутов нет линейной геометрии: ничего не пройдено.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="284"/>
        <source>None of the {n} sites has a walked route inside it: check that the sites and the routes cover the same area (and the date window).</source>
        <translation>Ни в одном из участков (всего: {n}) нет пройденного маршрута: проверьте, что участки и маршруты охватывают одну и ту же территорию (и интервал дат).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="289"/>
        <source>Give site polygons or a grid size of more than 0 m (got {value}).</source>
        <translation>Укажите полигоны участков или размер ячейки сетки больше 0 м (задано {value}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="374"/>
        <source>{km} km walked in sites were left out: last pieces shorter than {share} of a segment.</source>
        <translation>Не учтено {km} км маршрутов, пройденных в участках: это последние куски короче {share} длины отрезка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="378"/>
        <source>No site holds a replicate: the routes inside the sites are shorter than the segment length. Use shorter segments or larger sites.</source>
        <translation>Ни на одном участке нет повторов: маршруты внутри участков короче длины отрезка. Уменьшите длину отрезка или увеличьте участки.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="430"/>
        <source>{used} chosen signs lie within {width} m of a replicate; {far} lie farther (or on another day) and were not used.</source>
        <translation>Выбранных следов в пределах {width} м от повтора: {used}; дальше (или в другой день): {far} — они не использованы.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="434"/>
        <source>No observations were given: every replicate is a non-detection.</source>
        <translation>Наблюдения не заданы: во всех повторах нет обнаружений.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="525"/>
        <source>{n} sites hold no replicate (not walked, or too little): their rows are all missing.</source>
        <translation>Участков без повторов (не пройдены или пройдено слишком мало): {n}; их строки целиком состоят из пропусков.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="527"/>
        <source>Occupancy export: {sites} sites, up to {k} replicates, {occupied} sites with a detection (naive occupancy {naive}).</source>
        <translation>Экспорт для моделей встречаемости: участков — {sites}, повторов — до {k}, участков с обнаружением — {occupied} (наивная встречаемость {naive}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/occupancy.py" line="577"/>
        <source>Unknown missing-value code {value}: use one of {codes}.</source>
        <translation>Неизвестный код пропущенного значения {value}: используйте один из: {codes}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/graph.py" line="145"/>
        <source>The ridges layer has no lines; compute the ridgelines from the DEM first (snowleopard:terrain).</source>
        <translation>В слое гребней нет линий; сначала постройте линии гребней по ЦМР (snowleopard:terrain).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="151"/>
        <source>The budget must be a positive number of km; got {value}.</source>
        <translation>Бюджет должен быть положительным числом км; задано {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="152"/>
        <source>The longest day must be a positive number of km; got {value}.</source>
        <translation>Наибольший дневной переход должен быть положительным числом км; задано {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner.py" line="1360"/>
        <source>The search half-width must be a positive number of metres; got {value}.</source>
        <translation type="obsolete">Полуширина обследования должна быть положительным числом метров; задано {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="155"/>
        <source>There must be at least one team; got {value}.</source>
        <translation>Нужна хотя бы одна группа; задано {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="225"/>
        <source>The habitat array has shape {shape} but its grid is {rows} x {cols}.</source>
        <translation>Массив местообитаний имеет размер {shape}, а его сетка — {rows} × {cols}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="228"/>
        <source>No habitat cell reaches the suitability threshold {threshold}; lower the threshold or check the habitat layer.</source>
        <translation>Ни одна ячейка местообитаний не достигает порога пригодности {threshold}; понизьте порог или проверьте слой местообитаний.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="164"/>
        <source>{count} ridge segments touch an excluded area and were left out.</source>
        <translation>Отрезков гребней, касающихся исключённых зон: {count}; они не учитываются.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="269"/>
        <source>No ridge can be reached from the access points within half a day&apos;s walk without entering an excluded area.</source>
        <translation>Ни до одного гребня нельзя дойти от точек доступа за полдня пути, не заходя в исключённые зоны.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="292"/>
        <source>A locked transect is {km:.1f} km long, more than the longest day ({day:.1f} km); it is kept as given.</source>
        <translation>Закреплённая трансекта длиной {km:.1f} км длиннее наибольшего дневного перехода ({day:.1f} км); она сохранена в заданном виде.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="296"/>
        <source>A locked transect enters an excluded area; it is kept as given.</source>
        <translation>Закреплённая трансекта заходит в исключённую зону; она сохранена в заданном виде.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="309"/>
        <source>The budget ({budget:.1f} km) is smaller than the locked transects ({locked:.1f} km); the plan holds the locked transects only.</source>
        <translation>Бюджет ({budget:.1f} км) меньше длины закреплённых трансект ({locked:.1f} км); в план входят только закреплённые трансекты.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="313"/>
        <source>No ridge path fits in a day of {day:.1f} km (approaches included); raise the longest day or add access points closer to the ridges.</source>
        <translation>Ни один путь по гребням не укладывается в дневной переход {day:.1f} км (с учётом подходов); увеличьте наибольший дневной переход или добавьте точки доступа ближе к гребням.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="319"/>
        <source>The budget left after the locked transects ({left:.1f} km) is less than the shortest possible transect ({short:.1f} km).</source>
        <translation>Остаток бюджета после закреплённых трансект ({left:.1f} км) меньше самой короткой возможной трансекты ({short:.1f} км).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/cameras.py" line="125"/>
        <source>The number of stations must be 0 or more; got {value}.</source>
        <translation>Число точек должно быть не меньше 0; задано {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/cameras.py" line="126"/>
        <source>Sigma must be a positive distance in metres; got {value}.</source>
        <translation>Сигма должна быть положительным расстоянием в метрах; задано {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/cameras.py" line="129"/>
        <source>The minimum spacing must be 0 or more metres; got {value}.</source>
        <translation>Минимальное расстояние между точками должно быть не меньше 0 м; задано {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/cameras.py" line="194"/>
        <source>Only {placed} of the {wanted} new stations fit in the suitable habitat at a spacing of {spacing:.0f} m; lower the minimum spacing or the number of stations.</source>
        <translation>В пригодных местообитаниях при расстоянии между точками {spacing:.0f} м удалось разместить лишь {placed} из {wanted} новых точек; уменьшите минимальное расстояние или число точек.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/reporting/data.py" line="247"/>
        <source>The gaps layer has no area_km2 field: choose the output of Coverage gaps.</source>
        <translation>В слое пробелов нет поля area_km2: выберите результат «Пробелы в охвате».</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/reporting/data.py" line="299"/>
        <source>The season {path} is empty: it has no routes, signs, cameras or detections. Import the field files first.</source>
        <translation>Сезон {path} пуст: в нём нет маршрутов, следов, фотоловушек и регистраций. Сначала импортируйте полевые файлы.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/reporting/data.py" line="383"/>
        <source>Cannot read {path} as a vector layer: choose the GeoPackage or shapefile written by the analysis.</source>
        <translation>Не удалось прочитать {path} как векторный слой: выберите GeoPackage или shapefile, записанный анализом.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="182"/>
        <source>Unknown detector type {name}: use one of {names}.</source>
        <translation>Неизвестный тип детектора {name}: используйте один из: {names}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="189"/>
        <source>The occasion length must be more than 0 days (got {value}).</source>
        <translation>Длительность периода должна быть больше 0 суток (задано {value}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="192"/>
        <source>The cameras layer is empty: secr needs the camera stations (traps).</source>
        <translation>Слой фотоловушек пуст: для secr нужны точки фотоловушек (ловушки).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="226"/>
        <source>No camera has a station_id and a position: secr needs the camera stations.</source>
        <translation>Ни у одной фотоловушки нет одновременно station_id и координат: для secr нужны точки фотоловушек.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="247"/>
        <source>{n} of {total} stations have no deployment start and end dates; the usage per occasion cannot be known for them, so the total effort (trap-nights) is written as usage for every station.</source>
        <translation>У {n} из {total} фотоловушек нет дат начала и окончания установки; использование (usage) по периодам для них неизвестно, поэтому для всех точек в качестве usage записано суммарное усилие (ловушко-сутки).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="251"/>
        <source>The cameras have no deployment dates (e.g. imported from a secr traps file with only the effort); the usage per occasion is unknown, so the total effort (trap-nights) is written as usage. Read the traps file with binary.usage = FALSE.</source>
        <translation>У фотоловушек нет дат установки (например, они импортированы из файла ловушек secr, где есть только усилие); usage по периодам неизвестно, поэтому в качестве usage записано суммарное усилие (ловушко-сутки). Читайте файл ловушек с binary.usage = FALSE.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="264"/>
        <source>The detections layer is empty: secr needs detections of identified animals.</source>
        <translation>Слой регистраций пуст: для secr нужны регистрации опознанных особей.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="267"/>
        <source>The detections layer needs station_id and individual_id fields: use the season GeoPackage&apos;s detections layer.</source>
        <translation>В слое регистраций должны быть поля station_id и individual_id: используйте слой detections из GeoPackage сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="274"/>
        <source>{n} detections of other species than {species} were left out.</source>
        <translation>Регистраций других видов (не {species}): {n}; они исключены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="279"/>
        <source>{n} detections have no individual ID and were left out: secr needs each capture to name the animal. Identify them (individual_id) to use them.</source>
        <translation>Регистраций без ID особи: {n}; они исключены, так как в secr для каждой поимки нужно указать особь. Опознайте особей (individual_id), чтобы использовать эти регистрации.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="289"/>
        <source>No detection of an identified animal at a known camera station: secr needs detections with an individual_id. {n} detections had no individual ID.</source>
        <translation>Нет ни одной регистрации опознанной особи на известной точке фотоловушки: для secr нужны регистрации с individual_id. Регистраций без ID особи: {n}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="305"/>
        <source>The detections carry secr occasions (imported from a capture file); they were kept and the occasion length was not used.</source>
        <translation>У регистраций уже есть периоды secr (импорт из файла поимок); они сохранены, а длительность периода не использована.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="316"/>
        <source>{n} detections have no date and time and were left out: their occasion cannot be known.</source>
        <translation>Регистраций без даты и времени: {n}; они исключены, так как их период нельзя определить.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="320"/>
        <source>The detections have neither secr occasions nor dates: the occasions cannot be formed. Import detections with their date and time.</source>
        <translation>У регистраций нет ни периодов secr, ни дат: сформировать периоды невозможно. Импортируйте регистрации с датой и временем.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="335"/>
        <source>{n} detections are earlier than the first camera deployment and were left out.</source>
        <translation>Регистраций раньше первой установки фотоловушки: {n}; они исключены.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="363"/>
        <source>{n} detections fall outside the deployment dates of their camera; check the camera dates or the detection times.</source>
        <translation>Регистраций вне дат установки своей фотоловушки: {n}; проверьте даты фотоловушек или время регистраций.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="376"/>
        <source>{n} stations have no trap-nights; their usage was written as NA.</source>
        <translation>Фотоловушек без ловушко-суток: {n}; их usage записан как NA.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="379"/>
        <source>The effort per occasion is unknown: each station&apos;s trap-nights were spread evenly over the {k} occasions.</source>
        <translation>Усилие по периодам неизвестно: ловушко-сутки каждой точки равномерно распределены по всем периодам ({k}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="408"/>
        <source>Proximity detectors record an animal at most once per detector and occasion: {n} repeated detections were merged.</source>
        <translation>Детекторы proximity регистрируют животное не более одного раза на детектор за период; объединено повторных регистраций: {n}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="415"/>
        <source>Multi-catch detectors record an animal at most once per occasion: {n} later detections in the same occasion were left out.</source>
        <translation>Детекторы multi (multi-catch) регистрируют животное не более одного раза за период; исключено более поздних регистраций в том же периоде: {n}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/secr.py" line="160"/>
        <source>secr export: {stations} detectors, {captures} captures of {animals} animals, {occasions} occasions, session {session}.</source>
        <translation>Экспорт для secr: детекторов — {stations}, поимок — {captures}, особей — {animals}, периодов — {occasions}, сессия {session}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="256"/>
        <source>Signs</source>
        <translation>Следы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="286"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="355"/>
        <source>Search half-width</source>
        <translation>Полуширина обследования</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="89"/>
        <source>Access points or roads</source>
        <translation>Точки доступа или дороги</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="208"/>
        <source>Rank</source>
        <translation>Ранг</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="208"/>
        <source>Suitability</source>
        <translation>Пригодность</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="85"/>
        <source>Title</source>
        <translation>Заголовок</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="221"/>
        <source>Plan for next season</source>
        <translation>План на следующий сезон</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="88"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="134"/>
        <source>Detections per 100 trap-nights</source>
        <translation>Регистраций на 100 фотоловушко-суток</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="129"/>
        <source>Habitat suitability</source>
        <translation>Пригодность местообитаний</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="147"/>
        <source>Ridgelines</source>
        <translation>Линии гребней</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/layers.py" line="57"/>
        <source>Survey coverage</source>
        <translation>Охват учётом</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="215"/>
        <source>Effort grid</source>
        <translation>Сетка учётного усилия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="77"/>
        <source>Coverage gaps</source>
        <translation>Пробелы в охвате</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="115"/>
        <source>Choose where to save the report PDF.</source>
        <translation>Укажите, куда сохранить PDF отчёта.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="195"/>
        <source>Report written: {path}</source>
        <translation>Отчёт записан: {path}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="35"/>
        <source>{layer} is in {crs} but {reference} in {season_crs}: use layers of one season GeoPackage, or reproject {layer} to {season_crs} first (Raster ▸ Projections ▸ Warp for a DEM).</source>
        <translation type="obsolete">{layer} в {crs}, а {reference} в {season_crs}: используйте слои одного GeoPackage сезона или сначала перепроецируйте {layer} в {season_crs} (для ЦМР: Растр ▸ Проекции ▸ Трансформировать).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="62"/>
        <source>Coverage and gaps</source>
        <translation>Охват и пробелы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="88"/>
        <source>Where the census looked, exact to the pixel.

Coverage raster: 1 = searched along routes (the cell&apos;s centre within the search half-width of a route), 2 = sampled by cameras (centre within the camera radius of a station), 3 = both, 0 = not covered (transparent). The raster is on the DEM&apos;s grid (cropped to the extent when one is given), or else on a grid of the pixel size over the extent (default: the effort plus the half-width and radius). The optional trap-nights raster sums the trap-nights of the stations reaching each cell.

Effort grid (like SMART&apos;s gridded query), square cells of the grid size: km walked (planimetric), surface km over the DEM, trap-nights of the stations inside, signs and detections inside, and visits (distinct route and date). Cells without any effort or record are left out.

With ridgelines (from &apos;Terrain and ridgelines&apos;): each segment with the km and the share of it lying within the search half-width of a route.</source>
        <translation>Где учёт проводился — с точностью до пикселя.

Растр охвата: 1 — обследовано на маршрутах (центр ячейки в пределах полуширины обследования от маршрута), 2 — охвачено фотоловушками (центр в пределах радиуса фотоловушки), 3 — и то и другое, 0 — не охвачено (прозрачно). Растр строится на сетке ЦМР (обрезанной по охвату, если он задан), иначе на сетке заданного размера пикселя на охвате (по умолчанию — учётное усилие плюс полуширина и радиус). Необязательный растр ловушко-суток суммирует ловушко-сутки фотоловушек, достающих до каждой ячейки.

Сетка учётного усилия (как сеточный запрос SMART), квадратные ячейки заданного размера: пройденные км (в плане), км по поверхности ЦМР, ловушко-сутки фотоловушек внутри, следы и регистрации внутри и посещения (разные маршрут и дата). Ячейки без усилия и записей не выводятся.

С линиями гребней (из алгоритма «Рельеф и линии гребней»): для каждого отрезка — км и доля, лежащая в пределах полуширины обследования от маршрута.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="125"/>
        <source>Routes walked</source>
        <translation>Пройдено маршрутов</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="104"/>
        <source>Camera stations (trap_nights)</source>
        <translation>Фотоловушки (trap_nights)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="106"/>
        <source>Signs (for the grid&apos;s counts)</source>
        <translation>Следы (для подсчётов по сетке)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="108"/>
        <source>Detections (for the grid&apos;s counts)</source>
        <translation>Регистрации (для подсчётов по сетке)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="113"/>
        <source>Search half-width of a route</source>
        <translation>Полуширина обследования маршрута</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="115"/>
        <source>Camera detection radius</source>
        <translation>Радиус обнаружения фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="117"/>
        <source>DEM (grid of the raster; surface km)</source>
        <translation>ЦМР (сетка растра; км по поверхности)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="126"/>
        <source>Pixel size (without a DEM)</source>
        <translation>Размер пикселя (без ЦМР)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="120"/>
        <source>Effort grid cell size</source>
        <translation>Размер ячейки сетки усилия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="122"/>
        <source>Coverage</source>
        <translation>Охват</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="123"/>
        <source>Camera trap-nights per cell</source>
        <translation>Ловушко-сутки фотоловушек на ячейку</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="228"/>
        <source>Ridge segments walked</source>
        <translation>Пройденные отрезки гребней</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="126"/>
        <source>Give the routes walked, the camera stations, or both.</source>
        <translation>Укажите пройденные маршруты, фотоловушки или и то и другое.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="166"/>
        <source>search half-width</source>
        <translation>полуширина обследования</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="166"/>
        <source>camera radius</source>
        <translation>радиус фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="166"/>
        <source>effort grid cell size</source>
        <translation>размер ячейки сетки усилия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="169"/>
        <source>The {name} must be a positive distance in metres.</source>
        <translation>Параметр «{name}» должен быть положительным расстоянием в метрах.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="177"/>
        <source>The cameras have no trap_nights field: each station counts 1 trap-night.</source>
        <translation>У фотоловушек нет поля trap_nights: каждая считается за 1 ловушко-сутки.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="181"/>
        <source>The routes and cameras layers are empty: there is no survey effort to map. Choose the season&apos;s routes or cameras.</source>
        <translation>Слои маршрутов и фотоловушек пусты: нет учётного усилия для карты. Выберите маршруты или фотоловушки сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="190"/>
        <source>The survey effort ({x0:.0f}, {y0:.0f} – {x1:.0f}, {y1:.0f}) does not overlap the DEM {layer} ({a:.0f}, {b:.0f} – {c:.0f}, {d:.0f}): give the DEM of the park, in the season's CRS.</source>
        <translation>Учётное усилие ({x0:.0f}, {y0:.0f} – {x1:.0f}, {y1:.0f}) не пересекается с ЦМР {layer} ({a:.0f}, {b:.0f} – {c:.0f}, {d:.0f}): укажите ЦМР парка в системе координат сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="198"/>
        <source>Give a positive pixel size (metres) or a DEM.</source>
        <translation>Задайте положительный размер пикселя (в метрах) или ЦМР.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="185"/>
        <source>The coverage raster would have {cells} cells: choose a larger pixel size or a smaller extent.</source>
        <translation type="obsolete">Растр охвата содержал бы {cells} ячеек: выберите больший размер пикселя или меньший охват.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="202"/>
        <source>Cells searched and sampled</source>
        <translation>Обследованные и охваченные ячейки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="210"/>
        <source>Searched along routes: {routes:.2f} km²; sampled by cameras: {cams:.2f} km²; both: {both:.2f} km²</source>
        <translation>Обследовано на маршрутах: {routes:.2f} км²; охвачено фотоловушками: {cams:.2f} км²; и то и другое: {both:.2f} км²</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="233"/>
        <source>The ridgelines layer is empty: run &apos;Terrain and ridgelines&apos; on the DEM first, or leave the ridgelines out.</source>
        <translation>Слой линий гребней пуст: сначала выполните «Рельеф и линии гребней» для ЦМР или не указывайте линии гребней.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="237"/>
        <source>Ridges: {walked:.1f} of {total:.1f} km walked</source>
        <translation>Гребни: пройдено {walked:.1f} из {total:.1f} км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="254"/>
        <source>trap-nights</source>
        <translation>ловушко-суток</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="49"/>
        <source>Choose an output folder.</source>
        <translation>Выберите выходную папку.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="53"/>
        <source>Cannot create the folder {folder}: {reason}</source>
        <translation>Не удалось создать папку {folder}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="72"/>
        <source>Generalise coordinates to cells of (m, 0 = exact coordinates)</source>
        <translation>Генерализовать координаты до ячеек размером (м, 0 — точные координаты)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="90"/>
        <source>Choose the {what} layer.</source>
        <translation>Выберите слой: {what}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="127"/>
        <source>Export occupancy detection histories</source>
        <translation>Экспорт историй обнаружений для моделей встречаемости (occupancy)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="440"/>
        <source>Exports</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="133"/>
        <source>Writes the detection history of a sign survey for occupancy models (R unmarked, PRESENCE): detection_history.csv (site_id, y.1 … y.K; 1 = a chosen sign within the search half-width of the replicate, 0 = none, NA where a site has fewer replicates), site_covariates.csv (walked km; mean elevation and ruggedness (TRI) with a DEM, habitat share with a habitat raster, ridge km with ridge lines) and replicate_covariates.csv (length_km, surface_km, date, team per replicate, same NA pattern), plus a sites layer with naive occupancy.

Sites are the given polygons, or square cells of the grid size. Replicates are consecutive segments of the segment length along the routes walked inside each site (routes cut at the site boundaries, taken by date), or survey days. For PRESENCE choose '-' as the missing-value code.</source>
        <translation>Записывает историю обнаружений следового учёта для моделей встречаемости (occupancy) (R unmarked, PRESENCE): detection_history.csv (site_id, y.1 … y.K; 1 — выбранный след в пределах полуширины обследования повтора, 0 — следов нет, NA — у участка меньше повторов), site_covariates.csv (пройденные км; средняя высота и пересечённость (TRI) — если задана ЦМР, доля местообитаний — если задан растр местообитаний, км гребней — если заданы линии гребней) и replicate_covariates.csv (length_km, surface_km, date, team для каждого повтора, пропуски NA — так же), а также слой участков с наивной встречаемостью.

Участки — заданные полигоны или квадратные ячейки сетки заданного размера. Повторы — последовательные отрезки заданной длины вдоль маршрутов, пройденных внутри каждого участка (маршруты разрезаются по границам участков и берутся в порядке дат), или дни учёта. Для PRESENCE выберите «-» в качестве кода пропущенного значения.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="149"/>
        <source>Sites (polygons; empty: grid cells)</source>
        <translation>Участки (полигоны; пусто — ячейки сетки)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="151"/>
        <source>Grid cell size (when no sites)</source>
        <translation>Размер ячейки сетки (если участки не заданы)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="153"/>
        <source>Replicate segment length (km)</source>
        <translation>Длина отрезка-повтора (км)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="157"/>
        <source>Sign types (e.g. track, scrape; empty: all)</source>
        <translation>Типы следов (например, track, scrape; пусто — все)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="163"/>
        <source>DEM (for covariates)</source>
        <translation>ЦМР (для ковариат)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="164"/>
        <source>Habitat raster (cells &gt; 0 are habitat)</source>
        <translation>Растр местообитаний (ячейки &gt; 0 — местообитания)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="166"/>
        <source>Ridge lines</source>
        <translation>Линии гребней</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="168"/>
        <source>Replicates</source>
        <translation>Повторы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="168"/>
        <source>segments along routes</source>
        <translation>отрезки вдоль маршрутов</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="168"/>
        <source>survey days</source>
        <translation>дни учёта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="171"/>
        <source>Missing-value code</source>
        <translation>Код пропущенного значения</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="171"/>
        <source>NA (R unmarked)</source>
        <translation>NA (R unmarked)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="171"/>
        <source>- (PRESENCE)</source>
        <translation>- (PRESENCE)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="171"/>
        <source>. (PRESENCE)</source>
        <translation>. (PRESENCE)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="396"/>
        <source>Output folder</source>
        <translation>Выходная папка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="176"/>
        <source>Occupancy sites</source>
        <translation>Участки (встречаемость)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="200"/>
        <source>routes</source>
        <translation>маршруты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="201"/>
        <source>signs</source>
        <translation>следы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="236"/>
        <source>The sites layer is generalised to {cell:g} m cells.</source>
        <translation>Слой участков генерализован до ячеек {cell:g} м.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="297"/>
        <source>Export secr capture histories</source>
        <translation>Экспорт историй поимок для secr</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="303"/>
        <source>Writes traps.txt (ID X Y usage / station covariates) and capthist.txt (Session ID Occasion Detector Sex) as secr::read.capthist(&quot;capthist.txt&quot;, &quot;traps.txt&quot;, detector = ..., fmt = &quot;trapID&quot;, covnames = &quot;Sex&quot;) reads them; the exact R call is in the first line of traps.txt.

Occasions of the chosen number of days count from the day the first camera was set up; the usage string has a 1 for each occasion a camera was running. Detections that already carry secr occasions keep them. Detections without an individual ID are left out (the log says how many). Cameras without deployment dates get their total trap-nights as usage (read with binary.usage = FALSE).</source>
        <translation>Записывает traps.txt (ID X Y usage / ковариаты точек) и capthist.txt (Session ID Occasion Detector Sex) в том виде, в каком их читает secr::read.capthist(&quot;capthist.txt&quot;, &quot;traps.txt&quot;, detector = ..., fmt = &quot;trapID&quot;, covnames = &quot;Sex&quot;); точный вызов R приведён в первой строке traps.txt.

Периоды (occasions) заданной длительности в сутках отсчитываются от дня установки первой фотоловушки; в строке usage стоит 1 для каждого периода, в который фотоловушка работала. Регистрации, у которых уже есть периоды secr, сохраняют их. Регистрации без ID особи исключаются (их число указывается в журнале). Фотоловушкам без дат установки в качестве usage записываются их суммарные ловушко-сутки (читайте с binary.usage = FALSE).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="317"/>
        <source>Occasion length (days)</source>
        <translation>Длительность периода (сут)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="319"/>
        <source>Detector type</source>
        <translation>Тип детектора</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="321"/>
        <source>Species (empty: all identified detections)</source>
        <translation>Вид (пусто — все регистрации опознанных особей)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="404"/>
        <source>cameras</source>
        <translation>фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="100"/>
        <source>detections</source>
        <translation>регистрации</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="376"/>
        <source>Export Camtrap DP package</source>
        <translation>Экспорт пакета Camtrap DP</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="382"/>
        <source>Writes a Camtrap DP 1.0 package (datapackage.json, deployments.csv, media.csv, observations.csv), the exchange standard that camtrapR, Wildlife Insights, Agouti and GBIF read: one deployment per camera (coordinates in WGS 84), one event-level observation per detection. Cameras need deployment start and end dates; the season keeps no photos, so media.csv is empty. With a generalisation cell size, deployments are moved to cell centres and the package says so.</source>
        <translation>Записывает пакет Camtrap DP 1.0 (datapackage.json, deployments.csv, media.csv, observations.csv) — стандарт обмена данными, который читают camtrapR, Wildlife Insights, Agouti и GBIF: одна установка фотоловушки (deployment) на каждую фотоловушку (координаты в WGS 84), одно наблюдение уровня события на каждую регистрацию. Для фотоловушек нужны даты начала и окончания установки; фотографии в сезоне не хранятся, поэтому media.csv пуст. Если задан размер ячейки генерализации, установки переносятся в центры ячеек, и это указывается в пакете.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="437"/>
        <source>Generalise points for sharing</source>
        <translation>Генерализация точек для передачи данных</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="443"/>
        <source>Moves every point to the centre of its cell in a square grid of the chosen size (anchored at the CRS origin), so shared copies never carry exact snow leopard locations. One output point per input point (so counts per cell are kept), with all attributes except coordinate columns (x, y, lon, lat …) and a generalised_m field holding the cell size. Elevations (Z) are dropped. The layer must be in a metric CRS.</source>
        <translation>Переносит каждую точку в центр её ячейки квадратной сетки заданного размера (с привязкой к началу координат системы координат), чтобы в передаваемых копиях не было точных мест встреч снежного барса. Каждой входной точке соответствует одна выходная (число точек в ячейке сохраняется), со всеми атрибутами, кроме столбцов координат (x, y, lon, lat …), и с полем generalised_m, содержащим размер ячейки. Высоты (Z) отбрасываются. Слой должен быть в метрической системе координат.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="451"/>
        <source>Points</source>
        <translation>Точки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="453"/>
        <source>Cell size</source>
        <translation>Размер ячейки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="455"/>
        <source>Generalised points</source>
        <translation>Генерализованные точки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="465"/>
        <source>points</source>
        <translation>точки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="480"/>
        <source>Coordinate columns left out: {names}</source>
        <translation>Исключённые столбцы координат: {names}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="506"/>
        <source>{count} points generalised to {cell:g} m cells.</source>
        <translation>Точек, генерализованных до ячеек {cell:g} м: {count}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="57"/>
        <source>Suitable habitat farther than the maximum distance from every route and camera station, as polygons ranked by area × mean suitability (rank 1 first).

Habitat: a suitability raster (e.g. from 'Habitat suitability'; cells at or above the threshold are suitable) or the park's habitat polygons (rasterised at the pixel size by the cell-centre rule, value 1 or a 0–1 field). A cell is near effort when its centre lies within the maximum distance of a route segment or a station (exact). Gap cells touching at an edge or a corner form one gap.

Each gap: area_km2, suitability (mean), ridge_km (length of the ridgelines inside, when given), access_km (distance to the nearest access point or line: roads, camps; empty without them) and rank. Gaps smaller than the minimum area are left out. Give an extent to work on part of a large habitat layer.</source>
        <translation>Пригодные местообитания дальше наибольшего расстояния от всех маршрутов и фотоловушек — полигоны, ранжированные по площади × средней пригодности (ранг 1 — первый).

Местообитания: растр пригодности (например, из алгоритма «Пригодность местообитаний»; пригодны ячейки со значением не ниже порога) или полигоны местообитаний парка (растеризуются с заданным размером пикселя по правилу центра ячейки, значение 1 или поле 0–1). Ячейка считается близкой к усилию, если её центр лежит в пределах наибольшего расстояния от отрезка маршрута или фотоловушки (точно). Ячейки пробелов, соприкасающиеся стороной или углом, образуют один пробел.

Для каждого пробела: area_km2, suitability (средняя), ridge_km (длина линий гребней внутри, если они заданы), access_km (расстояние до ближайшей точки или линии доступа: дороги, стоянки; пусто без них) и rank. Пробелы меньше минимальной площади не выводятся. Задайте охват, чтобы работать с частью большого слоя местообитаний.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="264"/>
        <source>Habitat (suitability raster or habitat polygons)</source>
        <translation>Местообитания (растр пригодности или полигоны местообитаний)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="111"/>
        <source>Habitat polygons: 0–1 suitability field (empty: 1 inside)</source>
        <translation>Полигоны местообитаний: поле пригодности 0–1 (пусто — 1 внутри)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="81"/>
        <source>Maximum distance from effort</source>
        <translation>Наибольшее расстояние от учётного усилия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="83"/>
        <source>Minimum gap area (km²)</source>
        <translation>Минимальная площадь пробела (км²)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="86"/>
        <source>Suitability threshold</source>
        <translation>Порог пригодности</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="95"/>
        <source>Pixel size for habitat polygons</source>
        <translation>Размер пикселя для полигонов местообитаний</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="122"/>
        <source>Choose a habitat layer: a suitability raster or habitat polygons.</source>
        <translation>Выберите слой местообитаний: растр пригодности или полигоны местообитаний.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="132"/>
        <source>The maximum distance from effort must be a positive distance in metres.</source>
        <translation>Наибольшее расстояние от учётного усилия должно быть положительным расстоянием в метрах.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="140"/>
        <source>The routes and cameras layers are empty: there is no survey effort. Choose the season&apos;s routes or cameras.</source>
        <translation>Слои маршрутов и фотоловушек пусты: учётного усилия нет. Выберите маршруты или фотоловушки сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="148"/>
        <source>Habitat</source>
        <translation>Местообитания</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="154"/>
        <source>Give a positive pixel size (metres) for the habitat polygons.</source>
        <translation>Задайте положительный размер пикселя (в метрах) для полигонов местообитаний.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="160"/>
        <source>The extent does not overlap the habitat layer {layer}: choose an extent inside it (same CRS).</source>
        <translation>Охват не пересекается со слоем местообитаний {layer}: выберите охват внутри него (в той же системе координат).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="231"/>
        <source>The habitat grid would have {cells} cells: choose a larger pixel size or a smaller extent.</source>
        <translation type="obsolete">Сетка местообитаний содержала бы {cells} ячеек: выберите больший размер пикселя или меньший охват.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="171"/>
        <source>The habitat layer {layer} has no polygon in the extent.</source>
        <translation>В слое местообитаний {layer} нет полигонов в пределах охвата.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="185"/>
        <source>Access features reprojected from {a} to {b}.</source>
        <translation type="obsolete">Объекты доступа перепроецированы из {a} в {b}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="203"/>
        <source>Gaps: {count}, {area:.1f} km² of suitable habitat farther than {distance:g} m from any effort</source>
        <translation>Пробелов: {count}, {area:.1f} км² пригодных местообитаний дальше {distance:g} м от любого учётного усилия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="211"/>
        <source>The survey effort ({x0:.0f}, {y0:.0f} – {x1:.0f}, {y1:.0f}) lies farther than the maximum distance from the habitat ({a:.0f}, {b:.0f} – {c:.0f}, {d:.0f}): check that routes, cameras and habitat are of the same park and in the same CRS, and the extent.</source>
        <translation>Учётное усилие ({x0:.0f}, {y0:.0f} – {x1:.0f}, {y1:.0f}) лежит дальше наибольшего расстояния от местообитаний ({a:.0f}, {b:.0f} – {c:.0f}, {d:.0f}): проверьте, что маршруты, фотоловушки и местообитания относятся к одному парку и заданы в одной системе координат, а также охват.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Elevation: unsuitable below (m)</source>
        <translation>Высота: непригодно ниже (м)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Elevation: fully suitable from (m)</source>
        <translation>Высота: полностью пригодно от (м)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Elevation: fully suitable up to (m)</source>
        <translation>Высота: полностью пригодно до (м)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Elevation: unsuitable above (m)</source>
        <translation>Высота: непригодно выше (м)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Slope: unsuitable below (degrees)</source>
        <translation>Крутизна: непригодно ниже (градусы)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Slope: fully suitable from (degrees)</source>
        <translation>Крутизна: полностью пригодно от (градусы)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Ruggedness: lowest score at VRM</source>
        <translation>Пересечённость: наименьшая оценка при VRM</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Ruggedness: fully suitable from VRM</source>
        <translation>Пересечённость: полностью пригодно от VRM</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Ruggedness: lowest score (0–1)</source>
        <translation>Пересечённость: наименьшая оценка (0–1)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Ridge: fully suitable within (m)</source>
        <translation>Гребень: полностью пригодно в пределах (м)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Ridge: lowest score beyond (m)</source>
        <translation>Гребень: наименьшая оценка дальше (м)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Ridge: lowest score (0–1)</source>
        <translation>Гребень: наименьшая оценка (0–1)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Weight of elevation (0: rule off)</source>
        <translation>Вес высоты (0 — правило выключено)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Weight of slope (0: rule off)</source>
        <translation>Вес крутизны (0 — правило выключено)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Weight of ruggedness (0: rule off)</source>
        <translation>Вес пересечённости (0 — правило выключено)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="32"/>
        <source>Weight of ridge distance (0: rule off)</source>
        <translation>Вес расстояния до гребня (0 — правило выключено)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="54"/>
        <source>Weighted geometric mean</source>
        <translation>Взвешенное среднее геометрическое</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="54"/>
        <source>Product</source>
        <translation>Произведение</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="54"/>
        <source>Minimum</source>
        <translation>Минимум</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="76"/>
        <source>Habitat suitability from 0 (unsuitable) to 1, on the DEM's grid.

From a DEM: each rule scores its variable 0–1 with a trapezoid (0 below the 'unsuitable' value, rising linearly to 1 at the 'fully suitable' value, and for elevation down again to 0 at the upper limit; ruggedness and ridge distance never score below their lowest score). Elevation, slope (Horn), ruggedness (VRM 3x3) and distance to the nearest ridge are combined by a weighted geometric mean (any zero gives 0), a product or the minimum. A weight of 0 switches a rule off. The defaults are starting values for the Altai (see docs/terrain.md: most are assumptions to calibrate on the park's own records). Give the ridgelines from 'Terrain and ridgelines', or they are extracted from the DEM with the default settings.

From a habitat layer the park already has: polygons (value 1 inside, or a 0–1 field) are rasterised by the cell-centre rule; a raster is averaged onto the grid (divide by the scale, e.g. 100 for a 0–100 % map). The grid is the DEM's when a DEM is given, else the pixel size over the extent (default: the layer's extent).</source>
        <translation type="obsolete">Пригодность местообитаний от 0 (непригодно) до 1 на сетке ЦМР.

По ЦМР: каждое правило оценивает свою переменную от 0 до 1 трапецией (0 ниже значения «непригодно», линейный рост до 1 к значению «полностью пригодно», а для высоты — снова спад до 0 к верхней границе; пересечённость и расстояние до гребня не оцениваются ниже своей наименьшей оценки). Высота, крутизна (метод Хорна), пересечённость (VRM 3x3) и расстояние до ближайшего гребня объединяются взвешенным средним геометрическим (любой ноль даёт 0), произведением или минимумом. Вес 0 выключает правило. Значения по умолчанию — начальные для Алтая (см. docs/terrain.md: большинство из них — допущения, которые нужно откалибровать по собственным данным парка). Укажите линии гребней из алгоритма «Рельеф и линии гребней», иначе они будут выделены из ЦМР с настройками по умолчанию.

По слою местообитаний, который уже есть у парка: полигоны (значение 1 внутри или поле 0–1) растеризуются по правилу центра ячейки; растр усредняется на сетку (с делением на масштаб, например 100 для карты 0–100 %). Сетка — сетка ЦМР, если ЦМР задана, иначе заданный размер пикселя на охвате (по умолчанию — охват слоя).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="67"/>
        <source>DEM (metres, metric CRS)</source>
        <translation type="obsolete">ЦМР (метры, метрическая система координат)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="108"/>
        <source>Or: the park&apos;s habitat layer (polygons or raster)</source>
        <translation>Или: слой местообитаний парка (полигоны или растр)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="115"/>
        <source>Habitat raster: divide values by</source>
        <translation>Растр местообитаний: разделить значения на</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="119"/>
        <source>Ridgelines (for the ridge rule)</source>
        <translation>Линии гребней (для правила гребней)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="124"/>
        <source>Combine the rules by</source>
        <translation>Объединять правила через</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="143"/>
        <source>The rule parameter {name} must be a number (weights: 0 or more); got {value}.</source>
        <translation>Параметр правила {name} должен быть числом (веса — 0 или больше); задано {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="160"/>
        <source>All habitat rules have weight 0: give at least one rule a positive weight.</source>
        <translation>У всех правил пригодности вес 0: задайте хотя бы одному правилу положительный вес.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="187"/>
        <source>Give a DEM (habitat from rules) or the park&apos;s habitat layer.</source>
        <translation>Укажите ЦМР (пригодность по правилам) или слой местообитаний парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="171"/>
        <source>The habitat layer is in {a} but the DEM in {b}: reproject the habitat layer to the DEM&apos;s CRS.</source>
        <translation type="obsolete">Слой местообитаний в {a}, а ЦМР в {b}: перепроецируйте слой местообитаний в систему координат ЦМР.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="189"/>
        <source>The ridgelines are in {a} but the DEM in {b}: use the ridgelines computed from this DEM.</source>
        <translation type="obsolete">Линии гребней в {a}, а ЦМР в {b}: используйте линии гребней, вычисленные по этой ЦМР.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="205"/>
        <source>The ridgelines layer is empty: every cell scores the ridge rule&apos;s lowest score.</source>
        <translation>Слой линий гребней пуст: все ячейки получат наименьшую оценку по правилу гребней.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="208"/>
        <source>No ridgelines given: extracting them from the DEM (default settings).</source>
        <translation>Линии гребней не заданы: они выделяются из ЦМР (настройки по умолчанию).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="230"/>
        <source>Give a positive pixel size (metres).</source>
        <translation>Задайте положительный размер пикселя (в метрах).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="242"/>
        <source>The habitat layer {layer} has no polygon in the extent: check its CRS and the extent.</source>
        <translation>В слое местообитаний {layer} нет полигонов в пределах охвата: проверьте его систему координат и охват.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="256"/>
        <source>Suitable (≥ 0.5): {area:.1f} km²; mean suitability {mean:.2f}</source>
        <translation>Пригодно (≥ 0,5): {area:.1f} км²; средняя пригодность {mean:.2f}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="34"/>
        <source>Choose a habitat layer: a suitability raster (0–1) or habitat polygons.</source>
        <translation>Выберите слой местообитаний: растр пригодности (0–1) или полигоны местообитаний.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="70"/>
        <source>The habitat layer {layer} has no polygon.</source>
        <translation>В слое местообитаний {layer} нет полигонов.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="111"/>
        <source>Plan day transects</source>
        <translation>Планирование дневных трансект</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="342"/>
        <source>Plan</source>
        <translation>План</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="102"/>
        <source>Proposes next season's day transects: paths along the ridge lines (plus the walk in from and back to the nearest access point, when access points are given), each no longer than the longest day, that together search as much suitable habitat not yet searched as the budget allows.

Km are surface km over the DEM (planimetric without one). A transect's value is the suitable habitat (cells with suitability ≥ 0.5, weighted by it, km²) within the search half-width of its line, minus what the routes already walked and the transects picked before searched. Transects are picked greedily by new habitat per km and by new habitat, with lazy re-evaluation; the better plan is kept (a proven constant-factor approximation of the best plan; see the help).

Locked transects are kept first and charged to the budget; excluded areas are never entered. Transects are shared among the teams, one per day, balancing the km. With a GPX folder, one GPX file per team is written for the GPS units.</source>
        <translation type="obsolete">Предлагает дневные трансекты на следующий сезон: пути вдоль линий гребней (плюс подход от ближайшей точки доступа и возвращение к ней, если точки доступа заданы), каждый не длиннее наибольшего дневного перехода, которые вместе обследуют как можно больше ещё не обследованных пригодных местообитаний в пределах бюджета.

Км — это км по поверхности ЦМР (без ЦМР — в плане). Ценность трансекты — пригодные местообитания (ячейки с пригодностью ≥ 0,5, взвешенные по ней, км²) в пределах полуширины обследования от её линии за вычетом того, что уже обследовано пройденными маршрутами и ранее выбранными трансектами. Трансекты выбираются жадным алгоритмом по новым местообитаниям на 1 км и по новым местообитаниям, с ленивым пересчётом; сохраняется лучший из двух планов (доказанное приближение наилучшего плана с постоянным множителем; см. справку).

Закреплённые трансекты включаются первыми и засчитываются в бюджет; в исключённые зоны трансекты не заходят. Трансекты распределяются между группами, по одной на день, с выравниванием километража. Если задана папка GPX, для GPS-навигаторов записывается по одному файлу GPX на группу.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="139"/>
        <source>Routes already walked</source>
        <translation>Уже пройденные маршруты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="141"/>
        <source>DEM (surface km and climb)</source>
        <translation>ЦМР (км по поверхности и набор высоты)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="142"/>
        <source>Access points (camps, road ends, huts)</source>
        <translation>Точки доступа (стоянки, концы дорог, избушки)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="145"/>
        <source>Budget (km)</source>
        <translation>Бюджет (км)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="147"/>
        <source>Longest day (km)</source>
        <translation>Наибольший дневной переход (км)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="149"/>
        <source>Teams</source>
        <translation>Число групп</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="153"/>
        <source>Locked transects (walked every year)</source>
        <translation>Закреплённые трансекты (проходятся ежегодно)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="278"/>
        <source>Excluded areas</source>
        <translation>Исключённые зоны</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="351"/>
        <source>Planned transects</source>
        <translation>Запланированные трансекты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="165"/>
        <source>GPX folder (one file per team)</source>
        <translation>Папка GPX (по файлу на группу)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="167"/>
        <source>Km planned</source>
        <translation>Запланировано км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="167"/>
        <source>New habitat searched (km²)</source>
        <translation>Новых обследованных местообитаний (км²)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="179"/>
        <source>Choose the ridgelines (snowleopard:terrain makes them from a DEM).</source>
        <translation>Выберите линии гребней (их строит по ЦМР алгоритм snowleopard:terrain).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="272"/>
        <source>The habitat layer</source>
        <translation type="obsolete">слой местообитаний</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="168"/>
        <source>The DEM is in {a} but the habitat in {b}: reproject the DEM (Raster ▸ Projections ▸ Warp).</source>
        <translation type="obsolete">ЦМР в {a}, а местообитания в {b}: перепроецируйте ЦМР (Растр ▸ Проекции ▸ Трансформировать).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="216"/>
        <source>GPX files: {files}</source>
        <translation>Файлы GPX: {files}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="218"/>
        <source>{count} transects, {km:.1f} km, {area:.2f} km² of new suitable habitat searched ({candidates} candidate transects)</source>
        <translation>Трансект: {count}, {km:.1f} км, обследовано {area:.2f} км² новых пригодных местообитаний (трансект-кандидатов: {candidates})</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="248"/>
        <source>Plan camera stations</source>
        <translation>Планирование точек фотоловушек</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="254"/>
        <source>Places camera-trap stations in suitable habitat (suitability ≥ 0.5), preferring ridges and saddles where the cats travel, never closer than the minimum spacing, and spread relative to sigma (the movement scale of spatial capture-recapture) so the array spans several home ranges.

Stations are picked one by one: the best place by suitability × (1 + 1 on a ridge + 0.5 at a saddle), damped by 1 − exp(−d²/2σ²) for each station already placed at distance d. Existing stations are kept and the new ones fitted around them. The result is the same for the same input. When fewer stations fit at that spacing, as many as fit are placed with a warning.</source>
        <translation>Размещает точки фотоловушек в пригодных местообитаниях (пригодность ≥ 0,5), предпочитая гребни и седловины, по которым ходят барсы, не ближе минимального расстояния друг к другу и с разносом относительно сигмы (масштаба перемещений в пространственных моделях отлова–повторного отлова, SCR), чтобы сеть фотоловушек охватывала несколько индивидуальных участков обитания.

Точки выбираются по одной: лучшее место по пригодности × (1 + 1 на гребне + 0,5 на седловине) с понижающим множителем 1 − exp(−d²/2σ²) для каждой уже размещённой точки на расстоянии d. Существующие точки сохраняются, новые размещаются вокруг них. При одинаковых входных данных результат одинаков. Если при таком расстоянии помещается меньше точек, размещается столько, сколько помещается, с предупреждением.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="269"/>
        <source>DEM (saddles)</source>
        <translation>ЦМР (седловины)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="270"/>
        <source>New stations</source>
        <translation>Число новых точек</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="272"/>
        <source>Sigma (movement scale)</source>
        <translation>Сигма (масштаб перемещений)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="274"/>
        <source>Minimum spacing</source>
        <translation>Минимальное расстояние между точками</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="276"/>
        <source>Existing stations (kept)</source>
        <translation>Существующие точки (сохраняются)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="280"/>
        <source>Planned camera stations</source>
        <translation>Запланированные точки фотоловушек</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="315"/>
        <source>{count} stations ({new} new)</source>
        <translation>Точек: {count} (новых: {new})</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="339"/>
        <source>Compare plan with routes walked</source>
        <translation>Сравнение плана с пройденными маршрутами</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="345"/>
        <source>After the season: for each planned transect, walked_share is the share of its length (0–1) that lies within the search half-width of a route walked, and walked_km that length. The off-plan layer holds the parts of the routes farther than the half-width from every planned transect, with offplan_km.</source>
        <translation>После сезона: для каждой запланированной трансекты walked_share — доля её длины (0–1), лежащая в пределах полуширины обследования от пройденного маршрута, а walked_km — длина этой части. Слой «Пройдено вне плана» содержит части маршрутов, удалённые от всех запланированных трансект больше чем на полуширину, с полем offplan_km.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="357"/>
        <source>Plan walked</source>
        <translation>Выполнение плана</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="359"/>
        <source>Walked off the plan</source>
        <translation>Пройдено вне плана</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="373"/>
        <source>Choose the planned transects and the routes walked.</source>
        <translation>Выберите запланированные трансекты и пройденные маршруты.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="396"/>
        <source>Plan walked: {share:.0%}; walked off the plan: {km:.1f} km</source>
        <translation>План выполнен на {share:.0%}; пройдено вне плана: {km:.1f} км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="50"/>
        <source>Season report</source>
        <translation>Отчёт о сезоне</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="53"/>
        <source>Report</source>
        <translation>Отчёт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="60"/>
        <source>A six-page A4 report of the season as a PDF: 1 title, dates, teams and an overview map; 2 signs, the effort-corrected heatmap and signs per km by survey week; 3 camera stations (trap-nights, detections, individuals, detections per 100 trap-nights); 4 coverage and the ranked gaps; 5 the plan for next season; 6 totals per team and the import validation.

The heatmap, coverage, gaps, plan, DEM (hillshade) and park boundary are optional: a page whose input is missing says so. The language (ru or en) is the report's, whatever language QGIS runs in. The print layout is also added to the project (Project ▸ Layouts) so it can be edited and exported again; the charts are saved in a folder beside the PDF.</source>
        <translation>Шестистраничный отчёт о сезоне формата A4 в PDF: 1 — заголовок, даты, группы и обзорная карта; 2 — следы, тепловая карта с учётом усилия и следы на 1 км по неделям учёта; 3 — фотоловушки (фотоловушко-сутки, регистрации, особи, регистрации на 100 фотоловушко-суток); 4 — охват и пробелы по рангу; 5 — план на следующий сезон; 6 — итоги по группам и проверка импорта.

Тепловая карта, охват, пробелы, план, ЦМР (отмывка рельефа) и граница парка необязательны: страница без своих данных сообщает об этом. Язык (ru или en) — язык отчёта, независимо от языка QGIS. Макет печати также добавляется в проект (Проект ▸ Макеты), чтобы его можно было править и экспортировать заново; диаграммы сохраняются в папке рядом с PDF.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="73"/>
        <source>Heatmap (effort-corrected)</source>
        <translation>Тепловая карта (с учётом усилия)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="75"/>
        <source>Survey coverage (raster or grid)</source>
        <translation>Охват учётом (растр или сетка)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="81"/>
        <source>DEM (hillshade under the maps)</source>
        <translation>ЦМР (отмывка рельефа под картами)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/layers.py" line="55"/>
        <source>Park boundary</source>
        <translation>Граница парка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="86"/>
        <source>Report language (ru or en)</source>
        <translation>Язык отчёта (ru или en)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="88"/>
        <source>Report PDF</source>
        <translation>PDF отчёта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="111"/>
        <source>The report language must be ru or en (got {value}).</source>
        <translation>Язык отчёта должен быть ru или en (указано: {value}).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="128"/>
        <source>The DEM is in {dem}, the season in EPSG:{season}: the hillshade is drawn reprojected.</source>
        <translation>ЦМР в {dem}, сезон в EPSG:{season}: отмывка рельефа рисуется с перепроецированием.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="136"/>
        <source>The folder {folder} does not exist: choose another place for the report PDF.</source>
        <translation>Папка {folder} не существует: выберите другое место для PDF отчёта.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="139"/>
        <source>Cannot write to the folder {folder}: choose another place for the report PDF.</source>
        <translation>Нет доступа на запись в папку {folder}: выберите другое место для PDF отчёта.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="145"/>
        <source>Cannot write the report&apos;s charts to {folder}: {reason}</source>
        <translation>Не удалось записать диаграммы отчёта в {folder}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="186"/>
        <source>Cannot write the report PDF {path}: {reason}</source>
        <translation>Не удалось записать PDF отчёта {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="219"/>
        <source>The print layout {name} was added to the project.</source>
        <translation>Макет печати {name} добавлен в проект.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="26"/>
        <source>Vector ruggedness measure (VRM, 0–1)</source>
        <translation>Векторная мера пересечённости (VRM, 0–1)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="26"/>
        <source>Terrain ruggedness index (TRI, Riley, m)</source>
        <translation>Индекс пересечённости рельефа (TRI по Райли, м)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="59"/>
        <source>Terrain and ridgelines</source>
        <translation>Рельеф и линии гребней</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="54"/>
        <source>From a DEM in metres (a metric CRS such as the park's UTM zone): slope in degrees (Horn, as gdaldem), ruggedness (VRM 0–1 over a square window, or Riley's TRI in metres, as gdaldem TRI), topographic position (TPI, metres above the mean of a circle of the given radius) and the ridgelines as a line layer cut into segments, with the saddles along them.

Ridges: cells whose TPI over the circle exceeds the minimum, thinned to one-cell lines along the crest, traced, cleaned of stubs shorter than the minimum length and cut into segments no longer than the segment length. They stop about twice the TPI radius from the DEM's edge and from nodata: use a DEM reaching that far beyond the park.

Without 'Compute edges', cells whose window leaves the DEM are left empty, as gdaldem does. The rasters are saved with their styles (.qml) beside them.</source>
        <translation type="obsolete">По ЦМР в метрах (в метрической системе координат, например в зоне UTM парка): крутизна склона в градусах (метод Хорна, как в gdaldem), пересечённость (VRM 0–1 в квадратном окне или TRI по Райли в метрах, как gdaldem TRI), топографическое положение (TPI, превышение в метрах над средней высотой круга заданного радиуса) и линии гребней — линейный слой, разрезанный на отрезки, с седловинами на гребнях.

Гребни: ячейки, у которых TPI по кругу больше минимума, утончаются до линий шириной в одну ячейку вдоль гребня, трассируются, очищаются от отростков короче минимальной длины и режутся на отрезки не длиннее заданной длины. Они заканчиваются примерно в двух радиусах TPI от края ЦМР и от ячеек без данных: берите ЦМР, выходящую настолько же за границы парка.

Без флажка «Вычислять края» ячейки, окно которых выходит за ЦМР, остаются пустыми, как в gdaldem. Растры сохраняются вместе со стилями (.qml) в той же папке.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="82"/>
        <source>TPI radius (also the scale of the ridges)</source>
        <translation>Радиус TPI (он же масштаб гребней)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="84"/>
        <source>Ruggedness measure</source>
        <translation>Мера пересечённости</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="86"/>
        <source>VRM window (cells, odd)</source>
        <translation>Окно VRM (ячеек, нечётное)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="89"/>
        <source>Compute edges</source>
        <translation>Вычислять края</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="90"/>
        <source>Ridge: minimum TPI (m above the surroundings)</source>
        <translation>Гребень: минимальный TPI (м над окружением)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="93"/>
        <source>Ridge: drop stubs shorter than</source>
        <translation>Гребень: отбросить отростки короче</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="95"/>
        <source>Ridge: maximum segment length</source>
        <translation>Гребень: наибольшая длина отрезка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="98"/>
        <source>Slope (degrees)</source>
        <translation>Крутизна (градусы)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="99"/>
        <source>Ruggedness</source>
        <translation>Пересечённость</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="100"/>
        <source>Topographic position (TPI, m)</source>
        <translation>Топографическое положение (TPI, м)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="106"/>
        <source>Saddles</source>
        <translation>Седловины</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="126"/>
        <source>Choose a DEM.</source>
        <translation>Выберите ЦМР.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="138"/>
        <source>The VRM window must be an odd number of cells (3, 5, 7, ...); got {value}.</source>
        <translation>Окно VRM должно быть нечётным числом ячеек (3, 5, 7, ...); задано {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="144"/>
        <source>DEM: {cols} x {rows} cells of {pixel:g} m</source>
        <translation>ЦМР: {cols} x {rows} ячеек по {pixel:g} м</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="155"/>
        <source>Slope, ruggedness, TPI</source>
        <translation>Крутизна, пересечённость, TPI</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="184"/>
        <source>Ridgelines: {count} segments, {km:.1f} km; saddles: {saddles}</source>
        <translation>Линии гребней: отрезков {count}, {km:.1f} км; седловин: {saddles}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="95"/>
        <source>Not covered</source>
        <translation>Не охвачено</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="95"/>
        <source>Searched along routes</source>
        <translation>Обследовано на маршрутах</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="95"/>
        <source>Sampled by cameras</source>
        <translation>Охвачено фотоловушками</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="96"/>
        <source>Routes and cameras</source>
        <translation>Маршруты и фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/rasters.py" line="37"/>
        <source>The raster {layer} cannot be read: choose a valid raster layer.</source>
        <translation>Не удалось прочитать растр {layer}: выберите корректный растровый слой.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/rasters.py" line="40"/>
        <source>The raster {layer} is not a file (provider {provider}): save it as a GeoTIFF first.</source>
        <translation>Растр {layer} не является файлом (провайдер {provider}): сначала сохраните его в GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/rasters.py" line="44"/>
        <source>The raster {layer} is not a local file ({path}): save it as a GeoTIFF first.</source>
        <translation>Растр {layer} не является локальным файлом ({path}): сначала сохраните его в GeoTIFF.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/rasters.py" line="93"/>
        <source>The extent does not overlap the raster {layer}: choose an extent inside it (same CRS).</source>
        <translation>Охват не пересекается с растром {layer}: выберите охват внутри него (в той же системе координат).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="264"/>
        <source>valley {value:.0f} m</source>
        <translation>долина {value:.0f} м</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="264"/>
        <source>ridge +{value:.0f} m</source>
        <translation>гребень +{value:.0f} м</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="378"/>
        <source>not walked</source>
        <translation>не пройдено</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="391"/>
        <source>no route</source>
        <translation>нет маршрутов</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="405"/>
        <source>rank {rank}</source>
        <translation>ранг {rank}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="405"/>
        <source>ranks {first}–{last}</source>
        <translation>ранги {first}–{last}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="78"/>
        <source>Team {team}</source>
        <translation>Группа {team}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="477"/>
        <source>New station</source>
        <translation>Новая точка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="477"/>
        <source>Existing station</source>
        <translation>Существующая точка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="512"/>
        <source>Sign detected (naive occupied)</source>
        <translation>След обнаружен (участок занят по наивной оценке)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/styles.py" line="513"/>
        <source>Walked, no sign</source>
        <translation>Пройдено, следов нет</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="135"/>
        <source>coordinates out of range</source>
        <translation type="obsolete">координаты вне допустимого диапазона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="136"/>
        <source>latitude and longitude swapped</source>
        <translation type="obsolete">широта и долгота перепутаны</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="137"/>
        <source>far outside the season&apos;s area</source>
        <translation type="obsolete">далеко за пределами района работ</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="138"/>
        <source>invalid geometry</source>
        <translation type="obsolete">неверная геометрия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="139"/>
        <source>duplicate observation</source>
        <translation type="obsolete">повторное наблюдение</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="140"/>
        <source>file given twice</source>
        <translation type="obsolete">файл указан дважды</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="142"/>
        <source>GPS jump</source>
        <translation type="obsolete">скачок GPS</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="143"/>
        <source>detection at an unknown station</source>
        <translation type="obsolete">регистрация на неизвестной станции</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="144"/>
        <source>date missing</source>
        <translation type="obsolete">нет даты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="62"/>
        <source>fixed</source>
        <translation>исправлено</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="62"/>
        <source>flagged</source>
        <translation>отмечено</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="62"/>
        <source>rejected</source>
        <translation>отклонено</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="62"/>
        <source>kept</source>
        <translation>оставлено</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="149"/>
        <source>information</source>
        <translation type="obsolete">сведения</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="150"/>
        <source>warning</source>
        <translation type="obsolete">предупреждение</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="151"/>
        <source>error</source>
        <translation type="obsolete">ошибка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="75"/>
        <source>not attributed</source>
        <translation>не отнесены к группе</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="77"/>
        <source>team not recorded</source>
        <translation>группа не указана</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="96"/>
        <source>Signs per km by survey week</source>
        <translation>Следы на 1 км по неделям учёта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="97"/>
        <source>Survey week (starting Monday)</source>
        <translation>Неделя учёта (с понедельника)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="99"/>
        <source>Snow leopard detections per station</source>
        <translation>Регистрации ирбиса по станциям</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="102"/>
        <source>Km walked by team and month</source>
        <translation>Пройдено км по группам и месяцам</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="103"/>
        <source>km</source>
        <translation>км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="83"/>
        <source>January</source>
        <translation>Январь</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="83"/>
        <source>February</source>
        <translation>Февраль</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="83"/>
        <source>March</source>
        <translation>Март</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="83"/>
        <source>April</source>
        <translation>Апрель</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="83"/>
        <source>May</source>
        <translation>Май</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="83"/>
        <source>June</source>
        <translation>Июнь</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="83"/>
        <source>July</source>
        <translation>Июль</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="84"/>
        <source>August</source>
        <translation>Август</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="84"/>
        <source>September</source>
        <translation>Сентябрь</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="84"/>
        <source>October</source>
        <translation>Октябрь</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="84"/>
        <source>November</source>
        <translation>Ноябрь</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="84"/>
        <source>December</source>
        <translation>Декабрь</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="110"/>
        <source>Snow leopard census {year}: season report</source>
        <translation>Учёт снежного барса {year}: отчёт о сезоне</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/layers.py" line="56"/>
        <source>Signs per km (effort-corrected)</source>
        <translation>Следов на 1 км (с учётом усилия)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/layers.py" line="60"/>
        <source>Coverage gaps (rank)</source>
        <translation>Пробелы в охвате (ранг)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/layers.py" line="155"/>
        <source>0 (no detection)</source>
        <translation>0 (нет регистраций)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/layout.py" line="131"/>
        <source>Grid</source>
        <translation>Сетка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/layout.py" line="204"/>
        <source>Legend</source>
        <translation>Условные обозначения</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/layout.py" line="287"/>
        <source>Page {page} of {pages}</source>
        <translation>Страница {page} из {pages}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="106"/>
        <source>Season {first} – {last}  ·  teams: {teams}</source>
        <translation>Сезон {first} – {last}  ·  группы: {teams}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="126"/>
        <source>Km walked</source>
        <translation>Пройдено км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="127"/>
        <source>Km over the terrain</source>
        <translation>Км по рельефу</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="128"/>
        <source>Survey days</source>
        <translation>Дней учёта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="129"/>
        <source>Signs recorded</source>
        <translation>Зарегистрировано следов</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="130"/>
        <source>Signs per km</source>
        <translation>Следов на 1 км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="181"/>
        <source>Trap-nights</source>
        <translation>Фотоловушко-сутки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="133"/>
        <source>Snow leopard detections</source>
        <translation>Регистрации ирбиса</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="135"/>
        <source>Individuals identified</source>
        <translation>Опознано особей</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="114"/>
        <source>Season in numbers</source>
        <translation>Сезон в цифрах</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="118"/>
        <source>No DEM was given: the map has no hillshade.</source>
        <translation>ЦМР не задана: на карте нет отмывки рельефа.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="145"/>
        <source>Signs and the effort-corrected heatmap</source>
        <translation>Следы и тепловая карта с учётом усилия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="153"/>
        <source>No heatmap was given: run Habitat-use heatmap with the routes as effort and add it to the report.</source>
        <translation>Тепловая карта не задана: постройте тепловую карту использования местообитаний с маршрутами как усилием и добавьте её в отчёт.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="156"/>
        <source>Signs per km of route searched near each place; empty where too little was walked.</source>
        <translation>Следов на 1 км маршрута, пройденного рядом с каждым местом; пусто там, где пройдено слишком мало.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="165"/>
        <source>Camera traps</source>
        <translation>Фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="284"/>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="181"/>
        <source>Station</source>
        <translation>Станция</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="181"/>
        <source>Individuals</source>
        <translation>Особи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="181"/>
        <source>per 100 TN</source>
        <translation>на 100 ФС</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="167"/>
        <source>The season has no camera stations.</source>
        <translation>В сезоне нет фотоловушек.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="195"/>
        <source>Survey coverage and the ranked gaps</source>
        <translation>Охват учётом и пробелы по рангу</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="197"/>
        <source>No coverage or gaps layer was given: run Coverage gaps and add its output to the report.</source>
        <translation>Слой охвата или пробелов не задан: выполните «Пробелы в охвате» и добавьте результат в отчёт.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="208"/>
        <source>Area, km²</source>
        <translation>Площадь, км²</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="208"/>
        <source>Ridge, km</source>
        <translation>Гребни, км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="208"/>
        <source>Access, km</source>
        <translation>До подъезда, км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="211"/>
        <source>No gaps layer was given.</source>
        <translation>Слой пробелов не задан.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="223"/>
        <source>No plan was given: run the planner and add its output to the report.</source>
        <translation>План не задан: выполните планирование и добавьте результат в отчёт.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="242"/>
        <source>Totals per team and import validation</source>
        <translation>Итоги по группам и проверка импорта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="256"/>
        <source>Team</source>
        <translation>Группа</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="256"/>
        <source>Days</source>
        <translation>Дни</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="256"/>
        <source>Km</source>
        <translation>Км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="256"/>
        <source>Surface km</source>
        <translation>Км по рельефу</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="263"/>
        <source>Season</source>
        <translation>Сезон</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="268"/>
        <source>Days: distinct survey dates (a day with two teams out counts once for the season). A sign belongs to the route walked that day within {m} m of it.</source>
        <translation>Дни: различные даты учёта (день, когда работали две группы, считается за сезон один раз). След относится к маршруту, пройденному в тот день не далее {m} м от него.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="286"/>
        <source>What was done</source>
        <translation>Что сделано</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="286"/>
        <source>Severity</source>
        <translation>Важность</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="286"/>
        <source>Rows</source>
        <translation>Строк</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/pages.py" line="279"/>
        <source>The import found nothing to fix or flag.</source>
        <translation>При импорте не найдено ничего, что требовало бы исправления или отметки.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report/texts.py" line="115"/>
        <source>Report: {title}</source>
        <translation>Отчёт: {title}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="67"/>
        <source>Routes (GPS tracks)</source>
        <translation>Маршруты (GPS-треки)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="68"/>
        <source>Do not import</source>
        <translation>Не импортировать</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="48"/>
        <source>Unreadable rows</source>
        <translation>Нечитаемые строки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="48"/>
        <source>Invalid geometries</source>
        <translation>Некорректные геометрии</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="49"/>
        <source>Coordinates out of range</source>
        <translation>Координаты вне допустимого диапазона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="50"/>
        <source>Latitude and longitude swapped</source>
        <translation>Широта и долгота перепутаны</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="50"/>
        <source>Far outside the season</source>
        <translation>Далеко за пределами района сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="51"/>
        <source>Missing dates</source>
        <translation>Нет дат</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="51"/>
        <source>Unreadable dates</source>
        <translation>Нечитаемые даты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="52"/>
        <source>Duplicate points</source>
        <translation>Повторяющиеся точки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="52"/>
        <source>Files given twice</source>
        <translation>Файлы, указанные дважды</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="54"/>
        <source>GPS jumps</source>
        <translation>Скачки GPS</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="54"/>
        <source>Unknown camera stations</source>
        <translation>Неизвестные фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="55"/>
        <source>Unknown sign types</source>
        <translation>Неизвестные типы следов</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="55"/>
        <source>Missing values</source>
        <translation>Пропущенные значения</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="56"/>
        <source>Empty inputs</source>
        <translation>Пустые входные данные</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="56"/>
        <source>Other problems</source>
        <translation>Прочие проблемы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="94"/>
        <source>Add files…</source>
        <translation>Добавить файлы…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="94"/>
        <source>Add GPX tracks, sign tables, camera tables or a Camtrap DP datapackage.json</source>
        <translation>Добавить GPX-треки, таблицы следов, таблицы фотоловушек или datapackage.json пакета Camtrap DP</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="96"/>
        <source>Add folder…</source>
        <translation>Добавить папку…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="96"/>
        <source>Add every field file in a folder and its subfolders, sorted by what they hold</source>
        <translation>Добавить все полевые файлы из папки и её подпапок, распределив их по содержимому</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="98"/>
        <source>Remove</source>
        <translation>Убрать</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="98"/>
        <source>Remove the selected files from the list</source>
        <translation>Убрать выбранные файлы из списка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="101"/>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="101"/>
        <source>Holds</source>
        <translation>Содержимое</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="102"/>
        <source>The field files to import; change what a file holds in its combo box, or choose &apos;Do not import&apos;</source>
        <translation>Полевые файлы для импорта; измените содержимое файла в раскрывающемся списке или выберите «Не импортировать»</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="110"/>
        <source>DEM (elevation in metres) for the surface km of the routes; optional</source>
        <translation>ЦМР (высоты в метрах) для расчёта км маршрутов по поверхности; необязательно</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="110"/>
        <source>Rasters (*.tif *.tiff *.vrt *.img);;All files (*)</source>
        <translation>Растры (*.tif *.tiff *.vrt *.img);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="112"/>
        <source>DEM</source>
        <translation>ЦМР</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="112"/>
        <source>Digital elevation model</source>
        <translation>Цифровая модель рельефа</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="113"/>
        <source>The season GeoPackage to write (replaced if it exists)</source>
        <translation>GeoPackage сезона для записи (существующий файл будет заменён)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="115"/>
        <source>Where the season is saved</source>
        <translation>Куда сохраняется сезон</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="117"/>
        <source>Import season</source>
        <translation>Импортировать сезон</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="117"/>
        <source>Read the field files, check them and write the season GeoPackage (in the background)</source>
        <translation>Прочитать полевые файлы, проверить их и записать GeoPackage сезона (в фоновом режиме)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="120"/>
        <source>Open season…</source>
        <translation>Открыть сезон…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="120"/>
        <source>Load an existing season GeoPackage as the season group</source>
        <translation>Загрузить существующий GeoPackage сезона как группу слоёв сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="124"/>
        <source>No summary yet.</source>
        <translation>Сводки пока нет.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="124"/>
        <source>Totals of the season GeoPackage</source>
        <translation>Итоги по GeoPackage сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="129"/>
        <source>Detail</source>
        <translation>Подробности</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="130"/>
        <source>What the import fixed, flagged or rejected, grouped by problem; click a row to zoom to its place</source>
        <translation>Что при импорте было исправлено, отмечено или отклонено, по типам проблем; щёлкните строку, чтобы перейти к её месту на карте</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="68"/>
        <source>Sign type</source>
        <translation>Тип следа</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="68"/>
        <source>Weight</source>
        <translation>Вес</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="69"/>
        <source>Tick the sign types to map and give each a weight (e.g. a scrape counts twice a trail)</source>
        <translation>Отметьте типы следов для карты и задайте каждому вес (например, поскрёб считается за две следовые дорожки)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="80"/>
        <source>Map this sign type</source>
        <translation>Включить этот тип следов в карту</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="82"/>
        <source>Weight of one sign of this type</source>
        <translation>Вес одного следа этого типа</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="88"/>
        <source>Only signs between</source>
        <translation>Только следы за период</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="88"/>
        <source>Map only the signs of a date window</source>
        <translation>Строить карту только по следам за интервал дат</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="92"/>
        <source>First day of the window</source>
        <translation>Первый день интервала</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="93"/>
        <source>Last day of the window</source>
        <translation>Последний день интервала</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="123"/>
        <source> m</source>
        <translation> м</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="100"/>
        <source>Kernel radius in metres</source>
        <translation>Радиус ядра в метрах</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="101"/>
        <source>Kernel radius</source>
        <translation>Радиус ядра</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="102"/>
        <source>Pixel size of the heatmaps in metres</source>
        <translation>Размер пикселя тепловых карт в метрах</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="103"/>
        <source>Pixel size of the heatmaps</source>
        <translation>Размер пикселя тепловых карт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="104"/>
        <source>Kernel shape, as in QGIS&apos;s heatmap</source>
        <translation>Форма ядра, как в тепловой карте QGIS</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="107"/>
        <source>Kernel</source>
        <translation>Ядро</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="108"/>
        <source>Signs per km of route searched</source>
        <translation>Следов на 1 км обследованного маршрута</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="108"/>
        <source>Divide by the route km walked near each place (effort correction)</source>
        <translation>Делить на км маршрутов, пройденных рядом с каждым местом (поправка на учётное усилие)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="93"/>
        <source> km</source>
        <translation> км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="111"/>
        <source>Leave places empty where fewer route km lie within the radius</source>
        <translation>Оставлять места пустыми, если в пределах радиуса меньше км маршрутов, чем задано</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="115"/>
        <source>Run heatmap</source>
        <translation>Построить тепловую карту</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="115"/>
        <source>Compute the sign heatmap in the background</source>
        <translation>Рассчитать тепловую карту следов в фоновом режиме</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="117"/>
        <source>Detections per 100 trap-nights around the stations</source>
        <translation>Регистраций на 100 ловушко-суток вокруг фотоловушек</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="120"/>
        <source>Count only detections of this species (empty: all)</source>
        <translation>Учитывать только регистрации этого вида (пусто — все)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="121"/>
        <source>Species</source>
        <translation>Вид</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="121"/>
        <source>Species of the detections</source>
        <translation>Вид в регистрациях</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="124"/>
        <source>Kernel radius around each station</source>
        <translation>Радиус ядра вокруг каждой фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="125"/>
        <source>Also one band per identified animal</source>
        <translation>Также по одному каналу на каждую опознанную особь</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="129"/>
        <source>Run camera rate</source>
        <translation>Рассчитать частоту регистраций</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="129"/>
        <source>Compute detections per 100 trap-nights per station in the background</source>
        <translation>Рассчитать число регистраций на 100 ловушко-суток по каждой фотоловушке в фоновом режиме</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="57"/>
        <source>DEM of the park (same metric CRS as the season)</source>
        <translation>ЦМР парка (в той же метрической системе координат, что и сезон)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="60"/>
        <source>A place counts as searched within this distance of a walked route</source>
        <translation>Место считается обследованным в пределах этого расстояния от пройденного маршрута</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="62"/>
        <source>Detection half-width of a route</source>
        <translation>Полуширина обнаружения на маршруте</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="63"/>
        <source>A place counts as sampled within this distance of a camera</source>
        <translation>Место считается охваченным в пределах этого расстояния от фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="65"/>
        <source>Camera radius</source>
        <translation>Радиус фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="65"/>
        <source>Detection radius of a camera</source>
        <translation>Радиус обнаружения фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="67"/>
        <source>Cell size of the effort grid</source>
        <translation>Размер ячейки сетки учётного усилия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="67"/>
        <source>Grid size</source>
        <translation>Размер ячейки сетки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="68"/>
        <source>Habitat from the DEM (Altai rules)</source>
        <translation>Местообитания по ЦМР (правила для Алтая)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="68"/>
        <source>Suitable habitat from elevation, slope, ruggedness and ridges</source>
        <translation>Пригодные местообитания по высоте, крутизне, пересечённости и гребням</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="70"/>
        <source>Habitat from a layer</source>
        <translation>Местообитания из слоя</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="70"/>
        <source>Use a habitat polygon or raster layer you already have</source>
        <translation>Использовать уже имеющийся слой полигонов или растр местообитаний</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="74"/>
        <source>Habitat polygons or a 0–1 suitability raster</source>
        <translation>Полигоны местообитаний или растр пригодности 0–1</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="78"/>
        <source>Habitat farther than this from any effort is a gap</source>
        <translation>Местообитания дальше этого расстояния от любого учётного усилия считаются пробелом</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="80"/>
        <source>Gap distance</source>
        <translation>Расстояние для пробела</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="80"/>
        <source>Distance from effort</source>
        <translation>Расстояние от учётного усилия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="81"/>
        <source> km²</source>
        <translation> км²</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="81"/>
        <source>Leave out gaps smaller than this</source>
        <translation>Не выводить пробелы меньше этой площади</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="82"/>
        <source>Minimum area</source>
        <translation>Минимальная площадь</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="82"/>
        <source>Smallest gap kept</source>
        <translation>Наименьший сохраняемый пробел</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="83"/>
        <source>Camps, road ends, huts: distance from each gap; optional</source>
        <translation>Стоянки, концы дорог, избушки: расстояние до них от каждого пробела; необязательно</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="85"/>
        <source>Access</source>
        <translation>Точки доступа</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="87"/>
        <source>Run coverage and gaps</source>
        <translation>Рассчитать охват и пробелы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="87"/>
        <source>Terrain, habitat, coverage and ranked gaps, one after the other, in the background</source>
        <translation>Рельеф, местообитания, охват и ранжированные пробелы — последовательно, в фоновом режиме</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="93"/>
        <source>Area km²</source>
        <translation>Площадь,
км²</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="93"/>
        <source>Ridge km</source>
        <translation>Гребни,
км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="93"/>
        <source>Access km</source>
        <translation>До под-
ъезда, км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="95"/>
        <source>Coverage gaps ranked by area × suitability; click a row to zoom to the gap</source>
        <translation>Пробелы в охвате, ранжированные по площади × пригодности; щёлкните строку, чтобы перейти к пробелу</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.py" line="367"/>
        <source>Planning next season comes with a later update of the plugin: transects along the ridges into the largest gaps under a km budget (Plan transects), camera positions on ridges and saddles spaced by the animals&apos; movement scale (Plan camera stations), and a check of the walked routes against the plan (Compare plan and routes).</source>
        <translation type="obsolete">Планирование следующего сезона появится в одном из следующих обновлений модуля: трансекты вдоль гребней в крупнейшие пробелы в пределах бюджета км («Планирование дневных трансект»), места для фотоловушек на гребнях и седловинах с разносом по масштабу перемещений животных («Планирование точек фотоловушек») и сверка пройденных маршрутов с планом («Сравнение плана с пройденными маршрутами»).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.py" line="372"/>
        <source>What the Plan page will offer</source>
        <translation type="obsolete">Что будет на странице плана</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="46"/>
        <source>Title on the first page of the report</source>
        <translation>Заголовок на первой странице отчёта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="47"/>
        <source>Report title</source>
        <translation>Заголовок отчёта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="52"/>
        <source>Language of the report</source>
        <translation>Язык отчёта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="49"/>
        <source>Russian</source>
        <translation>Русский</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="50"/>
        <source>English</source>
        <translation>Английский</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="52"/>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="54"/>
        <source>Include</source>
        <translation>Включить</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="54"/>
        <source>Which maps and tables the report holds</source>
        <translation>Какие карты и таблицы входят в отчёт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="57"/>
        <source>Heatmap of signs</source>
        <translation>Тепловая карта следов</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="57"/>
        <source>Page with the signs and the heatmap</source>
        <translation>Страница со следами и тепловой картой</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="58"/>
        <source>Coverage map</source>
        <translation>Карта охвата</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="58"/>
        <source>Page with the survey coverage</source>
        <translation>Страница с охватом учёта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="59"/>
        <source>Ranked gaps</source>
        <translation>Ранжированные пробелы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="59"/>
        <source>Map and table of the top gaps</source>
        <translation>Карта и таблица первых по рангу пробелов</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="60"/>
        <source>Page with the plan, when made</source>
        <translation>Страница с планом, если он составлен</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="66"/>
        <source>The PDF to write</source>
        <translation>PDF для записи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="67"/>
        <source>Output PDF</source>
        <translation>Выходной PDF</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="67"/>
        <source>Where the report is saved</source>
        <translation>Куда сохраняется отчёт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="69"/>
        <source>Make report</source>
        <translation>Создать отчёт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="69"/>
        <source>Build the season report in the background</source>
        <translation>Сформировать отчёт о сезоне в фоновом режиме</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="70"/>
        <source>Open</source>
        <translation>Открыть</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="70"/>
        <source>Open the report PDF</source>
        <translation>Открыть PDF отчёта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="175"/>
        <source>What this file holds; change it if the guess is wrong</source>
        <translation>Что содержит этот файл; измените, если тип определён неверно</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="208"/>
        <source>Field files</source>
        <translation>Полевые файлы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="208"/>
        <source>Field files (*.gpx *.kml *.kmz *.csv *.txt *.tsv *.xlsx *.json *.geojson *.gpkg *.shp);;All files (*)</source>
        <translation>Полевые файлы (*.gpx *.kml *.kmz *.csv *.txt *.tsv *.xlsx *.json *.geojson *.gpkg *.shp);;Все файлы (*)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="214"/>
        <source>Folder of field files</source>
        <translation>Папка с полевыми файлами</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="232"/>
        <source>Add the season's field files first (Add files… or Add folder…).</source>
        <translation>Сначала добавьте полевые файлы сезона («Добавить файлы…» или «Добавить папку…»).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="235"/>
        <source>Choose where to save the season GeoPackage.</source>
        <translation>Укажите, куда сохранить GeoPackage сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="243"/>
        <source>Importing the season…</source>
        <translation>Импорт сезона…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="218"/>
        <source>Season: {path}</source>
        <translation>Сезон: {path}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="87"/>
        <source>Snow leopard census {name}</source>
        <translation>Учёт снежного барса {name}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="273"/>
        <source>The season {path} holds no route, sign, camera or detection: check the field files and import again.</source>
        <translation>В сезоне {path} нет ни маршрутов, ни следов, ни фотоловушек, ни регистраций: проверьте полевые файлы и повторите импорт.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="282"/>
        <source>Routes: {n}, {km:.1f} km walked</source>
        <translation>Маршруты: {n}, пройдено {km:.1f} км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="283"/>
        <source>Teams: {n} ({names}); survey days: {days}</source>
        <translation>Группы: {n} ({names}); дней учёта: {days}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="285"/>
        <source>Dates: {first} – {last}</source>
        <translation>Даты: {first} – {last}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="286"/>
        <source>Signs: {n} ({types})</source>
        <translation>Следы: {n} ({types})</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="287"/>
        <source>Camera stations: {n}, {tn:.0f} trap-nights</source>
        <translation>Фотоловушки: {n}, ловушко-суток: {tn:.0f}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="288"/>
        <source>Detections: {n}; individuals: {ind}</source>
        <translation>Регистрации: {n}; особей: {ind}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/data.py" line="289"/>
        <source>Validation rows: {n}</source>
        <translation>Записи проверки: {n}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="296"/>
        <source>This row has no place on the map.</source>
        <translation>Эта запись не привязана к месту на карте.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="239"/>
        <source>Import the season or open a season GeoPackage on the Data page first.</source>
        <translation>Сначала импортируйте сезон или откройте GeoPackage сезона на странице «Данные».</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="203"/>
        <source>Tick at least one sign type.</source>
        <translation>Отметьте хотя бы один тип следов.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="207"/>
        <source>Computing the heatmap…</source>
        <translation>Расчёт тепловой карты…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/heatmaps.py" line="231"/>
        <source>Computing the camera detection rate…</source>
        <translation>Расчёт частоты регистраций фотоловушками…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="143"/>
        <source>Coverage and gaps need algorithms that are not in this version of the plugin yet: {names}.</source>
        <translation>Для охвата и пробелов нужны алгоритмы, которых ещё нет в этой версии модуля: {names}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="147"/>
        <source>Choose the DEM of the park.</source>
        <translation>Выберите ЦМР парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="153"/>
        <source>Choose the habitat layer, or take the habitat from the DEM.</source>
        <translation>Выберите слой местообитаний или возьмите местообитания по ЦМР.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="383"/>
        <source>Running {name}…</source>
        <translation>Выполняется {name}…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="195"/>
        <source>Ridges walked</source>
        <translation>Пройденные гребни</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="225"/>
        <source>Click to zoom to this gap</source>
        <translation>Щёлкните, чтобы перейти к этому пробелу</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/report.py" line="125"/>
        <source>Making the season report…</source>
        <translation>Формирование отчёта о сезоне…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="415"/>
        <source>Done.</source>
        <translation>Готово.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="421"/>
        <source>The results could not be loaded: {reason}</source>
        <translation>Не удалось загрузить результаты: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="429"/>
        <source>Failed.</source>
        <translation>Завершено с ошибкой.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="441"/>
        <source>Details</source>
        <translation>Подробнее</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="442"/>
        <source>Show the log of the job</source>
        <translation>Показать журнал задачи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/runner.py" line="156"/>
        <source>Another job is still running: wait for it or cancel it.</source>
        <translation>Ещё выполняется другая задача: дождитесь её завершения или отмените её.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/runner.py" line="160"/>
        <source>The algorithm {id} is not available yet in this version of the plugin: it comes with a later update.</source>
        <translation>Алгоритм {id} ещё недоступен в этой версии модуля: он появится в одном из следующих обновлений.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/runner.py" line="170"/>
        <source>Some parameters are missing or wrong.</source>
        <translation>Некоторые параметры не заданы или заданы неверно.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/runner.py" line="213"/>
        <source>Cancelled: no output was written.</source>
        <translation>Отменено: результаты не записаны.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/runner.py" line="218"/>
        <source>The algorithm {id} failed.</source>
        <translation>Алгоритм {id} завершился с ошибкой.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="50"/>
        <source>Reads the season's field files and writes one season GeoPackage with the layers routes, observations, cameras, detections and validation, in the UTM zone of the data (or the CRS you choose).

Routes: GPX tracks (Garmin, phones, OsmAnd, Locus), KML/KMZ, GeoJSON, GeoPackage, Shapefile.
Observations: sign tables (CSV or text from a spreadsheet, UTF-8 or cp1251, Russian or English headers, coordinates in degrees, degrees-minutes or degrees-minutes-seconds), GPX waypoints, NextGIS exports.
Cameras: a Camtrap DP datapackage.json (its animal observations become detections), a secr traps file, or a station table. Detections: a secr capture file or a detection table.

A saved field mapping (JSON) names the column of each data model field when the headers are not recognised, e.g. {&quot;obs_type&quot;: &quot;Вид знака&quot;, &quot;lat&quot;: &quot;N&quot;, &quot;lon&quot;: &quot;E&quot;}; it may be split by table: {&quot;observations&quot;: {...}, &quot;cameras&quot;: {...}}.

Everything that was fixed, flagged or rejected is listed in the validation layer. Input files are never changed; on error no GeoPackage is left behind.</source>
        <translation>Читает полевые файлы сезона и записывает один GeoPackage сезона со слоями routes (маршруты), observations (следы и встречи), cameras (фотоловушки), detections (регистрации) и validation (проверка) в зоне UTM данных (или в выбранной вами системе координат).

Маршруты: GPX-треки (Garmin, телефоны, OsmAnd, Locus), KML/KMZ, GeoJSON, GeoPackage, Shapefile.
Наблюдения: таблицы следов (CSV или текст из электронной таблицы, UTF-8 или cp1251, русские или английские заголовки, координаты в градусах, градусах и минутах или градусах, минутах и секундах), путевые точки GPX, выгрузки NextGIS.
Фотоловушки: datapackage.json формата Camtrap DP (его регистрации животных становятся регистрациями), файл ловушек secr или таблица точек. Регистрации: файл поимок secr или таблица регистраций.

Сохранённое сопоставление полей (JSON) указывает столбец для каждого поля модели данных, если заголовки не распознаны, например {&quot;obs_type&quot;: &quot;Вид знака&quot;, &quot;lat&quot;: &quot;N&quot;, &quot;lon&quot;: &quot;E&quot;}; его можно разделить по таблицам: {&quot;observations&quot;: {...}, &quot;cameras&quot;: {...}}.

Всё, что было исправлено, отмечено или отброшено, перечислено в слое проверки. Исходные файлы не изменяются; при ошибке GeoPackage не остаётся.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="75"/>
        <source>Saved field mapping (JSON: data model field → column header)</source>
        <translation>Сохранённое сопоставление полей (JSON: поле модели данных → заголовок столбца)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="56"/>
        <source>Next season&apos;s transects along the ridges into the largest gaps, under a km budget, and camera stations on ridges and saddles. Empty layer boxes take the results of the Coverage &amp; gaps page and the season&apos;s own layers.</source>
        <translation>Трансекты на следующий сезон вдоль гребней в крупнейшие пробелы в пределах бюджета (км) и точки фотоловушек на гребнях и седловинах. Если поле слоя не заполнено, берутся результаты страницы «Охват и пробелы» и собственные слои сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="56"/>
        <source>What the Plan page does</source>
        <translation>Что делает страница плана</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="64"/>
        <source>Layers</source>
        <translation>Слои</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="64"/>
        <source>The layers the plan is made from</source>
        <translation>Слои, по которым составляется план</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="67"/>
        <source>Ridgelines to plan along; empty: the ridges of the last terrain run</source>
        <translation>Линии гребней, вдоль которых строится план; пусто — гребни из последнего расчёта рельефа</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="67"/>
        <source>ridges of the terrain run</source>
        <translation>гребни из расчёта рельефа</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="69"/>
        <source>Ridges</source>
        <translation>Гребни</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="70"/>
        <source>Habitat suitability raster or habitat polygons; empty: the habitat of the Coverage &amp; gaps page</source>
        <translation>Растр пригодности местообитаний или полигоны местообитаний; пусто — местообитания со страницы «Охват и пробелы»</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="70"/>
        <source>habitat of the coverage run</source>
        <translation>местообитания из расчёта охвата</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="75"/>
        <source>Routes already walked (their habitat counts as searched); empty: the season&apos;s routes</source>
        <translation>Уже пройденные маршруты (местообитания вдоль них считаются обследованными); пусто — маршруты сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="75"/>
        <source>routes of the season</source>
        <translation>маршруты сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="78"/>
        <source>Camps, road ends, huts: transects start near them; optional</source>
        <translation>Стоянки, концы дорог, избушки: трансекты начинаются рядом с ними; необязательно</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="80"/>
        <source>Access points</source>
        <translation>Точки доступа</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="80"/>
        <source>Where teams start</source>
        <translation>Откуда выходят группы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="81"/>
        <source>Transects walked every year: kept in the plan first; optional</source>
        <translation>Трансекты, проходимые ежегодно: включаются в план первыми; необязательно</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="82"/>
        <source>Locked lines</source>
        <translation>Закреплённые трансекты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="82"/>
        <source>Transects that stay in the plan</source>
        <translation>Трансекты, которые остаются в плане</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="83"/>
        <source>Areas to keep out of the plan (border zone, avalanche slopes); optional</source>
        <translation>Зоны, исключаемые из плана (пограничная зона, лавиноопасные склоны); необязательно</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="85"/>
        <source>Exclude areas</source>
        <translation>Исключённые зоны</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="85"/>
        <source>Areas left out of the plan</source>
        <translation>Зоны, не включаемые в план</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="87"/>
        <source>Transects</source>
        <translation>Трансекты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="87"/>
        <source>Day transects along the ridges, one GPX file per team</source>
        <translation>Дневные трансекты вдоль гребней, по файлу GPX на группу</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="90"/>
        <source>Total km the teams can walk next season</source>
        <translation>Сколько всего км группы могут пройти в следующем сезоне</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="92"/>
        <source>Budget</source>
        <translation>Бюджет</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="92"/>
        <source>Total km</source>
        <translation>Всего км</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="93"/>
        <source>Longest transect a team walks in one day</source>
        <translation>Самая длинная трансекта, которую группа проходит за день</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="95"/>
        <source>Longest day</source>
        <translation>Макс. за день</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="95"/>
        <source>Longest day transect</source>
        <translation>Наибольшая длина дневной трансекты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="96"/>
        <source>Number of field teams (transects are shared out among them)</source>
        <translation>Число полевых групп (трансекты распределяются между ними)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="98"/>
        <source>Field teams</source>
        <translation>Полевые группы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="99"/>
        <source>A place counts as searched within this distance of a transect</source>
        <translation>Место считается обследованным в пределах этого расстояния от трансекты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="101"/>
        <source>Detection half-width of a transect</source>
        <translation>Полуширина обнаружения на трансекте</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="108"/>
        <source>Folder for the GPX files of the plan (one per team); empty: a &apos;plan_gpx&apos; folder beside the season</source>
        <translation>Папка для файлов GPX плана (по одному на группу); пусто — папка «plan_gpx» рядом с файлом сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="110"/>
        <source>GPX folder</source>
        <translation>Папка GPX</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="110"/>
        <source>Where the GPX files go</source>
        <translation>Куда записываются файлы GPX</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="111"/>
        <source>Run plan transects</source>
        <translation>Спланировать трансекты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="111"/>
        <source>Plan next season&apos;s transects in the background</source>
        <translation>Спланировать трансекты на следующий сезон в фоновом режиме</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="115"/>
        <source>New camera positions on ridges and saddles</source>
        <translation>Новые точки фотоловушек на гребнях и седловинах</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="118"/>
        <source>How many new camera stations to place</source>
        <translation>Сколько новых точек фотоловушек разместить</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="119"/>
        <source>Number of new stations</source>
        <translation>Число новых точек</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="120"/>
        <source>Movement scale σ of the animals (snow leopard: about 3 km)</source>
        <translation>Масштаб перемещений животных σ (у снежного барса — около 3 км)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="122"/>
        <source>Sigma</source>
        <translation>Сигма</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="122"/>
        <source>Movement scale σ</source>
        <translation>Масштаб перемещений σ</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="123"/>
        <source>No two stations closer than this</source>
        <translation>Точки не ставятся ближе этого расстояния друг к другу</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="125"/>
        <source>Spacing between stations</source>
        <translation>Расстояние между точками</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="126"/>
        <source>Keep this season&apos;s cameras</source>
        <translation>Сохранить фотоловушки этого сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="126"/>
        <source>The season&apos;s camera stations stay; new ones are spaced from them</source>
        <translation>Фотоловушки сезона остаются на месте; новые размещаются с отступом от них</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="130"/>
        <source>Run plan cameras</source>
        <translation>Разместить фотоловушки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="130"/>
        <source>Place new camera stations in the background</source>
        <translation>Разместить новые точки фотоловушек в фоновом режиме</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="134"/>
        <source>Compare plan vs walked</source>
        <translation>Сравнить план с пройденным</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="134"/>
        <source>Which planned transects the routes walked (and what was walked off the plan)</source>
        <translation>Какие запланированные трансекты пройдены маршрутами (и что пройдено вне плана)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="155"/>
        <source>No plan yet.</source>
        <translation>Плана пока нет.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="137"/>
        <source>Totals of the last plan</source>
        <translation>Итоги последнего плана</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="37"/>
        <source>Exports for analysts</source>
        <translation>Экспорт для аналитиков</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="37"/>
        <source>Files for R (unmarked, secr), PRESENCE and Camtrap DP, and generalised copies for sharing</source>
        <translation>Файлы для R (unmarked, secr), PRESENCE и Camtrap DP, а также генерализованные копии для передачи данных</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="43"/>
        <source>Folder for the exports; empty: an &apos;exports&apos; folder beside the season</source>
        <translation>Папка для экспорта; пусто — папка «exports» рядом с файлом сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="45"/>
        <source>Export folder</source>
        <translation>Папка экспорта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="45"/>
        <source>Where the exports go</source>
        <translation>Куда записываются файлы экспорта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="46"/>
        <source>Move every location to the centre of a grid cell of this size before export (0: exact coordinates); snow leopard locations draw poachers</source>
        <translation>Перед экспортом переносить каждое местоположение в центр ячейки сетки такого размера (0 — точные координаты); места встреч снежного барса привлекают браконьеров</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="50"/>
        <source>exact coordinates</source>
        <translation>точные координаты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="52"/>
        <source>Generalise to cells of</source>
        <translation>Ячейка генерализации</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="52"/>
        <source>Generalisation cell size</source>
        <translation>Размер ячейки генерализации</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="54"/>
        <source>Occupancy histories</source>
        <translation>Истории обнаружений (occupancy)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="54"/>
        <source>Detection histories (sites × segments along routes) for unmarked and PRESENCE</source>
        <translation>Истории обнаружений (участки × отрезки вдоль маршрутов) для unmarked и PRESENCE</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="57"/>
        <source>secr files</source>
        <translation>Файлы secr</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="57"/>
        <source>Trap and capture files for R secr</source>
        <translation>Файлы ловушек и поимок для R secr</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="58"/>
        <source>Camtrap DP package</source>
        <translation>Пакет Camtrap DP</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="58"/>
        <source>The cameras and detections as a Camtrap DP 1.0 data package</source>
        <translation>Фотоловушки и регистрации в виде пакета данных Camtrap DP 1.0</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="60"/>
        <source>Generalised signs</source>
        <translation>Генерализованные следы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="60"/>
        <source>A copy of the signs moved to cell centres, safe to share</source>
        <translation>Копия следов, перенесённых в центры ячеек, — её можно безопасно передавать</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="276"/>
        <source>Cannot read the DEM {path}: choose a GeoTIFF (or another raster GDAL reads) with elevations in metres.</source>
        <translation>Не удалось прочитать ЦМР {path}: выберите GeoTIFF (или другой растр, который читает GDAL) с высотами в метрах.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.py" line="823"/>
        <source>The DEM {path} is in {dem_crs} but the season is in {season_crs}: reproject the DEM to {season_crs} (Raster ▸ Projections ▸ Warp) and choose it again.</source>
        <translation type="obsolete">ЦМР {path} в {dem_crs}, а сезон в {season_crs}: перепроецируйте ЦМР в {season_crs} (Растр ▸ Проекции ▸ Трансформировать) и выберите её снова.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="177"/>
        <source>The plan needs ridgelines and habitat: run coverage and gaps on the Coverage &amp; gaps page first, or choose the layers on the Plan page.</source>
        <translation>Для плана нужны линии гребней и местообитания: сначала рассчитайте охват и пробелы на странице «Охват и пробелы» или выберите слои на странице «План».</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="206"/>
        <source>Plan: {km:.1f} km of transects, {area:.2f} km² of suitable habitat newly searched.</source>
        <translation>План: трансекты — {km:.1f} км, впервые обследуемые пригодные местообитания — {area:.2f} км².</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="211"/>
        <source>GPX files in {folder}</source>
        <translation>Файлы GPX в папке {folder}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="214"/>
        <source>Planning transects…</source>
        <translation>Планирование трансект…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="229"/>
        <source>Placing camera stations…</source>
        <translation>Размещение точек фотоловушек…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="241"/>
        <source>Run plan transects first: there is no plan to compare the routes with.</source>
        <translation>Сначала спланируйте трансекты: плана, с которым можно сравнить маршруты, ещё нет.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="254"/>
        <source>Comparing the plan with the routes walked…</source>
        <translation>Сравнение плана с пройденными маршрутами…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="112"/>
        <source>Choose the cell size to generalise the signs to (e.g. 10000 m).</source>
        <translation>Выберите размер ячейки для генерализации следов (например, 10000 м).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="118"/>
        <source>Cannot create the export folder {folder}: {reason}. Choose another folder.</source>
        <translation>Не удалось создать папку экспорта {folder}: {reason}. Выберите другую папку.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="125"/>
        <source>Exported: {path}</source>
        <translation>Экспортировано: {path}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="127"/>
        <source>Signs, generalised for sharing</source>
        <translation>Следы, генерализованные для передачи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/exports.py" line="129"/>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/density.py" line="136"/>
        <source>Unknown result type {dtype}: use float64 or float32.</source>
        <translation>Неизвестный тип результата {dtype}: используйте float64 или float32.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/raster.py" line="205"/>
        <source>Cannot write the raster {path}: {reason}</source>
        <translation>Не удалось записать растр {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/raster.py" line="183"/>
        <source>The CRS {crs} is not understood; choose a metric CRS such as the UTM zone of the park.</source>
        <translation>Система координат {crs} не распознана; выберите метрическую систему координат, например зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="89"/>
        <source>Transect</source>
        <translation>Трансекта</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="89"/>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="90"/>
        <source>Ascent, m</source>
        <translation>Набор высоты, м</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="90"/>
        <source>New habitat, km²</source>
        <translation>Нов. местооб., км²</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="281"/>
        <source>The DEM {path} has no CRS: set it (Raster ▸ Projections ▸ Assign Projection) and choose it again.</source>
        <translation>У ЦМР {path} не задана система координат: задайте её (Растр ▸ Проекции ▸ Назначить проекцию) и выберите ЦМР снова.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="285"/>
        <source>The DEM {path} is in {dem_crs}, the season in {season_crs}: the DEM is read warped to {season_crs} (bilinear); the file is unchanged. For exact elevations, reproject it once yourself (Raster ▸ Projections ▸ Warp).</source>
        <translation>ЦМР {path} в {dem_crs}, а сезон в {season_crs}: ЦМР читается с перепроецированием в {season_crs} (билинейно); сам файл не меняется. Для точных высот перепроецируйте её один раз сами (Растр ▸ Проекции ▸ Трансформировать).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="88"/>
        <source>Habitat suitability from 0 (unsuitable) to 1, on the DEM's grid.

From a DEM: each rule scores its variable 0–1 with a trapezoid (0 below the 'unsuitable' value, rising linearly to 1 at the 'fully suitable' value, and for elevation down again to 0 at the upper limit; ruggedness and ridge distance never score below their lowest score). Elevation, slope (Horn), ruggedness (VRM 3x3) and distance to the nearest ridge are combined by a weighted geometric mean (any zero gives 0), a product or the minimum. A weight of 0 switches a rule off. The defaults are starting values for the Altai (see docs/terrain.md: most are assumptions to calibrate on the park's own records). Give the ridgelines from 'Terrain and ridgelines', or they are extracted from the DEM with the default settings.

From a habitat layer the park already has: polygons (value 1 inside, or a 0–1 field) are rasterised by the cell-centre rule; a raster is averaged onto the grid (divide by the scale, e.g. 100 for a 0–100 % map). The grid is the DEM's when a DEM is given, else the pixel size over the extent (default: the layer's extent).

Layers in another CRS are reprojected on the fly (rasters read warped); the result is in the CRS to work in when one is given, else the DEM's (or the habitat layer's) CRS, or the UTM zone of a layer in degrees.</source>
        <translation>Пригодность местообитаний от 0 (непригодно) до 1 на сетке ЦМР.

По ЦМР: каждое правило оценивает свою переменную от 0 до 1 трапецией (0 ниже значения «непригодно», линейный рост до 1 к значению «полностью пригодно», а для высоты — снова спад до 0 к верхней границе; пересечённость и расстояние до гребня не оцениваются ниже своей наименьшей оценки). Высота, крутизна (метод Хорна), пересечённость (VRM 3x3) и расстояние до ближайшего гребня объединяются взвешенным средним геометрическим (любой ноль даёт 0), произведением или минимумом. Вес 0 выключает правило. Значения по умолчанию — начальные для Алтая (см. docs/terrain.md: большинство из них — допущения, которые нужно откалибровать по собственным данным парка). Укажите линии гребней из алгоритма «Рельеф и линии гребней», иначе они будут выделены из ЦМР с настройками по умолчанию.

По слою местообитаний, который уже есть у парка: полигоны (значение 1 внутри или поле 0–1) растеризуются по правилу центра ячейки; растр усредняется на сетку (с делением на масштаб, например 100 для карты 0–100 %). Сетка — сетка ЦМР, если ЦМР задана, иначе заданный размер пикселя на охвате (по умолчанию — охват слоя).

Слои в другой системе координат перепроецируются на лету (растры читаются с перепроецированием); результат — в заданной системе координат для работы, иначе в системе ЦМР (или слоя местообитаний), а для слоя в градусах — в зоне UTM.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/base.py" line="65"/>
        <source>DEM (elevations in metres)</source>
        <translation>ЦМР (высоты в метрах)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/base.py" line="71"/>
        <source>Work in this CRS (empty: the DEM&apos;s, or the UTM zone of a DEM in degrees)</source>
        <translation>Работать в этой системе координат (пусто: в системе ЦМР или в зоне UTM для ЦМР в градусах)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="65"/>
        <source>From a DEM with elevations in metres: slope in degrees (Horn, as gdaldem), ruggedness (VRM 0–1 over a square window, or Riley's TRI in metres, as gdaldem TRI), topographic position (TPI, metres above the mean of a circle of the given radius) and the ridgelines as a line layer cut into segments, with the saddles along them.

Ridges: cells whose TPI over the circle exceeds the minimum, thinned to one-cell lines along the crest, traced, cleaned of stubs shorter than the minimum length and cut into segments no longer than the segment length. They stop about twice the TPI radius from the DEM's edge and from nodata: use a DEM reaching that far beyond the park.

Without 'Compute edges', cells whose window leaves the DEM are left empty, as gdaldem does. The rasters are saved with their styles (.qml) beside them.

The work is done in metres: in the CRS to work in when one is given, else the DEM's own CRS, or for a DEM in degrees (SRTM, Copernicus) the UTM zone of its centre. A DEM in another CRS is read warped (bilinear, square cells); the file itself is never changed.</source>
        <translation>По ЦМР с высотами в метрах: крутизна склона в градусах (метод Хорна, как в gdaldem), пересечённость (VRM 0–1 в квадратном окне или TRI по Райли в метрах, как gdaldem TRI), топографическое положение (TPI, превышение в метрах над средней высотой круга заданного радиуса) и линии гребней — линейный слой, разрезанный на отрезки, с седловинами на гребнях.

Гребни: ячейки, у которых TPI по кругу больше минимума, утончаются до линий шириной в одну ячейку вдоль гребня, трассируются, очищаются от отростков короче минимальной длины и режутся на отрезки не длиннее заданной длины. Они заканчиваются примерно в двух радиусах TPI от края ЦМР и от ячеек без данных: берите ЦМР, выходящую настолько же за границы парка.

Без флажка «Вычислять края» ячейки, окно которых выходит за ЦМР, остаются пустыми, как в gdaldem. Растры сохраняются вместе со стилями (.qml) в той же папке.

Расчёт ведётся в метрах: в заданной системе координат для работы, иначе в собственной системе ЦМР, а для ЦМР в градусах (SRTM, Copernicus) — в зоне UTM её центра. ЦМР в другой системе координат читается с перепроецированием (билинейно, квадратные ячейки); сам файл никогда не меняется.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="28"/>
        <source>{layer} reprojected from {a} to {b}.</source>
        <translation>{layer} перепроецирован из {a} в {b}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="87"/>
        <source>The CRS to work in ({crs}) is in degrees: choose a metric CRS such as the park&apos;s UTM zone.</source>
        <translation>Система координат для работы ({crs}) — в градусах: выберите метрическую, например зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="108"/>
        <source>No input layer was given.</source>
        <translation>Не задан ни один входной слой.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="129"/>
        <source>The layer {layer} is in geographic coordinates but its extent is not longitude/latitude ({reason}): check that longitude and latitude are not swapped.</source>
        <translation>Слой {layer} в географических координатах, но его охват — не долгота/широта ({reason}): проверьте, не перепутаны ли долгота и широта.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="133"/>
        <source>The layer {layer} is in geographic coordinates and its extent cannot be placed on the globe: check its CRS and coordinates.</source>
        <translation>Слой {layer} в географических координатах, но его охват невозможно поместить на земной шар: проверьте систему координат и координаты.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="147"/>
        <source>{layer} is in geographic coordinates ({crs}); the analysis runs in metres in {utm} ({description}), the UTM zone of its centre, and the outputs are in that CRS.</source>
        <translation>{layer} в географических координатах ({crs}); анализ выполняется в метрах в {utm} ({description}) — зоне UTM его центра, и результаты будут в этой системе координат.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/rasters.py" line="179"/>
        <source>The raster {layer} cannot be reprojected to {crs}: {reason}. Warp it to {crs} yourself (Raster ▸ Projections ▸ Warp).</source>
        <translation>Растр {layer} не удаётся перепроецировать в {crs}: {reason}. Перепроецируйте его в {crs} сами (Растр ▸ Проекции ▸ Трансформировать).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/rasters.py" line="183"/>
        <source>{layer} ({a}) is read warped to {b} with square cells of {pixel:.1f} m ({method} resampling); the file itself is unchanged.</source>
        <translation>{layer} ({a}) читается с перепроецированием в {b} с квадратными ячейками {pixel:.1f} м (передискретизация {method}); сам файл не меняется.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/planner/transects.py" line="100"/>
        <source>The weight of habitat in the gaps must be 1 or more; got {value}.</source>
        <translation>Вес местообитаний в пробелах должен быть не меньше 1; получено {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="117"/>
        <source>Proposes next season's day transects: paths along the ridge lines (plus the walk in from and back to the nearest access point, when access points are given), each no longer than the longest day, that together search as much suitable habitat not yet searched as the budget allows.

Km are surface km over the DEM (planimetric without one). A transect's value is the suitable habitat (cells with suitability ≥ 0.5, weighted by it, km²) within the search half-width of its line, minus what the routes already walked and the transects picked before searched. Transects are picked greedily by new habitat per km and by new habitat, with lazy re-evaluation; the better plan is kept (a proven constant-factor approximation of the best plan; see the help).

Locked transects are kept first and charged to the budget; excluded areas are never entered. Transects are shared among the teams, one per day, balancing the km. With a GPX folder, one GPX file per team is written for the GPS units.

Coverage gaps (the output of 'Coverage gaps') are searched first: the habitat inside them counts the gap weight times (default 3) when transects are chosen, so the plan walks into the gaps rather than next to last season's routes; the new habitat reported stays plain km².</source>
        <translation>Предлагает дневные трансекты на следующий сезон: пути вдоль линий гребней (плюс подход от ближайшей точки доступа и возвращение к ней, если точки доступа заданы), каждый не длиннее наибольшего дневного перехода, которые вместе обследуют как можно больше ещё не обследованных пригодных местообитаний в пределах бюджета.

Км — это км по поверхности ЦМР (без ЦМР — в плане). Ценность трансекты — пригодные местообитания (ячейки с пригодностью ≥ 0,5, взвешенные по ней, км²) в пределах полуширины обследования от её линии за вычетом того, что уже обследовано пройденными маршрутами и ранее выбранными трансектами. Трансекты выбираются жадным алгоритмом по новым местообитаниям на 1 км и по новым местообитаниям, с ленивым пересчётом; сохраняется лучший из двух планов (доказанное приближение наилучшего плана с постоянным множителем; см. справку).

Закреплённые трансекты включаются первыми и засчитываются в бюджет; в исключённые зоны трансекты не заходят. Трансекты распределяются между группами, по одной на день, с выравниванием километража. Если задана папка GPX, для GPS-навигаторов записывается по одному файлу GPX на группу.

Пробелы в охвате (результат алгоритма «Пробелы в охвате») обследуются в первую очередь: местообитания внутри них при выборе трансект учитываются с весом пробелов (по умолчанию 3), так что план ведёт в пробелы, а не рядом с маршрутами прошлого сезона; новые местообитания в результате указываются без веса, в км².</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="158"/>
        <source>Coverage gaps to search first</source>
        <translation>Пробелы в охвате, которые обследовать в первую очередь</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="160"/>
        <source>Weight of habitat in the gaps</source>
        <translation>Вес местообитаний в пробелах</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="106"/>
        <source>The layer {layer} is empty: choose a layer with features.</source>
        <translation>Слой {layer} пуст: выберите слой с объектами.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="143"/>
        <source>{layer} is in {crs}, whose distances are {percent:.0f} % off the ground&apos;s there; it is reprojected.</source>
        <translation>{layer} в {crs}, где расстояния там отличаются от истинных на {percent:.0f} %; слой перепроецируется.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="152"/>
        <source>The analysis runs in {utm} ({description}), the UTM zone of the centre of {layer}, and the outputs are in that CRS.</source>
        <translation>Анализ выполняется в {utm} ({description}) — зоне UTM центра слоя {layer}, и результаты будут в этой системе координат.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="103"/>
        <source>Search the coverage gaps first</source>
        <translation>Сначала обследовать пробелы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/plan.py" line="103"/>
        <source>Habitat inside the ranked gaps of the Coverage &amp; gaps page counts three times when transects are chosen</source>
        <translation>Местообитания внутри ранжированных пробелов со страницы «Охват и пробелы» при выборе трансект учитываются трижды</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="328"/>
        <source>The CRS {crs} distorts distances by {percent} % here: it was used to read the files that give no CRS, and the season is in the UTM zone instead.</source>
        <translation>Система координат {crs} искажает здесь расстояния на {percent} %: она использована для чтения файлов без системы координат, а сезон сохранён в зоне UTM.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="90"/>
        <source>{path}, line {line}: a quote (&quot;) opened in &apos;{text}&apos; is never closed, so the lines after it would be read as its text. Close or remove the quote and import again.</source>
        <translation>{path}, строка {line}: кавычка (&quot;) в «{text}» не закрыта, поэтому следующие строки были бы прочитаны как её текст. Закройте или удалите кавычку и импортируйте снова.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="97"/>
        <source>{path}, line {line}: {reason}. Look for a quote (&quot;) opened and never closed near that line.</source>
        <translation>{path}, строка {line}: {reason}. Найдите рядом с этой строкой незакрытую кавычку (&quot;).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/gpx.py" line="166"/>
        <source>{count} planned route(s) (&lt;rte&gt;) were not imported: only recorded tracks (&lt;trk&gt;) count as walked.</source>
        <translation>Запланированные маршруты (&lt;rte&gt;, {count}) не импортированы: пройденными считаются только записанные треки (&lt;trk&gt;).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/gpx.py" line="240"/>
        <source>Cannot read {path}: the file is cut short or damaged ({reason}). Copy it again from the GPS unit, or repair it (e.g. close it with &lt;/trkseg&gt;&lt;/trk&gt;&lt;/gpx&gt;).</source>
        <translation>Не удаётся прочитать {path}: файл обрезан или повреждён ({reason}). Скопируйте его из GPS-навигатора заново или восстановите (например, допишите в конец &lt;/trkseg&gt;&lt;/trk&gt;&lt;/gpx&gt;).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/gpx.py" line="244"/>
        <source>{path} holds no recorded track (&lt;trk&gt;) and no sign waypoint; nothing was imported from it.</source>
        <translation>В {path} нет ни записанного трека (&lt;trk&gt;), ни путевых точек со следами; из него ничего не импортировано.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/read.py" line="187"/>
        <source>{path} is a table of a Camtrap DP package but no datapackage.json lies beside it: choose the package&apos;s datapackage.json (it links its tables).</source>
        <translation>{path} — таблица пакета Camtrap DP, но рядом с ней нет datapackage.json: выберите datapackage.json пакета (он связывает его таблицы).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/read.py" line="204"/>
        <source>{path} is a ZIP archive without a Camtrap DP datapackage.json: unzip it and choose the files inside.</source>
        <translation>{path} — ZIP-архив без datapackage.json пакета Camtrap DP: распакуйте его и выберите файлы внутри.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/read.py" line="239"/>
        <source>{path} is a table of a Camtrap DP package: the package (datapackage.json beside it) was read instead.</source>
        <translation>{path} — таблица пакета Camtrap DP: вместо неё прочитан весь пакет (datapackage.json рядом с ней).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="261"/>
        <source>The output {path} is also an input: an input file is never overwritten. Choose another file for the season.</source>
        <translation>Выходной файл {path} также указан среди входных: входные файлы никогда не перезаписываются. Выберите для сезона другой файл.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/vector.py" line="102"/>
        <source>{path} is a season GeoPackage: its routes, signs and cameras were imported, not its other layers ({tables}); import detections from their Camtrap DP or secr files.</source>
        <translation>{path} — GeoPackage сезона: из него импортированы маршруты, следы и фотоловушки, но не остальные слои ({tables}); регистрации импортируйте из их файлов Camtrap DP или secr.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/checks.py" line="219"/>
        <source>This track is the same as &apos;{other}&apos; (same fixes and times); it was counted once.</source>
        <translation>Этот трек совпадает с «{other}» (те же точки и время); он учтён один раз.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/labels.py" line="53"/>
        <source>Tracks given twice</source>
        <translation>Треки, заданные дважды</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/report.py" line="141"/>
        <source>track given twice</source>
        <translation type="obsolete">трек задан дважды</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/table_rows.py" line="413"/>
        <source>Count &apos;{value}&apos; is not a plausible number of signs or animals (more than {limit}); 1 was stored. Check the column.</source>
        <translation>Количество «{value}» неправдоподобно для следов или животных (больше {limit}); записано 1. Проверьте столбец.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="141"/>
        <source>The route has no times; its date {date} was taken from the file name.</source>
        <translation>У маршрута нет времени точек; его дата {date} взята из имени файла.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/build.py" line="145"/>
        <source>The route has no date (no times, no date field, none in the file name): it counts in the totals but in no date window. Add the date to the file name (e.g. 2026-02-14_group1.gpx) or to the layer.</source>
        <translation>У маршрута нет даты (нет времени точек, поля даты и даты в имени файла): он входит в итоги, но не попадает ни в один интервал дат. Добавьте дату в имя файла (например, 2026-02-14_gruppa1.gpx) или в слой.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/ogr_layers.py" line="64"/>
        <source>{path} is empty (0 bytes): copy it again from the device or export it again.</source>
        <translation>{path} пуст (0 байт): скопируйте его с устройства или экспортируйте заново.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/io/tables.py" line="70"/>
        <source>In {path} the X column holds northings and Y eastings (geodetic order); they were read the other way round.</source>
        <translation>В {path} столбец X содержит северные координаты, а Y — восточные (геодезический порядок); они прочитаны наоборот.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="134"/>
        <source>{count} detections at {stations} stations without trap-nights are left out of the map (no effort to divide them by): give those stations their deployment dates or trap_nights.</source>
        <translation>{count} регистраций на {stations} станциях без фотоловушко-суток не вошли в карту (их не на что делить): задайте этим станциям даты установки и снятия или trap_nights.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/gpx.py" line="81"/>
        <source>Cannot create the GPX folder {folder}: {reason}. Choose another folder.</source>
        <translation>Не удаётся создать папку GPX {folder}: {reason}. Выберите другую папку.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/exports/gpx.py" line="84"/>
        <source>Cannot write to the GPX folder {folder}: choose a folder you can write to.</source>
        <translation>Нет прав на запись в папку GPX {folder}: выберите папку, в которую можно писать.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/analysis/walked.py" line="41"/>
        <source>The search half-width must be more than 0 and at most {limit:g} m (signs are found within tens of metres of the route); got {value}.</source>
        <translation>Полуширина обследования должна быть больше 0 и не больше {limit:g} м (следы находят в десятках метров от маршрута); получено {value}.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/raster.py" line="81"/>
        <source>The raster would have {cells:,} cells ({width} x {height} at {pixel:g} m), more than this computer can hold ({limit:,}): choose a larger pixel size or a smaller extent.</source>
        <translation>Растр содержал бы {cells:,} ячеек ({width} x {height} по {pixel:g} м) — больше, чем помещается в памяти ({limit:,}): выберите больший размер пикселя или меньший охват.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/rasters.py" line="111"/>
        <source>{layer}: {count} cells below -1,000 m (a void value such as -32768 without a nodata flag) were taken as no data. Set the DEM&apos;s nodata value.</source>
        <translation>{layer}: {count} ячеек ниже −1000 м (значение пропуска, например −32768, без отметки «нет данных») считаются ячейками без данных. Задайте для ЦМР значение «нет данных».</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/rasters.py" line="116"/>
        <source>{layer}: {percent:.1f} % of the cells have no data; slopes, TPI and ridges stop short of them. Fill small voids first (Raster ▸ Analysis ▸ Fill nodata) if they lie inside the park.</source>
        <translation>{layer}: в {percent:.1f} % ячеек нет данных; крутизна, TPI и гребни обрываются перед ними. Если пропуски лежат внутри парка, сначала заполните мелкие пропуски (Растр ▸ Анализ ▸ Заполнить пропуски).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/rasters.py" line="128"/>
        <source>{layer} has {cells:,} cells, more than this computer can process at once ({limit:,}): clip it to the park, or resample it to a larger cell size (Raster ▸ Projections ▸ Warp).</source>
        <translation>{layer} содержит {cells:,} ячеек — больше, чем можно обработать за раз ({limit:,}): обрежьте растр по парку или пересчитайте его на более крупные ячейки (Растр ▸ Проекции ▸ Трансформировать).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/season/read.py" line="144"/>
        <source>Station {station}: the deployment ends ({end}) before it starts ({start}); correct the dates in the source file (effort and secr usage use them).</source>
        <translation>Станция {station}: снятие ({end}) раньше установки ({start}); исправьте даты в исходном файле (по ним считаются усилие и занятость для secr).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="52"/>
        <source>camera traps, detection rate, trap-nights, heatmap, individuals</source>
        <translation>фотоловушки, частота регистраций, ловушко-сутки, тепловая карта, особи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="282"/>
        <source>Number of stations</source>
        <translation>Число станций</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="86"/>
        <source>Detections counted</source>
        <translation>Учтённые регистрации</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_camerarate.py" line="86"/>
        <source>Detections per 100 trap-nights (all stations)</source>
        <translation>Регистрации на 100 ловушко-суток (все станции)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="79"/>
        <source>coverage, survey effort, effort grid, searched, camera traps, trap-nights, ridge</source>
        <translation>охват, учётное усилие, сетка усилия, обследовано, фотоловушки, ловушко-сутки, хребет</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="129"/>
        <source>Searched along routes (km²)</source>
        <translation>Обследовано по маршрутам (км²)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="129"/>
        <source>Sampled by cameras (km²)</source>
        <translation>Охвачено фотоловушками (км²)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="129"/>
        <source>Searched and sampled (km²)</source>
        <translation>Обследовано маршрутами и фотоловушками (км²)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="129"/>
        <source>Effort grid cells</source>
        <translation>Ячейки сетки усилия</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="106"/>
        <source>Ridgelines (km)</source>
        <translation>Линии гребней (км)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_coverage.py" line="129"/>
        <source>Ridgelines walked (km)</source>
        <translation>Пройдено по линиям гребней (км)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="124"/>
        <source>occupancy, detection history, export, replicates, sites</source>
        <translation>встречаемость, история обнаружений, экспорт, повторности, участки</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="178"/>
        <source>Number of sites</source>
        <translation>Число участков</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="178"/>
        <source>Number of replicates</source>
        <translation>Число повторностей</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="178"/>
        <source>Sites with a detection (naive occupancy)</source>
        <translation>Участки с обнаружением (наивная встречаемость)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="294"/>
        <source>spatial capture-recapture, capture history, traps, camera traps, export, individuals</source>
        <translation>пространственный отлов-повторный отлов, история отловов, ловушки, фотоловушки, экспорт, особи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="325"/>
        <source>Traps written</source>
        <translation>Записано ловушек</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="325"/>
        <source>Captures written</source>
        <translation>Записано отловов</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="325"/>
        <source>Occasions</source>
        <translation>Периоды отлова</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="373"/>
        <source>camera traps, export, data package</source>
        <translation>фотоловушки, экспорт, пакет данных</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="397"/>
        <source>Deployments written</source>
        <translation>Записано установок</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="397"/>
        <source>Observations written</source>
        <translation>Записано наблюдений</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="434"/>
        <source>generalise, sharing, privacy, grid</source>
        <translation>генерализация, передача данных, защита местонахождений, сетка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_exports.py" line="457"/>
        <source>Points written</source>
        <translation>Записано точек</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="48"/>
        <source>gaps, coverage gaps, unsurveyed habitat, suitability, survey effort, access</source>
        <translation>пробелы, пробелы в охвате, необследованные местообитания, пригодность, учётное усилие, подходы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="99"/>
        <source>Number of gaps</source>
        <translation>Число пробелов</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="99"/>
        <source>Gaps in all (km²)</source>
        <translation>Пробелы всего (км²)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_gaps.py" line="99"/>
        <source>Largest gap (km²)</source>
        <translation>Наибольший пробел (км²)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="79"/>
        <source>habitat, suitability, elevation, slope, ruggedness, ridge</source>
        <translation>местообитания, пригодность, высота, крутизна, пересечённость, расчленённость, хребет</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="130"/>
        <source>Suitable habitat (≥ 0.5, km²)</source>
        <translation>Пригодные местообитания (≥ 0,5, км²)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_habitat.py" line="130"/>
        <source>Mean suitability (0–1)</source>
        <translation>Средняя пригодность (0–1)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="54"/>
        <source>heatmap, kernel density, signs, tracks, scrapes, survey effort</source>
        <translation>тепловая карта, ядерная оценка плотности, следы жизнедеятельности, следовые дорожки, поскрёбы, учётное усилие</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="108"/>
        <source>Signs mapped</source>
        <translation>Следов на карте</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_heatmap.py" line="108"/>
        <source>Heatmap maximum</source>
        <translation>Максимум тепловой карты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="41"/>
        <source>import, season, routes, signs, camera traps, GeoPackage, validation</source>
        <translation>импорт, сезон, маршруты, следы жизнедеятельности, фотоловушки, GeoPackage, проверка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_importseason.py" line="82"/>
        <source>EPSG code of the season&apos;s CRS</source>
        <translation>Код EPSG системы координат сезона</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="108"/>
        <source>plan, transects, routes, budget, ridge, gaps, GPX, teams</source>
        <translation>план, трансекты, маршруты, бюджет, хребет, пробелы, GPX, группы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="167"/>
        <source>Number of transects</source>
        <translation>Число трансект</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="245"/>
        <source>plan, camera traps, stations, spatial capture-recapture, ridge, saddle</source>
        <translation>план, фотоловушки, станции, пространственный отлов-повторный отлов, хребет, седловина</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="282"/>
        <source>New stations placed</source>
        <translation>Размещено новых станций</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="336"/>
        <source>plan, compare, transects, routes walked, off plan</source>
        <translation>план, сравнение, трансекты, пройденные маршруты, вне плана</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="361"/>
        <source>Share of the plan walked (0–1)</source>
        <translation>Доля пройденного плана (0–1)</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_plan.py" line="361"/>
        <source>Km walked off the plan</source>
        <translation>Км пройдено вне плана</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_report.py" line="47"/>
        <source>report, PDF, print layout, season, summary</source>
        <translation>отчёт, PDF, макет печати, сезон, сводка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="56"/>
        <source>terrain, relief, DEM, slope, ruggedness, ridge, ridgeline, saddle</source>
        <translation>рельеф, ЦМР, крутизна, пересечённость, расчленённость, хребет, гребень, седловина</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/alg_terrain.py" line="106"/>
        <source>Ridge segments</source>
        <translation>Отрезки гребней</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/processing/base.py" line="238"/>
        <source>snow leopard, census</source>
        <translation>ирбис, снежный барс, учёт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="107"/>
        <source>1. Data</source>
        <translation>1. Данные</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="107"/>
        <source>2. Heatmaps</source>
        <translation>2. Тепловые карты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="107"/>
        <source>3. Coverage &amp;&amp; gaps</source>
        <translation>3. Охват и пробелы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="107"/>
        <source>4. Plan</source>
        <translation>4. План</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="107"/>
        <source>5. Report</source>
        <translation>5. Отчёт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="132"/>
        <source>No season yet: import field files or open a season GeoPackage.</source>
        <translation>Сезон ещё не загружен: импортируйте полевые файлы или откройте GeoPackage сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="132"/>
        <source>The season GeoPackage the pages work on</source>
        <translation>GeoPackage сезона, с которым работают страницы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="137"/>
        <source>Open the help page of the dock</source>
        <translation>Открыть справку по панели</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="140"/>
        <source>Help</source>
        <translation>Справка</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="144"/>
        <source>The season workflow, page by page: Data, Heatmaps, Coverage and gaps, Plan, Report</source>
        <translation>Работа с сезоном по страницам: Данные, Тепловые карты, Охват и пробелы, План, Отчёт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="149"/>
        <source>Progress of the running job</source>
        <translation>Ход выполнения текущей задачи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="153"/>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="153"/>
        <source>Stop the running job; no output file is left behind</source>
        <translation>Остановить текущую задачу; выходных файлов не останется</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="158"/>
        <source>Ready.</source>
        <translation>Готово к работе.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="158"/>
        <source>What the dock is doing</source>
        <translation>Что сейчас делает панель</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock.py" line="191"/>
        <source>The help page of the dock is not installed with this version of the plugin.</source>
        <translation>Справка по панели не установлена с этой версией модуля.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/pages/coverage.py" line="93"/>
        <source>Mean
suitability</source>
        <translation>Пригод-
ность</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/crs.py" line="128"/>
        <source>{what}: the CRS {crs} is not understood ({reason}). Reproject it to a metric CRS such as the UTM zone of the park.</source>
        <translation>{what}: система координат {crs} не распознана ({reason}). Перепроецируйте в метрическую систему координат, например в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/crs.py" line="134"/>
        <source>{what} has no CRS and its cells ({pixel}) look like degrees. Reproject it to a metric CRS such as the UTM zone of the park (e.g. EPSG:32645).</source>
        <translation>{what} — без системы координат, а её ячейки ({pixel}) похожи на градусы. Перепроецируйте в метрическую систему координат, например в зону UTM парка (EPSG:32645).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/crs.py" line="140"/>
        <source>{what} is in geographic coordinates (degrees). Reproject it to a metric CRS such as the UTM zone of the park (e.g. EPSG:32645).</source>
        <translation>{what} — в географических координатах (градусах). Перепроецируйте в метрическую систему координат, например в зону UTM парка (EPSG:32645).</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/core/crs.py" line="143"/>
        <source>{what} is not in metres ({crs}). Reproject it to a metric CRS such as the UTM zone of the park.</source>
        <translation>{what} — не в метрах ({crs}). Перепроецируйте в метрическую систему координат, например в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/qgis_io/crs.py" line="198"/>
        <source>The layer {layer} is not in metres ({crs}); the analysis needs metres: reproject it to the UTM zone of the park.</source>
        <translation>Слой {layer} не в метрах ({crs}); для анализа нужны метры: перепроецируйте его в зону UTM парка.</translation>
    </message>
</context>
<context>
    <name>SeasonDockBase</name>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="9"/>
        <source>Snow Leopard Census</source>
        <translation type="obsolete">Учёт снежного барса</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="24"/>
        <source>1. Data</source>
        <translation type="obsolete">1. Данные</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="42"/>
        <source>2. Heatmaps</source>
        <translation type="obsolete">2. Тепловые карты</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="78"/>
        <source>4. Plan</source>
        <translation type="obsolete">4. План</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="96"/>
        <source>5. Report</source>
        <translation type="obsolete">5. Отчёт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="60"/>
        <source>3. Coverage &amp;&amp; gaps</source>
        <translation type="obsolete">3. Охват и пробелы</translation>
    </message>
    <message>
        <location filename="../cc/snowleopard_plugin/gui/dock_season.ui" line="16"/>
        <source>Season workflow: Data → Heatmaps → Coverage &amp; gaps → Plan → Report.</source>
        <translation type="obsolete">Порядок работы с сезоном: Данные → Тепловые карты → Охват и пробелы → План → Отчёт.</translation>
    </message>
    <message>
        <location filename="../cc/snowleopard_plugin/gui/dock_season.ui" line="28"/>
        <source>Import the season's field files with Processing → Snow leopard census → Import census season. The dock's own pages are being built.</source>
        <translation type="obsolete">Загрузите полевые файлы сезона: Обработка → Учёт снежного барса → Импорт данных учётного сезона. Собственные страницы панели пока в разработке.</translation>
    </message>
    <message>
        <location filename="../cc/snowleopard_plugin/gui/dock_season.ui" line="34"/>
        <source>Open the Processing Toolbox at the Snow leopard census algorithms</source>
        <translation type="obsolete">Открыть панель инструментов обработки на алгоритмах учёта снежного барса</translation>
    </message>
    <message>
        <location filename="../cc/snowleopard_plugin/gui/dock_season.ui" line="35"/>
        <source>Open the algorithms</source>
        <translation type="obsolete">Открыть алгоритмы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="15"/>
        <source>The season GeoPackage the pages work on</source>
        <translation type="obsolete">GeoPackage сезона, с которым работают страницы</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="16"/>
        <source>No season yet: import field files or open a season GeoPackage.</source>
        <translation type="obsolete">Сезон ещё не загружен: импортируйте полевые файлы или откройте GeoPackage сезона.</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="22"/>
        <source>The season workflow, page by page: Data, Heatmaps, Coverage and gaps, Plan, Report</source>
        <translation type="obsolete">Работа с сезоном по страницам: Данные, Тепловые карты, Охват и пробелы, План, Отчёт</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="119"/>
        <source>Progress of the running job</source>
        <translation type="obsolete">Ход выполнения текущей задачи</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="125"/>
        <source>Stop the running job; no output file is left behind</source>
        <translation type="obsolete">Остановить текущую задачу; выходных файлов не останется</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="126"/>
        <source>Cancel</source>
        <translation type="obsolete">Отмена</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="134"/>
        <source>What the dock is doing</source>
        <translation type="obsolete">Что сейчас делает панель</translation>
    </message>
    <message>
        <location filename="../snowleopard_plugin/gui/dock_season.ui" line="135"/>
        <source>Ready.</source>
        <translation type="obsolete">Готово к работе.</translation>
    </message>
</context>
</TS>
