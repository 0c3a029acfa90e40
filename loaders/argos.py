"""Argos Translate models: where they live, how they get installed, and the engine that runs one.

Packages live in `ARGOS_PACKAGES_DIR` when set, else in argos' own default folder
(`~/.local/share/argos-translate/packages`, or `ARGOS_PACKAGES_DIR` in argos' settings.json), so a
model installed with `argospm` is used as is. The folder is read on every call, not frozen at import
as `argostranslate.settings` does.

The engine reuses argos' package loading (metadata, SentencePiece/BPE tokenizer, CTranslate2 model
folder) but not its translate path: argos 1.11 splits sentences with MiniSBD or stanza models that
it downloads on first use, which fails offline. We pass our own sentences to the CTranslate2
translator in one batch instead.
"""
from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import threading
import urllib.error
import urllib.request
import zipfile
from contextlib import contextmanager
from dataclasses import dataclass
from importlib.metadata import version as _dist_version
from pathlib import Path

# argostranslate.sbd downloads a spaCy model *at import* when the chunk type is SPACY (env or
# settings.json); we never use argos' splitter, so pin a type whose set-up stays offline.
os.environ["ARGOS_CHUNK_TYPE"] = "MINISBD"

DEFAULT_INDEX = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
_lock = threading.Lock()


class ModelError(Exception):
    """A translation model could not be installed, found or loaded. `where` names the file, folder or URL."""

    def __init__(self, where: str | os.PathLike, reason: str):
        self.where = str(where)
        self.reason = reason
        super().__init__(f"{self.where}: {reason}")


@dataclass(frozen=True)
class PackageInfo:
    from_code: str
    to_code: str
    package_version: str
    argos_version: str
    path: Path

    @property
    def direction(self) -> str:
        return f"{self.from_code}→{self.to_code}"


def argos_version() -> str:
    return _dist_version("argostranslate")


def packages_dir() -> Path:
    """The folder argos packages are installed into and loaded from (see module docstring)."""
    env = os.environ.get("ARGOS_PACKAGES_DIR")
    if env:
        return Path(env).expanduser()
    from argostranslate import settings

    return Path(settings.get_setting("ARGOS_PACKAGES_DIR", default=settings.data_dir / "packages")).expanduser()


def _info(pkg) -> PackageInfo:
    return PackageInfo(pkg.from_code, pkg.to_code, pkg.package_version, pkg.argos_version, Path(pkg.package_path))


def _installed_packages(folder: Path | None = None) -> list:
    from argostranslate import package

    folder = folder or packages_dir()
    if not folder.is_dir():
        return []
    try:
        pkgs = package.get_installed_packages(path=[folder])
    except (OSError, ValueError) as err:  # a half-extracted folder, broken metadata.json
        raise ModelError(folder, f"cannot read installed argos packages: {err}") from err
    return [p for p in pkgs if p.type == "translate" and p.from_code and p.to_code]


def installed(folder: Path | None = None) -> list[PackageInfo]:
    """Installed translation packages, sorted by direction."""
    return sorted((_info(p) for p in _installed_packages(folder)), key=lambda i: (i.from_code, i.to_code, i.path.name))


def _version_key(v: str):
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(v))
    except InvalidVersion:
        return (0, v)


def find_package(from_code: str, to_code: str, folder: Path | None = None):
    """The argos `Package` for one direction (highest package_version wins), or None."""
    pkgs = [p for p in _installed_packages(folder) if (p.from_code, p.to_code) == (from_code, to_code)]
    return max(pkgs, key=lambda p: _version_key(p.package_version)) if pkgs else None


def _check_archive(path: Path) -> dict:
    """Validate an .argosmodel before argos extracts it; return its metadata."""
    if not path.is_file():
        raise ModelError(path, "no such file")
    if not zipfile.is_zipfile(path):
        raise ModelError(path, "not an argos package (.argosmodel files are zip archives)")
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        if any(n.startswith("/") or ".." in Path(n).parts for n in names):
            raise ModelError(path, "archive has paths outside its package folder; refusing to extract it")
        tops = {n.split("/", 1)[0] for n in names}
        if len(tops) != 1:
            raise ModelError(path, f"expected one package folder at the archive root, found {sorted(tops)}")
        top = tops.pop()
        if f"{top}/metadata.json" not in names:
            raise ModelError(path, f"{top}/metadata.json is missing")
        try:
            meta = json.loads(zf.read(f"{top}/metadata.json"))
        except ValueError as err:
            raise ModelError(path, f"{top}/metadata.json is not valid JSON: {err}") from err
        if meta.get("type", "translate") != "translate" or not meta.get("from_code") or not meta.get("to_code"):
            raise ModelError(path, "metadata.json does not describe a translate package with from_code and to_code")
        if f"{top}/model/model.bin" not in names:
            raise ModelError(path, f"{top}/model/model.bin (the CTranslate2 model) is missing")
        if f"{top}/sentencepiece.model" not in names and f"{top}/bpe.model" not in names:
            raise ModelError(path, f"{top}/sentencepiece.model (or bpe.model) is missing")
    return meta


@contextmanager
def _argos_dir(folder: Path):
    """Point argos' module-level package folder at `folder` while it installs."""
    from argostranslate import settings

    with _lock:
        saved = settings.package_data_dir, settings.package_dirs
        settings.package_data_dir, settings.package_dirs = folder, [folder]
        try:
            yield
        finally:
            settings.package_data_dir, settings.package_dirs = saved


def install_from_path(path: str | os.PathLike, folder: Path | None = None) -> PackageInfo:
    """Install an `.argosmodel` file (via `argostranslate.package.install_from_path`)."""
    from argostranslate import package

    path = Path(path)
    meta = _check_archive(path)
    folder = folder or packages_dir()
    folder.mkdir(parents=True, exist_ok=True)
    with _argos_dir(folder):
        package.install_from_path(path)
    _forget_engines()
    pkg = find_package(meta["from_code"], meta["to_code"], folder)
    if pkg is None:
        raise ModelError(path, f"installed into {folder} but argos cannot load it")
    return _info(pkg)


def index_url() -> str:
    from argostranslate import settings

    return settings.get_setting("ARGOS_PACKAGE_INDEX", default=DEFAULT_INDEX).rstrip("/") + "/index.json"


def _fetch(url: str, timeout: float) -> bytes:
    req = urllib.request.Request(url, headers={"User-Agent": "kadrey-kg (argostranslate)"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.read()
    except (urllib.error.URLError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise ModelError(
            url,
            f"cannot download ({type(err).__name__}: {reason}); this machine may be offline: fetch the "
            ".argosmodel file elsewhere and run `kadrey-kg models install --from PATH`",
        ) from err


def install_from_index(from_code: str, to_code: str, folder: Path | None = None, timeout: float = 30) -> PackageInfo:
    """Download the newest `from_code`→`to_code` package listed in the argos index and install it."""
    url = index_url()
    try:
        index = json.loads(_fetch(url, timeout))
    except ValueError as err:
        raise ModelError(url, f"the package index is not valid JSON: {err}") from err
    matches = [m for m in index if m.get("type", "translate") == "translate"
               and (m.get("from_code"), m.get("to_code")) == (from_code, to_code)]
    if not matches:
        pairs = sorted({f"{m.get('from_code')}→{m.get('to_code')}" for m in index if m.get("from_code")})
        raise ModelError(url, f"no {from_code}→{to_code} package in the index; it lists {', '.join(pairs) or 'nothing'}")
    best = max(matches, key=lambda m: _version_key(str(m.get("package_version", ""))))
    errors = []
    for link in best.get("links", []):
        try:
            data = _fetch(link, timeout * 10)
        except ModelError as err:
            errors.append(str(err))
            continue
        with tempfile.TemporaryDirectory() as tmp:
            file = Path(tmp) / f"translate-{from_code}_{to_code}.argosmodel"
            file.write_bytes(data)
            return install_from_path(file, folder)
    raise ModelError(url, f"every download link of {from_code}→{to_code} failed: " + "; ".join(errors or ["no links"]))


def remove(from_code: str, to_code: str, folder: Path | None = None) -> list[PackageInfo]:
    """Uninstall every package for one direction; returns what was removed."""
    folder = folder or packages_dir()
    gone = [_info(p) for p in _installed_packages(folder) if (p.from_code, p.to_code) == (from_code, to_code)]
    for info in gone:
        with _lock:  # argos' uninstall() would import its whole translate stack (stanza, torch) for a cache clear
            shutil.rmtree(info.path)
    translate_module = sys.modules.get("argostranslate.translate")
    if translate_module is not None:  # keep argos' own language cache honest if something uses it
        translate_module.get_installed_languages.cache_clear()
    _forget_engines()
    return gone


MAX_SOURCE_TOKENS = 120      # argos/OPUS models have 256 positions; leave room for longer output
MAX_DECODING_TOKENS = 250
BATCH_TOKENS = 2048
_CLAUSE_END = (",", ";", ":", ")", "»", "”", "—")


def _chunks(tokens: list[str]) -> list[list[str]]:
    """Cut a token list into pieces of at most MAX_SOURCE_TOKENS, after clause punctuation if any."""
    out = []
    while len(tokens) > MAX_SOURCE_TOKENS:
        window = tokens[:MAX_SOURCE_TOKENS]
        cut = next((k + 1 for k in range(len(window) - 1, MAX_SOURCE_TOKENS // 2, -1)
                    if window[k].endswith(_CLAUSE_END)), MAX_SOURCE_TOKENS)
        out.append(tokens[:cut])
        tokens = tokens[cut:]
    if tokens:
        out.append(tokens)
    return out


class ArgosEngine:
    """One installed package's CTranslate2 translator and tokenizer, fed with our own sentences.

    `sentences_translated` and `batches` count real work, so tests and benchmarks can see cache hits.
    """

    def __init__(self, pkg):
        if not hasattr(pkg, "tokenizer"):
            raise ModelError(pkg.package_path, "package has neither sentencepiece.model nor bpe.model")
        self.package = pkg
        self.info = _info(pkg)
        self.tag = f"argostranslate {argos_version()} {self.info.direction} {pkg.package_version}"
        self.sentences_translated = 0
        self.batches = 0
        self._translator = None

    def _load(self):
        if self._translator is None:
            import ctranslate2
            from argostranslate import settings

            model = self.package.package_path / "model"
            try:
                self._translator = ctranslate2.Translator(
                    str(model), device=settings.device, inter_threads=settings.inter_threads,
                    intra_threads=settings.intra_threads, compute_type=settings.compute_type,
                )
            except (RuntimeError, ValueError) as err:
                raise ModelError(model, f"CTranslate2 cannot load the model: {err}") from err
        return self._translator

    def translate_sentences(self, sentences: list[str]) -> list[str]:
        """Translate sentences in one batch; same order, same length.

        A sentence longer than `MAX_SOURCE_TOKENS` (a run-on paragraph of a court filing) is cut
        into chunks at clause punctuation where possible: models have a fixed number of positions.
        """
        from argostranslate import settings

        out = [""] * len(sentences)
        owners, chunks = [], []
        for i, sentence in enumerate(sentences):
            if sentence.strip():
                for chunk in _chunks(self.package.tokenizer.encode(sentence)):
                    owners.append(i)
                    chunks.append(chunk)
        if not chunks:
            return out
        pkg = self.package
        prefix = [[pkg.target_prefix]] * len(chunks) if pkg.target_prefix else None
        results = self._load().translate_batch(
            chunks, target_prefix=prefix, replace_unknowns=True,
            # argos' default (ARGOS_BATCH_SIZE=32 tokens) puts each sentence in its own batch; this batches them
            max_batch_size=BATCH_TOKENS, batch_type="tokens", beam_size=settings.beam_size,
            num_hypotheses=1, length_penalty=0.2,
            # a bound on runaway output (hallucination loops), generous for fr↔en length ratios
            max_decoding_length=min(MAX_DECODING_TOKENS, 2 * max(len(c) for c in chunks) + 16),
        )
        pieces: dict[int, list[str]] = {}
        for i, result in zip(owners, results):
            pieces.setdefault(i, []).append(self._decode(result.hypotheses[0]))
        for i, parts in pieces.items():
            out[i] = " ".join(p for p in parts if p)
        self.sentences_translated += len(pieces)
        self.batches += 1
        return out

    def _decode(self, pieces: list[str]) -> str:
        # as argostranslate.translate.apply_packaged_translation does
        value = self.package.tokenizer.decode(pieces)
        if self.package.target_prefix and value.startswith(self.package.target_prefix):
            value = value[len(self.package.target_prefix):]
        return value.strip()


_ENGINES: dict[tuple[str, str], ArgosEngine] = {}


def _forget_engines() -> None:
    with _lock:
        _ENGINES.clear()


def engine_for(from_code: str, to_code: str, folder: Path | None = None) -> ArgosEngine | None:
    """The engine for one direction, loaded once per process; None when no package is installed."""
    pkg = find_package(from_code, to_code, folder)
    if pkg is None:
        return None
    model_bin = Path(pkg.package_path) / "model" / "model.bin"
    key = (str(pkg.package_path), str(model_bin.stat().st_mtime_ns if model_bin.exists() else 0))
    with _lock:
        engine = _ENGINES.get(key)
        if engine is None:
            engine = _ENGINES[key] = ArgosEngine(pkg)
        return engine
