#include "ui/inspector/snapping.h"

#include "inference/request_rules.h"

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

Snapped snapSize(int value, const QString &field)
{
    const int snapped = nearest(value, sizeBelow(value), sizeAbove(value));
    if (snapped == value)
        return {value, {}};
    return {snapped, QCoreApplication::translate("mbq::Inspector",
                                                 "%1 %2 snapped to %3 (sizes are multiples of 16)")
                         .arg(field)
                         .arg(value)
                         .arg(snapped)};
}

Snapped snapFrames(int value)
{
    const int snapped = nearest(value, framesBelow(value), framesAbove(value));
    if (snapped == value)
        return {value, {}};
    return {snapped, QCoreApplication::translate("mbq::Inspector",
                                                 "%1 frames snapped to %2 (the model takes 4n+1 "
                                                 "frames)")
                         .arg(value)
                         .arg(snapped)};
}

} // namespace mbq
