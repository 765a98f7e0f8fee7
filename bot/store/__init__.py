"""The bot's persistent state in one SQLite file."""
