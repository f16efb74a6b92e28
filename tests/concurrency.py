"""Running one piece of work in several threads at the same moment."""

import threading

from django.db import close_old_connections, connection

THREADS = 6


def run_together(work, count=THREADS):
    """Start count threads at one barrier; return what each returned or raised."""
    barrier = threading.Barrier(count)
    results = [None] * count

    def target(index):
        try:
            barrier.wait()
            results[index] = work(index)
        except Exception as error:  # noqa: BLE001 - reported to the test
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=target, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    close_old_connections()
    return results
