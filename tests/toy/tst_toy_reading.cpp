// The toy world's drawing and its reading agree: every scene of a dataset (every shape, colour,
// backdrop and motion, at the dataset's random placement and size) is read back as drawn, also
// after an H.264 round trip, and prompts name scenes one to one. The toy-model tests judge
// renders with this reading, so it has to be right on clean clips first.
#include "core/media/decode.h"
#include "core/media/video_writer.h"
#include "core/toy/toy_reading.h"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <set>

using namespace mbq;
using namespace mbq::toy;

class TstToyReading : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void promptsNameScenesOneToOne()
    {
        std::set<std::string> named;
        int unnamedCount = 0;
        for (int i = 0; i < 288; ++i) {
            const ToyScene scene = datasetScene(3, i);
            const std::string prompt = promptFor(scene);
            if (scene.motionNamed)
                named.insert(prompt);
            else
                ++unnamedCount;
            const auto back = sceneFromPrompt(prompt);
            QVERIFY2(back, prompt.c_str());
            QCOMPARE(promptFor(*back), prompt);
        }
        // Every combination once per cycle; about one prompt in four leaves the motion unnamed.
        QCOMPARE(named.size(), size_t(288 - unnamedCount));
        QVERIFY(unnamedCount > 288 / 8 && unnamedCount < 288 / 2);
        const auto unnamed = sceneFromPrompt("a blue star on a green background");
        QVERIFY(unnamed && !unnamed->motionNamed && unnamed->shape == Shape::Star);
        QVERIFY(!sceneFromPrompt("a purple hexagon dancing"));
    }

    void datasetScenesAreDeterministic()
    {
        const ToyScene a = datasetScene(5, 17), b = datasetScene(5, 17), c = datasetScene(6, 17);
        QCOMPARE(a.offsetX, b.offsetX);
        QVERIFY(a.offsetX != c.offsetX);
        const VideoFrames x = drawToyClip(a, 64, 64, 5, 16), y = drawToyClip(b, 64, 64, 5, 16);
        QVERIFY(x.rgb == y.rgb);
    }

    void everySceneIsReadAsDrawn()
    {
        int wrong = 0;
        for (int i = 0; i < 288; ++i) {
            const ToyScene scene = datasetScene(11, i);
            const ToyReading reading = readToyClip(drawToyClip(scene, 64, 64, 17, 16));
            const bool right = reading.shapeSeen && reading.backdrop == scene.backdrop
                               && reading.colour == scene.colour && reading.shape == scene.shape
                               && reading.motion == scene.motion;
            if (!right) {
                ++wrong;
                qWarning("misread: %s as a %s %s %s on %s", promptFor(scene).c_str(),
                         colourWord(reading.colour).c_str(), shapeWord(reading.shape).c_str(),
                         motionPhrase(reading.motion).c_str(),
                         backdropWord(reading.backdrop).c_str());
            }
            QVERIFY2(reading.motionError < 0.02, promptFor(scene).c_str());
        }
        QCOMPARE(wrong, 0);
    }

    void readingSurvivesTheVideoCodec()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("toy.mp4"));
        for (int i : {0, 45, 101, 170, 233, 287}) {
            const ToyScene scene = datasetScene(2, i);
            const VideoFrames drawn = drawToyClip(scene, 96, 64, 17, 16);
            QVERIFY(bool(encodeVideo(drawn, path)));
            auto decoded = decodeVideo(path);
            QVERIFY(bool(decoded));
            const ToyReading reading = readToyClip(decoded->frames);
            QCOMPARE(int(reading.colour), int(scene.colour));
            QCOMPARE(int(reading.shape), int(scene.shape));
            QCOMPARE(int(reading.motion), int(scene.motion));
            QVERIFY(trackDistance(reading, readToyClip(drawn)) < 0.01);
        }
    }

    void tracksCompareMotions()
    {
        ToyScene circle{Shape::Square, Colour::Red, Backdrop::Grey, Motion::Circle};
        ToyScene star = circle;
        star.shape = Shape::Star;
        star.colour = Colour::Blue;
        star.backdrop = Backdrop::Green;
        ToyScene across = circle;
        across.motion = Motion::LeftToRight;
        const ToyReading a = readToyClip(drawToyClip(circle, 64, 64, 17, 16));
        const ToyReading b = readToyClip(drawToyClip(star, 64, 64, 17, 16));
        const ToyReading c = readToyClip(drawToyClip(across, 64, 64, 17, 16));
        QVERIFY(trackDistance(a, b) < 0.02); // same path, different look
        QVERIFY(trackDistance(a, c) > 0.15); // same look, different path
    }

    void aBlankClipShowsNoShape()
    {
        VideoFrames blank;
        blank.width = blank.height = 32;
        blank.count = 3;
        blank.rgb.assign(blank.frameBytes() * 3, 125);
        const ToyReading reading = readToyClip(blank);
        QVERIFY(!reading.shapeSeen);
        QCOMPARE(int(reading.backdrop), int(Backdrop::Grey));
        QVERIFY(std::isnan(trackDistance(reading, reading)));
    }
};

QTEST_GUILESS_MAIN(TstToyReading)
#include "tst_toy_reading.moc"
