// `mbq sweep` end to end on a tiny random Wan model: a grid of step ranges, layer selections and
// seeds rendered by one engine, each cell's clip, metrics and costs in sweep.csv and sweep.json,
// bad grids refused before anything renders, and Ctrl-C keeping what finished.

#include "core/media/decode.h"
#include "core/media/video_writer.h"
#include "inference/wan_tools.h"
#include "tests/common/process_run.h"
#include "tests/core/helpers/synthetic_clip.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <csignal>

using namespace mbq;

namespace {

constexpr int kFrames = 5;

// One CSV record per line (the sweep writes no line breaks inside fields); quoted fields may
// hold commas and doubled quotes.
QList<QStringList> readCsv(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> records;
    for (const QString &line : QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts)) {
        QStringList fields {QString()};
        bool quoted = false;
        for (int i = 0; i < line.size(); ++i) {
            const QChar c = line[i];
            if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"')
                fields.last() += line[++i];
            else if (c == '"')
                quoted = !quoted;
            else if (c == ',' && !quoted)
                fields << QString();
            else
                fields.last() += c;
        }
        records << fields;
    }
    return records;
}

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

// The CSV text of a JSON row value: numbers in their shortest form, null as an empty field.
QString csvText(const QJsonValue &value)
{
    if (value.isNull())
        return {};
    if (value.isDouble())
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    return value.toString();
}

VideoFrames decoded(const QString &path)
{
    auto clip = decodeVideo(path);
    return clip ? clip->frames : VideoFrames();
}

} // namespace

class TestCliSweep : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_model;
    QString m_source;

    QString file(const QString &name) const { return m_dir.filePath(name); }

    // 64×48, 5 frames, 3 steps on the CPU: a render of the tiny model takes about a second.
    QStringList smallSweep(const QString &out) const
    {
        const QStringList settings {
            "--prompt", "a chrome wolf", "--layers", "1-2",     "--width", "64",       "--height",
            "48",       "--frames",      "5",        "--steps", "3",       "--device", "cpu"};
        return QStringList {"sweep", "--model", m_model, "--source", m_source, "--out", out}
        + settings;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        TinyModelOptions tiny;
        tiny.folder = file("tiny").toStdString();
        auto made = makeTinyModel(tiny);
        QVERIFY2(made, made ? "" : made.error().message.c_str());
        m_model = file("tiny");
        m_source = file("source.mp4");
        const auto motion = test::standardMotion(20, 96, 64);
        QVERIFY(
            encodeVideo(test::renderClip(96, 64, 16.0, test::Look::warm(), motion), m_source).ok());
    }

    void rendersEveryCellWithTables()
    {
        const QString out = file("grid");
        // "0+2" is one selection of two layers; the tables write it as --layers reads it.
        const test::ProcessRun run = test::runMbq(
            smallSweep(out) + QStringList {"--vary", "end-step=0,2", "--vary", "layers=1,0+2"});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY2(run.err.contains("cell 4/4: end-step 2, layers 0,2"), run.err.constData());

        const QList<QStringList> csv = readCsv(out + "/sweep.csv");
        QCOMPARE(csv.size(), 5);
        const QStringList header = csv[0];
        QCOMPARE(header.mid(0, 8),
                 (QStringList {"cell", "file", "seed", "begin_step", "end_step", "layers", "weight",
                               "baseline"}));
        const auto at = [&](int row, const char *column) {
            return csv[row].value(header.indexOf(QLatin1String(column)));
        };
        // The last --vary changes fastest.
        const QStringList ends {"0", "0", "2", "2"}, layers {"1", "0,2", "1", "0,2"};
        for (int r = 1; r <= 4; ++r) {
            QCOMPARE(csv[r].size(), header.size());
            QCOMPARE(at(r, "cell"), QString::number(r));
            QCOMPARE(at(r, "seed"), QStringLiteral("42"));
            QCOMPARE(at(r, "begin_step"), QStringLiteral("0"));
            QCOMPARE(at(r, "end_step"), ends[r - 1]);
            QCOMPARE(at(r, "layers"), layers[r - 1]);
            QCOMPARE(at(r, "weight"), QStringLiteral("1"));
            QCOMPARE(at(r, "baseline"), QStringLiteral("baseline-seed42.mp4"));
            QVERIFY(!at(r, "motion_fidelity").isEmpty());
            QVERIFY(!at(r, "identity_leak").isEmpty());
            // Every one of the 3 target steps was either taken from the cache or computed.
            QVERIFY(at(r, "resumed_steps").toInt() + at(r, "computed_steps").toInt() >= 3);
            QVERIFY(!at(r, "extraction_passes").isEmpty());
            const VideoFrames clip = decoded(out + '/' + at(r, "file"));
            QCOMPARE(clip.count, kFrames);
            QCOMPARE(clip.width, 64);
            QCOMPARE(clip.height, 48);
        }

        // An empty step range injects nothing: the cell is the baseline, whatever its layers.
        // Checked on the frames the engine returned (the metrics), not on the decoded files:
        // the H.264 writer does not always encode identical frames to identical bytes.
        const VideoFrames baseline = decoded(out + "/baseline-seed42.mp4");
        QCOMPARE(baseline.count, kFrames);
        for (int r : {1, 2})
            QCOMPARE(at(r, "identity_leak"), QStringLiteral("0"));
        QCOMPARE(at(1, "temporal_warp_error"), at(2, "temporal_warp_error"));
        // Different layers, different motion transfer.
        const VideoFrames one = decoded(out + '/' + at(3, "file"));
        const VideoFrames two = decoded(out + '/' + at(4, "file"));
        QVERIFY(one.rgb != two.rgb);
        QVERIFY(one.rgb != baseline.rgb);

        const QJsonObject json = readJson(out + "/sweep.json");
        QCOMPARE(json["state"].toString(), QStringLiteral("finished"));
        QCOMPARE(json["planned_cells"].toInt(), 4);
        QCOMPARE(json["base"]["settings"]["steps"].toInt(), 3);
        QCOMPARE(json["base"]["prompt"].toString(), QStringLiteral("a chrome wolf"));
        const QJsonArray axes = json["axes"].toArray();
        QCOMPARE(axes.size(), 2);
        QCOMPARE(axes[0]["name"].toString(), QStringLiteral("end-step"));
        QCOMPARE(axes[0]["values"].toArray().toVariantList(), (QVariantList {0.0, 2.0}));
        QCOMPARE(axes[1]["name"].toString(), QStringLiteral("layers"));
        QCOMPARE(axes[1]["values"].toArray().toVariantList(), (QVariantList {"1", "0,2"}));
        QCOMPARE(json["baselines"].toArray().size(), 1);
        // The JSON rows are the CSV rows.
        const QJsonArray rows = json["rows"].toArray();
        QCOMPARE(rows.size(), 4);
        for (int r = 0; r < rows.size(); ++r) {
            const QJsonObject row = rows[r].toObject();
            QCOMPARE(row.size(), header.size());
            for (int c = 0; c < header.size(); ++c)
                QCOMPARE(csvText(row[header[c]]), csv[r + 1][c]);
        }
    }

    void seedsGiveOneBaselineEach()
    {
        const QString out = file("seeds");
        const test::ProcessRun run = test::runMbq(
            smallSweep(out) + QStringList {"--seed", "7", "--seeds", "2", "--vary", "end-step=2"});
        QVERIFY2(run.code == 0, run.err.constData());
        const QList<QStringList> csv = readCsv(out + "/sweep.csv");
        QCOMPARE(csv.size(), 3);
        const int seed = csv[0].indexOf("seed"), baseline = csv[0].indexOf("baseline");
        QCOMPARE(csv[1][seed], QStringLiteral("7"));
        QCOMPARE(csv[2][seed], QStringLiteral("8"));
        QCOMPARE(csv[1][baseline], QStringLiteral("baseline-seed7.mp4"));
        QCOMPARE(csv[2][baseline], QStringLiteral("baseline-seed8.mp4"));
        const VideoFrames first = decoded(out + "/baseline-seed7.mp4");
        const VideoFrames second = decoded(out + "/baseline-seed8.mp4");
        QCOMPARE(first.count, kFrames);
        QCOMPARE(second.count, kFrames);
        QVERIFY(first.rgb != second.rgb);
        QCOMPARE(readJson(out + "/sweep.json")["baselines"].toArray().size(), 2);
    }

    void refusesBadGrids_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const auto vary = [](const char *text) { return QStringList {"--vary", text}; };
        QTest::newRow("no axis") << QStringList {} << "nothing to sweep";
        QTest::newRow("not AXIS=VALUES") << vary("end-step") << "--vary “end-step” is not AXIS=";
        QTest::newRow("unknown axis") << vary("colour=1") << "“colour” is not an axis";
        QTest::newRow("not a number") << vary("end-step=1,x") << "“x” is not a number";
        QTest::newRow("empty value") << vary("end-step=1,,2") << "empty value";
        QTest::newRow("zero STEP") << vary("end-step=0:3:0") << "STEP of “0:3:0”";
        QTest::newRow("half a range") << vary("end-step=0:3") << "A:B:STEP";
        QTest::newRow("backwards") << vary("end-step=3:0:1") << "write 0:3:1";
        QTest::newRow("past the steps") << vary("end-step=4") << "step 4 is outside 0-3";
        QTest::newRow("not a whole step") << vary("begin-step=1.5") << "not a whole step";
        QTest::newRow("weight above 1") << vary("weight=0.5,1.5") << "1.5 is not a weight";
        QTest::newRow("unknown layer") << vary("layers=0,7") << "Layer 7 does not exist";
        QTest::newRow("listed twice") << vary("end-step=1:3:1,2") << "2 is listed twice";
        QTest::newRow("varied twice")
            << vary("end-step=1") + vary("end-step=2") << "end-step is varied twice";
        QTest::newRow("all reversed")
            << vary("begin-step=3") + vary("end-step=1,2") << "nothing to render";
        QTest::newRow("too many cells")
            << vary("end-step=0:3:1") + vary("weight=0:1:0.1") + QStringList {"--max-cells", "40"}
            << "44 combinations, more than --max-cells 40";
        QTest::newRow("no seeds") << QStringList {"--seeds", "0"} << "--seeds";
    }

    void refusesBadGrids()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const QString out = file("refused");
        const test::ProcessRun run = test::runMbq(smallSweep(out) + args);
        QCOMPARE(run.code, 2);
        QVERIFY2(QString::fromUtf8(run.err).contains(message), run.err.constData());
        QVERIFY(!QFileInfo::exists(out)); // refused before anything is written
    }

    void ctrlCKeepsFinishedCells()
    {
        const QString out = file("interrupted");
        QProcess process;
        process.start(QStringLiteral(MBQ_BINARY_DIR "/bin/mbq"),
                      smallSweep(out)
                          + QStringList {"--vary", "weight=0.05:1:0.05", "--max-cells", "20"});
        QVERIFY(process.waitForStarted());
        // Interrupt once the first cell is in the table, long before the twentieth.
        QElapsedTimer waited;
        waited.start();
        while (readCsv(out + "/sweep.csv").size() < 2 && waited.elapsed() < 120000
               && process.state() == QProcess::Running)
            QTest::qWait(20);
        QVERIFY(::kill(pid_t(process.processId()), SIGINT) == 0);
        QVERIFY(process.waitForFinished(120000));
        const QByteArray err = process.readAllStandardError();
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 130, err.constData());
        QVERIFY2(err.contains("cancelled"), err.constData());

        const QList<QStringList> csv = readCsv(out + "/sweep.csv");
        QVERIFY(csv.size() >= 2 && csv.size() < 21);
        const QJsonObject json = readJson(out + "/sweep.json");
        QCOMPARE(json["state"].toString(), QStringLiteral("cancelled"));
        QCOMPARE(json["planned_cells"].toInt(), 20);
        QCOMPARE(json["rows"].toArray().size(), csv.size() - 1);
        const int fileColumn = csv[0].indexOf("file");
        for (int r = 1; r < csv.size(); ++r)
            QCOMPARE(decoded(out + '/' + csv[r][fileColumn]).count, kFrames);
    }
};

QTEST_GUILESS_MAIN(TestCliSweep)
#include "tst_cli_sweep.moc"
