#pragma once
// DDIM inversion of a source clip's latent for VC2 (none ships with VC2; this is the standard
// deterministic inversion, made consistent with VC2's scale correction so that the sampler's
// η = 0 step undoes each inverted step exactly for the same ε). Used to start a target from
// the source's noise or to get the source latent at every step's level.

#include "inference/result.h"
#include "inference/sched/ddim_schedule.h"
#include "inference/videocrafter/unet.h"

#include <ATen/ATen.h>

#include <functional>
#include <vector>

namespace mbq::vc2 {

// z0: the scaled VAE latent [1, C, T, h, w], taken to sit at the last step's landing level
// ᾱ[0]. Walks the schedule from its last step to its first; for step k, ε is predicted at
// step k's timestep from the current latent (the usual approximation) with `context` alone
// (no guidance; the forward context says GuidanceBranch::Source). Returns one latent per step:
// [k] is the latent sampling step k starts from, so [0] is the inverted noise. `onPass` (when
// given) hears of each finished pass and may stop the walk by returning false; the result is
// then empty.
Result<std::vector<at::Tensor>> invertVc2(const Vc2UNet &unet, const sched::DdimSchedule &schedule,
                                          const at::Tensor &z0, const at::Tensor &context,
                                          double fps,
                                          const std::function<bool(int passes)> &onPass = {});

} // namespace mbq::vc2
