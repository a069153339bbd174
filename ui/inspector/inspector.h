#pragma once
// The inspector: the current render parameters as editable fields — target, negative and
// source prompts (each with a warning when the model's text encoder would cut it), seed with lock and randomise, size and frames (snapped to what the project's
// model family takes, with a visible note), steps, guidance, shift and sampler. Every edit
// goes through the document, so it is undoable; a refused edit shows why next to the fields, and
// so do current values the family does not take (a project made for another model).

#include "inference/request_rules.h"
#include "ui/inspector/prompt_fit.h"

#include <QWidget>

#include <array>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace mbq {

class ProjectDocument;
class PromptEdit;
struct GenerationSettings;

class Inspector : public QWidget
{
    Q_OBJECT

public:
    explicit Inspector(ProjectDocument *document, QWidget *parent = nullptr);

    // The note under the settings: the last snapping or refused edit, then the current values
    // the project's model family does not take; empty when none.
    QString noteText() const;
    // The warning under a prompt field; empty while the model reads all of it.
    QString promptWarning(PromptFitChecker::Field field) const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void buildForm();
    void retranslate();
    void refresh();
    void commitSeed();
    void randomiseSeed();
    void commitSize();
    void commitFrames();
    void commitSettings(const GenerationSettings &settings);
    void followFamily(const QString &family);
    void showNote(const QString &note);
    void updateNote();
    QString misfitNote() const;
    void showPromptWarning(PromptFitChecker::Field field);

    ProjectDocument *m_document;
    QString m_family; // the family m_rules are for
    RequestRules m_rules;
    QString m_editNote; // the last snapping or refused edit
    PromptEdit *m_targetPrompt;
    PromptEdit *m_negativePrompt;
    PromptEdit *m_sourcePrompt;
    PromptFitChecker *m_promptFit;
    std::array<QLabel *, PromptFitChecker::FieldCount> m_promptWarnings;
    QLineEdit *m_seed;
    QToolButton *m_seedLock;
    QToolButton *m_randomise;
    QSpinBox *m_width;
    QSpinBox *m_height;
    QSpinBox *m_frames;
    QDoubleSpinBox *m_fps;
    QSpinBox *m_steps;
    QDoubleSpinBox *m_guidance;
    QDoubleSpinBox *m_shift;
    QComboBox *m_sampler;
    QLabel *m_note;
    QList<QLabel *> m_labels; // the form's row labels, retranslated on a language change
};

} // namespace mbq
