"""The command line: `summarize`, `extract`, `run` (the Discord bot), `worker` (its digest worker) and `check`.

It only gathers input and renders output; the work is done by `bot.digest.pipeline`.
The pipeline and its libraries are imported only by the commands that need them,
so `--help`, `--version` and argument errors answer at once.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from typing import TYPE_CHECKING, Any, Coroutine, Sequence
from urllib.parse import urlsplit

from bot.cli.log_setup import configure_logging, error_line
from bot.digest.front_rules import SENTENCE_RANGE, input_byte_limit, link_request, sentence_count_problem
from bot.settings import Settings, SettingsError, load_settings, with_overrides

if TYPE_CHECKING:
    from bot.digest.models import Digest
    from bot.digest.pipeline import DigestOptions

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
SOURCE_HELP = "an http(s) link (a web page or a PDF), an .html/.htm/.txt/.md/.pdf file, or - (standard input; a link piped in is fetched)"
# The module whose ERROR records end each long-running command (printed as `error: ...` without -v).
FATAL_LOGGERS = {"run": ("bot.discord_app.runner",), "worker": ("bot.workers.worker",)}
URL_HELP = ("the address a saved file or standard input came from, for its title, date and page type "
            "(default: the address in a browser's \"saved from url\" comment, else the page's own canonical link; one SOURCE only)")


class _VersionAction(argparse.Action):
    """--version, looked up only when asked (reading the package metadata takes a tenth of a second)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            number = version("article-digest-bot")
        except PackageNotFoundError:  # run from a source tree that was never installed
            number = "unknown"
        print(f"{parser.prog} (article-digest-bot) {number}")
        parser.exit()


def _sentence_count(value: str) -> int:
    try:
        count = int(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from exc
    if problem := sentence_count_problem(count):
        raise argparse.ArgumentTypeError(problem)
    return count


def _page_address(value: str) -> str:
    """--url: an http(s) address with a host, as a link in a message would be."""
    address = value.strip()
    parts = urlsplit(address)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"{value!r} is not an http:// or https:// address")
    return address


def _common_options(defaults: bool) -> argparse.ArgumentParser:
    """--config and -v, accepted before or after the command word.

    The copy on each command has no defaults, so it never overwrites what was given before the command.
    """
    common = argparse.ArgumentParser(add_help=False)
    default = None if defaults else argparse.SUPPRESS
    common.add_argument("--config", metavar="PATH", default=default, help="read settings from this config.toml (default: built-in defaults)")
    common.add_argument("-v", "--verbose", action="store_true", default=False if defaults else argparse.SUPPRESS,
                        help="log progress to standard error")
    return common


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bot", description="Digest articles offline, or run the Discord bot.", parents=[_common_options(True)]
    )
    parser.add_argument("--version", action=_VersionAction)
    common = [_common_options(False)]
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    summarize = commands.add_parser("summarize", parents=common, help="digest links, files or - (standard input)",
                                    description="Print the digest of each SOURCE: title, summary, key figures and hedged claims.")
    summarize.add_argument("sources", nargs="+", metavar="SOURCE", help=SOURCE_HELP)
    summarize.add_argument("--sentences", metavar="N", type=_sentence_count,
                           help=f"summary length, from {SENTENCE_RANGE} sentences (default: 3 to 5, by the article's length)")
    summarize.add_argument("--lang", metavar="CODE", help="language code, e.g. en, de (default: detected)")
    summarize.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                           help="text for reading (default), markdown, or json: one object a line")
    summarize.add_argument("--url", metavar="URL", type=_page_address, help=URL_HELP)

    extract = commands.add_parser("extract", parents=common, help="print the cleaned article (title and body) only",
                                  description="Print the title and cleaned body of each SOURCE, without digesting it.")
    extract.add_argument("sources", nargs="+", metavar="SOURCE", help=SOURCE_HELP)
    extract.add_argument("--lang", metavar="CODE", help="language code (default: detected)")
    extract.add_argument("--format", choices=("text", "json"), default="text", help="text (default), or json: one object a line")
    extract.add_argument("--url", metavar="URL", type=_page_address, help=URL_HELP)

    run = commands.add_parser("run", parents=common, help="start the Discord bot",
                              description="Run the Discord bot until SIGINT or SIGTERM (see docs/DISCORD.md).")
    run.add_argument("--shard-count", metavar="N", help="shards of the whole bot (default: [discord] shard_count, else Discord's recommendation)")
    run.add_argument("--shard-ids", metavar="IDS", help="this process's shards, e.g. 0,1 (default: [discord] shard_ids, else all)")
    commands.add_parser("worker", parents=common, help="run digest jobs for bots in queue mode",
                        description="Take digest jobs from the queue on [redis] url (the bots' [workers] mode = \"queue\") "
                                    "until SIGINT or SIGTERM; start as many as you like, on any machine (docs/SCALING.md).")
    commands.add_parser("check", parents=common, help="check the bot's config, store and Discord API, then exit",
                        description="Validate the config, open the store and reach the Discord API base; "
                                    "exit 0 when all is well, else 1 with the reason (a health check for a service).")
    return parser


def source_label(source: str) -> str:
    return "standard input" if source == "-" else source


# The fetch guard's refusals of a loopback or private address (bot/digest/fetch/address_guard.py:Verdict.message).
REFUSED_OWN_NETWORK = ("Refused: that link leads to a loopback address", "Refused: that link leads to a private address")
ALLOW_HINT = (" To read pages of a server on your own machine or network, list its addresses in [fetch] allowed_networks"
              ' of a --config file (e.g. ["127.0.0.0/8"]).')


def error_hint(error: str) -> str:
    """What the command line's user can do about `error`, or "": a newcomer trying the command line on a server of
    their own was told "the bot only fetches public web addresses", with no word of the setting (the bot's users,
    who cannot change it, are not told)."""
    return ALLOW_HINT if error.startswith(REFUSED_OWN_NETWORK) else ""


def url_problem(sources: Sequence[str], url: str | None) -> str | None:
    """Why --url cannot go with these sources, or None: it names the address of one saved page."""
    if url is None:
        return None
    if len(sources) != 1:
        return "--url names the address of one source; give a single SOURCE with it"
    if link_request(sources[0]):
        return "--url is for a saved file or standard input; a link is read from its own address"
    return None


def language_problem(code: str | None) -> str | None:
    """Why --lang cannot be used, or None: checked once before any source, so `extract` (which leaves an
    unusable language unknown) does not pass it over in silence and `summarize` does not repeat it per source."""
    if not code:
        return None
    from bot.digest.language.language_detector import detect_language
    from bot.digest.models import DigestError

    try:
        detect_language("", code)
    except DigestError as exc:
        return f"--lang: {exc}".rstrip(".")
    return None


async def _process(command: str, sources: Sequence[str], settings: Settings, options: DigestOptions,
                   url: str | None = None) -> list[Digest]:
    """Digest each source in input order; one failure never stops the others.

    `url`: the address a file or standard input was saved from (a fetched page keeps its own)."""
    from bot.digest.models import Digest, DigestError
    from bot.digest.pipeline import digest_document, extract_document
    from bot.digest.sources import load_source

    results: list[Digest] = []
    work = extract_document if command == "extract" else digest_document
    for source in sources:
        started = time.perf_counter()
        try:
            document = await load_source(source, settings.fetch, input_byte_limit(settings.digest), url)
        except DigestError as exc:
            results.append(Digest(source=source, error=str(exc)))
            log.info("%s: %s", source_label(source), exc)
            continue
        log.info("%s: read %s (%d characters)", source_label(source), document.kind, len(document.text))
        digest = work(document, settings.digest, options)
        log.info("%s: %s in %.0f ms", source_label(source), "failed" if digest.error else "done",
                 (time.perf_counter() - started) * 1000)
        results.append(digest)
    return results


def _run_without_loop(work: Coroutine[Any, Any, list[Digest]]) -> list[Digest]:
    """`_process` over local files only: reading a file never waits, so the coroutine runs to its end
    at the first step, with no event loop."""
    try:
        work.send(None)
    except StopIteration as finished:
        return finished.value  # type: ignore[no-any-return]
    work.close()
    raise RuntimeError("reading a local file waited on the event loop")


def _emit(command: str, fmt: str, digests: Sequence[Digest], settings: Settings) -> None:
    """Digests on standard output; each failure once, on standard error (in JSON, in its object)."""
    from bot.cli.render import render_extract, render_markdown, render_text

    shown = 0
    for digest in digests:
        if fmt == "json":
            sys.stdout.write(json.dumps(digest.to_json(), ensure_ascii=False) + "\n")
            continue
        if digest.error:
            sys.stdout.flush()
            print(f"error: {source_label(digest.source)}: {digest.error}{error_hint(digest.error)}", file=sys.stderr)
            continue
        if shown:
            sys.stdout.write("\n" + "=" * 72 + "\n\n")
        shown += 1
        if command == "extract":
            sys.stdout.write(render_extract(digest))
        elif fmt == "markdown":
            sys.stdout.write(render_markdown(digest, settings.digest))
        else:
            sys.stdout.write(render_text(digest, settings.digest))
        sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        settings = load_settings(args.config)
        shard_options = {key: value for key in ("shard_count", "shard_ids") if (value := getattr(args, key, None)) is not None}
        if shard_options:
            settings = with_overrides(settings, "discord", shard_options)
    except SettingsError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    configure_logging(settings.logging, args.verbose, FATAL_LOGGERS.get(args.command, ()))
    try:
        return _run_command(args, settings)
    except Exception as exc:  # noqa: BLE001 - a bug: one line, its traceback with -v
        if args.verbose:
            log.exception("%s stopped on an unexpected error", args.command)
        print(error_line(f"{args.command} stopped on an unexpected error", exc, args.verbose), file=sys.stderr)
        return EXIT_FAILED


# `summarize -` typed in a terminal waited for input without a word: a newcomer took it for a hang.
STDIN_PROMPT = "Reading standard input: paste the text or a link, then press Ctrl-D (Ctrl-Z and Enter on Windows)."


def _is_terminal(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # replaced or closed standard input
        return False


def _run_command(args: argparse.Namespace, settings: Settings) -> int:
    if args.command == "run":
        from bot.discord_app.runner import run_bot  # imported here: the digest commands never load discord

        return run_bot(settings)
    if args.command == "worker":
        from bot.workers.worker import run_worker  # saq and redis are loaded by this command only

        return run_worker(settings)
    if args.command == "check":
        from bot.discord_app.health import check_service

        return check_service(settings)
    if problem := url_problem(args.sources, args.url) or language_problem(args.lang):
        print(f"error: {problem}.", file=sys.stderr)
        return EXIT_USAGE
    from bot.digest.pipeline import DigestOptions

    options = DigestOptions(sentences=getattr(args, "sentences", None), language=args.lang)
    if "-" in args.sources and _is_terminal(sys.stdin):
        print(STDIN_PROMPT, file=sys.stderr)
    work = _process(args.command, args.sources, settings, options, args.url)
    if any(source == "-" or link_request(source) for source in args.sources):
        import asyncio  # only a fetch needs the event loop (importing asyncio costs 20 to 40 ms)

        digests = asyncio.run(work)
    else:
        digests = _run_without_loop(work)
    _emit(args.command, args.format, digests, settings)
    return EXIT_FAILED if any(d.error for d in digests) else EXIT_OK
