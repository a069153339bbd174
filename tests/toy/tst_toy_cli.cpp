// The toy world through the command line, as a user or packaging/train-toy.sh runs it:
// `mbq toy-world` draws a prompt's clip as a video and a training set as raw frames with their
// prompts, and refuses what it cannot draw.
#include "core/media/decode.h"
#include "core/toy/toy_reading.h"
#include "tests/common/process_run.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace mbq;
using namespace mbq::toy;

class TstToyCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void drawsThePromptsClip()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("white.mp4"));
        const QString prompt
            = QStringLiteral("a white circle bouncing up and down on a black background");
        const auto run = test::runMbq({"toy-world", "--prompt", prompt, "--size", "96x64",
                                       "--out", path});
        QVERIFY2(run.code == 0, run.err.constData());
        auto clip = decodeVideo(path);
        QVERIFY(bool(clip));
        QCOMPARE(clip->frames.width, 96);
        QCOMPARE(clip->frames.count, 9); // the length the toy model renders
        const ToyReading reading = readToyClip(clip->frames);
        QCOMPARE(int(reading.colour), int(Colour::White));
        QCOMPARE(int(reading.shape), int(Shape::Circle));
        QCOMPARE(int(reading.motion), int(Motion::Bounce));
        QCOMPARE(int(reading.backdrop), int(Backdrop::Black));
    }

    void writesATrainingSet()
    {
        QTemporaryDir dir;
        const auto run = test::runMbq({"toy-world", "--count", "5", "--seed", "9", "--frames",
                                       "9", "--out", dir.path()});
        QVERIFY2(run.code == 0, run.err.constData());
        QFile manifest(dir.filePath(QStringLiteral("scenes.json")));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        const QJsonObject scenes = QJsonDocument::fromJson(manifest.readAll()).object();
        const QJsonArray prompts = scenes.value(QStringLiteral("prompts")).toArray();
        QCOMPARE(prompts.size(), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(prompts[i].toString().toStdString(), promptFor(datasetScene(9, i)));
        QCOMPARE(QFileInfo(dir.filePath(QStringLiteral("clips.u8"))).size(),
                 qint64(5) * 9 * 64 * 64 * 3);
    }

    void refusesWhatItCannotDraw()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("x.mp4"));
        auto run = test::runMbq({"toy-world", "--prompt", "a purple hexagon", "--out", out});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("not a toy-world prompt"));
        run = test::runMbq({"toy-world", "--prompt", "a red star on a grey background",
                            "--frames", "16", "--out", out});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("4n+1"));
        run = test::runMbq({"toy-world", "--prompt", "a red star on a grey background",
                            "--size", "70x64", "--out", out});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("multiples of 16"));
        QVERIFY(!QFile::exists(out));
    }
};

QTEST_GUILESS_MAIN(TstToyCli)
#include "tst_toy_cli.moc"
