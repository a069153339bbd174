#pragma once
// Draws one RenderQueue row: preview thumbnail, label and state, a status line (pass, step,
// ETA, or the error of a failed job) and a progress bar.

#include "core/render/render_job.h"

#include <QStyledItemDelegate>

namespace mbq {

class RenderJobDelegate : public QStyledItemDelegate
{
    Q_OBJECT

public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    static QString stateText(JobState state, bool cancelRequested);
    // The second line of a row: the pass with its step and the time left in it ("Render 23/50 ·
    // 0:42 left"), "Finished in 1:05", or the error of a failed job.
    static QString statusText(const QModelIndex &index);
};

} // namespace mbq
