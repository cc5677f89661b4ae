"""Training code for presslens's neural heads (needs the optional `train` extra).

Nothing here is imported at inference time: the shipped models are plain
ONNX files and numpy arrays under presslens/models/, read by presslens.encoder
and presslens.framing.
"""
