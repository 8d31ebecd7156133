from django.urls import path

from . import views

app_name = "cycle"

urlpatterns = [
    path("sets/<slug:slug>/cyclus/", views.index, name="index"),
    path("sets/<slug:slug>/cyclus/overleg-plannen/", views.plan_meeting, name="plan"),
    path("sets/<slug:slug>/cyclus/items/<int:pk>/afgerond/", views.planitem_done, name="planitem_done"),
    path("sets/<slug:slug>/overleggen/<int:pk>/", views.overleg, name="overleg"),
    path("sets/<slug:slug>/overleggen/<int:pk>/agenda.ics", views.overleg_ics, name="overleg_ics"),
    path("sets/<slug:slug>/geschillen/", views.geschillen, name="geschillen"),
    path("sets/<slug:slug>/geschillen/<int:pk>/", views.geschil, name="geschil"),
    path("sets/<slug:slug>/open/", views.open_view, name="open"),
    path("mijn-agenda/", views.mijn_agenda, name="mijn_agenda"),
    path("agenda/<str:token>.ics", views.feed, name="feed"),
]
