// Preferences for the engine: they round-trip through QSettings and the dialog, reach the
// engine on the render thread when accepted (and at start-up), and a setting the engine refuses
// is reported and never stored. The engine is the fake one behind a recording wrapper.

#include "core/project/project_document.h"
#include "core/render/render_queue.h"
#include "core/settings/engine_settings_store.h"
#include "ui/dialogs/preferences_dialog.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

#include <mutex>
#include <thread>

using namespace mbq;

namespace {

constexpr int kTimeoutMs = 30000;
constexpr int64_t kGiB = int64_t(1) << 30;

// The settings each configure() call received and the thread it ran on.
struct ConfigureLog
{
    std::mutex mutex;
    std::vector<EngineSettings> settings;
    std::thread::id createdOn;
    std::thread::id configuredOn;

    std::vector<EngineSettings> calls()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return settings;
    }
};

class RecordingEngine : public Engine
{
public:
    explicit RecordingEngine(std::shared_ptr<ConfigureLog> log)
        : m_log(std::move(log))
        , m_inner(createFakeEngine({1, {}, 0}))
    {
        m_log->createdOn = std::this_thread::get_id();
    }
    Result<ModelInfo> loadModel(const std::string &folder) override
    {
        return m_inner->loadModel(folder);
    }
    Result<void> configure(const EngineSettings &settings) override
    {
        {
            std::lock_guard<std::mutex> lock(m_log->mutex);
            m_log->settings.push_back(settings);
            m_log->configuredOn = std::this_thread::get_id();
        }
        return m_inner->configure(settings);
    }
    Result<RenderOutput> render(const RenderRequest &request, const JobHooks &hooks) override
    {
        return m_inner->render(request, hooks);
    }
    std::string deviceName() const override { return m_inner->deviceName(); }

private:
    std::shared_ptr<ConfigureLog> m_log;
    std::unique_ptr<Engine> m_inner;
};

EngineFactory recording(std::shared_ptr<ConfigureLog> log)
{
    return [log] { return std::make_unique<RecordingEngine>(log); };
}

// Settings that differ from the defaults in every field.
EngineSettings customSettings(const QString &cacheFolder)
{
    EngineSettings s;
    s.device = "cpu";
    s.dtype = "f32";
    s.qBankBytes = 2 * kGiB;
    s.qBankHostBytes = 6 * kGiB;
    s.qBankFp8 = true;
    s.qBankDiskBytes = 5 * kGiB;
    s.trajectoryMemoryBytes = kGiB / 2;
    s.trajectoryDiskBytes = 3 * kGiB;
    s.cacheFolder = cacheFolder.toStdString();
    return s;
}

// Opens Preferences through its action, as the artist does. An earlier, closed dialog may
// still await its deferred delete: the open one is the visible one.
PreferencesDialog *openPreferences(MainWindow &window)
{
    window.findChild<QAction *>(QStringLiteral("preferencesAction"))->trigger();
    for (auto *dialog : window.findChildren<PreferencesDialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

void choose(QComboBox *combo, const QString &data)
{
    combo->setCurrentIndex(combo->findData(data));
}

} // namespace

namespace mbq {
// Readable QCOMPARE failures.
char *toString(const EngineSettings &s)
{
    return qstrdup(QStringLiteral("{%1 %2 q=%3 host=%4 qdisk=%5 fp8=%6 mem=%7 disk=%8 '%9'}")
                       .arg(QString::fromStdString(s.device), QString::fromStdString(s.dtype))
                       .arg(s.qBankBytes)
                       .arg(s.qBankHostBytes)
                       .arg(s.qBankDiskBytes)
                       .arg(s.qBankFp8)
                       .arg(s.trajectoryMemoryBytes)
                       .arg(s.trajectoryDiskBytes)
                       .arg(QString::fromStdString(s.cacheFolder))
                       .toUtf8()
                       .constData());
}
} // namespace mbq

class TestPreferences : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("mbq-tests-preferences"));
    }

    void init()
    {
        QSettings settings;
        settings.clear();
    }

    void defaultsUseTheCacheLocation()
    {
        const EngineSettings stored = loadEngineSettings(QSettings());
        QCOMPARE(stored, defaultEngineSettings());
        QCOMPARE(stored.device, std::string("auto"));
        const QString cache = QStandardPaths::writableLocation(QStandardPaths::CacheLocation);
        QVERIFY2(QString::fromStdString(stored.cacheFolder).startsWith(cache),
                 stored.cacheFolder.c_str());
    }

    void settingsRoundTripThroughQSettingsAndTheDialog()
    {
        QTemporaryDir dir;
        const EngineSettings custom = customSettings(dir.path());
        {
            QSettings settings;
            saveEngineSettings(settings, custom);
        }
        QCOMPARE(loadEngineSettings(QSettings()), custom);

        PreferencesDialog dialog(custom, QStringLiteral("Fake engine (no compute)"));
        QCOMPARE(dialog.engineSettings(), custom);
        auto *qBank = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("qBankBudgetSpin"));
        QCOMPARE(qBank->value(), 2.0);
        QCOMPARE(
            dialog.findChild<QDoubleSpinBox *>(QStringLiteral("trajectoryMemorySpin"))->value(),
            0.5);
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("deviceInUseLabel"))
                    ->text()
                    .contains(QStringLiteral("Fake engine")));
        // 0 is "no limit" for the Q bank, and says so.
        qBank->setValue(0.0);
        QCOMPARE(qBank->text(), QStringLiteral("No limit"));
        QCOMPARE(dialog.engineSettings().qBankBytes, int64_t(0));
        // The host tier and fp8 storage are shown and read back.
        auto *host = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("qBankHostSpin"));
        QCOMPARE(host->value(), 6.0);
        host->setValue(0.0);
        QCOMPARE(host->text(), QStringLiteral("None"));
        QCOMPARE(dialog.engineSettings().qBankHostBytes, int64_t(0));
        auto *fp8 = dialog.findChild<QCheckBox *>(QStringLiteral("qBankFp8Check"));
        QVERIFY(fp8->isChecked());
        fp8->setChecked(false);
        QVERIFY(!dialog.engineSettings().qBankFp8);
        auto *disk = dialog.findChild<QDoubleSpinBox *>(QStringLiteral("qBankDiskSpin"));
        QCOMPARE(disk->value(), 5.0);
        disk->setValue(0.0);
        QCOMPARE(disk->text(), QStringLiteral("None"));
        QCOMPARE(dialog.engineSettings().qBankDiskBytes, int64_t(0));
    }

    void acceptedPreferencesReachTheEngineOnTheRenderThread()
    {
        auto log = std::make_shared<ConfigureLog>();
        RenderQueue queue(recording(log));
        ProjectDocument document;
        MainWindow window(&document, &queue);
        // The stored settings (the defaults here) are applied at start-up.
        QTRY_COMPARE_WITH_TIMEOUT(log->calls().size(), size_t(1), kTimeoutMs);
        QCOMPARE(log->calls().front(), defaultEngineSettings());

        PreferencesDialog *dialog = openPreferences(window);
        QVERIFY(dialog);
        QTemporaryDir dir;
        choose(dialog->findChild<QComboBox *>(QStringLiteral("deviceCombo")), "cpu");
        choose(dialog->findChild<QComboBox *>(QStringLiteral("precisionCombo")), "f32");
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("qBankBudgetSpin"))->setValue(2.0);
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("qBankHostSpin"))->setValue(6.0);
        dialog->findChild<QCheckBox *>(QStringLiteral("qBankFp8Check"))->setChecked(true);
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("qBankDiskSpin"))->setValue(5.0);
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("trajectoryMemorySpin"))->setValue(0.5);
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("trajectoryDiskSpin"))->setValue(3.0);
        dialog->findChild<QLineEdit *>(QStringLiteral("cacheFolderEdit"))->setText(dir.path());
        dialog->accept();

        const EngineSettings expected = customSettings(dir.path());
        QTRY_COMPARE_WITH_TIMEOUT(log->calls().size(), size_t(2), kTimeoutMs);
        QCOMPARE(log->calls().back(), expected);
        QVERIFY(log->configuredOn == log->createdOn);
        QVERIFY(log->configuredOn != std::this_thread::get_id());
        // Stored once the engine accepted them, and offered the next time.
        QTRY_COMPARE_WITH_TIMEOUT(loadEngineSettings(QSettings()), expected, kTimeoutMs);
        PreferencesDialog *again = openPreferences(window);
        QCOMPARE(again->engineSettings(), expected);
        again->reject();
    }

    void storedPreferencesAreAppliedAtStartUp()
    {
        QTemporaryDir dir;
        const EngineSettings custom = customSettings(dir.path());
        {
            QSettings settings;
            saveEngineSettings(settings, custom);
        }
        auto log = std::make_shared<ConfigureLog>();
        RenderQueue queue(recording(log));
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QTRY_COMPARE_WITH_TIMEOUT(log->calls().size(), size_t(1), kTimeoutMs);
        QCOMPARE(log->calls().front(), custom);
    }

    void aRefusedDeviceIsReportedAndNotStored()
    {
        auto log = std::make_shared<ConfigureLog>();
        RenderQueue queue(recording(log));
        ProjectDocument document;
        MainWindow window(&document, &queue);
        QTRY_COMPARE_WITH_TIMEOUT(log->calls().size(), size_t(1), kTimeoutMs);

        PreferencesDialog *dialog = openPreferences(window);
        choose(dialog->findChild<QComboBox *>(QStringLiteral("deviceCombo")), "cuda");
        dialog->findChild<QDoubleSpinBox *>(QStringLiteral("qBankBudgetSpin"))->setValue(4.0);
        dialog->accept();

        // The engine's own reason reaches the artist, in the status bar and a message box.
        QTRY_VERIFY_WITH_TIMEOUT(
            window.statusBar()->currentMessage().contains(QStringLiteral("no CUDA device")),
            kTimeoutMs);
        QMessageBox *box = nullptr;
        for (QMessageBox *candidate : window.findChildren<QMessageBox *>()) {
            if (candidate->text().contains(QStringLiteral("no CUDA device")))
                box = candidate;
        }
        QVERIFY(box);
        QCOMPARE(log->calls().size(), size_t(2));
        QCOMPARE(log->calls().back().device, std::string("cuda"));
        // Nothing of the refused settings is stored; the dialog offers the old ones again.
        QCOMPARE(loadEngineSettings(QSettings()), defaultEngineSettings());
        PreferencesDialog *again = openPreferences(window);
        QCOMPARE(again->engineSettings(), defaultEngineSettings());
        again->reject();
    }
};

QTEST_MAIN(TestPreferences)
#include "tst_preferences.moc"
