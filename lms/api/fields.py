"""Types of the API's inputs."""

from typing import Annotated

from pydantic import Field

from lms.support.ids import MAX_ID

# An id a key column can hold: a larger number is a 400, not a database error.
Id = Annotated[int, Field(ge=1, le=MAX_ID)]
