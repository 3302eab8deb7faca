"""The hand-written part of the help pages (resources/help/{en,ru}/<algorithm>.html), read by make_help.py.

For each algorithm: what it is for (``intro``), the method in brief (``method``, a list of short paragraphs)
and the docs/ page that explains it fully. The parameter and output tables are made from the algorithms' own
definitions, so they always name every parameter with its unit and default.
"""

#: docs/ page of each algorithm (in the repository; not in the plugin ZIP).
DOCS = {
    "importseason": "README.md",
    "heatmap": "docs/heatmap.md",
    "camerarate": "docs/heatmap.md",
    "terrain": "docs/terrain.md",
    "habitat": "docs/terrain.md",
    "coverage": "docs/coverage.md",
    "gaps": "docs/coverage.md",
    "plantransects": "docs/planner.md",
    "plancameras": "docs/planner.md",
    "compareplan": "docs/planner.md",
    "report": "README.md",
    "exportoccupancy": "docs/exports.md",
    "exportsecr": "docs/exports.md",
    "exportcamtrapdp": "docs/exports.md",
    "generalise": "docs/exports.md",
}

TEXT = {
    "importseason": {
        "en": {
            "intro": "Turns one season's field files into one checked, styled season GeoPackage: the first step of "
                     "the census workflow.",
            "method": [
                "Each file is recognised by its content (GPX tracks and waypoints, KML/KMZ, CSV from NextGIS "
                "Collector, SMART or a spreadsheet, Camtrap DP, secr files). Column headers in Russian or English "
                "are matched to the data model; text in cp1251 or UTF-8, with ';' or ',' and decimal commas, is "
                "read; coordinates in degrees, degrees-minutes or degrees-minutes-seconds are converted.",
                "Everything is projected to one metric CRS, the UTM zone of the data (EPSG:32645 west of 90°E, "
                "EPSG:32646 east of it in the Altai) unless you choose one. Route lengths are planimetric km; "
                "with a DEM also surface km over the terrain.",
                "What was fixed, flagged or rejected (swapped coordinates, GPS jumps, duplicates, unknown "
                "stations, missing dates) is written to the validation layer, with the reason. The layers get "
                "the plugin's styles as their default styles in the GeoPackage.",
            ],
        },
        "ru": {
            "intro": "Превращает полевые файлы одного сезона в один проверенный и оформленный GeoPackage сезона — "
                     "первый шаг работы с данными учёта.",
            "method": [
                "Каждый файл распознаётся по содержимому (треки и точки GPX, KML/KMZ, CSV из NextGIS Collector, "
                "SMART или электронной таблицы, Camtrap DP, файлы secr). Заголовки столбцов на русском или "
                "английском сопоставляются с моделью данных; читается текст в cp1251 и UTF-8, с разделителями "
                "«;» или «,» и десятичной запятой; координаты в градусах, градусах и минутах или градусах, "
                "минутах и секундах пересчитываются.",
                "Всё переводится в одну метрическую систему координат — зону UTM данных (на Алтае EPSG:32645 "
                "западнее 90° в. д., EPSG:32646 восточнее), если не выбрана другая. Длина маршрутов — в плановых "
                "километрах, с ЦМР ещё и в километрах по поверхности рельефа.",
                "Всё, что исправлено, помечено или отброшено (перепутанные координаты, скачки GPS, повторы, "
                "неизвестные станции, пропущенные даты), записывается в слой проверки с указанием причины. Слои "
                "получают стили модуля как стили по умолчанию в GeoPackage.",
            ],
        },
    },
    "heatmap": {
        "en": {
            "intro": "Where the cats use the habitat: a kernel density map of the chosen signs, or, with the routes "
                     "walked, signs per km of route searched near each place.",
            "method": [
                "Each chosen sign adds a kernel (quartic by default, the kernels of QGIS's own heatmap) of the "
                "given radius, weighted by its sign type and by the weight field. The map is normalised so that it "
                "integrates to the total weight: values are signs per km².",
                "Effort-corrected variant: the routes' length is smoothed with the same kernel, and the map is the "
                "density of signs divided by the density of route km, that is signs per km walked near the place. "
                "Where less than the minimum route km lies within the radius the cell is left empty, because "
                "there is too little effort to say anything.",
            ],
        },
        "ru": {
            "intro": "Где ирбисы используют местообитания: карта ядерной плотности выбранных следов, а с пройденными "
                     "маршрутами — число следов на километр маршрута, пройденного рядом с каждым местом.",
            "method": [
                "Каждый выбранный след добавляет ядро заданного радиуса (по умолчанию квартическое — те же ядра, "
                "что у тепловой карты QGIS) с весом своего типа и поля веса. Карта нормирована так, что её "
                "интеграл равен суммарному весу: значения — следы на км².",
                "Вариант с поправкой на усилие: длина маршрутов сглаживается тем же ядром, и карта — это "
                "плотность следов, делённая на плотность километров маршрутов, т. е. следы на километр, "
                "пройденный рядом. Где в пределах радиуса меньше минимума километров маршрута, ячейка остаётся "
                "пустой: усилия слишком мало, чтобы о ней судить.",
            ],
        },
    },
    "camerarate": {
        "en": {
            "intro": "How often the camera traps recorded snow leopards: detections per 100 trap-nights at each "
                     "station, and a smoothed map of it.",
            "method": [
                "Per station: detections ÷ trap-nights × 100. The map at each cell is the kernel-weighted sum of "
                "the detections of the stations within the radius divided by the kernel-weighted sum of their "
                "trap-nights, × 100; it is empty where no station reaches. Stations without trap-nights cannot "
                "divide anything and are left out of the map (the log says how many detections that concerns).",
                "With one map per individual, the GeoTIFF holds one band per identified animal (individual_id).",
            ],
        },
        "ru": {
            "intro": "Как часто фотоловушки регистрировали ирбиса: число регистраций на 100 ловушко-суток на "
                     "каждой станции и сглаженная карта этой величины.",
            "method": [
                "Для станции: регистрации ÷ ловушко-сутки × 100. На карте в каждой ячейке — взвешенная ядром сумма "
                "регистраций станций в пределах радиуса, делённая на взвешенную тем же ядром сумму их "
                "ловушко-суток, × 100; где ни одна станция не достаёт, ячейка пуста. Станции без ловушко-суток "
                "делить не на что, и они не входят в карту (в журнале сказано, сколько регистраций это "
                "касается).",
                "С картой для каждой особи GeoTIFF содержит по каналу на каждого опознанного зверя "
                "(individual_id).",
            ],
        },
    },
    "terrain": {
        "en": {
            "intro": "Terrain measures from a DEM — slope, ruggedness, topographic position — and the ridgelines, "
                     "along which snow leopards travel and the teams walk their routes.",
            "method": [
                "Slope (degrees) by Horn's method and ruggedness as Riley's TRI (m) give the same values as "
                "gdaldem; VRM (0–1) measures the spread of the surface normals in a square window. TPI is the "
                "height of a cell above the mean of a circle of the TPI radius.",
                "Ridges are the cells whose TPI exceeds the minimum, thinned to one-cell lines along the crest, "
                "traced into lines, cleaned of stubs shorter than the minimum length and cut into segments no "
                "longer than the segment length; saddles are the low points along them. Ridges stop about twice "
                "the TPI radius from the DEM's edge: use a DEM reaching that far beyond the park.",
            ],
        },
        "ru": {
            "intro": "Показатели рельефа по ЦМР — крутизна, пересечённость, топографическое положение — и линии "
                     "гребней, по которым ходит ирбис и по которым группы прокладывают маршруты.",
            "method": [
                "Крутизна (градусы) по методу Хорна и пересечённость как TRI Райли (м) совпадают с gdaldem; VRM "
                "(0–1) измеряет разброс нормалей к поверхности в квадратном окне. TPI — превышение ячейки над "
                "средней высотой круга радиусом TPI.",
                "Гребни — ячейки, у которых TPI больше минимума; они сводятся к линиям шириной в одну ячейку вдоль "
                "гребня, прослеживаются, очищаются от отростков короче минимальной длины и режутся на отрезки не "
                "длиннее заданного; седловины — низшие точки на них. Гребни обрываются примерно в двух радиусах "
                "TPI от края ЦМР: берите ЦМР, выходящую настолько за границы парка.",
            ],
        },
    },
    "habitat": {
        "en": {
            "intro": "Habitat suitability from 0 (unsuitable) to 1, from the DEM with rules for the Altai, or from "
                     "a habitat map the park already has.",
            "method": [
                "Each rule scores its variable 0–1 with a trapezoid: elevation (rising from 1200 m to 1800 m, "
                "fully suitable to 3300 m, falling to 0 at 3900 m), slope (from 8° to 25°), ruggedness (VRM) and "
                "distance to the nearest ridge. The scores are combined by a weighted geometric mean (any zero "
                "gives 0), a product or the minimum; a weight of 0 switches a rule off. The defaults are starting "
                "values to calibrate on the park's own records.",
                "A habitat polygon layer is rasterised by the cell-centre rule (1 inside, or a 0–1 field); a "
                "habitat raster is averaged onto the grid (divide by the scale, e.g. 100 for a 0–100 % map).",
                "The number returned, SUITABLE_KM2, is the area of cells with suitability ≥ 0.5.",
            ],
        },
        "ru": {
            "intro": "Пригодность местообитаний от 0 (непригодно) до 1 — по ЦМР с правилами для Алтая или по карте "
                     "местообитаний, которая у парка уже есть.",
            "method": [
                "Каждое правило оценивает свою переменную от 0 до 1 трапецией: высота (рост от 1200 до 1800 м, "
                "полная пригодность до 3300 м, спад до 0 к 3900 м), крутизна (от 8° до 25°), пересечённость (VRM) "
                "и расстояние до ближайшего гребня. Оценки объединяются взвешенным средним геометрическим (любой "
                "ноль даёт 0), произведением или минимумом; вес 0 отключает правило. Значения по умолчанию — "
                "отправная точка, их нужно откалибровать по данным самого парка.",
                "Полигоны местообитаний растеризуются по правилу центра ячейки (1 внутри или значение поля 0–1); "
                "растр местообитаний усредняется на сетку (значения делятся на масштаб, например на 100 для "
                "карты в процентах).",
                "Возвращаемое число SUITABLE_KM2 — площадь ячеек с пригодностью ≥ 0,5.",
            ],
        },
    },
    "coverage": {
        "en": {
            "intro": "Where the census looked: the cells searched along the routes and sampled by the cameras, the "
                     "effort per grid cell, and the share of each ridge segment walked.",
            "method": [
                "A cell is searched when its centre lies within the search half-width of a route segment, sampled "
                "when it lies within the camera radius of a station; the test is exact to the pixel (not a buffer "
                "of rasterised lines). The coverage raster codes 1 searched, 2 sampled, 3 both, 0 not covered.",
                "The effort grid, like SMART's gridded query, gives per square cell the km walked, the surface km "
                "over the DEM, the trap-nights, the signs and detections and the visits (distinct route and "
                "date). With ridgelines, each segment gets the km and the share of it within the half-width of a "
                "route.",
                "The numbers returned (SEARCHED_KM2, SAMPLED_KM2, BOTH_KM2, KM_WALKED, GRID_CELLS, RIDGE_KM, "
                "RIDGE_WALKED_KM; the ridge numbers are 0 without ridgelines) can be fed to other algorithms in a "
                "model.",
            ],
        },
        "ru": {
            "intro": "Где учёт побывал: ячейки, обследованные по маршрутам и охваченные фотоловушками, усилие по "
                     "ячейкам сетки и доля каждого отрезка гребня, пройденная маршрутами.",
            "method": [
                "Ячейка обследована, если её центр лежит не дальше полуширины обследования от отрезка маршрута, и "
                "охвачена, если он не дальше радиуса фотоловушки от станции; проверка точна до пикселя (это не "
                "буфер растеризованных линий). Растр охвата: 1 — обследовано, 2 — охвачено фотоловушками, 3 — "
                "и то и другое, 0 — не охвачено.",
                "Сетка усилия, как сеточный запрос SMART, даёт для каждой квадратной ячейки пройденные км, км по "
                "поверхности ЦМР, ловушко-сутки, следы и регистрации, а также посещения (разные маршрут и дата). "
                "С линиями гребней каждый отрезок получает свою длину и долю, лежащую в пределах полуширины "
                "обследования от маршрута.",
                "Возвращаемые числа (SEARCHED_KM2, SAMPLED_KM2, BOTH_KM2, KM_WALKED, GRID_CELLS, RIDGE_KM, "
                "RIDGE_WALKED_KM; без линий гребней числа по гребням равны 0) можно передавать другим алгоритмам "
                "в модели.",
            ],
        },
    },
    "gaps": {
        "en": {
            "intro": "Where the census did not look: suitable habitat farther than a chosen distance from every "
                     "route and camera, as polygons ranked for next season.",
            "method": [
                "A cell is suitable when its habitat value reaches the threshold (0.5 by default), and near effort "
                "when its centre lies within the maximum distance of a route segment or a station (exact). "
                "Suitable cells not near effort, touching at an edge or a corner, form one gap.",
                "Each gap gets its area (km²), mean suitability, the km of ridgelines inside and the distance to "
                "the nearest access point (km); gaps smaller than the minimum area are dropped and the rest "
                "ranked by area × suitability, rank 1 first.",
            ],
        },
        "ru": {
            "intro": "Где учёт не побывал: пригодные местообитания дальше заданного расстояния от всех маршрутов и "
                     "фотоловушек — полигоны, упорядоченные для планирования следующего сезона.",
            "method": [
                "Ячейка пригодна, если её значение пригодности не ниже порога (по умолчанию 0,5), и близка к "
                "усилию, если её центр не дальше максимального расстояния от отрезка маршрута или станции "
                "(точно). Пригодные ячейки вдали от усилия, соприкасающиеся стороной или углом, образуют один "
                "пробел.",
                "Для каждого пробела считаются площадь (км²), средняя пригодность, длина линий гребней внутри и "
                "расстояние до ближайшей точки подхода (км); пробелы меньше минимальной площади отбрасываются, "
                "остальные упорядочиваются по произведению площади на пригодность, ранг 1 — первый.",
            ],
        },
    },
    "plantransects": {
        "en": {
            "intro": "Next season's day transects: paths along the ridges into the habitat not yet searched, within "
                     "a km budget, shared among the teams.",
            "method": [
                "Candidate day transects follow the ridge graph (with the walk in from and back to the nearest "
                "access point when access points are given), each no longer than the longest day. A transect's "
                "value is the suitable habitat (km², weighted by suitability) within the search half-width of it "
                "that no route walked and no transect picked before has searched; habitat inside the coverage "
                "gaps counts the gap weight times.",
                "Transects are picked greedily, by new habitat per km and by new habitat, with lazy "
                "re-evaluation, and the better of the two plans is kept (a proven constant-factor approximation "
                "of the best plan). Locked transects come first and are charged to the budget; excluded areas "
                "are never entered. Km are surface km over the DEM when one is given.",
            ],
        },
        "ru": {
            "intro": "Дневные трансекты следующего сезона: пути по гребням в ещё не обследованные местообитания в "
                     "пределах бюджета километров, распределённые между группами.",
            "method": [
                "Трансекты-кандидаты идут по графу гребней (с подходом от ближайшей точки подхода и возвращением "
                "к ней, если точки подхода заданы), каждая не длиннее самого длинного дня. Ценность трансекты — "
                "пригодные местообитания (км², с весом пригодности) в пределах полуширины обследования от неё, "
                "которые не обследованы ни "
                "пройденными маршрутами, ни уже выбранными трансектами; местообитания внутри пробелов в охвате "
                "считаются с весом пробелов.",
                "Трансекты выбираются жадно — по новой площади на километр и по новой площади, с ленивым "
                "пересчётом, — и остаётся лучший из двух планов (доказанное приближение к наилучшему плану с "
                "постоянным множителем). Закреплённые трансекты идут первыми и учитываются в бюджете; в "
                "исключённые районы план не заходит. Километры считаются по поверхности ЦМР, если она задана.",
            ],
        },
    },
    "plancameras": {
        "en": {
            "intro": "Where to put next season's camera traps: stations in suitable habitat, on ridges and saddles, "
                     "spread so the array spans several home ranges.",
            "method": [
                "Stations are placed one by one at the best cell: suitability × (1 + 1 on a ridge + 0.5 at a "
                "saddle), damped by 1 − exp(−d²/2σ²) for each station already placed at distance d, and never "
                "closer than the minimum spacing. σ is the movement scale of spatial capture-recapture (about "
                "3 km for snow leopards). Existing stations are kept and the new ones fitted around them; the "
                "same input gives the same result.",
            ],
        },
        "ru": {
            "intro": "Куда ставить фотоловушки в следующем сезоне: станции в пригодных местообитаниях, на гребнях и "
                     "седловинах, разнесённые так, чтобы сеть охватывала несколько индивидуальных участков.",
            "method": [
                "Станции ставятся по одной в лучшую ячейку: пригодность × (1 + 1 на гребне + 0,5 на седловине), "
                "ослабленная множителем 1 − exp(−d²/2σ²) для каждой уже поставленной станции на расстоянии d, и "
                "никогда не ближе минимального расстояния. σ — масштаб перемещений в пространственных моделях "
                "отлова-повторного отлова (для ирбиса около 3 км). Существующие станции сохраняются, новые "
                "размещаются вокруг них; при тех же данных результат тот же.",
            ],
        },
    },
    "compareplan": {
        "en": {
            "intro": "After the season: how much of the plan the teams walked, and what they walked off the plan.",
            "method": [
                "For each planned transect, walked_km is the length of it lying within the search half-width of a "
                "route walked and walked_share that length over the transect's length (0–1). The off-plan layer "
                "holds the parts of the routes farther than the half-width from every planned transect, with "
                "offplan_km.",
            ],
        },
        "ru": {
            "intro": "После сезона: какую часть плана прошли группы и что было пройдено вне плана.",
            "method": [
                "Для каждой запланированной трансекты walked_km — длина её части в пределах полуширины "
                "обследования от пройденного маршрута, а walked_share — эта длина, делённая на длину трансекты "
                "(0–1). Слой «вне плана» содержит части маршрутов дальше полуширины обследования от всех "
                "запланированных трансект, с длиной offplan_km.",
            ],
        },
    },
    "report": {
        "en": {
            "intro": "The season report for the park director and WWF: a six-page A4 PDF with maps, charts and "
                     "tables, built from a QGIS print layout.",
            "method": [
                "The figures come from the season GeoPackage (km walked by team and month, signs per km by type "
                "and survey week, trap-nights, detections per 100 trap-nights, individuals, validation) and from "
                "the analyses' outputs you give (heatmap, coverage, gaps, plan). A page whose input is missing "
                "says so. The layout is also added to the project, where it can be edited and exported again.",
            ],
        },
        "ru": {
            "intro": "Отчёт о сезоне для директора парка и WWF: шесть страниц A4 в PDF с картами, диаграммами и "
                     "таблицами, собранные из макета печати QGIS.",
            "method": [
                "Цифры берутся из GeoPackage сезона (км по группам и месяцам, следы на километр по типам и "
                "неделям учёта, ловушко-сутки, регистрации на 100 ловушко-суток, особи, проверка импорта) и из "
                "переданных результатов анализа (тепловая карта, охват, пробелы, план). Страница, для которой "
                "нет данных, сообщает об этом. Макет также добавляется в проект, где его можно править и "
                "экспортировать заново.",
            ],
        },
    },
    "exportoccupancy": {
        "en": {
            "intro": "Detection histories of the sign survey for occupancy models in R unmarked or PRESENCE.",
            "method": [
                "Sites are the polygons you give, or square cells of the grid size. Replicates are consecutive "
                "segments of the segment length along the routes walked inside each site (or survey days). A "
                "replicate scores 1 when a chosen sign lies within the search half-width of it, 0 when none "
                "does; sites with fewer replicates are padded with the missing-value code. Site covariates "
                "(walked km, elevation, TRI, habitat share, ridge km) and replicate covariates are written beside "
                "the history.",
            ],
        },
        "ru": {
            "intro": "Истории обнаружений учёта по следам для моделей встречаемости (occupancy) в R unmarked или "
                     "PRESENCE.",
            "method": [
                "Участки — заданные полигоны или квадратные ячейки сетки. Повторности — последовательные отрезки "
                "заданной длины вдоль маршрутов, пройденных внутри участка (или дни учёта). Повторность получает "
                "1, если выбранный след лежит в пределах полуширины обследования от неё, и 0, если нет; у "
                "участков с меньшим числом "
                "повторностей недостающие заполняются кодом пропуска. Рядом с историей записываются ковариаты "
                "участков (пройденные км, высота, TRI, доля местообитаний, км гребней) и повторностей.",
            ],
        },
    },
    "exportsecr": {
        "en": {
            "intro": "Trap and capture files for spatially explicit capture-recapture in R secr, from the "
                     "season's cameras and identified detections.",
            "method": [
                "Occasions of the chosen number of days count from the day the first camera was set up; the usage "
                "string of a trap has a 1 for each occasion its camera ran. Each detection of an identified "
                "animal becomes a capture line (session, ID, occasion, detector, sex). The R call that reads the "
                "files is written in the first line of traps.txt.",
            ],
        },
        "ru": {
            "intro": "Файлы ловушек и отловов для пространственных моделей отлова-повторного отлова в R secr — по "
                     "фотоловушкам сезона и регистрациям опознанных особей.",
            "method": [
                "Периоды отлова заданной длины в днях отсчитываются от дня установки первой фотоловушки; в строке "
                "usage у ловушки стоит 1 для каждого периода, когда камера работала. Каждая регистрация "
                "опознанного зверя становится строкой отлова (сессия, ID, период, ловушка, пол). Вызов R, "
                "читающий файлы, записан в первой строке traps.txt.",
            ],
        },
    },
    "exportcamtrapdp": {
        "en": {
            "intro": "A Camtrap DP 1.0 package of the season's camera traps, the exchange format camtrapR, "
                     "Wildlife Insights, Agouti and GBIF read.",
            "method": [
                "One deployment per camera station (coordinates in WGS 84, start and end dates) and one "
                "event-level observation per detection, in deployments.csv and observations.csv, described by "
                "datapackage.json; media.csv is empty because the season keeps no photos. The package is checked "
                "against the official schemas in the tests.",
            ],
        },
        "ru": {
            "intro": "Пакет Camtrap DP 1.0 с фотоловушками сезона — формат обмена, который читают camtrapR, "
                     "Wildlife Insights, Agouti и GBIF.",
            "method": [
                "Одна установка (deployment) на станцию (координаты в WGS 84, даты начала и конца) и одно "
                "наблюдение уровня события на регистрацию — в deployments.csv и observations.csv с описанием в "
                "datapackage.json; media.csv пуст, потому что снимки в сезоне не хранятся. Пакет проверяется на "
                "соответствие официальным схемам в тестах.",
            ],
        },
    },
    "generalise": {
        "en": {
            "intro": "A copy of a point layer safe to share outside the office: snow leopard locations draw "
                     "poachers.",
            "method": [
                "Every point is moved to the centre of its cell in a square grid of the chosen size anchored at "
                "the CRS origin. One point comes out per point in (so counts per cell stay right), with its "
                "attributes except coordinate columns, and a generalised_m field holding the cell size.",
            ],
        },
        "ru": {
            "intro": "Копия точечного слоя, которую можно передавать за пределы парка: точные места встреч ирбиса "
                     "привлекают браконьеров.",
            "method": [
                "Каждая точка переносится в центр своей ячейки квадратной сетки заданного размера, привязанной к "
                "началу координат системы. На каждую входную точку выходит одна (так что число точек в ячейке "
                "сохраняется), со всеми атрибутами, кроме столбцов координат, и полем generalised_m с размером "
                "ячейки.",
            ],
        },
    },
}
