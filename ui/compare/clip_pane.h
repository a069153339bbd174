#pragma once
// ClipPane: one column of the compare view: a title, the clip's frames on a FrameCanvas and a
// metrics caption. It loads its clip off the UI thread (ClipLoader) and shows "Loading…" or
// the reason a file could not be read in place of the picture. A live preview image, if set,
// is shown instead of the clip until the next setClip() or clearClip().

#include "ui/compare/clip_frames.h"

#include <QWidget>

class QLabel;

namespace mbq {

class ClipLoader;
class FrameCanvas;

class ClipPane : public QWidget
{
    Q_OBJECT

public:
    enum class State { Empty, Loading, Ready, Failed };

    ClipPane(const QString &title, const QString &emptyText, QWidget *parent = nullptr);

    void setClip(const QString &path, const QString &caption);
    void clearClip();
    void setCaption(const QString &caption); // empty shows "—"
    void setPreviewImage(const QImage &image);

    // Shows frame `frame` of the clip; beyond a shorter clip's end its last frame stays, tagged.
    void showFrame(int frame);

    State state() const { return m_state; }
    QString title() const;
    QString caption() const;
    QString path() const { return m_path; }
    int frameCount() const { return m_frames.size(); }
    double fps() const { return m_fps; }
    // What the canvas shows now: a clip frame, the preview, or null with statusText() instead.
    QImage displayedImage() const;
    int displayedFrame() const; // index into the clip; -1 for the preview or no clip
    QString statusText() const; // "Loading…", an error, the empty text; empty while a frame shows

signals:
    void stateChanged(); // loaded, failed, cleared or loading: the frame count may differ

private:
    void onLoaded(const ClipFrames &clip);
    void setState(State state, const QString &error = {});
    void refresh();

    QLabel *m_title;
    FrameCanvas *m_canvas;
    QLabel *m_caption;
    ClipLoader *m_loader;
    QString m_emptyText;
    QString m_path;
    QVector<QImage> m_frames;
    double m_fps = 0.0;
    QString m_error; // why the clip could not be read (State::Failed)
    QString m_note; // a partial load's warning, shown as the canvas tooltip
    QImage m_preview;
    State m_state = State::Empty;
    int m_requestedFrame = 0;
};

} // namespace mbq
