#include "ui/timeline/timeline_model.h"

#include "core/project/project_document.h"
#include "core/project/schedule_text.h"
#include "ui/compare/compare_view.h"

#include <QFileInfo>

namespace mbq {
namespace {

// internalId of an item: 0 for the tracks, track + 1 for the items inside a track.
constexpr quintptr kTrackLevel = 0;

QString metricsText(const QMap<QString, double> &metrics)
{
    QStringList parts;
    if (metrics.contains(QStringLiteral("motion_fidelity")))
        parts << TimelineModel::tr("fidelity %1")
                         .arg(CompareView::metricNumber(
                             metrics.value(QStringLiteral("motion_fidelity"))));
    if (metrics.contains(QStringLiteral("identity_leak")))
        parts << TimelineModel::tr("leak %1")
                         .arg(CompareView::metricNumber(
                             metrics.value(QStringLiteral("identity_leak"))));
    return parts.join(QStringLiteral(" · "));
}

QString stateText(TakeState state)
{
    switch (state) {
    case TakeState::Queued: return TimelineModel::tr("queued");
    case TakeState::Running: return TimelineModel::tr("rendering");
    case TakeState::Succeeded: return {};
    case TakeState::Failed: return TimelineModel::tr("failed");
    case TakeState::Cancelled: return TimelineModel::tr("cancelled");
    }
    return {};
}

} // namespace

TimelineModel::TimelineModel(ProjectDocument *document, QObject *parent)
    : QAbstractItemModel(parent), m_document(document)
{
    connect(m_document, &ProjectDocument::changed, this, [this](ProjectDocument::Aspect aspect) {
        switch (aspect) {
        case ProjectDocument::Aspect::SourceClip:
            m_sourceSummary.clear();
            m_sourceNotes.clear();
            reload();
            break;
        case ProjectDocument::Aspect::Takes:
        case ProjectDocument::Aspect::Settings:
        case ProjectDocument::Aspect::All:
            reload();
            break;
        default:
            break;
        }
    });
}

void TimelineModel::reload()
{
    // Takes change a few times per render; a reset is cheap at that rate and views keep their
    // selection by id, not by row.
    beginResetModel();
    endResetModel();
}

QModelIndex TimelineModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column != 0 || row < 0 || row >= rowCount(parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, 0, kTrackLevel);
    return createIndex(row, 0, quintptr(parent.row() + 1));
}

QModelIndex TimelineModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kTrackLevel)
        return {};
    return createIndex(int(child.internalId()) - 1, 0, kTrackLevel);
}

int TimelineModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return 2;
    if (parent.internalId() != kTrackLevel)
        return 0;
    if (parent.row() == SourceTrack)
        return m_document->data().sourceClip.isEmpty() ? 0 : 1;
    return int(m_document->data().takes.size());
}

int TimelineModel::columnCount(const QModelIndex &) const
{
    return 1;
}

QVariant TimelineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == kTrackLevel) {
        if (role == Qt::DisplayRole)
            return index.row() == SourceTrack ? tr("Source") : tr("Takes");
        return {};
    }
    const ProjectData &data = m_document->data();
    if (int(index.internalId()) - 1 == SourceTrack) {
        const QString path = m_document->resolvedPath(data.sourceClip);
        switch (role) {
        case Qt::DisplayRole: return QFileInfo(data.sourceClip).fileName();
        case IdRole: return sourceId();
        case PathRole: return path;
        case FramesRole: return data.parameters.settings.frames;
        case DetailRole:
            return m_sourceNotes.isEmpty() ? m_sourceSummary
                                           : m_sourceSummary + QLatin1Char('\n')
                            + m_sourceNotes.join(QLatin1Char('\n'));
        case Qt::ToolTipRole: return path;
        default: return {};
        }
    }
    const Take &take = data.takes.at(index.row());
    const Live live = m_live.value(take.id);
    switch (role) {
    case Qt::DisplayRole: return take.label;
    case IdRole: return take.id;
    case PathRole: return m_document->resolvedPath(take.videoPath);
    case StateRole: return int(take.state);
    case FramesRole: return take.parameters.settings.frames;
    case ProgressRole: return live.fraction;
    case MetricsRole: {
        QVariantMap map;
        for (auto it = take.metrics.begin(); it != take.metrics.end(); ++it)
            map.insert(it.key(), it.value());
        return map;
    }
    case DetailRole: {
        QStringList parts;
        if (!live.text.isEmpty())
            parts << live.text;
        else if (const QString state = stateText(take.state); !state.isEmpty())
            parts << state;
        if (const QString metrics = metricsText(take.metrics); !metrics.isEmpty())
            parts << metrics;
        return parts.join(QStringLiteral(" · "));
    }
    case Qt::ToolTipRole: {
        const GenerationSettings &s = take.parameters.settings;
        return tr("%1\n%2\nseed %3 · %4×%5 · %6 frames · %7 steps\nlayers %8 · steps %9–%10")
                .arg(take.label, take.parameters.targetPrompt())
                .arg(s.seed)
                .arg(s.width)
                .arg(s.height)
                .arg(s.frames)
                .arg(s.steps)
                .arg(describeLayers(take.parameters.schedule))
                .arg(take.parameters.schedule.stepBegin)
                .arg(take.parameters.schedule.stepEnd);
    }
    default: return {};
    }
}

QHash<int, QByteArray> TimelineModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(IdRole, "id");
    names.insert(PathRole, "path");
    names.insert(StateRole, "state");
    names.insert(FramesRole, "frames");
    names.insert(DetailRole, "detail");
    names.insert(ProgressRole, "progress");
    names.insert(MetricsRole, "metrics");
    return names;
}

QModelIndex TimelineModel::indexOfId(const QString &id) const
{
    if (id == sourceId())
        return index(0, 0, index(SourceTrack, 0));
    const int row = m_document->data().takeIndex(id);
    return row < 0 ? QModelIndex() : index(row, 0, index(TakesTrack, 0));
}

QString TimelineModel::idAt(const QModelIndex &index) const
{
    return data(index, IdRole).toString();
}

void TimelineModel::setSourceSummary(const QString &summary, const QStringList &notes)
{
    m_sourceSummary = summary;
    m_sourceNotes = notes;
    emitChanged(sourceId());
}

void TimelineModel::setTakeProgress(const QString &takeId, double fraction, const QString &text)
{
    if (fraction < 0)
        m_live.remove(takeId);
    else
        m_live.insert(takeId, {fraction, text});
    emitChanged(takeId);
}

void TimelineModel::emitChanged(const QString &id)
{
    const QModelIndex changed = indexOfId(id);
    if (changed.isValid())
        emit dataChanged(changed, changed);
}

} // namespace mbq
