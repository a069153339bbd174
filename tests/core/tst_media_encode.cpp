// Encoding: every codec round-trips through our own decoder at the expected quality, the
// render parameters survive in the container's metadata, MP4s are fast-start, and failed
// writes (bad settings, a full disk, a missing folder) leave no file behind.

#include "core/media/decode.h"
#include "core/media/video_writer.h"
#include "tests/core/helpers/synthetic_clip.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>
#include <cmath>
#include <sys/resource.h>
#include <unistd.h>

using namespace mbq;

namespace {

double psnr(const VideoFrames &a, const VideoFrames &b)
{
    double sum = 0.0;
    for (size_t i = 0; i < a.rgb.size(); ++i) {
        const double d = double(a.rgb[i]) - double(b.rgb[i]);
        sum += d * d;
    }
    const double mse = sum / double(a.rgb.size());
    return mse == 0.0 ? 99.0 : 10.0 * std::log10(255.0 * 255.0 / mse);
}

int maxDifference(const VideoFrames &a, const VideoFrames &b)
{
    int worst = 0;
    for (size_t i = 0; i < a.rgb.size(); ++i)
        worst = std::max(worst, std::abs(int(a.rgb[i]) - int(b.rgb[i])));
    return worst;
}

VideoFrames sampleClip(int frames = 12)
{
    return test::renderClip(96, 64, 16.0, test::Look::warm(),
                            test::standardMotion(frames, 96, 64));
}

// Every entry of the folder, hidden ones (our temporary files) included.
QStringList entries(const QString &folder)
{
    return QDir(folder).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestMediaEncode : public QObject
{
    Q_OBJECT

private slots:
    void roundTrip_data();
    void roundTrip();
    void metadataAndFaststart();
    void replacesExistingFileAtomically();
    void exportedFileIsReadableByOthers();
    void rejectsBadSettingsWithoutLeavingFiles();
    void missingFolderIsNotFound();
    void fullDiskIsReportedAndCleanedUp();
    void readOnlyFolderIsReported();
    void abandonedWriterLeavesNothing();
};

void TestMediaEncode::roundTrip_data()
{
    QTest::addColumn<int>("codec");
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("decoder");
    QTest::addColumn<double>("minPsnr");
    QTest::addColumn<int>("maxDiff");
    QTest::newRow("h264 mp4") << int(VideoCodec::H264) << "a.mp4" << "h264" << 34.0 << 255;
    QTest::newRow("h264 mov") << int(VideoCodec::H264) << "a.mov" << "h264" << 34.0 << 255;
    QTest::newRow("h265 mp4") << int(VideoCodec::H265) << "a.mp4" << "hevc" << 32.0 << 255;
    QTest::newRow("h264 lossless mkv") << int(VideoCodec::H264Lossless) << "a.mkv" << "h264"
                                       << 45.0 << 4;
    QTest::newRow("ffv1 mkv") << int(VideoCodec::Ffv1) << "a.mkv" << "ffv1" << 99.0 << 0;
}

void TestMediaEncode::roundTrip()
{
    QFETCH(int, codec);
    QFETCH(QString, file);
    QFETCH(QString, decoder);
    QFETCH(double, minPsnr);
    QFETCH(int, maxDiff);
    QTemporaryDir dir;
    const QString path = dir.filePath(file);
    const VideoFrames clip = sampleClip();
    EncodeOptions options;
    options.codec = VideoCodec(codec);
    options.preset = QStringLiteral("fast");
    const auto written = encodeVideo(clip, path, options);
    QVERIFY2(written.ok(), written.ok() ? "" : written.error().toString().c_str());
    QCOMPARE(entries(dir.path()), QStringList{file});

    const auto decoded = decodeVideo(path);
    QVERIFY2(decoded.ok(), decoded.ok() ? "" : decoded.error().toString().c_str());
    QCOMPARE(decoded->info.codec, decoder);
    QCOMPARE(decoded->frames.width, clip.width);
    QCOMPARE(decoded->frames.height, clip.height);
    QCOMPARE(decoded->frames.count, clip.count);
    QCOMPARE(decoded->info.fps, 16.0);
    QVERIFY(decoded->problems.empty());
    for (int i = 0; i < clip.count; ++i)
        QVERIFY(std::abs(decoded->seconds[size_t(i)] - i / 16.0) < 1e-3);
    const double quality = psnr(clip, decoded->frames);
    QVERIFY2(quality >= minPsnr, qPrintable(QStringLiteral("PSNR %1 dB").arg(quality)));
    QVERIFY(maxDifference(clip, decoded->frames) <= maxDiff);
}

void TestMediaEncode::metadataAndFaststart()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("render.mp4"));
    EncodeOptions options;
    options.metadataJson = R"({"model":"wan2.1","prompt":"a fox, \"quoted\" — ünïcode","seed":42})";
    QVERIFY(encodeVideo(sampleClip(), path, options).ok());
    const auto info = probeVideo(path);
    QVERIFY(info.ok());
    QCOMPARE(info->metadataComment.toUtf8(), options.metadataJson);
    QCOMPARE(info->pixelFormat, QStringLiteral("yuv420p"));

    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.indexOf("moov") >= 0);
    QVERIFY2(bytes.indexOf("moov") < bytes.indexOf("mdat"), "the index must precede the data");

    const QString mkv = dir.filePath(QStringLiteral("render.mkv"));
    QVERIFY(encodeVideo(sampleClip(), mkv, options).ok());
    QCOMPARE(probeVideo(mkv)->metadataComment.toUtf8(), options.metadataJson);
}

void TestMediaEncode::replacesExistingFileAtomically()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("take.mp4"));
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("old contents");
    }
    QVERIFY(encodeVideo(sampleClip(), path).ok());
    QCOMPARE(probeVideo(path)->frameCount, 12);
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("take.mp4")});
}

void TestMediaEncode::exportedFileIsReadableByOthers()
{
    // The temporary file behind the atomic write is private; the finished export must not be.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("share.mp4"));
    QVERIFY(encodeVideo(sampleClip(), path).ok());
    const QFileDevice::Permissions permissions = QFile::permissions(path);
    QVERIFY(permissions.testFlag(QFileDevice::ReadGroup));
    QVERIFY(permissions.testFlag(QFileDevice::ReadOther));
}

void TestMediaEncode::rejectsBadSettingsWithoutLeavingFiles()
{
    QTemporaryDir dir;
    EncodeOptions ffv1;
    ffv1.codec = VideoCodec::Ffv1;
    auto result = encodeVideo(sampleClip(), dir.filePath(QStringLiteral("x.mp4")), ffv1);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QVERIFY(QString::fromStdString(result.error().message).contains(QLatin1String("x.mp4")));

    VideoFrames odd = test::renderClip(67, 45, 16.0, test::Look::warm(),
                                       test::standardMotion(3, 67, 45));
    result = encodeVideo(odd, dir.filePath(QStringLiteral("odd.mp4")));
    QVERIFY(!result.ok());
    QVERIFY(QString::fromStdString(result.error().message).contains(QLatin1String("even")));
    // Lossless FFV1 keeps odd sizes exactly.
    QVERIFY(encodeVideo(odd, dir.filePath(QStringLiteral("odd.mkv")), ffv1).ok());

    result = encodeVideo(sampleClip(), dir.filePath(QStringLiteral("x.unknownext")));
    QVERIFY(!result.ok());
    // Refused by the encoder itself, after the temporary file exists.
    EncodeOptions badPreset;
    badPreset.preset = QStringLiteral("no-such-preset");
    result = encodeVideo(sampleClip(), dir.filePath(QStringLiteral("preset.mp4")), badPreset);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    QVERIFY(encodeVideo(VideoFrames{}, dir.filePath(QStringLiteral("empty.mp4"))).error().code
            == ErrorCode::InvalidArgument);
    QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("odd.mkv")});
}

void TestMediaEncode::missingFolderIsNotFound()
{
    QTemporaryDir dir;
    const auto result = encodeVideo(sampleClip(), dir.filePath(QStringLiteral("no/such/a.mp4")));
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::NotFound);
}

void TestMediaEncode::fullDiskIsReportedAndCleanedUp()
{
    // A file-size limit makes writes fail part way, as a full disk does (EFBIG instead of
    // ENOSPC); SIGXFSZ is ignored so the write returns an error instead of killing us.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.mkv"));
    const VideoFrames clip = test::renderClip(320, 240, 16.0, test::Look::cool(),
                                              test::standardMotion(24, 320, 240));
    EncodeOptions options;
    options.codec = VideoCodec::Ffv1;
    rlimit saved{};
    QVERIFY(getrlimit(RLIMIT_FSIZE, &saved) == 0);
    const auto previous = std::signal(SIGXFSZ, SIG_IGN);
    rlimit limited = saved;
    limited.rlim_cur = 256 * 1024;
    QVERIFY(setrlimit(RLIMIT_FSIZE, &limited) == 0);
    const auto result = encodeVideo(clip, path, options);
    setrlimit(RLIMIT_FSIZE, &saved);
    std::signal(SIGXFSZ, previous);

    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Io);
    const QString message = QString::fromStdString(result.error().message);
    QVERIFY2(message.contains(QLatin1String("big.mkv")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("largest size")), qPrintable(message));
    QVERIFY(entries(dir.path()).isEmpty());
}

void TestMediaEncode::readOnlyFolderIsReported()
{
    if (geteuid() == 0)
        QSKIP("root ignores folder permissions");
    QTemporaryDir dir;
    QVERIFY(QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::ExeOwner));
    const auto result = encodeVideo(sampleClip(), dir.filePath(QStringLiteral("a.mp4")));
    QFile::setPermissions(dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Io);
    QVERIFY(entries(dir.path()).isEmpty());
}

void TestMediaEncode::abandonedWriterLeavesNothing()
{
    QTemporaryDir dir;
    const VideoFrames clip = sampleClip();
    {
        auto writer = VideoWriter::open(dir.filePath(QStringLiteral("a.mp4")), clip.width,
                                        clip.height, clip.fps, {});
        QVERIFY(writer.ok());
        QVERIFY(writer.value()->write(clip.frame(0)).ok());
        QCOMPARE(entries(dir.path()).size(), 1); // the temporary file
    }
    QVERIFY(entries(dir.path()).isEmpty());
}

QTEST_GUILESS_MAIN(TestMediaEncode)
#include "tst_media_encode.moc"
