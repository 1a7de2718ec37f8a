"""The one switch: which implementation of the combination this process uses.

At import, `VALUED_INTERVALS_BACKEND` decides:

- `auto` (or unset): the Rust wheel `intervalues_pyrust` if it can be imported, the pure-Python code if not;
- `python`: the pure-Python code, even when the wheel is installed;
- `rust`: the wheel, or an ImportError saying why it cannot be imported.

`BACKEND` is `"rust"` or `"python"`; `REASON` says why, in words. Both implementations give identical
results (tests/ run the package's tests once each way).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any

from . import _pure

VARIABLE = "VALUED_INTERVALS_BACKEND"
CHOICES = ("auto", "rust", "python")


def _load_wheel() -> tuple[ModuleType | None, str]:
    try:
        import intervalues_pyrust
    except ImportError as error:
        return None, f"intervalues_pyrust cannot be imported ({error})"
    return intervalues_pyrust, f"intervalues_pyrust {intervalues_pyrust.__version__} is installed"


def _choose() -> tuple[str, str, ModuleType | None]:
    wanted = os.environ.get(VARIABLE, "auto").strip().lower() or "auto"
    if wanted not in CHOICES:
        raise ImportError(f"{VARIABLE} must be one of {', '.join(CHOICES)}, not {wanted!r}")
    if wanted == "python":
        return "python", f"{VARIABLE}=python", None
    wheel, why = _load_wheel()
    if wheel is None:
        if wanted == "rust":
            raise ImportError(f"{VARIABLE}=rust, but {why}")
        return "python", why, None
    return "rust", why, wheel


BACKEND, REASON, _wheel = _choose()

combine_int: Callable[[Sequence[tuple[int, int, int]]], list[tuple[int, int, int]]]
combine_float: Callable[[Sequence[tuple[float, float, float]]], list[tuple[float, float, float]]]
if _wheel is not None:
    combine_int = _wheel.combine_intervals_int
    combine_float = _wheel.combine_intervals_float
    _combine_arrays = _wheel.combine_intervals_arrays
else:
    combine_int = _pure.combine_int
    combine_float = _pure.combine_float
    _combine_arrays = None


def combine_arrays(starts: Any, stops: Any, values: Any) -> tuple[Any, Any, Any]:
    """Combine intervals given as three 1-D numpy arrays, all int64 or all float64; return the segments as
    three arrays of the same dtype. Same contract as `combine`; needs numpy."""
    if _combine_arrays is not None:
        return _combine_arrays(starts, stops, values)
    import numpy as np

    arrays = {"starts": starts, "stops": stops, "values": values}
    for name, array in arrays.items():
        if not isinstance(array, np.ndarray):
            kind = type(array).__name__
            raise TypeError(f"combine_intervals_arrays() argument {name} must be a numpy array, not {kind}")
        if array.ndim != 1:
            raise ValueError(
                f"combine_intervals_arrays() argument {name} must be 1-D, got {array.ndim} dimensions"
            )
    if not len(starts) == len(stops) == len(values):
        raise ValueError(
            "combine_intervals_arrays() needs arrays of one length, "
            f"got {len(starts)}, {len(stops)} and {len(values)}"
        )
    kinds = {array.dtype for array in arrays.values()}
    if kinds == {np.dtype(np.int64)}:
        dtype, combine = np.int64, _pure.combine_int
    elif kinds == {np.dtype(np.float64)}:
        dtype, combine = np.float64, _pure.combine_float
    else:
        raise TypeError(
            "combine_intervals_arrays() needs three int64 or three float64 arrays, got "
            f"{starts.dtype}, {stops.dtype} and {values.dtype}"
        )
    combined = combine(list(zip(starts.tolist(), stops.tolist(), values.tolist(), strict=True)))
    columns = tuple(zip(*combined, strict=True)) or ((), (), ())
    return tuple(np.array(column, dtype=dtype) for column in columns)  # type: ignore[return-value]
