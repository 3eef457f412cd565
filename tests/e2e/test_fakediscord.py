"""Self-tests of the fake Discord, driving ``tinybot.py`` as a real subprocess through the launcher."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from e2e.botprocess import BotProcess
from e2e.fakediscord import (
    CommandNotPermittedError,
    FakeDiscord,
    InvalidOptionError,
    UnknownCommandError,
    choices_violations,
    message_violations,
    nested_errors,
)
from e2e.tinybot import FRUITS, tiny_png

TINYBOT = Path(__file__).resolve().with_name("tinybot.py")


@pytest.fixture
async def tinybot(fake_discord: FakeDiscord, tmp_path: Path) -> AsyncIterator[BotProcess]:
    """tinybot connected to the fake, its commands synced globally and to the default guild."""
    env = {"NEWSDESK_FAKE_TARGET": str(TINYBOT), "TINYBOT_GUILD_READY_TIMEOUT": "0.05",
           "TINYBOT_GUILD_ID": str(fake_discord.guild.id)}
    bot = BotProcess(fake_discord, cwd=tmp_path, log_path=tmp_path / "bot.log", env=env)
    await bot.start()
    try:
        await bot.wait_identified(timeout=10)
        await fake_discord.wait_until(lambda: None in fake_discord.commands
                                      and fake_discord.guild.id in fake_discord.commands, 10, "both syncs")
        yield bot
    finally:
        bot.kill()
        await bot.stop()
    assert fake_discord.unknown_routes == [], bot.log_text()


async def test_login_identify_and_sync(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    paths = [(r.method, r.path) for r in fake_discord.requests]
    assert ("GET", "/users/@me") in paths and ("GET", "/oauth2/applications/@me") in paths
    identify = fake_discord.identify_payloads[0]
    assert identify["token"] == "fake-token"
    names = {command["name"] for command in fake_discord.commands[None]}
    assert {"grp", "embed", "picture", "fruit", "post", "dmme", "long", "late"} <= names
    grp = next(c for c in fake_discord.commands[fake_discord.guild.id] if c["name"] == "grp")
    hours = grp["options"][0]["options"][0]
    assert (hours["min_value"], hours["max_value"]) == (1, 168)
    assert int(grp["default_member_permissions"]) == 1 << 5


async def test_embed_reply(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    record = await fake_discord.invoke("embed", {"title": "Hello"})
    await record.wait_done()
    assert record.callback_type == 4 and not record.ephemeral
    embed = record.messages[0]["embeds"][0]
    parts = (embed["title"], embed["fields"][0]["value"], embed["footer"]["text"])
    assert parts == ("Hello", "value", "footer")
    assert "described" in record.text()
    second = fake_discord.add_guild(name="Second", channels=("desk",))
    elsewhere = await fake_discord.invoke("embed", {"title": "There"}, guild=second.id)
    await elsewhere.wait_done()
    assert elsewhere.text().startswith("There")
    assert record.first_response_at is not None and record.first_response_at - record.sent_at < 2


async def test_defer_then_followup_with_png(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    record = await fake_discord.invoke("picture")
    await record.wait_done()
    assert record.callback_type == 5
    followup = record.messages[-1]
    assert followup["content"] == "here"
    assert fake_discord.attachment_bytes(followup, "dot.png") == tiny_png()
    assert followup["attachments"][0]["content_type"] == "image/png"


async def test_autocomplete_and_choice(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    choices = await fake_discord.autocomplete("fruit", {"name": "fruit"}, focused="name")
    assert len(choices) == 25 and choices[0]["value"] == FRUITS[0]
    narrowed = await fake_discord.autocomplete("fruit", {"name": "-3"}, focused="name")
    assert [c["name"] for c in narrowed] == [name for name in FRUITS if "-3" in name]
    record = await fake_discord.invoke("fruit", {"name": "fruit-07"})
    await record.wait_done()
    assert record.text() == "fruit fruit-07"


async def test_nonce_post_twice_creates_one_message(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    news = fake_discord.guild.channels["news"]
    first = await fake_discord.invoke("post", {"channel": news, "text": "scoop", "nonce": "n-1"})
    await first.wait_done()
    second = await fake_discord.invoke("post", {"channel": news, "text": "scoop", "nonce": "n-1"})
    await second.wait_done()
    messages = fake_discord.channel_messages(news)
    assert [m["content"] for m in messages] == ["scoop"]
    assert messages[0]["nonce"] == "n-1"
    assert first.text() == second.text() == f"posted {messages[0]['id']}"
    assert first.ephemeral
    assert len(fake_discord.requests_to("POST", "/channels/{id}/messages")) == 2


async def test_dm_and_closed_dms(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    record = await fake_discord.invoke("dmme", {"text": "psst"})
    dms = await fake_discord.wait_for_dms(fake_discord.member)
    await record.wait_done()
    assert [m["content"] for m in dms] == ["psst"] and record.text() == "dm sent"
    fake_discord.close_dms(fake_discord.member)
    refused = await fake_discord.invoke("dmme", {"text": "again"})
    await refused.wait_done()
    assert refused.text() == "dm forbidden 50007"
    assert len(fake_discord.dm_messages(fake_discord.member)) == 1


async def test_rate_limited_post_is_retried_once(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    general = fake_discord.guild.channels["general"]
    fake_discord.rate_limit_next("POST", "/channels/*/messages", retry_after=0.2)
    record = await fake_discord.invoke("post", {"channel": general, "text": "slow", "nonce": "n-2"})
    await record.wait_done()
    statuses = [r.status for r in fake_discord.requests_to("POST", "/channels/*/messages")]
    assert statuses == [429, 200]
    assert [m["content"] for m in fake_discord.channel_messages(general)] == ["slow"]
    assert "rate limited" in tinybot.log_text()


async def test_forbidden_channel_and_injected_failure(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    news = fake_discord.guild.channels["news"]
    fake_discord.forbid_channel(news)
    record = await fake_discord.invoke("post", {"channel": news, "text": "no", "nonce": "n-3"})
    await record.wait_done()
    assert record.text() == "post failed 403 50013"
    fake_discord.allow_channel(news)
    fake_discord.fail_next("POST", "/channels/{id}/messages", status=500, code=0, message="boom")
    retried = await fake_discord.invoke("post", {"channel": news, "text": "yes", "nonce": "n-4"})
    await retried.wait_done()
    assert [m["content"] for m in fake_discord.channel_messages(news)] == ["yes"]


async def test_reconnect_and_dropped_connection(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    await fake_discord.reconnect()
    assert fake_discord.resumes == 1
    record = await fake_discord.invoke("embed", {"title": "after reconnect"})
    await record.wait_done()
    await fake_discord.drop_connection()
    assert fake_discord.resumes == 2
    record = await fake_discord.invoke("embed", {"title": "after drop"})
    await record.wait_done()
    assert "after drop" in record.text()
    assert len(fake_discord.identify_payloads) == 1


async def test_late_callback_gets_unknown_interaction(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    fake_discord.interaction_deadline = 0.0
    record = await fake_discord.invoke("late")
    await fake_discord.wait_until(lambda: bool(record.error_codes), 5, "the late callback")
    assert record.error_codes == [10062] and record.callback_type is None
    await fake_discord.wait_until(lambda: "NotFound 10062" in tinybot.log_text(), 5, "the bot's log")


async def test_over_limit_content_is_rejected(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    record = await fake_discord.invoke("long", {"length": 2001})
    await record.wait_done()
    assert record.text() == "rejected 400 50035"
    assert record.error_codes == [50035]
    assert fake_discord.rejected and "content" in fake_discord.rejected[0][1]
    fine = await fake_discord.invoke("long", {"length": 2000})
    await fine.wait_done()
    assert len(fine.text()) == 2000


async def test_group_subcommand_permissions_and_schema_checks(fake_discord: FakeDiscord,
                                                             tinybot: BotProcess) -> None:
    with pytest.raises(CommandNotPermittedError):
        await fake_discord.invoke("grp sub", {"hours": 5})
    with pytest.raises(InvalidOptionError):
        await fake_discord.invoke("grp sub", {"hours": 169}, user=fake_discord.admin)
    with pytest.raises(UnknownCommandError):
        await fake_discord.invoke("grp nope", user=fake_discord.admin)
    with pytest.raises(UnknownCommandError):
        await fake_discord.invoke("embed", {"colour": "red", "title": "x"})
    record = await fake_discord.invoke("grp sub", {"hours": 168}, user=fake_discord.admin)
    await record.wait_done()
    assert record.text() == "hours=168" and record.ephemeral


async def test_sigint_exits_cleanly(fake_discord: FakeDiscord, tinybot: BotProcess) -> None:
    started = time.monotonic()
    assert await tinybot.stop() == 0
    assert time.monotonic() - started < 5
    await asyncio.sleep(0)


# ---- the fake on its own, over raw HTTP and websocket (no bot process) ------------------------------

def test_limit_violations_and_nested_error_shape() -> None:
    fields = [{"name": "n", "value": "v"}] * 26
    found = message_violations({"content": "c" * 2001, "embeds": [
        {"title": "t" * 257, "fields": fields}, {"fields": [{"name": "n", "value": ""}]},
        {"description": "d" * 4096}, {"description": "d" * 2000, "footer": {"text": "f" * 2049}}]})
    paths = {".".join(path) for path, _, _ in found}
    assert paths == {"content", "embeds.0.title", "embeds.0.fields", "embeds.1.fields.0.value",
                     "embeds.3.footer.text", "embeds"}
    assert message_violations({"embeds": [{"description": "d" * 3000}, {"description": "d" * 3000}]}) == []
    assert message_violations({"embeds": [{}] * 11})[0][0] == ("embeds",)
    errors = nested_errors([(("embeds", "0", "title"), "BASE_TYPE_MAX_LENGTH", "too long")])
    assert errors == {"embeds": {"0": {"title": {"_errors": [{"code": "BASE_TYPE_MAX_LENGTH",
                                                                "message": "too long"}]}}}}
    choices = [{"name": str(n), "value": str(n)} for n in range(26)] + [{"name": "", "value": "x"}]
    paths = {".".join(p) for p, _, _ in choices_violations(choices)}
    assert paths == {"data.choices", "data.choices.26.name"}


async def test_nonce_rate_limit_and_errors_over_http(fake_discord: FakeDiscord) -> None:
    general = fake_discord.guild.channels["general"]
    url = f"{fake_discord.api_base}/channels/{general}/messages"
    async with aiohttp.ClientSession() as http:
        async with http.post(url, json={"content": "a", "nonce": "k", "enforce_nonce": True}) as first:
            assert first.headers["Content-Type"] == "application/json"
            first_id = (await first.json())["id"]
        async with http.post(url, json={"content": "b", "nonce": "k", "enforce_nonce": True}) as again:
            assert again.status == 200 and (await again.json())["id"] == first_id
        async with http.post(url, json={"content": "c", "nonce": "k"}) as plain:
            assert (await plain.json())["id"] != first_id
        fake_discord.rate_limit_next("POST", "/channels/{id}/messages", retry_after=0.5, global_=True)
        async with http.post(url, json={"content": "d"}) as limited:
            body = await limited.json()
            assert limited.status == 429 and limited.headers["Via"] and body["retry_after"] == 0.5
            assert body["global"] is True
        async with http.post(url, json={"embeds": [{"title": "t" * 300}]}) as too_long:
            body = await too_long.json()
            assert too_long.status == 400 and body["code"] == 50035
            assert body["errors"]["embeds"]["0"]["title"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"
        async with http.post(url, json={"content": ""}) as empty:
            assert empty.status == 400 and (await empty.json())["code"] == 50006
        async with http.get(f"{fake_discord.api_base}/nowhere") as unknown:
            assert unknown.status == 404
    assert [m["content"] for m in fake_discord.channel_messages(general)] == ["a", "c"]
    assert len(fake_discord.rejected) == 2
    assert fake_discord.unknown_routes == ["GET /nowhere"]


async def _next_dispatch(ws: aiohttp.ClientWebSocketResponse, event: str) -> dict[str, Any]:
    while True:
        frame = await ws.receive_json(timeout=5)
        if frame.get("t") == event:
            return dict(frame["d"])


async def test_interaction_rules_over_raw_gateway(fake_discord: FakeDiscord) -> None:
    api = fake_discord.api_base
    command = {"name": "pick", "description": "d", "options": [
        {"type": 3, "name": "what", "description": "d", "required": True, "autocomplete": True}]}
    async with aiohttp.ClientSession() as http, http.ws_connect(fake_discord.gateway_url) as ws:
        hello = await ws.receive_json(timeout=5)
        assert hello["op"] == 10 and hello["d"]["heartbeat_interval"] == 1000
        await ws.send_json({"op": 2, "d": {"token": "t", "intents": 1, "properties": {}}})
        ready = await _next_dispatch(ws, "READY")
        assert ready["resume_gateway_url"] == fake_discord.gateway_url
        guild = await _next_dispatch(ws, "GUILD_CREATE")
        assert guild["id"] == str(fake_discord.guild.id) and guild["unavailable"] is False
        await ws.send_json({"op": 1, "d": 2})
        assert (await ws.receive_json(timeout=5))["op"] == 11
        await fake_discord.wait_identified()
        commands_url = f"{api}/applications/{fake_discord.application_id}/commands"
        async with http.put(commands_url, json=[command]) as put:
            assert (await put.json())[0]["id"]
        await fake_discord.wait_synced()

        record = await fake_discord.invoke("pick", {"what": "x"})
        created = await _next_dispatch(ws, "INTERACTION_CREATE")
        assert created["attachment_size_limit"] > 0 and created["data"]["options"][0]["value"] == "x"
        callback = f"{api}/interactions/{record.id}/{record.token}/callback"
        followup = f"{api}/webhooks/{fake_discord.application_id}/{record.token}"
        async with http.post(followup, json={"content": "early"}) as early:
            assert early.status == 404 and (await early.json())["code"] == 10015
        async with http.post(callback, json={"type": 5, "data": {"flags": 64}}) as deferred:
            reply = await deferred.json()
            assert reply["interaction"]["response_message_loading"] is True
        async with http.post(callback, json={"type": 4, "data": {"content": "x"}}) as twice:
            assert twice.status == 400 and (await twice.json())["code"] == 40060
        async with http.patch(f"{followup}/messages/@original", json={"content": "done"}) as edit:
            assert edit.status == 200
        await record.wait_done(timeout=1)
        assert record.ephemeral and record.text() == "done" and record.error_codes == [10015, 40060]

        choices_record = await fake_discord.invoke("pick", {"what": "x"})
        too_many = {"type": 8, "data": {"choices": [{"name": str(n), "value": str(n)} for n in range(26)]}}
        path = f"{api}/interactions/{choices_record.id}/{choices_record.token}/callback"
        async with http.post(path, json=too_many) as rejected:
            assert rejected.status == 400 and (await rejected.json())["code"] == 50035
        assert not choices_record.acknowledged
