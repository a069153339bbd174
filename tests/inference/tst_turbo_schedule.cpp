// T2V-Turbo-v2's consistency sampler: the LCM timesteps and boundary scalings worked out by hand
// from the official formulas for small cases, the float32 ᾱ against VC2's float64 schedule, the
// step's arithmetic, the facade's JSON-ready numbers, the errors, and everything bit for bit
// against a PyTorch transcription of T2VTurboScheduler (tests/fixtures/turbo_reference.py).

#include "inference/io/tensor_store.h"
#include "inference/sched/consistency_schedule.h"
#include "inference/sched/consistency_step.h"
#include "inference/sched/ddpm_schedule.h"
#include "inference/vc2_tools.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace mbq;
using namespace mbq::sched;

namespace {

std::vector<int64_t> timesteps(int steps, int origin)
{
    auto made = consistencyTimesteps(1000, steps, origin);
    return made ? *made : std::vector<int64_t>();
}

} // namespace

class TestTurboSchedule : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void lcmTimestepsByHand()
    {
        // L = 200: origin = 4, 9, ..., 999 (c = 5); skip = 200 // N.
        using T = std::vector<int64_t>;
        QCOMPARE(timesteps(4, 200), T({999, 749, 499, 249}));
        QCOMPARE(timesteps(8, 200), T({999, 874, 749, 624, 499, 374, 249, 124}));
        // skip 12 (not 12.5): 999 − 60k, the first 16.
        T sixteen;
        for (int k = 0; k < 16; ++k)
            sixteen.push_back(999 - 60 * k);
        QCOMPARE(timesteps(16, 200), sixteen);
        // The pipeline's default L = 50: origin 19, 39, ..., 999 (c = 20), skip 12.
        QCOMPARE(timesteps(4, 50), T({999, 759, 519, 279}));
        QCOMPARE(timesteps(1, 200), T({999}));
        QCOMPARE(timesteps(200, 200).back(), int64_t(4));
        QCOMPARE(timesteps(200, 200).size(), size_t(200));
    }

    void coefficientsByHand()
    {
        auto schedule = makeConsistencySchedule({}, 8);
        QVERIFY(schedule.ok());
        QCOMPARE(schedule->count(), 8);
        QCOMPARE(schedule->trainSteps(), 1000);
        QCOMPARE(schedule->originSteps, 200);
        const std::vector<float> &abar = schedule->alphasCumprod;
        // The float32 scheduler against VC2's float64 DDPM schedule: within 5e-7.
        auto ddpm = makeDdpmSchedule();
        QVERIFY(ddpm.ok());
        double worst = 0.0;
        for (size_t t = 0; t < abar.size(); ++t)
            worst = std::max(worst, std::abs(double(abar[t]) - ddpm->alphasCumprod[t]));
        QVERIFY2(worst < 5e-7 && worst > 0.0, qPrintable(QString::number(worst)));
        QVERIFY(std::abs(abar[0] - 0.99915) < 1e-6);
        QVERIFY(std::abs(abar[999] - 0.0046601) < 1e-6);

        for (int i = 0; i < 8; ++i) {
            const ConsistencyStepCoefficients &c = schedule->steps[size_t(i)];
            // Each step re-noises to the next one's timestep; the last to its own.
            QCOMPARE(c.nextTimestep, i < 7 ? schedule->steps[size_t(i) + 1].timestep : c.timestep);
            QCOMPARE(c.alpha, abar[size_t(c.timestep)]);
            QCOMPARE(c.alphaNext, abar[size_t(c.nextTimestep)]);
            QCOMPARE(c.sqrtAlpha, std::sqrt(c.alpha));
            QCOMPARE(c.sqrtOneMinusAlpha, std::sqrt(1.0f - c.alpha));
            QCOMPARE(c.sqrtOneMinusAlphaNext, std::sqrt(1.0f - c.alphaNext));
            // c_skip = σ²/((t/0.1)² + σ²), c_out = (t/0.1)/√((t/0.1)² + σ²), σ = 0.5.
            const double s = double(c.timestep) * 10.0;
            QVERIFY(std::abs(c.cSkip - 0.25 / (s * s + 0.25)) < 1e-6 * c.cSkip);
            QVERIFY(std::abs(c.cOut - s / std::sqrt(s * s + 0.25)) < 1e-7);
        }
        // t = 999: c_skip = 0.25/99800100.25 = 2.505e-9, c_out = 1 to float precision.
        QVERIFY(std::abs(schedule->steps[0].cSkip - 2.50501e-9) < 1e-13);
        QCOMPARE(schedule->steps[0].cOut, 1.0f);
        // The lowest timestep of the L = 200 grid, t = 4: 0.25/1600.25 and 40/√1600.25.
        auto all = makeConsistencySchedule({}, 200);
        QVERIFY(all.ok());
        const ConsistencyStepCoefficients &low = all->steps.back();
        QCOMPARE(low.timestep, int64_t(4));
        QVERIFY(std::abs(low.cSkip - 1.5622559e-4) < 1e-10);
        QVERIFY(std::abs(low.cOut - 0.99992189) < 1e-7);
    }

    void stepArithmetic()
    {
        ConsistencyStepCoefficients c;
        c.sqrtAlpha = 0.5f;
        c.sqrtOneMinusAlpha = 0.75f;
        c.cSkip = 0.25f;
        c.cOut = 0.5f;
        c.sqrtAlphaNext = 0.8f;
        c.sqrtOneMinusAlphaNext = 0.6f;
        const at::Tensor x = at::tensor({2.0, -1.0}, at::kDouble);
        const at::Tensor eps = at::tensor({1.0, 2.0}, at::kDouble);
        // x0 = (2 − 0.75)/0.5 = 2.5 and (−1 − 1.5)/0.5 = −5; d = 0.5·x0 + 0.25·x.
        const at::Tensor d = consistencyDenoise(c, x, eps);
        QVERIFY(at::allclose(d, at::tensor({1.75, -2.75}, at::kDouble)));
        const at::Tensor next = consistencyRenoise(c, d, at::tensor({1.0f, -1.0f}));
        QCOMPARE(next.scalar_type(), at::kDouble);
        QVERIFY(at::allclose(next, at::tensor({0.8 * 1.75 + 0.6, -0.8 * 2.75 - 0.6}, at::kDouble),
                             1e-7, 1e-7));
        // add_noise: √ᾱ·x0 + √(1−ᾱ)·noise with the scheduler's ᾱ and no VC2 scale.
        auto schedule = makeConsistencySchedule({}, 4);
        const float a = schedule->alphasCumprod[499];
        const at::Tensor noised = consistencyAddNoise(*schedule, 499, x, eps);
        QVERIFY(at::allclose(noised, x * std::sqrt(a) + eps * std::sqrt(1.0f - a)));
    }

    void facadeNumbers()
    {
        auto info = turboSchedule(4);
        QVERIFY(info.ok());
        QCOMPARE(info->timesteps, std::vector<int64_t>({999, 749, 499, 249}));
        QCOMPARE(info->alphasNext.back(), info->alphas.back());
        QVERIFY(info->cOut.front() == 1.0 && info->cSkip.back() > 0.0);
        auto fifty = turboSchedule(4, 50);
        QVERIFY(fifty.ok());
        QCOMPARE(fifty->timesteps, std::vector<int64_t>({999, 759, 519, 279}));
    }

    void errors()
    {
        for (const auto &[steps, origin] :
             {std::pair {0, 200}, {201, 200}, {-3, 200}, {4, 0}, {4, 1001}}) {
            auto made = makeConsistencySchedule({}, steps, origin);
            QVERIFY(!made.ok());
            QCOMPARE(made.error().code, ErrorCode::InvalidArgument);
            QVERIFY(made.error().message.find("T2V-Turbo") != std::string::npos);
        }
        QVERIFY(makeConsistencySchedule({}, 200, 200).ok());
        QVERIFY(!turboSchedule(300).ok());
    }

    void matchesTheOfficialSchedulerBitForBit()
    {
        QTemporaryDir dir;
        const QString out = dir.filePath(QStringLiteral("schedule.safetensors"));
        QProcess python;
        python.start(QStringLiteral(MBQ_FIXTURE_PYTHON),
                     {QStringLiteral(MBQ_FIXTURES_DIR "/turbo_reference.py"),
                      QStringLiteral("schedule"), out});
        QVERIFY(python.waitForFinished(120000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        auto reference = io::TensorStore::open(out.toStdString());
        QVERIFY(reference.ok());
        const auto load = [&](const std::string &name) {
            auto tensor = reference->load(name);
            if (!tensor)
                qFatal("%s", tensor.error().toString().c_str());
            return *tensor;
        };

        auto eight = makeConsistencySchedule({}, 8);
        QVERIFY(eight.ok());
        const at::Tensor abar = load("alphas_cumprod");
        QVERIFY(at::equal(abar, at::tensor(eight->alphasCumprod)));
        for (const auto &[steps, origin] : {std::pair {4, 200}, {8, 200}, {16, 200}, {4, 50}}) {
            auto schedule = makeConsistencySchedule({}, steps, origin);
            QVERIFY(schedule.ok());
            const std::string key = std::to_string(steps) + "_" + std::to_string(origin) + "_";
            std::vector<int64_t> ts;
            std::vector<float> skip, out;
            for (const ConsistencyStepCoefficients &c : schedule->steps) {
                ts.push_back(c.timestep);
                skip.push_back(c.cSkip);
                out.push_back(c.cOut);
            }
            QVERIFY2(at::equal(at::tensor(ts), load(key + "timesteps")), key.c_str());
            QVERIFY2(at::equal(at::tensor(skip), load(key + "c_skip")), key.c_str());
            QVERIFY2(at::equal(at::tensor(out), load(key + "c_out")), key.c_str());
        }

        // Two steps on the same float32 inputs: a middle one and the last (re-noised to its own
        // timestep, although the pipeline decodes the denoised estimate).
        const at::Tensor x = load("x"), eps = load("eps"), noise = load("noise");
        for (int index : {2, 7}) {
            const ConsistencyStepCoefficients &c = eight->steps[size_t(index)];
            const at::Tensor denoised = consistencyDenoise(c, x, eps);
            const at::Tensor prev = consistencyRenoise(c, denoised, noise);
            const std::string i = std::to_string(index);
            QVERIFY2(at::allclose(denoised, load("denoised_" + i), 1e-6, 1e-6), i.c_str());
            QVERIFY2(at::allclose(prev, load("prev_" + i), 1e-6, 1e-6), i.c_str());
        }
        QVERIFY(at::allclose(consistencyAddNoise(*eight, 499, x, noise), load("noised_499"), 1e-6,
                             1e-6));
    }
};

QTEST_GUILESS_MAIN(TestTurboSchedule)
#include "tst_turbo_schedule.moc"
