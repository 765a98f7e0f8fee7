"""Repack the installed langdetect's 55 profiles into the compact table the pipeline loads.

    python -m bench.build_language_profiles [--out PATH] [--check]

Nothing is learned: the table holds langdetect's own n-gram counts (see
`bot/digest/language/profile_table.py`). `--check` rebuilds it in memory and fails if the
shipped file differs (after a langdetect upgrade, for instance).
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from langdetect.detector_factory import PROFILES_DIRECTORY

from bot.digest.language.profile_table import PROFILE_FILE, read_langdetect_profiles, table_envelope
from bench.fitting import write_or_check
from bot.digest.model_files import package_model_path, sha256_of_files


def build(directory: Path) -> dict[str, object]:
    import langdetect

    profiles = read_langdetect_profiles(directory)
    files = sorted(path for path in Path(directory).iterdir() if path.is_file() and not path.name.startswith("."))
    version = getattr(langdetect, "__version__", None) or _installed_version()
    source = f"langdetect {version}: its {len(profiles)} profiles (n-gram counts), repacked; nothing trained"
    return table_envelope(profiles, source, sha256_of_files(files))


def _installed_version() -> str:
    from importlib.metadata import version

    return version("langdetect")


def main(argv: list[str] | None = None) -> int:
    default_out = package_model_path("bot.digest.language", PROFILE_FILE)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profiles", type=Path, default=Path(PROFILES_DIRECTORY), help="langdetect's profile folder")
    parser.add_argument("--out", type=Path, default=default_out, help=f"where to write the table (default: {default_out})")
    parser.add_argument("--check", action="store_true", help="rebuild in memory and fail if the shipped file differs")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    envelope = build(args.profiles)
    return write_or_check(args.out, envelope, args.check)


if __name__ == "__main__":
    raise SystemExit(main())
