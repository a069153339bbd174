#pragma once
// Transport icons drawn in the palette's button-text colour. The style's standard media icons
// are fixed dark pixmaps that all but vanish on a dark palette; these follow it (rebuild them on
// PaletteChange) and are drawn at several sizes, so they stay sharp on high-DPI screens.

#include <QIcon>

class QPalette;

namespace mbq {

enum class TransportIcon { Play, Pause, StepBackward, StepForward, JumpToStart, JumpToEnd, Loop };

QIcon transportIcon(TransportIcon kind, const QPalette &palette);

} // namespace mbq
