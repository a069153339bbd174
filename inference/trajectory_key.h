#pragma once
// Keys of the trajectory cache. keys[i] names the target latent after denoising step i: it
// hashes everything steps 0..i depend on (model, seed, size, prompts, sampler settings) and, for
// each of those steps, the injection that step receives (active layers and weights, mode,
// branches, token mask, extraction and the source read). Two renders whose keys agree up to
// step i share their trajectory up to there, so the second can resume after step i: moving the
// end of the step range from 30 to 25 keeps steps 0..24. No torch, so the editor can show
// where a re-render would resume.

#include "inference/engine.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mbq {

// A digest of the source clip's pixels and size (0 for no source).
uint64_t sourceDigest(const VideoFrames &source);

// One key per denoising step of `request`. `model` names the model and how it computes (for
// example its folder, device and dtype); `source` is sourceDigest() of the clip the injection
// reads, or any value standing for it that is stable between the renders compared.
std::vector<uint64_t> trajectoryKeys(const RenderRequest &request, const std::string &model,
                                     uint64_t source);

// How many leading steps a render of `next` shares with a finished render of `previous` made
// with the same model and source clip: where a re-render would resume (0: from the start).
int sharedSteps(const RenderRequest &previous, const RenderRequest &next);

} // namespace mbq
