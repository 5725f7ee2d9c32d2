"""Read a source document (a plain-text file or a PDF) into text.

PDFs are read with pypdf. Whatever is wrong with a document (missing, empty,
not a PDF, damaged, protected by a password, scanned pages without text)
becomes a DocumentError whose message names the file and says what to do;
nothing from a PDF library reaches the person as a traceback.
"""

from __future__ import annotations

import bisect
import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import Iterator

SUFFIXES = (".txt", ".pdf")


class DocumentError(Exception):
    """A source document that cannot be read; the message names the file."""


@dataclass
class Document:
    path: Path
    text: str
    page_starts: list[int] = field(default_factory=list)  # first line of each PDF page

    def page_of(self, line: int) -> int | None:
        """The PDF page a line of the extracted text is on (None for text files)."""
        if not self.page_starts:
            return None
        return bisect.bisect_right(self.page_starts, line)


def read_document(path: Path) -> Document:
    if not path.exists():
        raise DocumentError(f"{path}: source file not found")
    if path.is_dir():
        raise DocumentError(f"{path}: is a folder, not a source file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DocumentError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    if not data.strip():
        raise DocumentError(f"{path}: the file is empty")
    if path.suffix.lower() == ".pdf":
        return _read_pdf(path, data)
    return Document(path, _decode_text(path, data))


def _decode_text(path: Path, data: bytes) -> str:
    if data.startswith(b"%PDF-"):
        raise DocumentError(f"{path}: this is a PDF; name it with .pdf so it is read as one")
    if b"\x00" in data:
        raise DocumentError(f"{path}: not a plain-text file (it holds binary data)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Text saved by older Windows programs; every byte decodes.
        return data.decode("cp1252", errors="replace")


@contextmanager
def _quiet_pypdf() -> Iterator[None]:
    # pypdf logs a warning for each repair it makes to a damaged file; the
    # person gets one clear message from us instead.
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _read_pdf(path: Path, data: bytes) -> Document:
    # Imported here, not at the top: pypdf takes about 50 ms to import, and
    # every command but `check --sources` with a PDF can do without it.
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if not data.lstrip().startswith(b"%PDF-"):
        raise DocumentError(f"{path}: not a PDF file (it does not start with %PDF-)")
    try:
        with _quiet_pypdf():
            reader = PdfReader(BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise DocumentError(
                    f"{path}: the PDF is protected by a password; save a copy without the password "
                    "(or a plain-text copy) in the sources folder"
                )
            pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise DocumentError(
            f"{path}: the PDF is encrypted and cannot be opened; save a copy without protection "
            "(or a plain-text copy) in the sources folder"
        ) from None
    except Exception as exc:  # noqa: BLE001
        # A damaged file makes pypdf (and zlib under it) raise almost any kind
        # of error (PdfReadError, ValueError, NotImplementedError for a garbled
        # filter name...); all mean the same to the person.
        raise DocumentError(f"{path}: the PDF is damaged and cannot be read ({exc})") from None
    if not pages:
        raise DocumentError(f"{path}: the PDF has no pages")
    if not any(text.strip() for text in pages):
        raise DocumentError(
            f"{path}: the PDF has no text to read (a scanned image?); use the original PDF "
            "or type its text into a .txt file"
        )
    page_starts, lines = [], 0
    for text in pages:
        page_starts.append(lines + 1)
        lines += text.count("\n") + 1
    return Document(path, "\n".join(pages), page_starts)
