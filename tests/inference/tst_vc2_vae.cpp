// The VC2 (SD kl-f8) VAE on the tiny model: shapes, the latent scale, batching frames gives
// the per-frame numbers, float32 vs float64, determinism, and bad inputs.

#include "inference/videocrafter/tiny_vc2.h"
#include "inference/videocrafter/vae.h"

#include <QTemporaryDir>
#include <QTest>

using namespace mbq;
using namespace mbq::vc2;

class TestVc2Vae : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<Vc2Vae> m_vae32;
    std::unique_ptr<Vc2Vae> m_vae64;

    std::unique_ptr<Vc2Vae> load(const Vc2Config &config, at::ScalarType dtype)
    {
        auto checkpoint = Vc2Checkpoint::open(m_dir.path().toStdString() + "/model.ckpt", config);
        if (!checkpoint)
            qFatal("%s", checkpoint.error().toString().c_str());
        auto vae = Vc2Vae::load(*checkpoint, config.vae, {at::kCPU, dtype});
        if (!vae)
            qFatal("%s", vae.error().toString().c_str());
        return std::move(*vae);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(writeTinyVc2(m_dir.path().toStdString(), {}).ok());
        m_vae32 = load(TinyVc2Options::tinyVc2Config(), at::kFloat);
        m_vae64 = load(TinyVc2Options::tinyVc2Config(), at::kDouble);
    }

    void shapesAndFrameBatching()
    {
        at::manual_seed(1);
        const at::Tensor video = at::rand({2, 3, 3, 16, 12}) * 2 - 1;
        auto latent = m_vae32->encode(video, 1);
        QVERIFY(latent.ok());
        QCOMPARE(latent->sizes(), at::IntArrayRef({2, 4, 3, 8, 6})); // tiny factor 2
        auto batched = m_vae32->encode(video, 4);
        QVERIFY(batched.ok());
        QVERIFY(at::allclose(*batched, *latent, 1e-5, 1e-6));
        QVERIFY(at::equal(*m_vae32->encode(video, 1), *latent));

        auto decoded = m_vae32->decode(*latent, 1);
        QVERIFY(decoded.ok());
        QCOMPARE(decoded->sizes(), at::IntArrayRef({2, 3, 3, 16, 12}));
        auto decodedBatched = m_vae32->decode(*latent, 6);
        QVERIFY(decodedBatched.ok());
        const double scale = decoded->abs().max().item<double>();
        const double error = (*decodedBatched - *decoded).abs().max().item<double>();
        QVERIFY2(error < 1e-5 * scale, qPrintable(QString("%1 of %2").arg(error).arg(scale)));
        // Frame k of the output depends on frame k of the input only.
        at::Tensor changed = latent->clone();
        changed.select(2, 1).add_(1.0);
        const at::Tensor other = *m_vae32->decode(changed, 1);
        QVERIFY(at::equal(other.select(2, 0), decoded->select(2, 0)));
        QVERIFY(!at::allclose(other.select(2, 1), decoded->select(2, 1)));
    }

    void scaleFactorScalesTheLatent()
    {
        Vc2Config doubled = TinyVc2Options::tinyVc2Config();
        doubled.vae.scaleFactor *= 2;
        const auto vae = load(doubled, at::kFloat);
        at::manual_seed(2);
        const at::Tensor video = at::rand({1, 3, 2, 8, 8}) * 2 - 1;
        const at::Tensor z = *m_vae32->encode(video);
        QVERIFY(at::allclose(*vae->encode(video), z * 2, 1e-5, 1e-6));
        QVERIFY(at::allclose(*vae->decode(z * 2), *m_vae32->decode(z), 1e-5, 1e-5));
    }

    void float32AgreesWithFloat64()
    {
        at::manual_seed(3);
        const at::Tensor video = at::rand({1, 3, 2, 8, 8}, at::kDouble) * 2 - 1;
        const at::Tensor z64 = *m_vae64->encode(video);
        const at::Tensor z32 = *m_vae32->encode(video.to(at::kFloat));
        QCOMPARE(z64.scalar_type(), at::kDouble);
        QVERIFY(at::allclose(z32.to(at::kDouble), z64, 1e-4, 1e-5));
        const at::Tensor x64 = *m_vae64->decode(z64);
        const at::Tensor x32 = *m_vae32->decode(z64.to(at::kFloat));
        QVERIFY(at::allclose(x32.to(at::kDouble), x64, 1e-4, 1e-5));
    }

    void badInputsAreErrors()
    {
        QVERIFY(!m_vae32->encode(at::rand({1, 3, 2, 7, 8})).ok()); // odd height
        QVERIFY(!m_vae32->encode(at::rand({1, 4, 2, 8, 8})).ok()); // channels
        QVERIFY(!m_vae32->encode(at::rand({3, 8, 8})).ok());
        QVERIFY(!m_vae32->decode(at::rand({1, 3, 2, 4, 4})).ok()); // latent channels
        auto error = m_vae32->decode(at::Tensor());
        QVERIFY(!error.ok());
        QCOMPARE(error.error().code, ErrorCode::InvalidArgument);
    }
};

QTEST_GUILESS_MAIN(TestVc2Vae)
#include "tst_vc2_vae.moc"
