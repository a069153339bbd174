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

int64_t QBank::entryBytes(int64_t rows, int64_t tokens, int64_t channels, int64_t heads,
                          at::ScalarType dtype) const
{
    if (m_options.fp8)
        return rows * tokens * (channels + heads * int64_t(sizeof(float)));
    return rows * tokens * channels * int64_t(at::elementSize(dtype));
}

int64_t QBank::totalBudget() const
{
    if (m_options.deviceBytes <= 0)
        return 0;
    return m_options.deviceBytes + std::max<int64_t>(m_options.hostBytes, 0);
}

Result<void> QBank::checkBudget(const QBankPlan &plan, int64_t entryBytes) const
{
    const int64_t budget = totalBudget();
    const int64_t need = int64_t(plan.entries()) * entryBytes;
    if (budget <= 0 || need <= budget)
        return {};
    const int64_t fit = entryBytes > 0 ? budget / entryBytes : 0;
    const int64_t steps = int64_t(plan.steps.size());
    const int64_t layers = int64_t(plan.layers.size());
    std::string offer = fit == 0
        ? "not even one layer at one step fits; raise the budget or render a smaller size"
        : "fits: at most " + std::to_string(std::max<int64_t>(fit / steps, 0)) + " layer(s) over "
              + std::to_string(steps) + " step(s), or " + std::to_string(fit / layers)
              + " step(s) of " + std::to_string(layers) + " layer(s)";
    if (fit > 0 && steps > 1)
        offer += ", or single extraction (one entry per layer)";
    if (!m_options.fp8)
        offer += ", or fp8 storage (a quarter of the bytes)";
    return makeError(ErrorCode::OutOfMemory,
                     "the Q bank needs " + byteSize(need) + " for " + std::to_string(layers)
                         + " layer(s) x " + std::to_string(steps) + " step(s), over its budget of "
                         + byteSize(budget) + "; " + offer,
                     std::to_string(need) + " bytes needed, " + std::to_string(budget)
                         + " allowed");
}

Result<void> QBank::put(int step, const std::string &layer, const at::Tensor &q, int64_t heads)
{
    const auto key = std::make_pair(step, layer);
    if (const auto old = m_entries.find(key); old != m_entries.end()) {
        (old->second.host ? m_hostBytes : m_deviceBytes) -= old->second.bytes;
        m_entries.erase(old);
    }
    Entry entry;
    entry.device = q.device();
    if (m_options.fp8)
        entry.fp8 = kernels::encodeFp8Queries(q.detach(), heads);
    else
        entry.q = q.detach().clone();
    entry.bytes = m_options.fp8 ? entry.fp8.bytes() : int64_t(entry.q.nbytes());
    const bool deviceFits = m_options.deviceBytes <= 0
                            || m_deviceBytes + entry.bytes <= m_options.deviceBytes;
    if (!deviceFits) {
        if (m_options.hostBytes <= 0 || m_hostBytes + entry.bytes > m_options.hostBytes)
            return makeError(ErrorCode::OutOfMemory,
                             "the Q bank is full (" + byteSize(totalBudget()) + ") at layer '"
                                 + layer + "'; choose fewer layers or steps");
        // Pinned, so serving it back to a GPU is one fast copy.
        const auto toHost = [&](const at::Tensor &t) {
            const at::Tensor host = t.to(at::kCPU);
            return entry.device.is_cuda() ? host.pin_memory() : host;
        };
        if (m_options.fp8) {
            entry.fp8.codes = toHost(entry.fp8.codes);
            entry.fp8.scales = toHost(entry.fp8.scales);
        } else {
            entry.q = toHost(entry.q);
        }
        entry.host = true;
    }
    (entry.host ? m_hostBytes : m_deviceBytes) += entry.bytes;
    m_entries.emplace(key, std::move(entry));
    return {};
}

const QBank::Entry *QBank::entry(int step, const std::string &layer) const
{
    auto it = m_entries.find({step, layer});
    if (it == m_entries.end())
        it = m_entries.find({kAnyStep, layer});
    return it == m_entries.end() ? nullptr : &it->second;
}

at::Tensor QBank::fetch(int step, const std::string &layer) const
{
    const Entry *e = entry(step, layer);
    if (!e)
        return {};
    if (!m_options.fp8)
        return e->q.to(e->device, /*non_blocking=*/true);
    kernels::Fp8Queries onDevice = e->fp8;
    onDevice.codes = onDevice.codes.to(e->device, /*non_blocking=*/true);
    onDevice.scales = onDevice.scales.to(e->device, /*non_blocking=*/true);
    return kernels::decodeFp8Queries(onDevice);
}

const at::Tensor *QBank::find(int step, const std::string &layer) const
{
    const Entry *e = entry(step, layer);
    return e && e->q.defined() ? &e->q : nullptr;
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
    m_deviceBytes = 0;
    m_hostBytes = 0;
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
