// The fake engine is the stand-in the render queue's tests run on; these tests pin down what
// they rely on: determinism, the real engine's validation errors, hooks and cancel semantics.

#include "inference/engine.h"

#include <QtTest>

#include <atomic>

using namespace mbq;

namespace {

RenderRequest smallRequest(int steps = 4)
{
    RenderRequest request;
    request.prompt = "a red fox running through snow";
    request.settings.width = 64;
    request.settings.height = 32;
    request.settings.frames = 5;
    request.settings.steps = steps;
    request.settings.seed = 7;
    return request;
}

std::unique_ptr<Engine> instantEngine()
{
    FakeEngineOptions options;
    options.stepDelayMs = 0;
    return createFakeEngine(options);
}

RenderOutput renderOk(const RenderRequest &request, const JobHooks &hooks = {})
{
    Result<RenderOutput> result = instantEngine()->render(request, hooks);
    if (!result.ok())
        qFatal("unexpected render error: %s", result.error().toString().c_str());
    return std::move(result).value();
}

} // namespace

class TestFakeEngine : public QObject
{
    Q_OBJECT

private slots:
    void outputShape();
    void deterministic();
    void validation_data();
    void validation();
    void acceptsValidSizes();
    void hooksReportStagesAndPreviews();
    void cancelBeforeFirstStep();
    void cancelMidwayKeepsFinishedSteps();
    void failAtStep();
    void loadModel();
};

void TestFakeEngine::outputShape()
{
    RenderRequest request = smallRequest();
    request.wantLatents = true;
    const RenderOutput out = renderOk(request);
    QCOMPARE(out.frames.width, 64);
    QCOMPARE(out.frames.height, 32);
    QCOMPARE(out.frames.count, 5);
    QCOMPARE(out.frames.fps, request.settings.fps);
    QCOMPARE(out.frames.rgb.size(), size_t(64 * 32 * 3 * 5));
    QCOMPARE(out.latents.shape, (std::vector<int64_t>{16, 2, 4, 8}));
    QCOMPARE(out.latents.data.size(), size_t(16 * 2 * 4 * 8));
    QCOMPARE(out.completedSteps, 4);
    QVERIFY(!out.cancelled);
    QVERIFY(out.baseline.empty());
}

void TestFakeEngine::deterministic()
{
    RenderRequest request = smallRequest();
    request.wantLatents = true;
    request.wantBaseline = true;
    const RenderOutput a = renderOk(request);
    const RenderOutput b = renderOk(request);
    QVERIFY(a.frames.rgb == b.frames.rgb);
    QVERIFY(a.latents.data == b.latents.data);
    QVERIFY(a.baseline.rgb == b.baseline.rgb);
    QVERIFY(a.baseline.rgb != a.frames.rgb);

    RenderRequest otherSeed = request;
    otherSeed.settings.seed = 8;
    QVERIFY(renderOk(otherSeed).frames.rgb != a.frames.rgb);
    RenderRequest otherPrompt = request;
    otherPrompt.prompt = "a grey wolf";
    QVERIFY(renderOk(otherPrompt).frames.rgb != a.frames.rgb);
}

void TestFakeEngine::validation_data()
{
    QTest::addColumn<int>("width");
    QTest::addColumn<int>("height");
    QTest::addColumn<int>("frames");
    QTest::addColumn<int>("steps");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QStringList>("mentions");

    const QString prompt = QStringLiteral("a fox");
    QTest::newRow("width 818") << 818 << 32 << 5 << 4 << prompt
                               << QStringList{"width", "818", "816", "832"};
    QTest::newRow("width 854") << 854 << 32 << 5 << 4 << prompt
                               << QStringList{"width", "854", "848", "864"};
    QTest::newRow("height 8") << 64 << 8 << 5 << 4 << prompt << QStringList{"height", "8", "16"};
    QTest::newRow("height 0") << 64 << 0 << 5 << 4 << prompt << QStringList{"height", "0", "16"};
    QTest::newRow("width -32") << -32 << 32 << 5 << 4 << prompt << QStringList{"width", "-32"};
    QTest::newRow("frames 80") << 64 << 32 << 80 << 4 << prompt
                               << QStringList{"frames", "80", "77", "81", "4n+1"};
    QTest::newRow("frames 0") << 64 << 32 << 0 << 4 << prompt << QStringList{"frames", "0", "1"};
    QTest::newRow("steps 0") << 64 << 32 << 5 << 0 << prompt << QStringList{"steps", "0"};
    QTest::newRow("steps 1001") << 64 << 32 << 5 << 1001 << prompt
                                << QStringList{"steps", "1001"};
    QTest::newRow("empty prompt") << 64 << 32 << 5 << 4 << QStringLiteral(" \t")
                                  << QStringList{"prompt"};
}

void TestFakeEngine::validation()
{
    QFETCH(int, width);
    QFETCH(int, height);
    QFETCH(int, frames);
    QFETCH(int, steps);
    QFETCH(QString, prompt);
    QFETCH(QStringList, mentions);

    RenderRequest request = smallRequest();
    request.settings.width = width;
    request.settings.height = height;
    request.settings.frames = frames;
    request.settings.steps = steps;
    request.prompt = prompt.toStdString();
    int hookCalls = 0;
    JobHooks hooks;
    hooks.progress = [&](const Progress &) { ++hookCalls; };

    const Result<RenderOutput> result = instantEngine()->render(request, hooks);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::InvalidArgument);
    const QString message = QString::fromStdString(result.error().message);
    for (const QString &mention : mentions)
        QVERIFY2(message.contains(mention), qPrintable(message + " lacks " + mention));
    QCOMPARE(hookCalls, 0); // rejected before any work
}

void TestFakeEngine::acceptsValidSizes()
{
    // 816 = 51 x 16 and 81 = 4 x 20 + 1: valid as they are, nothing to snap.
    RenderRequest request = smallRequest(1);
    request.settings.width = 816;
    request.settings.height = 16;
    request.settings.frames = 81;
    request.wantFrames = false;
    QVERIFY(instantEngine()->render(request, {}).ok());
    request.settings.frames = 1;
    QVERIFY(instantEngine()->render(request, {}).ok());
}

void TestFakeEngine::hooksReportStagesAndPreviews()
{
    RenderRequest request = smallRequest(3);
    request.source.width = 64;
    request.source.height = 32;
    request.source.count = 5;
    request.source.rgb.assign(request.source.frameBytes() * 5, 100);

    std::vector<Stage> stages;
    std::vector<int> denoiseSteps;
    std::vector<int> previewSteps;
    JobHooks hooks;
    hooks.progress = [&](const Progress &p) {
        if (stages.empty() || stages.back() != p.stage)
            stages.push_back(p.stage);
        if (p.stage == Stage::Denoise) {
            QCOMPARE(p.total, 3);
            denoiseSteps.push_back(p.step);
        }
    };
    hooks.preview = [&](const VideoFrames &preview, int step) {
        QCOMPARE(preview.width, 8);
        QCOMPARE(preview.height, 4);
        QCOMPARE(preview.count, 2);
        QCOMPARE(preview.rgb.size(), preview.frameBytes() * 2);
        previewSteps.push_back(step);
    };
    renderOk(request, hooks);
    QCOMPARE(stages, (std::vector<Stage>{Stage::LoadModel, Stage::EncodeSource, Stage::Denoise,
                                         Stage::Decode}));
    QCOMPARE(denoiseSteps, (std::vector<int>{0, 1, 2, 3}));
    QCOMPARE(previewSteps, (std::vector<int>{0, 1, 2}));

    // Without a source clip there is nothing to encode.
    stages.clear();
    denoiseSteps.clear();
    previewSteps.clear();
    request.source = {};
    renderOk(request, hooks);
    QCOMPARE(stages, (std::vector<Stage>{Stage::LoadModel, Stage::Denoise, Stage::Decode}));
}

void TestFakeEngine::cancelBeforeFirstStep()
{
    std::atomic<bool> cancel{true};
    JobHooks hooks;
    hooks.cancel = &cancel;
    const RenderOutput out = renderOk(smallRequest(), hooks);
    QVERIFY(out.cancelled);
    QCOMPARE(out.completedSteps, 0);
    QVERIFY(out.latents.empty());
    QVERIFY(out.frames.empty());
}

void TestFakeEngine::cancelMidwayKeepsFinishedSteps()
{
    const int stopAfter = 3;
    auto cancelledRun = [&] {
        std::atomic<bool> cancel{false};
        JobHooks hooks;
        hooks.cancel = &cancel;
        hooks.progress = [&](const Progress &p) {
            if (p.stage == Stage::Denoise && p.step == stopAfter)
                cancel = true;
        };
        return renderOk(smallRequest(10), hooks);
    };
    const RenderOutput out = cancelledRun();
    QVERIFY(out.cancelled);
    QCOMPARE(out.completedSteps, stopAfter);
    QCOMPARE(out.latents.shape, (std::vector<int64_t>{16, 2, 4, 8}));
    QCOMPARE(out.latents.data.size(), size_t(16 * 2 * 4 * 8));
    QVERIFY(out.frames.empty()); // decoding is skipped, the finished latents are the result
    QVERIFY(cancelledRun().latents.data == out.latents.data);

    RenderRequest full = smallRequest(10);
    full.wantLatents = true;
    QVERIFY(renderOk(full).latents.data != out.latents.data);
}

void TestFakeEngine::failAtStep()
{
    FakeEngineOptions options;
    options.stepDelayMs = 0;
    options.failWith = "the GPU caught fire";
    options.failAtStep = 2;
    int lastStep = -1;
    JobHooks hooks;
    hooks.progress = [&](const Progress &p) {
        if (p.stage == Stage::Denoise)
            lastStep = p.step;
    };
    const Result<RenderOutput> result = createFakeEngine(options)->render(smallRequest(), hooks);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Internal);
    QCOMPARE(result.error().message, std::string("the GPU caught fire"));
    QCOMPARE(lastStep, 2);

    // Past the last step it still fails, before decoding.
    options.failAtStep = 99;
    QVERIFY(!createFakeEngine(options)->render(smallRequest(), {}).ok());
}

void TestFakeEngine::loadModel()
{
    auto engine = createFakeEngine();
    const Result<ModelInfo> info = engine->loadModel("/models/fake");
    QVERIFY(info.ok());
    QCOMPARE(info->folder, std::string("/models/fake"));
    QCOMPARE(info->family, std::string("fake"));
    QVERIFY(!info->layers.empty());
    QVERIFY(!engine->loadModel("").ok());
    QVERIFY(!engine->deviceName().empty());
}

QTEST_GUILESS_MAIN(TestFakeEngine)
#include "tst_fake_engine.moc"
