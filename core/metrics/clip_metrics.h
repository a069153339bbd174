#pragma once
// All measures for one render: motion fidelity of the output (and of the baseline, for the
// compare view) against the source, identity leak against the baseline, and the output's
// temporal consistency; per-frame curves and totals. Deterministic: the same clips give
// bit-identical numbers on every run and thread count.

#include "core/metrics/identity_leak.h"
#include "core/metrics/motion_fidelity.h"
#include "core/metrics/temporal_consistency.h"
#include "inference/result.h"

#include <QJsonObject>

#include <optional>

namespace mbq {

struct MetricsOptions
{
    FidelityOptions fidelity;
    AppearanceOptions appearance;
    ConsistencyOptions consistency;
};

struct MetricsReport
{
    MotionFidelity fidelity;                        // source → output
    std::optional<MotionFidelity> baselineFidelity; // source → baseline, with a baseline
    IdentityLeak leak;
    TemporalConsistency consistency;                // of the output

    // {"fidelity": {...}, "identityLeak": {...}, "temporalConsistency": {...},
    //  "baselineFidelity": {...}}; undefined numbers and NaN curve points are null.
    QJsonObject toJson() const;
};

// Errors (InvalidArgument) for empty clips or clips of fewer than two frames.
Result<MetricsReport> computeMetrics(const VideoFrames &source, const VideoFrames &output,
                                     const VideoFrames *baseline = nullptr,
                                     const MetricsOptions &options = {});

} // namespace mbq
