#pragma once
// The rules a project's generation settings must satisfy, shared by the file loader (which
// reports them with the JSON path) and the document's setters (which refuse a bad edit). Sizes
// and frame counts follow the project's model family (ProjectData::modelFamily); the messages
// offer that family's nearest valid values because snapping is shown to the artist, never silent.
//
// Loading a model of another family never changes the artist's values behind their back: the
// project keeps them, the inspector names the ones the family does not take ("misfits") with the
// nearest valid values, and a render of them fails with the engine's message. So a document, and
// the file it saves, may hold misfits; the checks below say where they pass.

#include "inference/engine.h"
#include "inference/request_rules.h"

#include <QString>

namespace mbq {

// The limits and the snapping arithmetic (sizeBelow, framesAbove, ...) are the engines' own,
// from inference/request_rules.h; this file words them for the project file and the editor.

// Whether a size or frame count the family does not take may pass.
enum class Misfits {
    Refused, // a value the artist enters: it must suit the family
    Kept, // a value from a file: it passes when another family takes it (a model switch)
};

// An empty string when `settings` are valid for a project of model `family`, else one problem,
// e.g. "settings.width must be a positive multiple of 16 up to 4096, got 830; nearest valid:
// 816 or 832". `prefix` ("settings." in a file, empty in the editor) is put before field names.
QString settingsProblem(const GenerationSettings &settings, const QString &family, Misfits misfits,
                        const QString &prefix = {});
// The same for an edit from `before` to `after`: the sizes and frame count it changes are
// Refused misfits, the ones it leaves as they were are Kept — so fixing the steps never waits on
// a height brought from another model.
QString settingsEditProblem(const GenerationSettings &before, const GenerationSettings &after,
                            const QString &family);
// The rule for a shot's duration (a frame count) at `field`.
QString framesProblem(int frames, const QString &family, Misfits misfits, const QString &field);

} // namespace mbq
