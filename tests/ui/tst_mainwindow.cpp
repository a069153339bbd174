// The studio shell: it opens the demo project, shows it, binds the render queue dock to the
// real queue, reports device and model state, and its actions reach the document and queue.
// The engine here is the fake one, which exists to exercise this threading.

#include "core/project/project_document.h"
#include "core/render/render_queue.h"
#include "inference/wan_tools.h"
#include "ui/mainwindow.h"
#include "ui/queue/render_queue_dock.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListView>
#include <QProcess>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

namespace {

std::unique_ptr<Engine> fastFake()
{
    FakeEngineOptions options;
    options.stepDelayMs = 1;
    return createFakeEngine(options);
}

QString labelText(QWidget *root, const char *name)
{
    auto *label = root->findChild<QLabel *>(QLatin1String(name));
    return label ? label->text() : QStringLiteral("<no label %1>").arg(QLatin1String(name));
}

} // namespace

class TestMainWindow : public QObject
{
    Q_OBJECT

private slots:
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
        QCOMPARE(labelText(&window, "targetPrompt"), data.parameters.targetPrompt());
        QVERIFY(labelText(&window, "generation")
                    .contains(QStringLiteral("%1×%2").arg(data.parameters.settings.width)
                                  .arg(data.parameters.settings.height)));
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
        const QString before = document.data().parameters.targetPrompt();
        document.setTargetPrompt(QStringLiteral("a paper boat on a rainy street"));
        QVERIFY(window.isWindowModified());
        QCOMPARE(labelText(&window, "targetPrompt"), QStringLiteral("a paper boat on a rainy street"));
        document.undoStack()->undo();
        QCOMPARE(labelText(&window, "targetPrompt"), before);
        QVERIFY(!window.isWindowModified());
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
        // Injection needs a source clip, which the shell cannot load yet: render plain t2v.
        QVERIFY(document.setSchedule(InjectionSchedule()).ok());

        QSignalSpy loaded(&queue, &RenderQueue::modelLoaded);
        document.setModelFolder(QString::fromStdString(tiny.folder));
        QVERIFY(loaded.wait(30000));
        QVERIFY2(window.modelStatusText().startsWith(QStringLiteral("Model: wan2.1 (official")),
                 qPrintable(window.modelStatusText()));

        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        window.findChild<QAction *>(QStringLiteral("renderAction"))->trigger();
        QVERIFY(finished.wait(60000));
        const quint64 id = finished.first().at(0).toULongLong();
        const auto job = queue.job(id);
        QVERIFY(job);
        QVERIFY2(finished.first().at(1).value<JobState>() == JobState::Succeeded,
                 qPrintable(job->error));
        QCOMPARE(job->output->frames.count, 5);
        QCOMPARE(job->output->frames.width, 64);
        QCOMPARE(job->output->completedSteps, 3);
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
