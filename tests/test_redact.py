"""Secrets of notifier URLs never reach logs or error text."""

from __future__ import annotations

import io
import logging

import pytest

from monitor.redact import MASK, RedactingFilter, Redactor, secrets_of_url

TG_TOKEN = "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
TG_URL = f"tgram://123456789:{TG_TOKEN}/12345"
CANARY = "s3cr3t-canary-9f2"


def test_password_of_a_url():
    url = f"json://user:{CANARY}@127.0.0.1:9/x"
    secrets = secrets_of_url(url)
    assert url in secrets and CANARY in secrets
    redact = Redactor(secrets)
    assert redact(f"POST to {url} failed") == f"POST to {MASK} failed"
    assert CANARY not in redact(f"auth {CANARY} rejected")


def test_percent_encoded_password_is_masked_in_both_forms():
    secrets = secrets_of_url("mailtos://desk:p%40ss-w0rd-77@smtp.example.org?to=desk@example.org")
    redact = Redactor(secrets)
    assert "p@ss-w0rd-77" not in redact("login p@ss-w0rd-77 refused")
    assert "p%40ss-w0rd-77" not in redact("login p%40ss-w0rd-77 refused")


def test_telegram_bot_token_in_the_host_part():
    secrets = secrets_of_url(TG_URL)
    assert TG_TOKEN in secrets
    redact = Redactor(secrets)
    # how the token shows up once apprise has built the API URL: the full apprise URL is not in the text
    text = f"POST https://api.telegram.org/bot123456789:{TG_TOKEN}/sendMessage: 401"
    assert TG_TOKEN not in redact(text)
    assert redact(TG_URL) == MASK


@pytest.mark.parametrize("url, token", [
    ("discord://4174216298/JHMHI8qBe7bk2ZwO5U711o3dV_js", "JHMHI8qBe7bk2ZwO5U711o3dV_js"),
    ("slack://T1JJ3T3L2/A1BRTD4JD/TIiajkdnlazkcOXrIdevi7FQ/#general", "TIiajkdnlazkcOXrIdevi7FQ"),
])
def test_tokens_in_the_path(url, token):
    assert token in secrets_of_url(url)
    assert token not in Redactor(secrets_of_url(url))(f"webhook {token} rejected")


@pytest.mark.parametrize("key", ["token", "apikey", "password", "secret"])
def test_tokens_in_the_query(key):
    url = f"json://127.0.0.1:9/hook?{key}=q7Tk-9xZ2-secret-value&format=markdown"
    secrets = secrets_of_url(url)
    assert "q7Tk-9xZ2-secret-value" in secrets
    assert "markdown" not in secrets
    assert Redactor(secrets)("sent q7Tk-9xZ2-secret-value") == f"sent {MASK}"


def test_ordinary_parts_are_not_secrets():
    secrets = secrets_of_url("json://127.0.0.1:9/alerts/incoming")
    assert "alerts" not in secrets and "incoming" not in secrets and "127.0.0.1" not in secrets
    assert secrets_of_url("") == []


def test_short_fragments_are_not_masked():
    redact = Redactor(["ab", "xyz", ""])
    assert redact("ab xyz") == "ab xyz"


def test_longest_secret_masked_first():
    url = f"json://user:{CANARY}@127.0.0.1:9/x"
    redact = Redactor([CANARY, url])
    assert redact(f"url={url} pw={CANARY}") == f"url={MASK} pw={MASK}"


def test_redactor_add():
    redact = Redactor()
    assert redact(CANARY) == CANARY
    redact.add([CANARY])
    assert redact(CANARY) == MASK


@pytest.fixture
def captured():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    handler.addFilter(RedactingFilter(Redactor(secrets_of_url(TG_URL) + [CANARY])))
    logger = logging.getLogger("tests.redact")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    yield logger, stream
    logger.removeHandler(handler)


def test_filter_masks_message_and_arguments(captured):
    logger, stream = captured
    logger.info("delivering to %s", TG_URL)
    logger.warning(f"login with {CANARY} failed")
    logger.info("token %s, count %d", TG_TOKEN, 3)
    out = stream.getvalue()
    assert TG_TOKEN not in out and CANARY not in out
    assert f"delivering to {MASK}" in out and f"login with {MASK} failed" in out and "count 3" in out


def test_filter_masks_exception_text(captured):
    logger, stream = captured
    try:
        raise ConnectionError(f"POST https://api.telegram.org/bot123456789:{TG_TOKEN}/sendMessage refused; "
                              f"password {CANARY}")
    except ConnectionError:
        logger.exception("delivery failed")
    out = stream.getvalue()
    assert "Traceback" in out and "ConnectionError" in out and "delivery failed" in out
    assert TG_TOKEN not in out and CANARY not in out
    assert MASK in out


def test_a_plain_user_name_is_not_a_secret_but_an_account_or_token_is():
    from monitor.redact import Redactor, secrets_of_url

    r = Redactor(secrets_of_url("mailto://desk:pw-9f2k3@smtp.example.org"))
    assert r("channel desk-email failed") == "channel desk-email failed"
    assert "pw-9f2k3" not in r("login pw-9f2k3 refused")
    assert "alerts%40example.org" in secrets_of_url("mailtos://alerts%40example.org:pw@smtp.example.org")
    assert "u5erTok3nAbc" in secrets_of_url("pover://u5erTok3nAbc@appTokenXyz123")


def test_source_credentials_are_masked_but_the_source_url_is_not(tmp_path):
    from monitor.config import load

    path = tmp_path / "rules.toml"
    path.write_text('''
[[source]]
id = "private-feed"
kind = "feed"
url = "https://reader:pw-7Hq2x@news.example.org/feed.xml?token=tok-9Zr4q&lang=vi"
headers = { Authorization = "Bearer abc-123-secret" }
''', encoding="utf-8")
    secrets = load(path, env={}).secrets()
    assert {"pw-7Hq2x", "tok-9Zr4q", "Bearer abc-123-secret"} <= set(secrets)
    assert not any("news.example.org" in s for s in secrets), "the source stays recognisable in messages"
