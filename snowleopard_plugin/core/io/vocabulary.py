"""The one vocabulary of field words, Russian and English, shared by every reader.

* **Sign types**: :func:`sign_type_code` maps a sign name or a free text (a
  table's type cell, a GPX waypoint name, a NextGIS Web attribute) to an
  ``obs_type`` code of :mod:`..model` (``track``, ``scrape``, ``scat``,
  ``scent_mark``, ``mating_call``, ``sighting``, ``prey_remains``); default
  point names ("Метка 12", "Waypoint 003") and everyday names ("Барсучья
  нора", "Остатки костра") name none.
* **Age classes**: :func:`age_class_code` maps ``свежий``/``fresh`` and
  ``старый``/``old`` (also inside a longer text) to ``fresh``/``old``. Where
  one cell holds type and age ("Свежие следы", "old scrape") every reader takes
  both from it (:func:`sign_and_age`).
* **Header synonyms**: :func:`match_headers` (tables of observations,
  cameras, detections; exact, then prefix matching) and :func:`match_fields`
  (attributes of vector layers: routes, observations, cameras).
* **Teams**: :func:`team_from_text` (``"группа 2"`` → ``"2"``).

Nothing here imports the readers (:mod:`.tables`, :mod:`.vector`, :mod:`.gpx`).
"""

from __future__ import annotations

import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from .. import model

# --------------------------------------------------------------------------------------------
# Header synonyms of tables
# --------------------------------------------------------------------------------------------


def normalize_header(text: Any) -> str:
    """Header key used for matching: lower case, ``ё``→``е``, ``№``→``no``, no spaces or punctuation."""
    s = str(text or "").strip().lower().replace("ё", "е").replace("№", "no")
    return re.sub(r"[\W_]+", "", s)


def _keys(*names: str) -> Tuple[str, ...]:
    return tuple(normalize_header(name) for name in names)


#: Roles besides the model fields: lat/lon (degrees), x/y (projected, or lon/lat without a CRS),
#: wkt (a geometry column), date/time (separate cells), datetime (one cell), problem periods.
COORDINATE_SYNONYMS: Dict[str, Tuple[str, ...]] = {
    "wkt": ("geom", "geometry", "wkt", "the_geom", "геометрия", "wkt_geom"),
    "lat": ("широта", "lat", "latitude", "шир", "lat_dd", "y_wgs84", "gps_lat", "lat_deg", "latitude_dd",
            "shirota", "с.ш.", "N"),
    "lon": ("долгота", "lon", "lng", "long", "longitude", "долг", "lon_dd", "x_wgs84", "gps_lon",
            "lon_deg", "longitude_dd", "dolgota", "в.д.", "E"),
    "x": ("x", "utm_x", "utmx", "easting", "x_coord", "xcoord", "координата x", "point_x", "восток"),
    "y": ("y", "utm_y", "utmy", "northing", "y_coord", "ycoord", "координата y", "point_y", "север"),
}

#: Header synonyms of the tables of each layer, as written in files (matched by :func:`normalize_header` keys:
#: case, spaces, punctuation and ё/е ignored; listed in docs/import.md).
HEADER_SYNONYMS: Dict[str, Dict[str, Tuple[str, ...]]] = {
    model.OBSERVATIONS: {
        "obs_id": ("obs_id", "id", "№", "№ п/п", "номер", "номер точки", "точка", "point", "point_id",
                   "waypoint", "wpt", "name", "название", "fid", "ngw_id"),
        "obs_type": ("obs_type", "тип", "тип следа", "вид следа", "тип наблюдения", "тип встречи",
                     "вид наблюдения", "след", "type", "sign", "sign_type", "signtype", "category",
                     "категория", "tip", "tip_sleda", "vid_sleda", "вид знака", "тип знака", "знак", "знаки",
                     "sign type", "kind", "объект", "vid_znaka", "znak"),
        "datetime": ("datetime", "дата и время", "дата/время", "датавремя", "timestamp", "date_time",
                     "время регистрации", "creation_date", "datetime_iso"),
        "date": ("date", "дата", "дата наблюдения", "дата учета", "day", "data"),
        "time": ("time", "время", "время наблюдения", "vremya", "vremia"),
        "count": ("count", "кол-во", "количество", "число", "шт", "кол", "number", "numbers",
                  "кол-во особей", "кол-во следов", "kolvo", "kol_vo", "kolichestvo"),
        "age_class": ("age_class", "возраст", "свежесть", "age", "давность", "возраст следа",
                      "freshness", "age of sign", "svezhest", "vozrast"),
        "uncertainty_m": ("uncertainty_m", "точность", "uncertainty", "accuracy", "погрешность",
                          "точность м", "accuracy_m", "gps_accuracy", "horizontal accuracy", "tochnost"),
        "bearing_deg": ("bearing_deg", "азимут", "bearing", "направление", "azimuth", "азимут град",
                        "направление на звук", "azimut", "napravlenie"),
        "route_id": ("route_id", "маршрут", "route", "номер маршрута", "transect", "трансекта",
                     "трансект", "маршрут №", "route_no", "marshrut"),
        "team": ("team", "группа", "отряд", "бригада", "team_id", "группа учетчиков", "gruppa", "otryad"),
        "observer": ("observer", "наблюдатель", "учетчик", "учётчик", "исполнитель", "recorder",
                     "observers", "наблюдатели", "учетчики", "автор", "author", "collector",
                     "uchetchik", "nabludatel"),
        "note": ("note", "примечание", "комментарий", "notes", "comment", "comments", "описание",
                 "remarks", "description", "примечания", "комментарии", "primechanie",
                 "komment", "kommentariy", "kommentarii"),
    },
    model.CAMERAS: {
        "station_id": ("station_id", "station", "станция", "камера", "фотоловушка", "camera",
                       "camera_id", "trap", "trap_id", "trapid", "detector", "location", "location_id",
                       "locationid", "locationname", "точка", "id", "№", "номер", "name", "fid"),
        "deployment_start": ("deployment_start", "setup_date", "setup", "start", "start_date",
                             "deploymentstart", "установка", "дата установки", "начало", "установлена"),
        "deployment_end": ("deployment_end", "retrieval_date", "retrieval", "end", "end_date",
                           "deploymentend", "снятие", "дата снятия", "конец", "снята"),
        "trap_nights": ("trap_nights", "trapnights", "effort", "trap_days", "trapdays", "ловушко-сутки",
                        "ловушко-ночи", "фотоловушко-сутки", "сутки работы", "camera_days"),
        "status": ("status", "статус", "состояние"),
        "note": ("note", "примечание", "комментарий", "comment", "comments", "notes"),
    },
    model.DETECTIONS: {
        "station_id": ("station_id", "station", "станция", "камера", "фотоловушка", "camera_id",
                       "trap", "trap_id", "detector", "location", "location_id", "locationname",
                       "deploymentid", "точка"),
        "datetime": ("datetime", "datetimeoriginal", "date_time", "дата и время", "датавремя",
                     "timestamp", "eventstart"),
        "date": ("date", "дата"),
        "time": ("time", "время"),
        "species": ("species", "вид", "scientificname", "scientific_name", "таксон", "taxon"),
        "individual_id": ("individual_id", "individual", "individualid", "особь", "индивидуальный номер",
                          "animal_id", "id особи", "имя", "name"),
        "sex": ("sex", "пол"),
        "count": ("count", "кол-во", "количество", "число", "number"),
        "event_id": ("event_id", "eventid", "event", "событие", "sequence_id", "sequenceid"),
    },
}

_COORD_ROLES: Dict[str, Tuple[str, ...]] = {role: _keys(*names) for role, names in COORDINATE_SYNONYMS.items()}
_LAYER_ROLES: Dict[str, Dict[str, Tuple[str, ...]]] = {
    layer: {role: _keys(*names) for role, names in roles.items()} for layer, roles in HEADER_SYNONYMS.items()}

#: Roles each reader can use, in matching order (specific before general).
_ROLE_ORDER: Dict[str, List[str]] = {layer: list(roles) for layer, roles in _LAYER_ROLES.items()}


def match_headers(headers: Sequence[str], layer: str) -> Dict[str, str]:
    """Match a table's headers to model fields by their Russian/English synonyms.

    Matching ignores case, spaces and punctuation (``Кол-во`` = ``кол во`` =
    ``КОЛВО``), and ``ё``/``е``. An exact synonym wins; otherwise a header
    starting with a synonym of 4+ letters matches (``Широта, град.``,
    ``Latitude (WGS84)``). NextGIS Web/Collector export columns (``fid``,
    ``ngw_id``, ``geom``) are known too.

    Besides the model fields of ``layer`` the result may hold the roles
    ``lat``, ``lon`` (degrees), ``x``, ``y`` (projected metres, or lon/lat when
    no CRS is given), ``wkt`` (geometry as WKT), ``date``, ``time``, ``datetime``.

    Args:
        headers: the header cells as written in the file.
        layer: ``observations``, ``cameras`` or ``detections``.

    Returns:
        ``{role: header}`` for every role found; each header used at most once.
    """
    if layer not in _LAYER_ROLES:
        raise ValueError(f"no header vocabulary for layer {layer!r}")
    roles = dict(_LAYER_ROLES[layer])
    if layer != model.DETECTIONS:
        roles.update(_COORD_ROLES)
    order = (["wkt", "lat", "lon", "x", "y"] if layer != model.DETECTIONS else []) + _ROLE_ORDER[layer]
    keyed = [(header, normalize_header(header)) for header in headers]
    found: Dict[str, str] = {}
    used: set = set()
    for exact in (True, False):
        for role in order:
            if role in found:
                continue
            for synonym in roles[role]:
                if not exact and len(synonym) < 4:
                    continue
                hit = next((header for header, key in keyed if header not in used and key
                            and (key == synonym if exact else key.startswith(synonym))), None)
                if hit is not None:
                    found[role] = hit
                    used.add(hit)
                    break
    return found


# --------------------------------------------------------------------------------------------
# Attribute names of vector layers
# --------------------------------------------------------------------------------------------

#: Attribute names of vector layers (GeoJSON, Shapefile, GeoPackage, KML, NextGIS Web), matched exactly after
#: normalising (lower case, ё→е, spaces and dashes → ``_``): the route, camera and observation roles
#: (listed in docs/import.md).
ATTRIBUTE_SYNONYMS: Dict[str, Tuple[str, ...]] = {
    "obs_type": ("obs_type", "type", "sign", "sign_type", "signtype", "kind", "category", "тип", "тип_следа",
                 "вид_следа", "тип_знака", "вид_знака", "знак", "тип_наблюдения", "вид_наблюдения", "объект"),
    "datetime": ("datetime", "date_time", "timestamp", "when", "дата_время", "дата_и_время", "время_наблюдения",
                 "dt"),
    "begin": ("begin", "start_time", "время_начала"),
    "date": ("date", "дата", "дата_наблюдения", "день"),
    "time": ("time", "время"),
    "end": ("end", "конец", "время_окончания"),
    "count": ("count", "n", "number", "qty", "quantity", "количество", "кол_во", "число", "колво"),
    "age_class": ("age_class", "age", "freshness", "возраст", "свежесть", "давность"),
    "uncertainty_m": ("uncertainty_m", "uncertainty", "accuracy", "точность", "погрешность"),
    "bearing_deg": ("bearing_deg", "bearing", "azimuth", "азимут", "направление", "пеленг"),
    "observer": ("observer", "observers", "author", "collector", "наблюдатель", "учетчик", "автор", "исполнитель"),
    "note": ("note", "notes", "comment", "comments", "remark", "description", "desc", "cmt", "примечание",
             "примечания", "комментарий", "описание"),
    "name": ("name", "title", "название", "имя", "наименование"),
    "team": ("team", "group", "группа", "отряд", "бригада"),
    "route_id": ("route_id", "route", "transect", "маршрут", "трансекта", "номер_маршрута"),
    "days_since_snow": ("days_since_snow", "days_after_snow", "snow_days", "дней_после_снегопада",
                        "дней_после_снега", "дни_после_снегопада"),
    "station_id": ("station_id", "station", "camera_id", "camera", "trap_id", "trap", "location_id", "станция",
                   "фотоловушка", "ловушка", "камера", "номер_ловушки", "номер_фл", "номер_станции", "номер"),
    "deployment_start": ("deployment_start", "deploymentstart", "start", "setup", "установлена", "дата_установки",
                         "начало"),
    "deployment_end": ("deployment_end", "deploymentend", "retrieval", "снята", "дата_снятия", "окончание"),
    "trap_nights": ("trap_nights", "trapnights", "effort", "trap_days", "ловушко_сутки", "ловушко_ночи", "усилие"),
    "status": ("status", "статус", "состояние"),
}


def _norm_attribute(text: str) -> str:
    """Lower case, ё→е, runs of spaces/dashes/dots → ``_``."""
    text = str(text).strip().lower().replace("ё", "е")
    return re.sub(r"[\s\-./]+", "_", text).strip("_")


def match_fields(names: List[str]) -> Dict[str, str]:
    """Map canonical attribute names to the names found in a file.

    The attribute synonyms of :data:`ATTRIBUTE_SYNONYMS` (exact, after
    normalising) come first; :func:`match_headers` with the observation
    vocabulary (prefix matching) adds the roles they miss.

    Returns:
        ``{canonical: name_in_file}`` for the attributes recognised.
    """
    found: Dict[str, str] = {}
    normalised = {_norm_attribute(name): name for name in names}
    for canonical, synonyms in ATTRIBUTE_SYNONYMS.items():
        for synonym in synonyms:
            key = _norm_attribute(synonym)
            if key in normalised and normalised[key] not in found.values():
                found[canonical] = normalised[key]
                break
    # camera roles stay with the strict synonyms above: "id" or "end" alone must not make a camera
    extra = match_headers([str(name) for name in names], model.OBSERVATIONS)
    for role, header in extra.items():
        if role in ATTRIBUTE_SYNONYMS and role not in found and header not in found.values():
            found[role] = header
    return found


# --------------------------------------------------------------------------------------------
# Sign types and ages
# --------------------------------------------------------------------------------------------


def _vocabulary(table: Dict[str, Iterable[str]]) -> Dict[str, str]:
    out: Dict[str, str] = {}
    for code, words in table.items():
        for word in words:
            out[_norm_word(word)] = code
    return out


def _norm_word(text: Any) -> str:
    s = str(text or "").strip().lower().replace("ё", "е")
    s = re.sub(r"\(.*?\)", " ", s)
    return " ".join(re.sub(r"[^\w]+", " ", s).replace("_", " ").split())


_SIGN_WORDS = _vocabulary({
    "track": ("track", "tracks", "trail", "footprint", "footprints", "pugmark", "pugmarks", "paw print",
              "след", "следы", "тропа", "тропы", "следовая дорожка", "следовые дорожки", "дорожка",
              "отпечаток", "отпечатки", "отпечатки лап", "следы лап", "наслед"),
    "scrape": ("scrape", "scrapes", "поскреб", "поскребы", "поскребка", "поскребки", "царапина", "царапины",
               "задир", "задиры", "scrape mark"),
    "scat": ("scat", "scats", "faeces", "feces", "dung", "dropping", "droppings", "экскременты", "помет",
             "фекалии", "кал", "экскремент"),
    "scent_mark": ("scent_mark", "scent mark", "scent", "scent marks", "urine", "urine mark", "spray",
                   "scent spray", "метка", "метки", "мочевая метка", "мочевые метки", "пахучая метка",
                   "запаховая метка", "маркировка"),
    "mating_call": ("mating_call", "mating call", "call", "calls", "vocalization", "vocalisation", "брачный крик",
                    "брачные крики", "крик", "крики", "голос", "рев", "призывный крик", "вокализация"),
    "sighting": ("sighting", "sightings", "seen", "visual", "direct sighting", "observation", "встреча",
                 "визуальная встреча", "наблюдение", "визуальное наблюдение", "визуально", "животное"),
    "prey_remains": ("prey_remains", "prey remains", "kill", "prey", "carcass", "остатки добычи",
                     "задавленная добыча", "добыча", "остатки жертвы", "туша", "поедь"),
    "other": ("other", "другое", "прочее", "иное"),
})

_AGE_WORDS = _vocabulary({
    "fresh": ("fresh", "new", "recent", "свежий", "свежая", "свежее", "свежие", "свеж", "новый", "новая"),
    "old": ("old", "stale", "старый", "старая", "старое", "старые", "стар", "несвежий", "несвежая"),
})


#: Sign types recognised in free text (point names, descriptions, a table's type column): regular expressions
#: matched at a word start, in this order (the bare mention of the cat, a sighting, comes last). Words that also
#: name everyday things need the cat or its prey beside them: "тропа ирбиса" is a track, "тропа к перевалу" is
#: not; "остатки добычи" are prey remains, "остатки костра" are not.
_CAT = r"(ирбис|барс(?![уч])|snow leopard|кошк|самк|самц)"
_SIGN_PATTERNS: Dict[str, Tuple[str, ...]] = {
    "track": (r"след", r"отпечат", r"(тропа|тропк)\w*.{0,40}" + _CAT, r"track", r"trail(?!\s*-?head)", r"pug ?marks?",
              r"footprint", r"paw ?print"),
    "scrape": (r"поскре[бп]", r"царапин", r"scrape", r"scratch"),
    "scat": (r"экскр", r"помет", r"scat", r"fa?eces", r"dropping", r"dung"),
    "scent_mark": (r"мочев", r"моча", r"запахов", r"метк", r"scent", r"urine", r"spray"),
    "mating_call": (r"брачн", r"(голос|крик|рев|мяук|вой)\w*.{0,40}" + _CAT, _CAT + r"\w*.{0,40}(голос|крик|рев)",
                    r"mating", r"vocali", r"call(?!\w)"),
    "prey_remains": (r"(остатк|останк)\w*.{0,40}(добыч|жертв|туш|козерог|теке|архар|марал|кабарг|косул|барана)",
                     r"добыч", r"жертв", r"задран", r"задавлен", r"prey", r"kill(?!\w)", r"carcass"),
    "sighting": (r"встреч", r"визуал", _CAT, r"sighting", r"seen", r"visual"),
}
#: Names GPS units and apps give points by themselves ("Метка без названия", "Waypoint 012", "001"): not signs.
_DEFAULT_NAME = re.compile(r"^(метка|точка|путевая точка|waypoint|wpt|placemark|point|untitled placemark|pt)?"
                           r"\s*(\d+|без названия|untitled)?$", re.IGNORECASE)

def sign_type_code(text: Any) -> Optional[str]:
    """The ``obs_type`` code a sign name or a free text names (Russian or English), or None.

    A whole cell that is a known sign word comes first (``след``, ``тропа``,
    ``поскрёб``, ``помёт``, ``метка``, ``крик``, ``визуальная встреча``,
    ``scent mark``; case, ``ё`` and text in brackets are ignored); then the
    stems of :data:`_SIGN_PATTERNS` matched at a word start anywhere in the
    text (``"Следы ирбиса"``, ``"Поскрёб, свежий"``, ``"scat 12"``,
    ``"fresh pugmark"``). Names GPS units and apps give points themselves
    (``"Метка 12"``, ``"Waypoint 003"``) and everyday names (``"Барсучья
    нора"``, ``"Остатки костра"``, ``"тропа к перевалу"``) name none.

    Returns:
        A code from :data:`.model.OBS_TYPES`, or None when the text names no
        sign (tables store ``other`` and flag the row; GPX waypoints are
        not imported).
    """
    if text is None:
        return None
    raw = str(text).strip()
    if not raw:
        return None
    return _SIGN_WORDS.get(_norm_word(raw)) or _sign_type_in_text(raw)


def _sign_type_in_text(raw: Any) -> Optional[str]:
    """The ``obs_type`` code a free text names (see :data:`_SIGN_PATTERNS`), or None (default point names
    such as "Метка 12" or "Waypoint 001" name none)."""
    low = str(raw or "").strip().lower().replace("ё", "е")
    if not low or _DEFAULT_NAME.match(low):
        return None
    if low in ("track", "scrape", "scat", "scent_mark", "mating_call", "sighting", "prey_remains"):
        return low
    for code_name, patterns in _SIGN_PATTERNS.items():
        for pattern in patterns:
            if re.search(r"(?<![\w])" + pattern, low):
                return code_name
    return None


#: Age words inside a longer text ("Свежие следы", "поскрёб старый", "fresh pugmark"), matched at a word start;
#: a negated "fresh" ("не свежий", "not fresh") is old.
_AGE_PATTERNS: Tuple[Tuple[str, str], ...] = (
    ("old", r"(не\s*свеж|not\s+fresh|стар|old|stale)"),
    ("fresh", r"(свеж|нов(ый|ая|ое|ые)(?!\w)|fresh|new|recent)"),
)


def age_class_code(text: Any) -> Optional[str]:
    """``fresh`` / ``old`` from a sign age or a text naming one, else None.

    A whole cell that is an age word comes first (``свежий``, ``Свежая``,
    ``несвежий``, ``fresh``, ``OLD``, ``stale``); then age stems at a word
    start anywhere in the text, so a cell holding type and age gives both
    (``"Свежие следы"``, ``"Поскрёб свежий"``, ``"fresh pugmark"``, ``"old
    scrape"``).
    """
    if text is None:
        return None
    word = _norm_word(text)
    if not word:
        return None
    if word in _AGE_WORDS:
        return _AGE_WORDS[word]
    low = str(text).lower().replace("ё", "е")
    for code, pattern in _AGE_PATTERNS:
        if re.search(r"(?<![\w])" + pattern, low):
            return code
    return None


def sign_and_age(text: Any) -> Tuple[Optional[str], Optional[str]]:
    """``(obs_type, age_class)`` named by one text (``"Свежие следы"`` → ``("track", "fresh")``)."""
    return sign_type_code(text), age_class_code(text)


# --------------------------------------------------------------------------------------------
# Teams
# --------------------------------------------------------------------------------------------

_TEAM_RE = re.compile(
    r"(?:группа|gruppa|gruppe|отряд|otryad|бригада|brigada|team|group|grp)\s*[-_№#.]?\s*"
    r"(\d+|[A-Za-zА-Яа-я](?![A-Za-zА-Яа-я]))",
    re.IGNORECASE,
)

def team_from_text(*texts: Optional[str]) -> Optional[str]:
    """The team label in the first text that names one (``"группа 2"`` → ``"2"``, ``"group B"`` → ``"B"``)."""
    for text in texts:
        if not text:
            continue
        match = _TEAM_RE.search(str(text))
        if match:
            label = match.group(1)
            return label.upper() if label.isalpha() else label
    return None
