"""Logging for every command: a level and a format from `[logging]`, `-v` for INFO, to standard error.

A command's fatal error (what ends `run` or `worker`: no token, Redis or the store unreachable,
Discord refusing the token) is logged at ERROR by the command's own module. Without `-v` that
record is printed as the command line's one `error: ...` line, as `check`, `summarize` and
`extract` print theirs; with `-v` (or `[logging] format = "json"`, for a log collector) it stays
a log line like the others.
"""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Collection

from bot.settings import LoggingSettings

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"

# Libraries whose warnings describe their own attempts ("discarding data: None" for a page without
# text), which the digest reports itself in one line; shown only at DEBUG.
CHATTY_LIBRARIES = ("trafilatura", "htmldate", "courlan", "justext")


class JsonLinesFormatter(logging.Formatter):
    """One JSON object a line (time, level, logger, message, and the traceback if any), for log collectors."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S") + f".{int(record.msecs):03d}",
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


class ErrorLineFormatter(logging.Formatter):
    """TEXT_FORMAT, except a fatal record: `error: MESSAGE`, with its exception in one line after it.

    Fatal: logged at ERROR or above by one of `fatal_loggers` (the running command's module; its
    children, which log per-job failures the command survives, are not)."""

    def __init__(self, fatal_loggers: Collection[str]) -> None:
        super().__init__(TEXT_FORMAT)
        self.fatal_loggers = frozenset(fatal_loggers)

    def format(self, record: logging.LogRecord) -> str:
        if record.levelno < logging.ERROR or record.name not in self.fatal_loggers:
            return super().format(record)
        return error_line(record.getMessage(), record.exc_info[1] if record.exc_info else None)


def error_line(message: str, exc: BaseException | None = None, traceback_shown: bool = False) -> str:
    """`error: MESSAGE`, or `error: MESSAGE: ExceptionType: what it says` (one line, with where the traceback is)."""
    if exc is None:
        return f"error: {message}"
    detail = " ".join(str(exc).split())
    where = "" if traceback_shown else " (-v shows the traceback)"
    return f"error: {message}: {type(exc).__name__}{': ' + detail if detail else ''}{where}"


def configure_logging(settings: LoggingSettings, verbose: bool = False, fatal_loggers: Collection[str] = ()) -> None:
    """Send log records to standard error at the configured level (INFO at least with `-v`).

    `fatal_loggers`: the modules whose ERROR records end the command, printed as `error: ...` without `-v`."""
    level = logging.getLevelName(settings.level.upper())
    if verbose:
        level = min(level, logging.INFO)
    handler = logging.StreamHandler(sys.stderr)
    if settings.format == "json":
        handler.setFormatter(JsonLinesFormatter())
    elif verbose:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    else:
        handler.setFormatter(ErrorLineFormatter(fatal_loggers))
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.NOTSET if level <= logging.DEBUG else logging.ERROR)
    logging.captureWarnings(True)  # Python warnings go through the same handler and format
