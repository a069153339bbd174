#pragma once
// The hooks an injected render runs with: the caller's, plus a stop at the next step once the
// user cancels or the injector has failed, so no step is rendered past a failed injection.

#include "inference/attention/q_injector.h"
#include "inference/engine.h"

#include <atomic>

namespace mbq::pipelines {

class InjectedHooks
{
public:
    InjectedHooks(const JobHooks &outer, const attention::QInjector &injector)
        : m_outer(outer)
        , m_stop(outer.cancelled())
    {
        m_inner = outer;
        m_inner.cancel = &m_stop;
        m_inner.progress = [this, &injector](const Progress &p) {
            if (m_outer.progress)
                m_outer.progress(p);
            if (m_outer.cancelled() || injector.error())
                m_stop.store(true);
        };
    }
    InjectedHooks(const InjectedHooks &) = delete;
    InjectedHooks &operator=(const InjectedHooks &) = delete;

    const JobHooks &hooks() const { return m_inner; }

private:
    JobHooks m_outer;
    std::atomic<bool> m_stop;
    JobHooks m_inner;
};

} // namespace mbq::pipelines
