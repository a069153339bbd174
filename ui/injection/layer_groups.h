#pragma once
// How the injection panel lays out a model's layers. Wan's blocks form one plain list; a
// U-Net's layers (VideoCrafter2: "down.1.0.spatial", "mid.0.temporal", "up.3.2.spatial") are
// split into a Spatial and a Temporal tab, each grouped by resolution level (down.N, mid,
// up.N) in network order.

#include <QString>

#include <string>
#include <vector>

namespace mbq {

struct LayerGroup
{
    QString tab; // "Spatial", "Temporal", or "Layers" for a plain list
    QString title; // "Down 1", "Middle", "Up 3"; empty for a plain list
    std::vector<std::string> ids;
};

std::vector<LayerGroup> groupLayers(const std::vector<std::string> &ids);

// The row label within its group: the id without a ".spatial"/".temporal" suffix, which the
// tab already says.
QString layerLabel(const std::string &id);

} // namespace mbq
