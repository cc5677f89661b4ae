"""The shared sentence encoder: one ONNX pass per paragraph for every neural head.

all-MiniLM-L6-v2, exported to ONNX and quantised to int8 (see
models/encoder/MODEL_CARD.md), run with onnxruntime and `tokenizers`; no torch.
A paragraph longer than `max_tokens` is cut into consecutive windows, so every
character is seen (span heads need that) while attention cost stays bounded.
Each paragraph yields its mean-pooled, L2-normalised embedding (what
sentence-transformers returns) *and* its token vectors with character offsets,
so paragraph-level and span-level heads share the same pass.

`encode_parsed(parsed)` memoises the pass per ParsedText, so several stages
(framing, attribution tagging) can ask for it and the model runs once.
"""
from __future__ import annotations

import os
import threading
import weakref
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

MODEL_DIR = Path(__file__).resolve().parent / "models" / "encoder"
DIM = 384
CLS_ID, SEP_ID = 101, 102  # BERT uncased vocabulary


@dataclass(frozen=True)
class Encoded:
    """One paragraph after the encoder.

    `embedding`: (DIM,) float32, L2-normalised mean of the hidden states.
    `tokens`: (n, DIM) float32 hidden states of the word pieces (no [CLS]/[SEP]).
    `offsets`: (n, 2) int64 character offsets of those pieces in the paragraph text.
    """

    embedding: np.ndarray
    tokens: np.ndarray
    offsets: np.ndarray


def _threads() -> int:
    # One intra-op thread by default: presslens parallelises across documents,
    # and the machines it runs on are often shared.
    try:
        return max(1, int(os.environ.get("PRESSLENS_ENCODER_THREADS", "1")))
    except ValueError:
        return 1


class Encoder:
    def __init__(self, model_dir: str | Path = MODEL_DIR, max_tokens: int = 128, batch_size: int = 16,
                 threads: int | None = None) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        model_dir = Path(model_dir)
        self.max_tokens = max(8, max_tokens)
        self.batch_size = max(1, batch_size)
        self.tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self.tokenizer.no_truncation()
        self.tokenizer.no_padding()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or _threads()
        opts.inter_op_num_threads = 1
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(model_dir / "model.onnx"), opts,
                                            providers=["CPUExecutionProvider"])

    def _windows(self, ids: list[int]) -> list[list[int]]:
        step = self.max_tokens - 2
        return [ids[i:i + step] for i in range(0, len(ids), step)] or [[]]

    def _batches(self, order: list[int], windows: list[list[int]]) -> list[list[int]]:
        """Batches of similar length: padding a 10-piece window to 120 pieces would
        cost more than running it alone, so a batch closes when lengths diverge."""
        batches: list[list[int]] = []
        for i in order:
            if batches and len(batches[-1]) < self.batch_size and \
                    len(windows[i]) + 2 <= 1.2 * (len(windows[batches[-1][0]]) + 2):
                batches[-1].append(i)
            else:
                batches.append([i])
        return batches

    def _run(self, windows: list[list[int]]) -> list[np.ndarray]:
        """Hidden states for each window, [CLS] and [SEP] included."""
        out: list[np.ndarray | None] = [None] * len(windows)
        order = sorted(range(len(windows)), key=lambda i: len(windows[i]))
        for idx in self._batches(order, windows):
            width = max(len(windows[i]) for i in idx) + 2
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros_like(ids)
            for row, i in enumerate(idx):
                seq = [CLS_ID, *windows[i], SEP_ID]
                ids[row, :len(seq)] = seq
                mask[row, :len(seq)] = 1
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": np.zeros_like(ids)})[0]
            for row, i in enumerate(idx):
                out[i] = hidden[row, :len(windows[i]) + 2].astype(np.float32)
        return out  # type: ignore[return-value]

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        texts = [t if isinstance(t, str) else "" for t in texts]
        encs = self.tokenizer.encode_batch(list(texts), add_special_tokens=False) if texts else []
        windows: list[list[int]] = []
        owner: list[int] = []
        for n, e in enumerate(encs):
            for w in self._windows(list(e.ids)):
                windows.append(w)
                owner.append(n)
        hidden = self._run(windows) if windows else []
        parts: list[list[np.ndarray]] = [[] for _ in texts]
        for n, h in zip(owner, hidden):
            parts[n].append(h)
        result = []
        for e, hs in zip(encs, parts):
            every = np.concatenate(hs, axis=0)
            mean = every.mean(axis=0)
            mean /= max(float(np.linalg.norm(mean)), 1e-9)
            content = np.concatenate([h[1:-1] for h in hs], axis=0) if hs else np.zeros((0, DIM), np.float32)
            offsets = np.asarray(e.offsets, dtype=np.int64).reshape(-1, 2)
            result.append(Encoded(mean.astype(np.float32), content, offsets))
        return result

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """(len(texts), DIM) paragraph embeddings."""
        if not texts:
            return np.zeros((0, DIM), np.float32)
        return np.stack([e.embedding for e in self.encode(texts)])


@lru_cache(maxsize=1)
def get_encoder() -> Encoder:
    """The process-wide encoder, loaded on first use."""
    return Encoder()


# ParsedText id -> (weakref to it, its encodings); entries vanish with the ParsedText.
_MEMO: dict[int, tuple[weakref.ref, list[Encoded]]] = {}
_MEMO_LOCK = threading.Lock()


def encode_parsed(parsed) -> list[Encoded]:
    """Encodings of a ParsedText's chunks (the masked paragraph texts), computed once.

    Offsets in each Encoded are relative to its chunk: add `chunk.offset`.
    """
    key = id(parsed)
    with _MEMO_LOCK:
        hit = _MEMO.get(key)
        if hit is not None and hit[0]() is parsed:
            return hit[1]
    encoded = get_encoder().encode([c.text for c in parsed.chunks])
    with _MEMO_LOCK:
        try:
            ref = weakref.ref(parsed, lambda _r, k=key: _MEMO.pop(k, None))
        except TypeError:  # not weak-referenceable: just do not memoise
            return encoded
        _MEMO[key] = (ref, encoded)
    return encoded
