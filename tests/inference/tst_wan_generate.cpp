// Wan2.1 text-to-video through the facade and `mbq generate`, on tiny random models: both file
// layouts of one model generate the same video, over-long prompts warn, and the command line
// writes the MP4 and the latent it decoded.

#include "inference/io/tensor_store.h"
#include "inference/wan_tools.h"
#include "tests/common/process_run.h"

#include <QFileInfo>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;

namespace {

RenderRequest smallRequest(const std::string &prompt)
{
    RenderRequest request;
    request.prompt = prompt;
    request.settings.width = 64;
    request.settings.height = 48;
    request.settings.frames = 5;
    request.settings.steps = 3;
    request.settings.seed = 11;
    request.wantLatents = true;
    return request;
}

WanGenerateOptions cpuFloat32()
{
    WanGenerateOptions options;
    options.compute = {"cpu", "f32"};
    return options;
}

} // namespace

class TestWanGenerate : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::string m_official;
    std::string m_diffusers;

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *layout : {"official", "diffusers"}) {
            TinyModelOptions options;
            options.layout = layout;
            options.seed = 5;
            options.folder = m_dir.filePath(QLatin1String(layout)).toStdString();
            auto made = makeTinyModel(options);
            QVERIFY2(made, made ? "" : made.error().message.c_str());
            (std::string(layout) == "official" ? m_official : m_diffusers) = options.folder;
        }
    }

    void bothLayoutsGenerateTheSameVideo()
    {
        const RenderRequest request = smallRequest("a red fox trotting through snow");
        auto official = generateWan(m_official, request, cpuFloat32(), {});
        auto diffusers = generateWan(m_diffusers, request, cpuFloat32(), {});
        QVERIFY2(official, official ? "" : official.error().message.c_str());
        QVERIFY2(diffusers, diffusers ? "" : diffusers.error().message.c_str());
        QVERIFY(official->randomWeights && diffusers->randomWeights);
        const RenderOutput &a = official->render, &b = diffusers->render;
        QCOMPARE(a.frames.count, 5);
        QCOMPARE(a.frames.width, 64);
        QCOMPARE(a.latents.shape, (std::vector<int64_t> {16, 2, 6, 8}));
        QVERIFY(a.latents.data == b.latents.data);
        QVERIFY(a.frames.rgb == b.frames.rgb);
    }

    void overLongPromptIsTruncatedWithAWarning()
    {
        std::string prompt;
        for (int i = 0; i < 700; ++i)
            prompt += "fox snow ";
        auto generated = generateWan(m_official, smallRequest(prompt), cpuFloat32(), {});
        QVERIFY2(generated, generated ? "" : generated.error().message.c_str());
        bool warned = false;
        for (const std::string &warning : generated->warnings)
            warned = warned || warning.rfind("prompt: ", 0) == 0;
        QVERIFY2(warned, "no warning about the truncated prompt");
        // A short prompt gives none.
        auto plain = generateWan(m_official, smallRequest("a fox"), cpuFloat32(), {});
        QVERIFY(plain && plain->warnings.empty());
    }

    void commandLineWritesVideoAndLatent()
    {
        const QString out = m_dir.filePath(QStringLiteral("clip.mp4"));
        const test::ProcessRun run
            = test::runMbq({"generate", "--model", QString::fromStdString(m_official), "--prompt",
                            "a red fox", "--width", "64", "--height", "48", "--frames", "5",
                            "--steps", "2", "--device", "cpu", "--out", out});
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.err.contains("RANDOM WEIGHTS"));
        QVERIFY(QFileInfo(out).size() > 0);
        auto latent = io::TensorStore::open(
            m_dir.filePath(QStringLiteral("clip.latent.safetensors")).toStdString());
        QVERIFY2(latent, latent ? "" : latent.error().message.c_str());
        auto tensor = latent->load(latent->tensors().begin()->first);
        QVERIFY(tensor);
        QCOMPARE(tensor->sizes().vec(), (std::vector<int64_t> {16, 2, 6, 8}));
    }

    void commandLineOffersValidSizes()
    {
        const test::ProcessRun run
            = test::runMbq({"generate", "--model", QString::fromStdString(m_official), "--prompt",
                            "a fox", "--width", "70", "--height", "48", "--frames", "5", "--out",
                            m_dir.filePath(QStringLiteral("bad.mp4"))});
        QCOMPARE(run.code, 1);
        QVERIFY2(run.err.contains("64 or 80"), run.err.constData());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("bad.mp4"))));
    }
};

QTEST_GUILESS_MAIN(TestWanGenerate)
#include "tst_wan_generate.moc"
