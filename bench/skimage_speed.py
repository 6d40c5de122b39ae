#!/usr/bin/python3
"""Times scikit-image's wiener and richardson_lucy (30 iterations) on the inputs that
bench/speed.cpp wrote (float32 images, as LatentLens reads them; scikit-image then
computes in float32 too), and RL once more in float64.

  bench/skimage_speed.py INPUTS_DIR SIZE... > skimage_speed.csv
"""
import os
import sys
import time

import numpy as np
import tifffile
from skimage import restoration

folder, sizes = sys.argv[1], [int(s) for s in sys.argv[2:]]
kernel = tifffile.imread(os.path.join(folder, "kernel.tif"))
print("size,method,seconds")
for n in sizes:
    image = tifffile.imread(os.path.join(folder, f"{n}_blurred.tif"))
    for name, run, reps in [
            ("sk-wiener", lambda: restoration.wiener(image, kernel, 0.1), 3),
            ("sk-rl-30", lambda: restoration.richardson_lucy(image, kernel, 30),
             1 if n >= 1024 else 3),
            # The same in float64, which scikit-image uses for images read as float64 (e.g.
            # img_as_float of 8- or 16-bit data).
            ("sk-rl-30-float64",
             lambda: restoration.richardson_lucy(image.astype(np.float64), kernel.astype(np.float64), 30),
             1 if n >= 1024 else 3)]:
        if reps > 1:
            run()  # warm-up (skipped for the slow large runs)
        times = []
        for _ in range(reps):
            t = time.perf_counter()
            run()
            times.append(time.perf_counter() - t)
        print(f"{n},{name},{sorted(times)[len(times) // 2]:.5f}", flush=True)
