#include "core/project/project_file.h"

#include "core/project/project_format.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace mbq {

namespace {

struct ProjectFile
{
    Q_DECLARE_TR_FUNCTIONS(mbq::ProjectFile)
};

Error ioError(ErrorCode code, const QString &message, const QString &detail)
{
    return makeError(code, message.toStdString(), detail.toStdString());
}

bool isResource(const QString &path)
{
    return path.startsWith(QLatin1Char(':')) || path.startsWith(QLatin1String("qrc:"));
}

} // namespace

Result<ProjectData> loadProjectFile(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    if (!info.exists())
        return ioError(ErrorCode::NotFound, ProjectFile::tr("%1: no such file").arg(name), path);
    if (info.isDir())
        return ioError(ErrorCode::BadFormat,
                       ProjectFile::tr("%1: is a folder, not a project file").arg(name), path);
    // Checked before reading, so a huge file is never loaded into memory.
    if (info.size() > kMaxProjectFileBytes) {
        return ioError(ErrorCode::BadFormat,
                       ProjectFile::tr("%1: is %2 MiB, larger than any project (limit %3 MiB)")
                           .arg(name)
                           .arg(info.size() / (1024 * 1024))
                           .arg(kMaxProjectFileBytes / (1024 * 1024)),
                       path);
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ioError(ErrorCode::Io,
                       ProjectFile::tr("%1: cannot read: %2").arg(name, file.errorString()), path);
    // read() with a bound, for files whose size() lies (pipes, /proc).
    const QByteArray bytes = file.read(kMaxProjectFileBytes + 1);
    if (file.error() != QFileDevice::NoError)
        return ioError(ErrorCode::Io,
                       ProjectFile::tr("%1: cannot read: %2").arg(name, file.errorString()), path);

    const QString baseDir = isResource(path) ? QString() : info.absolutePath();
    return projectFromJson(bytes, name, baseDir);
}

Result<void> saveProjectFile(const ProjectData &data, const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    const QByteArray bytes = projectToJson(data, info.absolutePath());

    QSaveFile file(path);
    // Unbuffered, writing until done: Qt 6.4's buffered flush takes a short write (disk full,
    // file size limit) for success, and commit() would then rename a truncated file into place.
    if (!file.open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        return ioError(ErrorCode::Io,
                       ProjectFile::tr("Cannot save %1: %2").arg(name, file.errorString()), path);
    }
    for (qint64 written = 0; written < bytes.size();) {
        const qint64 n = file.write(bytes.constData() + written, bytes.size() - written);
        if (n <= 0) {
            const QString reason = file.errorString();
            file.cancelWriting(); // the temporary file is removed, the target left alone
            return ioError(ErrorCode::Io, ProjectFile::tr("Cannot save %1: %2").arg(name, reason),
                           path);
        }
        written += n;
    }
    // commit() flushes, renames over the target and removes the temporary file on failure.
    if (!file.commit()) {
        return ioError(ErrorCode::Io,
                       ProjectFile::tr("Cannot save %1: %2").arg(name, file.errorString()), path);
    }
    return {};
}

} // namespace mbq
