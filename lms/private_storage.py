"""A file system storage that nothing serves: for files only views hand out."""

from django.core.files.storage import FileSystemStorage


class PrivateFileSystemStorage(FileSystemStorage):
    """Files kept outside MEDIA_ROOT, with no public URL.

    A view that checks who asks streams them (lms.reports.export_views); a
    URL would let whoever holds it download the file, so there is none.
    """

    def __init__(self, location=None, **kwargs):
        if location is None:
            raise ValueError("A private storage needs its own location.")
        kwargs["base_url"] = None
        super().__init__(location=location, **kwargs)

    def url(self, name):
        raise NotImplementedError("Private files have no URL; a view serves them.")
