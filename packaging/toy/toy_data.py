"""The toy world's training data, made by the app itself: the clips come from
`mbq toy-world --count` (the one drawing the app, the demo and the tests use) and each prompt's
umT5 encoding from `mbq probe wan-tokenizer` and `wan-text-encoder` (the encoder the app runs,
frozen), so what the toy model is trained on is exactly what it is given at render time."""

import json
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch
from safetensors.torch import load_file, save_file


def run(args):
    done = subprocess.run(args, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{done.stderr}")
    return done.stdout


def load_clips(mbq, folder, count, seed, frames):
    """uint8 clips [N, F, H, W, 3] and their prompts, drawn once and kept in `folder`."""
    manifest = os.path.join(folder, "scenes.json")
    if not os.path.exists(manifest) or len(json.load(open(manifest))["prompts"]) != count:
        run([mbq, "toy-world", "--count", str(count), "--seed", str(seed), "--frames",
             str(frames), "--out", folder])
    scenes = json.load(open(manifest))
    shape = (count, scenes["frames"], scenes["height"], scenes["width"], 3)
    clips = np.fromfile(os.path.join(folder, "clips.u8"), dtype=np.uint8).reshape(shape)
    return clips, scenes["prompts"]


def encode_prompt(mbq, model, text, scratch):
    """The context the DiT gets for `text`: umT5 states of the prompt's tokens, zeros after."""
    tokens = json.loads(run([mbq, "probe", "wan-tokenizer", "--model", model, "--text", text]))
    ids = torch.tensor(tokens["ids"], dtype=torch.int64)
    mask = torch.tensor(tokens["mask"], dtype=torch.int64)
    stem = os.path.join(scratch, str(abs(hash(text))))
    save_file({"ids": ids, "mask": mask}, stem + "-in.safetensors")
    run([mbq, "probe", "wan-text-encoder", "--model", model, "--device", "cpu",
         "--dtype", "f32", "--in", stem + "-in.safetensors", "--out", stem + "-out.safetensors"])
    hidden = load_file(stem + "-out.safetensors")["hidden"]
    hidden[tokens["length"]:] = 0
    return hidden


def prompt_contexts(mbq, model, prompts, cache):
    """{prompt: context [L, text_dim]} for every distinct prompt, cached in `cache`."""
    known = load_file(cache) if os.path.exists(cache) else {}
    wanted = sorted(set(prompts) - set(known))
    if wanted:
        with tempfile.TemporaryDirectory() as scratch, ThreadPoolExecutor(2) as pool:
            for text, hidden in zip(wanted, pool.map(
                    lambda t: encode_prompt(mbq, model, t, scratch), wanted)):
                known[text] = hidden
        save_file({k: v.contiguous() for k, v in known.items()}, cache)
    return known
