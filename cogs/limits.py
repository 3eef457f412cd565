"""Discord's message limits, one validator for them, and safe shortening and escaping of text."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote

import discord

from digests.models import Source
from digests.news.wording import day

CONTENT = 2000
EMBED_TITLE = 256
EMBED_DESCRIPTION = 4096
EMBED_FIELDS = 25
FIELD_NAME = 256
FIELD_VALUE = 1024
FOOTER = 2048
AUTHOR = 256
EMBED_TOTAL = 6000
EMBEDS_PER_MESSAGE = 10

ELLIPSIS = "…"


@dataclass(frozen=True)
class Payload:
    """One message to send: content, embeds and who it may ping (nobody by default)."""

    content: str | None
    embeds: tuple[discord.Embed, ...] = ()
    allowed_mentions: discord.AllowedMentions = field(default_factory=discord.AllowedMentions.none)


def embed_size(embed: discord.Embed) -> int:
    """Characters Discord counts towards the 6,000 per message."""
    return len(embed)


def violations(payload: Payload) -> list[str]:
    """Every way the payload breaks Discord's limits; empty when it may be sent."""
    found: list[str] = []
    content = payload.content or ""
    if not content and not payload.embeds:
        found.append("message is empty")
    if len(content) > CONTENT:
        found.append(f"content has {len(content)} characters, over {CONTENT}")
    if len(payload.embeds) > EMBEDS_PER_MESSAGE:
        found.append(f"{len(payload.embeds)} embeds, over {EMBEDS_PER_MESSAGE}")
    total = sum(embed_size(e) for e in payload.embeds)
    if total > EMBED_TOTAL:
        found.append(f"embeds have {total} characters in all, over {EMBED_TOTAL}")
    for number, embed in enumerate(payload.embeds, start=1):
        found += [f"embed {number}: {problem}" for problem in _embed_violations(embed)]
    return found


def _embed_violations(embed: discord.Embed) -> list[str]:
    parts = [("title", embed.title, EMBED_TITLE), ("description", embed.description, EMBED_DESCRIPTION),
             ("footer", embed.footer.text, FOOTER), ("author", embed.author.name, AUTHOR)]
    for number, f in enumerate(embed.fields, start=1):
        parts += [(f"field {number} name", f.name, FIELD_NAME),
                  (f"field {number} value", f.value, FIELD_VALUE)]
    found = [f"{name} has {len(text)} characters, over {limit}"
             for name, text, limit in parts if text and len(text) > limit]
    if len(embed.fields) > EMBED_FIELDS:
        found.append(f"{len(embed.fields)} fields, over {EMBED_FIELDS}")
    return found


def check(payload: Payload) -> Payload:
    """The payload itself when it is within limits; otherwise ValueError naming each problem."""
    problems = violations(payload)
    if problems:
        raise ValueError("payload breaks Discord limits: " + "; ".join(problems))
    return payload


# Spans that must never be cut: escapes, masked links, bare URLs, inline code.
_ATOM = re.compile(r"\\.|\[[^\]\n]*\]\([^)\s]*\)|<?https?://\S+|`[^`\n]*`", re.DOTALL)
_MARKERS = ("**", "~~", "||", "*", "_", "`")


def fit(text: str, limit: int) -> str:
    """Text cut to `limit` at a word boundary with "…", never inside a link, URL, escape or markup."""
    if len(text) <= limit:
        return text
    for cut in sorted(_cut_points(text), reverse=True):
        head = text[:cut].rstrip()
        if head and len(head) + len(ELLIPSIS) <= limit and _balanced(head):
            return head + ELLIPSIS
    return ELLIPSIS[:limit]


def _cut_points(text: str) -> set[int]:
    protected = [m.span() for m in _ATOM.finditer(text)]
    spaces = {m.start() for m in re.finditer(r"\s", text)}
    return {p for p in spaces if not any(start < p < end for start, end in protected)}


def _balanced(text: str) -> bool:
    """Whether each markdown marker outside escapes and atoms opens and closes in pairs."""
    bare = _ATOM.sub(_code_or_blank, text)
    if bare.count("`") % 2:
        return False
    for marker in _MARKERS[:-1]:
        if bare.count(marker) % 2:
            return False
        bare = bare.replace(marker, "")
    return True


def _code_or_blank(match: re.Match[str]) -> str:
    return "" if match.group(0).startswith(("\\", "`")) or "](" in match.group(0) else " "


_LINE_START = re.compile(r"^(\s*)(#{1,3}\s|-#\s|[-+]\s|\d+[.)]\s)", re.MULTILINE)
# Bare URLs are kept whole (an escape inside one would break it); elsewhere every markdown
# character is escaped. discord.utils.escape_markdown is not enough: it takes text between two
# masked links for one link and leaves its markdown, and the second link, live.
_MARKDOWN = re.compile(r"(https?://[^\s<>\[\]()]+)|([\\*_~|`>\[\]])")
# Mentions of members, roles and channels (<@1>, <@!1>, <@&1>, <#1>), and of slash commands
# and custom emoji (</name:1>, <:name:1>, <a:name:1>), which render as clickable chips.
_PING = re.compile(r"@(everyone|here)|<(?=[@#/:]|a:)")


def escape(text: str) -> str:
    """Feed text made inert: no markdown, no links, no headings or lists, and no mentions."""
    text = _MARKDOWN.sub(lambda m: m.group(1) or "\\" + m.group(2), text)
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _PING.sub(lambda m: f"@\u200b{m.group(1)}" if m.group(1) else "<\u200b", text)


_LINK_BREAKERS = re.compile(r"[\[\]()<>]")
CITED_FEED_CHARS = 80


def cite(source: Source) -> str:
    """ "[Kyiv Wire, Wed 2 Mar 2022](url)": the link only for http(s) URLs, made safe for markdown
    (no brackets in the label, none unencoded in the URL)."""
    name = _LINK_BREAKERS.sub("", source.feed_name)
    label = f"{fit(escape(name), CITED_FEED_CHARS)}, {day(source.published_at)}"
    url = source.url or ""
    if not url.lower().startswith(("https://", "http://")):
        return label
    return f"[{label}]({quote(url, safe=':/?#&=%~+,;@!$*')})"
