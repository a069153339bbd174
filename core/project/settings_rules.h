#pragma once
// The rules a project's generation settings must satisfy, shared by the file loader (which
// reports them with the JSON path) and the document's setters (which refuse a bad edit). The
// messages offer the nearest valid values because snapping is shown to the artist, never silent.

#include "inference/engine.h"
#include "inference/request_rules.h"

#include <QString>

namespace mbq {

// The limits and the snapping arithmetic (sizeBelow, framesAbove, ...) are the engines' own,
// from inference/request_rules.h; this file words them for the project file and the editor.

// An empty string when `settings` are valid, else one problem, e.g.
// "settings.width must be a positive multiple of 16, got 830; nearest valid: 816 or 832".
// `prefix` ("settings." in a file, empty in the editor) is put before the field name.
QString settingsProblem(const GenerationSettings &settings, const QString &prefix = {});
// The same rule for a shot's duration (a frame count) at `field`.
QString framesProblem(int frames, const QString &field);

} // namespace mbq
