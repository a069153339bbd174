#include "ui/compare/frame_canvas.h"

#include <QPainter>
#include <QStyle>

namespace mbq {

FrameCanvas::FrameCanvas(QWidget *parent)
    : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
}

void FrameCanvas::setImage(const QImage &image)
{
    m_image = image;
    update();
}

void FrameCanvas::setMessage(const QString &message, bool isError)
{
    m_message = message;
    m_isError = isError;
    update();
}

void FrameCanvas::setBadge(const QString &badge)
{
    if (badge == m_badge)
        return;
    m_badge = badge;
    update();
}

QSize FrameCanvas::sizeHint() const
{
    return {320, 184}; // 832×480 (Wan) at a size three of fit side by side
}

QSize FrameCanvas::minimumSizeHint() const
{
    return {96, 56};
}

QRectF FrameCanvas::fitRect(const QSizeF &imageSize, const QRectF &bounds)
{
    if (imageSize.isEmpty() || bounds.isEmpty())
        return {};
    const QSizeF size = imageSize.scaled(bounds.size(), Qt::KeepAspectRatio);
    QRectF rect(QPointF(), size);
    rect.moveCenter(bounds.center());
    return rect;
}

void FrameCanvas::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    if (m_image.isNull()) {
        paintCanvasMessage(painter, this, rect(), m_message, m_isError);
        return;
    }
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    // The target is in logical pixels; QPainter samples the image at device resolution.
    const QRectF target = fitRect(m_image.size(), rect());
    painter.drawImage(target, m_image);
    if (!m_badge.isEmpty())
        paintCanvasTag(painter, this, target.topLeft() + QPointF(4, 4),
                       Qt::AlignTop | Qt::AlignLeft, m_badge);
}

void paintCanvasMessage(QPainter &painter, const QWidget *widget, const QRectF &bounds,
                        const QString &message, bool isError)
{
    if (message.isEmpty())
        return;
    QRectF textRect = bounds.adjusted(8, 8, -8, -8);
    if (isError) {
        const int side = widget->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, widget);
        const QIcon icon
            = widget->style()->standardIcon(QStyle::SP_MessageBoxWarning, nullptr, widget);
        const QFontMetricsF metrics(widget->font());
        const QRectF textBounds
            = metrics.boundingRect(textRect, Qt::AlignCenter | Qt::TextWordWrap, message);
        const QRectF iconRect(bounds.center().x() - side / 2.0, textBounds.top() - side - 6, side,
                              side);
        icon.paint(&painter, iconRect.toRect());
    }
    painter.setPen(widget->palette().color(isError ? QPalette::Text : QPalette::PlaceholderText));
    painter.drawText(textRect, Qt::AlignCenter | Qt::TextWordWrap, message);
}

void paintCanvasTag(QPainter &painter, const QWidget *widget, const QPointF &anchor,
                    Qt::Alignment corner, const QString &text)
{
    const QFontMetricsF metrics(widget->font());
    const QSizeF size(metrics.horizontalAdvance(text) + 10, metrics.height() + 4);
    QRectF box(anchor, size);
    if (corner & Qt::AlignRight)
        box.moveRight(anchor.x());
    if (corner & Qt::AlignBottom)
        box.moveBottom(anchor.y());
    QColor background = widget->palette().color(QPalette::Window);
    background.setAlphaF(0.85);
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(background);
    painter.drawRoundedRect(box, 3, 3);
    painter.setPen(widget->palette().color(QPalette::WindowText));
    painter.drawText(box, Qt::AlignCenter, text);
    painter.restore();
}

} // namespace mbq
