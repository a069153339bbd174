// The compare view on real MP4s written by the test: each frame of each clip is a flat colour
// that says which clip (blue) and which frame (red) it is, so a test can read off any pane's
// picture what it shows. Set MBQ_SCREENSHOT_DIR to also save the view in light and dark palettes.

#include "core/media/video_writer.h"
#include "ui/compare/clip_pane.h"
#include "ui/compare/compare_view.h"
#include "ui/compare/frame_canvas.h"
#include "ui/compare/transport_bar.h"
#include "ui/compare/wipe_view.h"

#include <QAction>
#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QSignalSpy>
#include <QSlider>
#include <QStackedWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace mbq;
using Pane = CompareView::Pane;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr double kFps = 24.0;
constexpr int kLongFrames = 12; // source and injected
constexpr int kShortFrames = 8; // baseline: shorter, so the view holds its last frame
constexpr int kClipBlue[CompareView::PaneCount] = {0, 128, 255};

int redOf(int frame)
{
    return 10 + 20 * frame;
}

// Writes a clip whose frame i is flat (redOf(i), 90, blue).
bool writeClip(const QString &path, int frames, int blue)
{
    VideoFrames clip;
    clip.width = 64;
    clip.height = 48;
    clip.count = frames;
    clip.fps = kFps;
    clip.rgb.resize(clip.frameBytes() * size_t(frames));
    for (int i = 0; i < frames; ++i) {
        uint8_t *rgb = clip.frame(i);
        for (size_t p = 0; p < clip.frameBytes(); p += 3) {
            rgb[p] = uint8_t(redOf(i));
            rgb[p + 1] = 90;
            rgb[p + 2] = uint8_t(blue);
        }
    }
    return encodeVideo(clip, path).ok();
}

// Which frame and which clip a picture shows, read from its centre pixel.
struct Seen
{
    int frame = -1;
    int clip = -1;
};

Seen seen(const QImage &image)
{
    if (image.isNull())
        return {};
    const QColor c = image.pixelColor(image.width() / 2, image.height() / 2);
    Seen s;
    s.frame = int(std::lround((c.red() - 10) / 20.0));
    for (int i = 0; i < CompareView::PaneCount; ++i) {
        if (std::abs(c.blue() - kClipBlue[i]) < 30)
            s.clip = i;
    }
    return s;
}

ClipPane *paneOf(CompareView &view, Pane pane)
{
    static const char *names[]
        = {"compareSourcePane", "compareInjectedPane", "compareBaselinePane"};
    return view.findChild<ClipPane *>(QLatin1String(names[int(pane)]));
}

int expectedFrame(Pane pane, int frame)
{
    return std::min(frame, pane == Pane::Baseline ? kShortFrames - 1 : kLongFrames - 1);
}

// Every pane shows the view's current frame (or its own last one), of its own clip.
bool panesInSync(CompareView &view, QString *why)
{
    for (int i = 0; i < CompareView::PaneCount; ++i) {
        const Pane pane = Pane(i);
        const Seen s = seen(paneOf(view, pane)->displayedImage());
        const int want = expectedFrame(pane, view.currentFrame());
        if (s.frame != want || s.clip != i) {
            *why = QStringLiteral("pane %1 shows frame %2 of clip %3 at view frame %4 (want %5)")
                       .arg(i)
                       .arg(s.frame)
                       .arg(s.clip)
                       .arg(view.currentFrame())
                       .arg(want);
            return false;
        }
    }
    return true;
}

void saveScreenshot(QWidget &widget, const QString &name)
{
    const QString dir = qEnvironmentVariable("MBQ_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        QVERIFY(widget.grab().save(dir + QLatin1Char('/') + name + QStringLiteral(".png")));
}

} // namespace

class TestCompareView : public QObject
{
    Q_OBJECT

private slots:
    void metricsReadAsNumbersInTheLocale();
    void initTestCase();
    void loadsThreeClips();
    void playAdvancesPanesInSync();
    void actionsAndShortcuts();
    void scrubSetsEveryPane();
    void loopWraps();
    void unreadableFilesShowErrors();
    void newerLoadsWin();
    void wipeShowsChosenPair();
    void previewImage();
    void timeText();
    void screenshots();

private:
    void loadAll(CompareView &view);

    QTemporaryDir m_dir;
    QString m_paths[CompareView::PaneCount];
};

void TestCompareView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const char *names[] = {"source.mp4", "injected.mp4", "baseline.mp4"};
    for (int i = 0; i < CompareView::PaneCount; ++i) {
        m_paths[i] = m_dir.filePath(QLatin1String(names[i]));
        const int frames = Pane(i) == Pane::Baseline ? kShortFrames : kLongFrames;
        QVERIFY(writeClip(m_paths[i], frames, kClipBlue[i]));
    }
}

void TestCompareView::loadAll(CompareView &view)
{
    for (int i = 0; i < CompareView::PaneCount; ++i)
        view.setClip(Pane(i), m_paths[i], CompareView::metricsCaption(0.81, i * 0.1));
    for (int i = 0; i < CompareView::PaneCount; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(paneOf(view, Pane(i))->state(), ClipPane::State::Ready,
                                  kTimeoutMs);
    }
}

void TestCompareView::metricsReadAsNumbersInTheLocale()
{
    const QLocale previous;
    QLocale::setDefault(QLocale::c());
    // A leak that rounds to zero from below reads 0.00, not -0.00; a real negative stays.
    QCOMPARE(CompareView::metricsCaption(0.5, -0.001), QString("fidelity 0.50 · leak 0.00"));
    QCOMPARE(CompareView::metricNumber(-0.004), QString("0.00"));
    QCOMPARE(CompareView::metricNumber(-0.006), QString("-0.01"));
    QLocale::setDefault(QLocale(QLocale::German));
    QCOMPARE(CompareView::metricNumber(0.5), QString("0,50"));
    QLocale::setDefault(previous);
}

void TestCompareView::loadsThreeClips()
{
    CompareView view;
    view.resize(900, 400);
    view.show();
    QSignalSpy loaded(&view, &CompareView::clipStateChanged);
    QVERIFY(!view.playPauseAction()->isEnabled()); // nothing to play yet

    for (int i = 0; i < CompareView::PaneCount; ++i)
        view.setClip(Pane(i), m_paths[i], CompareView::metricsCaption(0.81, 0.07));
    // Decoding runs on a worker; until its result comes back through the event loop, the
    // panes say they are loading.
    for (int i = 0; i < CompareView::PaneCount; ++i) {
        ClipPane *pane = paneOf(view, Pane(i));
        QCOMPARE(pane->state(), ClipPane::State::Loading);
        QVERIFY2(pane->statusText().startsWith("Loading"), qPrintable(pane->statusText()));
    }
    for (int i = 0; i < CompareView::PaneCount; ++i) {
        QTRY_COMPARE_WITH_TIMEOUT(paneOf(view, Pane(i))->state(), ClipPane::State::Ready,
                                  kTimeoutMs);
    }
    QVERIFY(loaded.count() >= 6); // Loading, then Ready, per pane

    QCOMPARE(view.frameCount(), kLongFrames);
    QCOMPARE(view.fps(), kFps);
    QCOMPARE(paneOf(view, Pane::Baseline)->frameCount(), kShortFrames);
    QCOMPARE(paneOf(view, Pane::Source)->displayedImage().size(), QSize(64, 48));
    QCOMPARE(paneOf(view, Pane::Injected)->caption(), QString("fidelity 0.81 · leak 0.07"));
    QCOMPARE(view.currentFrame(), 0);
    QString why;
    QVERIFY2(panesInSync(view, &why), qPrintable(why));
    QVERIFY(view.playPauseAction()->isEnabled());

    view.setCaption(Pane::Source, {});
    QCOMPARE(paneOf(view, Pane::Source)->caption(), QString("—"));
    QCOMPARE(CompareView::metricsCaption(qQNaN(), 0.5), QString("fidelity — · leak 0.50"));

    view.clearClip(Pane::Source);
    QCOMPARE(paneOf(view, Pane::Source)->state(), ClipPane::State::Empty);
    QVERIFY(paneOf(view, Pane::Source)->displayedImage().isNull());
    QCOMPARE(paneOf(view, Pane::Source)->statusText(), QString("No source clip"));
}

void TestCompareView::playAdvancesPanesInSync()
{
    CompareView view;
    view.show();
    loadAll(view);

    // Checked at every frame change, not just at the end: the panes never disagree.
    QStringList failures;
    QVector<int> frames;
    connect(&view, &CompareView::currentFrameChanged, this, [&](int frame) {
        frames.append(frame);
        QString why;
        if (!panesInSync(view, &why))
            failures << why;
    });
    QSignalSpy playing(&view, &CompareView::playingChanged);
    QElapsedTimer elapsed;
    elapsed.start();
    view.playPauseAction()->trigger();
    QVERIFY(view.isPlaying());
    QCOMPARE(playing.count(), 1);
    QTRY_VERIFY_WITH_TIMEOUT(view.currentFrame() >= 6, kTimeoutMs);
    // Six frames at 24 fps take 250 ms: the clock keeps the clips' rate, not the CPU's.
    QVERIFY2(elapsed.elapsed() >= 200, qPrintable(QString::number(elapsed.elapsed())));
    view.playPauseAction()->trigger();
    QVERIFY(!view.isPlaying());
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    for (int i = 0; i < frames.size(); ++i)
        QCOMPARE(frames[i], i + 1); // every frame shown, in order
    const int stoppedAt = view.currentFrame();
    QTest::qWait(150);
    QCOMPARE(view.currentFrame(), stoppedAt);

    // Played to the end without loop: stops on the last frame, the short clip holding its last.
    view.play();
    QTRY_VERIFY_WITH_TIMEOUT(!view.isPlaying(), kTimeoutMs);
    QCOMPARE(view.currentFrame(), kLongFrames - 1);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
    QCOMPARE(seen(paneOf(view, Pane::Baseline)->displayedImage()).frame, kShortFrames - 1);
    QVERIFY(paneOf(view, Pane::Baseline)->findChild<FrameCanvas *>()->badge().contains("8"));
}

void TestCompareView::actionsAndShortcuts()
{
    CompareView view;
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    loadAll(view);
    QSignalSpy changed(&view, &CompareView::currentFrameChanged);

    view.stepForwardAction()->trigger();
    QCOMPARE(view.currentFrame(), 1);
    QCOMPARE(changed.count(), 1);
    QCOMPARE(changed.last().at(0).toInt(), 1);
    view.jumpToEndAction()->trigger();
    QCOMPARE(view.currentFrame(), kLongFrames - 1);
    view.stepForwardAction()->trigger(); // no wrap when stepping
    QCOMPARE(view.currentFrame(), kLongFrames - 1);
    view.jumpToStartAction()->trigger();
    QCOMPARE(view.currentFrame(), 0);
    view.stepBackwardAction()->trigger();
    QCOMPARE(view.currentFrame(), 0);

    // The same through the keyboard, as the shortcuts route it.
    QTest::keyClick(&view, Qt::Key_Right);
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.currentFrame(), 2);
    QTest::keyClick(&view, Qt::Key_Left);
    QCOMPARE(view.currentFrame(), 1);
    QTest::keyClick(&view, Qt::Key_End);
    QCOMPARE(view.currentFrame(), kLongFrames - 1);
    QTest::keyClick(&view, Qt::Key_Home);
    QCOMPARE(view.currentFrame(), 0);
    QString why;
    QVERIFY2(panesInSync(view, &why), qPrintable(why));

    QTest::keyClick(&view, Qt::Key_Space);
    QVERIFY(view.isPlaying());
    QCOMPARE(view.playPauseAction()->text(), QString("Pause"));
    QTRY_VERIFY_WITH_TIMEOUT(view.currentFrame() >= 2, kTimeoutMs);
    QTest::keyClick(&view, Qt::Key_Space);
    QVERIFY(!view.isPlaying());
    QCOMPARE(view.playPauseAction()->text(), QString("Play"));

    // J plays backwards, K pauses, L plays forwards.
    view.setCurrentFrame(8);
    QTest::keyClick(&view, Qt::Key_J);
    QVERIFY(view.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(view.currentFrame() <= 6, kTimeoutMs);
    QTest::keyClick(&view, Qt::Key_K);
    QVERIFY(!view.isPlaying());
    const int pausedAt = view.currentFrame();
    QTest::keyClick(&view, Qt::Key_L);
    QVERIFY(view.isPlaying());
    QTRY_VERIFY_WITH_TIMEOUT(view.currentFrame() >= pausedAt + 2, kTimeoutMs);
    QTest::keyClick(&view, Qt::Key_K);
    QVERIFY(!view.isPlaying());

    // Stepping pauses playback.
    view.play();
    view.stepBackwardAction()->trigger();
    QVERIFY(!view.isPlaying());

    const QStringList names
        = {"comparePlayPauseAction",   "comparePlayReverseAction",  "comparePauseAction",
           "comparePlayForwardAction", "compareStepBackwardAction", "compareStepForwardAction",
           "compareJumpToStartAction", "compareJumpToEndAction",    "compareLoopAction",
           "compareWipeAction"};
    QStringList actual;
    for (QAction *action : view.compareActions())
        actual << action->objectName();
    QCOMPARE(actual, names);
}

void TestCompareView::scrubSetsEveryPane()
{
    CompareView view;
    view.show();
    loadAll(view);
    auto *slider = view.findChild<QSlider *>("compareScrubSlider");
    QVERIFY(slider);
    QCOMPARE(slider->maximum(), kLongFrames - 1);
    QSignalSpy changed(&view, &CompareView::currentFrameChanged);

    // As a drag does it: press (pauses), move, release.
    view.play();
    slider->setSliderDown(true);
    QVERIFY(!view.isPlaying());
    slider->setSliderPosition(5);
    QCOMPARE(view.currentFrame(), 5);
    slider->setSliderPosition(10);
    slider->setSliderDown(false);
    QCOMPARE(view.currentFrame(), 10);
    QCOMPARE(changed.last().at(0).toInt(), 10);
    QString why;
    QVERIFY2(panesInSync(view, &why), qPrintable(why));
    QCOMPARE(seen(paneOf(view, Pane::Baseline)->displayedImage()).frame, kShortFrames - 1);

    // From outside (the timeline's playhead): the slider and time label follow.
    view.setCurrentFrame(3);
    QCOMPARE(slider->value(), 3);
    QVERIFY2(panesInSync(view, &why), qPrintable(why));
    auto *time = view.findChild<QLabel *>("compareTimeLabel");
    QCOMPARE(time->text(), QString("00:00.12 / 00:00.50 · frame 4/12"));
    view.setCurrentFrame(1000);
    QCOMPARE(view.currentFrame(), kLongFrames - 1);
}

void TestCompareView::loopWraps()
{
    CompareView view;
    view.show();
    loadAll(view);
    view.loopAction()->setChecked(true);
    QVERIFY(view.isLooping());
    view.setCurrentFrame(kLongFrames - 2);
    QVector<int> frames;
    connect(&view, &CompareView::currentFrameChanged, this, [&](int f) { frames.append(f); });
    view.play();
    QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 4, kTimeoutMs);
    view.pause();
    QCOMPARE(frames.mid(0, 4), (QVector<int> {kLongFrames - 1, 0, 1, 2}));

    // Backwards it wraps the other way.
    view.setCurrentFrame(1);
    frames.clear();
    view.playReverseAction()->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(frames.size() >= 3, kTimeoutMs);
    view.pause();
    QCOMPARE(frames.mid(0, 3), (QVector<int> {0, kLongFrames - 1, kLongFrames - 2}));

    // Without loop, play from the last frame starts over.
    view.setLooping(false);
    QVERIFY(!view.loopAction()->isChecked());
    view.setCurrentFrame(kLongFrames - 1);
    view.play();
    QCOMPARE(view.currentFrame(), 0);
    view.pause();
}

void TestCompareView::unreadableFilesShowErrors()
{
    QFile notVideo(m_dir.filePath("notes.mp4"));
    QVERIFY(notVideo.open(QIODevice::WriteOnly));
    notVideo.write("this is not a video, whatever its name says\n");
    notVideo.close();

    CompareView view;
    view.show();
    view.setClip(Pane::Source, m_dir.filePath("missing.mp4"));
    view.setClip(Pane::Injected, notVideo.fileName());
    view.setClip(Pane::Baseline, m_paths[int(Pane::Baseline)]);
    for (Pane pane : {Pane::Source, Pane::Injected}) {
        ClipPane *clipPane = paneOf(view, pane);
        QTRY_COMPARE_WITH_TIMEOUT(clipPane->state(), ClipPane::State::Failed, kTimeoutMs);
        QVERIFY(clipPane->displayedImage().isNull());
        QVERIFY2(clipPane->statusText().startsWith("Cannot show this clip"),
                 qPrintable(clipPane->statusText()));
        QVERIFY(clipPane->findChild<FrameCanvas *>()->isError());
        QVERIFY(!clipPane->grab().isNull());
    }
    QVERIFY2(paneOf(view, Pane::Source)->statusText().contains("missing.mp4"),
             qPrintable(paneOf(view, Pane::Source)->statusText()));
    // The good clip still plays on its own.
    QTRY_COMPARE_WITH_TIMEOUT(paneOf(view, Pane::Baseline)->state(), ClipPane::State::Ready,
                              kTimeoutMs);
    QCOMPARE(view.frameCount(), kShortFrames);
    view.setCurrentFrame(3);
    QCOMPARE(seen(paneOf(view, Pane::Baseline)->displayedImage()).frame, 3);

    // A new clip replaces the error.
    view.setClip(Pane::Source, m_paths[int(Pane::Source)]);
    QTRY_COMPARE_WITH_TIMEOUT(paneOf(view, Pane::Source)->state(), ClipPane::State::Ready,
                              kTimeoutMs);
    QCOMPARE(view.frameCount(), kLongFrames);
    QCOMPARE(paneOf(view, Pane::Source)->statusText(), QString());
}

void TestCompareView::newerLoadsWin()
{
    {
        // Destroyed while decoding: the loaders cancel and wait, nothing calls back later.
        CompareView view;
        for (int i = 0; i < CompareView::PaneCount; ++i)
            view.setClip(Pane(i), m_paths[i]);
    }
    CompareView view;
    QSignalSpy states(&view, &CompareView::clipStateChanged);
    // Quick replacements: only the last one lands, however the decodes finish.
    for (int round = 0; round < 4; ++round) {
        for (int i = 0; i < CompareView::PaneCount; ++i)
            view.setClip(Pane::Injected, m_paths[i]);
    }
    view.setClip(Pane::Injected, m_paths[int(Pane::Baseline)]);
    ClipPane *injected = paneOf(view, Pane::Injected);
    QTRY_COMPARE_WITH_TIMEOUT(injected->state(), ClipPane::State::Ready, kTimeoutMs);
    QTest::qWait(200); // room for any stale result to arrive, if one could
    QCOMPARE(injected->path(), m_paths[int(Pane::Baseline)]);
    QCOMPARE(injected->frameCount(), kShortFrames);
    QCOMPARE(seen(injected->displayedImage()).clip, int(Pane::Baseline));
    QCOMPARE(states.count(), 13 + 1); // 13 times Loading, then one Ready

    // Clearing while loading drops the result.
    view.setClip(Pane::Source, m_paths[0]);
    view.clearClip(Pane::Source);
    QTest::qWait(300);
    QCOMPARE(paneOf(view, Pane::Source)->state(), ClipPane::State::Empty);
    QCOMPARE(paneOf(view, Pane::Source)->frameCount(), 0);
}

void TestCompareView::wipeShowsChosenPair()
{
    CompareView view;
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowActive(&view));
    loadAll(view);
    auto *stack = view.findChild<QStackedWidget *>("compareStack");
    auto *wipe = view.findChild<WipeView *>("compareWipeView");
    QVERIFY(stack && wipe);
    QVERIFY(stack->currentWidget() != wipe);

    view.setCurrentFrame(4);
    view.setWipe(Pane::Injected, Pane::Baseline);
    QVERIFY(view.isWipeEnabled());
    QVERIFY(view.wipeAction()->isChecked());
    QCOMPARE(stack->currentWidget(), wipe);
    QCOMPARE(seen(wipe->image(WipeView::A)).clip, int(Pane::Injected));
    QCOMPARE(seen(wipe->image(WipeView::B)).clip, int(Pane::Baseline));
    QVERIFY(wipe->label(WipeView::A).startsWith("Injected"));
    // What is on screen: A left of the divider, B right of it, both at the current frame.
    const QImage shown = wipe->grab().toImage();
    const int y = shown.height() / 2 + 30; // below the divider's handle
    const Seen left = seen(shown.copy(int(shown.width() * 0.3), y, 1, 1));
    const Seen right = seen(shown.copy(int(shown.width() * 0.7), y, 1, 1));
    QCOMPARE(left.clip, int(Pane::Injected));
    QCOMPARE(right.clip, int(Pane::Baseline));
    QCOMPARE(left.frame, 4);
    QCOMPARE(right.frame, 4);
    saveScreenshot(view, QStringLiteral("compare_wipe"));

    // Playing moves both sides.
    view.stepForwardAction()->trigger();
    QCOMPARE(seen(wipe->image(WipeView::A)).frame, 5);
    QCOMPARE(seen(wipe->image(WipeView::B)).frame, 5);

    // The divider follows the mouse...
    QSignalSpy moved(wipe, &WipeView::positionChanged);
    QTest::mousePress(wipe, Qt::LeftButton, {}, QPoint(wipe->width() / 4, 40));
    QTest::mouseMove(wipe, QPoint(wipe->width() / 5, 40));
    QTest::mouseRelease(wipe, Qt::LeftButton, {}, QPoint(wipe->width() / 5, 40));
    QVERIFY(moved.count() >= 1);
    QVERIFY(std::abs(wipe->position() - 0.2) < 0.01);
    QVERIFY(!wipe->hasFocus()); // a click leaves the arrow keys to frame stepping
    QTest::keyClick(&view, Qt::Key_Right);
    QCOMPARE(view.currentFrame(), 6);
    // ...and, with focus, the keyboard, which then moves the divider instead of the frame.
    wipe->setFocus();
    QTRY_VERIFY(wipe->hasFocus());
    QTest::keyClick(wipe, Qt::Key_Right);
    QVERIFY(std::abs(wipe->position() - 0.22) < 0.001);
    QTest::keyClick(wipe, Qt::Key_Left, Qt::ShiftModifier);
    QVERIFY(std::abs(wipe->position() - 0.12) < 0.001);
    QTest::keyClick(wipe, Qt::Key_End);
    QCOMPARE(wipe->position(), 1.0);
    QCOMPARE(view.currentFrame(), 6);

    // The side pickers: choosing for A the pane B shows swaps the pair.
    auto *aCombo = view.findChild<QComboBox *>("compareWipeACombo");
    QVERIFY(aCombo && aCombo->isEnabled());
    aCombo->setCurrentIndex(int(Pane::Baseline));
    emit aCombo->activated(int(Pane::Baseline));
    QCOMPARE(view.wipePaneA(), Pane::Baseline);
    QCOMPARE(view.wipePaneB(), Pane::Injected);
    QCOMPARE(seen(wipe->image(WipeView::A)).clip, int(Pane::Baseline));
    aCombo->setCurrentIndex(int(Pane::Source));
    emit aCombo->activated(int(Pane::Source));
    QCOMPARE(view.wipePaneA(), Pane::Source);
    QCOMPARE(view.wipePaneB(), Pane::Injected);

    view.wipeAction()->trigger();
    QVERIFY(!view.isWipeEnabled());
    QVERIFY(stack->currentWidget() != wipe);
    QVERIFY(!aCombo->isEnabled());
}

void TestCompareView::previewImage()
{
    CompareView view;
    view.show();
    QImage preview(32, 16, QImage::Format_RGB888);
    preview.fill(QColor(redOf(3), 90, kClipBlue[1]));
    view.setPreviewImage(Pane::Injected, preview);
    ClipPane *injected = paneOf(view, Pane::Injected);
    QCOMPARE(injected->displayedImage(), preview);
    QCOMPARE(injected->displayedFrame(), -1);
    // Tagged as a frame of a render in progress, not as the Preview render mode.
    QCOMPARE(injected->findChild<FrameCanvas *>()->badge(), QString("In progress"));

    // Engine previews arrive as VideoFrames.
    VideoFrames frames;
    frames.width = 3;
    frames.height = 2;
    frames.count = 2;
    frames.rgb.assign(frames.frameBytes() * 2, 0);
    frames.frame(1)[3 * 4 + 2] = 200; // frame 1, pixel (1, 1), blue
    const QImage image = frameToImage(frames, 1);
    QCOMPARE(image.size(), QSize(3, 2));
    QCOMPARE(image.pixelColor(1, 1), QColor(0, 0, 200));
    QCOMPARE(image.pixelColor(0, 0), QColor(0, 0, 0));
    QVERIFY(frameToImage(frames, 2).isNull());

    // The finished render replaces the preview.
    view.setClip(Pane::Injected, m_paths[int(Pane::Injected)]);
    QTRY_COMPARE_WITH_TIMEOUT(injected->state(), ClipPane::State::Ready, kTimeoutMs);
    QCOMPARE(seen(injected->displayedImage()).clip, int(Pane::Injected));
    QCOMPARE(injected->findChild<FrameCanvas *>()->badge(), QString());
}

void TestCompareView::timeText()
{
    QCOMPARE(TransportBar::timeText(20, 81, 16.0), QString("00:01.25 / 00:05.06 · frame 21/81"));
    QCOMPARE(TransportBar::timeText(0, 1, 16.0), QString("00:00.00 / 00:00.06 · frame 1/1"));
    QCOMPARE(TransportBar::timeText(1500, 1501, 24.0),
             QString("01:02.50 / 01:02.54 · frame 1501/1501"));
    QVERIFY(TransportBar::timeText(0, 0, 16.0).contains("no frames"));
}

void TestCompareView::screenshots()
{
    CompareView view;
    view.resize(960, 420);
    view.show();
    loadAll(view);
    view.setCurrentFrame(9);
    view.setCaption(Pane::Source, CompareView::metricsCaption(qQNaN(), qQNaN()));
    saveScreenshot(view, QStringLiteral("compare_light"));

    QPalette dark(QColor(53, 53, 53));
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    view.setPalette(dark);
    view.clearClip(Pane::Baseline);
    view.setClip(Pane::Source, m_dir.filePath("missing.mp4"));
    QTRY_COMPARE_WITH_TIMEOUT(paneOf(view, Pane::Source)->state(), ClipPane::State::Failed,
                              kTimeoutMs);
    QVERIFY(!view.grab().isNull());
    saveScreenshot(view, QStringLiteral("compare_dark"));
}

QTEST_MAIN(TestCompareView)
#include "tst_compare_view.moc"
