#pragma once
// How takes appear in the compare view and the plots: the metrics captions, the trade-off
// plot's points (one per measured take) and a take's per-frame curves from its metrics file.

#include "core/project/project_data.h"
#include "ui/plots/frame_curves_plot.h"
#include "ui/plots/tradeoff_plot.h"

namespace mbq {

// The metrics file the render thread wrote beside a take's video ("" without a video).
QString metricsPathOf(const Take &take);

// One point per take with both motion fidelity and identity leak measured, in take order.
QVector<TradeoffPoint> tradeoffPointsOf(const ProjectData &data);

// Per-frame fidelity (per step between frames), identity leak and warp error from a take's
// metrics file; empty when the file is missing or unreadable.
QVector<FrameCurve> frameCurvesOf(const QString &metricsPath);

// The captions under the injected and baseline panes for a take.
QString injectedCaption(const Take &take);
QString baselineCaption(const Take &take);

} // namespace mbq
