"""Property-based: any file a corporation uploads is read or refused in Dutch, and stored all or
nothing; text that looks like a formula is stored as the text it is."""

import csv
import io
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from driehoek.core.tests.strategies import FORMULA_PAYLOADS, SCRIPT_PAYLOADS, csv_files, damaged_files, xlsx_files
from driehoek.figures import services, uploads
from driehoek.figures.models import Aanlevering, Woningbouwplan

SOORTEN = list(uploads.SPECS)
FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


def _read(soort: str, content: bytes):
    records = uploads.validate(soort, uploads.read_table("upload", content))
    problems = uploads.check_rows(soort, records)
    if problems:
        raise uploads.UploadError(problems)
    return records


def _refused_in_dutch(error: uploads.UploadError) -> None:
    assert error.problems and all(isinstance(p, str) and p.strip() for p in error.problems)
    assert len(error.problems) <= uploads.MAX_ERRORS and error.total >= len(error.problems)
    assert not any("Traceback" in p for p in error.problems)


@settings(max_examples=250, deadline=None, suppress_health_check=FIXTURES)
@given(soort=st.sampled_from(SOORTEN), data=st.data())
def test_any_csv_or_damaged_file_is_read_or_refused_in_dutch(soort, data):
    header = [c.name for c in uploads.SPECS[soort]]
    content = data.draw(st.one_of(csv_files(header), damaged_files()))
    try:
        records = _read(soort, content)
    except uploads.UploadError as e:
        _refused_in_dutch(e)
    else:
        assert records and all(set(r) <= set(header) for r in records)


@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURES)
@given(soort=st.sampled_from(SOORTEN), data=st.data())
def test_any_xlsx_is_read_or_refused_in_dutch(soort, data):
    content = data.draw(xlsx_files([c.name for c in uploads.SPECS[soort]]))
    try:
        _read(soort, content)
    except uploads.UploadError as e:
        _refused_in_dutch(e)


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=FIXTURES)
@given(data=st.data())
def test_a_delivery_is_stored_whole_or_not_at_all(kader, people, data):
    header = ["naam", "kern", "status", "bruto", "sloop", "jaar"]
    plausible = st.one_of(
        st.sampled_from(["hard", "zacht_locatie_bekend", "Gieten", "2027", "onbekend"]), st.integers(0, 40).map(str)
    )
    content = data.draw(st.one_of(csv_files(header, plausible), csv_files(header), damaged_files()))
    before = (Aanlevering.objects.count(), Woningbouwplan.objects.count())
    try:
        delivery = services.deliver(
            people["woonborg"], kader.gemeente, "plannen", date(2026, 12, 31), filename="p.csv", content=content
        )
    except uploads.UploadError as e:
        _refused_in_dutch(e)
        assert (Aanlevering.objects.count(), Woningbouwplan.objects.count()) == before
    else:
        assert delivery.plannen.count() == delivery.rijen > 0


@pytest.mark.django_db
@pytest.mark.parametrize("payload", FORMULA_PAYLOADS + SCRIPT_PAYLOADS)
def test_formula_and_script_text_is_stored_as_text(kader, people, payload):
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerows([["naam", "status", "bruto"], [payload, "hard", "3"]])
    content = out.getvalue().encode()
    name = payload.strip()  # cells are trimmed
    delivery = services.deliver(
        people["woonborg"], kader.gemeente, "plannen", date(2026, 12, 31), filename="p.csv", content=content
    )
    assert delivery.plannen.get().naam == name


def test_uploads_are_recognised_by_content_not_by_name():
    with pytest.raises(uploads.UploadError, match="PDF"):
        _read("voorraad", b"%PDF-1.7\n...")
    with pytest.raises(uploads.UploadError, match="oud Excel"):
        _read("voorraad", b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(uploads.UploadError, match="geen tekst- of Excel"):
        _read("voorraad", b"\x7fELF\x00\x00\x00")
    # An XLSX named .csv is read as the workbook it is.
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["aantal"])
    book.active.append([1544])
    out = io.BytesIO()
    book.save(out)
    assert uploads.validate("voorraad", uploads.read_table("voorraad.csv", out.getvalue())) == [{"aantal": 1544}]


def test_huge_cells_and_numbers_are_refused_not_stored():
    with pytest.raises(uploads.UploadError, match="langer dan 200"):
        _read("plannen", ("naam;status;bruto\n" + "x" * 201 + ";hard;3\n").encode())
    with pytest.raises(uploads.UploadError, match="geen geheel getal"):
        _read("plannen", ("naam;status;bruto\nZuid;hard;" + "9" * 40 + "\n").encode())
    with pytest.raises(uploads.UploadError, match="kan niet worden gelezen"):
        _read("plannen", ('naam;status;bruto\n"' + "x" * 200_000 + '";hard;3\n').encode())


@pytest.mark.django_db
def test_size_limit_on_the_page_and_in_the_api(kader, people, settings):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from driehoek.figures.forms import AanleverForm

    settings.UPLOAD_MAX_MB = {**settings.UPLOAD_MAX_MB, "figures": 0}
    upload = SimpleUploadedFile("v.csv", b"aantal\n1544\n")
    form = AanleverForm(
        {"aanlevering-soort": "voorraad", "aanlevering-peildatum": "2026-12-31"}, {"aanlevering-bestand": upload}
    )
    assert not form.is_valid() and "groter dan 0 MB" in form.errors["bestand"][0]
    with pytest.raises(uploads.UploadError, match="groter dan 0 MB"):
        services.deliver(people["woonborg"], kader.gemeente, "voorraad", date(2026, 12, 31), filename="v.csv",
                         content=b"aantal\n1544\n")  # fmt: skip
    assert not Aanlevering.objects.filter(bestandsnaam="v.csv").exists()


def test_a_pdf_named_csv_is_refused_on_the_page():
    from django.core.files.uploadedfile import SimpleUploadedFile

    from driehoek.figures.forms import AanleverForm

    upload = SimpleUploadedFile("cijfers.csv", b"%PDF-1.7\n%\xe2\xe3\n")
    form = AanleverForm(
        {"aanlevering-soort": "voorraad", "aanlevering-peildatum": "2026-12-31"}, {"aanlevering-bestand": upload}
    )
    assert not form.is_valid() and "PDF" in form.errors["bestand"][0]
