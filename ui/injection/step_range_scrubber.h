#pragma once
// The step-range scrubber: the sampler's steps 0..N-1 as cells, the injected band [begin, end)
// highlighted, and two handles on the step boundaries 0..N. Drag either handle (a click on the
// track moves the nearer one there), or use the keyboard: Left/Down and Right/Up move the
// focused handle by one step, PageDown/PageUp by five, Home/End to the first/last boundary;
// Tab and Shift+Tab step from the begin handle to the end handle and then out of the widget,
// Space switches handles. An edit never makes begin >= end: the moved handle stops one step short
// of the other.
//
// Hovering a step shows its index and timestep. A "resumes from step k" marker shows where a
// re-render would start. The widget only shows and edits a range; the owner writes edits to
// the document (rangeEdited) and shows the document's range (setRange).

#include <QWidget>

#include <vector>

class QPainter;

namespace mbq {

class StepRangeScrubber : public QWidget
{
    Q_OBJECT

public:
    enum class Handle { Begin, End };

    explicit StepRangeScrubber(QWidget *parent = nullptr);

    // `timesteps` holds each step's timestep for labels, or is empty when unknown.
    void setSteps(int steps, std::vector<double> timesteps = {});
    int steps() const { return m_steps; }

    // Shows a range from elsewhere, clamped into [0, steps]; emits nothing. An empty range
    // (begin == end, injection off) is shown as it is; the first edit makes it one step long.
    void setRange(int begin, int end);
    int begin() const { return m_begin; }
    int end() const { return m_end; }

    // -1 hides the marker.
    void setResumeStep(int step);
    int resumeStep() const { return m_resumeStep; }

    Handle focusedHandle() const { return m_focused; }
    void setFocusedHandle(Handle handle);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    // The user moved a handle (emitted at every step boundary crossed while dragging).
    void rangeEdited(int begin, int end);
    // The drag behind the last rangeEdited ended: the next edit is a new one for undo.
    void dragFinished();

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    bool focusNextPrevChild(bool next) override;

private:
    // Vertical bands, in pixels from the top, all derived from the font height.
    struct Layout
    {
        QRectF track; // the step cells
        qreal knob; // how far handles reach above and below the track
        qreal tickTop; // tick marks and step numbers start here
        qreal captionTop;
    };
    Layout layout() const;
    qreal xOf(int boundary) const;
    int boundaryAt(qreal x) const;
    int stepAt(const QPointF &pos) const; // -1 when not over a cell
    void moveHandle(Handle handle, int boundary);
    QString stepText(int step) const;
    QString captionText() const;
    void paintTicks(QPainter &painter, const Layout &l) const;
    void paintHandle(QPainter &painter, const Layout &l, Handle handle) const;

    int m_steps = 0;
    std::vector<double> m_timesteps;
    int m_begin = 0;
    int m_end = 0;
    int m_resumeStep = -1;
    int m_hoverStep = -1;
    Handle m_focused = Handle::Begin;
    bool m_dragging = false;
};

} // namespace mbq
