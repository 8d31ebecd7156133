"""Templates ask the policy, never the role: {% can "manage_users" as may_manage %}."""

from django import template

from driehoek.accounts import policy

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, action: str, obj=None) -> bool:
    return policy.can(context["request"].user, action, obj)
