#pragma once
// CompareView: SOURCE | INJECTED | BASELINE side by side, each with its metrics caption, played
// in lockstep, or any two of them in one A/B wipe.
//
// Playback is our own: each clip is decoded whole into memory off the UI thread (clips are
// short), and one QTimer (PlaybackClock) picks the frame index every pane shows. Qt
// Multimedia's players were the alternative, but each runs its own clock and none can be
// stepped frame-exactly, so three of them drift apart and cannot show "frame 21" together.
//
// Panes are synced by frame index. The view is as long as its longest clip; beyond a shorter
// clip's end that pane holds its last frame (tagged "Ended at frame N"). The clock runs at the
// first loaded clip's rate, in pane order (source, injected, baseline): renders share the
// conformed source's rate, so this only matters for mismatched files.

#include <QImage>
#include <QList>
#include <QWidget>

class QAction;
class QComboBox;
class QStackedWidget;

namespace mbq {

class ClipPane;
class PlaybackClock;
class TransportBar;
class WipeView;

class CompareView : public QWidget
{
    Q_OBJECT

public:
    enum class Pane { Source, Injected, Baseline };
    Q_ENUM(Pane)
    static constexpr int PaneCount = 3;

    explicit CompareView(QWidget *parent = nullptr);

    // Loads a clip into a pane in the background ("Loading…" meanwhile; the reason, if it cannot
    // be read). `caption` is the metrics line under it; see metricsCaption().
    void setClip(Pane pane, const QString &videoPath, const QString &caption = {});
    void clearClip(Pane pane);
    void setCaption(Pane pane, const QString &caption); // empty shows "—"
    // A live denoising preview shown in the pane (normally Injected) until its next setClip().
    void setPreviewImage(Pane pane, const QImage &image);
    // "fidelity 0.81 · leak 0.07", with "—" for a NaN (not measured) value.
    static QString metricsCaption(double fidelity, double leak);
    // One metric as every caption shows it: two decimals in the locale's format, "—" for NaN,
    // and a value that rounds to zero as "0.00", never "-0.00".
    static QString metricNumber(double value);

    int currentFrame() const;
    int frameCount() const; // of the longest loaded clip
    double fps() const;
    bool isPlaying() const;
    bool isLooping() const;

    // A/B wipe: two panes (distinct) in one view with a movable divider.
    void setWipe(Pane a, Pane b);
    void setWipeEnabled(bool enabled);
    bool isWipeEnabled() const;
    Pane wipePaneA() const { return m_wipeA; }
    Pane wipePaneB() const { return m_wipeB; }

    // For the main window's menus; their shortcuts work while this view's window is active.
    QAction *playPauseAction() const; // Space
    QAction *playReverseAction() const; // J
    QAction *pauseAction() const; // K
    QAction *playForwardAction() const; // L
    QAction *stepBackwardAction() const; // Left
    QAction *stepForwardAction() const; // Right
    QAction *jumpToStartAction() const; // Home
    QAction *jumpToEndAction() const; // End
    QAction *loopAction() const; // checkable
    QAction *wipeAction() const { return m_wipeAction; } // checkable
    QList<QAction *> compareActions() const; // all of the above, in menu order

    void setCurrentFrame(int frame); // clamped to the clips
    void play();
    void pause();
    void setLooping(bool loop);

signals:
    void currentFrameChanged(int frame);
    void playingChanged(bool playing);
    void clipStateChanged(mbq::CompareView::Pane pane); // loading, loaded, failed or cleared

private:
    ClipPane *pane(Pane pane) const { return m_panes[int(pane)]; }
    void showFrame(int frame);
    void onPaneStateChanged(Pane pane);
    void updateWipe();
    void syncWipeControls();

    PlaybackClock *m_clock;
    ClipPane *m_panes[PaneCount];
    QStackedWidget *m_stack;
    WipeView *m_wipe;
    TransportBar *m_transport;
    QAction *m_wipeAction;
    QComboBox *m_wipeACombo;
    QComboBox *m_wipeBCombo;
    Pane m_wipeA = Pane::Source;
    Pane m_wipeB = Pane::Injected;
};

} // namespace mbq
