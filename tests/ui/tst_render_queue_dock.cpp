// The render queue dock bound to a real RenderQueue running the fake engine.

#include "core/render/render_queue.h"
#include "tests/common/fake_render.h"
#include "ui/queue/render_job_delegate.h"
#include "ui/queue/render_queue_dock.h"

#include <QLabel>
#include <QListView>
#include <QToolButton>
#include <QtTest>

using namespace mbq;
using test::fakeFactory;
using test::smallRequest;
using test::stateOf;

namespace {

constexpr int kTimeoutMs = 30000;

} // namespace

class TestRenderQueueDock : public QObject
{
    Q_OBJECT

private slots:
    void showsRows();
    void cancelRunningJob();
    void failedJobShowsError();
    void clearFinished();

private:
    static void select(RenderQueueDock &dock, int row)
    {
        auto *view = dock.findChild<QListView *>("renderQueueView");
        view->setCurrentIndex(view->model()->index(row, 0));
    }
    static QToolButton *button(RenderQueueDock &dock, const char *name)
    {
        return dock.findChild<QToolButton *>(name);
    }
};

void TestRenderQueueDock::showsRows()
{
    RenderQueue queue(fakeFactory(1));
    RenderQueueDock dock(&queue);
    dock.resize(400, 400);
    dock.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dock));

    auto *view = dock.findChild<QListView *>("renderQueueView");
    QVERIFY(view);
    QCOMPARE(view->model(), &queue);
    const quint64 first = queue.enqueue("take 1", smallRequest(3));
    const quint64 second = queue.enqueue("take 2", smallRequest(3));
    QCOMPARE(view->model()->rowCount(), 2);
    QVERIFY(view->visualRect(queue.index(1)).height() > 40);
    QTRY_VERIFY_WITH_TIMEOUT(queue.job(second)->isFinished(), kTimeoutMs);
    QCOMPARE(stateOf(queue, first), JobState::Succeeded);
    QVERIFY(!dock.grab().isNull()); // paints every row with its preview

    QVERIFY(RenderJobDelegate::statusText(queue.index(0)).startsWith("Finished in"));
}

void TestRenderQueueDock::cancelRunningJob()
{
    RenderQueue queue(fakeFactory(20));
    RenderQueueDock dock(&queue);
    dock.show();
    QToolButton *cancel = button(dock, "cancelJobButton");
    QToolButton *retry = button(dock, "retryJobButton");
    QVERIFY(cancel && retry);
    QVERIFY(!cancel->isEnabled()); // nothing selected

    const quint64 id = queue.enqueue("long take", smallRequest(1000));
    select(dock, 0);
    QTRY_VERIFY_WITH_TIMEOUT(queue.job(id)->progress.stage == Stage::Denoise
                                     && queue.job(id)->progress.step >= 1,
                             kTimeoutMs);
    QCOMPARE(stateOf(queue, id), JobState::Running);
    QVERIFY(cancel->isEnabled());
    QVERIFY(!retry->isEnabled());
    // The pass, not the engine stage: a take denoises once for its baseline, once injected.
    QVERIFY2(RenderJobDelegate::statusText(queue.index(0)).startsWith("Render "),
             qPrintable(RenderJobDelegate::statusText(queue.index(0))));

    QTest::mouseClick(cancel, Qt::LeftButton);
    QVERIFY(!cancel->isEnabled()); // asked once; the job stops at its next step
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, id), JobState::Cancelled, kTimeoutMs);
    QVERIFY(queue.job(id)->output->completedSteps < 1000);
    QVERIFY(!cancel->isEnabled());
    QVERIFY(retry->isEnabled());

    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(queue.rowCount(), 2);
    auto *view = dock.findChild<QListView *>("renderQueueView");
    QCOMPARE(view->currentIndex().row(), 1); // the new job is selected
    QVERIFY(cancel->isEnabled());
}

void TestRenderQueueDock::failedJobShowsError()
{
    RenderQueue queue(fakeFactory(1, "the disk is on fire"));
    RenderQueueDock dock(&queue);
    dock.show();
    auto *detail = dock.findChild<QLabel *>("jobDetailLabel");
    QVERIFY(detail);

    const quint64 id = queue.enqueue("doomed", smallRequest(3));
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, id), JobState::Failed, kTimeoutMs);
    select(dock, 0);
    QVERIFY(detail->isVisible());
    QVERIFY2(detail->text().contains("the disk is on fire"), qPrintable(detail->text()));
    QCOMPARE(RenderJobDelegate::statusText(queue.index(0)), QString("the disk is on fire"));
    QVERIFY(button(dock, "retryJobButton")->isEnabled());
    QVERIFY(!button(dock, "cancelJobButton")->isEnabled());
    QVERIFY(!dock.grab().isNull());
}

void TestRenderQueueDock::clearFinished()
{
    RenderQueue queue(fakeFactory(1));
    RenderQueueDock dock(&queue);
    dock.show();
    QToolButton *clear = button(dock, "clearFinishedButton");
    QVERIFY(clear && !clear->isEnabled());

    const quint64 id = queue.enqueue("quick", smallRequest(2));
    QTRY_VERIFY_WITH_TIMEOUT(queue.job(id)->isFinished(), kTimeoutMs);
    QVERIFY(clear->isEnabled());
    QTest::mouseClick(clear, Qt::LeftButton);
    QCOMPARE(queue.rowCount(), 0);
    QVERIFY(!clear->isEnabled());
}

QTEST_MAIN(TestRenderQueueDock)
#include "tst_render_queue_dock.moc"
