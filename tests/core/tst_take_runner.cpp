// Render, Preview and Sweep as the editor runs them, on the real queue and render thread with
// the fake engine: takes are recorded (not undoable), move through their states, get their
// files and metrics, previews are reduced, sweeps make one take per cell, cancel keeps a take.

#include "core/media/video_writer.h"
#include "core/project/project_document.h"
#include "core/project/render_request.h"
#include "core/render/render_queue.h"
#include "core/render/take_runner.h"
#include "helpers/synthetic_clip.h"
#include "inference/request_rules.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

namespace {

constexpr int kTimeoutMs = 60000;

std::unique_ptr<Engine> fake(int stepDelayMs)
{
    FakeEngineOptions options;
    options.stepDelayMs = stepDelayMs;
    return createFakeEngine(options);
}

// A saved project with a real source clip and small settings.
bool makeProject(ProjectDocument *document, const QString &dir)
{
    const VideoFrames clip = test::renderClip(96, 64, 8.0, test::Look::warm(),
                                              test::standardMotion(16, 96, 64));
    if (!encodeVideo(clip, dir + QStringLiteral("/source.mp4")))
        return false;
    ProjectData data;
    data.sourceClip = QStringLiteral("source.mp4");
    data.parameters.shots.front().prompt = QStringLiteral("a chrome wolf");
    GenerationSettings &s = data.parameters.settings;
    s.width = 64;
    s.height = 48;
    s.frames = 9;
    s.fps = 8.0;
    s.steps = 6;
    data.parameters.shots.front().frames = 9;
    data.parameters.schedule.layers.push_back({"block.0", 1.0f, {}});
    data.parameters.schedule.stepEnd = 3;
    document->newProject(data);
    return bool(document->saveAs(dir + QStringLiteral("/project.mbqproj")));
}

bool waitForState(ProjectDocument &document, const QString &id, TakeState state)
{
    return QTest::qWaitFor(
            [&] {
                const int i = document.data().takeIndex(id);
                return i >= 0 && document.data().takes[i].state == state;
            },
            kTimeoutMs);
}

const Take &takeOf(const ProjectDocument &document, const QString &id)
{
    return document.data().takes[document.data().takeIndex(id)];
}

} // namespace

class TestTakeRunner : public QObject
{
    Q_OBJECT

private slots:
    void renderRecordsATakeWithFilesAndMetrics()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(makeProject(&document, dir.path()));
        RenderQueue queue([] { return fake(1); });
        TakeRunner runner(&document, &queue);

        const int undoCount = document.undoStack()->count();
        const QString id = runner.render(RenderKind::Full);
        QCOMPARE(document.data().takes.size(), 1);
        QVERIFY(document.isModified()); // an unsaved render result
        QVERIFY(waitForState(document, id, TakeState::Succeeded));
        const Take take = takeOf(document, id); // a copy: recording takes may move the list
        QCOMPARE(take.parameters, document.data().parameters);
        QVERIFY(take.videoPath.startsWith(dir.filePath(QStringLiteral("project.takes"))));
        QVERIFY(QFile::exists(take.videoPath));
        QVERIFY(QFile::exists(take.baselinePath));
        QVERIFY(take.metrics.contains(QStringLiteral("motion_fidelity")));
        QVERIFY(take.metrics.contains(QStringLiteral("identity_leak")));
        // Results are facts, not edits: nothing to undo, and saving keeps them.
        QCOMPARE(document.undoStack()->count(), undoCount);
        QVERIFY(document.save());
        QVERIFY(!document.isModified());
        ProjectDocument reopened;
        QVERIFY(reopened.open(document.filePath()));
        QCOMPARE(reopened.data().takes.size(), 1);
        QCOMPARE(reopened.data().takes.front().state, TakeState::Succeeded);
        QCOMPARE(reopened.data().takes.front().metrics, take.metrics);

        // A second take changing only the injection reuses the baseline.
        QVERIFY(document.setLayerWeight(QStringLiteral("block.0"), 0.5f));
        const QString second = runner.render(RenderKind::Full);
        QVERIFY(waitForState(document, second, TakeState::Succeeded));
        QCOMPARE(takeOf(document, second).baselinePath, take.baselinePath);
        QVERIFY(takeOf(document, second).videoPath != take.videoPath);
    }

    void previewReducesTheSettings()
    {
        RenderParameters full;
        full.settings.width = 832;
        full.settings.height = 480;
        full.settings.frames = 81;
        full.settings.steps = 50;
        full.schedule.stepBegin = 0;
        full.schedule.stepEnd = 29;
        const QString wan = QStringLiteral("wan2.1");
        const RenderParameters preview = TakeRunner::parametersFor(full, RenderKind::Preview, wan);
        QCOMPARE(preview.settings.width, 416);
        QCOMPARE(preview.settings.height, 240);
        QCOMPARE(preview.settings.frames, 41);
        QCOMPARE(preview.settings.steps, 17);
        // The injected share of the schedule is kept: 29/50 of 17 steps.
        QCOMPARE(preview.schedule.stepEnd, 10);
        QCOMPARE(TakeRunner::parametersFor(full, RenderKind::Full, wan), full);
    }

    void previewFollowsTheModelFamily()
    {
        // VideoCrafter2's 512x320x16: halving 320 gives 160, which it refuses.
        RenderParameters full;
        full.shots.front().prompt = QStringLiteral("a corgi surfs");
        full.settings.width = 512;
        full.settings.height = 320;
        full.settings.frames = 16;
        full.shots.front().frames = 16;
        const RenderParameters preview = TakeRunner::parametersFor(
            full, RenderKind::Preview, QStringLiteral("videocrafter2"));
        QCOMPARE(preview.settings.width, 256);
        QCOMPARE(preview.settings.height, 128);
        QCOMPARE(preview.settings.frames, 8);
        QCOMPARE(preview.shots.front().frames, 8);
        const Result<void> valid
            = validateRequest(renderRequestFor(preview), rulesFor("videocrafter2"));
        QVERIFY2(valid.ok(), valid.ok() ? "" : valid.error().message.c_str());

        // Never longer than the full render, even below the usual 5-frame floor.
        full.settings.frames = 3;
        QCOMPARE(TakeRunner::parametersFor(full, RenderKind::Preview,
                                           QStringLiteral("videocrafter2"))
                     .settings.frames,
                 3);
    }

    void previewUsesTheProjectsFamily()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(makeProject(&document, dir.path()));
        document.setModelFamily(QStringLiteral("videocrafter2"));
        GenerationSettings s = document.data().parameters.settings;
        s.width = 512;
        s.height = 320;
        s.frames = 16;
        QVERIFY(document.setSettings(s).ok());
        RenderQueue queue([] { return fake(1); });
        TakeRunner runner(&document, &queue);
        const QString id = runner.render(RenderKind::Preview);
        const GenerationSettings preview = takeOf(document, id).parameters.settings;
        QCOMPARE(preview.width, 256);
        QCOMPARE(preview.height, 128);
        QCOMPARE(preview.frames, 8);
        // The fake engine keeps Wan2.1's rules: 8 frames fail the take, with its message.
        QVERIFY(waitForState(document, id, TakeState::Failed));
    }

    void sweepMakesOneTakePerCell()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(makeProject(&document, dir.path()));
        RenderQueue queue([] { return fake(1); });
        TakeRunner runner(&document, &queue);
        const auto cells = TakeRunner::sweepGrid({0.5f, 1.0f}, {2, 4});
        QCOMPARE(int(cells.size()), 4);
        const QStringList ids = runner.sweep(cells);
        QCOMPARE(ids.size(), 4);
        for (const QString &id : ids)
            QVERIFY(waitForState(document, id, TakeState::Succeeded));
        QCOMPARE(takeOf(document, ids[1]).parameters.schedule.layers.front().weight, 0.5f);
        QCOMPARE(takeOf(document, ids[1]).parameters.schedule.stepEnd, 4);
        QCOMPARE(takeOf(document, ids[2]).parameters.schedule.layers.front().weight, 1.0f);
        QCOMPARE(takeOf(document, ids[2]).parameters.schedule.stepEnd, 2);
        // All four share one baseline: the first cell rendered it, the others reused it.
        for (const QString &id : ids)
            QCOMPARE(takeOf(document, id).baselinePath, takeOf(document, ids[0]).baselinePath);
    }

    void cancelKeepsTheTakeAsCancelled()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(makeProject(&document, dir.path()));
        RenderQueue queue([] { return fake(200); });
        TakeRunner runner(&document, &queue);
        QSignalSpy progress(&runner, &TakeRunner::takeProgress);
        const QString id = runner.render(RenderKind::Full);
        QVERIFY(waitForState(document, id, TakeState::Running));
        QVERIFY(progress.wait(kTimeoutMs));
        runner.cancel(id);
        QVERIFY(waitForState(document, id, TakeState::Cancelled));
        QCOMPARE(document.data().takes.size(), 1);
    }

    void aRetryFinishesTheTakeItRetries()
    {
        // Render, cancel part way, then Retry in the queue: the retry is a new job, and its
        // outcome is the take's, in the document and in the saved file.
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(makeProject(&document, dir.path()));
        RenderQueue queue([] { return fake(100); });
        TakeRunner runner(&document, &queue);
        QSignalSpy progress(&runner, &TakeRunner::takeProgress);
        const QString id = runner.render(RenderKind::Full);
        QVERIFY(waitForState(document, id, TakeState::Running));
        QVERIFY(progress.wait(kTimeoutMs));
        runner.cancel(id);
        QVERIFY(waitForState(document, id, TakeState::Cancelled));

        const quint64 cancelled = queue.data(queue.index(0), RenderQueue::IdRole).toULongLong();
        const quint64 retry = queue.retry(cancelled);
        QVERIFY(retry != 0);
        QCOMPARE(runner.takeIdForJob(retry), id);
        QVERIFY(waitForState(document, id, TakeState::Succeeded));
        QCOMPARE(document.data().takes.size(), 1);
        const Take take = takeOf(document, id);
        QVERIFY(QFile::exists(take.videoPath));
        QVERIFY(QFile::exists(take.baselinePath));
        QVERIFY(take.metrics.contains(QStringLiteral("motion_fidelity")));

        QVERIFY(document.save());
        ProjectDocument reopened;
        QVERIFY(reopened.open(document.filePath()));
        QCOMPARE(reopened.data().takes.front().state, TakeState::Succeeded);
        QCOMPARE(reopened.data().takes.front().videoPath, take.videoPath);
        // The finished take is a take like any other: it can be the next source clip.
        QVERIFY(document.useTakeAsSource(id).ok());
    }

    void aRetryOfASweepCellFinishesThatCell()
    {
        QTemporaryDir dir;
        ProjectDocument document;
        QVERIFY(makeProject(&document, dir.path()));
        RenderQueue queue([] { return fake(1); });
        TakeRunner runner(&document, &queue);
        // Cancelled while queued, behind the first cell.
        const QStringList ids = runner.sweep(TakeRunner::sweepGrid({0.5f, 1.0f}, {3}));
        runner.cancel(ids[1]);
        QVERIFY(waitForState(document, ids[1], TakeState::Cancelled));
        QVERIFY(waitForState(document, ids[0], TakeState::Succeeded));
        const quint64 second = queue.data(queue.index(1), RenderQueue::IdRole).toULongLong();
        QVERIFY(queue.retry(second) != 0);
        QVERIFY(waitForState(document, ids[1], TakeState::Succeeded));
        QCOMPARE(takeOf(document, ids[1]).parameters.schedule.layers.front().weight, 1.0f);
        QVERIFY(QFile::exists(takeOf(document, ids[1]).videoPath));
        QCOMPARE(document.data().takes.size(), 2);
    }
};

QTEST_GUILESS_MAIN(TestTakeRunner)
#include "tst_take_runner.moc"
