#include "ui/plots/frame_curves_plot.h"

#include "ui/plots/plot_style.h"

#include <cmath>

namespace mbq {
namespace {

constexpr double kMargin = 0.08; // of the value span, above and below
constexpr double kMinSpan = 0.05; // so a flat curve still gets a readable axis

} // namespace

FrameCurvesPlot::FrameCurvesPlot(QWidget *parent)
    : QCustomPlot(parent)
    , m_marker(new QCPItemStraightLine(this))
    , m_emptyText(new QCPItemText(this))
{
    setObjectName(QStringLiteral("frameCurvesPlot"));
    setMinimumSize(220, 140);

    xAxis->setLabel(tr("Frame"));
    yAxis->setLabel(tr("Per-frame value"));
    // Frames are whole numbers: ticks on integers only, however far the axis is zoomed.
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    xAxis->setTicker(ticker);
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

    m_marker->setObjectName(QStringLiteral("frameCurvesMarker"));
    m_marker->setSelectable(false);

    m_emptyText->setObjectName(QStringLiteral("frameCurvesEmptyText"));
    m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setText(tr("No per-frame metrics yet"));

    restyle();
    setCurves({});
}

void FrameCurvesPlot::setCurves(const QVector<FrameCurve> &curves)
{
    for (QCPGraph *graph : std::as_const(m_curves))
        removeGraph(graph);
    m_curves.clear();

    m_frameCount = 0;
    double lo = INFINITY;
    double hi = -INFINITY;
    for (const FrameCurve &curve : curves) {
        QCPGraph *graph = addGraph();
        graph->setName(curve.name);
        QVector<double> frames(curve.values.size());
        for (int i = 0; i < frames.size(); ++i) {
            frames[i] = i;
            if (std::isfinite(curve.values[i])) {
                lo = std::min(lo, curve.values[i]);
                hi = std::max(hi, curve.values[i]);
            }
        }
        // QCPGraph interrupts its line at NaN values, which is exactly the gap wanted.
        graph->setData(frames, curve.values, true);
        m_curves.append(graph);
        m_frameCount = std::max(m_frameCount, int(curve.values.size()));
    }

    xAxis->setRange(-0.5, std::max(m_frameCount, 1) - 0.5);
    if (lo > hi) {
        yAxis->setRange(0, 1);
    } else {
        const double span = std::max(hi - lo, kMinSpan);
        const double centre = (lo + hi) / 2;
        yAxis->setRange(centre - span * (0.5 + kMargin), centre + span * (0.5 + kMargin));
    }
    legend->setVisible(!m_curves.isEmpty());
    m_emptyText->setVisible(m_frameCount == 0);
    restyle();
    updateMarker();
    replot();
}

void FrameCurvesPlot::setCurrentFrame(int frame)
{
    if (frame == m_currentFrame)
        return;
    m_currentFrame = frame;
    updateMarker();
    replot(QCustomPlot::rpQueuedReplot); // follows playback: one replot per event-loop pass
}

void FrameCurvesPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        restyle();
        replot();
    }
    QCustomPlot::changeEvent(event);
}

void FrameCurvesPlot::mousePressEvent(QMouseEvent *event)
{
    QCustomPlot::mousePressEvent(event);
    if (event->button() == Qt::LeftButton)
        requestFrameAt(event->pos());
}

void FrameCurvesPlot::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    if (event->buttons() & Qt::LeftButton)
        requestFrameAt(event->pos());
}

void FrameCurvesPlot::requestFrameAt(const QPoint &pos)
{
    if (m_frameCount == 0)
        return;
    const int frame = int(std::lround(xAxis->pixelToCoord(pos.x())));
    emit frameRequested(std::clamp(frame, 0, m_frameCount - 1));
}

void FrameCurvesPlot::restyle()
{
    const QPalette pal = palette();
    applyPlotPalette(this, pal);
    for (int i = 0; i < m_curves.size(); ++i)
        m_curves[i]->setPen(QPen(seriesColor(pal, i), 1.5));
    m_marker->setPen(QPen(pal.color(QPalette::Text), 1, Qt::DashLine));
    m_emptyText->setColor(pal.color(QPalette::PlaceholderText));
}

void FrameCurvesPlot::updateMarker()
{
    m_marker->point1->setCoords(m_currentFrame, 0);
    m_marker->point2->setCoords(m_currentFrame, 1);
    m_marker->setVisible(m_frameCount > 0);
}

} // namespace mbq
