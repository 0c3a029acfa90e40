"""Launch the explorer: `streamlit run ui/app.py` with the store location passed through.

    from kadrey_kg.ui.serve import serve
    serve("~/cases/store", port=8501)          # blocks until Ctrl-C; returns streamlit's exit code
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

APP = Path(__file__).with_name("app.py")
STORE_ENV = "KADREY_KG_STORE"


def command(store_location: str | os.PathLike | None = None, port: int = 8501, open_browser: bool = True,
            headless: bool = False, address: str | None = None) -> list[str]:
    """The `streamlit run` command line (exposed for tests and for printing)."""
    cmd = [sys.executable, "-m", "streamlit", "run", str(APP), "--server.port", str(port),
           "--server.headless", "true" if (headless or not open_browser) else "false",
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
    try:
        return proc.wait()
    except KeyboardInterrupt:
        proc.terminate()
        return proc.wait()


def start(store_location: str | os.PathLike | None = None, port: int = 8501, **popen) -> subprocess.Popen:
    """Run the explorer in the background, headless (used by the browser tests and `demo`)."""
    return subprocess.Popen(command(store_location, port, open_browser=False, headless=True),
                            env=environment(store_location), **popen)
