import pytest

from tests.fetch.faulty_server import FaultyServer


@pytest.fixture
def faulty():
    server = FaultyServer()
    yield server
    server.close()
