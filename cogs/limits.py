"""Discord's message limits, one validator for them, and safe shortening and escaping of text.

Renderers never fail on what they are given: `fit_embed` brings one embed within every limit of
an embed (shrinking its longest texts first, dropping links Discord would refuse) and
`split_message` packs embeds into as many messages as the limits need. `check` then validates
the result, so a payload that breaks a limit is a bug in this module, not a hostile feed.

Every text function here costs time in proportion to its input, never more: `fit` is one pass,
and `inert` reads only as much of an outside text as its limit can show.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, cast
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
URL = 2048  # embed url, author url and icon, footer icon, image and thumbnail, links in text

ELLIPSIS = "…"
BLANK_FIELD = "—"  # Discord refuses an empty field name or value


@dataclass(frozen=True)
class Payload:
    """One message to send: content, embeds and who it may ping (nobody by default)."""

    content: str | None
    embeds: tuple[discord.Embed, ...] = ()
    allowed_mentions: discord.AllowedMentions = field(default_factory=discord.AllowedMentions.none)


def embed_size(embed: discord.Embed) -> int:
    """Characters Discord counts towards the 6,000 per message."""
    return len(embed)


# The validator -------------------------------------------------------------------------------

def violations(payload: Payload) -> list[str]:
    """Every way the payload breaks Discord's limits; empty when it may be sent."""
    found: list[str] = []
    content = payload.content or ""
    if not content and not payload.embeds:
        found.append("message is empty")
    if len(content) > CONTENT:
        found.append(f"content has {len(content)} characters, over {CONTENT}")
    found += [f"content: {problem}" for problem in _link_violations(content)]
    if len(payload.embeds) > EMBEDS_PER_MESSAGE:
        found.append(f"{len(payload.embeds)} embeds, over {EMBEDS_PER_MESSAGE}")
    total = sum(embed_size(e) for e in payload.embeds)
    if total > EMBED_TOTAL:
        found.append(f"embeds have {total} characters in all, over {EMBED_TOTAL}")
    for number, embed in enumerate(payload.embeds, start=1):
        found += [f"embed {number}: {problem}" for problem in _embed_violations(embed)]
    return found


def _embed_violations(embed: discord.Embed) -> list[str]:
    data = _as_dict(embed)
    parts = _text_parts(data)
    found = [f"{name} has {len(text)} characters, over {limit}"
             for name, text, limit, _ in parts if len(text) > limit]
    found += [f"{name} is empty" for name, text, _, _ in parts if name.startswith("field") and not text]
    found += [f"{name}: {problem}" for name, text, limit, markdown in parts if markdown and len(text) <= limit
              for problem in _link_violations(text)]  # a text over its limit is a violation already
    if len(embed.fields) > EMBED_FIELDS:
        found.append(f"{len(embed.fields)} fields, over {EMBED_FIELDS}")
    if embed_size(embed) > EMBED_TOTAL:
        found.append(f"{embed_size(embed)} characters in all, over {EMBED_TOTAL}")
    found += [f"{name} is not a link Discord accepts ({len(url)} characters)"
              for name, url, attachment in _urls(data) if not acceptable_url(url, attachment)]
    return found


def _as_dict(embed: discord.Embed) -> dict[str, Any]:
    return cast(dict[str, Any], embed.to_dict())


def _text_parts(data: dict[str, Any]) -> list[tuple[str, str, int, bool]]:
    """(name, text, limit, whether Discord renders its markdown) of each text of an embed."""
    parts = [("title", data.get("title") or "", EMBED_TITLE, False),
             ("description", data.get("description") or "", EMBED_DESCRIPTION, True),
             ("footer", (data.get("footer") or {}).get("text") or "", FOOTER, False),
             ("author", (data.get("author") or {}).get("name") or "", AUTHOR, False)]
    for number, one in enumerate(data.get("fields") or [], start=1):
        parts += [(f"field {number} name", one.get("name") or "", FIELD_NAME, False),
                  (f"field {number} value", one.get("value") or "", FIELD_VALUE, True)]
    return parts


def _urls(data: dict[str, Any]) -> list[tuple[str, str, bool]]:
    """(name, url, whether an attachment:// reference is allowed) of each link of an embed."""
    found = [("url", data.get("url"), False),
             ("author url", (data.get("author") or {}).get("url"), False),
             ("author icon", (data.get("author") or {}).get("icon_url"), True),
             ("footer icon", (data.get("footer") or {}).get("icon_url"), True),
             ("image", (data.get("image") or {}).get("url"), True),
             ("thumbnail", (data.get("thumbnail") or {}).get("url"), True)]
    return [(name, str(url), attachment) for name, url, attachment in found if url is not None]


_WEB_URL = re.compile(r"https?://[^\s\x00-\x1f\x7f]+", re.IGNORECASE)


def acceptable_url(url: str, attachment: bool = False) -> bool:
    """Whether Discord takes `url` as an embed's link: http(s), no spaces, at most 2,048
    characters (or, for images and icons, a file attached to the message)."""
    if len(url) > URL:
        return False
    if attachment and url.startswith("attachment://"):
        return True
    return _WEB_URL.fullmatch(url) is not None


def _link_violations(text: str) -> list[str]:
    return [f"a link of {len(m.group('target'))} characters, over {URL}"
            for m in _long_links(text, len(text))]


def check(payload: Payload) -> Payload:
    """The payload itself when it is within limits; otherwise ValueError naming each problem."""
    problems = violations(payload)
    if problems:
        raise ValueError("payload breaks Discord limits: " + "; ".join(problems))
    return payload


# Shrinking and splitting ---------------------------------------------------------------------

def fit_embed(embed: discord.Embed) -> discord.Embed:
    """The embed within every limit of one embed: each text cut to its own limit, then the
    longest texts cut until all fit in 6,000 characters; at most 25 fields; links Discord
    would refuse dropped (a masked link in text keeps its label)."""
    if not _embed_violations(embed):
        return embed
    data = _as_dict(embed)
    for name, url, attachment in _urls(data):
        if not acceptable_url(url, attachment):
            _drop_url(data, name)
    if "fields" in data:
        data["fields"] = data["fields"][:EMBED_FIELDS]
    texts = list(_settable_texts(data))
    for container, key, limit, markdown in texts:
        text = _unlink_long(container[key], limit) if markdown else container[key]
        container[key] = fit(text, limit)
    share = _fair_share([len(c[k]) for c, k, _, _ in texts], EMBED_TOTAL)
    for container, key, _, _ in texts:
        container[key] = fit(container[key], share)
    for one in data.get("fields") or []:
        one["name"] = one.get("name") or BLANK_FIELD
        one["value"] = one.get("value") or BLANK_FIELD
    return discord.Embed.from_dict(data)


def _settable_texts(data: dict[str, Any]) -> Iterator[tuple[dict[str, Any], str, int, bool]]:
    """(container, key, limit, markdown) of each text of an embed's dict, to cut in place."""
    for key, limit in (("title", EMBED_TITLE), ("description", EMBED_DESCRIPTION)):
        if isinstance(data.get(key), str):
            yield data, key, limit, key == "description"
    for part, limit in (("footer", FOOTER), ("author", AUTHOR)):
        key = "text" if part == "footer" else "name"
        if isinstance((data.get(part) or {}).get(key), str):
            yield data[part], key, limit, False
    for one in data.get("fields") or []:
        yield one, "name", FIELD_NAME, False
        yield one, "value", FIELD_VALUE, True


def _drop_url(data: dict[str, Any], name: str) -> None:
    if name == "url":
        del data["url"]
    elif name in ("image", "thumbnail"):
        del data[name]
    else:
        part, _, kind = name.partition(" ")
        data[part].pop("icon_url" if kind == "icon" else "url", None)


def _fair_share(lengths: list[int], budget: int) -> int:
    """The largest length each text may keep so that all fit in `budget`, the short ones
    untouched: the longest texts are the ones cut."""
    rest = budget
    for position, length in enumerate(sorted(lengths)):
        share = rest // (len(lengths) - position)
        if length > share:
            return max(share, 1)
        rest -= length
    return max(lengths, default=budget)


def pack_embeds(embeds: Iterable[discord.Embed]) -> list[list[discord.Embed]]:
    """Embeds in order, each shrunk to fit, grouped so no message exceeds 10 embeds or 6,000
    embed characters."""
    groups: list[list[discord.Embed]] = [[]]
    size = 0
    for embed in map(fit_embed, embeds):
        if len(groups[-1]) == EMBEDS_PER_MESSAGE or size + len(embed) > EMBED_TOTAL:
            groups.append([])
            size = 0
        groups[-1].append(embed)
        size += len(embed)
    return groups


def split_message(content: str | None, embeds: Iterable[discord.Embed],
                  mentions: discord.AllowedMentions | None = None) -> list[Payload]:
    """Content (cut to fit) and embeds (each shrunk to fit) in as few messages as the limits
    allow; the content, and whoever it may ping, go with the first message only."""
    first = fit(content, CONTENT) if content else None
    nobody = discord.AllowedMentions.none()
    return [check(Payload(first if n == 0 else None, tuple(group),
                          (mentions or nobody) if n == 0 else nobody))
            for n, group in enumerate(pack_embeds(embeds))]


# Cutting text --------------------------------------------------------------------------------

# Spans that must never be cut: escapes, masked links, bare URLs, inline code. No part can run
# past the start of the next attempt ("[" stops a label and a link's target; a code span stops at
# the next backtick), so finding them all is one pass however hostile the text.
_ATOM = re.compile(r"(?P<escape>\\.)"
                   r"|(?P<link>\[(?P<label>[^\[\]\n]*)\]\((?P<target>[^)\[\s]*)\))"
                   r"|(?P<url><?https?://\S+)"
                   r"|(?P<code>`[^`\n]*`)", re.DOTALL)
_ATOM_START = re.compile(r"[\\\[<h`]")
_PAIRED = ("**", "~~", "||", "*", "_")  # matched longest first, as Discord reads them
_MARKDOWN_CHARS = re.compile(r"[`*~|_]")
_MARKUP_CHARS = re.compile(r"[`*~|_\[]")  # what can start a marker, a code span or a link
_ESCAPE = re.compile(r"\\.", re.DOTALL)
_LAST_SPACE = re.compile(r"\s(?=\S*\Z)")
_SPACES = re.compile(r"\s+")


def fit(text: str, limit: int) -> str:
    """Text cut to `limit` at a word boundary with "…", never inside a link, URL, escape or markup."""
    if len(text) <= limit:
        return text
    cut = _last_clean_cut(text, limit - len(ELLIPSIS))
    return text[:cut] + ELLIPSIS if cut else ELLIPSIS[:limit]


def _last_clean_cut(text: str, room: int) -> int:
    """The longest head `text[:cut]`, with cut ≤ room, that ends where whitespace starts outside
    any atom and leaves every markdown marker paired; 0 when there is none."""
    head = text[:room + 1]
    if not _MARKUP_CHARS.search(_ESCAPE.sub("", head)):  # escaped text, say: no markup to respect
        cut = len(head[:_last_space(head)].rstrip())
        if not _escaped_at(text, cut):
            return cut
    return _last_clean_cut_of_markdown(text, room)


def _last_space(text: str) -> int:
    found = _LAST_SPACE.search(text)
    return found.start() if found else 0


def _escaped_at(text: str, position: int) -> bool:
    """Whether the character at `position` follows an unpaired backslash."""
    before = text[:position]
    return (len(before) - len(before.rstrip("\\"))) % 2 == 1


def _last_clean_cut_of_markdown(text: str, room: int) -> int:
    """`_last_clean_cut` in one pass over the head: the text less its atoms is read word by word
    (a bare URL counts as a space), each word's unpaired markers are kept as bits, and a head is
    balanced when the bits of its words cancel out."""
    best = parity = position = 0
    word: list[str] = []
    for atom in _atoms_from(text, room):
        end = atom.start() if atom else len(text)
        for space in _SPACES.finditer(text, position, min(end, room + 1)):
            word.append(text[position:space.start()])
            parity ^= _unpaired("".join(word))
            word.clear()
            if parity == 0 and space.start() > 0:
                best = space.start()
            position = space.end()
        if atom is None:
            return best
        word.append(text[position:end])
        if atom.group("url"):
            parity ^= _unpaired("".join(word))
            word.clear()
        position = atom.end()
    return best


def _atoms_from(text: str, room: int) -> Iterator[re.Match[str] | None]:
    """The atoms that start at or before `room`, then None. Only the head is searched for where
    one may start; an atom found there is matched in full, however far it runs."""
    position = 0
    while (start := _ATOM_START.search(text, position, room + 1)) is not None:
        atom = _ATOM.match(text, start.start())
        if atom is None:
            position = start.start() + 1
            continue
        yield atom
        position = atom.end()
    yield None


def _unpaired(word: str) -> int:
    """One bit per kind of markdown marker that the word leaves open (bare of atoms)."""
    if not _MARKDOWN_CHARS.search(word):
        return 0
    bits = word.count("`") & 1
    for number, marker in enumerate(_PAIRED, start=1):
        bits |= (word.count(marker) & 1) << number
        word = word.replace(marker, "")
    return bits


def fit_lines(lines: Iterable[str], limit: int, separator: str = "\n") -> str:
    """The lines joined and cut to `limit`; lines past the limit are never read, so a long list
    costs what a short one does."""
    taken: list[str] = []
    size = -len(separator)
    for line in lines:
        taken.append(line)
        size += len(separator) + len(line)
        if size > limit:
            break
    return fit(separator.join(taken), limit)


def _unlink_long(text: str, limit: int) -> str:
    """Masked links whose target is too long for Discord replaced by their label (only those
    that start within `limit`: the rest is cut off anyway)."""
    pieces: list[str] = []
    position = 0
    for link in _long_links(text, limit):
        pieces += [text[position:link.start()], link.group("label")]
        position = link.end()
    return "".join([*pieces, text[position:]]) if pieces else text


def _long_links(text: str, within: int) -> Iterator[re.Match[str]]:
    """The masked links that start at or before `within` and lead further than Discord takes."""
    if len(text) <= URL:
        return
    for atom in _atoms_from(text, within):
        if atom is not None and atom.group("link") and len(atom.group("target")) > URL:
            yield atom


# Making outside text inert -------------------------------------------------------------------

_LINE_START = re.compile(r"^([^\S\n]*)(#{1,3}\s|-#\s|[-+]\s|\d+[.)]\s)", re.MULTILINE)
# Bare URLs are kept whole (an escape inside one would break it); elsewhere every markdown
# character is escaped. discord.utils.escape_markdown is not enough: it takes text between two
# masked links for one link and leaves its markdown, and the second link, live.
_BARE_URL = re.compile(r"(https?://[^\s<>\[\]()]+)")
_ESCAPED = {ord(c): "\\" + c for c in "\\*_~|`>[]"}
# Mentions of members, roles and channels (<@1>, <@!1>, <@&1>, <#1>), and of slash commands
# and custom emoji (</name:1>, <:name:1>, <a:name:1>), which render as clickable chips.
_PING = re.compile(r"@(everyone|here)|<(?=[@#/:]|a:)")
# Control characters (but newline and tab), bidirectional overrides and isolates, and invisible
# characters: they can make text read backwards or hide words. Joiners stay (emoji need them).
_UNSHOWN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
                      "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_LOOKAHEAD = 64  # characters past a limit that can change how the text before it is escaped


def visible(text: str) -> str:
    """Text without control, bidirectional-override or invisible characters."""
    return _UNSHOWN.sub("", text)


def _bare_urls_apart(text: str) -> Iterator[tuple[bool, str]]:
    """The text in pieces, each with whether it is a bare URL."""
    for number, part in enumerate(_BARE_URL.split(text)):
        yield number % 2 == 1, part


def escape(text: str) -> str:
    """Feed text made inert: no markdown, no links, no headings or lists, no mentions, and no
    characters that reorder or hide text."""
    text = "".join(part if bare_url else part.translate(_ESCAPED)
                   for bare_url, part in _bare_urls_apart(visible(text)))
    text = _LINE_START.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _PING.sub(lambda m: f"@\u200b{m.group(1)}" if m.group(1) else "<\u200b", text)


def inert(text: str, limit: int) -> str:
    """Outside text (from feeds, their servers or members) made inert and cut to `limit`.

    Only the first `limit` + 64 characters are read: escaping only lengthens text, so the rest
    could not be shown anyway (unless what was read was mostly invisible characters, which are
    left out: then "…" says there was more), and a megabyte costs what a line does.
    """
    read = text[:limit + _LOOKAHEAD]
    shown = fit(escape(read), limit)
    if len(read) < len(text) and not shown.endswith(ELLIPSIS):  # what was read was mostly invisible
        shown = fit(_more(shown), limit)
    return shown


def _more(text: str) -> str:
    """The text marked as going on beyond what is shown."""
    return f"{text} {ELLIPSIS}" if text else ELLIPSIS


def error_text(text: str, limit: int) -> str:
    """An error's words as a member may read them: on one line, inert, cut to `limit`. Errors
    carry what a feed's server said (status lines, redirect targets), so they are outside text."""
    return inert(one_line(text, limit), limit)


def one_line(text: str, limit: int) -> str:
    """The text's words on one line, reading no more of it than `limit` characters could show."""
    read = text[:2 * limit + _LOOKAHEAD]
    line = " ".join(read.split())
    return line if len(read) == len(text) else _more(line)


def plain(text: str, limit: int) -> str:
    """Text for the parts Discord shows as they are (footers, author names), cut to `limit`,
    reading only its first `limit` + 64 characters."""
    read = text[:limit + _LOOKAHEAD]
    shown = visible(read)
    return fit(shown if len(read) == len(text) else _more(shown), limit)


# Citations -----------------------------------------------------------------------------------

_LINK_BREAKERS = re.compile(r"[\[\]()<>]")
CITED_FEED_CHARS = 80
CITED_URL = 512  # a longer link is left out of a citation: it would crowd out what it cites


def cite(source: Source) -> str:
    """ "[Kyiv Wire, Wed 2 Mar 2022](url)": the link only for http(s) URLs short enough to cite,
    made safe for markdown (no brackets in the label, none unencoded in the URL)."""
    name = _LINK_BREAKERS.sub("", source.feed_name[:4 * CITED_FEED_CHARS])
    label = f"{inert(name, CITED_FEED_CHARS)}, {day(source.published_at)}"
    url = source.url or ""
    if len(url) > CITED_URL or not url[:8].lower().startswith(("https://", "http://")):
        return label
    link = quote(url, safe=":/?#&=%~+,;@!$*")
    return f"[{label}]({link})" if len(link) <= CITED_URL and acceptable_url(link) else label
