"""The register in the admin: the administrator's tool (docs/adr/0085).

Rights come from the policy (`policy.CHANGE_REGISTER`: the beheerder), not from Django's per-model
permissions. Every choice list on a change form holds only rows of the same set (a theme, a
reference, an indicator, a party), rows do not move to another set, and the models refuse what the
lists would not offer (register.consistency). A signed set is shown read-only: it changes only by
decision (register.guard, docs/adr/0087).
"""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError

from driehoek.accounts import policy
from driehoek.accounts.models import Partij
from driehoek.core.history_admin import ReadOnlyHistoryAdmin
from driehoek.core.versioning import ConflictError, locked
from driehoek.reports import samenvatting

from . import rules
from .consistency import reference_problems
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


def _set_of(obj) -> Afsprakenset:
    for path in ("afsprakenset", "afspraak.afsprakenset", "thema.afsprakenset", "indicator.afspraak.afsprakenset"):
        target = obj
        try:
            for part in path.split("."):
                target = getattr(target, part)
        except AttributeError:
            continue
        return target
    return obj


def _open(request, obj) -> bool:
    """May this user change this row (or, without a row, rows of this kind) here?"""
    if obj is None:
        return policy.can(request.user, policy.USE_ADMIN, None)
    afsprakenset = _set_of(obj)
    return policy.can(request.user, policy.CHANGE_REGISTER, afsprakenset) and not rules.is_signed(
        Afsprakenset.objects.values_list("status", flat=True).get(pk=afsprakenset.pk)
    )


class PolicyMixin:
    """The administrator reads everything; changes what is not signed."""

    moves_not = ()  # foreign keys that never change once a row exists: a row stays in its set

    def has_module_permission(self, request):
        return policy.can(request.user, policy.USE_ADMIN, None)

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return _open(request, obj)

    has_delete_permission = has_change_permission

    def has_add_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def get_readonly_fields(self, request, obj=None):
        return list(self.moves_not) if obj is not None else []

    def get_inlines(self, request, obj):
        # Parts of a row are added once the row exists, so their choices can be those of its set.
        return self.inlines if obj is not None else []


class SetChoices:
    """A change form's choice lists limited to the set of the row (or of the inline's parent)."""

    def limit(self, form_class, afsprakenset: Afsprakenset | None, **extra):
        choices = {
            Thema: lambda: Thema.objects.filter(afsprakenset=afsprakenset),
            Afspraak: lambda: Afspraak.objects.filter(afsprakenset=afsprakenset),
            Indicator: lambda: Indicator.objects.filter(afspraak__afsprakenset=afsprakenset),
            Partij: lambda: Partij.objects.filter(deelnames__afsprakenset=afsprakenset),
            Afsprakenset: lambda: Afsprakenset.objects.filter(gemeente_id=afsprakenset.gemeente_id).exclude(
                pk=afsprakenset.pk
            ),
        }
        if afsprakenset is None:
            return form_class

        class Limited(form_class):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for name, field in self.fields.items():
                    model = getattr(getattr(field, "queryset", None), "model", None)
                    if name in extra:
                        field.queryset = extra[name]
                    elif model in choices and not (model is Partij and self._meta.model is Deelname):
                        field.queryset = choices[model]()

        return Limited


class PolicyInline(SetChoices, PolicyMixin):
    extra = 0
    parent_limits: dict = {}

    def has_change_permission(self, request, obj=None):
        # obj is the parent object of the page the inline stands on.
        return _open(request, obj)

    has_add_permission = has_delete_permission = has_change_permission

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None:
            extra = {name: make(obj) for name, make in self.parent_limits.items()}
            formset.form = self.limit(formset.form, _set_of(obj), **extra)
        return formset


class DeelnameInline(PolicyInline, admin.StackedInline):  # labelled fields (axe; issue 20)
    model = Deelname


class OndertekenaarInline(PolicyInline, admin.StackedInline):  # labelled fields (axe; issue 20)
    model = Ondertekenaar


class RegisterAdmin(SetChoices, PolicyMixin, ReadOnlyHistoryAdmin):
    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        return self.limit(form, _set_of(obj) if obj is not None else None)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # A theme's title, a target or the set's municipality is in the national overview's summaries.
        if isinstance(afsprakenset := _set_of(form.instance), Afsprakenset):
            samenvatting.refresh(afsprakenset)

    def delete_queryset(self, request, queryset):
        # "Delete selected" asks no per-row permission: refuse it when a row is in a signed set.
        if any(not _open(request, obj) for obj in queryset):
            raise PermissionDenied
        super().delete_queryset(request, queryset)


@admin.register(Afsprakenset)
class AfsprakensetAdmin(RegisterAdmin):
    list_display = ["titel", "gemeente", "soort", "eerste_jaar", "laatste_jaar", "status"]
    list_filter = ["soort", "status", "gemeente"]
    search_fields = ["titel", "slug"]
    inlines = [DeelnameInline, OndertekenaarInline]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Moved by the administrator: its parties now work in that municipality too.
        for deelname in form.instance.deelnames.select_related("partij"):
            deelname.partij.gemeenten.add(form.instance.gemeente_id)


class LopendeAfspraakInline(PolicyInline, admin.StackedInline):
    model = LopendeAfspraak


@admin.register(Thema)
class ThemaAdmin(RegisterAdmin):
    list_display = ["nummer", "titel", "afsprakenset"]
    list_filter = ["afsprakenset"]
    moves_not = ["afsprakenset"]
    inlines = [LopendeAfspraakInline]


class VerantwoordelijkeInline(PolicyInline, admin.StackedInline):  # labelled fields (axe; issue 20)
    model = Verantwoordelijke


class DoelstellingInline(PolicyInline, admin.StackedInline):
    model = Doelstelling
    parent_limits = {"indicator": lambda afspraak: afspraak.indicatoren.all()}


class AfspraakAdminForm(forms.ModelForm):
    """Carries the version the administrator opened; a save based on an older version is refused.

    The admin validates and saves in one transaction, so the row locked here stays locked until
    the save: two simultaneous saves queue, and the second is refused."""

    class Meta:
        model = Afspraak
        fields = "__all__"  # noqa: DJ007 -- the admin chooses the fields (get_fields), this form adds the check
        widgets = {"versie": forms.HiddenInput}

    def clean(self):
        data = super().clean()
        afsprakenset = data.get("afsprakenset") or (self.instance.afsprakenset if self.instance.pk else None)
        references = data.get("verwijzingen") or []
        if afsprakenset is not None and references:
            problem = reference_problems(Afspraak(pk=self.instance.pk, afsprakenset=afsprakenset), references)
            if problem:
                self.add_error("verwijzingen", problem)
        if self.instance.pk:
            try:
                locked(Afspraak, self.instance.pk, data.get("versie"), lambda a: a.tekst)
            except ConflictError as e:
                raise ValidationError(e.detail) from e
        return data


@admin.register(Afspraak)
class AfspraakAdmin(RegisterAdmin):
    form = AfspraakAdminForm
    list_display = ["nummer", "titel", "thema", "sectie", "soort", "afsprakenset"]
    list_filter = ["afsprakenset", "soort"]
    search_fields = ["nummer", "titel", "tekst"]
    moves_not = ["afsprakenset"]
    inlines = [VerantwoordelijkeInline, DoelstellingInline]

    def save_model(self, request, obj, form, change):
        if change and form.has_changed():
            obj.versie = form.cleaned_data["versie"] + 1
        super().save_model(request, obj, form, change)


class ActiehouderInline(PolicyInline, admin.StackedInline):  # labelled fields (axe; issue 20)
    model = Actiehouder


@admin.register(Indicator)
class IndicatorAdmin(RegisterAdmin):
    list_display = ["omschrijving", "afspraak", "soort", "jaar_van", "jaar_tot"]
    moves_not = ["afspraak"]
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
