#!/usr/bin/python3
"""Renders the six default kernels (DESIGN.md: d = 0.1, 3, 5, 7, 10, 15 µm) as one PNG.

  tools/render_kernels.py CLI OUT.png
CLI is the latentlens-cli to call; needs python3-tifffile and python3-pil.
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import tifffile
from PIL import Image, ImageDraw

cli, out = sys.argv[1], sys.argv[2]
defocus = [0.1, 3, 5, 7, 10, 15]
scale, pad, label = 4, 8, 18
tiles = []
with tempfile.TemporaryDirectory() as tmp:
    for d in defocus:
        path = os.path.join(tmp, f"k{d}.tif")
        subprocess.run([cli, "probe", "--defocus", str(d), "-o", path], check=True,
                       stdout=subprocess.DEVNULL)
        k = tifffile.imread(path)
        tiles.append((d, k))
w = len(tiles) * (64 * scale + pad) + pad
h = 2 * (64 * scale + label) + 3 * pad
canvas = Image.new("L", (w, h), 255)
draw = ImageDraw.Draw(canvas)
for i, (d, k) in enumerate(tiles):
    x = pad + i * (64 * scale + pad)
    for row, (img, name) in enumerate([(k / k.max(), "linear"),
                                       (np.clip(np.log10(k / k.max() + 1e-4) / 4 + 1, 0, 1), "log")]):
        y = pad + row * (64 * scale + label + pad)
        tile = Image.fromarray((255 * (1 - img)).astype(np.uint8)).resize(
            (64 * scale, 64 * scale), Image.NEAREST)
        canvas.paste(tile, (x, y + label))
        draw.text((x, y + 2), f"d = {d} um ({name})", fill=0)
canvas.save(out)
