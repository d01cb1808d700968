"""Benchmark every module: execution time and peak memory, and widget latency.

For each module in notebooks/, measured side by side in one run:

- the solution notebook executed in a fresh kernel, versus an "imports only"
  notebook with the same import statements (the ratio is the figure: the
  machine is shared and absolute times are noisy); target ratio <= 2x and
  peak kernel memory <= 500 MB;
- every explorer found in the executed notebook (an object with a
  ``controls`` dict): each control is moved over ~30 values and the time of
  the synchronous callback is recorded; target p95 < 100 ms.

Usage: ``.venv/bin/python bench/bench_modules.py [MODULE-PREFIX ...] [--repeat N]``
"""

from __future__ import annotations

import argparse
import ast
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from esn_teach.course import find_modules, read_module  # noqa: E402

PEAK_CELL = """
import json as _json, resource as _resource
print("BENCH_PEAK_MB", _resource.getrusage(_resource.RUSAGE_SELF).ru_maxrss / 1024)
"""

WIDGET_CELL = """
import json as _json, time as _time
import numpy as _np
def _values(control, n=30):
    options = getattr(control, "options", None)
    if options:
        values = [o[1] if isinstance(o, tuple) else o for o in options]
        return (values * n)[: max(n, len(values))]
    if isinstance(control.value, bool):
        return [True, False] * (n // 2)
    low, high = control.min, control.max
    values = _np.linspace(low, high, n)
    return [type(control.value)(v) for v in values]
_results = {}
for _name, _obj in list(globals().items()):
    _controls = getattr(_obj, "controls", None)
    if _name.startswith("_") or isinstance(_obj, type) or not isinstance(_controls, dict):
        continue
    if not _controls:
        continue
    _times = []
    for _control in _controls.values():
        _start_value = _control.value
        for _v in _values(_control):
            _t0 = _time.perf_counter()
            _control.value = _v
            _times.append(_time.perf_counter() - _t0)
        _control.value = _start_value
    _results[_name] = {
        "class": type(_obj).__name__,
        "n": len(_times),
        "p50_ms": 1000 * float(_np.percentile(_times, 50)),
        "p95_ms": 1000 * float(_np.percentile(_times, 95)),
    }
print("BENCH_WIDGETS", _json.dumps(_results))
"""


def _imports_only(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """A notebook with the same import statements as ``notebook`` and nothing else."""
    statements = []
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        try:
            tree = ast.parse(cell.source)
        except SyntaxError:
            continue
        statements += [
            ast.unparse(node) for node in tree.body if isinstance(node, ast.Import | ast.ImportFrom)
        ]
    return nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_code_cell("\n".join(dict.fromkeys(statements)))],
        metadata=notebook.metadata,
    )


def _execute(notebook: nbformat.NotebookNode, extra: list[str]) -> tuple[float, str]:
    notebook = nbformat.reads(nbformat.writes(notebook), as_version=4)
    notebook.cells.extend(nbformat.v4.new_code_cell(code) for code in extra)
    with tempfile.TemporaryDirectory() as folder:
        client = NotebookClient(
            notebook, timeout=600, kernel_name="python3", resources={"metadata": {"path": folder}}
        )
        start = time.perf_counter()
        client.execute()
        elapsed = time.perf_counter() - start
    # The measurement cells are not part of the module: take their time off.
    for cell in notebook.cells[len(notebook.cells) - len(extra) :]:
        timing = cell.metadata.get("execution", {})
        if "shell.execute_reply" in timing and "iopub.execute_input" in timing:
            elapsed -= (
                datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
                - datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
            ).total_seconds()
    text = "\n".join(
        output.get("text", "")
        for cell in notebook.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "stream"
    )
    return elapsed, text


def _tagged(text: str, tag: str) -> str:
    return next(line.split(" ", 1)[1] for line in text.splitlines() if line.startswith(tag))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="module name prefixes (default: all)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per notebook (median)")
    args = parser.parse_args()
    paths = [
        p
        for p in find_modules(REPO / "notebooks")
        if not args.modules or any(p.stem.startswith(m) for m in args.modules)
    ]
    print(
        f"{'module':34} {'full s':>7} {'imports s':>9} {'ratio':>6} "
        f"{'peak MB':>8} {'imports MB':>10}   widgets p50/p95 ms"
    )
    worst_ratio, worst_peak, worst_p95 = 0.0, 0.0, 0.0
    for path in paths:
        module = read_module(path)
        full_times, base_times = [], []
        for _ in range(args.repeat):
            # Interleaved, so both see the same machine load.
            elapsed, full_text = _execute(module.notebook, [PEAK_CELL, WIDGET_CELL])
            full_times.append(elapsed)
            elapsed, base_text = _execute(_imports_only(module.notebook), [PEAK_CELL])
            base_times.append(elapsed)
        full, base = statistics.median(full_times), statistics.median(base_times)
        peak = float(_tagged(full_text, "BENCH_PEAK_MB"))
        base_peak = float(_tagged(base_text, "BENCH_PEAK_MB"))
        widgets = json.loads(_tagged(full_text, "BENCH_WIDGETS"))
        shown = (
            ", ".join(
                f"{w['class']} {w['p50_ms']:.1f}/{w['p95_ms']:.1f} (n={w['n']})"
                for w in widgets.values()
            )
            or "none"
        )
        print(
            f"{module.name:34} {full:7.2f} {base:9.2f} {full / base:6.2f} "
            f"{peak:8.0f} {base_peak:10.0f}   {shown}"
        )
        worst_ratio = max(worst_ratio, full / base)
        worst_peak = max(worst_peak, peak)
        worst_p95 = max([worst_p95, *(w["p95_ms"] for w in widgets.values())])
    print(
        f"\nworst: time ratio {worst_ratio:.2f}x (target <= 2), peak {worst_peak:.0f} MB "
        f"(target <= 500), widget p95 {worst_p95:.1f} ms (target < 100)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
