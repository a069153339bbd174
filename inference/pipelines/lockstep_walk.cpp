#include "inference/pipelines/lockstep_walk.h"

#include "inference/attention/fnv.h"

#include <string>

namespace mbq::pipelines {

LockstepWalk::LockstepWalk(const InjectionSchedule &schedule, TrajectoryCache *trajectory,
                           at::Device device, uint64_t sourceKey, int steps)
    : m_schedule(schedule)
    , m_trajectory(trajectory)
    , m_device(device)
{
    attention::Fnv start;
    start.string("mbq-lockstep-start-1");
    start.value(sourceKey);
    m_startKey = start.hash();
    uint64_t previous = m_startKey;
    for (int i = 0; i < steps; ++i) {
        attention::Fnv f;
        f.value(previous);
        f.value(i);
        previous = f.hash();
        m_stepKeys.push_back(previous);
    }
}

void LockstepWalk::keep(const TrajectoryStep &after)
{
    if (m_trajectory)
        m_trajectory->put(m_stepKeys[size_t(m_step)], after);
    ++m_step;
}

Result<void> LockstepWalk::beforeStep(int step)
{
    if (step >= m_schedule.stepEnd)
        return {};
    if (!started())
        return makeError(ErrorCode::Internal, "the lockstep source was not prepared");
    if (step < m_step || step > int(m_stepKeys.size()))
        return makeError(ErrorCode::Internal,
                         "the lockstep source cannot serve step " + std::to_string(step));
    // A resumed target starts late: continue the source from its own kept step when there is
    // one, else walk it up without capturing.
    if (m_step < step && m_trajectory) {
        const std::vector<uint64_t> before(m_stepKeys.begin(), m_stepKeys.begin() + step);
        if (auto kept = m_trajectory->resumePoint(before, m_device);
            kept && kept->first + 1 > m_step) {
            restore(kept->second);
            m_step = kept->first + 1;
        }
    }
    while (m_step < step) {
        if (auto done = this->step(false); !done)
            return done.error();
    }
    if (auto done = this->step(step >= m_schedule.stepBegin); !done)
        return done.error();
    injectCaptured();
    return {};
}

} // namespace mbq::pipelines
