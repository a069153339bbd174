// Motion transfer on a tiny random Wan2.1 model (CPU, float32): the invariants that only hold
// when Q injection works (weight 0 and the target's own Q reproduce the baseline bitwise, weight
// 1 changes the render and pulls it toward the source's, blend is the affine combination), the
// Q bank holding exactly what the schedule needs with one pass for `single` and one per step
// for `per_step`, bank reuse without extraction, and the errors a user can cause.

#include "inference/attention/q_bank.h"
#include "inference/attention/q_injector.h"
#include "inference/pipelines/wan_components.h"
#include "inference/pipelines/wan_transfer.h"
#include "inference/wan/dit.h"
#include "inference/wan_tools.h"
#include "tests/inference/tiny_wan.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>

using namespace mbq;
using namespace mbq::pipelines;
using attention::QBank;

namespace {

// Hands every site to an injector through onQuery alone, as a model without a fused Q path
// would: the swap then runs after the norm and rotation instead of inside them.
class UnfusedHook final : public attention::QHook
{
public:
    explicit UnfusedHook(attention::QInjector &injector) : m_injector(injector) {}
    void onQuery(const attention::QSite &site, at::Tensor &q) override
    {
        m_injector.onQuery(site, q);
    }

private:
    attention::QInjector &m_injector;
};

// A bright square sliding right over a dark gradient: [3, 5, 48, 64] in [-1, 1].
at::Tensor sourceVideo()
{
    at::Tensor video = at::linspace(-0.8, -0.2, 64).view({1, 1, 1, 64}).repeat({3, 5, 48, 1});
    for (int64_t f = 0; f < 5; ++f)
        video.select(1, f).narrow(1, 12, 20).narrow(2, 4 + 8 * f, 20).fill_(0.9);
    return video.contiguous();
}

InjectionSchedule schedule(float weight, ExtractionMode extraction, int begin, int end)
{
    InjectionSchedule s;
    for (const char *layer : {"block.0", "block.1", "block.2"})
        s.layers.push_back({layer, weight, {}});
    s.stepBegin = begin;
    s.stepEnd = end;
    s.extraction = extraction;
    s.extractionTimestep = 200.0f;
    return s;
}

WanTransferRequest transfer(const InjectionSchedule &s)
{
    WanTransferRequest request;
    request.target = test::tinyWanRequest();
    request.schedule = s;
    request.sourceVideo = sourceVideo();
    request.wantBaseline = true;
    return request;
}

const char *message(const Result<WanTransferResult> &r)
{
    return r ? "" : r.error().message.c_str();
}

} // namespace

class TestWanInjection : public QObject
{
    Q_OBJECT

private:
    test::TinyWan m_tiny;


    WanT2VResult plain(const WanT2VRequest &request) { return m_tiny.render(request, false); }

private Q_SLOTS:
    void initTestCase()
    {
        auto loaded = m_tiny.load();
        QVERIFY2(loaded, loaded ? "" : loaded.error().message.c_str());
    }

    void weightZeroEqualsBaseline()
    {
        // Layer weight 0 everywhere: the schedule is off, nothing is extracted.
        auto off = m_tiny.transfer(transfer(schedule(0.0f, ExtractionMode::Single, 0, 4)));
        QVERIFY2(off, message(off));
        QCOMPARE(off->extractionPasses, 0);
        QVERIFY(at::equal(off->render.latent, off->baseline.latent));
        QVERIFY(at::equal(off->render.video, off->baseline.video));

        // Weight 1 behind a token mask that keeps every target token: extraction and the swap
        // kernel run, and must leave every query as it was.
        InjectionSchedule masked = schedule(1.0f, ExtractionMode::Single, 0, 4);
        masked.tokenMask.assign(2 * 3 * 4, 0);
        auto gated = m_tiny.transfer(transfer(masked));
        QVERIFY2(gated, message(gated));
        QCOMPARE(gated->extractionPasses, 1);
        QVERIFY(at::equal(gated->render.latent, gated->baseline.latent));
        QVERIFY(at::equal(gated->render.video, gated->baseline.video));
    }

    void ownQueriesReproduceTheBaseline()
    {
        QBank bank;
        attention::QInjector recorder;
        recorder.capture(bank, {"block.0", "block.1", "block.2"}, std::nullopt);
        m_tiny.dit().setQHook(&recorder);
        const WanT2VResult baseline = plain(test::tinyWanRequest());
        m_tiny.dit().setQHook(nullptr);
        QVERIFY(baseline.latent.defined());
        QCOMPARE(bank.size(), size_t(4 * 3)); // every step × every layer, both branches per entry
        QCOMPARE(bank.find(2, "block.1")->size(0), 2);

        const InjectionSchedule all = schedule(1.0f, ExtractionMode::PerStep, 0, 4);
        attention::QInjector injector;
        injector.inject(bank, all);
        m_tiny.dit().setQHook(&injector);
        const WanT2VResult replayed = plain(test::tinyWanRequest());
        m_tiny.dit().setQHook(nullptr);
        QVERIFY(!injector.error());
        QCOMPARE(injector.injectPasses(), 4);
        QVERIFY(at::equal(replayed.latent, baseline.latent));

        // The same bank injected into another seed's render does change it.
        WanT2VRequest other = test::tinyWanRequest();
        other.settings.seed = 6;
        const WanT2VResult otherBaseline = plain(other);
        m_tiny.dit().setQHook(&injector);
        const WanT2VResult steered = plain(other);
        m_tiny.dit().setQHook(nullptr);
        QVERIFY(!at::equal(steered.latent, otherBaseline.latent));
    }

    void weightOneChangesTheRender()
    {
        auto result = m_tiny.transfer(transfer(schedule(1.0f, ExtractionMode::PerStep, 0, 4)));
        QVERIFY2(result, message(result));
        QCOMPARE(result->extractionPasses, 4);
        QVERIFY(!at::equal(result->render.latent, result->baseline.latent));
        QVERIFY(!at::equal(result->render.video, result->baseline.video));
    }

    void injectedSourceQueriesPullTowardTheSourceRender()
    {
        // The source: another prompt and seed, its Q captured at every step. Random weights
        // give no meaningful pixels, but the target's trajectory must come closer to the
        // source's when it attends with the source's queries.
        WanT2VRequest source = test::tinyWanRequest();
        source.prompt = "a kayak drifts on a calm lake";
        source.settings.seed = 77;
        QBank bank;
        attention::QInjector recorder;
        recorder.capture(bank, {"block.0", "block.1", "block.2"}, std::nullopt);
        m_tiny.dit().setQHook(&recorder);
        const WanT2VResult sourceRun = plain(source);
        m_tiny.dit().setQHook(nullptr);

        const WanT2VResult baseline = plain(test::tinyWanRequest());
        attention::QInjector injector;
        const InjectionSchedule all = schedule(1.0f, ExtractionMode::PerStep, 0, 4);
        injector.inject(bank, all);
        m_tiny.dit().setQHook(&injector);
        const WanT2VResult injected = plain(test::tinyWanRequest());
        m_tiny.dit().setQHook(nullptr);
        QVERIFY(!injector.error());
        const double near = (injected.latent - sourceRun.latent).norm().item<double>();
        const double far = (baseline.latent - sourceRun.latent).norm().item<double>();
        const std::string distances = std::to_string(near) + " vs " + std::to_string(far);
        QVERIFY2(near < far, distances.c_str());
    }

    void blendIsTheAffineCombination()
    {
        WanTransferRequest request = transfer(schedule(1.0f, ExtractionMode::Single, 0, 4));
        QBank bank;
        request.bank = &bank;
        request.wantBaseline = false;
        auto extracted = m_tiny.transfer(request);
        QVERIFY2(extracted, message(extracted));
        const at::Tensor source = *bank.find(1, "block.1");

        InjectionSchedule blend = schedule(0.3f, ExtractionMode::Single, 0, 4);
        blend.mode = InjectionMode::Blend;
        blend.branches = GuidanceBranches::ConditionalOnly;
        attention::QInjector injector;
        injector.inject(bank, blend);
        const attention::ForwardContext context{
            1, {attention::GuidanceBranch::Conditional, attention::GuidanceBranch::Unconditional}};
        const std::string layer = "block.1";
        const attention::QSite site{layer, 1, context, m_tiny.dit().config().numHeads, {}};
        at::Generator generator = at::detail::createCPUGenerator(9);
        const at::Tensor before = at::randn({2, source.size(1), source.size(2)}, generator);
        at::Tensor q = before.clone();
        injector.onQuery(site, q);
        QVERIFY(!injector.error());
        const at::Tensor expected = before[0] + 0.3f * (source[0] - before[0]);
        QVERIFY(at::allclose(q[0], expected, 1e-6, 1e-6));
        QVERIFY(!at::allclose(q[0], before[0]));
        QVERIFY(at::equal(q[1], before[1])); // the unconditional row is not named

        // Outside the step range nothing moves.
        const attention::ForwardContext late{4, context.branches};
        const attention::QSite lateSite{layer, 1, late, m_tiny.dit().config().numHeads, {}};
        at::Tensor untouched = before.clone();
        injector.onQuery(lateSite, untouched);
        QVERIFY(at::equal(untouched, before));
    }

    void fusedSwapTakesOverWhereItCoversEveryRow()
    {
        WanTransferRequest request = transfer(schedule(1.0f, ExtractionMode::Single, 0, 4));
        QBank bank;
        request.bank = &bank;
        request.wantBaseline = false;
        auto extracted = m_tiny.transfer(request);
        QVERIFY2(extracted, message(extracted));
        const at::Tensor source = *bank.find(QBank::kAnyStep, "block.1");

        const attention::ForwardContext context{
            1, {attention::GuidanceBranch::Conditional, attention::GuidanceBranch::Unconditional}};
        const std::string layer = "block.1";
        const attention::QSite site{layer, 1, context, m_tiny.dit().config().numHeads, {}};
        at::Generator generator = at::detail::createCPUGenerator(5);
        const at::Tensor plainQ = at::randn({2, source.size(1), source.size(2)}, generator);
        // Records how the injector finished the site's Q.
        bool fused = false;
        const attention::QProjection projection{
            2, at::kCPU, [&](const at::Tensor &src, const kernels::QSwapParams *swap) {
                fused = swap != nullptr;
                at::Tensor q = plainQ.clone();
                if (swap)
                    kernels::qSwap_(q, src, *swap);
                return q;
            }};

        // Both branches receive it: the swap goes into the finishing pass.
        attention::QInjector both;
        const InjectionSchedule all = schedule(1.0f, ExtractionMode::Single, 0, 4);
        both.inject(bank, all);
        at::Tensor q = both.onProjection(site, projection);
        QVERIFY(fused);
        QVERIFY(at::equal(q[0], source[0]) && at::equal(q[1], source[0]));
        QCOMPARE(both.injectPasses(), 0); // counted at layer 0 only

        // One branch: finished plainly, then swapped row by row.
        InjectionSchedule conditional = all;
        conditional.branches = GuidanceBranches::ConditionalOnly;
        attention::QInjector one;
        one.inject(bank, conditional);
        q = one.onProjection(site, projection);
        QVERIFY(!fused);
        QVERIFY(at::equal(q[0], source[0]));
        QVERIFY(at::equal(q[1], plainQ[1]));

        // Outside the range: finished plainly and left alone.
        const attention::ForwardContext late{4, context.branches};
        q = both.onProjection({layer, 1, late, site.heads, {}}, projection);
        QVERIFY(!fused);
        QVERIFY(at::equal(q, plainQ));

        // A whole render: the fused route (the DiT's own) and the swap after the Q path agree
        // bit for bit and count the same passes.
        attention::QInjector viaProjection, viaQuery;
        viaProjection.inject(bank, all);
        viaQuery.inject(bank, all);
        UnfusedHook unfused(viaQuery);
        m_tiny.dit().setQHook(&viaProjection);
        const WanT2VResult a = plain(test::tinyWanRequest());
        m_tiny.dit().setQHook(&unfused);
        const WanT2VResult b = plain(test::tinyWanRequest());
        m_tiny.dit().setQHook(nullptr);
        QVERIFY(!viaProjection.error() && !viaQuery.error());
        QCOMPARE(viaProjection.injectPasses(), viaQuery.injectPasses());
        QCOMPARE(viaProjection.injectPasses(), 4);
        QVERIFY(at::equal(a.latent, b.latent));
        QVERIFY(!at::equal(a.latent, plain(test::tinyWanRequest()).latent));
    }

    void bankHoldsExactlyWhatTheScheduleNeeds_data()
    {
        QTest::addColumn<int>("extraction");
        QTest::addColumn<int>("passes");
        QTest::newRow("single") << int(ExtractionMode::Single) << 1;
        QTest::newRow("per_step") << int(ExtractionMode::PerStep) << 2;
    }

    void bankHoldsExactlyWhatTheScheduleNeeds()
    {
        QFETCH(int, extraction);
        QFETCH(int, passes);
        InjectionSchedule s = schedule(1.0f, ExtractionMode(extraction), 1, 3);
        s.layers[0].weight = 0.0f; // block.0 listed but off: not captured
        WanTransferRequest request = transfer(s);
        request.wantBaseline = false;
        QBank bank;
        request.bank = &bank;
        int extractProgress = 0;
        JobHooks hooks;
        hooks.progress = [&](const Progress &p) {
            extractProgress += p.stage == Stage::ExtractQ ? 1 : 0;
        };
        auto result = m_tiny.transfer(request, hooks);
        QVERIFY2(result, message(result));
        QCOMPARE(result->extractionPasses, passes);
        QCOMPARE(extractProgress, passes);
        QVERIFY(!result->bankReused);

        std::vector<std::pair<int, std::string>> expected;
        const std::vector<int> steps = passes == 1 ? std::vector<int>{QBank::kAnyStep}
                                                   : std::vector<int>{1, 2};
        for (int step : steps) {
            expected.push_back({step, "block.1"});
            expected.push_back({step, "block.2"});
        }
        QCOMPARE(bank.keys(), expected);
        const int64_t entry = 2 * 3 * 4 * m_tiny.dit().config().dim * 4; // tokens × dim × float32
        QCOMPARE(bank.bytes(), entry * int64_t(expected.size()));
    }

    void tieredAndFp8BanksServeTheRender()
    {
        WanTransferRequest request = transfer(schedule(1.0f, ExtractionMode::PerStep, 1, 3));
        request.wantBaseline = false;
        QBank plain;
        request.bank = &plain;
        auto reference = m_tiny.transfer(request);
        QVERIFY2(reference, message(reference));
        const int64_t entry = plain.bytes() / int64_t(plain.size());

        // Room for one entry on the device: the other five go to the host tier, and the
        // render is the same bit for bit.
        QBank tiered(attention::QBankOptions{entry, 8 * entry, false, {}, 0});
        request.bank = &tiered;
        auto fromHost = m_tiny.transfer(request);
        QVERIFY2(fromHost, message(fromHost));
        QCOMPARE(tiered.hostBytes(), 5 * entry);
        QVERIFY(at::equal(fromHost->render.latent, reference->render.latent));

        // One entry on the device, one in host memory, four as files: still bit for bit.
        QTemporaryDir disk;
        const auto files = [&] { return QDir(disk.path()).entryInfoList(QDir::Files); };
        {
            QBank spilled(
                attention::QBankOptions{entry, entry, false, disk.path().toStdString(), 8 * entry});
            request.bank = &spilled;
            auto fromDisk = m_tiny.transfer(request);
            QVERIFY2(fromDisk, message(fromDisk));
            QCOMPARE(spilled.diskBytes(), 4 * entry);
            QCOMPARE(files().size(), 4);
            QVERIFY(at::equal(fromDisk->render.latent, reference->render.latent));

            // A damaged file fails the render by name instead of injecting something else; the
            // next render extracts the source anew.
            QFile victim(files().front().filePath());
            QVERIFY(victim.open(QIODevice::WriteOnly | QIODevice::Truncate));
            victim.write("not a safetensors file");
            victim.close();
            auto damaged = m_tiny.transfer(request);
            QVERIFY(!damaged);
            QVERIFY2(damaged.error().message.find("no readable entry") != std::string::npos,
                     damaged.error().message.c_str());
            auto again = m_tiny.transfer(request);
            QVERIFY2(again, message(again));
            QCOMPARE(again->extractionPasses, 2);
            QVERIFY(at::equal(again->render.latent, reference->render.latent));
        }
        QCOMPARE(files().size(), 0); // the bank's files go with it

        // Without a host tier the same budget is refused up front, offering what fits.
        QBank small(attention::QBankOptions{entry, 0, false, {}, 0});
        request.bank = &small;
        auto refused = m_tiny.transfer(request);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::OutOfMemory);
        QVERIFY(refused.error().message.find("fp8") != std::string::npos);

        // fp8: about a quarter of the bytes; the render moves, but only a little.
        QBank fp8(attention::QBankOptions{0, 0, true, {}, 0});
        request.bank = &fp8;
        auto coded = m_tiny.transfer(request);
        QVERIFY2(coded, message(coded));
        QCOMPARE(fp8.size(), plain.size());
        QVERIFY(fp8.bytes() * 3 < plain.bytes());
        QVERIFY(!fp8.find(1, "block.1")); // not stored plainly
        const at::Tensor exact = *plain.find(1, "block.1");
        const at::Tensor decoded = fp8.fetch(1, "block.1");
        QCOMPARE(decoded.sizes(), exact.sizes());
        QVERIFY((decoded - exact).abs().le(exact.abs() / 16 + 1e-3).all().item<bool>());
        const at::Tensor delta = coded->render.latent - reference->render.latent;
        QVERIFY(delta.abs().max().item<double>() > 0.0);
        QVERIFY(delta.abs().max().item<double>()
                < 0.1 * reference->render.latent.abs().max().item<double>());

        // fp8 entries in files serve the same render as fp8 entries in memory.
        QTemporaryDir fp8Disk;
        const int64_t fp8Entry = fp8.bytes() / int64_t(fp8.size());
        QBank fp8Spilled(attention::QBankOptions{fp8Entry, 0, true, fp8Disk.path().toStdString(),
                                                 fp8.bytes()});
        request.bank = &fp8Spilled;
        auto codedFromDisk = m_tiny.transfer(request);
        QVERIFY2(codedFromDisk, message(codedFromDisk));
        QCOMPARE(fp8Spilled.diskBytes(), fp8.bytes() - fp8Entry);
        QVERIFY(at::equal(codedFromDisk->render.latent, coded->render.latent));
    }

    void secondRenderReusesTheBank()
    {
        WanTransferRequest request = transfer(schedule(1.0f, ExtractionMode::Single, 0, 2));
        request.wantBaseline = false;
        QBank bank;
        request.bank = &bank;
        auto first = m_tiny.transfer(request);
        QVERIFY2(first, message(first));
        QCOMPARE(first->extractionPasses, 1);

        auto again = m_tiny.transfer(request);
        QVERIFY2(again, message(again));
        QVERIFY(again->bankReused);
        QCOMPARE(again->extractionPasses, 0);
        QVERIFY(at::equal(again->render.latent, first->render.latent));

        request.target.prompt = "a grey wolf runs through snow";
        auto changed = m_tiny.transfer(request);
        QVERIFY2(changed, message(changed));
        QCOMPARE(changed->extractionPasses, 0);

        // Another source prompt is another bank.
        request.sourcePrompt = "a fox";
        auto other = m_tiny.transfer(request);
        QVERIFY2(other, message(other));
        QCOMPARE(other->extractionPasses, 1);
    }

    void cancelDuringExtractionStopsBeforeRendering()
    {
        std::atomic<bool> cancel{true};
        JobHooks hooks;
        hooks.cancel = &cancel;
        auto result = m_tiny.transfer(transfer(schedule(1.0f, ExtractionMode::PerStep, 0, 4)), hooks);
        QVERIFY2(result, message(result));
        QVERIFY(result->cancelled);
        QCOMPARE(result->extractionPasses, 0);
        QVERIFY(!result->render.latent.defined());
    }

    void userErrors()
    {
        WanTransferRequest request = transfer(schedule(1.0f, ExtractionMode::Single, 0, 4));
        request.sourceVideo = sourceVideo().narrow(2, 0, 32).contiguous();
        auto size = m_tiny.transfer(request);
        QVERIFY(!size);
        QCOMPARE(size.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(size.error().message.find("64x32, 5 frames") != std::string::npos
                     && size.error().message.find("64x48, 5 frames") != std::string::npos,
                 size.error().message.c_str());

        InjectionSchedule unknown = schedule(1.0f, ExtractionMode::Single, 0, 4);
        unknown.layers.push_back({"block.7", 1.0f, {}});
        auto layer = m_tiny.transfer(transfer(unknown));
        QVERIFY(!layer);
        QCOMPARE(layer.error().code, ErrorCode::InvalidArgument);
        QVERIFY(layer.error().message.find("block.7") != std::string::npos);

        request = transfer(schedule(1.0f, ExtractionMode::PerStep, 0, 4));
        request.bankBudgetBytes = 2 * 3 * 4 * m_tiny.dit().config().dim * 4 * 5; // 5 of 12 entries
        auto budget = m_tiny.transfer(request);
        QVERIFY(!budget);
        QCOMPARE(budget.error().code, ErrorCode::OutOfMemory);
        QVERIFY2(budget.error().message.find("at most 1 layer(s) over 4 step(s)")
                     != std::string::npos,
                 budget.error().message.c_str());

        request = transfer(schedule(1.0f, ExtractionMode::PerStep, 0, 4));
        request.sourceSeed = 5;
        auto seeded = m_tiny.transfer(request);
        QVERIFY(!seeded);
        QCOMPARE(seeded.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(seeded.error().message.find("lockstep") != std::string::npos,
                 seeded.error().message.c_str());

        InjectionSchedule heads = schedule(1.0f, ExtractionMode::Single, 0, 4);
        heads.layers[1].headWeights = {1.0f};
        auto headCount = m_tiny.transfer(transfer(heads));
        QVERIFY(!headCount);
        QVERIFY(headCount.error().message.find("head weights") != std::string::npos);
    }

    void facadeRendersTransferAndBaseline()
    {
        RenderRequest request;
        request.prompt = "a red fox runs through snow";
        request.settings = test::tinyWanRequest().settings;
        request.injection = schedule(1.0f, ExtractionMode::Single, 0, 2);
        request.wantBaseline = true;
        request.wantLatents = true;
        WanGenerateOptions options;
        options.compute = {"cpu", "f32"};

        auto missing = generateWan(m_tiny.folder(), request, options, {});
        QVERIFY(!missing);
        QVERIFY(missing.error().message.find("source clip") != std::string::npos);

        const at::Tensor bytes = ((sourceVideo() + 1.0) * 127.5).round().to(at::kByte)
                                     .permute({1, 2, 3, 0}).contiguous();
        request.source.width = 64;
        request.source.height = 48;
        request.source.count = 5;
        request.source.fps = 16.0;
        request.source.rgb.assign(bytes.data_ptr<uint8_t>(),
                                  bytes.data_ptr<uint8_t>() + bytes.numel());
        auto output = generateWan(m_tiny.folder(), request, options, {});
        QVERIFY2(output, output ? "" : output.error().message.c_str());
        QCOMPARE(output->render.extractionPasses, 1);
        QCOMPARE(output->render.frames.count, 5);
        QCOMPARE(output->render.baseline.count, 5);
        QVERIFY(output->render.frames.rgb != output->render.baseline.rgb);

        std::atomic<bool> cancel{true};
        JobHooks hooks;
        hooks.cancel = &cancel;
        auto cancelled = generateWan(m_tiny.folder(), request, options, hooks);
        QVERIFY2(cancelled, cancelled ? "" : cancelled.error().message.c_str());
        QVERIFY(cancelled->render.cancelled);
        QVERIFY(cancelled->render.frames.empty());

        request.settings.height = 32;
        auto mismatch = generateWan(m_tiny.folder(), request, options, {});
        QVERIFY(!mismatch);
        QCOMPARE(mismatch.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestWanInjection)
#include "tst_wan_injection.moc"
