#pragma once
// The undo commands behind ProjectDocument's setters. Most edits are "set one field" and share
// SetFieldCommand; takes get their own insert/remove commands so that the history does not copy
// the whole take list on every render.

#include "core/project/project_document.h"

#include <QUndoCommand>

#include <functional>
#include <utility>

namespace mbq {

// Ids of the edits that merge when repeated: slider drags and typing. Commands with the same id
// merge only when they also edit the same item (SetFieldCommand's merge key, e.g. a layer id).
enum class MergeId {
    None = -1,
    TargetPrompt = 1,
    NegativePrompt,
    SourcePrompt,
    LayerWeight,
    HeadWeights,
    StepRange,
    Extraction,
    TokenMask,
    ShotEdit,
};

template<class T> class SetFieldCommand : public QUndoCommand
{
public:
    using Getter = std::function<T(const ProjectData &)>;
    using Setter = std::function<void(ProjectData &, const T &)>;

    SetFieldCommand(ProjectDocument *document, const QString &text, ProjectDocument::Aspect aspect,
                    Getter get, Setter set, T value, MergeId mergeId = MergeId::None,
                    QString mergeKey = {})
        : QUndoCommand(text)
        , m_document(document)
        , m_aspect(aspect)
        , m_set(std::move(set))
        , m_old(get(document->data()))
        , m_new(std::move(value))
        , m_mergeId(mergeId)
        , m_mergeKey(std::move(mergeKey))
        , m_mergeRun(document->m_mergeRun)
    { }

    void redo() override { apply(m_new); }
    void undo() override { apply(m_old); }
    int id() const override { return static_cast<int>(m_mergeId); }

    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = dynamic_cast<const SetFieldCommand<T> *>(other);
        if (!next || next->m_mergeKey != m_mergeKey || next->m_mergeRun != m_mergeRun)
            return false;
        m_new = next->m_new;
        // The step is named after where the edit ended ("Set steps 2–8"), not where it began.
        setText(next->text());
        // Dragging a slider back to where it started leaves nothing to undo.
        setObsolete(m_new == m_old);
        return true;
    }

private:
    void apply(const T &value)
    {
        m_set(m_document->mutableData(), value);
        m_document->notify(m_aspect);
    }

    ProjectDocument *m_document;
    ProjectDocument::Aspect m_aspect;
    Setter m_set;
    T m_old;
    T m_new;
    MergeId m_mergeId;
    QString m_mergeKey;
    quint64 m_mergeRun; // ProjectDocument::endMerging() starts a new run
};

class InsertTakeCommand : public QUndoCommand
{
public:
    InsertTakeCommand(ProjectDocument *document, int index, Take take);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_index;
    Take m_take;
};

class RemoveTakeCommand : public QUndoCommand
{
public:
    RemoveTakeCommand(ProjectDocument *document, int index);
    void redo() override;
    void undo() override;

private:
    ProjectDocument *m_document;
    int m_index;
    Take m_take;
};

} // namespace mbq
