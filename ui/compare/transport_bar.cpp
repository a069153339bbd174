#include "ui/compare/transport_bar.h"

#include "ui/compare/playback_clock.h"
#include "ui/compare/transport_icons.h"
#include "ui/compare/transport_key_guard.h"

#include <QAction>
#include <QApplication>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QSlider>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace mbq {
namespace {

// mm:ss.hh, truncated so the label never runs ahead of the picture.
QString clockText(double seconds)
{
    const qint64 hundredths = qint64(std::floor(seconds * 100.0 + 1e-6));
    return QStringLiteral("%1:%2.%3")
        .arg(hundredths / 6000, 2, 10, QLatin1Char('0'))
        .arg(hundredths / 100 % 60, 2, 10, QLatin1Char('0'))
        .arg(hundredths % 100, 2, 10, QLatin1Char('0'));
}

QToolButton *buttonFor(QAction *action, QWidget *parent)
{
    auto *button = new QToolButton(parent);
    button->setObjectName(
        action->objectName().replace(QLatin1String("Action"), QLatin1String("Button")));
    button->setDefaultAction(action);
    button->setAutoRaise(true);
    return button;
}

} // namespace

TransportBar::TransportBar(PlaybackClock *clock, QWidget *parent)
    : QWidget(parent)
    , m_clock(clock)
    , m_playPause(makeAction(tr("Play"), "comparePlayPauseAction", Qt::Key_Space,
                             tr("Play or pause all panes together")))
    , m_playReverse(makeAction(tr("Play Backwards"), "comparePlayReverseAction", Qt::Key_J,
                               tr("Play backwards")))
    , m_pause(makeAction(tr("Pause"), "comparePauseAction", Qt::Key_K, tr("Pause")))
    , m_playForward(makeAction(tr("Play Forwards"), "comparePlayForwardAction", Qt::Key_L,
                               tr("Play forwards")))
    , m_stepBackward(makeAction(tr("Previous Frame"), "compareStepBackwardAction", Qt::Key_Left,
                                tr("Step back one frame")))
    , m_stepForward(makeAction(tr("Next Frame"), "compareStepForwardAction", Qt::Key_Right,
                               tr("Step forward one frame")))
    , m_jumpToStart(makeAction(tr("Go to Start"), "compareJumpToStartAction", Qt::Key_Home,
                               tr("Go to the first frame")))
    , m_jumpToEnd(makeAction(tr("Go to End"), "compareJumpToEndAction", Qt::Key_End,
                             tr("Go to the last frame")))
    , m_loop(makeAction(tr("Loop"), "compareLoopAction", {},
                        tr("Start over at the end instead of stopping")))
    , m_slider(new QSlider(Qt::Horizontal))
    , m_time(new QLabel)
    , m_buttons(new QHBoxLayout)
{
    setObjectName(QStringLiteral("compareTransportBar"));
    // Removed with the bar: Qt drops a destroyed filter.
    qApp->installEventFilter(new TransportKeyGuard(this));
    m_loop->setCheckable(true);
    // Holding an arrow key steps on, as in every editor.
    m_stepBackward->setAutoRepeat(true);
    m_stepForward->setAutoRepeat(true);

    m_slider->setObjectName(QStringLiteral("compareScrubSlider"));
    m_slider->setAccessibleName(tr("Position"));
    m_slider->setFocusPolicy(Qt::NoFocus); // the frame-step shortcuts already drive it
    m_time->setObjectName(QStringLiteral("compareTimeLabel"));
    // Fixed-width digits keep the label from jittering while it counts.
    m_time->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_time->setTextInteractionFlags(Qt::TextSelectableByMouse);

    for (QAction *action :
         {m_jumpToStart, m_stepBackward, m_playPause, m_stepForward, m_jumpToEnd, m_loop})
        m_buttons->addWidget(buttonFor(action, this));
    m_buttons->addSpacing(8);
    m_buttons->addWidget(m_time);
    m_buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_slider);
    layout->addLayout(m_buttons);

    using Direction = PlaybackClock::Direction;
    connect(m_playPause, &QAction::triggered, this, [this] {
        if (m_clock->isPlaying())
            m_clock->pause();
        else
            m_clock->play(Direction::Forward);
    });
    connect(m_playReverse, &QAction::triggered, this,
            [this] { m_clock->play(Direction::Reverse); });
    connect(m_pause, &QAction::triggered, m_clock, &PlaybackClock::pause);
    connect(m_playForward, &QAction::triggered, this,
            [this] { m_clock->play(Direction::Forward); });
    const auto stepBy = [this](int delta) {
        m_clock->pause();
        m_clock->setCurrentFrame(m_clock->currentFrame() + delta);
    };
    connect(m_stepBackward, &QAction::triggered, this, [stepBy] { stepBy(-1); });
    connect(m_stepForward, &QAction::triggered, this, [stepBy] { stepBy(1); });
    connect(m_jumpToStart, &QAction::triggered, this, [this] { m_clock->setCurrentFrame(0); });
    connect(m_jumpToEnd, &QAction::triggered, this,
            [this] { m_clock->setCurrentFrame(m_clock->frameCount() - 1); });
    connect(m_loop, &QAction::toggled, m_clock, &PlaybackClock::setLooping);

    // Scrubbing pauses, so the picture stays where the user lets go.
    connect(m_slider, &QSlider::sliderPressed, m_clock, &PlaybackClock::pause);
    connect(m_slider, &QSlider::valueChanged, m_clock, &PlaybackClock::setCurrentFrame);

    connect(m_clock, &PlaybackClock::frameChanged, this, &TransportBar::refresh);
    connect(m_clock, &PlaybackClock::timingChanged, this, &TransportBar::refresh);
    connect(m_clock, &PlaybackClock::playingChanged, this, &TransportBar::updatePlayState);
    updateIcons();
    refresh();
}

QList<QAction *> TransportBar::transportActions() const
{
    return {m_playPause,   m_playReverse, m_pause,     m_playForward, m_stepBackward,
            m_stepForward, m_jumpToStart, m_jumpToEnd, m_loop};
}

void TransportBar::addTrailingWidget(QWidget *widget)
{
    m_buttons->addWidget(widget);
}

QString TransportBar::timeText(int frame, int frameCount, double fps)
{
    if (frameCount <= 0 || fps <= 0)
        return tr("--:--.-- / --:--.-- · no frames");
    return tr("%1 / %2 · frame %3/%4")
        .arg(clockText(frame / fps), clockText(frameCount / fps))
        .arg(frame + 1)
        .arg(frameCount);
}

QAction *TransportBar::makeAction(const QString &text, const char *objectName,
                                  const QKeySequence &key, const QString &toolTip)
{
    auto *action = new QAction(text, this);
    action->setObjectName(QLatin1String(objectName));
    action->setShortcut(key);
    action->setToolTip(key.isEmpty()
                           ? toolTip
                           : tr("%1 (%2)").arg(toolTip, key.toString(QKeySequence::NativeText)));
    return action;
}

void TransportBar::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        updateIcons();
    QWidget::changeEvent(event);
}

void TransportBar::refresh()
{
    const int count = m_clock->frameCount();
    for (QAction *action : transportActions())
        action->setEnabled(count > 0 || action == m_loop);
    {
        const QSignalBlocker blocker(m_slider);
        m_slider->setRange(0, std::max(count - 1, 0));
        m_slider->setValue(m_clock->currentFrame());
    }
    m_slider->setEnabled(count > 0);
    m_time->setText(timeText(m_clock->currentFrame(), count, m_clock->fps()));
    // As wide as the longest this clip can make it, so the row does not shift while playing.
    m_time->setMinimumWidth(
        m_time->fontMetrics().horizontalAdvance(timeText(count - 1, count, m_clock->fps())));
}

void TransportBar::updatePlayState()
{
    const bool playing = m_clock->isPlaying();
    m_playPause->setText(playing ? tr("Pause") : tr("Play"));
    m_playPause->setIcon(playing ? m_pauseIcon : m_playIcon);
}

void TransportBar::updateIcons()
{
    const QPalette pal = palette();
    m_playIcon = transportIcon(TransportIcon::Play, pal);
    m_pauseIcon = transportIcon(TransportIcon::Pause, pal);
    m_stepBackward->setIcon(transportIcon(TransportIcon::StepBackward, pal));
    m_stepForward->setIcon(transportIcon(TransportIcon::StepForward, pal));
    m_jumpToStart->setIcon(transportIcon(TransportIcon::JumpToStart, pal));
    m_jumpToEnd->setIcon(transportIcon(TransportIcon::JumpToEnd, pal));
    m_loop->setIcon(transportIcon(TransportIcon::Loop, pal));
    updatePlayState();
}

} // namespace mbq
