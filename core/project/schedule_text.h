#pragma once
// A schedule's layers in a few words for tooltips and plot details: consecutive layers of one
// kind at one weight collapse into a band, "block.20–block.29 at 1.00"; "off" when none inject.

#include "inference/injection_schedule.h"

#include <QString>

namespace mbq {

QString describeLayers(const InjectionSchedule &schedule);

} // namespace mbq
