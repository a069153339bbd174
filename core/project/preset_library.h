#pragma once
// The injection presets compiled into mbq_core (resources/presets/*.json, read from
// :/presets/): what the editor's preset menu offers.

#include "inference/injection_preset.h"
#include "inference/result.h"

#include <string>
#include <vector>

namespace mbq {

struct PresetLibrary
{
    std::vector<InjectionPreset> presets; // sorted by name
    // One per compiled-in file that does not parse: a build defect, but never fatal to the UI.
    std::vector<Error> errors;
};

// The compiled-in presets for model `family` (e.g. "wan2.1"), or all of them when empty.
PresetLibrary compiledPresets(const std::string &family = {});

} // namespace mbq
