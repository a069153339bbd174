"""Trains the toy Wan2.1 model (see packaging/train-toy.sh and resources/toy/MODEL_CARD.md).

Stages, each kept in --work so an interrupted run resumes where it stopped:
  1. the frozen parts: `mbq make-tiny-model --layout diffusers` gives the tiny umT5 encoder and
     its SentencePiece tokenizer (random weights, never trained: the DiT learns to read them);
  2. the data: toy-world clips and their prompts' umT5 encodings (toy_data.py);
  3. the VAE: Diffusers' AutoencoderKLWan at toy width, trained to reconstruct the clips, then
     its latent statistics measured and written into its config (latents_mean / latents_std,
     which the app reads to normalise);
  4. the DiT: Diffusers' WanTransformer3DModel at toy size, trained with flow matching on the
     normalised latents, with 10% of prompts dropped to "" so classifier-free guidance works.
The model folder is written in the Diffusers layout, which the app loads as it is.
"""

import argparse
import json
import math
import os
import shutil
import time

import numpy as np
import torch
from diffusers import AutoencoderKLWan, WanTransformer3DModel
from safetensors.torch import load_file, save_file

from toy_data import load_clips, prompt_contexts, run

VAE_CONFIG = dict(base_dim=8, z_dim=16, dim_mult=[1, 2, 4, 4], num_res_blocks=1,
                  temperal_downsample=[False, True, True])
DIT_CONFIG = dict(patch_size=[1, 1, 1], num_attention_heads=2, attention_head_dim=32,
                  in_channels=16, out_channels=16, text_dim=32, freq_dim=256, ffn_dim=256,
                  num_layers=4, cross_attn_norm=True, qk_norm="rms_norm_across_heads",
                  eps=1e-6, rope_max_seq_len=1024)
TEXT_LEN = 512


def log(message):
    print(f"[{time.strftime('%H:%M:%S')}] {message}", flush=True)


def to_video(clips):
    """uint8 [N, F, H, W, 3] -> float [N, 3, F, H, W] in [-1, 1]."""
    return torch.from_numpy(clips).permute(0, 4, 1, 2, 3).float().div(127.5).sub(1)


def cosine_lr(optimizer, base, step, total, warmup=100):
    scale = min(1.0, (step + 1) / warmup) * 0.5 * (1 + math.cos(math.pi * step / total))
    for group in optimizer.param_groups:
        group["lr"] = base * max(scale, 0.05)


def train_vae(vae, clips, steps, batch, frames, foreground, noise, lr, seed):
    """Trains `vae` on `frames`-frame crops. Pixels unlike the clip's backdrop weigh
    `foreground` times more: the shapes are a few percent of the pixels, and without the
    weight the VAE first learns backdrops alone."""
    optimizer = torch.optim.AdamW(vae.parameters(), lr=lr, weight_decay=0.0)
    video = to_video(clips)
    generator = torch.Generator().manual_seed(seed)
    started = time.time()
    for step in range(steps):
        cosine_lr(optimizer, lr, step, steps)
        index = torch.randint(0, video.shape[0], (batch,), generator=generator)
        start = int(torch.randint(0, video.shape[2] - frames + 1, (1,), generator=generator))
        x = video[index, :, start:start + frames]
        backdrop = x[:, :, :1, :1, :1]  # the corner is always backdrop in the toy world
        weight = 1 + (foreground - 1) * ((x - backdrop).abs().sum(1, keepdim=True) > 0.1)
        posterior = vae.encode(x).latent_dist
        # The decoder sees the mean plus noise: the DiT's latents are never exact.
        z = posterior.mean + noise * torch.randn_like(posterior.mean)
        y = vae.decode(z).sample
        error = y - x
        recon = (weight * (error.abs() + error ** 2)).mean() / weight.mean()
        loss = recon + 1e-4 * posterior.mean.pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(vae.parameters(), 1.0)
        optimizer.step()
        if step % 50 == 0 or step == steps - 1:
            log(f"vae ({frames} frames) step {step}/{steps} weighted recon {recon.item():.4f} "
                f"({time.time() - started:.0f} s)")
    return vae


@torch.no_grad()
def encode_all(vae, clips, batch=16):
    means = []
    video = to_video(clips)
    for i in range(0, video.shape[0], batch):
        means.append(vae.encode(video[i:i + batch]).latent_dist.mean)
    return torch.cat(means)


def save_vae(vae, latents, folder):
    """Writes the VAE with the latent statistics the app normalises by."""
    mean = latents.mean(dim=(0, 2, 3, 4))
    std = latents.std(dim=(0, 2, 3, 4))
    vae.register_to_config(latents_mean=[round(float(v), 6) for v in mean],
                           latents_std=[round(float(v), 6) for v in std])
    vae.save_pretrained(folder)
    return ((latents - mean.view(1, -1, 1, 1, 1)) / std.view(1, -1, 1, 1, 1))


def train_dit(latents, contexts, empty, out, steps, batch, seed, shift):
    torch.manual_seed(seed)
    dit = WanTransformer3DModel(**DIT_CONFIG)
    optimizer = torch.optim.AdamW(dit.parameters(), lr=5e-4, weight_decay=0.01)
    generator = torch.Generator().manual_seed(seed)
    ema = {k: v.detach().clone() for k, v in dit.state_dict().items()}
    started = time.time()
    for step in range(steps):
        cosine_lr(optimizer, 5e-4, step, steps)
        index = torch.randint(0, latents.shape[0], (batch,), generator=generator)
        x0 = latents[index]
        context = contexts[index].clone()
        dropped = torch.rand(batch, generator=generator) < 0.1
        context[dropped] = empty
        # Noise levels as the sampler visits them: uniform, then shifted like the schedule.
        u = torch.rand(batch, generator=generator)
        sigma = shift * u / (1 + (shift - 1) * u)
        noise = torch.randn(x0.shape, generator=generator)
        s = sigma.view(-1, 1, 1, 1, 1)
        xt = (1 - s) * x0 + s * noise
        v = dit(hidden_states=xt, timestep=sigma * 1000, encoder_hidden_states=context,
                return_dict=False)[0]
        loss = ((v - (noise - x0)) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(dit.parameters(), 1.0)
        optimizer.step()
        with torch.no_grad():
            decay = min(0.999, (1 + step) / (10 + step))
            for k, v in dit.state_dict().items():
                ema[k].mul_(decay).add_(v.detach(), alpha=1 - decay)
        if step % 100 == 0 or step == steps - 1:
            log(f"dit step {step}/{steps} loss {loss.item():.4f} "
                f"({time.time() - started:.0f} s)")
    dit.load_state_dict(ema)
    return dit


NOTES = {
    "transformer": "mbq TOY MODEL: trained on mbq's toy world (one shape moving over a plain "
                   "background, 64x64, 17 frames); see MODEL_CARD.md. Not a video model.",
    "vae": "mbq TOY MODEL: trained on mbq's toy world; see MODEL_CARD.md",
    "text_encoder": "mbq toy model: RANDOM WEIGHTS, frozen; the toy DiT learnt to read them",
}


def label(folder):
    """Says in every config what the model is, so no one mistakes it for a real one."""
    for part, note in NOTES.items():
        path = os.path.join(folder, part, "config.json")
        config = json.load(open(path))
        config["_mbq_note"] = note
        with open(path, "w") as f:
            json.dump(config, f, indent=2, sort_keys=True)
            f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mbq", required=True, help="the mbq binary")
    parser.add_argument("--work", required=True, help="scratch folder (resumable)")
    parser.add_argument("--out", required=True, help="the model folder to write")
    parser.add_argument("--clips", type=int, default=1728)
    parser.add_argument("--vae-steps", type=int, default=1500)
    parser.add_argument("--vae-tune-steps", type=int, default=1000)
    parser.add_argument("--dit-steps", type=int, default=4000)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shift", type=float, default=3.0)
    parser.add_argument("--threads", type=int, default=0)
    args = parser.parse_args()
    if args.threads:
        torch.set_num_threads(args.threads)
    os.makedirs(args.work, exist_ok=True)

    base = os.path.join(args.work, "base")
    if not os.path.exists(os.path.join(base, "tokenizer", "spiece.model")):
        run([args.mbq, "make-tiny-model", "--family", "wan2.1", "--layout", "diffusers",
             "--out", base, "--seed", "7", "--text-dim", str(DIT_CONFIG["text_dim"])])
    # The VAE learns from nine-frame windows of slower 17-frame clips; the DiT from whole
    # 9-frame clips, the length the toy model renders (its VAE's causal chunks stay sound for
    # two chunks after the first frame, not four).
    clips, _ = load_clips(args.mbq, os.path.join(args.work, "data"), args.clips, args.seed, 17)
    short, prompts = load_clips(args.mbq, os.path.join(args.work, "data9"), args.clips,
                                args.seed, 9)
    log(f"{clips.shape[0]} clips {tuple(clips.shape[1:])} and {tuple(short.shape[1:])}, "
        f"{len(set(prompts))} prompts")
    table = prompt_contexts(args.mbq, base, prompts + [""],
                            os.path.join(args.work, "contexts.safetensors"))
    log("prompt encodings ready")

    # The VAE in two stages: the picture on single frames (every frame as a first frame: the
    # cheap path, where shapes are learnt), then across causal chunks on nine-frame crops.
    stage1 = os.path.join(args.work, "vae-frames")
    if not os.path.exists(os.path.join(stage1, "config.json")):
        torch.manual_seed(args.seed)
        vae = train_vae(AutoencoderKLWan(**VAE_CONFIG), clips, args.vae_steps, 16, 1, 10.0,
                        0.05, 1e-3, args.seed)
        vae.save_pretrained(stage1)
    stage2 = os.path.join(args.work, "vae-chunks")
    if not os.path.exists(os.path.join(stage2, "config.json")):
        vae = train_vae(AutoencoderKLWan.from_pretrained(stage1), clips, args.vae_tune_steps, 3,
                        9, 10.0, 0.05, 5e-4, args.seed + 1)
        vae.save_pretrained(stage2)
    vae_folder = os.path.join(args.work, "vae")
    latents_file = os.path.join(args.work, "latents.safetensors")
    if not os.path.exists(latents_file):
        vae = AutoencoderKLWan.from_pretrained(stage2).eval()
        latents = save_vae(vae, encode_all(vae, short), vae_folder)
        save_file({"latents": latents.contiguous()}, latents_file)
    latents = load_file(latents_file)["latents"]
    log(f"latents {tuple(latents.shape)}")

    contexts = torch.stack([table[p] for p in prompts])
    dit = train_dit(latents, contexts, table[""], args.out, args.dit_steps, args.batch,
                    args.seed, args.shift)

    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(args.out)
    dit.save_pretrained(os.path.join(args.out, "transformer"))
    shutil.copytree(vae_folder, os.path.join(args.out, "vae"))
    for part in ("text_encoder", "tokenizer", "scheduler", "model_index.json"):
        source = os.path.join(base, part)
        copy = shutil.copytree if os.path.isdir(source) else shutil.copy
        copy(source, os.path.join(args.out, part))
    label(args.out)
    log(f"wrote {args.out}")


if __name__ == "__main__":
    main()
