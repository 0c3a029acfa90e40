"""Launch the explorer: `streamlit run ui/app.py` with the store location passed through.

    from kadrey_kg.ui.serve import serve
    serve("~/cases/store", port=8501)          # blocks until Ctrl-C; returns streamlit's exit code
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
import urllib.request
import webbrowser
from pathlib import Path

APP = Path(__file__).with_name("app.py")
STORE_ENV = "KADREY_KG_STORE"


def command(store_location: str | os.PathLike | None = None, port: int = 8501, open_browser: bool = True,
            headless: bool = False, address: str | None = None) -> list[str]:
    """The `streamlit run` command line (exposed for tests and for printing). Always headless:
    Streamlit's own browser opening comes with a first-run e-mail prompt on stdin, which blocks a
    fresh user's terminal and kills a run without one; `serve` opens the browser itself."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
           "--server.headless", "true",
           "--browser.gatherUsageStats", "false", "--server.runOnSave", "false",
           "--theme.base", "light", "--client.toolbarMode", "viewer"]
    if address:
        cmd += ["--server.address", address]
    if store_location is not None:
        cmd += ["--", "--store", str(store_location)]
    return cmd


def environment(store_location: str | os.PathLike | None = None) -> dict[str, str]:
    env = dict(os.environ)
    if store_location is not None:
        env[STORE_ENV] = str(store_location)
    env.setdefault("STREAMLIT_BROWSER_GATHER_USAGE_STATS", "false")
    return env


def serve(store_location: str | os.PathLike | None = None, port: int = 8501, open_browser: bool = True,
          headless: bool = False) -> int:
    """Run the explorer in the foreground (the store is opened read-only by the app)."""
    proc = subprocess.Popen(command(store_location, port, open_browser, headless), env=environment(store_location))
    if open_browser and not headless:
        threading.Thread(target=_open_when_ready, args=(proc, port), daemon=True).start()
    # Ctrl-C reaches Streamlit too (same process group), but `kill`, a closed terminal or a service
    # manager signal only this process: pass the signal on, or Streamlit keeps running alone.
    forwarded = [sig for sig in (signal.SIGTERM, getattr(signal, "SIGHUP", None)) if sig is not None]
    previous = {}
    if threading.current_thread() is threading.main_thread():
        previous = {sig: signal.signal(sig, lambda signum, frame: proc.terminate()) for sig in forwarded}
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)


def start(store_location: str | os.PathLike | None = None, port: int = 8501, **popen) -> subprocess.Popen:
    """Run the explorer in the background, headless (used by the browser tests and `demo`)."""
    return subprocess.Popen(command(store_location, port, open_browser=False, headless=True),
                            env=environment(store_location), **popen)


def _open_when_ready(proc: subprocess.Popen, port: int, timeout: float = 120.0) -> None:
    """Open the explorer in the user's browser once the server answers its health check."""
    url, deadline = f"http://localhost:{port}", time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        try:
            if urllib.request.urlopen(f"{url}/_stcore/health", timeout=2).read() == b"ok":
                webbrowser.open(url)
                return
        except OSError:
            pass
        time.sleep(0.5)
