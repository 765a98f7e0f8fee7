"""Digest workers on any machine: the job queue on Redis (saq) between the bot and `python -m bot worker`.

`jobs` is what both sides agree on, `queue_client` is the bot's side (a drop-in for the
local process pool), `worker` is the worker process. saq and redis are imported only here,
and only in queue mode: the default bot runs with nothing but Python.
"""
