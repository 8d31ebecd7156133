from django import template

from driehoek.accounts import policy

register = template.Library()


@register.filter
def mag_inlezen(user) -> bool:
    """Whether the menu shows "Document inlezen": the policy decides, not the template."""
    return policy.can(user, policy.IMPORT_DOCUMENT, None)
