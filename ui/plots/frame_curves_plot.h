#pragma once
// Per-frame metric curves (per-frame fidelity and leak, say) over the frame index, with a
// legend and a vertical marker at the compare view's current frame. A NaN value (a frame the
// metric could not measure) leaves a gap instead of a line drawn through it. Clicking or
// dragging in the plot asks for that frame, so the plot doubles as a scrub bar.

#include <QVector>
#include <qcustomplot.h>

namespace mbq {

struct FrameCurve
{
    QString name; // legend entry
    QVector<double> values; // one per frame from frame 0; NaN: not measured
};

class FrameCurvesPlot : public QCustomPlot
{
    Q_OBJECT

public:
    explicit FrameCurvesPlot(QWidget *parent = nullptr);

    // Replaces the curves and fits the axes: every frame across, the finite values up.
    void setCurves(const QVector<FrameCurve> &curves);
    int curveCount() const { return m_curves.size(); }

    void setCurrentFrame(int frame);
    int currentFrame() const { return m_currentFrame; }

signals:
    // The user clicked or dragged at this frame (already clamped to the curves' frames).
    void frameRequested(int frame);

protected:
    void changeEvent(QEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;

private:
    void requestFrameAt(const QPoint &pos);
    void restyle();
    void updateMarker();

    QVector<QCPGraph *> m_curves;
    int m_frameCount = 0;
    int m_currentFrame = 0;
    QCPItemStraightLine *m_marker;
    QCPItemText *m_emptyText;
};

} // namespace mbq
