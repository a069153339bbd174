#pragma once
// The grid of a parameter sweep: axes that each override one field of a base render request,
// times a list of seeds; every combination is one cell. Parsed from the text `mbq sweep --vary`
// takes, so a script and a dialog can describe the same grid.
//
// Axis text is NAME=VALUES:
//   begin-step=V, end-step=V  the injected step range's ends, whole numbers in [0, steps]
//   weight=V                  the weight of every injected layer, in [0, 1]
//   layers=L,L,...            the injected layers; each L is a selection as --layers takes it
//                             with '+' in place of its commas ("0-9+20", "all", "block.3")
// Numeric VALUES are comma-separated items, each a number or a range A:B:STEP (A, A+STEP, ...
// up to B, which is included when it lands on the grid).

#include "inference/engine.h"
#include "inference/result.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <string>
#include <vector>

namespace mbq {

enum class SweepParameter { BeginStep, EndStep, Weight, Layers };

// "begin-step", "end-step", "weight", "layers": the names the axis text and the tables use.
const char *sweepParameterName(SweepParameter parameter);

struct SweepAxis
{
    SweepParameter parameter = SweepParameter::EndStep;
    std::vector<double> numbers; // step and weight axes
    std::vector<std::vector<std::string>> layerSets; // layers axis: ids in network order
    QStringList labels; // each value as the tables show it ("10", "0.25", "0-9")

    int size() const { return int(labels.size()); }
};

// Reads one NAME=VALUES; `steps` bounds the step axes, `layers` (the model's ids in network
// order) resolves selections. The error (InvalidArgument) names the axis and the bad value.
Result<SweepAxis> parseSweepAxis(const QString &text, int steps,
                                 const std::vector<std::string> &layers);

// One cell: a seed and, for each axis, the index of its value.
struct SweepPoint
{
    uint64_t seed = 0;
    std::vector<int> index;
};

struct SweepGrid
{
    std::vector<SweepAxis> axes;
    std::vector<uint64_t> seeds;

    // Appends `axis`; fails (InvalidArgument) when the grid already varies its parameter.
    Result<void> add(SweepAxis axis);

    // The number of combinations (seeds times every axis's size), saturating instead of
    // overflowing so that a huge grid is refused rather than miscounted.
    uint64_t combinations() const;
    // Every combination: seeds outermost, then the axes in order, the last changing fastest.
    std::vector<SweepPoint> points() const;
    // `base` with the point's seed and values. A layers value injects every selected layer at
    // the base weight (the strongest weight `base` gives a layer, 1 when it gives none); a
    // weight value then applies to every injected layer.
    RenderRequest requestFor(const RenderRequest &base, const SweepPoint &point) const;
};

// The strongest layer weight of `schedule`, or 1 when no layer is listed: what a layers axis
// gives each layer it selects.
float baseWeight(const InjectionSchedule &schedule);

} // namespace mbq
