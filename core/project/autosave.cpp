#include "core/project/autosave.h"

#include "core/project/project_file.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

namespace mbq {

Autosave::Autosave(QString folder) : m_folder(std::move(folder))
{
    if (m_folder.isEmpty())
        m_folder = QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation))
                           .filePath(QStringLiteral("autosave"));
}

QString Autosave::copyPathFor(const QString &projectPath) const
{
    // A hash of the absolute path: stable per project, safe as a file name.
    const QString key = projectPath.isEmpty()
            ? QStringLiteral("untitled")
            : QString::fromLatin1(QCryptographicHash::hash(
                                          QFileInfo(projectPath).absoluteFilePath().toUtf8(),
                                          QCryptographicHash::Sha1)
                                          .toHex()
                                          .left(16));
    const QString stem = projectPath.isEmpty() ? key
                                               : QFileInfo(projectPath).completeBaseName()
                    + QLatin1Char('-') + key;
    return QDir(m_folder).filePath(stem + QStringLiteral(".autosave.") + kProjectFileSuffix);
}

Result<void> Autosave::write(const ProjectData &data, const QString &projectPath) const
{
    if (!QDir().mkpath(m_folder))
        return makeError(ErrorCode::Io,
                         QStringLiteral("cannot create the autosave folder %1").arg(m_folder)
                                 .toStdString());
    // Paths are stored absolute so the copy opens from its own folder.
    return saveProjectFile(data, copyPathFor(projectPath));
}

void Autosave::remove(const QString &projectPath) const
{
    QFile::remove(copyPathFor(projectPath));
}

QString Autosave::recoverableCopy(const QString &projectPath) const
{
    const QFileInfo copy(copyPathFor(projectPath));
    if (!copy.exists())
        return {};
    const QFileInfo project(projectPath);
    if (!projectPath.isEmpty() && project.exists()
        && project.lastModified() >= copy.lastModified())
        return {};
    return copy.absoluteFilePath();
}

} // namespace mbq
