#include "ui/dialogs/model_manager_dialog.h"

#include "inference/checkpoint_tools.h"
#include "ui/status/engine_text.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace mbq {
namespace {

// Weights at bf16 plus the activations of one DiT pass (Wan) or UNet pass (VC2) at these
// settings: tokens × width × bytes × a working factor for attention and the FFN. A rough guide
// to whether a setting fits, not a promise.
double estimateGpuGigabytes(const ModelFolderSummary &summary, const GenerationSettings &s)
{
    int64_t parameters = 0;
    for (const ComponentSummary &c : summary.components) {
        if (c.role != "text_encoder") // released after encoding
            parameters += c.parameters;
    }
    const double weights = double(parameters) * 2.0;
    const double latentFrames = (s.frames - 1) / 4 + 1;
    const double tokens = latentFrames * (s.width / 16.0) * (s.height / 16.0);
    const double activations = tokens * 1536.0 * 2.0 * 24.0;
    return (weights + activations) / double(1 << 30);
}

} // namespace

ModelManagerDialog::ModelManagerDialog(const GenerationSettings &settings, QWidget *parent)
    : QDialog(parent)
    , m_settings(settings)
    , m_folders(new QListWidget)
    , m_components(new QTreeWidget)
    , m_summary(new QLabel)
    , m_use(new QPushButton(tr("Use This Model")))
{
    setWindowTitle(tr("Model Manager"));
    setObjectName(QStringLiteral("modelManagerDialog"));
    m_folders->setObjectName(QStringLiteral("modelFolders"));
    m_summary->setObjectName(QStringLiteral("modelSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_components->setHeaderLabels(
            {tr("Component"), tr("File"), tr("Format"), tr("Tensors"), tr("Parameters"), tr("State")});
    m_components->setRootIsDecorated(false);
    m_components->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    for (const QString &folder : QSettings().value(settingsKey()).toStringList())
        m_folders->addItem(folder);

    auto *add = new QPushButton(tr("Add Folder…"));
    auto *remove = new QPushButton(tr("Remove"));
    auto *left = new QVBoxLayout;
    left->addWidget(m_folders);
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(add);
    listButtons->addWidget(remove);
    left->addLayout(listButtons);
    auto *leftWidget = new QWidget;
    leftWidget->setLayout(left);
    auto *rightWidget = new QWidget;
    auto *right = new QVBoxLayout(rightWidget);
    right->addWidget(m_summary);
    right->addWidget(m_components);
    auto *split = new QSplitter;
    split->addWidget(leftWidget);
    split->addWidget(rightWidget);
    split->setStretchFactor(1, 2);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    buttons->addButton(m_use, QDialogButtonBox::AcceptRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split);
    layout->addWidget(buttons);
    resize(900, 480);

    connect(add, &QPushButton::clicked, this, &ModelManagerDialog::browse);
    connect(remove, &QPushButton::clicked, this, [this] {
        delete m_folders->takeItem(m_folders->currentRow());
        QStringList folders;
        for (int i = 0; i < m_folders->count(); ++i)
            folders << m_folders->item(i)->text();
        QSettings().setValue(settingsKey(), folders);
    });
    connect(m_folders, &QListWidget::currentTextChanged, this, &ModelManagerDialog::showFolder);
    connect(m_use, &QPushButton::clicked, this, [this] {
        if (m_folders->currentItem())
            emit modelChosen(m_folders->currentItem()->text());
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_use->setEnabled(false);
    if (m_folders->count() > 0)
        m_folders->setCurrentRow(0);
}

void ModelManagerDialog::browse()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Add Model Folder"));
    if (!folder.isEmpty())
        addFolder(folder);
}

void ModelManagerDialog::addFolder(const QString &folder)
{
    const auto existing = m_folders->findItems(folder, Qt::MatchExactly);
    if (existing.isEmpty()) {
        m_folders->addItem(folder);
        QStringList folders = QSettings().value(settingsKey()).toStringList();
        folders << folder;
        QSettings().setValue(settingsKey(), folders);
    }
    m_folders->setCurrentItem(m_folders->findItems(folder, Qt::MatchExactly).front());
}

void ModelManagerDialog::showFolder(const QString &folder)
{
    m_components->clear();
    if (folder.isEmpty()) {
        m_summary->clear();
        m_use->setEnabled(false);
        return;
    }
    const auto summary = summariseModelFolder(folder.toStdString());
    if (!summary) {
        m_summary->setText(tr("Not usable: %1").arg(QString::fromStdString(summary.error().message)));
        m_use->setEnabled(false);
        return;
    }
    const QLocale locale;
    int64_t parameters = 0;
    for (const ComponentSummary &c : summary->components) {
        parameters += c.parameters;
        auto *item = new QTreeWidgetItem(m_components);
        item->setText(0, QString::fromStdString(c.role));
        item->setText(1, QString::fromStdString(c.file));
        item->setText(2, QString::fromStdString(c.format));
        item->setText(3, c.tensors ? locale.toString(qlonglong(c.tensors)) : QString());
        item->setText(4, c.parameters ? locale.toString(qlonglong(c.parameters)) : QString());
        item->setText(5, c.problem.empty() ? (c.present ? tr("ok") : tr("missing"))
                                           : QString::fromStdString(c.problem));
    }
    QString text = tr("%1 (%2 layout) · %3 parameters · about %4 GB of GPU memory at %5×%6, "
                      "%7 frames (rough estimate)")
                           .arg(QString::fromStdString(summary->family.empty() ? "unknown" : summary->family),
                                layoutText(QString::fromStdString(summary->layout)))
                           .arg(locale.toString(qlonglong(parameters)))
                           .arg(locale.toString(estimateGpuGigabytes(*summary, m_settings), 'f', 1))
                           .arg(m_settings.width)
                           .arg(m_settings.height)
                           .arg(m_settings.frames);
    for (const std::string &missing : summary->missing)
        text += QLatin1Char('\n') + tr("Missing: %1").arg(QString::fromStdString(missing));
    m_summary->setText(text);
    m_use->setEnabled(summary->complete());
}

QString ModelManagerDialog::summaryText() const
{
    return m_summary->text();
}

} // namespace mbq
