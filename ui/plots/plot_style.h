#pragma once
// Colours for QCustomPlot taken from the widget palette, so plots read well in dark and light
// themes alike: QCustomPlot's defaults are black on white whatever the theme.

#include <QColor>
#include <QString>

class QCPAxis;
class QCustomPlot;
class QFont;
class QPalette;

namespace mbq {

// Background, axes, tick labels, grid and legend from `palette`. Call again on PaletteChange.
void applyPlotPalette(QCustomPlot *plot, const QPalette &palette);

// The colour of data series `index`: hues spread from the palette's highlight colour, light on a
// dark base and dark on a light one, so neighbouring series stay apart and readable.
QColor seriesColor(const QPalette &palette, int index);

// The longest form of an axis title that fits `length` pixels along its axis: `title` on one
// line; else broken before its parenthetical hint ("… (higher is better)", or the full-width
// "（" of Japanese) onto a second line; else without the hint; else elided. QCustomPlot draws a
// title longer than its axis past the plot's edges, where it is clipped.
QString fittedAxisTitle(const QString &title, const QFont &font, int length);

// Sets `axis`'s label to fittedAxisTitle() for the axis rect's current extent along the axis;
// true when the label changed (the plot then needs another layout pass for its margins).
bool fitAxisTitle(QCPAxis *axis, const QString &title);

} // namespace mbq
