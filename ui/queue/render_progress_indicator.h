#pragma once
// The running job where the artist looks: a compact strip for the main toolbar with the job's
// label, its pass, step n/N and the time left in the pass, a bar, and a Cancel button. Hidden
// while nothing runs (in a toolbar, put it in a container: a toolbar shows its widgets itself). Its
// cancel action (Esc, enabled only while a job runs) goes into the Render menu, so the key works
// anywhere in the main window.

#include <QWidget>

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace mbq {

class RenderQueue;

class RenderProgressIndicator : public QWidget
{
    Q_OBJECT

public:
    explicit RenderProgressIndicator(RenderQueue *queue, QWidget *parent = nullptr);

    QAction *cancelAction() const { return m_cancelAction; }
    // What the strip says, e.g. "take 2 · Render 5/10 · 0:38 left"; empty while hidden.
    QString text() const { return m_text; }
    quint64 runningId() const { return m_runningId; } // 0 when nothing runs

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void retranslate();

    RenderQueue *m_queue;
    QLabel *m_label;
    QProgressBar *m_bar;
    QToolButton *m_cancelButton;
    QAction *m_cancelAction;
    QString m_text;
    quint64 m_runningId = 0;
};

} // namespace mbq
