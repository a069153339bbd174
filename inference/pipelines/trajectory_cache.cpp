#include "inference/pipelines/trajectory_cache.h"

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <system_error>

namespace mbq::pipelines {

namespace fs = std::filesystem;

namespace {

int64_t bytesOf(const std::vector<at::Tensor> &tensors)
{
    int64_t bytes = 0;
    for (const at::Tensor &t : tensors)
        bytes += int64_t(t.nbytes());
    return bytes;
}

std::string tensorName(size_t i)
{
    return i == 0 ? std::string("latent") : "state." + std::to_string(i - 1);
}

} // namespace

TrajectoryCache::TrajectoryCache(int64_t memoryBytes, int64_t diskBytes, std::string folder)
    : m_memoryBudget(memoryBytes)
    , m_diskBudget(diskBytes)
    , m_folder(std::move(folder))
{}

TrajectoryCache::~TrajectoryCache()
{
    clear();
}

void TrajectoryCache::setBudgets(int64_t memoryBytes, int64_t diskBytes,
                                 const std::string &folder)
{
    if (folder != m_folder) {
        // Spilled entries stay where they were written; only new spills go to the new folder.
        for (auto it = m_entries.begin(); it != m_entries.end();) {
            if (it->second.file.empty())
                ++it;
            else
                drop(it++);
        }
        m_folder = folder;
    }
    m_memoryBudget = memoryBytes;
    m_diskBudget = diskBytes;
    fit();
}

void TrajectoryCache::put(uint64_t key, const TrajectoryStep &step)
{
    if (auto it = m_entries.find(key); it != m_entries.end()) {
        touch(it->second, key);
        return;
    }
    Entry entry;
    entry.tensors.push_back(step.latent.detach().to(at::kCPU).clone());
    for (const at::Tensor &t : step.state.tensors) {
        entry.defined.push_back(t.defined());
        if (t.defined())
            entry.tensors.push_back(t.detach().to(at::kCPU).clone());
    }
    entry.stepIndex = step.state.stepIndex;
    entry.counters = step.state.counters;
    entry.bytes = bytesOf(entry.tensors);
    m_lru.push_front(key);
    entry.lru = m_lru.begin();
    m_memoryBytes += entry.bytes;
    m_entries.emplace(key, std::move(entry));
    fit();
}

std::optional<TrajectoryStep> TrajectoryCache::find(uint64_t key, at::Device device)
{
    auto it = m_entries.find(key);
    if (it == m_entries.end())
        return std::nullopt;
    Entry &entry = it->second;
    std::vector<at::Tensor> tensors = entry.tensors;
    if (!entry.file.empty()) {
        auto store = io::TensorStore::open(entry.file);
        if (!store) {
            drop(it);
            return std::nullopt;
        }
        const size_t count = 1 + size_t(std::count(entry.defined.begin(), entry.defined.end(),
                                                   true));
        for (size_t i = 0; i < count; ++i) {
            auto tensor = store->load(tensorName(i));
            if (!tensor) {
                drop(it);
                return std::nullopt;
            }
            tensors.push_back(*tensor);
        }
    }
    touch(entry, key);
    TrajectoryStep step;
    step.latent = tensors.front().to(device);
    step.state.stepIndex = entry.stepIndex;
    step.state.counters = entry.counters;
    size_t next = 1;
    for (bool defined : entry.defined)
        step.state.tensors.push_back(defined ? tensors[next++].to(device) : at::Tensor());
    return step;
}

int TrajectoryCache::lastKept(const std::vector<uint64_t> &keys) const
{
    for (int i = int(keys.size()) - 1; i >= 0; --i) {
        if (m_entries.count(keys[size_t(i)]))
            return i;
    }
    return -1;
}

std::optional<std::pair<int, TrajectoryStep>>
TrajectoryCache::resumePoint(const std::vector<uint64_t> &keys, at::Device device)
{
    // An entry that cannot be read back is dropped, so this ends.
    for (int kept; (kept = lastKept(keys)) >= 0;) {
        if (auto step = find(keys[size_t(kept)], device))
            return std::make_pair(kept, std::move(*step));
    }
    return std::nullopt;
}

void TrajectoryCache::clear()
{
    while (!m_entries.empty())
        drop(m_entries.begin());
}

void TrajectoryCache::touch(Entry &entry, uint64_t key)
{
    m_lru.erase(entry.lru);
    m_lru.push_front(key);
    entry.lru = m_lru.begin();
}

// Spills the least recently used in-memory entries until memory fits, then drops the least
// recently used spilled ones until the disk fits.
void TrajectoryCache::fit()
{
    const std::vector<uint64_t> oldestFirst(m_lru.rbegin(), m_lru.rend());
    for (uint64_t key : oldestFirst) {
        if (m_memoryBytes <= m_memoryBudget)
            break;
        auto it = m_entries.find(key);
        if (it->second.file.empty() && !spill(key, it->second))
            drop(it);
    }
    for (uint64_t key : oldestFirst) {
        if (m_diskBytes <= m_diskBudget)
            break;
        auto it = m_entries.find(key);
        if (it != m_entries.end() && !it->second.file.empty())
            drop(it);
    }
}

bool TrajectoryCache::spill(uint64_t key, Entry &entry)
{
    if (m_folder.empty() || entry.bytes > m_diskBudget)
        return false;
    std::error_code ec;
    fs::create_directories(m_folder, ec);
    std::vector<io::SafetensorsWriteEntry> files;
    for (size_t i = 0; i < entry.tensors.size(); ++i)
        files.push_back(io::tensorEntry(tensorName(i), entry.tensors[i]));
    const std::string file = fileFor(key);
    // A full disk or a vanished folder only means the entry is recomputed next time.
    if (!io::writeSafetensors(file, std::move(files)))
        return false;
    entry.file = file;
    entry.tensors.clear();
    m_memoryBytes -= entry.bytes;
    m_diskBytes += entry.bytes;
    ++m_spills;
    return true;
}

void TrajectoryCache::drop(std::map<uint64_t, Entry>::iterator it)
{
    Entry &entry = it->second;
    if (entry.file.empty()) {
        m_memoryBytes -= entry.bytes;
    } else {
        std::error_code ec;
        fs::remove(entry.file, ec);
        m_diskBytes -= entry.bytes;
    }
    m_lru.erase(entry.lru);
    m_entries.erase(it);
}

std::string TrajectoryCache::fileFor(uint64_t key) const
{
    char name[40];
    std::snprintf(name, sizeof name, "step-%016llx.safetensors", (unsigned long long)key);
    return (fs::path(m_folder) / name).string();
}

} // namespace mbq::pipelines
