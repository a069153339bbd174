#include "inference/injection_schedule.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <set>

namespace mbq {

namespace {

// Names as they appear in project files and on the command line; changing one breaks files.
constexpr const char *kModeNames[] = {"replace", "blend"};
constexpr const char *kExtractionNames[] = {"per_step", "single", "lockstep"};
constexpr const char *kBranchNames[] = {"both", "conditional", "unconditional"};

template<class Enum, size_t N>
bool parseName(const std::string &name, const char *const (&names)[N], Enum *out)
{
    for (size_t i = 0; i < N; ++i) {
        if (name == names[i]) {
            *out = static_cast<Enum>(i);
            return true;
        }
    }
    return false;
}

bool inUnitRange(float value)
{
    return value >= 0.0f && value <= 1.0f; // false for NaN
}

std::string formatValue(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%g", value);
    return buffer;
}

Error invalid(std::string message)
{
    return makeError(ErrorCode::InvalidArgument, std::move(message));
}

// The canonical byte encoding behind hash(). Everything is little-endian with explicit widths;
// strings are a u32 byte count followed by the UTF-8 bytes; enums are written by name so that
// reordering an enum never changes a stored hash. A leading version tag makes a future change of
// the encoding change every hash instead of colliding with old cache entries.
class CanonicalEncoder
{
public:
    void u8(uint8_t v) { m_bytes.push_back(v); }
    void u32(uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            u8(uint8_t(v >> (8 * i)));
    }
    void i32(int32_t v) { u32(uint32_t(v)); }
    void f32(float v)
    {
        if (v == 0.0f)
            v = 0.0f; // -0 and +0 compare equal, so they must hash equal
        uint32_t bits;
        std::memcpy(&bits, &v, sizeof bits);
        u32(bits);
    }
    void string(const std::string &s)
    {
        u32(uint32_t(s.size()));
        m_bytes.insert(m_bytes.end(), s.begin(), s.end());
    }

    uint64_t fnv1a64() const
    {
        uint64_t h = 0xcbf29ce484222325ull;
        for (uint8_t b : m_bytes) {
            h ^= b;
            h *= 0x100000001b3ull;
        }
        return h;
    }

private:
    std::vector<uint8_t> m_bytes;
};

} // namespace

const char *injectionModeName(InjectionMode mode)
{
    return kModeNames[static_cast<int>(mode)];
}

const char *extractionModeName(ExtractionMode mode)
{
    return kExtractionNames[static_cast<int>(mode)];
}

const char *guidanceBranchesName(GuidanceBranches branches)
{
    return kBranchNames[static_cast<int>(branches)];
}

bool parseInjectionMode(const std::string &name, InjectionMode *out)
{
    return parseName(name, kModeNames, out);
}

bool parseExtractionMode(const std::string &name, ExtractionMode *out)
{
    return parseName(name, kExtractionNames, out);
}

bool parseGuidanceBranches(const std::string &name, GuidanceBranches *out)
{
    return parseName(name, kBranchNames, out);
}

bool InjectionSchedule::operator==(const InjectionSchedule &o) const
{
    return layers == o.layers && stepBegin == o.stepBegin && stepEnd == o.stepEnd && mode == o.mode
        && extraction == o.extraction && extractionTimestep == o.extractionTimestep
        && branches == o.branches && tokenMask == o.tokenMask;
}

bool InjectionSchedule::isOff() const
{
    if (stepBegin >= stepEnd)
        return true;
    return std::none_of(layers.begin(), layers.end(),
                        [](const LayerInjection &l) { return l.isActive(); });
}

bool LayerInjection::isActive() const
{
    return weight > 0.0f
        && (headWeights.empty()
            || std::any_of(headWeights.begin(), headWeights.end(),
                           [](float w) { return w > 0.0f; }));
}

float InjectionSchedule::weightOf(const std::string &layer) const
{
    for (const LayerInjection &l : layers) {
        if (l.layer == layer)
            return l.weight;
    }
    return 0.0f;
}

Result<void> InjectionSchedule::validate(int steps,
                                         const std::vector<std::string> &knownLayers) const
{
    if (steps <= 0)
        return invalid("the sampler must have at least one step, got " + std::to_string(steps));
    if (stepBegin < 0)
        return invalid("step range begin must be >= 0, got " + std::to_string(stepBegin));
    if (stepEnd > steps) {
        return invalid("step range end " + std::to_string(stepEnd) + " is past the last step ("
                       + std::to_string(steps) + " steps)");
    }
    if (stepBegin > stepEnd) {
        return invalid("step range begin " + std::to_string(stepBegin) + " is after its end "
                       + std::to_string(stepEnd));
    }
    if (!std::isfinite(extractionTimestep) || extractionTimestep < 0.0f
        || extractionTimestep > 1000.0f) {
        return invalid("extraction timestep must be in [0, 1000], got "
                       + formatValue(extractionTimestep));
    }

    const std::set<std::string> known(knownLayers.begin(), knownLayers.end());
    std::set<std::string> seen;
    for (const LayerInjection &l : layers) {
        if (!known.empty() && !known.count(l.layer))
            return invalid("unknown layer '" + l.layer + "' for this model");
        if (!seen.insert(l.layer).second)
            return invalid("layer '" + l.layer + "' is listed twice");
        if (!inUnitRange(l.weight)) {
            return invalid("layer '" + l.layer + "': weight must be in [0, 1], got "
                           + formatValue(l.weight));
        }
        for (size_t h = 0; h < l.headWeights.size(); ++h) {
            if (!inUnitRange(l.headWeights[h])) {
                return invalid("layer '" + l.layer + "': head " + std::to_string(h)
                               + " weight must be in [0, 1], got " + formatValue(l.headWeights[h]));
            }
        }
    }
    return {};
}

uint64_t InjectionSchedule::hash() const
{
    // Layers are hashed in id order: the list order carries no meaning for the engine.
    std::vector<const LayerInjection *> sorted;
    sorted.reserve(layers.size());
    for (const LayerInjection &l : layers)
        sorted.push_back(&l);
    std::stable_sort(
        sorted.begin(), sorted.end(),
        [](const LayerInjection *a, const LayerInjection *b) { return a->layer < b->layer; });

    CanonicalEncoder e;
    e.string("mbq.schedule.v1");
    e.u32(uint32_t(sorted.size()));
    for (const LayerInjection *l : sorted) {
        e.string(l->layer);
        e.f32(l->weight);
        e.u32(uint32_t(l->headWeights.size()));
        for (float w : l->headWeights)
            e.f32(w);
    }
    e.i32(stepBegin);
    e.i32(stepEnd);
    e.string(injectionModeName(mode));
    e.string(extractionModeName(extraction));
    e.f32(extractionTimestep);
    e.string(guidanceBranchesName(branches));
    e.u32(uint32_t(tokenMask.size()));
    for (uint8_t m : tokenMask)
        e.u8(m);
    return e.fnv1a64();
}

} // namespace mbq
