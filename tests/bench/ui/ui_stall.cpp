// mbq-bench-ui: how long the studio's UI thread goes without handling events while the real
// engine renders, next to the same window idle, measured side by side in one run. The budget
// (ARCHITECTURE.md): the UI thread never stalls more than 50 ms while a render runs. A timer
// ticks every 5 ms on the UI thread; a stall is the time between two ticks beyond that period.
// The window is the real one (offscreen when there is no display): source clip decode,
// progress, live previews, the finished take loading into the compare view and the plots.
#include "core/media/video_writer.h"
#include "core/project/project_document.h"
#include "core/project/project_file.h"
#include "core/render/render_queue.h"
#include "inference/engine.h"
#include "inference/wan_tools.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <functional>
#include <cstdio>
#include <vector>

using namespace mbq;

namespace {

constexpr int kTickMs = 5;
constexpr double kBudgetMs = 50.0;

// Stalls (ms beyond the tick period) seen while `running` returns true.
class StallMeter
{
public:
    std::vector<double> measure(const std::function<bool()> &running, int timeoutMs)
    {
        std::vector<double> stalls;
        QTimer ticker;
        ticker.setTimerType(Qt::PreciseTimer);
        ticker.setInterval(kTickMs);
        QElapsedTimer clock, total;
        QEventLoop loop;
        QObject::connect(&ticker, &QTimer::timeout, &loop, [&] {
            stalls.push_back(std::max(0.0, clock.nsecsElapsed() / 1e6 - kTickMs));
            clock.restart();
            if (!running() || total.elapsed() > timeoutMs)
                loop.quit();
        });
        clock.start();
        total.start();
        ticker.start();
        loop.exec();
        return stalls;
    }
};

struct Summary
{
    double max = 0.0, p99 = 0.0;
    int overBudget = 0;
    size_t ticks = 0;
};

Summary summarise(std::vector<double> stalls)
{
    Summary s;
    s.ticks = stalls.size();
    if (stalls.empty())
        return s;
    std::sort(stalls.begin(), stalls.end());
    s.max = stalls.back();
    s.p99 = stalls[std::min(stalls.size() - 1, size_t(0.99 * double(stalls.size())))];
    s.overBudget = int(std::count_if(stalls.begin(), stalls.end(),
                                     [](double ms) { return ms > kBudgetMs; }));
    return s;
}

void print(const char *what, const Summary &s)
{
    std::printf("ui-stall: %-22s max %6.1f ms, p99 %5.1f ms, %d of %zu ticks over %.0f ms\n", what,
                s.max, s.p99, s.overBudget, s.ticks, kBudgetMs);
}

// A project with a real source clip and an active injection schedule at a small size.
QString writeProject(const QString &dir)
{
    VideoFrames clip;
    clip.width = 128;
    clip.height = 96;
    clip.count = 17;
    clip.fps = 8.0;
    clip.rgb.resize(clip.frameBytes() * size_t(clip.count));
    for (int f = 0; f < clip.count; ++f) {
        for (size_t i = 0; i < clip.frameBytes(); ++i)
            clip.frame(f)[i] = uint8_t((i / 3 % 128 + 5 * f) * 2 + (i % 3) * 40);
    }
    if (!encodeVideo(clip, dir + QStringLiteral("/source.mp4")))
        return {};
    ProjectData data;
    data.sourceClip = QStringLiteral("source.mp4");
    data.parameters.shots.front().prompt = QStringLiteral("a chrome wolf");
    GenerationSettings &s = data.parameters.settings;
    s.width = 128;
    s.height = 96;
    s.frames = 9;
    s.fps = 8.0;
    s.steps = 12;
    data.parameters.shots.front().frames = 9;
    for (int i = 0; i < 3; ++i)
        data.parameters.schedule.layers.push_back({"block." + std::to_string(i), 1.0f, {}});
    data.parameters.schedule.stepEnd = 7;
    const QString path = dir + QStringLiteral("/project.mbqproj");
    return saveProjectFile(data, path) ? path : QString();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // Settings, recent projects and autosaves of the bench stay out of the artist's own.
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("mbq-bench-ui"));
    QTemporaryDir dir;
    TinyModelOptions tiny;
    tiny.folder = dir.filePath(QStringLiteral("model")).toStdString();
    const QString project = writeProject(dir.path());
    if (project.isEmpty() || !makeTinyModel(tiny)) {
        std::printf("ui-stall: FAILED to write the project or the model\n");
        return 1;
    }

    RenderQueue queue([] { return createTorchEngine(); });
    ProjectDocument document;
    MainWindow window(&document, &queue);
    window.setAutosaveFolder(dir.filePath(QStringLiteral("autosave")));
    if (!window.openProject(project)) {
        std::printf("ui-stall: FAILED to open the project\n");
        return 1;
    }
    window.resize(1600, 1000);
    window.show();
    bool loaded = false;
    QObject::connect(&queue, &RenderQueue::modelLoaded, [&] { loaded = true; });
    document.setModelFolder(QString::fromStdString(tiny.folder));
    StallMeter meter;
    meter.measure([&] { return !loaded; }, 60000);
    if (!loaded) {
        std::printf("ui-stall: FAILED to load the model\n");
        return 1;
    }

    const Summary idle = summarise(meter.measure([] { return true; }, 2000));
    bool finished = false;
    JobState state = JobState::Queued;
    QObject::connect(&queue, &RenderQueue::jobFinished, [&](quint64, JobState s) {
        finished = true;
        state = s;
    });
    QElapsedTimer wall;
    wall.start();
    window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
    const Summary rendering = summarise(meter.measure([&] { return !finished; }, 600000));
    const double renderSeconds = wall.elapsed() / 1e3;
    // The finished take loads into the compare view, the timeline and the plots.
    const Summary after = summarise(meter.measure([] { return true; }, 2000));
    if (!finished || state != JobState::Succeeded) {
        std::printf("ui-stall: FAILED: the render did not succeed\n");
        return 1;
    }
    std::printf("ui-stall: tiny Wan transfer 128x96x9, 12 steps, 3 layers, rendered in %.1f s\n",
                renderSeconds);
    print("idle window", idle);
    print("while rendering", rendering);
    print("take arriving (2 s)", after);
    std::printf("ui-stall: worst stall while rendering %.2fx the budget; %.2fx the idle worst\n",
                rendering.max / kBudgetMs, idle.max > 0 ? rendering.max / idle.max : 0.0);
    return 0;
}
