#pragma once
// A multi-line prompt field bound to one of the document's prompts. Typing pushes edits as the
// artist types (the document merges them into one undo step); a refresh from the document keeps
// the cursor and never pushes an edit back.

#include <QPlainTextEdit>

#include <functional>

namespace mbq {

class PromptEdit : public QPlainTextEdit
{
    Q_OBJECT

public:
    using Commit = std::function<void(const QString &)>;

    PromptEdit(Commit commit, QWidget *parent = nullptr);

    // Shows `text` unless it is what the field already holds (so typing is never disturbed).
    void showText(const QString &text);

    QSize sizeHint() const override;

private:
    Commit m_commit;
    bool m_refreshing = false;
};

} // namespace mbq
