#pragma once
// Autosave and crash recovery. While the project has unsaved changes the studio writes a copy
// (never over the artist's own file) to the app's data folder, keyed by the project's path; a
// clean close or a save removes it. At start-up a copy left behind by a crash is offered back.

#include "core/project/project_data.h"
#include "inference/result.h"

#include <QDateTime>
#include <QString>

namespace mbq {

class Autosave
{
public:
    // `folder` holds the copies; empty means the app's data folder ("<data>/autosave").
    explicit Autosave(QString folder = {});

    // The copy's path for a project file ("" for an untitled project).
    QString copyPathFor(const QString &projectPath) const;
    // Writes the copy atomically.
    Result<void> write(const ProjectData &data, const QString &projectPath) const;
    void remove(const QString &projectPath) const;

    // A copy left for `projectPath` that is newer than the project file itself, or "".
    QString recoverableCopy(const QString &projectPath) const;

private:
    QString m_folder;
};

} // namespace mbq
