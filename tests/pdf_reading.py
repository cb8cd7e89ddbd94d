"""The text a reader gets out of a PDF the site made."""

import io

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    """All text of the PDF with whitespace squeezed (WeasyPrint wraps lines anywhere)."""
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
