#pragma once
// Turns the project's current parameters into the engine's request: the one place where the
// document's Qt types become the facade's plain ones.

#include "core/project/project_data.h"
#include "inference/engine.h"

namespace mbq {

RenderRequest renderRequestFor(const RenderParameters &parameters);

// A short job label from the target prompt: its first words, at most `maxChars` characters.
QString renderLabelFor(const RenderParameters &parameters, int maxChars = 40);

} // namespace mbq
