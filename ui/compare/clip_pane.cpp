#include "ui/compare/clip_pane.h"

#include "ui/compare/clip_loader.h"
#include "ui/compare/frame_canvas.h"

#include <QFileInfo>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace mbq {

ClipPane::ClipPane(const QString &title, const QString &emptyText, QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel(title))
    , m_canvas(new FrameCanvas)
    , m_caption(new QLabel)
    , m_loader(new ClipLoader(this))
    , m_emptyText(emptyText)
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_title->setAlignment(Qt::AlignCenter);
    m_title->setObjectName(QStringLiteral("paneTitle"));
    m_canvas->setObjectName(QStringLiteral("paneCanvas"));
    m_caption->setObjectName(QStringLiteral("paneCaption"));
    m_caption->setAlignment(Qt::AlignCenter);
    m_caption->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_caption);

    connect(m_loader, &ClipLoader::loaded, this, &ClipPane::onLoaded);
    setCaption({});
    refresh();
}

void ClipPane::setClip(const QString &path, const QString &caption)
{
    m_path = path;
    m_preview = QImage();
    m_frames.clear();
    m_fps = 0.0;
    m_note.clear();
    setCaption(caption);
    m_loader->load(path);
    setState(State::Loading);
}

void ClipPane::clearClip()
{
    m_loader->cancel();
    m_path.clear();
    m_preview = QImage();
    m_frames.clear();
    m_fps = 0.0;
    m_note.clear();
    setCaption({});
    setState(State::Empty);
}

void ClipPane::setCaption(const QString &caption)
{
    m_caption->setText(caption.isEmpty() ? QStringLiteral("—") : caption);
}

void ClipPane::setPreviewImage(const QImage &image)
{
    m_preview = image;
    refresh();
}

void ClipPane::showFrame(int frame)
{
    m_requestedFrame = std::max(frame, 0);
    if (m_state == State::Ready && m_preview.isNull())
        refresh();
}

QString ClipPane::title() const
{
    return m_title->text();
}

QString ClipPane::caption() const
{
    return m_caption->text();
}

QImage ClipPane::displayedImage() const
{
    return m_canvas->image();
}

int ClipPane::displayedFrame() const
{
    if (!m_preview.isNull() || m_frames.isEmpty())
        return -1;
    return std::min(m_requestedFrame, int(m_frames.size()) - 1);
}

QString ClipPane::statusText() const
{
    return m_canvas->image().isNull() ? m_canvas->message() : QString();
}

void ClipPane::onLoaded(const ClipFrames &clip)
{
    if (!clip.error.isEmpty()) {
        setState(State::Failed, clip.error);
        return;
    }
    m_frames = clip.frames;
    m_fps = clip.fps;
    m_note = clip.note;
    setState(State::Ready);
}

void ClipPane::setState(State state, const QString &error)
{
    m_state = state;
    m_error = error;
    refresh();
    emit stateChanged();
}

void ClipPane::refresh()
{
    m_canvas->setToolTip(m_note);
    if (!m_preview.isNull()) {
        m_canvas->setImage(m_preview);
        // Not "Preview": that is the quick render mode, and this frame is from any render.
        m_canvas->setBadge(tr("In progress"));
        return;
    }
    const int frame = displayedFrame();
    if (frame < 0) {
        m_canvas->setImage(QImage());
        m_canvas->setBadge(QString());
        switch (m_state) {
        case State::Empty:
        case State::Ready: // a clip without frames cannot load, but stay defensive
            m_canvas->setMessage(m_emptyText);
            break;
        case State::Loading:
            m_canvas->setMessage(tr("Loading %1…").arg(QFileInfo(m_path).fileName()));
            break;
        case State::Failed:
            m_canvas->setMessage(tr("Cannot show this clip:\n%1").arg(m_error), true);
            break;
        }
        return;
    }
    m_canvas->setImage(m_frames[frame]);
    if (frame < m_requestedFrame)
        m_canvas->setBadge(tr("Ended at frame %1").arg(m_frames.size()));
    else if (!m_note.isEmpty())
        m_canvas->setBadge(tr("Partly read"));
    else
        m_canvas->setBadge(QString());
}

} // namespace mbq
