#include "app/cli/sweep_run.h"

#include "app/cli/render_progress.h"
#include "core/media/video_writer.h"
#include "core/metrics/clip_metrics.h"
#include "core/project/layer_selection.h"
#include "core/project/schedule_json.h"
#include "core/render/sweep_table.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonDocument>

#include <cmath>
#include <cstdio>

namespace mbq::cli {
namespace {

QString shown(const std::optional<double> &value)
{
    return value ? QString::number(*value, 'f', 3) : QStringLiteral("n/a");
}

std::optional<double> finite(double value, bool defined)
{
    if (defined && std::isfinite(value))
        return value;
    return std::nullopt;
}

// "1 cell", "3 cells".
QString count(int n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

// To the millisecond: finer digits are noise in a table.
double secondsOf(const QElapsedTimer &timer)
{
    return std::round(double(timer.nsecsElapsed()) / 1e6) / 1e3;
}

class SweepRunner
{
public:
    SweepRunner(Engine &engine, const SweepPlan &plan)
        : m_engine(engine)
        , m_plan(plan)
        , m_dir(plan.folder)
        , m_cellDigits(std::max(3, int(QString::number(qulonglong(plan.cells.size())).size())))
    {
        m_report.base = plan.baseJson;
        m_report.axes = sweepAxesJson(plan.grid);
        m_report.seeds = plan.grid.seeds;
        m_report.plannedCells = int(plan.cells.size());
        m_hooks.progress = printProgress;
        m_hooks.cancel = InterruptGuard::cancelFlag();
    }

    int run()
    {
        // For the whole sweep, so that Ctrl-C while a video is written or measured still ends
        // with the finished cells recorded and a clear message.
        const InterruptGuard interrupt;
        const QFileInfo folder(m_plan.folder);
        if (folder.exists() && !folder.isDir())
            return fail(QStringLiteral("--out %1 is a file; give a folder").arg(m_plan.folder));
        if (!QDir().mkpath(m_plan.folder))
            return fail(QStringLiteral("cannot create the folder %1 (--out)").arg(m_plan.folder));
        if (const int exit = save(); exit >= 0)
            return exit;
        for (size_t i = 0; i < m_plan.cells.size(); ++i) {
            const SweepPoint &point = m_plan.cells[i];
            if (!m_haveBaseline || point.seed != m_baselineSeed) {
                if (const int exit = renderBaseline(point.seed); exit >= 0)
                    return exit;
            }
            if (const int exit = renderCell(int(i) + 1, point); exit >= 0)
                return exit;
        }
        m_report.state = SweepState::Finished;
        if (const int exit = save(); exit >= 0)
            return exit;
        std::printf("wrote %s and %s to %s (sweep.csv, sweep.json)\n",
                    qPrintable(count(int(m_report.rows.size()), "cell", "cells")),
                    qPrintable(count(int(m_report.baselines.size()), "baseline", "baselines")),
                    qPrintable(QDir::toNativeSeparators(m_plan.folder)));
        return 0;
    }

private:
    int cellCount() const { return int(m_plan.cells.size()); }

    QString cellFile(int cell) const
    {
        return QStringLiteral("cell-%1.mp4").arg(cell, m_cellDigits, 10, QLatin1Char('0'));
    }

    static QString baselineFile(uint64_t seed)
    {
        return QStringLiteral("baseline-seed%1.mp4").arg(qulonglong(seed));
    }

    // "seed 43, end-step 10, layers 0-9": what sets the cell apart from the others.
    QString describe(const SweepPoint &point) const
    {
        QStringList parts;
        if (m_plan.grid.seeds.size() > 1)
            parts << QStringLiteral("seed %1").arg(qulonglong(point.seed));
        for (size_t a = 0; a < m_plan.grid.axes.size(); ++a) {
            const SweepAxis &axis = m_plan.grid.axes[a];
            parts << QStringLiteral("%1 %2").arg(QLatin1String(sweepParameterName(axis.parameter)),
                                                 axis.labels[point.index[a]]);
        }
        return parts.join(QStringLiteral(", "));
    }

    int fail(const QString &message)
    {
        std::fprintf(stderr, "mbq: %s\n", qPrintable(message));
        return 1;
    }

    // Stops the sweep for good: records why in the tables and says what was kept.
    int stop(SweepState state, const QString &message)
    {
        m_report.state = state;
        const int finished = int(m_report.rows.size());
        const QString table = QDir::toNativeSeparators(m_dir.filePath(QStringLiteral("sweep.csv")));
        std::fprintf(
            stderr, "\nmbq: %s; %s\n", qPrintable(message),
            qPrintable(finished == 0
                           ? QStringLiteral("no cell had finished")
                           : QStringLiteral("%1 kept, listed in %2")
                                 .arg(count(finished, "finished cell", "finished cells"), table)));
        save();
        return state == SweepState::Cancelled ? 130 : 1;
    }

    int save()
    {
        if (auto saved = saveSweepReport(m_plan.folder, m_report); !saved)
            return fail(QString::fromStdString(saved.error().message));
        return -1;
    }

    QByteArray metadata(const RenderRequest &request, int cell) const
    {
        const GenerationSettings &s = request.settings;
        QJsonObject object {
            {"prompt", QString::fromStdString(request.prompt)},
            {"seed", QString::number(qulonglong(s.seed))},
            {"steps", s.steps},
            {"guidance", s.guidance},
            {"shift", s.shift},
            {"sampler", samplerName(s.sampler)},
            {"schedule", scheduleToJson(request.injection)},
        };
        if (cell > 0)
            object.insert(QStringLiteral("sweepCell"), cell);
        return QJsonDocument(object).toJson(QJsonDocument::Compact);
    }

    // Renders `request`; on an error or Ctrl-C, stops the sweep and puts the exit code in *exit.
    std::optional<RenderOutput> render(const RenderRequest &request, const QString &what,
                                       double *seconds, int *exit)
    {
        QElapsedTimer timer;
        timer.start();
        auto output = m_engine.render(request, m_hooks);
        *seconds = secondsOf(timer);
        if (!output) {
            *exit = stop(SweepState::Failed,
                         QStringLiteral("%1 failed: %2")
                             .arg(what, QString::fromStdString(output.error().toString())));
            return std::nullopt;
        }
        if (output->cancelled) {
            *exit = stop(SweepState::Cancelled,
                         QStringLiteral("cancelled in %1 after %2 of %3 steps")
                             .arg(what)
                             .arg(output->completedSteps)
                             .arg(request.settings.steps));
            return std::nullopt;
        }
        return std::move(*output);
    }

    // The same prompt and seed with injection off: the reference for identity leak. Rendered
    // as a request of its own so that every cell's timings and step counts are its own.
    int renderBaseline(uint64_t seed)
    {
        RenderRequest request = m_plan.base;
        request.settings.seed = seed;
        request.injection.layers.clear();
        const QString what = QStringLiteral("the baseline for seed %1").arg(qulonglong(seed));
        std::fprintf(stderr, "mbq: %s\n", qPrintable(what));
        double seconds = 0.0;
        int exit = -1;
        auto output = render(request, what, &seconds, &exit);
        if (!output)
            return exit;
        const QString file = baselineFile(seed);
        EncodeOptions encode;
        encode.metadataJson = metadata(request, 0);
        if (auto written = encodeVideo(output->frames, m_dir.filePath(file), encode); !written)
            return stop(SweepState::Failed, QString::fromStdString(written.error().message));
        m_baseline = std::move(output->frames);
        m_baselineSeed = seed;
        m_haveBaseline = true;
        m_report.baselines.push_back({seed, file, seconds, output->computedSteps});
        return save();
    }

    int renderCell(int cell, const SweepPoint &point)
    {
        const QString what = QStringLiteral("cell %1/%2").arg(cell).arg(cellCount());
        std::fprintf(stderr, "mbq: %s: %s\n", qPrintable(what), qPrintable(describe(point)));
        const RenderRequest request = m_plan.grid.requestFor(m_plan.base, point);
        SweepRow row;
        int exit = -1;
        auto output = render(request, what, &row.renderSeconds, &exit);
        if (!output)
            return exit;

        row.cell = cell;
        row.file = cellFile(cell);
        EncodeOptions encode;
        encode.metadataJson = metadata(request, cell);
        if (auto written = encodeVideo(output->frames, m_dir.filePath(row.file), encode); !written)
            return stop(SweepState::Failed, QString::fromStdString(written.error().message));
        row.seed = point.seed;
        row.beginStep = request.injection.stepBegin;
        row.endStep = request.injection.stepEnd;
        std::vector<std::string> ids;
        for (const LayerInjection &layer : request.injection.layers)
            ids.push_back(layer.layer);
        row.layers = formatLayerSelection(ids, m_plan.modelLayers);
        row.weight = jsonFloat(baseWeight(request.injection)); // 0.1, not 0.10000000149011612
        row.baseline = baselineFile(point.seed);
        row.extractionPasses = output->extractionPasses;
        row.resumedSteps = output->resumedSteps;
        row.computedSteps = output->computedSteps;

        QElapsedTimer timer;
        timer.start();
        auto report = computeMetrics(m_plan.base.source, output->frames, &m_baseline);
        row.metricsSeconds = secondsOf(timer);
        if (report) {
            row.motionFidelity = finite(report->fidelity.score, report->fidelity.defined);
            if (report->baselineFidelity)
                row.baselineFidelity
                    = finite(report->baselineFidelity->score, report->baselineFidelity->defined);
            row.identityLeak = finite(report->leak.leak, report->leak.hasBaseline);
            row.temporalWarpError
                = finite(report->consistency.warpError, report->consistency.defined);
        } else {
            std::fprintf(stderr, "mbq: warning: %s: no metrics: %s\n", qPrintable(what),
                         report.error().message.c_str());
        }
        m_report.rows.push_back(row);
        if (const int saved = save(); saved >= 0)
            return saved;
        std::fprintf(
            stderr,
            "mbq: %s done in %.1f s: motion fidelity %s, identity leak %s; %s, "
            "%s resumed, %d computed\n",
            qPrintable(what), row.renderSeconds, qPrintable(shown(row.motionFidelity)),
            qPrintable(shown(row.identityLeak)),
            qPrintable(count(row.extractionPasses, "extraction pass", "extraction passes")),
            qPrintable(count(row.resumedSteps, "step", "steps")), row.computedSteps);
        // Ctrl-C while the video was written or measured: this cell is kept, the next not begun.
        if (InterruptGuard::interrupted())
            return stop(SweepState::Cancelled, QStringLiteral("cancelled after %1").arg(what));
        return -1;
    }

    Engine &m_engine;
    const SweepPlan &m_plan;
    const QDir m_dir;
    const int m_cellDigits;
    JobHooks m_hooks;
    SweepReport m_report;
    VideoFrames m_baseline; // the current seed's
    uint64_t m_baselineSeed = 0;
    bool m_haveBaseline = false;
};

} // namespace

int renderSweep(Engine &engine, const SweepPlan &plan)
{
    return SweepRunner(engine, plan).run();
}

} // namespace mbq::cli
