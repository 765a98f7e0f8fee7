"""Another checkout's `bot` package in this process, beside the one already imported.

Speed comparisons against a git revision (`bench.speed --against`, `bench.hedges --speed-against`)
time both versions in one process, rounds alternating, so load on a shared machine hits both alike.
"""

from __future__ import annotations

import contextlib
import importlib
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Callable, Iterator, TypeVar

T = TypeVar("T")


def export_bot(repository: Path, revision: str, destination: Path | str) -> None:
    """Write the `bot` package of `revision` in the git `repository` into `destination` (git archive, untarred)."""
    archive = subprocess.run(["git", "-C", str(repository), "archive", revision, "bot"], check=True, capture_output=True).stdout
    subprocess.run(["tar", "-x", "-C", str(destination)], input=archive, check=True)


def _bot_modules() -> list[str]:
    return [name for name in sys.modules if name == "bot" or name.startswith("bot.")]


def from_checkout(code_root: Path, module: str, prepare: Callable[[ModuleType], T]) -> T:
    """`prepare(module)` with `module` imported afresh from `code_root`'s `bot` package.

    The package already imported is set aside and put back afterwards, so both stay usable, each
    with its own caches. `prepare` runs while the other package is in place: whatever it loads
    lazily (models, word lists) must be loaded there, not on first use."""
    saved = {name: sys.modules.pop(name) for name in _bot_modules()}
    sys.path.insert(0, str(code_root))
    try:
        loaded = importlib.import_module(module)
        if not Path(loaded.__file__ or "").is_relative_to(code_root):
            raise RuntimeError(f"bot was not imported from {code_root}")
        return prepare(loaded)
    finally:
        sys.path.remove(str(code_root))
        for name in _bot_modules():
            del sys.modules[name]
        sys.modules.update(saved)


def own_bot_modules() -> dict[str, ModuleType]:
    """The `bot` package's modules now in `sys.modules` (call inside `prepare`: that checkout's)."""
    return {name: sys.modules[name] for name in _bot_modules()}


@contextlib.contextmanager
def modules_in_place(own: dict[str, ModuleType]) -> Iterator[None]:
    """`own` (from `own_bot_modules`) in `sys.modules` for the block, what stood there put back after:
    a lazy import inside a prepared checkout's call finds that checkout's modules."""
    current = {name: sys.modules.get(name) for name in own}
    sys.modules.update(own)
    try:
        yield
    finally:
        for name, module in current.items():
            if module is None:
                del sys.modules[name]
            else:
                sys.modules[name] = module
