"""SQLite runs in WAL mode, so a long read never makes a writer fail with "database is locked"
(issue 15, finding 3). The test uses its own SQLite file with the settings' options, on either
test database."""

from django.conf import settings
from django.db.utils import ConnectionHandler


def _connections(path):
    options = {**settings.SQLITE_OPTIONS, "timeout": 1}  # a locked writer fails after 1 s
    alias = {"ENGINE": "django.db.backends.sqlite3", "NAME": str(path), "OPTIONS": options}
    return ConnectionHandler({"default": alias, "schrijver": dict(alias)})


def test_a_long_read_does_not_make_a_writer_fail(tmp_path, django_db_blocker):
    django_db_blocker.unblock()
    handler = _connections(tmp_path / "wal.sqlite3")
    reader, writer = handler["default"], handler["schrijver"]
    try:
        with writer.cursor() as cursor:
            cursor.execute("CREATE TABLE t (n INTEGER)")
            cursor.executemany("INSERT INTO t VALUES (%s)", [(i,) for i in range(1000)])
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] == "wal"
        # A search as the web page runs it: one SELECT in autocommit, still being read.
        read = reader.cursor()
        read.execute("SELECT n FROM t")
        assert read.fetchone() is not None
        with writer.cursor() as cursor:  # in rollback-journal mode: "database is locked" after 1 s
            cursor.execute("INSERT INTO t VALUES (-1)")
        assert len(read.fetchall()) == 999  # the reader keeps its snapshot; the write is committed
        read.close()
        with writer.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM t")
            assert cursor.fetchone()[0] == 1001
    finally:
        handler.close_all()
        django_db_blocker.restore()
