#include "ui/queue/render_queue_dock.h"

#include "core/render/render_queue.h"
#include "ui/queue/render_job_delegate.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

namespace mbq {
namespace {

QToolButton *buttonFor(QAction *action, const QString &objectName, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(objectName);
    button->setDefaultAction(action);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return button;
}

} // namespace

RenderQueueDock::RenderQueueDock(RenderQueue *queue, QWidget *parent)
    : QDockWidget(tr("Render Queue"), parent)
    , m_queue(queue)
    , m_view(new QListView)
    , m_detail(new QLabel)
    , m_cancelAction(new QAction(tr("Cancel"), this))
    , m_retryAction(new QAction(tr("Retry"), this))
    , m_clearAction(new QAction(tr("Clear Finished"), this))
{
    setObjectName(QStringLiteral("renderQueueDock"));

    m_view->setObjectName(QStringLiteral("renderQueueView"));
    m_view->setModel(m_queue);
    m_view->setItemDelegate(new RenderJobDelegate(m_view));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setUniformItemSizes(true);
    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);

    // Failed jobs' errors are often longer than a row; the full text goes here.
    m_detail->setObjectName(QStringLiteral("jobDetailLabel"));
    m_detail->setWordWrap(true);
    m_detail->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_detail->setVisible(false);

    m_cancelAction->setObjectName(QStringLiteral("cancelJobAction"));
    m_cancelAction->setToolTip(tr("Stop the selected job; finished steps are kept"));
    m_cancelAction->setShortcut(QKeySequence::Delete);
    m_cancelAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_retryAction->setObjectName(QStringLiteral("retryJobAction"));
    m_retryAction->setToolTip(tr("Queue the selected job again"));
    m_clearAction->setObjectName(QStringLiteral("clearFinishedAction"));
    m_clearAction->setToolTip(tr("Remove finished, failed and cancelled jobs from the list"));
    m_view->addActions({m_cancelAction, m_retryAction, m_clearAction});

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(buttonFor(m_cancelAction, QStringLiteral("cancelJobButton"), this));
    buttons->addWidget(buttonFor(m_retryAction, QStringLiteral("retryJobButton"), this));
    buttons->addStretch();
    buttons->addWidget(buttonFor(m_clearAction, QStringLiteral("clearFinishedButton"), this));

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_detail);
    layout->addLayout(buttons);
    setWidget(content);

    connect(m_cancelAction, &QAction::triggered, this, &RenderQueueDock::cancelSelected);
    connect(m_retryAction, &QAction::triggered, this, &RenderQueueDock::retrySelected);
    connect(m_clearAction, &QAction::triggered, m_queue, &RenderQueue::removeFinished);

    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &RenderQueueDock::updateActions);
    connect(m_queue, &QAbstractItemModel::dataChanged, this, &RenderQueueDock::updateActions);
    connect(m_queue, &QAbstractItemModel::rowsInserted, this, &RenderQueueDock::updateActions);
    connect(m_queue, &QAbstractItemModel::rowsRemoved, this, &RenderQueueDock::updateActions);
    connect(m_queue, &QAbstractItemModel::modelReset, this, &RenderQueueDock::updateActions);
    updateActions();
}

quint64 RenderQueueDock::selectedId() const
{
    const QModelIndex current = m_view->currentIndex();
    return current.isValid() ? current.data(RenderQueue::IdRole).value<quint64>() : 0;
}

void RenderQueueDock::cancelSelected()
{
    if (const quint64 id = selectedId())
        m_queue->cancel(id);
}

void RenderQueueDock::retrySelected()
{
    const quint64 id = m_queue->retry(selectedId());
    if (id != 0)
        m_view->setCurrentIndex(m_queue->index(m_queue->rowOf(id)));
}

void RenderQueueDock::updateActions()
{
    const QModelIndex current = m_view->currentIndex();
    const auto state = current.data(RenderQueue::StateRole).value<JobState>();
    const bool selected = current.isValid();
    const bool stopping = current.data(RenderQueue::CancelRequestedRole).toBool();

    m_cancelAction->setEnabled(selected && !stopping
                               && (state == JobState::Queued || state == JobState::Running));
    m_retryAction->setEnabled(selected
                              && (state == JobState::Failed || state == JobState::Cancelled));

    bool anyFinished = false;
    for (int row = 0; row < m_queue->rowCount() && !anyFinished; ++row) {
        const QVariant rowState = m_queue->index(row).data(RenderQueue::StateRole);
        anyFinished = isFinished(rowState.value<JobState>());
    }
    m_clearAction->setEnabled(anyFinished);

    const bool failed = selected && state == JobState::Failed;
    m_detail->setText(failed ? tr("Failed: %1").arg(current.data(RenderQueue::ErrorRole).toString())
                             : QString());
    m_detail->setVisible(failed);
}

} // namespace mbq
