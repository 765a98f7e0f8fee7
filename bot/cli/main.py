"""The command line: `summarize`, `extract` and `run` (the Discord bot).

It only gathers input and renders output; the work is done by `bot.digest.pipeline`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from typing import Sequence

from bot.cli.render import render_extract, render_markdown, render_text
from bot.digest.models import Digest, DigestError
from bot.digest.pipeline import DigestOptions, digest_document, extract_document
from bot.digest.sources import load_source
from bot.settings import Settings, SettingsError, load_settings

log = logging.getLogger(__name__)


def _sentence_count(value: str) -> int:
    count = int(value)
    if not 1 <= count <= 20:
        raise argparse.ArgumentTypeError("must be between 1 and 20")
    return count


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Digest articles offline, or run the Discord bot.")
    parser.add_argument("--config", help="path to config.toml (default: none, built-in defaults)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress to standard error")
    commands = parser.add_subparsers(dest="command", required=True)

    summarize = commands.add_parser("summarize", help="digest links, files or - (standard input)")
    summarize.add_argument("sources", nargs="+", metavar="SOURCE", help="an http(s) link, an .html/.htm/.txt/.md file, or -")
    summarize.add_argument("--sentences", type=_sentence_count, help="summary length (default: 3 to 5, by length)")
    summarize.add_argument("--lang", help="language code, e.g. en, de (default: detected)")
    summarize.add_argument("--format", choices=("text", "markdown", "json"), default="text")

    extract = commands.add_parser("extract", help="print the cleaned article (title and body) only")
    extract.add_argument("sources", nargs="+", metavar="SOURCE")
    extract.add_argument("--lang", help="language code (default: detected)")
    extract.add_argument("--format", choices=("text", "json"), default="text")

    run = commands.add_parser("run", help="start the Discord bot")
    run.add_argument("--config", dest="run_config", help="path to config.toml")
    return parser


async def _process(command: str, sources: Sequence[str], settings: Settings, options: DigestOptions) -> list[Digest]:
    """Digest each source in input order; one failure never stops the others."""
    results: list[Digest] = []
    work = extract_document if command == "extract" else digest_document
    for source in sources:
        try:
            document = await load_source(source, settings.fetch, settings.digest.max_input_chars * 4)
        except DigestError as exc:
            results.append(Digest(source=source, error=str(exc)))
            continue
        results.append(work(document, settings.digest, options))
    return results


def _emit(command: str, fmt: str, digests: Sequence[Digest]) -> None:
    out = sys.stdout
    for position, digest in enumerate(digests):
        if fmt == "json":
            out.write(json.dumps(digest.to_json(), ensure_ascii=False) + "\n")
            continue
        if position:
            out.write("\n" + "=" * 72 + "\n\n")
        if command == "extract":
            out.write(render_extract(digest))
        elif fmt == "markdown":
            out.write(render_markdown(digest))
        else:
            out.write(render_text(digest))
        out.flush()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    config = getattr(args, "run_config", None) or args.config
    try:
        settings = load_settings(config)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "run":
        from bot.discord_app.runner import run_bot  # imported here: the digest commands never load discord

        return run_bot(settings)
    options = DigestOptions(sentences=getattr(args, "sentences", None), language=args.lang)
    digests = asyncio.run(_process(args.command, args.sources, settings, options))
    _emit(args.command, args.format, digests)
    failed = [d for d in digests if d.error]
    if args.format != "json":
        for digest in failed:
            print(f"error: {digest.source}: {digest.error}", file=sys.stderr)
    return 1 if failed else 0
