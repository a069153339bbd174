// q_swap from an fp8 source: the same result as decoding the source and swapping, bit for bit,
// for every dtype, mode, head weighting, token mask, paired or broadcast source and row
// range; and the encoding's own input checks.
#include "kernels/qbank_codec.h"
#include "kernels/qswap.h"
#include "kernels/qswap_fp8.h"
#include "tests/kernels/torch_error_text.h"

#include <QtTest>

#include <string>

using mbq::kernels::Fp8Queries;
using mbq::kernels::QSwapMode;
using mbq::kernels::QSwapParams;
using mbq::test::thrownMessage;

namespace {

constexpr int64_t kHeads = 4, kChannels = 32, kTokens = 9;

QSwapParams swapParams(QSwapMode mode)
{
    QSwapParams p;
    p.mode = mode;
    p.weight = 0.8f;
    p.heads = kHeads;
    p.headWeights = at::tensor({1.0f, 0.25f, 0.0f, 0.5f});
    p.tokenMask = at::rand({kTokens}).gt(0.3);
    return p;
}

} // namespace

class TestQSwapFp8 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { at::manual_seed(3); }

    void equalsDecodeThenSwap_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<int>("mode");
        QTest::addColumn<int>("sourceRows");
        for (auto dtype : {at::kFloat, at::kHalf, at::kBFloat16}) {
            for (auto mode : {QSwapMode::Replace, QSwapMode::Blend}) {
                for (int rows : {1, 2}) {
                    const std::string name = std::string(c10::toString(dtype))
                        + (mode == QSwapMode::Blend ? " blend" : " replace") + " source rows "
                        + std::to_string(rows);
                    QTest::newRow(name.c_str()) << int(dtype) << int(mode) << rows;
                }
            }
        }
    }

    void equalsDecodeThenSwap()
    {
        QFETCH(int, dtype);
        QFETCH(int, mode);
        QFETCH(int, sourceRows);
        const auto type = at::ScalarType(dtype);
        const Fp8Queries source = mbq::kernels::encodeFp8Queries(
            (at::randn({sourceRows, kTokens, kChannels}) * 5.0).to(type), kHeads);
        const at::Tensor before = at::randn({2, kTokens, kChannels}).to(type);
        const QSwapParams p = swapParams(QSwapMode(mode));

        at::Tensor direct = before.clone();
        mbq::kernels::qSwapFp8_(direct, source, p);
        at::Tensor decoded = before.clone();
        mbq::kernels::qSwap_(decoded, mbq::kernels::decodeFp8Queries(source), p);
        QVERIFY(at::equal(direct, decoded));
        QVERIFY(!at::equal(direct, before));
        // Head 2 has weight 0: untouched everywhere.
        QVERIFY(at::equal(direct.narrow(2, 16, 8), before.narrow(2, 16, 8)));
    }

    void rowsOfAnEncodingSwapLikeThoseRowsDecoded()
    {
        const Fp8Queries source
            = mbq::kernels::encodeFp8Queries(at::randn({3, kTokens, kChannels}), kHeads);
        const Fp8Queries middle = mbq::kernels::narrowRows(source, 1, 1);
        QCOMPARE(middle.codes.size(0), int64_t(1));
        QCOMPARE(middle.scales.size(0), int64_t(1));
        at::Tensor q = at::randn({1, kTokens, kChannels});
        QSwapParams p;
        p.heads = kHeads;
        mbq::kernels::qSwapFp8_(q, middle, p);
        QVERIFY(at::equal(q, mbq::kernels::decodeFp8Queries(source)[1].unsqueeze(0)));
    }

    void badEncodingsNameTheProblem()
    {
        const Fp8Queries good
            = mbq::kernels::encodeFp8Queries(at::randn({1, kTokens, kChannels}), kHeads);
        at::Tensor q = at::randn({2, kTokens, kChannels});
        QSwapParams p;
        p.heads = kHeads;

        at::Tensor half = q.to(at::kHalf);
        QVERIFY(thrownMessage([&] {
                    mbq::kernels::qSwapFp8_(half, good, p);
                }).find("source dtype Float differs from target dtype Half")
                != std::string::npos);

        QSwapParams otherHeads = p;
        otherHeads.heads = 2;
        QVERIFY(thrownMessage([&] {
                    mbq::kernels::qSwapFp8_(q, good, otherHeads);
                }).find("encoded with 4 heads, the swap splits 2")
                != std::string::npos);

        Fp8Queries badScales = good;
        badScales.scales = good.scales.narrow(2, 0, 3).contiguous();
        QVERIFY(thrownMessage([&] {
                    mbq::kernels::qSwapFp8_(q, badScales, p);
                }).find("scales must be float32 [1, 9, 4]")
                != std::string::npos);

        Fp8Queries fewerTokens
            = mbq::kernels::encodeFp8Queries(at::randn({1, kTokens - 1, kChannels}), kHeads);
        QVERIFY(thrownMessage([&] {
                    mbq::kernels::qSwapFp8_(q, fewerTokens, p);
                }).find("does not match target")
                != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestQSwapFp8)
#include "tst_qswap_fp8.moc"
