#!/usr/bin/python3
"""Markdown tables of mean PSNR/SSIM per kernel and method, from bench/quality.cpp's CSV
and bench/skimage_quality.py's CSV on the same cases.

  bench/baselines_report.py OURS.csv SKIMAGE.csv TITLE

scikit-image's methods get their best parameter in hindsight: per kernel, the one value
(Wiener's balance, RL's iteration count) with the highest mean PSNR over the images.
"""
import collections
import csv
import sys

ours_file, sk_file, title = sys.argv[1], sys.argv[2], sys.argv[3]
ours = list(csv.DictReader(open(ours_file)))
sk = list(csv.DictReader(open(sk_file)))
case_info = {r["case"]: (r["image"], float(r["defocus_um"])) for r in ours}
natural = {c for c, (img, _) in case_info.items() if not img.startswith("target_")}


def mean(v):
    return sum(v) / len(v)


def table(cases, label):
    kernels = sorted({d for c, (_, d) in case_info.items() if c in cases})
    methods = ["blurred", "wiener", "rl", "hl", "hl-paper"]
    rows = []
    header = ("| d (µm) | blurred | Wiener (auto) | RL (auto) | HL (auto) | HL, paper preset | "
              "skimage Wiener, best balance | skimage RL, best iterations |")
    rows.append(header)
    rows.append("|" + " --- |" * 8)
    shortfalls = []
    totals = collections.defaultdict(list)
    for d in kernels:
        in_kernel = [c for c in cases if case_info[c][1] == d]
        cells = [f"{d:g}"]
        values = {}
        for m in methods:
            rs = [r for r in ours if r["case"] in in_kernel and r["method"] == m]
            p, s = mean([float(r["psnr"]) for r in rs]), mean([float(r["ssim"]) for r in rs])
            values[m] = (p, s)
            cells.append(f"{p:.2f} / {s:.3f}")
        for m in ["sk-wiener", "sk-rl"]:
            by_param = collections.defaultdict(list)
            for r in sk:
                if r["case"] in in_kernel and r["method"] == m:
                    by_param[r["parameter"]].append((float(r["psnr"]), float(r["ssim"])))
            best = max(by_param, key=lambda k: mean([x[0] for x in by_param[k]]))
            p = mean([x[0] for x in by_param[best]])
            s = mean([x[1] for x in by_param[best]])
            values[m] = (p, s)
            cells.append(f"{p:.2f} / {s:.3f} ({best})")
        for m in values:
            totals[m].append(values[m])
        for ourm, skm in [("wiener", "sk-wiener"), ("rl", "sk-rl")]:
            if values[ourm][0] < values[skm][0]:
                shortfalls.append(f"{ourm} at {d:g} µm: {values[ourm][0]:.2f} dB vs "
                                  f"{values[skm][0]:.2f} dB")
            if values[ourm][1] < values[skm][1]:
                shortfalls.append(f"{ourm} SSIM at {d:g} µm: {values[ourm][1]:.3f} vs "
                                  f"{values[skm][1]:.3f}")
        rows.append("| " + " | ".join(cells) + " |")
    cells = ["mean"]
    for m in methods + ["sk-wiener", "sk-rl"]:
        cells.append(f"{mean([x[0] for x in totals[m]]):.2f} / {mean([x[1] for x in totals[m]]):.3f}")
    rows.append("| " + " | ".join(cells) + " |")
    print(f"**{label}** ({len(cases) // len(kernels)} images)\n")
    print("\n".join(rows))
    print()
    if shortfalls:
        print("Below scikit-image's hindsight best: " + "; ".join(shortfalls) + ".\n")
    else:
        print("Wiener and RL with their automatic defaults are at or above scikit-image's "
              "hindsight best on every kernel, in PSNR and SSIM.\n")


print(f"### {title}\n")
all_cases = set(case_info)
table(all_cases, "All images")
table(all_cases & natural, "Natural images (Set12)")
table(all_cases - natural, "Fluorescence images (W2S, channel 0)")
