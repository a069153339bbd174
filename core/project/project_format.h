#pragma once
// The .mbqproj format: a JSON object {"format_version": 2, "app": "mbq", ...}. Reading checks
// every value and reports the first problem with the file name and JSON path; it never crashes
// on hostile bytes. Older formats are upgraded step by step by migrateProject().

#include "core/project/project_data.h"
#include "inference/result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace mbq {

constexpr int kProjectFormatVersion = 2;
// Far above any real project (takes carry small token masks at most); keeps a hostile file
// from exhausting memory.
constexpr qint64 kMaxProjectFileBytes = 64 * 1024 * 1024;

// Paths inside `baseDir` are written relative to it; others, and all paths when `baseDir` is
// empty, are written as they are.
QJsonObject projectToJsonObject(const ProjectData &data, const QString &baseDir);
QByteArray projectToJson(const ProjectData &data, const QString &baseDir);

// Parses, migrates and checks a project file's bytes. `fileName` (usually without folder)
// prefixes every error; relative paths are resolved against `baseDir` unless it is empty.
Result<ProjectData> projectFromJson(const QByteArray &bytes, const QString &fileName,
                                    const QString &baseDir);

// Upgrades `object`, written in format `fromVersion`, to kProjectFormatVersion one version at a
// time. Version 0 (pre-release) had a single "prompt" and "settings.cfg"; version 1 has the
// "shots" list and "settings.guidance"; version 2 adds "model_family", whose rules the sizes and
// frame counts follow — optional, as a file without one (version 1) is a Wan2.1 project, so
// going from 1 to 2 changes nothing. An older mbq refuses a version 2 file instead of judging a
// VideoCrafter2 project by Wan2.1's rules.
Result<QJsonObject> migrateProject(QJsonObject object, int fromVersion, const QString &fileName);

} // namespace mbq
