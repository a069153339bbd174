#include "core/project/project_data.h"

#include <cmath>
#include <iterator>

namespace mbq {

namespace {

constexpr const char *kTakeStateNames[] = {"queued", "running", "succeeded", "failed", "cancelled"};

// NaN marks a metric that could not be computed; two such takes are still the same take.
bool sameMetrics(const QMap<QString, double> &a, const QMap<QString, double> &b)
{
    if (a.size() != b.size())
        return false;
    for (auto i = a.cbegin(), j = b.cbegin(); i != a.cend(); ++i, ++j) {
        if (i.key() != j.key())
            return false;
        if (i.value() != j.value() && !(std::isnan(i.value()) && std::isnan(j.value())))
            return false;
    }
    return true;
}

} // namespace

const char *takeStateName(TakeState state)
{
    return kTakeStateNames[static_cast<int>(state)];
}

bool parseTakeState(const QString &name, TakeState *out)
{
    for (int i = 0; i < int(std::size(kTakeStateNames)); ++i) {
        if (name == QLatin1String(kTakeStateNames[i])) {
            *out = static_cast<TakeState>(i);
            return true;
        }
    }
    return false;
}

bool Take::operator==(const Take &o) const
{
    return id == o.id && label == o.label && created == o.created && parameters == o.parameters
        && state == o.state && videoPath == o.videoPath && latentsPath == o.latentsPath
        && baselinePath == o.baselinePath && sameMetrics(metrics, o.metrics);
}

std::optional<uint64_t> motionSourceSeed(const Take &take, const RenderParameters &current)
{
    const RenderParameters &made = take.parameters;
    GenerationSettings settings = made.settings;
    settings.seed = current.settings.seed;
    const bool plain = made.shots.size() == 1 && made.schedule.isOff();
    if (!plain || made.negativePrompt != current.negativePrompt || settings != current.settings)
        return std::nullopt;
    return made.settings.seed;
}

int ProjectData::takeIndex(const QString &id) const
{
    for (int i = 0; i < takes.size(); ++i) {
        if (takes[i].id == id)
            return i;
    }
    return -1;
}

} // namespace mbq
