"""The admin lets the municipality's secretary correct anything in the register of its own sets.

Permissions come from the policy module, not from Django's per-model permissions, so that the admin
follows the same rules as every page (docs/authorization.md).
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError

from driehoek.accounts import policy
from driehoek.core.history_admin import ReadOnlyHistoryAdmin
from driehoek.core.versioning import ConflictError, locked

from .models import (
    Actiehouder,
    Afspraak,
    Afsprakenset,
    Deelname,
    Doelstelling,
    Gemeente,
    Indicator,
    LopendeAfspraak,
    Ondertekenaar,
    Thema,
    Verantwoordelijke,
)


def _editable_sets(user):
    return [s for s in Afsprakenset.objects.visible_to(user) if policy.can(user, policy.CHANGE_REGISTER, s)]


class PolicyMixin:
    """Rows and rights from the policy: a set's register is changed by its municipality's secretary."""

    set_path = "afsprakenset"

    def get_queryset(self, request):
        ids = [s.pk for s in _editable_sets(request.user)]
        return super().get_queryset(request).filter(**{f"{self.set_path or 'pk'}__in": ids})

    def _set_of(self, obj):
        for part in filter(None, self.set_path.split("__")):
            obj = getattr(obj, part)
        return obj

    def has_module_permission(self, request):
        return bool(_editable_sets(request.user))

    def has_view_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_change_permission(self, request, obj=None):
        if obj is None:
            return self.has_module_permission(request)
        return policy.can(request.user, policy.CHANGE_REGISTER, self._set_of(obj))

    def has_add_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.related_model is Afsprakenset:
            kwargs["queryset"] = Afsprakenset.objects.filter(pk__in=[s.pk for s in _editable_sets(request.user)])
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PolicyInline(PolicyMixin):
    extra = 0

    def get_queryset(self, request):
        return super(PolicyMixin, self).get_queryset(request)

    def has_change_permission(self, request, obj=None):
        # obj is the parent object of the page the inline stands on.
        if obj is None:
            return self.has_module_permission(request)
        parent_set = (
            obj if isinstance(obj, Afsprakenset) else getattr(obj, "afsprakenset", None) or obj.afspraak.afsprakenset
        )
        return policy.can(request.user, policy.CHANGE_REGISTER, parent_set)


class DeelnameInline(PolicyInline, admin.StackedInline):  # labelled fields (axe; issue 20)
    model = Deelname


class OndertekenaarInline(PolicyInline, admin.StackedInline):  # labelled fields (axe; issue 20)
    model = Ondertekenaar


@admin.register(Afsprakenset)
class AfsprakensetAdmin(PolicyMixin, ReadOnlyHistoryAdmin):
    set_path = ""
    list_display = ["titel", "gemeente", "soort", "eerste_jaar", "laatste_jaar", "status"]
    list_filter = ["soort", "status", "gemeente"]
    search_fields = ["titel", "slug"]
    inlines = [DeelnameInline, OndertekenaarInline]

    def has_add_permission(self, request, obj=None):
        return policy.is_beheerder(request.user)


class LopendeAfspraakInline(PolicyInline, admin.StackedInline):
    model = LopendeAfspraak


@admin.register(Thema)
class ThemaAdmin(PolicyMixin, ReadOnlyHistoryAdmin):
    list_display = ["nummer", "titel", "afsprakenset"]
    list_filter = ["afsprakenset"]
    inlines = [LopendeAfspraakInline]


class VerantwoordelijkeInline(PolicyInline, admin.StackedInline):  # labelled fields (axe; issue 20)
    model = Verantwoordelijke


class DoelstellingInline(PolicyInline, admin.StackedInline):
    model = Doelstelling


class AfspraakAdminForm(forms.ModelForm):
    """Carries the version the secretary opened; a save based on an older version is refused.

    The admin validates and saves in one transaction, so the row locked here stays locked until
    the save: two simultaneous saves queue, and the second is refused."""

    class Meta:
        model = Afspraak
        fields = "__all__"  # noqa: DJ007 -- the admin chooses the fields (get_fields), this form adds the check
        widgets = {"versie": forms.HiddenInput}

    def clean(self):
        data = super().clean()
        if self.instance.pk:
            try:
                locked(Afspraak, self.instance.pk, data.get("versie"), lambda a: a.tekst)
            except ConflictError as e:
                raise ValidationError(e.detail) from e
        return data


@admin.register(Afspraak)
class AfspraakAdmin(PolicyMixin, ReadOnlyHistoryAdmin):
    form = AfspraakAdminForm
    list_display = ["nummer", "titel", "thema", "sectie", "soort", "afsprakenset"]
    list_filter = ["afsprakenset", "soort"]
    search_fields = ["nummer", "titel", "tekst"]
    inlines = [VerantwoordelijkeInline, DoelstellingInline]

    def get_readonly_fields(self, request, obj=None):
        # A signed agreement's text changes only by a decision of a bestuurlijk overleg
        # (cycle.services.change_agreement_text); drafts may be corrected here.
        if obj is not None and obj.afsprakenset.status != Afsprakenset.Status.CONCEPT:
            return ["tekst"]
        return []

    def save_model(self, request, obj, form, change):
        if change:
            obj.versie = form.cleaned_data["versie"] + 1
        super().save_model(request, obj, form, change)


class ActiehouderInline(PolicyInline, admin.StackedInline):  # labelled fields (axe; issue 20)
    model = Actiehouder


@admin.register(Indicator)
class IndicatorAdmin(PolicyMixin, ReadOnlyHistoryAdmin):
    set_path = "afspraak__afsprakenset"
    list_display = ["omschrijving", "afspraak", "soort", "jaar_van", "jaar_tot"]
    inlines = [ActiehouderInline]


@admin.register(Gemeente)
class GemeenteAdmin(ReadOnlyHistoryAdmin):
    list_display = ["naam", "cbs_code"]
    search_fields = ["naam", "cbs_code"]

    def has_module_permission(self, request):
        return policy.is_beheerder(request.user)

    def has_view_permission(self, request, obj=None):
        return policy.is_beheerder(request.user)

    has_change_permission = has_add_permission = has_delete_permission = has_view_permission
