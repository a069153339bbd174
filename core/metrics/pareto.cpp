#include "core/metrics/pareto.h"

#include <algorithm>
#include <cmath>

namespace mbq {

QVector<int> paretoFront(const QVector<LeakFidelity> &points)
{
    QVector<int> order;
    order.reserve(points.size());
    for (int i = 0; i < points.size(); ++i) {
        if (std::isfinite(points[i].leak) && std::isfinite(points[i].fidelity))
            order.append(i);
    }
    // By leak, and among equal leaks best fidelity first: a sweep then only has to compare each
    // point with the best fidelity seen so far, which belongs to a point with leak <= its own.
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
        if (points[a].leak != points[b].leak)
            return points[a].leak < points[b].leak;
        return points[a].fidelity > points[b].fidelity;
    });

    QVector<int> front;
    for (int index : order) {
        const LeakFidelity &p = points[index];
        if (front.isEmpty() || p.fidelity > points[front.last()].fidelity) {
            front.append(index);
            continue;
        }
        const LeakFidelity &best = points[front.last()];
        if (p.fidelity == best.fidelity && p.leak == best.leak)
            front.append(index); // a copy of a front point
    }
    return front;
}

} // namespace mbq
