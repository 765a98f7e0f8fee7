"""The Discord front: one Bot subclass, two cogs, and the helpers they share.

It adds Discord and nothing else to the digest pipeline in `bot.digest`.
"""
