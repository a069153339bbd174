#include "ui/plots/plot_style.h"

#include <QPalette>
#include <qcustomplot.h>

namespace mbq {
namespace {

void styleAxis(QCPAxis *axis, const QPalette &palette)
{
    const QColor text = palette.color(QPalette::Text);
    axis->setBasePen(QPen(text));
    axis->setTickPen(QPen(text));
    axis->setSubTickPen(QPen(text));
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    QColor grid = palette.color(QPalette::Text);
    grid.setAlphaF(0.15);
    axis->grid()->setPen(QPen(grid, 0, Qt::DotLine));
    axis->grid()->setZeroLinePen(Qt::NoPen);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

} // namespace

void applyPlotPalette(QCustomPlot *plot, const QPalette &palette)
{
    plot->setBackground(palette.brush(QPalette::Base));
    for (QCPAxis *axis : plot->axisRect()->axes())
        styleAxis(axis, palette);
    plot->legend->setBrush(palette.brush(QPalette::Base));
    plot->legend->setTextColor(palette.color(QPalette::Text));
    plot->legend->setBorderPen(QPen(palette.color(QPalette::Mid)));
}

QColor seriesColor(const QPalette &palette, int index)
{
    const QColor highlight = palette.color(QPalette::Highlight);
    const int baseHue = highlight.hslHue() < 0 ? 210 : highlight.hslHue();
    // The golden angle keeps any number of series apart in hue.
    const int hue = (baseHue + index * 137) % 360;
    return QColor::fromHsl(hue, 200, isDark(palette) ? 170 : 95);
}

} // namespace mbq
