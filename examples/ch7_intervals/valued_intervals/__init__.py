"""valued_intervals: combining intervals that carry a value, with Rust when it is there.

    >>> from ch7_intervals.valued_intervals import IntervalSum
    >>> [str(s) for s in IntervalSum([(2, 4, 3), (1, 3, 2)]).segments()]
    ['[1-2; 2]', '[2-3; 5]', '[3-4; 3]']

The combination runs in the Rust wheel `intervalues_pyrust` when it can be imported, and in this package's
own Python code when it cannot; the environment variable `VALUED_INTERVALS_BACKEND` (auto, rust, python)
overrides the choice at import. `BACKEND` says which is active and `REASON` why. Results are identical.
"""

from ._switch import BACKEND, REASON, VARIABLE, combine_arrays
from .intervals import IntervalSum, ValuedInterval, combine

__all__ = ["BACKEND", "REASON", "VARIABLE", "IntervalSum", "ValuedInterval", "combine", "combine_arrays"]
