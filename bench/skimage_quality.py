#!/usr/bin/python3
"""scikit-image's Wiener and Richardson-Lucy on the cases bench/quality.cpp wrote.

  bench/skimage_quality.py CASES_DIR > skimage.csv

For every case n (n_truth.tif, n_blurred.tif, n_kernel.tif) runs
skimage.restoration.wiener over a range of `balance` values and Richardson-Lucy at a range
of iteration counts, and prints case,method,parameter,psnr,ssim. The caller picks the best
parameter in hindsight. RL is run once to the largest count, with the metrics taken after
each listed iteration: the loop below is scikit-image 0.19's richardson_lucy verbatim in
its arithmetic (start 0.5, scipy.signal.convolve 'same', eps 1e-12, no clipping until the
end), and the script checks on the first case that it reproduces the library's result.
Metrics: PSNR with data range 1 and SSIM as DESIGN.md section 6 (scikit-image's own).
"""
import os
import sys

import numpy as np
import tifffile
from scipy.signal import convolve
from skimage import restoration
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

cases = sys.argv[1]
balances = [10.0 ** e for e in np.arange(-4, 2.01, 0.25)]
iterations = [1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20, 25, 30, 40, 50]


def metrics(truth, x):
    x = x.astype(np.float64)
    return (peak_signal_noise_ratio(truth, x, data_range=1),
            structural_similarity(truth, x, data_range=1, gaussian_weights=True, sigma=1.5,
                                  use_sample_covariance=False))


def rl_checkpoints(image, psf, counts):
    im_deconv = np.full(image.shape, 0.5, dtype=image.dtype)
    psf_mirror = np.flip(psf)
    eps = 1e-12
    out = {}
    for i in range(1, max(counts) + 1):
        conv = convolve(im_deconv, psf, mode='same') + eps
        relative_blur = image / conv
        im_deconv *= convolve(relative_blur, psf_mirror, mode='same')
        if i in counts:
            out[i] = np.clip(im_deconv, -1, 1)
    return out


n = 0
print("case,method,parameter,psnr,ssim")
while os.path.exists(os.path.join(cases, f"{n}_blurred.tif")):
    truth = tifffile.imread(os.path.join(cases, f"{n}_truth.tif")).astype(np.float64)
    blurred = tifffile.imread(os.path.join(cases, f"{n}_blurred.tif")).astype(np.float64)
    kernel = tifffile.imread(os.path.join(cases, f"{n}_kernel.tif")).astype(np.float64)
    for b in balances:
        p, s = metrics(truth, restoration.wiener(blurred, kernel, b))
        print(f"{n},sk-wiener,{b:.6g},{p:.4f},{s:.5f}")
    results = rl_checkpoints(blurred, kernel, iterations)
    if n == 0:
        library = restoration.richardson_lucy(blurred, kernel, iterations[-1])
        assert np.allclose(library, results[iterations[-1]], atol=1e-10), "RL loop differs"
    for i in iterations:
        p, s = metrics(truth, results[i])
        print(f"{n},sk-rl,{i},{p:.4f},{s:.5f}")
    sys.stdout.flush()
    n += 1
