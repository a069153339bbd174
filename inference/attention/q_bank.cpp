#include "inference/attention/q_bank.h"

#include <algorithm>

namespace mbq::attention {

namespace {

// Rounded up, so a need never reads as fitting a budget it exceeds.
std::string byteSize(int64_t bytes)
{
    if (bytes < (1 << 20))
        return std::to_string((bytes + 1023) >> 10) + " KiB";
    return std::to_string((bytes + (1 << 20) - 1) >> 20) + " MiB";
}

} // namespace

QBankPlan QBank::plan(const InjectionSchedule &schedule)
{
    QBankPlan plan;
    if (schedule.isOff())
        return plan;
    for (const LayerInjection &l : schedule.layers) {
        if (l.isActive())
            plan.layers.push_back(l.layer);
    }
    if (schedule.extraction == ExtractionMode::Single) {
        plan.steps.push_back(kAnyStep);
    } else {
        for (int step = schedule.stepBegin; step < schedule.stepEnd; ++step)
            plan.steps.push_back(step);
    }
    return plan;
}

Result<void> QBank::checkBudget(const QBankPlan &plan, int64_t entryBytes) const
{
    const int64_t need = int64_t(plan.entries()) * entryBytes;
    if (m_budget <= 0 || need <= m_budget)
        return {};
    const int64_t fit = entryBytes > 0 ? m_budget / entryBytes : 0;
    const int64_t steps = int64_t(plan.steps.size());
    const int64_t layers = int64_t(plan.layers.size());
    std::string offer = fit == 0
        ? "not even one layer at one step fits; raise the budget or render a smaller size"
        : "fits: at most " + std::to_string(std::max<int64_t>(fit / steps, 0)) + " layer(s) over "
              + std::to_string(steps) + " step(s), or " + std::to_string(fit / layers)
              + " step(s) of " + std::to_string(layers) + " layer(s)";
    if (fit > 0 && steps > 1)
        offer += ", or single extraction (one entry per layer)";
    return makeError(ErrorCode::OutOfMemory,
                     "the Q bank needs " + byteSize(need) + " for " + std::to_string(layers)
                         + " layer(s) x " + std::to_string(steps) + " step(s), over its budget of "
                         + byteSize(m_budget) + "; " + offer,
                     std::to_string(need) + " bytes needed, " + std::to_string(m_budget)
                         + " allowed");
}

Result<void> QBank::put(int step, const std::string &layer, const at::Tensor &q)
{
    const auto key = std::make_pair(step, layer);
    const auto old = m_entries.find(key);
    const int64_t replaced = old == m_entries.end() ? 0 : int64_t(old->second.nbytes());
    const int64_t after = m_bytes - replaced + int64_t(q.nbytes());
    if (m_budget > 0 && after > m_budget)
        return makeError(ErrorCode::OutOfMemory,
                         "the Q bank is full (" + byteSize(m_budget) + ") at layer '" + layer
                             + "'; choose fewer layers or steps");
    m_entries[key] = q.detach().clone();
    m_bytes = after;
    return {};
}

const at::Tensor *QBank::find(int step, const std::string &layer) const
{
    auto it = m_entries.find({step, layer});
    if (it == m_entries.end())
        it = m_entries.find({kAnyStep, layer});
    return it == m_entries.end() ? nullptr : &it->second;
}

bool QBank::covers(const QBankPlan &plan) const
{
    for (int step : plan.steps) {
        for (const std::string &layer : plan.layers) {
            if (!m_entries.count({step, layer}))
                return false;
        }
    }
    return true;
}

void QBank::reset(uint64_t sourceKey)
{
    m_entries.clear();
    m_bytes = 0;
    m_sourceKey = sourceKey;
}

std::vector<std::pair<int, std::string>> QBank::keys() const
{
    std::vector<std::pair<int, std::string>> out;
    out.reserve(m_entries.size());
    for (const auto &entry : m_entries)
        out.push_back(entry.first);
    return out;
}

} // namespace mbq::attention
