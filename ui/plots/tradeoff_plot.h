#pragma once
// The trade-off plot: one point per render or sweep cell, identity leak across and motion
// fidelity up, with the Pareto front (core/metrics/pareto.h) drawn as a staircase through the
// renders nothing beats on both counts. Hovering a point shows its parameters; clicking one
// emits its id (the main window loads that render). Drag pans, the wheel zooms, a double-click
// fits the points again.

#include <QStringList>
#include <QVector>
#include <qcustomplot.h>

#include <limits>

namespace mbq {

struct TradeoffPoint
{
    QString id; // what pointClicked() and setCurrent() speak of: a take or sweep cell
    QString label; // tooltip title, e.g. "take 3" or "layers 20-29 · steps 0-25"
    double leak = std::numeric_limits<double>::quiet_NaN(); // lower is better
    double fidelity = std::numeric_limits<double>::quiet_NaN(); // higher is better
    QString details; // the parameters, one per line, shown in the tooltip
};

class TradeoffPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit TradeoffPlot(QWidget *parent = nullptr);

    // Replaces the points and fits the axes to them. Points whose leak or fidelity is NaN (not
    // measured yet) are left out.
    void setPoints(const QVector<TradeoffPoint> &points);
    // Marks one point as the current render; an empty or unknown id marks none.
    void setCurrent(const QString &id);
    QString current() const { return m_current; }

    // Ids of the plotted points on the Pareto front, by increasing leak.
    QStringList paretoIds() const;
    // The id of the point within a few pixels of `pos` (nearest first), or an empty string.
    QString pointAt(const QPoint &pos) const;
    // The tooltip shown at `pos`: the point's label, numbers and details; empty off points.
    QString toolTipAt(const QPoint &pos) const;
    // Fits the axes to the points with a margin on every side.
    void fitToPoints();

signals:
    void pointClicked(const QString &id);

protected:
    bool event(QEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseDoubleClickEvent(QMouseEvent *event) override;
    // Fits the axis titles to the axis rect laid out, then lays out again for the margins the
    // fitted titles need.
    void updateLayout() override;

private:
    int indexAt(const QPoint &pos) const; // into m_points, -1 off points
    void restyle();
    void updateCurrentMark();

    QVector<TradeoffPoint> m_points; // only the plotted ones
    QVector<bool> m_onFront; // parallel to m_points
    QVector<int> m_front; // indices into m_points, by increasing leak
    QString m_current;
    QString m_pressedId;
    QString m_leakTitle; // the full axis titles; the axes show what fits of them
    QString m_fidelityTitle;
    QCPGraph *m_frontLine;
    QCPGraph *m_otherPoints;
    QCPGraph *m_currentMark;
    QCPItemText *m_emptyText;
};

} // namespace mbq
