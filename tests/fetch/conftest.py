import pytest

from tests.fetch.faulty_server import FaultyServer


@pytest.fixture
def faulty():
    server = FaultyServer()
    yield server
    server.close()


@pytest.fixture
def more_faulty():
    """Makes further FaultyServers (each on its own port: another site), all closed after the test."""
    made: list[FaultyServer] = []

    def make() -> FaultyServer:
        made.append(FaultyServer())
        return made[-1]

    yield make
    for server in made:
        server.close()
