#include "core/media/conform.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cmath>

namespace mbq {

namespace {

struct Conform
{
    Q_DECLARE_TR_FUNCTIONS(mbq::Conform)
};

constexpr int kSizeQuantum = 16;

Error invalid(const QString &message, const QString &path)
{
    return makeError(ErrorCode::InvalidArgument, message.toStdString(), path.toStdString());
}

int snapSize(int value)
{
    return std::max(kSizeQuantum,
                    int(std::lround(double(value) / kSizeQuantum)) * kSizeQuantum);
}

// How many output frames at `fps` from `start` land inside the source.
int availableFrames(const MediaInfo &info, double fps, double start, int fallback)
{
    double duration = info.durationSeconds;
    if (duration <= 0 && info.frameCount > 0 && info.fps > 0)
        duration = info.frameCount / info.fps;
    if (duration <= 0)
        return fallback; // unknown until decoded; decodeConformed reports a shortfall
    return std::max(0, int(std::ceil((duration - start) * fps - 1e-6)));
}

} // namespace

ConformSpec ConformSpec::wan()
{
    return {};
}

ConformSpec ConformSpec::videoCrafter2()
{
    ConformSpec spec;
    spec.fps = 8.0;
    spec.frameRule = FrameRule::Exact;
    spec.frames = 16;
    spec.width = 512;
    spec.height = 320;
    return spec;
}

Result<ConformPlan> planConform(const MediaInfo &info, const ConformSpec &spec)
{
    const QString name = QFileInfo(info.path).fileName();
    ConformPlan plan;
    plan.path = info.path;
    plan.sourceFps = info.fps;
    plan.sourceFrames = info.frameCount;
    plan.startSeconds = std::max(0.0, spec.startSeconds);
    plan.frameRule = spec.frameRule;
    plan.fit = spec.fit;

    if (spec.fps < 0 || spec.frames <= 0)
        return invalid(Conform::tr("%1: the frame rate and frame count must be positive").arg(name),
                       info.path);
    plan.fps = spec.fps > 0 ? spec.fps : info.fps;
    if (plan.fps <= 0) {
        plan.fps = 25.0;
        plan.notes << Conform::tr("the source states no frame rate; assuming 25 fps");
    }
    plan.availableFrames = availableFrames(info, plan.fps, plan.startSeconds, spec.frames);
    if (plan.availableFrames < 1) {
        return invalid(Conform::tr("%1: starts at %2 s but the clip is only %3 s long")
                           .arg(name)
                           .arg(plan.startSeconds, 0, 'f', 2)
                           .arg(info.durationSeconds, 0, 'f', 2),
                       info.path);
    }
    const int usable = std::min(spec.frames, plan.availableFrames);
    switch (spec.frameRule) {
    case FrameRule::Any:
        plan.frames = usable;
        break;
    case FrameRule::FourNPlusOne:
        plan.frames = (usable - 1) / 4 * 4 + 1;
        if (spec.frames % 4 != 1)
            plan.notes << Conform::tr("%1 frames snapped to %2 (the model takes 4n+1)")
                              .arg(spec.frames)
                              .arg((spec.frames - 1) / 4 * 4 + 1);
        break;
    case FrameRule::Exact:
        if (plan.availableFrames < spec.frames) {
            return invalid(Conform::tr("%1: needs %2 frames at %3 fps from %4 s but holds only %5; "
                                       "start earlier or lower the frame rate")
                               .arg(name)
                               .arg(spec.frames)
                               .arg(plan.fps, 0, 'g', 4)
                               .arg(plan.startSeconds, 0, 'f', 2)
                               .arg(plan.availableFrames),
                           info.path);
        }
        plan.frames = spec.frames;
        break;
    }
    if (plan.frames < spec.frames && spec.frameRule != FrameRule::Exact)
        plan.notes << Conform::tr("the source holds only %1 frames at %2 fps; using %3")
                          .arg(plan.availableFrames)
                          .arg(plan.fps, 0, 'g', 4)
                          .arg(plan.frames);

    plan.sourceWidth = info.width;
    plan.sourceHeight = info.height;
    if (info.width <= 0 || info.height <= 0)
        return invalid(Conform::tr("%1: the video has no frame size").arg(name), info.path);
    if (spec.width <= 0 || spec.height <= 0) {
        plan.width = std::max(kSizeQuantum, info.width / kSizeQuantum * kSizeQuantum);
        plan.height = std::max(kSizeQuantum, info.height / kSizeQuantum * kSizeQuantum);
    } else {
        plan.width = snapSize(spec.width);
        plan.height = snapSize(spec.height);
        if (plan.width != spec.width || plan.height != spec.height)
            plan.notes << Conform::tr("size %1×%2 snapped to %3×%4 (multiples of 16)")
                              .arg(spec.width)
                              .arg(spec.height)
                              .arg(plan.width)
                              .arg(plan.height);
    }

    const double sx = double(plan.width) / info.width;
    const double sy = double(plan.height) / info.height;
    if (spec.fit == FitMode::Crop) {
        const double s = std::max(sx, sy);
        plan.scaledWidth = std::max(plan.width, int(std::lround(info.width * s)));
        plan.scaledHeight = std::max(plan.height, int(std::lround(info.height * s)));
        plan.placement = QRect((plan.scaledWidth - plan.width) / 2,
                               (plan.scaledHeight - plan.height) / 2, plan.width, plan.height);
    } else {
        const double s = std::min(sx, sy);
        plan.scaledWidth = std::clamp(int(std::lround(info.width * s)), 1, plan.width);
        plan.scaledHeight = std::clamp(int(std::lround(info.height * s)), 1, plan.height);
        plan.placement = QRect((plan.width - plan.scaledWidth) / 2,
                               (plan.height - plan.scaledHeight) / 2, plan.scaledWidth,
                               plan.scaledHeight);
    }
    return plan;
}

QString ConformPlan::summary() const
{
    QString text = Conform::tr("%1 of %2 frames from %3 s, ")
                       .arg(frames)
                       .arg(sourceFrames > 0 ? QString::number(sourceFrames) : Conform::tr("?"))
                       .arg(startSeconds, 0, 'f', 2);
    if (std::abs(sourceFps - fps) > 1e-3)
        text += Conform::tr("%1→%2 fps, ").arg(sourceFps, 0, 'g', 4).arg(fps, 0, 'g', 4);
    else
        text += Conform::tr("%1 fps, ").arg(fps, 0, 'g', 4);
    const bool scaled = scaledWidth != sourceWidth || scaledHeight != sourceHeight;
    const bool cut = scaledWidth != width || scaledHeight != height;
    text += QStringLiteral("%1×%2").arg(sourceWidth).arg(sourceHeight);
    if (scaled)
        text += Conform::tr(" → scale %1×%2").arg(scaledWidth).arg(scaledHeight);
    if (cut)
        text += (fit == FitMode::Crop ? Conform::tr(" → crop %1×%2") : Conform::tr(" → pad %1×%2"))
                    .arg(width)
                    .arg(height);
    return text;
}

} // namespace mbq
