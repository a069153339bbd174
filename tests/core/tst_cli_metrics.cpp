// `mbq metrics` end to end: clips with known ground truth, encoded by our writer, measured by
// the command line an artist or a script would run.

#include "core/media/video_writer.h"
#include "tests/common/process_run.h"
#include "tests/core/helpers/synthetic_clip.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

namespace {

using Run = test::ProcessRun;

constexpr int kWidth = 192;
constexpr int kHeight = 128;
constexpr int kFrames = 25;

Run mbqMetrics(const QStringList &args)
{
    return test::runMbq(QStringList {"metrics"} + args);
}

} // namespace

class TestCliMetrics : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString write(const char *name, const test::Look &look, const test::Motion &motion)
    {
        const QString path = m_dir.filePath(QLatin1String(name));
        EncodeOptions options;
        options.preset = QStringLiteral("veryfast");
        const auto written
            = encodeVideo(test::renderClip(kWidth, kHeight, 16.0, look, motion), path, options);
        return written.ok() ? path : QString();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(QFile::exists(QStringLiteral(MBQ_BINARY_DIR "/bin/mbq")));
        QVERIFY(m_dir.isValid());
    }

    void motionKeptLookChanged()
    {
        const auto standard = test::standardMotion(kFrames, kWidth, kHeight);
        const QString source = write("source.mp4", test::Look::warm(), standard);
        // The injected render moves like the source but looks like its prompt; the baseline
        // looks the same but moves its own way.
        const QString output = write("output.mp4", test::Look::cool(), standard);
        const QString baseline = write("baseline.mp4", test::Look::cool(),
                                       test::otherMotion(kFrames, kWidth, kHeight));
        QVERIFY(!source.isEmpty() && !output.isEmpty() && !baseline.isEmpty());

        const Run run = mbqMetrics(
            {"--source", source, "--output", output, "--baseline", baseline, "--json"});
        QVERIFY2(run.code == 0, run.err.constData());
        QJsonParseError parseError;
        const QJsonObject json = QJsonDocument::fromJson(run.out, &parseError).object();
        QVERIFY2(parseError.error == QJsonParseError::NoError, run.out.constData());
        const double fidelity = json["fidelity"].toObject()["score"].toDouble(-2);
        const double baselineFidelity = json["baselineFidelity"].toObject()["score"].toDouble(-2);
        const double leak = json["identityLeak"].toObject()["leak"].toDouble(-2);
        QVERIFY2(fidelity > 0.9, qPrintable(QString::number(fidelity)));
        QVERIFY2(baselineFidelity < fidelity - 0.2, qPrintable(QString::number(baselineFidelity)));
        QVERIFY2(std::abs(leak) < 0.1, qPrintable(QString::number(leak)));
        QCOMPARE(json["fidelity"].toObject()["perStep"].toArray().size(), kFrames - 1);
        QCOMPARE(json["source"].toString(), source);

        // The plain report carries the same numbers, rounded.
        const Run text = mbqMetrics({"--source", source, "--output", output});
        QCOMPARE(text.code, 0);
        QVERIFY2(text.out.contains(QByteArray::number(fidelity, 'f', 4)), text.out.constData());
        QVERIFY(text.out.contains("identity leak       n/a"));
    }

    void badInputIsAClearError()
    {
        const QString missing = m_dir.filePath(QStringLiteral("missing.mp4"));
        const QString notVideo = m_dir.filePath(QStringLiteral("notes.mp4"));
        QFile file(notVideo);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is not a video");
        file.close();

        Run run = mbqMetrics({"--source", missing, "--output", missing});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("missing.mp4"), run.err.constData());
        run = mbqMetrics({"--source", notVideo, "--output", notVideo});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("notes.mp4"), run.err.constData());
        QCOMPARE(mbqMetrics({"--source", notVideo}).code, 2);
        QCOMPARE(mbqMetrics({"--bogus"}).code, 2);
    }
};

QTEST_GUILESS_MAIN(TestCliMetrics)
#include "tst_cli_metrics.moc"
