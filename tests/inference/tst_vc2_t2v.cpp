// VC2 text-to-video end to end on the tiny random model: the facade's output, determinism per
// seed, cancel, the sampler's call pattern (conditional then unconditional pass per step, the
// step index in the forward context), the tokenizer and schedule facades, and request errors.

#include "inference/io/safetensors_writer.h"
#include "inference/io/tensor_store.h"
#include "inference/sched/ddim_schedule.h"
#include "inference/sched/ddim_step.h"
#include "inference/vc2_tools.h"
#include "inference/videocrafter/inversion.h"
#include "inference/videocrafter/t2v.h"
#include "inference/videocrafter/vc2_model.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace mbq;

namespace {

RenderRequest tinyRequest(uint64_t seed)
{
    RenderRequest request;
    request.prompt = "a cat and the dog";
    request.settings = vc2DefaultSettings();
    request.settings.seed = seed;
    request.settings.width = 16;
    request.settings.height = 8;
    request.settings.frames = 2;
    request.settings.steps = 4;
    request.wantLatents = true;
    return request;
}

Vc2GenerateOptions cpu()
{
    Vc2GenerateOptions options;
    options.compute = {"cpu", "f32"};
    return options;
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

} // namespace

class TestVc2T2V : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_model;

private Q_SLOTS:
    void initTestCase()
    {
        m_model = m_dir.path().toStdString() + "/tiny";
        QVERIFY(writeTinyVc2Model(m_model, "ckpt", 11).ok());
    }

    void generatesDeterministicFrames()
    {
        auto first = generateVc2(m_model, tinyRequest(1), cpu(), {});
        QVERIFY2(first.ok(), first.ok() ? "" : first.error().toString().c_str());
        QVERIFY(first->randomWeights);
        const VideoFrames &frames = first->render.frames;
        QCOMPARE(frames.count, 2);
        QCOMPARE(frames.width, 16);
        QCOMPARE(frames.height, 8);
        QCOMPARE(frames.rgb.size(), size_t(2 * 16 * 8 * 3));
        QCOMPARE(first->render.completedSteps, 4);
        QCOMPARE(first->render.latents.shape, std::vector<int64_t>({4, 2, 4, 8}));
        auto again = generateVc2(m_model, tinyRequest(1), cpu(), {});
        QVERIFY(again.ok());
        QVERIFY(again->render.frames.rgb == frames.rgb);
        QVERIFY(again->render.latents.data == first->render.latents.data);
        auto other = generateVc2(m_model, tinyRequest(2), cpu(), {});
        QVERIFY(other.ok());
        QVERIFY(other->render.latents.data != first->render.latents.data);
    }

    void cancelKeepsTheLatent()
    {
        std::atomic<bool> cancel {false};
        JobHooks hooks;
        hooks.cancel = &cancel;
        std::vector<Progress> seen;
        hooks.progress = [&](const Progress &p) {
            seen.push_back(p);
            if (p.stage == Stage::Denoise && p.step == 1)
                cancel = true;
        };
        auto output = generateVc2(m_model, tinyRequest(1), cpu(), hooks);
        QVERIFY(output.ok());
        QVERIFY(output->render.cancelled);
        QCOMPARE(output->render.completedSteps, 1);
        QVERIFY(output->render.frames.empty());
        QVERIFY(!output->render.latents.empty());
        QCOMPARE(seen.front().stage, Stage::LoadModel);
    }

    void samplerRunsBothBranchesPerStep()
    {
        auto model = vc2::Vc2Model::load(m_model, {});
        QVERIFY(model.ok());
        auto cond = (*model)->encodePrompt("the dog");
        auto uncond = (*model)->encodePrompt("");
        QVERIFY(cond.ok() && uncond.ok());
        QVERIFY(at::equal(*(*model)->encodePrompt(""), *uncond)); // cached
        auto schedule = sched::makeDdimSchedule((*model)->schedule(), 4, 0.0);
        QVERIFY(schedule.ok());
        PassRecorder recorder;
        (*model)->unet().setQHook(&recorder);
        at::Generator generator = at::detail::createCPUGenerator(3);
        const at::Tensor z = at::randn({1, 4, 2, 4, 4}, generator);
        vc2::Vc2SampleSettings settings;
        auto guided
            = vc2::sampleVc2((*model)->unet(), *schedule, z, *cond, *uncond, settings, generator);
        QVERIFY(guided.ok());
        using attention::GuidanceBranch;
        QCOMPARE(recorder.passes.size(), size_t(8));
        for (int step = 0; step < 4; ++step) {
            QCOMPARE(recorder.passes[size_t(2 * step)].first, step);
            QVERIFY(recorder.passes[size_t(2 * step)].second == GuidanceBranch::Conditional);
            QVERIFY(recorder.passes[size_t(2 * step + 1)].second == GuidanceBranch::Unconditional);
        }
        // Guidance 1 runs the conditional pass only; with η = 0 no noise is drawn, so the
        // result is a function of z alone.
        recorder.passes.clear();
        settings.guidance = 1.0;
        auto plain
            = vc2::sampleVc2((*model)->unet(), *schedule, z, *cond, *uncond, settings, generator);
        QVERIFY(plain.ok());
        QCOMPARE(recorder.passes.size(), size_t(4));
        auto plainAgain
            = vc2::sampleVc2((*model)->unet(), *schedule, z, *cond, *uncond, settings, generator);
        QVERIFY(at::equal(plain->latent, plainAgain->latent));
        QVERIFY(!at::allclose(plain->latent, guided->latent));
        (*model)->unet().setQHook(nullptr);
    }

    void inversionRunsTheGridBackwards()
    {
        auto model = vc2::Vc2Model::load(m_model, {});
        QVERIFY(model.ok());
        auto context = (*model)->encodePrompt("a dog");
        QVERIFY(context.ok());
        auto schedule = sched::makeDdimSchedule((*model)->schedule(), 5, 0.0);
        QVERIFY(schedule.ok());
        at::manual_seed(4);
        const at::Tensor z0 = at::randn({1, 4, 2, 4, 4}) * 0.5;
        PassRecorder recorder;
        vc2::Vc2UNet &unet = (*model)->unet();
        unet.setQHook(&recorder);
        auto levels = vc2::invertVc2(unet, *schedule, z0, *context, 28);
        unet.setQHook(nullptr);
        QVERIFY(levels.ok());
        QCOMPARE(levels->size(), size_t(5));
        QCOMPARE(recorder.passes.size(), size_t(5));
        for (int i = 0; i < 5; ++i) {
            QCOMPARE(recorder.passes[size_t(i)].first, 4 - i); // from the last step back
            QVERIFY(recorder.passes[size_t(i)].second == attention::GuidanceBranch::Source);
        }
        // Each level undoes with the sampler's η = 0 step and the same ε: step k from level k
        // lands on level k + 1 (or on z0 after the last step).
        const at::Tensor fps = at::full({1}, 28.0, at::kDouble);
        for (int k = 0; k < 5; ++k) {
            const sched::DdimStepCoefficients &c = schedule->steps[size_t(k)];
            const at::Tensor target = k == 4 ? z0 : (*levels)[size_t(k + 1)];
            auto eps = unet.forward(target, at::full({1}, c.timestep, at::kLong), *context, fps);
            QVERIFY(eps.ok());
            const at::Tensor back = sched::ddimStep(c, (*levels)[size_t(k)], *eps, at::Tensor());
            QVERIFY2(at::allclose(back, target, 1e-4, 1e-5), qPrintable(QString::number(k)));
        }
        QVERIFY(!at::allclose((*levels)[0], z0));
    }

    void facadesForScheduleAndTokens()
    {
        auto schedule = vc2Schedule(50, 1.0);
        QVERIFY(schedule.ok());
        QCOMPARE(schedule->timesteps.front(), int64_t(981));
        QCOMPARE(schedule->timesteps.back(), int64_t(1));
        QVERIFY(std::abs(schedule->sigmas.front() - 0.45446) < 1e-5);
        auto ids = vc2Tokenize(m_model, "A cat");
        QVERIFY(ids.ok());
        QCOMPARE(ids->size(), size_t(77));
        QCOMPARE(std::vector<int64_t>(ids->begin(), ids->begin() + 5),
                 std::vector<int64_t>({523, 256 + 'a' - '!', 515, 524, 0}));
    }

    void engineLoadsAndRenders()
    {
        const std::unique_ptr<Engine> engine = createTorchEngine();
        auto info = engine->loadModel(m_model);
        QVERIFY2(info.ok(), info.ok() ? "" : info.error().toString().c_str());
        QCOMPARE(info->family, std::string("videocrafter2"));
        QCOMPARE(info->layers.size(), size_t(15));
        QCOMPARE(info->layers.front(), std::string("init.temporal"));
        RenderRequest request = tinyRequest(9);
        request.settings.width = request.settings.height = 64; // VC2's 64-pixel rule
        request.settings.frames = 3; // any frame count
        request.settings.steps = 2;
        auto output = engine->render(request, {});
        QVERIFY2(output.ok(), output.ok() ? "" : output.error().toString().c_str());
        QCOMPARE(output->frames.count, 3);
        QCOMPARE(output->completedSteps, 2);
    }

    void probesRunOneComponent()
    {
        const std::string in = m_dir.path().toStdString() + "/probe_in.safetensors";
        const std::string out = m_dir.path().toStdString() + "/probe_out.safetensors";
        at::manual_seed(6);
        const at::Tensor x = at::randn({4, 2, 4, 8});
        const at::Tensor context = at::randn({77, 32});
        QVERIFY(io::writeSafetensors(in,
                                     {io::tensorEntry("x", x),
                                      io::tensorEntry("t", at::tensor({261.0f})),
                                      io::tensorEntry("context", context),
                                      io::tensorEntry("fps", at::tensor({28.0f}))})
                    .ok());
        QVERIFY(probeVc2Unet(m_model, in, out, {"cpu", "f32"}).ok());
        auto model = vc2::Vc2Model::load(m_model, {});
        QVERIFY(model.ok());
        auto direct = (*model)->unet().forward(x.unsqueeze(0), at::tensor({261.0f}),
                                               context.unsqueeze(0), at::tensor({28.0f}));
        QVERIFY(direct.ok());
        auto written = io::TensorStore::open(out);
        QVERIFY(written.ok());
        QVERIFY(at::equal(*written->load("eps", at::kFloat), direct->squeeze(0)));

        const std::vector<int64_t> ids = *vc2Tokenize(m_model, "the cat");
        QVERIFY(
            io::writeSafetensors(in, {io::tensorEntry("ids", at::tensor(ids, at::kLong))}).ok());
        QVERIFY(probeVc2TextEncoder(m_model, in, out, {"cpu", "f32"}).ok());
        auto hidden = io::TensorStore::open(out);
        QVERIFY(hidden.ok());
        QVERIFY(at::equal(*hidden->load("hidden", at::kFloat),
                          (*(*model)->encodePrompt("the cat")).squeeze(0)));

        QVERIFY(io::writeSafetensors(in, {io::tensorEntry("latent", x)}).ok());
        QVERIFY(probeVc2VaeDecode(m_model, in, out, {"cpu", "f32"}).ok());
        auto video = io::TensorStore::open(out);
        QVERIFY(video.ok());
        QCOMPARE(video->load("video", at::kFloat)->sizes(), at::IntArrayRef({3, 2, 8, 16}));

        // A latent of the wrong rank is named.
        QVERIFY(io::writeSafetensors(in, {io::tensorEntry("latent", at::zeros({4, 4, 8}))}).ok());
        auto bad = probeVc2VaeDecode(m_model, in, out, {"cpu", "f32"});
        QVERIFY(!bad.ok());
        QVERIFY(QString::fromStdString(bad.error().message).contains("'latent'"));
    }

    void badRequestsAreErrors()
    {
        RenderRequest request = tinyRequest(1);
        request.settings.sampler = Sampler::UniPC;
        auto sampler = generateVc2(m_model, request, cpu(), {});
        QVERIFY(!sampler.ok());
        QCOMPARE(sampler.error().code, ErrorCode::Unsupported);

        request = tinyRequest(1);
        request.settings.width = 12;
        auto size = generateVc2(m_model, request, cpu(), {});
        QVERIFY(!size.ok());
        QCOMPARE(size.error().code, ErrorCode::InvalidArgument);

        Vc2GenerateOptions badDevice = cpu();
        badDevice.compute.dtype = "f8";
        QCOMPARE(generateVc2(m_model, tinyRequest(1), badDevice, {}).error().code,
                 ErrorCode::InvalidArgument);
        QCOMPARE(generateVc2(m_dir.path().toStdString() + "/none", tinyRequest(1), cpu(), {})
                     .error()
                     .code,
                 ErrorCode::NotFound);

        QVERIFY(QFile::remove(QString::fromStdString(m_model + "/bpe_simple_vocab_16e6.txt")));
        auto noVocab = generateVc2(m_model, tinyRequest(1), cpu(), {});
        QVERIFY(!noVocab.ok());
        QCOMPARE(noVocab.error().code, ErrorCode::NotFound);
        QVERIFY(QString::fromStdString(noVocab.error().message).contains("bpe_simple_vocab"));
    }
};

QTEST_GUILESS_MAIN(TestVc2T2V)
#include "tst_vc2_t2v.moc"
