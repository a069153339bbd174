#include "core/render/sweep_grid.h"

#include "core/project/layer_selection.h"

#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mbq {
namespace {

struct SweepText
{
    Q_DECLARE_TR_FUNCTIONS(mbq::SweepGrid)
};

// More values than this on one axis is a typo (a tiny STEP), not a plan.
constexpr int kMaxAxisValues = 1000;

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message.toStdString());
}

bool parseParameter(const QString &name, SweepParameter *out)
{
    for (SweepParameter p : {SweepParameter::BeginStep, SweepParameter::EndStep,
                             SweepParameter::Weight, SweepParameter::Layers}) {
        if (name == QLatin1String(sweepParameterName(p))) {
            *out = p;
            return true;
        }
    }
    return false;
}

QString shortest(double value)
{
    return QString::number(value, 'g', QLocale::FloatingPointShortest);
}

// Checks one number of a step or weight axis; `what` is how the error names it.
Result<void> checkNumber(SweepParameter parameter, double value, int steps, const QString &what)
{
    const QString name = QLatin1String(sweepParameterName(parameter));
    if (parameter == SweepParameter::Weight) {
        if (!(value >= 0.0 && value <= 1.0))
            return invalid(SweepText::tr("%1: %2 is not a weight between 0 and 1").arg(name, what));
        return {};
    }
    if (value != std::floor(value))
        return invalid(SweepText::tr("%1: %2 is not a whole step").arg(name, what));
    if (value < 0.0 || value > steps)
        return invalid(SweepText::tr("%1: step %2 is outside 0-%3 (the render has %3 steps)")
                           .arg(name, what)
                           .arg(steps));
    return {};
}

// "A:B:STEP" or "N" -> values appended to `out`.
Result<void> readNumbers(SweepParameter parameter, const QString &item, int steps,
                         std::vector<double> *out)
{
    const QString name = QLatin1String(sweepParameterName(parameter));
    const QStringList parts = item.split(QLatin1Char(':'));
    std::vector<double> numbers;
    for (const QString &part : parts) {
        bool ok = false;
        const double value = part.trimmed().toDouble(&ok);
        if (!ok || !std::isfinite(value))
            return invalid(SweepText::tr("%1: “%2” is not a number").arg(name, part.trimmed()));
        numbers.push_back(value);
    }
    if (numbers.size() == 1) {
        if (auto valid = checkNumber(parameter, numbers[0], steps, item); !valid)
            return valid;
        out->push_back(numbers[0]);
        return {};
    }
    if (numbers.size() != 3)
        return invalid(
            SweepText::tr("%1: “%2” is not a number or a range A:B:STEP").arg(name, item));
    const double first = numbers[0], last = numbers[1], step = numbers[2];
    for (int i = 0; i < 2; ++i) {
        if (auto valid = checkNumber(parameter, numbers[size_t(i)], steps, parts[i].trimmed());
            !valid)
            return valid;
    }
    if (step <= 0.0 || (parameter != SweepParameter::Weight && step != std::floor(step)))
        return invalid(SweepText::tr("%1: the STEP of “%2” must be a positive %3")
                           .arg(name, item,
                                parameter == SweepParameter::Weight
                                    ? SweepText::tr("number")
                                    : SweepText::tr("whole number")));
    if (last < first)
        return invalid(
            SweepText::tr("%1: the range “%2” runs backwards; write %3:%4:%5")
                .arg(name, item, parts[1].trimmed(), parts[0].trimmed(), parts[2].trimmed()));
    // The small tolerance keeps B on the grid when STEP is a decimal such as 0.1.
    const double count = std::floor((last - first) / step + 1e-9) + 1.0;
    if (count + double(out->size()) > kMaxAxisValues)
        return invalid(SweepText::tr("%1: more than %2 values").arg(name).arg(kMaxAxisValues));
    for (int i = 0; i < int(count); ++i) {
        // Rounded to 1e-9 so that 0:1:0.1 gives 0.3, not 0.30000000000000004.
        const double value = std::round((first + i * step) * 1e9) / 1e9;
        out->push_back(std::min(value, last));
    }
    return {};
}

Result<void> readNumberAxis(const QStringList &items, int steps, SweepAxis *axis)
{
    const QString name = QLatin1String(sweepParameterName(axis->parameter));
    for (const QString &item : items) {
        if (item.trimmed().isEmpty())
            return invalid(SweepText::tr("%1: an empty value between commas").arg(name));
        if (auto read = readNumbers(axis->parameter, item.trimmed(), steps, &axis->numbers); !read)
            return read;
    }
    for (double value : axis->numbers) {
        const QString label = shortest(value);
        if (axis->labels.contains(label))
            return invalid(SweepText::tr("%1: %2 is listed twice").arg(name, label));
        axis->labels << label;
    }
    return {};
}

Result<void> readLayersAxis(const QStringList &items, const std::vector<std::string> &layers,
                            SweepAxis *axis)
{
    for (const QString &item : items) {
        const QString text = item.trimmed();
        if (text.isEmpty())
            return invalid(SweepText::tr("layers: an empty selection between commas"));
        auto selected = parseLayerSelection(
            QString(text).replace(QLatin1Char('+'), QLatin1Char(',')), layers);
        if (!selected)
            return invalid(SweepText::tr("layers: “%1”: %2")
                               .arg(text, QString::fromStdString(selected.error().message)));
        if (selected->empty())
            return invalid(SweepText::tr("layers: “%1” selects no layer").arg(text));
        // The canonical text, which `mbq transfer --layers` reads back as the same layers.
        const QString label = formatLayerSelection(*selected, layers);
        if (axis->labels.contains(label))
            return invalid(SweepText::tr("layers: %1 is listed twice").arg(label));
        axis->labels << label;
        axis->layerSets.push_back(std::move(*selected));
    }
    return {};
}

} // namespace

const char *sweepParameterName(SweepParameter parameter)
{
    switch (parameter) {
    case SweepParameter::BeginStep:
        return "begin-step";
    case SweepParameter::EndStep:
        return "end-step";
    case SweepParameter::Weight:
        return "weight";
    case SweepParameter::Layers:
        return "layers";
    }
    return "?";
}

Result<SweepAxis> parseSweepAxis(const QString &text, int steps,
                                 const std::vector<std::string> &layers)
{
    const int equals = text.indexOf(QLatin1Char('='));
    if (equals < 0)
        return invalid(
            SweepText::tr("“%1” is not AXIS=VALUES (for example end-step=0:50:5)").arg(text));
    SweepAxis axis;
    const QString name = text.left(equals).trimmed();
    if (!parseParameter(name, &axis.parameter))
        return invalid(SweepText::tr("“%1” is not an axis; use begin-step, end-step, weight or "
                                     "layers (and --seeds for seeds)")
                           .arg(name));
    const QString values = text.mid(equals + 1);
    if (values.trimmed().isEmpty())
        return invalid(SweepText::tr("%1: no values").arg(name));
    const QStringList items = values.split(QLatin1Char(','));
    auto read = axis.parameter == SweepParameter::Layers ? readLayersAxis(items, layers, &axis)
                                                         : readNumberAxis(items, steps, &axis);
    if (!read)
        return read.error();
    return axis;
}

Result<void> SweepGrid::add(SweepAxis axis)
{
    for (const SweepAxis &existing : axes) {
        if (existing.parameter == axis.parameter)
            return invalid(SweepText::tr("%1 is varied twice; give all its values in one --vary")
                               .arg(QLatin1String(sweepParameterName(axis.parameter))));
    }
    axes.push_back(std::move(axis));
    return {};
}

uint64_t SweepGrid::combinations() const
{
    uint64_t total = seeds.size();
    for (const SweepAxis &axis : axes) {
        const uint64_t n = uint64_t(axis.size());
        if (n != 0 && total > std::numeric_limits<uint64_t>::max() / n)
            return std::numeric_limits<uint64_t>::max();
        total *= n;
    }
    return total;
}

std::vector<SweepPoint> SweepGrid::points() const
{
    std::vector<SweepPoint> points;
    for (const SweepAxis &axis : axes) {
        if (axis.size() == 0)
            return points;
    }
    for (uint64_t seed : seeds) {
        SweepPoint point {seed, std::vector<int>(axes.size(), 0)};
        // Counts through the axes like an odometer, the last axis turning fastest.
        for (;;) {
            points.push_back(point);
            int a = int(axes.size()) - 1;
            while (a >= 0 && ++point.index[size_t(a)] == axes[size_t(a)].size())
                point.index[size_t(a--)] = 0;
            if (a < 0)
                break;
        }
    }
    return points;
}

RenderRequest SweepGrid::requestFor(const RenderRequest &base, const SweepPoint &point) const
{
    RenderRequest request = base;
    request.settings.seed = point.seed;
    InjectionSchedule &schedule = request.injection;
    const SweepAxis *weightAxis = nullptr;
    int weightIndex = 0;
    for (size_t a = 0; a < axes.size(); ++a) {
        const SweepAxis &axis = axes[a];
        const int i = point.index[a];
        switch (axis.parameter) {
        case SweepParameter::BeginStep:
            schedule.stepBegin = int(axis.numbers[size_t(i)]);
            break;
        case SweepParameter::EndStep:
            schedule.stepEnd = int(axis.numbers[size_t(i)]);
            break;
        case SweepParameter::Layers: {
            const float weight = baseWeight(base.injection);
            schedule.layers.clear();
            for (const std::string &id : axis.layerSets[size_t(i)])
                schedule.layers.push_back({id, weight, {}});
            break;
        }
        case SweepParameter::Weight:
            weightAxis = &axis;
            weightIndex = i;
            break;
        }
    }
    // After the layers: the weight applies to whichever layers the cell injects.
    if (weightAxis) {
        for (LayerInjection &layer : schedule.layers)
            layer.weight = float(weightAxis->numbers[size_t(weightIndex)]);
    }
    return request;
}

float baseWeight(const InjectionSchedule &schedule)
{
    if (schedule.layers.empty())
        return 1.0f;
    float strongest = 0.0f;
    for (const LayerInjection &layer : schedule.layers)
        strongest = std::max(strongest, layer.weight);
    return strongest;
}

} // namespace mbq
