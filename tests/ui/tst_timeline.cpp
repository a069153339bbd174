// The timeline: its model follows the document by stable ids, the view hit-tests takes and the
// ruler, accepts a dropped clip, and the loader delivers the real conform plan and filmstrip of
// a real clip from its thread.

#include "core/media/video_writer.h"
#include "core/project/project_document.h"
#include "ui/timeline/source_preview_loader.h"
#include "ui/timeline/timeline_model.h"
#include "ui/timeline/timeline_view.h"

#include <QMimeData>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QUrl>
#include <QtTest>

using namespace mbq;

namespace {

Take makeTake(const QString &id, const QString &label)
{
    Take take;
    take.id = id;
    take.label = label;
    take.state = TakeState::Succeeded;
    take.parameters.settings.frames = 33;
    take.metrics.insert(QStringLiteral("motion_fidelity"), 0.81);
    take.metrics.insert(QStringLiteral("identity_leak"), 0.07);
    return take;
}

// A moving bright square: enough for a real H.264 file with real key frames.
VideoFrames movingSquare(int width, int height, int frames, double fps)
{
    VideoFrames clip;
    clip.width = width;
    clip.height = height;
    clip.count = frames;
    clip.fps = fps;
    clip.rgb.assign(clip.frameBytes() * size_t(frames), 30);
    for (int f = 0; f < frames; ++f) {
        for (int y = 20; y < 40; ++y) {
            for (int x = 2 * f; x < 2 * f + 20 && x < width; ++x) {
                uint8_t *px = clip.frame(f) + (size_t(y) * width + x) * 3;
                px[0] = 240;
                px[1] = 200;
                px[2] = 40;
            }
        }
    }
    return clip;
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT

private slots:
    void modelFollowsTheDocumentByStableIds()
    {
        ProjectDocument document;
        TimelineModel model(&document);
        const QModelIndex takes = model.index(TimelineModel::TakesTrack, 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowCount(model.index(TimelineModel::SourceTrack, 0)), 0);
        QCOMPARE(model.rowCount(takes), 0);

        document.setSourceClip(QStringLiteral("/clips/fox.mp4"));
        const QModelIndex source = model.indexOfId(TimelineModel::sourceId());
        QVERIFY(source.isValid());
        QCOMPARE(source.data().toString(), QStringLiteral("fox.mp4"));
        QCOMPARE(source.data(TimelineModel::PathRole).toString(), QStringLiteral("/clips/fox.mp4"));
        QCOMPARE(model.parent(source), model.index(TimelineModel::SourceTrack, 0));

        QVERIFY(document.addTake(makeTake(QStringLiteral("take-1"), QStringLiteral("take 1"))));
        QVERIFY(document.addTake(makeTake(QStringLiteral("take-2"), QStringLiteral("take 2"))));
        QCOMPARE(model.rowCount(model.index(TimelineModel::TakesTrack, 0)), 2);
        const QModelIndex second = model.indexOfId(QStringLiteral("take-2"));
        QCOMPARE(second.row(), 1);
        QVERIFY(second.data(TimelineModel::DetailRole).toString().contains(QStringLiteral("0.81")));
        QCOMPARE(second.data(TimelineModel::FramesRole).toInt(), 33);

        QVERIFY(document.removeTake(QStringLiteral("take-1")));
        QCOMPARE(model.indexOfId(QStringLiteral("take-2")).row(), 0);
        QVERIFY(!model.indexOfId(QStringLiteral("take-1")).isValid());

        model.setTakeProgress(QStringLiteral("take-2"), 0.5, QStringLiteral("denoise 6/12"));
        QCOMPARE(model.indexOfId(QStringLiteral("take-2")).data(TimelineModel::ProgressRole)
                         .toDouble(),
                 0.5);
        QVERIFY(model.indexOfId(QStringLiteral("take-2")).data(TimelineModel::DetailRole)
                        .toString()
                        .contains(QStringLiteral("denoise 6/12")));
    }

    // A short take's item is narrower than its label: the label goes on in the empty lane to
    // its right instead of being cut inside it.
    void aShortTakesLabelIsNotCut()
    {
        ProjectDocument document;
        Take take = makeTake(QStringLiteral("take-1"), QStringLiteral("sweep w 0.50 · end 8"));
        take.parameters.settings.frames = 9;
        QVERIFY(document.addTake(take));
        QVERIFY(document.addTake(makeTake(QStringLiteral("take-2"), QStringLiteral("take 2"))));
        TimelineModel model(&document);
        TimelineView view(&model);
        view.resize(900, 300);
        view.setPixelsPerFrame(8);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        const QString id = QStringLiteral("take-1");
        const QString text = view.labelText(id);
        QVERIFY2(text.contains(QStringLiteral("sweep w 0.50 · end 8"))
                         && text.contains(QStringLiteral("0.81")),
                 qPrintable(text));
        const QRect label = view.labelRect(id);
        QVERIFY2(label.width() >= view.fontMetrics().horizontalAdvance(text),
                 qPrintable(QStringLiteral("%1 px for %2 px of label")
                                    .arg(label.width())
                                    .arg(view.fontMetrics().horizontalAdvance(text))));
        QVERIFY(label.left() > view.itemRect(id).right()); // beside the item, in its own lane
        QCOMPARE(label.top(), view.itemRect(id).top());
        // A label that fits stays inside its item.
        view.setPixelsPerFrame(60);
        QVERIFY(view.itemRect(id).contains(view.labelRect(id)));
    }

    void viewHitTestsTakesAndTheRuler()
    {
        ProjectDocument document;
        document.setSourceClip(QStringLiteral("/clips/fox.mp4"));
        QVERIFY(document.addTake(makeTake(QStringLiteral("take-1"), QStringLiteral("take 1"))));
        QVERIFY(document.addTake(makeTake(QStringLiteral("take-2"), QStringLiteral("take 2"))));
        TimelineModel model(&document);
        TimelineView view(&model);
        view.resize(900, 300);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));

        QSignalSpy activated(&view, &TimelineView::takeActivated);
        const QRect second = view.itemRect(QStringLiteral("take-2"));
        QVERIFY(second.isValid());
        QVERIFY(second.top() > view.itemRect(QStringLiteral("take-1")).top());
        QTest::mouseClick(&view, Qt::LeftButton, {}, second.center());
        QCOMPARE(activated.count(), 1);
        QCOMPARE(activated.first().first().toString(), QStringLiteral("take-2"));
        QCOMPARE(view.currentTakeId(), QStringLiteral("take-2"));

        QSignalSpy scrubbed(&view, &TimelineView::frameScrubbed);
        const int x = view.xOfFrame(10) + 1;
        QTest::mouseClick(&view, Qt::LeftButton, {}, QPoint(x, 4));
        QCOMPARE(scrubbed.last().first().toInt(), 10);
        QCOMPARE(view.currentFrame(), 10);

        // Zoom doubles the distance between frames.
        const int before = view.xOfFrame(20) - view.xOfFrame(0);
        view.setPixelsPerFrame(view.pixelsPerFrame() * 2);
        QCOMPARE(view.xOfFrame(20) - view.xOfFrame(0), 2 * before);
    }

    void aDroppedFileBecomesTheSource()
    {
        QTemporaryDir dir;
        const QString clip = dir.filePath(QStringLiteral("dropped.mp4"));
        QVERIFY(encodeVideo(movingSquare(64, 64, 8, 8.0), clip));
        ProjectDocument document;
        TimelineModel model(&document);
        TimelineView view(&model);
        QSignalSpy dropped(&view, &TimelineView::sourceDropped);
        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(clip)});
        QDragEnterEvent enter(QPoint(100, 40), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(&view, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(100, 40), Qt::CopyAction, &mime, Qt::LeftButton, {});
        QCoreApplication::sendEvent(&view, &drop);
        QCOMPARE(dropped.count(), 1);
        QCOMPARE(dropped.first().first().toString(), clip);

        QMimeData text;
        text.setText(QStringLiteral("not a file"));
        QDragEnterEvent refused(QPoint(100, 40), Qt::CopyAction, &text, Qt::LeftButton, {});
        refused.setAccepted(false);
        QCoreApplication::sendEvent(&view, &refused);
        QVERIFY(!refused.isAccepted());
    }

    void loaderDeliversThePlanAndFilmstripOfARealClip()
    {
        QTemporaryDir dir;
        const QString clip = dir.filePath(QStringLiteral("source.mp4"));
        QVERIFY(encodeVideo(movingSquare(96, 64, 24, 8.0), clip));
        SourcePreviewLoader loader;
        QSignalSpy loaded(&loader, &SourcePreviewLoader::loaded);
        GenerationSettings settings;
        settings.width = 64;
        settings.height = 48;
        settings.frames = 9;
        settings.fps = 8.0;
        loader.request(clip, settings);
        QVERIFY(loaded.wait(20000));
        const auto preview = loaded.first().first().value<SourcePreview>();
        QVERIFY2(preview.error.isEmpty(), qPrintable(preview.error));
        QVERIFY2(preview.summary.contains(QStringLiteral("9 of 24")), qPrintable(preview.summary));
        QVERIFY(!preview.thumbnails.empty());
        QCOMPARE(preview.thumbnails.front().height(), 72);

        loader.request(dir.filePath(QStringLiteral("missing.mp4")), settings);
        QVERIFY(loaded.wait(20000));
        const auto missing = loaded.last().first().value<SourcePreview>();
        QVERIFY(missing.error.contains(QStringLiteral("missing.mp4")));
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
