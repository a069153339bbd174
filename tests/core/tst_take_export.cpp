// Exporting a take through real FFmpeg: the re-encode keeps the take's render parameters, the
// side-by-side comparison holds source | injected | baseline at the take's size, and a missing
// file is an error naming it.

#include "core/media/media_info.h"
#include "core/media/take_export.h"
#include "helpers/synthetic_clip.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

class TestTakeExport : public QObject
{
    Q_OBJECT

private slots:
    void exportsAReencodeAndAComparison()
    {
        QTemporaryDir dir;
        const auto motion = test::standardMotion(9, 64, 48);
        const VideoFrames take = test::renderClip(64, 48, 8.0, test::Look::cool(), motion);
        const VideoFrames baseline = test::renderClip(64, 48, 8.0, test::Look::warm(), motion);
        const VideoFrames source = test::renderClip(96, 64, 8.0, test::Look::warm(),
                                                    test::standardMotion(16, 96, 64));
        EncodeOptions tagged;
        tagged.metadataJson = R"({"app":"mbq","format_version":1})";
        const QString takePath = dir.filePath(QStringLiteral("take-1.mp4"));
        QVERIFY(encodeVideo(take, takePath, tagged));
        QVERIFY(encodeVideo(baseline, dir.filePath(QStringLiteral("take-1.baseline.mp4"))));
        QVERIFY(encodeVideo(source, dir.filePath(QStringLiteral("source.mp4"))));

        TakeExportSpec spec;
        spec.videoPath = takePath;
        spec.outPath = dir.filePath(QStringLiteral("export.mkv"));
        spec.encode.codec = VideoCodec::Ffv1;
        QVERIFY(exportTake(spec));
        auto info = probeVideo(spec.outPath);
        QVERIFY(info);
        QCOMPARE(info->codec, QStringLiteral("ffv1"));
        QCOMPARE(info->width, 64);
        QVERIFY(info->metadataComment.contains(QStringLiteral("format_version")));

        spec.sideBySide = true;
        spec.sourceClip = dir.filePath(QStringLiteral("source.mp4"));
        spec.baselinePath = dir.filePath(QStringLiteral("take-1.baseline.mp4"));
        spec.settings.width = 64;
        spec.settings.height = 48;
        spec.settings.frames = 9;
        spec.settings.fps = 8.0;
        spec.encode = {};
        spec.outPath = dir.filePath(QStringLiteral("compare.mp4"));
        QVERIFY(exportTake(spec));
        info = probeVideo(spec.outPath);
        QVERIFY(info);
        QVERIFY2(info->width >= 3 * 64 && info->width <= 3 * 64 + 2 * 8 + 1,
                 qPrintable(QString::number(info->width)));
        QVERIFY(info->height > 48); // the label bar
        QCOMPARE(info->frameCount, 9);
        QVERIFY(info->metadataComment.contains(QStringLiteral("format_version")));
    }

    void aMissingTakeIsAnErrorNamingIt()
    {
        QTemporaryDir dir;
        TakeExportSpec spec;
        spec.videoPath = dir.filePath(QStringLiteral("gone.mp4"));
        spec.outPath = dir.filePath(QStringLiteral("out.mp4"));
        const auto exported = exportTake(spec);
        QVERIFY(!exported);
        QVERIFY(QString::fromStdString(exported.error().message).contains(QStringLiteral("gone.mp4")));
        QVERIFY(!QFileInfo::exists(spec.outPath));
    }
};

QTEST_GUILESS_MAIN(TestTakeExport)
#include "tst_take_export.moc"
