#pragma once
// Exporting a take: its video re-encoded with the artist's choice of codec and quality, or the
// labelled side-by-side comparison (source | injected | baseline), carrying the render
// parameters the take's own file holds so the export re-opens as a project.

#include "core/media/video_writer.h"
#include "inference/engine.h"
#include "inference/result.h"

#include <QString>

namespace mbq {

struct TakeExportSpec
{
    QString videoPath;    // the take's render
    QString baselinePath; // optional, for the comparison
    QString sourceClip;   // optional, for the comparison; conformed to the take's settings
    GenerationSettings settings;
    bool sideBySide = false;
    EncodeOptions encode; // metadataJson empty: taken from the take's file
    QString outPath;
};

Result<void> exportTake(const TakeExportSpec &spec);

} // namespace mbq
