"""Start, stop and inspect the project's local Neo4j Community server (launcher/, built with Maven).

    info = start(data_dir, port=7687, password="...")   # builds launcher/ on first use (cached)
    status(data_dir)                                      # ServerStatus(running=..., port=..., pid=...)
    stop(data_dir)

The server runs in the background (its own session, so it outlives the CLI), writes `launcher.log`
and `neo4j.pid` (JSON: pid, port) in the data dir. The password goes to the launcher on stdin, never
on its command line (which `ps` shows) and never into a log.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from .config import home
from .errors import StoreUnavailable

# The sources ship as package data (kadrey_kg/launcher: pom.xml + Java), beside this package in a
# checkout and in an installed wheel alike; KADREY_KG_LAUNCHER points elsewhere.
LAUNCHER_DIR = Path(os.environ.get("KADREY_KG_LAUNCHER", Path(__file__).resolve().parents[1] / "launcher"))
MAIN_CLASS = "org.kadreykg.launcher.Launcher"
PID_FILE = "neo4j.pid"
LOG_FILE = "launcher.log"
# From the `server.jvm.additional` lines of Neo4j's shipped neo4j.conf: without the --add-opens the
# JVM dies with a LinkageError when the page cache and Netty reach into java.base internals.
JVM_FLAGS = (
    "-XX:+UseG1GC", "-XX:-OmitStackTraceInFastThrow", "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024", "-Dio.netty.tryReflectionSetAccessible=true",
    "-Dlog4j2.disable.jmx=true",
    "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
)


class ServerError(StoreUnavailable):
    """The local launcher could not be built, started or stopped."""


@dataclass(frozen=True)
class ServerStatus:
    data_dir: Path
    running: bool
    pid: int | None = None
    port: int | None = None
    bolt_answers: bool = False

    @property
    def uri(self) -> str | None:
        return f"bolt://127.0.0.1:{self.port}" if self.port else None


def default_data_dir() -> Path:
    return home() / "neo4j"


def _classpath(launcher_dir: Path) -> str:
    target = launcher_dir / "target"
    return f"{target / 'classes'}{os.pathsep}{target / 'lib' / '*'}"


def is_built(launcher_dir: Path = LAUNCHER_DIR) -> bool:
    stamp = launcher_dir / "target" / "classes" / "org" / "kadreykg" / "launcher" / "Launcher.class"
    if not stamp.exists() or not (launcher_dir / "target" / "lib").is_dir():
        return False
    sources = [launcher_dir / "pom.xml", *launcher_dir.glob("src/**/*.java")]
    return all(s.stat().st_mtime <= stamp.stat().st_mtime for s in sources)


def build_dir(launcher_dir: Path = LAUNCHER_DIR) -> Path:
    """Where the launcher is built: in place when that folder is writable (a checkout, a venv),
    else a copy of its sources under the kadrey-kg home (a system-wide, read-only install)."""
    if not (launcher_dir / "pom.xml").exists():
        raise ServerError(f"no launcher at {launcher_dir} (pom.xml missing; set KADREY_KG_LAUNCHER)")
    if os.access(launcher_dir, os.W_OK):
        return launcher_dir
    copy = home() / "launcher"
    for src in [launcher_dir / "pom.xml", *launcher_dir.glob("src/**/*.java")]:
        dst = copy / src.relative_to(launcher_dir)
        if not dst.exists() or dst.read_bytes() != src.read_bytes():
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dst)
    return copy


def build(launcher_dir: Path = LAUNCHER_DIR, force: bool = False) -> float:
    """`mvn package` the launcher unless its build is up to date; returns seconds spent (0 if cached)."""
    launcher_dir = build_dir(launcher_dir)
    if not force and is_built(launcher_dir):
        return 0.0
    mvn = shutil.which("mvn")
    if not mvn:
        raise ServerError("Maven (mvn) is not installed: `apt-get install maven` or use a server via NEO4J_URI")
    t0 = time.monotonic()
    proc = subprocess.run([mvn, "-q", "-B", "package", "-DskipTests"], cwd=launcher_dir,
                          capture_output=True, text=True)
    if proc.returncode != 0:
        tail = "\n".join((proc.stdout + proc.stderr).strip().splitlines()[-15:])
        raise ServerError(f"building the Neo4j launcher in {launcher_dir} failed:\n{tail}")
    return time.monotonic() - t0


def _read_pid(data_dir: Path) -> dict | None:
    try:
        return json.loads((data_dir / PID_FILE).read_text())
    except (OSError, ValueError):
        return None


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie child (we started it and it died) still answers kill(0): check /proc.
    try:
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


def _port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def status(data_dir: Path | None = None) -> ServerStatus:
    data_dir = Path(data_dir or default_data_dir())
    info = _read_pid(data_dir)
    if not info or not _alive(info["pid"]):
        return ServerStatus(data_dir, False)
    return ServerStatus(data_dir, True, info["pid"], info["port"], _port_open(info["port"]))


def start(data_dir: Path | None = None, port: int = 7687, password: str | None = None, *,
          heap: str = "512m", pagecache_mb: int = 256, timeout: float = 180.0) -> ServerStatus:
    """Start the launcher in the background and wait until Bolt accepts `password`."""
    data_dir = Path(data_dir or default_data_dir()).resolve()
    if not password or len(password) < 8:
        raise ServerError("a password of at least 8 characters is needed (--password or NEO4J_PASSWORD)")
    current = status(data_dir)
    if current.running:
        raise ServerError(f"a Neo4j launcher is already running for {data_dir} (pid {current.pid}, "
                          f"port {current.port}); `kadrey-kg neo4j stop` first")
    if _port_open(port):
        raise ServerError(f"port {port} on 127.0.0.1 is already in use; choose another with --port")
    build()
    java = shutil.which("java")
    if not java:
        raise ServerError("java (JDK 17+) is not installed")
    data_dir.mkdir(parents=True, exist_ok=True)
    log = open(data_dir / LOG_FILE, "wb")  # fresh: an old READY line must not count
    cmd = [java, f"-Xms{heap}", f"-Xmx{heap}", *JVM_FLAGS, "-cp", _classpath(build_dir()), MAIN_CLASS,
           "--data-dir", str(data_dir), "--port", str(port), "--pagecache", str(pagecache_mb)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=log, stderr=subprocess.STDOUT,
                            cwd=data_dir, start_new_session=True)
    log.close()
    proc.stdin.write(password.encode("utf-8") + b"\n")
    proc.stdin.close()
    (data_dir / PID_FILE).write_text(json.dumps({"pid": proc.pid, "port": port}))
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            (data_dir / PID_FILE).unlink(missing_ok=True)
            tail = "\n".join((data_dir / LOG_FILE).read_text(errors="replace").splitlines()[-10:])
            raise ServerError(f"the Neo4j launcher exited with code {proc.returncode}; "
                              f"see {data_dir / LOG_FILE}:\n{tail}")
        if _ready(data_dir, port):
            return ServerStatus(data_dir, True, proc.pid, port, True)
        time.sleep(0.3)
    stop(data_dir)
    raise ServerError(f"Neo4j did not answer on port {port} within {timeout:.0f}s; see {data_dir / LOG_FILE}")


def _ready(data_dir: Path, port: int) -> bool:
    # The launcher prints READY only after the password is set, so Bolt logins work from then on.
    try:
        text = (data_dir / LOG_FILE).read_text(errors="replace")
    except OSError:
        return False
    return f"READY {port}" in text and _port_open(port)


def stop(data_dir: Path | None = None, timeout: float = 60.0) -> bool:
    """Stop the launcher cleanly (SIGTERM runs Neo4j's shutdown). False if none was running."""
    data_dir = Path(data_dir or default_data_dir()).resolve()
    current = status(data_dir)
    if not current.running:
        (data_dir / PID_FILE).unlink(missing_ok=True)
        return False
    os.kill(current.pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and _alive(current.pid):
        _reap(current.pid)
        time.sleep(0.2)
    if _alive(current.pid):
        os.kill(current.pid, signal.SIGKILL)
        _reap(current.pid)
    (data_dir / PID_FILE).unlink(missing_ok=True)
    return True


def kill(data_dir: Path) -> None:
    """SIGKILL the launcher (no clean shutdown): used to test crash recovery."""
    current = status(data_dir)
    if current.running:
        os.kill(current.pid, signal.SIGKILL)
        for _ in range(100):
            _reap(current.pid)
            if not _alive(current.pid):
                break
            time.sleep(0.1)
    (Path(data_dir) / PID_FILE).unlink(missing_ok=True)


def _reap(pid: int) -> None:
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass
