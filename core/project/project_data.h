#pragma once
// The project as plain values: what a .mbqproj file holds and what the undo commands edit.
// Paths are absolute once loaded from a file; a relative path means "relative to the project
// file's folder" (an untitled document keeps them relative until it is saved somewhere).

#include "inference/engine.h"
#include "inference/injection_schedule.h"

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QVector>

#include <cstdint>
#include <optional>

namespace mbq {

// One prompt and duration on the timeline. A single-shot project has exactly one.
struct Shot
{
    QString prompt;
    int frames = 81;

    bool operator==(const Shot &o) const { return prompt == o.prompt && frames == o.frames; }
    bool operator!=(const Shot &o) const { return !(*this == o); }
};

// Everything a render depends on besides the source clip and the model: the current editor
// state, and the frozen copy inside each take.
struct RenderParameters
{
    QVector<Shot> shots {Shot {}}; // never empty; shots[0].prompt is the target prompt
    QString negativePrompt;
    QString sourcePrompt;
    // Lockstep extraction: the source clip is this model's render from this seed (with these
    // settings), so its trajectory starts from that seed's noise; unset: the clip is inverted.
    std::optional<uint64_t> sourceSeed;
    GenerationSettings settings; // includes the seed
    InjectionSchedule schedule;

    QString targetPrompt() const { return shots.isEmpty() ? QString() : shots.front().prompt; }

    bool operator==(const RenderParameters &o) const
    {
        return shots == o.shots && negativePrompt == o.negativePrompt
            && sourcePrompt == o.sourcePrompt && sourceSeed == o.sourceSeed
            && settings == o.settings && schedule == o.schedule;
    }
    bool operator!=(const RenderParameters &o) const { return !(*this == o); }
};

// Mirrors the render job states (ARCHITECTURE.md, "Threading").
enum class TakeState { Queued, Running, Succeeded, Failed, Cancelled };

const char *takeStateName(TakeState state);
bool parseTakeState(const QString &name, TakeState *out);

// One render in the history, with the parameters it was made with.
struct Take
{
    QString id; // unique within the project, stable across renames
    QString label; // what the timeline shows, e.g. "take 3"
    QDateTime created;
    RenderParameters parameters;
    TakeState state = TakeState::Queued;
    QString videoPath;
    QString latentsPath;
    QString baselinePath;
    QMap<QString, double> metrics; // e.g. "motion_fidelity" -> 0.81

    bool operator==(const Take &o) const;
    bool operator!=(const Take &o) const { return !(*this == o); }
};

// The seed of `take` when a lockstep source walked from it retraces the take's video exactly
// under `current`: the take is a plain render (one shot, no injection) with the same negative
// prompt and the same settings apart from the seed. Else nullopt: lockstep inverts the clip.
std::optional<uint64_t> motionSourceSeed(const Take &take, const RenderParameters &current);

struct ProjectData
{
    QString sourceClip;
    QString modelFolder;
    // The family of the model last loaded for the project ("wan2.1", "videocrafter2", "fake"):
    // edits of sizes and frame counts follow its rules (core/project/settings_rules.h). Files
    // written before it was stored are Wan2.1 projects.
    QString modelFamily = QStringLiteral("wan2.1");
    RenderParameters parameters;
    bool seedLocked = false; // a locked seed is kept when the artist asks for a new variation
    QVector<Take> takes;

    int takeIndex(const QString &id) const;

    bool operator==(const ProjectData &o) const
    {
        return sourceClip == o.sourceClip && modelFolder == o.modelFolder
            && modelFamily == o.modelFamily && parameters == o.parameters
            && seedLocked == o.seedLocked && takes == o.takes;
    }
    bool operator!=(const ProjectData &o) const { return !(*this == o); }
};

} // namespace mbq
