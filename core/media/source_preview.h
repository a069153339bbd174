#pragma once
// What the timeline shows of the source clip before anything renders: the conform plan (what
// will be trimmed or scaled to fit the model) and a filmstrip of the frames the render will use.
// Header probing and a few key-frame decodes: cheap, but still file I/O, so the studio runs it
// off the UI thread.

#include "inference/engine.h"

#include <QImage>
#include <QStringList>

#include <vector>

namespace mbq {

struct SourcePreview
{
    QString path;
    QString summary;          // ConformPlan::summary(), empty on error
    QStringList notes;        // adjustments the artist did not ask for
    QString error;            // why the clip cannot be used, naming the file
    double startSeconds = 0.0; // the used range
    double seconds = 0.0;
    std::vector<QImage> thumbnails; // over the used range, left to right
};

SourcePreview loadSourcePreview(const QString &path, const GenerationSettings &settings,
                                int thumbnails, int thumbnailHeight);

} // namespace mbq
