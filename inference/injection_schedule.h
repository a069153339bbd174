#pragma once
// The injection schedule: which layers receive source Q, how strongly, over which denoising
// steps. A plain value type shared by the engine (which applies it) and the project document
// (which stores and edits it). No torch, no Qt.

#include "inference/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace mbq {

enum class InjectionMode { Replace, Blend };
// How source Q is obtained; see ARCHITECTURE.md, "Source extraction".
enum class ExtractionMode { PerStep, Single, Lockstep };
enum class GuidanceBranches { Both, ConditionalOnly, UnconditionalOnly };

const char *injectionModeName(InjectionMode mode);
const char *extractionModeName(ExtractionMode mode);
const char *guidanceBranchesName(GuidanceBranches branches);
bool parseInjectionMode(const std::string &name, InjectionMode *out);
bool parseExtractionMode(const std::string &name, ExtractionMode *out);
bool parseGuidanceBranches(const std::string &name, GuidanceBranches *out);

struct LayerInjection
{
    std::string layer;               // stable layer id, e.g. "block.20" or "down.1.0.spatial"
    float weight = 0.0f;             // 0 = off, 1 = full replace
    std::vector<float> headWeights;  // empty = all heads at `weight`
    // Whether the layer injects at all: a positive weight and, when head weights are given,
    // at least one positive head (they scale the layer weight).
    bool isActive() const;
    bool operator==(const LayerInjection &o) const
    {
        return layer == o.layer && weight == o.weight && headWeights == o.headWeights;
    }
};

struct InjectionSchedule
{
    std::vector<LayerInjection> layers; // layers not listed are off
    int stepBegin = 0;                  // [stepBegin, stepEnd), 0 = noisiest step
    int stepEnd = 0;
    InjectionMode mode = InjectionMode::Replace;
    ExtractionMode extraction = ExtractionMode::Single;
    // For Single extraction: the timestep (0..1000 scale) of the one source pass.
    float extractionTimestep = 0.0f;
    GuidanceBranches branches = GuidanceBranches::Both;
    // Optional token mask over the latent grid (frames x height x width after patchify);
    // empty = every token.
    std::vector<uint8_t> tokenMask;

    bool operator==(const InjectionSchedule &o) const;
    bool operator!=(const InjectionSchedule &o) const { return !(*this == o); }

    // True when no layer has a positive weight or the step range is empty.
    bool isOff() const;
    float weightOf(const std::string &layer) const;
    // Checks ranges against a sampler of `steps` steps and layer ids against `knownLayers`
    // (skipped when empty). The error names the offending layer or value.
    Result<void> validate(int steps, const std::vector<std::string> &knownLayers) const;
    // Stable 64-bit hash (FNV-1a over a canonical encoding): identical on every platform and
    // run, so it can key caches on disk.
    uint64_t hash() const;
};

} // namespace mbq
