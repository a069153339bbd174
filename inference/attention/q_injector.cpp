#include "inference/attention/q_injector.h"

#include "kernels/qswap_fp8.h"

#include <algorithm>
#include <exception>

namespace mbq::attention {

namespace {

// q_swap from the form the bank keeps: dense queries, or fp8 codes read directly.
void swapFrom(at::Tensor &q, const QBank::Stored &source, const kernels::QSwapParams &params)
{
    if (source.fp8.codes.defined())
        kernels::qSwapFp8_(q, source.fp8, params);
    else
        kernels::qSwap_(q, source.q, params);
}

QBank::Stored rowsOf(const QBank::Stored &source, int64_t start, int64_t length)
{
    if (source.fp8.codes.defined())
        return {{}, kernels::narrowRows(source.fp8, start, length)};
    return {source.q.narrow(0, start, length), {}};
}

} // namespace

void QInjector::capture(QBank &bank, std::set<std::string> layers, std::optional<int> bankStep)
{
    m_mode = Mode::Capture;
    m_captureBank = &bank;
    m_captureLayers = std::move(layers);
    m_bankStep = bankStep;
}

void QInjector::inject(const QBank &bank, const InjectionSchedule &schedule)
{
    m_mode = Mode::Inject;
    m_injectBank = &bank;
    m_schedule = &schedule;
    m_params.clear();
    for (const LayerInjection &l : schedule.layers) {
        if (!l.isActive())
            continue;
        kernels::QSwapParams params;
        params.mode = schedule.mode == InjectionMode::Blend ? kernels::QSwapMode::Blend
                                                            : kernels::QSwapMode::Replace;
        params.weight = l.weight;
        if (!l.headWeights.empty())
            params.headWeights = at::tensor(l.headWeights, at::kFloat);
        if (!schedule.tokenMask.empty())
            params.tokenMask = at::tensor(schedule.tokenMask, at::kByte);
        m_params.emplace(l.layer, std::move(params));
    }
}

void QInjector::off()
{
    m_mode = Mode::Off;
}

void QInjector::countPass(const QSite &site)
{
    if (site.layerIndex == 0) {
        m_capturePasses += m_mode == Mode::Capture ? 1 : 0;
        m_injectPasses += m_mode == Mode::Inject ? 1 : 0;
    }
}

void QInjector::onQuery(const QSite &site, at::Tensor &q)
{
    countPass(site);
    // After a failure the render is abandoned; leave the remaining sites untouched.
    if (m_error)
        return;
    try {
        if (m_mode == Mode::Capture)
            captureSite(site, q);
        else if (m_mode == Mode::Inject)
            injectSite(site, q);
    } catch (const std::exception &e) {
        failAt(site, e);
    }
}

at::Tensor QInjector::onProjection(const QSite &site, const QProjection &projection)
{
    if (m_mode == Mode::Inject && !m_error) {
        try {
            // The fused path takes dense queries; an fp8 bank's swap reads its codes after.
            const auto swap = siteSwap(site, projection.rows, projection.device);
            if (swap && swap->everyItem && swap->source.q.defined()) {
                countPass(site);
                return projection.finish(swap->source.q, swap->params);
            }
        } catch (const std::exception &e) {
            failAt(site, e);
        }
    }
    return QHook::onProjection(site, projection);
}

void QInjector::captureSite(const QSite &site, const at::Tensor &q)
{
    if (!m_captureLayers.count(site.layer))
        return;
    const int step = m_bankStep ? *m_bankStep : site.context.step;
    if (auto stored = m_captureBank->put(step, site.layer, q, site.heads); !stored)
        fail(stored.error());
}

std::optional<QInjector::SiteSwap> QInjector::siteSwap(const QSite &site, int64_t rows,
                                                       at::Device device)
{
    const InjectionSchedule &s = *m_schedule;
    const int step = site.context.step;
    if (step < s.stepBegin || step >= s.stepEnd)
        return std::nullopt;
    const auto found = m_params.find(site.layer);
    if (found == m_params.end())
        return std::nullopt;
    SiteSwap swap;
    swap.source = m_injectBank->fetchStored(step, site.layer);
    if (!swap.source.defined()) {
        // Absent, or its file in the disk tier is gone or damaged: never inject something else.
        fail(makeError(ErrorCode::Io, "the Q bank has no readable entry for layer '" + site.layer
                                          + "' at step " + std::to_string(step)
                                          + "; render again to extract the source anew"));
        return std::nullopt;
    }

    kernels::QSwapParams &params = found->second;
    params.heads = site.heads;
    // Moved once, on first use, rather than copied to the device at every step.
    if (params.headWeights.defined() && params.headWeights.device() != device)
        params.headWeights = params.headWeights.to(device);
    if (params.tokenMask.defined() && params.tokenMask.device() != device)
        params.tokenMask = params.tokenMask.to(device);
    swap.params = &params;

    // A model may fold several q rows into one batch item (VC2: frames for spatial sites,
    // pixels for temporal ones); the branches are per item, item-major.
    swap.items = std::max<int64_t>(int64_t(site.context.branches.size()), 1);
    if (rows % swap.items != 0) {
        fail(makeError(ErrorCode::Internal,
                       "layer '" + site.layer + "' has " + std::to_string(rows)
                           + " query rows for " + std::to_string(swap.items) + " batch items"));
        return std::nullopt;
    }
    // A source with the target's rows pairs them (a target's own captured Q); a source of one
    // item (one extraction pass) serves every item.
    swap.paired = swap.source.rows() == rows;
    swap.everyItem = swap.paired || swap.source.rows() == 1;
    for (int64_t i = 0; i < swap.items; ++i)
        swap.everyItem = swap.everyItem && wantsBranch(branchOf(site, i));
    return swap;
}

void QInjector::injectSite(const QSite &site, at::Tensor &q)
{
    const auto swap = siteSwap(site, q.size(0), q.device());
    if (!swap)
        return;
    if (!q.is_contiguous())
        q = q.contiguous();
    if (swap->everyItem) {
        swapFrom(q, swap->source, *swap->params);
        return;
    }
    const int64_t perItem = q.size(0) / swap->items;
    for (int64_t i = 0; i < swap->items; ++i) {
        if (!wantsBranch(branchOf(site, i)))
            continue;
        at::Tensor part = q.narrow(0, i * perItem, perItem); // contiguous: the swap writes into q
        swapFrom(part, swap->paired ? rowsOf(swap->source, i * perItem, perItem) : swap->source,
                 *swap->params);
    }
}

GuidanceBranch QInjector::branchOf(const QSite &site, int64_t item)
{
    return site.context.branches.empty() ? GuidanceBranch::Conditional
                                          : site.context.branches[size_t(item)];
}

bool QInjector::wantsBranch(GuidanceBranch branch) const
{
    switch (m_schedule->branches) {
    case GuidanceBranches::Both:
        return branch != GuidanceBranch::Source;
    case GuidanceBranches::ConditionalOnly:
        return branch == GuidanceBranch::Conditional;
    case GuidanceBranches::UnconditionalOnly:
        return branch == GuidanceBranch::Unconditional;
    }
    return false;
}

void QInjector::failAt(const QSite &site, const std::exception &e)
{
    const std::string text = e.what(); // torch's messages go on with a backtrace
    fail(makeError(ErrorCode::Internal, "Q injection failed at layer '" + site.layer + "'",
                   text.substr(0, text.find('\n'))));
}

void QInjector::fail(Error error)
{
    if (!m_error)
        m_error = std::move(error);
}

} // namespace mbq::attention
