"""File parts in posts: refused everywhere except the one form that takes a file.

DATA_UPLOAD_MAX_MEMORY_SIZE bounds the text fields of a post but not its files, so a
20 MB "file" sent to the resume form used to be parsed and written to a temporary file
in full. This handler runs first for every file part: where no file is expected it stops
the request (400) before a byte of the file is read; where one is (the clinic logo in
the admin) it stops the upload once it passes HAIRTX_MAX_UPLOAD_BYTES.
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.core.files.uploadhandler import FileUploadHandler
from django.urls import Resolver404, resolve

# Views whose forms have a file field (tests/test_uploads.py checks this list against the
# admin's models, so a new file field cannot be forgotten here).
FILE_UPLOAD_VIEWS = frozenset({
    "admin:content_clinicdetails_add",
    "admin:content_clinicdetails_change",
})


class UnexpectedFileUpload(SuspiciousOperation):
    """A file part posted to a form that takes no files (answered with a 400 page)."""


def takes_files(request) -> bool:
    try:
        return resolve(request.path_info).view_name in FILE_UPLOAD_VIEWS
    except Resolver404:
        return False


class RefuseUnexpectedFilesHandler(FileUploadHandler):
    """First in FILE_UPLOAD_HANDLERS; passes allowed files on to Django's own handlers."""

    def new_file(self, *args, **kwargs):
        super().new_file(*args, **kwargs)
        if not takes_files(self.request):
            raise UnexpectedFileUpload("A file was posted to a form that takes no files.")

    def receive_data_chunk(self, raw_data, start):
        if start + len(raw_data) > settings.HAIRTX_MAX_UPLOAD_BYTES:
            raise RequestDataTooBig("Uploaded file exceeded HAIRTX_MAX_UPLOAD_BYTES.")
        return raw_data

    def file_complete(self, file_size):
        return None  # the next handler stores the file
