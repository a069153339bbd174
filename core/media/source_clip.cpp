#include "core/media/source_clip.h"

#include "core/media/media_info.h"
#include "inference/vc2_tools.h"

namespace mbq {

ConformSpec conformSpecFor(const GenerationSettings &settings, const std::string &family)
{
    ConformSpec spec = isVc2Family(family) ? ConformSpec::videoCrafter2() : ConformSpec::wan();
    spec.fps = settings.fps;
    spec.frames = settings.frames;
    spec.width = settings.width;
    spec.height = settings.height;
    return spec;
}

Result<ConformedSource> loadConformedSource(const QString &path,
                                            const GenerationSettings &settings,
                                            const std::string &family)
{
    auto info = probeVideo(path);
    if (!info)
        return info.error();
    auto plan = planConform(*info, conformSpecFor(settings, family));
    if (!plan)
        return plan.error();
    auto clip = decodeConformed(*plan);
    if (!clip)
        return clip.error();
    if (clip->frames.count != settings.frames)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 holds only %2 usable frames; the render needs %3 "
                                        "(set the frame count to %2)")
                             .arg(path)
                             .arg(clip->frames.count)
                             .arg(settings.frames)
                             .toStdString());
    ConformedSource source;
    source.frames = std::move(clip->frames);
    source.plan = std::move(*plan);
    for (const DecodeProblem &problem : clip->problems)
        source.warnings << problem.message;
    return source;
}

} // namespace mbq
