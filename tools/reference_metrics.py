#!/usr/bin/python3
"""Reference PSNR/SSIM from scikit-image for the metrics tests.

  reference_metrics.py TEST.tif REFERENCE.tif   prints "psnr ssim" of two float32 TIFFs
  reference_metrics.py --patterns               prints the values the tests hard-code
Needs Debian's python3-skimage and python3-tifffile (tools/setup.sh installs them).
"""
import sys

import numpy as np
from skimage.metrics import peak_signal_noise_ratio, structural_similarity


def metrics(a, b):
    a = a.astype(np.float64)
    b = b.astype(np.float64)
    ssim = structural_similarity(a, b, data_range=1, gaussian_weights=True, sigma=1.5,
                                 use_sample_covariance=False)
    psnr = peak_signal_noise_ratio(b, a, data_range=1)
    return psnr, ssim


def pattern(w=48, h=40):
    y, x = np.mgrid[0:h, 0:w].astype(np.float64)
    img = (0.5 + 0.3 * np.sin(2 * np.pi * x / 17.0) * np.cos(2 * np.pi * y / 23.0)
           + 0.1 * np.sin(2 * np.pi * (x + y) / 7.0))
    return img.astype(np.float32)


def blurred(img):
    """[1 2 1]/4 along x then y, edges repeated, float32 after each pass (as the tests)."""
    p = np.pad(img.astype(np.float64), ((0, 0), (1, 1)), mode="edge")
    t = (0.25 * p[:, :-2] + 0.5 * p[:, 1:-1] + 0.25 * p[:, 2:]).astype(np.float32)
    p = np.pad(t.astype(np.float64), ((1, 1), (0, 0)), mode="edge")
    return (0.25 * p[:-2] + 0.5 * p[1:-1] + 0.25 * p[2:]).astype(np.float32)


if __name__ == "__main__":
    if sys.argv[1:] == ["--patterns"]:
        img = pattern()
        print("offset 0.1: %.10f %.10f" % metrics(img + np.float32(0.1), img))
        print("blurred:    %.10f %.10f" % metrics(blurred(img), img))
        print("scaled 0.8: %.10f %.10f" % metrics(img * np.float32(0.8), img))
    else:
        import tifffile
        a = tifffile.imread(sys.argv[1])
        b = tifffile.imread(sys.argv[2])
        print("%.10f %.10f" % metrics(a, b))
