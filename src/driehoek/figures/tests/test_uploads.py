import io
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from driehoek.figures import uploads

HEADER = "eigen_id;kern;type;kale_huur;energielabel;nultredenwoning;bestemming"


def _csv(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode()


def _validate(soort, content, name="x.csv"):
    records = uploads.validate(soort, uploads.read_table(name, content))
    problems = uploads.check_rows(soort, records)
    if problems:
        raise uploads.UploadError(problems)
    return records


def test_a_good_register():
    records = _validate(
        "woningregister", _csv(HEADER, "A1;Gieten;egw;650,43;B;nee;doorexploiteren", "A2;Annen;;1.023,50;;ja;")
    )
    assert str(records[0]["kale_huur"]) == "650.43" and str(records[1]["kale_huur"]) == "1023.50"
    assert records[1]["nultredenwoning"] is True and records[1]["bestemming"] == ""


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("A1;Gieten;egw;;B;nee;doorexploiteren", "Rij 2, kolom “kale_huur”: is leeg."),
        ("A1;Gieten;egw;zeshonderd;B;nee;doorexploiteren", "Rij 2, kolom “kale_huur”: “zeshonderd” is geen bedrag"),
        ("A1;Gieten;egw;-5;B;nee;doorexploiteren", "Rij 2, kolom “kale_huur”: “-5” is geen geldig bedrag."),
        ("A1;Gieten;egw;650;H;nee;doorexploiteren", "Rij 2, kolom “energielabel”: “H” is geen energielabel"),
        (
            "A1;Gieten;egw;650;B;misschien;doorexploiteren",
            "Rij 2, kolom “nultredenwoning”: “misschien” moet ja of nee zijn.",
        ),
        (
            "A1;Gieten;egw;650;B;nee;renoveren",
            "Rij 2, kolom “bestemming”: “renoveren” kies uit: doorexploiteren, verkoop, sloop.",
        ),
        (";Gieten;egw;650;B;nee;sloop", "Rij 2, kolom “eigen_id”: is leeg."),
    ],
)
def test_every_cell_error_names_row_column_and_what_is_wrong(line, message):
    with pytest.raises(uploads.UploadError) as error:
        _validate("woningregister", _csv(HEADER, line))
    assert any(p.startswith(message) for p in error.value.problems), error.value.problems


def test_file_level_errors():
    with pytest.raises(uploads.UploadError, match="Kolom ontbreekt in de eerste regel: kale_huur"):
        _validate("woningregister", _csv("eigen_id;kern", "A1;Gieten"))
    with pytest.raises(uploads.UploadError, match="leeg"):
        _validate("woningregister", b"")
    with pytest.raises(uploads.UploadError, match="geen gegevens"):
        _validate("woningregister", _csv(HEADER))
    with pytest.raises(uploads.UploadError, match="geen UTF-8"):
        _validate("woningregister", "eigen_id;kern;kale_huur\nA1;Ëext;650\n".encode("cp1252"))
    # UTF-16 with its byte-order mark (Excel's "Unicode text", tab-separated) is read.
    assert (
        _validate("woningregister", "eigen_id\tkern\tkale_huur\nA1\tËext\t650\n".encode("utf-16"))[0]["kern"] == "Ëext"
    )
    with pytest.raises(uploads.UploadError, match="Excel-bestand kan niet worden gelezen"):
        _validate("woningregister", b"PK\x03\x04 kapot", name="kapot.xlsx")


def test_rules_across_columns_and_rows():
    with pytest.raises(uploads.UploadError, match="A1 staat ook in rij 2"):
        _validate("woningregister", _csv(HEADER, "A1;;;650;;;", "A1;;;660;;;"))
    with pytest.raises(uploads.UploadError, match="meer sloop"):
        _validate("plannen", _csv("naam;status;bruto;sloop", "Zuid Es;hard;3;5"))
    with pytest.raises(uploads.UploadError, match="meer dan 100%"):
        _validate("toewijzingen", _csv("jaar;totaal;urgent", "2026;10;12"))
    with pytest.raises(uploads.UploadError, match="moet een jaar zijn"):
        _validate("plannen", _csv("naam;status;bruto;jaar", "Zuid Es;hard;3;volgend jaar"))
    with pytest.raises(uploads.UploadError, match="is geen datum"):
        _validate("plannen", _csv("naam;status;bruto;opleverdatum", "Zuid Es;opgeleverd;3;32-13-2026"))
    plans = _validate(
        "plannen",
        _csv("naam;status;bruto;jaar", "A;zacht_locatie_bekend;3;na 2030", "B;zacht, locatie nog te vinden;4;onbekend"),
    )
    assert plans[0]["jaar"] == (2030, True) and plans[1]["status"] == "zacht_locatie_onbekend"


def test_xlsx_is_read_like_csv():
    book = Workbook()
    book.active.append(["eigen_id", "kale_huur", "energielabel"])
    book.active.append(["A1", 650.43, "C"])
    book.active.append(["A2", 700, None])
    out = io.BytesIO()
    book.save(out)
    records = _validate("woningregister", out.getvalue(), name="register.xlsx")
    assert [str(r["kale_huur"]) for r in records] == ["650.43", "700.00"]


def test_many_errors_are_counted_and_the_first_fifty_listed():
    lines = [HEADER] + [f"A{i};;;geen;;;" for i in range(200)]
    with pytest.raises(uploads.UploadError) as error:
        _validate("woningregister", _csv(*lines))
    assert error.value.total == 200 and len(error.value.problems) == uploads.MAX_ERRORS


def test_the_one_bad_row_is_the_last_of_100_000():
    lines = [HEADER] + [f"VM-{i:06d};Gieten;egw;{600 + i % 300},00;C;nee;doorexploiteren" for i in range(99_999)]
    lines.append("VM-999999;Gieten;egw;fout;C;nee;doorexploiteren")
    content = _csv(*lines)
    start = time.perf_counter()
    with pytest.raises(uploads.UploadError) as error:
        _validate("woningregister", content)
    elapsed = time.perf_counter() - start
    assert error.value.problems == ["Rij 100001, kolom “kale_huur”: “fout” is geen bedrag (bijvoorbeeld 682,96)."]
    print(f"validated 100,000 rows in {elapsed:.2f} s: {100_000 / elapsed:,.0f} rows/s")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.lists(st.text(max_size=12), min_size=0, max_size=9), max_size=6))
def test_any_table_gives_records_or_a_clear_refusal(rows):
    lines = [HEADER] + [
        ";".join(cell.replace(";", "").replace("\n", "").replace("\r", "").replace('"', "") for cell in row)
        for row in rows
    ]
    try:
        records = _validate("woningregister", _csv(*lines))
    except uploads.UploadError as e:
        assert e.problems and all(isinstance(p, str) and p for p in e.problems)
    else:
        assert all(r["eigen_id"] for r in records)


def test_a_row_with_an_error_still_reports_its_other_checks():
    """Issue 16 item 11: one wrong year did not hide that the row also demolishes more than it builds."""
    with pytest.raises(uploads.UploadError) as caught:
        _validate("plannen", _csv("naam;status;bruto;sloop;jaar", "Zuid Es;hard;3;5;later", "Noord;hard;4;1;2027"))
    problems = caught.value.problems
    assert any("Rij 2, kolom “jaar”" in p for p in problems)
    assert "Rij 2: meer sloop (5) dan bruto (3)." in problems
    assert caught.value.total == 2  # the good row 3 adds nothing
