// The "resumes from step k" marker on the step-range scrubber: it compares what Render would
// submit with the most recent take that succeeded with the same model folder and source clip,
// follows every edit, and hides when nothing would be reused.

#include "core/media/video_writer.h"
#include "core/project/project_document.h"
#include "core/project/project_file.h"
#include "core/render/render_queue.h"
#include "core/render/resume_tracker.h"
#include "ui/injection/step_range_scrubber.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

namespace {

// 50 steps, block.0 injected over [0, 30).
RenderParameters injected()
{
    RenderParameters p;
    p.shots.front().prompt = QStringLiteral("a chrome wolf");
    p.settings.steps = 50;
    p.schedule.layers.push_back({"block.0", 1.0f, {}});
    p.schedule.stepEnd = 30;
    return p;
}

ProjectData projectWith(const RenderParameters &parameters)
{
    ProjectData data;
    data.modelFolder = QStringLiteral("/models/wan");
    data.sourceClip = QStringLiteral("/clips/fox.mp4");
    data.parameters = parameters;
    return data;
}

// Records a take of the current parameters as a finished render would.
QString recordTake(ProjectDocument &document, TakeState state)
{
    Take take;
    take.id = document.newTakeId();
    take.label = take.id;
    take.created = QDateTime::currentDateTime();
    take.parameters = document.data().parameters;
    take.state = state;
    document.recordTake(take);
    return take.id;
}

// A saved project with a real source clip and small settings: 8 steps, injected over [0, 6).
QString writeProject(const QString &dir)
{
    VideoFrames clip;
    clip.width = 64;
    clip.height = 48;
    clip.count = 9;
    clip.fps = 8.0;
    clip.rgb.assign(clip.frameBytes() * size_t(clip.count), 0);
    for (size_t i = 0; i < clip.rgb.size(); ++i)
        clip.rgb[i] = uint8_t(i * 7 % 251);
    if (!encodeVideo(clip, dir + QStringLiteral("/source.mp4")))
        return {};
    ProjectData data;
    data.sourceClip = QStringLiteral("source.mp4");
    data.parameters.shots.front().prompt = QStringLiteral("a chrome wolf");
    data.parameters.shots.front().frames = 9;
    GenerationSettings &s = data.parameters.settings;
    s.width = 64;
    s.height = 48;
    s.frames = 9;
    s.fps = 8.0;
    s.steps = 8;
    data.parameters.schedule.layers.push_back({"block.1", 1.0f, {}});
    data.parameters.schedule.stepEnd = 6;
    const QString path = dir + QStringLiteral("/project.mbqproj");
    return saveProjectFile(data, path) ? path : QString();
}

} // namespace

class TestResumeMarker : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mbq-tests-resume"));
    }

    void hiddenWithoutAFinishedTake()
    {
        ProjectDocument document;
        document.newProject(projectWith(injected()));
        ResumeTracker tracker(&document);
        QCOMPARE(tracker.resumeStep(), -1);
        recordTake(document, TakeState::Running);
        QCOMPARE(tracker.resumeStep(), -1);
    }

    void followsEditsOfTheStepRangeAndPrompt()
    {
        ProjectDocument document;
        document.newProject(projectWith(injected()));
        ResumeTracker tracker(&document);
        QSignalSpy changed(&tracker, &ResumeTracker::resumeStepChanged);
        recordTake(document, TakeState::Succeeded);
        // Nothing edited: every step would be reused.
        QCOMPARE(tracker.resumeStep(), 50);

        // Ending the range earlier keeps the steps before the new end.
        QVERIFY(document.setStepRange(0, 25));
        QCOMPARE(tracker.resumeStep(), 25);
        QCOMPARE(changed.last().first().toInt(), 25);
        // A later start changes step 0 already.
        QVERIFY(document.setStepRange(5, 25));
        QCOMPARE(tracker.resumeStep(), -1);
        QVERIFY(document.setStepRange(0, 25));
        QCOMPARE(tracker.resumeStep(), 25);

        // A new prompt changes every step.
        document.setTargetPrompt(QStringLiteral("a glass hare"));
        QCOMPARE(tracker.resumeStep(), -1);
        QCOMPARE(changed.last().first().toInt(), -1);
        document.undoStack()->undo();
        QCOMPARE(tracker.resumeStep(), 25);
    }

    void comparesWithTheMostRecentSucceededTake()
    {
        ProjectDocument document;
        document.newProject(projectWith(injected()));
        ResumeTracker tracker(&document);
        recordTake(document, TakeState::Succeeded); // end 30
        QVERIFY(document.setStepRange(0, 20));
        recordTake(document, TakeState::Cancelled); // end 20, stopped early: not a reference
        recordTake(document, TakeState::Failed);
        QVERIFY(document.setStepRange(0, 25));
        QCOMPARE(tracker.resumeStep(), 25); // against end 30
        recordTake(document, TakeState::Succeeded); // end 25
        QVERIFY(document.setStepRange(0, 20));
        QCOMPARE(tracker.resumeStep(), 20);
        QVERIFY(document.setStepRange(0, 30));
        QCOMPARE(tracker.resumeStep(), 25); // against end 25, although end 30 was rendered
    }

    void anotherModelOrSourceHidesIt()
    {
        ProjectDocument document;
        document.newProject(projectWith(injected()));
        ResumeTracker tracker(&document);
        recordTake(document, TakeState::Succeeded);
        QVERIFY(document.setStepRange(0, 25));
        QCOMPARE(tracker.resumeStep(), 25);

        document.setModelFolder(QStringLiteral("/models/videocrafter2"));
        QCOMPARE(tracker.resumeStep(), -1);
        document.undoStack()->undo();
        QCOMPARE(tracker.resumeStep(), 25);

        document.setSourceClip(QStringLiteral("/clips/hare.mp4"));
        QCOMPARE(tracker.resumeStep(), -1);
        // A take made with this source is the reference from now on.
        recordTake(document, TakeState::Succeeded);
        QCOMPARE(tracker.resumeStep(), 50);
        document.undoStack()->undo(); // back to fox.mp4 and its take
        QCOMPARE(tracker.resumeStep(), 25);
    }

    void takesOfAnOpenedProjectCount()
    {
        QTemporaryDir dir;
        ProjectData data = projectWith(injected());
        Take take;
        take.id = QStringLiteral("take-1");
        take.label = QStringLiteral("take 1");
        take.created = QDateTime::currentDateTime();
        take.parameters = data.parameters;
        take.state = TakeState::Succeeded;
        data.takes.append(take);
        data.parameters.schedule.stepEnd = 25;
        const QString path = dir.filePath(QStringLiteral("p.mbqproj"));
        QVERIFY(saveProjectFile(data, path));

        ProjectDocument document;
        ResumeTracker tracker(&document);
        QVERIFY(document.open(path));
        QCOMPARE(tracker.resumeStep(), 25);
        document.newProject(projectWith(injected())); // no takes
        QCOMPARE(tracker.resumeStep(), -1);
    }

    void theScrubberShowsItAfterARender()
    {
        QTemporaryDir dir;
        const QString path = writeProject(dir.path());
        QVERIFY(!path.isEmpty());
        RenderQueue queue([] { return createFakeEngine({1, {}, 0}); });
        ProjectDocument document;
        MainWindow window(&document, &queue);
        window.setAutosaveFolder(dir.filePath(QStringLiteral("autosave")));
        QVERIFY(window.openProject(path));
        auto *scrubber = window.findChild<StepRangeScrubber *>(QStringLiteral("stepScrubber"));
        QVERIFY(scrubber);
        QCOMPARE(scrubber->resumeStep(), -1);

        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        QVERIFY(QTest::qWaitFor(
            [&] { return document.data().takes.front().state == TakeState::Succeeded; }, 60000));
        QCOMPARE(scrubber->resumeStep(), 8);
        QVERIFY(document.setStepRange(0, 5));
        QCOMPARE(scrubber->resumeStep(), 5);
        document.setTargetPrompt(QStringLiteral("a glass hare"));
        QCOMPARE(scrubber->resumeStep(), -1);
    }
};

QTEST_MAIN(TestResumeMarker)
#include "tst_resume_marker.moc"
