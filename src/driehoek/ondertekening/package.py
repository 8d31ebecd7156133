"""The submission package: the signed agreements as an A4 PDF (WeasyPrint) with the
monitoringstabel of the set's first year as an annex, made by reports (not written twice)."""

import io

from django.template.loader import render_to_string
from django.utils import timezone

from driehoek.register.models import Afsprakenset
from driehoek.reports.exports import pdf_bytes as monitoringstabel_pdf


def agreements_html(s: Afsprakenset) -> str:
    themes = s.themas.prefetch_related("afspraken__verantwoordelijkheden__partij")
    context = {
        "afsprakenset": s,
        "themes": themes,
        "deelnames": s.deelnames.select_related("partij"),
        "goedkeuringen": s.goedkeuringen.filter(ingetrokken_op__isnull=True).select_related("partij"),
        "handtekeningen": s.handtekeningen.filter(ingetrokken_op__isnull=True).select_related("partij"),
        "ronde": getattr(s, "ondertekenronde", None),
        "now": timezone.localtime(),
    }
    return render_to_string("ondertekening/pakket_pdf.html", context)


def package_pdf(s: Afsprakenset) -> bytes:
    """The agreements and signatures, then the monitoringstabel pages (landscape) behind them."""
    from pypdf import PdfReader, PdfWriter
    from weasyprint import HTML

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(HTML(string=agreements_html(s)).write_pdf())))
    writer.append(PdfReader(io.BytesIO(monitoringstabel_pdf(s, s.eerste_jaar))))
    writer.add_metadata({"/Title": f"{s.titel} — ondertekend", "/Producer": "Driehoek"})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
