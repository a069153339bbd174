#include "core/metrics/motion_fidelity.h"

#include <opencv2/core/utility.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mbq {

namespace {

// A track as per-step unit directions; a still step has direction (0, 0) and moves = 0, so
// for two steps ux·ux' + uy·uy' is their cosine when both move and 0 otherwise, and
// moves + moves' - moves·moves' is 1 when either moves.
struct StepTrack
{
    std::vector<float> ux;
    std::vector<float> uy;
    std::vector<float> moves;
    bool moving = false;
    int steps() const { return int(ux.size()); }
};

std::vector<StepTrack> toSteps(const TrackSet &set, float sx, float sy, int minSteps,
                               const FidelityOptions &options)
{
    const float staticPx = float(options.staticPx);
    const float movingPx2 = float(options.movingPx * options.movingPx);
    std::vector<StepTrack> out;
    for (const PointTrack &track : set.tracks) {
        const int steps = std::min(track.length(), set.frames) - 1;
        if (steps < minSteps)
            continue;
        StepTrack s;
        s.ux.resize(size_t(steps));
        s.uy.resize(size_t(steps));
        s.moves.resize(size_t(steps));
        for (int t = 0; t < steps; ++t) {
            const float dx = (track.x[size_t(t) + 1] - track.x[size_t(t)]) * sx;
            const float dy = (track.y[size_t(t) + 1] - track.y[size_t(t)]) * sy;
            const float length = std::hypot(dx, dy);
            if (length >= staticPx) {
                s.ux[size_t(t)] = dx / length;
                s.uy[size_t(t)] = dy / length;
                s.moves[size_t(t)] = 1.0f;
            }
            const float ox = (track.x[size_t(t) + 1] - track.x[0]) * sx;
            const float oy = (track.y[size_t(t) + 1] - track.y[0]) * sy;
            s.moving = s.moving || ox * ox + oy * oy >= movingPx2;
        }
        out.push_back(std::move(s));
    }
    return out;
}

float agreement(const StepTrack &a, const StepTrack &b, size_t t)
{
    return a.ux[t] * b.ux[t] + a.uy[t] * b.uy[t];
}

float eitherMoves(const StepTrack &a, const StepTrack &b, size_t t)
{
    return a.moves[t] + b.moves[t] - a.moves[t] * b.moves[t];
}

double similarity(const StepTrack &a, const StepTrack &b)
{
    const size_t shared = size_t(std::min(a.steps(), b.steps()));
    double sum = 0.0;
    double informative = 0.0;
    for (size_t t = 0; t < shared; ++t) {
        sum += agreement(a, b, t);
        informative += eitherMoves(a, b, t);
    }
    return informative > 0 ? sum / informative : 0.0;
}

// Best-match similarities of one direction, each weighted by the query's moving steps.
struct Direction
{
    double sum = 0.0;
    double weight = 0.0;
};

double movingSteps(const StepTrack &s)
{
    double n = 0.0;
    for (float m : s.moves)
        n += m;
    return n;
}

} // namespace

MotionFidelity compareTracks(const TrackSet &source, const TrackSet &output,
                             const FidelityOptions &options)
{
    MotionFidelity result;
    result.framesCompared = std::min(source.frames, output.frames);
    if (result.framesCompared < 2 || output.width <= 0 || output.height <= 0)
        return result;
    const int minSteps = std::clamp(options.minSharedSteps, 1, result.framesCompared - 1);
    const auto a = toSteps(source, 1.0f, 1.0f, minSteps, options);
    const auto b = toSteps(output, float(source.width) / output.width,
                           float(source.height) / output.height, minSteps, options);
    result.sourceTracks = int(a.size());
    result.outputTracks = int(b.size());
    for (const auto &s : a)
        result.sourceMoving += s.moving;
    for (const auto &s : b)
        result.outputMoving += s.moving;
    const int steps = result.framesCompared - 1;
    if (a.empty() && b.empty())
        return result;
    result.defined = true;
    if (result.sourceMoving == 0 && result.outputMoving == 0) {
        result.score = 1.0;
        result.perStep.assign(size_t(steps), 1.0);
        return result;
    }

    // Similarity is symmetric, so one matrix serves both directions. Rows are independent,
    // which keeps the parallel loop deterministic.
    const int na = int(a.size());
    const int nb = int(b.size());
    std::vector<double> matrix(size_t(na) * nb);
    cv::parallel_for_(cv::Range(0, na), [&](const cv::Range &rows) {
        for (int i = rows.start; i < rows.end; ++i)
            for (int j = 0; j < nb; ++j)
                if (a[size_t(i)].moving || b[size_t(j)].moving)
                    matrix[size_t(i) * nb + j] = similarity(a[size_t(i)], b[size_t(j)]);
    });

    std::vector<double> stepSum(size_t(steps), 0.0);
    std::vector<int> stepCount(size_t(steps), 0);
    const auto addCurve = [&](const StepTrack &q, const StepTrack &m) {
        const size_t shared = size_t(std::min(q.steps(), m.steps()));
        for (size_t t = 0; t < shared; ++t) {
            if (eitherMoves(q, m, t) > 0) {
                stepSum[t] += agreement(q, m, t);
                ++stepCount[t];
            }
        }
    };
    Direction forward;
    for (int i = 0; i < na; ++i) {
        if (!a[size_t(i)].moving)
            continue;
        const double weight = movingSteps(a[size_t(i)]);
        forward.weight += weight;
        int best = -1;
        for (int j = 0; j < nb; ++j)
            if (best < 0 || matrix[size_t(i) * nb + j] > matrix[size_t(i) * nb + best])
                best = j;
        if (best >= 0) {
            forward.sum += weight * matrix[size_t(i) * nb + best];
            addCurve(a[size_t(i)], b[size_t(best)]);
        }
    }
    Direction backward;
    for (int j = 0; j < nb; ++j) {
        if (!b[size_t(j)].moving)
            continue;
        const double weight = movingSteps(b[size_t(j)]);
        backward.weight += weight;
        int best = -1;
        for (int i = 0; i < na; ++i)
            if (best < 0 || matrix[size_t(i) * nb + j] > matrix[size_t(best) * nb + j])
                best = i;
        if (best >= 0) {
            backward.sum += weight * matrix[size_t(best) * nb + j];
            addCurve(b[size_t(j)], a[size_t(best)]);
        }
    }
    double total = 0.0;
    int directions = 0;
    for (const Direction &d : {forward, backward}) {
        if (d.weight > 0) {
            total += d.sum / d.weight;
            ++directions;
        }
    }
    result.score = total / directions;
    result.perStep.resize(size_t(steps));
    for (int t = 0; t < steps; ++t)
        result.perStep[size_t(t)] = stepCount[size_t(t)] > 0
            ? stepSum[size_t(t)] / stepCount[size_t(t)]
            : std::numeric_limits<double>::quiet_NaN();
    return result;
}

MotionFidelity motionFidelity(const VideoFrames &source, const VideoFrames &output,
                              const FidelityOptions &options)
{
    const int frames = std::min(source.count, output.count);
    return compareTracks(trackGrid(source, options.tracking, frames),
                         trackGrid(output, options.tracking, frames), options);
}

} // namespace mbq
