// The fp8 (E4M3) Q-bank codec: the code table against values worked out by hand from the
// format's definition, exact round trips of every representable value, round-half-to-even, the
// error bound a 3-bit mantissa promises on random queries in each dtype, per-head scales, and
// the input checks.
#include "kernels/qbank_codec.h"

#include <QtTest>

#include <cmath>

using namespace mbq::kernels;

class TestQBankCodec : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tableFollowsTheFormat()
    {
        const at::Tensor table = fp8E4M3Values(at::kCPU);
        QCOMPARE(table.size(0), int64_t(256));
        const auto v = [&](int code) { return table[code].item<double>(); };
        QCOMPARE(v(0x00), 0.0);
        QCOMPARE(v(0x01), std::ldexp(1.0, -9)); // smallest subnormal
        QCOMPARE(v(0x07), 7 * std::ldexp(1.0, -9));
        QCOMPARE(v(0x08), std::ldexp(1.0, -6)); // smallest normal
        QCOMPARE(v(0x38), 1.0);                 // exponent field 7 = 2^0
        QCOMPARE(v(0x39), 1.125);
        QCOMPARE(v(0x7E), 448.0); // the largest finite value
        QVERIFY(std::isnan(v(0x7F)) && std::isnan(v(0xFF)));
        QCOMPARE(v(0xB8), -1.0);
        QCOMPARE(v(0xFE), -448.0);
    }

    void representableValuesRoundTripExactly()
    {
        // Every finite code in one head whose largest magnitude is 448: the scale is 1.
        const at::Tensor table = fp8E4M3Values(at::kCPU);
        const at::Tensor finite = table.index({table.isnan().logical_not()});
        const at::Tensor q = finite.view({1, 1, -1});
        const Fp8Queries encoded = encodeFp8Queries(q, 1);
        QCOMPARE(encoded.scales.item<float>(), 1.0f);
        QVERIFY(at::equal(decodeFp8Queries(encoded), q));
        QCOMPARE(encoded.codes.size(2), q.size(2));
    }

    void tiesRoundToEven()
    {
        // 448 fixes the scale at 1; the others sit exactly halfway between two codes.
        const at::Tensor q = at::tensor({448.0f, 1.0625f, 1.1875f, -1.0625f, 3.0f * std::ldexp(1.0f, -10)})
                                 .view({1, 1, -1});
        const at::Tensor back = decodeFp8Queries(encodeFp8Queries(q, 1)).view({-1});
        QCOMPARE(back[1].item<float>(), 1.0f);  // 1 | 1.125: mantissa 0 is even
        QCOMPARE(back[2].item<float>(), 1.25f); // 1.125 | 1.25: mantissa 2 is even
        QCOMPARE(back[3].item<float>(), -1.0f);
        QCOMPARE(back[4].item<float>(), 2.0f * std::ldexp(1.0f, -9)); // subnormal 1.5 -> 2
    }

    void randomQueriesStayWithinTheBound_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::newRow("float32") << int(at::kFloat);
        QTest::newRow("bfloat16") << int(at::kBFloat16);
        QTest::newRow("float16") << int(at::kHalf);
    }

    void randomQueriesStayWithinTheBound()
    {
        QFETCH(int, dtype);
        at::Generator generator = at::detail::createCPUGenerator(7);
        const int64_t heads = 4;
        // Heads of very different magnitudes: each must keep its own precision.
        const at::Tensor magnitude = at::tensor({1e-3f, 1.0f, 30.0f, 1e4f}).view({1, 1, heads, 1});
        const at::Tensor q = (at::randn({2, 9, heads, 16}, generator, at::kFloat) * magnitude)
                                 .view({2, 9, heads * 16})
                                 .to(at::ScalarType(dtype));
        const Fp8Queries encoded = encodeFp8Queries(q, heads);
        const at::Tensor back = decodeFp8Queries(encoded);
        QCOMPARE(back.scalar_type(), q.scalar_type());
        QCOMPARE(back.sizes(), q.sizes());
        const at::Tensor x = q.to(at::kFloat).view({2, 9, heads, 16});
        const at::Tensor y = back.to(at::kFloat).view({2, 9, heads, 16});
        const at::Tensor scale = encoded.scales.view({2, 9, heads, 1});
        // Normals: half a quantum of a 3-bit mantissa, 1/16 of the value; subnormals: half
        // of the smallest step, 2^-10 of the scale. The decode's own rounding to the input
        // dtype adds at most one of its units (bf16: 2^-8 relative).
        const double dtypeUnit = dtype == int(at::kBFloat16) ? std::ldexp(1.0, -8)
                                 : dtype == int(at::kHalf)    ? std::ldexp(1.0, -11)
                                                              : 0.0;
        const at::Tensor bound = x.abs() * (1.0 / 16 + dtypeUnit) + scale * std::ldexp(1.0, -10);
        QVERIFY((y - x).abs().le(bound * 1.0001).all().item<bool>());
        QVERIFY(encoded.codes.scalar_type() == at::kByte);
        QCOMPARE(encoded.bytes(), int64_t(2 * 9 * 64 + 2 * 9 * heads * 4));
    }

    void zeroHeadsDecodeToZero()
    {
        const at::Tensor q = at::zeros({1, 3, 8});
        QVERIFY(at::equal(decodeFp8Queries(encodeFp8Queries(q, 2)), q));
    }

    void badInputsAreRefused()
    {
        QVERIFY_THROWS_EXCEPTION(c10::Error, encodeFp8Queries(at::zeros({3, 8}), 2));
        QVERIFY_THROWS_EXCEPTION(c10::Error, encodeFp8Queries(at::zeros({1, 3, 8}), 3));
        QVERIFY_THROWS_EXCEPTION(c10::Error,
                                 encodeFp8Queries(at::zeros({1, 3, 8}, at::kLong), 2));
    }
};

QTEST_GUILESS_MAIN(TestQBankCodec)
#include "tst_qbank_codec.moc"
