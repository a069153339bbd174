// `mbq info` and `mbq convert` end to end: exit codes, messages on stderr, JSON output.

#include "checkpoint_fixtures.h"
#include "tests/common/process_run.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

class TestCliCheckpoints : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    using Run = mbq::test::ProcessRun;
    static Run mbq(const QStringList &args) { return mbq::test::runMbq(args); }

    QString fixture(const char *name) const { return m_dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        const QString mbqPath = QStringLiteral(MBQ_BINARY_DIR "/bin/mbq");
        QVERIFY2(QFile::exists(mbqPath),
                 qPrintable("the mbq executable is missing at " + mbqPath + "; build target mbq"));
        QVERIFY(m_dir.isValid());
        const QString error = mbq::test::writeTorchFixtures(m_dir.path());
        QVERIFY2(error.isEmpty(), qPrintable(error));
    }

    void infoListsTensors()
    {
        const Run run = mbq({"info", fixture("tensors_legacy.pth")});
        QCOMPARE(run.code, 0);
        QVERIFY(run.out.contains("torch-legacy"));
        QVERIFY(run.out.contains("plain.bf16"));
        QVERIFY(run.out.contains("[2, 2, 2]"));
        QVERIFY(run.out.contains("22 tensors"));
    }

    void infoPrintsJson()
    {
        const Run run = mbq({"info", fixture("tensors_zip.pth"), "--json"});
        QCOMPARE(run.code, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(run.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root["format"].toString(), QStringLiteral("torch-zip"));
        const QJsonArray tensors = root["tensors"].toArray();
        QCOMPARE(tensors.size(), 22);
        bool found = false;
        for (const QJsonValue &tensor : tensors) {
            if (tensor["name"].toString() == "view.t") {
                found = true;
                QCOMPARE(tensor["dtype"].toString(), QStringLiteral("F32"));
                QCOMPARE(tensor["shape"].toArray(), (QJsonArray {6, 4}));
                QCOMPARE(tensor["bytes"].toInt(), 96);
            }
        }
        QVERIFY(found);
    }

    void infoRefusesHostileFiles()
    {
        for (const char *name : {"deflated.pth", "missing.pth"}) {
            const Run run = mbq({"info", fixture(name)});
            QCOMPARE(run.code, 1);
            QVERIFY2(run.err.startsWith("mbq: ") && run.err.contains(fixture(name).toUtf8()),
                     run.err.constData());
        }
        QVERIFY(mbq::test::writeBytes(fixture("deep.pth"),
                                      mbq::test::torchZip(QByteArray("\x80\x02", 2)
                                                          + QByteArray(100000, ']')
                                                          + QByteArray(99999, 'a') + ".")));
        const Run deep = mbq({"info", fixture("deep.pth")});
        QCOMPARE(deep.code, 1);
        QVERIFY(deep.err.contains("nested deeper"));

        for (const char *command : {"info", "convert"}) {
            QStringList args{command, fixture("evil_legacy.pth")};
            if (QLatin1String(command) == QLatin1String("convert"))
                args << fixture("evil.safetensors");
            const Run evil = mbq(args);
            QCOMPARE(evil.code, 1);
            QVERIFY2(evil.err.contains("posix.system") && evil.err.contains("hostile"),
                     evil.err.constData());
            QVERIFY(!QFile::exists(fixture("PWNED_MARKER")));
            QVERIFY(!QFile::exists(fixture("evil.safetensors")));
        }
    }

    void usageErrors()
    {
        QCOMPARE(mbq({"info"}).code, 2);
        QCOMPARE(mbq({"info", "a", "b"}).code, 2);
        QCOMPARE(mbq({"info", "--bogus", "a"}).code, 2);
        QCOMPARE(mbq({"convert", fixture("bare.pth")}).code, 2);
        QCOMPARE(mbq({"convert", fixture("bare.pth"), fixture("x.bin")}).code, 2);
        const Run dtype
            = mbq({"convert", fixture("bare.pth"), fixture("x.safetensors"), "--dtype", "fp8"});
        QCOMPARE(dtype.code, 2);
        QVERIFY(dtype.err.contains("fp8"));
        QCOMPARE(mbq({"info", "--help"}).code, 0);
    }

    void convertWritesSafetensors()
    {
        const QString out = fixture("out.safetensors");
        const Run run = mbq({"convert", fixture("tensors_zip.pth"), out, "--dtype", "f16"});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.out.contains("22 tensors"));
        const Run info = mbq({"info", out, "--json"});
        QCOMPARE(info.code, 0);
        const QJsonObject root = QJsonDocument::fromJson(info.out).object();
        QCOMPARE(root["format"].toString(), QStringLiteral("safetensors"));
        for (const QJsonValue &tensor : root["tensors"].toArray()) {
            if (tensor["name"].toString() == "plain.f64")
                QCOMPARE(tensor["dtype"].toString(), QStringLiteral("F16"));
            if (tensor["name"].toString() == "plain.i64")
                QCOMPARE(tensor["dtype"].toString(), QStringLiteral("I64"));
        }

        const Run bad = mbq({"convert", fixture("deflated.pth"), fixture("bad.safetensors")});
        QCOMPARE(bad.code, 1);
        QVERIFY(bad.err.startsWith("mbq: "));
        QVERIFY(!QFile::exists(fixture("bad.safetensors")));
    }

    void infoSummarisesFolders()
    {
        const QString folder = m_dir.filePath("vc2");
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QFile::copy(fixture("tensors_zip.pth"), folder + "/model.ckpt"));
        const Run run = mbq({"info", folder});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.out.contains("videocrafter2"));
        const Run json = mbq({"info", folder, "--json"});
        QCOMPARE(QJsonDocument::fromJson(json.out).object()["complete"].toBool(), true);

        const QString wan = m_dir.filePath("wan");
        QVERIFY(QDir().mkpath(wan));
        QVERIFY(mbq::test::writeBytes(wan + "/config.json", "{}"));
        QVERIFY(QFile::copy(fixture("bare.pth"), wan + "/Wan2.1_VAE.pth"));
        const Run incomplete = mbq({"info", wan});
        QCOMPARE(incomplete.code, 1);
        QVERIFY2(incomplete.err.contains("models_t5_umt5-xxl-enc-bf16.pth"),
                 incomplete.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestCliCheckpoints)
#include "tst_cli_checkpoints.moc"
