#include "ui/inspector/snapping.h"

#include <QCoreApplication>

namespace mbq {
namespace {

int nearest(int value, int below, int above)
{
    if (below <= 0)
        return above;
    return value - below < above - value ? below : above;
}

} // namespace

Snapped snapSize(int value, const QString &field, const RequestRules &rules)
{
    const int snapped = nearest(value, rules.sizeBelow(value), rules.sizeAbove(value));
    if (snapped == value)
        return {value, {}};
    return {snapped,
            QCoreApplication::translate("mbq::Inspector",
                                        "%1 %2 snapped to %3 (this model takes "
                                        "multiples of %4)")
                .arg(field)
                .arg(value)
                .arg(snapped)
                .arg(rules.sizeMultiple)};
}

Snapped snapFrames(int value, const RequestRules &rules)
{
    const int snapped = nearest(value, rules.framesBelow(value), rules.framesAbove(value));
    if (snapped == value)
        return {value, {}};
    return {snapped,
            QCoreApplication::translate("mbq::Inspector",
                                        "%1 frames snapped to %2 (this model takes "
                                        "%3n+%4 frames)")
                .arg(value)
                .arg(snapped)
                .arg(rules.frameStep)
                .arg(rules.frameOffset)};
}

} // namespace mbq
