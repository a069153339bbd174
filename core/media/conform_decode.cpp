// decodeConformed: plays the source forward and, for each output time, keeps the frame that is
// on screen then (sample and hold), which is how a player would show the clip at that rate.
#include "core/media/conform.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>
#include <cstring>
#include <utility>

namespace mbq {

namespace {

struct Conform
{
    Q_DECLARE_TR_FUNCTIONS(mbq::Conform)
};

// A source frame stamped this little after an output time still counts as on screen then:
// containers round timestamps (Matroska to 1 ms), so 62.5 ms may be stored as 63 ms. Capped at
// a quarter of the source's frame time so it never reaches a frame that is really later.
double timeTolerance(double sourceFps)
{
    constexpr double kRounding = 0.002;
    return sourceFps > 0 ? std::min(kRounding, 0.25 / sourceFps) : kRounding;
}

// Places one scaled picture into an output frame as the plan says.
void place(const ConformPlan &plan, const uint8_t *scaled, uint8_t *out)
{
    const QRect &r = plan.placement;
    if (plan.fit == FitMode::Crop) {
        for (int y = 0; y < plan.height; ++y)
            std::memcpy(out + size_t(y) * plan.width * 3,
                        scaled + (size_t(y + r.y()) * plan.scaledWidth + r.x()) * 3,
                        size_t(plan.width) * 3);
        return;
    }
    std::memset(out, 0, size_t(plan.width) * plan.height * 3);
    for (int y = 0; y < r.height(); ++y)
        std::memcpy(out + (size_t(y + r.y()) * plan.width + r.x()) * 3,
                    scaled + size_t(y) * plan.scaledWidth * 3, size_t(plan.scaledWidth) * 3);
}

int largestAllowed(FrameRule rule, int produced, int planned)
{
    switch (rule) {
    case FrameRule::Any:
        return produced;
    case FrameRule::FourNPlusOne:
        return produced >= 1 ? (produced - 1) / 4 * 4 + 1 : 0;
    case FrameRule::Exact:
        return produced >= planned ? planned : 0;
    }
    return 0;
}

} // namespace

Result<ConformedClip> decodeConformed(const ConformPlan &plan, const ReaderOptions &options)
{
    const QString name = QFileInfo(plan.path).fileName();
    if (plan.frames <= 0 || plan.width <= 0 || plan.height <= 0 || plan.fps <= 0)
        return makeError(ErrorCode::InvalidArgument,
                         Conform::tr("%1: empty conform plan").arg(name).toStdString());
    auto opened = VideoReader::open(plan.path, options);
    if (!opened)
        return opened.error();
    VideoReader &reader = *opened.value();
    if (plan.startSeconds > 0)
        reader.seek(plan.startSeconds);

    ConformedClip clip;
    VideoFrames &frames = clip.frames;
    frames.width = plan.width;
    frames.height = plan.height;
    frames.fps = plan.fps;
    frames.rgb.resize(frames.frameBytes() * size_t(plan.frames));
    std::vector<uint8_t> scaled(size_t(plan.scaledWidth) * plan.scaledHeight * 3);

    DecodedPicture current;
    DecodedPicture ahead;
    bool haveCurrent = reader.read(current);
    bool haveAhead = haveCurrent && reader.read(ahead);
    const double nominalStep = reader.info().fps > 0 ? 1.0 / reader.info().fps : 1.0 / plan.fps;
    const double tolerance = timeTolerance(reader.info().fps);
    for (int k = 0; haveCurrent && k < plan.frames; ++k) {
        const double t = plan.startSeconds + k / plan.fps;
        while (haveAhead && ahead.seconds <= t + tolerance) {
            std::swap(current, ahead);
            haveAhead = reader.read(ahead);
        }
        // Past the last frame's nominal duration the source has nothing on screen.
        if (!haveAhead && t > current.seconds + nominalStep + tolerance)
            break;
        auto converted = reader.toRgb(current, plan.scaledWidth, plan.scaledHeight,
                                      scaled.data());
        if (!converted)
            return converted.error();
        place(plan, scaled.data(), frames.frame(k));
        clip.sourceSeconds.push_back(current.seconds);
        frames.count = k + 1;
    }
    clip.problems = reader.problems();

    const int produced = frames.count;
    if (produced < plan.frames) {
        const int kept = largestAllowed(plan.frameRule, produced, plan.frames);
        if (kept == 0) {
            QString message = Conform::tr("%1: decoded only %2 of the %3 frames the model needs")
                                  .arg(name)
                                  .arg(produced)
                                  .arg(plan.frames);
            if (!clip.problems.empty())
                message += QStringLiteral(": ") + clip.problems.front().message;
            return makeError(ErrorCode::BadFormat, message.toStdString(),
                             plan.path.toStdString());
        }
        clip.problems.push_back({produced, produced > 0 ? clip.sourceSeconds.back() : 0.0,
                                 Conform::tr("%1: the file held %2 frames where %3 were planned; "
                                             "using %4")
                                     .arg(name)
                                     .arg(produced)
                                     .arg(plan.frames)
                                     .arg(kept)});
        frames.count = kept;
        clip.sourceSeconds.resize(size_t(kept));
    }
    frames.rgb.resize(frames.frameBytes() * size_t(frames.count));
    return clip;
}

} // namespace mbq
