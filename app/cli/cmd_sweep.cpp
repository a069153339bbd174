// `mbq sweep`: motion transfer over a grid of injection settings and seeds, for the trade-off
// between motion fidelity and identity leak. This file turns the command line into a plan (the
// base request `mbq transfer` would render, the axes, the cells); sweep_run.cpp renders it.
#include "app/cli/command_line.h"
#include "app/cli/commands.h"
#include "app/cli/generation_options.h"
#include "app/cli/sweep_run.h"
#include "app/cli/transfer_options.h"
#include "core/project/schedule_json.h"
#include "inference/request_rules.h"

#include <QJsonObject>

#include <cstdio>

namespace mbq::cli {

namespace {

const char *const kUsage
    = "usage: mbq sweep --model DIR --source CLIP --prompt TEXT --vary AXIS=VALUES... --out DIR\n"
      "                 [--seeds N] [--max-cells N] [options]\n"
      "Renders every combination of the --vary values (times the seeds) with one engine, so\n"
      "the source's queries and the shared start of the trajectories are computed once, and\n"
      "writes DIR/cell-NNN.mp4, DIR/baseline-seedS.mp4 (injection off, for identity leak) and\n"
      "DIR/sweep.csv and DIR/sweep.json (parameters, metrics, timings), rewritten after every\n"
      "cell.\n"
      "  --vary AXIS=VALUES  one axis of the grid; repeat for more (the last changes fastest)\n"
      "      begin-step=V    start of the injected step range, in [0, steps]\n"
      "      end-step=V      end of the injected step range, in [0, steps]\n"
      "      weight=V        weight of every injected layer, in [0, 1]\n"
      "      layers=L,L,...  injected layers; each L as --layers takes it, with + in place of\n"
      "                      its commas: layers=0-9,10-19,20-29 is three cells, 3+7,all two\n"
      "    Numbers are a comma list of values and ranges A:B:STEP (A, A+STEP, ... up to B,\n"
      "    which is included when it lands on the grid): end-step=0:50:5, weight=0.5,0.75:1:0.125\n"
      "    Combinations whose begin-step is after their end-step are skipped.\n"
      "  --seeds N           render every cell with N seeds: --seed, --seed+1, ... (default 1)\n"
      "  --max-cells N       refuse grids of more combinations (default 100)\n"
      "  and every option of `mbq transfer` but --out, --baseline-out and --metrics; they set\n"
      "  what the axes do not vary. A layers value injects at --weight (default 1, or the\n"
      "  preset's strongest layer weight).\n"
      "Ctrl-C stops inside the current cell; the finished cells stay in DIR and its tables.\n";

constexpr int kDefaultMaxCells = 100;

int fail(const QString &message)
{
    std::fprintf(stderr, "mbq: %s\n", qPrintable(message));
    return 1;
}

// A whole number >= 1 from `option`, or -1 when it is not one.
int positive(const CommandLine &line, const QCommandLineOption &option, int fallback)
{
    if (!line.isSet(option))
        return fallback;
    bool ok = false;
    const int value = line.value(option).toInt(&ok);
    return ok && value >= 1 ? value : -1;
}

QJsonObject baseJson(const CommandLine &line, const GenerationOptions &generation,
                     const TransferOptions &transfer, const ModelInfo &model,
                     const RenderRequest &base, const std::string &device)
{
    const GenerationSettings &s = base.settings;
    return {
        {QStringLiteral("model"), line.value(generation.model)},
        {QStringLiteral("family"), QString::fromStdString(model.family)},
        {QStringLiteral("device"), QString::fromStdString(device)},
        {QStringLiteral("source"), line.value(transfer.source)},
        {QStringLiteral("prompt"), QString::fromStdString(base.prompt)},
        {QStringLiteral("negative_prompt"), QString::fromStdString(base.negativePrompt)},
        {QStringLiteral("source_prompt"), QString::fromStdString(base.sourcePrompt)},
        {QStringLiteral("settings"),
         QJsonObject {
             // A string: JSON numbers are doubles and lose uint64 seeds above 2^53.
             {QStringLiteral("seed"), QString::number(qulonglong(s.seed))},
             {QStringLiteral("width"), s.width},
             {QStringLiteral("height"), s.height},
             {QStringLiteral("frames"), s.frames},
             {QStringLiteral("fps"), s.fps},
             {QStringLiteral("steps"), s.steps},
             {QStringLiteral("guidance"), s.guidance},
             {QStringLiteral("shift"), s.shift},
             {QStringLiteral("sampler"), QLatin1String(samplerName(s.sampler))},
         }},
        {QStringLiteral("schedule"), scheduleToJson(base.injection)},
    };
}

// The cells to render, in order; combinations with a reversed step range are left out.
// -1 to go on, else the exit code.
int planCells(const CommandLine &line, const std::vector<std::string> &layers, SweepPlan *plan)
{
    int reversed = 0;
    for (const SweepPoint &point : plan->grid.points()) {
        const RenderRequest request = plan->grid.requestFor(plan->base, point);
        const InjectionSchedule &schedule = request.injection;
        if (schedule.stepBegin > schedule.stepEnd) {
            ++reversed;
            continue;
        }
        if (auto valid = schedule.validate(request.settings.steps, layers); !valid)
            return line.usageError(
                QStringLiteral("--vary: %1").arg(QString::fromStdString(valid.error().message)));
        plan->cells.push_back(point);
    }
    if (plan->cells.empty())
        return line.usageError(QStringLiteral("--vary: every combination has its begin-step "
                                              "after its end-step; nothing to render"));
    if (reversed > 0)
        std::fprintf(stderr,
                     "mbq: note: skipping %d combinations whose begin-step is after their "
                     "end-step; %d cells remain\n",
                     reversed, int(plan->cells.size()));
    return -1;
}

} // namespace

int runSweep(const QStringList &args)
{
    CommandLine line("mbq sweep", kUsage);
    const GenerationOptions generation = addGenerationOptions(line);
    const TransferOptions transfer = addTransferOptions(line);
    const auto vary = line.option("vary"), seeds = line.option("seeds"),
               maxCells = line.option("max-cells"), out = line.option("out");
    if (const int exit = line.parse(args); exit >= 0)
        return exit;
    if (!line.positional().isEmpty())
        return line.usageError(
            QStringLiteral("unexpected argument '%1'").arg(line.positional().first()));
    if (line.value(generation.model).isEmpty() || line.value(out).isEmpty())
        return line.usageError(QStringLiteral("sweep needs --model and --out (a folder)"));
    const int seedCount = positive(line, seeds, 1);
    if (seedCount < 0)
        return line.usageError(QStringLiteral("--seeds must be a whole number of at least 1"));
    const int cellLimit = positive(line, maxCells, kDefaultMaxCells);
    if (cellLimit < 0)
        return line.usageError(QStringLiteral("--max-cells must be a whole number of at least 1"));
    if (!line.isSet(vary) && seedCount == 1)
        return line.usageError(
            QStringLiteral("nothing to sweep: give --vary AXIS=VALUES or --seeds N"));

    // One engine for every cell, so that what it keeps between renders is reused.
    const std::unique_ptr<Engine> engine = createTorchEngine();
    EngineSettings settings;
    settings.device = line.value(generation.device).toStdString();
    settings.dtype = line.value(generation.dtype).toStdString();
    if (auto configured = engine->configure(settings); !configured)
        return line.usageError(QString::fromStdString(configured.error().message));
    auto model = engine->loadModel(line.value(generation.model).toStdString());
    if (!model)
        return fail(QString::fromStdString(model.error().message));

    SweepPlan plan;
    plan.folder = line.value(out);
    plan.modelLayers = model->layers;
    if (const int exit = readGenerationOptions(line, generation, model->family, &plan.base);
        exit >= 0)
        return exit;
    // The engine's own checks (prompt, size, frames, steps), here so that nothing is written
    // for a sweep that could not render a single cell.
    if (auto valid = validateRequest(plan.base, rulesFor(model->family)); !valid)
        return fail(QString::fromStdString(valid.error().message));
    // The axes before the source, so that a typo is reported before a long decode.
    for (const QString &text : line.values(vary)) {
        auto axis = parseSweepAxis(text, plan.base.settings.steps, model->layers);
        if (!axis)
            return line.usageError(
                QStringLiteral("--vary %1").arg(QString::fromStdString(axis.error().message)));
        if (auto added = plan.grid.add(std::move(*axis)); !added)
            return line.usageError(
                QStringLiteral("--vary %1").arg(QString::fromStdString(added.error().message)));
    }
    for (int i = 0; i < seedCount; ++i)
        plan.grid.seeds.push_back(plan.base.settings.seed + uint64_t(i));
    if (const uint64_t combinations = plan.grid.combinations(); combinations > uint64_t(cellLimit))
        return line.usageError(QStringLiteral("the grid has %1 combinations, more than "
                                              "--max-cells %2 allows; raise --max-cells to "
                                              "render them all")
                                   .arg(combinations)
                                   .arg(cellLimit));

    if (const int exit = readTransferOptions(line, transfer, *model, &plan.base); exit >= 0)
        return exit;
    if (const int exit = planCells(line, model->layers, &plan); exit >= 0)
        return exit;
    plan.baseJson = baseJson(line, generation, transfer, *model, plan.base, engine->deviceName());
    return renderSweep(*engine, plan);
}

} // namespace mbq::cli
