// T2V-Turbo-v2 text-to-video and motion transfer on the tiny random model (CPU, float32):
// generateVc2 renders deterministically and equals the official sampling loop written out
// step by step (one UNet pass per step with the guidance embedding, the consistency step,
// re-noising with the next timestep, the last denoised estimate returned), the motion-guidance
// schedule, per_step extraction on the turbo sampler's timesteps with its own forward process,
// the target's own Q reproducing the render, and the request errors.

#include "inference/attention/q_bank.h"
#include "inference/attention/q_injector.h"
#include "inference/pipelines/vc2_t2v.h"
#include "inference/pipelines/vc2_transfer.h"
#include "inference/sched/consistency_schedule.h"
#include "inference/engine.h"
#include "inference/sched/consistency_step.h"
#include "inference/vc2_tools.h"
#include "inference/videocrafter/sampler.h"
#include "inference/videocrafter/vc2_model.h"
#include "tests/inference/tiny_vc2.h"

#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cmath>

using namespace mbq;
using namespace mbq::pipelines;
using attention::QBank;

namespace {

const char *kPrompt = "a red fox runs through snow";

RenderRequest tinyRequest(uint64_t seed)
{
    RenderRequest request;
    request.prompt = kPrompt;
    request.settings = test::tinyVc2Settings(turboDefaultSettings(), seed);
    request.wantLatents = true;
    return request;
}

Vc2GenerateOptions cpu()
{
    Vc2GenerateOptions options;
    options.compute = {"cpu", "f32"};
    return options;
}

VideoFrames sourceFrames()
{
    const at::Tensor bytes
        = ((test::blockSourceVideo() + 1.0) * 127.5).round().to(at::kByte).permute({1, 2, 3, 0}).contiguous();
    VideoFrames frames;
    frames.count = 2;
    frames.height = 8;
    frames.width = 16;
    frames.fps = 8.0;
    frames.rgb.assign(bytes.data_ptr<uint8_t>(), bytes.data_ptr<uint8_t>() + bytes.numel());
    return frames;
}

std::vector<std::string> spatial(const std::vector<std::string> &layers)
{
    std::vector<std::string> out;
    for (const std::string &layer : layers) {
        if (layer.size() > 8 && layer.compare(layer.size() - 8, 8, ".spatial") == 0)
            out.push_back(layer);
    }
    return out;
}

// Replace at weight 1 over [begin, end) with per_step extraction.
InjectionSchedule schedule(const std::vector<std::string> &layers, int begin, int end)
{
    InjectionSchedule s;
    for (const std::string &layer : layers)
        s.layers.push_back({layer, 1.0f, {}});
    s.stepBegin = begin;
    s.stepEnd = end;
    s.extraction = ExtractionMode::PerStep;
    return s;
}

// Notes which step and branch every UNet pass ran for (one call per pass: init_attn's site).
class PassRecorder final : public attention::QHook
{
public:
    std::vector<std::pair<int, attention::GuidanceBranch>> passes;
    void onQuery(const attention::QSite &site, at::Tensor &) override
    {
        if (site.layer == "init.temporal")
            passes.emplace_back(site.context.step, site.context.branches.at(0));
    }
};

template<typename T>
const char *message(const Result<T> &r)
{
    return r ? "" : r.error().message.c_str();
}

} // namespace

class TestTurboT2V : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_folder;
    std::unique_ptr<vc2::Vc2Model> m_model;

    vc2::Vc2Sampler sampler(const GenerationSettings &s, vc2::TurboSampling turbo = {}) const
    {
        vc2::Vc2SamplerOptions options;
        options.steps = s.steps;
        options.guidance = s.guidance;
        options.fps = 8.0;
        options.turbo = turbo;
        auto made = vc2::Vc2Sampler::forModel(*m_model, options);
        if (!made)
            qFatal("%s", made.error().toString().c_str());
        return *made;
    }

    // A plain render of `s` with `hook` installed on the UNet.
    at::Tensor plain(const GenerationSettings &s, attention::QHook *hook)
    {
        auto cond = m_model->encodePrompt(kPrompt);
        m_model->unet().setQHook(hook);
        auto sampled = sampleVc2Seeded(*m_model, sampler(s), s, *cond, at::Tensor(), {});
        m_model->unet().setQHook(nullptr);
        return sampled ? sampled->latent : at::Tensor();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_folder = m_dir.filePath(QStringLiteral("turbo")).toStdString();
        QVERIFY(writeTinyTurboModel(m_folder, "ckpt", 11).ok());
        auto model = vc2::Vc2Model::load(m_folder, {});
        QVERIFY(model.ok());
        m_model = std::move(*model);
    }

    void generatesDeterministicFrames()
    {
        auto first = generateVc2(m_folder, tinyRequest(1), cpu(), {});
        QVERIFY2(first.ok(), message(first));
        QVERIFY(first->randomWeights);
        const VideoFrames &frames = first->render.frames;
        QCOMPARE(frames.count, 2);
        QCOMPARE(frames.width, 16);
        QCOMPARE(frames.height, 8);
        QCOMPARE(frames.fps, 8.0);
        QCOMPARE(first->render.completedSteps, 4);
        QCOMPARE(first->render.computedSteps, 4);
        // The tiny VAE halves the size: [4, frames, 4, 8].
        QCOMPARE(first->render.latents.shape, std::vector<int64_t>({4, 2, 4, 8}));
        auto again = generateVc2(m_folder, tinyRequest(1), cpu(), {});
        QVERIFY(again.ok());
        QVERIFY(again->render.frames.rgb == frames.rgb);
        QVERIFY(again->render.latents.data == first->render.latents.data);
        auto other = generateVc2(m_folder, tinyRequest(2), cpu(), {});
        QVERIFY(other.ok());
        QVERIFY(other->render.latents.data != first->render.latents.data);
    }

    void equalsTheOfficialLoopStepByStep()
    {
        // pipeline/t2v_turbo_vc2_pipeline.py with the scheduler's step, written out: z_T, then
        // per step ε = UNet(x, t, c, fps 8, W(7.5), W(m_t)) with m_t = 0.05 for t ≥ 500 (the
        // unet_mg default, percentage 0.5) and 0 below, x0 = (x − √(1−ᾱ)ε)/√ᾱ,
        // d = c_out·x0 + c_skip·x, x = √ᾱ_next·d + √(1−ᾱ_next)·z; the result is the last d.
        const GenerationSettings s = test::tinyVc2Settings(turboDefaultSettings(), 3);
        auto steps = sched::makeConsistencySchedule(m_model->config().schedule, 4);
        QVERIFY(steps.ok());
        const std::vector<int64_t> expectedTimesteps {999, 749, 499, 249};
        at::Generator generator = at::detail::createCPUGenerator(s.seed);
        at::Tensor x = at::randn({1, 4, 2, 4, 8}, generator);
        auto cond = m_model->encodePrompt(kPrompt);
        QVERIFY(cond.ok());
        at::Tensor denoised;
        for (int i = 0; i < 4; ++i) {
            const sched::ConsistencyStepCoefficients &c = steps->steps[size_t(i)];
            QCOMPARE(c.timestep, expectedTimesteps[size_t(i)]);
            vc2::TurboCondition condition;
            condition.guidance = 7.5;
            condition.motion = c.timestep >= 500 ? 0.05 : 0.0;
            auto eps = m_model->unet().forward(x, at::tensor({c.timestep}), *cond,
                                               at::tensor({8.0}), {}, condition);
            QVERIFY(eps.ok());
            const at::Tensor x0 = (x - *eps * std::sqrt(1.0f - c.alpha)) / std::sqrt(c.alpha);
            denoised = x0 * c.cOut + x * c.cSkip;
            if (i < 3) {
                const at::Tensor z = at::randn(x.sizes(), generator);
                x = denoised * std::sqrt(c.alphaNext) + z * std::sqrt(1.0f - c.alphaNext);
            }
        }
        RenderRequest request = tinyRequest(3);
        request.wantFrames = false;
        auto rendered = generateVc2(m_folder, request, cpu(), {});
        QVERIFY2(rendered.ok(), message(rendered));
        const HostTensor &latents = rendered->render.latents;
        const at::Tensor got
            = at::from_blob(const_cast<float *>(latents.data.data()), latents.shape).clone();
        const at::Tensor want = denoised.squeeze(0);
        QVERIFY2(at::allclose(got, want, 1e-5, 1e-6),
                 qPrintable(QString::number((got - want).abs().max().item<double>())));
    }

    void onePassPerStep()
    {
        PassRecorder recorder;
        QVERIFY(plain(test::tinyVc2Settings(turboDefaultSettings(), 1), &recorder).defined());
        QCOMPARE(recorder.passes.size(), size_t(4));
        for (int i = 0; i < 4; ++i) {
            QCOMPARE(recorder.passes[size_t(i)].first, i);
            QVERIFY(recorder.passes[size_t(i)].second == attention::GuidanceBranch::Conditional);
        }
    }

    void motionGuidanceSchedule()
    {
        const vc2::Vc2Sampler mg = sampler(test::tinyVc2Settings(turboDefaultSettings(), 1));
        QVERIFY(mg.turbo());
        QCOMPARE(mg.count(), 4);
        QCOMPARE(mg.timestep(1), int64_t(749));
        QCOMPARE(*mg.condition(999).guidance, 7.5);
        QCOMPARE(*mg.condition(999).motion, vc2::kTurboMotionGuidance);
        QCOMPARE(*mg.condition(500).motion, vc2::kTurboMotionGuidance);
        QCOMPARE(*mg.condition(499).motion, 0.0);
        vc2::TurboSampling custom;
        custom.motionGuidance = 0.1;
        custom.motionPercentage = 0.3; // the gradio default: t ≥ 700
        const vc2::Vc2Sampler tuned = sampler(test::tinyVc2Settings(turboDefaultSettings(), 1), custom);
        QCOMPARE(*tuned.condition(749).motion, 0.1);
        QCOMPARE(*tuned.condition(699).motion, 0.0);
        QVERIFY(tuned.sourceIdentity() != mg.sourceIdentity());
        // The noising has no VC2 scale_arr.
        const at::Tensor x0 = at::ones({1, 4, 1, 1, 1}), zero = at::zeros({1, 4, 1, 1, 1});
        const float a = sched::makeConsistencySchedule({}, 4)->alphasCumprod[749];
        QVERIFY(at::allclose(mg.noised(749, x0, zero), x0 * std::sqrt(a)));

        vc2::TurboSampling bad;
        bad.motionPercentage = 1.5;
        vc2::Vc2SamplerOptions options;
        options.steps = 4;
        options.turbo = bad;
        QVERIFY(!vc2::Vc2Sampler::forModel(*m_model, options).ok());
        options.turbo = {};
        options.steps = 201;
        QVERIFY(!vc2::Vc2Sampler::forModel(*m_model, options).ok());

        // unet_no_mg: the motion input is W(0) on every step.
        const std::string noMg = m_dir.filePath(QStringLiteral("no_mg")).toStdString();
        QVERIFY(writeTinyTurboModel(noMg, "safetensors", 11, false).ok());
        auto model = vc2::Vc2Model::load(noMg, {});
        QVERIFY(model.ok());
        QVERIFY(!(*model)->location().motionGuided);
        options.steps = 4;
        auto noMgSampler = vc2::Vc2Sampler::forModel(**model, options);
        QVERIFY(noMgSampler.ok());
        QCOMPARE(*noMgSampler->condition(999).motion, 0.0);
        RenderRequest request = tinyRequest(1);
        auto rendered = generateVc2(noMg, request, cpu(), {});
        QVERIFY2(rendered.ok(), message(rendered));
    }

    void ownQueriesReproduceTheRender()
    {
        // One pass per step, so a bank captured from a render holds exactly that render's Q.
        const GenerationSettings s = test::tinyVc2Settings(turboDefaultSettings(), 5);
        QBank bank;
        const std::vector<std::string> &all = m_model->unet().layerIds();
        attention::QInjector recorder;
        recorder.capture(bank, {all.begin(), all.end()}, std::nullopt);
        const at::Tensor baseline = plain(s, &recorder);
        QVERIFY(baseline.defined());
        QCOMPARE(bank.size(), 4 * all.size());
        const InjectionSchedule every = schedule(all, 0, 4);
        attention::QInjector injector;
        injector.inject(bank, every);
        QVERIFY(at::equal(plain(s, &injector), baseline));
        QVERIFY(!injector.error());
        GenerationSettings other = s;
        other.seed = 6;
        QVERIFY(!at::equal(plain(other, &injector), plain(other, nullptr)));
    }

    void perStepExtractionUsesTheTurboTimesteps()
    {
        QBank bank;
        Vc2TransferRequest request;
        request.prompt = kPrompt;
        request.settings = test::tinyVc2Settings(turboDefaultSettings(), 5);
        request.fpsCondition = 8.0;
        request.schedule = schedule(spatial(m_model->unet().layerIds()), 1, 3);
        request.sourceVideo = test::blockSourceVideo();
        request.bank = &bank;
        request.wantBaseline = true;
        auto result = Vc2TransferPipeline(*m_model).run(request, {});
        QVERIFY2(result, result ? "" : result.error().message.c_str());
        QCOMPARE(result->extractionPasses, 2);
        QVERIFY(!at::equal(result->render.latent, result->baseline.latent));
        QVERIFY(at::equal(result->baseline.latent, plain(request.settings, nullptr)));
        const std::string layer = request.schedule.layers.front().layer;
        QVERIFY(bank.find(1, layer) && bank.find(2, layer) && !bank.find(0, layer));

        // Step 2's entry by hand: the scaled posterior mean noised with the scheduler's
        // add_noise at the step's timestep (499, no scale_arr) with the extraction seed, one
        // UNet pass with the source prompt and the render's guidance inputs at that timestep.
        const vc2::Vc2Sampler turbo = sampler(request.settings);
        const int64_t t = turbo.timestep(2);
        QCOMPARE(t, int64_t(499));
        auto clean = m_model->vae().encode(test::blockSourceVideo().unsqueeze(0));
        QVERIFY(clean.ok());
        at::Generator generator = at::detail::createCPUGenerator(kVc2ExtractionSeed);
        const at::Tensor noise = at::randn(clean->sizes(), generator);
        auto consistency = sched::makeConsistencySchedule({}, 4);
        QBank manual;
        attention::QInjector capture;
        capture.capture(manual, {layer}, 2);
        vc2::TurboCondition condition;
        condition.guidance = 7.5;
        condition.motion = 0.0; // 499 < 500
        m_model->unet().setQHook(&capture);
        auto out = m_model->unet().forward(
            sched::consistencyAddNoise(*consistency, t, *clean, noise), at::full({1}, t, at::kLong),
            *m_model->encodePrompt(""), at::full({1}, 8.0, at::kDouble),
            {2, {attention::GuidanceBranch::Source}}, condition);
        m_model->unet().setQHook(nullptr);
        QVERIFY(out.ok());
        QVERIFY(at::equal(*manual.find(2, layer), *bank.find(2, layer)));

        // Another guidance scale changes the source passes' input: the bank is not reused.
        Vc2TransferRequest stronger = request;
        stronger.settings.guidance = 10.0;
        auto rerun = Vc2TransferPipeline(*m_model).run(stronger, {});
        QVERIFY(rerun.ok());
        QVERIFY(!rerun->bankReused);
        QCOMPARE(rerun->extractionPasses, 2);
    }

    void facadeTransfer()
    {
        RenderRequest request = tinyRequest(5);
        request.source = sourceFrames();
        request.injection = schedule(spatial(m_model->unet().layerIds()), 0, 2);
        request.wantBaseline = true;
        auto rendered = generateVc2(m_folder, request, cpu(), {});
        QVERIFY2(rendered.ok(), message(rendered));
        QCOMPARE(rendered->render.extractionPasses, 2);
        QCOMPARE(rendered->render.completedSteps, 4);
        QCOMPARE(rendered->render.baseline.count, 2);
        QVERIFY(rendered->render.frames.rgb != rendered->render.baseline.rgb);
    }

    void sessionResumesExactly()
    {
        // The trajectory cache keeps the re-noised sample after each step and the denoised
        // estimate after the last, so a cancelled render resumes to the uninterrupted result.
        Vc2Session session(m_folder);
        QVERIFY(session.setCompute({"cpu", "f32"}).ok());
        session.setCaches(EngineSettings());
        std::atomic<bool> cancel {false};
        JobHooks hooks;
        hooks.cancel = &cancel;
        hooks.progress = [&](const Progress &p) {
            if (p.stage == Stage::Denoise && p.step == 2)
                cancel.store(true);
        };
        auto stopped = session.render(tinyRequest(4), {}, hooks);
        QVERIFY2(stopped.ok(), message(stopped));
        QVERIFY(stopped->render.cancelled);
        QCOMPARE(stopped->render.completedSteps, 2);
        auto resumed = session.render(tinyRequest(4), {}, {});
        QVERIFY(resumed.ok());
        QCOMPARE(resumed->render.resumedSteps, 2);
        QCOMPARE(resumed->render.computedSteps, 2);
        auto full = generateVc2(m_folder, tinyRequest(4), cpu(), {});
        QVERIFY(full.ok());
        QVERIFY(resumed->render.latents.data == full->render.latents.data);
        auto again = session.render(tinyRequest(4), {}, {});
        QVERIFY(again.ok());
        QCOMPARE(again->render.resumedSteps, 4);
        QVERIFY(again->render.frames.rgb == full->render.frames.rgb);
    }

    // The studio's engine takes a T2V-Turbo-v2 folder as its own family, with VC2's layers and
    // size rule, and renders what the facade renders.
    void theEngineRendersTheTurboFolder()
    {
        auto engine = createTorchEngine();
        EngineSettings settings;
        settings.device = "cpu";
        settings.dtype = "f32";
        QVERIFY(engine->configure(settings).ok());
        auto info = engine->loadModel(m_folder);
        QVERIFY2(info.ok(), message(info));
        QCOMPARE(info->family, std::string("t2v-turbo-v2"));
        QCOMPARE(info->layers, m_model->unet().layerIds());
        RenderRequest request = tinyRequest(3);
        request.settings.width = 64;
        request.settings.height = 64;
        auto rendered = engine->render(request, {});
        QVERIFY2(rendered.ok(), message(rendered));
        QCOMPARE(rendered->frames.width, 64);
        QCOMPARE(rendered->completedSteps, 4);
        auto direct = generateVc2(m_folder, request, cpu(), {});
        QVERIFY(direct.ok());
        QVERIFY(rendered->frames.rgb == direct->render.frames.rgb);
        request.settings.width = 80;
        auto refused = engine->render(request, {});
        QVERIFY(!refused.ok());
        QVERIFY2(refused.error().message.find("multiple of 64") != std::string::npos,
                 refused.error().message.c_str());
    }

    void requestErrors()
    {
        RenderRequest request = tinyRequest(1);
        request.settings.sampler = Sampler::UniPC;
        auto unipc = generateVc2(m_folder, request, cpu(), {});
        QVERIFY(!unipc.ok());
        QCOMPARE(unipc.error().code, ErrorCode::Unsupported);
        QVERIFY(unipc.error().message.find("T2V-Turbo-v2") != std::string::npos);
        request = tinyRequest(1);
        request.settings.steps = 300;
        auto many = generateVc2(m_folder, request, cpu(), {});
        QVERIFY(!many.ok());
        QCOMPARE(many.error().code, ErrorCode::InvalidArgument);
        request = tinyRequest(1);
        request.settings.width = 12; // not a multiple of 8
        QVERIFY(!generateVc2(m_folder, request, cpu(), {}).ok());
    }
};

QTEST_GUILESS_MAIN(TestTurboT2V)
#include "tst_turbo_t2v.moc"
