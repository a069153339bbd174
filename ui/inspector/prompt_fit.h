#pragma once
// Whether a prompt fits what the model's text encoder reads. The encoders read a fixed number of
// tokens (umT5 for Wan: 512; CLIP for VideoCrafter2: 77) and cut the rest silently, so a long
// prompt renders as if its end were not there. PromptFitChecker asks the model's own tokenizer,
// off the UI thread, a moment after the last edit, and says so in words for the inspector.

#include <QObject>
#include <QString>

#include <array>
#include <optional>

class QTimer;

namespace mbq {

struct PromptFit
{
    int tokens = 0; // the tokens the encoder reads of it (marks included; at most `limit`)
    int limit = 0; // tokens the encoder reads
    bool cut = false; // known to be longer than `limit`: the rest is dropped
    bool full = false; // fills `limit` exactly or more (CLIP cannot tell which)
};

// Blocking: loads the tokenizer of the model in `folder`. nullopt when the family has none that
// can be asked here, or the folder cannot be read (the model's own checks report that).
std::optional<PromptFit> fitPrompt(const QString &folder, const QString &family,
                                   const QString &prompt);
// The inspector's warning for `fit`; empty when the whole prompt is read.
QString promptFitWarning(const PromptFit &fit);

class PromptFitChecker : public QObject
{
    Q_OBJECT

public:
    enum Field { Target, Negative, Source, FieldCount };

    explicit PromptFitChecker(QObject *parent = nullptr);

    void setModel(const QString &folder, const QString &family);
    // Checks `prompt` a moment after the last call for `field` (nothing when neither it nor the
    // model changed); answers with fitChanged.
    void check(Field field, const QString &prompt);
    // promptFitWarning() of the field's last answer, in the current language.
    QString warning(Field field) const;

signals:
    void fitChanged(mbq::PromptFitChecker::Field field);

private:
    struct State
    {
        QTimer *timer = nullptr;
        QString pending; // the prompt to check when the timer fires
        QString checked; // the prompt the warning is for
        std::optional<PromptFit> fit;
        quint64 generation = 0; // answers for older requests are dropped
    };

    void start(Field field);
    void finish(Field field, quint64 generation, const std::optional<PromptFit> &fit);

    QString m_folder;
    QString m_family;
    std::array<State, FieldCount> m_fields;
};

} // namespace mbq
