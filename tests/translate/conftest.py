"""Fixtures of the translation suite: tiny real argos packages, an isolated packages folder, and a
socket guard that fails any connection leaving this machine."""
from __future__ import annotations

import ipaddress
import socket
from pathlib import Path

import pytest

from .tiny_argos import build_package


class NetworkBlocked(OSError):
    """Raised by the socket guard; an OSError, as a real unreachable network would be."""


@pytest.fixture(scope="session")
def tiny_packages(tmp_path_factory) -> dict[str, Path]:
    """`.argosmodel` files for fr→en and en→fr, built once per session (about 5 s each)."""
    out = tmp_path_factory.mktemp("argosmodels")
    return {"fr-en": build_package(out, "fr", "en", seed=1), "en-fr": build_package(out, "en", "fr", seed=2)}


@pytest.fixture(scope="session")
def installed_dir(tiny_packages, tmp_path_factory) -> Path:
    """A packages folder with both tiny packages installed through the library."""
    from kadrey_kg.loaders import argos

    folder = tmp_path_factory.mktemp("argos-packages")
    for path in tiny_packages.values():
        argos.install_from_path(path, folder)
    return folder


@pytest.fixture
def empty_argos_dir(tmp_path, monkeypatch) -> Path:
    folder = tmp_path / "argos-packages"
    folder.mkdir()
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(folder))
    return folder


@pytest.fixture
def with_models(installed_dir, monkeypatch) -> Path:
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(installed_dir))
    return installed_dir


def _is_local(address) -> bool:
    if isinstance(address, (str, bytes)):  # AF_UNIX path
        return True
    host = address[0]
    if host in ("localhost", ""):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@pytest.fixture
def no_network(monkeypatch):
    """Fail every connect and name lookup that is not loopback; yields the list of refused attempts."""
    refused: list = []
    real_connect, real_connect_ex, real_getaddrinfo = socket.socket.connect, socket.socket.connect_ex, socket.getaddrinfo

    def connect(self, address):
        if not _is_local(address):
            refused.append(address)
            raise NetworkBlocked(f"test socket guard: connection to {address!r} refused")
        return real_connect(self, address)

    def connect_ex(self, address):
        if not _is_local(address):
            refused.append(address)
            raise NetworkBlocked(f"test socket guard: connection to {address!r} refused")
        return real_connect_ex(self, address)

    def getaddrinfo(host, *args, **kwargs):
        if not _is_local((host.decode() if isinstance(host, bytes) else host or "",)):
            refused.append(host)
            raise NetworkBlocked(f"test socket guard: name lookup of {host!r} refused")
        return real_getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return refused
