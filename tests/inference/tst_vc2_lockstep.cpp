// Lockstep extraction on the tiny random VideoCrafter2 and T2V-Turbo-v2 models (CPU, float32).
// With the target's own trajectory as the source (same prompt and seed, every layer at weight 1
// for every step) the render is the source render bit for bit: for VC2's DDIM with guidance 12
// and η = 1, where each guidance branch reads the source's Q of its own branch and the source
// draws the render's per-step noise, and for T2V-Turbo-v2's consistency sampler. Another source
// seed steers the render toward that source. A VC2 clip is inverted, and through the engine its
// inverted start and source steps are kept; T2V-Turbo-v2 refuses lockstep without the seed.

#include "inference/engine.h"
#include "inference/pipelines/vc2_t2v.h"
#include "inference/pipelines/vc2_transfer.h"
#include "inference/vc2_tools.h"
#include "inference/videocrafter/vc2_model.h"
#include "tests/inference/tiny_vc2.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace mbq;
using namespace mbq::pipelines;

namespace {

const char *kPrompt = "a red fox runs through snow";

InjectionSchedule everyLayer(const std::vector<std::string> &layers, int end)
{
    InjectionSchedule s;
    for (const std::string &layer : layers)
        s.layers.push_back({layer, 1.0f, {}});
    s.stepEnd = end;
    s.extraction = ExtractionMode::Lockstep;
    return s;
}

const char *message(const Result<Vc2TransferResult> &r)
{
    return r ? "" : r.error().message.c_str();
}

double distance(const at::Tensor &a, const at::Tensor &b)
{
    return (a - b).norm().item<double>();
}

} // namespace

class TestVc2Lockstep : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_vc2Folder;
    std::unique_ptr<vc2::Vc2Model> m_vc2;
    std::unique_ptr<vc2::Vc2Model> m_turbo;

    static Vc2TransferRequest transfer(vc2::Vc2Model &model, const GenerationSettings &settings)
    {
        Vc2TransferRequest request;
        request.prompt = kPrompt;
        request.settings = settings;
        if (model.turbo())
            request.fpsCondition = 8.0;
        request.schedule = everyLayer(model.unet().layerIds(), settings.steps);
        request.sourceVideo = test::blockSourceVideo();
        request.sourcePrompt = kPrompt;
        request.wantBaseline = true;
        return request;
    }

    // The plain render of `settings`: what a source this model rendered from a seed is.
    static at::Tensor plain(vc2::Vc2Model &model, const GenerationSettings &settings, double fps)
    {
        vc2::Vc2SamplerOptions options;
        options.steps = settings.steps;
        options.guidance = settings.guidance;
        options.fps = fps;
        auto sampler = vc2::Vc2Sampler::forModel(model, options);
        auto cond = model.encodePrompt(kPrompt);
        auto uncond = model.encodePrompt("");
        if (!sampler || !cond || !uncond)
            return at::Tensor();
        auto sampled = sampleVc2Seeded(model, *sampler, settings, *cond, *uncond, {});
        return sampled ? sampled->latent : at::Tensor();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_vc2Folder = m_dir.filePath(QStringLiteral("vc2")).toStdString();
        QVERIFY(writeTinyVc2Model(m_vc2Folder, "ckpt", 11).ok());
        auto vc2 = vc2::Vc2Model::load(m_vc2Folder, {});
        QVERIFY(vc2.ok());
        m_vc2 = std::move(*vc2);
        const std::string turboFolder = m_dir.filePath(QStringLiteral("turbo")).toStdString();
        QVERIFY(writeTinyTurboModel(turboFolder, "ckpt", 11).ok());
        auto turbo = vc2::Vc2Model::load(turboFolder, {});
        QVERIFY(turbo.ok());
        m_turbo = std::move(*turbo);
    }

    void ownTrajectoryGivesTheSourceRenderBack_data()
    {
        QTest::addColumn<bool>("turbo");
        QTest::newRow("VideoCrafter2 DDIM, guidance 12, eta 1") << false;
        QTest::newRow("T2V-Turbo-v2 consistency") << true;
    }

    void ownTrajectoryGivesTheSourceRenderBack()
    {
        QFETCH(bool, turbo);
        vc2::Vc2Model &model = turbo ? *m_turbo : *m_vc2;
        const GenerationSettings s
            = test::tinyVc2Settings(turbo ? turboDefaultSettings() : vc2DefaultSettings(), 5);
        Vc2TransferRequest request = transfer(model, s);
        const at::Tensor source = plain(model, s, request.fpsCondition);
        QVERIFY(source.defined());
        request.sourceSeed = 5;
        auto result = Vc2TransferPipeline(model).run(request, {});
        QVERIFY2(result, message(result));
        // Both guidance passes of every step for VC2; one pass per step for the Turbo model.
        QCOMPARE(result->extractionPasses, turbo ? 4 : 8);
        QVERIFY(at::equal(result->render.latent, source));
        QVERIFY(at::equal(result->baseline.latent, source));
    }

    void anotherSourceSeedSteersTheRender()
    {
        const GenerationSettings s = test::tinyVc2Settings(vc2DefaultSettings(), 5);
        Vc2TransferRequest request = transfer(*m_vc2, s);
        const at::Tensor source
            = plain(*m_vc2, test::tinyVc2Settings(vc2DefaultSettings(), 77), request.fpsCondition);
        request.sourceSeed = 77;
        auto result = Vc2TransferPipeline(*m_vc2).run(request, {});
        QVERIFY2(result, message(result));
        const double near = distance(result->render.latent, source);
        const double far = distance(result->baseline.latent, source);
        const std::string distances = std::to_string(near) + " vs " + std::to_string(far);
        qInfo("distance to the source render: %s", distances.c_str());
        QVERIFY2(near < far, distances.c_str());
    }

    void turboNeedsTheSourceSeed()
    {
        const GenerationSettings s = test::tinyVc2Settings(turboDefaultSettings(), 5);
        auto result = Vc2TransferPipeline(*m_turbo).run(transfer(*m_turbo, s), {});
        QVERIFY(!result);
        QCOMPARE(result.error().code, ErrorCode::Unsupported);
        QVERIFY2(result.error().message.find("seed") != std::string::npos,
                 result.error().message.c_str());

        Vc2TransferRequest perStep = transfer(*m_vc2, test::tinyVc2Settings(vc2DefaultSettings(), 5));
        perStep.schedule.extraction = ExtractionMode::PerStep;
        perStep.sourceSeed = 5;
        auto seeded = Vc2TransferPipeline(*m_vc2).run(perStep, {});
        QVERIFY(!seeded);
        QCOMPARE(seeded.error().code, ErrorCode::InvalidArgument);
    }

    void cancelDuringInversionStopsBeforeRendering()
    {
        std::atomic<bool> cancel {true};
        JobHooks hooks;
        hooks.cancel = &cancel;
        Vc2TransferRequest request = transfer(*m_vc2, test::tinyVc2Settings(vc2DefaultSettings(), 5));
        request.wantBaseline = false;
        auto result = Vc2TransferPipeline(*m_vc2).run(request, hooks);
        QVERIFY2(result, message(result));
        QVERIFY(result->cancelled);
        QVERIFY(!result->render.latent.defined());
    }

    void engineInvertsOnceAndResumes()
    {
        const auto engine = [&] {
            auto made = createTorchEngine();
            EngineSettings cpu;
            cpu.device = "cpu";
            cpu.dtype = "f32";
            if (!made->configure(cpu) || !made->loadModel(m_vc2Folder))
                made.reset();
            return made;
        };
        auto warm = engine();
        QVERIFY(warm);
        RenderRequest request = test::vc2EngineTransfer(
            vc2DefaultSettings(), m_vc2->unet().layerIds(), ExtractionMode::Lockstep, 3);

        auto first = warm->render(request, {});
        QVERIFY2(first, first ? "" : first.error().message.c_str());
        QCOMPARE(first->extractionPasses, 5 + 3); // inversion, then unguided source steps 0..2
        // Another target prompt: the inverted start is kept.
        RenderRequest other = request;
        other.prompt = "a white fox walks on a wall";
        auto prompt = warm->render(other, {});
        QVERIFY2(prompt, prompt ? "" : prompt.error().message.c_str());
        QCOMPARE(prompt->extractionPasses, 3);
        // Range end 3 -> 4: resumes at 3, the source continues from its kept step 2.
        request.injection.stepEnd = 4;
        auto longer = warm->render(request, {});
        QVERIFY2(longer, longer ? "" : longer.error().message.c_str());
        QCOMPARE(longer->resumedSteps, 3);
        QCOMPARE(longer->extractionPasses, 1);
        auto cold = engine();
        QVERIFY(cold);
        auto full = cold->render(request, {});
        QVERIFY(full);
        QCOMPARE(full->extractionPasses, 5 + 4);
        QCOMPARE(longer->frames.rgb, full->frames.rgb);
        QVERIFY(full->frames.rgb != first->frames.rgb);
    }
};

QTEST_GUILESS_MAIN(TestVc2Lockstep)
#include "tst_vc2_lockstep.moc"
