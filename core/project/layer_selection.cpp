#include "core/project/layer_selection.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QStringList>

#include <algorithm>
#include <set>

namespace mbq {
namespace {

struct LayerSelection
{
    Q_DECLARE_TR_FUNCTIONS(mbq::LayerSelection)
};

Error invalid(const QString &message)
{
    return makeError(ErrorCode::InvalidArgument, message.toStdString());
}

QString outOfRange(const QString &position, size_t count)
{
    if (count == 0)
        return LayerSelection::tr("Layer %1 does not exist: the model has no layers.")
            .arg(position);
    return LayerSelection::tr("Layer %1 does not exist: the model has %2 layers (0-%3).")
        .arg(position)
        .arg(count)
        .arg(count - 1);
}

} // namespace

Result<std::vector<std::string>> parseLayerSelection(const QString &text,
                                                     const std::vector<std::string> &layers)
{
    static const QRegularExpression positions(QStringLiteral("^(\\d+)(?:\\s*-\\s*(\\d+))?$"));
    std::set<size_t> chosen; // positions in `layers`, so the result comes out in network order
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString part = item.trimmed();
        if (part.isEmpty())
            continue;
        if (part.compare(QLatin1String("all"), Qt::CaseInsensitive) == 0) {
            for (size_t i = 0; i < layers.size(); ++i)
                chosen.insert(i);
            continue;
        }
        const auto match = positions.match(part);
        if (!match.hasMatch()) {
            const auto it = std::find(layers.begin(), layers.end(), part.toStdString());
            if (it == layers.end())
                return invalid(
                    LayerSelection::tr("Unknown layer \"%1\" for this model.").arg(part));
            chosen.insert(size_t(it - layers.begin()));
            continue;
        }
        const QString firstText = match.captured(1);
        const QString lastText = match.captured(2).isEmpty() ? firstText : match.captured(2);
        // toInt() fails on numbers past int's range: those are out of range too.
        bool firstOk = false, lastOk = false;
        const int first = firstText.toInt(&firstOk);
        const int last = lastText.toInt(&lastOk);
        if (!firstOk || size_t(first) >= layers.size())
            return invalid(outOfRange(firstText, layers.size()));
        if (!lastOk || size_t(last) >= layers.size())
            return invalid(outOfRange(lastText, layers.size()));
        if (last < first)
            return invalid(LayerSelection::tr("The range %1 is reversed; write %2-%3.")
                               .arg(part)
                               .arg(last)
                               .arg(first));
        for (int i = first; i <= last; ++i)
            chosen.insert(size_t(i));
    }
    std::vector<std::string> ids;
    for (size_t i : chosen)
        ids.push_back(layers[i]);
    return ids;
}

QString formatLayerSelection(const std::vector<std::string> &selected,
                             const std::vector<std::string> &layers)
{
    std::set<size_t> chosen;
    QStringList unknown;
    for (const std::string &id : selected) {
        const auto it = std::find(layers.begin(), layers.end(), id);
        if (it == layers.end())
            unknown << QString::fromStdString(id);
        else
            chosen.insert(size_t(it - layers.begin()));
    }
    if (!layers.empty() && chosen.size() == layers.size() && unknown.isEmpty())
        return QStringLiteral("all");

    QStringList parts;
    for (auto it = chosen.begin(); it != chosen.end();) {
        const size_t first = *it;
        size_t last = first;
        while (++it != chosen.end() && *it == last + 1)
            last = *it;
        parts << (first == last ? QString::number(first)
                                : QStringLiteral("%1-%2").arg(first).arg(last));
    }
    unknown.removeDuplicates();
    return (parts + unknown).join(QLatin1Char(','));
}

} // namespace mbq
