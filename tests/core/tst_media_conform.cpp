// Conforming: the plan (computed from headers alone) says exactly what will be cut, snapped and
// scaled, and decodeConformed does that: frames chosen by timestamp as a player would show
// them at the new rate, the sub-range honoured, crop and pad placed in the centre.

#include "core/media/conform.h"
#include "core/media/video_writer.h"
#include "tests/core/helpers/synthetic_clip.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace mbq;

namespace {

MediaInfo fakeInfo(int width, int height, double fps, int frames)
{
    MediaInfo info;
    info.path = QStringLiteral("/clips/fox.mp4");
    info.width = info.codedWidth = width;
    info.height = info.codedHeight = height;
    info.fps = fps;
    info.frameCount = frames;
    info.frameCountExact = true;
    info.durationSeconds = frames / fps;
    return info;
}

// A clip whose left half is red and right half blue, for checking crops and pads.
VideoFrames halves(int width, int height, int frames, double fps)
{
    VideoFrames clip = test::numberedClip(width, height, frames, fps);
    for (int f = 0; f < frames; ++f)
        for (int y = 0; y < height; ++y)
            for (int x = 0; x < width; ++x) {
                uint8_t *p = clip.frame(f) + (size_t(y) * width + x) * 3;
                p[2] = x < width / 2 ? 0 : 255;
            }
    return clip;
}

} // namespace

class TestMediaConform : public QObject
{
    Q_OBJECT

private slots:
    void planForWan();
    void planSnapsAndSaysSo();
    void planPadPlacement();
    void planExactCountNeedsEnoughSource();
    void planRejectsStartPastEnd();
    void planKeepsSourceRateAndSize();
    void resamplesByTimestamp_data();
    void resamplesByTimestamp();
    void subRangeStart();
    void cropAndPadGeometry();
    void shortfallIsCutToTheRuleAndReported();
};

void TestMediaConform::planForWan()
{
    const auto plan = planConform(fakeInfo(854, 480, 30.0, 180), ConformSpec::wan());
    QVERIFY(plan.ok());
    QCOMPARE(plan->fps, 16.0);
    QCOMPARE(plan->availableFrames, 96); // 6 s at 16 fps
    QCOMPARE(plan->frames, 81);
    QCOMPARE(plan->width, 832);
    QCOMPARE(plan->height, 480);
    QCOMPARE(plan->scaledWidth, 854);
    QCOMPARE(plan->scaledHeight, 480);
    QCOMPARE(plan->placement, QRect(11, 0, 832, 480));
    QVERIFY(plan->notes.isEmpty());
    QCOMPARE(plan->summary(),
             QStringLiteral("81 of 180 frames from 0.00 s, 30→16 fps, 854×480 → crop 832×480"));
}

void TestMediaConform::planSnapsAndSaysSo()
{
    ConformSpec spec;
    spec.frames = 80;
    spec.width = 830;
    spec.height = 470;
    const auto plan = planConform(fakeInfo(1920, 1080, 24.0, 48), spec);
    QVERIFY(plan.ok());
    // 48 frames at 24 fps = 2 s = 32 frames at 16 fps; the largest 4n+1 is 29.
    QCOMPARE(plan->frames, 29);
    QCOMPARE(plan->width, 832);
    QCOMPARE(plan->height, 464);
    QCOMPARE(plan->notes.size(), 3);
    QVERIFY(plan->notes.join(QLatin1Char('\n')).contains(QLatin1String("4n+1")));
    QVERIFY(plan->notes.join(QLatin1Char('\n')).contains(QStringLiteral("830×470")));
    // Scaled to cover 832×464 from 16:9: the width decides (832/1920 > 464/1080), and the
    // 4 surplus rows go, 2 at the top and 2 at the bottom.
    QCOMPARE(plan->scaledWidth, 832);
    QCOMPARE(plan->scaledHeight, 468);
    QCOMPARE(plan->placement, QRect(0, 2, 832, 464));
}

void TestMediaConform::planPadPlacement()
{
    ConformSpec spec = ConformSpec::wan();
    spec.fit = FitMode::Pad;
    const auto plan = planConform(fakeInfo(480, 480, 16.0, 81), spec);
    QVERIFY(plan.ok());
    QCOMPARE(plan->scaledWidth, 480);
    QCOMPARE(plan->scaledHeight, 480);
    QCOMPARE(plan->placement, QRect(176, 0, 480, 480));
    QVERIFY(plan->summary().endsWith(QStringLiteral("pad 832×480")));
}

void TestMediaConform::planExactCountNeedsEnoughSource()
{
    const auto tooShort = planConform(fakeInfo(512, 320, 8.0, 12), ConformSpec::videoCrafter2());
    QVERIFY(!tooShort.ok());
    QCOMPARE(tooShort.error().code, ErrorCode::InvalidArgument);
    QVERIFY(QString::fromStdString(tooShort.error().message).contains(QLatin1String("fox.mp4")));
    const auto enough = planConform(fakeInfo(512, 320, 24.0, 60), ConformSpec::videoCrafter2());
    QVERIFY(enough.ok());
    QCOMPARE(enough->frames, 16);
}

void TestMediaConform::planRejectsStartPastEnd()
{
    ConformSpec spec;
    spec.startSeconds = 10.0;
    QVERIFY(!planConform(fakeInfo(832, 480, 16.0, 81), spec).ok());
}

void TestMediaConform::planKeepsSourceRateAndSize()
{
    ConformSpec spec;
    spec.fps = 0;
    spec.width = spec.height = 0;
    spec.frameRule = FrameRule::Any;
    spec.frames = 1000;
    const auto plan = planConform(fakeInfo(854, 481, 25.0, 50), spec);
    QVERIFY(plan.ok());
    QCOMPARE(plan->fps, 25.0);
    QCOMPARE(plan->frames, 50);
    QCOMPARE(plan->width, 848);
    QCOMPARE(plan->height, 480);
}

void TestMediaConform::resamplesByTimestamp_data()
{
    QTest::addColumn<double>("sourceFps");
    QTest::addColumn<double>("fps");
    QTest::newRow("30 to 10") << 30.0 << 10.0;
    QTest::newRow("24 to 16") << 24.0 << 16.0;
    QTest::newRow("10 to 16 (repeats)") << 10.0 << 16.0;
    QTest::newRow("same rate") << 16.0 << 16.0;
}

void TestMediaConform::resamplesByTimestamp()
{
    QFETCH(double, sourceFps);
    QFETCH(double, fps);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("numbered.mkv"));
    EncodeOptions options;
    options.codec = VideoCodec::Ffv1;
    QVERIFY(encodeVideo(test::numberedClip(32, 32, 60, sourceFps), path, options).ok());
    const auto info = probeVideo(path);
    QVERIFY(info.ok());
    ConformSpec spec;
    spec.fps = fps;
    spec.frames = 17;
    spec.width = 32;
    spec.height = 32;
    const auto plan = planConform(*info, spec);
    QVERIFY(plan.ok());
    QCOMPARE(plan->frames, 17);
    const auto clip = decodeConformed(*plan);
    QVERIFY(clip.ok());
    QCOMPARE(clip->frames.count, 17);
    QVERIFY(clip->problems.empty());
    for (int k = 0; k < 17; ++k) {
        // The frame on screen at k / fps.
        const int expected = int(std::floor(k * sourceFps / fps + 1e-9));
        QCOMPARE(test::frameIdOf(clip->frames, k), expected);
        QVERIFY(std::abs(clip->sourceSeconds[size_t(k)] - expected / sourceFps) < 1e-3);
    }
}

void TestMediaConform::subRangeStart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("numbered.mp4"));
    EncodeOptions options;
    options.preset = QStringLiteral("ultrafast");
    QVERIFY(encodeVideo(test::numberedClip(64, 64, 90, 30.0), path, options).ok());
    ConformSpec spec;
    spec.startSeconds = 1.0;
    spec.fps = 10.0;
    spec.frames = 9;
    spec.width = spec.height = 64;
    const auto plan = planConform(*probeVideo(path), spec);
    QVERIFY(plan.ok());
    const auto clip = decodeConformed(*plan);
    QVERIFY(clip.ok());
    QCOMPARE(clip->frames.count, 9);
    for (int k = 0; k < 9; ++k)
        QCOMPARE(test::frameIdOf(clip->frames, k), 30 + 3 * k);
}

void TestMediaConform::cropAndPadGeometry()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("wide.mkv"));
    EncodeOptions options;
    options.codec = VideoCodec::Ffv1;
    QVERIFY(encodeVideo(halves(128, 32, 5, 16.0), path, options).ok());
    ConformSpec spec;
    spec.frames = 5;
    spec.width = 32;
    spec.height = 32;
    auto plan = planConform(*probeVideo(path), spec);
    QVERIFY(plan.ok());
    auto clip = decodeConformed(*plan);
    QVERIFY(clip.ok());
    // Crop keeps the middle 32 columns: the red/blue boundary sits at column 16.
    const uint8_t *f = clip->frames.frame(0);
    QCOMPARE(int(f[(16 * 32 + 4) * 3 + 2]), 0);
    QCOMPARE(int(f[(16 * 32 + 28) * 3 + 2]), 255);

    spec.fit = FitMode::Pad;
    plan = planConform(*probeVideo(path), spec);
    QVERIFY(plan.ok());
    QCOMPARE(plan->placement, QRect(0, 12, 32, 8));
    clip = decodeConformed(*plan);
    QVERIFY(clip.ok());
    f = clip->frames.frame(0);
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(int(f[(2 * 32 + 10) * 3 + c]), 0);  // black bar above
        QCOMPARE(int(f[(30 * 32 + 10) * 3 + c]), 0); // and below
    }
    QVERIFY(f[(16 * 32 + 2) * 3 + 0] > 0); // picture in the middle
}

void TestMediaConform::shortfallIsCutToTheRuleAndReported()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("short.mkv"));
    EncodeOptions options;
    options.codec = VideoCodec::Ffv1;
    QVERIFY(encodeVideo(test::numberedClip(32, 32, 23, 16.0), path, options).ok());
    MediaInfo info = *probeVideo(path);
    info.durationSeconds = 10.0; // headers that promise more than the file holds
    ConformSpec spec;
    spec.width = spec.height = 32;
    spec.frames = 33;
    const auto plan = planConform(info, spec);
    QVERIFY(plan.ok());
    QCOMPARE(plan->frames, 33);
    const auto clip = decodeConformed(*plan);
    QVERIFY(clip.ok());
    QCOMPARE(clip->frames.count, 21);
    QCOMPARE(clip->problems.size(), size_t(1));
    QVERIFY(clip->problems.front().message.contains(QLatin1String("using 21")));

    spec.frameRule = FrameRule::Exact;
    const auto exact = decodeConformed(*planConform(info, spec));
    QVERIFY(!exact.ok());
}

QTEST_GUILESS_MAIN(TestMediaConform)
#include "tst_media_conform.moc"
