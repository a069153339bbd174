#pragma once
// The inspector's snapping of sizes (multiples of 16) and frame counts (4n+1) to what the models
// take, with the note that tells the artist what happened: snapping is shown, never silent.

#include <QString>

namespace mbq {

struct Snapped
{
    int value = 0;
    QString note; // empty when the value was already valid
};

// The nearest valid size; a tie goes up. `field` names it in the note ("Width").
Snapped snapSize(int value, const QString &field);
// The nearest 4n+1 frame count; a tie goes up.
Snapped snapFrames(int value);

} // namespace mbq
