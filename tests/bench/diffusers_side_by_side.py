#!/usr/bin/env python3
"""Side by side: our Wan2.1 DiT and VAE against Hugging Face Diffusers' on the same weights.

Usage:
    python tests/bench/diffusers_side_by_side.py [--device cpu|cuda] [--size quick|real]
        [--dtype float32|bfloat16] [--parts dit,vae-decode,vae-encode] [--repeats N]
        [--mbq-bench PATH] [--work DIR] [--out report.json]

What it measures: Diffusers' WanTransformer3DModel (one forward) and AutoencoderKLWan (decode,
encode) against our WanDit and WanVae, with the same seeded random weights and the same inputs,
on the same device in the same run. Each call is timed as mbq-bench times everything: one warm-up
run, then the median of --repeats runs, synchronising CUDA around each. It prints our time as a
ratio of theirs (below 1: ours is faster) and checks that the outputs agree; the exit status is 1
when any output disagrees beyond its tolerance (or a side fails), 0 otherwise.

  --size quick  the T2V-1.3B widths with 2 DiT layers and small latents (16x3x14x26 for the DiT,
                16x2x4x4 for the VAE, a 5x32x32 clip): about a minute on a 2-core CPU.
  --size real   T2V-1.3B (30 layers) on the 832x480x81 latent (16x21x60x104) and that clip for
                the VAE: for a GPU.
  --dtype       the DiT's precision. float32 (the CPU default) runs both models in float32;
                bfloat16 (the CUDA default) is what each side runs on a GPU: Diffusers loaded
                with torch_dtype=bfloat16 (keeping its _keep_in_fp32_modules in float32, a
                bfloat16 residual stream), ours with bfloat16 linear layers and a float32 stream.
                The VAE runs in float32 on both sides, as the official code and Diffusers' Wan
                examples do.

Agreement is the relative L2 error ||ours - theirs|| / ||theirs|| over the whole output (the
maximum absolute difference is reported beside it). Tolerances (TOLERANCE below): float32 1e-4
(measured on a CPU: DiT 5e-6 with 2 layers, 9e-6 with 30; VAE 2e-6); the bfloat16 DiT 5e-2
(measured 5e-3 with 2 layers, 1.5e-2 with 30), looser because Diffusers keeps the residual
stream in bfloat16 and we keep it in float32. With random weights a real mistake can be small
(self-attention's q and k swapped: 5e-2 on the 2-layer DiT), so the bfloat16 check is coarse and
float32 is the one that shows the two compute the same function.

How: the script draws the weights (official Wan2.1 names and layout) and the inputs, writes them
as safetensors into a work folder, runs `mbq-bench --io DIR wan-reference` on them (our side, in
its own process), then writes the same tensors under Diffusers' names (the key mapping below is
ours) with a Diffusers config.json, loads them with from_pretrained as a user does, and times
Diffusers in this process. Results go to stdout and, with --out, to a JSON file whose "wan-dit",
"wan-vae-decode" and "wan-vae-encode" entries hold ours_ms, diffusers_ms, ratio, rel_l2,
max_abs_diff, tolerance and agree.

Benchmark tooling only, never part of the app. It needs PyTorch, Diffusers and Accelerate (which
Diffusers' from_pretrained needs to keep Wan's float32 modules) in the Python that runs it; the
project's environment gets them with
    .venv/bin/pip install diffusers accelerate  # written against 0.42.1 and 1.16.0
An offline GPU box that has torch installs them from wheels fetched beforehand (38 MB). The
dependencies are named by hand, so that pip fetches no torch, and pinned to the tested versions:
    pip download --dest .gpu-check/wheels --only-binary=:all: --no-deps --python-version 3.12 \
        --platform manylinux_2_28_x86_64 --platform manylinux2014_x86_64 diffusers==0.42.1 \
        accelerate==1.16.0 huggingface_hub==2.5.0 safetensors==0.8.0 regex==2026.12.2 \
        Pillow==13.0.0 requests==2.34.2 importlib_metadata==10.2.0 zipp==4.1.2 urllib3==2.8.0 \
        idna==3.21 certifi==2026.10.19.post1 charset_normalizer==3.5.3 psutil==7.2.2 \
        pyyaml==6.0.4 tqdm==4.70.1 hf-xet==1.8.0 httpx2==2.17.0 httpcore2==2.17.0 anyio==4.16.0 \
        h11==0.16.0 click==8.5.1 truststore==0.10.5 lazy-importer==0.1.0 packaging==26.4 \
        numpy==2.4.6
and on the box (--no-deps: the resolver would look for torch among the wheels):
    python -m pip install --no-index --no-deps --target .gpu-check/site .gpu-check/wheels/*.whl
    PYTHONPATH=.gpu-check/site python tests/bench/diffusers_side_by_side.py --device cuda ...
"""

import argparse
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

import torch
from safetensors import safe_open
from safetensors.torch import save_file

# Relative L2 error allowed between the two sides' outputs.
TOLERANCE = {"float32": 1e-4, "bfloat16": 5e-2}

# Wan2.1 T2V-1.3B (the official config.json's values).
DIT_1_3B = {
    "dim": 1536, "ffn_dim": 8960, "num_heads": 12, "num_layers": 30, "in_dim": 16, "out_dim": 16,
    "freq_dim": 256, "text_dim": 4096, "text_len": 512, "eps": 1e-6, "patch_size": [1, 2, 2],
}
# The official VAE (wan/modules/vae.py _video_vae); latent statistics are the built-in ones on
# both sides.
VAE_CONFIG = {"base_dim": 96, "z_dim": 16, "dim_mult": [1, 2, 4, 4], "num_res_blocks": 2,
              "temperal_downsample": [False, True, True]}
VAE_LATENTS_MEAN = [-0.7571, -0.7089, -0.9113, 0.1075, -0.1745, 0.9653, -0.1517, 1.5508,
                    0.4134, -0.0715, 0.5517, -0.3632, -0.1922, -0.9497, 0.2503, -0.2921]
VAE_LATENTS_STD = [2.8184, 1.4541, 2.3275, 2.6558, 1.2196, 1.7708, 2.6052, 2.0743,
                   3.2687, 2.1526, 2.8652, 1.5579, 1.6382, 1.1253, 2.8251, 1.9160]

# Per size: DiT layers, DiT latent [C, F, H, W], VAE latent [C, T, h, w].
SIZES = {
    "quick": {"layers": 2, "dit_latent": [16, 3, 14, 26], "vae_latent": [16, 2, 4, 4]},
    "real": {"layers": 30, "dit_latent": [16, 21, 60, 104], "vae_latent": [16, 21, 60, 104]},
}
# Timed runs after the warm-up; one real-size VAE call takes seconds even on a GPU.
DEFAULT_REPEATS = {("quick", "dit"): 3, ("quick", "vae"): 3, ("real", "dit"): 3, ("real", "vae"): 1}
TIMESTEP = 999.0    # the first step of a Wan sampling run
REAL_TEXT_ROWS = 24  # context rows that stand for tokens; the rest are the pipeline's zero padding


# --- Weights: official names and shapes, and their Diffusers names ----------------------------

def dit_shapes(c):
    """Every tensor of the official t2v WanModel for config c, name -> shape, in network order."""
    d, ffn = c["dim"], c["ffn_dim"]
    pt, ph, pw = c["patch_size"]
    shapes = {
        "patch_embedding.weight": [d, c["in_dim"], pt, ph, pw], "patch_embedding.bias": [d],
        "text_embedding.0.weight": [d, c["text_dim"]], "text_embedding.0.bias": [d],
        "text_embedding.2.weight": [d, d], "text_embedding.2.bias": [d],
        "time_embedding.0.weight": [d, c["freq_dim"]], "time_embedding.0.bias": [d],
        "time_embedding.2.weight": [d, d], "time_embedding.2.bias": [d],
        "time_projection.1.weight": [6 * d, d], "time_projection.1.bias": [6 * d],
    }
    for n in range(c["num_layers"]):
        b = f"blocks.{n}."
        shapes[b + "modulation"] = [1, 6, d]
        for attn in ("self_attn", "cross_attn"):
            for proj in "qkvo":
                shapes[f"{b}{attn}.{proj}.weight"] = [d, d]
                shapes[f"{b}{attn}.{proj}.bias"] = [d]
            shapes[f"{b}{attn}.norm_q.weight"] = [d]
            shapes[f"{b}{attn}.norm_k.weight"] = [d]
        shapes[b + "norm3.weight"] = [d]
        shapes[b + "norm3.bias"] = [d]
        shapes[b + "ffn.0.weight"] = [ffn, d]
        shapes[b + "ffn.0.bias"] = [ffn]
        shapes[b + "ffn.2.weight"] = [d, ffn]
        shapes[b + "ffn.2.bias"] = [d]
    shapes["head.modulation"] = [1, 2, d]
    shapes["head.head.weight"] = [c["out_dim"] * pt * ph * pw, d]
    shapes["head.head.bias"] = [c["out_dim"] * pt * ph * pw]
    return shapes


# Official module -> Diffusers module; a parameter keeps its last name part.
DIT_TOP_MODULES = {
    "patch_embedding": "patch_embedding",
    "text_embedding.0": "condition_embedder.text_embedder.linear_1",
    "text_embedding.2": "condition_embedder.text_embedder.linear_2",
    "time_embedding.0": "condition_embedder.time_embedder.linear_1",
    "time_embedding.2": "condition_embedder.time_embedder.linear_2",
    "time_projection.1": "condition_embedder.time_proj",
    "head.head": "proj_out",
    "head.modulation": "scale_shift_table",
}
DIT_BLOCK_MODULES = {
    "modulation": "scale_shift_table",
    # Diffusers numbers a block's norms in the order they run: the affine cross-attention norm,
    # officially norm3, is its norm2 (the FFN's parameterless norm2 is its norm3).
    "norm3": "norm2",
    "ffn.0": "ffn.net.0.proj",
    "ffn.2": "ffn.net.2",
}
for _attn, _theirs in (("self_attn", "attn1"), ("cross_attn", "attn2")):
    DIT_BLOCK_MODULES.update({f"{_attn}.{p}": f"{_theirs}.to_{p}" for p in "qkv"})
    DIT_BLOCK_MODULES[f"{_attn}.o"] = f"{_theirs}.to_out.0"
    DIT_BLOCK_MODULES.update({f"{_attn}.norm_{p}": f"{_theirs}.norm_{p}" for p in "qk"})


def renamed(name, table, prefix_out=""):
    """name with its longest module prefix found in table replaced; KeyError when none is."""
    for module in sorted(table, key=len, reverse=True):
        if name == module or name.startswith(module + "."):
            return prefix_out + table[module] + name[len(module):]
    raise KeyError(name)


def dit_diffusers_name(name):
    block = re.fullmatch(r"blocks\.(\d+)\.(.+)", name)
    if block:
        return renamed(block.group(2), DIT_BLOCK_MODULES, f"blocks.{block.group(1)}.")
    return renamed(name, DIT_TOP_MODULES)


def vae_shapes(c):
    """Every tensor of the official Wan2.1 VAE for config c, name -> shape, in module order."""
    shapes = {}

    def conv(name, cout, cin, kernel):
        shapes[name + ".weight"] = [cout, cin, *kernel]
        shapes[name + ".bias"] = [cout]

    def residual(name, cin, cout):
        shapes[name + ".residual.0.gamma"] = [cin, 1, 1, 1]
        conv(name + ".residual.2", cout, cin, [3, 3, 3])
        shapes[name + ".residual.3.gamma"] = [cout, 1, 1, 1]
        conv(name + ".residual.6", cout, cout, [3, 3, 3])
        if cin != cout:
            conv(name + ".shortcut", cout, cin, [1, 1, 1])

    def middle(name, dim):
        residual(name + ".0", dim, dim)
        shapes[name + ".1.norm.gamma"] = [dim, 1, 1]
        conv(name + ".1.to_qkv", 3 * dim, dim, [1, 1])
        conv(name + ".1.proj", dim, dim, [1, 1])
        residual(name + ".2", dim, dim)

    base, z, mult, blocks = c["base_dim"], c["z_dim"], c["dim_mult"], c["num_res_blocks"]
    stages = len(mult)
    dims = [base * m for m in [1] + mult]
    conv("encoder.conv1", dims[0], 3, [3, 3, 3])
    index = 0
    for i in range(stages):
        cin = dims[i]
        for _ in range(blocks):
            residual(f"encoder.downsamples.{index}", cin, dims[i + 1])
            cin = dims[i + 1]
            index += 1
        if i != stages - 1:
            conv(f"encoder.downsamples.{index}.resample.1", cin, cin, [3, 3])
            if c["temperal_downsample"][i]:
                conv(f"encoder.downsamples.{index}.time_conv", cin, cin, [3, 1, 1])
            index += 1
    middle("encoder.middle", dims[-1])
    shapes["encoder.head.0.gamma"] = [dims[-1], 1, 1, 1]
    conv("encoder.head.2", 2 * z, dims[-1], [3, 3, 3])
    conv("conv1", 2 * z, 2 * z, [1, 1, 1])
    conv("conv2", z, z, [1, 1, 1])

    dims = [base * mult[-1]] + [base * m for m in reversed(mult)]
    upsample_time = list(reversed(c["temperal_downsample"]))
    conv("decoder.conv1", dims[0], z, [3, 3, 3])
    middle("decoder.middle", dims[0])
    index = 0
    for i in range(stages):
        # An upsample halves the channels it hands on, so later stages start at half width.
        cin = dims[i] // 2 if i > 0 else dims[i]
        for _ in range(blocks + 1):
            residual(f"decoder.upsamples.{index}", cin, dims[i + 1])
            cin = dims[i + 1]
            index += 1
        if i != stages - 1:
            conv(f"decoder.upsamples.{index}.resample.1", cin // 2, cin, [3, 3])
            if upsample_time[i]:
                conv(f"decoder.upsamples.{index}.time_conv", 2 * cin, cin, [3, 1, 1])
            index += 1
    shapes["decoder.head.0.gamma"] = [dims[-1], 1, 1, 1]
    conv("decoder.head.2", 3, dims[-1], [3, 3, 3])
    return shapes


VAE_RESIDUAL_PARTS = {"residual.0": "norm1", "residual.2": "conv1", "residual.3": "norm2",
                      "residual.6": "conv2", "shortcut": "conv_shortcut"}
VAE_TOP_MODULES = {"conv1": "quant_conv", "conv2": "post_quant_conv"}
for _side in ("encoder", "decoder"):
    VAE_TOP_MODULES.update({
        f"{_side}.conv1": f"{_side}.conv_in",
        f"{_side}.head.0": f"{_side}.norm_out",
        f"{_side}.head.2": f"{_side}.conv_out",
        f"{_side}.middle.1": f"{_side}.mid_block.attentions.0",
    })
    for _i, _resnet in ((0, 0), (2, 1)):
        VAE_TOP_MODULES.update({
            f"{_side}.middle.{_i}.{part}": f"{_side}.mid_block.resnets.{_resnet}.{theirs}"
            for part, theirs in VAE_RESIDUAL_PARTS.items()})


def vae_diffusers_name(name, c):
    down = re.fullmatch(r"encoder\.downsamples\.(\d+)\.(.+)", name)
    if down:
        # Diffusers keeps the encoder's flat numbering and renames only the residual parts.
        prefix = f"encoder.down_blocks.{down.group(1)}."
        rest = down.group(2)
        return renamed(rest, VAE_RESIDUAL_PARTS, prefix) if rest.startswith(
            ("residual.", "shortcut.")) else prefix + rest
    up = re.fullmatch(r"decoder\.upsamples\.(\d+)\.(.+)", name)
    if up:
        # The decoder's flat list groups into stages of num_res_blocks + 1 residual blocks, each
        # but the last followed by one upsample.
        per_stage = c["num_res_blocks"] + 2
        stage, slot = divmod(int(up.group(1)), per_stage)
        rest = up.group(2)
        if slot == per_stage - 1:
            return f"decoder.up_blocks.{stage}.upsamplers.0.{rest}"
        return renamed(rest, VAE_RESIDUAL_PARTS, f"decoder.up_blocks.{stage}.resnets.{slot}.")
    return renamed(name, VAE_TOP_MODULES)


def check_mapping(shapes, rename, model_class, config):
    """Fails unless the renamed tensors are exactly the model's parameters, with their shapes."""
    with torch.device("meta"):
        model = model_class(**config)
    expected = {k: list(v.shape) for k, v in model.state_dict().items()}
    mapped = {rename(k): v for k, v in shapes.items()}
    if len(mapped) != len(shapes):
        raise SystemExit(f"{model_class.__name__}: the key mapping is not one-to-one")
    missing = sorted(set(expected) - set(mapped))
    extra = sorted(set(mapped) - set(expected))
    wrong = sorted(k for k in set(mapped) & set(expected) if mapped[k] != expected[k])
    if missing or extra or wrong:
        raise SystemExit(f"{model_class.__name__}: key mapping mismatch: missing {missing[:5]}, "
                         f"unexpected {extra[:5]}, mis-shaped {wrong[:5]}")


def random_weights(shapes, seed, device, dtype):
    """Seeded weights of a plausible scale: N(0,1)/sqrt(fan-in) matrices and modulation tables,
    small biases, norm gains near 1. Drawn in sorted-name order, stored in dtype on the CPU."""
    generator = torch.Generator(device=device).manual_seed(seed)
    weights = {}
    for name in sorted(shapes):
        shape = shapes[name]
        noise = torch.randn(shape, generator=generator, device=device)
        if name.endswith(".bias"):
            value = 0.02 * noise
        elif name.endswith(".gamma") or re.search(r"\.(norm_q|norm_k|norm3)\.weight$", name):
            value = 1.0 + 0.1 * noise
        elif name.endswith("modulation"):
            value = noise / math.sqrt(shape[-1])
        else:
            value = noise / math.sqrt(math.prod(shape[1:]))
        weights[name] = value.to(dtype).cpu().contiguous()
    return weights


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(value, f, indent=2)


# --- Running and timing -----------------------------------------------------------------------

def synchronise(device):
    if device.type == "cuda":
        torch.cuda.synchronize(device)


def median_seconds(fn, repeats, device):
    """As mbq-bench's medianSeconds: one warm-up, then the median of repeats timed runs."""
    fn()
    synchronise(device)
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        synchronise(device)
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def run_ours(bench, device, repeats, io_dir):
    """Runs mbq-bench wan-reference on io_dir; returns its output tensors and times (ms)."""
    if device.type == "cuda":
        torch.cuda.empty_cache()  # the blocks the weights were drawn in, for mbq-bench
    command = [bench, "--device", device.type, "--repeats", str(repeats), "--io", io_dir,
               "wan-reference"]
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    sys.stdout.write("".join("  mbq: " + line + "\n" for line in done.stdout.splitlines()))
    if done.returncode != 0:
        raise RuntimeError(f"mbq-bench exited with {done.returncode}")
    outputs = {}
    with safe_open(os.path.join(io_dir, "mbq_outputs.safetensors"), "pt") as f:
        metadata = f.metadata()
        for name in f.keys():
            outputs[name] = (f.get_tensor(name), float(metadata[name + ".ms"]))
    return outputs


def compare(name, ours, ours_ms, theirs, theirs_ms, tolerance):
    ours = ours.double().cpu()
    theirs = theirs.double().cpu()
    if ours.shape != theirs.shape:
        raise RuntimeError(f"{name}: our output is {list(ours.shape)}, Diffusers' "
                           f"{list(theirs.shape)}")
    rel_l2 = ((ours - theirs).norm() / theirs.norm().clamp_min(1e-30)).item()
    max_abs = (ours - theirs).abs().max().item()
    agree = rel_l2 <= tolerance
    print(f"{name}: ours {ours_ms:.1f} ms, diffusers {theirs_ms:.1f} ms, ratio "
          f"{ours_ms / theirs_ms:.2f} (ours/theirs); rel L2 {rel_l2:.2e}, max abs diff "
          f"{max_abs:.2e} (max |theirs| {theirs.abs().max().item():.3g}): "
          f"{'agree' if agree else 'DISAGREE'} (tolerance rel L2 {tolerance:g})")
    return {"ours_ms": ours_ms, "diffusers_ms": theirs_ms, "ratio": ours_ms / theirs_ms,
            "rel_l2": rel_l2, "max_abs_diff": max_abs,
            "max_abs_theirs": theirs.abs().max().item(), "shape": list(theirs.shape),
            "tolerance": tolerance, "agree": agree}


def dit_side_by_side(args, device, work, report):
    from diffusers import WanTransformer3DModel

    dtype = getattr(torch, args.dtype)
    config = dict(DIT_1_3B, num_layers=SIZES[args.size]["layers"])
    shapes = dit_shapes(config)
    theirs_config = {
        "patch_size": config["patch_size"], "num_attention_heads": config["num_heads"],
        "attention_head_dim": config["dim"] // config["num_heads"],
        "in_channels": config["in_dim"], "out_channels": config["out_dim"],
        "text_dim": config["text_dim"], "freq_dim": config["freq_dim"],
        "ffn_dim": config["ffn_dim"], "num_layers": config["num_layers"],
        "cross_attn_norm": True, "qk_norm": "rms_norm_across_heads", "eps": config["eps"],
        "rope_max_seq_len": 1024,
    }
    check_mapping(shapes, dit_diffusers_name, WanTransformer3DModel, theirs_config)

    # Weights and inputs hold values the run's dtype represents exactly, so both sides start
    # from the same numbers whatever they convert to.
    weights = random_weights(shapes, args.seed, device, dtype)
    generator = torch.Generator().manual_seed(args.seed + 1)
    x = torch.randn([1] + SIZES[args.size]["dit_latent"], generator=generator)
    context = torch.randn(1, config["text_len"], config["text_dim"], generator=generator)
    context[:, REAL_TEXT_ROWS:] = 0
    inputs = {"dit.x": x.to(dtype).float(), "dit.t": torch.tensor([TIMESTEP]),
              "dit.context": context.to(dtype).float()}

    folder = os.path.join(work, "dit")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "dit"))
    os.makedirs(os.path.join(folder, "diffusers"))
    official = dict(config, _class_name="WanModel", model_type="t2v", window_size=[-1, -1],
                    qk_norm=True, cross_attn_norm=True)
    write_json(os.path.join(folder, "dit", "config.json"), official)
    save_file(weights, os.path.join(folder, "dit", "diffusion_pytorch_model.safetensors"))
    write_json(os.path.join(folder, "diffusers", "config.json"),
               dict(theirs_config, _class_name="WanTransformer3DModel"))
    save_file({dit_diffusers_name(k): v for k, v in weights.items()},
              os.path.join(folder, "diffusers", "diffusion_pytorch_model.safetensors"))
    del weights
    save_file(inputs, os.path.join(folder, "inputs.safetensors"),
              metadata={"dit.precision": args.dtype})

    repeats = args.repeats or DEFAULT_REPEATS[(args.size, "dit")]
    ours, ours_ms = run_ours(args.mbq_bench, device, repeats, folder)["dit.out"]

    model = WanTransformer3DModel.from_pretrained(os.path.join(folder, "diffusers"),
                                                  torch_dtype=dtype).to(device).eval()
    # As WanPipeline feeds it: latents and text in the model's dtype, the timestep as given.
    x = inputs["dit.x"].to(device, dtype)
    t = inputs["dit.t"].to(device)
    context = inputs["dit.context"].to(device, dtype)
    result = {}

    def forward():
        result["out"] = model(x, t, context, return_dict=False)[0]

    with torch.no_grad():
        theirs_ms = median_seconds(forward, repeats, device) * 1e3
    report["wan-dit"] = compare("wan-dit", ours, ours_ms, result["out"], theirs_ms,
                                TOLERANCE[args.dtype])
    report["wan-dit"].update(layers=config["num_layers"], dtype=args.dtype, repeats=repeats)
    del model


def vae_side_by_side(args, device, work, report, parts):
    from diffusers import AutoencoderKLWan

    shapes = vae_shapes(VAE_CONFIG)
    theirs_config = dict(VAE_CONFIG, attn_scales=[], dropout=0.0,
                         latents_mean=VAE_LATENTS_MEAN, latents_std=VAE_LATENTS_STD)
    check_mapping(shapes, lambda k: vae_diffusers_name(k, VAE_CONFIG), AutoencoderKLWan,
                  theirs_config)
    weights = random_weights(shapes, args.seed + 2, device, torch.float32)

    generator = torch.Generator().manual_seed(args.seed + 3)
    latent_shape = SIZES[args.size]["vae_latent"]
    z, frames, h, w = latent_shape
    inputs = {}
    if "vae-decode" in parts:
        inputs["vae.latent"] = torch.randn(latent_shape, generator=generator)
    if "vae-encode" in parts:
        video = torch.rand([3, 4 * (frames - 1) + 1, 8 * h, 8 * w], generator=generator)
        inputs["vae.video"] = video * 2 - 1

    folder = os.path.join(work, "vae")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(os.path.join(folder, "diffusers"))
    save_file(weights, os.path.join(folder, "vae.safetensors"))
    write_json(os.path.join(folder, "diffusers", "config.json"),
               dict(theirs_config, _class_name="AutoencoderKLWan"))
    save_file({vae_diffusers_name(k, VAE_CONFIG): v for k, v in weights.items()},
              os.path.join(folder, "diffusers", "diffusion_pytorch_model.safetensors"))
    del weights
    save_file(inputs, os.path.join(folder, "inputs.safetensors"))

    repeats = args.repeats or DEFAULT_REPEATS[(args.size, "vae")]
    ours = run_ours(args.mbq_bench, device, repeats, folder)

    vae = AutoencoderKLWan.from_pretrained(os.path.join(folder, "diffusers"),
                                           torch_dtype=torch.float32).to(device).eval()
    # Our decode takes and our encode returns the normalised latent, (mu - mean) / std; the
    # Wan pipelines do that arithmetic around Diffusers' calls, so it is timed with them.
    mean = torch.tensor(VAE_LATENTS_MEAN, device=device).view(1, z, 1, 1, 1)
    std = torch.tensor(VAE_LATENTS_STD, device=device).view(1, z, 1, 1, 1)
    result = {}
    calls = {
        "vae-decode": ("vae.latent", "vae.decoded",
                       lambda v: vae.decode(v[None] * std + mean, return_dict=False)[0][0]),
        "vae-encode": ("vae.video", "vae.encoded",
                       lambda v: (vae.encode(v[None]).latent_dist.mode()[0] - mean[0]) / std[0]),
    }
    for part in ("vae-decode", "vae-encode"):
        if part not in parts:
            continue
        source, output, call = calls[part]
        value = inputs[source].to(device)

        def run():
            result[part] = call(value)

        with torch.no_grad():
            theirs_ms = median_seconds(run, repeats, device) * 1e3
        name = "wan-" + part
        report[name] = compare(name, *ours[output], result[part], theirs_ms,
                               TOLERANCE["float32"])
        report[name].update(dtype="float32", repeats=repeats)


def main():
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--device", choices=["cpu", "cuda"], default="cpu")
    parser.add_argument("--size", choices=sorted(SIZES), default="quick")
    parser.add_argument("--dtype", choices=sorted(TOLERANCE),
                        help="DiT precision (default: float32 on cpu, bfloat16 on cuda)")
    parser.add_argument("--parts", default="dit,vae-decode,vae-encode",
                        help="comma-separated subset of dit, vae-decode, vae-encode")
    parser.add_argument("--repeats", type=int,
                        help="timed runs per call after the warm-up (default: 3; 1 for the "
                             "real-size VAE)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--mbq-bench", default=os.path.join(root, "build", "bin", "mbq-bench"))
    parser.add_argument("--work", help="folder for the weights and inputs (default: a temporary "
                                       "one, removed afterwards)")
    parser.add_argument("--out", help="write the numbers to this JSON file")
    args = parser.parse_args()
    args.dtype = args.dtype or ("bfloat16" if args.device == "cuda" else "float32")
    parts = [p for p in args.parts.split(",") if p]
    unknown = set(parts) - {"dit", "vae-decode", "vae-encode"}
    if unknown:
        parser.error(f"unknown parts: {', '.join(sorted(unknown))}")
    if args.device == "cuda" and not torch.cuda.is_available():
        parser.error("this PyTorch sees no CUDA device")
    if not os.access(args.mbq_bench, os.X_OK):
        parser.error(f"no mbq-bench at {args.mbq_bench} (build it, or pass --mbq-bench)")
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # every model comes from the work folder
    try:
        import accelerate  # noqa: F401 (from_pretrained of the Wan models needs it)
        import diffusers
    except ImportError as error:
        parser.error(f"{error.name} is missing: pip install diffusers accelerate")

    device = torch.device(args.device)
    report = {"device": args.device, "size": args.size, "dit_dtype": args.dtype,
              "torch": torch.__version__, "diffusers": diffusers.__version__,
              "threads": torch.get_num_threads() if args.device == "cpu" else None,
              "mbq_bench": args.mbq_bench}
    if args.device == "cuda":
        report["gpu"] = torch.cuda.get_device_name(device)
    print(f"diffusers side-by-side: {args.device}"
          f"{' (' + report['gpu'] + ')' if args.device == 'cuda' else ''}, size {args.size}, "
          f"DiT {args.dtype}, torch {torch.__version__}, diffusers {diffusers.__version__}")

    work = args.work or tempfile.mkdtemp(prefix="mbq-diffusers-")
    os.makedirs(work, exist_ok=True)
    failed = None
    try:
        if "dit" in parts:
            dit_side_by_side(args, device, work, report)
        if "vae-decode" in parts or "vae-encode" in parts:
            vae_side_by_side(args, device, work, report, parts)
    except (RuntimeError, OSError) as error:
        failed = str(error)
        print(f"diffusers side-by-side: FAILED: {failed}")
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    checked = [v for v in report.values() if isinstance(v, dict)]
    report["error"] = failed
    report["all_agree"] = failed is None and all(v["agree"] for v in checked)
    if args.out:
        write_json(args.out, report)
    return 0 if report["all_agree"] else 1


if __name__ == "__main__":
    sys.exit(main())
