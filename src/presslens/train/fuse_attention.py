"""Replace the exported attention core of the int8 encoder by onnxruntime's fused MultiHeadAttention.

The torch export spells each layer's attention as some twenty small nodes (reshapes,
transposes, two scalings, an additive mask built with Where, Softmax, a NaN guard, two
MatMuls). On one CPU thread and paragraph-length inputs those cost about a fifth of the
encoder's time while doing almost no arithmetic. `com.microsoft.MultiHeadAttention` takes
the same projected queries, keys and values (batch, seq, hidden) and the padding mask and
computes softmax(QK^T / sqrt(d) + mask) V in one kernel: the same function, rounded in a
different order (differences around 1e-6 before the next int8 quantisation).
The int8 projections around it are untouched.

usage: python -m presslens.train.fuse_attention MODEL.onnx [--out FUSED.onnx]   (needs `onnx`)
Also called by presslens.train.export_encoder after quantisation.
"""
from __future__ import annotations

import argparse
import re
from pathlib import Path

HEADS = 12  # all-MiniLM-L6-v2: 384 hidden = 12 heads x 32
_LAYER = re.compile(r"/encoder/layer\.(\d+)/attention/self/")


def fuse(model, heads: int = HEADS):
    """The model with every layer's attention core replaced by one MultiHeadAttention node."""
    from onnx import TensorProto, helper

    graph = model.graph
    layers: dict[str, dict[str, str]] = {}
    for n in graph.node:
        m = _LAYER.search(n.name)
        if not m:
            continue
        parts = layers.setdefault(m.group(1), {})
        if n.op_type == "Add" and n.input and n.input[0].endswith(("query.bias", "key.bias", "value.bias")):
            parts[n.input[0].rsplit(".", 2)[-2]] = n.output[0]  # query / key / value projection output
        if n.op_type == "Reshape" and n.name.endswith("/Reshape_4"):
            parts["out"] = n.output[0]  # (batch, seq, hidden): the attention core's result
    if not layers or any(set(p) != {"query", "key", "value", "out"} for p in layers.values()):
        raise ValueError("not the exported BERT attention pattern: nothing fused")
    mask = "attention_mask_int32"
    new_nodes = [helper.make_node("Cast", ["attention_mask"], [mask], name="attention_mask_cast",
                                  to=TensorProto.INT32)]
    replaced = {p["out"] for p in layers.values()}
    for layer, p in sorted(layers.items(), key=lambda kv: int(kv[0])):
        new_nodes.append(helper.make_node(
            "MultiHeadAttention", [p["query"], p["key"], p["value"], "", mask], [p["out"]],
            name=f"/bert/encoder/layer.{layer}/attention/self/MultiHeadAttention", domain="com.microsoft",
            num_heads=heads))
    kept = [n for n in graph.node if not any(o in replaced for o in n.output)]
    nodes = _live(kept + new_nodes, [o.name for o in graph.output])
    del graph.node[:]
    graph.node.extend(_topological(nodes, {i.name for i in graph.input} | {t.name for t in graph.initializer}))
    if not any(op.domain == "com.microsoft" for op in model.opset_import):
        model.opset_import.append(helper.make_opsetid("com.microsoft", 1))
    return model


def _live(nodes, outputs: list[str]):
    """The nodes some graph output depends on."""
    producer = {o: n for n in nodes for o in n.output}
    need, seen, keep = list(outputs), set(), set()
    while need:
        name = need.pop()
        if name in seen or name not in producer:
            continue
        seen.add(name)
        node = producer[name]
        keep.add(id(node))
        need.extend(i for i in node.input if i)
    return [n for n in nodes if id(n) in keep]


def _topological(nodes, available: set[str]):
    done, order, pending = set(available), [], list(nodes)
    while pending:
        ready = [n for n in pending if all(not i or i in done for i in n.input)]
        if not ready:
            raise ValueError("graph has a cycle or a missing input after fusion")
        for n in ready:
            order.append(n)
            done.update(n.output)
        ids = {id(r) for r in ready}
        pending = [n for n in pending if id(n) not in ids]
    return order


def main() -> None:
    import onnx

    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("--out")
    a = ap.parse_args()
    model = fuse(onnx.load(a.model))
    onnx.checker.check_model(model)
    onnx.save(model, a.out or a.model)


if __name__ == "__main__":
    main()
