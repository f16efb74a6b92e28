"""A task for the worker processes that tests start: it leaves a file."""

from pathlib import Path

from django.tasks import task


@task
def write_file(path: str, text: str) -> str:
    """Write text to a file; the test reads it to know the task ran."""
    Path(path).write_text(text)
    return text
