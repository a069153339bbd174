#pragma once
// Where the studio keeps the engine's settings (device, precision, cache budgets and folder)
// between runs: the "engine/" group of the application's QSettings. What is stored is what the
// engine last accepted; the editor writes it only after Engine::configure succeeded.

#include "inference/engine.h"

#include <QString>

class QSettings;

namespace mbq {

// The settings a first start uses: the engine's defaults, with the trajectory cache's disk tier
// in a folder under the user's cache location.
EngineSettings defaultEngineSettings();
QString defaultCacheFolder();

// Reads the stored settings; a key never written keeps its default.
EngineSettings loadEngineSettings(const QSettings &settings);
void saveEngineSettings(QSettings &settings, const EngineSettings &engine);

} // namespace mbq
