#include "inference/pipelines/vc2_lockstep.h"

#include "inference/pipelines/vc2_t2v.h"
#include "inference/videocrafter/inversion.h"

#include <utility>

namespace mbq::pipelines {

Vc2LockstepSource::Vc2LockstepSource(vc2::Vc2Model &model, vc2::Vc2Sampler sampler,
                                     Vc2LockstepSetup setup, const JobHooks &hooks)
    : LockstepWalk(*setup.schedule, setup.trajectory, model.unet().precision().device,
                   setup.sourceKey, sampler.count())
    , m_model(model)
    , m_sampler(std::move(sampler))
    , m_setup(std::move(setup))
    , m_hooks(hooks)
    , m_conditionalBank(m_setup.bankOptions)
    , m_unconditionalBank(m_setup.bankOptions)
    , m_generator(at::detail::createCPUGenerator(m_setup.seed.value_or(0)))
{
    for (const LayerInjection &l : m_setup.schedule->layers) {
        if (l.isActive())
            m_layers.insert(l.layer);
    }
}

Result<bool> Vc2LockstepSource::prepare()
{
    if (started())
        return true;
    const at::Device device = m_model.unet().precision().device;
    if (m_setup.seed) {
        m_latent = vc2InitialLatent(m_model, m_setup.settings, m_generator);
    } else if (auto kept = m_trajectory ? m_trajectory->find(startKey(), device) : std::nullopt) {
        m_latent = kept->latent;
    } else {
        auto clean = m_setup.clean();
        if (!clean)
            return clean.error();
        m_conditional.off();
        const int total = m_sampler.count();
        if (m_hooks.progress)
            m_hooks.progress({Stage::InvertSource, 0, total});
        auto levels = vc2::invertVc2(m_model.unet(), m_sampler.ddim(), *clean, m_setup.cond,
                                     m_sampler.fps(), [&](int passes) {
                                         ++m_passes;
                                         if (m_hooks.progress)
                                             m_hooks.progress({Stage::InvertSource, passes, total});
                                         return !m_hooks.cancelled();
                                     });
        if (!levels)
            return levels.error();
        if (levels->empty())
            return false;
        m_latent = levels->front();
        if (m_trajectory)
            m_trajectory->put(startKey(), {m_latent, {0, {}, {}}});
    }
    m_step = 0;
    return true;
}

void Vc2LockstepSource::onQuery(const attention::QSite &site, at::Tensor &q)
{
    const bool unconditional = !site.context.branches.empty()
        && site.context.branches.front() == attention::GuidanceBranch::Unconditional;
    (unconditional ? m_unconditional : m_conditional).onQuery(site, q);
}

std::optional<Error> Vc2LockstepSource::error() const
{
    return m_conditional.error() ? m_conditional.error() : m_unconditional.error();
}

Result<void> Vc2LockstepSource::step(bool capture)
{
    if (capture) {
        m_conditional.capture(m_conditionalBank, m_layers, attention::QBank::kAnyStep);
        m_unconditional.capture(m_unconditionalBank, m_layers, attention::QBank::kAnyStep);
    } else {
        m_conditional.off();
        m_unconditional.off();
    }
    // One step of the source's own sampler: stop right after step m_step.
    auto done = m_sampler.sample(m_model.unet(), m_latent, m_setup.cond, m_setup.uncond, m_step,
                                 m_generator, [](int, const at::Tensor &) { return false; });
    if (!done)
        return done.error();
    if (auto failed = error())
        return *failed;
    m_passes += m_sampler.guided() ? 2 : 1;
    m_latent = done->latent;
    keep({m_latent, {m_step + 1, {}, {m_generator.get_state()}}});
    return {};
}

void Vc2LockstepSource::restore(const TrajectoryStep &kept)
{
    m_latent = kept.latent;
    m_generator.set_state(kept.state.tensors.at(0).to(at::kCPU));
}

void Vc2LockstepSource::injectCaptured()
{
    // An unguided source has only conditional Q: it serves both of the target's branches.
    m_conditional.inject(m_conditionalBank, *m_setup.schedule);
    m_unconditional.inject(m_sampler.guided() ? m_unconditionalBank : m_conditionalBank,
                           *m_setup.schedule);
}

} // namespace mbq::pipelines
