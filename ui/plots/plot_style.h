#pragma once
// Colours for QCustomPlot taken from the widget palette, so plots read well in dark and light
// themes alike: QCustomPlot's defaults are black on white whatever the theme.

#include <QColor>

class QCPAxis;
class QCustomPlot;
class QPalette;

namespace mbq {

// Background, axes, tick labels, grid and legend from `palette`. Call again on PaletteChange.
void applyPlotPalette(QCustomPlot *plot, const QPalette &palette);

// The colour of data series `index`: hues spread from the palette's highlight colour, light on a
// dark base and dark on a light one, so neighbouring series stay apart and readable.
QColor seriesColor(const QPalette &palette, int index);

} // namespace mbq
