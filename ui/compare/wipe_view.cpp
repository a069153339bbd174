#include "ui/compare/wipe_view.h"

#include "ui/compare/frame_canvas.h"

#include <QKeyEvent>
#include <QPainter>

#include <algorithm>

namespace mbq {
namespace {

constexpr double kSmallStep = 0.02;
constexpr double kLargeStep = 0.10;

bool isDividerKey(const QKeyEvent *event)
{
    const Qt::KeyboardModifiers mods = event->modifiers() & ~Qt::KeypadModifier;
    if (mods != Qt::NoModifier && mods != Qt::ShiftModifier)
        return false;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Home:
    case Qt::Key_End:
        return true;
    default:
        return false;
    }
}

} // namespace

WipeView::WipeView(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::TabFocus);
    setCursor(Qt::SplitHCursor);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAccessibleName(tr("A/B wipe"));
    setToolTip(tr("Drag to move the divider, or Tab here and use the arrow keys"));
}

void WipeView::setSide(Side side, const QImage &image, const QString &label, const QString &message)
{
    m_sides[side] = {image, label, message};
    update();
}

void WipeView::setPosition(double position)
{
    position = std::clamp(position, 0.0, 1.0);
    if (position == m_position)
        return;
    m_position = position;
    update();
    emit positionChanged(m_position);
}

QSize WipeView::sizeHint() const
{
    return {832, 480};
}

bool WipeView::event(QEvent *event)
{
    // With focus here the arrow keys move the divider rather than triggering the compare view's
    // frame-step shortcuts, as in any focused slider.
    if (event->type() == QEvent::ShortcutOverride
        && isDividerKey(static_cast<QKeyEvent *>(event))) {
        event->accept();
        return true;
    }
    return QWidget::event(event);
}

void WipeView::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.fillRect(rect(), palette().base());
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    const double divider = rect().width() * m_position;
    const QRectF halves[2]
        = {QRectF(0, 0, divider, height()), QRectF(divider, 0, width() - divider, height())};
    for (int side = A; side <= B; ++side) {
        const Content &content = m_sides[side];
        painter.save();
        painter.setClipRect(halves[side]);
        if (content.image.isNull()) {
            // The whole message in its side's visible part, so a narrow side still reads.
            paintCanvasMessage(painter, this, halves[side], content.message, false);
        } else {
            painter.drawImage(FrameCanvas::fitRect(content.image.size(), rect()), content.image);
        }
        painter.restore();
    }

    const QColor accent = palette().color(QPalette::Highlight);
    painter.setRenderHint(QPainter::Antialiasing);
    // A halo in the base colour keeps the divider visible over pictures of the accent's hue.
    QColor halo = palette().color(QPalette::Base);
    halo.setAlphaF(0.7);
    const QLineF line(divider, 0, divider, height());
    painter.setPen(QPen(halo, hasFocus() ? 6 : 5));
    painter.drawLine(line);
    painter.setPen(QPen(accent, hasFocus() ? 3 : 2));
    painter.drawLine(line);
    painter.setBrush(accent);
    painter.setPen(QPen(palette().color(QPalette::HighlightedText), hasFocus() ? 2 : 1));
    painter.drawEllipse(QPointF(divider, height() / 2.0), 7, 7);

    paintCanvasTag(painter, this, QPointF(6, 6), Qt::AlignTop | Qt::AlignLeft,
                   tr("A: %1").arg(m_sides[A].label));
    paintCanvasTag(painter, this, QPointF(width() - 6, 6), Qt::AlignTop | Qt::AlignRight,
                   tr("B: %1").arg(m_sides[B].label));
}

void WipeView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && width() > 0)
        setPosition(event->position().x() / width());
}

void WipeView::mouseMoveEvent(QMouseEvent *event)
{
    if ((event->buttons() & Qt::LeftButton) && width() > 0)
        setPosition(event->position().x() / width());
}

void WipeView::keyPressEvent(QKeyEvent *event)
{
    if (!isDividerKey(event)) {
        QWidget::keyPressEvent(event);
        return;
    }
    const double step = event->modifiers() & Qt::ShiftModifier ? kLargeStep : kSmallStep;
    switch (event->key()) {
    case Qt::Key_Left:
        setPosition(m_position - step);
        break;
    case Qt::Key_Right:
        setPosition(m_position + step);
        break;
    case Qt::Key_Home:
        setPosition(0.0);
        break;
    case Qt::Key_End:
        setPosition(1.0);
        break;
    }
}

} // namespace mbq
