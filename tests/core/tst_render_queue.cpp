// The render queue on the fake engine: order, states, errors, cancel, retry, shutdown and the
// progress/preview throttle. Waits are generous; nothing asserts on a sleep.

#include "core/render/render_queue.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <chrono>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace mbq;

namespace mbq {
// Readable QCOMPARE failures.
char *toString(JobState state)
{
    static const char *const names[] = {"Queued", "Running", "Succeeded", "Failed", "Cancelled"};
    return qstrdup(names[int(state)]);
}
} // namespace mbq

namespace {

constexpr int kTimeoutMs = 30000;

RenderRequest smallRequest(const std::string &prompt, int steps = 4)
{
    RenderRequest request;
    request.prompt = prompt;
    request.settings.width = 64;
    request.settings.height = 32;
    request.settings.frames = 5;
    request.settings.steps = steps;
    return request;
}

// What the engine saw, written on the render thread and read on the test thread.
struct EngineLog
{
    std::mutex mutex;
    std::vector<std::string> prompts;
    // "begin <prompt>", "end <prompt>", "configure <device>", "load <folder>" in the order they
    // happened.
    std::vector<std::string> events;
    std::vector<std::string> renderedWith; // the model held by each render, "" for none
    std::thread::id createdOn;
    std::thread::id renderedOn;
    std::thread::id configuredOn;

    void event(const std::string &text)
    {
        std::lock_guard<std::mutex> lock(mutex);
        events.push_back(text);
    }
    std::vector<std::string> snapshot()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return prompts;
    }
    QString eventsSoFar()
    {
        std::lock_guard<std::mutex> lock(mutex);
        QStringList texts;
        for (const std::string &e : events)
            texts << QString::fromStdString(e);
        return texts.join(", ");
    }
};

// The fake engine, recording each render; optionally throwing instead of rendering.
class RecordingEngine : public Engine
{
public:
    RecordingEngine(std::shared_ptr<EngineLog> log, FakeEngineOptions options, bool throws)
        : m_log(std::move(log)), m_inner(createFakeEngine(options)), m_throws(throws)
    {
        m_log->createdOn = std::this_thread::get_id();
    }

    // A folder whose name holds "broken" does not load, and the model before it stays, as
    // with the LibTorch engine.
    Result<ModelInfo> loadModel(const std::string &folder) override
    {
        m_log->event("load " + folder);
        if (folder.find("broken") != std::string::npos)
            return makeError(ErrorCode::NotFound, folder + " holds no model");
        Result<ModelInfo> loaded = m_inner->loadModel(folder);
        if (loaded)
            m_model = folder;
        return loaded;
    }
    Result<void> configure(const EngineSettings &settings) override
    {
        m_log->event("configure " + settings.device);
        m_log->configuredOn = std::this_thread::get_id();
        return m_inner->configure(settings);
    }
    Result<RenderOutput> render(const RenderRequest &request, const JobHooks &hooks) override
    {
        {
            std::lock_guard<std::mutex> lock(m_log->mutex);
            m_log->prompts.push_back(request.prompt);
            m_log->events.push_back("begin " + request.prompt);
            m_log->renderedWith.push_back(m_model);
            m_log->renderedOn = std::this_thread::get_id();
        }
        if (m_throws)
            throw std::runtime_error("kaboom");
        Result<RenderOutput> output = m_inner->render(request, hooks);
        m_log->event("end " + request.prompt);
        return output;
    }
    std::string deviceName() const override { return m_inner->deviceName(); }

private:
    std::shared_ptr<EngineLog> m_log;
    std::unique_ptr<Engine> m_inner;
    bool m_throws;
    std::string m_model; // the folder last loaded
};

FakeEngineOptions withDelay(int stepDelayMs)
{
    FakeEngineOptions options;
    options.stepDelayMs = stepDelayMs;
    return options;
}

// Ignores cancel and blocks: an engine stuck in a long kernel at shutdown.
class StuckEngine : public Engine
{
public:
    explicit StuckEngine(std::shared_ptr<std::atomic<bool>> destroyed)
        : m_destroyed(std::move(destroyed))
    {
    }
    ~StuckEngine() override { m_destroyed->store(true); }

    Result<ModelInfo> loadModel(const std::string &) override { return ModelInfo{}; }
    Result<void> configure(const EngineSettings &) override { return {}; }
    Result<RenderOutput> render(const RenderRequest &, const JobHooks &hooks) override
    {
        if (hooks.progress)
            hooks.progress(Progress{Stage::Denoise, 0, 1});
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        return RenderOutput{};
    }
    std::string deviceName() const override { return "stuck"; }

private:
    std::shared_ptr<std::atomic<bool>> m_destroyed;
};

EngineFactory recordingFactory(std::shared_ptr<EngineLog> log, int stepDelayMs = 1,
                               bool throws = false)
{
    return [log, stepDelayMs, throws] {
        return std::make_unique<RecordingEngine>(log, withDelay(stepDelayMs), throws);
    };
}

EngineFactory fakeFactory(int stepDelayMs = 1)
{
    return [stepDelayMs] { return createFakeEngine(withDelay(stepDelayMs)); };
}

bool waitFinished(const RenderQueue &queue, quint64 id)
{
    return QTest::qWaitFor(
            [&] {
                const auto job = queue.job(id);
                return job && job->isFinished();
            },
            kTimeoutMs);
}

bool waitDenoiseStep(const RenderQueue &queue, quint64 id, int step)
{
    return QTest::qWaitFor(
            [&] {
                const auto job = queue.job(id);
                return job && job->progress.stage == Stage::Denoise && job->progress.step >= step;
            },
            kTimeoutMs);
}

JobState stateOf(const RenderQueue &queue, quint64 id)
{
    return queue.job(id).value().state;
}

} // namespace

class TestRenderQueue : public QObject
{
    Q_OBJECT

private slots:
    void runsInOrderWithDeterministicFrames();
    void stateTransitions();
    void engineRunsOnRenderThread();
    void engineErrorFails();
    void invalidRequestFails();
    void exceptionFails();
    void cancelRunningKeepsFinishedSteps();
    void cancelQueuedNeverRuns();
    void retry();
    void shutdownWithRunningJob();
    void shutdownRightAfterStart();
    void shutdownDetachesStuckEngine();
    void previewThrottle();
    void progressCoalescedWithEta();
    void modelRoles();
    void removeFinishedKeepsActiveJobs();
    void loadModelAndDeviceName();
    void configureRunsOnRenderThreadBetweenJobs();
    void refusedConfigureKeepsRendering();
    void rendersOnlyWithTheModelItNames();
};

void TestRenderQueue::runsInOrderWithDeterministicFrames()
{
    auto log = std::make_shared<EngineLog>();
    RenderQueue queue(recordingFactory(log));
    QSignalSpy finished(&queue, &RenderQueue::jobFinished);
    const std::vector<std::string> prompts{"a fox", "a wolf", "a hare"};
    std::vector<quint64> ids;
    for (const std::string &prompt : prompts)
        ids.push_back(queue.enqueue(QString::fromStdString(prompt), smallRequest(prompt)));
    QCOMPARE(queue.rowCount(), 3);
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 3, kTimeoutMs);

    QCOMPARE(log->snapshot(), prompts);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(finished.at(i).at(0).value<quint64>(), ids[size_t(i)]);
        QCOMPARE(finished.at(i).at(1).value<JobState>(), JobState::Succeeded);
        const RenderJob job = queue.job(ids[size_t(i)]).value();
        QCOMPARE(job.state, JobState::Succeeded);
        QVERIFY(job.output);
        QCOMPARE(job.output->completedSteps, 4);
        // Same frames as a direct call of the fake engine on the same request.
        const Result<RenderOutput> direct =
                createFakeEngine(withDelay(0))->render(smallRequest(prompts[size_t(i)]), {});
        QVERIFY(direct.ok());
        QVERIFY(job.output->frames.rgb == direct->frames.rgb);
        QVERIFY(job.startedAt.isValid() && job.finishedAt >= job.startedAt);
    }
    QVERIFY(queue.job(ids[0])->output->frames.rgb != queue.job(ids[1])->output->frames.rgb);
}

void TestRenderQueue::stateTransitions()
{
    RenderQueue queue(fakeFactory());
    QSignalSpy states(&queue, &RenderQueue::jobStateChanged);
    const quint64 id = queue.enqueue("fox", smallRequest("a fox"));
    QVERIFY(waitFinished(queue, id));

    std::vector<JobState> seen;
    for (const QList<QVariant> &args : states) {
        if (args.at(0).value<quint64>() == id)
            seen.push_back(args.at(1).value<JobState>());
    }
    QCOMPARE(seen, (std::vector<JobState>{JobState::Queued, JobState::Running,
                                          JobState::Succeeded}));
}

void TestRenderQueue::engineRunsOnRenderThread()
{
    auto log = std::make_shared<EngineLog>();
    RenderQueue queue(recordingFactory(log));
    QVERIFY(waitFinished(queue, queue.enqueue("fox", smallRequest("a fox"))));
    QVERIFY(log->createdOn != std::this_thread::get_id());
    QVERIFY(log->createdOn == log->renderedOn);
}

void TestRenderQueue::engineErrorFails()
{
    FakeEngineOptions options;
    options.failWith = "out of cheese";
    options.failAtStep = 1;
    RenderQueue queue([options] { return createFakeEngine(options); });
    QSignalSpy finished(&queue, &RenderQueue::jobFinished);
    const quint64 id = queue.enqueue("fox", smallRequest("a fox"));
    QVERIFY(finished.wait(kTimeoutMs));
    QCOMPARE(finished.at(0).at(1).value<JobState>(), JobState::Failed);
    const RenderJob job = queue.job(id).value();
    QCOMPARE(job.state, JobState::Failed);
    QVERIFY2(job.error.contains("out of cheese"), qPrintable(job.error));
    QVERIFY(!job.output);
}

void TestRenderQueue::invalidRequestFails()
{
    RenderQueue queue(fakeFactory());
    RenderRequest request = smallRequest("a fox");
    request.settings.frames = 80;
    const quint64 id = queue.enqueue("fox", request);
    QVERIFY(waitFinished(queue, id));
    QCOMPARE(stateOf(queue, id), JobState::Failed);
    QVERIFY2(queue.job(id)->error.contains("81"), qPrintable(queue.job(id)->error));
}

void TestRenderQueue::exceptionFails()
{
    auto log = std::make_shared<EngineLog>();
    RenderQueue queue(recordingFactory(log, 1, true));
    const quint64 first = queue.enqueue("fox", smallRequest("a fox"));
    const quint64 second = queue.enqueue("wolf", smallRequest("a wolf"));
    QVERIFY(waitFinished(queue, second));
    for (quint64 id : {first, second}) {
        const RenderJob job = queue.job(id).value();
        QCOMPARE(job.state, JobState::Failed);
        QVERIFY2(job.error.startsWith("internal error") && job.error.contains("kaboom"),
                 qPrintable(job.error));
    }
}

void TestRenderQueue::cancelRunningKeepsFinishedSteps()
{
    const int steps = 400; // 8 s uncancelled
    RenderQueue queue(fakeFactory(20));
    QSignalSpy finished(&queue, &RenderQueue::jobFinished);
    const quint64 id = queue.enqueue("fox", smallRequest("a fox", steps));
    QVERIFY(waitDenoiseStep(queue, id, 2));

    QElapsedTimer timer;
    timer.start();
    queue.cancel(id);
    QVERIFY(queue.job(id)->cancelRequested);
    QCOMPARE(stateOf(queue, id), JobState::Running); // until the engine reaches its next step
    QVERIFY(finished.wait(kTimeoutMs));
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));

    QCOMPARE(finished.at(0).at(1).value<JobState>(), JobState::Cancelled);
    const RenderJob job = queue.job(id).value();
    QCOMPARE(job.state, JobState::Cancelled);
    QVERIFY(!job.cancelRequested);
    QVERIFY(job.output);
    QVERIFY(job.output->cancelled);
    QVERIFY(job.output->completedSteps >= 2);
    QVERIFY(job.output->completedSteps < steps);
    QVERIFY(!job.output->latents.empty());
}

void TestRenderQueue::cancelQueuedNeverRuns()
{
    auto log = std::make_shared<EngineLog>();
    RenderQueue queue(recordingFactory(log, 10));
    QSignalSpy finished(&queue, &RenderQueue::jobFinished);
    const quint64 running = queue.enqueue("long", smallRequest("long", 1000));
    const quint64 dropped = queue.enqueue("never", smallRequest("never"));
    const quint64 after = queue.enqueue("after", smallRequest("after"));
    QCOMPARE(stateOf(queue, dropped), JobState::Queued);

    queue.cancel(dropped);
    QCOMPARE(stateOf(queue, dropped), JobState::Cancelled); // at once, not via the worker
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).value<quint64>(), dropped);
    QVERIFY(!queue.job(dropped)->output);

    QVERIFY(waitDenoiseStep(queue, running, 1));
    queue.cancel(running);
    QVERIFY(waitFinished(queue, after));
    QCOMPARE(stateOf(queue, running), JobState::Cancelled);
    QCOMPARE(stateOf(queue, after), JobState::Succeeded);
    QCOMPARE(log->snapshot(), (std::vector<std::string>{"long", "after"}));

    queue.cancel(after); // finished: nothing to do
    QCOMPARE(stateOf(queue, after), JobState::Succeeded);
}

void TestRenderQueue::retry()
{
    RenderQueue queue(fakeFactory());
    const quint64 cancelled = queue.enqueue("fox", smallRequest("a fox", 1000));
    queue.cancel(cancelled);
    QVERIFY(waitFinished(queue, cancelled));
    QCOMPARE(stateOf(queue, cancelled), JobState::Cancelled);

    const quint64 again = queue.retry(cancelled);
    QVERIFY(again != 0 && again != cancelled);
    QCOMPARE(queue.job(again)->label, QString("fox"));
    QVERIFY(waitFinished(queue, again));
    QCOMPARE(stateOf(queue, again), JobState::Succeeded);
    const Result<RenderOutput> direct =
            createFakeEngine(withDelay(0))->render(smallRequest("a fox", 1000), {});
    QVERIFY(queue.job(again)->output->frames.rgb == direct->frames.rgb);
    QCOMPARE(queue.retry(again), quint64(0)); // only Failed or Cancelled jobs retry
    QCOMPARE(queue.retry(12345), quint64(0));

    FakeEngineOptions failing;
    failing.failWith = "no luck";
    RenderQueue failingQueue([failing] { return createFakeEngine(failing); });
    const quint64 failed = failingQueue.enqueue("wolf", smallRequest("a wolf"));
    QVERIFY(waitFinished(failingQueue, failed));
    const quint64 copy = failingQueue.retry(failed);
    QVERIFY(copy != 0);
    QCOMPARE(failingQueue.rowCount(), 2);
    QVERIFY(waitFinished(failingQueue, copy));
    QCOMPARE(stateOf(failingQueue, copy), JobState::Failed);
}

void TestRenderQueue::shutdownWithRunningJob()
{
    auto *queue = new RenderQueue(fakeFactory(20));
    const quint64 id = queue->enqueue("long", smallRequest("long", 1000)); // 20 s uncancelled
    queue->enqueue("queued", smallRequest("queued"));
    QVERIFY(waitDenoiseStep(*queue, id, 1));

    QElapsedTimer timer;
    timer.start();
    delete queue;
    QVERIFY2(timer.elapsed() < 5000, qPrintable(QString::number(timer.elapsed())));
}

void TestRenderQueue::shutdownRightAfterStart()
{
    // The engine may still be starting; the queue must not wait for jobs that never began.
    for (int i = 0; i < 5; ++i) {
        auto *queue = new RenderQueue(fakeFactory(20));
        queue->enqueue("long", smallRequest("long", 1000));
        QElapsedTimer timer;
        timer.start();
        delete queue;
        QVERIFY(timer.elapsed() < 5000);
    }
}

void TestRenderQueue::shutdownDetachesStuckEngine()
{
    auto destroyed = std::make_shared<std::atomic<bool>>(false);
    auto *queue = new RenderQueue([destroyed] { return std::make_unique<StuckEngine>(destroyed); });
    queue->setShutdownTimeoutMs(100);
    const quint64 id = queue->enqueue("stuck", smallRequest("stuck"));
    QVERIFY(QTest::qWaitFor([&] { return queue->job(id)->progress.stage == Stage::Denoise; },
                            kTimeoutMs));

    QElapsedTimer timer;
    timer.start();
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression("did not stop within 100 ms"));
    delete queue;
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(!destroyed->load());
    // The detached thread finishes the render on its own and destroys the engine there.
    QTRY_VERIFY_WITH_TIMEOUT(destroyed->load(), kTimeoutMs);
}

void TestRenderQueue::previewThrottle()
{
    const int steps = 60;
    RenderQueue queue(fakeFactory(2));
    int received = 0;
    int maxInFlight = 0;
    // A slow receiver: each preview keeps the UI thread busy far longer than a step takes.
    connect(&queue, &RenderQueue::previewReady, this, [&](quint64, const QImage &image) {
        QVERIFY(!image.isNull());
        maxInFlight = std::max(maxInFlight, queue.previewsInFlight());
        ++received;
        QThread::msleep(25);
    });
    const quint64 id = queue.enqueue("fox", smallRequest("a fox", steps));
    QVERIFY(waitFinished(queue, id));
    QCOMPARE(stateOf(queue, id), JobState::Succeeded);
    QVERIFY(received >= 1);
    QVERIFY(maxInFlight >= 1);
    QVERIFY2(maxInFlight <= RenderWorker::kMaxPreviewsInFlight,
             qPrintable(QString::number(maxInFlight)));
    QVERIFY2(received < steps, qPrintable(QString::number(received))); // extras were dropped
    QCOMPARE(queue.previewsInFlight(), 0);
}

void TestRenderQueue::progressCoalescedWithEta()
{
    const int steps = 200;
    RenderQueue queue(fakeFactory(2));
    QSignalSpy progress(&queue, &RenderQueue::jobProgress);
    bool sawEta = false;
    connect(&queue, &RenderQueue::jobProgress, this,
            [&](quint64, const Progress &p, double eta) {
                sawEta = sawEta || (p.stage == Stage::Denoise && eta > 0.0);
            });
    const quint64 id = queue.enqueue("fox", smallRequest("a fox", steps));
    QVERIFY(waitFinished(queue, id));

    int denoiseUpdates = 0;
    Progress lastDenoise;
    for (const QList<QVariant> &args : progress) {
        const auto p = args.at(1).value<Progress>();
        if (p.stage == Stage::Denoise) {
            ++denoiseUpdates;
            lastDenoise = p;
        }
    }
    QVERIFY2(denoiseUpdates < steps / 2, qPrintable(QString::number(denoiseUpdates)));
    QCOMPARE(lastDenoise.step, steps); // the final step is never coalesced away
    QVERIFY(sawEta);
    const RenderJob job = queue.job(id).value();
    QCOMPARE(job.progress.stage, Stage::Decode);
    QCOMPARE(job.etaSeconds, -1.0);
}

void TestRenderQueue::modelRoles()
{
    FakeEngineOptions failing;
    failing.failWith = "disk on fire";
    RenderQueue queue(fakeFactory());
    const quint64 id = queue.enqueue("fox take", smallRequest("a fox", 3));
    QVERIFY(waitFinished(queue, id));

    const QModelIndex index = queue.index(0);
    QCOMPARE(queue.rowCount(), 1);
    QCOMPARE(index.data(RenderQueue::IdRole).value<quint64>(), id);
    QCOMPARE(index.data(RenderQueue::LabelRole).toString(), QString("fox take"));
    QCOMPARE(index.data(Qt::DisplayRole).toString(), QString("fox take"));
    QCOMPARE(index.data(RenderQueue::StateRole).value<JobState>(), JobState::Succeeded);
    QCOMPARE(index.data(RenderQueue::StageRole).value<Stage>(), Stage::Decode);
    QCOMPARE(index.data(RenderQueue::StepRole).toInt(), 1);
    QCOMPARE(index.data(RenderQueue::TotalRole).toInt(), 1);
    QCOMPARE(index.data(RenderQueue::ProgressRole).toDouble(), 1.0);
    QVERIFY(index.data(RenderQueue::EtaRole).toDouble() < 0.0);
    QVERIFY(index.data(RenderQueue::ErrorRole).toString().isEmpty());
    QVERIFY(!index.data(RenderQueue::CancelRequestedRole).toBool());
    QVERIFY(index.data(RenderQueue::DurationRole).toDouble() >= 0.0);
    const QImage preview = index.data(RenderQueue::PreviewRole).value<QImage>();
    QCOMPARE(preview.size(), QSize(8, 4)); // the latent grid of 64x32
    QVERIFY(!queue.index(1).isValid());
    QVERIFY(queue.roleNames().values().contains("progress"));

    // A running job: fraction of denoising steps, and an estimate of the time left.
    RenderQueue slow(fakeFactory(20));
    const quint64 running = slow.enqueue("slow", smallRequest("slow", 400));
    QVERIFY(waitDenoiseStep(slow, running, 3));
    QTRY_VERIFY_WITH_TIMEOUT(slow.index(0).data(RenderQueue::EtaRole).toDouble() > 0.0,
                             kTimeoutMs);
    const double fraction = slow.index(0).data(RenderQueue::ProgressRole).toDouble();
    QVERIFY(fraction > 0.0 && fraction < 1.0);
    QCOMPARE(slow.index(0).data(RenderQueue::StateRole).value<JobState>(), JobState::Running);
    slow.cancel(running);
    QVERIFY(slow.index(0).data(RenderQueue::CancelRequestedRole).toBool());

    RenderQueue broken([failing] { return createFakeEngine(failing); });
    const quint64 failed = broken.enqueue("broken", smallRequest("a fox"));
    QVERIFY(waitFinished(broken, failed));
    QCOMPARE(broken.index(0).data(RenderQueue::StateRole).value<JobState>(), JobState::Failed);
    QCOMPARE(broken.index(0).data(RenderQueue::ErrorRole).toString(), QString("disk on fire"));
}

void TestRenderQueue::removeFinishedKeepsActiveJobs()
{
    RenderQueue queue(fakeFactory(10));
    const quint64 done = queue.enqueue("done", smallRequest("done", 1));
    QVERIFY(waitFinished(queue, done));
    const quint64 running = queue.enqueue("running", smallRequest("running", 1000));
    const quint64 queued = queue.enqueue("queued", smallRequest("queued"));
    const quint64 cancelled = queue.enqueue("cancelled", smallRequest("cancelled"));
    queue.cancel(cancelled);
    QCOMPARE(queue.rowCount(), 4);

    queue.removeFinished();
    QCOMPARE(queue.rowCount(), 2);
    QCOMPARE(queue.rowOf(running), 0);
    QCOMPARE(queue.rowOf(queued), 1);
    QVERIFY(!queue.job(done));
    QVERIFY(!queue.job(cancelled));

    queue.cancel(running);
    QVERIFY(waitFinished(queue, queued));
    QCOMPARE(stateOf(queue, queued), JobState::Succeeded);
}

void TestRenderQueue::loadModelAndDeviceName()
{
    RenderQueue queue(fakeFactory());
    QSignalSpy device(&queue, &RenderQueue::deviceNameChanged);
    QVERIFY(queue.deviceName().isEmpty()); // reported through the event loop, not yet run
    QTRY_VERIFY_WITH_TIMEOUT(!queue.deviceName().isEmpty(), kTimeoutMs);
    QCOMPARE(queue.deviceName(), QString::fromStdString(createFakeEngine()->deviceName()));
    QCOMPARE(device.count(), 1);

    QSignalSpy loaded(&queue, &RenderQueue::modelLoaded);
    QSignalSpy failed(&queue, &RenderQueue::modelLoadFailed);
    queue.loadModel("/models/fake");
    QVERIFY(loaded.wait(kTimeoutMs));
    QCOMPARE(loaded.at(0).at(0).value<ModelInfo>().family, std::string("fake"));
    queue.loadModel(QString());
    QVERIFY(failed.wait(kTimeoutMs));
    QVERIFY(!failed.at(0).at(0).toString().isEmpty());
    QCOMPARE(loaded.count(), 1);
}

void TestRenderQueue::configureRunsOnRenderThreadBetweenJobs()
{
    auto log = std::make_shared<EngineLog>();
    RenderQueue queue(recordingFactory(log, 20));
    QSignalSpy configured(&queue, &RenderQueue::engineConfigured);
    QSignalSpy device(&queue, &RenderQueue::deviceNameChanged);
    QTRY_VERIFY_WITH_TIMEOUT(!queue.deviceName().isEmpty(), kTimeoutMs);
    const quint64 first = queue.enqueue("fox", smallRequest("a fox", 10));
    const quint64 second = queue.enqueue("wolf", smallRequest("a wolf", 10));
    QVERIFY(waitDenoiseStep(queue, first, 1));

    EngineSettings settings;
    settings.device = "cpu";
    settings.qBankBytes = int64_t(3) << 30;
    queue.configure(settings);
    QVERIFY(configured.wait(kTimeoutMs));
    QCOMPARE(configured.at(0).at(0).value<EngineSettings>(), settings);
    // The device name is sent again (the setting may change it) before the answer.
    QCOMPARE(device.count(), 2);
    QVERIFY(waitFinished(queue, second));
    QCOMPARE(stateOf(queue, first), JobState::Succeeded);
    QCOMPARE(stateOf(queue, second), JobState::Succeeded);

    QVERIFY(log->configuredOn == log->createdOn);
    QVERIFY(log->configuredOn != std::this_thread::get_id());
    // Not during the running job, and before the job queued behind it.
    QCOMPARE(log->eventsSoFar(),
             QString("begin a fox, end a fox, configure cpu, begin a wolf, end a wolf"));
}

void TestRenderQueue::refusedConfigureKeepsRendering()
{
    RenderQueue queue(fakeFactory());
    QSignalSpy configured(&queue, &RenderQueue::engineConfigured);
    QSignalSpy failed(&queue, &RenderQueue::engineConfigureFailed);
    EngineSettings settings;
    settings.device = "cuda"; // the fake engine has none
    queue.configure(settings);
    QVERIFY(failed.wait(kTimeoutMs));
    QCOMPARE(failed.at(0).at(0).value<EngineSettings>(), settings);
    QVERIFY2(failed.at(0).at(1).toString().contains("CUDA"),
             qPrintable(failed.at(0).at(1).toString()));
    QCOMPARE(configured.count(), 0);
    const quint64 id = queue.enqueue("fox", smallRequest("a fox"));
    QVERIFY(waitFinished(queue, id));
    QCOMPARE(stateOf(queue, id), JobState::Succeeded);
}

void TestRenderQueue::rendersOnlyWithTheModelItNames()
{
    auto log = std::make_shared<EngineLog>();
    RenderQueue queue(recordingFactory(log));
    QSignalSpy failedLoads(&queue, &RenderQueue::modelLoadFailed);
    queue.loadModel("/models/a");
    // A job naming the loaded model renders with it, without loading it again.
    const quint64 first = queue.enqueue("fox", smallRequest("a fox"), {}, "/models/a");
    QVERIFY(waitFinished(queue, first));
    QCOMPARE(stateOf(queue, first), JobState::Succeeded);

    // A folder that does not load leaves the engine holding the model before it, which a job
    // naming that folder must not render with: it tries the folder again, then fails.
    queue.loadModel("/models/broken");
    QVERIFY(failedLoads.wait(kTimeoutMs));
    const quint64 second = queue.enqueue("wolf", smallRequest("a wolf"), {}, "/models/broken");
    QVERIFY(waitFinished(queue, second));
    QCOMPARE(stateOf(queue, second), JobState::Failed);
    QVERIFY2(queue.job(second)->error.contains("/models/broken holds no model"),
             qPrintable(queue.job(second)->error));

    // A job naming another model loads it first; the status follows (modelLoaded).
    QSignalSpy loaded(&queue, &RenderQueue::modelLoaded);
    const quint64 third = queue.enqueue("hare", smallRequest("a hare"), {}, "/models/b");
    QVERIFY(waitFinished(queue, third));
    QCOMPARE(stateOf(queue, third), JobState::Succeeded);
    QCOMPARE(loaded.count(), 1);
    QCOMPARE(log->eventsSoFar(),
             QString("load /models/a, begin a fox, end a fox, "
                     "load /models/broken, load /models/broken, "
                     "load /models/b, begin a hare, end a hare"));
    std::lock_guard<std::mutex> lock(log->mutex);
    QCOMPARE(log->renderedWith, (std::vector<std::string> {"/models/a", "/models/b"}));
}

QTEST_GUILESS_MAIN(TestRenderQueue)
#include "tst_render_queue.moc"
