// VC2's DDPM schedule and DDIM sampler: ᾱ, the 50-step grid and its coefficients against an
// independent float64 recomputation and the values measured from the official code (shared
// reference note, §4 and §9), the scale_arr correction, the step, its inverse and forward
// noising on small tensors, and the bad-input errors.

#include "inference/sched/ddim_schedule.h"
#include "inference/sched/ddim_step.h"
#include "inference/sched/ddpm_schedule.h"

#include <QTest>

#include <ATen/ATen.h>

#include <cmath>

using namespace mbq;
using namespace mbq::sched;

namespace {

// ᾱ_t from the scaled-linear formula, written out independently of the code under test.
std::vector<double> independentAlphaBar()
{
    std::vector<double> abar;
    double product = 1.0;
    const double a = std::sqrt(0.00085), b = std::sqrt(0.012);
    for (int i = 0; i < 1000; ++i) {
        const double root = a + (b - a) * i / 999.0;
        product *= 1.0 - root * root;
        abar.push_back(product);
    }
    return abar;
}

double scaleOf(int t)
{
    return t < 400 ? 1.0 - 0.3 * t / 399.0 : 0.7;
}

} // namespace

class TestDdim : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void alphaBarMatchesFormulaAndOfficialValues()
    {
        auto ddpm = makeDdpmSchedule();
        QVERIFY(ddpm.ok());
        QCOMPARE(ddpm->timesteps(), 1000);
        const std::vector<double> abar = independentAlphaBar();
        for (int t : {0, 1, 20, 500, 980, 999})
            QVERIFY2(std::abs(ddpm->alphasCumprod[size_t(t)] - abar[size_t(t)]) < 1e-13,
                     qPrintable(QString::number(t)));
        // Measured from the official register_schedule (float32 buffer).
        QCOMPARE(ddpm->alphasCumprodF32[0], 0.99915f);
        QVERIFY(std::abs(ddpm->alphasCumprodF32[20] - 0.981314) < 5e-7);
        QVERIFY(std::abs(ddpm->alphasCumprodF32[500] - 0.276333) < 5e-7);
        QVERIFY(std::abs(ddpm->alphasCumprodF32[999] - 0.004660098) < 1e-9);
        QVERIFY(std::abs(ddpm->betas[999] - 0.012) < 1e-15);
    }

    void scaleArrIsTheOfficialRamp()
    {
        auto ddpm = makeDdpmSchedule();
        QVERIFY(ddpm.ok());
        QCOMPARE(ddpm->scaleArr.size(), size_t(1400)); // fix_scale_bug off: 400 + 1000
        QCOMPARE(ddpm->scaleArr[0], 1.0f);
        for (int t : {1, 21, 200, 381, 399, 400, 999})
            QCOMPARE(ddpm->scaleArr[size_t(t)], float(scaleOf(t)));
        QVERIFY(std::abs(ddpm->scale(1) - 0.99924812) < 1e-7);
        QVERIFY(std::abs(ddpm->scale(381) - 0.71353383) < 1e-7);

        DdpmScheduleConfig plain;
        plain.useScale = false;
        auto unscaled = makeDdpmSchedule(plain);
        QVERIFY(unscaled.ok());
        QVERIFY(unscaled->scaleArr.empty());
        QCOMPARE(unscaled->scale(500), 1.0f);
    }

    void fiftyStepGridAndCoefficients()
    {
        auto ddpm = makeDdpmSchedule();
        auto ddim = makeDdimSchedule(*ddpm, 50, 1.0);
        QVERIFY(ddim.ok());
        QCOMPARE(ddim->count(), 50);
        const std::vector<double> abar = independentAlphaBar();
        for (int k = 0; k < 50; ++k) {
            const DdimStepCoefficients &c = ddim->steps[size_t(k)];
            const int t = 981 - 20 * k;
            const int prev = k == 49 ? 0 : t - 20;
            QCOMPARE(c.timestep, int64_t(t));
            QCOMPARE(c.alpha, float(abar[size_t(t)]));
            QCOMPARE(c.alphaPrev, float(abar[size_t(prev)]));
            const double a = float(abar[size_t(t)]), ap = float(abar[size_t(prev)]);
            const double sigma = std::sqrt((1 - ap) / (1 - a) * (1 - a / ap));
            QVERIFY2(std::abs(c.sigma - sigma) < 1e-7, qPrintable(QString::number(k)));
            QCOMPARE(c.scale, float(scaleOf(t)));
            QCOMPARE(c.scalePrev, float(scaleOf(prev)));
            QVERIFY(std::abs(c.dirCoef - std::sqrt(1 - ap - sigma * sigma)) < 1e-6);
            QVERIFY(std::abs(c.x0Coef - std::sqrt(ap) * scaleOf(prev)) < 1e-6);
        }
        // The reference table measured from the official sampler.
        QVERIFY(std::abs(ddim->steps[0].sigma - 0.45446) < 1e-5);
        QVERIFY(std::abs(ddim->steps[1].sigma - 0.44828) < 1e-5);
        QVERIFY(std::abs(ddim->steps[29].sigma - 0.25902) < 1e-5);
        QVERIFY(std::abs(ddim->steps[49].sigma - 0.02065) < 1e-5);
        QVERIFY(std::abs(ddim->steps[0].alpha - 0.005776) < 5e-7);
        QVERIFY(std::abs(ddim->steps[49].alphaPrev - 0.99915) < 1e-7);
        // The correction starts where s_prev leaves 0.7: t = 401 lands on 381.
        QCOMPARE(ddim->steps[28].scalePrev, 0.7f);
        QVERIFY(std::abs(ddim->steps[29].scalePrev - 0.71353) < 1e-5);
    }

    void etaZeroIsDeterministicAndOddCountsAddSteps()
    {
        auto ddpm = makeDdpmSchedule();
        auto ddim = makeDdimSchedule(*ddpm, 50, 0.0);
        QVERIFY(ddim.ok());
        for (const DdimStepCoefficients &c : ddim->steps)
            QCOMPARE(c.sigma, 0.0f);
        // 1000 // 30 = 33: 0, 33, ..., 990 plus one, i.e. 31 steps as the official code.
        auto thirty = makeDdimSchedule(*ddpm, 30, 1.0);
        QVERIFY(thirty.ok());
        QCOMPARE(thirty->count(), 31);
        QCOMPARE(thirty->steps.front().timestep, int64_t(991));
        QCOMPARE(thirty->steps.back().timestep, int64_t(1));
    }

    void badArgumentsAreErrors()
    {
        auto ddpm = makeDdpmSchedule();
        for (int steps : {0, -3, 1001, 600}) {
            auto ddim = makeDdimSchedule(*ddpm, steps, 1.0);
            QVERIFY2(!ddim.ok(), qPrintable(QString::number(steps)));
            QCOMPARE(ddim.error().code, ErrorCode::InvalidArgument);
        }
        QVERIFY(!makeDdimSchedule(*ddpm, 50, -0.5).ok());
        QVERIFY(!makeDdimSchedule(*ddpm, 50, std::nan("")).ok());
        DdpmScheduleConfig bad;
        bad.linearEnd = 1.5;
        QVERIFY(!makeDdpmSchedule(bad).ok());
        bad = {};
        bad.timesteps = 1;
        QVERIFY(!makeDdpmSchedule(bad).ok());
    }

    void stepFollowsTheOfficialFormula()
    {
        auto ddpm = makeDdpmSchedule();
        auto ddim = makeDdimSchedule(*ddpm, 50, 1.0);
        const DdimStepCoefficients &c = ddim->steps[35]; // t = 281: s = 0.7887, s_prev = 0.8038
        const at::Tensor x = at::tensor({0.3, -1.2, 2.0}, at::kDouble);
        const at::Tensor eps = at::tensor({0.5, 0.1, -0.7}, at::kDouble);
        const at::Tensor noise = at::tensor({1.0, -2.0, 0.25}, at::kDouble);
        const at::Tensor out = ddimStep(c, x, eps, noise);
        for (int i = 0; i < 3; ++i) {
            const double xi = x[i].item<double>(), ei = eps[i].item<double>();
            const double x0
                = (xi - std::sqrt(1.0 - c.alpha) * ei) / std::sqrt(c.alpha) / scaleOf(281);
            const double expected = std::sqrt(c.alphaPrev) * scaleOf(261) * x0
                + std::sqrt(1.0 - c.alphaPrev - double(c.sigma) * c.sigma) * ei
                + c.sigma * noise[i].item<double>();
            QVERIFY2(std::abs(out[i].item<double>() - expected) < 1e-6,
                     qPrintable(QString::number(i)));
        }
        // The noise term is σ·z exactly.
        const at::Tensor difference = ddimStep(c, x, eps, noise) - ddimStep(c, x, eps, -noise);
        QVERIFY(at::allclose(difference, noise * (2.0 * c.sigma), 0, 1e-12));
    }

    void inversionUndoesTheDeterministicStep()
    {
        auto ddpm = makeDdpmSchedule();
        auto ddim = makeDdimSchedule(*ddpm, 50, 0.0);
        const at::Tensor x = at::randn({2, 4, 3, 5}, at::kDouble);
        const at::Tensor eps = at::randn({2, 4, 3, 5}, at::kDouble);
        for (int k : {0, 25, 30, 49}) {
            const DdimStepCoefficients &c = ddim->steps[size_t(k)];
            const at::Tensor noisier = ddimInvertStep(c, x, eps);
            QVERIFY(!at::allclose(noisier, x));
            QVERIFY2(at::allclose(ddimStep(c, noisier, eps, at::Tensor()), x, 1e-9, 1e-9),
                     qPrintable(QString::number(k)));
        }
    }

    void qSampleAppliesTheScale()
    {
        auto ddpm = makeDdpmSchedule();
        const std::vector<double> abar = independentAlphaBar();
        const at::Tensor x0 = at::tensor({1.0, -0.5}, at::kDouble);
        const at::Tensor noise = at::tensor({0.2, 0.4}, at::kDouble);
        for (int t : {0, 200, 500, 981}) {
            const at::Tensor xt = qSample(*ddpm, t, x0, noise);
            for (int i = 0; i < 2; ++i) {
                const double expected
                    = std::sqrt(abar[size_t(t)]) * scaleOf(t) * x0[i].item<double>()
                    + std::sqrt(1 - abar[size_t(t)]) * noise[i].item<double>();
                QVERIFY2(std::abs(xt[i].item<double>() - expected) < 1e-6,
                         qPrintable(QString::number(t)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestDdim)
#include "tst_ddim.moc"
