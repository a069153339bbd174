// Lockstep extraction on a tiny random Wan2.1 model (CPU, float32): the source denoised beside
// the target. When the source is the target's own trajectory (same prompt and seed, every layer
// at weight 1 for every step) the render is the source render, bit for bit; another source
// seed steers the render toward that source. The inversion that starts a clip's trajectory
// retraces the clip when walked back down. Through the engine, the inverted start and the
// source's steps are kept: a new target prompt inverts nothing, and moving the range end
// resumes with only the source steps the new range adds, equal to a cold render.

#include "inference/pipelines/wan_lockstep.h"
#include "inference/sched/flow_schedule.h"
#include "inference/sched/flow_solver.h"
#include "tests/inference/tiny_wan.h"

#include <QTest>

#include <atomic>
#include <map>

using namespace mbq;
using namespace mbq::pipelines;

namespace {

InjectionSchedule everyLayer(const std::vector<std::string> &layers, int begin, int end)
{
    InjectionSchedule s;
    for (const std::string &layer : layers)
        s.layers.push_back({layer, 1.0f, {}});
    s.stepBegin = begin;
    s.stepEnd = end;
    s.extraction = ExtractionMode::Lockstep;
    return s;
}

RenderRequest engineRequest(int end)
{
    RenderRequest request;
    request.prompt = "a red fox runs through snow";
    request.settings.width = 64;
    request.settings.height = 48;
    request.settings.frames = 5;
    request.settings.steps = 6;
    request.settings.seed = 5;
    request.injection = everyLayer({"block.0", "block.1", "block.2"}, 0, end);
    request.source = test::slidingSquareClip();
    return request;
}

const char *message(const Result<WanTransferResult> &r)
{
    return r ? "" : r.error().message.c_str();
}

double distance(const at::Tensor &a, const at::Tensor &b)
{
    return (a - b).norm().item<double>();
}

} // namespace

class TestWanLockstep : public QObject
{
    Q_OBJECT

private:
    test::TinyWan m_tiny;


    // A plain render with its video: what a source made by this model looks like.
    WanT2VResult render(const WanT2VRequest &request) { return m_tiny.render(request, true); }

    WanTransferRequest seededTransfer(const WanT2VResult &source, uint64_t sourceSeed)
    {
        WanTransferRequest request;
        request.target = test::tinyWanRequest();
        request.schedule = everyLayer(m_tiny.dit().layerIds(), 0, 4);
        request.sourceVideo = source.video;
        request.sourcePrompt = test::tinyWanRequest().prompt;
        request.sourceSeed = sourceSeed;
        request.wantBaseline = true;
        return request;
    }

    std::unique_ptr<Engine> engine()
    {
        auto made = createTorchEngine();
        EngineSettings cpu;
        cpu.device = "cpu";
        cpu.dtype = "f32";
        if (!made->configure(cpu) || !made->loadModel(m_tiny.folder()))
            return nullptr;
        return made;
    }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = m_tiny.load();
        QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
    }

    void ownTrajectoryGivesTheSourceRenderBack()
    {
        const WanT2VResult source = render(test::tinyWanRequest());
        QVERIFY(source.video.defined());
        auto result = m_tiny.transfer(seededTransfer(source, test::tinyWanRequest().settings.seed));
        QVERIFY2(result, message(result));
        QCOMPARE(result->extractionPasses, 4); // one guided source pass per step
        QVERIFY(at::equal(result->render.latent, source.latent));
        QVERIFY(at::equal(result->render.video, source.video));
    }

    void anotherSourceSeedSteersTheRender()
    {
        WanT2VRequest other = test::tinyWanRequest();
        other.settings.seed = 77;
        const WanT2VResult source = render(other);
        auto result = m_tiny.transfer(seededTransfer(source, 77));
        QVERIFY2(result, message(result));
        const double near = distance(result->render.latent, source.latent);
        const double far = distance(result->baseline.latent, source.latent);
        const std::string distances = std::to_string(near) + " vs " + std::to_string(far);
        QVERIFY2(near < far, distances.c_str());
        qInfo("distance to the source render: %s", distances.c_str());
    }

    void inversionRetracesTheLatent()
    {
        // A smooth latent stands in for an encoded clip: invert it, then walk back down with
        // Euler and the same prompt. Both walks are first-order, so the round trip's error
        // shrinks as the steps do; from other noise the same walk ends far away.
        const at::Tensor clean
            = at::sin(at::linspace(0.0, 12.0, 16 * 2 * 6 * 8)).view({16, 2, 6, 8}) * 0.8;
        const at::Tensor prompt
            = test::PromptRowsEncoder(m_tiny.dit().config().textDim).encode("a fox", nullptr).value();
        const auto walkDown = [&](const sched::FlowSchedule &flow, at::Tensor x) {
            auto solver = sched::makeFlowSolver(Sampler::Euler, flow);
            for (int i = 0; i < flow.steps(); ++i) {
                auto v = m_tiny.dit().forward(x.unsqueeze(0),
                                        at::full({1}, double(flow.timesteps[size_t(i)])),
                                        prompt.unsqueeze(0), {i, {}});
                x = (*solver)->step((*v)[0], x);
            }
            return x;
        };
        std::map<int, double> error;
        double fromNoise = 0.0;
        for (int steps : {20, 40}) {
            auto flow = sched::officialFlowSchedule(steps, 5.0);
            QVERIFY(flow);
            int passes = 0;
            auto inverted = wanInvertLatent(m_tiny.dit(), clean, prompt, *flow, {}, &passes);
            QVERIFY2(inverted, inverted ? "" : inverted.error().message.c_str());
            QCOMPARE(passes, steps);
            error[steps] = distance(walkDown(*flow, *inverted), clean);
            fromNoise = distance(walkDown(*flow, wanInitialNoise(clean.sizes(), 9)), clean);
        }
        const std::string numbers = std::to_string(error[20]) + ", " + std::to_string(error[40])
            + " vs " + std::to_string(fromNoise);
        qInfo("round-trip error at 20 and 40 steps vs from other noise: %s", numbers.c_str());
        QVERIFY2(error[40] < 0.7 * error[20], numbers.c_str());
        QVERIFY2(error[40] < 0.1 * fromNoise, numbers.c_str());
    }

    void cancelDuringInversionStopsBeforeRendering()
    {
        std::atomic<bool> cancel {true};
        JobHooks hooks;
        hooks.cancel = &cancel;
        WanTransferRequest request = seededTransfer(render(test::tinyWanRequest()), 5);
        request.sourceSeed.reset();
        request.wantBaseline = false;
        auto result = m_tiny.transfer(request, hooks);
        QVERIFY2(result, message(result));
        QVERIFY(result->cancelled);
        QCOMPARE(result->extractionPasses, 0);
        QVERIFY(!result->render.latent.defined());
    }

    void engineKeepsTheStartAndTheSourceSteps()
    {
        auto warm = engine();
        QVERIFY(warm);
        // The inversion reports its own stage, from 0 to every step.
        std::vector<int> inverted;
        JobHooks hooks;
        hooks.progress = [&](const Progress &p) {
            if (p.stage == Stage::InvertSource)
                inverted.push_back(p.step);
        };
        auto first = warm->render(engineRequest(4), hooks);
        QVERIFY2(first, first ? "" : first.error().message.c_str());
        QCOMPARE(first->extractionPasses, 6 + 4); // inversion, then source steps 0..3
        QCOMPARE(first->computedSteps, 6);
        QCOMPARE(inverted, std::vector<int>({0, 1, 2, 3, 4, 5, 6}));

        // Another target prompt: the inverted start is kept, the source steps run again since
        // their Q is never stored.
        RenderRequest prompt = engineRequest(4);
        prompt.prompt = "a white cat walks on a wall";
        inverted.clear();
        auto other = warm->render(prompt, hooks);
        QVERIFY2(other, other ? "" : other.error().message.c_str());
        QCOMPARE(other->extractionPasses, 4);
        QVERIFY(inverted.empty());
        QVERIFY(other->frames.rgb != first->frames.rgb);

        // Range end 4 -> 3: resumes at 3 with no source pass.
        auto shorter = warm->render(engineRequest(3), {});
        QVERIFY(shorter);
        QCOMPARE(shorter->resumedSteps, 3);
        QCOMPARE(shorter->extractionPasses, 0);
        // Range end 4 -> 5: resumes at 4; the source continues from its kept step 3.
        auto longer = warm->render(engineRequest(5), {});
        QVERIFY(longer);
        QCOMPARE(longer->resumedSteps, 4);
        QCOMPARE(longer->extractionPasses, 1);

        for (const auto &[end, resumed] :
             {std::make_pair(3, &*shorter), std::make_pair(5, &*longer)}) {
            auto cold = engine();
            QVERIFY(cold);
            auto full = cold->render(engineRequest(end), {});
            QVERIFY(full);
            QCOMPARE(full->resumedSteps, 0);
            QCOMPARE(full->extractionPasses, 6 + end);
            QCOMPARE(resumed->frames.rgb, full->frames.rgb);
        }
    }

    void sourceSeedNamesItsOwnSource()
    {
        // The seed is part of what the source is: a render with it is another trajectory.
        auto warm = engine();
        QVERIFY(warm);
        RenderRequest request = engineRequest(4);
        request.sourceSeed = 5;
        auto seeded = warm->render(request, {});
        QVERIFY2(seeded, seeded ? "" : seeded.error().message.c_str());
        QCOMPARE(seeded->extractionPasses, 4); // no inversion
        request.sourceSeed = 6;
        auto reseeded = warm->render(request, {});
        QVERIFY(reseeded);
        QCOMPARE(reseeded->resumedSteps, 0);
        QVERIFY(reseeded->frames.rgb != seeded->frames.rgb);
    }
};

QTEST_GUILESS_MAIN(TestWanLockstep)
#include "tst_wan_lockstep.moc"
