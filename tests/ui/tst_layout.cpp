// The studio as an artist first sees it on a 1440x900 screen: the inspector whole, several
// layer rows of the injection panel, and the timeline's source lane and take lane, without
// resizing a dock. The test brings its own offscreen screen of that size.

#include "core/project/project_document.h"
#include "core/render/render_queue.h"
#include "ui/injection/layer_row.h"
#include "ui/mainwindow.h"
#include "ui/timeline/timeline_view.h"
#include "tests/common/fake_render.h"

#include <QApplication>
#include <QDoubleSpinBox>
#include <QLineEdit>
#include <QScreen>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;
using test::fastFake;

namespace {

// Shown and not cut by a scroll area or dock: all of it can be seen.
bool shownWhole(const QWidget *widget)
{
    return widget && widget->isVisible()
        && widget->visibleRegion().boundingRect() == widget->rect();
}

} // namespace

class TestLayout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mbq-tests"));
        QSettings().remove(QStringLiteral("window")); // the default layout, not a saved one
        QCOMPARE(QGuiApplication::primaryScreen()->size(), QSize(1440, 900));
    }

    void theDemoProjectAt1440x900()
    {
        RenderQueue queue(fastFake);
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QVERIFY(window.openDemoProject());
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50); // the docks settle after the first layout

        // Every inspector setting, down to guidance and shift.
        for (const char *name :
             {"targetPromptEdit", "negativePromptEdit", "sourcePromptEdit", "seed", "width",
              "height", "frames", "fps", "steps", "sampler", "guidance", "shift"}) {
            QWidget *field = window.findChild<QWidget *>(QLatin1String(name));
            QVERIFY2(shownWhole(field), name);
        }

        // More than a glimpse of the layer rows.
        int rows = 0;
        for (const LayerRow *row : window.findChildren<LayerRow *>())
            rows += shownWhole(row) ? 1 : 0;
        QVERIFY2(rows >= 4, qPrintable(QString::number(rows)));

        // The timeline's ruler, source lane with its caption, and a take lane.
        auto *timeline = window.findChild<TimelineView *>(QStringLiteral("timelineView"));
        QVERIFY(timeline);
        QVERIFY2(shownWhole(timeline),
                 qPrintable(QStringLiteral("%1 of %2 px")
                                .arg(timeline->visibleRegion().boundingRect().height())
                                .arg(timeline->height())));
        if (const QString shots = qEnvironmentVariable("MBQ_SCREENSHOT_DIR"); !shots.isEmpty())
            QVERIFY(window.grab().save(shots + QStringLiteral("/layout_1440x900.png")));
    }
};

// A 1440x900 offscreen screen, set up before the application starts.
int main(int argc, char **argv)
{
    QTemporaryDir dir;
    const QString config = dir.filePath(QStringLiteral("screens.json"));
    QFile file(config);
    if (!file.open(QIODevice::WriteOnly))
        return 1;
    file.write(R"({"screens": [{"name": "artist", "x": 0, "y": 0, "width": 1440, "height": 900,
                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]})");
    file.close();
    qputenv("QT_QPA_PLATFORM", "offscreen:configfile=" + config.toLocal8Bit());
    QApplication app(argc, argv);
    TestLayout test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_layout.moc"
