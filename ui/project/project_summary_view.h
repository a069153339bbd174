#pragma once
// The shell's central view: the current project at a glance (source, model, prompts,
// generation settings, injection schedule), read-only, refreshed whenever the document
// changes. The full inspector and timeline replace it in the editor proper.

#include <QWidget>

class QFormLayout;
class QLabel;

namespace mbq {

struct ProjectData;

class ProjectSummaryView : public QWidget
{
    Q_OBJECT

public:
    explicit ProjectSummaryView(QWidget *parent = nullptr);

    void showProject(const ProjectData &data);

    // "block.20–block.29 at 1.00", "block.3 at 0.50, block.7 at 1.00", or "off".
    static QString describeLayers(const ProjectData &data);

private:
    QLabel *addRow(const QString &label, const char *objectName);

    QFormLayout *m_form = nullptr;
    QLabel *m_source = nullptr;
    QLabel *m_model = nullptr;
    QLabel *m_prompt = nullptr;
    QLabel *m_negative = nullptr;
    QLabel *m_sourcePrompt = nullptr;
    QLabel *m_generation = nullptr;
    QLabel *m_layers = nullptr;
    QLabel *m_steps = nullptr;
    QLabel *m_extraction = nullptr;
    QLabel *m_takes = nullptr;
};

} // namespace mbq
