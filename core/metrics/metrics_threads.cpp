#include "core/metrics/metrics_threads.h"

#include <opencv2/core/utility.hpp>

namespace mbq {

int metricsThreadCount()
{
    return cv::getNumThreads();
}

void setMetricsThreadCount(int threads)
{
    cv::setNumThreads(threads <= 0 ? -1 : threads);
}

} // namespace mbq
