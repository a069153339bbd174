#include "ui/compare/transport_icons.h"

#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace mbq {
namespace {

constexpr double kBox = 16.0; // shapes are drawn in a 16×16 box, then scaled

QPainterPath triangle(double left, double right)
{
    QPainterPath path;
    path.moveTo(left, 3);
    path.lineTo(right, 8);
    path.lineTo(left, 13);
    path.closeSubpath();
    return path;
}

QPainterPath bar(double x)
{
    QPainterPath path;
    path.addRect(x, 3, 2, 10);
    return path;
}

// Forward-pointing shapes; the backward ones are their mirror images.
QPainterPath shape(TransportIcon kind)
{
    switch (kind) {
    case TransportIcon::Play:
        return triangle(4, 13);
    case TransportIcon::Pause:
        return bar(4.5) + bar(9.5);
    case TransportIcon::StepBackward:
    case TransportIcon::StepForward:
        return triangle(3.5, 10.5) + bar(11);
    case TransportIcon::JumpToStart:
    case TransportIcon::JumpToEnd:
        return triangle(1.5, 7) + triangle(6.5, 12) + bar(12);
    case TransportIcon::Loop:
        break;
    }
    return {};
}

void paintLoop(QPainter &painter, const QColor &colour)
{
    // Most of a circle, open at the top right, with an arrowhead where it ends.
    painter.setPen(QPen(colour, 1.6, Qt::SolidLine, Qt::RoundCap));
    painter.setBrush(Qt::NoBrush);
    painter.drawArc(QRectF(3, 3, 10, 10), 60 * 16, 300 * 16);
    QPainterPath head;
    head.moveTo(13.5, 2.5);
    head.lineTo(13.5, 7.5);
    head.lineTo(8.5, 5.0);
    head.closeSubpath();
    painter.setPen(Qt::NoPen);
    painter.setBrush(colour);
    painter.drawPath(head);
}

QPixmap render(TransportIcon kind, const QColor &colour, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / kBox, size / kBox);
    if (kind == TransportIcon::StepBackward || kind == TransportIcon::JumpToStart) {
        painter.translate(kBox, 0);
        painter.scale(-1, 1);
    }
    if (kind == TransportIcon::Loop) {
        paintLoop(painter, colour);
    } else {
        painter.setPen(Qt::NoPen);
        painter.setBrush(colour);
        painter.drawPath(shape(kind));
    }
    return pixmap;
}

} // namespace

QIcon transportIcon(TransportIcon kind, const QPalette &palette)
{
    const QColor normal = palette.color(QPalette::Active, QPalette::ButtonText);
    const QColor disabled = palette.color(QPalette::Disabled, QPalette::ButtonText);
    QIcon icon;
    for (int size : {16, 24, 32, 48}) {
        icon.addPixmap(render(kind, normal, size), QIcon::Normal);
        icon.addPixmap(render(kind, disabled, size), QIcon::Disabled);
    }
    return icon;
}

} // namespace mbq
