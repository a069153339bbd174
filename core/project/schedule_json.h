#pragma once
// InjectionSchedule <-> JSON, shared by the project file, the takes inside it and presets.
//
// {"layers": [{"id": "block.20", "weight": 1, "head_weights": [1, 0.5]}],
//  "step_begin": 0, "step_end": 29, "mode": "replace",
//  "extraction": "single", "extraction_timestep": 200, "guidance_branches": "both",
//  "token_mask": "<base64 bytes>"}
// head_weights, extraction_timestep, guidance_branches and token_mask may be left out.

#include "core/project/json_reader.h"
#include "inference/injection_schedule.h"

#include <QJsonObject>

namespace mbq {

QJsonObject scheduleToJson(const InjectionSchedule &schedule);

// Reads and checks the values that are wrong whatever the model (weights outside [0, 1], an
// inverted step range, duplicate layers); layer ids and the range against the step count are
// checked at render time by InjectionSchedule::validate. `path` names `object` in errors.
bool readSchedule(JsonReader &reader, const QJsonObject &object, const QString &path,
                  InjectionSchedule *out);

// Stand-alone form for presets; `fileName` prefixes error messages.
Result<InjectionSchedule> scheduleFromJson(const QJsonObject &object, const QString &fileName);

// The shortest decimal double that reads back as exactly `value`, so that 0.7f is written as
// 0.7 rather than 0.699999988079071.
double jsonFloat(float value);

} // namespace mbq
