<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>SnowLeopard</name>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/crs.py" line="26"/>
        <source>Not a longitude/latitude pair: {lon}, {lat}</source>
        <translation>Это не пара «долгота/широта»: {lon}, {lat}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/crs.py" line="28"/>
        <source>Latitude {lat} is outside the UTM zones (80°S to 84°N); give a CRS explicitly.</source>
        <translation>Широта {lat} лежит вне зон UTM (от 80° ю. ш. до 84° с. ш.); укажите систему координат явно.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/exceptions.py" line="62"/>
        <source>Cancelled by the user.</source>
        <translation>Отменено пользователем.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/fileio.py" line="28"/>
        <source>The output folder {folder} does not exist.</source>
        <translation>Выходная папка {folder} не существует.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/fileio.py" line="30"/>
        <source>Cannot write to the folder {folder}: choose another output path.</source>
        <translation>Нет доступа на запись в папку {folder}: выберите другой путь для результата.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/raster.py" line="89"/>
        <source>Cannot read the raster {path}: {reason}</source>
        <translation>Не удалось прочитать растр {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/raster.py" line="91"/>
        <source>The raster {path} has rotated or non-square pixels; warp it to a north-up grid with square cells first.</source>
        <translation>Растр {path} повёрнут или имеет неквадратные пиксели; сначала перепроецируйте его в сетку, ориентированную на север, с квадратными ячейками.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/raster.py" line="94"/>
        <source>The raster {path} is in geographic coordinates (degrees); reproject it to a metric CRS such as the UTM zone of the park.</source>
        <translation>Растр {path} в географических координатах (градусах); перепроецируйте его в метрическую систему координат, например в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="13"/>
        <source>Paw-print trail</source>
        <translation>Следовая дорожка</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="14"/>
        <source>Scrape</source>
        <translation>Поскрёб</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="15"/>
        <source>Scat</source>
        <translation>Экскременты</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="16"/>
        <source>Scent mark</source>
        <translation>Мочевая метка</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="17"/>
        <source>Mating call</source>
        <translation>Брачный крик</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="18"/>
        <source>Sighting</source>
        <translation>Визуальная встреча</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="19"/>
        <source>Prey remains</source>
        <translation>Остатки добычи</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="20"/>
        <source>Other sign</source>
        <translation>Другой признак</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="68"/>
        <source>Routes</source>
        <translation>Маршруты</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="28"/>
        <source>Signs and calls</source>
        <translation>Следы и крики</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="65"/>
        <source>Camera stations</source>
        <translation>Фотоловушки</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="30"/>
        <source>Camera detections</source>
        <translation>Регистрации фотоловушек</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="31"/>
        <source>Import validation</source>
        <translation>Проверка импорта</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="37"/>
        <source>Information</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="37"/>
        <source>Warning</source>
        <translation>Предупреждение</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/labels.py" line="37"/>
        <source>Error</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/plugin.py" line="40"/>
        <source>Snow Leopard Census needs these Python packages: {names}. Install them with: {hint}</source>
        <translation>Модулю «Учёт снежного барса» нужны пакеты Python: {names}. Установите их командой: {hint}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/plugin.py" line="89"/>
        <source>Snow Leopard Census</source>
        <translation>Учёт снежного барса</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/plugin.py" line="61"/>
        <source>Open the snow leopard census season workflow</source>
        <translation>Открыть панель учётного сезона снежного барса</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/plugin.py" line="68"/>
        <source>Help on missing Python packages</source>
        <translation>Справка о недостающих пакетах Python</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/plugin.py" line="79"/>
        <source>&amp;Snow Leopard Census</source>
        <translation>&amp;Учёт снежного барса</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/plugin.py" line="98"/>
        <source>Python packages missing: {names}. The analyses are disabled until you install them: {hint}</source>
        <translation>Не хватает пакетов Python: {names}. Анализ недоступен, пока они не установлены: {hint}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/plugin.py" line="108"/>
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
        <location filename="../../work/main/snowleopard_plugin/plugin.py" line="111"/>
        <source>All the Python packages the plugin needs are installed.</source>
        <translation>Все нужные модулю пакеты Python установлены.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="38"/>
        <source>Import census season</source>
        <translation>Импорт данных учётного сезона</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="41"/>
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
        <translation>Читает полевые файлы сезона и записывает один GeoPackage сезона со слоями routes (маршруты), observations (следы и встречи), cameras (фотоловушки), detections (регистрации) и validation (проверка) в зоне UTM данных (или в выбранной вами системе координат).

Маршруты: GPX-треки (Garmin, телефоны, OsmAnd, Locus), KML/KMZ, GeoJSON, GeoPackage, Shapefile.
Наблюдения: таблицы следов (CSV или текст из электронной таблицы, UTF-8 или cp1251, русские или английские заголовки, координаты в градусах, градусах и минутах или градусах, минутах и секундах), путевые точки GPX, выгрузки NextGIS.
Фотоловушки: datapackage.json формата Camtrap DP (его регистрации животных становятся регистрациями), файл ловушек secr или таблица точек. Регистрации: файл поимок secr или таблица регистраций.

Всё, что было исправлено, отмечено или отброшено, перечислено в слое проверки. Исходные файлы не изменяются; при ошибке GeoPackage не остаётся.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="56"/>
        <source>Route files (GPX, KML/KMZ, GeoJSON, GeoPackage, Shapefile)</source>
        <translation>Файлы маршрутов (GPX, KML/KMZ, GeoJSON, GeoPackage, Shapefile)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="56"/>
        <source>Sign observation files (CSV, text, GPX waypoints, GeoJSON)</source>
        <translation>Файлы регистраций следов (CSV, текст, путевые точки GPX, GeoJSON)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="56"/>
        <source>Camera files (Camtrap DP datapackage.json, secr traps, station table)</source>
        <translation>Файлы фотоловушек (datapackage.json Camtrap DP, ловушки secr, таблица точек)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="56"/>
        <source>Detection files (secr capture file, detection table)</source>
        <translation>Файлы регистраций (файл поимок secr, таблица регистраций)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="63"/>
        <source>Metric CRS (default: UTM zone of the data)</source>
        <translation>Метрическая система координат (по умолчанию зона UTM данных)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="65"/>
        <source>DEM for surface distances</source>
        <translation>ЦМР для расстояний по поверхности</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="66"/>
        <source>Season GeoPackage</source>
        <translation>GeoPackage сезона</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="66"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="68"/>
        <source>Observations</source>
        <translation>Наблюдения</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="68"/>
        <source>Cameras</source>
        <translation>Фотоловушки</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="68"/>
        <source>Detections</source>
        <translation>Регистрации</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="68"/>
        <source>Validation rows</source>
        <translation>Записи проверки</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="79"/>
        <source>Give at least one field file: routes, observations, cameras or detections.</source>
        <translation>Укажите хотя бы один полевой файл: маршруты, наблюдения, фотоловушки или регистрации.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="84"/>
        <source>The file {path} does not exist.</source>
        <translation>Файл {path} не существует.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="91"/>
        <source>The CRS {crs} is geographic (degrees); choose a metric CRS such as the UTM zone of the park.</source>
        <translation>Система координат {crs} географическая (градусы); выберите метрическую, например зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="104"/>
        <source>Season CRS: EPSG:{epsg}</source>
        <translation>Система координат сезона: EPSG:{epsg}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_importseason.py" line="106"/>
        <source>{layer}: {count}</source>
        <translation>{layer}: {count}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/base.py" line="74"/>
        <source>Not enough memory for this job: use a larger pixel size or a smaller extent.</source>
        <translation>Не хватает памяти: увеличьте размер пикселя или уменьшите охват.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/provider.py" line="19"/>
        <source>Snow leopard census</source>
        <translation>Учёт снежного барса</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/provider.py" line="22"/>
        <source>Snow leopard census {version}</source>
        <translation>Учёт снежного барса {version}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/qgis_io.py" line="93"/>
        <source>Team not recorded</source>
        <translation>Группа не указана</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/qgis_io.py" line="130"/>
        <source>Snow Leopard Census default style</source>
        <translation>Стиль модуля «Учёт снежного барса» по умолчанию</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/qgis_io.py" line="134"/>
        <source>Could not save the style of {layer}: {reason}</source>
        <translation>Не удалось сохранить стиль слоя {layer}: {reason}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/qgis_io.py" line="141"/>
        <source>Season {name}</source>
        <translation>Сезон {name}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/vector_io.py" line="442"/>
        <source>Cannot read {path}: {reason}</source>
        <translation>Не удалось прочитать {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="59"/>
        <source>{path} is not valid JSON ({reason}): choose the datapackage.json of a Camtrap DP package.</source>
        <translation>{path} — некорректный JSON ({reason}): выберите файл datapackage.json пакета Camtrap DP.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="62"/>
        <source>{path} is not a data package (no &apos;resources&apos; list): choose the datapackage.json of a Camtrap DP package.</source>
        <translation>{path} не является пакетом данных (нет списка «resources»): выберите файл datapackage.json пакета Camtrap DP.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="92"/>
        <source>{path} has no &apos;{table}&apos; table: it is not a Camtrap DP package, or an incomplete one. Export the package again.</source>
        <translation>В {path} нет таблицы «{table}»: это не пакет Camtrap DP или пакет неполный. Выгрузите пакет заново.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="102"/>
        <source>{path}: the &apos;{table}&apos; table has no file path. Export the package again.</source>
        <translation>{path}: у таблицы «{table}» не указан путь к файлу. Выгрузите пакет заново.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="113"/>
        <source>{path}: the &apos;{table}&apos; table points to {file}, outside the package folder. Download the package with its CSV files and import the local copy.</source>
        <translation>{path}: таблица «{table}» ссылается на {file} за пределами папки пакета. Скачайте пакет вместе с его CSV-файлами и импортируйте локальную копию.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="191"/>
        <source>Deployment {id}: latitude/longitude &apos;{value}&apos; cannot be read; it was not imported.</source>
        <translation>Установка фотоловушки {id}: не удалось прочитать широту/долготу «{value}»; установка не импортирована.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="198"/>
        <source>No deploymentID; the row number {value} was used.</source>
        <translation>Нет deploymentID; использован номер строки {value}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="207"/>
        <source>Deployment {id} has no start or end time; its trap-nights are unknown.</source>
        <translation>У установки фотоловушки {id} нет времени начала или окончания; число ловушко-суток неизвестно.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="211"/>
        <source>Deployment {id}: time &apos;{value}&apos; cannot be read; its trap-nights are unknown.</source>
        <translation>Установка фотоловушки {id}: не удалось прочитать время «{value}»; число ловушко-суток неизвестно.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="221"/>
        <source>Deployment {id} ends before it starts; trap-nights left empty.</source>
        <translation>Установка фотоловушки {id} заканчивается раньше, чем начинается; ловушко-сутки не заполнены.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="264"/>
        <source>Observation {id} belongs to deployment &apos;{deployment}&apos;, which is not in the deployments table; kept without a station position.</source>
        <translation>Наблюдение {id} относится к установке «{deployment}», которой нет в таблице установок (deployments); сохранено без координат точки.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="272"/>
        <source>Observation {id} has no time; kept without one.</source>
        <translation>У наблюдения {id} нет времени; сохранено без него.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/camtrapdp.py" line="276"/>
        <source>Observation {id}: time &apos;{value}&apos; cannot be read; kept without one.</source>
        <translation>Наблюдение {id}: не удалось прочитать время «{value}»; сохранено без времени.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="900"/>
        <source>Count &apos;{value}&apos; is not a whole number of 1 or more; 1 was stored.</source>
        <translation>Число особей «{value}» — не целое число от 1 и больше; записано 1.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="70"/>
        <source>{what} is in geographic coordinates (degrees); reproject it to a metric CRS such as the UTM zone of the park before computing coverage.</source>
        <translation>{what} — в географических координатах (градусах); перед расчётом охвата перепроецируйте в метрическую систему координат, например в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="78"/>
        <source>The grid has no cells (pixel {pixel} m, {width} x {height}); choose a positive cell size and a non-empty extent.</source>
        <translation>В сетке нет ячеек (пиксель {pixel} м, {width} × {height}); задайте положительный размер ячейки и непустой охват.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="359"/>
        <source>{name} must be a positive distance in metres (got {value}).</source>
        <translation>{name}: требуется положительное расстояние в метрах (получено {value}).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="384"/>
        <source>The routes layer has no lines; load the season&apos;s GPS tracks first.</source>
        <translation>В слое маршрутов нет линий; сначала загрузите GPS-треки сезона.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="394"/>
        <source>The {what} do not overlap the analysis grid ({xmin:.0f}, {ymin:.0f} - {xmax:.0f}, {ymax:.0f}); check that both are in the same CRS and choose an extent that contains the survey.</source>
        <translation>{what}: нет перекрытия с сеткой анализа ({xmin:.0f}, {ymin:.0f} – {xmax:.0f}, {ymax:.0f}); проверьте, что данные и сетка в одной системе координат, и выберите охват, включающий район учёта.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="423"/>
        <source>The cameras layer has no stations; load the camera-trap stations first.</source>
        <translation>В слое фотоловушек нет точек; сначала загрузите точки установки фотоловушек.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="486"/>
        <source>No survey effort: give a routes layer with lines or a cameras layer with stations.</source>
        <translation>Нет учётного усилия: укажите слой маршрутов с линиями или слой фотоловушек с точками.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="648"/>
        <source>The survey layers are in different CRSs ({a} and {b}); reproject them to the season&apos;s CRS first.</source>
        <translation>Учётные слои в разных системах координат ({a} и {b}); сначала перепроецируйте их в систему координат сезона.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="705"/>
        <source>No survey data to grid: the routes, cameras, observations and detections layers are all empty.</source>
        <translation>Нет учётных данных для построения сетки: слои маршрутов, фотоловушек, наблюдений и регистраций пусты.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="729"/>
        <source>A DEM was given without its grid; pass dem_grid as well.</source>
        <translation>ЦМР передана без своей сетки; передайте также dem_grid.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/coverage.py" line="863"/>
        <source>The ridges layer has no lines; compute the ridgelines from the DEM first.</source>
        <translation>В слое хребтов нет линий; сначала постройте линии гребней по ЦМР.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="81"/>
        <source>The CRS {crs} is not understood ({reason}); choose a metric CRS such as the UTM zone of the park.</source>
        <translation>Система координат {crs} не распознана ({reason}); выберите метрическую систему координат, например зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="84"/>
        <source>The CRS {crs} is geographic (degrees); heatmaps need a metric CRS: reproject to the UTM zone of the park (e.g. EPSG:32645).</source>
        <translation>Система координат {crs} географическая (градусы); для тепловых карт нужна метрическая: перепроецируйте данные в зону UTM парка (например, EPSG:32645).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="90"/>
        <source>The grid looks like it is in degrees (pixel {pixel}); heatmaps need a metric CRS: reproject to the UTM zone of the park.</source>
        <translation>Похоже, сетка задана в градусах (пиксель {pixel}); для тепловых карт нужна метрическая система координат: перепроецируйте данные в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="96"/>
        <source>Unknown kernel {kernel}: use 0 quartic, 1 triangular, 2 uniform, 3 triweight or 4 Epanechnikov.</source>
        <translation>Неизвестное ядро {kernel}: используйте 0 — квартическое, 1 — треугольное, 2 — равномерное, 3 — трёхвесовое или 4 — Епанечникова.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="99"/>
        <source>The decay ratio {decay} cannot be normalised: use a decay of 0 or more (0 = cone, 1 = flat disc).</source>
        <translation>Коэффициент затухания {decay} не позволяет нормировать ядро: задайте значение 0 или больше (0 — конус, 1 — плоский диск).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="105"/>
        <source>The radius {radius} m is not a positive distance; give the search radius in metres.</source>
        <translation>Радиус {radius} м не является положительным расстоянием; задайте радиус поиска в метрах.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="108"/>
        <source>The radius {radius} m is smaller than the pixel size {pixel} m: the kernel would miss most cells. Use a larger radius or a smaller pixel (at least 5 pixels per radius is recommended).</source>
        <translation>Радиус {radius} м меньше размера пикселя {pixel} м: ядро не захватит большинство ячеек. Увеличьте радиус или уменьшите пиксель (рекомендуется не менее 5 пикселей на радиус).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="118"/>
        <source>The {what} have {nx} x and {ny} y coordinates; give one pair per feature.</source>
        <translation>{what}: координат x — {nx}, координат y — {ny}; нужна одна пара на каждый объект.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="121"/>
        <source>There are no {what} to map: the selection is empty. Select at least one feature, or widen the date window and the chosen types.</source>
        <translation>Нет объектов для карты ({what}): выборка пуста. Выделите хотя бы один объект или расширьте интервал дат и набор выбранных типов.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="125"/>
        <source>{count} of the {what} have missing or non-finite coordinates (first at index {index}); fix or remove them before mapping.</source>
        <translation>{what}: объектов с отсутствующими или нечисловыми (NaN, бесконечность) координатами — {count} (первый с индексом {index}); исправьте или удалите их перед построением карты.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="138"/>
        <source>{name} has {got} values for {n} features; give one value per feature.</source>
        <translation>{name}: значений — {got}, а объектов — {n}; нужно одно значение на каждый объект.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="142"/>
        <source>{name} has {count} missing, negative or non-finite values (first at index {index}); fill them with a value of 0 or more.</source>
        <translation>{name}: пропущенных, отрицательных или нечисловых значений — {count} (первое с индексом {index}); замените их значениями 0 или больше.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="247"/>
        <source>The pixel size {pixel} m is not a positive distance.</source>
        <translation>Размер пикселя {pixel} м не является положительным расстоянием.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="467"/>
        <source>Unknown method {method}: use auto, fft or direct.</source>
        <translation>Неизвестный метод {method}: используйте auto, fft или direct.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="474"/>
        <source>No radius given: set a radius in metres or a radius field.</source>
        <translation>Радиус не задан: укажите радиус в метрах или поле с радиусом.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="534"/>
        <source>A route has missing or non-finite vertex coordinates; fix the route geometry before mapping effort.</source>
        <translation>У маршрута отсутствуют или некорректны координаты вершин; исправьте геометрию маршрута перед построением карты учётного усилия.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="573"/>
        <source>There are no routes to map: no route has two distinct vertices. Select the routes walked in the season.</source>
        <translation>Нет маршрутов для карты: ни у одного маршрута нет двух различных вершин. Выберите маршруты, пройденные в этом сезоне.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="623"/>
        <source>The sign map {a} and the effort map {b} differ in size; compute both on the same grid.</source>
        <translation>Карта следов {a} и карта учётного усилия {b} разного размера; рассчитайте обе на одной сетке.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="626"/>
        <source>The minimum effort {value} km must be 0 or more.</source>
        <translation>Минимальное учётное усилие {value} км должно быть не меньше 0.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="630"/>
        <source>No cell has at least {min_km} km of route within the kernel radius (most is {best:.3g} km): lower the minimum effort or enlarge the radius.</source>
        <translation>Ни в одной ячейке в пределах радиуса ядра нет хотя бы {min_km} км маршрутов (максимум — {best:.3g} км): уменьшите минимальное усилие или увеличьте радиус.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="634"/>
        <source>The signs and the routes do not overlap: no sign lies near a searched cell. Check that both layers are of the same season and CRS, or enlarge the radius.</source>
        <translation>Следы и маршруты не перекрываются: ни один след не лежит рядом с обследованной ячейкой. Проверьте, что оба слоя относятся к одному сезону и одной системе координат, или увеличьте радиус.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="659"/>
        <source>There are no camera stations to map: the selection is empty.</source>
        <translation>Нет фотоловушек для карты: выборка пуста.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="661"/>
        <source>There are {nd} detection rows for {ns} stations; give one row per station.</source>
        <translation>Строк регистраций — {nd}, а точек — {ns}; нужна одна строка на каждую точку.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="665"/>
        <source>{name} has missing, negative or non-finite values; fill them with 0 or more.</source>
        <translation>{name}: есть пропущенные, отрицательные или нечисловые значения; замените их значениями 0 или больше.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/density.py" line="698"/>
        <source>There are {nt} trap-night values for {ns} stations; give one per station.</source>
        <translation>Значений ловушко-суток — {nt}, а точек — {ns}; нужно одно значение на каждую точку.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/gaps.py" line="41"/>
        <source>The maximum distance from effort must be a positive distance in metres (got {value}).</source>
        <translation>Максимальное расстояние от мест учёта должно быть положительным числом метров (получено {value}).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/gaps.py" line="225"/>
        <source>No survey effort: the routes and cameras layers are both empty; load the season&apos;s routes or camera stations first.</source>
        <translation>Нет учётного усилия: слои маршрутов и фотоловушек пусты; сначала загрузите маршруты или фотоловушки сезона.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/gaps.py" line="67"/>
        <source>The survey effort does not overlap the habitat grid; check that routes, cameras and habitat are in the same CRS and cover the same area.</source>
        <translation>Учётное усилие не перекрывается с сеткой местообитаний; проверьте, что маршруты, фотоловушки и местообитания в одной системе координат и охватывают одну и ту же территорию.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/gaps.py" line="121"/>
        <source>The habitat array has shape {shape} but the grid is {rows} x {cols}; use the habitat raster&apos;s own grid.</source>
        <translation>Массив местообитаний имеет размер {shape}, а сетка — {rows} × {cols}; используйте собственную сетку растра местообитаний.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/gaps.py" line="127"/>
        <source>No cell of the habitat layer reaches the suitability threshold {threshold}; lower the threshold or check the habitat layer.</source>
        <translation>Ни одна ячейка слоя местообитаний не достигает порога пригодности {threshold}; понизьте порог или проверьте слой местообитаний.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/gaps.py" line="165"/>
        <source>Connectivity must be 4 or 8 (got {value}).</source>
        <translation>Связность должна быть 4 или 8 (получено {value}).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/gaps.py" line="167"/>
        <source>The minimum gap area must be 0 or more km² (got {value}).</source>
        <translation>Минимальная площадь пробела должна быть не меньше 0 км² (получено {value}).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/gaps.py" line="216"/>
        <source>The habitat layer is empty; give habitat polygons or a suitability raster.</source>
        <translation>Слой местообитаний пуст; укажите полигоны местообитаний или растр пригодности.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="148"/>
        <source>Cannot read {path}: its coordinates are projected (metres) but the file does not say in which CRS; give the CRS.</source>
        <translation>Не удалось прочитать {path}: координаты в нём проекционные (метры), но система координат в файле не указана; задайте её.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/vector_io.py" line="228"/>
        <source>Cannot read {path}: the file does not exist.</source>
        <translation>Не удалось прочитать {path}: файл не существует.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="296"/>
        <source>Longitude and latitude were swapped (given: {x}, {y}); they were exchanged.</source>
        <translation>Долгота и широта были перепутаны местами (указано: {x}, {y}); они переставлены.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="301"/>
        <source>Coordinates out of range (longitude {x}, latitude {y}); the feature was not imported. Correct them in the source file.</source>
        <translation>Координаты вне допустимого диапазона (долгота {x}, широта {y}); объект не импортирован. Исправьте их в исходном файле.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="309"/>
        <source>This point lies {km} km outside the area of the rest of the season; check its coordinates.</source>
        <translation>Эта точка лежит в {km} км за пределами района остальных данных сезона; проверьте её координаты.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="329"/>
        <source>Longitude and latitude of the whole track were swapped; they were exchanged.</source>
        <translation>Во всём треке долгота и широта были перепутаны местами; они переставлены.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="336"/>
        <source>{n} track points had coordinates out of range (first: longitude {x}, latitude {y}); they were removed from the route.</source>
        <translation>Точек трека с координатами вне допустимого диапазона: {n} (первая: долгота {x}, широта {y}); они удалены из маршрута.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="345"/>
        <source>This route lies {km} km outside the area of the rest of the season; check its coordinates.</source>
        <translation>Этот маршрут лежит в {km} км за пределами района остальных данных сезона; проверьте его координаты.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="356"/>
        <source>The observation has no date; it is kept but drops out of date filters. Add the date in the source file.</source>
        <translation>У наблюдения нет даты; оно сохранено, но не попадёт в выборки по датам. Добавьте дату в исходный файл.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="368"/>
        <source>Same sign type, place and time as &apos;{other}&apos; ({other_source}); probably recorded twice. Kept: delete one if so.</source>
        <translation>Тот же тип следа, место и время, что у «{other}» ({other_source}); вероятно, записано дважды. Запись сохранена: если это дубль, удалите одну из них.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="404"/>
        <source>GPS jump: the fix {n} ({time}) lies off the track (reached faster than a walker can go); it was removed from the route.</source>
        <translation>Скачок GPS: точка {n} ({time}) лежит в стороне от трека (до неё невозможно дойти пешком за такое время); она удалена из маршрута.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="420"/>
        <source>The route has fewer than 2 distinct points; it was not imported.</source>
        <translation>В маршруте меньше 2 различных точек; он не импортирован.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="487"/>
        <source>Cannot write the layer {layer}: {reason}</source>
        <translation>Не удалось записать слой {layer}: {reason}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="554"/>
        <source>No output GeoPackage was given; choose where to save the season.</source>
        <translation>Не указан выходной GeoPackage; выберите, куда сохранить данные сезона.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="556"/>
        <source>{path} already exists; choose another file or allow overwriting.</source>
        <translation>{path} уже существует; выберите другой файл или разрешите перезапись.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="574"/>
        <source>This file has the same content as {other}; it was skipped.</source>
        <translation>Содержимое этого файла совпадает с {other}; файл пропущен.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="690"/>
        <source>No usable feature in any input: no route, sign, camera or detection could be read. Check the files and the validation messages.</source>
        <translation>Ни в одном входном файле нет пригодных объектов: не удалось прочитать ни одного маршрута, следа, фотоловушки или регистрации. Проверьте файлы и сообщения проверки.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="597"/>
        <source>The season CRS {crs} is geographic; choose a metric (projected) CRS such as a UTM zone.</source>
        <translation>Система координат сезона {crs} географическая; выберите метрическую (проекционную) систему координат, например зону UTM.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="603"/>
        <source>No input has coordinates, so the season&apos;s CRS cannot be chosen; give it.</source>
        <translation>Ни в одном входном файле нет координат, поэтому систему координат сезона определить нельзя; укажите её.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="672"/>
        <source>{n} detections at station &apos;{station}&apos;, which is not among the cameras; kept without a location. Add the station to the camera table.</source>
        <translation>Регистраций на точке «{station}», которой нет среди фотоловушек: {n}; сохранены без координат. Добавьте точку в таблицу фотоловушек.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/season.py" line="713"/>
        <source>Cannot write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="599"/>
        <source>Cannot read the field mapping {path}: {reason}</source>
        <translation>Не удалось прочитать сопоставление полей {path}: {reason}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="604"/>
        <source>The field mapping {path} is not a list of field: column pairs; save the mapping again from the import dialog.</source>
        <translation>Сопоставление полей {path} не является списком пар «поле: столбец»; сохраните сопоставление заново из окна импорта.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="639"/>
        <source>{path} is a spreadsheet workbook, not a text table: save the sheet as CSV (File &gt; Save As &gt; CSV) and import the CSV.</source>
        <translation>{path} — книга электронной таблицы, а не текстовая таблица: сохраните лист в CSV (Файл &gt; Сохранить как &gt; CSV) и импортируйте CSV.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="669"/>
        <source>{path} is empty: export the table again.</source>
        <translation>Файл {path} пуст: выгрузите таблицу заново.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="645"/>
        <source>{path} is not a text table (CSV or TXT): check that the right file was chosen, or export the data as CSV.</source>
        <translation>{path} не является текстовой таблицей (CSV или TXT): проверьте, тот ли файл выбран, или выгрузите данные в CSV.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="674"/>
        <source>Row has {found} cells but the header has {expected}; an unquoted decimal comma in a comma-separated file? Fix the row or export with &apos;;&apos;.</source>
        <translation>В строке ячеек: {found}, а в заголовке: {expected}. Возможно, в файле с разделителем-запятой есть десятичная запятая без кавычек? Исправьте строку или выгрузите таблицу с разделителем «;».</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="682"/>
        <source>{path} has a header but no data rows: export the table again.</source>
        <translation>В {path} есть заголовок, но нет строк с данными: выгрузите таблицу заново.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="698"/>
        <source>{path} has no column &apos;{column}&apos; (the field mapping uses it for {field}); its columns are: {columns}. Edit the field mapping.</source>
        <translation>В {path} нет столбца «{column}» (по сопоставлению полей он используется для {field}); имеющиеся столбцы: {columns}. Исправьте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="732"/>
        <source>Unknown CRS {crs}: give an EPSG code such as EPSG:32645.</source>
        <translation>Неизвестная система координат {crs}: укажите код EPSG, например EPSG:32645.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="750"/>
        <source>{path}: no coordinate columns found. Expected latitude and longitude (широта/долгота, lat/lon), X/Y with a CRS, or a WKT 'geom' column; columns found: {columns}. Rename the columns or set a field mapping.</source>
        <translation>{path}: не найдены столбцы координат. Ожидаются широта и долгота (широта/долгота, lat/lon), X/Y с указанием системы координат или столбец WKT «geom»; найдены столбцы: {columns}. Переименуйте столбцы или задайте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="757"/>
        <source>{path}: the coordinates look projected (metres, not degrees). Give their CRS, e.g. EPSG:32645 (UTM 45N) or EPSG:3857 for a NextGIS Web export.</source>
        <translation>{path}: координаты похожи на проекционные (метры, а не градусы). Укажите их систему координат, например EPSG:32645 (UTM 45N) или EPSG:3857 для выгрузки из NextGIS Web.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="828"/>
        <source>Coordinates '{value}' cannot be read; the row was not imported. Write them as decimal degrees (49.7534), degrees-minutes (49 45.205) or DMS (49°45'12&quot;N).</source>
        <translation>Не удалось прочитать координаты «{value}»; строка не импортирована. Записывайте их в десятичных градусах (49.7534), в градусах и минутах (49 45.205) или в градусах, минутах и секундах (49°45'12&quot;N).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="833"/>
        <source>The row has no coordinates; it was not imported. Fill them in and import again.</source>
        <translation>В строке нет координат; она не импортирована. Заполните их и повторите импорт.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="855"/>
        <source>Dates in column &apos;{column}&apos; were read as month/day/year (some have a second number above 12).</source>
        <translation>Даты в столбце «{column}» прочитаны как месяц/день/год (в некоторых второе число больше 12).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="859"/>
        <source>Dates in column &apos;{column}&apos; such as 03/04/2024 could be day/month or month/day; they were read as day/month/year. Check them.</source>
        <translation>Даты в столбце «{column}» вида 03/04/2024 можно понять и как день/месяц, и как месяц/день; они прочитаны как день/месяц/год. Проверьте их.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="873"/>
        <source>No date in column &apos;{column}&apos;; the row was kept without it. Add the date if known.</source>
        <translation>В столбце «{column}» нет даты; строка сохранена без неё. Добавьте дату, если она известна.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="879"/>
        <source>Date &apos;{value}&apos; cannot be read; the row was kept without it. Write dates as 15.02.2024 or 2024-02-15, times as 14:30.</source>
        <translation>Не удалось прочитать дату «{value}»; строка сохранена без неё. Записывайте даты как 15.02.2024 или 2024-02-15, время — как 14:30.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="888"/>
        <source>The table has no date column; all rows were kept without dates. Name the column 'date'/'дата' or set a field mapping.</source>
        <translation>В таблице нет столбца с датой; все строки сохранены без дат. Назовите столбец «date»/«дата» или задайте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="913"/>
        <source>{field} &apos;{value}&apos; is not a number; it was left empty.</source>
        <translation>{field}: «{value}» — не число; поле оставлено пустым.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="979"/>
        <source>Unknown sign type &apos;{value}&apos;; stored as &apos;other&apos;. Correct it, or add the name to the sign list.</source>
        <translation>Неизвестный тип следа «{value}»; записан как «other» (другой). Исправьте его или добавьте название в список типов следов.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="983"/>
        <source>No sign type; stored as &apos;other&apos;.</source>
        <translation>Тип следа не указан; записан как «other» (другой).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="988"/>
        <source>Unknown sign age '{value}' (expected fresh/old, свежий/старый); left empty.</source>
        <translation>Неизвестная давность следа «{value}» (ожидается fresh/old, свежий/старый); поле оставлено пустым.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="1093"/>
        <source>No station ID; the row number {value} was used.</source>
        <translation>Нет идентификатора точки; использован номер строки {value}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="1103"/>
        <source>Problem period &apos;{value}&apos; cannot be read; it was not subtracted from the trap-nights.</source>
        <translation>Не удалось прочитать период неисправности «{value}»; он не вычтен из ловушко-суток.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="1120"/>
        <source>Retrieval {end} is before setup {start}; trap-nights left empty.</source>
        <translation>Снятие {end} раньше установки {start}; ловушко-сутки не заполнены.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="1126"/>
        <source>Station {station}: no effort and no setup/retrieval dates, so its trap-nights are unknown.</source>
        <translation>Точка {station}: нет ни усилия, ни дат установки/снятия, поэтому число ловушко-суток неизвестно.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="1171"/>
        <source>{path}: no station column found (Station, station_id, камера, станция); columns found: {columns}. Rename it or set a field mapping.</source>
        <translation>{path}: не найден столбец точки (Station, station_id, камера, станция); найдены столбцы: {columns}. Переименуйте столбец или задайте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="1183"/>
        <source>The detection has no station; it was not imported. Fill in the station.</source>
        <translation>У регистрации не указана точка; она не импортирована. Укажите точку.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="84"/>
        <source>The {what} is in geographic coordinates (degrees); slopes and distances need metres. Reproject it to a metric CRS such as the park&apos;s UTM zone first.</source>
        <translation>{what} — в географических координатах (градусах), а для уклонов и расстояний нужны метры. Сначала перепроецируйте в метрическую систему координат, например в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="104"/>
        <source>The {what} must be a single-band 2-D raster; got an array of {ndim} dimensions.</source>
        <translation>{what}: нужен одноканальный двумерный растр; получен массив размерности {ndim}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="107"/>
        <source>The {what} has {rows} x {cols} cells but its grid says {grid_rows} x {grid_cols}; read the raster and its grid together.</source>
        <translation>{what}: {rows} × {cols} ячеек, а по описанию сетки — {grid_rows} × {grid_cols}; читайте растр вместе с его сеткой.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="111"/>
        <source>The {what} has a cell size of {pixel}; it must be positive.</source>
        <translation>{what}: размер ячейки {pixel}; он должен быть положительным.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="115"/>
        <source>The {what} has no valid elevation (all cells are nodata); check its nodata value and that it covers the park.</source>
        <translation>{what}: нет допустимых значений высоты (во всех ячейках нет данных); проверьте значение nodata и то, что растр покрывает парк.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="118"/>
        <source>The {what} is {rows} x {cols} cells, smaller than the {size} x {size}-cell window; use a larger DEM or a smaller window radius.</source>
        <translation>{what}: {rows} × {cols} ячеек — меньше окна {size} × {size} ячеек; возьмите ЦМР большего охвата или уменьшите радиус окна.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="126"/>
        <source>Unknown edge mode {value}; use one of {choices}.</source>
        <translation>Неизвестный режим обработки краёв {value}; используйте один из: {choices}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="137"/>
        <source>The TPI radius {radius} m is smaller than one cell ({pixel} m); give at least one cell.</source>
        <translation>Радиус TPI {radius} м меньше одной ячейки ({pixel} м); задайте не меньше одной ячейки.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="358"/>
        <source>Unknown terrain metric {value}; use one of {choices}.</source>
        <translation>Неизвестный показатель рельефа {value}; используйте один из: {choices}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="362"/>
        <source>Unknown TPI window shape {value}; use one of {choices}.</source>
        <translation>Неизвестная форма окна TPI {value}; используйте одну из: {choices}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="365"/>
        <source>The VRM window must be an odd number of cells, 3 or more; got {value}.</source>
        <translation>Окно VRM должно быть нечётным числом ячеек, не меньше 3; получено {value}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/terrain.py" line="368"/>
        <source>The minimum window coverage must be in (0, 1]; got {value}.</source>
        <translation>Минимальная доля заполнения окна должна быть в пределах (0, 1]; получено {value}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/vector_io.py" line="242"/>
        <source>Cannot read {path}: {reason}. Check that it is a complete GPX, KML/KMZ, GeoJSON, GeoPackage or Shapefile.</source>
        <translation>Не удалось прочитать {path}: {reason}. Проверьте, что это целый (неповреждённый) файл GPX, KML/KMZ, GeoJSON, GeoPackage или Shapefile.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/vector_io.py" line="487"/>
        <source>Waypoint &apos;{name}&apos; is not a sign (its name, description and symbol name no sign type); it was not imported.</source>
        <translation>Путевая точка «{name}» не является следом (ни в названии, ни в описании, ни в имени значка не указан тип следа); она не импортирована.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/vector_io.py" line="569"/>
        <source>Feature &apos;{name}&apos; has no geometry; it was not imported.</source>
        <translation>У объекта «{name}» нет геометрии; он не импортирован.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/vector_io.py" line="577"/>
        <source>Cannot read {path}: the layer {layer} has no CRS and its coordinates are not degrees; add a .prj or give the CRS.</source>
        <translation>Не удалось прочитать {path}: у слоя {layer} не задана система координат, а координаты не в градусах; добавьте файл .prj или укажите систему координат.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/vector_io.py" line="584"/>
        <source>Feature &apos;{name}&apos; is a polygon, not a route or a sign; it was not imported.</source>
        <translation>Объект «{name}» — полигон, а не маршрут или след; он не импортирован.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/vector_io.py" line="642"/>
        <source>The sign type of &apos;{name}&apos; is not recognised ({value}); imported as &apos;other&apos;.</source>
        <translation>Тип следа у «{name}» не распознан ({value}); импортирован как «other» (другой).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/maps.py" line="28"/>
        <source>Hillshade</source>
        <translation>Отмывка рельефа</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/maps.py" line="46"/>
        <source>Elevation</source>
        <translation>Высота</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/habitat.py" line="52"/>
        <source>A habitat rule needs low0 &lt;= low1 &lt;= high1 &lt;= high0 and a floor in 0..1; got {low0}, {low1}, {high1}, {high0}, floor {floor}.</source>
        <translation>Для правила местообитания нужно low0 &lt;= low1 &lt;= high1 &lt;= high0 и нижний предел (floor) в диапазоне 0..1; получено {low0}, {low1}, {high1}, {high0}, floor {floor}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/habitat.py" line="107"/>
        <source>Unknown way to combine habitat scores {value}; use one of {choices}.</source>
        <translation>Неизвестный способ объединения оценок местообитания {value}; используйте один из: {choices}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/habitat.py" line="116"/>
        <source>Habitat rule weights must be zero or positive, and not all zero; got {weights}.</source>
        <translation>Веса правил местообитания должны быть неотрицательными и не все равны нулю; получено {weights}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/habitat.py" line="212"/>
        <source>All habitat rules are switched off; keep at least one of elevation, slope, ruggedness and ridge distance.</source>
        <translation>Все правила местообитания отключены; оставьте хотя бы одно: высота, уклон, расчленённость рельефа или расстояние до гребня.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/habitat.py" line="243"/>
        <source>The habitat polygons are in {crs} but the analysis grid is in {grid_crs}; reproject them first.</source>
        <translation>Полигоны местообитаний в системе координат {crs}, а сетка анализа — в {grid_crs}; сначала перепроецируйте полигоны.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/habitat.py" line="248"/>
        <source>Got {n_values} habitat values for {n_geoms} polygons; give one per polygon.</source>
        <translation>Значений местообитания — {n_values}, а полигонов — {n_geoms}; нужно одно значение на каждый полигон.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/habitat.py" line="251"/>
        <source>Habitat values must lie between 0 and 1; got {low} to {high}.</source>
        <translation>Значения местообитания должны быть от 0 до 1; получено от {low} до {high}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/habitat.py" line="296"/>
        <source>Unknown resampling {value}; use one of {choices}.</source>
        <translation>Неизвестный метод передискретизации {value}; используйте один из: {choices}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/habitat.py" line="302"/>
        <source>A habitat array needs its grid (src_grid) to be resampled.</source>
        <translation>Для передискретизации массива местообитаний нужна его сетка (src_grid).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/heatmaps.py" line="50"/>
        <source>Unknown sign type {name}: use one of {codes}.</source>
        <translation>Неизвестный тип следа {name}: используйте один из: {codes}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/heatmaps.py" line="72"/>
        <source>Cannot read the sign weight {item}: write type=weight, for example track=1, scrape=2.</source>
        <translation>Не удалось прочитать вес следа {item}: пишите тип=вес, например track=1, scrape=2.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/heatmaps.py" line="140"/>
        <source>Sign {index} has a missing or negative weight; weights must be 0 or more.</source>
        <translation>У следа {index} вес не указан или отрицателен; веса должны быть не меньше 0.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/heatmaps.py" line="160"/>
        <source>The extent is empty: draw or choose a larger one.</source>
        <translation>Охват пуст: нарисуйте или выберите охват побольше.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/heatmaps.py" line="194"/>
        <source>No sign is left after the choice of sign types and dates: widen the selection.</source>
        <translation>После отбора по типам следов и датам не осталось ни одного следа: расширьте выборку.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/heatmaps.py" line="204"/>
        <source>The effort layer has no route line: choose the season&apos;s routes.</source>
        <translation>В слое учётного усилия нет линий маршрутов: выберите маршруты сезона.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/heatmaps.py" line="206"/>
        <source>The effort-corrected map needs one radius for all signs: leave the radius field empty.</source>
        <translation>Для карты с поправкой на учётное усилие нужен один радиус для всех следов: оставьте поле радиуса пустым.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/ridges.py" line="422"/>
        <source>{name} must be zero or a positive number of metres; got {value}.</source>
        <translation>{name}: нужно неотрицательное число метров; получено {value}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/ridges.py" line="425"/>
        <source>The maximum segment length must be a positive number of metres; got {value}.</source>
        <translation>Максимальная длина сегмента должна быть положительным числом метров; получено {value}.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="57"/>
        <source>{path} is not a text file: choose the secr traps or capture text file.</source>
        <translation>{path} не является текстовым файлом: выберите текстовый файл ловушек или поимок secr.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="72"/>
        <source>{path} has no data lines (only comments or nothing): export it again.</source>
        <translation>В {path} нет строк с данными (только комментарии или ничего): выгрузите файл заново.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="158"/>
        <source>Line &apos;{value}&apos; is not &apos;trapID x y [usage] [/ covariates]&apos;; it was not imported.</source>
        <translation>Строка «{value}» не соответствует формату «trapID x y [usage] [/ covariates]»; она не импортирована.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="165"/>
        <source>{path}: no line reads as &apos;trapID x y [usage] [/ covariates]&apos;. Choose a secr traps file (detector ID, x, y in metres, one detector per line).</source>
        <translation>{path}: ни одна строка не соответствует формату «trapID x y [usage] [/ covariates]». Выберите файл ловушек secr (ID детектора, x, y в метрах, по одному детектору в строке).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="199"/>
        <source>Detector {id}: usage &apos;{value}&apos; cannot be read; trap-nights left empty.</source>
        <translation>Детектор {id}: не удалось прочитать usage «{value}»; ловушко-сутки не заполнены.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="203"/>
        <source>Detector ID {id} is used again (first on data line {first}); both were kept. Polygon and transect detectors are not read as such.</source>
        <translation>ID детектора {id} встречается повторно (впервые в строке данных {first}); сохранены оба. Полигональные и трансектные детекторы не распознаются как таковые.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="222"/>
        <source>The traps file has no usage (effort) columns; trap-nights are unknown. Enter the effort or the setup/retrieval dates of the cameras.</source>
        <translation>В файле ловушек нет столбцов usage (усилие); ловушко-сутки неизвестны. Укажите усилие или даты установки/снятия фотоловушек.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="269"/>
        <source>Session {session} is declared without captures (&apos;{value}&apos;).</source>
        <translation>Сессия {session} объявлена без поимок («{value}»).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="274"/>
        <source>Line &apos;{value}&apos; is not &apos;Session ID Occasion Detector [covariates]&apos;; it was not imported.</source>
        <translation>Строка «{value}» не соответствует формату «Session ID Occasion Detector [covariates]»; она не импортирована.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/secr_io.py" line="295"/>
        <source>{path}: no line reads as &apos;Session ID Occasion Detector&apos;. Choose a secr capture file (fmt = trapID).</source>
        <translation>{path}: ни одна строка не соответствует формату «Session ID Occasion Detector». Выберите файл поимок secr (fmt = trapID).</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/tabular.py" line="1011"/>
        <source>The table has no sign type column; every row was stored as 'other'. Name the column 'type'/'тип следа' or set a field mapping.</source>
        <translation>В таблице нет столбца с типом следа; все строки записаны как «other» (другой). Назовите столбец «type»/«тип следа» или задайте сопоставление полей.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="26"/>
        <source>Quartic (biweight)</source>
        <translation>Квартическое (биквадратное)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="26"/>
        <source>Triangular</source>
        <translation>Треугольное</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="26"/>
        <source>Uniform</source>
        <translation>Равномерное</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="26"/>
        <source>Triweight</source>
        <translation>Трёхвесовое (triweight)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="26"/>
        <source>Epanechnikov</source>
        <translation>Епанечникова</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="52"/>
        <source>Habitat-use heatmap</source>
        <translation>Тепловая карта использования местообитаний</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="55"/>
        <source>Heatmaps</source>
        <translation>Тепловые карты</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="58"/>
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
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="69"/>
        <source>Signs (observations)</source>
        <translation>Следы (наблюдения)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="71"/>
        <source>Radius</source>
        <translation>Радиус</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="73"/>
        <source>Radius from field (m)</source>
        <translation>Радиус из поля (м)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="76"/>
        <source>Pixel size</source>
        <translation>Размер пикселя</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="78"/>
        <source>Kernel shape</source>
        <translation>Форма ядра</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="80"/>
        <source>Decay ratio (triangular kernel only)</source>
        <translation>Коэффициент затухания (только для треугольного ядра)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="82"/>
        <source>Weight from field</source>
        <translation>Вес из поля</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="84"/>
        <source>Sign types (empty: all)</source>
        <translation>Типы следов (пусто — все)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="86"/>
        <source>Weights per sign type (e.g. track=1, scrape=2)</source>
        <translation>Веса по типам следов (например, track=1, scrape=2)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="89"/>
        <source>From date</source>
        <translation>Дата начала</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="91"/>
        <source>To date</source>
        <translation>Дата окончания</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="93"/>
        <source>Effort: routes walked (signs per km)</source>
        <translation>Учётное усилие: пройденные маршруты (следов на км)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="95"/>
        <source>Minimum route km within the radius</source>
        <translation>Минимум км маршрутов в пределах радиуса</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="97"/>
        <source>Extent</source>
        <translation>Охват</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="98"/>
        <source>Heatmap</source>
        <translation>Тепловая карта</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="108"/>
        <source>Choose a layer of signs.</source>
        <translation>Выберите слой следов.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="127"/>
        <source>The layer {layer} has no sign to map.</source>
        <translation>В слое {layer} нет следов для карты.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="129"/>
        <source>The layer has no obs_type field: choose the season&apos;s observations or leave the sign types empty.</source>
        <translation>В слое нет поля obs_type: выберите слой наблюдений сезона или оставьте типы следов пустыми.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="132"/>
        <source>The layer has no datetime field: choose the season&apos;s observations or leave the dates empty.</source>
        <translation>В слое нет поля datetime: выберите слой наблюдений сезона или оставьте даты пустыми.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="140"/>
        <source>Left out ({reason}): {count}</source>
        <translation>Исключено ({reason}): {count}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="141"/>
        <source>Signs mapped: {count}</source>
        <translation>Следов на карте: {count}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="149"/>
        <source>The routes and the signs are in different CRSs ({a}, {b}): use the layers of one season GeoPackage.</source>
        <translation>Маршруты и следы в разных системах координат ({a}, {b}): используйте слои из одного GeoPackage сезона.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="165"/>
        <source>signs per km</source>
        <translation>следов на км</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="165"/>
        <source>signs per km²</source>
        <translation>следов на км²</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_heatmap.py" line="168"/>
        <source>Maximum: {value:.4g} {unit}</source>
        <translation>Максимум: {value:.4g} {unit}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/qgis_io.py" line="235"/>
        <source>The layer {layer} has no CRS: set its CRS (the season&apos;s UTM zone) in its properties.</source>
        <translation>У слоя {layer} не задана система координат: укажите её (зону UTM сезона) в свойствах слоя.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/qgis_io.py" line="238"/>
        <source>The layer {layer} is in geographic coordinates ({crs}); the analysis needs metres: use the season GeoPackage&apos;s layers, or reproject to the UTM zone of the park.</source>
        <translation>Слой {layer} в географических координатах ({crs}), а для анализа нужны метры: используйте слои GeoPackage сезона или перепроецируйте их в зону UTM парка.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/heatmaps.py" line="261"/>
        <source>There are no camera stations: choose the season&apos;s cameras layer.</source>
        <translation>Нет ни одной фотоловушки: выберите слой фотоловушек сезона.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/heatmaps.py" line="276"/>
        <source>No camera station has trap-nights: check the deployment dates or the trap_nights field.</source>
        <translation>Ни у одной фотоловушки нет ловушко-суток: проверьте даты установки или поле trap_nights.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="50"/>
        <source>Camera detection rate</source>
        <translation>Частота регистраций фотоловушками</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="56"/>
        <source>Detections per 100 trap-nights at each camera station (detections ÷ trap-nights × 100), and a smoothed map of it: the kernel-weighted sum of detections divided by the kernel-weighted sum of trap-nights of the stations within the radius, × 100; empty where no station reaches.

Cameras need station_id and trap_nights fields (the season's cameras layer); detections need station_id (and individual_id, species when present). Give a species (e.g. Panthera uncia) to count only its detections. With one map per individual, the GeoTIFF has one band per identified animal.</source>
        <translation>Число регистраций на 100 ловушко-суток на каждой фотоловушке (регистрации ÷ ловушко-сутки × 100) и сглаженная карта этой величины: взвешенная ядром сумма регистраций, делённая на взвешенную ядром сумму ловушко-суток фотоловушек в пределах радиуса, × 100; там, куда не достаёт ни одна фотоловушка, значение пустое.

У фотоловушек должны быть поля station_id и trap_nights (слой фотоловушек сезона); у регистраций — station_id (и individual_id, species, если есть). Укажите вид (например, Panthera uncia), чтобы учитывать только его регистрации. При отдельной карте для каждой особи GeoTIFF содержит по одному каналу на каждое опознанное животное.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="69"/>
        <source>Species (empty: all detections)</source>
        <translation>Вид (пусто — все регистрации)</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="77"/>
        <source>One map per individual</source>
        <translation>Отдельная карта для каждой особи</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="79"/>
        <source>Detection rate map</source>
        <translation>Карта частоты регистраций</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="80"/>
        <source>Detection rate per station</source>
        <translation>Частота регистраций по фотоловушкам</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="91"/>
        <source>Choose the camera stations and the detections.</source>
        <translation>Выберите фотоловушки и регистрации.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="96"/>
        <source>The layer {layer} has no {field} field: use the season GeoPackage&apos;s cameras and detections.</source>
        <translation>В слое {layer} нет поля {field}: используйте слои фотоловушек и регистраций из GeoPackage сезона.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="110"/>
        <source>{count} detections name a station that is not among the cameras; they were left out.</source>
        <translation>Регистраций с фотоловушкой, которой нет в списке фотоловушек: {count}; они не учтены.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="112"/>
        <source>Stations: {stations}, trap-nights: {nights:.0f}, detections: {detections:.0f}</source>
        <translation>Фотоловушек: {stations}, ловушко-суток: {nights:.0f}, регистраций: {detections:.0f}</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="127"/>
        <source>No detection has an individual_id: clear &apos;One map per individual&apos;.</source>
        <translation>Ни у одной регистрации нет individual_id: снимите флажок «Отдельная карта для каждой особи».</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="132"/>
        <source>all detections</source>
        <translation>все регистрации</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/processing/alg_camerarate.py" line="135"/>
        <source>per 100 trap-nights</source>
        <translation>на 100 ловушко-суток</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/summary.py" line="47"/>
        <source>The season GeoPackage {path} does not exist: import the season first or choose an existing season file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/summary.py" line="55"/>
        <source>Cannot read {path} as a GeoPackage: choose the .gpkg file written by Import census season.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/core/summary.py" line="59"/>
        <source>{path} is not a census season: it has none of the layers routes, observations, cameras, detections. Choose the GeoPackage written by Import census season.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SeasonDockBase</name>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="9"/>
        <source>Snow Leopard Census</source>
        <translation>Учёт снежного барса</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="16"/>
        <source>Season workflow: Data → Heatmaps → Coverage &amp; gaps → Plan → Report.</source>
        <translation>Порядок работы с сезоном: Данные → Тепловые карты → Охват и пробелы → План → Отчёт.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="24"/>
        <source>1. Data</source>
        <translation>1. Данные</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="28"/>
        <source>Import the season's field files with Processing → Snow leopard census → Import census season. The dock's own pages are being built.</source>
        <translation>Загрузите полевые файлы сезона: Обработка → Учёт снежного барса → Импорт данных учётного сезона. Собственные страницы панели пока в разработке.</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="34"/>
        <source>Open the Processing Toolbox at the Snow leopard census algorithms</source>
        <translation>Открыть панель инструментов обработки на алгоритмах учёта снежного барса</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="35"/>
        <source>Open the algorithms</source>
        <translation>Открыть алгоритмы</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="42"/>
        <source>2. Heatmaps</source>
        <translation>2. Тепловые карты</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="48"/>
        <source>4. Plan</source>
        <translation>4. План</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="51"/>
        <source>5. Report</source>
        <translation>5. Отчёт</translation>
    </message>
    <message>
        <location filename="../../work/main/snowleopard_plugin/gui/dock_season.ui" line="45"/>
        <source>3. Coverage &amp;&amp; gaps</source>
        <translation>3. Охват и пробелы</translation>
    </message>
</context>
</TS>
