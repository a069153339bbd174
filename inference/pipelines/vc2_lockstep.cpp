#include "inference/pipelines/vc2_lockstep.h"

#include "inference/attention/fnv.h"
#include "inference/pipelines/vc2_t2v.h"
#include "inference/videocrafter/inversion.h"

#include <utility>

namespace mbq::pipelines {

Vc2LockstepSource::Vc2LockstepSource(vc2::Vc2Model &model, vc2::Vc2Sampler sampler,
                                     Vc2LockstepSetup setup, const JobHooks &hooks)
    : m_model(model)
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
    attention::Fnv base;
    base.string("mbq-vc2-lockstep-source-1");
    base.value(m_setup.sourceKey);
    base.value(m_setup.seed.has_value());
    base.value(m_setup.seed.value_or(0));
    uint64_t previous = base.hash();
    for (int i = 0; i < m_sampler.count(); ++i) {
        attention::Fnv f;
        f.value(previous);
        f.value(i);
        previous = f.hash();
        m_stepKeys.push_back(previous);
    }
}

Result<bool> Vc2LockstepSource::prepare()
{
    if (m_latent.defined())
        return true;
    const at::Device device = m_model.unet().precision().device;
    attention::Fnv startKey;
    startKey.string("mbq-vc2-lockstep-start-1");
    startKey.value(m_setup.sourceKey);
    if (m_setup.seed) {
        m_latent = vc2InitialLatent(m_model, m_setup.settings, m_generator);
    } else if (auto kept = m_setup.trajectory ? m_setup.trajectory->find(startKey.hash(), device)
                                              : std::nullopt) {
        m_latent = kept->latent;
    } else {
        auto clean = m_setup.clean();
        if (!clean)
            return clean.error();
        m_conditional.off();
        const int total = m_sampler.count();
        auto levels = vc2::invertVc2(m_model.unet(), m_sampler.ddim(), *clean, m_setup.cond,
                                     m_sampler.fps(), [&](int passes) {
                                         ++m_passes;
                                         if (m_hooks.progress)
                                             m_hooks.progress({Stage::ExtractQ, passes, total});
                                         return !m_hooks.cancelled();
                                     });
        if (!levels)
            return levels.error();
        if (levels->empty())
            return false;
        m_latent = levels->front();
        if (m_setup.trajectory)
            m_setup.trajectory->put(startKey.hash(), {m_latent, {0, {}, {}}});
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
    if (m_setup.trajectory)
        m_setup.trajectory->put(m_stepKeys[size_t(m_step)],
                                {m_latent, {m_step + 1, {}, {m_generator.get_state()}}});
    ++m_step;
    return {};
}

Result<void> Vc2LockstepSource::beforeStep(int step)
{
    const InjectionSchedule &schedule = *m_setup.schedule;
    if (step >= schedule.stepEnd)
        return {};
    if (!m_latent.defined())
        return makeError(ErrorCode::Internal, "the lockstep source was not prepared");
    if (step < m_step)
        return makeError(ErrorCode::Internal,
                         "the lockstep source is past step " + std::to_string(step));
    // A resumed target starts late: continue the source from its own kept step when there is
    // one, else walk it up without capturing.
    if (m_step < step && m_setup.trajectory) {
        const std::vector<uint64_t> before(m_stepKeys.begin(), m_stepKeys.begin() + step);
        const at::Device device = m_model.unet().precision().device;
        if (auto kept = m_setup.trajectory->resumePoint(before, device);
            kept && kept->first + 1 > m_step) {
            m_latent = kept->second.latent;
            m_generator.set_state(kept->second.state.tensors.at(0).to(at::kCPU));
            m_step = kept->first + 1;
        }
    }
    while (m_step < step) {
        if (auto done = this->step(false); !done)
            return done.error();
    }
    if (auto done = this->step(step >= schedule.stepBegin); !done)
        return done.error();
    // An unguided source has only conditional Q: it serves both of the target's branches.
    m_conditional.inject(m_conditionalBank, schedule);
    m_unconditional.inject(m_sampler.guided() ? m_unconditionalBank : m_conditionalBank, schedule);
    return {};
}

} // namespace mbq::pipelines
