// The Wan2.1 text-to-video pipeline on a tiny random DiT with stand-in text encoder and VAE:
// the official default negative prompt, the encoder released before denoising, progress and
// previews every step, cancel keeping the latent, the latent handed out before decoding,
// determinism, batched and separate guidance agreeing, and the seeded noise equal to PyTorch's.

#include "inference/pipelines/wan_t2v.h"
#include "inference/wan/tiny_dit.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace mbq;
using namespace mbq::pipelines;

namespace {

// Deterministic rows from the prompt's bytes; records what it was asked and when it was freed.
class FakeTextEncoder final : public TextEncoder
{
public:
    explicit FakeTextEncoder(int64_t width) : m_width(width) {}

    std::vector<std::string> prompts;
    bool released = false;

    Result<at::Tensor> encode(const std::string &prompt, std::string *) override
    {
        if (released)
            return makeError(ErrorCode::Internal, "encode after release");
        prompts.push_back(prompt);
        const int64_t rows = int64_t(prompt.size() % 5) + 1;
        at::Generator generator = at::detail::createCPUGenerator(prompt.size());
        return at::randn({rows, m_width}, generator, at::kFloat);
    }
    void release() override { released = true; }

private:
    int64_t m_width;
};

// Nearest-neighbour "decode": 3 of the 16 channels, tanh'd, upsampled 8× in space, the first
// latent frame once and the others four times (the Wan VAE's frame arithmetic).
class FakeVae final : public VideoVae
{
public:
    int decodes = 0;
    std::vector<std::string> *log = nullptr;

    int64_t latentChannels() const override { return 16; }
    int64_t temporalStride() const override { return 4; }
    int64_t spatialStride() const override { return 8; }
    Result<at::Tensor> decode(const at::Tensor &latent) override
    {
        ++decodes;
        if (log)
            log->push_back("decode");
        const at::Tensor rgb = at::tanh(latent.slice(0, 0, 3));
        const at::Tensor rest = rgb.slice(1, 1).repeat_interleave(4, 1);
        const at::Tensor frames = at::cat({rgb.slice(1, 0, 1), rest}, 1);
        return frames.repeat_interleave(8, 2).repeat_interleave(8, 3);
    }
};

WanT2VRequest smallRequest()
{
    WanT2VRequest request;
    request.prompt = "a red fox runs through snow";
    request.settings.width = 64;
    request.settings.height = 32;
    request.settings.frames = 5;
    request.settings.steps = 4;
    request.settings.seed = 5;
    return request;
}

} // namespace

class TestWanT2V : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<wan::WanDit> m_dit;

    int64_t textDim() const { return m_dit->config().textDim; }

private Q_SLOTS:
    void initTestCase()
    {
        const std::string folder = m_dir.filePath("tiny").toStdString();
        QVERIFY(wan::writeTinyDit(folder, wan::TinyDitOptions()).ok());
        auto dit = wan::WanDit::load(folder, wan::WanDitPrecision::cpuFloat32());
        QVERIFY(dit.ok());
        m_dit = std::move(*dit);
    }

    void rendersWithOfficialDefaults()
    {
        FakeTextEncoder text(textDim());
        FakeVae vae;
        std::vector<std::string> log;
        vae.log = &log;
        WanT2VPipeline pipeline(*m_dit, text, &vae);
        std::vector<Progress> progress;
        int previews = 0;
        JobHooks hooks;
        hooks.progress = [&](const Progress &p) { progress.push_back(p); };
        hooks.preview = [&](const VideoFrames &frame, int step) {
            QCOMPARE(step, previews);
            QCOMPARE(frame.count, 2);
            QCOMPARE(frame.width, 8);
            QCOMPARE(frame.height, 4);
            QCOMPARE(frame.rgb.size(), size_t(2 * 8 * 4 * 3));
            ++previews;
        };
        const auto sink = [&](const at::Tensor &latent, int steps) -> Result<void> {
            log.push_back((latent.defined() ? "latent " : "no latent ") + std::to_string(steps));
            return {};
        };
        auto result = pipeline.run(smallRequest(), hooks, sink);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().toString().c_str());

        QCOMPARE(text.prompts.size(), size_t(2));
        QCOMPARE(text.prompts[1], std::string(wanDefaultNegativePrompt()));
        const std::string negative = wanDefaultNegativePrompt();
        QVERIFY(negative.rfind("色调艳丽，过曝，静态", 0) == 0);
        QVERIFY(negative.size() > 10 && negative.substr(negative.size() - 9) == "倒着走");
        QVERIFY(text.released);

        QCOMPARE(result->completedSteps, 4);
        QVERIFY(!result->cancelled);
        QCOMPARE(result->latent.sizes().vec(), (std::vector<int64_t>{16, 2, 4, 8}));
        QCOMPARE(result->latent.device().type(), at::kCPU);
        QCOMPARE(result->video.sizes().vec(), (std::vector<int64_t>{3, 5, 32, 64}));
        QCOMPARE(previews, 4);
        int denoise = 0;
        for (const Progress &p : progress)
            denoise += p.stage == Stage::Denoise ? 1 : 0;
        QCOMPARE(denoise, 4);
        QCOMPARE(progress.back().stage, Stage::Decode);
        // The latent goes out before the VAE runs.
        QCOMPARE(log, (std::vector<std::string>{"latent 4", "decode"}));

        const VideoFrames frames = videoToFrames(result->video, 16.0);
        QCOMPARE(frames.count, 5);
        QCOMPARE(frames.width, 64);
        QCOMPARE(frames.height, 32);
    }

    void cancelKeepsLatentAndSkipsDecode()
    {
        FakeTextEncoder text(textDim());
        FakeVae vae;
        WanT2VPipeline pipeline(*m_dit, text, &vae);
        std::atomic<bool> cancel{false};
        JobHooks hooks;
        hooks.cancel = &cancel;
        hooks.progress = [&](const Progress &p) {
            if (p.stage == Stage::Denoise && p.step == 2)
                cancel.store(true);
        };
        int savedSteps = -1;
        auto result = pipeline.run(smallRequest(), hooks,
                                   [&](const at::Tensor &, int steps) -> Result<void> {
                                       savedSteps = steps;
                                       return {};
                                   });
        QVERIFY(result.ok());
        QVERIFY(result->cancelled);
        QCOMPARE(result->completedSteps, 2);
        QCOMPARE(savedSteps, 2);
        QVERIFY(result->latent.defined());
        QVERIFY(!result->video.defined());
        QCOMPARE(vae.decodes, 0);
    }

    void deterministicAndSeeded()
    {
        FakeTextEncoder a(textDim()), b(textDim()), c(textDim());
        WanT2VRequest request = smallRequest();
        auto first = WanT2VPipeline(*m_dit, a, nullptr).run(request, {});
        auto second = WanT2VPipeline(*m_dit, b, nullptr).run(request, {});
        request.settings.seed = 6;
        auto other = WanT2VPipeline(*m_dit, c, nullptr).run(request, {});
        QVERIFY(first.ok() && second.ok() && other.ok());
        QVERIFY(at::equal(first->latent, second->latent));
        QVERIFY(!at::allclose(first->latent, other->latent));
        QVERIFY(!first->video.defined()); // no VAE: stops at the latent
    }

    void batchedGuidanceEqualsSeparatePasses_data()
    {
        QTest::addColumn<int>("sampler");
        QTest::newRow("unipc") << int(Sampler::UniPC);
        QTest::newRow("euler") << int(Sampler::Euler);
    }

    void batchedGuidanceEqualsSeparatePasses()
    {
        QFETCH(int, sampler);
        FakeTextEncoder a(textDim()), b(textDim());
        WanT2VRequest request = smallRequest();
        request.settings.sampler = Sampler(sampler);
        request.negativePrompt = "blurry";
        auto batched = WanT2VPipeline(*m_dit, a, nullptr).run(request, {});
        request.batchGuidance = false;
        auto separate = WanT2VPipeline(*m_dit, b, nullptr).run(request, {});
        QVERIFY(batched.ok() && separate.ok());
        QCOMPARE(a.prompts[1], std::string("blurry"));
        QVERIFY(at::allclose(batched->latent, separate->latent, 1e-4, 1e-5));
    }

    void invalidRequestsOfferValidValues()
    {
        FakeTextEncoder text(textDim());
        WanT2VPipeline pipeline(*m_dit, text, nullptr);
        WanT2VRequest request = smallRequest();
        request.settings.width = 60;
        auto result = pipeline.run(request, {});
        QVERIFY(!result.ok());
        QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(result.error().message.find("48 or 64") != std::string::npos,
                 result.error().message.c_str());
        request = smallRequest();
        request.prompt.clear();
        QVERIFY(!pipeline.run(request, {}).ok());
        request = smallRequest();
        request.settings.frames = 6;
        QVERIFY(!pipeline.run(request, {}).ok());
        QVERIFY(text.prompts.empty()); // rejected before any work
    }

    void noiseEqualsPyTorchCpuGenerator()
    {
        const at::Tensor noise = wanInitialNoise({16, 2, 4, 8}, 1234);
        QProcess python;
        python.start(QStringLiteral(MBQ_FIXTURE_PYTHON),
                     {QStringLiteral("-c"),
                      QStringLiteral("import torch, sys\n"
                                     "g = torch.Generator().manual_seed(1234)\n"
                                     "x = torch.randn((16, 2, 4, 8), generator=g)\n"
                                     "sys.stdout.buffer.write(x.numpy().tobytes())\n")});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        const QByteArray bytes = python.readAllStandardOutput();
        QCOMPARE(bytes.size(), qsizetype(noise.nbytes()));
        QVERIFY(std::memcmp(bytes.constData(), noise.contiguous().data_ptr(), noise.nbytes()) == 0);
    }
};

QTEST_APPLESS_MAIN(TestWanT2V)
#include "tst_wan_t2v.moc"
