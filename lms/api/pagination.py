"""Lists page by a cursor over the primary key: a keyset, never an offset
over the table, so inserts while a client pages neither skip nor repeat a
record (new ones come last)."""

import pydantic
from ninja.errors import ValidationError
from ninja.pagination import CursorPagination

from lms.app_settings import app_settings

INVALID = [{"loc": ("query", "cursor"), "msg": "Invalid cursor"}]


class KeysetPagination(CursorPagination):
    def __init__(self, **kwargs):
        super().__init__(
            ordering=("pk",),
            page_size=app_settings.API_PAGE_SIZE,
            max_page_size=app_settings.API_MAX_PAGE_SIZE,
            **kwargs,
        )

    def paginate_queryset(self, queryset, pagination, request, **params):
        # A cursor is the client's text: anything but one of ours is a 400
        # (ninja lets pydantic's own error through as a 500). Its offset only
        # ever steps over the key itself; ninja caps it at 100.
        try:
            cursor = self.Cursor.from_encoded_param(pagination.cursor)
        except (pydantic.ValidationError, ValidationError):
            raise ValidationError(INVALID) from None
        if cursor.p is not None and not (cursor.p.isascii() and cursor.p.isdigit()):
            raise ValidationError(INVALID)
        return super().paginate_queryset(queryset, pagination, request, **params)
