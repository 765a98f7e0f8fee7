"""Measure the product: run `python -m bot summarize|extract --format json` on files and read its JSON.

Every quality figure is taken from what the command line prints, through the
same pipeline the bot calls, never from a benchmark-only entry point. The
documents are written to files, the command runs on them in batches (a few
processes at once), and the JSON objects come back in input order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

REPOSITORY = Path(__file__).resolve().parent.parent


def write_documents(folder: Path, documents: Iterable[tuple[str, str, str]]) -> list[Path]:
    """Write (name, suffix, text) documents as UTF-8 files in `folder`; return their paths in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, suffix, text in documents:
        path = folder / f"{name}{suffix}"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


def _run_batch(
    command: str, sources: Sequence[str], options: Sequence[str], config: Path | None = None, repository: Path = REPOSITORY
) -> list[dict[str, Any]]:
    before = ["--config", str(config)] if config is not None else []
    argv = [sys.executable, "-m", "bot", *before, command, "--format", "json", *options, "--", *sources]
    env = dict(os.environ, PYTHONPATH=str(repository) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    done = subprocess.run(argv, capture_output=True, text=True, cwd=repository, env=env, check=False)
    results = [json.loads(line) for line in done.stdout.split("\n") if line.strip()]
    if len(results) != len(sources):
        raise RuntimeError(
            f"`python -m bot {command}` printed {len(results)} results for {len(sources)} sources "
            f"(exit {done.returncode}): {done.stderr[-2000:]}"
        )
    return results


def run_cli(
    command: str,
    sources: Sequence[str | Path],
    options: Sequence[str] = (),
    batch: int = 100,
    jobs: int = 2,
    config: Path | None = None,
    repository: Path = REPOSITORY,
) -> list[dict[str, Any]]:
    """One JSON object per source, in input order, from `python -m bot [--config CONFIG] COMMAND --format json OPTIONS SOURCES`.

    `config` is a config file for the command line (read before the command, as `--config` must be);
    `repository` the checkout whose code runs (another commit's, to compare with).
    """
    names = [str(source) for source in sources]
    batches = [names[i : i + batch] for i in range(0, len(names), batch)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        parts = list(pool.map(lambda part: _run_batch(command, part, options, config, repository), batches))
    return [result for part in parts for result in part]


def run_cli_each(
    command: str,
    sources: Sequence[str | Path],
    options: Sequence[Sequence[str]],
    jobs: int = 2,
    config: Path | None = None,
    repository: Path = REPOSITORY,
) -> list[dict[str, Any]]:
    """One JSON object per source, in input order, each from its own process with its own options.

    For options that name one source only, such as `--url` (the address of a saved page): the
    command line refuses it with several sources, so each page costs a process start (about 0.6 s of CPU).
    """
    if len(options) != len(sources):
        raise ValueError(f"{len(options)} option lists for {len(sources)} sources")
    work = [(str(source), list(extra)) for source, extra in zip(sources, options)]
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        parts = list(pool.map(lambda item: _run_batch(command, [item[0]], item[1], config, repository), work))
    return [part[0] for part in parts]
