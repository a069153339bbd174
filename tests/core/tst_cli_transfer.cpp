// `mbq transfer` end to end on a tiny random Wan model: a source clip written by our encoder is
// conformed, its queries injected, and the video, the baseline and the metrics are written.

#include "core/media/video_writer.h"
#include "inference/wan_tools.h"
#include "tests/common/process_run.h"
#include "tests/core/helpers/synthetic_clip.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

class TestCliTransfer : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_source;

    QString file(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QStringList smallTransfer() const
    {
        return {
            "transfer", "--model",  m_model,    "--source", m_source,   "--prompt", "a chrome wolf",
            "--width",  "64",       "--height", "48",       "--frames", "5",        "--steps",
            "3",        "--device", "cpu"};
    }

private slots:
    void initTestCase()
    {
        TinyModelOptions tiny;
        tiny.folder = file("tiny").toStdString();
        auto made = makeTinyModel(tiny);
        QVERIFY2(made, made ? "" : made.error().message.c_str());
        m_model = file("tiny");
        // 96×64 at 16 fps, 20 frames: the render's 64×48×5 is cut from it.
        m_source = file("source.mp4");
        const auto motion = test::standardMotion(20, 96, 64);
        QVERIFY(
            encodeVideo(test::renderClip(96, 64, 16.0, test::Look::warm(), motion), m_source).ok());
    }

    void writesVideoBaselineAndMetrics()
    {
        const test::ProcessRun run
            = test::runMbq(smallTransfer()
                           + QStringList {"--layers", "1-2", "--steps-range", "0:2", "--extract",
                                          "per_step", "--out", file("out.mp4"), "--baseline-out",
                                          file("base.mp4"), "--metrics", file("metrics.json")});
        QVERIFY2(run.code == 0, run.err.constData());
        // The conform plan is shown, never silent.
        QVERIFY2(run.err.contains("5 of 20 frames") && run.err.contains("crop 64×48"),
                 run.err.constData());
        QVERIFY(QFile(file("out.mp4")).size() > 0);
        QVERIFY(QFile(file("base.mp4")).size() > 0);
        QVERIFY(QFile::exists(file("out.latent.safetensors")));
        // Same prompt, seed and encoder settings: only the injection can tell them apart.
        QFile out(file("out.mp4")), base(file("base.mp4"));
        QVERIFY(out.open(QIODevice::ReadOnly) && base.open(QIODevice::ReadOnly));
        QVERIFY(out.readAll() != base.readAll());
        QFile metrics(file("metrics.json"));
        QVERIFY(metrics.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(metrics.readAll()).object();
        QVERIFY(json.contains("fidelity") && json.contains("baselineFidelity"));
        QVERIFY(json["identityLeak"].toObject()["leak"].isDouble());
    }

    void lockstepInvertsTheSource()
    {
        const test::ProcessRun run = test::runMbq(
            smallTransfer()
            + QStringList {"--layers", "all", "--steps-range", "0:2", "--extract", "lockstep",
                           "--out", file("lockstep.mp4"), "--baseline-out",
                           file("lockstep_base.mp4")});
        QVERIFY2(run.code == 0, run.err.constData());
        QFile out(file("lockstep.mp4")), base(file("lockstep_base.mp4"));
        QVERIFY(out.open(QIODevice::ReadOnly) && base.open(QIODevice::ReadOnly));
        QVERIFY(out.size() > 0);
        QVERIFY(out.readAll() != base.readAll());
    }

    void badSettingsAreClearErrors()
    {
        // The paper's default layers (blocks 20-29) do not exist in a 3-block tiny model.
        test::ProcessRun run = test::runMbq(smallTransfer() + QStringList {"--out", file("a.mp4")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("block.20"), run.err.constData());
        run = test::runMbq(
            smallTransfer()
            + QStringList {"--layers", "1", "--steps-range", "2", "--out", file("a.mp4")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains("--steps-range"), run.err.constData());
        run = test::runMbq(
            smallTransfer()
            + QStringList {"--layers", "1", "--mode", "swap", "--out", file("a.mp4")});
        QCOMPARE(run.code, 2);
        QFile notVideo(file("notes.mp4"));
        QVERIFY(notVideo.open(QIODevice::WriteOnly));
        notVideo.write("not a video");
        notVideo.close();
        QStringList args = smallTransfer();
        args[args.indexOf("--source") + 1] = file("notes.mp4");
        run = test::runMbq(args + QStringList {"--layers", "1", "--out", file("a.mp4")});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("notes.mp4"), run.err.constData());
        run = test::runMbq(smallTransfer()
                           + QStringList {"--layers", "1", "--source-seed", "4", "--out",
                                          file("a.mp4")});
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains("--source-seed needs --extract lockstep"), run.err.constData());
        QCOMPARE(test::runMbq({"transfer", "--model", m_model, "--out", file("a.mp4")}).code, 2);
        QVERIFY(!QFile::exists(file("a.mp4")));
    }
};

QTEST_GUILESS_MAIN(TestCliTransfer)
#include "tst_cli_transfer.moc"
