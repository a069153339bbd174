#include "core/project/schedule_text.h"

#include <QCoreApplication>
#include <QStringList>

#include <utility>

namespace mbq {
namespace {

// "block.20" -> ("block.", 20); ids without a trailing number give -1.
std::pair<QString, int> splitIndex(const QString &id)
{
    int digits = id.size();
    while (digits > 0 && id.at(digits - 1).isDigit())
        --digits;
    if (digits == id.size())
        return {id, -1};
    return {id.left(digits), id.mid(digits).toInt()};
}

} // namespace

QString describeLayers(const InjectionSchedule &schedule)
{
    QStringList parts;
    const auto &layers = schedule.layers;
    for (size_t i = 0; i < layers.size();) {
        if (layers[i].weight <= 0.0f) {
            ++i;
            continue;
        }
        const QString first = QString::fromStdString(layers[i].layer);
        const auto [stem, index] = splitIndex(first);
        size_t j = i + 1;
        while (index >= 0 && j < layers.size() && layers[j].weight == layers[i].weight) {
            const auto [nextStem, nextIndex] = splitIndex(QString::fromStdString(layers[j].layer));
            if (nextStem != stem || nextIndex != index + int(j - i))
                break;
            ++j;
        }
        const QString band = j - i > 1
                ? first + QChar(0x2013) + QString::fromStdString(layers[j - 1].layer)
                : first;
        parts << QCoreApplication::translate("mbq::ScheduleText", "%1 at %2")
                         .arg(band)
                         .arg(layers[i].weight, 0, 'f', 2);
        i = j;
    }
    return parts.isEmpty() ? QCoreApplication::translate("mbq::ScheduleText", "off")
                           : parts.join(QLatin1String(", "));
}

} // namespace mbq
