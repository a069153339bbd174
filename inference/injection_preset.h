#pragma once
// Injection presets (resources/presets/*.json): the paper's settings per model family, shipped
// as labelled starting points for the editor and the CLI. Torch-free, no Qt.

#include "inference/injection_schedule.h"
#include "inference/result.h"

#include <string>

namespace mbq {

struct InjectionPreset
{
    std::string name;   // file stem, e.g. "wan21_paper"
    std::string family; // the model family it is for, e.g. "wan2.1"
    std::string label;  // shown to the user
    std::string notes;  // where the numbers come from and what is guessed
    int steps = 0;      // the sampler step count the step range assumes
    InjectionSchedule schedule;
};

// Parses a preset (format "mbq.preset.v1") and validates its schedule against `steps`.
// BadFormat names the field that is missing or wrong; `origin` names the source in messages.
Result<InjectionPreset> parseInjectionPreset(const std::string &json, const std::string &origin);
Result<InjectionPreset> loadInjectionPreset(const std::string &path);

// The preset's schedule for a sampler of `steps` steps: the step range keeps its share of the
// schedule (each end rounded to the nearest step), and a non-empty range stays at least one
// step long. Unchanged when the step counts agree or either is not positive.
InjectionSchedule rescaledSchedule(const InjectionPreset &preset, int steps);

} // namespace mbq
