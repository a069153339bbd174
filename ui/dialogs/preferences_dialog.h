#pragma once
// Preferences: the interface language, and where and how the engine computes — device,
// precision, the Q bank's and the trajectory cache's budgets and the cache folder. Accepting
// applies the language at once (every open widget retranslates) and remembers it; the engine
// settings are only read back (engineSettings()): the owner hands them to the render thread and
// stores them once the engine accepted them, so a refused device never becomes the saved one.
//
// objectNames: languageCombo, deviceCombo, deviceInUseLabel, precisionCombo, qBankBudgetSpin,
// qBankHostSpin, qBankFp8Check, qBankDiskSpin, trajectoryMemorySpin, trajectoryDiskSpin, cacheFolderEdit, cacheFolderBrowse.

#include "inference/engine.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLineEdit;

namespace mbq {

class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    // Shows `engine` (the settings in use) and `deviceName` (what the engine computes on now).
    PreferencesDialog(const EngineSettings &engine, const QString &deviceName,
                      QWidget *parent = nullptr);

    static QString settingsKey() { return QStringLiteral("language"); }

    EngineSettings engineSettings() const;

    void accept() override;

private:
    QWidget *buildComputeGroup(const EngineSettings &engine, const QString &deviceName);
    QWidget *buildCacheGroup(const EngineSettings &engine);
    void browseCacheFolder();

    QComboBox *m_language;
    QComboBox *m_device;
    QComboBox *m_precision;
    QDoubleSpinBox *m_qBank;
    QDoubleSpinBox *m_qBankHost;
    QCheckBox *m_qBankFp8;
    QDoubleSpinBox *m_qBankDisk;
    QDoubleSpinBox *m_trajectoryMemory;
    QDoubleSpinBox *m_trajectoryDisk;
    QLineEdit *m_cacheFolder;
};

} // namespace mbq
