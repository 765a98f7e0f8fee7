"""Find what to digest in a Discord message: a link, a text attachment (such as `message.txt`) or pasted text."""

from __future__ import annotations

from pathlib import PurePosixPath
from urllib.parse import urlsplit

import discord

from bot.digest.fetch.fetcher import decode_body
from bot.digest.front_rules import input_byte_limit, link_request, looks_like_address, scheme_problem
from bot.digest.sources import FILE_SUFFIXES, MARKDOWN_SUFFIXES, markdown_to_text, starts_as_pdf
from bot.discord_app.digest_service import DigestRequest
from bot.settings import Settings


MEDIA_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .webp .avif .bmp .svg .ico .tif .tiff .heic "
    ".mp4 .m4v .mov .webm .mkv .avi .wmv .flv .m3u8 .mp3 .m4a .ogg .oga .wav .flac .opus .zip".split()
)
VIDEO_HOSTS = frozenset({"youtube.com", "youtu.be", "vimeo.com", "twitch.tv", "tiktok.com", "gfycat.com", "giphy.com", "tenor.com", "imgur.com"})
DISCORD_HOSTS = frozenset({"discord.com", "discord.gg", "discordapp.com", "discordapp.net", "discord.media", "discord.new", "dis.gd"})


class InputError(Exception):
    """Nothing usable in the message; the text is a one-line answer for the user."""


USAGE = (
    "Send a link, paste an article, or attach a .txt, .md, .html or .pdf file "
    "(a long paste arrives as message.txt) and I'll answer with its digest."
)


def _host_in(host: str, hosts: frozenset[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in hosts)


def link_problem(url: str) -> str | None:
    """Why a link is not an article worth fetching, or None."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return "That is not a valid web address."
    host = parts.hostname or ""
    if _host_in(host, DISCORD_HOSTS):
        return "That is a Discord link, not an article."
    if _host_in(host, VIDEO_HOSTS):
        return "That link is a video or an image, not an article."
    if PurePosixPath(parts.path).suffix.lower() in MEDIA_SUFFIXES:
        return "That link is an image, a video or another file, not an article."
    return None


def address_problem(text: str) -> str | None:
    """Why a text that is only an address is not fetched ("ftp://...", "example.com/news"), or None.

    Such a text was digested as a paste and answered "too short (3 words)"; the command line's rule
    (`front_rules.scheme_problem`, `looks_like_address`) says what to send instead."""
    text = text.strip()
    if not text or any(character.isspace() for character in text):
        return None
    if problem := scheme_problem(text):
        return f"{problem[0].upper()}{problem[1:]}."
    if looks_like_address(text):
        return f"That looks like a web address without its scheme: send <https://{text}>"
    return None


def request_from_text(text: str) -> DigestRequest | None:
    """A link when the text is essentially one link, else the text itself."""
    text = text.strip()
    if not text:
        return None
    if link := link_request(text):
        return DigestRequest(kind="link", value=link, label=link)
    return DigestRequest(kind="text", value=text, label="pasted text")


def _content_type(attachment: discord.Attachment) -> str:
    """The attachment's media type without its parameters ("text/markdown; charset=utf-8" -> "text/markdown")."""
    return (attachment.content_type or "").split(";")[0].strip().lower()


def _attachment_kind(attachment: discord.Attachment) -> str | None:
    suffix = PurePosixPath(attachment.filename).suffix.lower()
    if suffix in FILE_SUFFIXES:
        return FILE_SUFFIXES[suffix]
    content_type = _content_type(attachment)
    if content_type in ("text/plain", "text/markdown"):
        return "text"
    if content_type in ("text/html", "application/xhtml+xml"):
        return "html"
    if content_type == "application/pdf":
        return "pdf"
    return None


def _is_markdown(attachment: discord.Attachment) -> bool:
    return PurePosixPath(attachment.filename).suffix.lower() in MARKDOWN_SUFFIXES or _content_type(attachment) == "text/markdown"


async def request_from_attachments(message: discord.Message, settings: Settings) -> DigestRequest | None:
    """The first text attachment, read; InputError when there are only other files."""
    if not message.attachments:
        return None
    for attachment in message.attachments:
        kind = _attachment_kind(attachment)
        if kind is None:
            continue
        limit = settings.fetch.max_pdf_bytes if kind == "pdf" else input_byte_limit(settings.digest)
        if attachment.size > limit:
            raise InputError(f"{discord.utils.escape_markdown(attachment.filename)} is too large to summarize (over {limit / 1_000_000:g} MB).")
        try:
            data = await attachment.read()
        except discord.HTTPException as exc:
            raise InputError("I could not download that attachment; please send it again.") from exc
        if kind == "pdf" or starts_as_pdf(data):
            return DigestRequest(kind="file", value="", label=attachment.filename, file_kind="pdf", data=data)
        text = decode_body(data, None)
        if _is_markdown(attachment):  # as the command line reads a .md file: the words without their marks
            text = markdown_to_text(text)
        return DigestRequest(kind="file", value=text, label=attachment.filename, file_kind=kind)  # type: ignore[arg-type]
    raise InputError("That attachment is not a text file: attach a .txt, .md, .html or .pdf file, or send a link.")


async def request_from_message(message: discord.Message, settings: Settings, text: str | None = None) -> DigestRequest | None:
    """What to digest in `message`: a link in its text, else a text attachment, else its text.

    `text` replaces the message's content (a command's arguments, without the command word).
    """
    body = message.content if text is None else text
    from_text = request_from_text(body)
    if from_text is not None and from_text.kind == "link":
        return from_text
    from_file = await request_from_attachments(message, settings)
    if from_file is not None:
        return from_file
    if from_text is None and message.embeds:
        # A message that is only a link preview (or another bot's embed): its link.
        for embed in message.embeds:
            if embed.url:
                return DigestRequest(kind="link", value=embed.url, label=embed.url)
    return from_text


async def referenced_message(message: discord.Message) -> discord.Message | None:
    """The message `message` replies to, fetched when Discord did not include it."""
    reference = message.reference
    if reference is None or reference.message_id is None:
        return None
    if isinstance(reference.resolved, discord.Message):
        return reference.resolved
    try:
        return await message.channel.fetch_message(reference.message_id)
    except discord.HTTPException:
        return None
