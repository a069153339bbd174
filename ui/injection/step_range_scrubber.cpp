#include "ui/injection/step_range_scrubber.h"

#include <QHelpEvent>
#include <QKeyEvent>
#include <QPainter>
#include <QPainterPath>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace mbq {
namespace {

constexpr int kPageSteps = 5;

} // namespace

StepRangeScrubber::StepRangeScrubber(QWidget *parent)
    : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true); // hover labels
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setAccessibleName(tr("Injected steps"));
}

void StepRangeScrubber::setSteps(int steps, std::vector<double> timesteps)
{
    m_steps = std::max(0, steps);
    if (timesteps.size() != size_t(m_steps))
        timesteps.clear(); // labels from another schedule would be wrong, not just missing
    m_timesteps = std::move(timesteps);
    m_hoverStep = -1;
    setRange(m_begin, m_end);
    updateGeometry();
}

void StepRangeScrubber::setRange(int begin, int end)
{
    m_end = std::clamp(end, 0, m_steps);
    m_begin = std::clamp(begin, 0, m_end);
    setAccessibleDescription(captionText());
    update();
}

void StepRangeScrubber::setResumeStep(int step)
{
    m_resumeStep = step < 0 ? -1 : step;
    update();
}

void StepRangeScrubber::setFocusedHandle(Handle handle)
{
    m_focused = handle;
    update();
}

QSize StepRangeScrubber::sizeHint() const
{
    // Wide enough for the caption and the resume note side by side.
    const QFontMetrics fm = fontMetrics();
    const int caption = fm.horizontalAdvance(captionText())
        + fm.horizontalAdvance(tr("resumes from step %1").arg(m_steps)) + 3 * fm.height();
    const int width = std::max({minimumSizeHint().width(), fm.averageCharWidth() * 40, caption});
    return {width, minimumSizeHint().height()};
}

QSize StepRangeScrubber::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    const Layout l = layout();
    return {fm.averageCharWidth() * 16, int(std::ceil(l.captionTop)) + fm.height()};
}

StepRangeScrubber::Layout StepRangeScrubber::layout() const
{
    const QFontMetrics fm = fontMetrics();
    const qreal line = fm.height();
    // Room at the sides for half a handle and half of the widest step number.
    const qreal side
        = std::max(line * 0.4, fm.horizontalAdvance(QString::number(m_steps)) / 2.0) + line * 0.2;
    Layout l;
    l.knob = line * 0.3;
    l.track = QRectF(side, l.knob, std::max(1.0, width() - 2 * side), line * 1.2);
    l.tickTop = l.track.bottom() + l.knob;
    l.captionTop = l.tickTop + line * 0.3 + line + line * 0.2;
    return l;
}

qreal StepRangeScrubber::xOf(int boundary) const
{
    const QRectF track = layout().track;
    return m_steps > 0 ? track.left() + track.width() * boundary / m_steps : track.left();
}

int StepRangeScrubber::boundaryAt(qreal x) const
{
    const QRectF track = layout().track;
    if (m_steps <= 0)
        return 0;
    const int boundary = int(std::lround((x - track.left()) / track.width() * m_steps));
    return std::clamp(boundary, 0, m_steps);
}

int StepRangeScrubber::stepAt(const QPointF &pos) const
{
    const Layout l = layout();
    const QRectF hit = l.track.adjusted(0, -l.knob, 0, l.knob);
    if (m_steps <= 0 || !hit.contains(pos))
        return -1;
    const int step = int(std::floor((pos.x() - l.track.left()) / l.track.width() * m_steps));
    return std::clamp(step, 0, m_steps - 1);
}

void StepRangeScrubber::moveHandle(Handle handle, int boundary)
{
    if (m_steps <= 0)
        return;
    int begin = m_begin;
    int end = m_end;
    // Clamp the moved handle one step short of the other. Only a range that arrived empty
    // from setRange() can leave no room; then the other handle makes way by one step.
    if (handle == Handle::Begin) {
        begin = std::clamp(boundary, 0, std::max(0, end - 1));
        end = std::max(end, begin + 1);
    } else {
        end = std::clamp(boundary, std::min(begin + 1, m_steps), m_steps);
        begin = std::min(begin, end - 1);
    }
    if (begin == m_begin && end == m_end)
        return;
    m_begin = begin;
    m_end = end;
    setAccessibleDescription(captionText());
    update();
    emit rangeEdited(m_begin, m_end);
}

QString StepRangeScrubber::stepText(int step) const
{
    const bool injected = step >= m_begin && step < m_end;
    if (m_timesteps.empty()) {
        return injected ? tr("Step %1: injected").arg(step) : tr("Step %1: not injected").arg(step);
    }
    const QString t = QString::number(m_timesteps[size_t(step)], 'f', 0);
    return injected ? tr("Step %1 (t = %2): injected").arg(step).arg(t)
                    : tr("Step %1 (t = %2): not injected").arg(step).arg(t);
}

QString StepRangeScrubber::captionText() const
{
    if (m_steps <= 0)
        return tr("No steps");
    if (m_begin >= m_end)
        return tr("No step injected (of %n steps)", nullptr, m_steps);
    return tr("Begin %1, end %2 (of %n steps)", nullptr, m_steps).arg(m_begin).arg(m_end);
}

bool StepRangeScrubber::event(QEvent *event)
{
    // With focus here the keys move the handles rather than triggering the compare view's
    // transport shortcuts.
    if (event->type() == QEvent::ShortcutOverride) {
        switch (static_cast<QKeyEvent *>(event)->key()) {
        case Qt::Key_Left:
        case Qt::Key_Right:
        case Qt::Key_Up:
        case Qt::Key_Down:
        case Qt::Key_PageUp:
        case Qt::Key_PageDown:
        case Qt::Key_Home:
        case Qt::Key_End:
        case Qt::Key_Space:
            event->accept();
            return true;
        default:
            break;
        }
    }
    if (event->type() == QEvent::ToolTip) {
        const auto *help = static_cast<QHelpEvent *>(event);
        const int step = stepAt(help->pos());
        if (step >= 0)
            QToolTip::showText(help->globalPos(), stepText(step), this);
        else
            QToolTip::hideText();
        return true;
    }
    return QWidget::event(event);
}

void StepRangeScrubber::paintEvent(QPaintEvent *)
{
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const Layout l = layout();
    const QPalette &pal = palette();
    const QColor accent = pal.color(QPalette::Highlight);
    const qreal line = fontMetrics().height();
    const qreal radius = line * 0.15;

    // Track: every step a cell; the injected band in the accent colour.
    painter.setPen(QPen(pal.color(QPalette::Mid), 1));
    painter.setBrush(pal.color(QPalette::Base));
    painter.drawRoundedRect(l.track, radius, radius);
    if (m_begin < m_end) {
        const QRectF band(QPointF(xOf(m_begin), l.track.top()),
                          QPointF(xOf(m_end), l.track.bottom()));
        painter.setPen(Qt::NoPen);
        painter.setBrush(accent);
        painter.drawRoundedRect(band, radius, radius);
    }
    // Cell dividers only where they leave cells a few pixels wide.
    if (m_steps > 0 && l.track.width() / m_steps >= line * 0.3) {
        QColor divider = pal.color(QPalette::Mid);
        divider.setAlphaF(0.6);
        painter.setPen(QPen(divider, 1));
        for (int b = 1; b < m_steps; ++b)
            painter.drawLine(QPointF(xOf(b), l.track.top() + 2),
                             QPointF(xOf(b), l.track.bottom() - 2));
    }
    if (m_hoverStep >= 0 && m_hoverStep < m_steps) {
        painter.setPen(QPen(pal.color(QPalette::Text), 1.5));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(QPointF(xOf(m_hoverStep), l.track.top()),
                                QPointF(xOf(m_hoverStep + 1), l.track.bottom())));
    }
    paintTicks(painter, l);

    if (m_resumeStep >= 0 && m_resumeStep <= m_steps) {
        // A dashed line through the track, in the text colour so it reads on the band too.
        QPen pen(pal.color(QPalette::WindowText), std::max(1.0, line / 10), Qt::DashLine);
        painter.setPen(pen);
        const qreal x = xOf(m_resumeStep);
        painter.drawLine(QPointF(x, 0), QPointF(x, l.track.bottom() + l.knob));
    }
    paintHandle(painter, l, Handle::Begin);
    paintHandle(painter, l, Handle::End);

    // Caption: the range (or the hovered step) left, the resume marker's meaning right.
    const QFontMetrics fm = fontMetrics();
    const QRectF caption(l.track.left(), l.captionTop, l.track.width(), fm.height());
    painter.setPen(pal.color(QPalette::WindowText));
    QString right;
    if (m_resumeStep >= 0)
        right = tr("resumes from step %1").arg(m_resumeStep);
    // The resume note gets at most half the width; the caption takes the rest.
    const qreal rightWidth
        = right.isEmpty() ? 0 : std::min(fm.horizontalAdvance(right) + line, caption.width() / 2);
    const QString left = m_hoverStep >= 0 ? stepText(m_hoverStep) : captionText();
    painter.drawText(caption.adjusted(0, 0, -rightWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
                     fm.elidedText(left, Qt::ElideRight, int(caption.width() - rightWidth)));
    if (!right.isEmpty()) {
        painter.drawText(caption, Qt::AlignRight | Qt::AlignVCenter,
                         fm.elidedText(right, Qt::ElideLeft, int(rightWidth)));
    }
}

void StepRangeScrubber::paintTicks(QPainter &painter, const Layout &l) const
{
    if (m_steps <= 0)
        return;
    const QFontMetrics fm = fontMetrics();
    const QPalette &pal = palette();
    // Label every k-th boundary with k from 1, 2, 5, 10, 20, 50, ... so labels never touch.
    const qreal cell = l.track.width() / m_steps;
    const qreal labelWidth
        = fm.horizontalAdvance(QString::number(m_steps)) + fm.averageCharWidth() * 2;
    int every = 1;
    for (int scale = 1; cell * every < labelWidth; scale *= 10) {
        for (int factor : {1, 2, 5}) {
            every = factor * scale;
            if (cell * every >= labelWidth)
                break;
        }
    }
    const qreal tick = fm.height() * 0.3;
    painter.setPen(QPen(pal.color(QPalette::WindowText), 1));
    for (int b = 0; b <= m_steps; b += every) {
        // The last boundary is labelled on its own below; skip a label that would crowd it.
        if (b != m_steps && (m_steps - b) * cell < labelWidth && b != 0)
            continue;
        const qreal x = xOf(b);
        painter.drawLine(QPointF(x, l.tickTop), QPointF(x, l.tickTop + tick));
        const QRectF text(x - labelWidth / 2, l.tickTop + tick, labelWidth, fm.height());
        painter.drawText(text, Qt::AlignHCenter | Qt::AlignTop, QString::number(b));
    }
    if (m_steps % every != 0) {
        const qreal x = xOf(m_steps);
        painter.drawLine(QPointF(x, l.tickTop), QPointF(x, l.tickTop + tick));
        const QRectF text(x - labelWidth / 2, l.tickTop + tick, labelWidth, fm.height());
        painter.drawText(text, Qt::AlignHCenter | Qt::AlignTop, QString::number(m_steps));
    }
}

void StepRangeScrubber::paintHandle(QPainter &painter, const Layout &l, Handle handle) const
{
    if (m_steps <= 0)
        return;
    const QPalette &pal = palette();
    const qreal line = fontMetrics().height();
    const qreal x = xOf(handle == Handle::Begin ? m_begin : m_end);
    const qreal half = std::max(2.0, line * 0.2);
    const QRectF knob(x - half, l.track.top() - l.knob, 2 * half, l.track.height() + 2 * l.knob);
    const bool focused = hasFocus() && handle == m_focused;
    painter.setBrush(pal.color(QPalette::Button));
    painter.setPen(QPen(focused ? pal.color(QPalette::Highlight) : pal.color(QPalette::ButtonText),
                        focused ? std::max(2.0, line / 8) : std::max(1.0, line / 16)));
    painter.drawRoundedRect(knob, half, half);
    // A bracket tick shows which side of the band the handle closes: [ for begin, ] for end.
    const qreal dir = handle == Handle::Begin ? 1 : -1;
    painter.drawLine(QPointF(x, knob.top() + half),
                     QPointF(x + dir * half * 0.8, knob.top() + half));
    painter.drawLine(QPointF(x, knob.bottom() - half),
                     QPointF(x + dir * half * 0.8, knob.bottom() - half));
}

void StepRangeScrubber::mousePressEvent(QMouseEvent *event)
{
    // The caption is text, not track: clicks there move nothing.
    if (event->button() != Qt::LeftButton || m_steps <= 0
        || event->position().y() >= layout().captionTop) {
        QWidget::mousePressEvent(event);
        return;
    }
    const qreal x = event->position().x();
    const qreal toBegin = std::abs(x - xOf(m_begin));
    const qreal toEnd = std::abs(x - xOf(m_end));
    // On a tie (both handles on one boundary) the side of the click decides.
    if (toBegin != toEnd)
        m_focused = toBegin < toEnd ? Handle::Begin : Handle::End;
    else
        m_focused = x > xOf(m_begin) ? Handle::End : Handle::Begin;
    m_dragging = true;
    moveHandle(m_focused, boundaryAt(x));
    update();
}

void StepRangeScrubber::mouseMoveEvent(QMouseEvent *event)
{
    if (m_dragging) {
        moveHandle(m_focused, boundaryAt(event->position().x()));
        return;
    }
    const int step = stepAt(event->position());
    if (step != m_hoverStep) {
        m_hoverStep = step;
        update();
    }
}

void StepRangeScrubber::mouseReleaseEvent(QMouseEvent *event)
{
    if (event->button() == Qt::LeftButton && m_dragging) {
        m_dragging = false;
        emit dragFinished();
    }
}

void StepRangeScrubber::leaveEvent(QEvent *)
{
    m_hoverStep = -1;
    update();
}

void StepRangeScrubber::keyPressEvent(QKeyEvent *event)
{
    const int current = m_focused == Handle::Begin ? m_begin : m_end;
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Down:
        moveHandle(m_focused, current - 1);
        break;
    case Qt::Key_Right:
    case Qt::Key_Up:
        moveHandle(m_focused, current + 1);
        break;
    case Qt::Key_PageDown:
        moveHandle(m_focused, current - kPageSteps);
        break;
    case Qt::Key_PageUp:
        moveHandle(m_focused, current + kPageSteps);
        break;
    case Qt::Key_Home:
        moveHandle(m_focused, 0);
        break;
    case Qt::Key_End:
        moveHandle(m_focused, m_steps);
        break;
    case Qt::Key_Space:
        setFocusedHandle(m_focused == Handle::Begin ? Handle::End : Handle::Begin);
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void StepRangeScrubber::focusInEvent(QFocusEvent *event)
{
    // Tabbing in lands on the handle nearest the direction of travel.
    if (event->reason() == Qt::TabFocusReason)
        m_focused = Handle::Begin;
    else if (event->reason() == Qt::BacktabFocusReason)
        m_focused = Handle::End;
    QWidget::focusInEvent(event); // repaints, showing the focused handle
}

bool StepRangeScrubber::focusNextPrevChild(bool next)
{
    if (next && m_focused == Handle::Begin) {
        setFocusedHandle(Handle::End);
        return true;
    }
    if (!next && m_focused == Handle::End) {
        setFocusedHandle(Handle::Begin);
        return true;
    }
    return QWidget::focusNextPrevChild(next);
}

} // namespace mbq
