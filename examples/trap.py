"""The debug-build trap, chapter by chapter: runs every examples/ch*/trap.py.

Run it through `./just trap`, which first builds the release wheels into .venv and the debug wheels into
.venv-debug.
"""

import subprocess
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
status = 0
for script in sorted(here.glob("ch*/trap.py")):
    print(f"==> {script.relative_to(here.parent)}", flush=True)
    status |= subprocess.run([sys.executable, str(script)], check=False).returncode
sys.exit(status)
