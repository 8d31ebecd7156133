"""A small XLSX must not pin a worker (issue 15, finding 4): its stated dimension is not
trusted, reading stops at the last real row and column, and a sheet over the limits is refused
with a Dutch message. The API's upload goes through the same code."""

import io
import re
import zipfile
from datetime import date

import pytest
from openpyxl import Workbook

from django.test import override_settings

from driehoek.figures import uploads
from driehoek.figures.services import deliver

HEADER = ["eigen_id", "kale_huur", "energielabel"]


def _xlsx(rows, *, dimension: str | None = None) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    if dimension is None:
        return out.getvalue()
    # Rewrite the sheet's stated size, as a hostile or broken file would have it.
    source, target = zipfile.ZipFile(io.BytesIO(out.getvalue())), io.BytesIO()
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{dimension}"'.encode(), data)
                assert dimension.encode() in data
            archive.writestr(item, data)
    return target.getvalue()


def test_a_stated_dimension_of_the_whole_sheet_reads_only_the_real_cells():
    content = _xlsx([HEADER, ["A1", 650.43, "C"], ["A2", 700, None]], dimension="A1:XFD1048576")
    assert len(content) < 10_000
    rows = list(uploads.read_table("klein.xlsx", content))
    assert rows == [HEADER, ["A1", "650,43", "C"], ["A2", "700"]]
    records = uploads.validate("woningregister", iter(rows))
    assert [str(r["kale_huur"]) for r in records] == ["650.43", "700.00"]


@override_settings(UPLOAD_TABLE_LIMITS={"rows": 5, "columns": 20, "cells": 1000, "sheet_mb": 50})
def test_too_many_rows_is_refused_in_dutch():
    content = _xlsx([HEADER] + [[f"A{i}", 600, "C"] for i in range(10)])
    with pytest.raises(uploads.UploadError, match="meer dan 5 rijen"):
        list(uploads.read_table("groot.xlsx", content))
    csv = ("\n".join(["eigen_id;kale_huur"] + [f"A{i};600" for i in range(10)])).encode()
    with pytest.raises(uploads.UploadError, match="meer dan 5 rijen"):
        list(uploads.read_table("groot.csv", csv))


@override_settings(UPLOAD_TABLE_LIMITS={"rows": 100, "columns": 3, "cells": 1000, "sheet_mb": 50})
def test_a_value_beyond_the_column_limit_is_refused_in_dutch():
    content = _xlsx([HEADER, ["A1", 600, "C", None, None, "x"]])
    with pytest.raises(uploads.UploadError, match="meer dan 3 kolommen"):
        list(uploads.read_table("breed.xlsx", content))


@override_settings(UPLOAD_TABLE_LIMITS={"rows": 100, "columns": 20, "cells": 10, "sheet_mb": 50})
def test_too_many_cells_is_refused_in_dutch():
    content = _xlsx([HEADER] + [[f"A{i}", 600, "C"] for i in range(5)])
    with pytest.raises(uploads.UploadError, match="meer dan 10 cellen"):
        list(uploads.read_table("veel.xlsx", content))


@override_settings(UPLOAD_TABLE_LIMITS={"rows": 100, "columns": 20, "cells": 1000, "sheet_mb": 0})
def test_a_sheet_larger_than_the_limit_unpacked_is_refused_before_it_is_read():
    content = _xlsx([HEADER, ["A1", 650.43, "C"]])
    with pytest.raises(uploads.UploadError, match="uitgepakt groter dan 0 MB"):
        list(uploads.read_table("bom.xlsx", content))


@pytest.mark.django_db
def test_the_service_behind_the_api_reads_the_same_way(user_factory):
    from driehoek.accounts.models import Partij
    from driehoek.register.models import Gemeente

    user = user_factory(partij=Partij.objects.get(naam="Woonborg"))
    content = _xlsx([HEADER, ["A1", 650.43, "C"], ["A2", 700, None]], dimension="A1:XFD1048576")
    aanlevering = deliver(
        user,
        Gemeente.objects.get(naam="Aa en Hunze"),
        "woningregister",
        date(2025, 12, 31),
        filename="klein.xlsx",
        content=content,
    )
    assert aanlevering.rijen == 2
