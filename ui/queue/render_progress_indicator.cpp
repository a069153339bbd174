#include "ui/queue/render_progress_indicator.h"

#include "core/render/render_queue.h"
#include "ui/queue/render_job_delegate.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QToolButton>

#include <algorithm>

namespace mbq {
namespace {

constexpr int kBarWidth = 120;
constexpr int kTextWidth = 320; // room for "take 12 · Source pass 12/50 · 12:34 left"

} // namespace

RenderProgressIndicator::RenderProgressIndicator(RenderQueue *queue, QWidget *parent)
    : QWidget(parent)
    , m_queue(queue)
    , m_label(new QLabel(this))
    , m_bar(new QProgressBar(this))
    , m_cancelButton(new QToolButton(this))
    , m_cancelAction(new QAction(this))
{
    setObjectName(QStringLiteral("renderProgressIndicator"));
    m_label->setObjectName(QStringLiteral("renderProgressText"));
    m_label->setMinimumWidth(kTextWidth);
    m_bar->setObjectName(QStringLiteral("renderProgressBar"));
    m_bar->setFixedWidth(kBarWidth);
    m_bar->setTextVisible(false);
    m_cancelAction->setObjectName(QStringLiteral("cancelRenderAction"));
    // Esc stops what runs, as in other editors; a window shortcut, as the artist's focus is
    // anywhere in the window while a render runs.
    m_cancelAction->setShortcut(QKeySequence(Qt::Key_Escape));
    m_cancelAction->setShortcutContext(Qt::WindowShortcut);
    // Not the action's button: the menu names what it cancels, the strip beside it is shorter.
    m_cancelButton->setObjectName(QStringLiteral("cancelRenderButton"));
    m_cancelButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    connect(m_cancelButton, &QToolButton::clicked, m_cancelAction, &QAction::trigger);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 6, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_bar);
    layout->addWidget(m_cancelButton);

    connect(m_cancelAction, &QAction::triggered, this, [this] {
        if (m_runningId != 0)
            m_queue->cancel(m_runningId);
    });
    connect(m_queue, &QAbstractItemModel::dataChanged, this, &RenderProgressIndicator::refresh);
    connect(m_queue, &QAbstractItemModel::rowsInserted, this, &RenderProgressIndicator::refresh);
    connect(m_queue, &QAbstractItemModel::rowsRemoved, this, &RenderProgressIndicator::refresh);
    connect(m_queue, &QAbstractItemModel::modelReset, this, &RenderProgressIndicator::refresh);
    retranslate();
    refresh();
}

void RenderProgressIndicator::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void RenderProgressIndicator::retranslate()
{
    m_cancelAction->setText(tr("Cancel Render"));
    m_cancelAction->setToolTip(tr("Stop the running render (Esc); finished steps are kept"));
    m_cancelButton->setText(tr("Cancel"));
    m_cancelButton->setToolTip(m_cancelAction->toolTip());
    refresh();
}

void RenderProgressIndicator::refresh()
{
    QModelIndex running;
    int queued = 0;
    for (int row = 0; row < m_queue->rowCount(); ++row) {
        const QModelIndex index = m_queue->index(row);
        const auto state = index.data(RenderQueue::StateRole).value<JobState>();
        if (state == JobState::Running)
            running = index;
        else if (state == JobState::Queued)
            ++queued;
    }
    m_runningId = running.isValid() ? running.data(RenderQueue::IdRole).value<quint64>() : 0;
    const bool stopping = running.data(RenderQueue::CancelRequestedRole).toBool();
    m_cancelAction->setEnabled(running.isValid() && !stopping);
    m_cancelButton->setEnabled(m_cancelAction->isEnabled());
    setVisible(running.isValid());
    m_text.clear();
    if (!running.isValid()) {
        m_label->clear();
        return;
    }

    QString text = running.data(RenderQueue::LabelRole).toString() + QStringLiteral(" · ")
        + (stopping ? RenderJobDelegate::stateText(JobState::Running, true)
                    : RenderJobDelegate::statusText(running));
    if (queued > 0)
        text += QStringLiteral(" · ") + tr("%n more queued", nullptr, queued);
    m_text = text;
    m_label->setText(m_label->fontMetrics().elidedText(text, Qt::ElideRight, kTextWidth));
    m_label->setToolTip(text);
    // The bar counts the named pass's units, so it restarts only where the text says why.
    const int total = running.data(RenderQueue::TotalRole).toInt();
    m_bar->setRange(0, std::max(total, 1));
    m_bar->setValue(std::clamp(running.data(RenderQueue::StepRole).toInt(), 0, std::max(total, 1)));
}

} // namespace mbq
