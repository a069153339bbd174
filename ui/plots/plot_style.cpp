#include "ui/plots/plot_style.h"

#include <QFontMetrics>
#include <QPalette>
#include <QStringList>
#include <qcustomplot.h>

#include <algorithm>

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

int widestLine(const QString &text, const QFontMetrics &metrics)
{
    int widest = 0;
    for (const QString &line : text.split(QLatin1Char('\n')))
        widest = std::max(widest, metrics.horizontalAdvance(line));
    return widest;
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

QString fittedAxisTitle(const QString &title, const QFont &font, int length)
{
    const QFontMetrics metrics(font);
    QStringList candidates{title};
    const int hint = std::max(title.lastIndexOf(QLatin1Char('(')),
                              title.lastIndexOf(QChar(0xFF08))); // "（"
    const QString head = hint > 0 ? title.left(hint).trimmed() : QString();
    if (!head.isEmpty()) {
        candidates << head + QLatin1Char('\n') + title.mid(hint).trimmed();
        candidates << head;
    }
    for (const QString &candidate : std::as_const(candidates)) {
        if (widestLine(candidate, metrics) <= length)
            return candidate;
    }
    return metrics.elidedText(head.isEmpty() ? title : head, Qt::ElideRight, std::max(length, 0));
}

bool fitAxisTitle(QCPAxis *axis, const QString &title)
{
    const QRect rect = axis->axisRect()->rect();
    const bool vertical = axis->orientation() == Qt::Vertical;
    const QString fitted
            = fittedAxisTitle(title, axis->labelFont(), vertical ? rect.height() : rect.width());
    if (fitted == axis->label())
        return false;
    axis->setLabel(fitted);
    return true;
}

} // namespace mbq
