// q_swap on CPU against an element-by-element loop written here from the op's definition, plus
// the invariants motion transfer relies on and the input checks.
#include "kernels/qswap.h"

#include <QtTest>

using mbq::kernels::QSwapMode;
using mbq::kernels::QSwapParams;

namespace {

// The definition, one element at a time, in double precision.
at::Tensor expectedSwap(const at::Tensor &target, const at::Tensor &source, const QSwapParams &p)
{
    auto t = target.to(at::kDouble).contiguous();
    auto s = source.to(at::kDouble).contiguous();
    const int64_t B = t.size(0), L = t.size(1), C = t.size(2), D = C / p.heads;
    auto out = t.clone();
    auto ta = t.accessor<double, 3>(), sa = s.accessor<double, 3>(), oa = out.accessor<double, 3>();
    for (int64_t b = 0; b < B; ++b) {
        for (int64_t l = 0; l < L; ++l) {
            for (int64_t c = 0; c < C; ++c) {
                double w = p.weight;
                if (p.headWeights.defined())
                    w *= p.headWeights[c / D].item<double>();
                if (p.tokenMask.defined() && p.tokenMask[l].item<int64_t>() == 0)
                    w = 0;
                const double src = sa[s.size(0) == 1 ? 0 : b][l][c];
                if (p.mode == QSwapMode::Replace)
                    oa[b][l][c] = w > 0 ? src : ta[b][l][c];
                else
                    oa[b][l][c] = ta[b][l][c] + w * (src - ta[b][l][c]);
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

class TestQSwap : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { at::manual_seed(7); }

    void replaceAtFullWeightCopiesSource()
    {
        auto target = at::randn({2, 10, 24});
        auto source = at::randn({2, 10, 24});
        QSwapParams p;
        p.heads = 3;
        mbq::kernels::qSwap_(target, source, p);
        QVERIFY(at::equal(target, source));
    }

    void weightZeroIsIdentity()
    {
        auto target = at::randn({2, 10, 24});
        const auto before = target.clone();
        QSwapParams p;
        p.heads = 3;
        p.weight = 0.0f;
        mbq::kernels::qSwap_(target, at::randn({2, 10, 24}), p);
        QVERIFY(at::equal(target, before));
    }

    void swappingOwnQueriesChangesNothing()
    {
        for (QSwapMode mode : {QSwapMode::Replace, QSwapMode::Blend}) {
            auto target = at::randn({1, 16, 32}).to(at::kBFloat16);
            const auto before = target.clone();
            QSwapParams p;
            p.mode = mode;
            p.heads = 4;
            p.weight = 0.37f;
            mbq::kernels::qSwap_(target, before.clone(), p);
            QVERIFY(at::equal(target, before));
        }
    }

    void matchesDefinition_data()
    {
        QTest::addColumn<int>("mode");
        QTest::addColumn<float>("weight");
        QTest::addColumn<bool>("headWeights");
        QTest::addColumn<bool>("mask");
        QTest::addColumn<bool>("broadcast");
        QTest::newRow("replace plain") << 0 << 1.0f << false << false << false;
        QTest::newRow("replace half weight gates") << 0 << 0.5f << false << false << false;
        QTest::newRow("replace heads+mask") << 0 << 1.0f << true << true << false;
        QTest::newRow("blend plain") << 1 << 0.25f << false << false << false;
        QTest::newRow("blend heads") << 1 << 0.8f << true << false << false;
        QTest::newRow("blend mask broadcast") << 1 << 0.6f << false << true << true;
        QTest::newRow("blend everything") << 1 << 0.9f << true << true << true;
    }

    void matchesDefinition()
    {
        QFETCH(int, mode);
        QFETCH(float, weight);
        QFETCH(bool, headWeights);
        QFETCH(bool, mask);
        QFETCH(bool, broadcast);
        QSwapParams p;
        p.mode = mode == 0 ? QSwapMode::Replace : QSwapMode::Blend;
        p.weight = weight;
        p.heads = 4;
        if (headWeights)
            p.headWeights = at::tensor({1.0f, 0.0f, 0.5f, 0.25f});
        if (mask)
            p.tokenMask = at::tensor({1, 0, 1, 1, 0, 0, 1, 0, 1, 1}, at::kByte);
        auto target = at::randn({2, 10, 32});
        auto source = at::randn({broadcast ? 1 : 2, 10, 32});
        const auto expected = expectedSwap(target, source, p);
        mbq::kernels::qSwap_(target, source, p);
        QVERIFY2(maxDiff(target, expected) < 1e-6, "float32 result differs from the definition");
    }

    void lowPrecisionRoundsOnce_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::newRow("float16") << int(at::kHalf);
        QTest::newRow("bfloat16") << int(at::kBFloat16);
    }

    void lowPrecisionRoundsOnce()
    {
        QFETCH(int, dtype);
        const auto type = static_cast<at::ScalarType>(dtype);
        QSwapParams p;
        p.mode = QSwapMode::Blend;
        p.weight = 0.3f;
        p.heads = 2;
        auto target = at::randn({1, 8, 16}).to(type);
        auto source = at::randn({1, 8, 16}).to(type);
        // Computed in float from the rounded inputs, rounded once at the end.
        const auto expected = expectedSwap(target, source, p).to(at::kFloat).to(type);
        mbq::kernels::qSwap_(target, source, p);
        QVERIFY(at::equal(target, expected));
    }

    void rejectsBadInputs_data()
    {
        QTest::addColumn<QString>("what");
        QTest::addColumn<QString>("expected");
        QTest::newRow("rank") << "rank" << "must be [batch, tokens, channels]";
        QTest::newRow("dtype mismatch") << "dtype" << "differs from target dtype";
        QTest::newRow("token mismatch") << "tokens" << "does not match target";
        QTest::newRow("heads") << "heads" << "do not split into 5 heads";
        QTest::newRow("weight") << "weight" << "outside [0, 1]";
        QTest::newRow("head weights") << "headWeights" << "head weights must be [4]";
        QTest::newRow("mask") << "mask" << "token mask must be [10]";
        QTest::newRow("integer") << "int" << "dtype must be float32, float16 or bfloat16";
        QTest::newRow("source batch") << "batch" << "must be 1 or the target's 2";
    }

    void rejectsBadInputs()
    {
        QFETCH(QString, what);
        QFETCH(QString, expected);
        auto target = at::randn({2, 10, 32});
        auto source = at::randn({2, 10, 32});
        QSwapParams p;
        p.heads = 4;
        if (what == "rank")
            target = at::randn({10, 32});
        else if (what == "dtype")
            source = source.to(at::kHalf);
        else if (what == "tokens")
            source = at::randn({2, 9, 32});
        else if (what == "heads")
            p.heads = 5;
        else if (what == "weight")
            p.weight = 1.5f;
        else if (what == "headWeights")
            p.headWeights = at::ones({3});
        else if (what == "mask")
            p.tokenMask = at::ones({11}, at::kBool);
        else if (what == "int")
            target = at::zeros({2, 10, 32}, at::kInt), source = target.clone();
        else if (what == "batch")
            source = at::randn({3, 10, 32});
        const auto before = target.clone();
        try {
            mbq::kernels::qSwap_(target, source, p);
            QFAIL("q_swap accepted bad input");
        } catch (const c10::Error &e) {
            const QString message = QString::fromStdString(e.what_without_backtrace());
            QVERIFY2(message.contains(expected), qPrintable(message));
        }
        QVERIFY(at::equal(target, before));
    }
};

QTEST_GUILESS_MAIN(TestQSwap)
#include "tst_qswap.moc"
