"""Helpers shared by the browser journeys."""

from playwright.sync_api import Page, expect

PASSWORD = "een-lang-wachtwoord-2026"


def log_in(page: Page, base: str, username: str) -> None:
    """Log in through the form, as a person would, starting from a clean browser."""
    page.context.clear_cookies()
    page.goto(base + "/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn afspraken")
