// Render progress where the artist looks: each progress report named by its pass (a take
// denoises twice, once for the baseline and once injected, and a retry resumes part way), the
// time left estimated from finished steps of the same kind, and the toolbar strip that follows
// the running job and cancels it with its button or Esc.

#include "core/render/render_pass.h"
#include "core/render/render_queue.h"
#include "tests/common/fake_render.h"
#include "ui/queue/render_progress_indicator.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace mbq;
using test::fakeFactory;
using test::smallRequest;
using test::stateOf;

namespace {

constexpr int kTimeoutMs = 30000;

} // namespace

class TestRenderProgress : public QObject
{
    Q_OBJECT

private slots:
    void passesAreNamed();
    void etaComesFromStepsOfTheSameKind();
    void indicatorFollowsTheRunningJob();
};

void TestRenderProgress::passesAreNamed()
{
    // A take with a baseline, as the Wan engine reports it: read the clip, baseline, decode,
    // encode the source, source passes, the injected render, decode, metrics.
    PassTracker take;
    take.setBaselineFirst(true);
    QCOMPARE(take.update({Stage::EncodeSource, 0, 1}, RenderPass::ReadSource, 0.0),
             RenderPass::ReadSource);
    QCOMPARE(take.update({Stage::LoadModel, 1, 1}, 0.1), RenderPass::LoadModel);
    QCOMPARE(take.denoisingPass(), RenderPass::Baseline); // its first preview is the baseline's
    for (int step = 1; step <= 10; ++step)
        QCOMPARE(take.update({Stage::Denoise, step, 10}, 1.0 + step), RenderPass::Baseline);
    QCOMPARE(take.update({Stage::Decode, 0, 1}, 12.0), RenderPass::Decode);
    QCOMPARE(take.denoisingPass(), RenderPass::Render);
    QCOMPARE(take.update({Stage::EncodeSource, 1, 1}, 13.0), RenderPass::EncodeSource);
    QCOMPARE(take.update({Stage::ExtractQ, 1, 2}, 14.0), RenderPass::SourcePass);
    QCOMPARE(take.update({Stage::Denoise, 1, 10}, 16.0), RenderPass::Render);
    QCOMPARE(take.update({Stage::Decode, 1, 1}, 30.0), RenderPass::Decode);
    QCOMPARE(take.update({Stage::Metrics, 1, 1}, 31.0), RenderPass::Metrics);

    // VideoCrafter2 samples the render right after the baseline, with no stage in between.
    PassTracker lockstep;
    lockstep.setBaselineFirst(true);
    QCOMPARE(lockstep.update({Stage::Denoise, 0, 4}, 0.0), RenderPass::Baseline);
    QCOMPARE(lockstep.update({Stage::Denoise, 4, 4}, 1.0), RenderPass::Baseline);
    QCOMPARE(lockstep.update({Stage::Denoise, 0, 4}, 2.0), RenderPass::Render);

    // A retried take resumes its render past step 0; without a baseline to render, the one
    // denoising pass is the render.
    PassTracker retry;
    QCOMPARE(retry.update({Stage::EncodeSource, 0, 1}, RenderPass::ReadSource, 0.0),
             RenderPass::ReadSource);
    QCOMPARE(retry.update({Stage::Denoise, 5, 10}, 1.0), RenderPass::Render);
    QCOMPARE(passName(RenderPass::SourcePass), QStringLiteral("Source pass"));
    QCOMPARE(passName(RenderPass::Render), QStringLiteral("Render"));
}

void TestRenderProgress::etaComesFromStepsOfTheSameKind()
{
    PassTracker tracker;
    tracker.setBaselineFirst(true);
    tracker.update({Stage::LoadModel, 1, 1}, 0.0);
    QCOMPARE(tracker.etaSeconds(), -1.0);
    // Baseline steps take 2 s each; the first report alone times nothing.
    tracker.update({Stage::Denoise, 1, 10}, 10.0);
    QCOMPARE(tracker.etaSeconds(), -1.0);
    tracker.update({Stage::Denoise, 2, 10}, 12.0);
    QCOMPARE(tracker.etaSeconds(), 16.0);
    for (int step = 3; step <= 10; ++step)
        tracker.update({Stage::Denoise, step, 10}, 10.0 + 2.0 * (step - 1));
    QCOMPARE(tracker.etaSeconds(), 0.0);
    // A slow decode between passes is no step, and has no estimate of its own.
    tracker.update({Stage::Decode, 0, 1}, 30.0);
    tracker.update({Stage::Decode, 1, 1}, 90.0);
    QCOMPARE(tracker.etaSeconds(), -1.0);
    // Source passes are timed among themselves (one model pass each, no guidance).
    tracker.update({Stage::ExtractQ, 1, 5}, 91.0);
    QCOMPARE(tracker.etaSeconds(), -1.0);
    tracker.update({Stage::ExtractQ, 2, 5}, 91.5);
    QCOMPARE(tracker.etaSeconds(), 1.5);
    tracker.update({Stage::ExtractQ, 5, 5}, 93.0);
    // The render resumes at step 5 of 10: at once 5 steps left at the baseline's 2 s, neither
    // the jump over the resumed steps nor the time since the last pass counted as steps.
    QCOMPARE(tracker.update({Stage::Denoise, 5, 10}, 100.0), RenderPass::Render);
    QCOMPARE(tracker.etaSeconds(), 10.0);
    tracker.update({Stage::Denoise, 6, 10}, 102.0);
    QCOMPARE(tracker.etaSeconds(), 8.0);
    tracker.update({Stage::Denoise, 7, 10}, 104.0);
    QCOMPARE(tracker.etaSeconds(), 6.0);
}

void TestRenderProgress::indicatorFollowsTheRunningJob()
{
    RenderQueue queue(fakeFactory(30));
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *indicator = new RenderProgressIndicator(&queue);
    auto *edit = new QLineEdit; // where the artist's focus is while the render runs
    layout->addWidget(indicator);
    layout->addWidget(edit);
    // The main window puts the action in its Render menu; here the window holds it.
    window.addAction(indicator->cancelAction());
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    edit->setFocus();
    QCOMPARE(indicator->cancelAction()->shortcut(), QKeySequence(Qt::Key_Escape));
    QVERIFY(!indicator->isVisible());
    QVERIFY(!indicator->cancelAction()->isEnabled());

    const quint64 first = queue.enqueue("take 1", smallRequest(400));
    const quint64 second = queue.enqueue("take 2", smallRequest(400));
    QTRY_VERIFY_WITH_TIMEOUT(queue.job(first)->progress.stage == Stage::Denoise
                                 && queue.job(first)->progress.step >= 3,
                             kTimeoutMs);
    // Label, pass, step n/N and the time left in the pass, and what waits behind it.
    QTRY_VERIFY_WITH_TIMEOUT(indicator->text().contains(QStringLiteral(" left")), kTimeoutMs);
    const QString text = indicator->text();
    QVERIFY2(QRegularExpression(QStringLiteral("^take 1 · Render \\d+/400 · \\d+:\\d\\d left · 1 "
                                               "more queued$"))
                 .match(text)
                 .hasMatch(),
             qPrintable(text));
    QVERIFY(indicator->isVisible());
    auto *bar = indicator->findChild<QProgressBar *>(QStringLiteral("renderProgressBar"));
    QCOMPARE(bar->maximum(), 400);
    QVERIFY(bar->value() >= 3);

    // Esc, wherever the focus is in the window, cancels the running job only.
    QTest::keyClick(edit, Qt::Key_Escape);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, first), JobState::Cancelled, kTimeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, second), JobState::Running, kTimeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(indicator->text().startsWith(QStringLiteral("take 2 · ")), kTimeoutMs);
    QVERIFY(!indicator->text().contains(QStringLiteral("queued")));

    // So does the strip's own button; with nothing left to run, the strip goes.
    auto *cancel = indicator->findChild<QToolButton *>(QStringLiteral("cancelRenderButton"));
    QVERIFY(cancel->isVisible() && cancel->isEnabled());
    QTest::mouseClick(cancel, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(stateOf(queue, second), JobState::Cancelled, kTimeoutMs);
    QTRY_VERIFY(!indicator->isVisible());
    QVERIFY(indicator->text().isEmpty());
    QVERIFY(!indicator->cancelAction()->isEnabled());
}

QTEST_MAIN(TestRenderProgress)
#include "tst_render_progress.moc"
