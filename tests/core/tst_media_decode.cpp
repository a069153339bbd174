// Decoding: files written by FFmpeg's own encoders (mpeg4, mjpeg, vp9, ffv1, gif, h264) and by
// ours decode to the pictures that went in; rotation, non-square pixels, 10-bit, alpha and
// variable frame rates come out as a player shows them; damaged, truncated and non-video
// files give clear reports instead of crashes.

#include "core/media/decode.h"
#include "core/media/video_writer.h"
#include "tests/core/helpers/ffmpeg_cli.h"
#include "tests/core/helpers/synthetic_clip.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace mbq;

namespace {

double meanAbsDifference(const VideoFrames &a, const VideoFrames &b)
{
    double sum = 0.0;
    const size_t n = std::min(a.rgb.size(), b.rgb.size());
    for (size_t i = 0; i < n; ++i)
        sum += std::abs(int(a.rgb[i]) - int(b.rgb[i]));
    return sum / double(n);
}

// What ffmpeg itself shows for a file: its frames as RGB24, rotation applied.
VideoFrames decodeWithFfmpeg(const QString &path, int width, int height)
{
    QProcess process;
    process.start(QStringLiteral("ffmpeg"),
                  {QStringLiteral("-v"), QStringLiteral("error"), QStringLiteral("-i"), path,
                   QStringLiteral("-f"), QStringLiteral("rawvideo"), QStringLiteral("-pix_fmt"),
                   QStringLiteral("rgb24"), QStringLiteral("-")});
    process.waitForFinished(60000);
    const QByteArray bytes = process.readAllStandardOutput();
    VideoFrames frames;
    frames.width = width;
    frames.height = height;
    frames.count = int(bytes.size() / qsizetype(frames.frameBytes()));
    frames.rgb.assign(bytes.begin(), bytes.end());
    return frames;
}

QString errorText(const Error &e)
{
    return QString::fromStdString(e.toString());
}

} // namespace

class TestMediaDecode : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void ffmpegEncoders_data();
    void ffmpegEncoders();
    void ourEncoderIntoEveryContainer_data();
    void ourEncoderIntoEveryContainer();
    void rotationMetadata();
    void nonSquarePixels();
    void tenBitInput();
    void alphaIsCompositedOverBackground();
    void variableFrameRateKeepsTimestamps();
    void imageSequence();
    void timeRangeAndLimits();
    void truncatedFileDecodesWhatItCan_data();
    void truncatedFileDecodesWhatItCan();
    void corruptedMiddleIsSurvived();
    void notAVideo_data();
    void notAVideo();

private:
    QString file(const QString &name) const { return m_dir.filePath(name); }
    QTemporaryDir m_dir;
    VideoFrames m_clip;
};

void TestMediaDecode::initTestCase()
{
    if (!test::haveFfmpegCli())
        QSKIP("the ffmpeg command-line tool makes these fixtures");
    m_clip = test::renderClip(96, 64, 10.0, test::Look::warm(), test::standardMotion(10, 96, 64));
}

void TestMediaDecode::ffmpegEncoders_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<double>("tolerance"); // mean |difference| per channel, 0..255
    const auto args = [](const char *text) {
        return QString::fromLatin1(text).split(QLatin1Char(' '));
    };
    QTest::newRow("mpeg4 avi") << "a.avi" << args("-c:v mpeg4 -q:v 2") << 96 << 64 << 6.0;
    QTest::newRow("mjpeg avi") << "b.avi" << args("-c:v mjpeg -q:v 2") << 96 << 64 << 6.0;
    QTest::newRow("mjpeg mov") << "c.mov" << args("-c:v mjpeg -q:v 3") << 96 << 64 << 7.0;
    QTest::newRow("vp9 webm") << "d.webm" << args("-c:v libvpx-vp9 -crf 20 -b:v 0") << 96 << 64
                              << 6.0;
    QTest::newRow("ffv1 mkv") << "e.mkv" << args("-c:v ffv1") << 96 << 64 << 3.0;
    QTest::newRow("gif") << "f.gif" << args("-c:v gif") << 96 << 64 << 20.0;
    QTest::newRow("h264 mov") << "g.mov" << args("-c:v libx264 -crf 16") << 96 << 64 << 5.0;
    QTest::newRow("odd ffv1 mkv") << "h.mkv" << args("-c:v ffv1") << 67 << 45 << 3.0;
    QTest::newRow("odd mjpeg avi") << "i.avi" << args("-c:v mjpeg -q:v 2") << 67 << 45 << 8.0;
    QTest::newRow("odd mpeg4 avi") << "j.avi" << args("-c:v mpeg4 -q:v 2") << 67 << 45 << 8.0;
}

void TestMediaDecode::ffmpegEncoders()
{
    QFETCH(QString, name);
    QFETCH(QStringList, args);
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(double, tolerance);
    const VideoFrames clip = width == m_clip.width
        ? m_clip
        : test::renderClip(width, height, 10.0, test::Look::cool(),
                           test::standardMotion(10, width, height));
    QString log;
    QVERIFY2(test::encodeWithFfmpeg(clip, args, file(name), &log), qPrintable(log));

    const auto decoded = decodeVideo(file(name));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(errorText(decoded.error())));
    QCOMPARE(decoded->frames.width, width);
    QCOMPARE(decoded->frames.height, height);
    QCOMPARE(decoded->frames.count, clip.count);
    QVERIFY(decoded->problems.empty());
    QVERIFY(std::abs(decoded->info.fps - 10.0) < 0.01);
    for (int i = 0; i < clip.count; ++i)
        QVERIFY2(std::abs(decoded->seconds[size_t(i)] - i * 0.1) < 0.011,
                 qPrintable(QString::number(decoded->seconds[size_t(i)])));
    const double difference = meanAbsDifference(clip, decoded->frames);
    QVERIFY2(difference <= tolerance, qPrintable(QStringLiteral("mean |diff| %1").arg(difference)));
}

void TestMediaDecode::ourEncoderIntoEveryContainer_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("codec");
    QTest::newRow("h264 mkv") << "our.mkv" << int(VideoCodec::H264);
    QTest::newRow("h265 mov") << "our.mov" << int(VideoCodec::H265);
    QTest::newRow("ffv1 avi") << "our.avi" << int(VideoCodec::Ffv1);
}

void TestMediaDecode::ourEncoderIntoEveryContainer()
{
    QFETCH(QString, name);
    QFETCH(int, codec);
    EncodeOptions options;
    options.codec = VideoCodec(codec);
    options.preset = QStringLiteral("fast");
    const auto written = encodeVideo(m_clip, file(name), options);
    QVERIFY2(written.ok(), written.ok() ? "" : qPrintable(errorText(written.error())));
    const auto decoded = decodeVideo(file(name));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->frames.count, m_clip.count);
    QVERIFY(meanAbsDifference(m_clip, decoded->frames) < 3.0);
}

void TestMediaDecode::rotationMetadata()
{
    // FFmpeg 5.1 writes the display matrix from the "rotate" tag when copying a stream.
    QString log;
    QVERIFY2(test::encodeWithFfmpeg(m_clip, {QStringLiteral("-c:v"), QStringLiteral("ffv1")},
                                    file(QStringLiteral("upright.mkv")), &log),
             qPrintable(log));
    for (const char *angle : {"90", "180", "270"}) {
        const QString rotated = file(QStringLiteral("rotated%1.mp4").arg(QLatin1String(angle)));
        QVERIFY2(test::runFfmpeg({QStringLiteral("-i"), file(QStringLiteral("upright.mkv")),
                                  QStringLiteral("-c:v"), QStringLiteral("libx264"),
                                  QStringLiteral("-qp"), QStringLiteral("0"),
                                  QStringLiteral("-pix_fmt"), QStringLiteral("yuv444p"),
                                  file(QStringLiteral("plain.mp4"))},
                                 &log),
                 qPrintable(log));
        QVERIFY2(test::runFfmpeg({QStringLiteral("-i"), file(QStringLiteral("plain.mp4")),
                                  QStringLiteral("-c"), QStringLiteral("copy"),
                                  QStringLiteral("-metadata:s:v:0"),
                                  QStringLiteral("rotate=%1").arg(QLatin1String(angle)), rotated},
                                 &log),
                 qPrintable(log));
        const auto decoded = decodeVideo(rotated);
        QVERIFY(decoded.ok());
        const bool quarter = QByteArray(angle) != "180";
        QCOMPARE(decoded->info.rotation != 0, true);
        QCOMPARE(decoded->frames.width, quarter ? 64 : 96);
        QCOMPARE(decoded->frames.height, quarter ? 96 : 64);
        // The reference is what ffmpeg's own player path shows (it rotates automatically).
        const VideoFrames shown = decodeWithFfmpeg(rotated, decoded->frames.width,
                                                   decoded->frames.height);
        QCOMPARE(shown.count, m_clip.count);
        const double difference = meanAbsDifference(shown, decoded->frames);
        QVERIFY2(difference < 2.0, qPrintable(QStringLiteral("%1°: mean |diff| %2")
                                                   .arg(QLatin1String(angle))
                                                   .arg(difference)));
    }
}

void TestMediaDecode::nonSquarePixels()
{
    QString log;
    QVERIFY2(test::encodeWithFfmpeg(m_clip,
                                    {QStringLiteral("-c:v"), QStringLiteral("mpeg4"),
                                     QStringLiteral("-vf"), QStringLiteral("setsar=3/2")},
                                    file(QStringLiteral("anamorphic.mkv")), &log),
             qPrintable(log));
    const auto decoded = decodeVideo(file(QStringLiteral("anamorphic.mkv")));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->info.sarNum, 3);
    QCOMPARE(decoded->info.sarDen, 2);
    QCOMPARE(decoded->info.codedWidth, 96);
    QCOMPARE(decoded->frames.width, 144);
    QCOMPARE(decoded->frames.height, 64);
}

void TestMediaDecode::tenBitInput()
{
    QString log;
    QVERIFY2(test::encodeWithFfmpeg(m_clip,
                                    {QStringLiteral("-c:v"), QStringLiteral("libx265"),
                                     QStringLiteral("-x265-params"), QStringLiteral("log-level=none:lossless=1"),
                                     QStringLiteral("-pix_fmt"), QStringLiteral("yuv444p10le")},
                                    file(QStringLiteral("ten.mkv")), &log),
             qPrintable(log));
    const auto decoded = decodeVideo(file(QStringLiteral("ten.mkv")));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->info.bitDepth, 10);
    QCOMPARE(decoded->info.pixelFormat, QStringLiteral("yuv444p10le"));
    QCOMPARE(decoded->frames.count, m_clip.count);
    QVERIFY(meanAbsDifference(m_clip, decoded->frames) < 1.5);
}

void TestMediaDecode::alphaIsCompositedOverBackground()
{
    // Half-transparent red: over black it shows as dark red, over white as pink.
    QString log;
    QVERIFY2(test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"), QStringLiteral("-i"),
                              QStringLiteral("color=c=red@0.5:s=32x16:d=0.5:r=10,format=rgba"),
                              QStringLiteral("-c:v"), QStringLiteral("png"),
                              file(QStringLiteral("alpha.mov"))},
                             &log),
             qPrintable(log));
    auto decoded = decodeVideo(file(QStringLiteral("alpha.mov")));
    QVERIFY(decoded.ok());
    QVERIFY(decoded->info.hasAlpha);
    const uint8_t *p = decoded->frames.frame(0);
    QVERIFY2(std::abs(p[0] - 128) <= 2 && p[1] == 0 && p[2] == 0,
             qPrintable(QStringLiteral("%1 %2 %3").arg(p[0]).arg(p[1]).arg(p[2])));
    DecodeOptions white;
    white.reader.background = {255, 255, 255};
    decoded = decodeVideo(file(QStringLiteral("alpha.mov")), white);
    QVERIFY(decoded.ok());
    p = decoded->frames.frame(0);
    QVERIFY(p[0] == 255 && std::abs(p[1] - 127) <= 2 && std::abs(p[2] - 127) <= 2);
}

void TestMediaDecode::variableFrameRateKeepsTimestamps()
{
    // Frames 0-9 every 40 ms, then every 120 ms (FFmpeg's encoder keeps a 1/25 s time base).
    const VideoFrames numbered = test::numberedClip(32, 32, 20, 25.0);
    QString log;
    QVERIFY2(test::encodeWithFfmpeg(
                 numbered,
                 {QStringLiteral("-vf"),
                  QStringLiteral("settb=1/1000,setpts='if(lt(N,10),N*0.04,0.4+(N-10)*0.12)/TB'"),
                  QStringLiteral("-fps_mode"), QStringLiteral("passthrough"),
                  QStringLiteral("-c:v"), QStringLiteral("ffv1")},
                 file(QStringLiteral("vfr.mkv")), &log),
             qPrintable(log));
    const auto decoded = decodeVideo(file(QStringLiteral("vfr.mkv")));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->frames.count, 20);
    for (int i = 0; i < 20; ++i) {
        const double expected = i < 10 ? i * 0.04 : 0.4 + (i - 10) * 0.12;
        QVERIFY2(std::abs(decoded->seconds[size_t(i)] - expected) < 0.002,
                 qPrintable(QStringLiteral("frame %1 at %2").arg(i).arg(decoded->seconds[size_t(i)])));
        QCOMPARE(test::frameIdOf(decoded->frames, i), i);
    }
}

void TestMediaDecode::imageSequence()
{
    QString log;
    QVERIFY2(test::encodeWithFfmpeg(m_clip, {QStringLiteral("-c:v"), QStringLiteral("png")},
                                    file(QStringLiteral("seq_%03d.png")), &log),
             qPrintable(log));
    const auto decoded = decodeVideo(file(QStringLiteral("seq_%03d.png")));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(errorText(decoded.error())));
    QCOMPARE(decoded->frames.count, m_clip.count);
    QCOMPARE(meanAbsDifference(m_clip, decoded->frames), 0.0);
}

void TestMediaDecode::timeRangeAndLimits()
{
    const VideoFrames numbered = test::numberedClip(32, 32, 40, 10.0);
    EncodeOptions options;
    options.codec = VideoCodec::Ffv1;
    QVERIFY(encodeVideo(numbered, file(QStringLiteral("numbered.mkv")), options).ok());
    DecodeOptions range;
    range.startSeconds = 1.5;
    range.endSeconds = 2.5;
    auto decoded = decodeVideo(file(QStringLiteral("numbered.mkv")), range);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->frames.count, 10);
    QCOMPARE(test::frameIdOf(decoded->frames, 0), 15);

    DecodeOptions limited;
    limited.maxBytes = numbered.frameBytes() * 7;
    decoded = decodeVideo(file(QStringLiteral("numbered.mkv")), limited);
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->frames.count, 7);
    QCOMPARE(decoded->problems.size(), size_t(1));
}

void TestMediaDecode::truncatedFileDecodesWhatItCan_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("codec");
    QTest::newRow("h264 mp4 (fast start)") << "cut.mp4" << int(VideoCodec::H264);
    QTest::newRow("ffv1 mkv") << "cut.mkv" << int(VideoCodec::Ffv1);
}

void TestMediaDecode::truncatedFileDecodesWhatItCan()
{
    QFETCH(QString, name);
    QFETCH(int, codec);
    const VideoFrames clip = test::renderClip(128, 96, 10.0, test::Look::cool(),
                                              test::standardMotion(30, 128, 96));
    EncodeOptions options;
    options.codec = VideoCodec(codec);
    QVERIFY(encodeVideo(clip, file(name), options).ok());
    QFile f(file(name));
    QVERIFY(f.resize(f.size() * 6 / 10));

    const auto decoded = decodeVideo(file(name));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(errorText(decoded.error())));
    QVERIFY(decoded->frames.count > 5);
    QVERIFY(decoded->frames.count < clip.count);
    QVERIFY(!decoded->problems.empty() || decoded->info.frameCount > decoded->frames.count);
    for (const DecodeProblem &p : decoded->problems)
        QVERIFY(p.message.contains(name));
}

void TestMediaDecode::corruptedMiddleIsSurvived()
{
    const VideoFrames clip = test::renderClip(128, 96, 10.0, test::Look::warm(),
                                              test::standardMotion(30, 128, 96));
    QString log;
    QVERIFY2(test::encodeWithFfmpeg(clip, {QStringLiteral("-c:v"), QStringLiteral("mpeg4")},
                                    file(QStringLiteral("damaged.avi")), &log),
             qPrintable(log));
    QFile f(file(QStringLiteral("damaged.avi")));
    QVERIFY(f.open(QIODevice::ReadWrite));
    QByteArray bytes = f.readAll();
    QRandomGenerator random(7);
    for (qsizetype i = bytes.size() * 4 / 10; i < bytes.size() * 6 / 10; ++i)
        bytes[i] = char(random.bounded(256));
    f.seek(0);
    f.write(bytes);
    f.close();
    const auto decoded = decodeVideo(file(QStringLiteral("damaged.avi")));
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : qPrintable(errorText(decoded.error())));
    QVERIFY(decoded->frames.count >= 10);
}

void TestMediaDecode::notAVideo_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QByteArray>("contents");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("says");
    QByteArray noise(4096, '\0');
    QRandomGenerator random(3);
    for (char &c : noise)
        c = char(random.bounded(256));
    QTest::newRow("text") << "notes.mp4" << QByteArray("just some notes\n")
                          << int(ErrorCode::BadFormat) << "not a video";
    QTest::newRow("noise") << "noise.mkv" << noise << int(ErrorCode::BadFormat) << "noise.mkv";
    QTest::newRow("empty") << "empty.mp4" << QByteArray() << int(ErrorCode::BadFormat) << "empty";
    QTest::newRow("missing") << "missing.mp4" << QByteArray("-") << int(ErrorCode::NotFound)
                             << "no such file";
    QTest::newRow("audio only") << "tone.wav" << QByteArray("wav") << int(ErrorCode::BadFormat)
                                << "no video stream";
}

void TestMediaDecode::notAVideo()
{
    QFETCH(QString, name);
    QFETCH(QByteArray, contents);
    QFETCH(int, code);
    QFETCH(QString, says);
    if (contents == "wav") {
        QVERIFY(test::runFfmpeg({QStringLiteral("-f"), QStringLiteral("lavfi"),
                                 QStringLiteral("-i"), QStringLiteral("sine=d=0.5"),
                                 file(name)}));
    } else if (contents != "-") {
        QFile f(file(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }
    const auto decoded = decodeVideo(file(name));
    QVERIFY(!decoded.ok());
    QCOMPARE(int(decoded.error().code), code);
    const QString message = QString::fromStdString(decoded.error().message);
    QVERIFY2(message.contains(name) && message.contains(says), qPrintable(message));
}

QTEST_GUILESS_MAIN(TestMediaDecode)
#include "tst_media_decode.moc"
