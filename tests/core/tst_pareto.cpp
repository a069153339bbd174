// The Pareto front of the trade-off plot: hand-checked small cases (ties, copies, NaN) and a
// brute-force comparison on random point sets.

#include "core/metrics/pareto.h"

#include <QRandomGenerator>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>

using namespace mbq;

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

bool dominates(const LeakFidelity &a, const LeakFidelity &b)
{
    return a.leak <= b.leak && a.fidelity >= b.fidelity
        && (a.leak < b.leak || a.fidelity > b.fidelity);
}

// The definition, checked pair by pair.
QVector<int> bruteForceFront(const QVector<LeakFidelity> &points)
{
    QVector<int> front;
    for (int i = 0; i < points.size(); ++i) {
        if (!std::isfinite(points[i].leak) || !std::isfinite(points[i].fidelity))
            continue;
        bool dominated = false;
        for (int j = 0; j < points.size() && !dominated; ++j) {
            dominated = j != i && std::isfinite(points[j].leak) && std::isfinite(points[j].fidelity)
                && dominates(points[j], points[i]);
        }
        if (!dominated)
            front.append(i);
    }
    return front;
}

QVector<int> sorted(QVector<int> v)
{
    std::sort(v.begin(), v.end());
    return v;
}

} // namespace

class TestPareto : public QObject
{
    Q_OBJECT

private slots:
    void empty();
    void handCase();
    void tiesAndCopies();
    void skipsNonFinite();
    void matchesBruteForce();
};

void TestPareto::empty()
{
    QVERIFY(paretoFront({}).isEmpty());
    QCOMPARE(paretoFront({{0.3, 0.5}}), QVector<int> {0});
}

void TestPareto::handCase()
{
    const QVector<LeakFidelity> points = {
        {0.30, 0.90}, // 0: front (best fidelity)
        {0.10, 0.40}, // 1: front (least leak)
        {0.20, 0.70}, // 2: front
        {0.25, 0.60}, // 3: dominated by 2
        {0.40, 0.85}, // 4: dominated by 0
        {0.15, 0.40}, // 5: dominated by 1 (same fidelity, more leak)
    };
    // In order of increasing leak.
    QCOMPARE(paretoFront(points), (QVector<int> {1, 2, 0}));
}

void TestPareto::tiesAndCopies()
{
    const QVector<LeakFidelity> points = {
        {0.2, 0.5}, // 0: front
        {0.2, 0.3}, // 1: same leak, less fidelity: dominated by 0
        {0.2, 0.5}, // 2: a copy of 0: also on the front
        {0.5, 0.9}, // 3: front
        {0.6, 0.9}, // 4: same fidelity, more leak: dominated by 3
    };
    QCOMPARE(sorted(paretoFront(points)), (QVector<int> {0, 2, 3}));
}

void TestPareto::skipsNonFinite()
{
    const QVector<LeakFidelity> points = {
        {kNaN, 1.0},
        {0.0, kNaN},
        {0.5, 0.5},
        {std::numeric_limits<double>::infinity(), 2.0},
        {-std::numeric_limits<double>::infinity(), 0.1},
    };
    QCOMPARE(paretoFront(points), QVector<int> {2});
}

void TestPareto::matchesBruteForce()
{
    QRandomGenerator random(7);
    for (int round = 0; round < 200; ++round) {
        const int n = int(random.bounded(40));
        QVector<LeakFidelity> points;
        for (int i = 0; i < n; ++i) {
            // Coarse values make ties and copies common.
            points.append({random.bounded(6) / 5.0, random.bounded(6) / 5.0});
            if (random.bounded(10) == 0)
                points.last().fidelity = kNaN;
        }
        const QVector<int> front = paretoFront(points);
        QCOMPARE(sorted(front), bruteForceFront(points));
        for (int i = 1; i < front.size(); ++i) {
            QVERIFY(points[front[i - 1]].leak <= points[front[i]].leak);
            QVERIFY(points[front[i - 1]].fidelity <= points[front[i]].fidelity);
        }
    }
}

QTEST_GUILESS_MAIN(TestPareto)
#include "tst_pareto.moc"
