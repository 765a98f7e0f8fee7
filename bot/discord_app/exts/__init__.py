"""Cogs loaded by `DigestBot.setup_hook`."""
