// The other exports and views of a clip: PNG sequences (lossless, metadata in the first file),
// the labelled side-by-side comparison, and timeline filmstrips.

#include "core/media/decode.h"
#include "core/media/filmstrip.h"
#include "core/media/png_sequence.h"
#include "core/media/side_by_side.h"
#include "core/media/video_writer.h"
#include "tests/core/helpers/synthetic_clip.h"

#include <QDir>
#include <QImageReader>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

class TestMediaExport : public QObject
{
    Q_OBJECT

private slots:
    void pngSequenceRoundTrip();
    void pngSequenceIntoMissingFolder();
    void sideBySideLayout();
    void filmstrip_data();
    void filmstrip();
};

void TestMediaExport::pngSequenceRoundTrip()
{
    QTemporaryDir dir;
    const VideoFrames clip = test::renderClip(48, 32, 16.0, test::Look::cool(),
                                              test::standardMotion(6, 48, 32));
    const QByteArray json = R"({"seed":7})";
    const auto written = writePngSequence(clip, dir.path(), QStringLiteral("take"), json);
    QVERIFY(written.ok());
    QCOMPARE(written->size(), 6);
    QCOMPARE(QFileInfo(written->front()).fileName(), QStringLiteral("take_0000.png"));
    QCOMPARE(QImageReader(written->front()).text(QStringLiteral("Description")).toUtf8(), json);

    const auto decoded = decodeVideo(dir.filePath(QStringLiteral("take_%04d.png")));
    QVERIFY(decoded.ok());
    QCOMPARE(decoded->frames.count, 6);
    QVERIFY(decoded->frames.rgb == clip.rgb);
}

void TestMediaExport::pngSequenceIntoMissingFolder()
{
    const VideoFrames clip = test::numberedClip(8, 8, 2, 16.0);
    const auto written = writePngSequence(clip, QStringLiteral("/nonexistent/folder"),
                                          QStringLiteral("x"));
    QVERIFY(!written.ok());
    QCOMPARE(written.error().code, ErrorCode::NotFound);
}

void TestMediaExport::sideBySideLayout()
{
    const VideoFrames source = test::renderClip(64, 48, 16.0, test::Look::warm(),
                                                test::standardMotion(5, 64, 48));
    const VideoFrames injected = test::renderClip(32, 24, 16.0, test::Look::cool(),
                                                  test::standardMotion(3, 32, 24));
    const VideoFrames baseline = test::numberedClip(64, 48, 4, 16.0);
    const auto compare = sideBySide({{&source, QStringLiteral("source")},
                                     {&injected, QStringLiteral("injected")},
                                     {&baseline, QStringLiteral("baseline")}},
                                    8);
    QVERIFY(compare.ok());
    QCOMPARE(compare->count, 5);
    QCOMPARE(compare->width, 64 * 3 + 16);
    QCOMPARE(compare->height, 48 + 28);
    QCOMPARE(compare->fps, 16.0);
    // The source panel is copied unscaled below the label bar.
    const VideoFrames &out = *compare;
    for (int y = 0; y < 48; ++y)
        QVERIFY(std::memcmp(out.frame(4) + (size_t(y + 28) * out.width) * 3,
                            source.frame(4) + size_t(y) * 64 * 3, 64 * 3)
                == 0);
    // A label was drawn into the bar.
    int lit = 0;
    for (int y = 0; y < 28; ++y)
        for (int x = 0; x < 64; ++x)
            lit += out.frame(0)[(size_t(y) * out.width + x) * 3] > 100;
    QVERIFY(lit > 20);
    // The shorter baseline holds its last frame.
    const uint8_t *held = out.frame(4) + (size_t(40) * out.width + 64 * 2 + 16 + 10) * 3;
    QCOMPARE(int(held[0]), (3 % 16) * 16 + 8);

    QTemporaryDir dir;
    QVERIFY(encodeVideo(out, dir.filePath(QStringLiteral("compare.mp4"))).ok());
    QVERIFY(!sideBySide({}).ok());
}

void TestMediaExport::filmstrip_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("key frames") << int(FilmstripMode::KeyFrames);
    QTest::newRow("exact") << int(FilmstripMode::Exact);
}

void TestMediaExport::filmstrip()
{
    QFETCH(int, mode);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("numbered.mp4"));
    EncodeOptions options;
    options.preset = QStringLiteral("ultrafast");
    QVERIFY(encodeVideo(test::numberedClip(160, 96, 80, 16.0), path, options).ok());
    const auto strip = mbq::filmstrip(path, 8, 24, FilmstripMode(mode));
    QVERIFY2(strip.ok(), strip.ok() ? "" : strip.error().toString().c_str());
    QCOMPARE(strip->size(), size_t(8));
    double previous = -1.0;
    for (size_t i = 0; i < strip->size(); ++i) {
        const Thumbnail &t = (*strip)[i];
        QCOMPARE(t.image.size(), QSize(40, 24));
        QVERIFY(t.seconds >= previous);
        previous = t.seconds;
        if (FilmstripMode(mode) == FilmstripMode::Exact) {
            // Point i sits at (i + 0.5) / 8 of 5 s; the frame on screen then.
            const int expected = int(std::floor((i + 0.5) * 5.0 / 8.0 * 16.0));
            const QRgb centre = t.image.pixel(20, 12);
            QCOMPARE((qGreen(centre) / 16) * 16 + qRed(centre) / 16, expected);
        }
    }
}

QTEST_GUILESS_MAIN(TestMediaExport)
#include "tst_media_export.moc"
