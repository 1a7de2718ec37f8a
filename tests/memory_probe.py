"""The process's resident memory, now and at its peak, on Linux, macOS and Windows, for the memory tests.

On Linux the peak can be reset (`/proc/self/clear_refs`), so the peak *during one call* is measured
exactly. Elsewhere the peak is the process's lifetime peak, so a call's peak is seen only where it rises
above everything before it: the checks there can miss growth, never invent it.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def rss_bytes() -> int:
    """The resident memory now (Linux, Windows), or the peak so far where neither is at hand (macOS)."""
    if sys.platform == "win32":
        return windows_working_set()[0]
    try:
        with open("/proc/self/statm") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        return peak_rss_bytes()


def settled_rss_bytes() -> int:
    """The resident memory once what the program has freed is given back: garbage collected, and on glibc
    `malloc_trim(0)`, which returns the free pages of every malloc arena (Rust's threads allocate in arenas
    of their own, whose free pages otherwise stay resident by chance). What a leak holds is not free, so it
    still counts; what fragmentation happens to keep resident does not."""
    import gc

    gc.collect()
    if sys.platform.startswith("linux"):
        import contextlib
        import ctypes

        with contextlib.suppress(OSError, AttributeError):  # not glibc: musl has no malloc_trim
            ctypes.CDLL(None).malloc_trim(0)
    return rss_bytes()


def peak_rss_bytes() -> int:
    """The largest resident memory so far."""
    if sys.platform == "win32":
        return windows_working_set()[1]
    import resource  # not on Windows

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def windows_working_set() -> tuple[int, int]:
    """The process's working set now and at its peak, from GetProcessMemoryInfo."""
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [
            ("cb", wintypes.DWORD),
            ("PageFaultCount", wintypes.DWORD),
            ("PeakWorkingSetSize", ctypes.c_size_t),
            ("WorkingSetSize", ctypes.c_size_t),
            ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPagedPoolUsage", ctypes.c_size_t),
            ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
            ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
            ("PagefileUsage", ctypes.c_size_t),
            ("PeakPagefileUsage", ctypes.c_size_t),
        ]

    current_process = ctypes.windll.kernel32.GetCurrentProcess  # type: ignore[attr-defined]
    current_process.restype = wintypes.HANDLE
    memory_info = ctypes.windll.psapi.GetProcessMemoryInfo  # type: ignore[attr-defined]
    memory_info.argtypes = [wintypes.HANDLE, ctypes.POINTER(Counters), wintypes.DWORD]
    memory_info.restype = wintypes.BOOL
    counters = Counters()
    counters.cb = ctypes.sizeof(Counters)
    if not memory_info(current_process(), ctypes.byref(counters), counters.cb):
        raise ctypes.WinError()  # type: ignore[attr-defined]
    return int(counters.WorkingSetSize), int(counters.PeakWorkingSetSize)


def reset_peak() -> bool:
    """Sets the peak to the resident memory now; False where that is impossible (not Linux)."""
    try:
        with open("/proc/self/clear_refs", "w") as clear_refs:
            clear_refs.write("5")  # "reset the peak resident set size", since Linux 4.0
    except OSError:
        return False
    return True


def peak_since_reset() -> int:
    """The peak resident memory since `reset_peak` (Linux: VmHWM), else the lifetime peak."""
    try:
        with open("/proc/self/status") as status:
            found = re.search(r"^VmHWM:\s+(\d+) kB", status.read(), re.MULTILINE)
    except OSError:
        found = None
    return int(found.group(1)) * 1024 if found else peak_rss_bytes()


def peak_growth(call: Callable[[], T]) -> tuple[T, int]:
    """Runs `call` and returns its result and how far the resident memory rose above where it started."""
    start = rss_bytes()
    if not reset_peak():
        start = max(start, peak_rss_bytes())
    result = call()
    return result, max(0, peak_since_reset() - start)
