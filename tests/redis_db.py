"""A Redis database of a test's own, on the Redis at 127.0.0.1:6379."""

import os

import pytest
import redis

HOST, PORT = "127.0.0.1", 6379
CLAIM = "hub-academy-test-claim"


@pytest.fixture
def redis_url():
    """The URL of an empty Redis database, claimed for the test and emptied
    after it; parallel runs each find another (1 to 15; 0 is left alone)."""
    start = os.getpid() % 15
    for offset in range(15):
        number = 1 + (start + offset) % 15
        client = redis.Redis(host=HOST, port=PORT, db=number)
        if client.dbsize() == 0 and client.set(CLAIM, os.getpid(), nx=True, ex=900):
            break
        client.close()
    else:
        pytest.fail("every Redis database from 1 to 15 is in use")
    try:
        yield f"redis://{HOST}:{PORT}/{number}"
    finally:
        client.flushdb()
        client.close()
