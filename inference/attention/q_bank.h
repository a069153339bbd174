#pragma once
// The Q bank: source queries captured at the Q site, keyed by (step, layer). Extraction fills
// it with only the entries the injection schedule needs; injection reads them back. A `single`
// extraction stores one entry per layer under kAnyStep, served for every injected step.
// This version keeps everything on the compute device under one byte budget; the host and disk
// tiers and fp8 storage of ARCHITECTURE.md are not implemented yet.

#include "inference/injection_schedule.h"
#include "inference/result.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace mbq::attention {

// The (step, layer) entries a schedule needs: its active layers, and either
// every step of [stepBegin, stepEnd) (per_step) or the single kAnyStep entry.
struct QBankPlan
{
    std::vector<int> steps;          // kAnyStep alone for single extraction
    std::vector<std::string> layers; // in the schedule's order
    size_t entries() const { return steps.size() * layers.size(); }
};

class QBank
{
public:
    // The step key of a `single` extraction: one entry per layer, whatever the step.
    static constexpr int kAnyStep = -1;

    // budgetBytes <= 0: no limit.
    explicit QBank(int64_t budgetBytes = 0) : m_budget(budgetBytes) {}

    static QBankPlan plan(const InjectionSchedule &schedule);

    // Fails with OutOfMemory, before anything is captured, when `plan` at `entryBytes` per
    // entry does not fit the budget; the message offers the largest layer and step counts
    // that do.
    Result<void> checkBudget(const QBankPlan &plan, int64_t entryBytes) const;

    // Stores a copy of q (its batch rows kept). Fails with OutOfMemory past the budget.
    Result<void> put(int step, const std::string &layer, const at::Tensor &q);
    // The entry for (step, layer), else the kAnyStep entry of the layer; nullptr when none.
    const at::Tensor *find(int step, const std::string &layer) const;
    // True when every entry of `plan` is present.
    bool covers(const QBankPlan &plan) const;

    // What the bank was extracted from (source, model, size, extraction settings); a caller
    // reuses the bank only when this key matches and covers() holds.
    uint64_t sourceKey() const { return m_sourceKey; }
    void reset(uint64_t sourceKey);

    size_t size() const { return m_entries.size(); }
    int64_t bytes() const { return m_bytes; }
    int64_t budget() const { return m_budget; }
    std::vector<std::pair<int, std::string>> keys() const;

private:
    std::map<std::pair<int, std::string>, at::Tensor> m_entries;
    int64_t m_budget = 0;
    int64_t m_bytes = 0;
    uint64_t m_sourceKey = 0;
};

} // namespace mbq::attention
