#pragma once
// The results of a sweep as files: sweep.csv (one row per finished cell) and sweep.json (the
// base settings, the axes, the baselines and the same rows), the data the trade-off plot shows.
// Both are rewritten whole after every cell through a temporary file and a rename, so a sweep
// that stops early (Ctrl-C, a crash, a full disk) leaves complete tables of what it finished.
//
// Columns, in this order, in the CSV header and as the keys of every JSON row:
//   cell, file, seed, begin_step, end_step, layers, weight, baseline,
//   motion_fidelity, baseline_fidelity, identity_leak, temporal_warp_error,
//   render_seconds, metrics_seconds, extraction_passes, resumed_steps, computed_steps
// `file` and `baseline` are relative to the sweep's folder; `layers` is the selection as
// --layers reads it. A metric that could not be computed is an empty CSV field and a JSON null.

#include "core/render/sweep_grid.h"
#include "inference/result.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

namespace mbq {

struct SweepRow
{
    int cell = 0; // 1-based, in render order
    QString file;
    uint64_t seed = 0;
    int beginStep = 0;
    int endStep = 0;
    QString layers;
    double weight = 0.0;
    QString baseline;
    std::optional<double> motionFidelity;
    std::optional<double> baselineFidelity;
    std::optional<double> identityLeak;
    std::optional<double> temporalWarpError;
    double renderSeconds = 0.0;
    double metricsSeconds = 0.0;
    int extractionPasses = 0;
    int resumedSteps = 0;
    int computedSteps = 0;
};

struct SweepBaseline
{
    uint64_t seed = 0;
    QString file;
    double renderSeconds = 0.0;
    int computedSteps = 0;
};

enum class SweepState { Running, Finished, Cancelled, Failed };

struct SweepReport
{
    // The settings every cell shares before its axes apply: model, source, prompts, generation
    // settings and the base injection schedule.
    QJsonObject base;
    QJsonArray axes; // [{"name": "end-step", "values": [0, 5, ...]}, ...]
    std::vector<uint64_t> seeds;
    int plannedCells = 0;
    SweepState state = SweepState::Running;
    std::vector<SweepBaseline> baselines;
    std::vector<SweepRow> rows;
};

// [{"name": "end-step", "values": [0, 5, ...]}, {"name": "layers", "values": ["0-9", ...]}]:
// numbers for the step and weight axes, selections for the layers axis.
QJsonArray sweepAxesJson(const SweepGrid &grid);

// The column names, in order.
const QStringList &sweepColumns();

// One row as JSON, keyed by the column names.
QJsonObject sweepRowToJson(const SweepRow &row);

QByteArray sweepCsv(const SweepReport &report);
QByteArray sweepJson(const SweepReport &report);

// Writes `folder`/sweep.csv and `folder`/sweep.json, each replaced only once complete. The
// error (Io) names the file.
Result<void> saveSweepReport(const QString &folder, const SweepReport &report);

} // namespace mbq
