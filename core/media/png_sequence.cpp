#include "core/media/png_sequence.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QSaveFile>

namespace mbq {

namespace {

struct Media
{
    Q_DECLARE_TR_FUNCTIONS(mbq::Media)
};

} // namespace

Result<QStringList> writePngSequence(const VideoFrames &frames, const QString &folder,
                                     const QString &baseName, const QByteArray &metadataJson)
{
    const QDir dir(folder);
    if (!dir.exists())
        return makeError(
            ErrorCode::NotFound,
            Media::tr("Cannot export to %1: no such folder").arg(folder).toStdString());
    if (frames.empty())
        return makeError(
            ErrorCode::InvalidArgument,
            Media::tr("Cannot export %1: the clip has no frames").arg(baseName).toStdString());
    const int digits = std::max(4, int(QString::number(frames.count - 1).size()));
    QStringList written;
    for (int i = 0; i < frames.count; ++i) {
        const QString path = dir.filePath(
            QStringLiteral("%1_%2.png").arg(baseName).arg(i, digits, 10, QLatin1Char('0')));
        // A view of the frame; QImageWriter only reads it.
        QImage image(frames.frame(i), frames.width, frames.height, frames.width * 3,
                     QImage::Format_RGB888);
        if (i == 0 && !metadataJson.isEmpty())
            image.setText(QStringLiteral("Description"), QString::fromUtf8(metadataJson));
        QSaveFile file(path);
        QImageWriter writer(&file, "png");
        QString reason;
        if (!file.open(QIODevice::WriteOnly))
            reason = file.errorString();
        else if (!writer.write(image))
            reason = writer.device()->errorString().isEmpty() ? writer.errorString()
                                                              : writer.device()->errorString();
        else if (!file.commit())
            reason = file.errorString();
        if (!reason.isEmpty()) {
            for (const QString &done : written)
                QFile::remove(done);
            return makeError(ErrorCode::Io,
                             Media::tr("Cannot write %1: %2")
                                 .arg(QDir(folder).relativeFilePath(path), reason)
                                 .toStdString(),
                             path.toStdString());
        }
        written << path;
    }
    return written;
}

} // namespace mbq
