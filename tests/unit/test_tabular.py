"""Field tables: encodings, delimiters, coordinates, dates, header synonyms, and the three readers."""

import datetime as dt
import os

import pytest

from snowleopard_plugin.core import model
from snowleopard_plugin.core.exceptions import InputError
from snowleopard_plugin.core.io.mapping import load_mapping, save_mapping
from snowleopard_plugin.core.io.tables import read_cameras_table, read_detections_table, read_observations_table
from snowleopard_plugin.core.io.text import (
    date_parts_order,
    detect_encoding,
    parse_coordinate,
    parse_datetime,
    parse_number,
    sniff_delimiter,
)
from snowleopard_plugin.core.io.vocabulary import age_class_code, match_headers, sign_type_code
from snowleopard_plugin.core.validation import IssueLog

DATA = os.path.join(os.path.dirname(__file__), "..", "data", "tabular")
RUSSIAN = "Учёт снежного барса; след; помёт; широта; долгота\n"


def data(name):
    return os.path.join(DATA, name)


def rows_by(issues, problem):
    return sorted(issue.feature for issue in issues.by_problem(problem))


# ----------------------------------------------------------------------------- helpers


@pytest.mark.parametrize("encoding, expected", [("utf-8", "utf-8"), ("cp1251", "cp1251"), ("utf-8-sig", "utf-8-sig")])
def test_detect_encoding_reads_russian_back(encoding, expected):
    raw = (RUSSIAN * 20).encode(encoding)
    found = detect_encoding(raw)
    assert found == expected
    assert raw.decode(found) == RUSSIAN * 20


def test_detect_encoding_plain_ascii_is_utf8():
    assert detect_encoding(b"id,lat,lon\n1,49.1,88.2\n") == "utf-8"


@pytest.mark.parametrize("text, expected", [
    ("№;Широта;Долгота\n1;49,75;88,5\n2;49,76;88,6\n", ";"),
    ("id\tlat\tlon\n1\t49.75\t88.5\n", "\t"),
    ('id,note,lat\n1,"a; b, c",49.7\n2,x,49.8\n', ","),
    ("sep=;\nid;lat\n1;49,7\n", ";"),
])
def test_sniff_delimiter(text, expected):
    assert sniff_delimiter(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("12,5", 12.5), ("12.5", 12.5), ("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5), ("1,234.5", 1234.5),
    ("1.234,5", 1234.5), ("-3", -3.0), ("", None), ("abc", None), ("12 м", None), ("nan", None), ("1,2,3", None),
])
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text, axis, expected", [
    ("49.7534", "lat", 49.7534),
    ("49,7534", "lat", 49.7534),
    ("49 45.205", "lat", 49 + 45.205 / 60),
    ("49°45,205'", "lat", 49 + 45.205 / 60),
    ("49°45'12.3\"N", "lat", 49 + 45 / 60 + 12.3 / 3600),
    ("49 45 12.3", "lat", 49 + 45 / 60 + 12.3 / 3600),
    ("N49 45 12,3", "lat", 49 + 45 / 60 + 12.3 / 3600),
    ("88°30′10″ E", "lon", 88 + 30 / 60 + 10 / 3600),
    ("33°51'S", "lat", -(33 + 51 / 60)),
    ("70 30W", "lon", -70.5),
    ("-70.5", "lon", -70.5),
    ("49°45' с.ш.", "lat", 49.75),
    ("с.ш. 49°48'05\"", "lat", 49 + 48 / 60 + 5 / 3600),
    ("88°40' в.д.", "lon", 88 + 40 / 60),
    ("33°30' ю.ш.", "lat", -33.5),
    ("70°30' з.д.", "lon", -70.5),
    ("С 49 45,0", "lat", 49.75),
    ("В 88 30", "lon", 88.5),
    ("49:45:00", "lat", 49.75),
])
def test_parse_coordinate_accepts_field_forms(text, axis, expected):
    assert parse_coordinate(text, axis) == pytest.approx(expected, abs=1e-9)


@pytest.mark.parametrize("text", ["49 60.0", "49 45 60", "49 75,2", "49.5 30", "", "abc", "49 45 12 7", "49°45'12\" Q"])
def test_parse_coordinate_rejects_non_coordinates(text):
    assert parse_coordinate(text, "lat") is None


def test_parse_coordinate_keeps_out_of_range_values():
    # range and swap checks belong to the season assembler, not to the parser
    assert parse_coordinate("95.5", "lat") == 95.5
    assert parse_coordinate("188,25", "lon") == 188.25


def test_parse_coordinate_unknown_axis():
    with pytest.raises(ValueError):
        parse_coordinate("49.1", "z")


@pytest.mark.parametrize("date, time, expected", [
    ("15.02.2024", None, "2024-02-15"),
    ("15.02.24", None, "2024-02-15"),
    ("2024-02-15", None, "2024-02-15"),
    ("15/02/2024", None, "2024-02-15"),
    ("2024/02/15 10:30:00", None, "2024-02-15T10:30:00"),
    ("15.02.2024", "9:05", "2024-02-15T09:05:00"),
    ("15.02.2024 22:15", None, "2024-02-15T22:15:00"),
    ("2024-02-15T10:30:00+07:00", None, "2024-02-15T10:30:00+07:00"),
    ("2020-05-30T02:57:37Z", None, "2020-05-30T02:57:37Z"),
    ("2024-02-15 10:30:00+0700", None, "2024-02-15T10:30:00+07:00"),
    ("15 февраля 2024", None, "2024-02-15"),
    ("1 March 2024", "06:00", "2024-03-01T06:00:00"),
])
def test_parse_datetime(date, time, expected):
    assert parse_datetime(date, time) == expected


@pytest.mark.parametrize("date, time", [("31.02.2024", None), ("", None), ("вчера", None), ("15.02.2024", "25:10"),
                                        ("2024-13-01", None)])
def test_parse_datetime_rejects(date, time):
    assert parse_datetime(date, time) is None


def test_month_first_dates_on_request():
    assert parse_datetime("02/15/2024", dayfirst=False) == "2024-02-15"
    assert parse_datetime("03/04/2024") == "2024-04-03"
    assert date_parts_order(["03/04/2024", "25/04/2024"]) == "dmy"
    assert date_parts_order(["03/04/2024", "04/25/2024"]) == "mdy"
    assert date_parts_order(["03/04/2024", "04/05/2024"]) is None
    assert date_parts_order(["13/04/2024", "04/25/2024"]) == "conflict"


def test_match_headers_russian_excel():
    headers = ["№", "Дата", "Время", "Маршрут", "Группа", "Тип следа", "Кол-во", "Возраст", "Широта", "Долгота",
               "Точность, м", "Азимут", "Учётчик", "Примечание"]
    found = match_headers(headers, model.OBSERVATIONS)
    assert found == {"obs_id": "№", "date": "Дата", "time": "Время", "route_id": "Маршрут", "team": "Группа",
                     "obs_type": "Тип следа", "count": "Кол-во", "age_class": "Возраст", "lat": "Широта",
                     "lon": "Долгота", "uncertainty_m": "Точность, м", "bearing_deg": "Азимут",
                     "observer": "Учётчик", "note": "Примечание"}


def test_match_headers_ignores_case_space_punctuation():
    found = match_headers(["LATITUDE", " Lon ", "SIGN", "Кол во", "Свежесть", "Направление", "комментарий",
                           "отряд", "Наблюдатель", "Вид следа"], model.OBSERVATIONS)
    assert found["lat"] == "LATITUDE" and found["lon"] == " Lon "
    assert found["obs_type"] == "Вид следа" or found["obs_type"] == "SIGN"
    assert found["count"] == "Кол во" and found["age_class"] == "Свежесть"
    assert found["bearing_deg"] == "Направление" and found["note"] == "комментарий"
    assert found["team"] == "отряд" and found["observer"] == "Наблюдатель"


def test_match_headers_nextgis_export():
    found = match_headers(["fid", "geom", "date_time", "tip", "kolichestvo", "marshrut"], model.OBSERVATIONS)
    assert found == {"obs_id": "fid", "wkt": "geom", "datetime": "date_time", "obs_type": "tip",
                     "count": "kolichestvo", "route_id": "marshrut"}


def test_match_headers_camtrapr():
    found = match_headers(["Station", "utm_y", "utm_x", "Setup_date", "Retrieval_date"], model.CAMERAS)
    assert found == {"station_id": "Station", "y": "utm_y", "x": "utm_x", "deployment_start": "Setup_date",
                     "deployment_end": "Retrieval_date"}
    found = match_headers(["Station", "Species", "DateTimeOriginal", "Date", "Time", "Individual"], model.DETECTIONS)
    assert found["datetime"] == "DateTimeOriginal" and found["individual_id"] == "Individual"
    assert found["species"] == "Species" and found["station_id"] == "Station"


@pytest.mark.parametrize("text, code", [
    ("след", "track"), ("Тропа", "track"), ("следовая дорожка", "track"), ("поскрёб", "scrape"),
    ("Поскреб", "scrape"), ("царапина", "scrape"), ("экскременты", "scat"), ("помёт", "scat"),
    ("фекалии", "scat"), ("scat", "scat"), ("faeces", "scat"), ("метка", "scent_mark"),
    ("мочевая метка", "scent_mark"), ("scent", "scent_mark"), ("брачный крик", "mating_call"),
    ("крик", "mating_call"), ("голос", "mating_call"), ("call", "mating_call"), ("встреча", "sighting"),
    ("визуальная встреча", "sighting"), ("наблюдение", "sighting"), ("sighting", "sighting"),
    ("остатки добычи", "prey_remains"), ("задавленная добыча", "prey_remains"), ("kill", "prey_remains"),
    ("Track", "track"), ("scent_mark", "scent_mark"), ("след (свежий)", "track"),
    ("лёжка", None), ("", None), ("медведь", None),
])
def test_sign_type_code(text, code):
    assert sign_type_code(text) == code


@pytest.mark.parametrize("text, code", [("свежий", "fresh"), ("Свежая", "fresh"), ("fresh", "fresh"),
                                        ("старый", "old"), ("OLD", "old"), ("вчерашний", None), ("", None)])
def test_age_class_code(text, code):
    assert age_class_code(text) == code


# ----------------------------------------------------------------------------- observations


def test_excel_cp1251_semicolon_degrees_minutes():
    issues = IssueLog()
    frame = read_observations_table(data("field_excel_ru_cp1251.csv"), issues)
    assert frame.crs.to_epsg() == 4326
    assert list(frame.columns[:len(model.field_names(model.OBSERVATIONS))]) == model.field_names(model.OBSERVATIONS)
    assert "team" in frame.columns
    # rows 1-7 of data; row 6 has minutes of 75 and is rejected; the blank ';;;' row is just skipped
    assert list(frame["obs_id"]) == ["1", "2", "3", "4", "5", "7"]
    first = frame.iloc[0]
    assert first.geometry.y == pytest.approx(49 + 45.205 / 60) and first.geometry.x == pytest.approx(88 + 30.41 / 60)
    assert (first["obs_type"], first["count"], first["age_class"], first["datetime"]) == ("track", 2, "fresh",
                                                                                          "2024-02-15T10:35:00")
    assert first["note"] == "две особи, самка с котёнком" and first["team"] == "Группа 1"
    assert first["observer"] == "Иванов И.И." and first["route_id"] == "М-1"
    assert frame.iloc[1]["uncertainty_m"] == 4.5
    scat = frame.iloc[2]
    assert scat["datetime"] == "2024-02-15T12:40:00" and scat["count"] == 1  # dd.mm.yy; empty count = 1
    assert scat.geometry.y == pytest.approx(49 + 45 / 60 + 30.6 / 3600)
    assert scat.geometry.x == pytest.approx(88 + 31 / 60 + 15 / 3600)
    call = frame.iloc[3]
    assert call["obs_type"] == "mating_call" and call["bearing_deg"] == 215 and call["uncertainty_m"] == 150
    assert frame.iloc[4]["obs_type"] == "other" and frame.iloc[4]["datetime"] is None
    assert frame.iloc[5]["obs_type"] == "sighting"
    assert frame.iloc[5].geometry.y == pytest.approx(49 + 48 / 60 + 5 / 3600)
    assert rows_by(issues, "unreadable_row") == ["6"]
    assert rows_by(issues, "unknown_type") == ["5"]
    assert rows_by(issues, "missing_date") == ["5"]
    rejected = issues.by_problem("unreadable_row")[0]
    assert (rejected.source, rejected.layer, rejected.action, rejected.severity) == (
        "field_excel_ru_cp1251.csv", "observations", "rejected", "error")
    unknown = issues.by_problem("unknown_type")[0]
    assert unknown.action == "fixed" and "лёжка" in unknown.detail()
    assert unknown.lon == pytest.approx(88.6233) and unknown.lat == pytest.approx(49.8101)


def test_english_utf8_keeps_offsets_and_flags_bad_dates():
    issues = IssueLog()
    frame = read_observations_table(data("field_english_utf8.csv"), issues)
    assert list(frame["obs_id"]) == ["T1-01", "T1-02", "T1-03", "T1-04"]
    assert frame.iloc[0]["datetime"] == "2024-02-20T09:15:00+07:00"
    assert frame.iloc[0]["note"] == "trail along ridge, 300 m"
    assert frame.iloc[2]["datetime"] is None and frame.iloc[2]["count"] == 3
    assert frame.iloc[3]["obs_type"] == "mating_call" and frame.iloc[3]["bearing_deg"] == 310
    assert rows_by(issues, "unparseable_date") == ["3"]
    assert issues.by_problem("unparseable_date")[0].action == "kept"
    assert rows_by(issues, "unreadable_row") == ["5"]


def test_tab_separated_utm_with_crs():
    issues = IssueLog()
    frame = read_observations_table(data("field_utm_tab.txt"), issues, crs="EPSG:32645")
    assert frame.crs.to_epsg() == 32645
    assert [(p.x, p.y) for p in frame.geometry] == [(464210.5, 5512034.2), (464890.0, 5512500.0),
                                                    (465300.7, 5513100.1)]
    assert list(frame["obs_type"]) == ["scat", "scrape", "sighting"]
    assert list(frame["datetime"]) == ["2024-03-01", "2024-03-01", "2024-03-02"]
    assert len(issues) == 0


def test_projected_coordinates_without_crs_are_refused():
    with pytest.raises(InputError, match="CRS"):
        read_observations_table(data("field_utm_tab.txt"), IssueLog())


def test_nextgis_web_export_wkt():
    issues = IssueLog()
    frame = read_observations_table(data("ngw_export.csv"), issues)
    assert list(frame["obs_id"]) == ["1", "2", "3"]
    assert [(p.x, p.y) for p in frame.geometry] == [(88.5123, 49.9012), (88.5188, 49.9054), (88.5201, 49.9099)]
    assert list(frame["obs_type"]) == ["track", "scat", "scrape"]
    assert list(frame["datetime"]) == ["2024-02-15T10:30:00", "2024-02-15T11:45:00", "2024-02-15T12:10:00"]
    assert list(frame["count"]) == [1, 1, 2]
    assert list(frame["age_class"]) == ["fresh", "old", "fresh"]
    assert rows_by(issues, "unreadable_row") == ["4"]


def test_nextgis_lat_lon_columns_with_bom(tmp_path):
    path = tmp_path / "collector.csv"
    path.write_bytes("ngw_id,lat,lon,type,date\r\n7,49.91,88.52,scent mark,2024-02-16\r\n".encode("utf-8-sig"))
    frame = read_observations_table(str(path), IssueLog())
    assert frame.iloc[0]["obs_id"] == "7" and frame.iloc[0]["obs_type"] == "scent_mark"
    assert (frame.iloc[0].geometry.x, frame.iloc[0].geometry.y) == (88.52, 49.91)


def test_out_of_range_and_swapped_coordinates_are_returned_as_parsed(tmp_path):
    path = tmp_path / "swapped.csv"
    path.write_text("lat,lon,type,date\n88.5,49.9,scat,2024-02-15\n95.0,88.5,scat,2024-02-15\n", encoding="utf-8")
    frame = read_observations_table(str(path), IssueLog())
    assert [(p.x, p.y) for p in frame.geometry] == [(49.9, 88.5), (88.5, 95.0)]


def test_no_date_column_is_one_warning(tmp_path):
    path = tmp_path / "nodate.csv"
    path.write_text("lat;lon;тип\n49,9;88,5;след\n49,8;88,4;след\n", encoding="utf-8")
    issues = IssueLog()
    frame = read_observations_table(str(path), issues)
    assert len(frame) == 2 and frame["datetime"].isna().all()
    assert [issue.feature for issue in issues.by_problem("missing_date")] == [""]


def test_ambiguous_slash_dates_are_flagged_month_first_detected(tmp_path):
    ambiguous = tmp_path / "amb.csv"
    ambiguous.write_text("lat,lon,date\n49.9,88.5,03/04/2024\n", encoding="utf-8")
    issues = IssueLog()
    frame = read_observations_table(str(ambiguous), issues)
    assert frame.iloc[0]["datetime"] == "2024-04-03"
    flags = issues.by_problem("other")
    assert len(flags) == 1 and "day/month" in flags[0].detail() and flags[0].feature == ""
    us = tmp_path / "us.csv"
    us.write_text("lat,lon,date\n49.9,88.5,03/04/2024\n49.9,88.5,03/25/2024\n", encoding="utf-8")
    frame = read_observations_table(str(us), IssueLog())
    assert list(frame["datetime"]) == ["2024-03-04", "2024-03-25"]


def test_mapping_overrides_synonyms_and_round_trips(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("a;b;c;d\n49,9;88,5;scat;01.03.2024\n", encoding="utf-8")
    mapping = {"lat": "a", "lon": "b", "obs_type": "c", "date": "d"}
    saved = tmp_path / "mapping.json"
    save_mapping(mapping, str(saved))
    assert load_mapping(str(saved)) == mapping
    frame = read_observations_table(str(path), IssueLog(), mapping=load_mapping(str(saved)))
    row = frame.iloc[0]
    assert (row.geometry.x, row.geometry.y, row["obs_type"], row["datetime"]) == (88.5, 49.9, "scat", "2024-03-01")


def test_mapping_can_reassign_a_synonym_column(tmp_path):
    # the file's "Примечание" really holds the sign type
    path = tmp_path / "notes.csv"
    path.write_text("Широта;Долгота;Примечание\n49,9;88,5;помёт\n", encoding="utf-8")
    frame = read_observations_table(str(path), IssueLog(), mapping={"obs_type": "Примечание"})
    assert frame.iloc[0]["obs_type"] == "scat" and frame.iloc[0]["note"] is None


def test_mapping_naming_a_missing_column(tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("lat,lon\n49.9,88.5\n", encoding="utf-8")
    with pytest.raises(InputError, match="Широта"):
        read_observations_table(str(path), IssueLog(), mapping={"lat": "Широта"})


def test_load_mapping_rejects_garbage(tmp_path):
    path = tmp_path / "m.json"
    path.write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError):
        load_mapping(str(path))


@pytest.mark.parametrize("content, message", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03garbage\x00\xff" * 50, "not a text table"),
    (b"PK\x03\x04" + b"\x00" * 100, "CSV"),
    (b"name;comment\nfoo;bar\n", "coordinate"),
    (b"lat;lon\n", "no data rows"),
])
def test_unreadable_files_raise_input_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as error:
        read_observations_table(str(path), IssueLog())
    assert "bad.csv" in str(error.value)


def test_file_is_not_modified():
    path = data("field_excel_ru_cp1251.csv")
    before = open(path, "rb").read()
    read_observations_table(path, IssueLog())
    assert open(path, "rb").read() == before


def test_misaligned_row_in_comma_file_is_rejected(tmp_path):
    path = tmp_path / "commas.csv"
    path.write_text("lat,lon,type\n49.9,88.5,scat\n49,9,88,5,scat\n", encoding="utf-8")
    issues = IssueLog()
    frame = read_observations_table(str(path), issues)
    assert len(frame) == 1 and rows_by(issues, "unreadable_row") == ["2"]


# ----------------------------------------------------------------------------- cameras and detections


def test_camtrapr_station_table_trap_nights():
    issues = IssueLog()
    frame = read_cameras_table(data("camtrapr_cttable.csv"), issues, crs="EPSG:32645")
    assert frame.crs.to_epsg() == 32645
    assert list(frame["station_id"]) == ["StationA", "StationB", "StationC"]
    assert frame.iloc[0].geometry.x == 464210 and frame.iloc[0].geometry.y == 5512034
    days = [(dt.date(2024, 3, 15) - dt.date(2024, 2, 1)).days,
            (dt.date(2024, 3, 16) - dt.date(2024, 2, 2)).days - (dt.date(2024, 2, 25) - dt.date(2024, 2, 20)).days,
            (dt.date(2024, 3, 10) - dt.date(2024, 2, 3)).days]
    assert list(frame["trap_nights"]) == days
    assert list(frame["deployment_start"]) == ["2024-02-01", "2024-02-02", "2024-02-03"]
    assert issues.by_problem("missing_value") == []


def test_station_table_with_effort_column_and_degrees(tmp_path):
    path = tmp_path / "stations.csv"
    path.write_text("Камера;Широта;Долгота;Ловушко-сутки;Статус\nK1;49°50,1';88°40,2';37;работала\n"
                    "K2;49,85;88,71;;украдена\n", encoding="cp1251")
    issues = IssueLog()
    frame = read_cameras_table(str(path), issues)
    assert frame.crs.to_epsg() == 4326
    assert frame.iloc[0]["trap_nights"] == 37 and frame.iloc[0]["status"] == "работала"
    assert frame.iloc[0].geometry.y == pytest.approx(49 + 50.1 / 60)
    assert frame["trap_nights"].isna().tolist() == [False, True]
    assert rows_by(issues, "missing_value") == ["2"]


def test_camtrapr_record_table():
    issues = IssueLog()
    frame = read_detections_table(data("camtrapr_recordtable.csv"), issues)
    assert list(frame.columns) == model.field_names(model.DETECTIONS)
    assert list(frame["station_id"]) == ["StationA", "StationA", "StationB", "StationC"]
    assert list(frame["datetime"]) == ["2024-02-10T03:12:44", "2024-02-28T22:40:05", "2024-02-12T13:05:00",
                                       "2024-03-01T05:55:10"]
    assert list(frame["individual_id"]) == ["SL01", "SL02", None, "SL01"]
    assert list(frame["count"]) == [1, 1, 1, 1]
    assert frame.iloc[2]["species"] == "Capra sibirica"
    assert rows_by(issues, "unreadable_row") == ["5"]


def test_detections_without_station_column(tmp_path):
    path = tmp_path / "det.csv"
    path.write_text("Species,Date\nPanthera uncia,2024-02-10\n", encoding="utf-8")
    with pytest.raises(InputError, match="station"):
        read_detections_table(str(path), IssueLog())


def test_no_type_column_is_one_warning_and_all_rejected_gives_empty_layer(tmp_path):
    path = tmp_path / "bad_coords.csv"
    path.write_text("lat,lon,date\nabc,88.5,2024-02-15\n49.9,,2024-02-15\n", encoding="utf-8")
    issues = IssueLog()
    frame = read_observations_table(str(path), issues)
    assert len(frame) == 0 and frame.crs.to_epsg() == 4326
    assert list(frame.columns) == model.field_names(model.OBSERVATIONS) + ["geometry"]
    assert rows_by(issues, "unreadable_row") == ["1", "2"]
    assert [i.feature for i in issues.by_problem("missing_value")] == [""]


def test_season_crs_does_not_turn_degrees_into_metres():
    # the season assembler passes its metric CRS for every file; degree files stay WGS 84
    frame = read_observations_table(data("ngw_export.csv"), IssueLog(), crs="EPSG:32645")
    assert frame.crs.to_epsg() == 4326 and frame.iloc[0].geometry.x == 88.5123
    frame = read_observations_table(data("field_excel_ru_cp1251.csv"), IssueLog(), crs="EPSG:32645")
    assert frame.crs.to_epsg() == 4326 and frame.iloc[0].geometry.y == pytest.approx(49 + 45.205 / 60)


def test_projected_wkt_needs_and_uses_a_crs(tmp_path):
    path = tmp_path / "ngw_3857.csv"
    path.write_bytes("fid,geom,tip\r\n1,POINT (9852000.5 6425000.25),След\r\n".encode("utf-8-sig"))
    with pytest.raises(InputError, match="projected"):
        read_observations_table(str(path), IssueLog())
    frame = read_observations_table(str(path), IssueLog(), crs="EPSG:3857")
    assert frame.crs.to_epsg() == 3857 and (frame.iloc[0].geometry.x, frame.iloc[0].geometry.y) == (9852000.5,
                                                                                                      6425000.25)
