#include "core/project/commands.h"

namespace mbq {

InsertTakeCommand::InsertTakeCommand(ProjectDocument *document, int index, Take take)
    : QUndoCommand(ProjectDocument::tr("Add take \"%1\"").arg(take.label))
    , m_document(document)
    , m_index(index)
    , m_take(std::move(take))
{ }

void InsertTakeCommand::redo()
{
    m_document->mutableData().takes.insert(m_index, m_take);
    m_document->notify(ProjectDocument::Aspect::Takes);
}

void InsertTakeCommand::undo()
{
    m_document->mutableData().takes.removeAt(m_index);
    m_document->notify(ProjectDocument::Aspect::Takes);
}

RemoveTakeCommand::RemoveTakeCommand(ProjectDocument *document, int index)
    : QUndoCommand(
        ProjectDocument::tr("Remove take \"%1\"").arg(document->data().takes.at(index).label))
    , m_document(document)
    , m_index(index)
    , m_take(document->data().takes.at(index))
{ }

void RemoveTakeCommand::redo()
{
    m_document->mutableData().takes.removeAt(m_index);
    m_document->notify(ProjectDocument::Aspect::Takes);
}

void RemoveTakeCommand::undo()
{
    m_document->mutableData().takes.insert(m_index, m_take);
    m_document->notify(ProjectDocument::Aspect::Takes);
}

} // namespace mbq
