#pragma once
// WipeView: two pictures in one large view, A left of a vertical divider and B right of it, for
// judging small differences a side-by-side view hides. Each side is fitted on its own (aspect
// kept), so clips of different sizes still line up at the divider. The divider follows mouse
// drags; with keyboard focus (Tab to it) Left/Right move it by 2% (Shift: 10%) and Home/End
// send it to the edges. A click does not take focus, so after a drag the arrow keys still step
// frames.

#include <QImage>
#include <QWidget>

namespace mbq {

class WipeView : public QWidget
{
    Q_OBJECT

public:
    enum Side { A, B };

    explicit WipeView(QWidget *parent = nullptr);

    // What one side shows: a picture, or `message` when there is none (loading, an error).
    void setSide(Side side, const QImage &image, const QString &label, const QString &message);
    QImage image(Side side) const { return m_sides[side].image; }
    QString label(Side side) const { return m_sides[side].label; }

    // Where the divider stands, 0 (all B) .. 1 (all A).
    void setPosition(double position);
    double position() const { return m_position; }

    QSize sizeHint() const override;

signals:
    void positionChanged(double position);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;

private:
    struct Content
    {
        QImage image;
        QString label;
        QString message;
    };

    Content m_sides[2];
    double m_position = 0.5;
};

} // namespace mbq
