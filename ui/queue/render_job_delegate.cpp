#include "ui/queue/render_job_delegate.h"

#include "core/render/render_queue.h"

#include <QApplication>
#include <QPainter>

namespace mbq {
namespace {

constexpr int kMargin = 6;
constexpr int kSpacing = 4;
constexpr int kThumbWidth = 96;
constexpr int kThumbHeight = 54;
constexpr int kBarHeight = 8;

QString clockText(double seconds)
{
    const qint64 total = qint64(seconds + 0.5);
    const qint64 h = total / 3600;
    const qint64 m = total / 60 % 60;
    const qint64 s = total % 60;
    if (h > 0)
        return QStringLiteral("%1:%2:%3")
                .arg(h)
                .arg(m, 2, 10, QLatin1Char('0'))
                .arg(s, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2").arg(m).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace

QString RenderJobDelegate::stateText(JobState state, bool cancelRequested)
{
    switch (state) {
    case JobState::Queued:
        return tr("Queued");
    case JobState::Running:
        return cancelRequested ? tr("Cancelling…") : tr("Running");
    case JobState::Succeeded:
        return tr("Done");
    case JobState::Failed:
        return tr("Failed");
    case JobState::Cancelled:
        return tr("Cancelled");
    }
    return {};
}

QString RenderJobDelegate::statusText(const QModelIndex &index)
{
    const auto state = index.data(RenderQueue::StateRole).value<JobState>();
    if (state == JobState::Failed)
        return index.data(RenderQueue::ErrorRole).toString();
    if (state == JobState::Queued)
        return tr("Waiting for the render thread");
    if (state == JobState::Succeeded)
        return tr("Finished in %1")
                .arg(clockText(index.data(RenderQueue::DurationRole).toDouble()));
    QString text = passName(index.data(RenderQueue::PassRole).value<RenderPass>());
    const int total = index.data(RenderQueue::TotalRole).toInt();
    if (total > 1)
        text += QStringLiteral(" %1/%2").arg(index.data(RenderQueue::StepRole).toInt()).arg(total);
    const double eta = index.data(RenderQueue::EtaRole).toDouble();
    if (state == JobState::Running && eta >= 0.0)
        text += QStringLiteral(" · ") + tr("%1 left").arg(clockText(eta));
    return text;
}

void RenderJobDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    // Background and selection only; the text is laid out below.
    opt.text.clear();
    style->drawPrimitive(QStyle::PE_PanelItemViewItem, &opt, painter, widget);

    painter->save();
    const QRect content = opt.rect.adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QRect thumb(content.left(), content.top(), kThumbWidth, kThumbHeight);
    const QImage preview = index.data(RenderQueue::PreviewRole).value<QImage>();
    if (preview.isNull()) {
        painter->fillRect(thumb, opt.palette.mid());
    } else {
        const QSize fitted = preview.size().scaled(thumb.size(), Qt::KeepAspectRatio);
        QRect target(QPoint(), fitted);
        target.moveCenter(thumb.center());
        painter->fillRect(thumb, Qt::black);
        painter->drawImage(target, preview);
    }

    const bool selected = opt.state & QStyle::State_Selected;
    const QPalette::ColorRole textRole = selected ? QPalette::HighlightedText : QPalette::Text;
    const QRect text = content.adjusted(kThumbWidth + kSpacing * 2, 0, 0, 0);
    const int lineHeight = opt.fontMetrics.height();

    const auto state = index.data(RenderQueue::StateRole).value<JobState>();
    const QString stateLabel =
            stateText(state, index.data(RenderQueue::CancelRequestedRole).toBool());
    const int stateWidth = opt.fontMetrics.horizontalAdvance(stateLabel);
    const QRect labelLine(text.left(), text.top(), text.width(), lineHeight);

    painter->setPen(opt.palette.color(textRole));
    painter->drawText(labelLine, Qt::AlignRight | Qt::AlignVCenter, stateLabel);
    QFont bold = opt.font;
    bold.setBold(true);
    painter->setFont(bold);
    const QString label = index.data(RenderQueue::LabelRole).toString();
    painter->drawText(labelLine.adjusted(0, 0, -stateWidth - kSpacing * 2, 0),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(bold).elidedText(label, Qt::ElideRight,
                                                    labelLine.width() - stateWidth - kSpacing * 2));
    painter->setFont(opt.font);

    const QRect statusLine = labelLine.translated(0, lineHeight + kSpacing);
    if (state == JobState::Failed && !selected)
        painter->setPen(QColor(0xc0, 0x30, 0x30));
    painter->drawText(statusLine, Qt::AlignLeft | Qt::AlignVCenter,
                      opt.fontMetrics.elidedText(statusText(index), Qt::ElideRight,
                                                 statusLine.width()));

    QStyleOptionProgressBar bar;
    bar.state = QStyle::State_Enabled | QStyle::State_Horizontal;
    bar.direction = opt.direction;
    bar.palette = opt.palette;
    bar.fontMetrics = opt.fontMetrics;
    bar.rect = QRect(text.left(), statusLine.bottom() + kSpacing, text.width(), kBarHeight);
    bar.minimum = 0;
    bar.maximum = 1000;
    bar.progress = int(index.data(RenderQueue::ProgressRole).toDouble() * 1000.0);
    bar.textVisible = false;
    style->drawControl(QStyle::CE_ProgressBar, &bar, painter, widget);
    painter->restore();
}

QSize RenderJobDelegate::sizeHint(const QStyleOptionViewItem &option,
                                  const QModelIndex &index) const
{
    const int lines = option.fontMetrics.height() * 2 + kSpacing * 2 + kBarHeight;
    return {kThumbWidth + 240, std::max(kThumbHeight, lines) + kMargin * 2};
}

} // namespace mbq
