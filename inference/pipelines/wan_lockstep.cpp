#include "inference/pipelines/wan_lockstep.h"

#include "inference/pipelines/wan_t2v.h"

#include <utility>

namespace mbq::pipelines {

Result<at::Tensor> wanInvertLatent(wan::WanDit &dit, const at::Tensor &clean,
                                   const at::Tensor &prompt, const sched::FlowSchedule &flow,
                                   const JobHooks &hooks, int *passes)
{
    const int steps = flow.steps();
    at::Tensor x = clean.to(at::kFloat);
    if (hooks.progress)
        hooks.progress(Progress {Stage::InvertSource, 0, steps});
    for (int k = steps - 1; k >= 0; --k) {
        if (hooks.cancelled())
            return at::Tensor();
        // From σ_{k+1} (0 at the clean end) up to σ_k, with the velocity at the lower noise:
        // the Euler step of sampling, walked backwards.
        const double timestep = k + 1 < steps ? double(flow.timesteps[size_t(k + 1)]) : 0.0;
        auto v = dit.forward(x.unsqueeze(0), at::full({1}, timestep, x.options()),
                             prompt.unsqueeze(0), {-1, {attention::GuidanceBranch::Source}});
        if (!v)
            return v.error();
        ++*passes;
        const double dSigma = double(flow.sigmas[size_t(k)]) - double(flow.sigmas[size_t(k + 1)]);
        x = x + dSigma * (*v)[0].to(at::kFloat);
        if (hooks.progress)
            hooks.progress(Progress {Stage::InvertSource, steps - k, steps});
    }
    return x;
}

WanLockstepSource::WanLockstepSource(wan::WanDit &dit, attention::QInjector &injector,
                                     WanLockstepSetup setup, const JobHooks &hooks)
    : LockstepWalk(*setup.schedule, setup.trajectory, dit.precision().device, setup.sourceKey,
                   setup.settings.steps)
    , m_dit(dit)
    , m_injector(injector)
    , m_setup(std::move(setup))
    , m_hooks(hooks)
    , m_bank(m_setup.bankOptions)
{
    for (const LayerInjection &l : m_setup.schedule->layers) {
        if (l.isActive())
            m_layers.insert(l.layer);
    }
}

Result<bool> WanLockstepSource::prepare()
{
    if (started())
        return true;
    const GenerationSettings &s = m_setup.settings;
    auto flow = sched::officialFlowSchedule(s.steps, s.shift);
    if (!flow)
        return flow.error();
    m_flow = std::move(*flow);
    auto solver = sched::makeFlowSolver(s.sampler, m_flow);
    if (!solver)
        return solver.error();
    m_solver = std::move(*solver);

    const at::Device device = m_dit.precision().device;
    if (guided()) {
        m_latent = wanInitialNoise(m_setup.start.shape, *m_setup.start.seed).to(device);
    } else if (auto kept = m_trajectory ? m_trajectory->find(startKey(), device) : std::nullopt) {
        m_latent = kept->latent;
    } else {
        auto clean = m_setup.start.clean();
        if (!clean)
            return clean.error();
        m_injector.off();
        auto inverted
            = wanInvertLatent(m_dit, *clean, m_setup.sourcePrompt, m_flow, m_hooks, &m_passes);
        if (!inverted)
            return inverted.error();
        if (!inverted->defined())
            return false;
        m_latent = *inverted;
        if (m_trajectory)
            m_trajectory->put(startKey(), {m_latent, m_solver->state()});
    }
    m_step = 0;
    return true;
}

Result<void> WanLockstepSource::step(bool capture)
{
    if (capture)
        m_injector.capture(m_bank, m_layers, attention::QBank::kAnyStep);
    else
        m_injector.off();
    const int64_t timestep = m_flow.timesteps[size_t(m_step)];
    at::Tensor v;
    if (guided()) {
        auto both
            = wanGuidedVelocity(m_dit, m_latent, timestep, m_setup.sourcePrompt,
                                m_setup.negativePrompt, m_setup.settings.guidance, true, m_step);
        if (!both)
            return both.error();
        v = *both;
    } else {
        const auto options = at::TensorOptions().dtype(at::kFloat).device(m_latent.device());
        auto one = m_dit.forward(m_latent.unsqueeze(0), at::full({1}, double(timestep), options),
                                 m_setup.sourcePrompt.unsqueeze(0),
                                 {m_step, {attention::GuidanceBranch::Source}});
        if (!one)
            return one.error();
        v = (*one)[0].to(at::kFloat);
    }
    ++m_passes;
    if (m_injector.error())
        return *m_injector.error();
    m_latent = m_solver->step(v, m_latent);
    keep({m_latent, m_solver->state()});
    return {};
}

void WanLockstepSource::restore(const TrajectoryStep &kept)
{
    m_latent = kept.latent;
    m_solver->restore(kept.state);
}

void WanLockstepSource::injectCaptured()
{
    m_injector.inject(m_bank, *m_setup.schedule);
}

} // namespace mbq::pipelines
