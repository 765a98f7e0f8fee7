"""A test-only slow-down of the pipeline inside `python -m bot worker` processes (their `sitecustomize`).

`Workers.start(slow_seconds=...)` (tests/helpers/worker_processes.py) copies this file as
`sitecustomize.py` into a folder first on the worker's PYTHONPATH, with SLOW_DIGEST_LOG set: every process of that worker (its pool's too) then digests a document
containing SLOW_DIGEST_MARKER only after sleeping SLOW_DIGEST_SECONDS, and logs "start PID"
and "finish PID" lines to SLOW_DIGEST_LOG, so a test can see which process ran a job and how often.
Nothing in the bot knows of it.
"""

import os

SLOW_DIGEST_MARKER = "SLOW-DIGEST-FOR-TESTS"

if os.environ.get("SLOW_DIGEST_LOG"):
    import functools
    import time

    import bot.digest.pipeline as _pipeline

    _real_digest_document = _pipeline.digest_document

    def _note(event: str) -> None:
        with open(os.environ["SLOW_DIGEST_LOG"], "a", encoding="utf-8") as log:
            log.write(f"{event} {os.getpid()}\n")

    @functools.wraps(_real_digest_document)  # jobs decode their input by the wrapped function's annotations
    def slow_digest_document(document, *args, **kwargs):  # type: ignore[no-untyped-def]
        slow = SLOW_DIGEST_MARKER in document.text
        if slow:
            _note("start")
            time.sleep(float(os.environ.get("SLOW_DIGEST_SECONDS", "5")))
        digest = _real_digest_document(document, *args, **kwargs)
        if slow:
            _note("finish")
        return digest

    _pipeline.digest_document = slow_digest_document
