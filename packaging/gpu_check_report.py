"""Turns the logs of packaging/gpu-check.sh into report.json and report.md, and prints a short
summary last. Standard library only: it runs on the GPU box's Python as well as here.

Every step's status (passed, failed, timed out) and every number the benches print are kept;
the product's GPU targets are judged on a CUDA run only (a CPU rehearsal measures other sizes).
"""

import argparse
import json
import os
import re
import sys

# (key, step, pattern, unit): the first match of pattern in that step's log gives the number.
NUMBERS = [
    ("qswap_replace_vs_copy", "kernels", r"qswap replace .*= ([\d.]+)x copy bandwidth", "x"),
    ("qswap_copy_gbps", "kernels", r"copy [\d.]+ ms \(([\d.]+) GB/s\)", "GB/s"),
    ("wan_q_path_fused_speedup", "kernels", r"wan q path .*= ([\d.]+)x faster", "x"),
    ("wan_dit_forward_ms", "wan-dit", r"([\d.]+) ms/forward", "ms"),
    ("wan_dit_peak_mib", "wan-dit", r"peak \w+ memory ([\d.]+) MiB", "MiB"),
    ("wan_vae_decode_ms", "wan-vae", r"wan-vae decode\s+.*?([\d.]+) ms", "ms"),
    ("wan_vae_decode_tiled_ms", "wan-vae", r"wan-vae decode-tiled\s+.*?([\d.]+) ms", "ms"),
    ("wan_vae_encode_ms", "wan-vae", r"wan-vae encode\s+.*?([\d.]+) ms", "ms"),
    ("vc2_unet_forward_ms", "vc2-unet", r"([\d.]+) ms/forward", "ms"),
    ("wan_guided_step_s", "wan-generation", r"([\d.]+) s per guided step", "s"),
    ("wan_tiled_decode_s", "wan-generation", r"tiled decode ([\d.]+) s", "s"),
    ("wan_generation_peak_mib", "wan-generation", r"peak \w+ memory ([\d.]+) MiB", "MiB"),
]

# (target, key, comparison, limit, how the key's number becomes the target's)
TARGETS = [
    ("Wan guided step at 832x480x81 <= 1.2 s", "wan_guided_step_s", "<=", 1.2, None),
    ("Our DiT forward <= 1.0x Diffusers'", "diffusers_dit_ratio", "<=", 1.0, None),
    ("VC2 50-step guided generation <= 8 s (100 UNet forwards; decode not included)",
     "vc2_unet_forward_ms", "<=", 8.0, lambda ms: 100 * ms / 1000),
    ("Q-swap >= 80 % of the copy bandwidth", "qswap_replace_vs_copy", ">=", 0.8, None),
    ("Wan whole-generation peak <= 12 GB", "wan_generation_peak_mib", "<=", 12.0,
     lambda mib: mib / 1024),
]


def read(path):
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return ""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--steps", required=True)
    parser.add_argument("--device", required=True)
    parser.add_argument("--seconds", type=int, required=True)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()

    steps = []
    logs = {}
    for line in read(args.steps).splitlines():
        name, rc, seconds, log = line.split("\t")
        text = read(log)
        logs[name] = text
        rc = int(rc)
        status = "passed" if rc == 0 else "timed out" if rc in (124, 137) else "failed"
        checks = [l for l in text.splitlines() if re.search(r"\b(ok|FAIL|agree|disagree)\b", l)]
        steps.append({"name": name, "status": status, "exit_code": rc,
                      "seconds": int(seconds), "checks": checks, "log": os.path.basename(log)})

    numbers = {}
    for key, step, pattern, unit in NUMBERS:
        match = re.search(pattern, logs.get(step, ""))
        if match:
            numbers[key] = {"value": float(match.group(1)), "unit": unit}
    diffusers = {}
    try:
        with open(os.path.join(args.out, "diffusers.json"), encoding="utf-8") as f:
            diffusers = json.load(f)
    except (OSError, ValueError):
        pass
    dit_ratio = diffusers.get("wan-dit", {}).get("ratio") if isinstance(diffusers, dict) else None
    if isinstance(dit_ratio, (int, float)):
        numbers["diffusers_dit_ratio"] = {"value": float(dit_ratio), "unit": "x"}

    info = logs.get("build-info", "").strip().splitlines()
    targets = []
    for name, key, comparison, limit, convert in TARGETS:
        entry = {"target": name, "limit": limit}
        if key in numbers:
            value = numbers[key]["value"]
            value = convert(value) if convert else value
            entry["measured"] = round(value, 4)
            met = value <= limit if comparison == "<=" else value >= limit
            entry["verdict"] = ("met" if met else "missed") if args.device == "cuda" else \
                "not judged (CPU rehearsal, reduced sizes)"
        else:
            entry["verdict"] = "not measured"
        targets.append(entry)

    passed = all(s["status"] == "passed" for s in steps)
    report = {"device": args.device, "build": info, "seconds": args.seconds,
              "all_checks_passed": passed, "steps": steps, "numbers": numbers,
              "diffusers": diffusers, "targets": targets}
    with open(os.path.join(args.out, "report.json"), "w", encoding="utf-8") as f:
        json.dump(report, f, indent=2)

    md = [f"# mbq GPU check ({args.device})", "", *[f"    {l}" for l in info], "",
          f"Total {args.seconds} s. Checks: {'all passed' if passed else 'SOME FAILED'}.", "",
          "## Steps", "", "| step | status | seconds |", "|---|---|---|"]
    md += [f"| {s['name']} | {s['status']} | {s['seconds']} |" for s in steps]
    md += ["", "## Targets", "", "| target | measured | verdict |", "|---|---|---|"]
    md += [f"| {t['target']} | {t.get('measured', '-')} | {t['verdict']} |" for t in targets]
    md += ["", "## Numbers", "", "| number | value |", "|---|---|"]
    md += [f"| {k} | {v['value']} {v['unit']} |" for k, v in numbers.items()]
    md += ["", "## Logs", ""]
    for s in steps:
        md += [f"### {s['name']} ({s['status']})", "", "```", logs[s["name"]].rstrip(), "```", ""]
    with open(os.path.join(args.out, "report.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(md) + "\n")

    print(f"gpu-check on {args.device}, {args.seconds} s: "
          f"{'all checks passed' if passed else 'SOME CHECKS FAILED'}")
    for s in steps:
        print(f"  {s['name']:<15} {s['status']:<10} {s['seconds']:>4} s")
    for t in targets:
        print(f"  {t['target']}: {t.get('measured', '-')} ({t['verdict']})")
    print(f"report: {os.path.join(args.out, 'report.md')}")
    return 0 if passed else 1


if __name__ == "__main__":
    sys.exit(main())
