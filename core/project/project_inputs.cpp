#include "core/project/project_inputs.h"

#include "core/media/decode.h"
#include "inference/checkpoint_tools.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStringList>

namespace mbq {
namespace {

class ProjectInputs
{
    Q_DECLARE_TR_FUNCTIONS(mbq::ProjectInputs)
};

// Enough names to recognise a folder by, not a listing of a large one.
constexpr int kListedEntries = 12;

// "Found: a.txt, clips/, notes.md and 3 more", or that there is nothing.
QString folderContents(const QString &folder)
{
    const QFileInfoList entries = QDir(folder).entryInfoList(
        QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::DirsFirst | QDir::Name);
    if (entries.isEmpty())
        return ProjectInputs::tr("Found: nothing, the folder is empty.");
    QStringList names;
    for (const QFileInfo &entry : entries) {
        if (names.size() == kListedEntries)
            break;
        names << (entry.isDir() ? entry.fileName() + QLatin1Char('/') : entry.fileName());
    }
    const int more = int(entries.size()) - int(names.size());
    return more > 0 ? ProjectInputs::tr("Found: %1 and %n more", nullptr, more)
                          .arg(names.join(QLatin1String(", ")))
                    : ProjectInputs::tr("Found: %1").arg(names.join(QLatin1String(", ")));
}

} // namespace

Result<void> checkModelFolder(const QString &folder)
{
    const auto summary = summariseModelFolder(folder.toStdString());
    if (!summary) {
        const bool isFolder = QFileInfo(folder).isDir();
        return makeError(summary.error().code, summary.error().message,
                         isFolder ? folderContents(folder).toStdString() : std::string());
    }
    if (summary->complete())
        return {};
    // Recognised, but a component is missing or unreadable: the lines `mbq info` prints for it.
    QStringList missing;
    for (const std::string &problem : summary->missing)
        missing << QString::fromStdString(problem);
    const QString message
        = ProjectInputs::tr("%1 is an incomplete %2 model folder (%3 layout):\n%4")
              .arg(folder, QString::fromStdString(summary->family),
                   QString::fromStdString(summary->layout), missing.join(QLatin1Char('\n')));
    return makeError(ErrorCode::NotFound, message.toStdString(),
                     folderContents(folder).toStdString());
}

Result<void> checkSourceClip(const QString &path)
{
    DecodeOptions firstFrame;
    firstFrame.maxFrames = 1;
    const Result<DecodedClip> decoded = decodeVideo(path, firstFrame);
    if (decoded)
        return {};
    return makeError(decoded.error().code, decoded.error().message,
                     ProjectInputs::tr("Looked for a video clip FFmpeg can read (for example MP4, "
                                       "MOV, MKV, WebM, AVI or GIF) with at least one frame.")
                         .toStdString());
}

} // namespace mbq
