#pragma once
// The Q bank: source queries captured at the Q site, keyed by (step, layer). Extraction fills
// it with only the entries the injection schedule needs; injection reads them back. A `single`
// extraction stores one entry per layer under kAnyStep, served for every injected step.
// Entries live on the compute device up to one budget, then in host memory (pinned when the
// device is a GPU) up to a second, then as files in a folder up to a third; optionally as fp8
// (kernels/qbank_codec.h), a quarter of float32's bytes. The bank owns its files: they go when
// their entry is replaced, the bank is reset or destroyed.

#include "inference/engine.h"
#include "inference/injection_schedule.h"
#include "inference/result.h"
#include "kernels/qbank_codec.h"

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

struct QBankOptions
{
    int64_t deviceBytes = 0; // on the compute device; <= 0: no limit (and no host tier)
    int64_t hostBytes = 0;   // then in host memory; 0: no host tier
    bool fp8 = false;        // store E4M3 codes with per-token, per-head scales
    std::string diskFolder;  // then as safetensors files here, up to diskBytes; empty: no disk
    int64_t diskBytes = 0;   // tier

    bool operator==(const QBankOptions &o) const
    {
        return deviceBytes == o.deviceBytes && hostBytes == o.hostBytes && fp8 == o.fp8
            && diskFolder == o.diskFolder && diskBytes == o.diskBytes;
    }

    // The artist's settings: the disk tier lives in "qbank" inside the cache folder.
    static QBankOptions from(const EngineSettings &settings);
};

class QBank
{
public:
    // The step key of a `single` extraction: one entry per layer, whatever the step.
    static constexpr int kAnyStep = -1;

    // budgetBytes <= 0: no limit.
    explicit QBank(int64_t budgetBytes = 0) : m_options{budgetBytes, 0, false, {}, 0} {}
    explicit QBank(const QBankOptions &options) : m_options(options) {}
    ~QBank();
    // Moving hands the files over; a copy would delete them twice.
    QBank(QBank &&other) noexcept;
    QBank &operator=(QBank &&other) noexcept;
    QBank(const QBank &) = delete;
    QBank &operator=(const QBank &) = delete;

    const QBankOptions &options() const { return m_options; }
    // What one entry of `rows` × `tokens` × `channels` queries in `dtype` takes in this bank.
    int64_t entryBytes(int64_t rows, int64_t tokens, int64_t channels, int64_t heads,
                       at::ScalarType dtype) const;

    static QBankPlan plan(const InjectionSchedule &schedule);

    // Fails with OutOfMemory, before anything is captured, when `plan` at `entryBytes` per
    // entry does not fit the budget; the message offers the largest layer and step counts
    // that do.
    Result<void> checkBudget(const QBankPlan &plan, int64_t entryBytes) const;

    // Stores a copy of q [rows, tokens, heads × head_dim] (its batch rows kept). Fails with
    // OutOfMemory past the budgets.
    Result<void> put(int step, const std::string &layer, const at::Tensor &q, int64_t heads = 1);
    // The queries for (step, layer), else the kAnyStep entry of the layer, on the device they
    // were captured on and in their dtype (decoded when stored as fp8); undefined when none, or
    // when its file on disk can no longer be read.
    at::Tensor fetch(int step, const std::string &layer) const;
    // An entry as stored, on its device: the queries, or in an fp8 bank their encoding (for a
    // swap that reads fp8 directly, kernels/qswap_fp8.h). Both undefined when fetch's would be.
    struct Stored
    {
        at::Tensor q;
        kernels::Fp8Queries fp8;
        bool defined() const { return q.defined() || fp8.codes.defined(); }
        int64_t rows() const { return q.defined() ? q.size(0) : fp8.codes.size(0); }
    };
    Stored fetchStored(int step, const std::string &layer) const;
    // The stored tensor itself, for inspection: nullptr when absent or stored as fp8.
    const at::Tensor *find(int step, const std::string &layer) const;
    // True when every entry of `plan` is present (and none failed to read back from disk).
    bool covers(const QBankPlan &plan) const;

    // What the bank was extracted from (source, model, size, extraction settings); a caller
    // reuses the bank only when this key matches and covers() holds.
    uint64_t sourceKey() const { return m_sourceKey; }
    void reset(uint64_t sourceKey);

    size_t size() const { return m_entries.size(); }
    int64_t bytes() const { return m_deviceBytes + m_hostBytes + m_diskBytes; } // every tier
    int64_t hostBytes() const { return m_hostBytes; }
    int64_t diskBytes() const { return m_diskBytes; }
    int64_t budget() const { return m_options.deviceBytes; }
    std::vector<std::pair<int, std::string>> keys() const;

private:
    enum class Tier { Device, Host, Disk };
    struct Entry
    {
        at::Tensor q;              // stored plainly, or undefined
        kernels::Fp8Queries fp8;   // stored as fp8 (codes defined)
        at::Device device = at::kCPU; // where it was captured, and is served
        int64_t bytes = 0;
        Tier tier = Tier::Device;
        std::string file;          // the disk tier's file; the tensors above are then undefined
        at::ScalarType dtype = at::kFloat; // of q, or of the fp8 codes, as captured
        // Its file could not be read back: covers() says no, so the next render extracts anew.
        mutable bool unreadable = false;
    };
    const Entry *entry(int step, const std::string &layer) const;
    int64_t totalBudget() const;
    int64_t &tierBytes(Tier tier);
    void erase(std::map<std::pair<int, std::string>, Entry>::iterator it);
    // Moves `entry` to a file in the disk folder; false when it cannot be written.
    bool writeToDisk(int step, const std::string &layer, Entry &entry);
    Stored readFromDisk(const Entry &entry) const;

    QBankOptions m_options;
    std::map<std::pair<int, std::string>, Entry> m_entries;
    int64_t m_deviceBytes = 0;
    int64_t m_hostBytes = 0;
    int64_t m_diskBytes = 0;
    uint64_t m_sourceKey = 0;
};

} // namespace mbq::attention
