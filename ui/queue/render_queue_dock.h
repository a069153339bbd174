#pragma once
// The render queue dock: every job of a RenderQueue with its progress and preview, and the
// actions Cancel, Retry and Clear finished, enabled by the selected job's state.

#include <QDockWidget>

class QAction;
class QLabel;
class QListView;

namespace mbq {

class RenderQueue;

class RenderQueueDock : public QDockWidget
{
    Q_OBJECT

public:
    explicit RenderQueueDock(RenderQueue *queue, QWidget *parent = nullptr);

    QAction *cancelAction() const { return m_cancelAction; }
    QAction *retryAction() const { return m_retryAction; }
    QAction *clearFinishedAction() const { return m_clearAction; }

private:
    quint64 selectedId() const; // 0 when nothing is selected
    void cancelSelected();
    void retrySelected();
    void updateActions();

    RenderQueue *m_queue;
    QListView *m_view;
    QLabel *m_detail;
    QAction *m_cancelAction;
    QAction *m_retryAction;
    QAction *m_clearAction;
};

} // namespace mbq
