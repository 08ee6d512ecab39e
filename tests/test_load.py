from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import arnews
from arnews import Caption, _resources


def test_load_is_cached_and_holds_every_bundled_text() -> None:
    corpus = arnews.load()
    assert corpus is arnews.load()
    assert [a.id + ".txt" for a in corpus] == list(_resources.seed_names())
    for article in corpus:
        assert article.raw == _resources.read_text(article.id + ".txt")


def test_load_dir_reads_utf8_with_and_without_bom(tmp_path: Path) -> None:
    text = "عنوان أول\n\n2015-09-29\n\nفقرة أولى من النص.\n"
    (tmp_path / "b.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "ignored.md").write_text("# not an article", encoding="utf-8")
    corpus = arnews.load_dir(tmp_path)
    assert corpus.ids == ("a", "b")
    assert corpus[1].title == "عنوان أول"
    assert corpus[1].raw == text  # the BOM is not part of the text
    assert corpus[0].date is not None
    assert corpus[0].date.isoformat() == "2015-09-29"
    assert not corpus[0].date_inferred


def test_load_dir_pattern(tmp_path: Path) -> None:
    (tmp_path / "x.text").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    assert arnews.load_dir(tmp_path, pattern="*.text").ids == ("x",)


def test_load_dir_round_trips_the_bundled_corpus_without_curation(tmp_path: Path) -> None:
    for name in _resources.seed_names():
        (tmp_path / name).write_bytes(_resources.read_bytes(name))
    mine = arnews.load_dir(tmp_path)
    bundled = arnews.load()
    assert mine.ids == bundled.ids
    for a, b in zip(mine, bundled, strict=True):
        assert a.title == b.title
        assert a.paragraphs == b.paragraphs
        assert a.raw == b.raw
        assert not a.date_inferred  # curation applies to the bundled corpus only


def test_load_dir_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="does not exist"):
        arnews.load_dir(tmp_path / "nope")


def test_load_dir_on_a_file(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("عنوان\n", encoding="utf-8")
    with pytest.raises(NotADirectoryError, match="not a folder"):
        arnews.load_dir(f)


def test_load_dir_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"no file .* matches"):
        arnews.load_dir(tmp_path)


def test_load_dir_names_the_file_that_is_not_utf8(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes("عنوان".encode("cp1256"))
    with pytest.raises(ValueError, match=r"bad\.txt.*not valid UTF-8"):
        arnews.load_dir(tmp_path)


def test_load_dir_names_the_file_that_is_empty(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"empty\.txt"):
        arnews.load_dir(tmp_path)


@pytest.mark.parametrize("bad", [None, 3, b"/tmp"])
def test_load_dir_type_errors(bad: object) -> None:
    with pytest.raises(TypeError, match="folder path"):
        arnews.load_dir(bad)  # type: ignore[arg-type]


def test_load_dir_pattern_type_error(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match="glob pattern"):
        arnews.load_dir(tmp_path, pattern=None)  # type: ignore[arg-type]


@pytest.mark.parametrize("pattern", ["/etc/*", "../*.txt", "sub/../../*.txt"])
def test_load_dir_refuses_patterns_that_leave_the_folder(tmp_path: Path, pattern: str) -> None:
    (tmp_path / "a.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"pattern=\.\.\.\) is matched inside the folder"):
        arnews.load_dir(tmp_path, pattern=pattern)


def test_load_dir_reads_subfolders_with_a_recursive_pattern(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("عنوان ثان\n\nنص.\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("عنوان أول\n\nنص.\n", encoding="utf-8")
    # Ids are paths relative to the folder, without the extension: unique and stable.
    assert arnews.load_dir(tmp_path, pattern="**/*.txt").ids == ("a", "sub/b")


def test_load_dir_names_both_files_when_two_share_an_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("عنوان\n\nنص.\n", encoding="utf-8")
    (tmp_path / "a.md").write_text("عنوان آخر\n\nنص.\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"'a\.txt' would get the id 'a' of 'a\.md'"):
        arnews.load_dir(tmp_path, pattern="*")


# --------------------------------------------------------------------------- records


def test_from_records_takes_the_minimal_form_as_given() -> None:
    # The minimal form: id, title, date (ISO), outlet and text (paragraphs between blank lines).
    corpus = arnews.from_records(
        [
            {
                "id": "hes-1",
                "title": "الحكومة تصادق على مشروع قانون المالية",
                "date": "2018-02-18",
                "outlet": "هسبريس",
                "text": "صادق مجلس الحكومة على المشروع.\n\nوقال الناطق الرسمي إنه يهدف إلى "
                "تحسين مناخ الأعمال.\n",
            }
        ]
    )
    (a,) = corpus
    assert a.id == "hes-1"
    assert a.title == "الحكومة تصادق على مشروع قانون المالية"
    assert a.date == dt.date(2018, 2, 18)
    assert (a.time, a.utc_offset, a.date_inferred) == (None, None, False)
    assert a.outlet == "هسبريس"
    assert a.paragraphs == (
        "صادق مجلس الحكومة على المشروع.",
        "وقال الناطق الرسمي إنه يهدف إلى تحسين مناخ الأعمال.",
    )
    assert a.text.startswith(a.title + "\n")


def test_a_short_paragraph_in_a_records_text_stays_a_paragraph() -> None:
    # The text is taken as given: no layout rule turns its lines into subheadings.
    a = arnews.from_records([{"id": "x", "title": "ع", "text": "مقدمة.\n\nعنوان فرعي\n\nنص."}])[0]
    assert a.paragraphs == ("مقدمة.", "عنوان فرعي", "نص.")
    assert a.subheadings == ()


def test_a_record_with_raw_is_parsed_and_its_own_fields_win() -> None:
    raw = "عنوان الخبر\n\nالخميس 27 أكتوبر 2016 09:10 ص\n\nبغداد- رويترز\n\nنص الخبر.\n"
    a = arnews.from_records([{"id": "r", "raw": raw, "outlet": "الجزيرة"}])[0]
    assert a.raw == raw
    assert (a.date, a.time) == (dt.date(2016, 10, 27), dt.time(9, 10))  # parsed
    assert a.dateline == "بغداد"  # parsed
    assert a.outlet == "الجزيرة"  # given, so it wins over the dateline's رويترز
    assert a.paragraphs == ("نص الخبر.",)


def test_a_record_with_text_and_no_title_is_parsed_whole() -> None:
    a = arnews.from_records([{"text": "عنوان الخبر\n2018-02-18T12:26:59+01:00\nنص."}])[0]
    assert a.title == "عنوان الخبر"
    assert a.utc_offset == dt.timedelta(hours=1)
    assert a.id.startswith("text_")


def test_a_record_date_may_be_a_full_timestamp_or_a_date_line() -> None:
    a, b = arnews.from_records(
        [
            {"id": "a", "title": "ع", "date": "2018-02-18T12:26:59+01:00"},
            {"id": "b", "title": "ع", "date": "Sun, 18 Feb 2018 12:26:59 GMT"},
        ]
    )
    assert (a.date, a.time, a.utc_offset) == (
        dt.date(2018, 2, 18),
        dt.time(12, 26, 59),
        dt.timedelta(hours=1),
    )
    assert (b.date, b.utc_offset) == (dt.date(2018, 2, 18), dt.timedelta(0))
    assert a.datetime is not None
    assert a.datetime.isoformat() == "2018-02-18T12:26:59+01:00"


def test_records_accept_python_values_too() -> None:
    a = arnews.from_records(
        [
            {
                "id": "p",
                "title": "ع",
                "date": dt.date(2015, 9, 29),
                "time": dt.time(9, 10),
                "hijri": arnews.HijriDate(1436, 12, 16),
                "captions": [Caption("صورة", "ar", "رويترز")],
                "url": "https://example.com/p",
            }
        ]
    )[0]
    assert (a.date, a.time, a.url) == (
        dt.date(2015, 9, 29),
        dt.time(9, 10),
        "https://example.com/p",
    )
    assert a.hijri == arnews.HijriDate(1436, 12, 16)
    assert a.captions == (Caption("صورة", "ar", "رويترز"),)


@pytest.mark.parametrize(
    ("record", "error", "message"),
    [
        ({"id": "a", "title": "ع", "body": "نص"}, ValueError, r"record 0: unknown key\(s\) 'body'"),
        (
            {"id": "a", "title": "ع", "date": "18/2/18"},
            ValueError,
            r"record 0: 'date' must be an ISO",
        ),
        ({"id": "a", "title": "ع", "date": 20180218}, TypeError, r"'date' must be an ISO date"),
        ({"id": "a", "title": "ع", "sources": "رويترز"}, TypeError, r"'sources' must be a list"),
        ({"id": "a", "title": "ع", "time": "9h10"}, ValueError, r"'time' must be a time"),
        ({"id": "a", "title": "ع", "utc_offset": "+25:00"}, ValueError, r"'utc_offset' must be"),
        ({"id": "a", "title": "ع", "hijri": "14-09-1432"}, ValueError, r"'hijri' must be a Hijri"),
        ({"id": "a", "outlet": "هسبريس"}, ValueError, r"record 0 holds no text"),
        ({"id": "a", "title": 3}, TypeError, r"'title' must be a str"),
        ({"id": "a", "title": "ع", "date_inferred": "yes"}, TypeError, r"'date_inferred' must be"),
    ],
)
def test_a_bad_record_is_named_with_its_key(
    record: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        arnews.from_records([record])


def test_from_records_refuses_two_records_with_one_id() -> None:
    with pytest.raises(ValueError, match=r"two records have the id 'a'"):
        arnews.from_records([{"id": "a", "title": "ع"}, {"id": "a", "title": "غ"}])


@pytest.mark.parametrize("bad", [None, "records", {"id": "a"}.items(), [3]])
def test_from_records_refuses_what_is_no_iterable_of_mappings(bad: object) -> None:
    with pytest.raises(TypeError, match=r"from_records\(\)"):
        arnews.from_records(bad)  # type: ignore[arg-type]


def test_load_jsonl_reads_a_users_file_and_names_a_bad_line(tmp_path: Path) -> None:
    good = tmp_path / "mine.jsonl"
    good.write_text(
        '{"id": "1", "title": "عنوان", "date": "2018-02-18", "outlet": "هسبريس", '
        '"text": "فقرة أولى.\\n\\nفقرة ثانية."}\n\n'
        '{"id": "2", "title": "عنوان آخر", "text": "فقرة."}\n',
        encoding="utf-8",
    )
    corpus = arnews.load_jsonl(good)
    assert corpus.ids == ("1", "2")
    assert corpus[0].paragraphs == ("فقرة أولى.", "فقرة ثانية.")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "title": "ع"}\n{"id": 2, "title": \n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad\.jsonl' line 2 is not valid JSON"):
        arnews.load_jsonl(bad)


# --------------------------------------------------------------------------- folders


def _write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding))
    return path


TEXT = "عنوان الخبر\n\n2018-02-18\n\nنص الخبر الأول.\n"


def test_errors_skip_loads_the_rest_and_reports_each_file_left_out(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", TEXT)
    _write(tmp_path, "b.txt", "")
    _write(tmp_path, "c.txt", TEXT, "cp1256")
    _write(tmp_path, "d.txt", TEXT, "utf-16")
    _write(tmp_path, "e.txt", TEXT)
    corpus = arnews.load_dir(tmp_path, errors="skip")
    assert isinstance(corpus, arnews.FolderCorpus)
    assert corpus.ids == ("a", "e")
    assert [s.path for s in corpus.skipped] == ["b.txt", "c.txt", "d.txt"]
    reasons = [s.reason for s in corpus.skipped]
    assert "holds no text" in reasons[0]
    assert "not valid UTF-8" in reasons[1]
    assert "WINDOWS-1256" in reasons[1]
    assert "UTF-16" in reasons[2]
    with pytest.raises(ValueError, match=r"'b\.txt' holds no text.*errors='skip'"):
        arnews.load_dir(tmp_path)


def test_errors_raise_has_an_empty_report(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", TEXT)
    assert arnews.load_dir(tmp_path).skipped == ()


@pytest.mark.parametrize("encoding", ["windows-1256", "utf-16", "cp1256"])
def test_encoding_reads_files_in_another_encoding(tmp_path: Path, encoding: str) -> None:
    _write(tmp_path, "a.txt", TEXT, encoding)
    (a,) = arnews.load_dir(tmp_path, encoding=encoding)
    assert (a.title, a.date) == ("عنوان الخبر", dt.date(2018, 2, 18))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"errors": "ignore"}, ValueError, "must be 'raise' or 'skip'"),
        ({"errors": None}, TypeError, r"errors=\.\.\.\) expects str"),
        ({"encoding": "klingon"}, ValueError, "unknown encoding 'klingon'"),
        ({"encoding": 8}, TypeError, r"encoding=\.\.\.\) expects str"),
        ({"follow_links": "yes"}, TypeError, r"follow_links=\.\.\.\) expects True or False"),
    ],
)
def test_load_dir_option_errors(
    tmp_path: Path, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    _write(tmp_path, "a.txt", TEXT)
    with pytest.raises(error, match=message):
        arnews.load_dir(tmp_path, **kwargs)  # type: ignore[arg-type]


def test_recursive_ids_are_relative_paths_unique_and_stable(tmp_path: Path) -> None:
    for name in ("2018/01/a.txt", "2018/02/a.txt", "2019/a.txt", "a.txt"):
        _write(tmp_path, name, TEXT)
    first = arnews.load_dir(tmp_path, pattern="**/*.txt")
    assert first.ids == ("2018/01/a", "2018/02/a", "2019/a", "a")
    assert arnews.load_dir(tmp_path, pattern="**/*.txt").ids == first.ids
    assert arnews.load_dir(tmp_path, pattern="2018/*/*.txt").ids == ("2018/01/a", "2018/02/a")


def test_a_folders_catalog_json_is_applied(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", TEXT)
    _write(tmp_path, "b.txt", "عنوان بلا تاريخ\n\nنص.\n")
    _write(
        tmp_path,
        "catalog.json",
        '{"articles": [{"file": "a.txt", "outlet": "هسبريس"},'
        ' {"file": "b.txt", "date": "2017-05-04", "date_confidence": "medium"},'
        ' {"file": "gone.txt", "outlet": "لا أحد"}]}',
    )
    a, b = arnews.load_dir(tmp_path)
    assert (a.outlet, a.date, a.date_inferred) == ("هسبريس", dt.date(2018, 2, 18), False)
    assert (b.date, b.date_inferred) == (dt.date(2017, 5, 4), True)  # curated: inferred
    assert arnews.load_dir(tmp_path, metadata=False)[1].date is None


def test_a_catalog_sha256_that_does_not_match_is_an_error(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", TEXT)
    _write(
        tmp_path, "catalog.json", '{"articles": [{"file": "a.txt", "sha256": "00", "outlet": "x"}]}'
    )
    with pytest.raises(ValueError, match=r"'a\.txt' does not match the sha256"):
        arnews.load_dir(tmp_path)
    corpus = arnews.load_dir(tmp_path, errors="skip")
    assert corpus[0].outlet is None
    assert corpus.skipped[0].path == "a.txt"


def test_a_folders_metadata_jsonl_is_applied(tmp_path: Path) -> None:
    _write(tmp_path, "2018/a.txt", TEXT)
    _write(tmp_path, "b.txt", "عنوان\n\nنص.\n")
    _write(
        tmp_path,
        "metadata.jsonl",
        '{"file": "2018/a.txt", "outlet": "هسبريس", "url": "https://example.com/a"}\n'
        '{"id": "b", "date": "2017-05-04T10:00:00+03:00", "sources": ["واس"]}\n',
    )
    a, b = arnews.load_dir(tmp_path, pattern="**/*.txt")
    assert (a.outlet, a.url, a.date) == ("هسبريس", "https://example.com/a", dt.date(2018, 2, 18))
    assert (b.date, b.time, b.utc_offset) == (
        dt.date(2017, 5, 4),
        dt.time(10, 0),
        dt.timedelta(hours=3),
    )
    assert b.date_inferred is False  # the user's metadata states it
    assert b.sources == ("واس",)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"outlet": "x"}', "names neither 'file' nor 'id'"),
        ('{"id": "a", "text": "x"}', "gives text"),
        ('["a"]', "must be a JSON object"),
        ('{"id": "a", "date": "soon"}', "'date' must be an ISO date"),
    ],
)
def test_a_bad_metadata_line_is_named(tmp_path: Path, line: str, message: str) -> None:
    _write(tmp_path, "a.txt", TEXT)
    _write(tmp_path, "metadata.jsonl", line + "\n")
    with pytest.raises(ValueError, match=rf"metadata\.jsonl' line 1.*{message}"):
        arnews.load_dir(tmp_path)


def test_sidecars_are_not_articles(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", TEXT)
    _write(tmp_path, "catalog.json", '{"articles": []}')
    _write(tmp_path, "metadata.jsonl", "")
    assert arnews.load_dir(tmp_path, pattern="*").ids == ("a",)
