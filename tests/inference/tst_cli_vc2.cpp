// The VideoCrafter2 commands of `mbq` end to end: make-tiny-model --family videocrafter2 in both
// layouts, `mbq info` recognising either folder, and the vc2 probes (schedule and tokenizer as
// JSON, the UNet on a safetensors file), with their usage errors.

#include "tests/common/process_run.h"

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using mbq::test::ProcessRun;

class TestCliVc2 : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_ckpt;

    static ProcessRun mbq(const QStringList &args) { return mbq::test::runMbq(args); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_ckpt = m_dir.filePath(QStringLiteral("ckpt"));
        const ProcessRun run = mbq({"make-tiny-model", "--family", "videocrafter2", "--layout",
                                    "official", "--out", m_ckpt, "--seed", "4"});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.out.contains("RANDOM WEIGHTS"));
        QVERIFY(QFile::exists(m_ckpt + "/model.ckpt"));
    }

    void generateAndTransferPickTheFamilysPipeline()
    {
        // Sizes are multiples of 64 and any frame count is allowed: VideoCrafter2's rules.
        const QString plain = m_dir.filePath(QStringLiteral("plain.mp4"));
        const ProcessRun generated = mbq({"generate", "--model", m_ckpt, "--prompt", "a fox",
                                          "--width", "64", "--height", "64", "--frames", "4",
                                          "--steps", "4", "--out", plain});
        QVERIFY2(generated.code == 0, generated.err.constData());
        QVERIFY(QFile::exists(plain));
        QVERIFY(QFile::exists(m_dir.filePath(QStringLiteral("plain.latent.safetensors"))));

        // A real clip from FFmpeg's test source, conformed to exactly 4 frames at 64x64.
        const QString source = m_dir.filePath(QStringLiteral("source.mp4"));
        QProcess ffmpeg;
        ffmpeg.start(QStringLiteral("ffmpeg"),
                     {"-v", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=96x80:rate=8",
                      "-frames:v", "12", "-pix_fmt", "yuv420p", source});
        QVERIFY(ffmpeg.waitForFinished(60000));
        QCOMPARE(ffmpeg.exitCode(), 0);
        const QString metrics = m_dir.filePath(QStringLiteral("metrics.json"));
        const ProcessRun transferred = mbq(
                {"transfer", "--model", m_ckpt, "--source", source, "--prompt", "a wolf",
                 "--width", "64", "--height", "64", "--frames", "4", "--fps", "8", "--steps",
                 "4", "--out", m_dir.filePath(QStringLiteral("wolf.mp4")), "--metrics", metrics});
        QVERIFY2(transferred.code == 0, transferred.err.constData());
        // The family's default schedule: every spatial self-attention, per-step extraction.
        QVERIFY(QFile::exists(metrics));
        QVERIFY2(transferred.err.contains("4 of 12 frames"), transferred.err.constData());

        const ProcessRun wrongSize = mbq({"generate", "--model", m_ckpt, "--prompt", "a fox",
                                          "--width", "96", "--height", "64", "--frames", "4",
                                          "--steps", "4", "--out", plain});
        QCOMPARE(wrongSize.code, 1);
        QVERIFY2(wrongSize.err.contains("64"), wrongSize.err.constData());
    }

    void safetensorsLayoutIsRecognised()
    {
        const QString folder = m_dir.filePath(QStringLiteral("st"));
        const ProcessRun made = mbq({"make-tiny-model", "--family", "videocrafter2", "--layout",
                                     "safetensors", "--out", folder});
        QVERIFY2(made.code == 0, made.err.constData());
        QVERIFY(QFile::exists(folder + "/model.safetensors"));
        QVERIFY(!QFile::exists(folder + "/model.ckpt"));
        const ProcessRun info = mbq({"info", folder});
        QVERIFY2(info.code == 0, info.err.constData());
        QVERIFY2(info.out.contains("videocrafter2"), info.out.constData());

        const ProcessRun wrong = mbq({"make-tiny-model", "--family", "videocrafter2", "--layout",
                                      "diffusers", "--out", folder});
        QCOMPARE(wrong.code, 2);
        QVERIFY(wrong.err.contains("official|safetensors"));
    }

    void scheduleProbe()
    {
        const ProcessRun run = mbq({"probe", "vc2-schedule", "--steps", "50"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject json = QJsonDocument::fromJson(run.out).object();
        const QJsonArray timesteps = json.value("timesteps").toArray();
        QCOMPARE(timesteps.size(), 50);
        QCOMPARE(timesteps.first().toInt(), 981);
        QCOMPARE(timesteps.last().toInt(), 1);
        QCOMPARE(json.value("scales").toArray().first().toDouble(), 0.7f);
        QCOMPARE(json.value("sigmas").toArray().size(), 50);
        QCOMPARE(mbq({"probe", "vc2-schedule", "--steps", "many"}).code, 2);
    }

    void tokenizerProbe()
    {
        const ProcessRun run = mbq({"probe", "vc2-tokenizer", "--model", m_ckpt, "--text", "A cat"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonArray ids = QJsonDocument::fromJson(run.out).object().value("ids").toArray();
        QCOMPARE(ids.size(), 77);
        QCOMPARE(ids.at(0).toInt(), 523); // the tiny vocabulary's start token
        QCOMPARE(mbq({"probe", "vc2-tokenizer", "--text", "A cat"}).code, 2);
    }

    void unetProbe()
    {
        const QString in = m_dir.filePath(QStringLiteral("in.safetensors"));
        const QString out = m_dir.filePath(QStringLiteral("out.safetensors"));
        at::manual_seed(2);
        QVERIFY(mbq::io::writeSafetensors(in.toStdString(),
                                          {mbq::io::tensorEntry("x", at::randn({4, 2, 4, 8})),
                                           mbq::io::tensorEntry("t", at::tensor({261.0f})),
                                           mbq::io::tensorEntry("context", at::randn({77, 32})),
                                           mbq::io::tensorEntry("fps", at::tensor({28.0f}))},
                                          {})
                    .ok());
        const ProcessRun run
            = mbq({"probe", "vc2-unet", "--model", m_ckpt, "--in", in, "--out", out});
        QVERIFY2(run.code == 0, run.err.constData());
        auto store = mbq::io::TensorStore::open(out.toStdString());
        QVERIFY(store.ok());
        auto eps = store->load("eps");
        QVERIFY(eps.ok());
        QCOMPARE(eps->sizes().vec(), std::vector<int64_t>({4, 2, 4, 8}));

        const ProcessRun missing = mbq({"probe", "vc2-unet", "--model", m_ckpt, "--in",
                                        m_dir.filePath(QStringLiteral("absent.safetensors")),
                                        "--out", out});
        QCOMPARE(missing.code, 1);
        QVERIFY(missing.err.contains("absent.safetensors"));
    }
};

QTEST_GUILESS_MAIN(TestCliVc2)
#include "tst_cli_vc2.moc"
