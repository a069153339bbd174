#pragma once
// Conforming a clip to what a model takes: a frame rate (by timestamp resampling), a frame
// count rule (Wan: 4n+1; VideoCrafter2: exactly 16) met by trimming or by choosing where the
// used range starts, and a size that is a multiple of 16, reached by scaling and centre-
// cropping (default) or padding. planConform works from the headers alone, so the UI can show
// what will be cut or scaled before anything is decoded; decodeConformed carries it out.

#include "core/media/media_info.h"
#include "core/media/video_reader.h"
#include "inference/engine.h"

#include <QRect>
#include <QStringList>

#include <vector>

namespace mbq {

enum class FrameRule {
    Any,          // up to `frames`
    FourNPlusOne, // the largest 4n+1 up to `frames` (Wan's VAE packs 1 + 4k frames)
    Exact,        // exactly `frames` (VideoCrafter2: 16); fails if the source is too short
};

enum class FitMode {
    Crop, // scale to cover the target, cut the overhang equally on both sides
    Pad,  // scale to fit inside the target, fill the rest with black equally on both sides
};

struct ConformSpec
{
    double fps = 16.0; // 0: keep the source's nominal rate
    FrameRule frameRule = FrameRule::FourNPlusOne;
    int frames = 81;
    double startSeconds = 0.0; // where the used range begins in the source
    int width = 832;           // 0 (both): the source size, snapped down to multiples of 16
    int height = 480;
    FitMode fit = FitMode::Crop;

    static ConformSpec wan();            // 832×480, 81 frames (4n+1), 16 fps
    static ConformSpec videoCrafter2();  // 512×320, exactly 16 frames, 8 fps
};

struct ConformPlan
{
    QString path;
    // Time: output frame k shows the source frame on screen at startSeconds + k / fps.
    double sourceFps = 0.0;
    int sourceFrames = 0;   // as the container states or estimates it
    double fps = 0.0;
    double startSeconds = 0.0;
    int frames = 0;         // frames the output will have
    int availableFrames = 0; // output frames the source could fill from startSeconds on
    FrameRule frameRule = FrameRule::Any;
    // Space: the displayed source is scaled to scaledWidth × scaledHeight, then the output
    // (width × height) is cut from it (crop) or centred on black (pad) at `placement`: for
    // crop the rectangle taken from the scaled picture, for pad where it goes in the output.
    int sourceWidth = 0;
    int sourceHeight = 0;
    int scaledWidth = 0;
    int scaledHeight = 0;
    int width = 0;
    int height = 0;
    FitMode fit = FitMode::Crop;
    QRect placement;
    // Every adjustment that was not asked for literally (snapping, shortening), for the UI.
    QStringList notes;

    // One line for the timeline: "81 of 120 frames from 0.00 s, 24→16 fps, 854×480 → crop 832×480".
    QString summary() const;
};

// Fails (InvalidArgument) when the spec is impossible for this source: too short for an exact
// count or for a single frame, a size below 16, a non-positive rate.
Result<ConformPlan> planConform(const MediaInfo &info, const ConformSpec &spec);

struct ConformedClip
{
    VideoFrames frames;                  // plan.width × plan.height, plan.frames at plan.fps
    std::vector<double> sourceSeconds;   // which source frame (by time) each output frame is
    std::vector<DecodeProblem> problems; // damage met, and a shortfall against the plan
};

// Decodes the planned range, converting and scaling only the frames it keeps. If the file holds
// fewer frames than its headers promised, the result is cut to the largest count the plan's
// rule allows and the shortfall is reported in `problems`; fewer than the rule's minimum fails.
Result<ConformedClip> decodeConformed(const ConformPlan &plan, const ReaderOptions &options = {});

} // namespace mbq
