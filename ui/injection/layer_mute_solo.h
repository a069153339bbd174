#pragma once
// Mute and solo for the injection panel's layer rows, as edits of the schedule. The document
// stays the only state that matters: both toggles are read back from the schedule, so undo and
// redo (which only restore schedules) always leave them consistent.
//
// Mute. A layer is muted when its weight is 0 and it has been audible (weight > 0) since the
// project was opened. Muting sets its weight to 0; unmuting restores the last audible weight
// seen. A layer that was never on is "off", not muted: it has nothing to restore, and its
// mute toggle is disabled.
//
// Solo. Soloing layer L sets every other layer to 0 in one edit and takes a snapshot of the
// weights before it; L is soloed while it is the only layer with a positive weight and the
// snapshot is L's. Un-soloing restores the other layers from the snapshot and keeps L's
// current weight, so tweaks made while soloing survive. Soloing another layer while one is
// soloed moves the solo and keeps the original snapshot, so un-soloing returns to the mix from
// before the first solo. Editing another layer up from 0 ends the solo (its toggle clears).
//
// The remembered weights and the snapshot live only in the view: reopening a project shows a
// muted layer as off.

#include "inference/injection_schedule.h"

#include <map>
#include <string>
#include <vector>

namespace mbq {

// `schedule` with `id` at `weight`: the layer's entry is updated (its head weights kept), or
// appended when it is missing and the weight is positive.
InjectionSchedule withWeight(InjectionSchedule schedule, const std::string &id, float weight);

class LayerMuteSolo
{
public:
    // Records the audible weights in `schedule`; call on every refresh.
    void observe(const InjectionSchedule &schedule);
    // A new project was loaded: nothing to restore.
    void forget();

    bool isMuted(const InjectionSchedule &schedule, const std::string &id) const;
    bool isSoloed(const InjectionSchedule &schedule, const std::string &id) const;

    // The schedule after clicking the layer's mute or solo toggle.
    InjectionSchedule toggleMute(const InjectionSchedule &schedule, const std::string &id) const;
    // Not const: soloing takes the snapshot that un-soloing restores.
    InjectionSchedule toggleSolo(const InjectionSchedule &schedule, const std::string &id);

private:
    // The weight a layer comes back at: its last audible weight, or full strength.
    float restoreWeight(const std::string &id) const;

    std::map<std::string, float> m_audible;
    std::string m_soloLayer; // empty when no solo was taken
    std::vector<LayerInjection> m_beforeSolo;
};

} // namespace mbq
