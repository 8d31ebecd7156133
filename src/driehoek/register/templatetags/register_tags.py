import re

from django import template
from django.utils.html import escape
from django.utils.safestring import mark_safe

from driehoek.register import rules

register = template.Library()


@register.filter
def agreed_text(text: str, q: str = ""):
    """The agreed wording as paragraphs and lines, with the search words marked. Nothing is reworded."""
    words = [re.escape(w) for w in (q or "").split() if len(w) > 1]
    pattern = re.compile("(" + "|".join(words) + ")", re.IGNORECASE) if words else None
    paragraphs = []
    for paragraph in text.split("\n\n"):
        # Split before escaping so a search word never lands inside an HTML entity.
        parts = pattern.split(paragraph) if pattern else [paragraph]
        html = "".join(f"<mark>{escape(p)}</mark>" if i % 2 else escape(p) for i, p in enumerate(parts))
        paragraphs.append("<p>" + html.replace("\n", "<br>") + "</p>")
    return mark_safe("\n".join(paragraphs))


@register.filter
def getal(value):
    return rules.format_number(value)
