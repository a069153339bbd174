#include "ui/inspector/prompt_edit.h"

#include <QScopedValueRollback>
#include <QTextCursor>

namespace mbq {

PromptEdit::PromptEdit(Commit commit, QWidget *parent)
    : QPlainTextEdit(parent), m_commit(std::move(commit))
{
    setTabChangesFocus(true); // Tab moves on, as in every other field of the form
    connect(this, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_refreshing)
            m_commit(toPlainText());
    });
}

void PromptEdit::showText(const QString &text)
{
    if (toPlainText() == text)
        return;
    const QScopedValueRollback<bool> refreshing(m_refreshing, true);
    const int position = textCursor().position();
    setPlainText(text);
    QTextCursor cursor = textCursor();
    cursor.setPosition(std::min(position, int(text.size())));
    setTextCursor(cursor);
}

QSize PromptEdit::sizeHint() const
{
    // Three lines: long prompts scroll, short ones do not waste the inspector's height.
    const int lines = 3;
    return {QPlainTextEdit::sizeHint().width(),
            fontMetrics().lineSpacing() * lines + 2 * (frameWidth() + 4)};
}

} // namespace mbq
