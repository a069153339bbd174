// The spelled-out attention LibTorch 1.13 needs: computing it in query chunks (to bound the score
// matrix) gives the one-pass result for every row, whatever the chunk size and however the rows
// divide, and the one-pass result is softmax(q kᵀ/√d) v worked out in float64 by hand.
#include "kernels/torch_compat.h"

#include <QtTest>

using namespace mbq;

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

class TestAttentionChunks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void onePassMatchesTheDefinition()
    {
        at::manual_seed(3);
        const at::Tensor q = at::randn({2, 3, 19, 8}), k = at::randn({2, 3, 11, 8});
        const at::Tensor v = at::randn({2, 3, 11, 5});
        const at::Tensor got = compat::attentionInQueryChunks(q, k, v, int64_t(1) << 30);
        QCOMPARE(got.sizes().vec(), std::vector<int64_t>({2, 3, 19, 5}));
        const double error = (got.to(at::kDouble) - attentionByHand(q, k, v)).abs().max()
                                 .item<double>();
        QVERIFY2(error < 1e-5, qPrintable(QString::number(error)));
    }

    void chunksGiveTheOnePassRows_data()
    {
        QTest::addColumn<int64_t>("budget");
        // One query row's scores: 2·3·11 floats = 264 bytes.
        QTest::newRow("one row per chunk") << int64_t(1);
        QTest::newRow("four rows, uneven last chunk") << int64_t(4 * 264);
        QTest::newRow("all but one row") << int64_t(18 * 264);
        QTest::newRow("exactly one pass") << int64_t(19 * 264);
    }

    void chunksGiveTheOnePassRows()
    {
        QFETCH(int64_t, budget);
        at::manual_seed(4);
        const at::Tensor q = at::randn({2, 3, 19, 8}), k = at::randn({2, 3, 11, 8});
        const at::Tensor v = at::randn({2, 3, 11, 5});
        const at::Tensor whole = compat::attentionInQueryChunks(q, k, v, int64_t(1) << 30);
        const at::Tensor chunked = compat::attentionInQueryChunks(q, k, v, budget);
        QCOMPARE(chunked.sizes().vec(), whole.sizes().vec());
        const double error = (chunked - whole).abs().max().item<double>();
        QVERIFY2(error < 1e-6, qPrintable(QString::number(error)));
        // Float64 inputs stay float64 through the chunks.
        const at::Tensor exact = compat::attentionInQueryChunks(
            q.to(at::kDouble), k.to(at::kDouble), v.to(at::kDouble), budget / 2 + 1);
        QCOMPARE(exact.scalar_type(), at::kDouble);
        QVERIFY((exact - attentionByHand(q, k, v)).abs().max().item<double>() < 1e-12);
    }
};

QTEST_GUILESS_MAIN(TestAttentionChunks)
#include "tst_attention_chunks.moc"
