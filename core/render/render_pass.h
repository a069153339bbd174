#pragma once
// RenderPass: what a running job is doing, in the artist's words. The engine reports stages
// (inference/engine.h); a take runs some of them more than once (a baseline and then the
// injected render both denoise), so the stage alone cannot say which pass is running, and a
// progress bar that restarts under the same name looks like lost work.
//
// PassTracker names the pass of each progress report and estimates the time left in it from
// the steps of the same kind finished so far in the job: the baseline's steps time the render's
// (both are guided denoising steps), source passes time source passes. Plain logic on a clock
// the caller reads, so it is tested without threads.

#include "inference/engine.h"

#include <QMetaType>
#include <QString>

#include <array>

namespace mbq {

enum class RenderPass {
    LoadModel,
    ReadSource, // decoding and conforming the source clip, before the engine runs
    EncodeSource,
    InvertSource,
    SourcePass, // model passes over the source that capture its queries
    Baseline, // denoising with injection off, the reference for identity leak
    Render, // denoising with the schedule's injection
    Decode,
    Metrics,
};

// The pass's name as progress shows it ("Source pass", "Render"), translated.
QString passName(RenderPass pass);

class PassTracker
{
public:
    // Whether the job's first denoising pass renders the baseline: the engines render it before
    // the injected pass when the request wants one (RenderRequest::wantBaseline).
    void setBaselineFirst(bool baselineFirst) { m_baselineFirst = baselineFirst; }

    // Records a report made at `seconds` on a monotonic clock; returns its pass.
    RenderPass update(const Progress &progress, double seconds);
    // The same for a report whose pass the caller knows (one the engine does not make).
    RenderPass update(const Progress &progress, RenderPass pass, double seconds);

    RenderPass pass() const { return m_pass; }
    // The denoising pass (Baseline or Render) whose preview frames arrive now: the running one,
    // or the next one, whose first preview comes before its first report.
    RenderPass denoisingPass() const;
    // Seconds left in the current pass; < 0 when unknown (a pass without steps, or none of its
    // kind timed yet).
    double etaSeconds() const;

private:
    // Passes whose steps cost alike share a timing slot; -1 for passes without timed steps.
    static int timingSlot(RenderPass pass);

    struct Timing
    {
        double seconds = 0.0;
        int steps = 0;
    };

    bool m_baselineFirst = false;
    bool m_any = false;
    int m_denoiseRuns = 0;
    RenderPass m_pass = RenderPass::LoadModel;
    Progress m_last;
    double m_lastSeconds = 0.0;
    std::array<Timing, 3> m_timing {};
};

} // namespace mbq

Q_DECLARE_METATYPE(mbq::RenderPass)
