#pragma once
// FrameCanvas: one picture scaled to fit with its aspect kept, or a centred message when there
// is no picture ("Loading…", an error). Painting goes through QPainter at device resolution,
// so frames stay sharp on high-DPI screens; every colour is a palette role.

#include <QImage>
#include <QWidget>

class QPainter;

namespace mbq {

class FrameCanvas : public QWidget
{
    Q_OBJECT

public:
    explicit FrameCanvas(QWidget *parent = nullptr);

    void setImage(const QImage &image);
    QImage image() const { return m_image; }
    // Shown instead of the picture while there is none; an error gets a warning icon.
    void setMessage(const QString &message, bool isError = false);
    QString message() const { return m_message; }
    bool isError() const { return m_isError; }
    // A short tag in the corner over the picture ("In progress", "Last frame"); empty for none.
    void setBadge(const QString &badge);
    QString badge() const { return m_badge; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

    // Where an image of `imageSize` goes in `bounds`: as large as fits, aspect kept, centred.
    static QRectF fitRect(const QSizeF &imageSize, const QRectF &bounds);

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QImage m_image;
    QString m_message;
    QString m_badge;
    bool m_isError = false;
};

// Shared by the canvas and the wipe view: a message with an optional warning icon, and a
// corner tag, both in palette colours.
void paintCanvasMessage(QPainter &painter, const QWidget *widget, const QRectF &bounds,
                        const QString &message, bool isError);
void paintCanvasTag(QPainter &painter, const QWidget *widget, const QPointF &anchor,
                    Qt::Alignment corner, const QString &text);

} // namespace mbq
