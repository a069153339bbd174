// The studio shell: it opens the demo project, shows it, binds the render queue dock to the
// real queue, reports device and model state, and its actions reach the document and queue.
// The engine here is the fake one, which exists to exercise this threading.

#include "core/project/project_document.h"
#include "core/render/render_queue.h"
#include "inference/wan_tools.h"
#include "ui/mainwindow.h"
#include "core/media/video_writer.h"
#include "core/project/project_file.h"
#include "core/render/take_runner.h"
#include "ui/i18n/language.h"
#include "ui/inspector/prompt_edit.h"
#include "ui/plots/tradeoff_plot.h"
#include "ui/compare/frame_canvas.h"
#include "ui/queue/render_progress_indicator.h"
#include "ui/queue/render_queue_dock.h"
#include "ui/timeline/timeline_view.h"
#include "ui/injection/injection_panel.h"
#include "ui/injection/step_range_scrubber.h"
#include "tests/common/fake_render.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QScopeGuard>
#include <QScreen>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QToolBar>
#include <QToolButton>
#include <QtTest>

using namespace mbq;
using test::fastFake;

namespace {

QString labelText(QWidget *root, const char *name)
{
    auto *label = root->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

QString promptText(QWidget *root)
{
    auto *edit = root->findChild<PromptEdit *>(QStringLiteral("targetPromptEdit"));
    return edit ? edit->toPlainText() : QStringLiteral("<no prompt edit>");
}

std::unique_ptr<Engine> slowFake()
{
    FakeEngineOptions options;
    options.stepDelayMs = 300;
    return createFakeEngine(options);
}

// A saved project with a real source clip, small settings and an active schedule.
QString writeProject(const QString &dir)
{
    VideoFrames clip;
    clip.width = 96;
    clip.height = 64;
    clip.count = 16;
    clip.fps = 8.0;
    clip.rgb.resize(clip.frameBytes() * 16);
    for (int f = 0; f < clip.count; ++f) {
        for (size_t i = 0; i < clip.frameBytes(); ++i)
            clip.frame(f)[i] = uint8_t((i / 3 % 96 + 4 * f) * 2 + (i % 3) * 40);
    }
    if (!encodeVideo(clip, dir + QStringLiteral("/source.mp4")))
        return {};
    ProjectData data;
    data.sourceClip = QStringLiteral("source.mp4");
    data.parameters.shots.front().prompt = QStringLiteral("a chrome wolf");
    GenerationSettings &s = data.parameters.settings;
    s.width = 64;
    s.height = 48;
    s.frames = 9;
    s.fps = 8.0;
    s.steps = 4;
    data.parameters.shots.front().frames = 9;
    data.parameters.schedule.layers.push_back({"block.20", 1.0f, {}});
    data.parameters.schedule.stepEnd = 2;
    const QString path = dir + QStringLiteral("/project.mbqproj");
    return saveProjectFile(data, path) ? path : QString();
}

bool waitForTake(ProjectDocument &document, const QString &id, TakeState state)
{
    return QTest::qWaitFor(
            [&] {
                const int i = document.data().takeIndex(id);
                return i >= 0 && document.data().takes[i].state == state;
            },
            60000);
}

// The main window on a fresh project from writeProject(), shown, rendering with the fast fake.
struct OpenStudio
{
    QTemporaryDir dir;
    QString path;
    RenderQueue queue{fastFake};
    ProjectDocument document;
    MainWindow window{&document, &queue};

    bool open()
    {
        path = writeProject(dir.path());
        window.setAutosaveFolder(dir.filePath(QStringLiteral("autosave")));
        if (path.isEmpty() || !window.openProject(path))
            return false;
        window.show();
        return QTest::qWaitForWindowExposed(&window);
    }
};

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        // Takes of untitled projects, recent files and window state go to test locations.
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mbq-tests"));
    }

    void renderShowsTheTakeEverywhereAndThePlotLoadsIt()
    {
        OpenStudio studio;
        QVERIFY(studio.open());
        ProjectDocument &document = studio.document;
        MainWindow &window = studio.window;

        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        QCOMPARE(document.data().takes.size(), 1);
        const QString first = document.data().takes.front().id;
        QVERIFY(waitForTake(document, first, TakeState::Succeeded));
        QTRY_COMPARE(window.currentTakeId(), first);
        const Take take = document.data().takes.front();
        QVERIFY(QFile::exists(take.videoPath));
        QVERIFY(take.metrics.contains(QStringLiteral("identity_leak")));

        // The timeline and the trade-off plot show it.
        auto *timeline = window.findChild<TimelineView *>(QStringLiteral("timelineView"));
        QVERIFY(timeline->itemRect(first).isValid());
        auto *plot = window.findChild<TradeoffPlot *>(QStringLiteral("tradeoffPlot"));
        QTRY_COMPARE(plot->current(), first);

        // A second render with another weight; then clicking the first point loads it back.
        QVERIFY(document.setLayerWeight(QStringLiteral("block.20"), 0.3f));
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("staleLabel"))->text().contains(
                take.label));
        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        const QString second = document.data().takes.back().id;
        QVERIFY(waitForTake(document, second, TakeState::Succeeded));
        QTRY_COMPARE(window.currentTakeId(), second);
        // Place the two points apart (the fake engine's metrics may coincide), then click.
        Take placed = document.data().takes.front();
        placed.metrics = {{QStringLiteral("identity_leak"), 0.1},
                          {QStringLiteral("motion_fidelity"), 0.9}};
        document.recordTake(placed);
        Take other = document.data().takes.back();
        other.metrics = {{QStringLiteral("identity_leak"), 0.6},
                         {QStringLiteral("motion_fidelity"), 0.2}};
        document.recordTake(other);
        plot->fitToPoints();
        plot->replot();
        const QPoint at(int(plot->xAxis->coordToPixel(0.1)), int(plot->yAxis->coordToPixel(0.9)));
        QCOMPARE(plot->pointAt(at), first);
        QTest::mouseClick(plot, Qt::LeftButton, {}, at);
        QTRY_COMPARE(window.currentTakeId(), first);
        QCOMPARE(timeline->currentTakeId(), first);
    }

    void aPlainTakeBecomesAnExactLockstepSource()
    {
        OpenStudio studio;
        QVERIFY(studio.open());
        ProjectDocument &document = studio.document;
        MainWindow &window = studio.window;

        // A plain render (no layer injected), then the take's context menu on the timeline.
        QVERIFY(document.setLayerWeight(QStringLiteral("block.20"), 0.0f));
        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        const QString id = document.data().takes.front().id;
        QVERIFY(waitForTake(document, id, TakeState::Succeeded));
        const Take take = document.data().takes.front();
        auto *timeline = window.findChild<TimelineView *>(QStringLiteral("timelineView"));
        bool chosen = false;
        QTimer::singleShot(0, [&] {
            auto *menu = qobject_cast<QMenu *>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction *action : menu->actions()) {
                if (action->text() == QLatin1String("Use as Source Clip")) {
                    action->trigger();
                    chosen = true;
                }
            }
            menu->close();
        });
        emit timeline->takeContextMenuRequested(id, timeline->mapToGlobal(QPoint(10, 10)));
        QVERIFY(chosen);

        QCOMPARE(document.data().sourceClip, take.videoPath);
        QCOMPARE(document.data().parameters.sourcePrompt, take.parameters.targetPrompt());
        QCOMPARE(document.data().parameters.sourceSeed,
                 std::optional<uint64_t>(take.parameters.settings.seed));
        QVERIFY(window.statusBar()->currentMessage().contains(
            QString::number(take.parameters.settings.seed)));
    }

    void theStaleNoteMeansTheSettingsDiffer()
    {
        OpenStudio studio;
        QVERIFY(studio.open());
        QTemporaryDir &dir = studio.dir;
        const QString &path = studio.path;
        ProjectDocument &document = studio.document;
        MainWindow &window = studio.window;
        QCOMPARE(labelText(&window, "staleLabel"), QString());

        // A preview renders reduced settings, yet it shows the current ones.
        window.findChild<QAction *>(QStringLiteral("previewAction"))->trigger();
        const QString preview = document.data().takes.back().id;
        QVERIFY(waitForTake(document, preview, TakeState::Succeeded));
        QTRY_COMPARE(window.currentTakeId(), preview);
        QCOMPARE(labelText(&window, "staleLabel"), QString());
        // So it does while a full render of the same settings runs, and after.
        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        QCOMPARE(labelText(&window, "staleLabel"), QString());
        const QString full = document.data().takes.back().id;
        QVERIFY(waitForTake(document, full, TakeState::Succeeded));
        QTRY_COMPARE(window.currentTakeId(), full);
        QCOMPARE(labelText(&window, "staleLabel"), QString());

        // An edit makes both takes differ from the settings; undoing it makes them agree again.
        QVERIFY(document.setLayerWeight(QStringLiteral("block.20"), 0.4f));
        QVERIFY2(labelText(&window, "staleLabel").contains(document.data().takes.back().label),
                 qPrintable(labelText(&window, "staleLabel")));
        window.showTake(preview);
        QVERIFY(!labelText(&window, "staleLabel").isEmpty());
        document.undoStack()->undo();
        QCOMPARE(labelText(&window, "staleLabel"), QString());

        // Saved and opened again, showing either take says nothing.
        QVERIFY(document.save());
        RenderQueue queue2(fastFake);
        ProjectDocument reopened;
        MainWindow window2(&reopened, &queue2);
        window2.setAutosaveFolder(dir.filePath(QStringLiteral("autosave")));
        QVERIFY(window2.openProject(path));
        QCOMPARE(labelText(&window2, "staleLabel"), QString());
        window2.showTake(preview);
        QCOMPARE(window2.currentTakeId(), preview);
        QCOMPARE(labelText(&window2, "staleLabel"), QString());
        window2.showTake(full);
        QCOMPARE(labelText(&window2, "staleLabel"), QString());
    }

    void cancelFromTheQueueDockKeepsACancelledTake()
    {
        QTemporaryDir dir;
        const QString path = writeProject(dir.path());
        RenderQueue queue(slowFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openProject(path));
        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        const QString id = document.data().takes.front().id;
        QVERIFY(waitForTake(document, id, TakeState::Running));
        auto *dock = window.findChild<RenderQueueDock *>(QStringLiteral("renderQueueDock"));
        auto *list = dock->findChild<QListView *>();
        list->setCurrentIndex(queue.index(0));
        QVERIFY(dock->cancelAction()->isEnabled());
        dock->cancelAction()->trigger();
        QVERIFY(waitForTake(document, id, TakeState::Cancelled));
    }

    // The running render is shown where the artist looks, the toolbar, with its pass, step and
    // time left, and Esc cancels it; its frames are tagged as a render in progress (not as the
    // Preview mode) in the pane of the pass they come from.
    void theRunningRenderShowsInTheToolbarAndEscCancelsIt()
    {
        QTemporaryDir dir;
        const QString path = writeProject(dir.path());
        RenderQueue queue(slowFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        window.setAutosaveFolder(dir.filePath(QStringLiteral("autosave")));
        QVERIFY(window.openProject(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *indicator = window.findChild<RenderProgressIndicator *>();
        QVERIFY(indicator);
        QVERIFY(window.findChild<QToolBar *>(QStringLiteral("renderToolBar"))
                        ->isAncestorOf(indicator));
        QAction *cancel = indicator->cancelAction();
        bool inRenderMenu = false;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu() && menu->menu()->actions().contains(cancel))
                inRenderMenu = menu->text() == QStringLiteral("&Render");
        }
        QVERIFY(inRenderMenu);
        QVERIFY(!indicator->isVisible());

        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        const QString id = document.data().takes.front().id;
        QVERIFY(waitForTake(document, id, TakeState::Running));
        QTRY_VERIFY(indicator->isVisible());
        const QRegularExpression shown(QStringLiteral("^take \\d+ · (Baseline|Render) \\d/4"));
        QTRY_VERIFY2(shown.match(indicator->text()).hasMatch(), qPrintable(indicator->text()));

        const auto badge = [&](const char *pane) {
            return window.findChild<QWidget *>(QLatin1String(pane))
                    ->findChild<FrameCanvas *>()
                    ->badge();
        };
        const QString inProgress = QStringLiteral("In progress");
        QTRY_VERIFY(badge("compareInjectedPane") == inProgress
                    || badge("compareBaselinePane") == inProgress);
        const bool baseline = queue.job(queue.index(0).data(RenderQueue::IdRole).toULongLong())
                                      ->previewPass
                == RenderPass::Baseline;
        QCOMPARE(badge(baseline ? "compareBaselinePane" : "compareInjectedPane"), inProgress);
        if (const QString shots = qEnvironmentVariable("MBQ_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(window.grab().save(shots + QStringLiteral("/mainwindow_rendering.png")));

        QTest::keyClick(window.statusBar(), Qt::Key_Escape);
        QVERIFY(waitForTake(document, id, TakeState::Cancelled));
        QTRY_VERIFY(!indicator->isVisible());
    }

    // A window saved on a larger screen, or partly off one, comes back whole on the screen it
    // opens on; so does the default size on a screen smaller than it.
    void theWindowOpensWhollyOnScreen_data()
    {
        QTest::addColumn<QRect>("saved"); // null: nothing saved, the default size
        QTest::newRow("default size") << QRect();
        QTest::newRow("partly off the right and bottom") << QRect(500, 350, 700, 500);
        QTest::newRow("partly off the left and top") << QRect(-300, -200, 600, 400);
        QTest::newRow("larger than the screen") << QRect(0, 0, 3000, 2000);
    }

    void theWindowOpensWhollyOnScreen()
    {
        QFETCH(QRect, saved);
        QSettings settings;
        const auto forget = qScopeGuard([] {
            QSettings().remove(QStringLiteral("window/geometry"));
        });
        if (saved.isNull()) {
            settings.remove(QStringLiteral("window/geometry"));
        } else {
            QWidget placed; // what a session on another screen would have saved
            placed.setGeometry(saved);
            settings.setValue(QStringLiteral("window/geometry"), placed.saveGeometry());
        }
        settings.sync();

        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Whole where it fits; where the window's minimum is larger than the screen (the test
        // screen is 800 wide), from the screen's edge on, so its title bar stays in reach.
        const QRect screen = window.screen()->availableGeometry();
        const QRect frame = window.frameGeometry();
        const QString where = QStringLiteral("%1,%2 %3x%4 on %5x%6")
                                      .arg(frame.x())
                                      .arg(frame.y())
                                      .arg(frame.width())
                                      .arg(frame.height())
                                      .arg(screen.width())
                                      .arg(screen.height());
        const QSize least = window.minimumSizeHint().expandedTo(window.minimumSize())
                + (frame.size() - window.size());
        if (frame.width() <= screen.width())
            QVERIFY2(frame.left() >= screen.left() && frame.right() <= screen.right(),
                     qPrintable(where));
        else
            QVERIFY2(frame.left() == screen.left() && frame.width() <= least.width(),
                     qPrintable(where));
        if (frame.height() <= screen.height())
            QVERIFY2(frame.top() >= screen.top() && frame.bottom() <= screen.bottom(),
                     qPrintable(where));
        else
            QVERIFY2(frame.top() == screen.top() && frame.height() <= least.height(),
                     qPrintable(where));
    }

    void autosaveIsOfferedBackAfterACrash()
    {
        QTemporaryDir dir;
        const QString path = writeProject(dir.path());
        const QString autosave = dir.filePath(QStringLiteral("autosave"));
        {
            RenderQueue queue(fastFake);
            ProjectDocument document;
            MainWindow window(&document, &queue);
            window.setAutosaveFolder(autosave);
            QVERIFY(window.openProject(path));
            document.setTargetPrompt(QStringLiteral("a glass hare"));
            window.autosaveNow();
            // The "crash": the window goes without saving or closing.
        }
        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        window.setAutosaveFolder(autosave);
        window.setRecoveryAnswer(MainWindow::RecoveryAnswer::Recover);
        QVERIFY(window.openProject(path));
        QCOMPARE(document.data().parameters.targetPrompt(), QStringLiteral("a glass hare"));
        QCOMPARE(document.filePath(), QFileInfo(path).absoluteFilePath());
        QVERIFY(document.isModified());
        // Saving through the action writes the project and drops the copy.
        window.findChild<QAction *>(QStringLiteral("saveAction"))->trigger();
        QVERIFY(!document.isModified());
        ProjectDocument reopened;
        QVERIFY(reopened.open(path));
        QCOMPARE(reopened.data().parameters.targetPrompt(), QStringLiteral("a glass hare"));
        RenderQueue queue2(fastFake);
        ProjectDocument document2;
        MainWindow window2(&document2, &queue2);
        window2.setAutosaveFolder(autosave);
        window2.setRecoveryAnswer(MainWindow::RecoveryAnswer::Recover);
        QVERIFY(window2.openProject(path));
        QVERIFY(!document2.isModified()); // nothing left to recover
    }

    void switchingLanguageRetranslatesTheWindow()
    {
        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        auto *dock = window.findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
        QCOMPARE(dock->windowTitle(), QStringLiteral("Inspector"));
        const auto english = qScopeGuard([] { installLanguage(qApp, QStringLiteral("en")); });
        QVERIFY(installLanguage(qApp, QStringLiteral("de")));
        QTRY_VERIFY(dock->windowTitle() != QStringLiteral("Inspector"));
        QCOMPARE(dock->windowTitle(), QCoreApplication::translate("mbq::MainWindow", "Inspector"));
        QVERIFY(installLanguage(qApp, QStringLiteral("en")));
        QTRY_COMPARE(dock->windowTitle(), QStringLiteral("Inspector"));
    }

    void opensAndShowsTheDemoProject()
    {
        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openDemoProject());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const ProjectData &data = document.data();
        QVERIFY(!data.parameters.targetPrompt().isEmpty());
        QCOMPARE(promptText(&window), data.parameters.targetPrompt());
        QCOMPARE(window.findChild<QSpinBox *>(QStringLiteral("width"))->value(),
                 data.parameters.settings.width);
        QVERIFY(window.windowTitle().contains(document.displayName()));
        // The demo ships without weights: the status bar says so instead of pretending.
        QVERIFY2(window.modelStatusText().contains(QStringLiteral("none chosen")),
                 qPrintable(window.modelStatusText()));
        QTRY_VERIFY(labelText(&window, "deviceLabel").contains(QStringLiteral("Fake engine")));
    }

    void renderActionQueuesAJobShownInTheDock()
    {
        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openDemoProject());
        auto *render = window.findChild<QAction *>(QStringLiteral("renderAction"));
        QVERIFY(render);
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        render->trigger();
        QCOMPARE(queue.rowCount(), 1);
        auto *dock = window.findChild<RenderQueueDock *>(QStringLiteral("renderQueueDock"));
        QVERIFY(dock);
        auto *list = dock->findChild<QListView *>();
        QVERIFY(list);
        QCOMPARE(list->model(), &queue);
        QVERIFY(finished.wait(30000));
        QCOMPARE(finished.first().at(1).value<JobState>(), JobState::Succeeded);
    }

    void editsAreUndoableAndMarkTheWindowModified()
    {
        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openDemoProject());
        QVERIFY(!window.isWindowModified());
        // The fake engine computes nothing, so there is no memory to show.
        QSignalSpy memoryRead(&queue, &RenderQueue::memoryChanged);
        QTRY_VERIFY(!memoryRead.isEmpty()); // once the start-up settings are applied
        QVERIFY(window.findChild<QLabel *>(QStringLiteral("memoryLabel"))->isHidden());
        const QString before = document.data().parameters.targetPrompt();
        document.setTargetPrompt(QStringLiteral("a paper boat on a rainy street"));
        QVERIFY(window.isWindowModified());
        QCOMPARE(promptText(&window), QStringLiteral("a paper boat on a rainy street"));
        window.findChild<QAction *>(QStringLiteral("undoAction"))->trigger();
        QCOMPARE(promptText(&window), before);
        QVERIFY(!window.isWindowModified());
    }

    void everyShortcutIsBoundOnceAndUndoRedoKeysWork()
    {
        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openDemoProject());
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // A key bound twice, by two actions or twice by one, is an ambiguous shortcut: Qt
        // triggers neither binding.
        QMap<QString, QStringList> owners;
        for (QAction *action : window.findChildren<QAction *>()) {
            for (const QKeySequence &key : action->shortcuts())
                owners[key.toString(QKeySequence::PortableText)] << action->text();
        }
        QVERIFY(!owners.isEmpty());
        for (auto it = owners.cbegin(); it != owners.cend(); ++it)
            QVERIFY2(it.value().size() == 1, qPrintable(it.key() + ": " + it.value().join(", ")));

        // Every Redo key of the platform redoes, and so do Ctrl+Y and Ctrl+Shift+Z; the
        // platform's Undo key undoes. The keys go to a widget that does not keep them for
        // itself (a focused prompt would undo its own typing).
        QList<QKeySequence> redoKeys = QKeySequence::keyBindings(QKeySequence::Redo);
        redoKeys << QKeySequence(Qt::CTRL | Qt::Key_Y)
                 << QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z);
        QWidget *target = window.statusBar();
        uint64_t seed = document.data().parameters.settings.seed;
        for (const QKeySequence &key : redoKeys) {
            const uint64_t before = seed;
            document.setSeed(++seed);
            QTest::keySequence(target, QKeySequence(QKeySequence::Undo));
            QCOMPARE(quint64(document.data().parameters.settings.seed), quint64(before));
            QTest::keySequence(target, key);
            QVERIFY2(document.data().parameters.settings.seed == seed,
                     qPrintable(key.toString(QKeySequence::NativeText)));
        }
    }

    // The transport's arrow keys are window-wide, but a focused slider or the step scrubber
    // keeps them: the weight or the step range moves, not the clip.
    void focusedControlsKeepTheArrowKeys()
    {
        QTemporaryDir dir;
        const QString path = writeProject(dir.path()); // with a source clip to step through
        QVERIFY(!path.isEmpty());
        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        window.setAutosaveFolder(dir.filePath(QStringLiteral("autosave")));
        QVERIFY(window.openProject(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto *stepForward = window.findChild<QAction *>(QStringLiteral("compareStepForwardAction"));
        QSignalSpy back(window.findChild<QAction *>(QStringLiteral("compareStepBackwardAction")),
                        &QAction::triggered);
        QSignalSpy forward(stepForward, &QAction::triggered);
        QTRY_VERIFY(stepForward->isEnabled()); // once the source clip is decoded

        QSlider *slider = nullptr;
        for (QSlider *candidate : window.findChildren<QSlider *>(QStringLiteral("weightSlider"))) {
            if (candidate->isVisible() && candidate->value() < candidate->maximum())
                slider = candidate;
        }
        QVERIFY(slider);
        slider->setFocus();
        QTRY_VERIFY(slider->hasFocus());
        const int weight = slider->value();
        QTest::keyClick(slider, Qt::Key_Right);
        QCOMPARE(slider->value(), weight + slider->singleStep());
        QCOMPARE(forward.count(), 0);

        auto *scrubber = window.findChild<StepRangeScrubber *>(QStringLiteral("stepScrubber"));
        scrubber->setFocus();
        QTRY_VERIFY(scrubber->hasFocus());
        const std::pair range(scrubber->begin(), scrubber->end());
        QTest::keyClick(scrubber, Qt::Key_Right);
        QVERIFY(std::pair(scrubber->begin(), scrubber->end()) != range);
        QTest::keyClick(scrubber, Qt::Key_Left);
        QVERIFY(std::pair(scrubber->begin(), scrubber->end()) == range);
        QCOMPARE(forward.count(), 0);
        QCOMPARE(back.count(), 0);

        // Elsewhere the keys step the clip.
        auto *button = window.findChild<QPushButton *>(QStringLiteral("presetButton"));
        button->setFocus();
        QTRY_VERIFY(button->hasFocus());
        QTest::keyClick(button, Qt::Key_Right);
        QCOMPARE(forward.count(), 1);
    }

    void aFolderThatIsNotAModelIsRefusedAtTheDoor()
    {
        QTemporaryDir dir;
        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openDemoProject());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString before = document.data().modelFolder;
        const int history = document.undoStack()->count();
        const auto refusal = [&window]() -> QMessageBox * {
            QMessageBox *box = nullptr;
            const bool shown = QTest::qWaitFor([&] {
                box = window.findChild<QMessageBox *>(QStringLiteral("refusalBox"));
                return box && box->isVisible();
            });
            return shown ? box : nullptr;
        };

        // Holiday photos: what a model folder holds was looked for, what is there was found.
        const QString photos = dir.filePath(QStringLiteral("holiday"));
        QVERIFY(QDir().mkpath(photos));
        QFile beach(photos + QStringLiteral("/beach.jpg"));
        QVERIFY(beach.open(QIODevice::WriteOnly));
        beach.close();
        QVERIFY(!window.setModelFolder(photos));
        QCOMPARE(document.data().modelFolder, before);
        QCOMPARE(document.undoStack()->count(), history);
        QVERIFY(!document.isModified());
        QMessageBox *box = refusal();
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("model_index.json"))
                     && box->text().contains(QStringLiteral("Wan2.1_VAE.pth")),
                 qPrintable(box->text()));
        QVERIFY2(box->informativeText().contains(QStringLiteral("beach.jpg")),
                 qPrintable(box->informativeText()));
        box->close();
        QTRY_VERIFY(!window.findChild<QMessageBox *>(QStringLiteral("refusalBox")));

        // A Wan2.1 folder without its VAE: each missing component is named.
        TinyModelOptions tiny;
        tiny.folder = dir.filePath(QStringLiteral("tiny-wan")).toStdString();
        auto made = makeTinyModel(tiny);
        QVERIFY2(made, made ? "" : made.error().message.c_str());
        const QString folder = QString::fromStdString(tiny.folder);
        QVERIFY(QFile::rename(folder + QStringLiteral("/Wan2.1_VAE.pth"),
                              dir.filePath(QStringLiteral("Wan2.1_VAE.pth"))));
        QVERIFY(!window.setModelFolder(folder));
        QCOMPARE(document.data().modelFolder, before);
        box = refusal();
        QVERIFY(box);
        QVERIFY2(box->text().contains(QStringLiteral("incomplete wan2.1"))
                     && box->text().contains(QStringLiteral("Wan2.1_VAE.pth")),
                 qPrintable(box->text()));
        QVERIFY2(box->informativeText().contains(QStringLiteral("config.json")),
                 qPrintable(box->informativeText()));
        box->close();

        // With the VAE back it is a model, and it becomes the project's.
        QVERIFY(QFile::rename(dir.filePath(QStringLiteral("Wan2.1_VAE.pth")),
                              folder + QStringLiteral("/Wan2.1_VAE.pth")));
        QVERIFY(window.setModelFolder(folder));
        QCOMPARE(document.data().modelFolder, folder);
        QCOMPARE(document.undoStack()->count(), history + 1);
    }

    void aFileThatIsNotAVideoIsRefusedAtTheDoor()
    {
        OpenStudio studio;
        QVERIFY(studio.open());
        QTemporaryDir &dir = studio.dir;
        ProjectDocument &document = studio.document;
        MainWindow &window = studio.window;
        const QString source = document.data().sourceClip;
        QVERIFY(!source.isEmpty());

        const QString notes = dir.filePath(QStringLiteral("notes.mp4"));
        QFile text(notes);
        QVERIFY(text.open(QIODevice::WriteOnly));
        text.write("Shot list: fox runs left, then jumps.\n");
        text.close();
        QVERIFY(!window.setSourceClip(notes));
        QCOMPARE(document.data().sourceClip, source);
        QVERIFY(!document.isModified());
        QMessageBox *box = nullptr;
        QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("refusalBox"))));
        QVERIFY2(box->text().contains(QStringLiteral("notes.mp4")), qPrintable(box->text()));
        QVERIFY2(box->informativeText().contains(QStringLiteral("video")),
                 qPrintable(box->informativeText()));
        box->close();

        // A real clip is taken.
        const QString clip = dir.filePath(QStringLiteral("source.mp4"));
        QVERIFY(QFile::copy(clip, dir.filePath(QStringLiteral("other.mp4"))));
        QVERIFY(window.setSourceClip(dir.filePath(QStringLiteral("other.mp4"))));
        QCOMPARE(document.data().sourceClip, dir.filePath(QStringLiteral("other.mp4")));
    }

    void missingModelFolderIsReported()
    {
        QTemporaryDir dir;
        RenderQueue queue([] { return createTorchEngine(); });
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openDemoProject());
        QSignalSpy failed(&queue, &RenderQueue::modelLoadFailed);
        const QString missing = dir.filePath(QStringLiteral("Wan2.1-T2V-1.3B"));
        document.setModelFolder(missing);
        QVERIFY(document.saveAs(dir.filePath(QStringLiteral("p.mbqproj"))).ok());
        QVERIFY(window.openProject(dir.filePath(QStringLiteral("p.mbqproj"))));
        QVERIFY(failed.wait(10000));
        QVERIFY2(failed.first().first().toString().contains(QStringLiteral("Wan2.1-T2V-1.3B")),
                 qPrintable(failed.first().first().toString()));
        QTRY_COMPARE(window.modelStatusText(), QStringLiteral("Model: not loaded"));
    }

    void rendersWithATinyWanModelThroughTheRealEngine()
    {
        // The real engine end to end: a random-weight Wan2.1 model in the official layout.
        QTemporaryDir dir;
        TinyModelOptions tiny;
        tiny.folder = dir.filePath(QStringLiteral("tiny-wan")).toStdString();
        auto made = makeTinyModel(tiny);
        QVERIFY2(made, made ? "" : made.error().message.c_str());

        RenderQueue queue([] { return createTorchEngine(); });
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openDemoProject());
        GenerationSettings small = document.data().parameters.settings;
        small.width = 64;
        small.height = 48;
        small.frames = 5;
        small.steps = 3;
        QVERIFY(document.setSettings(small).ok());
        QVERIFY(document.setSchedule(InjectionSchedule()).ok()); // plain text-to-video

        QSignalSpy loaded(&queue, &RenderQueue::modelLoaded);
        document.setModelFolder(QString::fromStdString(tiny.folder));
        QVERIFY(loaded.wait(30000));
        QVERIFY2(window.modelStatusText().startsWith(QStringLiteral("Model: wan2.1 (official")),
                 qPrintable(window.modelStatusText()));

        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        QVERIFY(finished.wait(120000));
        const quint64 id = finished.first().at(0).toULongLong();
        const auto job = queue.job(id);
        QVERIFY(job);
        QVERIFY2(finished.first().at(1).value<JobState>() == JobState::Succeeded,
                 qPrintable(job->error));
        QCOMPARE(job->output->frames.count, 5);
        QCOMPARE(job->output->frames.width, 64);
        QCOMPARE(job->output->completedSteps, 3);
        // The status bar shows the memory the render left and its peak.
        auto *memory = window.findChild<QLabel *>(QStringLiteral("memoryLabel"));
        QTRY_VERIFY(!memory->isHidden());
        QVERIFY2(memory->text().startsWith(QStringLiteral("RAM ")), qPrintable(memory->text()));
        QVERIFY(queue.memory().peak >= queue.memory().inUse && queue.memory().inUse > 0);
        QVERIFY2(memory->toolTip().contains(QStringLiteral("during the last render")),
                 qPrintable(memory->toolTip()));

        // That plain take as the source: lockstep from its seed with every layer at weight 1
        // for every step and the same prompt retraces it exactly, through the whole studio.
        const QString plainTake = document.data().takes.back().id;
        QTRY_COMPARE(document.data().takes.back().state, TakeState::Succeeded);
        QVERIFY(document.useTakeAsSource(plainTake).ok());
        QVERIFY(document.data().parameters.sourceSeed);
        InjectionSchedule all;
        for (const std::string &layer :
             window.findChild<InjectionPanel *>(QStringLiteral("injectionPanel"))->layers())
            all.layers.push_back({layer, 1.0f, {}});
        all.stepBegin = 0;
        all.stepEnd = small.steps;
        all.extraction = ExtractionMode::Lockstep;
        QVERIFY(document.setSchedule(all).ok());
        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        QVERIFY(finished.wait(120000));
        const auto transfer = queue.job(finished.last().at(0).toULongLong());
        QVERIFY(transfer && transfer->output);
        QVERIFY2(finished.last().at(1).value<JobState>() == JobState::Succeeded,
                 qPrintable(transfer->error));
        QVERIFY(transfer->output->extractionPasses > 0); // the source really walked beside it
        QVERIFY(!job->output->frames.rgb.empty());
        QVERIFY(transfer->output->frames.rgb == job->output->frames.rgb);
    }

    void theInspectorFollowsTheLoadedModelFamily()
    {
        QTemporaryDir dir;
        TinyModelOptions tiny;
        tiny.family = "videocrafter2";
        tiny.folder = dir.filePath(QStringLiteral("tiny-vc2")).toStdString();
        auto made = makeTinyModel(tiny);
        QVERIFY2(made, made ? "" : made.error().message.c_str());

        RenderQueue queue([] { return createTorchEngine(); });
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openDemoProject());
        auto *width = window.findChild<QSpinBox *>(QStringLiteral("width"));
        QCOMPARE(width->singleStep(), 16);
        QSignalSpy loaded(&queue, &RenderQueue::modelLoaded);
        document.setModelFolder(QString::fromStdString(tiny.folder));
        QVERIFY(loaded.wait(30000));
        QCOMPARE(document.data().modelFamily, QStringLiteral("videocrafter2"));
        QCOMPARE(width->singleStep(), 64);

        // The demo's 480 high frame stays as the artist left it, named with the nearest sizes
        // VideoCrafter2 takes...
        QCOMPARE(document.data().parameters.settings.height, 480);
        QVERIFY2(labelText(&window, "snapNote").contains(QStringLiteral("448 or 512")),
                 qPrintable(labelText(&window, "snapNote")));
        // ...it saves and opens again as a VideoCrafter2 project...
        QVERIFY(document.saveAs(dir.filePath(QStringLiteral("vc2.mbqproj"))).ok());
        ProjectDocument reopened;
        const Result<void> opened = reopened.open(dir.filePath(QStringLiteral("vc2.mbqproj")));
        QVERIFY2(opened.ok(), opened.ok() ? "" : opened.error().message.c_str());
        QCOMPARE(reopened.data().modelFamily, QStringLiteral("videocrafter2"));
        QCOMPARE(reopened.data().parameters.settings.height, 480);
        // ...and a render of it fails with the engine's message rather than starting.
        document.setSourceClip({});
        QVERIFY(document.setSchedule(InjectionSchedule()).ok());
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.first().at(1).value<JobState>(), JobState::Failed);
        const QString error = queue.job(finished.first().at(0).toULongLong())->error;
        QVERIFY2(error.contains(QStringLiteral("height 480"))
                     && error.contains(QStringLiteral("448 or 512")),
                 qPrintable(error));

        width->setValue(500);
        QCOMPARE(document.data().parameters.settings.width, 512);
    }

    void helpAndVersionPrintWithoutADisplay()
    {
        const QString studio = QStringLiteral(MBQ_BINARY_DIR "/bin/mbq-studio");
        QVERIFY2(QFile::exists(studio), "mbq-studio was not built");
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *display : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            env.remove(QLatin1String(display));
        for (const QString &option : {QStringLiteral("--help"), QStringLiteral("--version")}) {
            QProcess process;
            process.setProcessEnvironment(env);
            process.start(studio, {option});
            QVERIFY(process.waitForFinished(30000));
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            const QString out = QString::fromLocal8Bit(process.readAllStandardOutput());
            QVERIFY2(option == QLatin1String("--help")
                         ? out.contains(QStringLiteral("--screenshot"))
                         : out.contains(QStringLiteral(MBQ_VERSION)),
                     qPrintable(out));
        }
    }

    void studioBinaryStartsAndTakesAScreenshot()
    {
        const QString studio = QStringLiteral(MBQ_BINARY_DIR "/bin/mbq-studio");
        QVERIFY2(QFile::exists(studio), "mbq-studio was not built");
        QTemporaryDir dir;
        const QString shot = dir.filePath(QStringLiteral("studio.png"));
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process.setProcessEnvironment(env);
        process.start(studio, {QStringLiteral("--screenshot"), shot});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        QImage image(shot);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
        // Not a blank window: many distinct colours once text and widgets are drawn.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 20, qPrintable(QString::number(colours.size())));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
