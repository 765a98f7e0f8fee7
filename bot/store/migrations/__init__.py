"""Numbered SQL files (`0001_initial.sql`, ...) that build the store's schema; see bot/store/schema.py."""
