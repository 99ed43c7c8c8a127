"""Small named exceptions: the library raises them, the CLI prints one line each."""

from __future__ import annotations

import unicodedata

# Characters a terminal line cannot show as themselves: controls (a newline would start a new
# line), format characters (a right-to-left override would show "evil\u202etxt.exe" as
# "evilexe.txt"), line and paragraph separators, and the surrogates of undecodable file names.
_HIDDEN = frozenset({"Cc", "Cf", "Zl", "Zp", "Cs"})
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def printable(text: str) -> str:
    """``text`` for a line of terminal output (or a page): whatever a file name or message holds
    that would not show as itself is written as an escape (``\\n``, ``\\u202e``), so one file's
    line stays one line and shows what the name holds; Chinese and spaces stay as they are."""
    if text.isprintable():
        return text
    return "".join(_NAMED.get(ch) or (f"\\u{ord(ch):04x}" if ord(ch) > 0xFF else f"\\x{ord(ch):02x}")
                   if unicodedata.category(ch) in _HIDDEN else ch for ch in text)


class BuilderError(Exception):
    """Base class of every error the CLI turns into a one-line message."""


class ReportError(BuilderError):
    """A file given to the builder could not become a report."""

    reason = "could not be read"

    def __init__(self, path: str, detail: str = "") -> None:
        self.path = path
        self.detail = detail
        super().__init__(f"{path}: {self.reason}{': ' + detail if detail else ''}")

    def noted(self, note: str) -> ReportError:
        """The same error with ``note`` after its detail."""
        noted = type(self).__new__(type(self))
        ReportError.__init__(noted, self.path, f"{self.detail}; {note}" if self.detail else note)
        return noted


class EmptyFile(ReportError):
    reason = "empty file"


class NotText(ReportError):
    reason = "not a document, spreadsheet, OCR result or archive the build reads"


class Undecodable(ReportError):
    reason = "text encoding not recognised (tried UTF-8, UTF-16, GB18030, Big5)"


class NotAReport(ReportError):
    reason = "not a government information disclosure annual report"


class SeveralReports(ReportError):
    """An archive holding several reports: each must be a file of the corpus to be read on its own."""

    reason = "several reports in one archive"


class DamagedPDF(NotText):
    reason = "damaged PDF"


class NeedsOCR(ReportError):
    reason = "needs OCR: the PDF has no text layer (scanned images)"


class EncryptedDocument(ReportError):
    """A document saved with a password: readable as what it is, but not without the password."""

    reason = "encrypted document: cannot be opened without a password"


class EncryptedPDF(EncryptedDocument):
    reason = "encrypted PDF: cannot be opened without a password"


class MissingMetadata(ReportError):
    reason = "report found but its metadata is incomplete"


class TimeLimit(ReportError):
    reason = "time limit exceeded"


class TableTooLarge(Exception):
    """A table that would expand past the cells any report prints (spans multiplying a small
    file into millions of cells): raised where no file is known; the reader refuses the file."""

    def __init__(self, cells: int) -> None:
        super().__init__(f"a table that expands to more than {cells:,} cells")


class OverLimit(ReportError):
    """The file is larger than a configured bound (bytes, PDF pages, HTML depth)."""

    reason = "over a size limit"


class NotRegularFile(ReportError):
    """A corpus entry that is not a file to read: a FIFO, socket, device or bad symlink."""

    reason = "not a regular file"


class CorpusError(BuilderError):
    """The corpus folder itself is unusable (missing, not a folder, no files)."""


class PreviewError(BuilderError):
    """The preview server cannot start (a busy port, no site to serve)."""
