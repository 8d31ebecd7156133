"""The dashboard reverses the assessment URL once and adds each agreement's number with `in_path`:
the link must be the one `reverse` gives, whatever the number holds."""

import pytest

from django.urls import reverse

from driehoek.monitoring.templatetags.monitoring_tags import in_path


@pytest.mark.parametrize("nummer", ["1", "4.1", "3 a", "2(b)", "7&8", "ü-9", "a+b=c", "x~y:z@w", "50%"])
def test_a_number_in_the_path_is_quoted_as_reverse_quotes_it(nummer):
    prefix = reverse("monitoring:beoordeling", args=["een-set", 2026, "0"]).removesuffix("0/")
    assert prefix + in_path(nummer) + "/" == reverse("monitoring:beoordeling", args=["een-set", 2026, nummer])
