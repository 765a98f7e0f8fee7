"""Logging for both commands: a level and a format from `[logging]`, `-v` for INFO, to standard error."""

from __future__ import annotations

import json
import logging
import sys

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


def configure_logging(settings: LoggingSettings, verbose: bool = False) -> None:
    """Send log records to standard error at the configured level (INFO at least with `-v`)."""
    level = logging.getLevelName(settings.level.upper())
    if verbose:
        level = min(level, logging.INFO)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonLinesFormatter() if settings.format == "json" else logging.Formatter(TEXT_FORMAT))
    root = logging.getLogger()
    for old in root.handlers[:]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in CHATTY_LIBRARIES:
        logging.getLogger(name).setLevel(logging.NOTSET if level <= logging.DEBUG else logging.ERROR)
    logging.captureWarnings(True)  # Python warnings go through the same handler and format
