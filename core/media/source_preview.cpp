#include "core/media/source_preview.h"

#include "core/media/filmstrip.h"
#include "core/media/media_info.h"
#include "core/media/source_clip.h"

#include <algorithm>

namespace mbq {

SourcePreview loadSourcePreview(const QString &path, const GenerationSettings &settings,
                                int thumbnails, int thumbnailHeight)
{
    SourcePreview preview;
    preview.path = path;
    auto info = probeVideo(path);
    if (!info) {
        preview.error = QString::fromStdString(info.error().message);
        return preview;
    }
    auto plan = planConform(*info, conformSpecFor(settings));
    if (!plan) {
        preview.error = QString::fromStdString(plan.error().message);
        return preview;
    }
    preview.summary = plan->summary();
    preview.notes = plan->notes;
    preview.startSeconds = plan->startSeconds;
    preview.seconds = plan->fps > 0 ? plan->frames / plan->fps : 0.0;
    // The filmstrip covers the whole file; keep the thumbnails inside the used range.
    const double end = preview.startSeconds + preview.seconds;
    const double total = info->durationSeconds > 0 ? info->durationSeconds : end;
    const int wanted = std::max(1, int(thumbnails * total / std::max(preview.seconds, 1e-6)));
    auto strip = filmstrip(path, std::min(wanted, 4 * thumbnails), thumbnailHeight);
    if (!strip)
        return preview; // the plan stands; thumbnails are a nicety
    for (const Thumbnail &thumbnail : *strip) {
        if (thumbnail.seconds + 1e-6 >= preview.startSeconds && thumbnail.seconds < end)
            preview.thumbnails.push_back(thumbnail.image);
    }
    return preview;
}

} // namespace mbq
