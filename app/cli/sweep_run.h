#pragma once
// The rendering half of `mbq sweep`: every cell of a planned grid through one engine (so its
// Q bank and trajectory cache carry over from cell to cell), each seed's baseline once, the
// videos, the metrics and the tables rewritten after every cell.

#include "core/render/sweep_grid.h"
#include "inference/engine.h"

#include <QJsonObject>
#include <QString>

#include <string>
#include <vector>

namespace mbq::cli {

struct SweepPlan
{
    QString folder; // where the clips and tables go; created when missing
    RenderRequest base; // the settings every cell starts from, with the conformed source
    SweepGrid grid;
    std::vector<SweepPoint> cells; // in render order, seeds outermost
    std::vector<std::string> modelLayers; // to write layer selections as --layers reads them
    QJsonObject baseJson; // the base settings as sweep.json records them
};

// Renders the plan with `engine` (its model loaded). Returns the exit code: 0 when every cell
// finished, 1 after a failure, 130 after Ctrl-C; finished cells stay on disk and in the tables.
int renderSweep(Engine &engine, const SweepPlan &plan);

} // namespace mbq::cli
