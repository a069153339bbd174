#pragma once
// The number of OpenCV worker threads the metrics spread over. Results never depend on it
// (every parallel loop writes disjoint outputs, reductions run in order); it is a speed knob
// for callers that share the machine, e.g. with a render.

namespace mbq {

int metricsThreadCount();
void setMetricsThreadCount(int threads); // <= 0: OpenCV's default (one per core)

} // namespace mbq
