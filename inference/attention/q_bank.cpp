#include "inference/attention/q_bank.h"

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>

#include <unistd.h>

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

QBankOptions QBankOptions::from(const EngineSettings &settings)
{
    QBankOptions options;
    options.deviceBytes = settings.qBankBytes;
    options.hostBytes = settings.qBankHostBytes;
    options.fp8 = settings.qBankFp8;
    if (!settings.cacheFolder.empty() && settings.qBankDiskBytes > 0) {
        options.diskFolder = (std::filesystem::path(settings.cacheFolder) / "qbank").string();
        options.diskBytes = settings.qBankDiskBytes;
    }
    return options;
}

QBank::~QBank()
{
    reset(0);
}

QBank::QBank(QBank &&other) noexcept
    : m_options(std::move(other.m_options))
    , m_entries(std::move(other.m_entries))
    , m_deviceBytes(other.m_deviceBytes)
    , m_hostBytes(other.m_hostBytes)
    , m_diskBytes(other.m_diskBytes)
    , m_sourceKey(other.m_sourceKey)
{
    other.m_entries.clear();
    other.m_deviceBytes = other.m_hostBytes = other.m_diskBytes = 0;
}

QBank &QBank::operator=(QBank &&other) noexcept
{
    if (this != &other) {
        reset(0);
        m_options = std::move(other.m_options);
        m_entries = std::move(other.m_entries);
        m_deviceBytes = other.m_deviceBytes;
        m_hostBytes = other.m_hostBytes;
        m_diskBytes = other.m_diskBytes;
        m_sourceKey = other.m_sourceKey;
        other.m_entries.clear();
        other.m_deviceBytes = other.m_hostBytes = other.m_diskBytes = 0;
    }
    return *this;
}

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
    const int64_t disk = m_options.diskFolder.empty() ? 0 : m_options.diskBytes;
    return m_options.deviceBytes + std::max<int64_t>(m_options.hostBytes, 0)
        + std::max<int64_t>(disk, 0);
}

int64_t &QBank::tierBytes(Tier tier)
{
    return tier == Tier::Device ? m_deviceBytes : tier == Tier::Host ? m_hostBytes : m_diskBytes;
}

void QBank::erase(std::map<std::pair<int, std::string>, Entry>::iterator it)
{
    tierBytes(it->second.tier) -= it->second.bytes;
    if (!it->second.file.empty()) {
        std::error_code ec;
        std::filesystem::remove(it->second.file, ec);
    }
    m_entries.erase(it);
}

bool QBank::writeToDisk(int step, const std::string &layer, Entry &entry)
{
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::create_directories(m_options.diskFolder, ec);
    // Process id and a process-wide count: no two banks, in this studio or another one sharing
    // the cache folder, ever write the same name.
    static std::atomic<unsigned long long> written {0};
    char name[96];
    std::snprintf(name, sizeof name, "qbank-%ld-%llu-%s-", static_cast<long>(::getpid()),
                  written.fetch_add(1), step == kAnyStep ? "any" : std::to_string(step).c_str());
    const std::string file = (fs::path(m_options.diskFolder) / (name + layer + ".safetensors"))
                                 .string();
    std::vector<io::SafetensorsWriteEntry> tensors;
    if (m_options.fp8) {
        // The codes as bytes (they are uint8; the view keeps this true if they become float8).
        tensors.push_back(io::tensorEntry("codes", entry.fp8.codes.view(at::kByte).cpu()));
        tensors.push_back(io::tensorEntry("scales", entry.fp8.scales.cpu()));
    } else {
        tensors.push_back(io::tensorEntry("q", entry.q.cpu().contiguous()));
    }
    if (!io::writeSafetensors(file, std::move(tensors)))
        return false;
    entry.file = file;
    entry.q = at::Tensor();
    entry.fp8.codes = entry.fp8.scales = at::Tensor();
    entry.tier = Tier::Disk;
    return true;
}

QBank::Stored QBank::readFromDisk(const Entry &entry) const
{
    const auto unreadable = [&] {
        entry.unreadable = true;
        return Stored{};
    };
    auto store = io::TensorStore::open(entry.file);
    if (!store)
        return unreadable();
    if (!m_options.fp8) {
        auto q = store->load("q");
        return q && q->scalar_type() == entry.dtype ? Stored{q->to(entry.device), {}}
                                                    : unreadable();
    }
    auto codes = store->load("codes");
    auto scales = store->load("scales");
    if (!codes || !scales)
        return unreadable();
    Stored out{{}, entry.fp8};
    out.fp8.codes = codes->view(entry.dtype).to(entry.device);
    out.fp8.scales = scales->to(entry.device);
    return out;
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
    if (const auto old = m_entries.find(key); old != m_entries.end())
        erase(old);
    Entry entry;
    entry.device = q.device();
    if (m_options.fp8)
        entry.fp8 = kernels::encodeFp8Queries(q.detach(), heads);
    else
        entry.q = q.detach().clone();
    entry.bytes = m_options.fp8 ? entry.fp8.bytes() : int64_t(entry.q.nbytes());
    const bool deviceFits = m_options.deviceBytes <= 0
                            || m_deviceBytes + entry.bytes <= m_options.deviceBytes;
    const bool hostFits = m_options.hostBytes > 0
                          && m_hostBytes + entry.bytes <= m_options.hostBytes;
    const bool diskFits = !m_options.diskFolder.empty() && m_options.diskBytes > 0
                          && m_diskBytes + entry.bytes <= m_options.diskBytes;
    entry.dtype = m_options.fp8 ? entry.fp8.codes.scalar_type() : entry.q.scalar_type();
    if (!deviceFits && !hostFits) {
        if (!diskFits)
            return makeError(ErrorCode::OutOfMemory,
                             "the Q bank is full (" + byteSize(totalBudget()) + ") at layer '"
                                 + layer + "'; choose fewer layers or steps");
        if (!writeToDisk(step, layer, entry))
            return makeError(ErrorCode::Io,
                             "cannot write the Q bank's disk tier in " + m_options.diskFolder
                                 + " (full disk or no permission?); choose a cache folder with "
                                   "room, or fewer layers or steps");
    } else if (!deviceFits) {
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
        entry.tier = Tier::Host;
    }
    tierBytes(entry.tier) += entry.bytes;
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

QBank::Stored QBank::fetchStored(int step, const std::string &layer) const
{
    const Entry *e = entry(step, layer);
    if (!e)
        return {};
    if (e->tier == Tier::Disk)
        return readFromDisk(*e);
    if (!m_options.fp8)
        return {e->q.to(e->device, /*non_blocking=*/true), {}};
    Stored out{{}, e->fp8};
    out.fp8.codes = out.fp8.codes.to(e->device, /*non_blocking=*/true);
    out.fp8.scales = out.fp8.scales.to(e->device, /*non_blocking=*/true);
    return out;
}

at::Tensor QBank::fetch(int step, const std::string &layer) const
{
    const Stored stored = fetchStored(step, layer);
    return stored.fp8.codes.defined() ? kernels::decodeFp8Queries(stored.fp8) : stored.q;
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
            const auto it = m_entries.find({step, layer});
            if (it == m_entries.end() || it->second.unreadable)
                return false;
        }
    }
    return true;
}

void QBank::reset(uint64_t sourceKey)
{
    while (!m_entries.empty())
        erase(m_entries.begin());
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
