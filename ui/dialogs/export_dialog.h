#pragma once
// Export: the current take as MP4 (H.264 or H.265, quality and speed selectable) or lossless
// (FFV1 in MKV), optionally as the labelled side-by-side comparison, with the render parameters
// in the file's metadata. The encode runs on a worker thread; the dialog stays responsive.

#include "core/media/take_export.h"
#include "core/project/project_data.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace mbq {

class ExportDialog : public QDialog
{
    Q_OBJECT

public:
    ExportDialog(const Take &take, const QString &sourceClip, QWidget *parent = nullptr);
    ~ExportDialog() override;

    TakeExportSpec spec() const;
    void setOutPath(const QString &path);
    // Starts the export (what the Export button does); `finished` tells how it went.
    void startExport();

signals:
    void finished(bool ok, const QString &message);

private:
    void browse();
    void syncControls();
    void fitPathField();

    Take m_take;
    QString m_sourceClip;
    QComboBox *m_format;
    QSpinBox *m_crf;
    QComboBox *m_preset;
    QCheckBox *m_sideBySide;
    QCheckBox *m_metadata;
    QLineEdit *m_outPath;
    QLabel *m_status;
    QPushButton *m_export;
    QThread *m_thread = nullptr;
};

} // namespace mbq
