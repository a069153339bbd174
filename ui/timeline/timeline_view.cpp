#include "ui/timeline/timeline_view.h"

#include "core/project/project_data.h"
#include "ui/timeline/timeline_model.h"

#include <QContextMenuEvent>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileInfo>
#include <QMimeData>
#include <QPainter>
#include <QPainterPath>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace mbq {
namespace {

constexpr double kMinPixelsPerFrame = 1.0;
constexpr double kMaxPixelsPerFrame = 64.0;

QString localFileOf(const QMimeData *mime)
{
    if (!mime || !mime->hasUrls())
        return {};
    for (const QUrl &url : mime->urls()) {
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            return url.toLocalFile();
    }
    return {};
}

// A colour between two palette colours, so states read in dark and light palettes alike.
QColor mix(const QColor &a, const QColor &b, double t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t, a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

} // namespace

TimelineView::TimelineView(TimelineModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_scroll(new QScrollBar(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("timelineView"));
    setAcceptDrops(true);
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);
    connect(m_scroll, &QScrollBar::valueChanged, this, qOverload<>(&QWidget::update));
    const auto relayout = [this] {
        updateScrollBar();
        updateGeometry();
        update();
    };
    connect(m_model, &QAbstractItemModel::modelReset, this, relayout);
    connect(m_model, &QAbstractItemModel::dataChanged, this, qOverload<>(&QWidget::update));
    updateScrollBar();
}

TimelineView::Metrics TimelineView::layoutMetrics() const
{
    const int line = fontMetrics().height();
    return {fontMetrics().horizontalAdvance(QStringLiteral("Takes")) + 3 * line, line + 8,
            4 * line + 12, 2 * line + 6};
}

int TimelineView::frameCount() const
{
    int frames = 1;
    const QModelIndex source = m_model->indexOfId(TimelineModel::sourceId());
    if (source.isValid())
        frames = std::max(frames, source.data(TimelineModel::FramesRole).toInt());
    const QModelIndex takes = m_model->index(TimelineModel::TakesTrack, 0);
    for (int row = 0; row < m_model->rowCount(takes); ++row)
        frames = std::max(frames,
                          m_model->index(row, 0, takes).data(TimelineModel::FramesRole).toInt());
    return frames;
}

int TimelineView::xOfFrame(int frame) const
{
    return layoutMetrics().header + int(std::lround(frame * m_pixelsPerFrame)) - m_scroll->value();
}

int TimelineView::frameAt(int x) const
{
    const double frame = (x - layoutMetrics().header + m_scroll->value()) / m_pixelsPerFrame;
    return std::clamp(int(std::floor(frame)), 0, frameCount() - 1);
}

QRect TimelineView::itemRect(const QString &id) const
{
    const Metrics m = layoutMetrics();
    const QModelIndex index = m_model->indexOfId(id);
    if (!index.isValid())
        return {};
    const int frames = std::max(1, index.data(TimelineModel::FramesRole).toInt());
    const int left = xOfFrame(0);
    const int width = int(std::lround(frames * m_pixelsPerFrame));
    if (id == TimelineModel::sourceId())
        return {left, m.ruler + 2, width, m.sourceRow - 4};
    return {left, m.ruler + m.sourceRow + index.row() * m.takeRow + 2, width, m.takeRow - 4};
}

QString TimelineView::labelText(const QString &id) const
{
    const QModelIndex index = m_model->indexOfId(id);
    const QString detail = index.data(TimelineModel::DetailRole).toString();
    return detail.isEmpty() ? index.data().toString()
                            : index.data().toString() + QStringLiteral("  ") + detail;
}

QRect TimelineView::labelRect(const QString &id) const
{
    const QRect box = itemRect(id);
    const QRect inside = box.adjusted(6, 0, -4, 0);
    if (fontMetrics().horizontalAdvance(labelText(id)) <= inside.width())
        return inside;
    return QRect(QPoint(box.right() + 6, box.top()), QPoint(width() - 4, box.bottom()));
}

QString TimelineView::takeAt(const QPoint &pos) const
{
    const QModelIndex takes = m_model->index(TimelineModel::TakesTrack, 0);
    for (int row = 0; row < m_model->rowCount(takes); ++row) {
        const QString id = m_model->idAt(m_model->index(row, 0, takes));
        if (itemRect(id).contains(pos))
            return id;
    }
    return {};
}

void TimelineView::setCurrentFrame(int frame)
{
    frame = std::clamp(frame, 0, frameCount() - 1);
    if (frame == m_frame)
        return;
    m_frame = frame;
    // Keep the playhead in view while playing.
    const int x = xOfFrame(frame);
    const int left = layoutMetrics().header;
    if (x < left || x > width() - 8)
        m_scroll->setValue(m_scroll->value() + x - left - (width() - left) / 3);
    update();
}

void TimelineView::setCurrentTakeId(const QString &id)
{
    m_currentTake = id;
    update();
}

void TimelineView::setFilmstrip(std::vector<QImage> thumbnails)
{
    m_thumbnails = std::move(thumbnails);
    update();
}

void TimelineView::setPixelsPerFrame(double pixels)
{
    m_pixelsPerFrame = std::clamp(pixels, kMinPixelsPerFrame, kMaxPixelsPerFrame);
    updateScrollBar();
    update();
}

void TimelineView::updateScrollBar()
{
    const Metrics m = layoutMetrics();
    const int content = int(std::lround(frameCount() * m_pixelsPerFrame)) + 16;
    const int visible = std::max(1, width() - m.header);
    m_scroll->setRange(0, std::max(0, content - visible));
    m_scroll->setPageStep(visible);
    m_scroll->setVisible(content > visible);
    const int h = m_scroll->sizeHint().height();
    m_scroll->setGeometry(m.header, height() - h, width() - m.header, h);
}

QSize TimelineView::sizeHint() const
{
    const Metrics m = layoutMetrics();
    const int takes = std::max(1, m_model->rowCount(m_model->index(TimelineModel::TakesTrack, 0)));
    return {m.header + 81 * 8, m.ruler + m.sourceRow + std::min(takes, 4) * m.takeRow
                                       + m_scroll->sizeHint().height()};
}

QSize TimelineView::minimumSizeHint() const
{
    // Tall enough for every take: the dock scrolls vertically when they do not fit.
    const Metrics m = layoutMetrics();
    const int takes = std::max(1, m_model->rowCount(m_model->index(TimelineModel::TakesTrack, 0)));
    return {m.header + 120,
            m.ruler + m.sourceRow + takes * m.takeRow + m_scroll->sizeHint().height()};
}

void TimelineView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateScrollBar();
}

void TimelineView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange) {
        updateScrollBar();
        updateGeometry();
    }
    QWidget::changeEvent(event);
}

void TimelineView::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const Metrics m = layoutMetrics();
    p.save();
    p.setClipRect(m.header, 0, width() - m.header, height());
    paintRuler(p, m);
    paintSource(p, m);
    paintTakes(p, m);
    // The playhead crosses every track.
    const int x = xOfFrame(m_frame) + int(m_pixelsPerFrame / 2);
    p.setPen(QPen(palette().highlight().color(), 2));
    p.drawLine(x, 0, x, height());
    p.setBrush(palette().highlight());
    p.drawPolygon(QPolygon({QPoint(x - 5, 0), QPoint(x + 5, 0), QPoint(x, 7)}));
    p.restore();

    // Track headers on top, so scrolled content never shows through them.
    p.fillRect(0, 0, m.header, height(), palette().window());
    p.setPen(palette().windowText().color());
    const QModelIndex source = m_model->index(TimelineModel::SourceTrack, 0);
    const QModelIndex takes = m_model->index(TimelineModel::TakesTrack, 0);
    p.drawText(QRect(8, m.ruler, m.header - 12, m.sourceRow), Qt::AlignVCenter,
               source.data().toString());
    p.drawText(QRect(8, m.ruler + m.sourceRow, m.header - 12, m.takeRow), Qt::AlignVCenter,
               takes.data().toString());
    p.setPen(palette().mid().color());
    p.drawLine(m.header - 1, 0, m.header - 1, height());
}

void TimelineView::paintRuler(QPainter &p, const Metrics &m) const
{
    const int frames = frameCount();
    // A label every `every` frames, at least ~5 characters apart.
    const int spacing = fontMetrics().horizontalAdvance(QStringLiteral("00000"));
    int every = 1;
    for (int candidate : {1, 2, 4, 5, 8, 10, 16, 20, 25, 40, 50, 100, 200, 500}) {
        every = candidate;
        if (candidate * m_pixelsPerFrame >= spacing)
            break;
    }
    p.setPen(palette().mid().color());
    p.drawLine(m.header, m.ruler - 1, width(), m.ruler - 1);
    p.setPen(palette().text().color());
    for (int f = 0; f <= frames; f += every) {
        const int x = xOfFrame(f);
        p.drawLine(x, m.ruler - 5, x, m.ruler - 1);
        p.drawText(x + 3, m.ruler - 5, QString::number(f));
    }
}

void TimelineView::paintSource(QPainter &p, const Metrics &m) const
{
    const QModelIndex index = m_model->indexOfId(TimelineModel::sourceId());
    const QRect row(m.header, m.ruler, width() - m.header, m.sourceRow);
    if (!index.isValid()) {
        p.setPen(palette().placeholderText().color());
        p.drawText(row, Qt::AlignCenter, tr("Drop a clip here to set the source"));
        return;
    }
    const QRect bar = itemRect(TimelineModel::sourceId());
    const int line = fontMetrics().height();
    const QRect strip(bar.left(), bar.top(), bar.width(), bar.height() - 2 * line);
    p.fillRect(strip, palette().alternateBase());
    if (!m_thumbnails.empty()) {
        // Tiles keep the thumbnails' aspect; as many as fit, each showing its part of the clip.
        const QImage &first = m_thumbnails.front();
        const int tileWidth = std::max(1, first.width() * strip.height() / std::max(1, first.height()));
        const int tiles = std::max(1, strip.width() / tileWidth);
        for (int i = 0; i < tiles; ++i) {
            const size_t pick = size_t(i) * m_thumbnails.size() / size_t(tiles);
            const QRect tile(strip.left() + i * strip.width() / tiles, strip.top(),
                             strip.width() / tiles, strip.height());
            p.drawImage(tile, m_thumbnails[pick]);
        }
    }
    p.setPen(palette().mid().color());
    p.setBrush(Qt::NoBrush);
    p.drawRect(strip.adjusted(0, 0, -1, -1));
    p.setPen(palette().text().color());
    const QString detail = index.data(TimelineModel::DetailRole).toString().section('\n', 0, 0);
    p.drawText(QRect(bar.left() + 4, strip.bottom() + 2, std::max(bar.width(), 600), 2 * line),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap,
               index.data().toString() + (detail.isEmpty() ? QString() : QStringLiteral(" — ") + detail));
}

void TimelineView::paintTakes(QPainter &p, const Metrics &m) const
{
    const QModelIndex takes = m_model->index(TimelineModel::TakesTrack, 0);
    const int count = m_model->rowCount(takes);
    if (count == 0) {
        p.setPen(palette().placeholderText().color());
        p.drawText(QRect(m.header, m.ruler + m.sourceRow, width() - m.header, m.takeRow),
                   Qt::AlignCenter, tr("Renders appear here as takes"));
        return;
    }
    const QColor base = palette().button().color();
    const QColor accent = palette().highlight().color();
    for (int row = 0; row < count; ++row) {
        const QModelIndex index = m_model->index(row, 0, takes);
        const QString id = m_model->idAt(index);
        const QRect box = itemRect(id);
        const auto state = TakeState(index.data(TimelineModel::StateRole).toInt());
        const bool current = id == m_currentTake;
        QColor fill = current ? mix(base, accent, 0.45) : base;
        if (state == TakeState::Failed)
            fill = mix(base, QColor(220, 50, 47), 0.35);
        else if (state == TakeState::Cancelled || state == TakeState::Queued)
            fill = mix(base, palette().window().color(), 0.6);
        QPainterPath path;
        path.addRoundedRect(box, 4, 4);
        p.fillPath(path, fill);
        const double progress = index.data(TimelineModel::ProgressRole).toDouble();
        if (progress >= 0) {
            QRect done = box;
            done.setWidth(int(box.width() * std::min(progress, 1.0)));
            p.fillRect(done.adjusted(0, box.height() - 4, 0, 0), accent);
        }
        p.setPen(current ? QPen(accent, 2) : QPen(palette().mid().color()));
        p.drawPath(path);
        const QRect label = labelRect(id);
        p.setPen(box.contains(label) ? palette().buttonText().color() : palette().text().color());
        p.drawText(label, Qt::AlignVCenter | Qt::AlignLeft,
                   fontMetrics().elidedText(labelText(id), Qt::ElideRight, label.width()));
    }
}

void TimelineView::scrub(int x)
{
    const int frame = frameAt(x);
    if (frame != m_frame) {
        m_frame = frame;
        update();
    }
    emit frameScrubbed(frame);
}

void TimelineView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || event->position().x() < layoutMetrics().header)
        return QWidget::mousePressEvent(event);
    const QString take = takeAt(event->position().toPoint());
    if (!take.isEmpty()) {
        setCurrentTakeId(take);
        emit takeActivated(take);
    }
    m_scrubbing = true;
    scrub(event->position().toPoint().x());
}

void TimelineView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_scrubbing && (event->buttons() & Qt::LeftButton))
        scrub(event->position().toPoint().x());
    else
        m_scrubbing = false;
    const QString take = takeAt(event->position().toPoint());
    setToolTip(take.isEmpty() ? QString()
                              : m_model->indexOfId(take).data(Qt::ToolTipRole).toString());
}

void TimelineView::wheelEvent(QWheelEvent *event)
{
    const int delta = event->angleDelta().y() != 0 ? event->angleDelta().y()
                                                   : event->angleDelta().x();
    if (event->modifiers() & Qt::ControlModifier) {
        // Zoom around the pointer: the frame under it stays under it.
        const int x = event->position().toPoint().x();
        const double frame = (x - layoutMetrics().header + m_scroll->value()) / m_pixelsPerFrame;
        setPixelsPerFrame(m_pixelsPerFrame * std::pow(1.0015, delta));
        m_scroll->setValue(int(frame * m_pixelsPerFrame) - (x - layoutMetrics().header));
    } else {
        m_scroll->setValue(m_scroll->value() - delta / 2);
    }
    event->accept();
}

void TimelineView::keyPressEvent(QKeyEvent *event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        setPixelsPerFrame(m_pixelsPerFrame * 1.25);
        break;
    case Qt::Key_Minus:
        setPixelsPerFrame(m_pixelsPerFrame / 1.25);
        break;
    default:
        QWidget::keyPressEvent(event);
    }
}

void TimelineView::contextMenuEvent(QContextMenuEvent *event)
{
    const QString take = takeAt(event->pos());
    if (!take.isEmpty())
        emit takeContextMenuRequested(take, event->globalPos());
}

void TimelineView::dragEnterEvent(QDragEnterEvent *event)
{
    if (!localFileOf(event->mimeData()).isEmpty())
        event->acceptProposedAction();
}

void TimelineView::dropEvent(QDropEvent *event)
{
    const QString path = localFileOf(event->mimeData());
    if (path.isEmpty())
        return;
    event->acceptProposedAction();
    emit sourceDropped(path);
}

} // namespace mbq
