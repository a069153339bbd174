#include "ui/dialogs/preferences_dialog.h"

#include "ui/i18n/language.h"
#include "ui/status/engine_text.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

#include <cmath>

namespace mbq {
namespace {

constexpr double kGiB = double(int64_t(1) << 30);
constexpr double kMaxBudgetGiB = 1024.0;

QDoubleSpinBox *gibSpinBox(int64_t bytes, const char *name)
{
    auto *box = new QDoubleSpinBox;
    box->setObjectName(QLatin1String(name));
    box->setRange(0.0, kMaxBudgetGiB);
    box->setDecimals(1);
    box->setSingleStep(0.5);
    box->setValue(double(bytes) / kGiB);
    return box;
}

int64_t bytesOf(const QDoubleSpinBox *box)
{
    return int64_t(std::llround(box->value() * kGiB));
}

void selectData(QComboBox *combo, const std::string &value)
{
    combo->setCurrentIndex(std::max(0, combo->findData(QString::fromStdString(value))));
}

std::string dataOf(const QComboBox *combo)
{
    return combo->currentData().toString().toStdString();
}

} // namespace

PreferencesDialog::PreferencesDialog(const EngineSettings &engine, const QString &deviceName,
                                     QWidget *parent)
    : QDialog(parent)
    , m_language(new QComboBox)
    , m_device(new QComboBox)
    , m_precision(new QComboBox)
    , m_qBank(gibSpinBox(engine.qBankBytes, "qBankBudgetSpin"))
    , m_qBankHost(gibSpinBox(engine.qBankHostBytes, "qBankHostSpin"))
    , m_qBankFp8(new QCheckBox)
    , m_qBankDisk(gibSpinBox(engine.qBankDiskBytes, "qBankDiskSpin"))
    , m_trajectoryMemory(gibSpinBox(engine.trajectoryMemoryBytes, "trajectoryMemorySpin"))
    , m_trajectoryDisk(gibSpinBox(engine.trajectoryDiskBytes, "trajectoryDiskSpin"))
    , m_cacheFolder(new QLineEdit)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferencesDialog"));
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->addItem(tr("System default"), QString());
    for (const QString &code : availableLanguages()) {
        // Each language named in itself, so an artist can find theirs in any interface language.
        const QLocale locale(code);
        m_language->addItem(QLocale::languageToString(locale.language()) + QStringLiteral(" — ")
                                + locale.nativeLanguageName(),
                            code);
    }
    const QString current = QSettings().value(settingsKey()).toString();
    m_language->setCurrentIndex(std::max(0, m_language->findData(current)));

    auto *general = new QFormLayout;
    general->addRow(tr("&Language:"), m_language);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(general);
    layout->addWidget(buildComputeGroup(engine, deviceName));
    layout->addWidget(buildCacheGroup(engine));
    layout->addWidget(buttons);
}

QWidget *PreferencesDialog::buildComputeGroup(const EngineSettings &engine,
                                              const QString &deviceName)
{
    m_device->setObjectName(QStringLiteral("deviceCombo"));
    m_device->addItem(tr("Automatic (CUDA when present)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("CUDA GPU"), QStringLiteral("cuda"));
    selectData(m_device, engine.device);
    m_precision->setObjectName(QStringLiteral("precisionCombo"));
    m_precision->addItem(tr("Automatic (bfloat16 on CUDA, float32 on CPU)"),
                         QStringLiteral("auto"));
    m_precision->addItem(tr("float32"), QStringLiteral("f32"));
    m_precision->addItem(tr("bfloat16"), QStringLiteral("bf16"));
    selectData(m_precision, engine.dtype);
    auto *inUse = new QLabel(deviceName.isEmpty() ? tr("In use: starting…")
                                                  : tr("In use: %1").arg(deviceText(deviceName)));
    inUse->setObjectName(QStringLiteral("deviceInUseLabel"));
    inUse->setForegroundRole(QPalette::PlaceholderText);

    auto *group = new QGroupBox(tr("Computation"));
    auto *form = new QFormLayout(group);
    form->addRow(tr("&Device:"), m_device);
    form->addRow(QString(), inUse);
    form->addRow(tr("&Precision:"), m_precision);
    return group;
}

QWidget *PreferencesDialog::buildCacheGroup(const EngineSettings &engine)
{
    for (QDoubleSpinBox *box :
         {m_qBank, m_qBankHost, m_qBankDisk, m_trajectoryMemory, m_trajectoryDisk})
        box->setSuffix(tr(" GiB"));
    m_qBank->setSpecialValueText(tr("No limit"));
    m_qBank->setToolTip(tr("Memory on the compute device for the source's captured queries, "
                           "kept so the next render of the same source skips extraction"));
    m_qBankHost->setSpecialValueText(tr("None"));
    m_qBankHost->setToolTip(tr("Host memory for captured queries past the device budget; on a "
                               "GPU they come back over PCIe instead of being extracted again"));
    m_qBankDisk->setSpecialValueText(tr("None"));
    m_qBankDisk->setToolTip(tr("Disk space in the cache folder for captured queries past the "
                               "memory budgets"));
    m_qBankFp8->setObjectName(QStringLiteral("qBankFp8Check"));
    m_qBankFp8->setText(tr("Store queries in &8-bit floating point"));
    m_qBankFp8->setChecked(engine.qBankFp8);
    m_qBankFp8->setToolTip(tr("A quarter of float32's memory per query, with a scale per token "
                              "and head; each value keeps three mantissa bits"));
    m_trajectoryMemory->setToolTip(tr("Memory for the latent after each denoising step, kept so "
                                      "a re-render resumes at the first step that changed"));
    m_trajectoryDisk->setToolTip(tr("Disk space in the cache folder for steps that no longer "
                                    "fit in memory"));
    m_cacheFolder->setObjectName(QStringLiteral("cacheFolderEdit"));
    m_cacheFolder->setText(QString::fromStdString(engine.cacheFolder));
    m_cacheFolder->setPlaceholderText(tr("None: steps are kept in memory only"));
    auto *browse = new QPushButton(tr("&Browse…"));
    browse->setObjectName(QStringLiteral("cacheFolderBrowse"));
    connect(browse, &QPushButton::clicked, this, &PreferencesDialog::browseCacheFolder);
    // Wide enough for a typical home-relative path to show whole.
    m_cacheFolder->setMinimumWidth(m_cacheFolder->fontMetrics().averageCharWidth() * 40);
    auto *folder = new QHBoxLayout;
    folder->addWidget(m_cacheFolder, 1);
    folder->addWidget(browse);
    auto *folderLabel = new QLabel(tr("Cache &folder:"));
    folderLabel->setBuddy(m_cacheFolder); // a row of two widgets gets no buddy by itself

    auto *group = new QGroupBox(tr("Caches"));
    auto *form = new QFormLayout(group);
    form->addRow(tr("&Q bank:"), m_qBank);
    form->addRow(tr("Q bank in &host memory:"), m_qBankHost);
    form->addRow(tr("Q bank on di&sk:"), m_qBankDisk);
    form->addRow(QString(), m_qBankFp8);
    form->addRow(tr("&Trajectory in memory:"), m_trajectoryMemory);
    form->addRow(tr("Trajectory on dis&k:"), m_trajectoryDisk);
    form->addRow(folderLabel, folder);
    return group;
}

void PreferencesDialog::browseCacheFolder()
{
    const QString folder
        = QFileDialog::getExistingDirectory(this, tr("Choose Cache Folder"), m_cacheFolder->text());
    if (!folder.isEmpty())
        m_cacheFolder->setText(QDir::toNativeSeparators(folder));
}

EngineSettings PreferencesDialog::engineSettings() const
{
    EngineSettings engine;
    engine.device = dataOf(m_device);
    engine.dtype = dataOf(m_precision);
    engine.qBankBytes = bytesOf(m_qBank);
    engine.qBankHostBytes = bytesOf(m_qBankHost);
    engine.qBankFp8 = m_qBankFp8->isChecked();
    engine.qBankDiskBytes = bytesOf(m_qBankDisk);
    engine.trajectoryMemoryBytes = bytesOf(m_trajectoryMemory);
    engine.trajectoryDiskBytes = bytesOf(m_trajectoryDisk);
    engine.cacheFolder = m_cacheFolder->text().trimmed().toStdString();
    return engine;
}

void PreferencesDialog::accept()
{
    const QString code = m_language->currentData().toString();
    QSettings settings;
    if (code != settings.value(settingsKey()).toString()) {
        settings.setValue(settingsKey(), code);
        installLanguage(qApp, code);
    }
    QDialog::accept();
}

} // namespace mbq
