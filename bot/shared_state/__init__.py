"""State that several bot processes share when `[redis] url` is set, and keep in-process when it is not.

One idea a module, each with an in-process and a Redis version behind one Protocol:
`cache.py` (digests by canonical URL), `limits.py` (sliding-window cooldowns and rate
limits), `answered.py` (which triggers got their one reply). `factory.py` picks them from
the settings; redis-py is imported only there, and only when a URL is set.
"""

KEY_PREFIX = "digest-bot:"  # every key this project writes to Redis starts with it
