"""What every learned metric shares: finding and loading a model (local directory or hub id)
with clear errors, its identity for signatures and caches, device and dtype, length-sorted
batches, and a cache of per-input outputs keyed by the model's identity and the input's hash.

Nothing here imports torch or transformers at import time: the CLI must start fast.
"""
