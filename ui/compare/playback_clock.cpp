#include "ui/compare/playback_clock.h"

#include <algorithm>
#include <cmath>

namespace mbq {

PlaybackClock::PlaybackClock(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &PlaybackClock::tick);
}

void PlaybackClock::setFrameCount(int count)
{
    m_frameCount = std::max(count, 0);
    if (m_frameCount == 0)
        pause();
    setCurrentFrame(m_frame);
    emit timingChanged();
}

void PlaybackClock::setFps(double fps)
{
    m_fps = fps > 0 ? fps : 16.0;
    restartSchedule();
    emit timingChanged();
}

void PlaybackClock::setLooping(bool loop)
{
    m_looping = loop;
}

void PlaybackClock::setCurrentFrame(int frame)
{
    frame = std::clamp(frame, 0, std::max(m_frameCount - 1, 0));
    restartSchedule();
    if (frame == m_frame)
        return;
    m_frame = frame;
    emit frameChanged(m_frame);
}

void PlaybackClock::play(Direction direction)
{
    if (m_frameCount == 0)
        return;
    m_direction = direction;
    const bool atEnd = direction == Direction::Forward ? m_frame == m_frameCount - 1 : m_frame == 0;
    if (atEnd && !m_looping)
        setCurrentFrame(direction == Direction::Forward ? 0 : m_frameCount - 1);
    const bool wasPlaying = isPlaying();
    m_elapsed.start();
    m_ticks = 0;
    scheduleNext();
    if (!wasPlaying)
        emit playingChanged(true);
}

void PlaybackClock::pause()
{
    if (!isPlaying())
        return;
    m_timer.stop();
    emit playingChanged(false);
}

void PlaybackClock::tick()
{
    const int step = m_direction == Direction::Forward ? 1 : -1;
    int next = m_frame + step;
    if (next < 0 || next >= m_frameCount) {
        if (!m_looping || m_frameCount == 0) {
            emit playingChanged(false); // the timer is single-shot: not re-armed, so stopped
            return;
        }
        next = next < 0 ? m_frameCount - 1 : 0;
    }
    m_frame = next;
    ++m_ticks;
    // Emitted before re-arming, so the time the panes take to paint counts against this frame.
    emit frameChanged(m_frame);
    scheduleNext();
}

void PlaybackClock::restartSchedule()
{
    if (!isPlaying())
        return;
    m_elapsed.start();
    m_ticks = 0;
    scheduleNext();
}

void PlaybackClock::scheduleNext()
{
    const double frameMs = 1000.0 / m_fps;
    const qint64 due = std::llround((m_ticks + 1) * frameMs);
    qint64 wait = due - m_elapsed.elapsed();
    if (wait < -frameMs) {
        m_elapsed.start();
        m_ticks = 0;
        wait = std::llround(frameMs);
    }
    m_timer.start(int(std::max<qint64>(wait, 0)));
}

} // namespace mbq
