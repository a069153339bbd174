// The metrics against clips with known ground truth, drawn by the synthetic generator and
// passed through our own encoder and decoder as real renders would be:
//   same motion, different look      -> high fidelity, no leak
//   different motion, same look      -> low fidelity, clear leak
// "Low" fidelity is relative: best-match scores of unrelated motion sit well above -1 (a
// track can always find a partly similar one), around 0.5 here against 0.9+ for kept motion.
//   identical clips                  -> fidelity 1
//   growing trajectory perturbation  -> fidelity falls monotonically
// plus temporal consistency (smooth vs flickering) and bit-identical results across runs and
// thread counts.

#include "core/media/decode.h"
#include "core/media/video_writer.h"
#include "core/metrics/clip_metrics.h"
#include "core/metrics/metrics_threads.h"
#include "tests/core/helpers/synthetic_clip.h"

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace mbq;
using test::Look;

namespace {

constexpr int kWidth = 192;
constexpr int kHeight = 128;
constexpr int kFrames = 25;

// Encodes with our H.264 writer and decodes again, as an exported render would arrive.
VideoFrames throughCodec(const VideoFrames &clip)
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("clip.mp4"));
    EncodeOptions options;
    options.preset = QStringLiteral("veryfast");
    if (!encodeVideo(clip, path, options).ok())
        return {};
    auto decoded = decodeVideo(path);
    return decoded.ok() ? std::move(decoded->frames) : VideoFrames{};
}

VideoFrames clip(const Look &look, const test::Motion &motion)
{
    return throughCodec(test::renderClip(kWidth, kHeight, 16.0, look, motion));
}

test::Motion standard()
{
    return test::standardMotion(kFrames, kWidth, kHeight);
}

test::Motion other()
{
    return test::otherMotion(kFrames, kWidth, kHeight);
}

test::Motion perturbedStandard(double amplitude)
{
    test::Motion m = standard();
    for (size_t i = 0; i < m.paths.size(); ++i)
        m.paths[i] = test::perturbed(m.paths[i], amplitude, 11 + uint32_t(i));
    return m;
}

} // namespace

class TestMetricsValidation : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void sameMotionDifferentLook();
    void differentMotionSameLook();
    void identicalClips();
    void fidelityFallsWithPerturbation();
    void temporalConsistencySeesFlicker();
    void deterministicAcrossRunsAndThreads();
    void rejectsTooShortClips();

private:
    VideoFrames m_source;   // warm look, standard motion
    VideoFrames m_baseline; // cool look, other motion: the target prompt without injection
};

void TestMetricsValidation::initTestCase()
{
    m_source = clip(Look::warm(), standard());
    m_baseline = clip(Look::cool(), other());
    QCOMPARE(m_source.count, kFrames);
    QCOMPARE(m_baseline.count, kFrames);
}

void TestMetricsValidation::sameMotionDifferentLook()
{
    const VideoFrames output = clip(Look::cool(), standard());
    const auto report = computeMetrics(m_source, output, &m_baseline);
    QVERIFY(report.ok());
    qInfo("fidelity %.3f (baseline %.3f), leak %.3f (S out %.3f, S base %.3f)",
          report->fidelity.score, report->baselineFidelity->score, report->leak.leak,
          report->leak.outputSimilarity, report->leak.baselineSimilarity);
    QVERIFY(report->fidelity.defined);
    QVERIFY(report->fidelity.score > 0.9);
    QVERIFY(report->baselineFidelity->score < 0.6);
    QVERIFY(std::abs(report->leak.leak) < 0.05);
    QCOMPARE(report->fidelity.perStep.size(), size_t(kFrames - 1));
    QCOMPARE(report->leak.perFrame.size(), size_t(kFrames));
}

void TestMetricsValidation::differentMotionSameLook()
{
    const VideoFrames output = clip(Look::warm(), other());
    const auto report = computeMetrics(m_source, output, &m_baseline);
    QVERIFY(report.ok());
    qInfo("fidelity %.3f, leak %.3f (S out %.3f, S base %.3f)", report->fidelity.score,
          report->leak.leak, report->leak.outputSimilarity, report->leak.baselineSimilarity);
    QVERIFY(report->fidelity.score < 0.6);
    QVERIFY(report->leak.leak > 0.2);
    for (double v : report->leak.perFrame)
        QVERIFY(v > 0.1);
}

void TestMetricsValidation::identicalClips()
{
    const auto report = computeMetrics(m_source, m_source);
    QVERIFY(report.ok());
    QVERIFY(report->fidelity.score > 0.999);
    QVERIFY(report->fidelity.sourceMoving > 10);
    QCOMPARE(report->leak.outputSimilarity, 1.0);
    QVERIFY(!report->leak.hasBaseline);
}

void TestMetricsValidation::fidelityFallsWithPerturbation()
{
    double previous = 2.0;
    QString scores;
    for (double amplitude : {0.0, 2.0, 5.0, 10.0, 20.0}) {
        const VideoFrames output = clip(Look::cool(), perturbedStandard(amplitude));
        const double score = motionFidelity(m_source, output).score;
        scores += QStringLiteral(" %1:%2").arg(amplitude).arg(score, 0, 'f', 3);
        QVERIFY2(score < previous, qPrintable(scores));
        previous = score;
    }
    qInfo("fidelity by perturbation amplitude:%s", qPrintable(scores));
}

void TestMetricsValidation::temporalConsistencySeesFlicker()
{
    VideoFrames flicker = m_source;
    QRandomGenerator random(5);
    for (int f = 0; f < flicker.count; ++f) {
        const int shift = int(random.bounded(41)) - 20;
        uint8_t *p = flicker.frame(f);
        for (size_t i = 0; i < flicker.frameBytes(); ++i)
            p[i] = uint8_t(std::clamp(int(p[i]) + shift, 0, 255));
    }
    const TemporalConsistency smooth = temporalConsistency(m_source);
    const TemporalConsistency flickering = temporalConsistency(flicker);
    qInfo("warp error smooth %.4f (valid %.2f), flicker %.4f", smooth.warpError,
          smooth.validFraction, flickering.warpError);
    QVERIFY(smooth.defined);
    QVERIFY(smooth.warpError < 0.03);
    QVERIFY(smooth.validFraction > 0.8);
    QVERIFY(flickering.warpError > 2.0 * smooth.warpError);
    QCOMPARE(smooth.perStep.size(), size_t(kFrames - 1));
}

void TestMetricsValidation::deterministicAcrossRunsAndThreads()
{
    const VideoFrames output = clip(Look::cool(), perturbedStandard(3.0));
    const auto json = [&] {
        return QJsonDocument(computeMetrics(m_source, output, &m_baseline)->toJson()).toJson();
    };
    const QByteArray first = json();
    QCOMPARE(json(), first);
    const int threads = metricsThreadCount();
    setMetricsThreadCount(1);
    const QByteArray single = json();
    setMetricsThreadCount(threads);
    QCOMPARE(single, first);
}

void TestMetricsValidation::rejectsTooShortClips()
{
    VideoFrames one = m_source;
    one.count = 1;
    const auto report = computeMetrics(one, m_source);
    QVERIFY(!report.ok());
    QCOMPARE(report.error().code, ErrorCode::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestMetricsValidation)
#include "tst_metrics_validation.moc"
