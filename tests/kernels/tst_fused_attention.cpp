// The fused attention every model calls (at::scaled_dot_product_attention: LibTorch's flash
// kernel on the CPU) is softmax(q kᵀ/√d) v, worked out in float64 by hand, to within each
// dtype's rounding: float64 inputs stay exact, so the float64 conformance runs keep their meaning.
#include <ATen/ATen.h>

#include <QtTest>

namespace {

// softmax(q kᵀ/√d) v for [B, H, L, D] inputs, one query row at a time, in float64 loops.
at::Tensor attentionByHand(const at::Tensor &q, const at::Tensor &k, const at::Tensor &v)
{
    const at::Tensor q64 = q.to(at::kDouble), k64 = k.to(at::kDouble), v64 = v.to(at::kDouble);
    const int64_t b = q.size(0), h = q.size(1), lq = q.size(2), lk = k.size(2), d = q.size(3);
    at::Tensor out = at::zeros({b, h, lq, v.size(3)}, at::kDouble);
    auto qa = q64.accessor<double, 4>(), ka = k64.accessor<double, 4>();
    auto va = v64.accessor<double, 4>();
    auto oa = out.accessor<double, 4>();
    for (int64_t bi = 0; bi < b; ++bi) {
        for (int64_t hi = 0; hi < h; ++hi) {
            for (int64_t i = 0; i < lq; ++i) {
                std::vector<double> score(size_t(lk), 0.0);
                double top = -1e300;
                for (int64_t j = 0; j < lk; ++j) {
                    for (int64_t c = 0; c < d; ++c)
                        score[size_t(j)] += qa[bi][hi][i][c] * ka[bi][hi][j][c];
                    score[size_t(j)] /= std::sqrt(double(d));
                    top = std::max(top, score[size_t(j)]);
                }
                double sum = 0.0;
                for (double &s : score)
                    sum += (s = std::exp(s - top));
                for (int64_t j = 0; j < lk; ++j) {
                    for (int64_t c = 0; c < v.size(3); ++c)
                        oa[bi][hi][i][c] += score[size_t(j)] / sum * va[bi][hi][j][c];
                }
            }
        }
    }
    return out;
}

} // namespace

class TestFusedAttention : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void matchesTheDefinition_data()
    {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("float64") << int(at::kDouble) << 1e-12;
        QTest::newRow("float32") << int(at::kFloat) << 1e-5;
        // bf16 keeps 8 mantissa bits: outputs of order 1 round at about 2^-8.
        QTest::newRow("bfloat16") << int(at::kBFloat16) << 3e-2;
    }

    void matchesTheDefinition()
    {
        QFETCH(int, dtype);
        QFETCH(double, tolerance);
        const auto type = at::ScalarType(dtype);
        at::manual_seed(3);
        // Uneven lengths, a key length past one flash block, and v wider than q.
        const at::Tensor q = at::randn({2, 3, 19, 8}), k = at::randn({2, 3, 301, 8});
        const at::Tensor v = at::randn({2, 3, 301, 5});
        const at::Tensor got = at::scaled_dot_product_attention(q.to(type), k.to(type), v.to(type));
        QCOMPARE(got.scalar_type(), type);
        QCOMPARE(got.sizes().vec(), std::vector<int64_t>({2, 3, 19, 5}));
        const double error
            = (got.to(at::kDouble) - attentionByHand(q.to(type), k.to(type), v.to(type)))
                  .abs()
                  .max()
                  .item<double>();
        QVERIFY2(error < tolerance, qPrintable(QString::number(error)));
    }

    void longSequencesStayExact()
    {
        // Wan's token counts: the fused kernel walks the keys in blocks with a running softmax;
        // every query row must still see every key.
        at::manual_seed(4);
        const at::Tensor q = at::randn({1, 2, 64, 16}, at::kDouble);
        const at::Tensor k = at::randn({1, 2, 4099, 16}, at::kDouble) * 3;
        const at::Tensor v = at::randn({1, 2, 4099, 16}, at::kDouble);
        const at::Tensor got = at::scaled_dot_product_attention(q, k, v);
        QVERIFY((got - attentionByHand(q, k, v)).abs().max().item<double>() < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestFusedAttention)
#include "tst_fused_attention.moc"
