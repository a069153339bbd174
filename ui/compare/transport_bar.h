#pragma once
// TransportBar: the compare view's playback controls over a PlaybackClock: a scrub slider, and
// buttons for jump to start, step back, play/pause, step forward, jump to end and loop, with
// the time "00:01.25 / 00:05.06 · frame 21/81". The controls are QActions with the editors'
// shortcuts (Space, J/K/L, Left/Right, Home/End), so the main window can list them in menus.

#include <QIcon>
#include <QList>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QSlider;

namespace mbq {

class PlaybackClock;

class TransportBar : public QWidget
{
    Q_OBJECT

public:
    explicit TransportBar(PlaybackClock *clock, QWidget *parent = nullptr);

    QAction *playPauseAction() const { return m_playPause; }
    QAction *playReverseAction() const { return m_playReverse; } // J
    QAction *pauseAction() const { return m_pause; } // K
    QAction *playForwardAction() const { return m_playForward; } // L
    QAction *stepBackwardAction() const { return m_stepBackward; }
    QAction *stepForwardAction() const { return m_stepForward; }
    QAction *jumpToStartAction() const { return m_jumpToStart; }
    QAction *jumpToEndAction() const { return m_jumpToEnd; }
    QAction *loopAction() const { return m_loop; }
    // All of the above, in menu order.
    QList<QAction *> transportActions() const;

    // Widgets at the right end of the button row (the compare view's wipe controls).
    void addTrailingWidget(QWidget *widget);

    // "00:01.25 / 00:05.06 · frame 21/81": the time frame `frame` (0-based) starts, the clip's
    // duration, and the frame counted from 1.
    static QString timeText(int frame, int frameCount, double fps);

protected:
    void changeEvent(QEvent *event) override;

private:
    QAction *makeAction(const QString &text, const char *objectName, const QKeySequence &key,
                        const QString &toolTip);
    void refresh(); // position, time, enabled state
    void updatePlayState(); // the play/pause action's text and icon
    void updateIcons(); // from the palette

    PlaybackClock *m_clock;
    QAction *m_playPause;
    QAction *m_playReverse;
    QAction *m_pause;
    QAction *m_playForward;
    QAction *m_stepBackward;
    QAction *m_stepForward;
    QAction *m_jumpToStart;
    QAction *m_jumpToEnd;
    QAction *m_loop;
    QSlider *m_slider;
    QLabel *m_time;
    QHBoxLayout *m_buttons;
    QIcon m_playIcon;
    QIcon m_pauseIcon;
};

} // namespace mbq
