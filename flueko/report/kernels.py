"""Warm kernels: report notebooks run in kernels that were started, and did their imports, ahead.

Starting a Jupyter kernel and importing pandas, plotly and flueko's report modules is most of
the time a small report takes. :class:`KernelPool` starts the kernels a run will need in
background threads — while the command line ingests the rounds, or while the kernels before
them run their notebooks — and papermill runs each notebook in one of them (its ``km`` option).

The notebooks stay as they are, thin and parameterised. The warm-up (:func:`warm_up`) only
imports modules and builds one throw-away chart; it runs silently (no output, no history, the
execution count unchanged), so the executed notebook is what a fresh kernel gives. A kernel
serves one notebook and is shut down after it. When a kernel cannot be started or warmed, the
pool hands out nothing and papermill starts its own kernel as before (with its error message
when that fails too).
"""

from __future__ import annotations

import contextlib
import threading
from collections import deque
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

# Imported here, in the thread that makes the pool, not in the threads that start kernels:
# two threads importing the same modules at once can leave one with a half-initialised module.
from jupyter_client import KernelManager

KERNEL = "python3"
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL"]
WARM_UP = "__import__('flueko.report.kernels', fromlist=['warm_up']).warm_up()"
"""Code a warm kernel runs: leaves no name behind in the notebook's namespace."""
START_TIMEOUT = 60.0


def warm_up() -> None:
    """In a kernel: import what the report notebooks import and build one chart, then drop it.

    The first plotly figure of a process loads the validators of its trace types and the
    layout template (about 0.1 s); doing it here takes that off the notebook's time.
    """
    import plotly.graph_objects as go

    from flueko.report import api, display, overview, sections  # noqa: F401
    from flueko.report.charts import cards, priority, style, survey  # noqa: F401

    fig = go.Figure(
        [
            go.Scatter(x=[1], y=[1], mode="markers+text", text=["1"], marker={"size": [9]}),
            go.Bar(x=[1], y=["a"], orientation="h", text=["1"]),
            go.Heatmap(z=[[1.0]], x=["a"], y=["b"], text=[["1"]]),
        ]
    )
    style(fig, title="Probe")
    fig.add_shape(type="line", x0=0, x1=1, y0=0, y1=1)
    fig.add_annotation(text="Probe", x=1, y=1)
    fig.update_xaxes(title="x")
    fig.to_json()


def start_kernel(cwd: Path) -> KernelManager:
    """A started kernel in ``cwd`` that has run :func:`warm_up`; raises when it cannot start.

    Its manager makes asynchronous clients, as papermill's notebook client expects.
    """
    km = KernelManager(
        kernel_name=KERNEL, client_class="jupyter_client.asynchronous.AsyncKernelClient"
    )
    km.start_kernel(cwd=str(cwd), extra_arguments=list(KERNEL_ARGUMENTS))
    try:
        kc = km.blocking_client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=START_TIMEOUT)
            # A failing warm-up is no reason to give up the kernel: the notebook's own import
            # cell meets the same problem and reports it in its place.
            kc.execute_interactive(WARM_UP, silent=True, store_history=False, timeout=START_TIMEOUT)
        finally:
            kc.stop_channels()
    except BaseException:
        stop_kernel(km)
        raise
    return km


def stop_kernel(km: KernelManager) -> None:
    """Shut ``km``'s kernel down (ask it, then kill it when it does not stop in time)."""
    with contextlib.suppress(Exception):
        km.shutdown_kernel(now=False)
    with contextlib.suppress(Exception):
        km.cleanup_resources()


class KernelPool:
    """Kernels for ``total`` notebooks, at most ``ahead`` of them starting or waiting at a time.

    Parameters
    ----------
    cwd
        Working directory of the kernels (the workspace, as for papermill's ``cwd``).
    total
        Notebooks the run will execute; no more kernels than that are started.
    ahead
        Kernels started before they are taken; each :meth:`take` starts the next one.
    """

    def __init__(self, cwd: Path, *, total: int, ahead: int) -> None:
        self._cwd = Path(cwd)
        self._left = max(0, total)
        self._ahead = max(1, ahead)
        self._lock = threading.Lock()
        self._waiting: deque[Future[KernelManager]] = deque()
        self._starter = ThreadPoolExecutor(self._ahead, thread_name_prefix="flueko-kernel")
        self._stopper = ThreadPoolExecutor(2, thread_name_prefix="flueko-kernel-stop")
        self._closed = False
        with self._lock:
            for _ in range(min(self._ahead, self._left)):
                self._start_one()

    def _start_one(self) -> None:
        self._left -= 1
        self._waiting.append(self._starter.submit(start_kernel, self._cwd))

    def take(self) -> KernelManager | None:
        """The next warm kernel (waiting for it if need be), or ``None`` if there is none."""
        with self._lock:
            if self._closed or not self._waiting:
                return None
            future = self._waiting.popleft()
            if self._left > 0:
                self._start_one()
        try:
            return future.result()
        except Exception:
            return None

    def release(self, km: KernelManager) -> None:
        """Shut down a kernel that has served its notebook, in the background."""
        self._stopper.submit(stop_kernel, km)

    def close(self) -> None:
        """Shut down the kernels nobody took and wait until every kernel has stopped."""
        with self._lock:
            self._closed = True
            self._left = 0
            waiting, self._waiting = list(self._waiting), deque()
        for future in waiting:
            if not future.cancel():
                future.add_done_callback(_stop_when_started)
        self._starter.shutdown(wait=True)
        self._stopper.shutdown(wait=True)

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _stop_when_started(future: Future[KernelManager]) -> None:
    if not future.cancelled() and future.exception() is None:
        stop_kernel(future.result())
