#pragma once
// Export as a numbered PNG sequence (folder/name_0000.png, ...), lossless and readable by every
// compositing tool. The render parameters go into the first file as a PNG text chunk
// ("Description"). Each file is written through a temporary file; if any fails, the files
// already written are removed, so a failed export leaves nothing behind.

#include "inference/engine.h"
#include "inference/result.h"

#include <QByteArray>
#include <QStringList>

namespace mbq {

// Returns the written paths. The folder must exist.
Result<QStringList> writePngSequence(const VideoFrames &frames, const QString &folder,
                                     const QString &baseName,
                                     const QByteArray &metadataJson = {});

} // namespace mbq
