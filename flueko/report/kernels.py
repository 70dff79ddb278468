"""Warm kernels: report notebooks run in kernels that were started, and did their imports, ahead.

Starting a Jupyter kernel and importing pandas, plotly and flueko's report modules is most of
the time a small report takes. :class:`KernelPool` starts as many kernels as notebooks run at
once, in background threads — while the command line ingests the rounds — and papermill runs
each notebook in one of them (its ``km`` option). A kernel that has served a notebook is reset
(:func:`reset`: the notebook's names, outputs and history forgotten, execution count and chart
ids back at 1) and serves the next, so a run of four notebooks on two threads starts two
kernels, not four.

The notebooks stay as they are, thin and parameterised. The warm-up (:func:`warm_up`) only
imports modules and builds one throw-away chart; warm-up and reset run silently (no output, no
history, the execution count unchanged), so the executed notebook is what a fresh kernel gives.
A kernel whose notebook failed is not reused. When a kernel cannot be started or warmed, the
pool hands out nothing and papermill starts its own kernel as before (with its error message
when that fails too).
"""

from __future__ import annotations

import contextlib
import queue
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

# Imported here, in the thread that makes the pool, not in the threads that start kernels:
# two threads importing the same modules at once can leave one with a half-initialised module.
from jupyter_client import KernelManager

KERNEL = "python3"
KERNEL_ARGUMENTS = ["--IPKernelApp.log_level=CRITICAL", "--HistoryManager.hist_file=:memory:"]
WARM_UP = "__import__('flueko.report.kernels', fromlist=['warm_up']).warm_up()"
"""Code a warm kernel runs: leaves no name behind in the notebook's namespace."""
RESET = "__import__('flueko.report.kernels', fromlist=['reset']).reset()"
START_TIMEOUT = 60.0


def warm_up() -> None:
    """In a kernel: import what the report notebooks import and build one chart, then drop it.

    The first plotly figure of a process loads the validators of its trace types and the
    layout template (about 0.1 s), the first privacy check the first-name lexicon (about
    0.1 s), the taxonomy needs its YAML parsed (about 0.1 s); doing it here takes that off the
    notebooks' time.
    """
    import plotly.graph_objects as go

    from flueko.privacy import mask_personal_data
    from flueko.report import api, display, fmt, overview, sections  # noqa: F401
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
    fig.to_dict()
    # the first-name lexicon of the privacy check (the data-quality section masks with it)
    mask_personal_data("Frau Probe")
    # the shipped settings every report reads, parsed once (see flueko.report.api.settings)
    api.settings("taxonomy.yaml")
    api.settings("survey_items.yaml")
    # the German number formats (babel loads its locale data on first use)
    fmt.number(1234.5, digits=1), fmt.percent(0.5), fmt.money_range(1000, 2000)
    fmt.day("2016-10-20")


def reset() -> None:
    """In a kernel that has served a notebook: make it like a fresh kernel for the next one.

    The notebook's names, outputs and history go, the execution count and the chart ids start
    at 1 again, warnings shown once are shown again; imported modules stay (that is the gain),
    and the overview's imports are added.
    """
    import warnings

    from IPython import get_ipython

    from flueko.report import display

    get_ipython().reset(new_session=True)
    display.restart_figure_ids()
    with warnings.catch_warnings():  # leaving it clears the "already shown" registries
        pass
    # The next notebook may be the overview, whose check for stale reports needs the inputs'
    # fingerprint (flueko.pipeline): imported now, while the command line exports the report.
    import flueko.pipeline  # noqa: F401


class PoolKernelManager(KernelManager):
    """A kernel manager that remembers the clients it hands out, so that the pool can close
    them after each notebook: papermill leaves the client of a kernel it did not start open
    (a heartbeat thread and a dozen sockets per notebook, until the process ends)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._clients: list[Any] = []

    def client(self, **kwargs: Any) -> Any:
        kc = super().client(**kwargs)
        self._clients.append(kc)
        return kc

    def close_clients(self) -> None:
        """Stop the channels of every client handed out since the last call."""
        while self._clients:
            with contextlib.suppress(Exception):
                self._clients.pop().stop_channels()


class KernelGone(Exception):
    """The kernel process ended (or never answered) while flueko waited for it."""


def _run_silently(km: KernelManager, code: str) -> None:
    """Execute ``code`` in ``km``'s kernel silently and wait for the reply on the shell channel
    (zmq queues the request until the kernel listens; no wait for IOPub, which costs 0.2 s).

    Raises :class:`KernelGone` when the kernel dies or does not answer in time, RuntimeError
    when the code fails."""
    kc = km.blocking_client()
    kc.start_channels(iopub=False, stdin=False, hb=False, control=False)
    try:
        msg_id = kc.execute(code, silent=True, store_history=False)
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            try:
                reply = kc.get_shell_msg(timeout=0.2)
            except queue.Empty:
                if not km.is_alive() or time.monotonic() > deadline:
                    raise KernelGone(f"Kernel {KERNEL} antwortet nicht") from None
                continue
            if reply.get("parent_header", {}).get("msg_id") == msg_id:
                break
    finally:
        kc.stop_channels()
    if reply["content"]["status"] != "ok":
        raise RuntimeError(f"{reply['content'].get('ename')}: {reply['content'].get('evalue')}")


def start_kernel(cwd: Path) -> KernelManager:
    """A started kernel in ``cwd`` that has run :func:`warm_up`; raises when it cannot start.

    Its manager makes asynchronous clients, as papermill's notebook client expects.
    """
    km = PoolKernelManager(
        kernel_name=KERNEL, client_class="jupyter_client.asynchronous.AsyncKernelClient"
    )
    km.start_kernel(cwd=str(cwd), extra_arguments=list(KERNEL_ARGUMENTS))
    try:
        # A failing warm-up is no reason to give up the kernel: the notebook's own import
        # cell meets the same problem and reports it in its place.
        with contextlib.suppress(RuntimeError):
            _run_silently(km, WARM_UP)
    except BaseException:
        stop_kernel(km)
        raise
    return km


def reset_kernel(km: KernelManager) -> None:
    """Run :func:`reset` in ``km``'s kernel; raises when that does not work."""
    _run_silently(km, RESET)


def stop_kernel(km: KernelManager) -> None:
    """Stop ``km``'s kernel at once: it has nothing left to save (its history is in memory),
    and asking it to shut down takes half a second or more."""
    with contextlib.suppress(Exception):
        km.shutdown_kernel(now=True)
    with contextlib.suppress(Exception):
        km.cleanup_resources()


_NONE = None
"""What the queue holds for a kernel that could not start."""


class KernelPool:
    """``size`` warm kernels, started now, each reused from notebook to notebook.

    Parameters
    ----------
    cwd
        Working directory of the kernels (the workspace, as for papermill's ``cwd``).
    size
        Kernels to start: as many as notebooks run at the same time.
    """

    def __init__(self, cwd: Path, *, size: int) -> None:
        self._cwd = Path(cwd)
        self._lock = threading.Lock()
        self._free: queue.Queue[KernelManager | None] = queue.Queue()
        self._all: list[KernelManager] = []
        self._closed = False
        self._work = ThreadPoolExecutor(max(1, size), thread_name_prefix="flueko-kernel")
        for _ in range(max(1, size)):
            self._work.submit(self._start)

    def _start(self) -> None:
        try:
            km = start_kernel(self._cwd)
        except Exception:
            self._free.put(_NONE)
            return
        with self._lock:
            if self._closed:
                stop_kernel(km)
                return
            self._all.append(km)
        self._free.put(km)

    def take(self) -> KernelManager | None:
        """A warm kernel (waiting for one if need be), or ``None`` if there is none."""
        with self._lock:
            if self._closed:
                return None
        km = self._free.get()
        if km is _NONE:
            self._free.put(_NONE)  # this start failed: the next one in line is told at once
        return km

    def release(self, km: KernelManager, *, reuse: bool = True) -> None:
        """Give back a kernel that has served its notebook: reset for the next one, or (after a
        failed notebook, or when the reset fails) shut down and replaced by a fresh one."""

        if isinstance(km, PoolKernelManager):
            km.close_clients()  # in the thread that used them

        def back() -> None:
            if reuse:
                try:
                    reset_kernel(km)
                except Exception:
                    pass
                else:
                    self._free.put(km)
                    return
            with self._lock:
                if km in self._all:
                    self._all.remove(km)
            stop_kernel(km)
            with self._lock:
                closed = self._closed
            if not closed:
                self._start()

        with self._lock:
            if self._closed:
                return
        self._work.submit(back)

    def close(self) -> None:
        """Shut every kernel down, wait until they have stopped."""
        with self._lock:
            self._closed = True
        self._work.shutdown(wait=True)
        with self._lock:
            kernels, self._all = self._all, []
        threads = [threading.Thread(target=stop_kernel, args=(km,)) for km in kernels]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def __enter__(self) -> KernelPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def warm_kernels(cwd: Path, *, rounds: int, jobs: int) -> KernelPool:
    """Kernels for the reports of ``rounds`` rounds and the overview, started now: as many as
    run at once (``jobs``, at most one per round), each reused for the next notebook."""
    return KernelPool(cwd, size=max(1, min(jobs, rounds)))
