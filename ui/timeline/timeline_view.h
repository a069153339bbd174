#pragma once
// The timeline: a time ruler, the source track (filmstrip of the frames the render will use,
// the clip's name and its conform plan) and one lane per take, all on one frame axis with a
// playhead that follows the compare view. Ctrl+wheel (or +/-) zooms, the wheel scrolls; a clip
// file dropped anywhere becomes the source; clicking a take opens it in the compare view.

#include <QPersistentModelIndex>
#include <QWidget>

#include <vector>

class QScrollBar;

namespace mbq {

class TimelineModel;

class TimelineView : public QWidget
{
    Q_OBJECT

public:
    explicit TimelineView(TimelineModel *model, QWidget *parent = nullptr);

    int currentFrame() const { return m_frame; }
    void setCurrentFrame(int frame);
    QString currentTakeId() const { return m_currentTake; }
    void setCurrentTakeId(const QString &id);
    void setFilmstrip(std::vector<QImage> thumbnails);

    double pixelsPerFrame() const { return m_pixelsPerFrame; }
    void setPixelsPerFrame(double pixels);

    // Geometry, for tests and hit testing: the rectangle of an item by id, in widget pixels.
    QRect itemRect(const QString &id) const;
    // Where a take's label is drawn: inside its item when it fits there, else in the empty lane
    // to the item's right (each take has its own lane), so a short clip's label is not cut.
    QRect labelRect(const QString &id) const;
    QString labelText(const QString &id) const; // "take 3  fidelity 0.81 · leak 0.07"
    int xOfFrame(int frame) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void frameScrubbed(int frame);
    void takeActivated(const QString &id);
    void takeContextMenuRequested(const QString &id, const QPoint &globalPos);
    void sourceDropped(const QString &path);

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void contextMenuEvent(QContextMenuEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    struct Metrics
    {
        int header;
        int ruler;
        int sourceRow;
        int takeRow;
    };
    Metrics layoutMetrics() const;
    int frameCount() const;
    int frameAt(int x) const;
    QString takeAt(const QPoint &pos) const;
    void updateScrollBar();
    void scrub(int x);

    void paintRuler(QPainter &p, const Metrics &m) const;
    void paintSource(QPainter &p, const Metrics &m) const;
    void paintTakes(QPainter &p, const Metrics &m) const;

    TimelineModel *m_model;
    QScrollBar *m_scroll;
    std::vector<QImage> m_thumbnails;
    double m_pixelsPerFrame = 8.0;
    int m_frame = 0;
    QString m_currentTake;
    bool m_scrubbing = false;
};

} // namespace mbq
