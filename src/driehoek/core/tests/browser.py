"""Helpers shared by the browser journeys."""

from playwright.sync_api import Page, expect

PASSWORD = "een-lang-wachtwoord-2026"


def log_in(page: Page, base: str, username: str, password: str = PASSWORD) -> None:
    """Log in through the form, as a person would, starting from a clean browser; a secretaris or
    beheerder (or anyone who set it up) then types the code of their authenticator app."""
    from driehoek.accounts import twofactor
    from driehoek.accounts.models import User
    from driehoek.accounts.tests.twofactor import app_of, next_code

    user = User.objects.get(username=username)
    second_step = twofactor.is_required(user) or twofactor.has_second_factor(user)
    if second_step:
        app_of(user)
    page.context.clear_cookies()
    page.goto(base + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    if second_step:
        expect(page.get_by_role("heading", level=1)).to_have_text("Tweede stap: code invullen")
        page.get_by_label("Code", exact=True).fill(next_code(user))
        page.get_by_role("button", name="Verder").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn afspraken")


def kader_with_users(users: list[tuple[str, str, str]]):
    """The Aa en Hunze data with these (username, party name, role) users and monitoring year 2026
    started: what the monitoring journeys begin with. Returns the Kaderafspraken 2026-2031."""
    from driehoek.accounts.models import Partij, User
    from driehoek.monitoring import services
    from driehoek.register.models import Afsprakenset
    from driehoek.register.seeds import load_aa_en_hunze

    load_aa_en_hunze()
    made = {
        username: User.objects.create_user(username, password=PASSWORD, partij=Partij.objects.get(naam=party), rol=rol)
        for username, party, rol in users
    }
    kader = Afsprakenset.objects.get(slug="aa-en-hunze-kaderafspraken-2026-2031")
    secretaris = next(u for u in made.values() if u.rol == User.Rol.SECRETARIS)
    services.start_year(secretaris, kader, 2026)
    return kader
