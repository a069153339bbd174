#pragma once
// Reading and writing .mbqproj files on disk. Saving is atomic (QSaveFile writes a temporary
// file and renames it over the target), so a crash or a full disk never leaves a half-written
// project and a failed save leaves the previous file as it was.

#include "core/project/project_data.h"
#include "inference/result.h"

#include <QString>

namespace mbq {

constexpr const char *kProjectFileSuffix = "mbqproj";

// Relative paths in the file are resolved against the file's folder, except for a Qt resource
// (":/..."), whose relative paths are kept as written.
Result<ProjectData> loadProjectFile(const QString &path);
Result<void> saveProjectFile(const ProjectData &data, const QString &path);

} // namespace mbq
