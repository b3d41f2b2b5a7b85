import pytest

from tests.servers import NewsSite, SmtpInbox, WebhookInbox


@pytest.fixture
def site():
    s = NewsSite()
    yield s
    s.close()


@pytest.fixture
def smtp():
    s = SmtpInbox()
    yield s
    s.stop()


@pytest.fixture
def webhook():
    w = WebhookInbox()
    yield w
    w.close()
