#include "core/media/take_export.h"

#include "core/media/decode.h"
#include "core/media/media_info.h"
#include "core/media/side_by_side.h"
#include "core/media/source_clip.h"

#include <QCoreApplication>

namespace mbq {
namespace {

struct TakeExport
{
    Q_DECLARE_TR_FUNCTIONS(mbq::TakeExport)
};

} // namespace

Result<void> exportTake(const TakeExportSpec &spec)
{
    auto video = decodeVideo(spec.videoPath);
    if (!video)
        return video.error();
    EncodeOptions encode = spec.encode;
    if (encode.metadataJson.isEmpty())
        encode.metadataJson = video->info.metadataComment.toUtf8();
    if (!spec.sideBySide)
        return encodeVideo(video->frames, spec.outPath, encode);

    std::vector<ComparePanel> panels;
    VideoFrames source;
    VideoFrames baseline;
    if (!spec.sourceClip.isEmpty()) {
        auto conformed = loadConformedSource(spec.sourceClip, spec.settings);
        if (!conformed)
            return conformed.error();
        source = std::move(conformed->frames);
        panels.push_back({&source, TakeExport::tr("source")});
    }
    panels.push_back({&video->frames, TakeExport::tr("injected")});
    if (!spec.baselinePath.isEmpty()) {
        auto decoded = decodeVideo(spec.baselinePath);
        if (!decoded)
            return decoded.error();
        baseline = std::move(decoded->frames);
        panels.push_back({&baseline, TakeExport::tr("baseline")});
    }
    auto combined = sideBySide(panels);
    if (!combined)
        return combined.error();
    return encodeVideo(*combined, spec.outPath, encode);
}

} // namespace mbq
