#include "inference/injection_preset.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

namespace mbq {

namespace {

using nlohmann::json;

Error badFormat(const std::string &origin, const std::string &what)
{
    return makeError(ErrorCode::BadFormat, origin + ": " + what);
}

// The member `key` of `object` as a T, or why not.
template<typename T>
Result<T> member(const json &object, const char *key, const std::string &origin)
{
    const auto it = object.find(key);
    if (it == object.end())
        return badFormat(origin, std::string("missing \"") + key + "\"");
    try {
        return it->get<T>();
    } catch (const json::exception &) {
        return badFormat(origin, std::string("\"") + key + "\" has the wrong type");
    }
}

template<typename Enum>
Result<Enum> named(const json &object, const char *key, const std::string &origin,
                   bool (*parse)(const std::string &, Enum *))
{
    auto text = member<std::string>(object, key, origin);
    if (!text)
        return text.error();
    Enum value{};
    if (!parse(*text, &value))
        return badFormat(origin, std::string("\"") + key + "\": unknown value '" + *text + "'");
    return value;
}

Result<InjectionSchedule> parseSchedule(const json &object, const std::string &origin)
{
    InjectionSchedule s;
    const auto layers = object.find("layers");
    if (layers == object.end() || !layers->is_array())
        return badFormat(origin, "\"injection.layers\" must be a list");
    for (const json &layer : *layers) {
        if (!layer.is_object())
            return badFormat(origin, "every entry of \"injection.layers\" must be an object");
        auto id = member<std::string>(layer, "id", origin);
        auto weight = member<float>(layer, "weight", origin);
        if (!id)
            return id.error();
        if (!weight)
            return weight.error();
        LayerInjection entry{*id, *weight, {}};
        if (layer.contains("head_weights")) {
            auto heads = member<std::vector<float>>(layer, "head_weights", origin);
            if (!heads)
                return heads.error();
            entry.headWeights = *heads;
        }
        s.layers.push_back(std::move(entry));
    }
    auto begin = member<int>(object, "step_begin", origin);
    if (!begin)
        return begin.error();
    auto end = member<int>(object, "step_end", origin);
    if (!end)
        return end.error();
    auto timestep = member<float>(object, "extraction_timestep", origin);
    if (!timestep)
        return timestep.error();
    auto mode = named<InjectionMode>(object, "mode", origin, parseInjectionMode);
    if (!mode)
        return mode.error();
    auto extraction = named<ExtractionMode>(object, "extraction", origin, parseExtractionMode);
    if (!extraction)
        return extraction.error();
    auto branches = named<GuidanceBranches>(object, "branches", origin, parseGuidanceBranches);
    if (!branches)
        return branches.error();
    s.stepBegin = *begin;
    s.stepEnd = *end;
    s.extractionTimestep = *timestep;
    s.mode = *mode;
    s.extraction = *extraction;
    s.branches = *branches;
    return s;
}

} // namespace

Result<InjectionPreset> parseInjectionPreset(const std::string &text, const std::string &origin)
{
    const json document = json::parse(text, nullptr, false);
    if (document.is_discarded() || !document.is_object())
        return badFormat(origin, "not a JSON object");
    auto format = member<std::string>(document, "format", origin);
    if (!format)
        return format.error();
    if (*format != "mbq.preset.v1")
        return badFormat(origin, "unknown preset format '" + *format + "'");

    InjectionPreset preset;
    for (auto [key, field] : {std::pair{"name", &preset.name}, std::pair{"family", &preset.family},
                              std::pair{"label", &preset.label},
                              std::pair{"notes", &preset.notes}}) {
        auto value = member<std::string>(document, key, origin);
        if (!value)
            return value.error();
        *field = *value;
    }
    auto steps = member<int>(document, "steps", origin);
    if (!steps)
        return steps.error();
    preset.steps = *steps;
    const auto injection = document.find("injection");
    if (injection == document.end() || !injection->is_object())
        return badFormat(origin, "missing \"injection\"");
    auto schedule = parseSchedule(*injection, origin);
    if (!schedule)
        return schedule.error();
    preset.schedule = *schedule;
    if (auto valid = preset.schedule.validate(preset.steps, {}); !valid)
        return badFormat(origin, valid.error().message);
    return preset;
}

Result<InjectionPreset> loadInjectionPreset(const std::string &path)
{
    std::ifstream file(path, std::ios::binary);
    if (!file)
        return makeError(ErrorCode::NotFound, path + ": cannot open the preset");
    std::ostringstream text;
    text << file.rdbuf();
    return parseInjectionPreset(text.str(), path);
}

InjectionSchedule rescaledSchedule(const InjectionPreset &preset, int steps)
{
    InjectionSchedule schedule = preset.schedule;
    if (preset.steps <= 0 || steps <= 0 || preset.steps == steps)
        return schedule;
    const auto rescale = [&](int step) {
        const long scaled = std::lround(double(step) * steps / preset.steps);
        return int(std::clamp(scaled, 0L, long(steps)));
    };
    const bool injects = schedule.stepBegin < schedule.stepEnd;
    schedule.stepBegin = rescale(schedule.stepBegin);
    schedule.stepEnd = rescale(schedule.stepEnd);
    // Rounding must not switch injection off: [40, 41) of 50 steps is one step, not none, of 10.
    if (injects && schedule.stepBegin >= schedule.stepEnd) {
        schedule.stepEnd = std::min(schedule.stepBegin + 1, steps);
        schedule.stepBegin = schedule.stepEnd - 1;
    }
    return schedule;
}

} // namespace mbq
