#include "ui/injection/layer_mute_solo.h"

#include <algorithm>

namespace mbq {
namespace {

// The only layer with a positive weight, or empty.
std::string soleActiveLayer(const InjectionSchedule &schedule)
{
    std::string sole;
    for (const LayerInjection &layer : schedule.layers) {
        if (layer.weight <= 0.0f)
            continue;
        if (!sole.empty())
            return {};
        sole = layer.layer;
    }
    return sole;
}

} // namespace

InjectionSchedule withWeight(InjectionSchedule schedule, const std::string &id, float weight)
{
    auto it = std::find_if(schedule.layers.begin(), schedule.layers.end(),
                           [&](const LayerInjection &l) { return l.layer == id; });
    if (it != schedule.layers.end())
        it->weight = weight;
    else if (weight > 0.0f)
        schedule.layers.push_back({id, weight, {}});
    return schedule;
}

void LayerMuteSolo::observe(const InjectionSchedule &schedule)
{
    for (const LayerInjection &layer : schedule.layers) {
        if (layer.weight > 0.0f)
            m_audible[layer.layer] = layer.weight;
    }
}

void LayerMuteSolo::forget()
{
    m_audible.clear();
    m_soloLayer.clear();
    m_beforeSolo.clear();
}

bool LayerMuteSolo::isMuted(const InjectionSchedule &schedule, const std::string &id) const
{
    return schedule.weightOf(id) <= 0.0f && m_audible.count(id) > 0;
}

bool LayerMuteSolo::isSoloed(const InjectionSchedule &schedule, const std::string &id) const
{
    return !m_soloLayer.empty() && m_soloLayer == id && soleActiveLayer(schedule) == id;
}

float LayerMuteSolo::restoreWeight(const std::string &id) const
{
    const auto it = m_audible.find(id);
    return it == m_audible.end() ? 1.0f : it->second;
}

InjectionSchedule LayerMuteSolo::toggleMute(const InjectionSchedule &schedule,
                                            const std::string &id) const
{
    if (schedule.weightOf(id) > 0.0f)
        return withWeight(schedule, id, 0.0f);
    if (!isMuted(schedule, id))
        return schedule; // off, not muted: nothing to restore
    return withWeight(schedule, id, restoreWeight(id));
}

InjectionSchedule LayerMuteSolo::toggleSolo(const InjectionSchedule &schedule,
                                            const std::string &id)
{
    if (isSoloed(schedule, id)) {
        InjectionSchedule restored = schedule;
        for (const LayerInjection &before : m_beforeSolo) {
            if (before.layer != id)
                restored = withWeight(restored, before.layer, before.weight);
        }
        return restored;
    }
    // A solo in force moves to `id` and keeps its snapshot; otherwise this is the first solo.
    if (m_soloLayer.empty() || !isSoloed(schedule, m_soloLayer))
        m_beforeSolo = schedule.layers;
    m_soloLayer = id;
    InjectionSchedule soloed = schedule;
    for (LayerInjection &layer : soloed.layers)
        layer.weight = 0.0f;
    const float weight = schedule.weightOf(id);
    return withWeight(soloed, id, weight > 0.0f ? weight : restoreWeight(id));
}

} // namespace mbq
