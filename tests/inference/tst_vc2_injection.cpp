// VideoCrafter2 motion transfer on the tiny random model (CPU, float32): the invariants that
// only hold when Q injection works (weight 0 and the target's own Q reproduce the baseline
// bitwise, also per guidance branch where q folds frames and pixels into rows), per-step
// extraction as VC2's forward process (scale_arr included) run once per injected step and
// reproducible, the bank holding exactly what the schedule needs, cancel, the facade with its
// baseline and saved latent, the family's request rules in the engine, the paper preset, and
// the errors a user can cause.

#include "inference/attention/q_bank.h"
#include "inference/attention/q_injector.h"
#include "inference/injection_preset.h"
#include "inference/io/tensor_store.h"
#include "inference/pipelines/vc2_t2v.h"
#include "inference/pipelines/vc2_transfer.h"
#include "inference/request_rules.h"
#include "inference/sched/ddim_step.h"
#include "inference/vc2_tools.h"
#include "inference/videocrafter/unet_plan.h"
#include "inference/videocrafter/vc2_model.h"
#include "tests/inference/tiny_vc2.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace mbq;
using namespace mbq::pipelines;
using attention::QBank;

namespace {

InjectionSchedule schedule(const std::vector<std::string> &layers, float weight,
                           ExtractionMode extraction, int begin, int end)
{
    InjectionSchedule s;
    for (const std::string &layer : layers)
        s.layers.push_back({layer, weight, {}});
    s.stepBegin = begin;
    s.stepEnd = end;
    s.extraction = extraction;
    s.extractionTimestep = 200.0f;
    return s;
}

const char *message(const Result<Vc2TransferResult> &r)
{
    return r ? "" : r.error().message.c_str();
}

} // namespace

class TestVc2Injection : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_folder;
    std::unique_ptr<vc2::Vc2Model> m_model;
    std::vector<std::string> m_spatial;

    Vc2TransferRequest transfer(const InjectionSchedule &s) const
    {
        Vc2TransferRequest request;
        request.prompt = "a red fox runs through snow";
        request.settings = test::tinyVc2Settings(vc2DefaultSettings(), 5);
        request.schedule = s;
        request.sourceVideo = test::blockSourceVideo();
        request.wantBaseline = true;
        return request;
    }

    Result<Vc2TransferResult> run(const Vc2TransferRequest &request, const JobHooks &hooks = {})
    {
        return Vc2TransferPipeline(*m_model).run(request, hooks);
    }

    // A plain render of `settings` with `hook` installed on the UNet.
    at::Tensor plain(const GenerationSettings &settings, attention::QHook *hook)
    {
        auto schedule = sched::makeDdimSchedule(m_model->schedule(), settings.steps, 1.0);
        auto cond = m_model->encodePrompt("a red fox runs through snow");
        auto uncond = m_model->encodePrompt("");
        m_model->unet().setQHook(hook);
        auto sampled = sampleVc2Seeded(*m_model, *schedule, settings, *cond, *uncond, 28.0, {});
        m_model->unet().setQHook(nullptr);
        return sampled ? sampled->latent : at::Tensor();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_folder = m_dir.filePath(QStringLiteral("tiny")).toStdString();
        QVERIFY(writeTinyVc2Model(m_folder, "ckpt", 11).ok());
        auto model = vc2::Vc2Model::load(m_folder, {});
        QVERIFY(model.ok());
        m_model = std::move(*model);
        for (const std::string &id : m_model->unet().layerIds()) {
            if (id.size() > 8 && id.compare(id.size() - 8, 8, ".spatial") == 0)
                m_spatial.push_back(id);
        }
        QVERIFY(m_spatial.size() >= 2);
    }

    void weightZeroEqualsBaseline()
    {
        auto off = run(transfer(schedule(m_spatial, 0.0f, ExtractionMode::PerStep, 0, 4)));
        QVERIFY2(off, message(off));
        QCOMPARE(off->extractionPasses, 0);
        QVERIFY(at::equal(off->render.latent, off->baseline.latent));
        // And both are the plain text-to-video render of that seed.
        QVERIFY(at::equal(off->render.latent, plain(test::tinyVc2Settings(vc2DefaultSettings(), 5), nullptr)));
    }

    void ownQueriesReproduceTheBaseline()
    {
        // Guidance 1: one (conditional) pass per step, so the bank holds each step's own Q.
        GenerationSettings s = test::tinyVc2Settings(vc2DefaultSettings(), 5);
        s.guidance = 1.0;
        QBank bank;
        const std::vector<std::string> &all = m_model->unet().layerIds();
        attention::QInjector recorder;
        recorder.capture(bank, {all.begin(), all.end()}, std::nullopt);
        const at::Tensor baseline = plain(s, &recorder);
        QVERIFY(baseline.defined());
        QCOMPARE(bank.size(), 4 * all.size());

        const InjectionSchedule every = schedule(all, 1.0f, ExtractionMode::PerStep, 0, 4);
        attention::QInjector injector;
        injector.inject(bank, every);
        QVERIFY(at::equal(plain(s, &injector), baseline));
        QVERIFY(!injector.error());
        QCOMPARE(injector.injectPasses(), 4);

        // The same bank steers another seed's render.
        GenerationSettings other = s;
        other.seed = 6;
        QVERIFY(!at::equal(plain(other, &injector), plain(other, nullptr)));
    }

    void ownQueriesPerGuidanceBranch()
    {
        // Guided: the unconditional pass runs second, so each bank entry ends up holding the
        // unconditional Q. Injected into that branch alone it changes nothing; into the
        // conditional branch alone it does. Spatial q rows are frames, temporal rows pixels:
        // the branch applies to all rows of the video.
        const GenerationSettings s = test::tinyVc2Settings(vc2DefaultSettings(), 5);
        QBank bank;
        const std::vector<std::string> &all = m_model->unet().layerIds();
        attention::QInjector recorder;
        recorder.capture(bank, {all.begin(), all.end()}, std::nullopt);
        const at::Tensor baseline = plain(s, &recorder);
        InjectionSchedule uncond = schedule(all, 1.0f, ExtractionMode::PerStep, 0, 4);
        uncond.branches = GuidanceBranches::UnconditionalOnly;
        attention::QInjector injector;
        injector.inject(bank, uncond);
        QVERIFY(at::equal(plain(s, &injector), baseline));
        QVERIFY(!injector.error());
        InjectionSchedule cond = uncond;
        cond.branches = GuidanceBranches::ConditionalOnly;
        injector.inject(bank, cond);
        QVERIFY(!at::equal(plain(s, &injector), baseline));
        QVERIFY(!injector.error());
    }

    void branchesCoverEveryRowOfAnItem()
    {
        // VC2 folds frames (spatial) or pixels (temporal) into q's rows: one batch item, three
        // rows, all of the item's branch. Wan has a row per item.
        const std::string layer = m_spatial.front();
        QBank bank;
        QVERIFY(bank.put(0, layer, at::ones({3, 4, 8})).ok());
        InjectionSchedule s = schedule({layer}, 1.0f, ExtractionMode::PerStep, 0, 1);
        attention::QInjector injector;
        const attention::ForwardContext uncond{0, {attention::GuidanceBranch::Unconditional}};
        const attention::QSite site{layer, 1, uncond, 1, {1, 2, 2}};
        for (auto [branches, injected] : {std::pair{GuidanceBranches::ConditionalOnly, false},
                                          std::pair{GuidanceBranches::UnconditionalOnly, true}}) {
            s.branches = branches;
            injector.inject(bank, s);
            at::Tensor q = at::zeros({3, 4, 8});
            injector.onQuery(site, q);
            QVERIFY(!injector.error());
            QCOMPARE(q.sum().item<float>(), injected ? 96.0f : 0.0f);
        }
        // Two items of one row each (Wan's batched branches) with a one-item source.
        QBank one;
        QVERIFY(one.put(0, layer, at::ones({1, 4, 8})).ok());
        s.branches = GuidanceBranches::ConditionalOnly;
        injector.inject(one, s);
        const attention::ForwardContext both{
            0, {attention::GuidanceBranch::Conditional, attention::GuidanceBranch::Unconditional}};
        at::Tensor q = at::zeros({2, 4, 8});
        injector.onQuery({layer, 1, both, 1, {1, 2, 2}}, q);
        QVERIFY(at::equal(q[0], at::ones({4, 8})) && at::equal(q[1], at::zeros({4, 8})));
    }

    void perStepExtractionIsVc2sForwardProcess()
    {
        QBank bank;
        Vc2TransferRequest request
            = transfer(schedule(m_spatial, 1.0f, ExtractionMode::PerStep, 1, 3));
        request.bank = &bank;
        request.wantBaseline = false;
        std::vector<Progress> seen;
        JobHooks hooks;
        hooks.progress = [&](const Progress &p) { seen.push_back(p); };
        auto result = run(request, hooks);
        QVERIFY2(result, message(result));
        QCOMPARE(result->extractionPasses, 2);
        QVERIFY(!result->bankReused);
        QVERIFY(!at::equal(result->render.latent, plain(test::tinyVc2Settings(vc2DefaultSettings(), 5), nullptr)));
        QCOMPARE(bank.size(), 2 * m_spatial.size());
        QVERIFY(bank.find(1, m_spatial.front()) && bank.find(2, m_spatial.back()));
        QVERIFY(!bank.find(0, m_spatial.front()));
        // Stages in order: encode the source, extract, then denoise.
        QCOMPARE(seen.front().stage, Stage::EncodeSource);
        int extracted = 0;
        for (const Progress &p : seen)
            extracted += p.stage == Stage::ExtractQ ? 1 : 0;
        QCOMPARE(extracted, 2);
        QCOMPARE(seen.back().stage, Stage::Denoise);
        QCOMPARE(seen.back().step, 4);

        // Step 2's entry by hand: the scaled posterior mean, noised with scale_arr at the
        // step's timestep with the extraction seed, one UNet pass with the source prompt.
        auto ddim = sched::makeDdimSchedule(m_model->schedule(), 4, 1.0);
        const int64_t t = ddim->steps[2].timestep;
        QVERIFY(m_model->schedule().scale(t) < 1.0f); // the scale matters at this timestep
        auto clean = m_model->vae().encode(test::blockSourceVideo().unsqueeze(0));
        QVERIFY(clean.ok());
        at::Generator generator = at::detail::createCPUGenerator(kVc2ExtractionSeed);
        const at::Tensor noise = at::randn(clean->sizes(), generator);
        QBank manual;
        attention::QInjector capture;
        capture.capture(manual, {m_spatial.front()}, 2);
        m_model->unet().setQHook(&capture);
        const at::Tensor fps = at::full({1}, 28.0, at::kDouble);
        auto out = m_model->unet().forward(sched::qSample(m_model->schedule(), t, *clean, noise),
                                           at::full({1}, t, at::kLong), *m_model->encodePrompt(""),
                                           fps, {2, {attention::GuidanceBranch::Source}});
        m_model->unet().setQHook(nullptr);
        QVERIFY(out.ok());
        QVERIFY(at::equal(*manual.find(2, m_spatial.front()), *bank.find(2, m_spatial.front())));

        // Extraction is deterministic: a fresh bank gets the same entries bitwise.
        QBank again;
        request.bank = &again;
        QVERIFY(run(request).ok());
        QCOMPARE(again.keys(), bank.keys());
        for (const auto &[step, layer] : bank.keys())
            QVERIFY(at::equal(*again.find(step, layer), *bank.find(step, layer)));

        // The same source with another target prompt reuses the bank: no extraction pass.
        request.prompt = "a blue bird";
        auto reused = run(request);
        QVERIFY(reused);
        QVERIFY(reused->bankReused);
        QCOMPARE(reused->extractionPasses, 0);
    }

    void singleExtractionIsOnePass()
    {
        QBank bank;
        Vc2TransferRequest request
            = transfer(schedule(m_spatial, 1.0f, ExtractionMode::Single, 0, 3));
        request.bank = &bank;
        auto result = run(request);
        QVERIFY2(result, message(result));
        QCOMPARE(result->extractionPasses, 1);
        QCOMPARE(bank.size(), m_spatial.size());
        QVERIFY(bank.find(QBank::kAnyStep, m_spatial.front()));
        QVERIFY(!at::equal(result->render.latent, result->baseline.latent));
    }

    void cancelDuringExtractionStopsBeforeRendering()
    {
        std::atomic<bool> cancel {false};
        JobHooks hooks;
        hooks.cancel = &cancel;
        hooks.progress = [&](const Progress &p) {
            if (p.stage == Stage::ExtractQ)
                cancel = true;
        };
        auto result
            = run(transfer(schedule(m_spatial, 1.0f, ExtractionMode::PerStep, 0, 3)), hooks);
        QVERIFY2(result, message(result));
        QVERIFY(result->cancelled);
        QVERIFY(!result->render.latent.defined());
        // The baseline renders before the source pass (a resumed render may need none), so
        // it is finished work that the cancel keeps.
        QVERIFY(result->baseline.latent.defined());
        QCOMPARE(result->baseline.completedSteps, 4);
    }

    void userErrors()
    {
        auto unknown
            = run(transfer(schedule({"down.9.9.spatial"}, 1.0f, ExtractionMode::PerStep, 0, 2)));
        QVERIFY(!unknown);
        QCOMPARE(unknown.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(unknown.error().message.find("down.9.9.spatial") != std::string::npos,
                 unknown.error().message.c_str());

        Vc2TransferRequest size
            = transfer(schedule(m_spatial, 1.0f, ExtractionMode::PerStep, 0, 2));
        size.settings.frames = 3;
        auto mismatch = run(size);
        QVERIFY(!mismatch);
        QCOMPARE(mismatch.error().code, ErrorCode::InvalidArgument);
        QVERIFY(mismatch.error().message.find("conform") != std::string::npos);

        InjectionSchedule masked = schedule(m_spatial, 1.0f, ExtractionMode::PerStep, 0, 2);
        masked.tokenMask.assign(2 * 4 * 8, 1);
        auto mask = run(transfer(masked));
        QVERIFY(!mask);
        QCOMPARE(mask.error().code, ErrorCode::Unsupported);

        InjectionSchedule late = schedule(m_spatial, 1.0f, ExtractionMode::Single, 0, 2);
        late.extractionTimestep = 1000.0f;
        auto timestep = run(transfer(late));
        QVERIFY(!timestep);
        QVERIFY(timestep.error().message.find("1000") != std::string::npos);

        InjectionSchedule heads = schedule({m_spatial.front()}, 1.0f, ExtractionMode::Single, 0, 2);
        heads.layers.front().headWeights = std::vector<float>(97, 1.0f);
        auto headCount = run(transfer(heads));
        QVERIFY(!headCount);
        QVERIFY2(headCount.error().message.find(m_spatial.front()) != std::string::npos,
                 headCount.error().message.c_str());
    }

    void facadeRendersTransferBaselineAndSavesTheLatent()
    {
        RenderRequest request;
        request.prompt = "a red fox runs through snow";
        request.settings = test::tinyVc2Settings(vc2DefaultSettings(), 5);
        request.injection = schedule(m_spatial, 1.0f, ExtractionMode::PerStep, 0, 2);
        request.wantBaseline = true;
        request.wantLatents = true;
        const at::Tensor bytes = ((test::blockSourceVideo() + 1.0) * 127.5).round().to(at::kByte);
        request.source.width = 16;
        request.source.height = 8;
        request.source.count = 2;
        request.source.fps = 8;
        const at::Tensor rgb = bytes.permute({1, 2, 3, 0}).contiguous();
        request.source.rgb.assign(rgb.data_ptr<uint8_t>(), rgb.data_ptr<uint8_t>() + rgb.numel());
        Vc2GenerateOptions options;
        options.compute = {"cpu", "f32"};
        options.latentPath
            = m_dir.filePath(QStringLiteral("take.latent.safetensors")).toStdString();
        auto output = generateVc2(m_folder, request, options, {});
        QVERIFY2(output.ok(), output.ok() ? "" : output.error().toString().c_str());
        QCOMPARE(output->render.extractionPasses, 2);
        QCOMPARE(output->render.frames.count, 2);
        QCOMPARE(output->render.baseline.count, 2);
        QVERIFY(output->render.frames.rgb != output->render.baseline.rgb);
        auto saved = io::TensorStore::open(options.latentPath);
        QVERIFY(saved.ok());
        auto latent = saved->load("latent");
        QVERIFY(latent.ok());
        QCOMPARE(latent->sizes().vec(), output->render.latents.shape);

        // The baseline is the plain render of the same request.
        RenderRequest plainRequest = request;
        plainRequest.injection = {};
        plainRequest.source = {};
        options.latentPath.clear();
        auto plainOutput = generateVc2(m_folder, plainRequest, options, {});
        QVERIFY(plainOutput.ok());
        QVERIFY(plainOutput->render.frames.rgb == output->render.baseline.rgb);

        // An active schedule without a source is the user's mistake.
        RenderRequest noSource = request;
        noSource.source = {};
        auto refused = generateVc2(m_folder, noSource, options, {});
        QVERIFY(!refused.ok());
        QCOMPARE(refused.error().code, ErrorCode::InvalidArgument);
    }

    void engineAppliesTheFamilyRules()
    {
        const RequestRules rules = rulesFor("videocrafter2");
        QCOMPARE(rules.sizeMultiple, 64);
        QCOMPARE(rules.defaultFrames, 16);
        QVERIFY(rules.framesValid(16) && rules.framesValid(1) && !rules.framesValid(0));
        QCOMPARE(rules.sizeBelow(330), 320);
        QCOMPARE(rules.sizeAbove(330), 384);
        QCOMPARE(rules.framesBelow(0), 1);
        // Wan's free functions are unchanged.
        QVERIFY(!rulesFor("wan2.1").framesValid(16));
        QCOMPARE(framesBelow(16), 13);
        QCOMPARE(framesAbove(16), 17);
        QCOMPARE(sizeBelow(830), 816);
        QCOMPARE(sizeAbove(830), 832);

        const std::unique_ptr<Engine> engine = createTorchEngine();
        QVERIFY(engine->loadModel(m_folder).ok());
        RenderRequest request;
        request.prompt = "a cat";
        request.settings = test::tinyVc2Settings(vc2DefaultSettings(), 1);
        request.settings.width = 64;
        request.settings.height = 64;
        request.settings.frames = 3; // not 4n+1: VC2 takes any count
        request.settings.steps = 1;
        request.latentPath
            = m_dir.filePath(QStringLiteral("engine.latent.safetensors")).toStdString();
        auto output = engine->render(request, {});
        QVERIFY2(output.ok(), output.ok() ? "" : output.error().toString().c_str());
        QCOMPARE(output->frames.count, 3);
        QVERIFY(QFile::exists(QString::fromStdString(request.latentPath)));
        request.settings.width = 96;
        auto refused = engine->render(request, {});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("multiple of 64") != std::string::npos,
                 refused.error().message.c_str());
    }

    void paperPreset()
    {
        auto preset = loadInjectionPreset(MBQ_SOURCE_DIR "/resources/presets/vc2_paper.json");
        QVERIFY2(preset, preset ? "" : preset.error().message.c_str());
        QCOMPARE(preset->family, std::string("videocrafter2"));
        QCOMPARE(preset->steps, 50);
        const InjectionSchedule &s = preset->schedule;
        QCOMPARE(s.stepBegin, 0);
        QCOMPARE(s.stepEnd, 20); // the first 40% of 50 steps
        QCOMPARE(s.extraction, ExtractionMode::PerStep);
        QCOMPARE(s.mode, InjectionMode::Replace);
        // Exactly the real UNet's spatial sites, all at weight 1.
        const vc2::UNetPlan real = vc2::planUNet(vc2::Vc2UNetConfig {});
        std::vector<std::string> spatial;
        for (const std::string &id : real.siteIds) {
            if (id.find(".spatial") != std::string::npos)
                spatial.push_back(id);
        }
        QCOMPARE(spatial.size(), size_t(16));
        QCOMPARE(s.layers.size(), spatial.size());
        for (const std::string &id : spatial)
            QCOMPARE(s.weightOf(id), 1.0f);
        QVERIFY(s.validate(50, real.siteIds).ok());
        // The tiny model has fewer levels: the error names a layer it lacks.
        auto tiny = s.validate(50, m_model->unet().layerIds());
        QVERIFY(!tiny.ok());
        QVERIFY2(tiny.error().message.find(".spatial") != std::string::npos,
                 tiny.error().message.c_str());
    }

    // T2V-Turbo-v2's starting point: VC2's layers and share of steps on its 8 steps.
    void turboPreset()
    {
        auto vc2 = loadInjectionPreset(MBQ_SOURCE_DIR "/resources/presets/vc2_paper.json");
        auto turbo = loadInjectionPreset(MBQ_SOURCE_DIR "/resources/presets/turbo_v2_start.json");
        QVERIFY2(turbo, turbo ? "" : turbo.error().message.c_str());
        QCOMPARE(turbo->family, std::string("t2v-turbo-v2"));
        QCOMPARE(turbo->steps, 8);
        const InjectionSchedule &s = turbo->schedule;
        QCOMPARE(s.stepBegin, 0);
        QCOMPARE(s.stepEnd, 3); // 40% of 8 steps, rounded
        QCOMPARE(s.extraction, ExtractionMode::PerStep);
        QCOMPARE(s.layers.size(), vc2->schedule.layers.size());
        for (const LayerInjection &layer : vc2->schedule.layers)
            QCOMPARE(s.weightOf(layer.layer), layer.weight);
        // The distilled UNet adds the guidance embedding, not Q sites.
        vc2::Vc2UNetConfig config;
        config.timeCondProjDim = 256;
        QVERIFY(s.validate(8, vc2::planUNet(config).siteIds).ok());
    }
};

QTEST_GUILESS_MAIN(TestVc2Injection)
#include "tst_vc2_injection.moc"
