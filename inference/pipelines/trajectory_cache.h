#pragma once
// The trajectory cache: the target latent after each denoising step, with the sampler's carried
// state, keyed by trajectoryKeys() (inference/trajectory_key.h). A re-render looks up the last
// step whose key is unchanged and resumes after it. Entries live in host memory up to one
// budget, the least recently used spill to a folder up to a second budget, and beyond that
// they are dropped: a missing entry only costs recomputation.

#include "inference/sched/sampler_state.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <list>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace mbq::pipelines {

struct TrajectoryStep
{
    at::Tensor latent;          // after the step
    sched::SamplerState state;  // the sampler as it was after the step
};

class TrajectoryCache
{
public:
    // diskBytes is ignored without a folder. The folder is this cache's own: files in it that
    // the cache did not write are left alone, its own are removed when dropped.
    TrajectoryCache(int64_t memoryBytes, int64_t diskBytes, std::string folder);
    ~TrajectoryCache();
    TrajectoryCache(const TrajectoryCache &) = delete;
    TrajectoryCache &operator=(const TrajectoryCache &) = delete;

    // Takes effect at once: entries over the new budgets spill or go.
    void setBudgets(int64_t memoryBytes, int64_t diskBytes, const std::string &folder);

    // Keeps a host copy of `step` under `key` (a key already present is only refreshed).
    void put(uint64_t key, const TrajectoryStep &step);
    // The entry on `device`; nullopt when it is not kept or its spilled file cannot be read
    // back (the entry is then dropped).
    std::optional<TrajectoryStep> find(uint64_t key, at::Device device);
    // The largest i whose keys[i] is kept, or -1. Keys chain, so keys[i] kept means the whole
    // history up to step i is the same.
    int lastKept(const std::vector<uint64_t> &keys) const;
    // Where a run over `keys` resumes: the last kept step that can be read back, with its
    // index, on `device`; nullopt to start from the beginning.
    std::optional<std::pair<int, TrajectoryStep>> resumePoint(const std::vector<uint64_t> &keys,
                                                              at::Device device);

    void clear();
    // False when both budgets are zero: nothing put would be kept.
    bool enabled() const { return m_memoryBudget > 0 || (!m_folder.empty() && m_diskBudget > 0); }
    size_t size() const { return m_entries.size(); }
    int64_t memoryBytes() const { return m_memoryBytes; }
    int64_t diskBytes() const { return m_diskBytes; }
    // Entries written to the folder so far (they count as kept until dropped).
    int spills() const { return m_spills; }

private:
    struct Entry
    {
        std::vector<at::Tensor> tensors; // latent first, then the sampler's; empty when spilled
        std::vector<bool> defined;       // which of the sampler's tensors exist
        int stepIndex = 0;
        std::vector<int> counters;
        int64_t bytes = 0;
        std::string file; // set when spilled
        std::list<uint64_t>::iterator lru;
    };

    void touch(Entry &entry, uint64_t key);
    void fit();
    bool spill(uint64_t key, Entry &entry);
    void drop(std::map<uint64_t, Entry>::iterator it);
    std::string fileFor(uint64_t key) const;

    int64_t m_memoryBudget = 0;
    int64_t m_diskBudget = 0;
    std::string m_folder;
    std::map<uint64_t, Entry> m_entries;
    std::list<uint64_t> m_lru; // most recent first
    int64_t m_memoryBytes = 0;
    int64_t m_diskBytes = 0;
    int m_spills = 0;
};

} // namespace mbq::pipelines
