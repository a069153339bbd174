#include "ui/compare/compare_view.h"

#include "ui/compare/clip_pane.h"
#include "ui/compare/playback_clock.h"
#include "ui/compare/transport_bar.h"
#include "ui/compare/wipe_view.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>

namespace mbq {
namespace {

const char *const kPaneNames[CompareView::PaneCount]
    = {"compareSourcePane", "compareInjectedPane", "compareBaselinePane"};

QComboBox *paneCombo(const QStringList &titles, const char *objectName, const QString &toolTip)
{
    auto *combo = new QComboBox;
    combo->setObjectName(QLatin1String(objectName));
    combo->addItems(titles);
    combo->setToolTip(toolTip);
    return combo;
}

} // namespace

CompareView::CompareView(QWidget *parent)
    : QWidget(parent)
    , m_clock(new PlaybackClock(this))
    , m_stack(new QStackedWidget)
    , m_wipe(new WipeView)
    , m_transport(new TransportBar(m_clock))
    , m_wipeAction(new QAction(tr("A/B Wipe"), this))
{
    setObjectName(QStringLiteral("compareView"));
    m_panes[int(Pane::Source)] = new ClipPane(tr("Source"), tr("No source clip"));
    m_panes[int(Pane::Injected)] = new ClipPane(tr("Injected"), tr("Not rendered yet"));
    m_panes[int(Pane::Baseline)]
        = new ClipPane(tr("Baseline (no injection)"), tr("No baseline rendered yet"));

    auto *panes = new QWidget;
    auto *panesLayout = new QHBoxLayout(panes);
    panesLayout->setContentsMargins(0, 0, 0, 0);
    QStringList titles;
    for (int i = 0; i < PaneCount; ++i) {
        m_panes[i]->setObjectName(QLatin1String(kPaneNames[i]));
        panesLayout->addWidget(m_panes[i], 1);
        titles << m_panes[i]->title();
        connect(m_panes[i], &ClipPane::stateChanged, this,
                [this, i] { onPaneStateChanged(Pane(i)); });
    }
    m_wipe->setObjectName(QStringLiteral("compareWipeView"));
    m_stack->setObjectName(QStringLiteral("compareStack"));
    m_stack->addWidget(panes);
    m_stack->addWidget(m_wipe);

    m_wipeAction->setObjectName(QStringLiteral("compareWipeAction"));
    m_wipeAction->setCheckable(true);
    m_wipeAction->setToolTip(tr("Show two panes in one view, split by a movable divider"));
    auto *wipeButton = new QToolButton;
    wipeButton->setObjectName(QStringLiteral("compareWipeButton"));
    wipeButton->setDefaultAction(m_wipeAction);
    wipeButton->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_wipeACombo = paneCombo(titles, "compareWipeACombo", tr("Left of the divider"));
    m_wipeBCombo = paneCombo(titles, "compareWipeBCombo", tr("Right of the divider"));
    auto *aLabel = new QLabel(tr("A:"));
    auto *bLabel = new QLabel(tr("B:"));
    aLabel->setBuddy(m_wipeACombo);
    bLabel->setBuddy(m_wipeBCombo);
    const QList<QWidget *> wipeControls = {wipeButton, aLabel, m_wipeACombo, bLabel, m_wipeBCombo};
    for (QWidget *widget : wipeControls)
        m_transport->addTrailingWidget(widget);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_transport);
    addActions(compareActions());

    connect(m_clock, &PlaybackClock::frameChanged, this, &CompareView::showFrame);
    connect(m_clock, &PlaybackClock::playingChanged, this, &CompareView::playingChanged);
    connect(m_wipeAction, &QAction::toggled, this, &CompareView::setWipeEnabled);
    // Picking for one side the pane the other side shows swaps them, so the pair stays distinct.
    connect(m_wipeACombo, &QComboBox::activated, this, [this](int index) {
        setWipe(Pane(index), Pane(index) == m_wipeB ? m_wipeA : m_wipeB);
    });
    connect(m_wipeBCombo, &QComboBox::activated, this, [this](int index) {
        setWipe(Pane(index) == m_wipeA ? m_wipeB : m_wipeA, Pane(index));
    });
    syncWipeControls();
    updateWipe();
}

void CompareView::setClip(Pane which, const QString &videoPath, const QString &caption)
{
    pane(which)->setClip(videoPath, caption);
}

void CompareView::clearClip(Pane which)
{
    pane(which)->clearClip();
}

void CompareView::setCaption(Pane which, const QString &caption)
{
    pane(which)->setCaption(caption);
    updateWipe();
}

void CompareView::setPreviewImage(Pane which, const QImage &image)
{
    pane(which)->setPreviewImage(image);
    updateWipe();
}

QString CompareView::metricsCaption(double fidelity, double leak)
{
    return tr("fidelity %1 · leak %2").arg(metricNumber(fidelity), metricNumber(leak));
}

QString CompareView::metricNumber(double value)
{
    if (std::isnan(value))
        return QStringLiteral("—");
    const double rounded = std::round(value * 100.0) / 100.0;
    return QLocale().toString(rounded == 0.0 ? 0.0 : rounded, 'f', 2); // -0.0 == 0.0
}

int CompareView::currentFrame() const
{
    return m_clock->currentFrame();
}

int CompareView::frameCount() const
{
    return m_clock->frameCount();
}

double CompareView::fps() const
{
    return m_clock->fps();
}

bool CompareView::isPlaying() const
{
    return m_clock->isPlaying();
}

bool CompareView::isLooping() const
{
    return m_clock->isLooping();
}

void CompareView::setWipe(Pane a, Pane b)
{
    if (a == b)
        return;
    m_wipeA = a;
    m_wipeB = b;
    syncWipeControls();
    updateWipe();
    setWipeEnabled(true);
}

void CompareView::setWipeEnabled(bool enabled)
{
    m_wipeAction->setChecked(enabled);
    m_stack->setCurrentWidget(enabled ? static_cast<QWidget *>(m_wipe) : m_stack->widget(0));
    m_wipeACombo->setEnabled(enabled);
    m_wipeBCombo->setEnabled(enabled);
}

bool CompareView::isWipeEnabled() const
{
    return m_wipeAction->isChecked();
}

QAction *CompareView::playPauseAction() const
{
    return m_transport->playPauseAction();
}

QAction *CompareView::playReverseAction() const
{
    return m_transport->playReverseAction();
}

QAction *CompareView::pauseAction() const
{
    return m_transport->pauseAction();
}

QAction *CompareView::playForwardAction() const
{
    return m_transport->playForwardAction();
}

QAction *CompareView::stepBackwardAction() const
{
    return m_transport->stepBackwardAction();
}

QAction *CompareView::stepForwardAction() const
{
    return m_transport->stepForwardAction();
}

QAction *CompareView::jumpToStartAction() const
{
    return m_transport->jumpToStartAction();
}

QAction *CompareView::jumpToEndAction() const
{
    return m_transport->jumpToEndAction();
}

QAction *CompareView::loopAction() const
{
    return m_transport->loopAction();
}

QList<QAction *> CompareView::compareActions() const
{
    return m_transport->transportActions() << m_wipeAction;
}

void CompareView::setCurrentFrame(int frame)
{
    m_clock->setCurrentFrame(frame);
}

void CompareView::play()
{
    m_clock->play();
}

void CompareView::pause()
{
    m_clock->pause();
}

void CompareView::setLooping(bool loop)
{
    loopAction()->setChecked(loop); // toggled() sets the clock
}

void CompareView::showFrame(int frame)
{
    for (ClipPane *clipPane : m_panes)
        clipPane->showFrame(frame);
    updateWipe();
    emit currentFrameChanged(frame);
}

void CompareView::onPaneStateChanged(Pane which)
{
    int count = 0;
    double rate = 0.0;
    for (ClipPane *clipPane : m_panes) {
        count = std::max(count, clipPane->frameCount());
        if (rate <= 0.0)
            rate = clipPane->fps();
    }
    m_clock->setFps(rate);
    m_clock->setFrameCount(count); // clamps the current frame (showFrame() if it moved)
    pane(which)->showFrame(m_clock->currentFrame());
    updateWipe();
    emit clipStateChanged(which);
}

void CompareView::updateWipe()
{
    const auto show = [this](WipeView::Side side, Pane which) {
        const ClipPane *clipPane = pane(which);
        const QString caption = clipPane->caption();
        const QString label = caption == QStringLiteral("—")
            ? clipPane->title()
            : clipPane->title() + QStringLiteral(" · ") + caption;
        m_wipe->setSide(side, clipPane->displayedImage(), label, clipPane->statusText());
    };
    show(WipeView::A, m_wipeA);
    show(WipeView::B, m_wipeB);
}

void CompareView::syncWipeControls()
{
    m_wipeACombo->setCurrentIndex(int(m_wipeA));
    m_wipeBCombo->setCurrentIndex(int(m_wipeB));
}

} // namespace mbq
