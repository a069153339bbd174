// The OpenCLIP text tower on the tiny VC2 model: shapes, causality (a token never sees later
// tokens), the penultimate-layer choice, batch independence, float32 vs float64, and bad ids.

#include "inference/text/clip_text_encoder.h"
#include "inference/videocrafter/tiny_vc2.h"
#include "inference/videocrafter/vc2_checkpoint.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mbq;
using namespace mbq::vc2;

class TestClipText : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    text::ClipTextEncoder load(at::ScalarType dtype, int64_t skipLayers = 1)
    {
        Vc2Config config = TinyVc2Options::tinyVc2Config();
        config.text.skipLayers = skipLayers;
        auto checkpoint = Vc2Checkpoint::open(m_dir.path().toStdString() + "/model.ckpt", config);
        if (!checkpoint)
            qFatal("%s", checkpoint.error().toString().c_str());
        auto weights
            = checkpoint->loadPart(kTextPrefix, clipTextTensorShapes(config.text), dtype, at::kCPU);
        if (!weights)
            qFatal("%s", weights.error().toString().c_str());
        return text::ClipTextEncoder(config.text, std::move(*weights));
    }

    static at::Tensor ids(std::vector<int64_t> head)
    {
        head.resize(77, 0);
        return at::tensor(head, at::kLong);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(writeTinyVc2(m_dir.path().toStdString(), {}).ok()); }

    void causalPenultimateOutput()
    {
        const text::ClipTextEncoder encoder = load(at::kFloat);
        const at::Tensor a = *encoder.encode(ids({523, 515, 517, 524}));
        QCOMPARE(a.sizes(), at::IntArrayRef({1, 77, 32}));
        QCOMPARE(a.scalar_type(), at::kFloat);
        // Changing token 2 leaves positions 0 and 1 as they were, and moves the rest.
        const at::Tensor b = *encoder.encode(ids({523, 515, 100, 524}));
        QVERIFY(at::equal(a.narrow(1, 0, 2), b.narrow(1, 0, 2)));
        QVERIFY(!at::allclose(a.narrow(1, 2, 1), b.narrow(1, 2, 1)));
        QVERIFY(!at::allclose(a.narrow(1, 40, 1), b.narrow(1, 40, 1)));
        // "penultimate": the last block is skipped; running it changes the output.
        const at::Tensor full = *load(at::kFloat, 0).encode(ids({523, 515, 517, 524}));
        QVERIFY(!at::allclose(full, a));
        // Rows of a batch are independent.
        const at::Tensor both
            = *encoder.encode(at::stack({ids({523, 515, 100, 524}), ids({523, 515, 517, 524})}));
        QVERIFY(at::allclose(both[1], a[0], 1e-6, 1e-6));
    }

    void float32AgreesWithFloat64()
    {
        const at::Tensor tokens = ids({523, 513, 515, 521, 517, 524});
        const at::Tensor y64 = *load(at::kDouble).encode(tokens);
        const at::Tensor y32 = *load(at::kFloat).encode(tokens);
        QCOMPARE(y64.scalar_type(), at::kDouble);
        QVERIFY(at::allclose(y32.to(at::kDouble), y64, 1e-4, 1e-5));
    }

    void badIdsAreErrors()
    {
        const text::ClipTextEncoder encoder = load(at::kFloat);
        QVERIFY(!encoder.encode(at::zeros({76}, at::kLong)).ok());
        QVERIFY(!encoder.encode(at::zeros({77}, at::kFloat)).ok());
        QVERIFY(!encoder.encode(ids({525})).ok()); // vocabulary is 525
        QVERIFY(!encoder.encode(ids({-1})).ok());
        auto error = encoder.encode(at::Tensor());
        QVERIFY(!error.ok());
        QCOMPARE(error.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestClipText)
#include "tst_clip_text.moc"
