// A studio take through the real queue and render thread on the fake engine: the project's
// source clip is decoded and conformed on the render thread, the engine is told where to keep
// the latent, and the videos (real H.264), the baseline and the metrics land on disk. A second
// take with the same baseline reuses it instead of rendering it again.

#include "core/media/decode.h"
#include "core/media/video_writer.h"
#include "core/render/render_queue.h"
#include "helpers/synthetic_clip.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <mutex>

using namespace mbq;

namespace {

constexpr int kTimeoutMs = 60000;

// Records the request the engine was given, on the render thread.
struct SeenRequests
{
    std::mutex mutex;
    std::vector<RenderRequest> requests;
};

class RecordingEngine : public Engine
{
public:
    explicit RecordingEngine(std::shared_ptr<SeenRequests> seen)
        : m_seen(std::move(seen)), m_fake(createFakeEngine({1, {}, 0}))
    { }
    Result<ModelInfo> loadModel(const std::string &folder) override
    {
        return m_fake->loadModel(folder);
    }
    Result<void> configure(const EngineSettings &settings) override
    {
        return m_fake->configure(settings);
    }
    Result<RenderOutput> render(const RenderRequest &request, const JobHooks &hooks) override
    {
        {
            std::lock_guard<std::mutex> lock(m_seen->mutex);
            m_seen->requests.push_back(request);
        }
        return m_fake->render(request, hooks);
    }
    std::string deviceName() const override { return "recording fake"; }

private:
    std::shared_ptr<SeenRequests> m_seen;
    std::unique_ptr<Engine> m_fake;
};

RenderRequest transferRequest()
{
    RenderRequest request;
    request.prompt = "a chrome wolf";
    request.settings.width = 64;
    request.settings.height = 48;
    request.settings.frames = 9;
    request.settings.fps = 8.0;
    request.settings.steps = 3;
    request.injection.layers.push_back({"block.0", 1.0f, {}});
    request.injection.stepEnd = 2;
    return request;
}

QString writeSourceClip(const QString &dir)
{
    const int w = 96, h = 64, frames = 16;
    const VideoFrames clip = test::renderClip(w, h, 8.0, test::Look::warm(),
                                              test::standardMotion(frames, w, h));
    const QString path = dir + QStringLiteral("/source.mp4");
    if (!encodeVideo(clip, path))
        return {};
    return path;
}

} // namespace

class TestTakeOutput : public QObject
{
    Q_OBJECT

private slots:
    void writesVideosLatentPathAndMetricsThenReusesTheBaseline()
    {
        QTemporaryDir dir;
        const QString source = writeSourceClip(dir.path());
        QVERIFY(!source.isEmpty());
        auto seen = std::make_shared<SeenRequests>();
        RenderQueue queue([seen] { return std::make_unique<RecordingEngine>(seen); });
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);

        TakeOutputSpec spec;
        spec.directory = dir.filePath(QStringLiteral("takes"));
        spec.baseName = QStringLiteral("take-1");
        spec.sourceClip = source;
        spec.metadataJson = R"({"app":"mbq"})";
        const quint64 first = queue.enqueue(QStringLiteral("one"), transferRequest(), spec);
        QVERIFY(finished.wait(kTimeoutMs));
        auto job = queue.job(first);
        QVERIFY(job);
        QCOMPARE(int(job->state), int(JobState::Succeeded));
        QVERIFY(job->files);
        const TakeFiles files = *job->files;

        {
            std::lock_guard<std::mutex> lock(seen->mutex);
            QCOMPARE(int(seen->requests.size()), 1);
            const RenderRequest &r = seen->requests.front();
            // Conformed on the render thread to the render's size and frame count.
            QCOMPARE(r.source.width, 64);
            QCOMPARE(r.source.height, 48);
            QCOMPARE(r.source.count, 9);
            QVERIFY(r.wantBaseline);
            QCOMPARE(QString::fromStdString(r.latentPath),
                     spec.directory + QStringLiteral("/take-1.latent.safetensors"));
        }
        QCOMPARE(files.latentPath, spec.directory + QStringLiteral("/take-1.latent.safetensors"));

        auto video = decodeVideo(files.videoPath);
        QVERIFY2(video, video ? "" : video.error().message.c_str());
        QCOMPARE(video->frames.count, 9);
        QCOMPARE(video->frames.width, 64);
        auto baseline = decodeVideo(files.baselinePath);
        QVERIFY(baseline);
        QCOMPARE(baseline->frames.count, 9);

        QVERIFY(files.metrics.contains(QStringLiteral("motion_fidelity")));
        QVERIFY(files.metrics.contains(QStringLiteral("identity_leak")));
        const double fidelity = files.metrics.value(QStringLiteral("motion_fidelity"));
        QVERIFY(fidelity >= -1.0 && fidelity <= 1.0);
        QFile metricsFile(files.metricsPath);
        QVERIFY(metricsFile.open(QIODevice::ReadOnly));
        const QJsonObject json = QJsonDocument::fromJson(metricsFile.readAll()).object();
        QCOMPARE(json.value(QStringLiteral("fidelity")).toObject().value(QStringLiteral("score"))
                         .toDouble(),
                 fidelity);

        // Same prompt, seed and settings: the baseline on disk is reused, not rendered again.
        spec.baseName = QStringLiteral("take-2");
        spec.existingBaseline = files.baselinePath;
        RenderRequest stronger = transferRequest();
        stronger.injection.layers.front().weight = 0.5f;
        const quint64 second = queue.enqueue(QStringLiteral("two"), stronger, spec);
        QVERIFY(finished.wait(kTimeoutMs));
        job = queue.job(second);
        QCOMPARE(int(job->state), int(JobState::Succeeded));
        {
            std::lock_guard<std::mutex> lock(seen->mutex);
            QCOMPARE(int(seen->requests.size()), 2);
            QVERIFY(!seen->requests.back().wantBaseline);
        }
        QCOMPARE(job->files->baselinePath, files.baselinePath);
        QVERIFY(job->files->metrics.contains(QStringLiteral("identity_leak")));
        QVERIFY(QFile::exists(job->files->videoPath));
        QVERIFY(job->files->videoPath != files.videoPath);
    }

    void anUnreadableSourceFailsTheJobNamingTheFile()
    {
        QTemporaryDir dir;
        const QString bogus = dir.filePath(QStringLiteral("not-a-video.mp4"));
        QFile file(bogus);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("this is text, not a video");
        file.close();

        RenderQueue queue([] { return createFakeEngine({1, {}, 0}); });
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        TakeOutputSpec spec;
        spec.directory = dir.filePath(QStringLiteral("takes"));
        spec.baseName = QStringLiteral("take-1");
        spec.sourceClip = bogus;
        const quint64 id = queue.enqueue(QStringLiteral("bad"), transferRequest(), spec);
        QVERIFY(finished.wait(kTimeoutMs));
        const auto job = queue.job(id);
        QCOMPARE(int(job->state), int(JobState::Failed));
        QVERIFY2(job->error.contains(QStringLiteral("not-a-video.mp4")), qPrintable(job->error));
        QVERIFY(!QFile::exists(spec.directory + QStringLiteral("/take-1.mp4")));
    }

    void aSourceTooShortSaysWhichFrameCountFits()
    {
        QTemporaryDir dir;
        const QString source = writeSourceClip(dir.path()); // 16 frames at 8 fps
        RenderQueue queue([] { return createFakeEngine({1, {}, 0}); });
        QSignalSpy finished(&queue, &RenderQueue::jobFinished);
        RenderRequest request = transferRequest();
        request.settings.frames = 41; // 5 s at 8 fps: longer than the clip
        TakeOutputSpec spec;
        spec.directory = dir.filePath(QStringLiteral("takes"));
        spec.baseName = QStringLiteral("take-1");
        spec.sourceClip = source;
        const quint64 id = queue.enqueue(QStringLiteral("short"), request, spec);
        QVERIFY(finished.wait(kTimeoutMs));
        const auto job = queue.job(id);
        QCOMPARE(int(job->state), int(JobState::Failed));
        QVERIFY2(job->error.contains(QStringLiteral("source.mp4")), qPrintable(job->error));
        QVERIFY2(job->error.contains(QStringLiteral("frame")), qPrintable(job->error));
    }
};

QTEST_GUILESS_MAIN(TestTakeOutput)
#include "tst_take_output.moc"
