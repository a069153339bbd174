#include "tests/core/helpers/ffmpeg_cli.h"

#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>

namespace mbq::test {

bool haveFfmpegCli()
{
    return !QStandardPaths::findExecutable(QStringLiteral("ffmpeg")).isEmpty();
}

bool runFfmpeg(const QStringList &args, QString *log)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("ffmpeg"),
                  QStringList{QStringLiteral("-y"), QStringLiteral("-nostdin"),
                              QStringLiteral("-v"), QStringLiteral("error")}
                      + args);
    const bool finished = process.waitForFinished(120000);
    const bool ok = finished && process.exitStatus() == QProcess::NormalExit
        && process.exitCode() == 0;
    if (!ok && log)
        *log = QString::fromLocal8Bit(process.readAll());
    return ok;
}

bool encodeWithFfmpeg(const VideoFrames &clip, const QStringList &outputArgs,
                      const QString &outputPath, QString *log)
{
    QTemporaryDir dir;
    const QString raw = dir.filePath(QStringLiteral("frames.rgb"));
    QFile file(raw);
    if (!file.open(QIODevice::WriteOnly)
        || file.write(reinterpret_cast<const char *>(clip.rgb.data()), qint64(clip.rgb.size()))
            != qint64(clip.rgb.size()))
        return false;
    file.close();
    QStringList args{QStringLiteral("-f"), QStringLiteral("rawvideo"),
                     QStringLiteral("-pix_fmt"), QStringLiteral("rgb24"),
                     QStringLiteral("-s"), QStringLiteral("%1x%2").arg(clip.width).arg(clip.height),
                     QStringLiteral("-r"), QString::number(clip.fps), QStringLiteral("-i"), raw};
    return runFfmpeg(args + outputArgs + QStringList{outputPath}, log);
}

} // namespace mbq::test
