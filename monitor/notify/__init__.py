"""Delivery: the outbox worker, the apprise sender and the message templates."""

from monitor.notify.sender import send
from monitor.notify.worker import backoff, deliver_pending

__all__ = ["backoff", "deliver_pending", "send"]
