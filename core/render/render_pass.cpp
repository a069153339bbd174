#include "core/render/render_pass.h"

#include <QCoreApplication>

#include <algorithm>

namespace mbq {

QString passName(RenderPass pass)
{
    switch (pass) {
    case RenderPass::LoadModel:
        return QCoreApplication::translate("mbq::RenderPass", "Load model");
    case RenderPass::ReadSource:
        return QCoreApplication::translate("mbq::RenderPass", "Read source");
    case RenderPass::EncodeSource:
        return QCoreApplication::translate("mbq::RenderPass", "Encode source");
    case RenderPass::InvertSource:
        return QCoreApplication::translate("mbq::RenderPass", "Invert source");
    case RenderPass::SourcePass:
        return QCoreApplication::translate("mbq::RenderPass", "Source pass");
    case RenderPass::Baseline:
        return QCoreApplication::translate("mbq::RenderPass", "Baseline");
    case RenderPass::Render:
        return QCoreApplication::translate("mbq::RenderPass", "Render");
    case RenderPass::Decode:
        return QCoreApplication::translate("mbq::RenderPass", "Decode");
    case RenderPass::Metrics:
        return QCoreApplication::translate("mbq::RenderPass", "Metrics");
    }
    return {};
}

RenderPass PassTracker::update(const Progress &progress, double seconds)
{
    switch (progress.stage) {
    case Stage::LoadModel:
        return update(progress, RenderPass::LoadModel, seconds);
    case Stage::EncodeSource:
        return update(progress, RenderPass::EncodeSource, seconds);
    case Stage::InvertSource:
        return update(progress, RenderPass::InvertSource, seconds);
    case Stage::ExtractQ:
        return update(progress, RenderPass::SourcePass, seconds);
    case Stage::Denoise: {
        // A new denoising pass follows another stage, a finished pass, or goes back behind the
        // last step (a resumed pass starts past step 0, so its start alone cannot tell).
        const bool newRun = !m_any || m_last.stage != Stage::Denoise || progress.step < m_last.step
            || (m_last.total > 0 && m_last.step >= m_last.total);
        if (newRun)
            ++m_denoiseRuns;
        const bool baseline = m_baselineFirst && m_denoiseRuns == 1;
        return update(progress, baseline ? RenderPass::Baseline : RenderPass::Render, seconds);
    }
    case Stage::Decode:
        return update(progress, RenderPass::Decode, seconds);
    case Stage::Metrics:
        return update(progress, RenderPass::Metrics, seconds);
    }
    return update(progress, m_pass, seconds);
}

RenderPass PassTracker::update(const Progress &progress, RenderPass pass, double seconds)
{
    // Only steps seen finishing one after another in one pass are timed: a resumed pass's first
    // report jumps over steps it never computed, and the time between passes is not a step's.
    const int slot = timingSlot(pass);
    const bool continues = m_any && pass == m_pass && progress.stage == m_last.stage
        && progress.step > m_last.step && progress.total == m_last.total;
    if (slot >= 0 && continues) {
        m_timing[size_t(slot)].seconds += seconds - m_lastSeconds;
        m_timing[size_t(slot)].steps += progress.step - m_last.step;
    }
    m_any = true;
    m_pass = pass;
    m_last = progress;
    m_lastSeconds = seconds;
    return pass;
}

RenderPass PassTracker::denoisingPass() const
{
    if (m_pass == RenderPass::Baseline || m_pass == RenderPass::Render)
        return m_pass;
    return m_baselineFirst && m_denoiseRuns == 0 ? RenderPass::Baseline : RenderPass::Render;
}

double PassTracker::etaSeconds() const
{
    const int slot = timingSlot(m_pass);
    if (!m_any || slot < 0 || m_last.total <= 0)
        return -1.0;
    const Timing &timing = m_timing[size_t(slot)];
    if (timing.steps <= 0)
        return -1.0;
    return timing.seconds / timing.steps * std::max(0, m_last.total - m_last.step);
}

int PassTracker::timingSlot(RenderPass pass)
{
    switch (pass) {
    case RenderPass::Baseline:
    case RenderPass::Render:
        return 0;
    case RenderPass::SourcePass:
        return 1;
    case RenderPass::InvertSource:
        return 2;
    default:
        return -1;
    }
}

} // namespace mbq
