#pragma once
// What the lockstep sources of every model share (wan_lockstep.h, vc2_lockstep.h): the keys
// under which the source's steps are kept in the trajectory cache, and bringing the source to
// the target's step before capturing there, from the source's own kept step when the cache has
// one, else by walking the steps between without capturing.

#include "inference/injection_schedule.h"
#include "inference/pipelines/trajectory_cache.h"
#include "inference/result.h"

#include <ATen/ATen.h>

#include <cstdint>
#include <vector>

namespace mbq::pipelines {

class LockstepWalk
{
public:
    virtual ~LockstepWalk() = default;
    LockstepWalk(const LockstepWalk &) = delete;
    LockstepWalk &operator=(const LockstepWalk &) = delete;

    // Runs the source up to `step`, captures its Q at `step` and switches to injecting it into
    // the target's passes at `step`. Steps past the range need no source.
    Result<void> beforeStep(int step);
    // Model passes run for the source: inversion plus the source's steps.
    int passes() const { return m_passes; }

protected:
    // sourceKey: everything the source's walk depends on (clip, model, prompt, sampler and, for
    // a seeded source, the seed and guidance); the step keys chain from it.
    LockstepWalk(const InjectionSchedule &schedule, TrajectoryCache *trajectory, at::Device device,
                 uint64_t sourceKey, int steps);

    // The key the source's start (an inverted latent) is kept under.
    uint64_t startKey() const { return m_startKey; }
    // True once the start is known (prepare() in the models' sources).
    virtual bool started() const = 0;
    // One source step at m_step, capturing its Q when `capture`; ends with keep().
    virtual Result<void> step(bool capture) = 0;
    // Continues from the source as it was after a kept step.
    virtual void restore(const TrajectoryStep &kept) = 0;
    // Switches the hooks to injecting what the last step captured.
    virtual void injectCaptured() = 0;
    // Keeps the source after step m_step (when there is a cache) and moves on to the next.
    void keep(const TrajectoryStep &after);

    const InjectionSchedule &m_schedule;
    TrajectoryCache *m_trajectory;
    int m_step = 0;
    int m_passes = 0;

private:
    at::Device m_device;
    uint64_t m_startKey = 0;
    std::vector<uint64_t> m_stepKeys;
};

} // namespace mbq::pipelines
