// Wan's flow-matching schedule and solvers: the official timestep grid (re-derived here with
// numpy from the official formula, and a hand-checked list), UniPC against an independent
// numpy transcription of the official FlowUniPCMultistepScheduler, UniPC order 1 without the
// corrector against Euler, and exactness on straight flows.

#include "inference/sched/flow_schedule.h"
#include "inference/sched/flow_solver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <ATen/ATen.h>

using namespace mbq;
using namespace mbq::sched;

namespace {

// The official grid, re-derived with numpy the way fm_solvers_unipc.py builds it: the
// training sigmas as float32, linspace from their max to their min, the shift, a truncating
// int64 cast of σ·1000 and a float32 copy of σ with a final 0.
const char *kSchedulePy = R"PY(
import json, sys
import numpy as np
n, shift = int(sys.argv[1]), float(sys.argv[2])
train = (1.0 - np.linspace(1, 1 / 1000, 1000)[::-1].copy()).astype(np.float32)
s = np.linspace(float(train[0]), float(train[-1]), n + 1).copy()[:-1]
s = shift * s / (1 + (shift - 1) * s)
t = (s * 1000).astype(np.int64)
sig = np.concatenate([s, [0.0]]).astype(np.float32)
print(json.dumps({"t": [int(v) for v in t], "sigma": [float(v) for v in sig]}))
)PY";

// A transcription of the official UniPC step (bh2, predict_x0, final sigma 0) in numpy float32,
// driven by a fixed non-linear velocity field; prints the final sample.
const char *kUniPCPy = R"PY(
import json, sys
import numpy as np
np.seterr(all="ignore")
n, shift, order, use_corr = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), sys.argv[4] == "1"
f = np.float32
train = (1.0 - np.linspace(1, 1 / 1000, 1000)[::-1].copy()).astype(np.float32)
s = np.linspace(float(train[0]), float(train[-1]), n + 1).copy()[:-1]
s = shift * s / (1 + (shift - 1) * s)
sig = np.concatenate([s, [0.0]]).astype(np.float32)
lam = lambda v: np.log(f(1) - v) - np.log(v)
x = (np.sin(np.arange(48, dtype=np.float32) * f(0.37)) * f(1.5)).astype(np.float32)
model = lambda x, i: (np.tanh(x) * (f(1) + f(0.5) * sig[i]) - f(0.3) * x).astype(np.float32)
outs, last, lower, this_order = [None, None], None, 0, 1
for i in range(n):
    x0 = (x - sig[i] * model(x, i)).astype(np.float32)
    if use_corr and i > 0 and last is not None:
        st, s0 = sig[i], sig[i - 1]
        h = lam(st) - lam(s0); hh = -h; bh = np.expm1(hh); m0 = outs[1]
        base = st / s0 * last - (f(1) - st) * bh * m0
        if this_order == 1:
            x = base - (f(1) - st) * bh * (f(0.5) * (x0 - m0))
        else:
            rk = (lam(sig[i - 2]) - lam(s0)) / h
            d1 = (outs[0] - m0) / rk
            k = bh / hh - f(1); b1 = k / bh; k = k / hh - f(0.5); b2 = k * f(2) / bh
            rho = np.linalg.solve(np.array([[1, 1], [rk, 1]], np.float32), np.array([b1, b2], np.float32))
            x = base - (f(1) - st) * bh * (rho[0] * d1 + rho[1] * (x0 - m0))
        x = x.astype(np.float32)
    outs = [outs[1], x0]
    this_order = min(min(order, n - i), lower + 1)
    last = x
    st, s0 = sig[i + 1], sig[i]
    h = lam(st) - lam(s0); hh = -h; bh = np.expm1(hh)
    base = st / s0 * x - (f(1) - st) * bh * outs[1]
    if this_order == 2:
        rk = (lam(sig[i - 1]) - lam(s0)) / h
        base = base - (f(1) - st) * bh * (f(0.5) * ((outs[0] - outs[1]) / rk))
    x = base.astype(np.float32)
    lower = min(lower + 1, order)
print(json.dumps([float(v) for v in x]))
)PY";

QByteArray runPython(const char *script, const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(MBQ_FIXTURE_PYTHON),
                  QStringList{QStringLiteral("-c"), QString::fromUtf8(script)} + args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning("python failed: %s", process.readAllStandardError().constData());
        return {};
    }
    return process.readAllStandardOutput();
}

at::Tensor startSample()
{
    return at::sin(at::arange(48, at::kFloat) * 0.37f) * 1.5f;
}

at::Tensor toyVelocity(const at::Tensor &x, float sigma)
{
    return at::tanh(x) * (1.0f + 0.5f * sigma) - 0.3f * x;
}

at::Tensor solve(FlowSolver &solver)
{
    at::Tensor x = startSample();
    while (!solver.finished()) {
        const float sigma = solver.schedule().sigmas[size_t(solver.stepIndex())];
        x = solver.step(toyVelocity(x, sigma), x);
    }
    return x;
}

} // namespace

class TestSchedFlow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void officialGridMatchesNumpyExactly_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<double>("shift");
        QTest::newRow("official default 50 @ 5") << 50 << 5.0;
        QTest::newRow("diffusers shift 3") << 30 << 3.0;
        QTest::newRow("no shift") << 20 << 1.0;
        QTest::newRow("one step") << 1 << 5.0;
        QTest::newRow("many steps") << 1000 << 8.0;
    }

    void officialGridMatchesNumpyExactly()
    {
        QFETCH(int, steps);
        QFETCH(double, shift);
        const QByteArray out = runPython(kSchedulePy, {QString::number(steps),
                                                       QString::number(shift, 'g', 17)});
        QVERIFY2(!out.isEmpty(), "python3 with numpy is needed for this test");
        const QJsonObject expected = QJsonDocument::fromJson(out).object();
        auto schedule = officialFlowSchedule(steps, shift);
        QVERIFY(schedule.ok());
        const QJsonArray t = expected[QStringLiteral("t")].toArray();
        const QJsonArray sigma = expected[QStringLiteral("sigma")].toArray();
        QCOMPARE(schedule->steps(), steps);
        QCOMPARE(int(t.size()), steps);
        QCOMPARE(int(schedule->sigmas.size()), steps + 1);
        for (int i = 0; i < steps; ++i)
            QCOMPARE(schedule->timesteps[size_t(i)], int64_t(t[i].toInteger()));
        for (int i = 0; i <= steps; ++i)
            QCOMPARE(schedule->sigmas[size_t(i)], float(sigma[i].toDouble()));
    }

    void officialDefaultGridByHand()
    {
        // The 50-step, shift-5 list worked out by hand from the official formula in the
        // reference notes (shared/reference/wan21.md §4.3).
        const std::vector<int64_t> expected = {
            999, 995, 991, 987, 982, 978, 973, 968, 963, 957, 952, 946, 940, 934, 927, 920, 913,
            906, 898, 890, 882, 873, 863, 854, 843, 833, 821, 809, 796, 783, 768, 753, 737, 720,
            701, 681, 660, 636, 611, 584, 555, 522, 487, 448, 405, 356, 302, 241, 172, 92};
        auto schedule = officialFlowSchedule(50, 5.0);
        QVERIFY(schedule.ok());
        QCOMPARE(schedule->timesteps, expected);
        QVERIFY(qAbs(schedule->sigmas.front() - 0.99980f) < 1e-5f);
        QVERIFY(qAbs(schedule->sigmas[49] - 0.09251f) < 1e-5f);
        QCOMPARE(schedule->sigmas.back(), 0.0f);
    }

    void invalidScheduleArguments()
    {
        QCOMPARE(officialFlowSchedule(0, 5.0).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(officialFlowSchedule(1001, 5.0).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(officialFlowSchedule(10, 0.0).error().code, ErrorCode::InvalidArgument);
        QCOMPARE(officialFlowSchedule(10, -1.0).error().code, ErrorCode::InvalidArgument);
        QVERIFY(!makeFlowSolver(Sampler::DDIM, *officialFlowSchedule(10, 5.0)).ok());
    }

    void uniPCMatchesOfficialTranscription_data()
    {
        QTest::addColumn<int>("steps");
        QTest::addColumn<double>("shift");
        QTest::addColumn<int>("order");
        QTest::addColumn<bool>("corrector");
        QTest::newRow("default 50@5") << 50 << 5.0 << 2 << true;
        QTest::newRow("12@3") << 12 << 3.0 << 2 << true;
        QTest::newRow("order 1 + corrector") << 12 << 5.0 << 1 << true;
        QTest::newRow("order 2, no corrector") << 12 << 5.0 << 2 << false;
        QTest::newRow("two steps") << 2 << 5.0 << 2 << true;
    }

    void uniPCMatchesOfficialTranscription()
    {
        QFETCH(int, steps);
        QFETCH(double, shift);
        QFETCH(int, order);
        QFETCH(bool, corrector);
        const QByteArray out = runPython(kUniPCPy, {QString::number(steps), QString::number(shift),
                                                    QString::number(order),
                                                    corrector ? "1" : "0"});
        QVERIFY2(!out.isEmpty(), "python3 with numpy is needed for this test");
        const QJsonArray values = QJsonDocument::fromJson(out).array();
        QCOMPARE(int(values.size()), 48);
        std::vector<float> expected;
        for (const auto &v : values)
            expected.push_back(float(v.toDouble()));

        UniPCOptions options;
        options.order = order;
        options.corrector = corrector;
        FlowUniPCSolver solver(*officialFlowSchedule(steps, shift), options);
        const at::Tensor result = solve(solver);
        const at::Tensor reference = at::tensor(expected);
        const double diff = (result - reference).abs().max().item<double>();
        QVERIFY2(diff < 2e-5, qPrintable(QStringLiteral("max difference %1").arg(diff)));
        // It is not trivially Euler: the second-order terms change the answer.
        FlowEulerSolver euler(*officialFlowSchedule(steps, shift));
        if (steps > 2)
            QVERIFY((solve(euler) - result).abs().max().item<double>() > 1e-4);
    }

    void uniPCOrderOneIsEuler()
    {
        UniPCOptions options;
        options.order = 1;
        options.corrector = false;
        FlowUniPCSolver unipc(*officialFlowSchedule(20, 5.0), options);
        FlowEulerSolver euler(*officialFlowSchedule(20, 5.0));
        at::Tensor a = startSample(), b = startSample();
        for (int i = 0; i < 20; ++i) {
            const float sigma = euler.schedule().sigmas[size_t(i)];
            a = unipc.step(toyVelocity(a, sigma), a);
            b = euler.step(toyVelocity(b, sigma), b);
            // Same update up to float32 rounding of the two algebraic forms, step after step.
            QVERIFY2(at::allclose(a, b, 1e-5, 1e-6), qPrintable(QString::number(i)));
        }
        QVERIFY(unipc.finished() && euler.finished());
    }

    void straightFlowIsSolvedExactly()
    {
        // x_σ = (1 − σ)·x0 + σ·ε has the constant velocity ε − x0: every solver lands on x0.
        const at::Tensor x0 = at::linspace(-1, 1, 32);
        const at::Tensor eps = at::cos(at::arange(32, at::kFloat));
        for (Sampler sampler : {Sampler::UniPC, Sampler::Euler}) {
            auto solver = makeFlowSolver(sampler, *officialFlowSchedule(10, 5.0));
            QVERIFY(solver.ok());
            const float sigma0 = (*solver)->schedule().sigmas.front();
            at::Tensor x = (1 - sigma0) * x0 + sigma0 * eps;
            while (!(*solver)->finished())
                x = (*solver)->step(eps - x0, x);
            QVERIFY(at::allclose(x, x0, 1e-5, 1e-5));
        }
    }
};

QTEST_APPLESS_MAIN(TestSchedFlow)
#include "tst_sched_flow.moc"
