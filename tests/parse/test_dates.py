from datetime import UTC, datetime

import pytest

from monitor.parse import parse_date


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-07-11T21:40:00+07:00", utc(2023, 7, 11, 14, 40)),
        ("2023-05-26T10:47:12Z", utc(2023, 5, 26, 10, 47, 12)),
        ("2025-09-17T15:40:12.084+02:00", utc(2025, 9, 17, 13, 40, 12)),
        ("2024-10-18", utc(2024, 10, 18)),
        ("2024-10-18T12:00:00", utc(2024, 10, 18, 12)),
        ("Thu, 06 Feb 2025 20:30:00 +0700", utc(2025, 2, 6, 13, 30)),
        ("Sun, 24 Aug 2025 09:00:00 GMT", utc(2025, 8, 24, 9)),
        ("Mon, 01 Jan 2024 10:00:00 EST", utc(2024, 1, 1, 15)),
        ("19 Sep. 2025 12:00:00 GMT", utc(2025, 9, 19, 12)),
        ("19 Sept. 2025", utc(2025, 9, 19)),
        ("27 Oct. 2017", utc(2017, 10, 27)),
        ("07 Aug. 2025 12:00:00 GMT", utc(2025, 8, 7, 12)),
        ("May 26, 2023 11:47 AM GMT+1", utc(2023, 5, 26, 10, 47)),
        ("June 25, 2025 | 08:17 pm GMT+7", utc(2025, 6, 25, 13, 17)),
        # Vietnamese: +07:00 unless a zone is given; GMT+7 is UTC+7, not the POSIX UTC-7
        ("Thứ Ba, 22:35, 26/08/2025", utc(2025, 8, 26, 15, 35)),
        ("Thứ Ba, 11/07/2023 06:15", utc(2023, 7, 10, 23, 15)),
        ("Thứ bảy, 24/8/2025, 09:00 (GMT+7)", utc(2025, 8, 24, 2, 0)),
        ("Thứ Tư, 08:15, 12/07/2023", utc(2023, 7, 12, 1, 15)),
        ("10:25 | 15/06/2023", utc(2023, 6, 15, 3, 25)),
        ("18/10/2024 17:40", utc(2024, 10, 18, 10, 40)),
        ("Thứ Hai, 2/10/2023, 05:12 (GMT+7)", utc(2023, 10, 1, 22, 12)),
        ("ngày 26 tháng 8 năm 2025", utc(2025, 8, 25, 17)),
        ("1724464800", utc(2024, 8, 24, 2)),
    ],
)
def test_formats(text, expected):
    got = parse_date(text)
    assert got == expected
    assert got.tzinfo == UTC


def test_nfd_vietnamese_input():
    import unicodedata

    assert parse_date(unicodedata.normalize("NFD", "Thứ Ba, 22:35, 26/08/2025")) == utc(2025, 8, 26, 15, 35)


def test_naive_dates_use_the_default_zone():
    assert parse_date("Last updated: 27 Oct. 2017 17:02") == utc(2017, 10, 27, 17, 2)
    assert parse_date("Last updated: 27 Oct. 2017 17:02", default_tz_hours=2) == utc(2017, 10, 27, 15, 2)
    assert parse_date("2024-10-18T12:00:00", default_tz_hours=2) == utc(2024, 10, 18, 10)
    # an explicit zone wins over the default
    assert parse_date("2024-10-18T12:00:00Z", default_tz_hours=2) == utc(2024, 10, 18, 12)


@pytest.mark.parametrize("text", ["", "   ", "hôm qua", "31/02/2025", "2025-13-01", "Thứ Ba", None])
def test_no_date(text):
    assert parse_date(text) is None
