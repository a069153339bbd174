#pragma once
// The Pareto front of renders on the identity-leak / motion-fidelity plane: the renders no other
// render beats on both counts (lower leak and higher fidelity are better). Pure logic, so the
// trade-off plot draws what this computes and a test can check it without a window.

#include <QVector>

namespace mbq {

struct LeakFidelity
{
    double leak = 0.0;
    double fidelity = 0.0;
};

// Indices into `points` of the non-dominated points, by increasing leak (and so increasing
// fidelity). A point is dominated when another has leak <= and fidelity >= with at least one
// strict; identical points do not dominate each other, so all copies stay on the front. Points
// with a NaN or infinite coordinate are ignored. O(n log n).
QVector<int> paretoFront(const QVector<LeakFidelity> &points);

} // namespace mbq
