#pragma once
// The inspector's snapping of sizes and frame counts to what the loaded model takes (its
// family's RequestRules: Wan2.1 multiples of 16 and 4n+1 frames, VideoCrafter2 multiples of 64
// and any count), with the note that tells the artist what happened: snapping is shown, never
// silent.

#include "inference/request_rules.h"

#include <QString>

namespace mbq {

struct Snapped
{
    int value = 0;
    QString note; // empty when the value was already valid
};

// The nearest valid size; a tie goes up. `field` names it in the note ("Width").
Snapped snapSize(int value, const QString &field, const RequestRules &rules);
// The nearest valid frame count; a tie goes up.
Snapped snapFrames(int value, const RequestRules &rules);

} // namespace mbq
