#pragma once
// Names the engine reports in English ("CPU (8 threads)", the "official" model layout), in the
// artist's language. The engine (inference/) has no Qt and no translations; what it names is
// translated here, where it is shown.

#include <QString>

namespace mbq {

// "CPU (8 threads)" translated with its plural; GPU names ("NVIDIA H100 80GB") as they are.
QString deviceText(const QString &engineDevice);
// A model folder layout: "official" translated, "diffusers" as its proper name, others as given.
QString layoutText(const QString &layout);

} // namespace mbq
