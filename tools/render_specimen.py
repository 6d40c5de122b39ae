#!/usr/bin/python3
"""Renders the synthetic specimen (seed 7, 256 x 256), the same blurred by the default probe
at 7 µm with noise variance 0.001 (the studio's demo), side by side as one PNG.

  tools/render_specimen.py CLI OUT.png
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
with tempfile.TemporaryDirectory() as tmp:
    truth, blurred = os.path.join(tmp, "truth.tif"), os.path.join(tmp, "blurred.tif")
    run = lambda *args: subprocess.run([cli, *args], check=True, stdout=subprocess.DEVNULL)
    run("specimen", "--seed", "7", "-o", truth)
    run("blur", "--defocus", "7", "--noise-var", "0.001", "--seed", "7", truth, blurred)
    panels = [("synthetic specimen (seed 7)", tifffile.imread(truth)),
              ("blurred at 7 µm, noise variance 0.001", tifffile.imread(blurred))]
pad, label = 8, 18
w = len(panels) * (256 + pad) + pad
canvas = Image.new("L", (w, 256 + label + 2 * pad), 255)
draw = ImageDraw.Draw(canvas)
for i, (title, image) in enumerate(panels):
    x = pad + i * (256 + pad)
    tile = (np.clip(image, 0, 1) * 255 + 0.5).astype(np.uint8)
    canvas.paste(Image.fromarray(tile), (x, pad + label))
    draw.text((x, pad), title, fill=0)
canvas.save(out)
