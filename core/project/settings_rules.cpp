#include "core/project/settings_rules.h"

#include <QCoreApplication>

#include <cmath>

namespace mbq {

namespace {

struct SettingsRules
{
    Q_DECLARE_TR_FUNCTIONS(mbq::SettingsRules)
};

// The families a project can be made for; a Kept misfit is a value one of them takes.
const char *const kFamilies[] = {"wan2.1", "videocrafter2", "t2v-turbo-v2"};

bool anyFamilyTakesSize(int value)
{
    for (const char *family : kFamilies) {
        if (rulesFor(family).sizeValid(value))
            return true;
    }
    return false;
}

bool anyFamilyTakesFrames(int frames)
{
    for (const char *family : kFamilies) {
        if (rulesFor(family).framesValid(frames))
            return true;
    }
    return false;
}

QString nearest(int below, int above)
{
    if (below == above)
        return QString::number(below);
    return SettingsRules::tr("%1 or %2").arg(below).arg(above);
}

QString sizeProblem(int value, const RequestRules &rules, Misfits misfits, const QString &field)
{
    if (rules.sizeValid(value) || (misfits == Misfits::Kept && anyFamilyTakesSize(value)))
        return {};
    return SettingsRules::tr(
               "%1 must be a positive multiple of %2 up to %3, got %4; nearest valid: %5")
        .arg(field)
        .arg(rules.sizeMultiple)
        .arg(kMaxSize)
        .arg(value)
        .arg(nearest(rules.sizeBelow(value), rules.sizeAbove(value)));
}

QString frameCountProblem(int frames, const RequestRules &rules, Misfits misfits,
                          const QString &field)
{
    if (rules.framesValid(frames) || (misfits == Misfits::Kept && anyFamilyTakesFrames(frames)))
        return {};
    const QString offer = nearest(rules.framesBelow(frames), rules.framesAbove(frames));
    if (rules.frameStep == 1) {
        return SettingsRules::tr("%1 must be a frame count from 1 up to %2, got %3; nearest "
                                 "valid: %4")
            .arg(field)
            .arg(kMaxFrames)
            .arg(frames)
            .arg(offer);
    }
    const int first = rules.framesAbove(1);
    return SettingsRules::tr(
               "%1 must be %2n+%3 frames (%4, %5, %6, ... up to %7), got %8; nearest valid: %9")
        .arg(field)
        .arg(rules.frameStep)
        .arg(rules.frameOffset)
        .arg(first)
        .arg(first + rules.frameStep)
        .arg(first + 2 * rules.frameStep)
        .arg(kMaxFrames)
        .arg(frames)
        .arg(offer);
}

// Each of width, height and frames is checked with its own Misfits, so an edit can keep the
// ones it does not change.
struct FieldMisfits
{
    Misfits width;
    Misfits height;
    Misfits frames;
};

QString problemOf(const GenerationSettings &s, const RequestRules &rules,
                  const FieldMisfits &misfits, const QString &prefix)
{
    if (QString p = sizeProblem(s.width, rules, misfits.width, prefix + QLatin1String("width"));
        !p.isEmpty()) {
        return p;
    }
    if (QString p = sizeProblem(s.height, rules, misfits.height, prefix + QLatin1String("height"));
        !p.isEmpty()) {
        return p;
    }
    if (QString p
        = frameCountProblem(s.frames, rules, misfits.frames, prefix + QLatin1String("frames"));
        !p.isEmpty()) {
        return p;
    }
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

} // namespace

QString settingsProblem(const GenerationSettings &settings, const QString &family, Misfits misfits,
                        const QString &prefix)
{
    return problemOf(settings, rulesFor(family.toStdString()), {misfits, misfits, misfits}, prefix);
}

QString settingsEditProblem(const GenerationSettings &before, const GenerationSettings &after,
                            const QString &family)
{
    const auto misfits
        = [](int was, int is) { return was == is ? Misfits::Kept : Misfits::Refused; };
    return problemOf(after, rulesFor(family.toStdString()),
                     {misfits(before.width, after.width), misfits(before.height, after.height),
                      misfits(before.frames, after.frames)},
                     {});
}

QString framesProblem(int frames, const QString &family, Misfits misfits, const QString &field)
{
    return frameCountProblem(frames, rulesFor(family.toStdString()), misfits, field);
}

} // namespace mbq
