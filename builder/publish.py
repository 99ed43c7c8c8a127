"""Publishing: a build writes into a staging folder beside ``--out`` and swaps it in at the
end, so a failed or killed build leaves the previous output as it was. The output a build
replaces is kept beside as the next build's staging folder (``claim_spare``); leftovers of
killed builds and removers are cleaned by the next build (``remove_stale_staging``).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from .errors import BuilderError

MARKER = ".built-by-gov-reports"
_STAGING = ".{name}.building-{pid}"


def staging_path(out: Path) -> Path:
    """This build's staging folder beside ``out``."""
    return out.with_name(_STAGING.format(name=out.name, pid=os.getpid()))


def check_output(out: Path) -> None:
    """Refuse an --out that is a file, or a folder with content this tool did not build."""
    if out.is_symlink():
        raise BuilderError(f"{out}: a symlink; give the folder it points to as --out (it is replaced whole)")
    if out.exists() and not out.is_dir():
        raise BuilderError(f"{out}: not a folder")
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        raise BuilderError(f"{out}: refusing to overwrite a folder this tool did not build; choose another --out")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def remove_stale_staging(out: Path) -> None:
    """Folders left beside --out by builds that were killed (their process is gone), and
    replaced outputs whose remover was killed; a live remover's folder is left to it."""
    building, removing = f".{out.name}.building-", f".{out.name}.removing-"
    if not out.parent.is_dir():
        return
    for folder in sorted(out.parent.iterdir()):
        if folder.name.startswith(removing):
            pid = folder.name[len(removing):]
            if pid.isdigit() and not _alive(int(pid)):
                remove_in_background(folder, removing)
            continue
        pid = folder.name[len(building):].removesuffix("-old")
        if not (folder.name.startswith(building) and pid.isdigit()) or (int(pid) != os.getpid() and _alive(int(pid))):
            continue
        if folder.name.endswith("-old") and not out.exists():
            os.rename(folder, out)  # killed between the two renames of publish(): the previous output
        else:
            remove_in_background(folder, removing)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux renameat2); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(a))


def publish(staging: Path, out: Path) -> None:
    """Put the finished build at ``out``. Where the system allows it, the old and
    new folders are exchanged atomically, so ``out`` is never missing or mixed;
    the old output is then kept beside as the next build's folder (``claim_spare``),
    or removed in the background (``remove_in_background``) when there is one already."""
    old = out.with_name(_STAGING.format(name=out.name, pid=os.getpid()) + "-old")
    if out.exists() and _exchange(staging, out):
        os.rename(staging, old)
    elif out.exists():
        os.rename(out, old)
        os.rename(staging, out)
    else:
        os.rename(staging, out)
        return
    try:
        os.rename(old, _spare(out))  # fails when another build left one meanwhile
    except OSError:
        remove_in_background(old, f".{out.name}.removing-")


def _spare(out: Path) -> Path:
    return out.with_name(f".{out.name}.spare")


class Staging:
    """The folder a build writes into (``claim_spare``): new, or the output the last build
    replaced, whose files a thread removes while the reports are read. Nothing is written
    into it before ``ready``."""

    def __init__(self, path: Path, spare: bool) -> None:
        self.path, self.spare = path, spare
        self._failure: list[OSError] = []
        self._thread = threading.Thread(target=self._empty, name="emptying", daemon=True) if spare else None
        if self._thread:
            self._thread.start()

    def _empty(self) -> None:
        try:
            _remove_files(self.path)
        except OSError as error:
            self._failure.append(error)

    def ready(self) -> None:
        """Wait until no file of the spare is left (raises what stopped its removal)."""
        if self._thread:
            self._thread.join()
            self._thread = None
        if self._failure:
            error = self._failure[0]
            raise BuilderError(f"{self.path}: could not empty the last output kept for this build "
                               f"({error.strerror or error}: {error.filename})")


def claim_spare(out: Path, staging: Path) -> Staging:
    """Make ``staging``: the output replaced by the last build (kept beside --out) renamed, its
    files removed (``Staging.ready``) and its folders kept, or else a new folder.

    Its unchanged files are hard links to the current output's, so removing them frees
    nothing, and the folders a rebuild needs are already there: on ext4 a folder made anew
    costs a hundred microseconds or more, up to a millisecond where many files were deleted
    lately (as when a replaced output is removed), while a file's removal costs a few.
    No file is left to be written through: every file of the current output stays as it is.
    Anything else at that name (a link, a file, a folder without this tool's mark) is left there."""
    spare = _spare(out)
    try:
        os.rename(spare, staging)
    except OSError:  # none (or another build took it)
        staging.mkdir()
        return Staging(staging, False)
    if staging.is_symlink() or not staging.is_dir() or not (staging / MARKER).is_file():
        os.rename(staging, spare)
        staging.mkdir()
        return Staging(staging, False)
    return Staging(staging, True)


def _remove_files(folder: Path | str) -> None:
    """Every file (and symbolic link) below ``folder``; the folders stay."""
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                _remove_files(entry.path)
            else:
                os.unlink(entry.path)


def remove_empty_folders(folder: Path | str) -> bool:
    """The folders below ``folder`` that hold no file (kept from the spare, not used by this
    build): a build made in a new folder has none. Whether ``folder`` itself is now empty."""
    empty = True
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.is_dir(follow_symlinks=False) and remove_empty_folders(entry.path):
                os.rmdir(entry.path)
            else:
                empty = False
    return empty


# Run by a process of its own: it first renames the folder to carry its pid, so that builds
# leave the folder to it while it works (``remove_stale_staging``).
_REMOVER = """
import os, shutil, sys
folder, prefix = sys.argv[1:]
mine = os.path.join(os.path.dirname(folder), prefix + str(os.getpid()))
try:
    os.rename(folder, mine)
except OSError:
    mine = folder
shutil.rmtree(mine, ignore_errors=True)
"""
# Starts the remover and exits at once, so that the remover outlives the build and is nobody's zombie.
_LAUNCHER = ("import subprocess, sys; subprocess.Popen([sys.executable, '-c', *sys.argv[1:]], start_new_session=True, "
             "stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)")


def remove_in_background(folder: Path, prefix: str) -> None:
    """Delete a folder (a replaced output, a killed build's leftovers) without waiting for it:
    on a disk where each unlink is slow (ext4 with online discard), removing the tens of
    thousands of files of a large site takes longer than a one-file rebuild, and the new
    output is already in place. The remover renames the folder to ``prefix`` + its pid."""
    try:
        subprocess.run([sys.executable, "-c", _LAUNCHER, _REMOVER, str(folder), prefix], check=True, timeout=60,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        shutil.rmtree(folder, ignore_errors=True)
