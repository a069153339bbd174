#include "ui/injection/layer_groups.h"

#include <QCoreApplication>
#include <QStringList>

namespace mbq {
namespace {

struct LayerGroups
{
    Q_DECLARE_TR_FUNCTIONS(mbq::LayerGroups)
};

// "spatial" or "temporal" for a U-Net attention id, else empty.
QString kindOf(const QStringList &parts)
{
    if (parts.size() < 2)
        return {};
    const QString last = parts.back();
    return last == QLatin1String("spatial") || last == QLatin1String("temporal") ? last : QString();
}

// The resolution level an id belongs to: "down.1", "mid" or "up.3".
QString levelOf(const QStringList &parts)
{
    if (parts.front() == QLatin1String("mid") || parts.size() < 3)
        return parts.front();
    return parts[0] + QLatin1Char('.') + parts[1];
}

QString levelTitle(const QString &level)
{
    const QStringList parts = level.split(QLatin1Char('.'));
    if (parts.front() == QLatin1String("mid"))
        return LayerGroups::tr("Middle");
    if (parts.size() == 2 && parts.front() == QLatin1String("down"))
        return LayerGroups::tr("Down %1").arg(parts[1]);
    if (parts.size() == 2 && parts.front() == QLatin1String("up"))
        return LayerGroups::tr("Up %1").arg(parts[1]);
    return level;
}

} // namespace

std::vector<LayerGroup> groupLayers(const std::vector<std::string> &ids)
{
    std::vector<LayerGroup> groups;
    std::vector<QString> keys; // tab kind + level of each group, parallel to `groups`
    for (const std::string &id : ids) {
        const QStringList parts = QString::fromStdString(id).split(QLatin1Char('.'));
        const QString kind = kindOf(parts);
        const QString level = kind.isEmpty() ? QString() : levelOf(parts);
        const QString key = kind + QLatin1Char('/') + level;
        size_t index = 0;
        while (index < keys.size() && keys[index] != key)
            ++index;
        if (index == keys.size()) {
            keys.push_back(key);
            LayerGroup group;
            if (kind.isEmpty())
                group.tab = LayerGroups::tr("Layers");
            else
                group.tab = kind == QLatin1String("spatial") ? LayerGroups::tr("Spatial")
                                                             : LayerGroups::tr("Temporal");
            group.title = kind.isEmpty() ? QString() : levelTitle(level);
            groups.push_back(group);
        }
        groups[index].ids.push_back(id);
    }
    return groups;
}

QString layerLabel(const std::string &id)
{
    QStringList parts = QString::fromStdString(id).split(QLatin1Char('.'));
    if (!kindOf(parts).isEmpty())
        parts.removeLast();
    return parts.join(QLatin1Char('.'));
}

} // namespace mbq
