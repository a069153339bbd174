#pragma once
// T2V-Turbo-v2's sampling knobs beyond a render's steps and guidance scale, with the official
// values (github.com/Ji4chenLi/t2v-turbo: app.py, predict.py, train_t2v_turbo_v2.sh). A facade
// header (torch-free), so Vc2GenerateOptions can carry them.

namespace mbq::vc2 {

// predict.py's motion_gs for unet_mg.pt, also the distillation's --motion_gs default.
constexpr double kTurboMotionGuidance = 0.05;

struct TurboSampling
{
    // lcm_origin_steps: the grid the inference timesteps are picked from (both entries: 200).
    int originSteps = 200;
    // The motion-guidance scale m given to the UNet while t ≥ 1000·(1 − motionPercentage);
    // negative: the model's own, kTurboMotionGuidance for unet_mg, 0 for unet_no_mg (the
    // README runs that one with --motion_gs 0.0).
    double motionGuidance = -1.0;
    // predict.py and the training script use 0.5 (the gradio slider starts at 0.3).
    double motionPercentage = 0.5;
};

} // namespace mbq::vc2
