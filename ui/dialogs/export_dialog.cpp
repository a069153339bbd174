#include "ui/dialogs/export_dialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QThread>
#include <QToolButton>

#include <algorithm>

namespace mbq {
namespace {

struct Format
{
    const char *label;
    VideoCodec codec;
    const char *suffix;
};

const Format kFormats[] = {
        {QT_TRANSLATE_NOOP("mbq::ExportDialog", "MP4, H.264 (plays everywhere)"), VideoCodec::H264,
         "mp4"},
        {QT_TRANSLATE_NOOP("mbq::ExportDialog", "MP4, H.265 (smaller)"), VideoCodec::H265, "mp4"},
        {QT_TRANSLATE_NOOP("mbq::ExportDialog", "MKV, FFV1 (lossless RGB)"), VideoCodec::Ffv1,
         "mkv"},
};

// The path field is as wide as its path, so it reads whole, within these bounds (in average
// characters of its font).
constexpr int kPathFieldMinChars = 40;
constexpr int kPathFieldMaxChars = 110;

} // namespace

ExportDialog::ExportDialog(const Take &take, const QString &sourceClip, QWidget *parent)
    : QDialog(parent)
    , m_take(take)
    , m_sourceClip(sourceClip)
    , m_format(new QComboBox)
    , m_crf(new QSpinBox)
    , m_preset(new QComboBox)
    , m_sideBySide(new QCheckBox(tr("Side by side: source | injected | baseline")))
    , m_metadata(new QCheckBox(tr("Store the render parameters in the file")))
    , m_outPath(new QLineEdit)
    , m_status(new QLabel)
    , m_export(new QPushButton(tr("Export")))
{
    setWindowTitle(tr("Export %1").arg(take.label));
    setObjectName(QStringLiteral("exportDialog"));
    for (const Format &format : kFormats)
        m_format->addItem(tr(format.label));
    m_crf->setRange(0, 51);
    m_crf->setValue(18);
    m_crf->setToolTip(tr("Lower is better quality and larger files; 18 looks lossless to most"));
    for (const char *preset : {"ultrafast", "fast", "medium", "slow", "veryslow"})
        m_preset->addItem(QString::fromLatin1(preset));
    m_preset->setCurrentText(QStringLiteral("medium"));
    m_metadata->setChecked(true);
    m_sideBySide->setEnabled(!take.baselinePath.isEmpty() || !sourceClip.isEmpty());
    m_outPath->setObjectName(QStringLiteral("exportPath"));
    const QFileInfo video(take.videoPath);
    m_outPath->setText(video.dir().filePath(video.completeBaseName() + QStringLiteral("-export.mp4")));
    m_status->setWordWrap(true);

    auto *browse = new QToolButton;
    browse->setText(tr("…"));
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_outPath);
    pathRow->addWidget(browse);
    auto *form = new QFormLayout(this);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Quality (CRF):"), m_crf);
    form->addRow(tr("&Speed preset:"), m_preset);
    form->addRow(m_sideBySide);
    form->addRow(m_metadata);
    // A row of a layout gets no buddy from the form, and a label without one shows its '&'.
    // Alt+L, as Alt+F is the format's.
    auto *fileLabel = new QLabel(tr("Fi&le:"));
    fileLabel->setBuddy(m_outPath);
    form->addRow(fileLabel, pathRow);
    form->addRow(m_status);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_export, QDialogButtonBox::AcceptRole);
    form->addRow(buttons);

    connect(browse, &QToolButton::clicked, this, &ExportDialog::browse);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportDialog::syncControls);
    connect(m_outPath, &QLineEdit::textChanged, this, &ExportDialog::fitPathField);
    connect(m_export, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    syncControls();
    fitPathField();
}

ExportDialog::~ExportDialog()
{
    if (m_thread) { // an export still running finishes its file before the dialog goes
        m_thread->wait();
        delete m_thread;
    }
}

void ExportDialog::syncControls()
{
    const Format &format = kFormats[std::max(0, m_format->currentIndex())];
    const bool lossy = format.codec == VideoCodec::H264 || format.codec == VideoCodec::H265;
    m_crf->setEnabled(lossy);
    m_preset->setEnabled(lossy);
    const QFileInfo out(m_outPath->text());
    if (out.suffix() != QLatin1String(format.suffix))
        m_outPath->setText(out.dir().filePath(out.completeBaseName() + QLatin1Char('.')
                                              + QLatin1String(format.suffix)));
}

void ExportDialog::browse()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export To"), m_outPath->text());
    if (!path.isEmpty())
        setOutPath(path);
}

void ExportDialog::fitPathField()
{
    const QFontMetrics metrics = m_outPath->fontMetrics();
    const int chars = metrics.averageCharWidth();
    // Two characters more for the frame and the text margins.
    const int text = metrics.horizontalAdvance(m_outPath->text()) + 2 * chars;
    m_outPath->setMinimumWidth(
        std::clamp(text, kPathFieldMinChars * chars, kPathFieldMaxChars * chars));
}

void ExportDialog::setOutPath(const QString &path)
{
    m_outPath->setText(path);
}

TakeExportSpec ExportDialog::spec() const
{
    TakeExportSpec spec;
    spec.videoPath = m_take.videoPath;
    spec.settings = m_take.parameters.settings;
    spec.sideBySide = m_sideBySide->isChecked();
    if (spec.sideBySide) {
        spec.baselinePath = m_take.baselinePath;
        spec.sourceClip = m_sourceClip;
    }
    spec.encode.codec = kFormats[std::max(0, m_format->currentIndex())].codec;
    spec.encode.crf = m_crf->value();
    spec.encode.preset = m_preset->currentText();
    if (!m_metadata->isChecked())
        spec.encode.metadataJson = QByteArrayLiteral("{}"); // non-empty: nothing copied over
    spec.outPath = m_outPath->text();
    return spec;
}

void ExportDialog::startExport()
{
    if (m_thread)
        return;
    const TakeExportSpec exportSpec = spec();
    m_export->setEnabled(false);
    m_status->setText(tr("Exporting %1…").arg(QFileInfo(exportSpec.outPath).fileName()));
    m_thread = QThread::create([this, exportSpec] {
        const Result<void> done = exportTake(exportSpec);
        const bool ok = done.ok();
        const QString message = ok ? tr("Wrote %1").arg(exportSpec.outPath)
                                   : QString::fromStdString(done.error().message);
        QMetaObject::invokeMethod(
                this,
                [this, ok, message] {
                    m_thread->wait();
                    delete m_thread;
                    m_thread = nullptr;
                    m_status->setText(message);
                    m_export->setEnabled(true);
                    emit finished(ok, message);
                },
                Qt::QueuedConnection);
    });
    m_thread->start();
}

} // namespace mbq
