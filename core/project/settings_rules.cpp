#include "core/project/settings_rules.h"

#include <QCoreApplication>

#include <cmath>

namespace mbq {

namespace {

struct SettingsRules
{
    Q_DECLARE_TR_FUNCTIONS(mbq::SettingsRules)
};

QString nearest(int below, int above)
{
    if (below == above)
        return QString::number(below);
    return SettingsRules::tr("%1 or %2").arg(below).arg(above);
}

QString sizeProblem(int value, const QString &field)
{
    if (value > 0 && value <= kMaxSize && value % kSizeMultiple == 0)
        return {};
    return SettingsRules::tr(
               "%1 must be a positive multiple of %2 up to %3, got %4; nearest valid: %5")
        .arg(field)
        .arg(kSizeMultiple)
        .arg(kMaxSize)
        .arg(value)
        .arg(nearest(sizeBelow(value), sizeAbove(value)));
}

} // namespace

QString framesProblem(int frames, const QString &field)
{
    if (frames >= 1 && frames <= kMaxFrames && (frames - 1) % 4 == 0)
        return {};
    return SettingsRules::tr(
               "%1 must be 4n+1 frames (1, 5, 9, ... up to %2), got %3; nearest valid: %4")
        .arg(field)
        .arg(kMaxFrames)
        .arg(frames)
        .arg(nearest(framesBelow(frames), framesAbove(frames)));
}

QString settingsProblem(const GenerationSettings &s, const QString &prefix)
{
    if (QString p = sizeProblem(s.width, prefix + QLatin1String("width")); !p.isEmpty())
        return p;
    if (QString p = sizeProblem(s.height, prefix + QLatin1String("height")); !p.isEmpty())
        return p;
    if (QString p = framesProblem(s.frames, prefix + QLatin1String("frames")); !p.isEmpty())
        return p;
    if (!(s.fps > 0.0 && s.fps <= 240.0))
        return SettingsRules::tr("%1fps must be in (0, 240], got %2").arg(prefix).arg(s.fps);
    if (s.steps < 1 || s.steps > kMaxSteps)
        return SettingsRules::tr("%1steps must be in [1, %2], got %3")
            .arg(prefix)
            .arg(kMaxSteps)
            .arg(s.steps);
    if (!(std::isfinite(s.guidance) && s.guidance >= 0.0))
        return SettingsRules::tr("%1guidance must be >= 0, got %2").arg(prefix).arg(s.guidance);
    if (!(std::isfinite(s.shift) && s.shift > 0.0))
        return SettingsRules::tr("%1shift must be > 0, got %2").arg(prefix).arg(s.shift);
    return {};
}

} // namespace mbq
