#include "ui/plots/tradeoff_plot.h"

#include "core/metrics/pareto.h"
#include "ui/plots/plot_style.h"

#include <QHelpEvent>
#include <QLocale>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <utility>

namespace mbq {
namespace {

constexpr double kHitRadius = 8.0; // logical pixels around a point that still count as on it
constexpr double kMargin = 0.08; // of the data span, on every side of the fitted axes
constexpr double kMinSpan = 0.05; // so a single point or a flat row still gets a readable axis

QCPGraph *addPointGraph(QCustomPlot *plot, QCPScatterStyle::ScatterShape shape, double size)
{
    QCPGraph *graph = plot->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    graph->setScatterStyle(QCPScatterStyle(shape, size));
    return graph;
}

void fitAxis(QCPAxis *axis, double lo, double hi)
{
    double span = hi - lo;
    if (span < kMinSpan) {
        const double centre = (lo + hi) / 2;
        lo = centre - kMinSpan / 2;
        hi = centre + kMinSpan / 2;
        span = kMinSpan;
    }
    axis->setRange(lo - span * kMargin, hi + span * kMargin);
}

QString number(double value)
{
    return QLocale().toString(value, 'f', 3);
}

} // namespace

TradeoffPlot::TradeoffPlot(QWidget *parent)
    : QCustomPlot(parent)
    , m_frontLine(addGraph())
    , m_otherPoints(addPointGraph(this, QCPScatterStyle::ssCircle, 7))
    , m_currentMark(addPointGraph(this, QCPScatterStyle::ssDiamond, 15))
    , m_emptyText(new QCPItemText(this))
{
    setObjectName(QStringLiteral("tradeoffPlot"));
    setMinimumSize(220, 160);
    setMouseTracking(true); // for the pointing-hand cursor over points
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);

    m_leakTitle = tr("Identity leak (lower is better)");
    m_fidelityTitle = tr("Motion fidelity (higher is better)");
    xAxis->setLabel(m_leakTitle);
    yAxis->setLabel(m_fidelityTitle);

    // The attainable fidelity at each leak: flat until the next front point, then up to it.
    // Its points are the same graph's discs, so its legend entry shows both marks.
    m_frontLine->setLineStyle(QCPGraph::lsStepLeft);
    m_frontLine->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 8));
    m_frontLine->setName(tr("Pareto front"));
    m_otherPoints->setName(tr("Renders"));
    m_currentMark->setName(tr("Current"));
    // Bottom right is the worst corner (most leak, least fidelity), so the legend covers the
    // least interesting points there.
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);

    m_emptyText->setObjectName(QStringLiteral("tradeoffEmptyText"));
    m_emptyText->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_emptyText->position->setCoords(0.5, 0.5);
    m_emptyText->setText(tr("No renders yet: render, or run a sweep, to fill this plot"));

    restyle();
    setPoints({});
}

void TradeoffPlot::setPoints(const QVector<TradeoffPoint> &points)
{
    m_points.clear();
    for (const TradeoffPoint &point : points) {
        if (!std::isnan(point.leak) && !std::isnan(point.fidelity))
            m_points.append(point);
    }
    QVector<LeakFidelity> coords;
    coords.reserve(m_points.size());
    for (const TradeoffPoint &point : m_points)
        coords.append({point.leak, point.fidelity});
    m_front = paretoFront(coords);
    m_onFront = QVector<bool>(m_points.size(), false);
    for (int index : m_front)
        m_onFront[index] = true;

    QVector<double> frontLeak, frontFidelity, otherLeak, otherFidelity;
    for (int index : m_front) {
        frontLeak.append(m_points[index].leak);
        frontFidelity.append(m_points[index].fidelity);
    }
    for (int i = 0; i < m_points.size(); ++i) {
        if (!m_onFront[i]) {
            otherLeak.append(m_points[i].leak);
            otherFidelity.append(m_points[i].fidelity);
        }
    }
    m_frontLine->setData(frontLeak, frontFidelity, true);
    m_otherPoints->setData(otherLeak, otherFidelity, true);
    m_emptyText->setVisible(m_points.isEmpty());
    legend->setVisible(!m_points.isEmpty());
    updateCurrentMark();
    fitToPoints();
}

void TradeoffPlot::setCurrent(const QString &id)
{
    m_current = id;
    updateCurrentMark();
    replot();
}

QStringList TradeoffPlot::paretoIds() const
{
    QStringList ids;
    for (int index : m_front)
        ids.append(m_points[index].id);
    return ids;
}

QString TradeoffPlot::pointAt(const QPoint &pos) const
{
    const int index = indexAt(pos);
    return index < 0 ? QString() : m_points[index].id;
}

QString TradeoffPlot::toolTipAt(const QPoint &pos) const
{
    const int index = indexAt(pos);
    if (index < 0)
        return {};
    const TradeoffPoint &point = m_points[index];
    QString text = QStringLiteral("<b>%1</b><br>").arg(point.label.toHtmlEscaped())
        + tr("leak %1 · fidelity %2").arg(number(point.leak), number(point.fidelity));
    if (m_onFront[index])
        text += QStringLiteral("<br><i>%1</i>").arg(tr("On the Pareto front"));
    if (!point.details.isEmpty()) {
        text += QStringLiteral("<hr>")
            + point.details.toHtmlEscaped().replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    }
    return text;
}

void TradeoffPlot::fitToPoints()
{
    if (m_points.isEmpty()) {
        xAxis->setRange(0, 1);
        yAxis->setRange(0, 1);
    } else {
        const auto [leakLo, leakHi] = std::minmax_element(
            m_points.cbegin(), m_points.cend(),
            [](const TradeoffPoint &a, const TradeoffPoint &b) { return a.leak < b.leak; });
        const auto [fidelityLo, fidelityHi] = std::minmax_element(
            m_points.cbegin(), m_points.cend(),
            [](const TradeoffPoint &a, const TradeoffPoint &b) { return a.fidelity < b.fidelity; });
        fitAxis(xAxis, leakLo->leak, leakHi->leak);
        fitAxis(yAxis, fidelityLo->fidelity, fidelityHi->fidelity);
    }
    replot();
}

bool TradeoffPlot::event(QEvent *event)
{
    if (event->type() == QEvent::ToolTip) {
        auto *help = static_cast<QHelpEvent *>(event);
        const QString text = toolTipAt(help->pos());
        if (text.isEmpty()) {
            QToolTip::hideText();
            event->ignore();
        } else {
            QToolTip::showText(help->globalPos(), text, this);
        }
        return true;
    }
    return QCustomPlot::event(event);
}

void TradeoffPlot::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange) {
        restyle();
        replot();
    }
    QCustomPlot::changeEvent(event);
}

void TradeoffPlot::mousePressEvent(QMouseEvent *event)
{
    m_pressedId = event->button() == Qt::LeftButton ? pointAt(event->pos()) : QString();
    QCustomPlot::mousePressEvent(event);
}

void TradeoffPlot::mouseReleaseEvent(QMouseEvent *event)
{
    QCustomPlot::mouseReleaseEvent(event);
    // A press and release on the same point is a click; a drag that started on one pans.
    const QString pressed = std::exchange(m_pressedId, QString());
    if (event->button() == Qt::LeftButton && !pressed.isEmpty() && pointAt(event->pos()) == pressed)
        emit pointClicked(pressed);
}

void TradeoffPlot::mouseMoveEvent(QMouseEvent *event)
{
    QCustomPlot::mouseMoveEvent(event);
    setCursor(indexAt(event->pos()) >= 0 ? Qt::PointingHandCursor : Qt::ArrowCursor);
}

void TradeoffPlot::mouseDoubleClickEvent(QMouseEvent *event)
{
    QCustomPlot::mouseDoubleClickEvent(event);
    fitToPoints();
}

void TradeoffPlot::updateLayout()
{
    QCustomPlot::updateLayout();
    // A title's line count moves the margins, and so the other axis's extent: fit again until
    // nothing changes (two passes in practice).
    for (int pass = 0; pass < 3; ++pass) {
        const bool leakChanged = fitAxisTitle(xAxis, m_leakTitle);
        const bool fidelityChanged = fitAxisTitle(yAxis, m_fidelityTitle);
        if (!leakChanged && !fidelityChanged)
            break;
        QCustomPlot::updateLayout();
    }
}

int TradeoffPlot::indexAt(const QPoint &pos) const
{
    int best = -1;
    double bestDistance = kHitRadius;
    for (int i = 0; i < m_points.size(); ++i) {
        const double dx = xAxis->coordToPixel(m_points[i].leak) - pos.x();
        const double dy = yAxis->coordToPixel(m_points[i].fidelity) - pos.y();
        const double distance = std::hypot(dx, dy);
        if (distance <= bestDistance) {
            best = i;
            bestDistance = distance;
        }
    }
    return best;
}

void TradeoffPlot::restyle()
{
    const QPalette pal = palette();
    applyPlotPalette(this, pal);
    const QColor accent = seriesColor(pal, 0);
    QColor muted = pal.color(QPalette::Text);
    muted.setAlphaF(0.6);

    m_frontLine->setPen(QPen(accent, 1.5));
    m_otherPoints->setPen(QPen(muted, 1.2));
    QCPScatterStyle front = m_frontLine->scatterStyle();
    front.setPen(QPen(accent));
    front.setBrush(accent);
    m_frontLine->setScatterStyle(front);
    QCPScatterStyle current = m_currentMark->scatterStyle();
    current.setPen(QPen(pal.color(QPalette::Text), 2));
    current.setBrush(Qt::NoBrush);
    m_currentMark->setScatterStyle(current);
    m_emptyText->setColor(pal.color(QPalette::PlaceholderText));
}

void TradeoffPlot::updateCurrentMark()
{
    QVector<double> leak, fidelity;
    for (const TradeoffPoint &point : std::as_const(m_points)) {
        if (!m_current.isEmpty() && point.id == m_current) {
            leak.append(point.leak);
            fidelity.append(point.fidelity);
            break;
        }
    }
    m_currentMark->setData(leak, fidelity, true);
}

} // namespace mbq
