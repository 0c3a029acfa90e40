"""Build a tiny, random-weight but structurally real argos package (`.argosmodel`).

No real argos model can be downloaded here, so the tests make one: a SentencePiece model trained on a
few hundred sentences generated below (French and English, joint vocabulary as in argos' OPUS
models), a 1-layer MarianMTModel with d_model 16 and random weights, converted to CTranslate2 with
the real converter, zipped with `metadata.json` in the layout `argostranslate.package` reads:

    translate-fr_en-tiny/metadata.json
    translate-fr_en-tiny/sentencepiece.model
    translate-fr_en-tiny/model/{model.bin,config.json,shared_vocabulary.json}

Its output is gibberish, but every step the product uses (SentencePiece encode, CTranslate2 beam
search, decode) runs for real. Usable as a script: `python tiny_argos.py OUT_DIR fr en`.
"""
from __future__ import annotations

import io
import itertools
import json
import sys
import tempfile
import zipfile
from pathlib import Path

# Sentences written for this test (not third-party text): templates crossed into a few hundred.
_FR_SUBJECTS = ["Les auteurs", "Meta", "Le juge", "La cour", "Les plaignants", "L'entreprise", "Le tribunal"]
_FR_VERBS = ["affirment que", "contestent que", "reconnaissent que", "écrivent que", "soutiennent que"]
_FR_CLAUSES = [
    "le modèle a été entraîné sur des livres piratés.",
    "l'usage est loyal selon la loi.",
    "les revenus sont partagés avec les hébergeurs.",
    "la copie des œuvres cause un préjudice au marché.",
    "le jugement sera rendu en juin.",
    "les données proviennent d'une bibliothèque clandestine.",
]
_EN_SUBJECTS = ["The authors", "Meta", "The judge", "The court", "The plaintiffs", "The company", "Counsel"]
_EN_VERBS = ["argue that", "deny that", "admit that", "write that", "claim that"]
_EN_CLAUSES = [
    "the model was trained on pirated books.",
    "the use is fair under the law.",
    "revenue is shared with hosting partners.",
    "copying the works harms the market.",
    "the ruling will come in June.",
    "the data came from a shadow library.",
]


def training_sentences() -> list[str]:
    fr = [" ".join(p) for p in itertools.product(_FR_SUBJECTS, _FR_VERBS, _FR_CLAUSES)]
    en = [" ".join(p) for p in itertools.product(_EN_SUBJECTS, _EN_VERBS, _EN_CLAUSES)]
    return fr + en  # 420 sentences


def train_sentencepiece(sentences: list[str], vocab_size: int = 120) -> bytes:
    import sentencepiece as spm

    buf = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=buf,
        vocab_size=vocab_size,
        model_type="unigram",
        character_coverage=1.0,
        # Marian's layout: </s> = 0, <unk> = 1, no <s>; <pad> is appended after the pieces.
        eos_id=0, unk_id=1, bos_id=-1, pad_id=-1,
        hard_vocab_limit=False, minloglevel=2,
    )
    return buf.getvalue()


def _marian_dir(spm_bytes: bytes, out: Path, seed: int) -> Path:
    """A Transformers Marian checkpoint (random weights) with its tokenizer files."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    out.mkdir(parents=True, exist_ok=True)
    spm_path = out / "joint.spm"
    spm_path.write_bytes(spm_bytes)
    proc = spm.SentencePieceProcessor(model_file=str(spm_path))
    vocab = {proc.id_to_piece(i): i for i in range(proc.get_piece_size())}
    pad_id = len(vocab)
    vocab["<pad>"] = pad_id
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")

    tokenizer = MarianTokenizer(
        source_spm=str(spm_path), target_spm=str(spm_path), vocab=str(out / "vocab.json"),
        source_lang="fr", target_lang="en",
    )
    config = MarianConfig(
        vocab_size=len(vocab), d_model=16, encoder_layers=1, decoder_layers=1,
        encoder_attention_heads=2, decoder_attention_heads=2,
        encoder_ffn_dim=32, decoder_ffn_dim=32, max_position_embeddings=256,
        pad_token_id=pad_id, eos_token_id=0, decoder_start_token_id=pad_id,
        forced_eos_token_id=0, scale_embedding=True, share_encoder_decoder_embeddings=True,
    )
    torch.manual_seed(seed)
    model = MarianMTModel(config)
    model_dir = out / "hf"
    model.save_pretrained(model_dir)
    tokenizer.save_pretrained(model_dir)
    return model_dir


def build_package(out_dir: Path, from_code: str = "fr", to_code: str = "en", *,
                  package_version: str = "0.0.1-tiny", seed: int = 0) -> Path:
    """Write `translate-<from>_<to>-tiny.argosmodel` into `out_dir` and return its path."""
    import ctranslate2

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    name = f"translate-{from_code}_{to_code}-tiny"
    spm_bytes = train_sentencepiece(training_sentences())
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        hf_dir = _marian_dir(spm_bytes, work / "marian", seed)
        ct2_dir = work / name / "model"
        ctranslate2.converters.TransformersConverter(str(hf_dir)).convert(str(ct2_dir), quantization=None)
        metadata = {
            "package_version": package_version,
            "argos_version": "1.11",
            "from_code": from_code,
            "from_name": {"fr": "French", "en": "English"}.get(from_code, from_code),
            "to_code": to_code,
            "to_name": {"fr": "French", "en": "English"}.get(to_code, to_code),
            "type": "translate",
            "links": [],
        }
        target = out_dir / f"{name}.argosmodel"
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"{name}/metadata.json", json.dumps(metadata, indent=2))
            zf.writestr(f"{name}/sentencepiece.model", spm_bytes)
            zf.writestr(f"{name}/README.md", "Tiny random-weight test package built by kadrey-kg tests.\n")
            for f in sorted(ct2_dir.iterdir()):
                zf.write(f, f"{name}/model/{f.name}")
    return target


if __name__ == "__main__":
    out, src, tgt = (sys.argv[1:4] + ["fr", "en"])[:3] if len(sys.argv) > 1 else (".", "fr", "en")
    print(build_package(Path(out), src, tgt))
