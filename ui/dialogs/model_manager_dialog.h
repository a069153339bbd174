#pragma once
// Model manager: the model folders the artist has added, each checked on selection (family,
// layout, every component with its format, tensor and parameter counts, what is missing) with a
// rough GPU memory estimate for the current settings. "Use This Model" sets the project's model.

#include "inference/engine.h"

#include <QDialog>

class QLabel;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace mbq {

class ModelManagerDialog : public QDialog
{
    Q_OBJECT

public:
    ModelManagerDialog(const GenerationSettings &settings, QWidget *parent = nullptr);

    static QString settingsKey() { return QStringLiteral("modelFolders"); }
    // Adds a folder to the list (and the settings) and selects it.
    void addFolder(const QString &folder);
    QString summaryText() const;

signals:
    void modelChosen(const QString &folder);

private:
    void showFolder(const QString &folder);
    void browse();

    GenerationSettings m_settings;
    QListWidget *m_folders;
    QTreeWidget *m_components;
    QLabel *m_summary;
    QPushButton *m_use;
};

} // namespace mbq
