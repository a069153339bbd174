#pragma once
// Layer selections as the artist types them ("20-29", "all", "3,7", "block.5"), shared by the
// CLI's --layers and the editor's band field. A number is a position in the model's layer list
// in network order (for Wan, position N is block.N), so the same text works for every model
// family; a full layer id is accepted as well.

#include "inference/result.h"

#include <QString>

#include <string>
#include <vector>

namespace mbq {

// The layers `text` names, in network order and without duplicates. Items are separated by
// commas: "all", a position "7", a range of positions "20-29" (both ends included), or a full
// id from `layers`. Blank text selects nothing. The error names the offending item (an unknown
// id, a position past the last layer, a reversed range).
Result<std::vector<std::string>> parseLayerSelection(const QString &text,
                                                     const std::vector<std::string> &layers);

// The inverse: the shortest text parseLayerSelection() reads back as `selected`, with runs of
// consecutive positions as ranges ("20-29", "0,4-6"), "all" when every layer is selected and
// "" when none is. Ids not in `layers` are written out in full so that nothing is lost.
QString formatLayerSelection(const std::vector<std::string> &selected,
                             const std::vector<std::string> &layers);

} // namespace mbq
