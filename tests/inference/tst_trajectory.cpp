// The trajectory cache and the engine's reuse between renders, on tiny random Wan2.1 and
// VideoCrafter2 models (CPU, float32): a solver stopped after any step and restored continues bitwise identically;
// the cache spills to its folder and drops what exceeds its budgets; and through the engine a
// re-render computes only what changed — moving the end of the step range resumes at the new
// end with no source pass and gives exactly the full re-render's video, a new target prompt
// reuses the Q bank, a baseline or plain render already made costs no step, a cancelled
// render's steps are kept, and spilled steps serve as well as those in memory. VideoCrafter2,
// whose DDIM steps draw fresh noise, resumes bitwise too (the generator's state is kept).

#include "inference/engine.h"
#include "inference/pipelines/trajectory_cache.h"
#include "inference/sched/flow_solver.h"
#include "inference/trajectory_key.h"
#include "inference/vc2_tools.h"
#include "inference/wan_tools.h"
#include "tests/inference/tiny_vc2.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace mbq;
using namespace mbq::pipelines;

namespace {

GenerationSettings tinySettings()
{
    GenerationSettings s;
    s.width = 64;
    s.height = 48;
    s.frames = 5;
    s.steps = 6;
    s.seed = 5;
    return s;
}

InjectionSchedule schedule(int begin, int end)
{
    InjectionSchedule s;
    for (const char *layer : {"block.0", "block.1", "block.2"})
        s.layers.push_back({layer, 1.0f, {}});
    s.stepBegin = begin;
    s.stepEnd = end;
    s.extraction = ExtractionMode::Single;
    s.extractionTimestep = 200.0f;
    return s;
}

RenderRequest transferRequest(int end)
{
    RenderRequest request;
    request.prompt = "a red fox runs through snow";
    request.settings = tinySettings();
    request.injection = schedule(0, end);
    request.source = test::slidingSquareClip();
    return request;
}

at::Tensor randomTensor(uint64_t seed, at::IntArrayRef shape)
{
    at::Generator generator = at::detail::createCPUGenerator(seed);
    return at::randn(shape, generator, at::kFloat);
}

bool same(const at::Tensor &a, const at::Tensor &b)
{
    return a.defined() == b.defined() && (!a.defined() || at::equal(a, b));
}

} // namespace

class TestTrajectory : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_folder;

    std::unique_ptr<Engine> engine(const EngineSettings &settings = {})
    {
        auto made = createTorchEngine();
        EngineSettings cpu = settings;
        cpu.device = "cpu";
        cpu.dtype = "f32";
        if (!made->configure(cpu) || !made->loadModel(m_folder))
            return nullptr;
        return made;
    }

private Q_SLOTS:
    void initTestCase()
    {
        TinyModelOptions options;
        options.seed = 3;
        options.folder = m_dir.filePath(QStringLiteral("tiny")).toStdString();
        auto made = makeTinyModel(options);
        QVERIFY2(made, made ? "" : made.error().message.c_str());
        m_folder = options.folder;
    }

    void uniPcResumesBitwise()
    {
        auto flow = sched::officialFlowSchedule(8, 5.0);
        QVERIFY(flow);
        // A fake "model": velocity as a fixed function of the sample, so both runs see the
        // same inputs exactly when their samples agree.
        const at::Tensor noise = randomTensor(1, {4, 3, 5});
        const auto velocity = [&](const at::Tensor &x) { return at::tanh(x) - 0.3 * noise; };
        auto straight = sched::makeFlowSolver(Sampler::UniPC, *flow);
        QVERIFY(straight);
        at::Tensor full = noise.clone();
        std::vector<at::Tensor> after;
        std::vector<sched::SamplerState> states;
        for (int i = 0; i < 8; ++i) {
            full = (*straight)->step(velocity(full), full);
            after.push_back(full.clone());
            states.push_back((*straight)->state());
        }
        for (int stop : {0, 1, 3, 6}) {
            auto resumed = sched::makeFlowSolver(Sampler::UniPC, *flow);
            QVERIFY(resumed);
            (*resumed)->restore(states[size_t(stop)]);
            at::Tensor x = after[size_t(stop)];
            for (int i = stop + 1; i < 8; ++i)
                x = (*resumed)->step(velocity(x), x);
            QVERIFY2(at::equal(x, full), qPrintable(QStringLiteral("stop %1").arg(stop)));
        }
    }

    void cacheKeepsSpillsAndDrops()
    {
        QTemporaryDir spillDir;
        const std::string folder = spillDir.path().toStdString();
        const auto step = [](uint64_t seed) {
            TrajectoryStep s;
            s.latent = randomTensor(seed, {16, 8});
            s.state.stepIndex = int(seed);
            s.state.counters = {int(seed) % 3, 2};
            s.state.tensors = {randomTensor(seed + 100, {16, 8}), at::Tensor()};
            return s;
        };
        const int64_t entryBytes = 2 * 16 * 8 * 4;
        // Room for two entries in memory and two on disk.
        TrajectoryCache cache(2 * entryBytes, 2 * entryBytes, folder);
        for (uint64_t key = 1; key <= 5; ++key)
            cache.put(key, step(key));
        QCOMPARE(cache.memoryBytes(), 2 * entryBytes);
        QCOMPARE(cache.diskBytes(), 2 * entryBytes);
        QCOMPARE(cache.size(), size_t(4));
        QCOMPARE(QDir(spillDir.path()).entryList(QDir::Files).size(), 2);
        QVERIFY(!cache.find(1, at::kCPU)); // the oldest went when the disk was full
        for (uint64_t key = 2; key <= 5; ++key) { // 2 and 3 from disk, 4 and 5 from memory
            auto found = cache.find(key, at::kCPU);
            QVERIFY(found);
            const TrajectoryStep expected = step(key);
            QVERIFY(same(found->latent, expected.latent));
            QCOMPARE(found->state.stepIndex, expected.state.stepIndex);
            QCOMPARE(found->state.counters, expected.state.counters);
            QCOMPARE(found->state.tensors.size(), size_t(2));
            QVERIFY(same(found->state.tensors[0], expected.state.tensors[0]));
            QVERIFY(!found->state.tensors[1].defined());
        }
        QCOMPARE(cache.lastKept({1, 2, 3, 9}), 2);
        QCOMPARE(cache.lastKept({9, 8}), -1);

        // A damaged spill file is a miss, never a wrong latent.
        cache.setBudgets(0, 8 * entryBytes, folder); // everything to disk
        QCOMPARE(cache.memoryBytes(), int64_t(0));
        const QStringList files = QDir(spillDir.path()).entryList(QDir::Files);
        QCOMPARE(files.size(), 4);
        for (const QString &name : files) {
            QFile file(spillDir.filePath(name));
            QVERIFY(file.open(QIODevice::ReadWrite));
            file.resize(20);
        }
        QVERIFY(!cache.find(3, at::kCPU));
        QCOMPARE(cache.lastKept({2, 3}), 0);

        cache.clear();
        QCOMPARE(QDir(spillDir.path()).entryList(QDir::Files).size(), 0);
    }

    void keysFollowWhatEachStepSees()
    {
        const RenderRequest end4 = transferRequest(4);
        RenderRequest end2 = end4;
        end2.injection.stepEnd = 2;
        QCOMPARE(sharedSteps(end4, end2), 2);
        QCOMPARE(sharedSteps(end2, end4), 2);
        RenderRequest later = end4;
        later.injection.stepBegin = 3;
        QCOMPARE(sharedSteps(end4, later), 0);
        RenderRequest plain = end4;
        plain.injection = InjectionSchedule();
        QCOMPARE(sharedSteps(plain, later), 3); // steps 0..2 inject nothing in either
        RenderRequest seed = end4;
        seed.settings.seed = 6;
        QCOMPARE(sharedSteps(end4, seed), 0);
        QCOMPARE(sharedSteps(end4, end4), end4.settings.steps);
        const uint64_t source = sourceDigest(end4.source);
        QVERIFY(trajectoryKeys(end4, "m", source) != trajectoryKeys(end4, "m", source + 1));
        QVERIFY(trajectoryKeys(end4, "m", source) != trajectoryKeys(end4, "n", source));
    }

    void rangeEndMoveResumesExactly()
    {
        auto warm = engine();
        QVERIFY(warm);
        auto first = warm->render(transferRequest(4), {});
        QVERIFY2(first, first ? "" : first.error().message.c_str());
        QCOMPARE(first->extractionPasses, 1);
        QCOMPARE(first->resumedSteps, 0);
        QCOMPARE(first->computedSteps, 6);

        auto moved = warm->render(transferRequest(3), {});
        QVERIFY2(moved, moved ? "" : moved.error().message.c_str());
        QCOMPARE(moved->resumedSteps, 3);
        QCOMPARE(moved->computedSteps, 3);
        QCOMPARE(moved->extractionPasses, 0); // steps 3..5 inject nothing: no source pass

        auto cold = engine();
        QVERIFY(cold);
        auto full = cold->render(transferRequest(3), {});
        QVERIFY(full);
        QCOMPARE(full->resumedSteps, 0);
        QCOMPARE(full->computedSteps, 6);
        QCOMPARE(moved->frames.rgb, full->frames.rgb);
        QVERIFY(moved->frames.rgb != first->frames.rgb);

        // Back to 4: that render's steps are all still kept, so nothing is computed.
        auto back = warm->render(transferRequest(4), {});
        QVERIFY(back);
        QCOMPARE(back->resumedSteps, 6); // every step of end 4 is still kept
        QCOMPARE(back->computedSteps, 0);
        QCOMPARE(back->frames.rgb, first->frames.rgb);
    }

    void bankAndBaselineServeTheNextRender()
    {
        auto warm = engine();
        QVERIFY(warm);
        RenderRequest request = transferRequest(4);
        request.wantBaseline = true;
        auto first = warm->render(request, {});
        QVERIFY(first);
        QCOMPARE(first->extractionPasses, 1);
        QCOMPARE(first->computedSteps, 12); // baseline and injected render

        // Another target prompt: its own trajectory, but the source's Q is kept.
        request.prompt = "a white cat walks on a wall";
        auto prompt = warm->render(request, {});
        QVERIFY(prompt);
        QCOMPARE(prompt->extractionPasses, 0);
        QCOMPARE(prompt->resumedSteps, 0);
        QCOMPARE(prompt->computedSteps, 12);

        // The baseline of that prompt is kept too: a plain render of it costs nothing.
        RenderRequest plain = request;
        plain.injection = InjectionSchedule();
        plain.wantBaseline = false;
        auto again = warm->render(plain, {});
        QVERIFY(again);
        QCOMPARE(again->computedSteps, 0);
        QCOMPARE(again->resumedSteps, 6);
        QCOMPARE(again->frames.rgb, prompt->baseline.rgb);
    }

    void cancelledStepsAreKept()
    {
        auto warm = engine();
        QVERIFY(warm);
        std::atomic<bool> cancel{false};
        JobHooks hooks;
        hooks.cancel = &cancel;
        hooks.progress = [&](const Progress &p) {
            if (p.stage == Stage::Denoise && p.step == 4)
                cancel.store(true);
        };
        auto stopped = warm->render(transferRequest(4), hooks);
        QVERIFY(stopped);
        QVERIFY(stopped->cancelled);
        QCOMPARE(stopped->completedSteps, 4);

        auto resumed = warm->render(transferRequest(4), {});
        QVERIFY(resumed);
        QCOMPARE(resumed->resumedSteps, 4);
        QCOMPARE(resumed->computedSteps, 2);
        auto cold = engine();
        QVERIFY(cold);
        auto full = cold->render(transferRequest(4), {});
        QVERIFY(full);
        QCOMPARE(resumed->frames.rgb, full->frames.rgb);
    }

    void spilledStepsServeLikeKeptOnes()
    {
        QTemporaryDir spillDir;
        EngineSettings settings;
        settings.trajectoryMemoryBytes = 1; // every step goes to disk
        settings.trajectoryDiskBytes = int64_t(1) << 30;
        settings.cacheFolder = spillDir.path().toStdString();
        auto warm = engine(settings);
        QVERIFY(warm);
        auto first = warm->render(transferRequest(4), {});
        QVERIFY(first);
        QCOMPARE(QDir(spillDir.path()).entryList(QDir::Files).size(), 6);
        auto moved = warm->render(transferRequest(2), {});
        QVERIFY(moved);
        QCOMPARE(moved->resumedSteps, 2);
        auto cold = engine();
        QVERIFY(cold);
        auto full = cold->render(transferRequest(2), {});
        QVERIFY(full);
        QCOMPARE(moved->frames.rgb, full->frames.rgb);

        // Without budgets nothing is kept.
        EngineSettings none;
        none.trajectoryMemoryBytes = 0;
        auto bare = engine(none);
        QVERIFY(bare);
        QVERIFY(bare->render(transferRequest(4), {}));
        auto again = bare->render(transferRequest(4), {});
        QVERIFY(again);
        QCOMPARE(again->resumedSteps, 0);
        QCOMPARE(again->computedSteps, 6);
    }

    void vc2ResumesExactly()
    {
        const std::string folder = m_dir.filePath(QStringLiteral("vc2")).toStdString();
        QVERIFY(writeTinyVc2Model(folder, "ckpt", 11).ok());
        const auto vc2Engine = [&] {
            auto made = createTorchEngine();
            EngineSettings cpu;
            cpu.device = "cpu";
            cpu.dtype = "f32";
            auto info = made->loadModel(folder);
            if (!made->configure(cpu) || !info)
                made.reset();
            return std::make_pair(std::move(made), info ? info->layers : std::vector<std::string>());
        };
        auto [warm, layers] = vc2Engine();
        QVERIFY(warm);
        RenderRequest request
            = test::vc2EngineTransfer(vc2DefaultSettings(), layers, ExtractionMode::PerStep, 4);
        QVERIFY(!request.injection.layers.empty());

        auto first = warm->render(request, {});
        QVERIFY2(first, first ? "" : first.error().message.c_str());
        QCOMPARE(first->extractionPasses, 4);
        QCOMPARE(first->computedSteps, 5);
        request.injection.stepEnd = 2;
        auto moved = warm->render(request, {});
        QVERIFY2(moved, moved ? "" : moved.error().message.c_str());
        QCOMPARE(moved->resumedSteps, 2);
        QCOMPARE(moved->computedSteps, 3);
        QCOMPARE(moved->extractionPasses, 0);
        auto [cold, unused] = vc2Engine();
        QVERIFY(cold);
        auto full = cold->render(request, {});
        QVERIFY(full);
        QCOMPARE(full->resumedSteps, 0);
        QCOMPARE(moved->frames.rgb, full->frames.rgb);
        QVERIFY(moved->frames.rgb != first->frames.rgb);
    }

    void settingsAreChecked()
    {
        auto made = createTorchEngine();
        EngineSettings bad;
        bad.device = "tpu";
        auto refused = made->configure(bad);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.find("tpu") != std::string::npos);
        bad = {};
        bad.dtype = "f16";
        QVERIFY(!made->configure(bad));
        bad = {};
        bad.qBankBytes = -1;
        QVERIFY(!made->configure(bad));
    }
};

QTEST_GUILESS_MAIN(TestTrajectory)
#include "tst_trajectory.moc"
