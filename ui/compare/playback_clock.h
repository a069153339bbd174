#pragma once
// PlaybackClock: the one clock behind the compare view. It owns the current frame index and
// a single QTimer that advances it at the clips' rate; every pane shows whatever frame the
// clock says, so panes can never drift apart. Each tick shows the next frame (none skipped, so
// motion can be compared frame by frame); the timer is re-armed against an elapsed-time
// schedule, so the rate stays exact on average instead of inheriting a rounded interval. When
// the UI falls more than a frame behind the schedule restarts rather than racing to catch up.

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>

namespace mbq {

class PlaybackClock : public QObject
{
    Q_OBJECT

public:
    enum class Direction { Forward, Reverse };

    explicit PlaybackClock(QObject *parent = nullptr);

    void setFrameCount(int count); // clamps the current frame; 0 stops playback
    int frameCount() const { return m_frameCount; }
    void setFps(double fps); // <= 0 falls back to 16 (Wan's rate)
    double fps() const { return m_fps; }
    void setLooping(bool loop);
    bool isLooping() const { return m_looping; }

    int currentFrame() const { return m_frame; }
    void setCurrentFrame(int frame); // clamped; playback goes on from there

    // Starts playing. Forward from the last frame (or reverse from the first) without looping
    // starts over from the other end, as players do.
    void play(Direction direction = Direction::Forward);
    void pause();
    bool isPlaying() const { return m_timer.isActive(); }
    Direction direction() const { return m_direction; }

signals:
    void frameChanged(int frame);
    void playingChanged(bool playing);
    void timingChanged(); // frame count or fps

private:
    void tick();
    void restartSchedule();
    void scheduleNext();

    QTimer m_timer;
    QElapsedTimer m_elapsed; // since the schedule started
    qint64 m_ticks = 0; // frames shown since the schedule started
    int m_frameCount = 0;
    int m_frame = 0;
    double m_fps = 16.0;
    bool m_looping = false;
    Direction m_direction = Direction::Forward;
};

} // namespace mbq
