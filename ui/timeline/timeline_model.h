#pragma once
// The timeline as an item model over the project: two tracks (rows at the top level), the
// source track holding the project's source clip and the takes track holding one item per take
// (render) in the order they were made. Items are addressed by stable ids ("source", or the
// take's id), so a selection survives takes being added or removed around it. Live state that
// is not in the document (the conform plan of the source, a running take's progress) is fed in
// by the main window.

#include <QAbstractItemModel>
#include <QHash>
#include <QStringList>

namespace mbq {

class ProjectDocument;

class TimelineModel : public QAbstractItemModel
{
    Q_OBJECT

public:
    enum Track { SourceTrack = 0, TakesTrack = 1 };
    enum Role {
        IdRole = Qt::UserRole + 1, // QString: "source" or the take id
        PathRole,                  // QString: the clip's file (absolute), empty when none
        StateRole,                 // int (mbq::TakeState) for takes
        FramesRole,                // int: frames the item spans on the time axis
        DetailRole,                // QString: conform summary / parameters and metrics
        ProgressRole,              // double 0..1 while a take renders, < 0 otherwise
        MetricsRole,               // QVariantMap for takes
    };
    Q_ENUM(Role)

    static QString sourceId() { return QStringLiteral("source"); }

    explicit TimelineModel(ProjectDocument *document, QObject *parent = nullptr);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    QModelIndex indexOfId(const QString &id) const; // invalid when unknown
    QString idAt(const QModelIndex &index) const;

    // The source's conform plan ("81 of 120 frames ...") and notes, once known.
    void setSourceSummary(const QString &summary, const QStringList &notes);
    // A rendering take's progress (0..1) and stage text; fraction < 0 clears it.
    void setTakeProgress(const QString &takeId, double fraction, const QString &text);

private:
    void reload();
    void emitChanged(const QString &id);

    ProjectDocument *m_document;
    QString m_sourceSummary;
    QStringList m_sourceNotes;
    struct Live
    {
        double fraction = -1.0;
        QString text;
    };
    QHash<QString, Live> m_live;
};

} // namespace mbq
