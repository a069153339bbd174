// wanNormRope against its definition worked out here element by element (WanRMSNorm over the
// full width, rounded to the projection's dtype, scaled; then each interleaved pair turned by
// its angle), the swap fused into it against q_swap applied after, and the input checks.
#include "kernels/qswap.h"
#include "kernels/wan_q_path.h"
#include "tests/kernels/torch_error_text.h"

#include <QtTest>

#include <cmath>
#include <string>

using mbq::kernels::QSwapMode;
using mbq::kernels::QSwapParams;
using mbq::test::thrownMessage;
using mbq::kernels::WanNormRopeParams;

namespace {

constexpr int64_t kHeads = 3, kHeadDim = 8, kChannels = kHeads * kHeadDim, kTokens = 6;

WanNormRopeParams params(at::ScalarType dtype = at::kFloat)
{
    WanNormRopeParams p;
    p.heads = kHeads;
    p.normWeight = at::rand({kChannels}) + 0.5;
    p.eps = 1e-6;
    const at::Tensor angles = at::rand({kTokens, kHeadDim / 2}, at::kDouble) * 6.3;
    p.cos = angles.cos();
    p.sin = angles.sin();
    p.dtype = dtype;
    return p;
}

// The definition for one element pair, in double except where the op rounds on purpose.
at::Tensor expectedNormRope(const at::Tensor &proj, const WanNormRopeParams &p)
{
    const at::Tensor x = proj.to(at::kDouble);
    const int64_t batch = x.size(0), tokens = x.size(1), channels = x.size(2);
    const int64_t headDim = channels / p.heads;
    at::Tensor out = at::empty_like(x);
    auto xa = x.accessor<double, 3>();
    auto oa = out.accessor<double, 3>();
    for (int64_t b = 0; b < batch; ++b) {
        for (int64_t t = 0; t < tokens; ++t) {
            double squares = 0.0;
            for (int64_t c = 0; c < channels; ++c)
                squares += xa[b][t][c] * xa[b][t][c];
            const double inverseRms = 1.0 / std::sqrt(squares / double(channels) + p.eps);
            const auto normed = [&](int64_t c) {
                if (!p.normWeight.defined())
                    return xa[b][t][c];
                // Rounded to the projection's dtype before the weight, as WanRMSNorm does.
                const double rounded = at::scalar_tensor(xa[b][t][c] * inverseRms, at::kDouble)
                                           .to(proj.scalar_type())
                                           .item<double>();
                return rounded * p.normWeight[c].item<double>();
            };
            for (int64_t c = 0; c < channels; c += 2) {
                const int64_t pair = (c % headDim) / 2;
                const double cs = p.cos[t][pair].item<double>();
                const double sn = p.sin[t][pair].item<double>();
                const double re = normed(c), im = normed(c + 1);
                oa[b][t][c] = re * cs - im * sn;
                oa[b][t][c + 1] = re * sn + im * cs;
            }
        }
    }
    return out;
}

double maxDiff(const at::Tensor &a, const at::Tensor &b)
{
    return (a.to(at::kDouble) - b.to(at::kDouble)).abs().max().item<double>();
}

} // namespace

class TestWanQPath : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { at::manual_seed(11); }

    void normAndRotationFollowTheDefinition_data()
    {
        QTest::addColumn<int>("projType");
        QTest::addColumn<bool>("norm");
        QTest::newRow("float32") << int(at::kFloat) << true;
        QTest::newRow("bfloat16 projection") << int(at::kBFloat16) << true;
        QTest::newRow("float16 projection") << int(at::kHalf) << true;
        QTest::newRow("no norm") << int(at::kFloat) << false;
    }

    void normAndRotationFollowTheDefinition()
    {
        QFETCH(int, projType);
        QFETCH(bool, norm);
        WanNormRopeParams p = params();
        if (!norm)
            p.normWeight = at::Tensor();
        const at::Tensor proj
            = (at::randn({2, kTokens, kChannels}) * 3.0).to(at::ScalarType(projType));
        const at::Tensor q = mbq::kernels::wanNormRope(proj, p);
        QCOMPARE(q.scalar_type(), at::kFloat);
        QCOMPARE(q.sizes().vec(), proj.sizes().vec());
        // float32 arithmetic against double; the dtype rounding happens at the same place in
        // both, so only float32's own error remains (~1e-7 relative, values are O(1)).
        const double diff = maxDiff(q, expectedNormRope(proj, p));
        QVERIFY2(diff < 2e-5, std::to_string(diff).c_str());
    }

    void doublePrecisionIsExact()
    {
        // The float64 path (reference runs against the official code) keeps float64 throughout.
        WanNormRopeParams p = params(at::kDouble);
        p.normWeight = p.normWeight.to(at::kDouble);
        const at::Tensor proj = at::randn({1, kTokens, kChannels}, at::kDouble);
        const at::Tensor q = mbq::kernels::wanNormRope(proj, p);
        QCOMPARE(q.scalar_type(), at::kDouble);
        const double diff = maxDiff(q, expectedNormRope(proj, p));
        QVERIFY2(diff < 1e-13, std::to_string(diff).c_str());
    }

    void fusedSwapEqualsSwapAfterwards_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<bool>("broadcast");
        QTest::newRow("replace, one source row") << int(QSwapMode::Replace) << true;
        QTest::newRow("replace, paired rows") << int(QSwapMode::Replace) << false;
        QTest::newRow("blend, one source row") << int(QSwapMode::Blend) << true;
        QTest::newRow("blend, paired rows") << int(QSwapMode::Blend) << false;
    }

    void fusedSwapEqualsSwapAfterwards()
    {
        QFETCH(int, mode);
        QFETCH(bool, broadcast);
        const WanNormRopeParams p = params();
        const at::Tensor proj = at::randn({2, kTokens, kChannels}).to(at::kBFloat16);
        const at::Tensor source = at::randn({broadcast ? 1 : 2, kTokens, kChannels});
        QSwapParams swap;
        swap.mode = QSwapMode(mode);
        swap.weight = 0.6f;
        swap.heads = kHeads;
        swap.headWeights = at::tensor({1.0f, 0.0f, 0.5f});
        swap.tokenMask = at::tensor({1, 1, 0, 1, 0, 1}, at::kByte);

        const at::Tensor fused = mbq::kernels::wanNormRope(proj, p, source, &swap);
        at::Tensor after = mbq::kernels::wanNormRope(proj, p);
        const at::Tensor plain = after.clone();
        mbq::kernels::qSwap_(after, source, swap);
        QVERIFY(at::equal(fused, after));
        QVERIFY(!at::equal(fused, plain)); // the swap did something
        // Head 1 has weight 0 and token 2 is masked out: both keep the target's queries.
        QVERIFY(
            at::equal(fused.narrow(2, kHeadDim, kHeadDim), plain.narrow(2, kHeadDim, kHeadDim)));
        QVERIFY(at::equal(fused.select(1, 2), plain.select(1, 2)));

        swap.weight = 0.0f;
        QVERIFY(at::equal(mbq::kernels::wanNormRope(proj, p, source, &swap), plain));
    }

    void badInputsNameTheProblem()
    {
        const WanNormRopeParams good = params();
        const at::Tensor proj = at::randn({1, kTokens, kChannels});

        WanNormRopeParams shortTables = good;
        shortTables.cos = good.cos.narrow(0, 0, kTokens - 1);
        QVERIFY(thrownMessage([&] {
                    mbq::kernels::wanNormRope(proj, shortTables);
                }).find("rotation tables must be [6, 4]")
                != std::string::npos);

        WanNormRopeParams oddHeads = good;
        oddHeads.heads = 8; // 24 channels: heads of 3, odd
        QVERIFY(thrownMessage([&] {
                    mbq::kernels::wanNormRope(proj, oddHeads);
                }).find("heads of an even size")
                != std::string::npos);

        WanNormRopeParams floatTables = good;
        floatTables.sin = good.sin.to(at::kFloat);
        QVERIFY(thrownMessage([&] { mbq::kernels::wanNormRope(proj, floatTables); }).find("float64")
                != std::string::npos);

        WanNormRopeParams wrongWeight = good;
        wrongWeight.normWeight = at::ones({kChannels - 1});
        QVERIFY(thrownMessage([&] {
                    mbq::kernels::wanNormRope(proj, wrongWeight);
                }).find("norm weight must be [24]")
                != std::string::npos);

        QSwapParams swap;
        swap.heads = kHeads;
        const at::Tensor wrongTokens = at::randn({1, kTokens + 1, kChannels});
        QVERIFY(thrownMessage([&] {
                    mbq::kernels::wanNormRope(proj, good, wrongTokens, &swap);
                }).find("does not match target")
                != std::string::npos);
        swap.heads = 4;
        QVERIFY(
            thrownMessage([&] {
                mbq::kernels::wanNormRope(proj, good, at::randn({1, kTokens, kChannels}), &swap);
            }).find("the swap splits 4 heads")
            != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestWanQPath)
#include "tst_wan_q_path.moc"
