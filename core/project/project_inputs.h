#pragma once
// What may become the project's model folder or source clip. The studio checks a folder or a
// file the artist picks before it touches the project, so a project never names a model that
// cannot load or a clip that cannot be read because of a slip in a file dialog.

#include "inference/result.h"

#include <QString>

namespace mbq {

// Ok when `folder` holds a complete model of a family mbq knows. Otherwise the error's message
// says what was looked for, in the words `mbq info` uses (an unrecognised folder: the layouts
// and files expected; an incomplete one: each missing or unreadable component), and its detail
// what the folder holds.
Result<void> checkModelFolder(const QString &folder);

// Ok when `path` is a video whose first frame decodes. Otherwise the error's message says what
// was found (FFmpeg's reading of the file) and its detail what was looked for.
Result<void> checkSourceClip(const QString &path);

} // namespace mbq
