"""Property-based: any bytes offered as an agreement document (damaged PDFs and XLSX, hostile text in
other encodings) give a proposal or a message for a person, never an exception; through the page, a
refused file stores nothing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from driehoek.core.tests.strategies import document_bytes
from driehoek.importer.extract import DocumentError
from driehoek.importer.models import Brondocument
from driehoek.importer.proposal import propose

FIXTURES = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large]


@settings(max_examples=80, deadline=None, suppress_health_check=FIXTURES)
@given(content=document_bytes(), name=st.sampled_from(["afspraken.pdf", "afspraken.txt", "afspraken"]))
def test_any_document_gives_a_proposal_or_a_message(content, name):
    try:
        result = propose(name, content)
    except DocumentError as e:
        assert str(e).strip()
    else:
        assert result.set["themes"] is not None


@pytest.mark.django_db
@settings(max_examples=25, deadline=None, suppress_health_check=FIXTURES)
@given(content=document_bytes())
def test_the_upload_page_answers_any_file(client, people, content):
    client.force_login(people["secretaris"])
    before = Brondocument.objects.count()
    upload = SimpleUploadedFile("afspraken.pdf", content)
    response = client.post(reverse("importer:lijst"), {"bestand": upload})
    assert response.status_code in (302, 400), response.status_code
    if response.status_code == 400:
        assert Brondocument.objects.count() == before
