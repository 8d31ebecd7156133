"""Back-up and restore of the database and the uploaded files (make backup, make restore).

SQLite is copied with SQLite's own online-backup API, so a copy taken while the site runs is
consistent (a plain file copy of a live database may not be). PostgreSQL goes through pg_dump in
its custom format and pg_restore --clean. Uploaded files (MEDIA) go into a tar file beside it.
A back-up is one folder: database.sqlite3 or database.dump, and media.tar.gz when there are files.
"""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection, connections
from django.utils import timezone

SQLITE_FILE = "database.sqlite3"
PG_FILE = "database.dump"
MEDIA_FILE = "media.tar.gz"


class BackupError(Exception):
    """Something the person running the command can act on; the message is Dutch."""


def _is_sqlite() -> bool:
    return connection.vendor == "sqlite"


def _media_root() -> Path:
    return Path(settings.STORAGES["default"]["OPTIONS"]["location"])


def _pg_env() -> tuple[list[str], dict]:
    db = connection.settings_dict
    args = ["--host", db["HOST"] or "localhost", "--port", str(db["PORT"] or 5432), "--username", db["USER"]]
    return args, {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}


def _run(command: list[str], env: dict) -> None:
    if shutil.which(command[0]) is None:
        raise BackupError(f"{command[0]} is niet gevonden; installeer de PostgreSQL-clientprogramma's.")
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} is mislukt: {result.stderr.strip()[:500]}")


def backup(target: Path | None = None) -> Path:
    """Write a back-up folder and return it."""
    target = target or settings.VAR_DIR / "backups" / timezone.localtime().strftime("%Y%m%d-%H%M%S")
    target.mkdir(parents=True, exist_ok=False)
    if _is_sqlite():
        connection.ensure_connection()
        copy = sqlite3.connect(target / SQLITE_FILE)
        try:
            connection.connection.backup(copy)
        finally:
            copy.close()
    else:
        args, env = _pg_env()
        _run(
            ["pg_dump", "--format=custom", *args, "--file", str(target / PG_FILE), connection.settings_dict["NAME"]],
            env,
        )
    media = _media_root()
    if media.is_dir() and any(media.iterdir()):
        with tarfile.open(target / MEDIA_FILE, "w:gz") as tar:
            tar.add(media, arcname="media")
    return target


def restore(source: Path) -> None:
    """Put a back-up folder back: the database as it was, and the uploaded files."""
    if not source.is_dir():
        raise BackupError(f"Map {source} bestaat niet; geef de map van een back-up (var/backups/...).")
    database = source / (SQLITE_FILE if _is_sqlite() else PG_FILE)
    if not database.is_file():
        raise BackupError(f"In {source} staat geen {database.name}: is dit een back-up van een andere database?")
    if _is_sqlite():
        saved = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            connection.ensure_connection()
            saved.backup(connection.connection)  # replaces every page, in one step
        except sqlite3.Error as exc:
            raise BackupError(f"Terugzetten is mislukt ({exc}); stop de site en probeer het opnieuw.") from exc
        finally:
            saved.close()
    else:
        args, env = _pg_env()
        connections.close_all()
        name = connection.settings_dict["NAME"]
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                "--dbname",
                name,
                str(database),
            ],
            env,
        )
    media_tar = source / MEDIA_FILE
    if media_tar.is_file():
        _restore_media(media_tar)


def _restore_media(media_tar: Path) -> None:
    media = _media_root()
    unpacked = media.with_name(media.name + ".herstel")
    shutil.rmtree(unpacked, ignore_errors=True)
    with tarfile.open(media_tar) as tar:
        tar.extractall(unpacked, filter="data")
    old = media.with_name(media.name + ".oud")
    shutil.rmtree(old, ignore_errors=True)
    if media.exists():
        media.rename(old)
    (unpacked / "media").rename(media)
    shutil.rmtree(unpacked, ignore_errors=True)
    shutil.rmtree(old, ignore_errors=True)
