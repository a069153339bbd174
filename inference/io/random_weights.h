#pragma once
// What every tiny random-weight model file carries, so it is labelled wherever it appears:
// the note (in configs and safetensors metadata) and the helper that writes a labelled config.

#include "inference/result.h"

#include <string>

namespace mbq::io {

constexpr const char *kRandomWeightsNote =
    "mbq tiny model: RANDOM WEIGHTS for tests and demos; its output is noise";

// Writes `configJson` with "_mbq_note" added as `folder`/config.json, creating the folder.
Result<void> writeLabelledConfig(const std::string &folder, const std::string &configJson);

// Writes `text` to `path` atomically; errors name the file.
Result<void> writeTextFile(const std::string &path, const std::string &text);

} // namespace mbq::io
